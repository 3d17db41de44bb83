"""An open session: its file, its lock, its edit history and what has been saved of it.

The app holds one ``SessionDocument`` per open session. Every edit goes through ``commit`` (or
``undo``/``redo``), which bumps a version number; saving writes a snapshot of the current session
and records which version reached the disk. The UI decides *when* to save (at once, in a worker
thread) and this class makes sure nothing is lost in between: it knows whether the disk is behind,
why the last save failed, and it can write a final copy synchronously on the way out.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from msgspec.structs import replace

from cjworkshop.model.clock import now
from cjworkshop.model.history import History
from cjworkshop.model.session import Session
from cjworkshop.store.errors import StoreError
from cjworkshop.store.lock import SessionLock
from cjworkshop.store.session_file import read_session, save_session


@dataclass(frozen=True)
class SaveResult:
    """What one save attempt did: the version it wrote, or the error that stopped it."""

    version: int
    error: StoreError | None


class SessionDocument:
    """A session being edited, tied to its file."""

    def __init__(
        self,
        path: Path,
        session: Session,
        *,
        lock: SessionLock | None,
        clock: Callable[[], dt.datetime] = now,
    ) -> None:
        self.path = path
        self.history = History(session)
        self.lock = lock
        self.version = 0
        self.saved_version = 0
        self.last_error: StoreError | None = None
        self._clock = clock
        self._write_lock = threading.Lock()

    @classmethod
    def open(
        cls,
        path: Path,
        *,
        read_only: bool = False,
        clock: Callable[[], dt.datetime] = now,
        session: Session | None = None,
    ) -> SessionDocument:
        """Load and lock a session; raises ``StoreError`` or ``LockedError``.

        ``session`` is the file as just read and checked by the caller (the command line does
        so to report a bad file before the app starts), so it is not read a second time.
        """
        if session is None:
            session = read_session(path)
        lock = None
        if not read_only:
            lock = SessionLock(path)
            lock.acquire()
        return cls(path, session, lock=lock, clock=clock)

    @property
    def session(self) -> Session:
        return self.history.current

    @property
    def read_only(self) -> bool:
        return self.lock is None

    @property
    def dirty(self) -> bool:
        """True while the disk is behind the session in memory."""
        return self.saved_version != self.version

    def commit(self, session: Session, label: str) -> bool:
        """Make an edit current (undoable); False when it changed nothing."""
        if session == self.session:
            return False
        self.history.commit(self._stamped(session), label)
        self.version += 1
        return True

    def record(self, session: Session) -> None:
        """Keep bookkeeping (time used per step) without an undo step."""
        if session != self.session:
            self.history.replace_current(session)
            self.version += 1

    def undo(self) -> str | None:
        return self._travel(self.history.undo)

    def redo(self) -> str | None:
        return self._travel(self.history.redo)

    def _travel(self, step: Callable[[], str | None]) -> str | None:
        bookkeeping = self.session.timebox
        label = step()
        if label is not None:
            # Undo brings back the map as it was, not the clock: time used per step stays.
            self.history.replace_current(replace(self.session, timebox=bookkeeping))
            self.version += 1
        return label

    def _stamped(self, session: Session) -> Session:
        return replace(session, updated=self._clock())

    def save(self) -> SaveResult:
        """Write the current session if the disk is behind. Safe to call from a worker thread."""
        with self._write_lock:
            version, session = self.version, self.session
            if self.read_only:
                return SaveResult(version, self.last_error)
            if version == self.saved_version:
                return SaveResult(version, None)
            try:
                save_session(self.path, session)
            except StoreError as error:
                self.last_error = error
                return SaveResult(version, error)
            self.saved_version = max(self.saved_version, version)
            self.last_error = None
            return SaveResult(version, None)

    def save_as(self, target: Path) -> None:
        """Write the session to a new file and continue there; the old file is left alone."""
        with self._write_lock:
            lock = SessionLock(target)
            lock.acquire()
            try:
                save_session(target, self.session, backup=False)
            except StoreError:
                lock.release()
                raise
            if self.lock is not None:
                self.lock.release()
            self.path, self.lock = target, lock
            self.saved_version = self.version
            self.last_error = None

    def close(self) -> SaveResult:
        """Save what is pending and release the lock; the result says whether all was saved."""
        result = self.save()
        if self.lock is not None:
            self.lock.release()
        return result
