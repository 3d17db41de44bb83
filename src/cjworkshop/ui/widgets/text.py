"""Text on screen as people typed it.

Textual reads a ``str`` in a ``Static`` or ``Label`` as markup. These two show text as written,
and leave the screen alone when the text did not change. Notifications show their text as
written too (``LiteralNotifications``): they often quote what people typed.
"""

from __future__ import annotations

from textual.notifications import SeverityLevel
from textual.visual import VisualType
from textual.widgets import Label, Static


class _InPlace(Static):
    """What both share; not used on its own."""

    def __init__(
        self, content: VisualType = "", *, id: str | None = None, classes: str | None = None
    ) -> None:
        super().__init__(content, id=id, classes=classes, markup=False)

    def update(self, content: VisualType = "", *, layout: bool = True) -> None:
        before = self.content
        if type(before) is type(content) and before == content:
            return
        super().update(content, layout=layout)


class TextPanel(_InPlace):
    """A block of text, never read as markup."""


class TextLabel(_InPlace, Label):
    """A line of text, styled as a ``Label``, never read as markup."""


def first_line(text: str, width: int = 80) -> str:
    """The first line of a text, shortened with an ellipsis to fit a table cell."""
    stripped = text.strip()
    line = stripped.splitlines()[0] if stripped else ""
    return line if len(line) <= width else line[: width - 1] + "…"


class LiteralNotifications:
    """Notifications that show their message as written: it often quotes what people typed.

    Mixed into the app, every screen and every step, before Textual's class."""

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
