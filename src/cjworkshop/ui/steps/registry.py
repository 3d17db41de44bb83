"""Which steps a session has, in which order, and which view shows each.

A workshop walks goals, personas, touchpoints, plotting, the journey grid, the review and the
roadmap. A solo self-assessment takes the short path (goals, personas, the assessment, the
roadmap) with touchpoints, plotting, grid and review still there for whoever wants to go deeper.
Each step's view is imported when the step is first shown, so opening a session loads one.
"""

from __future__ import annotations

import importlib

from cjworkshop.model.session import Mode, Step
from cjworkshop.ui.steps.base import StepView

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

VIEWS: dict[Step, str] = {
    "goals": "cjworkshop.ui.steps.goals:GoalsStep",
    "personas": "cjworkshop.ui.steps.personas:PersonasStep",
    "touchpoints": "cjworkshop.ui.steps.touchpoints:TouchpointsStep",
    "plotting": "cjworkshop.ui.steps.plotting:PlottingStep",
    "grid": "cjworkshop.ui.steps.grid:GridStep",
    "review": "cjworkshop.ui.steps.review:ReviewStep",
    "roadmap": "cjworkshop.ui.steps.roadmap:RoadmapStep",
    "assessment": "cjworkshop.ui.steps.assessment:AssessmentStep",
}
"""Where the view of each step lives; a view's module is imported when the step is first shown."""


def flow_steps(mode: Mode) -> tuple[Step, ...]:
    return SOLO_FLOW if mode == "self-assessment" else WORKSHOP_FLOW


def view_class(step: Step) -> type[StepView]:
    """The view of a step, imported the first time it is needed."""
    module_name, _, class_name = VIEWS[step].partition(":")
    view = getattr(importlib.import_module(module_name), class_name)
    assert isinstance(view, type)
    assert issubclass(view, StepView)
    return view
