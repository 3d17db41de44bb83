"""A step this version does not have yet, said plainly instead of pretended."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Static

from cjworkshop.model.session import Step
from cjworkshop.ui.steps.base import StepView


class UnavailableStep(StepView):
    """Shown for a step of the flow that is not part of this version."""

    available = False

    def compose(self) -> ComposeResult:
        yield Static(classes="step-intro", id=f"unavailable-{self.STEP}")

    def refresh_view(self) -> None:
        tr = self.tr
        self.query_one(Static).update(tr("step.unavailable", step=tr(f"step.{self.STEP}")))

    def count_text(self) -> str:
        return self.tr("step.not_yet") if self.session is not None else ""


def unavailable_step(step: Step) -> type[StepView]:
    return type(f"Unavailable{step.title()}Step", (UnavailableStep,), {"STEP": step})
