"""The steps of the guided flow, with where the room is and how far each step has come."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from cjworkshop.model.session import Step


@dataclass(frozen=True)
class StepEntry:
    step: Step
    title: str
    detail: str
    available: bool = True
    divider_before: str | None = None


class StepList(OptionList):
    """A vertical list of steps; the highlighted one is the step on screen."""

    def show(self, entries: list[StepEntry], current: Step) -> None:
        highlighted = None
        options: list[Option | None] = []
        for number, entry in enumerate(entries, start=1):
            if entry.divider_before is not None:
                options.append(None)
            label = Text()
            label.append(f"{number} ", style="dim")
            label.append(entry.title, style="" if entry.available else "dim")
            if entry.detail:
                label.append(f"\n  {entry.detail}", style="dim")
            options.append(Option(label, id=entry.step, disabled=not entry.available))
        self.set_options(options)
        ids = [entry.step for entry in entries]
        if current in ids:
            highlighted = self.get_option_index(current)
        self.highlighted = highlighted
