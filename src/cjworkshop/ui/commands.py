"""The command palette: namespaced, translated commands offered by the screen in front.

Each screen that has commands implements ``palette_commands()``, returning
``PaletteCommand("step: Personas", help, callback)`` entries in the session's language. The
provider asks the screen the palette was opened from, so the list always fits what is on screen.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import NamedTuple, Protocol, runtime_checkable

from textual.command import DiscoveryHit, Hit, Hits, Provider


class PaletteCommand(NamedTuple):
    title: str
    help: str
    run: Callable[[], object]


@runtime_checkable
class OffersCommands(Protocol):
    def palette_commands(self) -> Iterable[PaletteCommand]: ...


class WorkshopCommands(Provider):
    """Commands of the current screen, searchable by their namespaced titles."""

    def _commands(self) -> list[PaletteCommand]:
        screen = self.screen
        return list(screen.palette_commands()) if isinstance(screen, OffersCommands) else []

    async def discover(self) -> Hits:
        for command in self._commands():
            yield DiscoveryHit(command.title, command.run, help=command.help)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for command in self._commands():
            score = matcher.match(command.title)
            if score > 0:
                yield Hit(score, matcher.highlight(command.title), command.run, help=command.help)
