"""The journey grid's table: touchpoints down, personas across, drawn a line at a time.

Textual's ``DataTable`` renders every visible cell through Rich on each change: opening a 10 x 150
grid cost a fifth of a second and a cursor move twice the same move in a small table. This
widget keeps one ready-made line per row (the name column, fixed on the left, and the persona
cells, which scroll sideways beneath it) and redraws only the rows that change: the two rows a
cursor move touches, or the row of an edited cell. The header stays on top while the rows
scroll. The columns are sized to their content and to the grid's width (``grid_layout``): a
persona's name wraps onto up to three header lines rather than being cut.

The cursor moves over the persona columns of the touchpoint rows; a phase row shows the phase's
averages and is passed over (a feeling typed there would have nowhere to go). Enter or a click
on the cell under the cursor chooses it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import ClassVar

from rich.cells import cell_len
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from cjworkshop.ui.widgets.grid_layout import (
    PAD,
    GridColumn,
    GridLayout,
    GridMeasures,
    GridRow,
    fit,
    wrap_words,
)

_ARROWS = {"up": (-1, 0), "down": (1, 0), "left": (0, -1), "right": (0, 1)}


class CellMessage(Message):
    """Something happened at a cell of a grid, named by its row and column keys."""

    def __init__(self, grid: JourneyGrid, row_key: str, column_key: str) -> None:
        super().__init__()
        self.grid = grid
        self.row_key = row_key
        self.column_key = column_key

    @property
    def control(self) -> JourneyGrid:
        return self.grid


@dataclass(frozen=True)
class _Palette:
    base: Style
    header: Style
    phase: Style
    stripe: Style
    cursor: Style
    detail: Style


class JourneyGrid(ScrollView, can_focus=True):
    """A grid of Rich texts with a cell cursor, a fixed header and a fixed name column."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up", "move(-1, 0)", "up", show=False),
        Binding("down", "move(1, 0)", "down", show=False),
        Binding("left", "move(0, -1)", "left", show=False),
        Binding("right", "move(0, 1)", "right", show=False),
        Binding("pageup", "page(-1)", "page up", show=False),
        Binding("pagedown", "page(1)", "page down", show=False),
        Binding("home", "move_to_edge(-1)", "first row", show=False),
        Binding("end", "move_to_edge(1)", "last row", show=False),
        Binding("enter", "choose", "choose", show=False),
    ]
    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "journey-grid--header",
        "journey-grid--phase",
        "journey-grid--stripe",
        "journey-grid--cursor",
        "journey-grid--detail",
    }
    DEFAULT_CSS = """
    JourneyGrid {
        background: $surface;
        color: $foreground;
        height: 1fr;
        &:focus {
            & > .journey-grid--cursor {
                background: $block-cursor-background;
                color: $block-cursor-foreground;
                text-style: $block-cursor-text-style;
            }
        }
        & > .journey-grid--header {
            text-style: bold;
            background: $panel;
        }
        & > .journey-grid--phase {
            text-style: bold;
        }
        & > .journey-grid--stripe {
            background: $surface-lighten-1 50%;
        }
        & > .journey-grid--detail {
            color: $text-muted;
            background: $panel;
        }
        & > .journey-grid--cursor {
            background: $block-cursor-blurred-background;
            color: $block-cursor-blurred-foreground;
            text-style: $block-cursor-blurred-text-style;
        }
    }
    """

    cursor: reactive[tuple[int, int]] = reactive((0, 0), init=False, repaint=False)
    """(row, persona column) under the cursor; both count from 0. A move redraws two rows."""

    class CursorMoved(CellMessage):
        """The cursor is on another cell."""

    class CellChosen(CellMessage):
        """Enter was pressed on a cell, or the cell under the cursor was clicked."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.name_label = Text()
        self.columns: tuple[GridColumn, ...] = ()
        self.rows: list[GridRow] = []
        self._row_index: dict[str, int] = {}
        self._measures = GridMeasures(0, (), ())
        self.fitted_width = 0
        """The width the columns were last fitted to."""
        self._detail_drawn: tuple[tuple[int, int, int, int], list[Strip]] | None = None
        """The detail line's strips, and the cursor, width and cell they say."""
        self._layout = GridLayout()
        self._cells_drawn: dict[int, tuple[Strip, list[Strip]]] = {}
        self._looks: dict[tuple[int, int, Style], tuple[Text, Strip]] = {}
        """Drawn persona cells by (text, width, style): a grid of 1,500 cells shows a few dozen
        different ones. The text is kept with its strip, so its id is never another's."""
        """Every drawn row's name and cells, without the cursor."""
        self._lines: dict[int, tuple[Strip, Strip]] = {}
        """Ready-made lines by row: the name part and the persona cells at full width."""
        self._header: list[tuple[Strip, Strip]] | None = None
        self._palette: _Palette | None = None

    # Content --------------------------------------------------------------------------------

    def show(
        self, name_label: Text, columns: Sequence[GridColumn], rows: Sequence[GridRow]
    ) -> None:
        """Show new columns and rows; the cursor stays on the same cell where it can."""
        row_key, column_key = self.cursor_keys() if self.rows and self.columns else (None, None)
        self.name_label = name_label
        self.columns = tuple(columns)
        self.rows = list(rows)
        self._row_index = {row.key: index for index, row in enumerate(self.rows)}
        self._measures = self._measure()
        self._fit()
        row = self._row_index.get(row_key or "", self.cursor[0])
        column = next(
            (i for i, c in enumerate(self.columns) if c.key == column_key), self.cursor[1]
        )
        self.move_cursor(row=row, column=column, downward=True)
        self.refresh()

    def _fit(self) -> None:
        """Share the grid's width out again (the content was measured already)."""
        width = self.scrollable_content_region.width or self.size.width
        self.fitted_width = width
        self._layout = fit(self._measures, width)
        self._forget_lines()
        layout = self._layout
        # The detail line takes two rows where the longest one it can say would not fit in one.
        longest = self._measures.name + max(map(cell_len, self._measures.headers), default=0)
        layout.detail_height = 0 if not self.rows else 1 if longest + 24 <= width else 2
        self.virtual_size = Size(
            layout.name_width + layout.cells_width,
            len(self.rows) + layout.header_height + layout.detail_height,
        )

    def on_resize(self) -> None:
        # A step shown again is resized from nothing to the width it had: its lines stand.
        width = self.scrollable_content_region.width or self.size.width
        if self.rows and width != self.fitted_width:
            self._fit()
            self._scroll_to_cursor()
            self.refresh()

    def update_cells(self, cells: dict[tuple[str, str], Text]) -> None:
        """Replace cells by (row key, column key); only their rows are drawn again."""
        positions = {column.key: index for index, column in enumerate(self.columns)}
        changed: set[int] = set()
        for (row_key, column_key), text in cells.items():
            index = self._row_index.get(row_key)
            position = positions.get(column_key)
            if index is None or position is None:
                continue
            row = self.rows[index]
            updated = list(row.cells)
            updated[position] = text
            self.rows[index] = replace(row, cells=tuple(updated))
            changed.add(index)
        for index in changed:
            self._forget_row(index)
            self._refresh_row(index)
        if self.cursor[0] in changed:
            # The cell under the cursor changed: so does the detail line that says it.
            detail = self._layout.detail_height
            self.refresh(Region(0, self.size.height - detail, self.size.width, detail))

    def row_texts(self) -> list[list[str]]:
        """Every row as plain text, name first: what a person reads in the grid."""
        return [[row.label.plain.strip()] + [c.plain for c in row.cells] for row in self.rows]

    # Cursor ---------------------------------------------------------------------------------

    def cursor_keys(self) -> tuple[str, str]:
        """(row key, column key) under the cursor."""
        row, column = self.cursor
        return self.rows[row].key, self.columns[column].key

    def move_cursor(
        self, *, row: int | None = None, column: int | None = None, downward: bool | None = None
    ) -> None:
        """Put the cursor on a cell (clamped to the grid) and scroll it into view.

        A phase row is passed over, on the way the cursor was going (or ``downward``): to the
        nearest touchpoint row that way, else the other way.
        """
        if not self.rows or not self.columns:
            return
        current_row, current_column = self.cursor
        row = current_row if row is None else row
        column = current_column if column is None else column
        row = max(0, min(row, len(self.rows) - 1))
        self.cursor = (
            self._touchpoint_row(
                row, downward=row >= current_row if downward is None else downward
            ),
            max(0, min(column, len(self.columns) - 1)),
        )

    def _touchpoint_row(self, row: int, *, downward: bool) -> int:
        if self.rows[row].kind != "phase":
            return row
        below = list(range(row + 1, len(self.rows)))
        above = list(range(row - 1, -1, -1))
        order = below + above if downward else above + below
        return next((i for i in order if self.rows[i].kind != "phase"), row)

    def watch_cursor(self, old: tuple[int, int], new: tuple[int, int]) -> None:
        for row in {old[0], new[0]}:
            self._lines.pop(row, None)
            self._refresh_row(row)
        self._scroll_to_cursor()
        detail = self._layout.detail_height
        self.refresh(Region(0, self.size.height - detail, self.size.width, detail))
        row_key, column_key = self.cursor_keys()
        self.post_message(self.CursorMoved(self, row_key, column_key))

    def on_key(self, event: events.Key) -> None:
        """The arrow keys are handled here and go no further: a key the grid does not stop
        travels up through every container to the app to be matched against bindings."""
        move = _ARROWS.get(event.key)
        if move is not None:
            event.stop()
            event.prevent_default()
            self.action_move(*move)

    def action_move(self, rows: int, columns: int) -> None:
        row, column = self.cursor
        self.move_cursor(row=row + rows, column=column + columns)

    def action_page(self, direction: int) -> None:
        row, _ = self.cursor
        page = self.scrollable_content_region.height - self._layout.header_height - 1
        self.move_cursor(row=row + direction * max(1, page))

    def action_move_to_edge(self, direction: int) -> None:
        self.move_cursor(row=0 if direction < 0 else len(self.rows) - 1)

    def action_choose(self) -> None:
        if self.rows and self.columns:
            self.post_message(self.CellChosen(self, *self.cursor_keys()))

    def on_click(self, event: events.Click) -> None:
        header = self._layout.header_height
        if not self.rows or not self.columns or event.y < header:
            return
        scroll_x, scroll_y = self.scroll_offset
        row = scroll_y + event.y - header
        if row >= len(self.rows):
            return
        column = self.cursor[1]
        if event.x >= self._layout.name_width:
            x = event.x - self._layout.name_width + scroll_x
            column = next(
                (
                    i
                    for i, (start, width) in enumerate(
                        zip(self._layout.offsets, self._layout.widths, strict=True)
                    )
                    if start <= x < start + width
                ),
                column,
            )
        if (row, column) == self.cursor:
            self.action_choose()
        else:
            # A click on a phase row goes to the phase's first touchpoint.
            self.move_cursor(row=row, column=column, downward=True)

    def _scroll_to_cursor(self) -> None:
        row, column = self.cursor
        view = self.scrollable_content_region
        scroll_x, scroll_y = self.scroll_offset
        visible_rows = max(1, view.height - self._layout.header_height - self._layout.detail_height)
        target_y = scroll_y
        if row < scroll_y:
            target_y = row
        elif row >= scroll_y + visible_rows:
            target_y = row - visible_rows + 1
        room = max(1, view.width - self._layout.name_width)
        start = self._layout.offsets[column] if self._layout.offsets else 0
        end = start + (self._layout.widths[column] if self._layout.widths else 0)
        target_x = scroll_x
        if start < scroll_x:
            target_x = start
        elif end > scroll_x + room:
            # The first column edge that brings the cursor's column fully into view.
            edges = [edge for edge in self._layout.offsets if end - room <= edge <= start]
            target_x = min(edges, default=start)
        if (target_x, target_y) != (scroll_x, scroll_y):
            self.scroll_to(target_x, target_y, animate=False, immediate=True)

    def _refresh_row(self, row: int) -> None:
        # Rows sit below the header; refresh_line counts in scrolled lines.
        self.refresh_line(row + self._layout.header_height)

    # Drawing --------------------------------------------------------------------------------

    def _measure(self) -> GridMeasures:
        name = max([self.name_label.cell_len] + [row.label.cell_len for row in self.rows])
        cells = tuple(
            max((row.cells[position].cell_len for row in self.rows), default=0)
            for position in range(len(self.columns))
        )
        return GridMeasures(name, cells, tuple(column.label.plain for column in self.columns))

    def _forget_lines(self) -> None:
        self._detail_drawn = None
        self._cells_drawn.clear()
        self._looks.clear()
        self._lines.clear()
        self._header = None
        self._palette = None

    def _forget_row(self, index: int) -> None:
        self._cells_drawn.pop(index, None)
        self._lines.pop(index, None)

    @property
    def _styles(self) -> _Palette:
        """The styles the grid draws with, looked up once per change of styles (not cheap)."""
        if self._palette is None:
            base = self.rich_style
            self._palette = _Palette(
                base=base,
                header=base + self.get_component_rich_style("journey-grid--header"),
                phase=base + self.get_component_rich_style("journey-grid--phase"),
                stripe=base + self.get_component_rich_style("journey-grid--stripe"),
                cursor=self.get_component_rich_style("journey-grid--cursor"),
                detail=base + self.get_component_rich_style("journey-grid--detail"),
            )
        return self._palette

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._restyled()

    def _restyled(self) -> None:
        """Draw again what the new styles change. Focus changes the cursor's look alone: then
        only the cursor's row is drawn again, not every line (all of them cost 30-40 ms of CPU
        at every switch to the grid, bench/run.py)."""
        before = self._palette
        self._palette = None
        if before is None or not self.rows:
            self._forget_lines()
            return
        after = self._styles
        if (before.base, before.header, before.phase, before.stripe, before.detail) != (
            after.base,
            after.header,
            after.phase,
            after.stripe,
            after.detail,
        ):
            self._forget_lines()
        elif before.cursor != after.cursor:
            self._lines.pop(self.cursor[0], None)
            self._refresh_row(self.cursor[0])

    def _cell(self, text: Text, width: int, style: Style) -> Strip:
        """One cell, padded to its width, on ``style`` (the text's own styles on top)."""
        cell = Text(" ", no_wrap=True, end="")
        cell.append_text(text)
        cell.truncate(width - 1, overflow="ellipsis")
        cell.pad_right(width - cell.cell_len)
        return Strip(list(cell.render(self.app.console)), width).apply_style(style)

    def _persona_cell(self, text: Text, width: int, style: Style) -> Strip:
        key = (id(text), width, style)
        found = self._looks.get(key)
        if found is not None and found[0] is text:
            return found[1]
        strip = self._cell(text, width, style)
        self._looks[key] = (text, strip)
        return strip

    def _header_lines(self) -> list[tuple[Strip, Strip]]:
        if self._header is None:
            style, layout = self._styles.header, self._layout
            self._header = []
            # The name column's own header wraps too where the column is narrower than it.
            names = wrap_words(self.name_label.plain, layout.name_width - PAD)
            if len(names) > layout.header_height:
                names = [self.name_label.plain]
            for line in range(layout.header_height):
                label = Text(names[line] if line < len(names) else "")
                name = self._cell(label, layout.name_width, style)
                cells = [
                    self._cell(Text(header[line] if line < len(header) else ""), width, style)
                    for header, width in zip(layout.headers, layout.widths, strict=True)
                ]
                self._header.append((name, Strip.join(cells)))
        return self._header

    def _row_style(self, index: int) -> Style:
        if self.rows[index].kind == "phase":
            return self._styles.phase
        return self._styles.stripe if index % 2 else self._styles.base

    def _row_lines(self, index: int) -> tuple[Strip, Strip]:
        lines = self._lines.get(index)
        if lines is not None:
            return lines
        row, style = self.rows[index], self._row_style(index)
        drawn = self._cells_drawn.get(index)
        if drawn is None:
            name = self._cell(row.label, self._layout.name_width, style)
            cells = [
                self._persona_cell(text, width, style)
                for text, width in zip(row.cells, self._layout.widths, strict=True)
            ]
            drawn = self._cells_drawn[index] = (name, cells)
        name, cells = drawn
        cursor_row, cursor_column = self.cursor
        if index == cursor_row:
            # Only the cell under the cursor is drawn again; the others are reused as they are.
            cells = list(cells)
            text, width = row.cells[cursor_column], self._layout.widths[cursor_column]
            cells[cursor_column] = self._persona_cell(text, width, style + self._styles.cursor)
        lines = self._lines[index] = (name, Strip.join(cells))
        return lines

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        scroll_x, scroll_y = self.scroll_offset
        header = self._layout.header_height
        detail_at = self.scrollable_content_region.height - self._layout.detail_height
        if y >= detail_at:
            lines = self._detail_lines(width)
            return lines[y - detail_at] if y - detail_at < len(lines) else Strip.blank(width)
        if y < header:
            name, cells = self._header_lines()[y]
        else:
            index = scroll_y + y - header
            if not 0 <= index < len(self.rows):
                return Strip.blank(width, self._styles.base)
            name, cells = self._row_lines(index)
        room = max(0, width - name.cell_length)
        visible = cells.crop_extend(scroll_x, scroll_x + room, self._styles.base)
        return Strip.join([name.crop(0, width), visible])

    def detail(self) -> Text:
        """The cell under the cursor in words, its names whole: the touchpoint, the persona,
        what the cell shows. Drawn under the rows, as part of the grid, so that a cursor move
        redraws one widget (as a line of its own it cost 2-3 ms of CPU a move, bench/run.py)."""
        if not self.rows or not self.columns:
            return Text()
        row, column = self.cursor
        said = self.rows[row].label.copy()
        said.plain = said.plain.strip()
        said.stylize("bold")
        said.append(f"  ·  {self.columns[column].label.plain}  ·  ")
        said.append_text(self.rows[row].cells[column])
        return said

    def _detail_lines(self, width: int) -> list[Strip]:
        row, column = self.cursor
        key = (row, column, width, id(self.rows[row].cells[column]) if self.rows else 0)
        if self._detail_drawn is not None and self._detail_drawn[0] == key:
            return self._detail_drawn[1]
        strips = self._draw_detail(width)
        self._detail_drawn = (key, strips)
        return strips

    def _draw_detail(self, width: int) -> list[Strip]:
        height = self._layout.detail_height
        lines = self.detail().wrap(self.app.console, max(1, width - 2))
        strips = [
            Strip(list(Text(" ").append_text(line).render(self.app.console)))
            .apply_style(self._styles.detail)
            .extend_cell_length(width, self._styles.detail)
            .crop(0, width)
            for line in list(lines)[:height]
        ]
        return strips + [Strip.blank(width, self._styles.detail)] * (height - len(strips))

    def on_focus(self) -> None:
        self._restyled()

    def on_blur(self) -> None:
        self._restyled()
