"""Which steps a session walks, in which order.

A workshop walks goals, personas, touchpoints, plotting, the journey grid, the journey map, the
review and the roadmap. A solo self-assessment takes the short path (goals, personas, the
assessment, the roadmap) with touchpoints, plotting, grid, map and review still there for
whoever wants to go deeper.
"""

from __future__ import annotations

from cjworkshop.model.session import Mode, Session, Step

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
SOLO_PATH: tuple[Step, ...] = ("goals", "personas", "assessment", "roadmap")
"""The self-assessment's own steps: what an owner alone walks from start to finish."""
SOLO_FLOW: tuple[Step, ...] = (
    *SOLO_PATH,
    "touchpoints",
    "plotting",
    "grid",
    "map",
    "review",
)


def flow_steps(mode: Mode) -> tuple[Step, ...]:
    return SOLO_FLOW if mode == "self-assessment" else WORKSHOP_FLOW


def solo_minutes(session: Session) -> int:
    """The minutes planned for the self-assessment's own steps, as the session's timeboxes say:
    what the owner is told the whole of it takes."""
    planned = (session.timebox[s].planned_minutes for s in SOLO_PATH if s in session.timebox)
    return sum(minutes or 0 for minutes in planned)
