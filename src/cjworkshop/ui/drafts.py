"""Keeping what is typed in a form on disk while it is typed, so a crash never takes it.

Every form of the app (a goal, a pain point, a grid cell, a roadmap item, a note in the parking
lot, a new session) reports its values as they change; the keeper writes them to a draft file
at most every ``DRAFT_SECONDS``, in a worker thread, so typing never waits for a disk. Saving or
cancelling the form drops the draft. After a crash the screen that owns the form finds the
draft and opens the form again with the text in it. The half second is waited through a
``Scheduler`` (``ui.scheduler``), which the tests replace by a clock they move.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable
from pathlib import Path

from textual.widget import Widget

from cjworkshop.store.drafts import Draft, clear_draft_file, write_draft_file
from cjworkshop.ui.scheduler import Scheduled, Scheduler, WidgetTimers

DRAFT_SECONDS = 0.5


class DraftKeeper:
    """Writes the draft of the open form, throttled, and removes it when the form closes."""

    def __init__(
        self,
        host: Widget,
        path: Callable[[], Path],
        like: Callable[[], Path | None],
        timers: Scheduler | None = None,
    ) -> None:
        self.host = host
        self.timers = timers if timers is not None else WidgetTimers(host)
        """The waits: the host's Textual timers unless a test brings its clock."""
        self.path = path
        """Where the draft goes; asked at every write, as a session can move to another file."""
        self.like = like
        """The file whose owner and permissions a draft takes (the session), if any."""
        self.pending: Draft | None = None
        self.timer: Scheduled | None = None
        self.generation = 0
        self.lock = threading.Lock()

    def keep(self, draft: Draft) -> None:
        """Remember a form's values; they reach the disk within half a second."""
        self.pending = draft
        if self.timer is None:
            self.timer = self.timers.call_later(DRAFT_SECONDS, self._flush)

    def _flush(self) -> None:
        self.timer = None
        draft, self.pending = self.pending, None
        if draft is not None:
            generation, path, like = self.generation, self.path(), self.like()
            self.host.run_worker(
                lambda: self._write(generation, path, like, draft),
                thread=True,
                group="draft",
                exit_on_error=False,
            )

    def _write(self, generation: int, path: Path, like: Path | None, draft: Draft) -> None:
        with self.lock:
            if generation != self.generation:
                return  # the form was closed meanwhile; its draft must not come back
            # A draft is a courtesy: a disk that fails is reported by the save of the session,
            # and text that cannot be written (ValueError) is refused by that save in words.
            with contextlib.suppress(OSError, ValueError):
                write_draft_file(path, draft, like=like)

    def drop(self) -> None:
        """The form was saved or cancelled: forget its draft."""
        self.pending = None
        self.generation += 1
        if self.timer is not None:
            self.timer.stop()
            self.timer = None
        path = self.path()
        self.host.run_worker(
            lambda: self._clear(path), thread=True, group="draft", exit_on_error=False
        )

    def _clear(self, path: Path) -> None:
        with self.lock:
            clear_draft_file(path)
