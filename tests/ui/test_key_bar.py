"""The key bar: the keys that work now, in the session's language, and clickable."""

from __future__ import annotations

from pathlib import Path

from cjworkshop.ui.modals.new_session import NewSessionModal
from cjworkshop.ui.screens.session import SessionScreen
from cjworkshop.ui.widgets.key_bar import KeyBar
from tests.ui.conftest import app_for, new_session
from tests.ui.helpers import settle


def shown(bar: KeyBar) -> str:
    return bar.render().plain


async def test_the_start_screen_shows_its_keys_and_a_click_presses_one(workdir: Path) -> None:
    app = app_for()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        bar = app.screen.query_one(KeyBar)
        text = shown(bar)
        assert text.startswith(" n new session ")
        assert text.rstrip().endswith("^p commands")
        assert len(text) == 120
        await pilot.click(KeyBar, offset=(1, 0))
        await settle(pilot)
        assert isinstance(app.screen, NewSessionModal)


async def test_the_keys_follow_the_step_and_the_language(workdir: Path) -> None:
    path = new_session(workdir / "sessions", language="nl")
    app = app_for(path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, SessionScreen)
        bar = screen.query_one(KeyBar)
        assert "a toevoegen" in shown(bar)
        screen.go_to("grid")
        await settle(pilot)
        assert "x overslaan" in shown(bar)
        assert "a toevoegen" not in shown(bar)
        assert "^p opdrachten" in shown(bar)


async def test_a_narrow_terminal_cuts_the_keys_short_but_keeps_the_palette(workdir: Path) -> None:
    path = new_session(workdir / "sessions")
    app = app_for(path)
    async with app.run_test(size=(60, 24)) as pilot:
        await settle(pilot)
        text = shown(app.screen.query_one(KeyBar))
        assert len(text) == 60
        assert "…" in text
        assert text.rstrip().endswith("^p commands")
