"""The journey grid's table on its own: cursor keys, scrolling, clicks, edits and a fixed frame.

The header stays on the top line and the name column on the left however far the rows and the
persona columns scroll; the cursor is always in view and never on a phase row; an edit redraws
its row only.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import App, ComposeResult

from cjworkshop.ui.widgets.grid_layout import GridColumn, GridRow
from cjworkshop.ui.widgets.journey_grid import JourneyGrid

PERSONAS = 10
TOUCHPOINTS = 60


def phase_row(key: str) -> GridRow:
    return GridRow(key, Text(f"▸ {key}"), tuple(Text("⌀") for _ in range(PERSONAS)), "phase")


def touchpoint_row(number: int) -> GridRow:
    return GridRow(
        f"t{number}",
        Text(f"Touchpoint {number}"),
        tuple(Text(f"{number}.{p}") for p in range(PERSONAS)),
    )


class GridApp(App[None]):
    def __init__(self, rows: list[GridRow] | None = None) -> None:
        super().__init__()
        self.chosen: list[tuple[str, str]] = []
        self.moves: list[tuple[str, str]] = []
        self.rows = rows or [phase_row("phase")] + [touchpoint_row(t) for t in range(TOUCHPOINTS)]

    def compose(self) -> ComposeResult:
        yield JourneyGrid(id="grid")

    def on_mount(self) -> None:
        columns = [GridColumn(f"p{n}", Text(f"Persona {n}")) for n in range(PERSONAS)]
        rows = self.rows
        grid = self.query_one(JourneyGrid)
        grid.show(Text("Touchpoint"), columns, rows)
        grid.focus()

    def on_journey_grid_cell_chosen(self, event: JourneyGrid.CellChosen) -> None:
        self.chosen.append((event.row_key, event.column_key))

    def on_journey_grid_cursor_moved(self, event: JourneyGrid.CursorMoved) -> None:
        self.moves.append((event.row_key, event.column_key))


def screen_lines(grid: JourneyGrid) -> list[str]:
    return [grid.render_line(y).text for y in range(grid.size.height)]


async def test_keys_move_the_cursor_and_scroll_it_into_view() -> None:
    app = GridApp()
    async with app.run_test(size=(60, 12)) as pilot:
        grid = app.query_one(JourneyGrid)
        assert grid.cursor == (1, 0), "the cursor starts on the first touchpoint"
        await pilot.press("down", "right")
        assert grid.cursor == (2, 1)
        assert grid.cursor_keys() == ("t1", "p1")
        assert app.moves[-1] == ("t1", "p1")
        await pilot.press("end")
        assert grid.cursor == (TOUCHPOINTS, 1)
        lines = screen_lines(grid)
        assert lines[0].startswith(" Touchpoint ")
        assert any(f"Touchpoint {TOUCHPOINTS - 1}" in line for line in lines)
        await pilot.press("home", "pagedown")
        assert grid.cursor[0] > 1
        await pilot.press(*["right"] * 20)
        assert grid.cursor == (grid.cursor[0], PERSONAS - 1), "the cursor stops at the last column"
        lines = screen_lines(grid)
        assert "Persona 9" in lines[0]
        assert "Persona 0" not in lines[0]
        # The name column stays put while the persona columns scroll.
        assert lines[0].startswith(" Touchpoint ")
        assert lines[1].startswith(" ")
        assert grid.scroll_offset.x > 0


async def test_enter_and_a_second_click_choose_the_cell() -> None:
    app = GridApp()
    async with app.run_test(size=(60, 12)) as pilot:
        grid = app.query_one(JourneyGrid)
        await pilot.press("enter")
        assert app.chosen == [("t0", "p0")]
        x = grid.render_line(0).text.index("Persona 1")
        await pilot.click(JourneyGrid, offset=(x, 3))
        assert grid.cursor_keys() == ("t1", "p1")
        assert len(app.chosen) == 1
        await pilot.click(JourneyGrid, offset=(x, 3))
        assert app.chosen[-1] == ("t1", "p1")


async def test_an_edited_cell_shows_and_the_cursor_keeps_its_place_on_new_rows() -> None:
    app = GridApp()
    async with app.run_test(size=(60, 12)) as pilot:
        grid = app.query_one(JourneyGrid)
        await pilot.press("down", "right")
        grid.update_cells({("t1", "p1"): Text("★ new")})
        await pilot.pause()
        assert grid.row_texts()[2][2] == "★ new"
        assert any("★ new" in line for line in screen_lines(grid))
        # New rows above the cursor: it follows its touchpoint, not its position.
        rows = [GridRow("extra", Text("Extra"), tuple(Text("-") for _ in range(PERSONAS)))]
        grid.show(Text("Touchpoint"), grid.columns, rows + grid.rows)
        assert grid.cursor_keys() == ("t1", "p1")
        assert grid.cursor == (3, 1)


async def test_the_cursor_passes_over_phase_rows_whichever_way_it_goes() -> None:
    # ▸ a, t0, t1, ▸ b, t2: a feeling typed on a phase row would have nowhere to go.
    rows = [phase_row("a"), touchpoint_row(0), touchpoint_row(1), phase_row("b"), touchpoint_row(2)]
    app = GridApp(rows)
    async with app.run_test(size=(60, 12)) as pilot:
        grid = app.query_one(JourneyGrid)
        assert grid.cursor_keys()[0] == "t0"
        await pilot.press("up")
        assert grid.cursor_keys()[0] == "t0", "nothing above the first touchpoint to go to"
        await pilot.press("down", "down")
        assert grid.cursor_keys()[0] == "t2"
        await pilot.press("up")
        assert grid.cursor_keys()[0] == "t1"
        await pilot.press("end", "home")
        assert grid.cursor_keys()[0] == "t0"
        await pilot.press("pagedown")
        assert grid.cursor_keys()[0] == "t2"
        await pilot.click(JourneyGrid, offset=(2, 4))  # the line of phase b
        assert grid.cursor_keys()[0] == "t2"
        await pilot.press("home")
        await pilot.click(JourneyGrid, offset=(2, 4))
        assert grid.cursor_keys()[0] == "t2", "a click on a phase goes to its first touchpoint"
        assert app.chosen == []
        # New rows (a phase added above): the cursor stays on its touchpoint.
        grid.show(Text("Touchpoint"), grid.columns, [phase_row("new"), *rows])
        assert grid.cursor_keys()[0] == "t2"
        assert all(not key.startswith(("a", "b", "new")) for key, _ in app.moves)
