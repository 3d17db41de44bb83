"""The facilitator panel: the questions to ask the room for this step and phase.

Questions come from the session's template (its phase guidance and any step-specific questions),
and otherwise from the general guidance in the translation catalog, always in the session's
language. The panel can be hidden when the room needs the space.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

from cjworkshop.ui.widgets.text import TextPanel


class FacilitatorPanel(VerticalScroll, can_focus=False):
    """Questions and tips for the step on screen."""

    def compose(self) -> ComposeResult:
        yield TextPanel(id="guide")

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
