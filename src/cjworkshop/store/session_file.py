"""Reading and writing session files.

A session file is TOML: scalar settings on top, then ``[timebox.*]`` tables and arrays of tables
(``[[goals]]``, ``[[personas]]``, ``[[phases]]``, ``[[touchpoints]]``, ``[[plots]]``, ...). Reading
is one pass (``parse_session``): parse the TOML, migrate it to the current schema, convert it into
the typed model (which checks every type and range), check the references between records; the
first step that fails raises one ``StoreError`` that names the file and the place. Writing is
deterministic, so the same session always gives the same bytes, and atomic.

Reading also notes what the file was on disk (``DiskState``), and a save can be told to expect
that state: if the file has changed since (another program, a ``git checkout``, a text editor, a
second cjworkshop whose lock file was deleted), the save refuses with ``ChangedOnDisk`` instead
of overwriting a change nobody here has seen.
"""

from __future__ import annotations

import datetime as dt
import errno
import os
import re
from dataclasses import dataclass
from pathlib import Path

import msgspec

from cjworkshop.model.session import Session
from cjworkshop.model.validation import session_problems
from cjworkshop.store import toml_writer
from cjworkshop.store.atomic import write_atomically
from cjworkshop.store.errors import ChangedOnDisk, StoreError
from cjworkshop.store.files import read_regular
from cjworkshop.store.migrations import migrate
from cjworkshop.store.toml_file import TomlFile, convert, parse_toml, refuse

MAX_SESSION_BYTES = 16 * 1024 * 1024
"""Far above any real session (20 personas x 400 touchpoints is under 2 MB); refusing larger
files up front keeps a wrong file from freezing the app."""


def backup_path(path: Path) -> Path:
    """Where the previous version of a session is kept: ``name.toml.bak`` beside it."""
    return path.with_name(f"{path.name}.bak")


@dataclass(frozen=True)
class DiskState:
    """A session file as this process last read or wrote it: which file, and what it held."""

    device: int
    inode: int
    size: int
    modified_ns: int
    digest: int
    """``hash()`` of the bytes: salted per process, so nobody can make two files collide on
    purpose, and it needs no import; it is only ever compared within this process."""

    @classmethod
    def of(cls, data: bytes, info: os.stat_result) -> DiskState:
        return cls(info.st_dev, info.st_ino, info.st_size, info.st_mtime_ns, hash(data))

    def same_file(self, info: os.stat_result) -> bool:
        """True when ``info`` is this very file, untouched (same inode, size and time)."""
        return (self.device, self.inode, self.size, self.modified_ns) == (
            info.st_dev,
            info.st_ino,
            info.st_size,
            info.st_mtime_ns,
        )


@dataclass(frozen=True)
class LoadedSession:
    """A session as read from its file, with what the file was on disk."""

    session: Session
    disk: DiskState


def read_session(path: Path) -> Session:
    """Load and fully validate a session file, or raise a ``StoreError`` saying what is wrong."""
    return load_session(path).session


def load_session(path: Path) -> LoadedSession:
    """Like ``read_session``, keeping what the file was, to notice later changes by others."""
    data, info = read_regular(path, MAX_SESSION_BYTES)
    return LoadedSession(parse_session(data, path), DiskState.of(data, info))


def unchanged_on_disk(path: Path, known: DiskState) -> bool:
    """True when the file at ``path`` still holds what this process last read or wrote there.

    A file that is gone counts as unchanged: writing it again overwrites nobody's work. A file
    touched but not changed (same bytes) is unchanged too; one that cannot be read is not.
    """
    try:
        info = os.stat(path)
    except FileNotFoundError:
        return True
    except OSError:
        return True  # the write itself will fail and say why
    if known.same_file(info):
        return True
    try:
        data, _ = read_regular(path, MAX_SESSION_BYTES)
    except StoreError:
        return False
    return hash(data) == known.digest


