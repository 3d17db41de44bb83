"""What every dialog shares: its keys in the user's language, and the keys typed for it.

Until a dialog has put the focus on one of its fields, the app holds the keys typed for it
(``WorkshopApp.on_event``): typed right behind the key that opened it, they would reach the
dialog itself, which has nowhere to put them. The dialog says when it takes keys by posting
``KeysReady``, which bubbles up to the app.
"""

from __future__ import annotations

from typing import Any, TypeVar

from textual import events
from textual.message import Message
from textual.screen import ModalScreen

from cjworkshop.i18n import Translator
from cjworkshop.ui.translated import TranslatedScreen

KEYS_HELD_SECONDS = 1.0
"""The longest keys wait for a dialog that puts the focus nowhere."""

ResultType = TypeVar("ResultType")


class KeysReady(Message):
    """A dialog takes keys now: the keys held for it can be handed to it."""

    def __init__(self, dialog: WorkshopModal[Any]) -> None:
        super().__init__()
        self.dialog = dialog


class WorkshopModal(TranslatedScreen[ResultType], ModalScreen[ResultType]):
    """A dialog of cjworkshop: translated bindings, the keys typed for it once it takes them."""

    def __init__(self, tr: Translator) -> None:
        super().__init__(tr, classes="dialog")
        self.keys_ready = False
        """True once the dialog takes keys: one of its widgets has the focus, or it wants none."""

    def on_mount(self) -> None:
        # A dialog that never focuses anything still gets its keys, after a moment.
        self.set_timer(KEYS_HELD_SECONDS, self._take_keys)

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        self._take_keys()

    def _take_keys(self) -> None:
        if not self.keys_ready:
            self.post_message(KeysReady(self))
