"""Saving the open session without ever making the room wait, and saying how that went.

Every committed edit asks for a save. Saves are debounced: the file is written once the room has
stopped for ``QUIET_SECONDS``, and never later than ``LONGEST_WAIT_SECONDS`` after the first
unsaved edit, so a burst of keys costs one write, not one per key. The write happens in a worker
thread, never on the UI thread; edits that arrive meanwhile are written right after, in one go.
Closing, quitting and every signal that ends the app write what is pending at once. When a save
fails (disk full, folder read-only, file locked away) the session keeps working in memory, the
header says so in plain words, and saving is retried every few seconds until it works or the user
saves a copy elsewhere. When someone else changed the file meanwhile, the document writes
this session to a conflict copy and continues there; the header and a notice say so. (Forms
keep their drafts the same way: ``ui.drafts``.) Every wait goes through a ``Scheduler``
(``ui.scheduler``), so the tests move its clock instead of waiting for it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from textual.widget import Widget

from cjworkshop.i18n import Translator
from cjworkshop.store.document import SaveResult, SessionDocument
from cjworkshop.store.errors import StoreError
from cjworkshop.ui.scheduler import Scheduled, Scheduler, WidgetTimers

RETRY_SECONDS = 3.0
"""How often a save that failed is tried again."""
QUIET_SECONDS = 0.2
"""How long the room must pause before its edits are written."""
LONGEST_WAIT_SECONDS = 1.0
"""The longest an edit waits to be written, however fast the next ones come."""
SAYING_SAVING_SECONDS = 0.3
"""A save that takes longer than this says so; quicker ones go straight to "saved", so the
header does not flicker with every key a facilitator presses."""

SaveState = Literal["saved", "saving", "failed", "read-only"]


@dataclass(frozen=True)
class SaveStatus:
    state: SaveState
    at: dt.datetime | None = None
    message: str = ""
    moved: str = ""
    """Where the session continues after a conflict, in words; empty when it is where it was."""


class Autosaver:
    """Writes the document from a worker thread and reports the state of the disk."""

    def __init__(
        self,
        host: Widget,
        document: SessionDocument,
        tr: Callable[[], Translator],
        clock: Callable[[], dt.datetime],
        on_status: Callable[[SaveStatus], None],
        timers: Scheduler | None = None,
    ) -> None:
        self.host = host
        self.timers = timers if timers is not None else WidgetTimers(host)
        """The time and the waits: the host's Textual timers unless a test brings its clock."""
        self.document = document
        self.tr = tr
        self.clock = clock
        self.on_status = on_status
        self.busy = False
        self.again = False
        self.retry: Scheduled | None = None
        self.saying_saving: Scheduled | None = None
        self.waiting: Scheduled | None = None
        self.first_unsaved: float | None = None
        self.failure_told = False

    def status(self) -> SaveStatus:
        document = self.document
        moved = ""
        if document.diverged_from is not None:
            moved = self.tr()("save.diverged", copy=document.path.name)
        if document.read_only:
            return SaveStatus("read-only")
        if document.last_error is not None and document.dirty:
            return SaveStatus("failed", message=document.last_error.render(self.tr()), moved=moved)
        if self.busy or document.dirty:
            return SaveStatus("saving", moved=moved)
        return SaveStatus("saved", self.clock(), moved=moved)

    @property
    def pending(self) -> bool:
        """True while an edit waits for the room to pause before it is written."""
        return self.waiting is not None

    def request(self) -> None:
        """Save once the room pauses (debounced); a save already running is followed by one."""
        if self.document.read_only:
            self.on_status(self.status())
            return
        now = self.timers.monotonic()
        if self.first_unsaved is None:
            self.first_unsaved = now
        if self.waiting is not None:
            self.waiting.stop()
        delay = min(QUIET_SECONDS, max(0.0, self.first_unsaved + LONGEST_WAIT_SECONDS - now))
        self.waiting = self.timers.call_later(delay, self._save_now)

    def _save_now(self) -> None:
        self.waiting = None
        self.first_unsaved = None
        if self.busy:
            self.again = True
            return
        self.busy = True
        if self.saying_saving is None:
            self.saying_saving = self.timers.call_later(SAYING_SAVING_SECONDS, self._say_saving)
        self.host.run_worker(self._write, thread=True, group="autosave", exit_on_error=False)

    def _say_saving(self) -> None:
        self.saying_saving = None
        if self.busy:
            self.on_status(SaveStatus("saving"))

    def _write(self) -> None:
        try:
            result = self.document.save()
        except Exception as error:  # save() reports every failure; this worker must outlive any
            result = SaveResult(
                self.document.version,
                StoreError("error.write.failed", {"reason": type(error).__name__}),
            )
        self.host.app.call_from_thread(self._written, result)

    def _written(self, result: SaveResult) -> None:
        self.busy = False
        if self.saying_saving is not None and not self.again:
            self.saying_saving.stop()
            self.saying_saving = None
        if result.moved_to is not None and self.document.diverged_from is not None:
            self.host.notify(
                self.tr()(
                    "save.conflict_notice",
                    original=str(self.document.diverged_from),
                    copy=str(result.moved_to),
                ),
                severity="warning",
                timeout=30,
            )
        if result.error is None:
            self.failure_told = False
            if self.retry is not None:
                self.retry.stop()
                self.retry = None
        elif not self.failure_told:
            self.failure_told = True
            self.host.notify(
                self.tr()("save.failed_notice", reason=result.error.render(self.tr())),
                severity="warning",
                timeout=12,
            )
        if self.again or (self.document.dirty and result.error is None):
            self.again = False
            self._save_now()
            return
        if result.error is not None and self.retry is None:
            self.retry = self.timers.call_later(RETRY_SECONDS, self._retry)
        self.on_status(self.status())

    def _retry(self) -> None:
        """Every ``RETRY_SECONDS`` while the disk refuses, until a save works."""
        self.retry = self.timers.call_later(RETRY_SECONDS, self._retry)
        self._save_now()
