"""One writer per session: a lock file beside the session names the process that holds it.

Opening a session for editing creates ``.<name>.toml.lock`` exclusively. A second process that
finds a lock held by a live process is refused with a message saying who holds it and since when.
A lock left behind by a process that died (same machine, process gone) is taken over. A lock from
another machine cannot be checked; the message says how to remove it when that machine is done.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import socket
import tomllib
from pathlib import Path
from types import TracebackType

from cjworkshop.store import toml_writer
from cjworkshop.store.errors import LockedError


def lock_path(session_path: Path) -> Path:
    return session_path.with_name(f".{session_path.name}.lock")


class SessionLock:
    """The right to write one session file, held by this process until released."""

    def __init__(self, session_path: Path) -> None:
        self.session_path = session_path
        self.path = lock_path(session_path)
        self.held = False

    def acquire(self) -> None:
        """Take the lock, or raise ``LockedError`` naming the process that has it."""
        content = self._content()
        try:
            handle = os.open(self.path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644)
        except FileExistsError:
            holder = _read_holder(self.path)
            if holder is not None and not _is_stale(holder):
                raise LockedError(
                    "error.locked",
                    {
                        "pid": holder.get("pid", "?"),
                        "host": holder.get("host", "?"),
                        "since": holder.get("since", "?"),
                        "lock": str(self.path),
                    },
                    path=self.session_path,
                ) from None
            self._take_over(content)
        else:
            with os.fdopen(handle, "w", encoding="utf-8") as stream:
                stream.write(content)
        self.held = True

    def release(self) -> None:
        if not self.held:
            return
        holder = _read_holder(self.path)
        if holder is not None and holder.get("pid") == os.getpid():
            with contextlib.suppress(FileNotFoundError):
                os.unlink(self.path)
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

    def _take_over(self, content: str) -> None:
        staging = self.path.with_name(f"{self.path.name}.{os.getpid()}")
        staging.write_text(content, encoding="utf-8")
        os.replace(staging, self.path)
        holder = _read_holder(self.path)
        if holder is None or holder.get("pid") != os.getpid():
            # Another process took the stale lock at the same moment and won.
            raise LockedError("error.locked_race", {"lock": str(self.path)}, path=self.session_path)


def _read_holder(path: Path) -> dict[str, object] | None:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return None


def _is_stale(holder: dict[str, object]) -> bool:
    """True when the holder ran on this machine and its process no longer exists."""
    pid = holder.get("pid")
    if holder.get("host") != socket.gethostname() or not isinstance(pid, int):
        return False
    if pid == os.getpid():
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except PermissionError:
        return False
    return False
