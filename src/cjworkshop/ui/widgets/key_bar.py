"""The keys that work right now, on one line at the bottom of the screen, in the user's language.

It shows what Textual's ``Footer`` shows (the bindings of the focused widget and everything
around it that are marked ``show``, with the command palette's key on the right), but as one
line of text instead of a widget per key. The footer rebuilt all of its widgets whenever the
focus moved, and in a session the focus moves on every step switch; one line of text is redrawn
in a fraction of that. Clicking a key presses it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from rich.style import Style
from rich.text import Text
from textual import events
from textual.screen import Screen
from textual.widget import Widget


@dataclass(frozen=True)
class KeyEntry:
    """One key as shown: what to press, what it does, and whether it does anything now."""

    key: str
    display: str
    description: str
    enabled: bool = True


class KeyBar(Widget, can_focus=False):
    """One line of keys, kept up to date with the screen's bindings."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "key-bar--key",
        "key-bar--description",
        "key-bar--disabled",
        "key-bar--separator",
    }
    DEFAULT_CSS = """
    KeyBar {
        dock: bottom;
        height: 1;
        background: $footer-background;
        color: $footer-foreground;
    }
    KeyBar > .key-bar--key {
        color: $footer-key-foreground;
        background: $footer-key-background;
        text-style: bold;
    }
    KeyBar > .key-bar--description {
        color: $footer-description-foreground;
        background: $footer-description-background;
    }
    KeyBar > .key-bar--disabled {
        text-style: dim;
    }
    KeyBar > .key-bar--separator {
        color: $foreground 20%;
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.entries: tuple[KeyEntry, ...] = ()
        """The keys on the left, in the order the bindings come."""
        self.palette: KeyEntry | None = None
        """The command palette's key, shown on the right."""

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)
        self._read_bindings()

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, screen: Screen[object]) -> None:
        if self.is_attached and screen is self.screen:
            self._read_bindings()

    def _read_bindings(self) -> None:
        app = self.app
        active = self.screen.active_bindings
        entries: list[KeyEntry] = []
        actions: set[str] = set()
        for _node, binding, enabled, _tooltip in active.values():
            # A binding shown once per action, as the footer does ("f1,question_mark": f1).
            if not binding.show or binding.action in actions:
                continue
            actions.add(binding.action)
            entries.append(
                KeyEntry(binding.key, app.get_key_display(binding), binding.description, enabled)
            )
        palette = active.get(app.COMMAND_PALETTE_BINDING) if app.ENABLE_COMMAND_PALETTE else None
        self.palette = (
            KeyEntry(
                palette.binding.key,
                app.get_key_display(palette.binding),
                palette.binding.description,
                palette.enabled,
            )
            if palette is not None
            else None
        )
        self.entries = tuple(entries)
        self.refresh()

    def _text(self, entries: tuple[KeyEntry, ...], lead: str = " ") -> Text:
        key_style = self.get_component_rich_style("key-bar--key")
        description_style = self.get_component_rich_style("key-bar--description")
        disabled = self.get_component_rich_style("key-bar--disabled")
        text = Text(no_wrap=True, overflow="ellipsis", end="")
        for entry in entries:
            pressed = Style(meta={"key": entry.key})
            dim = disabled if not entry.enabled else Style()
            text.append(f"{lead}{entry.display} ", key_style + dim + pressed)
            text.append(f"{entry.description} ", description_style + dim + pressed)
        return text

    def render(self) -> Text:
        width = self.size.width
        right = Text(end="")
        if self.palette is not None:
            right.append("▏", self.get_component_rich_style("key-bar--separator"))
            right.append_text(self._text((self.palette,), lead=""))
        left = self._text(self.entries)
        room = max(0, width - right.cell_len)
        left.truncate(room, overflow="ellipsis", pad=True)
        return left + right

    def on_click(self, event: events.Click) -> None:
        key = event.style.meta.get("key")
        if isinstance(key, str):
            event.stop()
            self.app.simulate_key(key)
