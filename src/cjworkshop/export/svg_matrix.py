"""The roadmap's impact against effort as SVG: every open item a numbered point, none on another.

Effort runs left to right in five columns (the room's 1 to 5), impact bottom to top as a share
of the highest impact of the open items; the lines between the quadrants are those that decide
an item's quadrant in ``model.roadmap`` (effort 2 | 3, half the highest impact), and the
quadrants' names stand outside the plotting area, where no point can cover them.

A point carries the item's rank, the number of the roadmap's tables; the item's title is in the
list beside the chart, never on it, so labels cannot run into each other. Points that would
share a place are set side by side or just above and below, in lanes within their own column
and their own half of the chart, so a point never crosses into another quadrant; the chart grows
taller when a column holds more points than fit. An item whose effort the room has not set yet
is drawn at effort 3 (what its score assumes) with a dashed ring.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from markupsafe import Markup

from cjworkshop.export.svg import document, escaped, label
from cjworkshop.model.roadmap import UNSET_EFFORT, RankedItem

LEFT, TOP = 64.0, 34.0
COLUMN = 100.0
RADIUS = 11.0
SLOT = 25.0
"""The least distance between the centres of two points in one lane."""
LANES = (0.0, -32.0, 32.0)
"""Offsets from a column's middle: side by side, before a point moves up or down."""
MIN_HALF = 150.0
SIZE = 11.0


@dataclass(frozen=True)
class Placed:
    item: RankedItem
    x: float
    y: float

    @property
    def assumed(self) -> bool:
        """Drawn at the effort its score assumes, for the room has not set one."""
        return not self.item.factors.effort_set


def effort_of(item: RankedItem) -> int:
    return item.factors.effort if item.factors.effort_set else UNSET_EFFORT


def _share(item: RankedItem, top_impact: float) -> float:
    return min(1.0, max(0.0, item.factors.impact / top_impact)) if top_impact > 0 else 0.0


def _high(item: RankedItem, top_impact: float) -> bool:
    """The upper half, as ``model.roadmap`` decides a quick win or a big bet."""
    return item.factors.impact >= top_impact / 2


def place(items: Sequence[RankedItem]) -> tuple[list[Placed], float]:
    """Where each item's point goes, and the height of the plotting area."""
    top_impact = max((i.factors.impact for i in items), default=0.0)
    cells: dict[tuple[int, bool], list[RankedItem]] = {}
    for item in items:
        cells.setdefault((effort_of(item), _high(item, top_impact)), []).append(item)
    busiest = max((len(c) for c in cells.values()), default=0)
    slots = max(1, math.ceil(busiest / len(LANES)))
    half = max(MIN_HALF, (slots + 1) * SLOT)
    placed: list[Placed] = []
    for (effort, high), members in cells.items():
        middle = LEFT + (effort - 0.5) * COLUMN
        first = TOP + (0.0 if high else half) + SLOT * 0.75
        count = max(1, math.floor((half - SLOT * 1.5) / SLOT) + 1)
        taken: set[tuple[int, int]] = set()
        for item in sorted(members, key=lambda i: -i.factors.impact):
            share = _share(item, top_impact)
            wanted_y = TOP + 2 * half * (1 - share)
            wanted = min(count - 1, max(0, round((wanted_y - first) / SLOT)))
            slot, lane = _free(wanted, count, taken)
            taken.add((slot, lane))
            placed.append(Placed(item, middle + LANES[lane], first + slot * SLOT))
    return placed, 2 * half


def _free(wanted: int, count: int, taken: set[tuple[int, int]]) -> tuple[int, int]:
    """The free (slot, lane) nearest the wanted slot, the middle lane first."""
    for distance in range(count):
        for slot in (wanted - distance, wanted + distance):
            if 0 <= slot < count:
                for lane in range(len(LANES)):
                    if (slot, lane) not in taken:
                        return slot, lane
    raise AssertionError("the chart is made tall enough for every point")


def matrix_svg(items: Sequence[RankedItem], words: dict[str, str], title: str) -> Markup:
    """The chart; ``words`` holds the quadrants' names and the axes' words in the reader's
    language (keys quick-win, big-bet, fill-in, money-pit, effort, impact, low, high)."""
    placed, height = place(items)
    width = LEFT + 5 * COLUMN
    bottom = TOP + height
    middle_x, middle_y = LEFT + 2 * COLUMN, TOP + height / 2
    half_width = 2 * COLUMN
    parts = [
        f'<rect x="{LEFT:.1f}" y="{TOP:.1f}" width="{5 * COLUMN:.1f}" height="{height:.1f}"'
        ' class="area"/>',
        f'<rect x="{LEFT:.1f}" y="{TOP:.1f}" width="{half_width:.1f}" '
        f'height="{height / 2:.1f}" class="quick"/>',
        f'<line x1="{middle_x:.1f}" y1="{TOP:.1f}" x2="{middle_x:.1f}" y2="{bottom:.1f}"'
        ' class="divide"/>',
        f'<line x1="{LEFT:.1f}" y1="{middle_y:.1f}" x2="{width:.1f}" y2="{middle_y:.1f}"'
        ' class="divide"/>',
    ]
    corners = (
        ("quick-win", LEFT + 4, TOP - 10, half_width),
        ("big-bet", middle_x + 4, TOP - 10, 3 * COLUMN),
        ("fill-in", LEFT + 4, bottom + 34, half_width),
        ("money-pit", middle_x + 4, bottom + 34, 3 * COLUMN),
    )
    for key, x, y, room in corners:
        parts.append(label(x, y, words[key], size=SIZE + 1, width=room - 8, css="quadrant").svg())
    for effort in range(1, 6):
        x = LEFT + (effort - 0.5) * COLUMN
        parts.append(
            f'<text x="{x:.1f}" y="{bottom + 15:.1f}" font-size="{SIZE:g}" '
            f'text-anchor="middle">{effort}</text>'
        )
    axis = f"{words['effort']} →"
    parts.append(label(width, bottom + 52, axis, size=SIZE, width=5 * COLUMN, anchor="end").svg())
    for text, y in ((words["high"], TOP + 12), (words["low"], bottom - 4)):
        parts.append(label(LEFT - 6, y, text, size=SIZE, width=LEFT - 10, anchor="end").svg())
    parts.append(
        label(
            LEFT - 6,
            middle_y + 4,
            f"{words['impact']} ↑",
            size=SIZE,
            width=LEFT - 8,
            max_lines=2,
            anchor="end",
        ).svg()
    )
    for point in placed:
        ring = "point assumed" if point.assumed else "point"
        parts.append(
            f'<circle cx="{point.x:.1f}" cy="{point.y:.1f}" r="{RADIUS:g}" class="{ring}">'
            f"<title>{escaped(f'{point.item.rank}. {point.item.title}')}</title></circle>"
        )
        parts.append(
            f'<text x="{point.x:.1f}" y="{point.y + 3.5:.1f}" font-size="{SIZE - 1:g}" '
            f'text-anchor="middle" class="rank">{point.item.rank}</text>'
        )
    return document(width + 6, bottom + 60, parts, title)
