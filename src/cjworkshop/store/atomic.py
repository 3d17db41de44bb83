"""Writing a file so that it is always whole: the old version or the new one, never half of each.

The text goes to a new temporary file in the same folder (created exclusively, never through a
link), is flushed and fsynced, gets the owner and mode of the file it replaces, and then
replaces the target with ``os.replace``, which is atomic on POSIX and Windows and replaces a
link planted at the target rather than writing through it. Before the replace, the previous
version is copied to a backup, and a last check (has someone else changed the file?) can still
stop the write. A failure at any point leaves the target untouched and removes the temporary
file; temporary files left by a process that was killed are removed the next time the session
is opened (``remove_stale_temporaries``).
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import stat
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from cjworkshop.store.files import NO_BLOCK, open_beside, regular_stat, take_owner_and_mode

NEW_FILE_MODE = 0o666
"""What a new file gets, less the umask, as any program's new file would."""
TEMPORARY_SUFFIX = ".tmp"
STALE_SECONDS = 60.0
"""A temporary file this old belongs to no save in progress: a save takes milliseconds."""

_RANDOM_PART = re.compile(r"[a-z0-9_]{8}|")
"""What ``tempfile.mkstemp`` puts between prefix and suffix (or nothing: an older backup name)."""


def temporary_prefix(path: Path) -> str:
    """Temporary files for ``path`` are named ``.<name>.<8 random characters>.tmp`` beside it."""
    return f".{path.name}."


def write_atomically(
    path: Path,
    text: str | bytes,
    *,
    backup: Path | None = None,
    like: os.stat_result | None = None,
    default_mode: int = NEW_FILE_MODE,
    check: Callable[[], None] | None = None,
    exclusive: bool = False,
) -> os.stat_result:
    """Replace ``path`` with ``text`` (UTF-8) in one step; return what the new file is on disk.

    ``backup`` receives a copy of the old file; ``like`` is the file whose owner and mode the
    new one takes (by default the file it replaces); ``check`` runs just before the replace and
    may raise to stop it; ``exclusive`` refuses to replace an existing file
    (``FileExistsError``). The returned stat identifies the file this call wrote, even if
    someone replaces it a moment later.
    """
    data = text.encode("utf-8") if isinstance(text, str) else text
    existing = regular_stat(path)
    handle, temporary = tempfile.mkstemp(
        prefix=temporary_prefix(path), suffix=TEMPORARY_SUFFIX, dir=path.parent
    )
    try:
        try:
            _write_all(handle, data)
            take_owner_and_mode(handle, like if like is not None else existing, default_mode)
            os.fsync(handle)
            written = os.fstat(handle)
        finally:
            os.close(handle)
        if backup is not None and existing is not None:
            copy_file(path, backup)
        if check is not None:
            check()
        if exclusive:
            _create(temporary, path)
        else:
            os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
    _fsync_folder(path.parent)
    return written


def _write_all(handle: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(handle, view) :]


def _create(temporary: str, path: Path) -> None:
    """Give the temporary file the name ``path``, only if nothing has that name yet."""
    try:
        os.link(temporary, path)  # atomic, and fails when the name is taken
    except FileExistsError:
        raise
    except OSError:
        # A file system without hard links: claim the name first, then fill it in one step.
        os.close(open_beside(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL))
        os.replace(temporary, path)
        return
    os.unlink(temporary)


def copy_file(source: Path, target: Path) -> None:
    """Put a real copy of ``source`` at ``target`` in one step: never a link to it.

    Not fsynced: it is the previous version, and the new version's own write is.
    """
    handle = open_beside(source, os.O_RDONLY | NO_BLOCK)
    try:
        info = os.fstat(handle)
        if not stat.S_ISREG(info.st_mode):
            raise OSError(errno.EINVAL, "not an ordinary file", str(source))
        chunks = []
        while chunk := os.read(handle, 1 << 20):
            chunks.append(chunk)
    finally:
        os.close(handle)
    staging, name = tempfile.mkstemp(
        prefix=temporary_prefix(target), suffix=TEMPORARY_SUFFIX, dir=target.parent
    )
    try:
        try:
            _write_all(staging, b"".join(chunks))
            take_owner_and_mode(staging, info, NEW_FILE_MODE)
        finally:
            os.close(staging)
        os.replace(name, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(name)
        raise


def remove_stale_temporaries(path: Path, *, older_than: float = STALE_SECONDS) -> list[Path]:
    """Remove temporary files of ``path`` that a killed process left; return which.

    Only ordinary files named exactly as ``write_atomically`` names them for this very file,
    and older than any save takes, so a save in progress elsewhere is never disturbed.
    """
    prefix = temporary_prefix(path)
    try:
        names = os.listdir(path.parent)
    except OSError:
        return []
    removed = []
    now = time.time()
    for name in names:
        if not (name.startswith(prefix) and name.endswith(TEMPORARY_SUFFIX)):
            continue
        if not _RANDOM_PART.fullmatch(name[len(prefix) : -len(TEMPORARY_SUFFIX)].rstrip(".")):
            continue
        candidate = path.parent / name
        info = regular_stat(candidate)
        if info is None or now - info.st_mtime < older_than:
            continue
        with contextlib.suppress(OSError):
            os.unlink(candidate)
            removed.append(candidate)
    return removed


def _fsync_folder(folder: Path) -> None:
    """Make the rename itself durable; not every platform can open a folder, which is fine."""
    try:
        handle = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(handle)
    except OSError:
        pass
    finally:
        os.close(handle)
