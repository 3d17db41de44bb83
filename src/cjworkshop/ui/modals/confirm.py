"""A yes/no question that returns True for yes, False for no and None when dismissed."""

from __future__ import annotations

from typing import Any, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import Button

from cjworkshop.i18n import Translator
from cjworkshop.ui.modals.base import WorkshopModal
from cjworkshop.ui.widgets.text import TextPanel


class ConfirmModal(WorkshopModal[bool]):
    """Asks before something that cannot be taken back lightly, like deleting a persona."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "answer(False)", "key.cancel"),
        Binding("y", "answer(True)", "key.yes", show=False),
        Binding("n", "answer(False)", "key.no", show=False),
    ]

    def __init__(
        self, tr: Translator, question: str, yes: str, no: str, *, danger: bool = False
    ) -> None:
        super().__init__(tr)
        self.question = question
        self.yes = yes
        self.no = no
        self.danger = danger

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box confirm"):
            yield TextPanel(self.question, classes="question")
            with Horizontal(classes="buttons"):
                yield Button(self.yes, id="yes", variant="error" if self.danger else "primary")
                yield Button(self.no, id="no")

    def on_mount(self) -> None:
        self.query_one("#no" if self.danger else "#yes", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(event.button.id == "yes")

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)


def close_unless_kept(dialog: WorkshopModal[Any], question: str) -> None:
    """Close ``dialog`` (dismissed with None) once the user agrees to throw typed text away."""
    tr = dialog.tr

    def answered(discard: bool | None) -> None:
        if discard:
            dialog.dismiss(None)

    dialog.app.push_screen(
        ConfirmModal(tr, question, tr("button.discard"), tr("button.keep_editing"), danger=True),
        answered,
    )
