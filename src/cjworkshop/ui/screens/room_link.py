"""The session screen's room: participants join from their phones while the session is open.

``RoomLink`` starts the participants' web server (``room.host``) on the app's own event loop the
first time the facilitator presses R, and shows the room (``modals.room``): its address and QR
code, who joined, and the notes waiting. The room reads the session the screen holds and where
the facilitator is (the step, the persona and touchpoint its view is on, the step's first
question). Dots commit at once, and an accepted note is committed, through the screen, as any
typed edit is: undo, autosave and the step views follow. Waiting notes are kept beside the
session; when a session opens with some left from before, the screen says so and R offers them.
It listens on 127.0.0.1 unless ``CJWORKSHOP_ROOM_HOST`` says otherwise (``0.0.0.0`` for the
network), on port 8765 or ``CJWORKSHOP_ROOM_PORT``, or else on any free port.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
from typing import TYPE_CHECKING, Any, Protocol

from cjworkshop.i18n import translator
from cjworkshop.model.queries import personas_by_id, touchpoints_by_id
from cjworkshop.model.room import Focus, Outcome, Room
from cjworkshop.model.room_notes import (
    NotPlaced,
    RoomNote,
    accept_into_parking_lot,
    accept_into_plot,
    merge_into_pain_point,
    pain_points_to_merge,
)
from cjworkshop.model.session import Session, Step
from cjworkshop.model.template import Template, checklist
from cjworkshop.store.room_inbox import known_participants, read_inbox
from cjworkshop.ui.modals.picker import PickerModal
from cjworkshop.ui.modals.room import NoteAction, RoomAction, RoomModal, RoomView, WaitingNote
from cjworkshop.ui.screens.session_forms import FormsHost
from cjworkshop.ui.steps.base import StepView
from cjworkshop.ui.widgets.step_list import step_name

if TYPE_CHECKING:
    from textual.worker import Worker

    from cjworkshop.room.host import RoomHost

HOST_VARIABLE = "CJWORKSHOP_ROOM_HOST"
PORT_VARIABLE = "CJWORKSHOP_ROOM_PORT"


class RoomScreen(FormsHost, Protocol):
    """What the room needs of the session screen it belongs to, besides what its forms do."""

    template: Template | None
    step: Step
    views: dict[Step, StepView]

    def run_worker(self, work: Any, *, group: str = ...) -> Worker[Any]: ...


class RoomLink:
    """The room of one session screen, from the first R until the screen goes."""

    def __init__(self, screen: RoomScreen) -> None:
        self.screen = screen
        self.served: RoomHost | None = None
        self.dialog: RoomModal | None = None
        self.qr: tuple[str, ...] = ()
        self.seen = 0
        """How many notes have arrived: a new one is announced once."""
        self.stopping: asyncio.Task[None] | None = None

    @property
    def room(self) -> Room | None:
        return self.served.room if self.served is not None else None

    def waiting_from_before(self) -> int:
        return len(read_inbox(self.screen.document.path))

    async def open(self) -> None:
        """Start the room if it is not running, then show it."""
        screen, tr = self.screen, self.screen.tr
        if self.served is None or not self.served.room.open:
            try:
                self.served = await self._start()
            except ImportError:
                screen.notify(tr("room.app.missing"), severity="error")
                return
            except OSError as error:
                reason = error.strerror or str(error)
                screen.notify(tr("room.app.failed", reason=reason), severity="error")
                return
        self.dialog = RoomModal(tr, self.view(), on_action=self.act)
        screen.app.push_screen(self.dialog, lambda _: self._dialog_closed())

    async def _start(self) -> RoomHost:
        from cjworkshop.room.addresses import LOCAL
        from cjworkshop.room.host import DEFAULT_PORT, RoomHost

        screen = self.screen
        session = screen.session
        room = Room(
            lambda: self.screen.document.session,
            self._dots,
            questions=checklist(screen.template, session.language),
            focus=self.focus,
            waiting=read_inbox(screen.document.path),
            known=known_participants(screen.document.path),
        )
        host = os.environ.get(HOST_VARIABLE, LOCAL)
        port = _port(os.environ.get(PORT_VARIABLE), DEFAULT_PORT)
        tr = translator(session.language)
        served = RoomHost(room, tr, screen.document.path, host=host, port=port)
        try:
            await served.start()
        except OSError:
            served = RoomHost(room, tr, screen.document.path, host=host, port=0)
            await served.start()
        self.seen = len(room.inbox)
        served.listeners.append(self._changed)
        self.qr = tuple(_qr(served.address))
        return served

    def focus(self) -> Focus:
        """Where the facilitator is: the step on screen and what its view is on."""
        screen = self.screen
        view = screen.views.get(screen.step)
        persona, touchpoint = view.room_focus() if view is not None else (None, None)
        return Focus(screen.step, persona, touchpoint, self._question())

    def _question(self) -> str:
        screen = self.screen
        template, step, language = screen.template, screen.step, screen.session.language
        guide = template.steps.get(step) if template is not None else None
        questions = list(guide.questions(language)) if guide and guide.questions else []
        questions = questions or screen.tr.items(f"guide.{step}.questions")
        return questions[0] if questions else ""

    def view(self) -> RoomView:
        served = self.served
        assert served is not None
        room, session = served.room, self.screen.session
        return RoomView(
            address=served.address,
            host=served.host,
            local_only=served.local_only,
            qr=self.qr,
            participants=tuple(p.name for p in room.participants.values()),
            waiting=tuple(
                WaitingNote(note, self._where(session, note)) for note in room.inbox.values()
            ),
            open=room.open,
        )

    def _where(self, session: Session, note: RoomNote) -> str:
        persona = personas_by_id(session).get(note.persona or "")
        touchpoint = touchpoints_by_id(session).get(note.touchpoint or "")
        named = [record.name for record in (persona, touchpoint) if record is not None]
        if named:
            return " · ".join(named)
        return step_name(self.screen.tr, note.step, session.mode) if note.step else ""

    # What the room and the facilitator do -------------------------------------------------------

    def _dots(self, changed: Session, participant: str, item: str) -> None:
        label = self.screen.tr("room.edit.vote", voter=participant, name=item)
        self.screen.commit(changed, label)

    def _changed(self) -> None:
        room = self.room
        if room is None:
            return
        arrived = len(room.outcomes) - self.seen
        if arrived > 0:
            self.seen += arrived
            newest = list(room.inbox.values())[-1] if room.inbox else None
            if newest is not None and self.dialog is None:
                self.screen.notify(
                    self.screen.tr("room.app.arrived", name=newest.participant, text=newest.text),
                    timeout=4,
                )
        if self.dialog is not None and self.dialog.is_attached:
            self.dialog.show(self.view())

    def act(self, action: NoteAction | RoomAction) -> RoomView:
        served, screen, tr = self.served, self.screen, self.screen.tr
        assert served is not None
        room = served.room
        if isinstance(action, RoomAction):
            if action.what == "rotate":
                room.rotate()
                self.qr = tuple(_qr(served.address))
                screen.notify(tr("room.app.rotated"), timeout=4)
            else:
                room.close()
                served.keep()
                screen.run_worker(served.stop(), group="room")
            return self.view()
        note = room.inbox.get(action.note_id)
        if note is None:
            return self.view()
        if action.what == "reword":
            room.reword(note.id, action.text)
        elif action.what == "reject":
            room.handled(note.id, "rejected")
        elif action.what == "merge":
            self._merge(note)
        elif action.what == "park":
            screen.commit(
                accept_into_parking_lot(screen.session, note),
                tr("room.edit.parked", name=note.participant),
            )
            room.handled(note.id, "parked")
        else:
            try:
                changed = accept_into_plot(screen.session, note)
            except NotPlaced:
                screen.notify(tr("room.app.not_placed"), severity="warning")
                return self.view()
            outcome: Outcome = "parked" if note.kind == "parking" else "accepted"
            key = "room.edit.parked" if outcome == "parked" else "room.edit.accepted"
            screen.commit(changed, tr(key, name=note.participant))
            room.handled(note.id, outcome)
        return self.view()

    def _merge(self, note: RoomNote) -> None:
        """Ask which of the plot's pain points the note is, then merge it into that one."""
        screen, tr = self.screen, self.screen.tr
        pains = pain_points_to_merge(screen.session, note)
        if not pains:
            screen.notify(tr("room.app.no_merge"), severity="warning")
            return

        def chosen(index: int | None) -> None:
            room = self.room
            if index is None or room is None or note.id not in room.inbox:
                return
            merged = merge_into_pain_point(screen.session, note, index)
            screen.commit(merged, tr("room.edit.merged", name=note.participant))
            room.handled(note.id, "accepted")

        picker = PickerModal(tr, tr("room.app.merge_title"), [pain.text for pain in pains])
        screen.app.push_screen(picker, chosen)

    def _dialog_closed(self) -> None:
        self.dialog = None

    def leave(self) -> None:
        """The screen goes: the room closes, its waiting notes stay beside the session."""
        served = self.served
        if served is None:
            return
        served.room.close()
        served.keep()
        with contextlib.suppress(RuntimeError):
            self.stopping = asyncio.get_running_loop().create_task(served.stop())


def _qr(address: str) -> list[str]:
    from cjworkshop.room.qr import qr_lines

    return qr_lines(address)


def _port(value: str | None, default: int) -> int:
    if value is None or not value.strip().isdigit():
        return default
    return min(int(value), 65535)
