"""Tables that show what people typed, and keep the cursor on the same record across redraws.

Textual's ``DataTable`` reads every ``str`` cell and column label as Rich markup: a persona called
``Sanne [VIP]`` would lose ``[VIP]`` and a goal ``Prijs [/incl. btw]`` would stop the app with a
markup error. ``LiteralTable`` turns every text into literal ``Text`` on the way in, and skips
the markup parser while it is at it.

A ``RecordTable`` can hold rows that are not records, such as the heading of a group: its
``stops`` say which rows are records, and the cursor never rests on any other row, however it
gets there (arrow keys, page keys, Home and End, a click, a redraw). Keys that act on the record
under the cursor would do nothing on a heading, and what the room types next would run as keys.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import ClassVar, Literal

from rich.text import Text, TextType
from textual import events
from textual.binding import Binding, BindingType
from textual.coordinate import Coordinate
from textual.render import measure
from textual.widgets import DataTable
from textual.widgets.data_table import ColumnKey, RowKey

Cell = str | Text


def literal(value: TextType) -> Text:
    """Text shown exactly as written, markup characters included."""
    return Text(value, end="") if isinstance(value, str) else value


class LiteralTable(DataTable[Cell]):
    """A ``DataTable`` whose texts are shown as typed, never read as markup."""

    def add_column(
        self,
        label: TextType,
        *,
        width: int | None = None,
        key: str | None = None,
        default: Cell | None = None,
    ) -> ColumnKey:
        return super().add_column(literal(label), width=width, key=key, default=default)

    def add_row(
        self,
        *cells: Cell,
        height: int | None = 1,
        key: str | None = None,
        label: TextType | None = None,
    ) -> RowKey:
        shown = [literal(cell) for cell in cells]
        return super().add_row(
            *shown, height=height, key=key, label=None if label is None else literal(label)
        )

    def update_cell(
        self,
        row_key: RowKey | str,
        column_key: ColumnKey | str,
        value: Cell,
        *,
        update_width: bool = False,
    ) -> None:
        super().update_cell(row_key, column_key, literal(value), update_width=update_width)


class RecordTable(LiteralTable):
    """Rows are records; ``current_key`` is the id of the record under the cursor."""

    BINDINGS: ClassVar[list[BindingType]] = [
        # A row cursor has no columns to go to: Home and End go to the first and last record.
        Binding("home", "edge(-1)", "first record", show=False),
        Binding("end", "edge(1)", "last record", show=False),
    ]

    def __init__(
        self,
        columns: Sequence[tuple[str, int | None]] = (),
        *,
        cursor_type: Literal["row", "cell"] = "row",
        stops: Callable[[str], bool] | None = None,
        **kwargs: object,
    ) -> None:
        super().__init__(cursor_type=cursor_type, zebra_stripes=True, **kwargs)  # type: ignore[arg-type]
        self.column_specs = list(columns)
        self.stops = stops
        """Which rows (by key) the cursor may rest on; every row when None."""

    def set_columns(self, columns: Sequence[tuple[str, int | None]]) -> None:
        """Column labels and widths (None: as wide as the content)."""
        self.column_specs = list(columns)

    @property
    def current_key(self) -> str | None:
        if self.row_count == 0:
            return None
        row_key, _ = self.coordinate_to_cell_key(self.cursor_coordinate)
        return row_key.value

    def is_stop(self, row: int) -> bool:
        key = self.ordered_rows[row].key.value
        return self.stops is None or key is None or self.stops(key)

    def nearest_stop(self, row: int, *, downward: bool) -> int:
        """``row`` if the cursor may rest there, else the first row that it may, searching
        ``downward`` first (or upward) and then the other way; ``row`` if there is none."""
        count = self.row_count
        if not 0 <= row < count or self.is_stop(row):
            return row
        below = list(range(row + 1, count))
        above = list(range(row - 1, -1, -1))
        order = below + above if downward else above + below
        return next((candidate for candidate in order if self.is_stop(candidate)), row)

    def validate_cursor_coordinate(self, value: Coordinate) -> Coordinate:
        # Every way of moving the cursor sets this coordinate, so this is the one place that
        # keeps it off the rows that are not stops: on past them the way the cursor was going.
        value = super().validate_cursor_coordinate(value)
        if self.stops is None or self.row_count == 0:
            return value
        downward = value.row >= self.cursor_coordinate.row
        return Coordinate(self.nearest_stop(value.row, downward=downward), value.column)

    def action_edge(self, direction: int) -> None:
        self.move_cursor(row=0 if direction < 0 else self.row_count - 1, animate=False)

    def on_click(self, event: events.Click) -> None:
        """A click on a heading goes to the first record under it, and chooses nothing."""
        row = event.style.meta.get("row")
        if self.stops is None or not isinstance(row, int) or not 0 <= row < self.row_count:
            return
        if not self.is_stop(row):
            event.stop()
            event.prevent_default()
            self.move_cursor(row=self.nearest_stop(row, downward=True), animate=False)

    def fill(self, rows: Sequence[tuple[str, Sequence[Cell]]], keep: str | None = None) -> None:
        """Replace every row, then put the cursor back on ``keep`` (or the nearest row)."""
        keep = keep if keep is not None else self.current_key
        position = self.cursor_row
        self.clear(columns=True)
        for index, (label, width) in enumerate(self.column_specs):
            self.add_column(
                label, width=self._fitting(index, label, rows) if width is None else width
            )
        for key, cells in rows:
            self.add_row(*cells, key=key)
        if not rows:
            return
        keys = [key for key, _ in rows]
        target = keys.index(keep) if keep in keys else min(position, len(rows) - 1)
        self.move_cursor(row=self.nearest_stop(max(0, target), downward=True), animate=False)

    def _fitting(self, index: int, label: str, rows: Sequence[tuple[str, Sequence[Cell]]]) -> int:
        """The width of column ``index`` that fits its label and every cell, as Textual would
        work it out: given now, because Textual measures new rows only once the table is idle,
        and rows the screen draws before that keep their old width (they are drawn once)."""
        console = self.app.console
        cells = [cells[index] for _, cells in rows if index < len(cells)]
        return max(measure(console, literal(cell), 1) for cell in [label, *cells])

    def select_key(self, key: str) -> None:
        for index, row_key in enumerate(self.rows):
            if row_key.value == key:
                self.move_cursor(row=index, animate=False)
                return
