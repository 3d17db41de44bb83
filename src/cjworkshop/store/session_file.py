"""Reading and writing session files.

A session file is TOML: scalar settings on top, then ``[timebox.*]`` tables and arrays of tables
(``[[goals]]``, ``[[personas]]``, ``[[phases]]``, ``[[touchpoints]]``, ``[[plots]]``, ...). Reading
decodes, parses, migrates, converts into the typed model (which checks every type and range) and
checks the references between records, raising one ``StoreError`` that names the file and the
place. Writing is deterministic, so the same session always gives the same bytes, and atomic.
"""

from __future__ import annotations

import datetime as dt
import errno
from pathlib import Path
from typing import Any

import msgspec

from cjworkshop.model.session import Session
from cjworkshop.model.validation import session_problems
from cjworkshop.store import toml_writer
from cjworkshop.store.atomic import write_atomically
from cjworkshop.store.errors import StoreError
from cjworkshop.store.locate import locate
from cjworkshop.store.migrations import migrate
from cjworkshop.store.toml_text import convert, decode_toml, read_bytes

MAX_SESSION_BYTES = 16 * 1024 * 1024
"""Far above any real session (20 personas x 400 touchpoints is under 2 MB); refusing larger
files up front keeps a wrong file from freezing the app."""


def backup_path(path: Path) -> Path:
    """Where the previous version of a session is kept: ``name.toml.bak`` beside it."""
    return path.with_name(f"{path.name}.bak")


def read_session(path: Path) -> Session:
    """Load and fully validate a session file, or raise a ``StoreError`` saying what is wrong."""
    data = read_bytes(path, MAX_SESSION_BYTES)
    return parse_session(data, path)


def parse_session(data: bytes, path: Path | None = None) -> Session:
    """Validate the bytes of a session file into a ``Session``."""
    text, parsed = decode_toml(data, path)
    return session_from_data(parsed, path, text)


def session_from_data(
    parsed: dict[str, Any], path: Path | None, text: str | None = None
) -> Session:
    """Migrate, convert and check parsed TOML data."""
    parsed = migrate(parsed, path, text)
    session = convert(parsed, Session, path, text)
    problems = session_problems(session)
    if problems:
        first = problems[0]
        raise StoreError(
            first.key,
            dict(first.params),
            path=path,
            line=locate(text, first.path) if text is not None else None,
            where=first.path,
            more=len(problems) - 1,
        )
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


def save_session(path: Path, session: Session, *, backup: bool = True) -> None:
    """Write the session atomically, keeping the previous version as ``name.toml.bak``."""
    text = dumps_session(session)
    try:
        write_atomically(path, text, backup=backup_path(path) if backup else None)
    except OSError as error:
        raise write_error(error, path) from None


def write_error(error: OSError, path: Path) -> StoreError:
    """A failed write in words: which file, and whether folder, disk or rights are to blame."""
    reasons = {
        errno.EACCES: "error.write.permission",
        errno.EPERM: "error.write.permission",
        errno.EROFS: "error.write.read_only",
        errno.ENOSPC: "error.write.disk_full",
        errno.EDQUOT: "error.write.disk_full",
        errno.ENOENT: "error.write.no_folder",
    }
    key = reasons.get(error.errno or 0, "error.write.failed")
    return StoreError(
        key, {"reason": error.strerror or str(error), "folder": str(path.parent)}, path=path
    )
