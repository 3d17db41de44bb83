"""One writer per session: a lock file beside the session names the process that holds it.

Opening a session for editing opens ``.<name>.toml.lock`` beside the real file (a session opened
through a symbolic link is locked where the file really is) and takes the operating system's
lock on it (``flock``) for as long as the session is open; the file says which process holds it
and since when, for the message a second process shows. The kernel drops that lock when its
process ends, however it ends, so a lock file left by a crash is taken over by the next
process, and two processes taking it over at the same moment cannot both win. With the kernel's
lock in hand, whatever the file says is a leftover. The session file itself is locked the same
way, and after every save the file just written (``follow``): a second cjworkshop that reaches
the same file under another name (a hard link), or finds the lock file deleted by a ``git
clean`` or a sync tool, is refused all the same. Only where the file system has no ``flock``
does the lock file's content decide.

The lock file is opened without following a symbolic link and must be an ordinary file with
one name: a link or anything else planted there is refused, never written through. A process
removes only a lock file that is still its own, and puts its lock file back when someone
deleted it (``keep``). That a lock file can be deleted under a running session is why saving
also checks that the session file is still the one it wrote (``session_file.unchanged_on_disk``).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import os
import socket
import stat
import sys
import tomllib
from pathlib import Path
from types import TracebackType
from typing import Literal

from cjworkshop.store import toml_writer
from cjworkshop.store.errors import EditRefused, LockedError
from cjworkshop.store.files import NO_BLOCK, is_link_in_the_way, open_beside

if sys.platform != "win32":
    import fcntl

ATTEMPTS = 5
"""How often to try again when the lock file is removed between opening and locking it."""

Kernel = Literal["locked", "busy", "unsupported"]


def lock_path(session_path: Path) -> Path:
    return session_path.with_name(f".{session_path.name}.lock")


class SessionLock:
    """The right to write one session file, held by this process until released."""

    def __init__(self, session_path: Path) -> None:
        self.session_path = session_path
        self.path = lock_path(session_path)
        self.held = False
        self._handle: int | None = None
        self._session_handles: list[int] = []
        """The session file as opened and as last written, each under the kernel's lock."""

    def acquire(self) -> None:
        """Take the lock, or raise ``LockedError`` (another process has it) or ``EditRefused``
        (the lock file cannot be made here: a read-only folder, a link in the way, ...)."""
        for _ in range(ATTEMPTS):
            handle = self._open(os.O_CREAT)
            kernel: Kernel = "unsupported"
            try:
                kernel = _lock_kernel(handle)
                if kernel == "busy":
                    raise self._refusal(_parse_holder(_read(handle)))
                if not _is_file_at(handle, self.path):
                    # The holder released and removed the file between our open and our lock.
                    os.close(handle)
                    continue
                if kernel == "unsupported":
                    holder = _parse_holder(_read(handle))
                    if holder is not None and _is_live(holder):
                        raise self._refusal(holder, unverified=True)
                self._lock_session_file()
                _write(handle, self._content())
            except BaseException as error:
                with contextlib.suppress(OSError):
                    if kernel == "locked" and os.fstat(handle).st_size == 0:
                        os.unlink(self.path)  # made by us a moment ago: leave no empty file
                with contextlib.suppress(OSError):
                    os.close(handle)
                self._release_session_file()
                if isinstance(error, OSError):  # a full disk, a lock the system refuses, ...
                    raise self._cannot_lock(error) from None
                raise
            self._handle = handle
            self.held = True
            return
        raise self._refusal(None)

    def intact(self) -> bool:
        """True while the lock file is still the one this process holds."""
        return self._handle is not None and _is_file_at(self._handle, self.path)

    def keep(self) -> bool:
        """Put the lock file back if someone deleted it; False when another process's is there.

        Called before every save: a ``git clean`` or a sync tool can remove the file while the
        session is open, and a second cjworkshop must not find the session free.
        """
        if not self.held or self.intact():
            return self.held
        try:
            handle = self._open(os.O_CREAT | os.O_EXCL)
        except (OSError, EditRefused):
            return False  # another process's lock file is there now, or the folder refuses
        try:
            if _lock_kernel(handle) == "busy":
                raise BlockingIOError
            _write(handle, self._content())
        except OSError:
            os.close(handle)
            return False
        old, self._handle = self._handle, handle
        if old is not None:
            os.close(old)
        return True

    def follow(self) -> bool:
        """Lock the session file as just written; False if another process locked it first."""
        if not self.held:
            return False
        try:
            handle = open_beside(self.session_path, os.O_RDONLY | NO_BLOCK)
        except OSError:
            return False
        try:
            busy = _lock_kernel(handle) == "busy"
        except OSError:
            busy = True
        if busy:
            os.close(handle)
            return False
        if len(self._session_handles) > 1:
            os.close(self._session_handles.pop())
        self._session_handles.append(handle)
        return True

    def release(self) -> None:
        if not self.held:
            return
        handle, self._handle = self._handle, None
        try:
            if handle is not None and _is_file_at(handle, self.path):
                # Removed while the kernel lock is still ours, so nobody takes over a file
                # that is about to disappear; a lock file that is someone else's stays.
                with contextlib.suppress(FileNotFoundError):
                    os.unlink(self.path)
        finally:
            if handle is not None:
                os.close(handle)
            self._release_session_file()
            self.held = False

    def __enter__(self) -> SessionLock:
        self.acquire()
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.release()

    def _open(self, create: int) -> int:
        """The lock file, opened for writing without following a link; one name, ordinary."""
        try:
            handle = open_beside(self.path, os.O_RDWR | NO_BLOCK | create, 0o644)
        except OSError as error:
            raise self._cannot_lock(error) from None
        info = os.fstat(handle)
        if not stat.S_ISREG(info.st_mode) or info.st_nlink > 1:
            os.close(handle)
            raise EditRefused(
                "error.lock.not_a_file", {"lock": str(self.path)}, path=self.session_path
            )
        return handle

    def _cannot_lock(self, error: OSError) -> EditRefused | OSError:
        if error.errno == errno.EEXIST:
            return error  # only with O_EXCL, in ``keep``
        if is_link_in_the_way(error):
            return EditRefused("error.lock.link", {"lock": str(self.path)}, path=self.session_path)
        return EditRefused(
            "error.lock.cannot_create",
            {"lock": str(self.path), "reason": error.strerror or str(error)},
            path=self.session_path,
        )

    def _lock_session_file(self) -> None:
        """Lock the session file itself: the lock that a deleted lock file or a hard link
        cannot get round."""
        try:
            handle = open_beside(self.session_path, os.O_RDONLY | NO_BLOCK)
        except OSError:
            return  # no such file yet (a new copy), or nothing to lock
        if _lock_kernel(handle) == "busy":
            os.close(handle)
            raise LockedError(
                "error.locked_unnamed", {"lock": str(self.path)}, path=self.session_path
            )
        self._session_handles = [handle]

    def _release_session_file(self) -> None:
        handles, self._session_handles = self._session_handles, []
        for handle in handles:
            with contextlib.suppress(OSError):
                os.close(handle)

    def _content(self) -> str:
        since = dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()
        return toml_writer.dumps({"pid": os.getpid(), "host": socket.gethostname(), "since": since})

    def _refusal(
        self, holder: dict[str, object] | None, *, unverified: bool = False
    ) -> LockedError:
        if holder is None:
            # Locked by a process that has not yet written its name: it opened the session
            # at this very moment.
            return LockedError(
                "error.locked_race", {"lock": str(self.path)}, path=self.session_path
            )
        params = {
            "pid": holder["pid"],
            "host": holder["host"],
            "since": holder.get("since", "?"),
            "lock": str(self.path),
        }
        if unverified and holder["host"] != socket.gethostname():
            # No kernel lock on this file system, and a process on another machine cannot be
            # asked whether it still runs: only then may removing the file be the way out.
            return LockedError("error.locked_elsewhere", params, path=self.session_path)
        return LockedError("error.locked", params, path=self.session_path)


