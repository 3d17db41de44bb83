"""Drafts: what the user is typing in a form, kept beside the session until it is saved.

A committed edit is saved at once, but a persona description typed for five minutes is not an
edit until the form is saved. While a form is open its values are written (atomically, a few
times a second at most) to ``.<name>.toml.draft``; saving or cancelling the form removes it. After
a crash or a power cut the next start finds the draft and reopens the form with the text in it.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
from pathlib import Path

import msgspec

from cjworkshop.store.atomic import write_atomically


class Draft(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    """An unsaved form: which form (kind), for which record (target), and its values."""

    kind: str
    target: str | None
    phase: str | None
    values: dict[str, str]
    written: dt.datetime


def draft_path(session_path: Path) -> Path:
    return session_path.with_name(f".{session_path.name}.draft")


def write_draft(session_path: Path, draft: Draft) -> None:
    write_atomically(draft_path(session_path), msgspec.json.encode(draft).decode("utf-8"))


def read_draft(session_path: Path) -> Draft | None:
    """The draft left behind for a session, or None when there is none (or it is unreadable)."""
    try:
        return msgspec.json.decode(draft_path(session_path).read_bytes(), type=Draft)
    except (OSError, msgspec.DecodeError, msgspec.ValidationError):
        return None


def clear_draft(session_path: Path) -> None:
    with contextlib.suppress(FileNotFoundError):
        os.unlink(draft_path(session_path))
