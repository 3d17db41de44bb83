"""Which steps a session walks, in which order.

A workshop walks goals, personas, touchpoints, plotting, the journey grid, the journey map, the
review and the roadmap. A solo self-assessment takes the short path (goals, personas, the
assessment, the roadmap) with touchpoints, plotting, grid, map and review still there for
whoever wants to go deeper.
"""

from __future__ import annotations

from cjworkshop.model.session import Mode, Step

WORKSHOP_FLOW: tuple[Step, ...] = (
    "goals",
    "personas",
    "touchpoints",
    "plotting",
    "grid",
    "map",
    "review",
    "roadmap",
)
SOLO_FLOW: tuple[Step, ...] = (
    "goals",
    "personas",
    "assessment",
    "roadmap",
    "touchpoints",
    "plotting",
    "grid",
    "map",
    "review",
)


def flow_steps(mode: Mode) -> tuple[Step, ...]:
    return SOLO_FLOW if mode == "self-assessment" else WORKSHOP_FLOW
