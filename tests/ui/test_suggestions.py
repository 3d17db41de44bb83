"""The template's suggested touchpoints, added with a keystroke each."""

from __future__ import annotations

from pathlib import Path

from cjworkshop.store.session_file import read_session
from cjworkshop.ui.screens.session import SessionScreen
from tests.ui.conftest import app_for, new_session
from tests.ui.helpers import settle


async def test_suggested_touchpoints_are_added_direct_and_indirect(workdir: Path) -> None:
    path = new_session(workdir / "sessions")
    app = app_for(path)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = app.screen
        assert isinstance(screen, SessionScreen)
        screen.go_to("touchpoints")
        await settle(pilot)
        # Search results; the highlight stays in place, on what came next (social media posts),
        # and three down is Word of mouth: both suggested for Awareness.
        await pilot.press("s", "enter", "down", "down", "down", "enter")
        await settle(pilot)
    saved = read_session(path)
    assert [(t.phase, t.name, t.kind, t.channel) for t in saved.touchpoints] == [
        ("awareness", "Search results", "direct", "search"),
        ("awareness", "Word of mouth", "indirect", "word-of-mouth"),
    ]
