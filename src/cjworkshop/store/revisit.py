"""Revisits: a new dated version of a session, and the version it came from.

A journey map is redone regularly. Starting a revisit writes a copy of the session next to it,
named with today's date (``de-eik.toml`` → ``de-eik-2027-03-01.toml``), that remembers the file it
came from in ``previous``; the old file is never touched again. The review step then compares the
two with ``model.diff``.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from msgspec.structs import replace

from cjworkshop.model.session import Session
from cjworkshop.store.errors import StoreError
from cjworkshop.store.session_file import read_session, save_session

_DATED = re.compile(r"-\d{4}-\d{2}-\d{2}(?:-\d+)?$")


def revisit_path(path: Path, day: dt.date) -> Path:
    """``name-YYYY-MM-DD.toml`` beside ``path`` (an older date in the name is replaced), free."""
    base = _DATED.sub("", path.stem) or path.stem
    candidate = path.with_name(f"{base}-{day.isoformat()}.toml")
    number = 2
    while candidate.exists():
        candidate = path.with_name(f"{base}-{day.isoformat()}-{number}.toml")
        number += 1
    return candidate


def revisited(session: Session, previous: str, when: dt.datetime) -> Session:
    """The session as a new version: same map and decisions, fresh dates and timeboxes. The
    revisit the old version planned is this one, so the new version plans none yet."""
    timebox = {step: replace(time, used_seconds=0) for step, time in session.timebox.items()}
    return replace(
        session,
        previous=previous,
        created=when,
        updated=when,
        timebox=timebox,
        next_revisit=None,
    )


def start_revisit(path: Path, session: Session, when: dt.datetime) -> Path:
    """Write the new version beside ``path`` and return where; ``path`` itself is left alone."""
    while True:
        target = revisit_path(path, when.date())
        try:
            save_session(target, revisited(session, path.name, when), backup=False, exclusive=True)
        except StoreError as error:
            if error.key == "error.write.exists":
                continue  # made by someone else a moment ago: take the next free name
            raise
        return target


def previous_version(path: Path, session: Session) -> tuple[Path, Session] | None:
    """The version ``session`` (stored at ``path``) revisits; None for a first version.

    Raises ``StoreError`` when the previous file is named but cannot be read.
    """
    if not session.previous:
        return None
    earlier = previous_path(path, session)
    return earlier, read_session(earlier)


def previous_path(path: Path, session: Session) -> Path:
    """Where the version ``session`` revisits is, beside ``path``; ``StoreError`` if nowhere."""
    try:
        return path.with_name(session.previous)
    except ValueError:  # not a file name; loading checks this, a hand-built session may not
        raise StoreError("error.read.not_found", path=path.parent / session.previous) from None
