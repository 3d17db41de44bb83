"""The session shell: where the room is in the flow, what to ask, how much time is left.

The screen shows the session title and save status, the timebox of the current step, the list of
steps, the step itself and the facilitator panel with the questions for this step (and phase).
The app opens the session's ``SessionDocument`` and hands it over; the screen edits it: steps
post ``SessionEdited`` and the screen commits, saves and hands the new session back to every
step it has built. A step's view is built the first time the step is shown, so opening a session
draws one step, not eight. Steps ask the screen with messages for everything they do not own
(``steps.base``): every form (with its draft, ``session_forms``), a question first, another
step, the roadmap written out. Undo and redo, the parking lot, the facilitator's guide and the
timebox (``step_timer``) live here; saving a copy, a revisit and the export in ``session_files``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.reactive import reactive
from textual.widgets import ContentSwitcher, Label, OptionList

from cjworkshop.export.facilitator_guide import GuideFor, facilitator_guide
from cjworkshop.i18n import Translator
from cjworkshop.model.flow import flow_steps
from cjworkshop.model.session import Session, Step
from cjworkshop.model.template import Template
from cjworkshop.store.document import SessionDocument
from cjworkshop.store.drafts import draft_path
from cjworkshop.store.errors import StoreError
from cjworkshop.store.templates import find_template
from cjworkshop.ui.autosave import Autosaver, SaveStatus
from cjworkshop.ui.commands import PaletteCommand
from cjworkshop.ui.drafts import DraftKeeper
from cjworkshop.ui.modals.confirm import ConfirmModal
from cjworkshop.ui.modals.guide import GuideModal
from cjworkshop.ui.scheduler import Timers
from cjworkshop.ui.screens.base import (
    PresentationThemeRequested,
    SessionCloseRequested,
    WorkshopScreen,
)
from cjworkshop.ui.screens.room_link import RoomLink
from cjworkshop.ui.screens.session_files import SessionFiles
from cjworkshop.ui.screens.session_forms import SessionForms
from cjworkshop.ui.screens.step_timer import EXTEND_SECONDS, StepTimer
from cjworkshop.ui.steps.base import (
    ConfirmRequested,
    DraftDone,
    DraftTyped,
    ExportRequested,
    FormRequested,
    PhaseFocused,
    PresentationToggled,
    RecordFormRequested,
    SessionEdited,
    StepContext,
    StepRequested,
    StepView,
)
from cjworkshop.ui.steps.progress import StepProgress
from cjworkshop.ui.steps.registry import view_class
from cjworkshop.ui.widgets.facilitator import FacilitatorPanel
from cjworkshop.ui.widgets.key_bar import KeyBar
from cjworkshop.ui.widgets.step_list import StepEntry, StepList, step_name
from cjworkshop.ui.widgets.text import TextLabel
from cjworkshop.ui.widgets.timebox import Timebox, clock_text

PANEL_FROM = 120
"""The narrowest terminal that shows the facilitator panel unless asked: below it the step
itself needs the room (the journey grid its personas, the tables their columns)."""


class SessionScreen(WorkshopScreen):
    """One open session, step by step."""

    DEFAULT_CSS = (Path(__file__).parent / "session.tcss").read_text(encoding="utf-8")
    """The session's rules, added to the stylesheet on the screen's first use; unscoped, as
    written (the breakpoint classes sit on the screen itself)."""
    SCOPED_CSS = False

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("left_square_bracket", "step(-1)", "key.previous_step", show=False),
        Binding("right_square_bracket", "step(1)", "key.next_step"),
        Binding("G", "guide", "key.guide"),
        Binding("ctrl+z", "undo", "key.undo"),
        Binding("ctrl+y", "redo", "key.redo", show=False),
        Binding("t", "timebox", "key.timebox"),
        Binding("plus", "timebox_extend", "key.timebox_extend", show=False),
        Binding("T", "timebox_reset", "key.timebox_reset", show=False),
        Binding("f", "toggle_panel", "key.panel"),
        Binding("p", "parking_lot", "key.parking_lot"),
        Binding("R", "room", "key.room", show=False),
        Binding("ctrl+s", "save_as", "key.save_as", show=False),
        Binding("ctrl+w", "close_session", "key.close_session", show=False),
        Binding("ctrl+r", "start_revisit", "key.revisit", show=False),
    ]

    session: reactive[Session] = reactive[Session](None, always_update=True, init=False)  # type: ignore[arg-type]
    """The session as committed; handed to every step view that has been built."""
    phase_id: reactive[str | None] = reactive[str | None](None, init=False)
    """The phase the current step is working in, for the facilitator panel."""

    def __init__(
        self,
        document: SessionDocument,
        tr: Translator,
        *,
        step: Step | None = None,
        clock: Callable[[], dt.datetime],
        timers: Timers,
    ) -> None:
        super().__init__(tr)
        self.document = document
        """The open session, as the app opened it: edited here, closed by the app."""
        self.clock = clock
        self.timers = timers
        """How the autosave, the drafts and the timebox wait (``ui.scheduler``)."""
        self.set_reactive(SessionScreen.session, document.session)
        try:
            self.template: Template | None = find_template(document.session.template)
        except StoreError:
            self.template = None
        self.steps = flow_steps(document.session.mode)
        """The steps of this session's flow, in order."""
        self.context = StepContext(tr, self.template, clock, commit=self._commit_edit)
        """What every step view is built with."""
        self.views: dict[Step, StepView] = {}
        """The step views built so far: the first step, and every step shown since."""
        self.step: Step = step if step in self.steps else self.steps[0]
        """The step on screen: the one asked for when opening, else the first."""
        self.wanted_step: Step = self.step
        """The step last asked for; it is on screen once its view is built."""
        self.autosave: Autosaver | None = None
        drafts = DraftKeeper(
            self,
            lambda: draft_path(self.document.path),
            lambda: self.document.path,
            timers(self),
        )
        self.forms = SessionForms(self, drafts)
        """Every form of the session, with the draft of the one open now."""
        self.files = SessionFiles(self)
        self.room = RoomLink(self)
        """The room participants join from their phones, once R starts it."""
        """Saving a copy, starting a revisit, writing the roadmap out."""
        self.timebox = Timebox(id="timebox")
        self.timebox.timers = timers(self.timebox)
        # An owner alone has no room to keep to time: the countdown shows once they ask (t).
        self.timebox.display = document.session.mode != "self-assessment"
        self.timer = StepTimer(self.timebox, document, self.template, self._time_recorded)
        self.progress = StepProgress(self.steps, tr, self.template)
        """What the step list says of every step."""
        self.shown_before_presentation: tuple[bool, bool, bool] | None = None
        """Whether the step list, the panel and the header were shown before a presentation
        hid them."""
        self.panel_chosen = False
        """True once the user showed or hid the facilitator panel (``f``): from then on it
        stays as they chose, whatever the terminal's size."""

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
        self.autosave = Autosaver(
            self, self.document, lambda: self.tr, self.clock, self.show_status, self.timers(self)
        )
        self.timebox.on_time_up = self._time_up
        self.query_one("#session-title", Label).update(Text(self.session.title, style="bold"))
        self._panel_for_width(self.app.size.width)
        self.show_status(self.autosave.status())
        self._switch(self.step, initial=True)
        self.call_after_refresh(self.forms.recover)
        waiting = self.room.waiting_from_before()
        if waiting:
            self.notify(self.tr.count("room.app.waiting_again", waiting), timeout=8)

    # Steps --------------------------------------------------------------------------------

    def _build(self, step: Step) -> StepView:
        view = view_class(step)(self.context)
        view.session_path = self.document.path
        view.set_reactive(StepView.session, self.session)
        self.views[step] = view
        return view

    def watch_session(self, session: Session) -> None:
        for view in self.views.values():
            if view.is_mounted:
                view.session_path = self.document.path
                view.session = session

    def go_to(self, step: Step, then: Callable[[StepView], None] | None = None) -> None:
        """Show a step, building its view the first time; then call ``then`` with the view."""
        if step not in self.steps:
            return
        self.wanted_step = step
        self.call_later(self._show_step, step, then)

    @on(StepRequested)
    def _step_requested(self, event: StepRequested) -> None:
        event.stop()
        self.go_to(event.step, event.then)

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
            self.timer.record(old)
            if old in self.views:
                self.views[old].leave()
        self.query_one("#content", ContentSwitcher).current = f"step-{step}"
        self.views[step].activate()
        if initial or old != step:
            self.timer.load(step)
            self._show_steps()
            self._show_guide()

    def _count_slow_steps(self, session: Session) -> None:
        if self.progress.count_slow_steps(session):
            self._show_steps()

    def _show_steps(self) -> None:
        tr = self.tr
        mode = self.session.mode
        counts, slow_to_count = self.progress.counts(self.session)
        if slow_to_count:
            # Worked out after the screen is drawn, so an edit shows at once.
            self.call_after_refresh(self._count_slow_steps, self.session)
        entries = []
        for step in self.steps:
            divider = (
                tr("steps.deeper") if mode == "self-assessment" and step == "touchpoints" else None
            )
            entries.append(StepEntry(step, step_name(tr, step, mode), counts[step], True, divider))
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

    def _commit_edit(self, session: Session, label: str, select: str | None) -> None:
        self.commit(session, label, select=select)

    def commit(self, session: Session, label: str, *, select: str | None = None) -> None:
        if self.document.commit(session, label):
            self._changed()
            if select is not None:
                # At once, so the next key already acts on that record; and once more after
                # the redraw, which scrolls it into view.
                self._select_in_current_step(select)
                self.call_after_refresh(self._select_in_current_step, select)

    def _changed(self) -> None:
        self.session = self.document.session
        self._show_steps()
        self._show_guide()
        if self.autosave is not None:
            self.autosave.request()

    def action_undo(self) -> None:
        label = self.document.undo()
        if label is None:
            self.notify(self.tr("undo.nothing"))
            return
        self._changed()
        self.notify(self.tr("undo.done", what=label), timeout=3)

    def action_redo(self) -> None:
        label = self.document.redo()
        if label is None:
            self.notify(self.tr("redo.nothing"))
            return
        self._changed()
        self.notify(self.tr("redo.done", what=label), timeout=3)

    @on(ConfirmRequested)
    def _confirm_requested(self, event: ConfirmRequested) -> None:
        event.stop()
        self.confirm(event.question, event.yes, event.answered, danger=event.danger)
        event.shown.set()

    def confirm(
        self, question: str, yes: str, answered: Callable[[bool], None], *, danger: bool
    ) -> None:
        """Ask a yes/no question; ``answered`` gets False when it is dismissed."""
        tr = self.tr
        self.app.push_screen(
            ConfirmModal(tr, question, yes, tr("button.cancel"), danger=danger),
            lambda answer: answered(bool(answer)),
        )

    @on(RecordFormRequested)
    def _record_form_requested(self, event: RecordFormRequested) -> None:
        event.stop()
        self.forms.open_record(event.kind, event.target, phase=event.phase)
        event.shown.set()

    @on(FormRequested)
    def _form_requested(self, event: FormRequested) -> None:
        event.stop()
        self.forms.open(event.request)
        event.shown.set()

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
        panel = self.query_one(FacilitatorPanel)
        panel.show_guide(self.tr, self.template, self.session, self.step, self.phase_id)

    @on(PresentationToggled)
    def _presentation(self, event: PresentationToggled) -> None:
        """The step alone on the screen, in the high-contrast theme, and back as it was."""
        event.stop()
        steps, panel = self.query_one(StepList), self.query_one(FacilitatorPanel)
        header = self.query_one("#session-header")
        if event.on:
            self.shown_before_presentation = (steps.display, panel.display, header.display)
            steps.display = panel.display = header.display = False
        elif self.shown_before_presentation is not None:
            steps.display, panel.display, header.display = self.shown_before_presentation
            self.shown_before_presentation = None
        self.set_class(event.on, "-presenting")
        self.post_message(PresentationThemeRequested(event.on))

    def action_guide(self) -> None:
        """The facilitator's guide, fitted to this session, open at the step on screen."""
        pages = facilitator_guide(self.tr, GuideFor(self.template, self.session))
        self.app.push_screen(GuideModal(self.tr, pages, self.step))

    def action_toggle_panel(self) -> None:
        panel = self.query_one(FacilitatorPanel)
        panel.display = not panel.display
        self.panel_chosen = True

    def on_resize(self, event: events.Resize) -> None:
        self._panel_for_width(event.size.width)

    def _panel_for_width(self, width: int) -> None:
        """On a narrow terminal the step itself needs the room; the panel is one key away."""
        if not self.panel_chosen:
            self.query_one(FacilitatorPanel).display = width >= PANEL_FROM

    # Timebox ------------------------------------------------------------------------------

    def _time_recorded(self) -> None:
        self.session = self.document.session
        if self.autosave is not None:
            self.autosave.request()

    def action_timebox(self) -> None:
        self.timebox.display = True
        self.timer.start_or_pause(self.step)

    def action_timebox_extend(self) -> None:
        self.timebox.display = True
        self.timer.extend(self.step)
        self.notify(self.tr("timebox.extended", minutes=EXTEND_SECONDS // 60), timeout=3)

    def action_timebox_reset(self) -> None:
        """Start the step's timebox over: its own planned time, nothing used."""
        self.timebox.display = True
        planned = self.timer.reset(self.step)
        self.notify(self.tr("timebox.reset", time=clock_text(planned)), timeout=3)

    def _time_up(self) -> None:
        tr = self.tr
        self.app.bell()
        step = step_name(tr, self.step, self.session.mode)
        self.notify(tr("timebox.up", step=step), severity="warning", timeout=8)

    # Saving -------------------------------------------------------------------------------

    def show_status(self, status: SaveStatus) -> None:
        """What the header says of the disk; a session that went on in another file (a
        conflict copy) is shown there to the steps too."""
        tr = self.tr
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
        for view in self.views.values():
            view.session_path = self.document.path

    def action_save_as(self) -> None:
        self.files.save_as()

    def action_start_revisit(self) -> None:
        """Ask, then continue in a new dated copy of this session; this version stays as it is."""
        self.files.start_revisit()

    @on(ExportRequested)
    def _export_requested(self, event: ExportRequested) -> None:
        event.stop()
        self.run_worker(self.files.export_document(event.document), exclusive=True, group="export")

    def action_parking_lot(self) -> None:
        self.forms.open_parking_lot()

    def action_room(self) -> None:
        self.run_worker(self.room.open(), group="room", exclusive=True)

    # Leaving --------------------------------------------------------------------------------

    def action_close_session(self) -> None:
        self.post_message(SessionCloseRequested())

    def on_unmount(self) -> None:
        # Leaving the screen (closing the session, a revisit, quitting) stops the clock; the
        # app closes the session after this screen is gone, and writes this time with the rest.
        self.timer.record(self.step, save=False)
        self.room.leave()

    # Command palette ------------------------------------------------------------------------

    def palette_commands(self) -> list[PaletteCommand]:
        tr = self.tr
        commands = [
            PaletteCommand(
                tr("cmd.step", step=step_name(tr, step, self.session.mode)),
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
            PaletteCommand(tr("cmd.room"), tr("cmdhelp.room"), self.action_room),
            PaletteCommand(tr("cmd.timebox"), tr("cmdhelp.timebox"), self.action_timebox),
            PaletteCommand(
                tr("cmd.timebox_extend"), tr("cmdhelp.timebox_extend"), self.action_timebox_extend
            ),
            PaletteCommand(
                tr("cmd.timebox_reset"), tr("cmdhelp.timebox_reset"), self.action_timebox_reset
            ),
            PaletteCommand(tr("cmd.panel"), tr("cmdhelp.panel"), self.action_toggle_panel),
            PaletteCommand(tr("cmd.guide"), tr("cmdhelp.guide"), self.action_guide),
            PaletteCommand(tr("cmd.revisit"), tr("cmdhelp.revisit"), self.action_start_revisit),
            PaletteCommand(tr("cmd.close"), tr("cmdhelp.close"), self.action_close_session),
        ]
        return commands
