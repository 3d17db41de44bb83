"""The room's inbox on disk: notes sent and not yet handled, kept beside the session.

Like a draft (``store.drafts``), the notes wait in ``.<name>.toml.room`` beside the session file,
written atomically with the session file's owner and permissions, read only when it is a small
ordinary file and never through a link. When the app closes with notes still waiting, the next
start finds them and offers them again; an empty inbox leaves no file behind.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import msgspec

from cjworkshop.model.room_notes import RoomNote
from cjworkshop.store.drafts import clear_draft_file, read_small, write_draft_bytes
from cjworkshop.store.errors import StoreError


class KnownParticipant(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    """Who joined a room, with the token their phone keeps, so they can come back as
    themselves (and nobody else can take their name and their dots)."""

    name: str
    token: str


class Inbox(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    notes: tuple[RoomNote, ...] = ()
    participants: tuple[KnownParticipant, ...] = ()


def inbox_path(session_path: Path) -> Path:
    return session_path.with_name(f".{session_path.name}.room")


def write_inbox(
    session_path: Path, notes: Iterable[RoomNote], participants: Iterable[tuple[str, str]] = ()
) -> None:
    """Keep the waiting notes and who joined; nothing to keep removes the file."""
    kept = Inbox(tuple(notes), tuple(KnownParticipant(n, t) for n, t in participants))
    path = inbox_path(session_path)
    if not kept.notes and not kept.participants:
        clear_draft_file(path)
        return
    write_draft_bytes(path, msgspec.json.encode(kept), like=session_path)


def read_inbox_file(session_path: Path) -> Inbox:
    """What an earlier room left beside the session; nothing when there is none (or the file
    is not ours)."""
    try:
        return msgspec.json.decode(read_small(inbox_path(session_path)), type=Inbox)
    except (OSError, StoreError, msgspec.DecodeError, msgspec.ValidationError):
        return Inbox()


def read_inbox(session_path: Path) -> tuple[RoomNote, ...]:
    """The notes left waiting."""
    return read_inbox_file(session_path).notes


def known_participants(session_path: Path) -> tuple[tuple[str, str], ...]:
    """The name and token of everyone who joined an earlier room on this session."""
    return tuple((p.name, p.token) for p in read_inbox_file(session_path).participants)
