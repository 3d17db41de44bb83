"""Drafts: what the user is typing in a form, kept beside the session until it is saved.

A committed edit is saved at once, but a persona description typed for five minutes is not an
edit until the form is saved. While a form is open its values are written (atomically, a few
times a second at most) to ``.<name>.toml.draft``; saving or cancelling the form removes it. After
a crash or a power cut the next start finds the draft and reopens the form with the text in it.
A draft gets the session file's owner and permissions (a private session's draft is private),
and is read only if it is a small ordinary file, never through a link.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import stat
from pathlib import Path

import msgspec

from cjworkshop.store.atomic import write_atomically
from cjworkshop.store.errors import StoreError
from cjworkshop.store.files import NO_BLOCK, open_beside, regular_stat

MAX_DRAFT_BYTES = 1024 * 1024
"""A form holds a few texts; a larger file under a draft's name is not one of ours."""
PRIVATE = 0o600
"""A draft whose session file is gone (or not yet written) is readable by its owner only."""


class Draft(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    """An unsaved form: which form (kind), for which record (target), and its values.

    ``kind`` is a record form (``goal``, ``persona``, ``phase``, ``touchpoint``) or a step's own
    form, named after the step (``plotting.pain``, ``roadmap.item``); ``context`` says where
    such a form was open (a persona and a touchpoint, an item), so it can be opened there again.
    """

    kind: str
    target: str | None
    phase: str | None
    values: dict[str, str]
    written: dt.datetime
    context: dict[str, str] = {}


def draft_path(session_path: Path) -> Path:
    """Where the draft of a form open on a session is kept: ``.<name>.toml.draft`` beside it."""
    return session_path.with_name(f".{session_path.name}.draft")


def new_session_draft_path(folder: Path) -> Path:
    """Where the draft of the new-session form is kept: in the folder the session will go to."""
    return folder / ".new-session.draft"


def write_draft(session_path: Path, draft: Draft) -> None:
    write_draft_file(draft_path(session_path), draft, like=session_path)


def write_draft_file(path: Path, draft: Draft, *, like: Path | None = None) -> None:
    """Write a draft atomically, with the owner and mode of ``like`` (private without one)."""
    write_draft_bytes(path, msgspec.json.encode(draft), like=like)


def write_draft_bytes(path: Path, data: bytes, *, like: Path | None = None) -> None:
    """Write a file kept beside a session (a draft, the room's inbox) as a draft is written."""
    write_atomically(
        path,
        data,
        like=regular_stat(like) if like is not None else None,
        default_mode=PRIVATE,
    )


def read_draft(session_path: Path) -> Draft | None:
    """The draft left behind for a session, or None when there is none (or it is unreadable)."""
    return read_draft_file(draft_path(session_path))


def read_draft_file(path: Path) -> Draft | None:
    try:
        return msgspec.json.decode(read_small(path), type=Draft)
    except (OSError, StoreError, msgspec.DecodeError, msgspec.ValidationError):
        return None


def read_small(path: Path) -> bytes:
    """An ordinary file of at most ``MAX_DRAFT_BYTES``, never through a link."""
    handle = open_beside(path, os.O_RDONLY | NO_BLOCK)
    try:
        info = os.fstat(handle)
        if not stat.S_ISREG(info.st_mode) or info.st_size > MAX_DRAFT_BYTES:
            raise StoreError("error.read.not_regular", path=path)
        return os.read(handle, MAX_DRAFT_BYTES + 1)[:MAX_DRAFT_BYTES]
    finally:
        os.close(handle)


def clear_draft(session_path: Path) -> None:
    clear_draft_file(draft_path(session_path))


def clear_draft_file(path: Path) -> None:
    with contextlib.suppress(FileNotFoundError):
        os.unlink(path)
