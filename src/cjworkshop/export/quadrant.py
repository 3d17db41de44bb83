"""Where each roadmap item sits on the impact-against-effort chart, worked out before any text.

The chart answers one question: which quadrant is an item in, and roughly how far in. So the
quadrant is never recomputed here: it is ``RankedItem.quadrant`` from ``model.roadmap``, the same
value the roadmap tables and the app name, and a point always lies inside it. Effort runs left to
right in five columns (1 and 2 left of the middle line, 3 to 5 right of it, as the model splits
them); impact runs up, linearly within each half: the lower half from nothing to just under half
the top impact, the upper half from half the top impact to the top. Each half keeps clear of its
quadrant's title at the top and of the line below, because Mermaid prints the title of a
quadrant at its top and a point's label under the point.

Points that would cover each other (the same effort and nearly the same impact) are set apart by
a small step, sideways within their effort's column first and up or down after that, never out
of their quadrant. Items are placed in rank order, so the higher ranked keeps its exact place.
Items that share effort and impact exactly are listed in ``ties``, so the note under the chart
can say that their points stand side by side only to be told apart.

Open items whose effort is not set yet are not placed. Their score counts the effort as 3, but
their quadrant is "effort not set" in the tables and the app, and a point in the right half
would say they are big bets or money pits before anyone judged it; placed at 3 they would also
crowd one column of the chart. They are listed in ``unplaced``, and the note under the chart
names them and says why. Closed items (done or dropped) are not part of the chart at all.

Coordinates are thousandths (0..1000), so two points are the same exactly when their numbers are
equal, and Mermaid gets at most three decimals.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import product
from typing import Final

from cjworkshop.model.roadmap import RankedItem

SCALE: Final = 1000
"""Coordinates in thousandths of the chart's width and height."""

LOWER: Final = (60, 410)
"""The lower half's y range: clear of the bottom edge by the height of a label, and of the
quadrant titles under the middle line."""
UPPER: Final = (560, 910)
"""The upper half's y range: a label under its point stays above the middle line, and the point
stays under the titles at the top."""

COLUMNS: Final[dict[int, tuple[int, int]]] = {
    1: (30, 230),
    2: (270, 470),
    3: (530, 660),
    4: (685, 815),
    5: (840, 970),
}
"""The x range of each effort: 1 and 2 share the left half, 3 to 5 the right, each clear of the
edges and the middle line by half a label."""

APART_X: Final = 45
APART_Y: Final = 65
"""Two points closer than this in both directions cover each other's number (a label of two
digits at Mermaid's 12 px is about 14 px wide, and a point with its label under it about 24 px
tall, on a quadrant area of 464 by 424 px)."""

_STEPS: Final = sorted(
    product(range(-4, 5), range(-5, 6)),
    key=lambda step: (2 * abs(step[0]) + 5 * abs(step[1]), abs(step[1]), step[1] > 0, step[0] < 0),
)
"""The ways to set a point apart, in steps of ``APART_X`` and ``APART_Y``, nearest first:
sideways before up or down (effort is a whole number, so a column's width means nothing),
down before up and right before left at the same distance."""

_LEFT: Final = ("quick-win", "fill-in")
_UPPER: Final = ("quick-win", "big-bet")


@dataclass(frozen=True)
class ChartPoint:
    """One item on the chart, in thousandths; ``moved`` when it was set apart from another."""

    item: RankedItem
    x: int
    y: int
    moved: bool


@dataclass(frozen=True)
class QuadrantLayout:
    """Every point of the chart, and what the note under it has to say."""

    points: tuple[ChartPoint, ...]
    unplaced: tuple[RankedItem, ...]
    """Open items whose effort is not set: not on the chart."""
    ties: tuple[tuple[int, ...], ...]
    """The ranks of items with the same quadrant, effort and impact, two or more to a group."""
    crowded: bool
    """Whether so many points share a place that some of them cover each other after all."""
    top_impact: float
    """The highest impact of an open item: the half of it is the middle line."""


def active(items: list[RankedItem]) -> list[RankedItem]:
    """The items the chart is about: open or in progress."""
    return [i for i in items if i.status in ("open", "doing")]


def charted(items: list[RankedItem]) -> list[RankedItem]:
    """The items the chart shows: open or in progress, in a quadrant (their effort is set)."""
    return [i for i in active(items) if i.quadrant is not None]


