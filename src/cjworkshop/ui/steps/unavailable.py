"""A step this version does not have yet, said plainly instead of pretended."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Static

from cjworkshop.i18n import Translator
from cjworkshop.model.session import Session, Step
from cjworkshop.model.template import Template
from cjworkshop.ui.steps.base import StepView


class UnavailableStep(StepView):
    """Shown for a step of the flow that is not part of this version."""

    available = False

    def compose(self) -> ComposeResult:
        yield Static(classes="step-intro", id=f"unavailable-{self.STEP}", markup=False)

    def refresh_view(self) -> None:
        tr = self.tr
        self.query_one(Static).update(tr("step.unavailable", step=tr(f"step.{self.STEP}")))

    @classmethod
    def count_text(cls, session: Session, tr: Translator, template: Template | None) -> str:
        return tr("step.not_yet")


def unavailable_step(step: Step) -> type[StepView]:
    return type(f"Unavailable{step.title()}Step", (UnavailableStep,), {"STEP": step})
