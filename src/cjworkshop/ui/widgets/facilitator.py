"""The facilitator panel: the questions to ask the room for this step and phase.

Questions come from the session's template (its phase guidance and any step-specific questions),
and otherwise from the general guidance in the translation catalog, always in the session's
language. The panel can be hidden when the room needs the space. An owner doing a
self-assessment alone gets questions to think about instead, in the steps of the short path
(the checklist's are the owner's anyway), and there the phase's name without what the template
says of it to a room.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

from cjworkshop.i18n import Translator
from cjworkshop.model.flow import SOLO_PATH
from cjworkshop.model.session import Session, Step
from cjworkshop.model.template import Template, template_phase
from cjworkshop.ui.widgets.step_list import step_name
from cjworkshop.ui.widgets.text import TextPanel

PHASED_STEPS: frozenset[Step] = frozenset({"touchpoints", "plotting", "assessment"})
"""The steps that work phase by phase: the panel adds the questions of the phase at hand."""


class FacilitatorPanel(VerticalScroll, can_focus=False):
    """Questions and tips for the step on screen."""

    def compose(self) -> ComposeResult:
        yield TextPanel(id="guide")

    def show_guide(
        self,
        tr: Translator,
        template: Template | None,
        session: Session,
        step: Step,
        phase_id: str | None,
    ) -> None:
        """The questions for ``step`` (and for the phase ``phase_id``, in a step that works
        phase by phase): the template's where it has them, else the general ones."""
        language = session.language
        solo = session.mode == "self-assessment"
        guide = template.steps.get(step) if template else None
        questions = list(guide.questions(language)) if guide and guide.questions else []
        tips = tr.items(f"guide.{step}.tips")
        own_step = solo and step in SOLO_PATH
        if own_step and step != "assessment":
            said_alone = {
                s: (tr.items(f"solo.guide.{s}.questions"), tr.items(f"solo.guide.{s}.tips"))
                for s in ("goals", "personas", "roadmap")
            }
            questions, tips = said_alone[step]
        questions = questions or tr.items(f"guide.{step}.questions")
        phase_name: str | None = None
        phase_text = ""
        phase_questions: tuple[str, ...] = ()
        phase = next((p for p in session.phases if p.id == phase_id), None)
        if phase is not None and step in PHASED_STEPS:
            phase_name = tr("guide.phase", phase=phase.name)
            advice = template_phase(template, phase.id)
            # The phase's description and questions are written for a room ("we", "us"):
            # in the checklist the owner has the questions of their own.
            if not own_step:
                phase_text = phase.description
                phase_questions = advice.questions(language) if advice else ()
        title = "solo.guide.title" if solo else "guide.title"
        self.show(
            tr(title, step=step_name(tr, step, session.mode)),
            questions,
            phase_name,
            phase_text,
            phase_questions,
            tuple(tips),
        )

    def show(
        self,
        title: str,
        questions: list[str],
        phase: str | None = None,
        phase_text: str = "",
        phase_questions: tuple[str, ...] = (),
        tips: tuple[str, ...] = (),
    ) -> None:
        text = Text()
        text.append(title + "\n", style="bold")
        for number, question in enumerate(questions, start=1):
            text.append(f"{number}. ", style="bold")
            text.append(question + "\n")
        if phase:
            text.append("\n" + phase + "\n", style="bold")
            if phase_text:
                text.append(phase_text + "\n", style="italic")
            for question in phase_questions:
                text.append("• ")
                text.append(question + "\n")
        if tips:
            text.append("\n")
            for tip in tips:
                text.append("✦ " + tip + "\n", style="dim")
        self.query_one("#guide", Static).update(text)
