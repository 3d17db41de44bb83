"""The room in the app: its address and QR code, who joined, and the inbox of their notes.

The dialog shows the ``RoomView`` it is given and says what the facilitator does with a note
(on the map, to the parking lot, reworded, rejected) or with the room (a new code, closed) to
``on_action``, which does it and answers with the room as it is now. Notes that arrive while
it is open are shown by ``show``. Escape closes the dialog; the room stays open behind it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from cjworkshop.i18n import Translator
from cjworkshop.model.room_notes import NOTE_LENGTH, RoomNote
from cjworkshop.ui.modals.base import WorkshopModal
from cjworkshop.ui.widgets.fields import LineField
from cjworkshop.ui.widgets.text import TextLabel, TextPanel


@dataclass(frozen=True)
class WaitingNote:
    note: RoomNote
    where: str
    """Where it was sent, in words: the persona and the touchpoint, or the step."""


@dataclass(frozen=True)
class RoomView:
    address: str
    host: str
    """What the room listens on: 127.0.0.1, or the network's addresses (0.0.0.0)."""
    local_only: bool
    qr: tuple[str, ...]
    participants: tuple[str, ...]
    waiting: tuple[WaitingNote, ...]
    open: bool


@dataclass(frozen=True)
class NoteAction:
    """``accept`` into the plot, ``park`` in the parking lot, ``merge`` with a pain point the
    plot has, ``reject``, or ``reword``."""

    what: str
    note_id: str
    text: str = ""


@dataclass(frozen=True)
class RoomAction:
    """``rotate`` the join code, or ``close`` the room."""

    what: str


KEY_LETTERS = {
    "accept": "a",
    "park": "l",
    "merge": "m",
    "reject": "x",
    "rotate": "c",
    "close": "w",
}


class RoomModal(WorkshopModal[None]):
    """a on the map, l parking lot, m merge, e edit, x reject, c a new code, w close the room."""

    DEFAULT_CSS = """
    RoomModal #room-box { width: 110; height: 95%; }
    RoomModal #room-body { height: 1fr; }
    RoomModal #room-qr { width: auto; height: auto; margin: 1 2 0 0; }
    RoomModal #room-side { width: 1fr; }
    RoomModal #room-side .dialog-title { margin-bottom: 0; }
    RoomModal #room-notes { height: 1fr; min-height: 3; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "key.close"),
        Binding("a", "note('accept')", "key.room_accept"),
        Binding("l", "note('park')", "key.room_park"),
        Binding("m", "note('merge')", "key.room_merge"),
        Binding("x", "note('reject')", "key.room_reject"),
        Binding("e", "edit", "key.room_edit"),
        Binding("c", "room('rotate')", "key.room_rotate"),
        Binding("w", "room('close')", "key.room_close"),
    ]

    def __init__(
        self,
        tr: Translator,
        view: RoomView,
        *,
        on_action: Callable[[NoteAction | RoomAction], RoomView],
    ) -> None:
        super().__init__(tr)
        self.view = view
        self.on_action = on_action
        self.editing: str | None = None
        """The id of the note whose text is in the edit line."""

    def compose(self) -> ComposeResult:
        tr = self.tr
        with Vertical(classes="dialog-box wide", id="room-box"), Horizontal(id="room-body"):
            yield Static(id="room-qr")
            with Vertical(id="room-side"):
                yield TextLabel(tr("room.app.title"), classes="dialog-title")
                yield TextPanel(id="room-address", classes="hint")
                yield TextPanel(id="room-participants")
                yield TextLabel(id="room-inbox-title")
                yield OptionList(id="room-notes")
                yield TextPanel(id="room-empty", classes="hint empty")
                yield LineField("", id="room-edit", max_length=NOTE_LENGTH)
                yield TextPanel(tr("room.app.keys"), classes="hint keys-hint")

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one("#room-edit", Input).display = False
        self.show(self.view)
        self.query_one("#room-notes", OptionList).focus()

    def show(self, view: RoomView, highlight: int | None = None) -> None:
        """The room as it is now."""
        tr = self.tr
        self.view = view
        address = tr("room.app.address", address=view.address)
        if view.local_only:
            address += "\n" + tr("room.app.local_only")
        else:
            address += "\n" + tr("room.cli.warning", host=view.host)
        if not view.open:
            address = tr("room.app.closed")
        self.query_one("#room-address", Static).update(Text(address))
        qr = Text("\n".join(view.qr), style="black on white", no_wrap=True)
        self.query_one("#room-qr", Static).update(qr if view.open else "")
        names = ", ".join(view.participants)
        self.query_one("#room-participants", Static).update(
            Text(tr("room.app.participants", names=names) if names else tr("room.app.nobody"))
        )
        self.query_one("#room-inbox-title", Static).update(
            Text(tr("room.app.inbox", count=len(view.waiting)), style="bold")
        )
        options = self.query_one("#room-notes", OptionList)
        before = options.highlighted
        options.set_options(
            Option(self._line(waiting), id=waiting.note.id) for waiting in view.waiting
        )
        options.display = bool(view.waiting)
        empty = self.query_one("#room-empty", Static)
        empty.update(tr("room.app.empty"))
        empty.display = not view.waiting
        if view.waiting:
            wanted = highlight if highlight is not None else before if before is not None else 0
            options.highlighted = max(0, min(wanted, len(view.waiting) - 1))

    def _line(self, waiting: WaitingNote) -> Text:
        note, tr = waiting.note, self.tr
        kind = tr(f"room.app.kind.{note.kind}")
        if note.severity is not None:
            kind += f" {note.severity}"
        head = tr("room.app.note", who=note.participant, kind=kind, where=waiting.where)
        return Text.assemble((head, "dim"), "\n", note.text)

    def _current(self) -> int | None:
        options = self.query_one("#room-notes", OptionList)
        if not self.view.waiting or options.highlighted is None:
            return None
        return options.highlighted

    def _typing(self, character: str) -> bool:
        """The room's keys are letters: while the edit line is open they are typed in it."""
        if self.editing is None:
            return False
        self.query_one("#room-edit", Input).insert_text_at_cursor(character)
        return True

    def action_note(self, what: str) -> None:
        if self._typing(KEY_LETTERS[what]):
            return
        index = self._current()
        if index is None:
            return
        note = self.view.waiting[index].note
        self.show(self.on_action(NoteAction(what, note.id)), index)

    def action_edit(self) -> None:
        if self._typing("e"):
            return
        index = self._current()
        if index is None:
            return
        note = self.view.waiting[index].note
        self.editing = note.id
        field = self.query_one("#room-edit", Input)
        field.value = note.text
        field.display = True
        field.focus()

    @on(Input.Submitted, "#room-edit")
    def _edited(self, event: Input.Submitted) -> None:
        event.stop()
        note_id, self.editing = self.editing, None
        event.input.display = False
        self.query_one("#room-notes", OptionList).focus()
        if note_id is not None and event.value.strip():
            self.show(self.on_action(NoteAction("reword", note_id, event.value)))

    def action_room(self, what: str) -> None:
        if not self._typing(KEY_LETTERS[what]):
            self.show(self.on_action(RoomAction(what)))

    def action_back(self) -> None:
        if self.editing is not None:
            self.editing = None
            self.query_one("#room-edit", Input).display = False
            self.query_one("#room-notes", OptionList).focus()
            return
        self.dismiss(None)
