"""Touching the disk safely: read only ordinary files, never write through a link.

Everything cjworkshop reads from or writes to a session's folder goes through here or through
``atomic``. Reading opens without blocking and refuses anything that is not an ordinary file (a
pipe would hang the app, ``/dev/zero`` would fill its memory) and reads no more than a limit.
Files cjworkshop creates beside a session (lock, draft, temporary files, backups, conflict
copies) are opened without following a symbolic link, so a link planted under one of those
names can never make it write elsewhere, and they get the session file's owner and mode: a
draft of a private session is private too.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
from pathlib import Path

from cjworkshop.store.errors import StoreError

NO_FOLLOW = getattr(os, "O_NOFOLLOW", 0)
"""Refuse to open a path whose last part is a symbolic link (not on Windows, which has none
that a user can plant without rights)."""
NO_BLOCK = getattr(os, "O_NONBLOCK", 0)
"""Opening a named pipe waits for a writer without it; ordinary files ignore the flag."""
CLOSE_ON_EXEC = getattr(os, "O_CLOEXEC", 0)
BINARY = getattr(os, "O_BINARY", 0)

_CHUNK = 1 << 20


def read_regular(path: Path, limit: int) -> tuple[bytes, os.stat_result]:
    """The bytes of an ordinary file of at most ``limit`` bytes, and what it was on disk.

    Raises ``StoreError`` for a missing file, a folder, a pipe or a device, a file that is too
    large (without reading it) and every other failure, each in words.
    """
    try:
        handle = os.open(path, os.O_RDONLY | NO_BLOCK | CLOSE_ON_EXEC | BINARY)
    except FileNotFoundError:
        raise StoreError("error.read.not_found", path=path) from None
    except IsADirectoryError:
        raise StoreError("error.read.is_folder", path=path) from None
    except PermissionError:
        raise StoreError("error.read.permission", path=path) from None
    except OSError as error:
        raise read_error(error, path) from None
    try:
        info = os.fstat(handle)
        if stat.S_ISDIR(info.st_mode):
            raise StoreError("error.read.is_folder", path=path)
        if not stat.S_ISREG(info.st_mode):
            raise StoreError("error.read.not_regular", path=path)
        if info.st_size > limit:
            raise too_large(path, info.st_size, limit)
        data = _read_at_most(handle, limit + 1)
        if len(data) > limit:  # it grew while we read it
            raise too_large(path, len(data), limit)
        return data, info
    except OSError as error:
        raise read_error(error, path) from None
    finally:
        os.close(handle)


def _read_at_most(handle: int, size: int) -> bytes:
    chunks: list[bytes] = []
    left = size
    while left > 0:
        chunk = os.read(handle, min(left, _CHUNK))
        if not chunk:
            break
        chunks.append(chunk)
        left -= len(chunk)
    return b"".join(chunks)


def too_large(path: Path, size: int, limit: int) -> StoreError:
    return StoreError(
        "error.read.too_large",
        {"size_mb": round(size / 1_048_576, 1), "limit_mb": limit // 1_048_576},
        path=path,
    )


def read_error(error: OSError, path: Path) -> StoreError:
    if error.errno == errno.ELOOP:
        return StoreError("error.read.link_loop", path=path)
    return StoreError("error.read.failed", {"reason": error.strerror or str(error)}, path=path)


def open_beside(path: Path, flags: int, mode: int = 0o600) -> int:
    """Open a file cjworkshop keeps beside a session, never through a link.

    Raises ``OSError`` as ``os.open`` does; a symbolic link in the way fails with ``ELOOP``
    (see ``is_link_in_the_way``).
    """
    return os.open(path, flags | NO_FOLLOW | CLOSE_ON_EXEC | BINARY, mode)


def is_link_in_the_way(error: OSError) -> bool:
    """True when opening failed because the name is a symbolic link (``O_NOFOLLOW``)."""
    # Linux says ELOOP; the BSDs and macOS say EMLINK or EFTYPE for the same refusal.
    codes = {errno.ELOOP, errno.EMLINK, getattr(errno, "EFTYPE", errno.ELOOP)}
    return error.errno in codes


def take_owner_and_mode(handle: int, like: os.stat_result | None, default_mode: int) -> None:
    """Give a file just created the owner, group and permissions of ``like``, where allowed.

    A session saved by another user (root fixing a file, a shared account) keeps its owner;
    a user who may not give a file away keeps at least the mode. Without ``like`` the file gets
    ``default_mode`` less the umask, as a file created by ``open`` would.
    """
    if like is None:
        os.fchmod(handle, default_mode & ~UMASK)
        return
    mine = os.fstat(handle)
    if (mine.st_uid, mine.st_gid) != (like.st_uid, like.st_gid) and hasattr(os, "fchown"):
        with contextlib.suppress(PermissionError):
            os.fchown(handle, like.st_uid, like.st_gid)
        if os.fstat(handle).st_gid != like.st_gid:
            with contextlib.suppress(PermissionError):
                os.fchown(handle, -1, like.st_gid)
    os.fchmod(handle, stat.S_IMODE(like.st_mode))


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


UMASK = _umask()
"""Read once, on import: reading it means setting it for a moment, which a thread creating a
file at that moment would feel."""


def regular_stat(path: Path) -> os.stat_result | None:
    """What an ordinary file at ``path`` is (not following a link), or None."""
    try:
        info = os.lstat(path)
    except OSError:
        return None
    return info if stat.S_ISREG(info.st_mode) else None


def real_file(path: Path) -> Path:
    """The file a session path stands for: the target of a symbolic link, else the path itself.

    A link is resolved so that the session is locked, saved and backed up where it really is,
    and the link keeps pointing at it; other paths stay as the user wrote them.
    """
    return path.resolve() if path.is_symlink() else path