def _lock_kernel(handle: int) -> Kernel:
    """Take the kernel's lock without waiting: ``busy`` when another process holds it."""
    if sys.platform == "win32":
        return "unsupported"
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return "busy"
    except OSError as error:
        if error.errno in (errno.ENOLCK, errno.EOPNOTSUPP, errno.ENOSYS, errno.EINVAL):
            return "unsupported"  # a file system without flock: the content decides
        raise
    return "locked"


def _is_file_at(handle: int, path: Path) -> bool:
    """True when ``path`` still names the file open as ``handle``."""
    try:
        there = os.lstat(path)
    except OSError:
        return False
    here = os.fstat(handle)
    return (here.st_dev, here.st_ino) == (there.st_dev, there.st_ino)


def _read(handle: int) -> bytes:
    os.lseek(handle, 0, os.SEEK_SET)
    return os.read(handle, 4096)  # a lock file holds three short lines


def _write(handle: int, content: str) -> None:
    os.ftruncate(handle, 0)
    os.lseek(handle, 0, os.SEEK_SET)
    os.write(handle, content.encode("utf-8"))


def _parse_holder(data: bytes) -> dict[str, object] | None:
    """Who the file says holds the lock; None unless it names a process number and a host."""
    try:
        holder = tomllib.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError):
        return None
    pid, host = holder.get("pid"), holder.get("host")
    if not isinstance(pid, int) or isinstance(pid, bool) or pid <= 0 or not isinstance(host, str):
        return None
    return holder


def _is_live(holder: dict[str, object]) -> bool:
    """Without a kernel lock: does the process the file names still run (as far as we can tell)?"""
    pid = holder["pid"]
    assert isinstance(pid, int)
    if holder["host"] != socket.gethostname() or pid == os.getpid():
        return True  # another machine's process cannot be asked; our own process is alive
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError, ValueError):
        return True
    return True
