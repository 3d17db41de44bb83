"""Reading every session under a folder for the portfolio, in several processes when many.

Each file is read, validated and digested where it is read (``model.portfolio.digest``), so only
the small digests travel between processes. A file that cannot be read as a session is reported
with its error and skipped; it never stops the others. Hidden files and the ``.bak`` backups the
app keeps are not sessions.
"""

from __future__ import annotations

import os
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from cjworkshop.model.portfolio import Digest, digest
from cjworkshop.store.errors import StoreError
from cjworkshop.store.session_file import read_session

PARALLEL_FROM = 24
"""Below this many files, starting worker processes costs more than it saves."""
CHUNK = 16

Outcome = tuple[
    Digest | None, tuple[str, dict[str, object], int | None, int | None, str | None] | None
]


def session_paths(folder: Path) -> list[Path]:
    """Every ``*.toml`` under the folder, hidden files and folders left out, in a stable order."""
    found = []
    for path in folder.rglob("*.toml"):
        parts = path.relative_to(folder).parts
        if not any(part.startswith(".") for part in parts):
            found.append(path)
    return sorted(found)


def read_digests(
    folder: Path, *, workers: int | None = None
) -> tuple[list[Digest], list[StoreError]]:
    """The digest of every session under ``folder``, and the error of every file that is not one."""
    paths = session_paths(folder)
    count = workers if workers is not None else min(os.cpu_count() or 1, 4)
    if count > 1 and len(paths) >= PARALLEL_FROM:
        with ProcessPoolExecutor(max_workers=count) as pool:
            outcomes = list(pool.map(_read_one, paths, chunksize=CHUNK))
    else:
        outcomes = [_read_one(path) for path in paths]
    digests: list[Digest] = []
    errors: list[StoreError] = []
    for path, (found, error) in zip(paths, outcomes, strict=True):
        if found is not None:
            digests.append(found)
        elif error is not None:
            key, params, line, column, where = error
            errors.append(StoreError(key, params, path=path, line=line, column=column, where=where))
    return digests, errors


def _read_one(path: Path) -> Outcome:
    """One file's digest, or its error as plain values (an exception may not travel back whole)."""
    try:
        session = read_session(path)
    except StoreError as error:
        return None, (error.key, error.params, error.line, error.column, error.where)
    return digest(session, path.name, str(path.parent)), None
