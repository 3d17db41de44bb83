"""The steps of the guided flow, with where the room is and how far each step has come.

The list is as wide as its longest entry (a step's name, or what it says of the step's
progress), so a detail such as "16 touchpoints" never wraps onto a line of its own, and no
column is kept from the step beside it that no entry needs.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from cjworkshop.i18n import Translator
from cjworkshop.model.session import Mode, Step


def step_name(tr: Translator, step: Step, mode: Mode) -> str:
    """A step's name as its session says it: to an owner alone in plain words (``Your
    customers``), to a room in the words of the method (``Personas``)."""
    return tr(f"solo.step.{step}") if mode == "self-assessment" else tr(f"step.{step}")


@dataclass(frozen=True)
class StepEntry:
    step: Step
    title: str
    detail: str
    available: bool = True
    divider_before: str | None = None


FRAME = 3
"""The list's cells around its entries: its padding, one on each side, and its border."""


class StepList(OptionList):
    """A vertical list of steps; the highlighted one is the step on screen."""

    def show(self, entries: list[StepEntry], current: Step) -> None:
        highlighted = None
        options: list[Option | None] = []
        widest = 0
        for number, entry in enumerate(entries, start=1):
            if entry.divider_before is not None:
                options.append(None)
            label = Text()
            label.append(f"{number} ", style="dim")
            label.append(entry.title, style="" if entry.available else "dim")
            if entry.detail:
                label.append(f"\n  {entry.detail}", style="dim")
            options.append(Option(label, id=entry.step, disabled=not entry.available))
            widest = max([widest, *(line.cell_len for line in label.split())])
        self.styles.width = widest + FRAME
        self.set_options(options)
        ids = [entry.step for entry in entries]
        if current in ids:
            highlighted = self.get_option_index(current)
        self.highlighted = highlighted
