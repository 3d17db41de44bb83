"""Screens whose key bindings speak the session's language.

Bindings are declared with a catalog key as their description (``"key.add"``). The footer and the
keys panel read ``Screen.active_bindings``; this mixin translates the descriptions there, so the
same screen shows "add" or "toevoegen" depending on the session. Textual's own widget bindings
(cursor moves inside a list, editing keys inside an input) are left out of that listing: they are
the same in every app and would bury the keys that matter here. Notifications show their text
as written, since they quote what people typed.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Any, TypeVar

from textual.binding import ActiveBinding
from textual.notifications import SeverityLevel
from textual.screen import ModalScreen, Screen

if TYPE_CHECKING:
    from cjworkshop.ui.app import WorkshopApp

_BUILT_IN = {"palette": "key.palette", "Quit": "key.quit"}

ResultType = TypeVar("ResultType")


def translated_bindings(
    bindings: dict[str, ActiveBinding], app: WorkshopApp
) -> dict[str, ActiveBinding]:
    tr = app.tr
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


class LiteralNotifications:
    """Notifications that show their message as written: it often quotes what people typed."""

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = False,
    ) -> None:
        super().notify(  # type: ignore[misc]
            message, title=title, severity=severity, timeout=timeout, markup=markup
        )


class WorkshopScreen(LiteralNotifications, Screen[Any]):
    """A full screen of cjworkshop."""

    @property
    def workshop(self) -> WorkshopApp:
        from cjworkshop.ui.app import WorkshopApp

        app = self.app
        assert isinstance(app, WorkshopApp)
        return app

    @property
    def active_bindings(self) -> dict[str, ActiveBinding]:
        return translated_bindings(super().active_bindings, self.workshop)


class WorkshopModal(LiteralNotifications, ModalScreen[ResultType]):
    """A dialog of cjworkshop: translated bindings, Escape to cancel."""

    @property
    def workshop(self) -> WorkshopApp:
        from cjworkshop.ui.app import WorkshopApp

        app = self.app
        assert isinstance(app, WorkshopApp)
        return app

    @property
    def active_bindings(self) -> dict[str, ActiveBinding]:
        return translated_bindings(super().active_bindings, self.workshop)
