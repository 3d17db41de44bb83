"""Every form of an open session: opened when asked for, its draft kept, found again after a crash.

Goals, personas, phases and touchpoints have their forms here (``ui.forms`` describes them); a
step asks for its own forms with ``FormRequested`` and the session screen hands the request
here, as it does the parking lot. Whatever the form, what is typed in it is kept as a draft
beside the session file while it is open (``ui.drafts``), and when a session opens with a draft
left by a crash, the form opens again where it was: at its record, or in its step
(``StepView.restore_draft``). A draft whose form cannot open again, because what it was about
is gone, goes to the parking lot.

The dialogs themselves (and Textual's TextArea with their fields) are imported when one is first
opened: with the session screen they would cost some 11 ms of CPU before its first frame (the
large session at its grid: 345 ms in all, bench/run.py).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

from textual.app import App
from textual.notifications import SeverityLevel

from cjworkshop.i18n import Translator
from cjworkshop.model.edits import add_parking_note
from cjworkshop.model.session import NAME_LENGTH, ParkingNote, Session, Step
from cjworkshop.store.document import SessionDocument
from cjworkshop.store.drafts import Draft, read_draft
from cjworkshop.ui.drafts import DraftKeeper
from cjworkshop.ui.forms import FORM_KINDS, FormKind, SessionRecord, record_form, saved_record
from cjworkshop.ui.modals.form_spec import FormSpec, FormValues
from cjworkshop.ui.steps.base import FormRequest, StepView

if TYPE_CHECKING:
    from cjworkshop.ui.modals.parking_lot import ParkingEdit

Answer = TypeVar("Answer")


class FormsHost(Protocol):
    """What the forms need of the session screen that shows them."""

    document: SessionDocument
    tr: Translator
    clock: Callable[[], dt.datetime]
    steps: tuple[Step, ...]

    @property
    def session(self) -> Session: ...

    @property
    def app(self) -> App[Any]: ...

    def notify(
        self, message: str, *, severity: SeverityLevel = ..., timeout: float | None = ...
    ) -> None: ...

    def commit(self, session: Session, label: str, *, select: str | None = None) -> None: ...

    def go_to(self, step: Step, then: Callable[[StepView], None] | None = None) -> None: ...


class SessionForms:
    """The forms of one session screen and the draft of the one that is open."""

    def __init__(self, host: FormsHost, drafts: DraftKeeper) -> None:
        self.host = host
        self.drafts = drafts
        """Where the open form's draft is kept (beside the session file)."""

    def open_record(
        self,
        kind: FormKind,
        target: str | None,
        *,
        phase: str | None = None,
        initial: FormValues | None = None,
    ) -> None:
        """The form of a goal, persona, phase or touchpoint: new (``target`` None) or existing."""
        host = self.host
        tr = host.tr
        if kind == "touchpoint" and not host.session.phases:
            host.notify(tr("touchpoints.no_phases"), severity="warning")
            return
        form = record_form(kind, tr, host.session, target, phase)

        def saved(record: SessionRecord) -> None:
            edit = saved_record(tr, host.session, record)
            host.commit(edit.session, edit.label, select=edit.record_id)

        self._push(kind, form, saved, target=target, phase=phase, initial=initial)

    def open(self, request: FormRequest[Any]) -> None:
        """A form a step asked for."""
        self._push(
            request.kind,
            request.form,
            request.saved,
            context=request.context,
            initial=request.initial,
        )

    def _push(
        self,
        kind: str,
        form: FormSpec[Answer],
        saved: Callable[[Answer], None],
        *,
        target: str | None = None,
        phase: str | None = None,
        context: dict[str, str] | None = None,
        initial: FormValues | None = None,
    ) -> None:
        where = dict(context or {})

        def changed(values: FormValues) -> None:
            self.keep(kind, values, target=target, phase=phase, context=where)

        def done(answer: Answer | None) -> None:
            self.drafts.drop()
            if answer is not None:
                saved(answer)

        from cjworkshop.ui.modals.record_form import RecordForm  # when first opened: see the top

        dialog = RecordForm(self.host.tr, form, on_change=changed, initial=initial)
        self.host.app.push_screen(dialog, done)

    def open_parking_lot(self, initial: str = "") -> None:
        """The parking lot, its line kept as a draft while something is typed in it."""
        from cjworkshop.ui.modals.parking_lot import ParkingLotModal, edited  # see the top

        host = self.host

        def typed(text: str) -> None:
            if text.strip():
                self.keep("parking", {"text": text})
            else:
                self.drop()

        def edit(change: ParkingEdit) -> tuple[ParkingNote, ...]:
            host.commit(*edited(host.session, change, host.tr))
            return host.session.parking_lot

        dialog = ParkingLotModal(
            host.tr, host.session.parking_lot, on_edit=edit, on_type=typed, initial=initial
        )
        host.app.push_screen(dialog, lambda _: self.drop())

    def keep(
        self,
        kind: str,
        values: dict[str, str],
        *,
        target: str | None = None,
        phase: str | None = None,
        context: dict[str, str] | None = None,
    ) -> None:
        """Keep what is typed in a form (or a step's own field) as its draft."""
        when = self.host.clock()
        self.drafts.keep(Draft(kind, target, phase, dict(values), when, dict(context or {})))

    def drop(self) -> None:
        """The form was saved or cancelled (the field's text stored): its draft goes."""
        self.drafts.drop()

    def recover(self) -> None:
        """A form left open by a crash opens again, with what was typed in it."""
        host = self.host
        draft = read_draft(host.document.path)
        if draft is None:
            return
        tr = host.tr
        if draft.kind in FORM_KINDS:
            kind: FormKind = next(k for k in FORM_KINDS if k == draft.kind)
            session = host.session
            known = {
                "goal": {g.id for g in session.goals},
                "persona": {p.id for p in session.personas},
                "phase": {p.id for p in session.phases},
                "touchpoint": {t.id for t in session.touchpoints},
            }[kind]
            target = draft.target if draft.target in known else None
            host.notify(tr("draft.recovered"), timeout=10)
            self.open_record(kind, target, phase=draft.phase, initial=draft.values)
            return
        if draft.kind == "parking":
            host.notify(tr("draft.recovered"), timeout=10)
            self.open_parking_lot(initial=draft.values.get("text", ""))
            return
        name = draft.kind.partition(".")[0]
        step = next((candidate for candidate in host.steps if candidate == name), None)
        if step is None:
            self._park(draft)
            return

        def reopen(view: StepView) -> None:
            if view.restore_draft(draft):
                host.notify(tr("draft.recovered"), timeout=10)
            else:
                self._park(draft)

        host.go_to(step, then=reopen)

    def _park(self, draft: Draft) -> None:
        """The text of a draft whose form cannot open again, kept in the parking lot."""
        host = self.host
        text = " · ".join(
            " ".join(value.split()) for value in draft.values.values() if value.strip()
        )
        self.drafts.drop()
        if not text:
            return
        tr = host.tr
        note = text if len(text) <= NAME_LENGTH else text[: NAME_LENGTH - 1] + "…"
        host.commit(add_parking_note(host.session, note), tr("edit.parking.add", name=note))
        host.notify(tr("draft.parked", text=note), severity="warning", timeout=15)
