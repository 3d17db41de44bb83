"""Tables that show what people typed, and keep the cursor on the same record across redraws.

Textual's ``DataTable`` reads every ``str`` cell and column label as Rich markup: a persona called
``Sanne [VIP]`` would lose ``[VIP]`` and a goal ``Prijs [/incl. btw]`` would stop the app with a
markup error. ``LiteralTable`` turns every text into literal ``Text`` on the way in, and skips
the markup parser while it is at it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Literal

from rich.text import Text, TextType
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

    def __init__(
        self,
        columns: Sequence[tuple[str, int | None]] = (),
        *,
        cursor_type: Literal["row", "cell"] = "row",
        **kwargs: object,
    ) -> None:
        super().__init__(cursor_type=cursor_type, zebra_stripes=True, **kwargs)  # type: ignore[arg-type]
        self.column_specs = list(columns)

    def set_columns(self, columns: Sequence[tuple[str, int | None]]) -> None:
        """Column labels and widths (None: as wide as the content)."""
        self.column_specs = list(columns)

    @property
    def current_key(self) -> str | None:
        if self.row_count == 0:
            return None
        row_key, _ = self.coordinate_to_cell_key(self.cursor_coordinate)
        return row_key.value

    def fill(
        self,
        rows: Sequence[tuple[str, Sequence[Cell]]],
        keep: str | None = None,
        *,
        selectable: Callable[[str], bool] | None = None,
    ) -> None:
        """Replace every row, then put the cursor back on ``keep`` (or the nearest row).

        With ``selectable``, a cursor that would land on a row it refuses (a group header)
        moves on to the next row that it accepts.
        """
        keep = keep if keep is not None else self.current_key
        position = self.cursor_row
        self.clear(columns=True)
        for label, width in self.column_specs:
            self.add_column(label, width=width)
        for key, cells in rows:
            self.add_row(*cells, key=key)
        # Column widths follow the rows just added: paint again once the layout knows them.
        self.call_after_refresh(self.refresh)
        if not rows:
            return
        keys = [key for key, _ in rows]
        target = keys.index(keep) if keep in keys else min(position, len(rows) - 1)
        if selectable is not None and not selectable(keys[target]):
            target = next(
                (i for i in range(target, len(keys)) if selectable(keys[i])), max(0, target)
            )
        self.move_cursor(row=max(0, target), animate=False)

    def select_key(self, key: str) -> None:
        for index, row_key in enumerate(self.rows):
            if row_key.value == key:
                self.move_cursor(row=index, animate=False)
                return
