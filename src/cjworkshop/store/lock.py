"""One writer per session: a lock file beside the session names the process that holds it.

Opening a session for editing opens ``.<name>.toml.lock`` and takes the operating system's lock
on it (``flock``) for as long as the session is open; the file says which process holds it and
since when, for the message a second process shows. The kernel drops that lock when its process
ends, however it ends, so a lock file left by a crash is taken over by the next process, and two
processes taking it over at the same moment cannot both win. The file's content still counts:
a lock written by a process on another machine (a shared or synced folder) is respected, and the
message says how to remove it when that machine is done. Where the file system or the platform
has no ``flock``, the content alone decides, as it did before kernel locks were used.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import os
import socket
import sys
from pathlib import Path
from types import TracebackType
from typing import Literal

from cjworkshop.store import toml_writer
from cjworkshop.store.errors import LockedError

if sys.platform != "win32":
    import fcntl

ATTEMPTS = 5
"""How often to try again when the lock file is removed between opening and locking it."""


def lock_path(session_path: Path) -> Path:
    return session_path.with_name(f".{session_path.name}.lock")


class SessionLock:
    """The right to write one session file, held by this process until released."""

    def __init__(self, session_path: Path) -> None:
        self.session_path = session_path
        self.path = lock_path(session_path)
        self.held = False
        self._handle: int | None = None

    def acquire(self) -> None:
        """Take the lock, or raise ``LockedError`` naming the process that has it."""
        for _ in range(ATTEMPTS):
            handle = os.open(self.path, os.O_CREAT | os.O_RDWR, 0o644)
            try:
                kernel = _lock_kernel(handle)
                if kernel == "busy":
                    raise self._refusal(_parse_holder(_read(handle)))
                if not _is_file_at(handle, self.path):
                    # The holder released and removed the file between our open and our lock.
                    os.close(handle)
                    continue
                holder = _parse_holder(_read(handle))
                if holder is not None and not _is_stale(holder, kernel == "locked"):
                    raise self._refusal(holder)
                _write(handle, self._content())
            except BaseException:
                with contextlib.suppress(OSError):
                    os.close(handle)
                raise
            self._handle = handle
            self.held = True
            return
        raise self._refusal(None)

    def release(self) -> None:
        if not self.held:
            return
        handle, self._handle = self._handle, None
        try:
            holder = _parse_holder(_read(handle)) if handle is not None else None
            if holder is not None and holder.get("pid") == os.getpid():
                # Removed while the kernel lock is still ours, so nobody takes over a file
                # that is about to disappear.
                with contextlib.suppress(FileNotFoundError):
                    os.unlink(self.path)
        finally:
            if handle is not None:
                os.close(handle)
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

    def _content(self) -> str:
        since = dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()
        return toml_writer.dumps({"pid": os.getpid(), "host": socket.gethostname(), "since": since})

    def _refusal(self, holder: dict[str, object] | None) -> LockedError:
        if holder is None or _is_stale(holder):
            # Locked by a process that has not yet written its name: it opened the session
            # at this very moment.
            return LockedError(
                "error.locked_race", {"lock": str(self.path)}, path=self.session_path
            )
        return LockedError(
            "error.locked",
            {
                "pid": holder.get("pid", "?"),
                "host": holder.get("host", "?"),
                "since": holder.get("since", "?"),
                "lock": str(self.path),
            },
            path=self.session_path,
        )


def _lock_kernel(handle: int) -> Literal["locked", "busy", "unsupported"]:
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
        there = os.stat(path)
    except FileNotFoundError:
        return False
    here = os.fstat(handle)
    return (here.st_dev, here.st_ino) == (there.st_dev, there.st_ino)


def _read(handle: int) -> bytes:
    os.lseek(handle, 0, os.SEEK_SET)
    chunks = []
    while chunk := os.read(handle, 4096):
        chunks.append(chunk)
    return b"".join(chunks)


def _write(handle: int, content: str) -> None:
    os.ftruncate(handle, 0)
    os.lseek(handle, 0, os.SEEK_SET)
    os.write(handle, content.encode("utf-8"))


def _parse_holder(data: bytes) -> dict[str, object] | None:
    import tomllib  # only when another process holds the lock, or held it

    try:
        holder = tomllib.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError):
        return None
    return holder or None


def _is_stale(holder: dict[str, object], kernel_locked: bool = False) -> bool:
    """True when the holder ran on this machine and its process no longer holds the session.

    With the kernel's lock in hand, no process on this machine holds it, whatever the file
    says (its process may be gone and its number reused); without, the process must be gone.
    """
    pid = holder.get("pid")
    if holder.get("host") != socket.gethostname() or not isinstance(pid, int):
        return False
    if pid == os.getpid():
        return False
    if kernel_locked:
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except PermissionError:
        return False
    return False
