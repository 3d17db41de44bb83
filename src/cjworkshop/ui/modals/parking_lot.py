"""The parking lot: side topics the room raises, noted in a second and kept in the session.

The dialog shows the notes it is given and says what the room does with them (a note added,
marked handled or deleted) to ``on_edit``, which makes the edit in the session (``edited``
says how) and answers with the notes as they are now. What is typed in its line but not yet
added is reported as it changes (``on_type``), so the session keeps it as a draft; Escape asks
before throwing such text away.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import ClassVar

from msgspec.structs import replace
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from cjworkshop.i18n import Translator
from cjworkshop.model import edits
from cjworkshop.model.session import ParkingNote, Session
from cjworkshop.ui.modals.base import WorkshopModal
from cjworkshop.ui.modals.confirm import close_unless_kept
from cjworkshop.ui.widgets.fields import LineField
from cjworkshop.ui.widgets.text import TextLabel, TextPanel


@dataclass(frozen=True)
class NoteAdded:
    """A new side topic, as typed (its spaces tidied)."""

    text: str


@dataclass(frozen=True)
class NoteToggled:
    """The note at ``index`` is marked handled, or open again."""

    index: int


@dataclass(frozen=True)
class NoteDeleted:
    """The note at ``index`` is taken off the list."""

    index: int


ParkingEdit = NoteAdded | NoteToggled | NoteDeleted
"""What the room did in the parking lot."""


def edited(session: Session, edit: ParkingEdit, tr: Translator) -> tuple[Session, str]:
    """The session after ``edit``, and what to call the edit for undo."""
    match edit:
        case NoteAdded(text=text):
            return edits.add_parking_note(session, text), tr("edit.parking.add", name=text)
        case NoteToggled(index=index):
            note = session.parking_lot[index]
            toggled = edits.update_parking_note(session, index, replace(note, done=not note.done))
            return toggled, tr("edit.parking.toggle", name=note.text)
        case NoteDeleted(index=index):
            note = session.parking_lot[index]
            return edits.delete_parking_note(session, index), tr(
                "edit.parking.delete", name=note.text
            )


class ParkingLotModal(WorkshopModal[None]):
    """Type a topic and press Enter; Space marks one handled, D deletes, Escape closes."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "key.close"),
        Binding("space", "toggle_done", "key.toggle_done"),
        Binding("d,delete", "delete", "key.delete"),
    ]

    def __init__(
        self,
        tr: Translator,
        notes: tuple[ParkingNote, ...],
        *,
        on_edit: Callable[[ParkingEdit], tuple[ParkingNote, ...]],
        on_type: Callable[[str], None] | None = None,
        initial: str = "",
    ) -> None:
        super().__init__(tr)
        self.notes = notes
        """The notes as shown: the session's, as they were after the last edit."""
        self.on_edit = on_edit
        self.on_type = on_type
        self.initial = initial

    def compose(self) -> ComposeResult:
        tr = self.tr
        with Vertical(classes="dialog-box wide", id="parking-box"):
            yield TextLabel(tr("parking.title"), classes="dialog-title")
            yield TextPanel(tr("parking.intro"), classes="hint")
            yield OptionList(id="parking-notes")
            yield TextPanel(id="parking-empty", classes="hint empty")
            yield LineField(
                self.initial,
                placeholder=tr("parking.placeholder"),
                id="parking-input",
                max_length=200,
            )
            yield TextPanel(tr("parking.keys"), classes="hint keys-hint")

    def on_mount(self) -> None:
        self._show()
        self.query_one("#parking-input", Input).focus()

    def _edit(self, edit: ParkingEdit, highlight: int | None = None) -> None:
        self.notes = self.on_edit(edit)
        self._show(highlight)

    def _show(self, highlight: int | None = None) -> None:
        notes = self.notes
        options = self.query_one("#parking-notes", OptionList)
        options.set_options(
            Option(
                Text.assemble(
                    ("☑ " if note.done else "☐ "), (note.text, "dim strike" if note.done else "")
                )
            )
            for note in notes
        )
        options.display = bool(notes)
        empty = self.query_one("#parking-empty", Static)
        empty.update(self.tr("parking.empty"))
        empty.display = not notes
        if notes:
            options.highlighted = min(
                highlight if highlight is not None else len(notes) - 1, len(notes) - 1
            )

    @on(Input.Changed, "#parking-input")
    def _typed(self, event: Input.Changed) -> None:
        if self.on_type is not None:
            self.on_type(event.value)

    @on(Input.Submitted, "#parking-input")
    def _add(self, event: Input.Submitted) -> None:
        event.stop()
        text = " ".join(event.value.split())
        if not text:
            return
        self._edit(NoteAdded(text))
        event.input.value = ""

    def _current(self) -> int | None:
        options = self.query_one("#parking-notes", OptionList)
        if self.focused is not options or options.highlighted is None:
            return None
        return options.highlighted

    def action_toggle_done(self) -> None:
        index = self._current()
        if index is None:
            self.query_one("#parking-input", Input).insert_text_at_cursor(" ")
            return
        self._edit(NoteToggled(index), index)

    def action_delete(self) -> None:
        index = self._current()
        if index is None:
            field = self.query_one("#parking-input", Input)
            if self.focused is field:
                field.insert_text_at_cursor("d")
            return
        self._edit(NoteDeleted(index), index)

    def action_close(self) -> None:
        if not self.query_one("#parking-input", Input).value.strip():
            self.dismiss(None)
            return
        close_unless_kept(self, self.tr("parking.discard"))
