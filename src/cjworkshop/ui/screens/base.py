"""Screens whose key bindings speak the session's language.

Bindings are declared with a catalog key as their description (``"key.add"``). The footer and the
keys panel read ``Screen.active_bindings``; this mixin translates the descriptions there, so the
same screen shows "add" or "toevoegen" depending on the session. Textual's own widget bindings
(cursor moves inside a list, editing keys inside an input) are left out of that listing: they are
the same in every app and would bury the keys that matter here. Notifications show their text
as written, since they quote what people typed. Keys that reach a screen after another one came
on top are sent on to that one (``KeysFollowTheTopScreen``).
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Any, TypeVar

from textual import events
from textual.binding import ActiveBinding
from textual.notifications import SeverityLevel
from textual.screen import ModalScreen, Screen

if TYPE_CHECKING:
    from cjworkshop.ui.app import WorkshopApp

_BUILT_IN = {"palette": "key.palette", "Quit": "key.quit"}
KEYS_HELD_SECONDS = 1.0
"""The longest keys wait for a dialog that puts the focus nowhere."""

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


class KeysFollowTheTopScreen:
    """Notes every key that passes a screen, so the app can tell a key that lost its way.

    Textual hands each key to the focused widget of the screen on top as it reads the key, and
    runs a key's binding only once the key has passed through that widget: in a burst (``a``
    and a goal typed at once, faster than the form comes up; a key right after the one that
    closes a dialog) the keys behind it have gone to this screen by the time another one is on
    top, where they would be lost. The app sends such keys on (``WorkshopApp.on_key``).
    """

    def on_key(self, event: events.Key) -> None:
        screen = self
        assert isinstance(screen, WorkshopScreen | WorkshopModal)
        screen.workshop.key_passed(event, screen)


class WorkshopScreen(KeysFollowTheTopScreen, LiteralNotifications, Screen[Any]):
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


class WorkshopModal(KeysFollowTheTopScreen, LiteralNotifications, ModalScreen[ResultType]):
    """A dialog of cjworkshop: translated bindings, Escape to cancel.

    Until a dialog has put the focus on one of its fields, the app holds the keys typed for it
    (see ``WorkshopApp.on_event``): typed right behind the key that opened it, they would reach
    the dialog itself, which has nowhere to put them.
    """

    keys_ready = False
    """True once the dialog takes keys: one of its widgets has the focus, or it wants none."""

    def on_mount(self) -> None:
        # A dialog that never focuses anything still gets its keys, after a moment.
        self.set_timer(KEYS_HELD_SECONDS, self._take_keys)

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        self._take_keys()

    def _take_keys(self) -> None:
        if not self.keys_ready:
            self.workshop.call_later(self.workshop.deliver_held_keys, self)

    @property
    def workshop(self) -> WorkshopApp:
        from cjworkshop.ui.app import WorkshopApp

        app = self.app
        assert isinstance(app, WorkshopApp)
        return app

    @property
    def active_bindings(self) -> dict[str, ActiveBinding]:
        return translated_bindings(super().active_bindings, self.workshop)