def parse_session(data: bytes, path: Path | None = None) -> Session:
    """Validate the bytes of a session file into a ``Session``."""
    return session_from_toml(parse_toml(data, path))


def session_from_toml(source: TomlFile) -> Session:
    """Migrate, convert and check a parsed session file."""
    session = convert(migrate(source), Session, source)
    refuse(session_problems(session), source)
    return session


HEADER_FIELDS = (
    "schema_version",
    "title",
    "language",
    "mode",
    "shape",
    "template",
    "created",
    "updated",
)
"""Written at the top of every file, even when they hold their default value."""


def dumps_session(session: Session) -> str:
    """The session as TOML text; the same session always gives the same text."""
    rest = msgspec.to_builtins(session, builtin_types=(dt.datetime, dt.date))
    data = {name: getattr(session, name) for name in HEADER_FIELDS}
    data.update((key, value) for key, value in rest.items() if key not in data)
    return toml_writer.dumps(data)


def save_session(
    path: Path,
    session: Session,
    *,
    backup: bool = True,
    expected: DiskState | None = None,
    exclusive: bool = False,
    like: os.stat_result | None = None,
) -> DiskState:
    """Write the session atomically, keeping the previous version as ``name.toml.bak``.

    With ``expected``, refuse (``ChangedOnDisk``) when the file is no longer what this process
    last read or wrote; with ``exclusive``, refuse to replace any existing file. ``like`` is a
    file whose owner and mode a new file takes. Returns what the file now is on disk.
    """
    text = dumps_session(session)
    try:
        data = text.encode("utf-8")
    except UnicodeEncodeError as error:
        raise unencodable(text, error, path) from None

    def still_ours() -> None:
        if expected is not None and not unchanged_on_disk(path, expected):
            raise ChangedOnDisk("error.write.changed_elsewhere", path=path)

    try:
        info = write_atomically(
            path,
            data,
            backup=backup_path(path) if backup else None,
            like=like,
            check=still_ours if expected is not None else None,
            exclusive=exclusive,
        )
    except FileExistsError:
        raise StoreError("error.write.exists", path=path) from None
    except OSError as error:
        raise write_error(error, path) from None
    return DiskState.of(data, info)


_KEY_AT_LINE = re.compile(r"\s*([A-Za-z0-9_-]+)\s*=")


def unencodable(text: str, error: UnicodeEncodeError, path: Path) -> StoreError:
    """Text that cannot be written as UTF-8 (a lone surrogate), with the line and key it is in.

    Such text comes from a file name or a terminal in another encoding; TOML cannot hold it.
    """
    line = text.count("\n", 0, error.start) + 1
    start = text.rfind("\n", 0, error.start) + 1
    match = _KEY_AT_LINE.match(text, start)
    return StoreError(
        "error.write.unencodable",
        {"key": match.group(1) if match else "?"},
        path=path,
        line=line,
    )


def write_error(error: OSError, path: Path) -> StoreError:
    """A failed write in words: which file, and whether folder, disk or rights are to blame."""
    reasons = {
        errno.EACCES: "error.write.permission",
        errno.EPERM: "error.write.permission",
        errno.EROFS: "error.write.read_only",
        errno.ENOSPC: "error.write.disk_full",
        errno.EDQUOT: "error.write.disk_full",
        errno.ENOENT: "error.write.no_folder",
        errno.ELOOP: "error.write.link",
    }
    key = reasons.get(error.errno or 0, "error.write.failed")
    if key == "error.write.no_folder" and path.parent.is_dir():
        # The folder is there but takes no new file (a system folder such as /proc): say that.
        key = "error.write.cannot_create"
    if error.errno == errno.EISDIR or path.is_dir():
        key = "error.write.is_folder"
    folder = path if key == "error.write.is_folder" else path.parent
    return StoreError(
        key, {"reason": error.strerror or str(error), "folder": str(folder)}, path=path
    )
