"""Which view shows each step of the flow (``model.flow`` says which steps, in which order).

Each step's view is imported when the step is first shown, so opening a session loads one.
"""

from __future__ import annotations

import importlib

from cjworkshop.model.session import Step
from cjworkshop.ui.steps.base import StepView

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


def view_class(step: Step) -> type[StepView]:
    """The view of a step, imported the first time it is needed."""
    module_name, _, class_name = VIEWS[step].partition(":")
    view = getattr(importlib.import_module(module_name), class_name)
    assert isinstance(view, type)
    assert issubclass(view, StepView)
    return view
