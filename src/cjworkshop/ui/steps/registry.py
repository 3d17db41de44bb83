"""Which view shows each step of the flow (``model.flow`` says which steps, in which order).

Each step's view is imported when the step is first shown, so opening a session loads one: the
other seven, imported with the session screen, would cost some 30 ms of CPU before its first
frame (the large session at its grid: 345 ms in all, bench/run.py).
"""

from __future__ import annotations

from typing import assert_never

from cjworkshop.model.session import STEPS, Step
from cjworkshop.ui.steps.base import StepView

VIEWS: tuple[Step, ...] = STEPS
"""The steps that have a view: all of them (``view_class`` names one for each, mypy checks)."""


def view_class(step: Step) -> type[StepView]:
    """The view of a step, imported the first time it is needed."""
    match step:
        case "goals":
            from cjworkshop.ui.steps.goals import GoalsStep

            return GoalsStep
        case "personas":
            from cjworkshop.ui.steps.personas import PersonasStep

            return PersonasStep
        case "touchpoints":
            from cjworkshop.ui.steps.touchpoints import TouchpointsStep

            return TouchpointsStep
        case "plotting":
            from cjworkshop.ui.steps.plotting import PlottingStep

            return PlottingStep
        case "grid":
            from cjworkshop.ui.steps.grid import GridStep

            return GridStep
        case "map":
            from cjworkshop.ui.steps.journey_map import MapStep

            return MapStep
        case "review":
            from cjworkshop.ui.steps.review import ReviewStep

            return ReviewStep
        case "roadmap":
            from cjworkshop.ui.steps.roadmap import RoadmapStep

            return RoadmapStep
        case "assessment":
            from cjworkshop.ui.steps.assessment import AssessmentStep

            return AssessmentStep
        case _:
            assert_never(step)
