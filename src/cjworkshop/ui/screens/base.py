"""What the full screens share, and the messages they send the app.

A screen is given what it needs when it is made (the folder, the clock, the translator, the open
session) and never reaches for the app: whatever only the app can do (open a session, close it,
go on in another file) it asks for with a message, which bubbles from the screen to the app.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual.message import Message

from cjworkshop.i18n import Language
from cjworkshop.ui.translated import TranslatedScreen


class WorkshopScreen(TranslatedScreen[Any]):
    """A full screen of cjworkshop: the start screen or an open session."""


class SessionChosen(Message):
    """Open this session file (from the start screen's lists, or just created)."""

    def __init__(self, path: Path) -> None:
        super().__init__()
        self.path = path


class LanguageChosen(Message):
    """The start screen now speaks this language; so does the next start screen."""

    def __init__(self, language: Language) -> None:
        super().__init__()
        self.language = language


class SessionCloseRequested(Message):
    """Close the open session and go back to the start screen."""


class RevisitStarted(Message):
    """A revisit was written to ``path``: close this session and go on there."""

    def __init__(self, path: Path) -> None:
        super().__init__()
        self.path = path


class PresentationThemeRequested(Message):
    """Switch to the high-contrast theme for a presentation (``on``), or back to the one
    before it."""

    def __init__(self, on: bool) -> None:
        super().__init__()
        self.on = on
