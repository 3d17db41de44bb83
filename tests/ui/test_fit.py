"""Every screen fits its terminal: nothing cut while there is room, and the session's own words
(persona names, touchpoint names, pain points, session titles) readable somewhere.

Each bundled example is opened at 80x24, 120x40 and 200x50 and walked through every step of its
flow on one app; the start screen lists both. The screen is read as a person reads it, cell by
cell (``helpers.screen_lines``). A text cut with "…" fails when its row of the widget still has
room to the right of it. A text of the session counts as shown when it can be read whole on the
screen, on one line or wrapped in a column (its words in order, each further line starting where
the first did), there or in a detail line under the step's table as the cursor goes over it.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from textual.app import App, ComposeResult
from textual.containers import ScrollableContainer
from textual.pilot import Pilot
from textual.widget import Widget
from textual.widgets import DataTable, OptionList

from cjworkshop.model.review import pain_groups
from cjworkshop.model.session import Session, Step
from cjworkshop.store.session_file import read_session
from cjworkshop.ui.screens.session import SessionScreen
from cjworkshop.ui.screens.start import StartScreen
from cjworkshop.ui.steps.review import TOP
from cjworkshop.ui.widgets.fields import LineField
from cjworkshop.ui.widgets.journey_grid import JourneyGrid
from cjworkshop.ui.widgets.journey_map import JourneyMap
from tests.ui.conftest import app_for
from tests.ui.helpers import screen_lines, settle, until

EXAMPLES = sorted((Path(__file__).parents[2] / "sessions").glob("*.toml"))
SIZES = [(80, 24), (120, 40), (200, 50)]
STILL_CUT: frozenset[Step] = frozenset()
"""Steps known not to fit yet: at 80x24 the touchpoints table is a few rows high under the
suggestions, and the plotting card and the review's tables are cut or scroll sideways. Their
problems are reported as an expected failure, the other steps' fail the test."""
ROOM = 3
"""Columns a widget leaves unused on its right that a text cut short could have used (a
table's columns end in a blank cell or two of padding)."""


def cut_with_room(app: App[None], lines: list[str]) -> list[str]:
    """Rows where a text ends in "…" while the widget it is in leaves columns unused on its
    right, on every one of its rows: room the text could have had."""
    found = []
    for y, line in enumerate(lines):
        for x, char in enumerate(line):
            if char != "…":
                continue
            widget, _ = app.screen.get_widget_at(x, y)
            # Without the widget's scrollbars, which read as blank cells.
            region = widget.scrollable_content_region
            rows = [row[region.x : region.right] for row in lines[region.y : region.bottom]]
            used = max(len(row.rstrip()) for row in rows)
            if region.width - used >= ROOM:
                found.append(f"{type(widget).__name__} row {y}: {line[region.x : region.right]!r}")
    return found


def _reads_on(lines: list[str], y: int, x: int, words: list[str]) -> bool:
    rest = words
    while rest and y < len(lines):
        tokens = lines[y][x:].split()
        same = 0
        while same < min(len(tokens), len(rest)) and tokens[same] == rest[same]:
            same += 1
        if not same:
            return False
        rest, y = rest[same:], y + 1
    return not rest


def shown_in(lines: list[str], text: str) -> bool:
    """``text`` can be read whole: on one line, or wrapped in a column of its own."""
    words = text.split()
    for y, line in enumerate(lines):
        x = line.find(words[0])
        while x != -1:
            if (x == 0 or line[x - 1] == " ") and _reads_on(lines, y, x, words):
                return True
            x = line.find(words[0], x + 1)
    return False


def texts_of(session: Session, step: Step) -> list[str]:
    """The session's own words that ``step`` is there to show."""
    personas = [p.name for p in session.personas]
    touchpoints = [t.name for t in session.touchpoints]
    return {
        "personas": personas,
        "touchpoints": touchpoints,
        "plotting": personas,
        "grid": personas + touchpoints,
        "map": touchpoints
        + [p.name for p in session.phases if any(t.phase == p.id for t in session.touchpoints)],
        "review": personas + [group.text for group in pain_groups(session)[:TOP]],
    }.get(step, [])


