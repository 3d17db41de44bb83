"""The command palette, and what Textual itself says, in the session's language."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.app import App
from textual.command import CommandInput, CommandList, CommandPalette

from cjworkshop.i18n import Language, translator
from tests.ui.conftest import app_for, new_session
from tests.ui.helpers import notices, screen_lines, settle, type_text, until

ENGLISH_OF_TEXTUAL = ("Search for commands", "No matches found", "Search for themes", "Saved")


def palette_up(app: App[None]) -> bool:
    return isinstance(app.screen, CommandPalette) and bool(app.screen.query(CommandInput))


def no_matches_line(palette: CommandPalette) -> str | None:
    results = palette.query_one(CommandList)
    if results.option_count != 1:
        return None
    option = results.get_option_at_index(0)
    return str(option.prompt.renderable) if option.id == "--no-matches" else None  # type: ignore[union-attr]


@pytest.mark.parametrize("language", ["nl", "en"])
async def test_the_palette_searches_and_finds_nothing_in_the_sessions_language(
    workdir: Path, language: Language
) -> None:
    tr = translator(language)
    app = app_for(new_session(workdir / "sessions", language=language))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        await until(pilot, lambda: palette_up(app), "the palette is open")
        palette = app.screen
        assert isinstance(palette, CommandPalette)
        assert palette.query_one(CommandInput).placeholder == tr("palette.search")
        await type_text(pilot, "zzqq")
        await until(pilot, lambda: no_matches_line(palette) is not None, "no matches said")
        assert no_matches_line(palette) == tr("palette.no_matches")
        shown = "\n".join(screen_lines(app))
        assert tr("palette.no_matches") in shown
        if language == "nl":
            assert [text for text in ENGLISH_OF_TEXTUAL if text in shown] == []


async def test_the_theme_search_speaks_dutch(workdir: Path) -> None:
    app = app_for(new_session(workdir / "sessions", language="nl"))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        app.action_change_theme()
        await until(pilot, lambda: palette_up(app), "the themes are open")
        assert app.screen.query_one(CommandInput).placeholder == "Zoek een thema…"


async def test_a_screenshot_and_the_quit_hint_are_said_in_dutch(workdir: Path) -> None:
    app = app_for(new_session(workdir / "sessions", language="nl"))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        app.save_screenshot_here()
        app.action_help_quit()
        await pilot.pause()
        saved = [text for text in notices(app) if text.startswith("Schermafbeelding bewaard in ")]
        assert len(saved) == 1
        assert Path(saved[0].removeprefix("Schermafbeelding bewaard in ")).is_file()
        assert list((workdir / "sessions").glob("*.svg"))
        assert "Druk op ^q om af te sluiten." in notices(app)
