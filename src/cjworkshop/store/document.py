"""An open session: its file, its lock, its edit history and what has been saved of it.

The app holds one ``SessionDocument`` per open session. Every edit goes through ``commit`` (or
``undo``/``redo``), which bumps a version number; saving writes a snapshot of the current session
and records which version reached the disk. The UI decides *when* to save (at once, in a worker
thread) and this class makes sure nothing is lost in between: it knows whether the disk is behind,
why the last save failed, and it can write a final copy synchronously on the way out.

It never overwrites a change it has not seen. Every save first checks that the file is still the
one this document last read or wrote; when someone else changed it (another program, a ``git
checkout``, a second cjworkshop after the lock file was deleted), this document's version goes
to a conflict copy beside it (``name.conflict-YYYYMMDD-HHMMSS.toml``) and editing continues
there, with both versions on disk. A session reached through a symbolic link is the file the
link points to: locked, saved and backed up there, the link left as it is.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from msgspec.structs import replace

from cjworkshop.model.clock import now
from cjworkshop.model.history import History
from cjworkshop.model.session import Session
from cjworkshop.store.atomic import remove_stale_temporaries
from cjworkshop.store.drafts import draft_path
from cjworkshop.store.errors import ChangedOnDisk, EditRefused, StoreError
from cjworkshop.store.files import real_file, regular_stat
from cjworkshop.store.lock import SessionLock
from cjworkshop.store.session_file import (
    DiskState,
    LoadedSession,
    backup_path,
    load_session,
    save_session,
)

CONFLICT_ATTEMPTS = 100
"""Conflict copies made in the same second get ``-2``, ``-3``, ...; this many, then give up."""


@dataclass(frozen=True)
class SaveResult:
    """What one save attempt did: the version it wrote, or the error that stopped it."""

    version: int
    error: StoreError | None
    moved_to: Path | None = None
    """The conflict copy this save wrote, and where editing continues, when the file had been
    changed by someone else."""


def conflict_path(path: Path, when: dt.datetime, number: int = 1) -> Path:
    """``name.conflict-YYYYMMDD-HHMMSS.toml`` beside ``path``, in local time."""
    stamp = when.astimezone().strftime("%Y%m%d-%H%M%S")
    extra = f"-{number}" if number > 1 else ""
    return path.with_name(f"{path.stem}.conflict-{stamp}{extra}.toml")


class SessionDocument:
    """A session being edited, tied to its file."""

    def __init__(
        self,
        path: Path,
        session: Session,
        *,
        lock: SessionLock | None,
        clock: Callable[[], dt.datetime] = now,
        disk: DiskState | None = None,
    ) -> None:
        self.path = path
        """The session's real file: where it is saved (a link to it is resolved)."""
        self.history = History(session)
        self.lock = lock
        self.disk = disk
        """What the file was when this document last read or wrote it."""
        self.diverged_from: Path | None = None
        """The file this session was opened from, when a change by someone else there made
        editing continue in a conflict copy."""
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
        loaded: LoadedSession | None = None,
    ) -> SessionDocument:
        """Load and lock a session; raises ``StoreError``, or ``EditRefused`` (``LockedError``
        among them) when it can only be opened read-only.

        ``loaded`` is the file as just read and checked by the caller (the command line does
        so to report a bad file before the app starts), so it is not read a second time.
        """
        path = real_file(path)
        if loaded is None:
            loaded = load_session(path)
        lock = None
        if not read_only:
            refuse_read_only_file(path)
            lock = SessionLock(path)
            lock.acquire()
            for leftover in (path, backup_path(path), draft_path(path)):
                remove_stale_temporaries(leftover)
        return cls(path, loaded.session, lock=lock, clock=clock, disk=loaded.disk)

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
        """Write the current session if the disk is behind. Safe to call from a worker thread.

        Never raises: whatever stops a save is in the result, so the worker that runs it lives
        on and the next edit is saved again.
        """
        with self._write_lock:
            version, session = self.version, self.session
            if self.read_only:
                return SaveResult(version, self.last_error)
            if version == self.saved_version:
                return SaveResult(version, None)
            moved: Path | None = None
            try:
                try:
                    if self.lock is not None:
                        self.lock.keep()
                    self.disk = save_session(self.path, session, expected=self.disk)
                    if self.lock is not None:
                        self.lock.follow()
                except ChangedOnDisk:
                    moved = self._continue_in_copy(session)
            except StoreError as error:
                self.last_error = error
                return SaveResult(version, error)
            except Exception as error:
                self.last_error = StoreError(
                    "error.write.failed", {"reason": type(error).__name__}, path=self.path
                )
                return SaveResult(version, self.last_error)
            self.saved_version = max(self.saved_version, version)
            self.last_error = None
            return SaveResult(version, None, moved)

    def _continue_in_copy(self, session: Session) -> Path:
        """Write ``session`` to a new conflict copy beside the file, locked, and move there."""
        original = self.path
        like = regular_stat(original)
        when = self._clock()
        for number in range(1, CONFLICT_ATTEMPTS + 1):
            target = conflict_path(original, when, number)
            if os.path.lexists(target):
                continue
            lock = SessionLock(target)
            lock.acquire()
            try:
                disk = save_session(target, session, backup=False, exclusive=True, like=like)
            except StoreError as error:
                lock.release()
                if error.key == "error.write.exists":
                    continue
                raise
            lock.follow()
            break
        else:
            raise StoreError("error.write.exists", path=conflict_path(original, when))
        with contextlib.suppress(OSError):
            os.replace(draft_path(original), draft_path(target))  # a form open now follows
        if self.lock is not None:
            self.lock.release()
        self.path, self.lock, self.disk = target, lock, disk
        self.diverged_from = self.diverged_from or original
        return target

    def save_as(self, target: Path) -> None:
        """Write the session to a new file and continue there; the old file is left alone."""
        with self._write_lock:
            target = real_file(target)
            lock = SessionLock(target)
            lock.acquire()
            try:
                disk = save_session(target, self.session, backup=False)
            except StoreError:
                lock.release()
                raise
            lock.follow()
            if self.lock is not None:
                self.lock.release()
            self.path, self.lock, self.disk = target, lock, disk
            self.diverged_from = None
            self.saved_version = self.version
            self.last_error = None

    def close(self) -> SaveResult:
        """Save what is pending and release the lock; the result says whether all was saved."""
        result = self.save()
        if self.lock is not None:
            self.lock.release()
        return result


def refuse_read_only_file(path: Path) -> None:
    """Raise ``EditRefused`` for a session file whose permissions say it is not to be changed.

    Saving replaces the file, which only the folder's permissions would stop; a file marked
    read-only (``chmod a-w``) or not writable by this user is opened read-only instead, even by
    root, who may write anything.
    """
    try:
        info = os.stat(path)
    except OSError:
        return  # reading it failed or will: that error says more
    if not info.st_mode & 0o222 or not os.access(path, os.W_OK):
        raise EditRefused("error.read_only_file", path=path)
