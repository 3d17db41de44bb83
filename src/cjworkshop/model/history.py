"""Undo and redo for a session.

Sessions are immutable, so the history is simply the list of earlier sessions with a label saying
what each edit did ("Add persona Sanne"). Undo moves back one step and redo forward; a new edit
after an undo drops the redo branch, as every editor does.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from cjworkshop.model.session import Session

DEFAULT_DEPTH = 500


@dataclass(slots=True)
class _Entry:
    session: Session
    label: str


@dataclass(slots=True)
class History:
    """The sessions before and after the current one, each with the label of its edit."""

    current: Session
    depth: int = DEFAULT_DEPTH
    _undo: list[_Entry] = field(default_factory=list)
    _redo: list[_Entry] = field(default_factory=list)

    def commit(self, session: Session, label: str) -> None:
        """Make ``session`` current; undo will bring back the one before it."""
        if session == self.current:
            return
        self._undo.append(_Entry(self.current, label))
        del self._undo[: -self.depth]
        self._redo.clear()
        self.current = session

    def replace_current(self, session: Session) -> None:
        """Change the current session without an undo step (timebox bookkeeping, timestamps)."""
        self.current = session

    @property
    def can_undo(self) -> bool:
        return bool(self._undo)

    @property
    def can_redo(self) -> bool:
        return bool(self._redo)

    @property
    def undo_label(self) -> str | None:
        return self._undo[-1].label if self._undo else None

    @property
    def redo_label(self) -> str | None:
        return self._redo[-1].label if self._redo else None

    def undo(self) -> str | None:
        """Step back one edit; return its label, or None when there is nothing to undo."""
        if not self._undo:
            return None
        entry = self._undo.pop()
        self._redo.append(_Entry(self.current, entry.label))
        self.current = entry.session
        return entry.label

    def redo(self) -> str | None:
        """Step forward again; return the label of the edit redone, or None."""
        if not self._redo:
            return None
        entry = self._redo.pop()
        self._undo.append(_Entry(self.current, entry.label))
        self.current = entry.session
        return entry.label
