"""Tables that show what people typed, and keep the cursor on the same record across redraws.

Textual's ``DataTable`` reads every ``str`` cell and column label as Rich markup: a persona called
``Sanne [VIP]`` would lose ``[VIP]`` and a goal ``Prijs [/incl. btw]`` would stop the app with a
markup error. ``LiteralTable`` turns every text into literal ``Text`` on the way in, and skips
the markup parser while it is at it.

A ``RecordTable`` can hold rows that are not records, such as the heading of a group: its
``stops`` say which rows are records, and the cursor never rests on any other row, however it
gets there (arrow keys, page keys, Home and End, a click, a redraw). Keys that act on the record
under the cursor would do nothing on a heading, and what the room types next would run as keys.

Both size their columns to their content and to the table's width (``show_rows``): where the
columns do not fit side by side, the widest gives way and its texts wrap onto more lines (the
row grows), rather than being cut or pushed off the screen; on a resize they are fitted again.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import ClassVar, Literal

from rich.cells import cell_len
from rich.text import Text, TextType
from textual import events
from textual.binding import Binding, BindingType
from textual.coordinate import Coordinate
from textual.render import measure
from textual.widgets import DataTable
from textual.widgets.data_table import ColumnKey, RowKey

Cell = str | Text
Row = tuple[str | None, Sequence[Cell]]
"""A row's key and its cells."""

WRAP_LEAST = 12
"""The narrowest a column gets when it gives way to the others (its texts wrap)."""


def fitted_widths(
    natural: Sequence[int],
    flexible: Sequence[bool],
    room: int,
    words: Sequence[int] | None = None,
) -> list[int]:
    """Column widths (without padding) that fit ``room``: the natural ones if they do, else
    the flexible columns give way, the widest first, down to one width they share (never
    below ``WRAP_LEAST``). A column keeps the width of its longest word (``words``) while the
    others can still give way: a word broken across two lines reads worse than one more line.
    """
    widest = max((w for w, flex in zip(natural, flexible, strict=True) if flex), default=0)
    floors = list(words) if words is not None else [0] * len(natural)
    # Whose words are kept whole, in turn: every column's; the widest column's (the one with
    # the most to say, such as a name); nobody's.
    main = max(range(len(natural)), key=lambda i: natural[i] if flexible[i] else -1, default=0)
    keeps: list[Sequence[int]] = [range(len(natural)), [main], []]

    def shared(cap: int, keep: Sequence[int]) -> list[int]:
        return [
            min(w, max(cap, floors[i]) if i in keep else cap) if flex else w
            for i, (w, flex) in enumerate(zip(natural, flexible, strict=True))
        ]

    widths = list(natural)
    for keep in keeps:
        cap = widest
        while cap > WRAP_LEAST and sum(shared(cap, keep)) > room:
            cap -= 1
        widths = shared(cap, keep)
        if sum(widths) <= room:
            return widths
    return widths


def literal(value: TextType) -> Text:
    """Text shown exactly as written, markup characters included."""
    return Text(value, end="") if isinstance(value, str) else value


class LiteralTable(DataTable[Cell]):
    """A ``DataTable`` whose texts are shown as typed, never read as markup."""

    shown: tuple[list[tuple[TextType, int | None]], list[Row]] | None = None
    """The columns and rows ``show_rows`` last showed, to fit them again on a resize."""
    give_way: int | None = None
    """The one column that gives way in ``shown``, if one does."""
    fitted_to = 0
    """The width the columns were last fitted to."""

    def show_rows(
        self,
        columns: Sequence[tuple[TextType, int | None]],
        rows: Sequence[Row],
        *,
        give_way: int | None = None,
    ) -> None:
        """Every column (label, width or None for as wide as its content) and row anew, the
        columns fitted to the table's width: where they do not fit, those without a width of
        their own give way and their texts wrap. With ``give_way`` only that column does,
        and its texts are cut short instead (for a table whose detail line shows them)."""
        self.shown = (list(columns), list(rows))
        self.give_way = give_way
        self.fitted_to = self.size.width
        self.clear(columns=True)
        natural = [
            self._fitting(index, label, rows) if width is None else width
            for index, (label, width) in enumerate(columns)
        ]
        widths = natural
        if self.size.width:
            room = self.size.width
            if len(rows) + 1 > self.size.height:
                room -= self.styles.scrollbar_size_vertical  # it will show
            room -= 2 * self.cell_padding * len(columns)
            flexible = [
                width is None if give_way is None else index == give_way
                for index, (_, width) in enumerate(columns)
            ]
            words = [self._longest_word(index, rows) for index in range(len(columns))]
            widths = fitted_widths(natural, flexible, room, words)
        wrapping = widths != natural and give_way is None
        for (label, _), width in zip(columns, widths, strict=True):
            self.add_column(label, width=width)
        for key, cells in rows:
            if give_way is not None and give_way < len(cells):
                cells = list(cells)
                cut = literal(cells[give_way]).copy()
                cut.no_wrap, cut.overflow = True, "ellipsis"
                cells[give_way] = cut
            # A row as high as its wrapped texts need (Textual measures it), where any wrap.
            self.add_row(*cells, key=key, height=None if wrapping else 1)

    def on_resize(self) -> None:
        if self.shown is not None and self.size.width != self.fitted_to:
            self.refit()
        elif self.row_count:
            # Shorter, as when a panel under the table appears: the cursor's row stays in view.
            self.move_cursor(row=self.cursor_row, column=self.cursor_column, animate=False)

    def refit(self) -> None:
        """Fit the rows last shown to the table's width again."""
        if self.shown is not None:
            self.show_rows(*self.shown, give_way=self.give_way)

    def _longest_word(self, index: int, rows: Sequence[Row]) -> int:
        cells = [literal(cells[index]).plain for _, cells in rows if index < len(cells)]
        return max((cell_len(word) for cell in cells for word in cell.split()), default=0)

    def _fitting(self, index: int, label: TextType, rows: Sequence[Row]) -> int:
        """The width of column ``index`` that fits its label and every cell, as Textual would
        work it out: given now, because Textual measures new rows only once the table is idle,
        and rows the screen draws before that keep their old width (they are drawn once)."""
        console = self.app.console
        cells = [cells[index] for _, cells in rows if index < len(cells)]
        return max(measure(console, literal(cell), 1) for cell in [label, *cells])

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
        self.show_rows(self.column_specs, rows)
        if not rows:
            return
        keys = [key for key, _ in rows]
        target = keys.index(keep) if keep in keys else min(position, len(rows) - 1)
        self.move_cursor(row=self.nearest_stop(max(0, target), downward=True), animate=False)

    def refit(self) -> None:
        if self.shown is not None:
            self.fill([(key or "", cells) for key, cells in self.shown[1]])

    def select_key(self, key: str) -> None:
        for index, row_key in enumerate(self.rows):
            if row_key.value == key:
                self.move_cursor(row=index, animate=False)
                return
