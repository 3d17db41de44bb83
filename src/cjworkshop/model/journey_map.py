"""The journey map: touchpoints left to right, grouped by phase, with what each persona lives there.

A map shows one persona, or several overlaid, as columns of touchpoints in journey order; each
column holds the plot of every persona shown (None where nothing is plotted yet). Which lanes a
map has beyond the fixed ones depends on the session: the blueprint's lanes (front stage, back
stage, support) only where some touchpoint says something there, the figures only where some
touchpoint has one. The screen and the exports draw from this; nothing here knows how.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final, Literal

from cjworkshop.model.queries import phases_by_id, plot_index, touchpoints_in_order
from cjworkshop.model.session import Phase, Plot, Session, Touchpoint

Lane = Literal[
    "interactions",
    "actions",
    "thoughts",
    "feeling",
    "pain_points",
    "opportunities",
    "moments",
    "frontstage",
    "backstage",
    "support",
    "figures",
]
FIXED_LANES: Final[tuple[Lane, ...]] = (
    "interactions",
    "actions",
    "thoughts",
    "feeling",
    "pain_points",
    "opportunities",
    "moments",
)
"""The lanes every map has, top to bottom."""
BLUEPRINT_LANES: Final[tuple[Lane, ...]] = ("frontstage", "backstage", "support")


@dataclass(frozen=True)
class MapColumn:
    """One touchpoint of the map, in its phase, with the plot of each persona shown."""

    touchpoint: Touchpoint
    phase: Phase
    plots: tuple[Plot | None, ...]
    """One per persona shown, in the order asked for; None where nothing is plotted yet."""


def map_columns(session: Session, persona_ids: Sequence[str]) -> list[MapColumn]:
    """The map's columns: every touchpoint in journey order, with the personas' plots."""
    plots = plot_index(session)
    phases = phases_by_id(session)
    return [
        MapColumn(
            touchpoint,
            phases[touchpoint.phase],
            tuple(plots.get((persona, touchpoint.id)) for persona in persona_ids),
        )
        for touchpoint in touchpoints_in_order(session)
        if touchpoint.phase in phases
    ]


def map_lanes(session: Session) -> tuple[Lane, ...]:
    """The lanes of this session's map: the fixed ones, then the blueprint's and the figures
    where some touchpoint has them."""
    used = tuple(
        lane
        for lane in BLUEPRINT_LANES
        if any(getattr(touchpoint, lane).strip() for touchpoint in session.touchpoints)
    )
    figures: tuple[Lane, ...] = ("figures",) if any(t.metrics for t in session.touchpoints) else ()
    return FIXED_LANES + used + figures
