"""Which steps a session has, in which order, and which view shows each.

A workshop walks goals, personas, touchpoints, plotting, the journey grid, the review and the
roadmap. A solo self-assessment takes the short path (goals, personas, the assessment, the
roadmap) with touchpoints, plotting, grid and review still there for whoever wants to go deeper.
"""

from __future__ import annotations

from cjworkshop.model.session import Mode, Step
from cjworkshop.ui.steps.assessment import AssessmentStep
from cjworkshop.ui.steps.base import StepView
from cjworkshop.ui.steps.goals import GoalsStep
from cjworkshop.ui.steps.grid import GridStep
from cjworkshop.ui.steps.personas import PersonasStep
from cjworkshop.ui.steps.plotting import PlottingStep
from cjworkshop.ui.steps.review import ReviewStep
from cjworkshop.ui.steps.roadmap import RoadmapStep
from cjworkshop.ui.steps.touchpoints import TouchpointsStep
from cjworkshop.ui.steps.unavailable import unavailable_step

WORKSHOP_FLOW: tuple[Step, ...] = (
    "goals",
    "personas",
    "touchpoints",
    "plotting",
    "grid",
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
    "review",
)

VIEWS: dict[Step, type[StepView]] = {
    "goals": GoalsStep,
    "personas": PersonasStep,
    "touchpoints": TouchpointsStep,
    "plotting": PlottingStep,
    "grid": GridStep,
    "review": ReviewStep,
    "roadmap": RoadmapStep,
    "assessment": AssessmentStep,
}


def flow_steps(mode: Mode) -> tuple[Step, ...]:
    return SOLO_FLOW if mode == "self-assessment" else WORKSHOP_FLOW


def step_views(mode: Mode) -> dict[Step, type[StepView]]:
    """The view class of every step in the flow, in flow order."""
    return {step: VIEWS.get(step) or unavailable_step(step) for step in flow_steps(mode)}
