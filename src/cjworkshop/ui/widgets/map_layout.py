"""How the journey map lays its content out for one width of the view: columns, rows, header.

The map's content (``MapContent``: phases, touchpoints, lanes of notes, curves) is laid out
once per content and width: every note wrapped to its column, every lane as tall as its fullest
cell, the phase and touchpoint names cut into the header's cells, the curves drawn on one
canvas across all columns. ``MapLayouts`` keeps the wrapped notes and the drawn curves while
the columns keep their width, so a view that changes by a scrollbar's width lays out in a
moment. Nothing here draws on a terminal: the widget (``journey_map``) does.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Literal

from rich.cells import cell_len, chop_cells, set_cell_size

from cjworkshop.ui.widgets.curve import (
    HEAVY,
    LIGHT,
    ROWS,
    Canvas,
    Ink,
    blank_canvas,
    draw_curve,
    draw_line,
    draw_points,
)

NoteInk = Literal["text", "quote", "pain", "opportunity", "moment", "muted", "strong"]
Note = tuple[NoteInk, str]
"""One note in a cell: how it is inked, and its text (wrapped to the column by the map)."""

INKS: tuple[NoteInk | Ink, ...] = (
    "text", "quote", "pain", "opportunity", "moment", "muted", "strong",
    "today", "target", "both", "series",
)  # fmt: skip

SERIES_COLOURS = ("cyan", "magenta", "yellow", "green", "bright_blue", "red")
"""Overlaid personas' lines: colour is a second cue only, each line has its number as marker."""


@dataclass(frozen=True)
class Series:
    """One persona's curve: today's feeling and the target at every column; ``marker`` names
    the persona when several are overlaid (else the curve draws ● ○ ◉)."""

    today: tuple[int | None, ...]
    target: tuple[int | None, ...]
    marker: str = ""


@dataclass(frozen=True)
class MapLane:
    """A lane: its key, its title line and the notes of each column."""

    key: str
    title: str
    cells: tuple[tuple[Note, ...], ...]
    curves: tuple[Series, ...] = ()
    """A feeling lane's curves, drawn above its cells (which then say what was not plotted)."""


@dataclass(frozen=True)
class MapContent:
    phases: tuple[tuple[str, int], ...]
    """Each phase's name and how many touchpoints (columns) it has, in order."""
    columns: tuple[str, ...]
    """The key of every column (a touchpoint id)."""
    names: tuple[str, ...]
    """The touchpoint names, one per column."""
    lanes: tuple[MapLane, ...]
    axis: tuple[str, ...] = ("+2", "+1", "0", "−1", "−2")
    """The y axis of a curve, from the top row down."""


RowKind = Literal["title", "cell", "curve"]


@dataclass(frozen=True)
class MapRow:
    kind: RowKind
    lane: int
    line: int


@dataclass
class MapLayout:
    column_width: int = 20
    label_width: int = 6
    header: list[list[tuple[str, str]]] = field(default_factory=list)
    """Header lines, per column: its text (the character after it included) and ink."""
    rows: list[MapRow] = field(default_factory=list)
    lane_rows: list[range] = field(default_factory=list)
    cells: list[list[list[tuple[NoteInk, str]]]] = field(default_factory=list)
    """Per lane, per column: the wrapped lines."""
    titles: list[list[str]] = field(default_factory=list)
    """Each lane's title, wrapped to the width of the view."""
    canvas: Canvas = field(default_factory=list)
    phase_starts: list[int] = field(default_factory=list)
    phase_lines: int = 0
    """How many of the header's lines hold phase names (the touchpoint names follow)."""

    def x(self, column: int) -> int:
        return column * (self.column_width + 1)


def wrap(text: str, width: int) -> list[str]:
    """Greedy word wrap to ``width`` cells; a word too long for a line is broken after a hyphen
    where it has one, else where the line ends. The text's own lines are kept.

    Our own rather than ``textwrap``: a large map wraps some 1,500 notes (15,000 with every
    persona overlaid) and ``textwrap.wrap`` takes 17 us a note against 3 us here, which is
    20 ms of the map's first draw (bench/run.py); nor does it measure wide characters."""
    lines: list[str] = []
    measure = len if text.isascii() else cell_len
    for paragraph in text.splitlines() or [""]:
        line = ""
        for word in paragraph.split():
            if measure(word) > width:
                # The word's parts after each hyphen, each broken to the width if need be.
                for part in _parts(word, width, measure):
                    if line and measure(line) + measure(part) <= width and line.endswith("-"):
                        line += part
                    elif not line or measure(line) + 1 + measure(part) > width:
                        if line:
                            lines.append(line)
                        line = part
                    else:
                        line = f"{line} {part}"
                continue
            if not line:
                line = word
            elif measure(line) + 1 + measure(word) <= width:
                line = f"{line} {word}"
            else:
                lines.append(line)
                line = word
        if line:
            lines.append(line)
    return lines


def _parts(word: str, width: int, measure: Callable[[str], int]) -> list[str]:
    pieces = [piece for piece in word.replace("-", "-\0").split("\0") if piece]
    parts: list[str] = []
    for piece in pieces:
        if measure(piece) > width:
            parts += chop_cells(piece, width)
        elif parts and parts[-1].endswith("-") and measure(parts[-1] + piece) <= width:
            parts[-1] += piece
        else:
            parts.append(piece)
    return parts


def label_width(content: MapContent) -> int:
    """The y axis's width: its longest label and a space."""
    return 1 + max([cell_len(label) for label in content.axis] + [4])


