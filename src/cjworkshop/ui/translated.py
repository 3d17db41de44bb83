"""What every screen and dialog of cjworkshop shares: keys described in the user's language.

Bindings are declared with a catalog key as their description (``"key.add"``). The key bar and
the keys panel read ``Screen.active_bindings``; ``TranslatedScreen`` translates the descriptions
there, so the same screen shows "add" or "toevoegen" depending on the session. Textual's own
widget bindings (cursor moves inside a list, editing keys inside an input) are left out of that
listing: they are the same in every app and would bury the keys that matter here. A screen is
given its translator when it is made; its notifications show their text as written.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TypeVar

from textual.binding import ActiveBinding
from textual.screen import Screen

from cjworkshop.i18n import Translator
from cjworkshop.ui.widgets.text import LiteralNotifications

_BUILT_IN = {"palette": "key.palette", "Quit": "key.quit"}

ResultType = TypeVar("ResultType")


def translated_bindings(
    bindings: dict[str, ActiveBinding], tr: Translator
) -> dict[str, ActiveBinding]:
    """The bindings that have a catalog key, described in ``tr``'s language, with tooltips."""
    result: dict[str, ActiveBinding] = {}
    for key, active in bindings.items():
        binding = active.binding
        description = _BUILT_IN.get(binding.description, binding.description)
        if not description.startswith("key."):
            continue
        tooltip_key = "keytip." + description.removeprefix("key.")
        tooltip = tr(tooltip_key) if tr.has(tooltip_key) else ""
        result[key] = active._replace(
            binding=replace(binding, description=tr(description), tooltip=tooltip),
            tooltip=tooltip,
        )
    return result


class TranslatedScreen(LiteralNotifications, Screen[ResultType]):
    """A screen (or dialog) of cjworkshop: its keys in its language, its notices as written."""

    def __init__(self, tr: Translator, *, classes: str | None = None) -> None:
        super().__init__(classes=classes)
        self.tr = tr
        """The texts of this screen, in the language of the session or of the start screen."""

    @property
    def active_bindings(self) -> dict[str, ActiveBinding]:
        return translated_bindings(super().active_bindings, self.tr)
