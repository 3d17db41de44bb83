"""Pick one entry from a list: Enter takes it, Escape closes without a choice."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from cjworkshop.i18n import Translator
from cjworkshop.ui.modals.base import WorkshopModal
from cjworkshop.ui.widgets.text import TextLabel, TextPanel


class PickerModal(WorkshopModal[int | None]):
    """A list of choices; dismisses with the index of the chosen one, or None."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "key.cancel"),
    ]

    def __init__(self, tr: Translator, title: str, choices: list[str], hint: str = "") -> None:
        super().__init__(tr)
        self.title_text = title
        self.choices = choices
        self.hint = hint

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box wide"):
            yield TextLabel(self.title_text, classes="dialog-title")
            if self.hint:
                yield TextPanel(self.hint, classes="hint")
            yield OptionList(*[Option(Text(choice)) for choice in self.choices], id="picker")

    def on_mount(self) -> None:
        picker = self.query_one(OptionList)
        picker.highlighted = 0 if self.choices else None
        picker.focus()

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(event.option_index)

    def action_cancel(self) -> None:
        self.dismiss(None)
