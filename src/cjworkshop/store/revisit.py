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
    """The session as a new version: same map and decisions, fresh dates and timeboxes."""
    timebox = {step: replace(time, used_seconds=0) for step, time in session.timebox.items()}
    return replace(session, previous=previous, created=when, updated=when, timebox=timebox)


def start_revisit(path: Path, session: Session, when: dt.datetime) -> Path:
    """Write the new version beside ``path`` and return where; ``path`` itself is left alone."""
    target = revisit_path(path, when.date())
    save_session(target, revisited(session, path.name, when), backup=False)
    return target


def previous_version(path: Path, session: Session) -> tuple[Path, Session] | None:
    """The version ``session`` (stored at ``path``) revisits; None for a first version.

    Raises ``StoreError`` when the previous file is named but cannot be read.
    """
    if not session.previous:
        return None
    earlier = path.with_name(session.previous)
    return earlier, read_session(earlier)