async def cursor_sweep(pilot: Pilot[None], widget: Widget | None, texts: list[str]) -> list[str]:
    """Those of ``texts`` not read on the screen at any row of the focused table or list (its
    detail lines with it); the sweep stops once every one has been read."""
    rows = 0
    if isinstance(widget, JourneyMap):
        rows = len(widget.content.columns)
    elif isinstance(widget, JourneyGrid):
        rows = len(widget.rows)
    elif isinstance(widget, DataTable):
        rows = widget.row_count
    elif isinstance(widget, OptionList):
        rows = widget.option_count
    elif isinstance(widget, ScrollableContainer):
        # Half a page at a time, so that a text wrapped over a few lines is whole on one.
        page = max(1, widget.scrollable_content_region.height // 2)
        rows = 1 + int(widget.max_scroll_y) // page
    missing = texts
    for row in range(rows):
        if not missing:
            break
        if isinstance(widget, JourneyMap):
            widget.move_cursor(0, row)
        elif isinstance(widget, JourneyGrid):
            widget.move_cursor(row=row, downward=True)
        elif isinstance(widget, DataTable):
            widget.move_cursor(row=row, animate=False)
        elif isinstance(widget, OptionList):
            widget.highlighted = row
        elif isinstance(widget, ScrollableContainer):
            widget.scroll_to(y=row * page, animate=False, immediate=True)
        await pilot.pause()
        screen = screen_lines(pilot.app)
        missing = [text for text in missing if not shown_in(screen, text)]
    return missing


async def unreadable(pilot: Pilot[None], texts: list[str]) -> list[str]:
    """Those of ``texts`` that are neither on the screen nor reachable with the cursor."""
    lines = screen_lines(pilot.app)
    missing = [text for text in texts if not shown_in(lines, text)]
    if missing:
        missing = await cursor_sweep(pilot, pilot.app.focused, missing)
    return missing


@pytest.mark.parametrize("size", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
@pytest.mark.parametrize("example", EXAMPLES, ids=[path.stem for path in EXAMPLES])
async def test_every_step_fits(workdir: Path, example: Path, size: tuple[int, int]) -> None:
    path = workdir / "sessions" / example.name
    shutil.copy(example, path)
    session = read_session(path)
    app = app_for(path)
    problems: list[str] = []
    known: list[str] = []
    async with app.run_test(size=size) as pilot:
        await until(pilot, lambda: isinstance(app.screen, SessionScreen), "the session opens")
        screen = app.screen
        assert isinstance(screen, SessionScreen)
        for step in screen.steps:
            screen.go_to(step)
            await settle(pilot)
            await until(pilot, lambda: screen.step == step, f"{step} is on screen")  # noqa: B023
            lines = screen_lines(app)
            found = [f"{step}: cut with room: {cut}" for cut in cut_with_room(app, lines)]
            missing = await unreadable(pilot, texts_of(session, step))
            found += [f"{step}: not readable: {text!r}" for text in missing]
            (known if step in STILL_CUT else problems).extend(found)
    assert not problems, "\n".join(problems)
    if known:
        pytest.xfail("\n".join(known))


@pytest.mark.parametrize("size", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
async def test_the_start_screen_fits(workdir: Path, size: tuple[int, int]) -> None:
    for example in EXAMPLES:
        shutil.copy(example, workdir / "sessions" / example.name)
    titles = [read_session(example).title for example in EXAMPLES]
    app = app_for()
    async with app.run_test(size=size) as pilot:
        await until(
            pilot,
            lambda: isinstance(app.screen, StartScreen) and app.screen.found is not None,
            "the folders are read",
        )
        await settle(pilot)
        lines = screen_lines(app)
        problems = [f"cut with room: {cut}" for cut in cut_with_room(app, lines)]
        problems += [f"not readable: {text!r}" for text in await unreadable(pilot, titles)]
        # Every session of the folder in view: none behind a scroll bar.
        problems += [f"not on screen: {text!r}" for text in titles if not shown_in(lines, text)]
    assert not problems, "\n".join(problems)


class _Fields(App[None]):
    def compose(self) -> ComposeResult:
        yield LineField(id="long")
        yield LineField(id="other")


async def test_a_field_left_shows_the_start_of_its_text() -> None:
    text = "Is de winkel nog open na zessen, of moet ik een afspraak maken?"
    app = _Fields()
    async with app.run_test(size=(30, 8)) as pilot:
        field = app.query_one("#long", LineField)
        field.value = "Open?"
        await pilot.pause()
        field.value = text  # Input scrolls to the end of every value but the first
        await pilot.pause()
        await pilot.pause()
        assert field.scroll_offset.x == 0, "set while unfocused: its start is shown"
        field.focus()
        await pilot.press("end")
        assert field.scroll_offset.x > 0, "typing at its end shows the end"
        await pilot.press("tab")
        await pilot.pause()
        assert field.scroll_offset.x == 0, "left: its start is shown again"
        assert "Is de winkel" in screen_lines(app)[1]


async def test_the_panel_follows_the_terminal_until_the_user_chooses(workdir: Path) -> None:
    path = workdir / "sessions" / EXAMPLES[0].name
    shutil.copy(EXAMPLES[0], path)
    app = app_for(path)
    async with app.run_test(size=(110, 30)) as pilot:
        await until(pilot, lambda: isinstance(app.screen, SessionScreen), "the session opens")
        await settle(pilot)

        def panel_shown() -> bool:
            return app.screen.query_one("#panel").display

        assert not panel_shown(), "below 120 columns the step gets the room"
        await pilot.resize_terminal(130, 30)
        await pilot.pause()
        assert panel_shown(), "widened: the panel comes"
        await pilot.press("f")
        await pilot.resize_terminal(200, 40)
        await pilot.pause()
        assert not panel_shown(), "hidden with f: it stays hidden"
