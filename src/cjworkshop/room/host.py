"""A room served on the running event loop, with its inbox kept beside the session.

``RoomHost`` starts the participants' web server (``room.server``) on the loop it is started
from: the app's own (Textual's), or the one ``cjworkshop room`` runs. It listens on 127.0.0.1
unless told otherwise, gives the address with the join code in it (the one the QR code holds),
and writes the waiting notes beside the session (``store.room_inbox``) a moment after each
change (in a thread, one write at a time), so a burst of notes is one write, and once more
when it stops.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Callable
from pathlib import Path
from typing import Final

from aiohttp import web

from cjworkshop.i18n import Translator
from cjworkshop.model.room import Room
from cjworkshop.model.room_notes import RoomNote
from cjworkshop.room.addresses import LOCAL, is_loopback_name, reachable_address
from cjworkshop.room.server import room_application
from cjworkshop.store.errors import StoreError
from cjworkshop.store.room_inbox import write_inbox

DEFAULT_PORT: Final = 8765
KEEP_AFTER: Final = 0.25
"""Seconds between a change in the inbox and writing it: a burst of notes is one write."""


class RoomHost:
    """One room's server, from ``start`` to ``stop``."""

    def __init__(
        self,
        room: Room,
        tr: Translator,
        session_path: Path | None,
        *,
        host: str = LOCAL,
        port: int = DEFAULT_PORT,
    ) -> None:
        self.room = room
        self.tr = tr
        self.session_path = session_path
        """The session whose inbox is kept beside it; None keeps nothing (tests, benchmarks)."""
        self.host = host
        self.port = port
        self.runner: web.AppRunner | None = None
        self._keeping: asyncio.TimerHandle | None = None
        self._writing: asyncio.Future[None] | None = None
        self._write_again = False
        self.listeners: list[Callable[[], None]] = []
        """Called after every change in the room, after the inbox is scheduled to be kept."""
        room.on_change = self._changed

    async def start(self) -> None:
        application = room_application(self.room, self.tr, local_only=self.local_only)
        runner = web.AppRunner(application, access_log=None)
        await runner.setup()
        try:
            await web.TCPSite(runner, self.host, self.port).start()
        except OSError:
            await runner.cleanup()
            raise
        self.runner = runner
        for address in runner.addresses:
            if isinstance(address, tuple):
                self.port = int(address[1])
                break

    @property
    def address(self) -> str:
        """The page's address with the join code: what the QR code holds."""
        host = reachable_address(self.host)
        shown = f"[{host}]" if ":" in host else host
        return f"http://{shown}:{self.port}/?code={self.room.code}"

    @property
    def local_only(self) -> bool:
        return is_loopback_name(self.host)

    def _changed(self) -> None:
        if self.session_path is not None and self._keeping is None:
            loop = asyncio.get_running_loop()
            self._keeping = loop.call_later(KEEP_AFTER, self._keep_in_thread)
        for listener in self.listeners:
            listener()

    def _what_to_keep(self) -> tuple[tuple[RoomNote, ...], tuple[tuple[str, str], ...]]:
        participants = tuple((p.name, p.token) for p in self.room.participants.values())
        return tuple(self.room.inbox.values()), participants

    def _keep_in_thread(self) -> None:
        # Written in a thread: an fsync on a busy disk can take a second, and the loop is the
        # app's. One write at a time, the newest state last.
        self._keeping = None
        if self._writing is not None and not self._writing.done():
            self._write_again = True
            return
        notes, participants = self._what_to_keep()
        loop = asyncio.get_running_loop()
        self._writing = loop.run_in_executor(None, self._write, notes, participants)
        self._writing.add_done_callback(self._written)

    def _written(self, _: object) -> None:
        if self._write_again:
            self._write_again = False
            self._keep_in_thread()

    def _write(
        self, notes: tuple[RoomNote, ...], participants: tuple[tuple[str, str], ...]
    ) -> None:
        if self.session_path is not None:
            # A failed write leaves the notes in memory and the file as it was; the next
            # change tries again.
            with contextlib.suppress(OSError, StoreError):
                write_inbox(self.session_path, notes, participants)

    def keep(self) -> None:
        """Write the waiting notes and who joined beside the session now, in this thread."""
        if self._keeping is not None:
            self._keeping.cancel()
            self._keeping = None
        self._write(*self._what_to_keep())

    async def stop(self) -> None:
        """Close the room: nothing more is accepted; the inbox is kept as it is."""
        self.room.close()
        if self._writing is not None:
            with contextlib.suppress(Exception):
                await self._writing
        self.keep()
        if self.runner is not None:
            await self.runner.cleanup()
            self.runner = None
