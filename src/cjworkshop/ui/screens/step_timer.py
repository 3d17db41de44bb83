"""The timebox of the step on screen, and the time each step has used, kept in the session.

The session screen's header shows a ``Timebox``; this keeps it on the step the room is in: it
loads the step's planned and used time when the step comes on screen, and when the clock stops
(a pause, another step, closing) it records the time used in the session, as bookkeeping that
undo leaves alone. The plan comes from the template first: the session records the plan as the
room extended it (+ five minutes, kept across a restart), so starting over goes back to the
template's time; a session whose template is not known has only its own record to go by.
"""

from __future__ import annotations

from collections.abc import Callable

from cjworkshop.model.edits import set_step_time
from cjworkshop.model.session import Session, Step, StepTime
from cjworkshop.model.template import Template
from cjworkshop.store.document import SessionDocument
from cjworkshop.ui.widgets.timebox import Timebox

EXTEND_SECONDS = 5 * 60
DEFAULT_MINUTES = 15
"""The timebox of a step that neither the template nor the session plans."""


class StepTimer:
    """Keeps the header's timebox on the step on screen and records the time it used."""

    def __init__(
        self,
        timebox: Timebox,
        document: SessionDocument,
        template: Template | None,
        recorded: Callable[[], None],
    ) -> None:
        self.timebox = timebox
        self.document = document
        self.template = template
        self.recorded = recorded
        """Called after time used was recorded in the session, to show and save it."""

    @property
    def session(self) -> Session:
        return self.document.session

    def load(self, step: Step) -> None:
        """Show ``step``'s timebox, stopped, with the time it used before."""
        times = self.session.timebox.get(step, StepTime())
        planned = (times.planned_minutes or 0) * 60
        self.timebox.load(planned, times.used_seconds)

    def planned_minutes(self, step: Step) -> int:
        """The step's own timebox: what the template plans for it, else what the session
        records, else a quarter of an hour."""
        guide = self.template.steps.get(step) if self.template else None
        if guide is not None:
            return guide.minutes
        recorded = self.session.timebox.get(step)
        if recorded is not None and recorded.planned_minutes:
            return recorded.planned_minutes
        return DEFAULT_MINUTES

    def record(self, step: Step, *, save: bool = True) -> None:
        """Stop the clock and keep the time used in the session (not an undoable edit);
        ``save`` False leaves it to whoever closes the session to write."""
        timebox = self.timebox
        used = timebox.pause()
        times = self.session.timebox.get(step, StepTime())
        planned = timebox.planned_seconds // 60 or times.planned_minutes
        updated = StepTime(planned_minutes=planned, used_seconds=used)
        if updated != times:
            self.document.record(set_step_time(self.session, step, updated))
            if save:
                self.recorded()

    def start_or_pause(self, step: Step) -> None:
        timebox = self.timebox
        if timebox.planned_seconds <= 0:
            timebox.planned_seconds = self.planned_minutes(step) * 60
        if timebox.running:
            self.record(step)
        else:
            timebox.start()

    def extend(self, step: Step) -> None:
        """Five more minutes for this step; a running clock keeps running."""
        timebox = self.timebox
        timebox.extend(EXTEND_SECONDS)
        running = timebox.running
        self.record(step)
        if running:
            timebox.start()

    def reset(self, step: Step) -> int:
        """Start the step's timebox over, stopped: its own planned time (returned, in seconds),
        nothing used."""
        planned = self.planned_minutes(step) * 60
        self.timebox.reset(planned)
        self.record(step)
        return planned
