"""Emotion curves drawn with box-drawing characters, on a canvas of five rows (+2 at the top).

A curve joins the feelings plotted at the touchpoints, in order, with a real line: across
where two feelings are the same, and with a step half-way between two touchpoints where they
differ (``╮`` down, ``╯`` up). Touchpoints without a feeling are passed over: the line runs on
to the next feeling plotted, and whoever draws the curve says beneath it what was skipped or is
still to plot, never on the line itself. The target feeling is drawn first, dashed, so today's
line lies over it where the two meet. Both the review and the journey map draw with this; the
presentation mode draws with heavy lines.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise
from typing import Final, Literal

ROWS: Final = (2, 1, 0, -1, -2)
"""The feelings from the top row down."""

Ink = Literal["today", "target", "both", "series"]
"""What a drawn character belongs to, for its colour: today's line, the target's, a point where
the two meet, or one of several personas' lines (overlaid, each in a marker of its own)."""


@dataclass(frozen=True)
class Pen:
    """The characters a line is drawn with."""

    across: str
    upright: str
    left_down: str
    """Comes in from the left, goes down."""
    up_right: str
    """Comes in from above, goes right."""
    left_up: str
    down_right: str


LIGHT: Final = Pen("─", "│", "╮", "╰", "╯", "╭")
HEAVY: Final = Pen("━", "┃", "┓", "┗", "┛", "┏")
DASHED: Final = Pen("┄", "┆", "╮", "╰", "╯", "╭")

Canvas = list[list[tuple[str, Ink] | None]]
"""Five rows of cells, each a character and its ink, or None where nothing is drawn."""


def blank_canvas(width: int) -> Canvas:
    return [[None] * width for _ in ROWS]


def _row(feeling: int) -> int:
    return 2 - max(-2, min(2, feeling))


def draw_line(
    canvas: Canvas, xs: Sequence[int], feelings: Sequence[int | None], pen: Pen, ink: Ink
) -> None:
    """Join the feelings plotted at ``xs`` (None is passed over) with ``pen``."""
    width = len(canvas[0]) if canvas else 0
    points = [(x, _row(f)) for x, f in zip(xs, feelings, strict=True) if f is not None]

    def put(row: int, x: int, char: str) -> None:
        if 0 <= x < width:
            canvas[row][x] = (char, ink)

    def across(row: int, start: int, stop: int) -> None:
        # A run at a time: a large map's ten curves cross some 30,000 cells.
        start, stop = max(0, start), min(width, stop)
        if start < stop:
            canvas[row][start:stop] = [(pen.across, ink)] * (stop - start)

    for (x1, r1), (x2, r2) in pairwise(points):
        if x2 - x1 < 2:
            continue  # side by side: the two markers touch, there is no room for a line
        if r1 == r2:
            across(r1, x1 + 1, x2)
            continue
        middle = x1 + (x2 - x1) // 2
        across(r1, x1 + 1, middle)
        down = r2 > r1
        put(r1, middle, pen.left_down if down else pen.left_up)
        for row in range(min(r1, r2) + 1, max(r1, r2)):
            put(row, middle, pen.upright)
        put(r2, middle, pen.up_right if down else pen.down_right)
        across(r2, middle + 1, x2)


def draw_points(
    canvas: Canvas,
    xs: Sequence[int],
    feelings: Sequence[int | None],
    marker: str,
    ink: Ink,
) -> None:
    """A marker at every feeling plotted."""
    width = len(canvas[0]) if canvas else 0
    for x, feeling in zip(xs, feelings, strict=True):
        if feeling is not None and 0 <= x < width:
            canvas[_row(feeling)][x] = (marker, ink)


@dataclass(frozen=True)
class Markers:
    today: str
    target: str
    both: str


ROUND: Final = Markers("●", "○", "◉")
LARGE: Final = Markers("⬤", "◯", "◉")


def draw_curve(
    canvas: Canvas,
    xs: Sequence[int],
    today: Sequence[int | None],
    target: Sequence[int | None],
    *,
    heavy: bool = False,
) -> None:
    """One persona's curve: the target dashed beneath, today's line over it, then the points
    (``◉`` where today already meets the target)."""
    markers = LARGE if heavy else ROUND
    if any(value is not None for value in target):
        draw_line(canvas, xs, target, DASHED, "target")
        draw_points(canvas, xs, target, markers.target, "target")
    draw_line(canvas, xs, today, HEAVY if heavy else LIGHT, "today")
    draw_points(canvas, xs, today, markers.today, "today")
    met = [a if a is not None and a == b else None for a, b in zip(today, target, strict=True)]
    draw_points(canvas, xs, met, markers.both, "both")
