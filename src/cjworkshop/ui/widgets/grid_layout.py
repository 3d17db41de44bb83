"""How the journey grid shares its width: the name column, the persona columns, the header.

The grid measures its content once per ``show`` (the widest name, every persona column's widest
cell and its name: a pass over the rows) and keeps those measures in a ``GridMeasures``. Fitting
them to the width the grid has is a matter of the columns alone, so it is cheap enough to do
again whenever the terminal is resized. A persona's name is never cut: where the names do not
fit side by side on one header line, they wrap onto two or three; the name column then takes
what is left (down to ``NAME_MIN``), and a touchpoint name cut there is shown whole in the
detail line under the grid.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from rich.cells import cell_len
from rich.text import Text

PAD = 2
"""A column's blank cells: one before its text, one after (the gap to the next column)."""
NAME_MIN = 16
"""The narrowest the name column gets to make room for the personas."""
HEADER_LINES = 3
"""The most lines a persona's name wraps onto in the header."""


RowKind = Literal["phase", "touchpoint"]


@dataclass(frozen=True)
class GridColumn:
    """A persona column: its key and the name in the header."""

    key: str
    label: Text


@dataclass(frozen=True)
class GridRow:
    """A phase or touchpoint row: its key, its name and one cell per persona column."""

    key: str
    label: Text
    cells: tuple[Text, ...]
    kind: RowKind = "touchpoint"


@dataclass(frozen=True)
class GridMeasures:
    """What the grid's content needs, measured once per set of rows."""

    name: int
    """The widest name (or the name column's header), in cells."""
    cells: tuple[int, ...]
    """Per persona column, its widest cell."""
    headers: tuple[str, ...]
    """Per persona column, the name in its header."""


@dataclass
class GridLayout:
    """Column widths and header lines for one width of the grid."""

    name_width: int = 0
    widths: list[int] = field(default_factory=list)
    offsets: list[int] = field(default_factory=list)
    """Where each persona column starts, counted from the first persona column."""
    headers: list[list[str]] = field(default_factory=list)
    """Per persona column, its name as the lines of the header."""
    header_height: int = 1
    detail_height: int = 0
    """The rows under the grid for the cell under the cursor, in words."""

    @property
    def cells_width(self) -> int:
        return sum(self.widths)


def wrap_words(text: str, width: int) -> list[str]:
    """``text`` wrapped at spaces onto lines of at most ``width`` cells (a longer word has a
    line of its own)."""
    lines: list[str] = []
    for word in text.split():
        if lines and cell_len(lines[-1]) + 1 + cell_len(word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines or [""]


def narrowest_wrap(text: str, lines: int) -> list[str]:
    """``text`` on at most ``lines`` lines, as narrow as that allows."""
    words = text.split()
    if not words:
        return [""]
    narrowest = max(cell_len(word) for word in words)
    for width in range(narrowest, cell_len(text) + 1):
        wrapped = wrap_words(text, width)
        if len(wrapped) <= lines:
            return wrapped
    return [text]


def _columns(measures: GridMeasures, lines: int) -> tuple[list[int], list[list[str]]]:
    headers = [narrowest_wrap(text, lines) for text in measures.headers]
    widths = [
        max(cell, *(cell_len(line) for line in header)) + PAD
        for cell, header in zip(measures.cells, headers, strict=True)
    ]
    return widths, headers


def fit(measures: GridMeasures, room: int) -> GridLayout:
    """The layout for a grid ``room`` cells wide: the fewest header lines with which every
    persona column fits beside the whole of the names; else three, with the name column as
    wide as the rest allows (at least ``NAME_MIN``); and where even that does not fit, the
    header on one line and the persona columns scrolling beneath it."""
    name_full = measures.name + PAD
    name_least = min(name_full, NAME_MIN)
    for lines in range(1, HEADER_LINES + 1):
        widths, headers = _columns(measures, lines)
        if name_full + sum(widths) <= room:
            break
    else:
        if name_least + sum(widths) > room:
            widths, headers = _columns(measures, 1)
            # As wide as its name, but never wider than the room beside the name column,
            # so that a column scrolled into view is seen whole.
            widths = [min(width, max(NAME_MIN, room - name_least)) for width in widths]
    name_width = max(name_least, min(name_full, room - sum(widths)))
    offsets = [sum(widths[:position]) for position in range(len(widths))]
    height = max((len(header) for header in headers), default=1)
    return GridLayout(name_width, widths, offsets, headers, height)
