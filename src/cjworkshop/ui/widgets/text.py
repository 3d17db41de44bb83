"""Text on screen as people typed it, redrawn in place when it changes.

Textual reads a ``str`` in a ``Static`` or ``Label`` as markup, and ``update`` lays out the whole
screen again. These two show text as written, leave the screen alone when nothing changed, and
skip the layout when the new text keeps the old one's lines and widths (a clock ticking, a count
going up, a status that says "saved" at another time), which is most updates during an edit.
Notifications show their text as written too (``LiteralNotifications``): they often quote what
people typed.

Skipping those layouts saves some 5 ms of CPU per feeling set in the large grid (13%) and as much
per second of a running timebox (bench/run.py against a plain ``Static``): less than a speed
trick has to buy here. It stays for now because the plain version changes what two screens show
(the walk's label for the quote, cut short today, wraps to show its key), which is a change of
its own, not of structure.
"""

from __future__ import annotations

from rich.cells import cell_len
from rich.text import Text
from textual.notifications import SeverityLevel
from textual.visual import VisualType
from textual.widgets import Label, Static


def _shape(content: VisualType) -> tuple[int, ...] | None:
    """The width of every line of plain text, or None for anything else."""
    if isinstance(content, Text):
        plain = content.plain
    elif isinstance(content, str):
        plain = content
    else:
        return None
    return tuple(cell_len(line) for line in plain.split("\n"))


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
        same_size = _shape(before) is not None and _shape(before) == _shape(content)
        super().update(content, layout=layout and not same_size)


class TextPanel(_InPlace):
    """A block of text: never markup, and no new layout unless its size can change."""


class TextLabel(_InPlace, Label):
    """A line of text, styled as a ``Label``: never markup, no needless layout."""


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
