"""The session shell: where the room is in the flow, what to ask, how much time is left.

The screen shows the session title and save status, the timebox of the current step, the list of
steps, the step itself and the facilitator panel with the questions for this step (and phase).
It owns the open ``SessionDocument``: steps post ``SessionEdited`` and the screen commits, saves
and hands the new session back to every step it has built. A step's view is built the first
time the step is shown, so opening a session draws one step, not eight. Undo and redo, the
parking lot, saving a copy elsewhere, every form (with its draft) and recovering an unsaved
form after a crash all live here.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.reactive import reactive
from textual.widgets import ContentSwitcher, Label, OptionList

from cjworkshop.model.edits import set_step_time
from cjworkshop.model.flow import flow_steps
from cjworkshop.model.session import Session, Step, StepTime
from cjworkshop.model.template import Template, template_phase
from cjworkshop.store.document import SessionDocument
from cjworkshop.store.errors import StoreError
from cjworkshop.store.templates import find_template
from cjworkshop.ui.autosave import Autosaver, SaveStatus
from cjworkshop.ui.commands import PaletteCommand
from cjworkshop.ui.screens.base import WorkshopScreen
from cjworkshop.ui.screens.session_forms import SessionForms
from cjworkshop.ui.steps.base import (
    DraftDone,
    DraftTyped,
    FormRequested,
    PhaseFocused,
    SessionEdited,
    StepView,
)
from cjworkshop.ui.steps.progress import SLOW_STEPS, step_counts
from cjworkshop.ui.steps.registry import view_class
from cjworkshop.ui.widgets.facilitator import FacilitatorPanel
from cjworkshop.ui.widgets.key_bar import KeyBar
from cjworkshop.ui.widgets.step_list import StepEntry, StepList
from cjworkshop.ui.widgets.text import TextLabel
from cjworkshop.ui.widgets.timebox import Timebox, clock_text

if TYPE_CHECKING:
    from cjworkshop.ui.forms import FormKind
    from cjworkshop.ui.modals.record_form import FormValues

EXTEND_SECONDS = 5 * 60
DEFAULT_MINUTES = 15
"""The timebox of a step that neither the template nor the session plans."""


class SessionScreen(WorkshopScreen):
    """One open session, step by step."""

    DEFAULT_CSS = (Path(__file__).parent / "session.tcss").read_text(encoding="utf-8")
    """The session's rules, added to the stylesheet on the screen's first use; unscoped, as
    written (the breakpoint classes sit on the screen itself)."""
    SCOPED_CSS = False

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "left_square_bracket", "step(-1)", "key.previous_step", show=False, id="step-previous"
        ),
        Binding("right_square_bracket", "step(1)", "key.next_step", id="step-next"),
        Binding("ctrl+z", "undo", "key.undo", id="undo"),
        Binding("ctrl+y", "redo", "key.redo", show=False, id="redo"),
        Binding("t", "timebox", "key.timebox", id="timebox"),
        Binding("plus", "timebox_extend", "key.timebox_extend", show=False, id="timebox-extend"),
        Binding("T", "timebox_reset", "key.timebox_reset", show=False, id="timebox-reset"),
        Binding("f", "toggle_panel", "key.panel", id="panel"),
        Binding("p", "parking_lot", "key.parking_lot", id="parking-lot"),
        Binding("ctrl+s", "save_as", "key.save_as", show=False, id="save-as"),
        Binding("ctrl+w", "close_session", "key.close_session", show=False, id="close"),
        Binding("ctrl+r", "start_revisit", "key.revisit", show=False, id="revisit"),
    ]

    session: reactive[Session] = reactive[Session](None, always_update=True, init=False)  # type: ignore[arg-type]
    """The session as committed; handed to every step view that has been built."""
    phase_id: reactive[str | None] = reactive[str | None](None, init=False)
    """The phase the current step is working in, for the facilitator panel."""

    def __init__(self, document: SessionDocument, step: Step | None = None) -> None:
        super().__init__()
        self.document = document
        self.set_reactive(SessionScreen.session, document.session)
        try:
            self.template: Template | None = find_template(document.session.template)
        except StoreError:
            self.template = None
        self.steps = flow_steps(document.session.mode)
        """The steps of this session's flow, in order."""
        self.views: dict[Step, StepView] = {}
        """The step views built so far: the first step, and every step shown since."""
        self.step: Step = step if step in self.steps else self.steps[0]
        """The step on screen: the one asked for when opening, else the first."""
        self.wanted_step: Step = self.step
        """The step last asked for; it is on screen once its view is built."""
        self.autosave: Autosaver | None = None
        self.forms = SessionForms(self)
        """Every form of the session, with the draft of the one open now."""
        self.timebox = Timebox(id="timebox")
        self._counts: tuple[Session, str, dict[Step, str]] | None = None

    # Layout -------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        with Horizontal(id="session-header"):
            yield TextLabel(id="session-title")
            yield TextLabel(id="save-status")
            yield self.timebox
        # Steps, content and panel side by side, straight on the screen: every container
        # between the focused widget and the screen is one more stop for every key.
        yield StepList(id="steps")
        with ContentSwitcher(id="content", initial=f"step-{self.step}"):
            yield self._build(self.step)
        yield FacilitatorPanel(id="panel")
        yield KeyBar(id="keys")

    def on_mount(self) -> None:
        app = self.workshop
        self.autosave = Autosaver(
            self, self.document, lambda: app.tr, app.clock, self._show_status, app.timers(self)
        )
        self.forms.drafts.timers = app.timers(self)
        self.timebox.timers = app.timers(self.timebox)
        self.timebox.on_time_up = self._time_up
        self.query_one("#session-title", Label).update(Text(self.session.title, style="bold"))
        # On a narrow terminal the step itself needs the room; the panel is one key away.
        self.query_one(FacilitatorPanel).display = self.app.size.width >= 100
        self._show_status(self.autosave.status())
        self._switch(self.step, initial=True)
        self.call_after_refresh(self.forms.recover)

    # Steps --------------------------------------------------------------------------------

    def _build(self, step: Step) -> StepView:
        view = view_class(step)()
        view.set_reactive(StepView.session, self.session)
        self.views[step] = view
        return view

    def watch_session(self, session: Session) -> None:
        for view in self.views.values():
            if view.is_mounted:
                view.session = session

    def go_to(self, step: Step, then: Callable[[StepView], None] | None = None) -> None:
        """Show a step, building its view the first time; then call ``then`` with the view."""
        if step not in self.steps:
            return
        self.wanted_step = step
        self.call_later(self._show_step, step, then)

    async def _show_step(self, step: Step, then: Callable[[StepView], None] | None) -> None:
        # Requests run one after another on this screen, so a view is never built twice.
        view = self.views.get(step)
        if view is None:
            view = self._build(step)
            # Added hidden: a step asked for and then passed by must not show under the next.
            await self.query_one("#content", ContentSwitcher).add_content(view)
        if step != self.wanted_step:
            return  # asked for another step meanwhile; this one is ready for when it is wanted
        self._switch(step)
        if then is not None:
            then(view)

    def _switch(self, step: Step, *, initial: bool = False) -> None:
        old, self.step = self.step, step
        if old != step:
            self._record_time(old)
        self.query_one("#content", ContentSwitcher).current = f"step-{step}"
        self.views[step].activate()
        if initial or old != step:
            self._load_timebox(step)
            self._show_steps()
            self._show_guide()

    def _step_counts(self) -> dict[Step, str]:
        """What the step list says of every step; worked out once per edit, not per switch.

        The counts that rank the whole roadmap are worked out after the screen is drawn, so
        an edit shows at once; until then the list keeps what it said before.
        """
        session, language = self.session, self.workshop.language
        if self._counts is None or self._counts[0] is not session or self._counts[1] != language:
            before = self._counts[2] if self._counts is not None else {}
            quick = [step for step in self.steps if step not in SLOW_STEPS]
            counts = step_counts(quick, session, self.workshop.tr, self.template)
            counts.update({step: before.get(step, "") for step in self.steps if step not in counts})
            self._counts = (session, language, counts)
            self.call_after_refresh(self._count_slow_steps, session, language)
        return self._counts[2]

    def _count_slow_steps(self, session: Session, language: str) -> None:
        if self._counts is None or self._counts[0] is not session or self._counts[1] != language:
            return  # edited again meanwhile: that edit asked for its own counts
        slow = [step for step in self.steps if step in SLOW_STEPS]
        self._counts[2].update(step_counts(slow, session, self.workshop.tr, self.template))
        self._show_steps()

    def _show_steps(self) -> None:
        tr = self.workshop.tr
        mode = self.session.mode
        counts = self._step_counts()
        entries = []
        for step in self.steps:
            divider = (
                tr("steps.deeper") if mode == "self-assessment" and step == "touchpoints" else None
            )
            entries.append(StepEntry(step, tr(f"step.{step}"), counts[step], True, divider))
        self.query_one(StepList).show(entries, self.step)

    @on(OptionList.OptionSelected, "#steps")
    def _step_chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id is not None:
            self.go_to(event.option.id)  # type: ignore[arg-type]

    def action_step(self, offset: int) -> None:
        steps = self.steps
        if self.wanted_step not in steps:
            return
        position = steps.index(self.wanted_step) + offset
        if 0 <= position < len(steps):
            self.go_to(steps[position])

    # Editing ------------------------------------------------------------------------------

    @on(SessionEdited)
    def _edited(self, event: SessionEdited) -> None:
        event.stop()
        self.commit(event.session, event.label, select=event.select)

    def commit(self, session: Session, label: str, *, select: str | None = None) -> None:
        if self.document.commit(session, label):
            self._changed()
            if select is not None:
                self.call_after_refresh(self._select_in_current_step, select)

    def _changed(self) -> None:
        self.session = self.document.session
        self._show_steps()
        self._show_guide()
        if self.autosave is not None:
            self.autosave.request()

    def action_undo(self) -> None:
        label = self.document.undo()
        tr = self.workshop.tr
        if label is None:
            self.notify(tr("undo.nothing"))
            return
        self._changed()
        self.notify(tr("undo.done", what=label), timeout=3)

    def action_redo(self) -> None:
        label = self.document.redo()
        tr = self.workshop.tr
        if label is None:
            self.notify(tr("redo.nothing"))
            return
        self._changed()
        self.notify(tr("redo.done", what=label), timeout=3)

    def notify_undoable(self, message: str) -> None:
        self.notify(self.workshop.tr("done.undo_hint", message=message), timeout=5)

    def confirm(
        self,
        question: str,
        yes: str,
        answered: Callable[[bool | None], None],
        *,
        danger: bool = True,
    ) -> None:
        from cjworkshop.ui.modals.confirm import ConfirmModal

        tr = self.workshop.tr
        self.app.push_screen(
            ConfirmModal(question, yes, tr("button.cancel"), danger=danger), answered
        )

    def open_form(
        self,
        kind: FormKind,
        target: str | None,
        *,
        phase: str | None = None,
        initial: FormValues | None = None,
    ) -> None:
        """Open the form for a record; saving it commits the edit, typing keeps a draft."""
        self.forms.open_record(kind, target, phase=phase, initial=initial)

    @on(FormRequested)
    def _form_requested(self, event: FormRequested) -> None:
        event.stop()
        self.forms.open(event.request)

    @on(DraftTyped)
    def _draft_typed(self, event: DraftTyped) -> None:
        event.stop()
        self.forms.keep(event.kind, event.values, context=event.context)

    @on(DraftDone)
    def _draft_done(self, event: DraftDone) -> None:
        event.stop()
        self.forms.drop()

    def _select_in_current_step(self, record_id: str) -> None:
        self.views[self.step].select_record(record_id)

    # Facilitator panel ----------------------------------------------------------------------

    @on(PhaseFocused)
    def _phase_focused(self, event: PhaseFocused) -> None:
        event.stop()
        self.phase_id = event.phase_id

    def watch_phase_id(self) -> None:
        self._show_guide()

    def _show_guide(self) -> None:
        tr, language = self.workshop.tr, self.session.language
        guide = self.template.steps.get(self.step) if self.template else None
        questions = list(guide.questions(language)) if guide and guide.questions else []
        questions = questions or tr.items(f"guide.{self.step}.questions")
        phase_name: str | None = None
        phase_text = ""
        phase_questions: tuple[str, ...] = ()
        if self.phase_id is not None and self.step in ("touchpoints", "plotting", "assessment"):
            phase = next((p for p in self.session.phases if p.id == self.phase_id), None)
            if phase is not None:
                phase_name = tr("guide.phase", phase=phase.name)
                phase_text = phase.description
                advice = template_phase(self.template, phase.id)
                phase_questions = advice.questions(language) if advice else ()
        self.query_one(FacilitatorPanel).show(
            tr("guide.title", step=tr(f"step.{self.step}")),
            questions,
            phase_name,
            phase_text,
            phase_questions,
            tuple(tr.items(f"guide.{self.step}.tips")),
        )

    def action_toggle_panel(self) -> None:
        panel = self.query_one(FacilitatorPanel)
        panel.display = not panel.display

    # Timebox ------------------------------------------------------------------------------

    def _load_timebox(self, step: Step) -> None:
        times = self.session.timebox.get(step, StepTime())
        planned = (times.planned_minutes or 0) * 60
        self.timebox.load(planned, times.used_seconds)

    def planned_minutes(self, step: Step) -> int:
        """The step's own timebox: what the session's template plans for it, else what the
        session records, else a quarter of an hour.

        The template comes first because the session records the plan as the room extended it
        (+ five minutes, kept across a restart); a session whose template is not known has
        only that record to go by.
        """
        guide = self.template.steps.get(step) if self.template else None
        if guide is not None:
            return guide.minutes
        recorded = self.session.timebox.get(step)
        if recorded is not None and recorded.planned_minutes:
            return recorded.planned_minutes
        return DEFAULT_MINUTES

    def _record_time(self, step: Step, *, save: bool = True) -> None:
        """Stop the clock and keep the time used in the session (not an undoable edit)."""
        timebox = self.timebox
        used = timebox.pause()
        times = self.session.timebox.get(step, StepTime())
        planned = timebox.planned_seconds // 60 or times.planned_minutes
        updated = StepTime(planned_minutes=planned, used_seconds=used)
        if updated != times:
            self.document.record(set_step_time(self.session, step, updated))
            if save:
                self.session = self.document.session
                if self.autosave is not None:
                    self.autosave.request()

    def action_timebox(self) -> None:
        timebox = self.timebox
        if timebox.planned_seconds <= 0:
            timebox.planned_seconds = self.planned_minutes(self.step) * 60
        if timebox.running:
            self._record_time(self.step)
        else:
            timebox.start()

    def action_timebox_extend(self) -> None:
        timebox = self.timebox
        timebox.extend(EXTEND_SECONDS)
        running = timebox.running
        self._record_time(self.step)
        if running:
            timebox.start()
        self.notify(self.workshop.tr("timebox.extended", minutes=EXTEND_SECONDS // 60), timeout=3)

    def action_timebox_reset(self) -> None:
        """Start the step's timebox over: its own planned time, nothing used."""
        planned = self.planned_minutes(self.step) * 60
        self.timebox.reset(planned)
        self._record_time(self.step)
        self.notify(self.workshop.tr("timebox.reset", time=clock_text(planned)), timeout=3)

    def _time_up(self) -> None:
        tr = self.workshop.tr
        self.app.bell()
        self.notify(tr("timebox.up", step=tr(f"step.{self.step}")), severity="warning", timeout=8)

    # Saving -------------------------------------------------------------------------------

    def _show_status(self, status: SaveStatus) -> None:
        tr = self.workshop.tr
        label = self.query_one("#save-status", Label)
        label.set_class(status.state in ("failed", "read-only"), "-warning")
        label.set_class(bool(status.moved), "-moved")
        if status.state == "saved" and status.at is not None:
            text = tr("save.saved", time=status.at.astimezone().strftime("%H:%M:%S"))
        elif status.state == "failed":
            text = tr("save.failed", reason=status.message)
        else:
            text = tr(f"save.{status.state}")
        label.update(f"{text} {status.moved}" if status.moved else text)

    def action_save_as(self) -> None:
        from cjworkshop.ui.modals.save_as import SaveAsModal

        def chosen(target: Path | None) -> None:
            if target is None:
                return
            try:
                self.document.save_as(target)
            except StoreError as error:
                self.notify(error.render(self.workshop.tr), severity="error", timeout=12)
                return
            self.notify(self.workshop.tr("save.saved_as", path=str(target)))
            if self.autosave is not None:
                self._show_status(self.autosave.status())

        self.app.push_screen(SaveAsModal(self.document.path), chosen)

    def action_start_revisit(self) -> None:
        """Ask, then continue in a new dated copy of this session; this version stays as it is."""
        from cjworkshop.store.revisit import revisit_path, start_revisit

        tr = self.workshop.tr
        if self.document.read_only:
            self.notify(tr("revisit.read_only"), severity="warning")
            return
        path = self.document.path
        target = revisit_path(path, self.workshop.clock().date())

        def answered(yes: bool | None) -> None:
            if not yes:
                return
            self._record_time(self.step)
            self.document.save()
            try:
                written = start_revisit(path, self.document.session, self.workshop.clock())
            except StoreError as error:
                self.notify(error.render(tr), severity="error", timeout=12)
                return
            self.workshop.replace_session(written)
            self.workshop.notify(tr("revisit.started", old=path.name, new=written.name))

        self.confirm(
            tr("revisit.question", old=path.name, new=target.name),
            tr("button.revisit"),
            answered,
            danger=False,
        )

    def action_parking_lot(self, initial: str = "") -> None:
        from cjworkshop.ui.modals.parking_lot import ParkingLotModal

        def typed(text: str) -> None:
            if text.strip():
                self.forms.keep("parking", {"text": text})
            else:
                self.forms.drop()

        def closed(_: None) -> None:
            self.forms.drop()

        self.app.push_screen(ParkingLotModal(self, on_type=typed, initial=initial), closed)

    def action_close_session(self) -> None:
        self._record_time(self.step)
        self.workshop.close_session()

    def on_unmount(self) -> None:
        # Leaving the screen (closing the session, quitting, the app shutting down) writes what
        # is pending and releases the lock, on this thread: there is no later to do it in.
        self._record_time(self.step, save=False)
        self.document.close()

    # Command palette ------------------------------------------------------------------------

    def palette_commands(self) -> list[PaletteCommand]:
        tr = self.workshop.tr
        commands = [
            PaletteCommand(
                tr("cmd.step", step=tr(f"step.{step}")),
                tr("cmdhelp.step"),
                partial(self.go_to, step),
            )
            for step in self.steps
        ]
        commands += [
            PaletteCommand(tr("cmd.undo"), tr("cmdhelp.undo"), self.action_undo),
            PaletteCommand(tr("cmd.redo"), tr("cmdhelp.redo"), self.action_redo),
            PaletteCommand(tr("cmd.save_as"), tr("cmdhelp.save_as"), self.action_save_as),
            PaletteCommand(
                tr("cmd.parking_lot"), tr("cmdhelp.parking_lot"), self.action_parking_lot
            ),
            PaletteCommand(tr("cmd.timebox"), tr("cmdhelp.timebox"), self.action_timebox),
            PaletteCommand(
                tr("cmd.timebox_extend"), tr("cmdhelp.timebox_extend"), self.action_timebox_extend
            ),
            PaletteCommand(
                tr("cmd.timebox_reset"), tr("cmdhelp.timebox_reset"), self.action_timebox_reset
            ),
            PaletteCommand(tr("cmd.panel"), tr("cmdhelp.panel"), self.action_toggle_panel),
            PaletteCommand(tr("cmd.revisit"), tr("cmdhelp.revisit"), self.action_start_revisit),
            PaletteCommand(tr("cmd.close"), tr("cmdhelp.close"), self.action_close_session),
        ]
        return commands
