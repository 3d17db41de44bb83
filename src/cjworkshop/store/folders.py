"""The sessions folder: where new sessions go, and what is in it.

New sessions get a file name made from their title as a slug, so a hostile title
(``../../etc/x``, a name with slashes or control characters) can only ever produce a plain file
name inside the sessions folder. Listing reads every session file in the folder; a file that does
not load is listed with its error rather than hidden or fatal.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from cjworkshop.model.ids import slugify
from cjworkshop.model.queries import Progress, progress
from cjworkshop.model.session import Language, Mode, Session
from cjworkshop.model.template import Template, session_from_template
from cjworkshop.store.errors import StoreError
from cjworkshop.store.session_file import read_session, save_session, write_error


@dataclass(frozen=True)
class SessionSummary:
    """One line of a session listing: a loaded session, or the error that stopped it loading."""

    path: Path
    session: Session | None
    error: StoreError | None

    @property
    def progress(self) -> Progress | None:
        return progress(self.session) if self.session is not None else None

    @property
    def updated(self) -> dt.datetime:
        if self.session is None:
            return dt.datetime.fromtimestamp(self.path.stat().st_mtime, dt.UTC)
        stamp = self.session.updated
        return stamp if stamp.tzinfo else stamp.replace(tzinfo=dt.UTC)


def new_session_path(folder: Path, title: str) -> Path:
    """A file name for a new session in ``folder``, made from the title and never taken yet."""
    base = slugify(title, "session")
    candidate = folder / f"{base}.toml"
    number = 2
    while candidate.exists():
        candidate = folder / f"{base}-{number}.toml"
        number += 1
    # The slug has no separators or dots, so this holds by construction; keep it checked anyway.
    if candidate.resolve().parent != folder.resolve():
        raise StoreError("error.path_outside", {"folder": str(folder)}, path=candidate)
    return candidate


def session_files(folder: Path) -> list[Path]:
    """The session files in a folder, hidden files and backups left out."""
    if not folder.is_dir():
        return []
    return sorted(path for path in folder.glob("*.toml") if not path.name.startswith("."))


def list_sessions(folder: Path) -> list[SessionSummary]:
    """Every session in a folder, most recently changed first."""
    summaries: list[SessionSummary] = []
    for path in session_files(folder):
        try:
            summaries.append(SessionSummary(path, read_session(path), None))
        except StoreError as error:
            summaries.append(SessionSummary(path, None, error))
    return sorted(summaries, key=lambda summary: summary.updated, reverse=True)


def create_session(
    folder: Path,
    template: Template,
    *,
    title: str,
    language: Language,
    mode: Mode,
    when: dt.datetime,
) -> Path:
    """Start a session from a template as a new file in ``folder``; return its path."""
    title = " ".join(title.split())[:200]
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise write_error(error, folder / "x.toml") from None
    session = session_from_template(template, title=title, language=language, mode=mode, when=when)
    path = new_session_path(folder, title)
    save_session(path, session, backup=False)
    return path
