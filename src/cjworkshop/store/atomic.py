"""Writing a file so that it is always whole: the old version or the new one, never half of each.

The text goes to a temporary file in the same folder, is flushed and fsynced, and then replaces
the target with ``os.replace``, which is atomic on POSIX and Windows. Before the replace, the
previous version is kept as a backup (a hard link where the file system allows it, a copy where
not). A failure at any point leaves the target untouched and removes the temporary file.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from pathlib import Path

_NEW_FILE_MODE = 0o666


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_atomically(path: Path, text: str, *, backup: Path | None = None) -> None:
    """Replace ``path`` with ``text`` (UTF-8) in one step, keeping the old file at ``backup``."""
    data = text.encode("utf-8")
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        try:
            mode = os.stat(path).st_mode & 0o7777
        except FileNotFoundError:
            mode = _NEW_FILE_MODE & ~_umask()
        os.chmod(temporary, mode)
        if backup is not None and path.exists():
            _keep_backup(path, backup)
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
    _fsync_folder(path.parent)


def _keep_backup(path: Path, backup: Path) -> None:
    """Point ``backup`` at the current contents of ``path``, atomically as well."""
    staging = backup.with_name(f".{backup.name}.tmp")
    with contextlib.suppress(FileNotFoundError):
        os.unlink(staging)
    try:
        os.link(path, staging)
    except OSError:
        shutil.copy2(path, staging)
    os.replace(staging, backup)


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
