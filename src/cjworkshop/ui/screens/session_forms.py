"""Every form of an open session: opened when asked for, its draft kept, found again after a crash.

Goals, personas, phases and touchpoints have their forms here (``ui.forms`` describes them); a
step asks for its own forms with ``FormRequested`` and the session screen hands the request
here. Whatever the form, what is typed in it is kept as a draft beside the session file while
it is open (``ui.drafts``), and when a session opens with a draft left by a crash, the form
opens again where it was: at its record, or in its step (``StepView.restore_draft``). A draft
whose form cannot open again, because what it was about is gone, goes to the parking lot.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from cjworkshop.model.session import NAME_LENGTH
from cjworkshop.store.drafts import Draft, draft_path, read_draft
from cjworkshop.ui.drafts import DraftKeeper
from cjworkshop.ui.steps.base import FormRequest, StepView

if TYPE_CHECKING:
    from cjworkshop.ui.forms import FormKind
    from cjworkshop.ui.modals.record_form import FormField, FormValues
    from cjworkshop.ui.screens.session import SessionScreen


class SessionForms:
    """The forms of one session screen and the draft of the one that is open."""

    def __init__(self, screen: SessionScreen) -> None:
        self.screen = screen
        self.drafts = DraftKeeper(
            screen, lambda: draft_path(screen.document.path), lambda: screen.document.path
        )

    def open_record(
        self,
        kind: FormKind,
        target: str | None,
        *,
        phase: str | None = None,
        initial: FormValues | None = None,
    ) -> None:
        """The form of a goal, persona, phase or touchpoint: new (``target`` None) or existing."""
        screen = self.screen
        tr = screen.workshop.tr
        if kind == "touchpoint" and not screen.session.phases:
            screen.notify(tr("touchpoints.no_phases"), severity="warning")
            return
        # Forms are loaded when one is first opened, not with the session.
        from cjworkshop.ui.forms import apply_form, form_fields

        title, fields = form_fields(kind, tr, screen.session, target, phase)

        def saved(values: FormValues) -> None:
            edit = apply_form(kind, tr, screen.session, target, values)
            screen.commit(edit.session, edit.label, select=edit.record_id)

        self._push(kind, title, fields, saved, target=target, phase=phase, initial=initial)

    def open(self, request: FormRequest) -> None:
        """A form a step asked for."""
        self._push(
            request.kind,
            request.title,
            request.fields,
            request.saved,
            context=request.context,
            initial=request.initial,
        )

    def _push(
        self,
        kind: str,
        title: str,
        fields: list[FormField],
        saved: Callable[[FormValues], None],
        *,
        target: str | None = None,
        phase: str | None = None,
        context: dict[str, str] | None = None,
        initial: FormValues | None = None,
    ) -> None:
        from cjworkshop.ui.modals.record_form import RecordForm

        where = dict(context or {})

        def changed(values: FormValues) -> None:
            self.keep(kind, values, target=target, phase=phase, context=where)

        def done(values: FormValues | None) -> None:
            self.drafts.drop()
            if values is not None:
                saved(values)

        form = RecordForm(title, fields, on_change=changed, initial=initial)
        self.screen.app.push_screen(form, done)

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
        when = self.screen.workshop.clock()
        self.drafts.keep(Draft(kind, target, phase, dict(values), when, dict(context or {})))

    def drop(self) -> None:
        """The form was saved or cancelled (the field's text stored): its draft goes."""
        self.drafts.drop()

    def recover(self) -> None:
        """A form left open by a crash opens again, with what was typed in it."""
        screen = self.screen
        draft = read_draft(screen.document.path)
        if draft is None:
            return
        from cjworkshop.ui.forms import FORM_KINDS

        tr = screen.workshop.tr
        if draft.kind in FORM_KINDS:
            kind: FormKind = next(k for k in FORM_KINDS if k == draft.kind)
            session = screen.session
            known = {
                "goal": {g.id for g in session.goals},
                "persona": {p.id for p in session.personas},
                "phase": {p.id for p in session.phases},
                "touchpoint": {t.id for t in session.touchpoints},
            }[kind]
            target = draft.target if draft.target in known else None
            screen.notify(tr("draft.recovered"), timeout=10)
            self.open_record(kind, target, phase=draft.phase, initial=draft.values)
            return
        if draft.kind == "parking":
            screen.notify(tr("draft.recovered"), timeout=10)
            screen.action_parking_lot(initial=draft.values.get("text", ""))
            return
        name = draft.kind.partition(".")[0]
        step = next((candidate for candidate in screen.steps if candidate == name), None)
        if step is None:
            self._park(draft)
            return

        def reopen(view: StepView) -> None:
            if view.restore_draft(draft):
                screen.notify(tr("draft.recovered"), timeout=10)
            else:
                self._park(draft)

        screen.go_to(step, then=reopen)

    def _park(self, draft: Draft) -> None:
        """The text of a draft whose form cannot open again, kept in the parking lot."""
        from cjworkshop.model.edits import add_parking_note

        screen = self.screen
        text = " · ".join(
            " ".join(value.split()) for value in draft.values.values() if value.strip()
        )
        self.drafts.drop()
        if not text:
            return
        tr = screen.workshop.tr
        note = text if len(text) <= NAME_LENGTH else text[: NAME_LENGTH - 1] + "…"
        screen.commit(add_parking_note(screen.session, note), tr("edit.parking.add", name=note))
        screen.notify(tr("draft.parked", text=note), severity="warning", timeout=15)