def column_width(content: MapContent, view: int, presenting: bool) -> int:
    """As wide as the view allows for the columns it shows whole: never so narrow that a note
    becomes a word a line, nor so wide that a short journey's columns drift apart; and the
    columns in view fill it, so none is cut at its right edge."""
    room = max(1, view - label_width(content))
    least, most = (26, 44) if presenting else (18, 36)
    whole = max(1, min(len(content.columns), room // (least + 1)))
    return max(least, min(most, room // whole - 1))


def blank(layout: MapLayout, column: int) -> str:
    """An empty header cell: blank, with the rule after it where a phase ends."""
    return " " * layout.column_width + ("│" if column + 1 in layout.phase_starts else " ")


def phase_pieces(
    content: MapContent, layout: MapLayout, phase: int, first: int
) -> list[tuple[int, tuple[int, str]]]:
    """A phase's name wrapped in the column ``first`` (its first, or the first in view):
    (line, (column offset in the phase, text)). Kept to one column, the name is never cut by
    the view's edge, whichever of its columns are in view."""
    start = layout.phase_starts[phase]
    end = start + content.phases[phase][1]
    last = first + 1 == end and end < len(content.columns)
    width = layout.column_width
    return [
        (number, (first - start, " " + set_cell_size(line, width - 1) + ("│" if last else " ")))
        for number, line in enumerate(wrap(content.phases[phase][0], width - 2))
    ]


def header(content: MapContent, layout: MapLayout) -> list[list[tuple[str, str]]]:
    """The header's lines, cut per column (the character after each included): the phase
    names over their touchpoints, then the touchpoint names, wrapped."""
    columns = len(content.columns)
    phase_lines: list[list[tuple[str, str]]] = []
    for phase, start in enumerate(layout.phase_starts):
        for number, piece in phase_pieces(content, layout, phase, start):
            while len(phase_lines) <= number:
                phase_lines.append([("", "phase")] * columns)
            phase_lines[number][start + piece[0]] = (piece[1], "phase")
    layout.phase_lines = len(phase_lines)
    width = layout.column_width
    name_lines: list[list[tuple[str, str]]] = []
    for column, name in enumerate(content.names):
        gap = "│" if column + 1 in layout.phase_starts else " "
        for number, line in enumerate(wrap(name, width - 2)):
            while len(name_lines) <= number:
                name_lines.append([("", "name")] * columns)
            name_lines[number][column] = (" " + set_cell_size(line, width - 1) + gap, "name")
    return [
        [(text or blank(layout, column), ink) for column, (text, ink) in enumerate(line)]
        for line in phase_lines + name_lines
    ]


def curves_canvas(
    content: MapContent, layout: MapLayout, curves: Sequence[Series], heavy: bool
) -> Canvas:
    """Every curve of the feeling lane on one canvas across all the columns."""
    columns = len(content.columns)
    canvas = blank_canvas(layout.x(columns))
    xs = [layout.x(column) + layout.column_width // 2 for column in range(columns)]
    if len(curves) == 1 and not curves[0].marker:
        draw_curve(canvas, xs, curves[0].today, curves[0].target, heavy=heavy)
        return canvas
    for series in curves:
        draw_line(canvas, xs, series.today, HEAVY if heavy else LIGHT, "series")
    for series in curves:
        draw_points(canvas, xs, series.today, series.marker, "series")
    return canvas


class MapLayouts:
    """Lays a map's content out for a width of the view, keeping the wrapped notes and the
    drawn curves while the content and the columns' width stay the same."""

    def __init__(self) -> None:
        self._wrapped: list[list[list[tuple[NoteInk, str]]]] = []
        self._wrapped_for: tuple[MapContent, int] | None = None
        self._canvas: Canvas = []
        self._canvas_for: tuple[MapContent, int, bool] | None = None

    def lay_out(self, content: MapContent, view: int, presenting: bool) -> MapLayout:
        width = column_width(content, view, presenting)
        layout = MapLayout(column_width=width, label_width=label_width(content))
        start = 0
        for _name, count in content.phases:
            layout.phase_starts.append(start)
            start += count
        layout.header = header(content, layout)
        # Compared by identity: the same content object is the same content (comparing a large
        # map's notes by value would cost more than it saves).
        wrapped_for = self._wrapped_for
        if wrapped_for is None or wrapped_for[0] is not content or wrapped_for[1] != width:
            self._wrapped = [
                [
                    [(ink, line) for ink, text in notes for line in wrap(text, width - 2)]
                    for notes in lane.cells
                ]
                for lane in content.lanes
            ]
            self._wrapped_for = (content, width)
        for index, lane in enumerate(content.lanes):
            wrapped = self._wrapped[index]
            layout.cells.append(wrapped)
            first = len(layout.rows)
            title = wrap(lane.title, max(10, view - 5))
            layout.titles.append(title)
            layout.rows.extend(MapRow("title", index, line) for line in range(len(title)))
            if lane.curves:
                layout.rows.extend(MapRow("curve", index, row) for row in range(len(ROWS)))
                drawn_for = self._canvas_for
                if (
                    drawn_for is None
                    or drawn_for[0] is not content
                    or drawn_for[1:]
                    != (
                        width,
                        presenting,
                    )
                ):
                    self._canvas = curves_canvas(content, layout, lane.curves, presenting)
                    self._canvas_for = (content, width, presenting)
                layout.canvas = self._canvas
            height = max([len(lines) for lines in wrapped] + [0 if lane.curves else 1])
            layout.rows.extend(MapRow("cell", index, line) for line in range(height))
            layout.lane_rows.append(range(first, len(layout.rows)))
        return layout
