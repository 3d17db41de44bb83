"""The command palette, and what else Textual itself says, in the user's language.

Textual's palette takes its placeholder as a parameter but writes "No matches found" itself,
in English, when the countdown after a search without results runs out. ``WorkshopPalette`` is
given both texts by the app and starts that countdown with its own words; the rest of the
palette (providers, search, selection) is Textual's. The palette's own keys (escape, up, down)
show nowhere: the key bar keeps the screen's keys while it is open.

``PaletteApp`` is the app's side of it, through Textual's supported hooks: its system commands
(``get_system_commands``), the palettes it opens (``action_command_palette``, the theme search
of ``action_change_theme``), and the notices Textual would give in English: where a screenshot
went, and which key quits when Ctrl+C is pressed outside a field.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from rich.align import Align
from rich.text import Text
from textual.app import App, SystemCommand
from textual.command import CommandList, CommandPalette, ProviderSource
from textual.screen import Screen
from textual.theme import ThemeProvider
from textual.widgets.option_list import Option

from cjworkshop.i18n import Translator


class WorkshopPalette(CommandPalette):
    """Textual's command palette, worded by the app."""

    def __init__(
        self,
        *,
        placeholder: str,
        no_matches: str,
        providers: ProviderSource | None = None,
        id: str | None = None,
    ) -> None:
        super().__init__(providers, placeholder=placeholder, id=id)
        self.no_matches = no_matches
        """What the list says when a search finds nothing."""

    def _start_no_matches_countdown(self, search_value: str) -> None:
        # Textual's countdown, with our words in the line it adds; Textual is pinned, and a Pilot
        # test (tests/ui/test_palette.py) reads the line, so a change there is seen.
        self._stop_no_matches_countdown()

        def show_no_matches() -> None:
            if not search_value:  # discovering, not searching: an empty list says enough
                self._list_visible = False
                return
            self.query_one(CommandList).add_option(
                Option(
                    Align.center(Text(self.no_matches, style="not bold")),
                    disabled=True,
                    id=self._NO_MATCHES,
                )
            )
            self._list_visible = True

        self._no_matches_timer = self.set_timer(self._NO_MATCHES_COUNTDOWN, show_no_matches)


class PaletteApp(App[None]):
    """The app's palettes and Textual's own notices, worded by ``tr``."""

    folder: Path
    """Where the sessions are; a screenshot is saved there too."""

    @property
    def tr(self) -> Translator:
        raise NotImplementedError

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        """Textual's own palette commands, in the user's language and namespaced like ours."""
        tr = self.tr
        yield SystemCommand(tr("cmd.keys"), tr("cmdhelp.keys"), self.action_toggle_keys)
        yield SystemCommand(tr("cmd.theme"), tr("cmdhelp.theme"), self.action_change_theme)
        yield SystemCommand(
            tr("cmd.screenshot"),
            tr("cmdhelp.screenshot"),
            lambda: self.set_timer(0.1, self.save_screenshot_here),  # once the palette is gone
        )
        yield SystemCommand(tr("cmd.quit"), tr("cmdhelp.quit"), self.action_quit)

    def action_command_palette(self) -> None:
        if self.use_command_palette and not isinstance(self.screen, CommandPalette):
            tr = self.tr
            palette = WorkshopPalette(
                placeholder=tr("palette.search"),
                no_matches=tr("palette.no_matches"),
                id="--command-palette",
            )
            self.push_screen(palette)

    def action_change_theme(self) -> None:
        tr = self.tr
        palette = WorkshopPalette(
            placeholder=tr("palette.search_themes"),
            no_matches=tr("palette.no_theme"),
            providers=[ThemeProvider],
        )
        self.push_screen(palette)

    def save_screenshot_here(self) -> None:
        """An SVG picture of the screen in the sessions folder, and where it went."""
        tr = self.tr
        try:
            path = self.save_screenshot(path=str(self.folder))
        except OSError as error:
            reason = error.strerror or str(error)
            self.notify(tr("palette.screenshot_failed", reason=reason), severity="error")
            return
        self.notify(tr("palette.screenshot_saved", path=path))

    def action_help_quit(self) -> None:
        """Ctrl+C copies in a field, so it does not quit; say which key does."""
        for active in self.active_bindings.values():
            if active.binding.action in ("quit", "app.quit"):
                key = self.get_key_display(active.binding)
                self.notify(self.tr("palette.how_to_quit", key=key))
                return

    def action_toggle_keys(self) -> None:
        if self.screen.query("HelpPanel"):
            self.action_hide_help_panel()
        else:
            self.action_show_help_panel()