def quadrant_layout(items: list[RankedItem]) -> QuadrantLayout:
    """Where every open item with an effort goes, in rank order, none covering another."""
    open_items = active(items)
    # The same top as model.roadmap's: the highest impact among the items that are not closed.
    top_impact = max((i.factors.impact for i in open_items), default=0.0)
    placed: list[ChartPoint] = []
    taken: dict[tuple[int, int], list[tuple[int, int]]] = {}
    crowded = False
    for item in sorted(charted(items), key=lambda i: i.rank):
        x_range, y_range = _column(item), _half(item)
        wanted = (_middle(x_range), _height(item, top_impact, y_range))
        spot = _free_spot(wanted, x_range, y_range, taken)
        if spot is None:
            crowded = True
            spot = _any_spot(wanted, x_range, y_range, taken)
        taken.setdefault(_cell(spot), []).append(spot)
        placed.append(ChartPoint(item, spot[0], spot[1], moved=spot != wanted))
    return QuadrantLayout(
        points=tuple(placed),
        unplaced=tuple(i for i in open_items if i.quadrant is None),
        ties=_ties(placed),
        crowded=crowded,
        top_impact=top_impact,
    )


def _column(item: RankedItem) -> tuple[int, int]:
    """The item's effort column, on the side of the middle line its quadrant is on."""
    effort = item.factors.effort
    if item.quadrant in _LEFT:
        return COLUMNS[1] if effort <= 1 else COLUMNS[2]
    return COLUMNS[min(5, max(3, effort))]


def _half(item: RankedItem) -> tuple[int, int]:
    return UPPER if item.quadrant in _UPPER else LOWER


def _middle(span: tuple[int, int]) -> int:
    return (span[0] + span[1]) // 2


def _height(item: RankedItem, top_impact: float, span: tuple[int, int]) -> int:
    """How high the impact puts the point within its half, linearly."""
    share = item.factors.impact / top_impact if top_impact > 0 else 1.0
    within = share * 2 - 1 if span == UPPER else share * 2
    low, high = span
    return low + round((high - low) * min(1.0, max(0.0, within)))


def _cell(spot: tuple[int, int]) -> tuple[int, int]:
    return spot[0] // APART_X, spot[1] // APART_Y


def _covers(spot: tuple[int, int], taken: dict[tuple[int, int], list[tuple[int, int]]]) -> bool:
    """Whether a point here would cover one already placed (looked up by grid cell)."""
    column, row = _cell(spot)
    return any(
        abs(other[0] - spot[0]) < APART_X and abs(other[1] - spot[1]) < APART_Y
        for dx, dy in product((-1, 0, 1), repeat=2)
        for other in taken.get((column + dx, row + dy), ())
    )


def _clamped(value: int, span: tuple[int, int]) -> int:
    return min(span[1], max(span[0], value))


def _free_spot(
    wanted: tuple[int, int],
    x_range: tuple[int, int],
    y_range: tuple[int, int],
    taken: dict[tuple[int, int], list[tuple[int, int]]],
) -> tuple[int, int] | None:
    """The nearest place within the column and half where the point covers no other."""
    for dx, dy in _STEPS:
        spot = (
            _clamped(wanted[0] + dx * APART_X, x_range),
            _clamped(wanted[1] + dy * APART_Y, y_range),
        )
        if not _covers(spot, taken):
            return spot
    return None


def _any_spot(
    wanted: tuple[int, int],
    x_range: tuple[int, int],
    y_range: tuple[int, int],
    taken: dict[tuple[int, int], list[tuple[int, int]]],
) -> tuple[int, int]:
    """The nearest place no other point has exactly, for a column too full to keep them apart:
    rings of one thousandth around the wanted place, within the column and the half."""
    occupied = {spot for spots in taken.values() for spot in spots}
    width = x_range[1] - x_range[0] + y_range[1] - y_range[0]
    for ring in range(width + 1):
        for dx in range(-ring, ring + 1):
            for dy in range(-ring, ring + 1) if abs(dx) == ring else (-ring, ring):
                spot = (wanted[0] + dx, wanted[1] + dy)
                inside = x_range[0] <= spot[0] <= x_range[1] and y_range[0] <= spot[1] <= y_range[1]
                if inside and spot not in occupied:
                    return spot
    # Only with more items than thousandths in one column and half: nothing is left to keep
    # them apart, and ``crowded`` already says so.
    return wanted


def _ties(points: list[ChartPoint]) -> tuple[tuple[int, ...], ...]:
    groups: dict[tuple[object, int, float], list[int]] = {}
    for point in points:
        key = (point.item.quadrant, point.item.factors.effort, point.item.factors.impact)
        groups.setdefault(key, []).append(point.item.rank)
    return tuple(tuple(ranks) for ranks in groups.values() if len(ranks) > 1)
