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


class Inbox(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    notes: tuple[RoomNote, ...] = ()


def inbox_path(session_path: Path) -> Path:
    return session_path.with_name(f".{session_path.name}.room")


def write_inbox(session_path: Path, notes: Iterable[RoomNote]) -> None:
    """Keep the waiting notes; none waiting removes the file."""
    kept = tuple(notes)
    path = inbox_path(session_path)
    if not kept:
        clear_draft_file(path)
        return
    write_draft_bytes(path, msgspec.json.encode(Inbox(kept)), like=session_path)


def read_inbox(session_path: Path) -> tuple[RoomNote, ...]:
    """The notes left waiting, or none when there are none (or the file is not ours)."""
    try:
        return msgspec.json.decode(read_small(inbox_path(session_path)), type=Inbox).notes
    except (OSError, StoreError, msgspec.DecodeError, msgspec.ValidationError):
        return ()
