"""Random edits, undo and redo through the app's own document: whatever the room does, the map
stays valid and savable, and undoing everything gives back the session as it was opened.

Edits go through ``model.edits`` and ``model.decisions`` and are committed to a
``SessionDocument`` on a real file, as the session screen does. A model of the timeline (the
sessions in order and where the document stands) checks every undo and redo. Time spent per step
is bookkeeping that undo keeps, by design, so it is compared on its own.
"""

from __future__ import annotations

import datetime as dt
import itertools
import tempfile
from pathlib import Path

from hypothesis import settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    initialize,
    invariant,
    precondition,
    rule,
)
from msgspec.structs import replace

from cjworkshop.model import decisions, edits
from cjworkshop.model.roadmap import orphaned, roadmap
from cjworkshop.model.session import (
    CHANNELS,
    HORIZONS,
    KINDS,
    STATUSES,
    STEPS,
    Channel,
    Goal,
    Horizon,
    Opportunity,
    PainPoint,
    ParkingNote,
    Persona,
    Phase,
    Plot,
    Session,
    Status,
    Step,
    StepTime,
    Touchpoint,
    TouchpointKind,
)
from cjworkshop.model.validation import session_problems
from cjworkshop.store.document import SessionDocument
from cjworkshop.store.session_file import dumps_session, parse_session, read_session, save_session
from tests.conftest import WHEN, small_session
from tests.strategies import name, sessions, text

TODAY = dt.date(2026, 11, 22)
OFFSETS = st.sampled_from([-5, -1, 1, 5])


class UndoableWorkshop(RuleBasedStateMachine):
    """A session edited at random by the room, with undo, redo and saves in between."""

    document: SessionDocument
    original: Session

    def __init__(self) -> None:
        super().__init__()
        self.folder = tempfile.TemporaryDirectory(prefix="cjworkshop-undo-")
        self.path = Path(self.folder.name) / "sessie.toml"
        self.ticks = itertools.count(1)
        self.timeline: list[Session] = []
        self.position = 0
        self.timebox: dict[Step, StepTime] = {}

    def _clock(self) -> dt.datetime:
        return WHEN + dt.timedelta(minutes=next(self.ticks))

    @initialize(start=st.just(small_session()) | sessions())
    def open_a_session(self, start: Session) -> None:
        save_session(self.path, start)
        self.document = SessionDocument.open(self.path, clock=self._clock)
        self.original = self.document.session
        assert self.original == start
        self.timeline = [self.original]
        self.timebox = dict(self.original.timebox)

    def teardown(self) -> None:
        try:
            if hasattr(self, "document"):
                self._undo_everything()
                self.document.close()
        finally:
            self.folder.cleanup()

    # Bookkeeping --------------------------------------------------------------------------

    @property
    def session(self) -> Session:
        return self.document.session

    def _commit(self, session: Session, label: str) -> None:
        """Commit as the session screen does, and follow it in the model of the timeline."""
        before = self.session
        changed = self.document.commit(session, label)
        assert changed == (session != before)
        if changed:
            del self.timeline[self.position + 1 :]
            self.timeline.append(self.session)
            self.position += 1

    def _undo_everything(self) -> None:
        while self.document.undo() is not None:
            pass
        assert self.session == replace(self.original, timebox=self.timebox)

    # Goals ----------------------------------------------------------------------------------

    @rule(what=name, why=text)
    def add_goal(self, what: str, why: str) -> None:
        changed, _ = edits.add_goal(self.session, Goal(id="", what=what, why=why))
        self._commit(changed, "Add goal")

    @precondition(lambda self: self.session.goals)
    @rule(data=st.data(), what=name)
    def rename_goal(self, data: st.DataObject, what: str) -> None:
        goal = data.draw(st.sampled_from(self.session.goals))
        self._commit(edits.update_goal(self.session, replace(goal, what=what)), "Edit goal")

    @precondition(lambda self: self.session.goals)
    @rule(data=st.data(), offset=OFFSETS)
    def move_goal(self, data: st.DataObject, offset: int) -> None:
        goal = data.draw(st.sampled_from(self.session.goals))
        self._commit(edits.move_goal(self.session, goal.id, offset), "Move goal")

    @precondition(lambda self: self.session.goals)
    @rule(data=st.data())
    def delete_goal(self, data: st.DataObject) -> None:
        goal = data.draw(st.sampled_from(self.session.goals))
        self._commit(edits.delete_goal(self.session, goal.id), "Delete goal")

    # Personas -------------------------------------------------------------------------------

    @rule(persona_name=name, description=text)
    def add_persona(self, persona_name: str, description: str) -> None:
        persona = Persona(id="", name=persona_name, description=description)
        changed, _ = edits.add_persona(self.session, persona)
        self._commit(changed, "Add persona")

    @precondition(lambda self: self.session.personas)
    @rule(data=st.data(), persona_name=name, frustrations=text)
    def edit_persona(self, data: st.DataObject, persona_name: str, frustrations: str) -> None:
        persona = data.draw(st.sampled_from(self.session.personas))
        edited = replace(persona, name=persona_name, frustrations=frustrations)
        self._commit(edits.update_persona(self.session, edited), "Edit persona")

    @precondition(lambda self: self.session.personas)
    @rule(data=st.data(), copy_name=name)
    def duplicate_persona(self, data: st.DataObject, copy_name: str) -> None:
        persona = data.draw(st.sampled_from(self.session.personas))
        changed, _ = edits.duplicate_persona(self.session, persona.id, copy_name)
        self._commit(changed, "Duplicate persona")

    @precondition(lambda self: self.session.personas)
    @rule(data=st.data(), offset=OFFSETS)
    def move_persona(self, data: st.DataObject, offset: int) -> None:
        persona = data.draw(st.sampled_from(self.session.personas))
        self._commit(edits.move_persona(self.session, persona.id, offset), "Move persona")

    @precondition(lambda self: self.session.personas)
    @rule(data=st.data())
    def delete_persona(self, data: st.DataObject) -> None:
        persona = data.draw(st.sampled_from(self.session.personas))
        self._commit(edits.delete_persona(self.session, persona.id), "Delete persona")

    # Phases ---------------------------------------------------------------------------------

    @rule(phase_name=name, weight=st.floats(0.1, 5.0))
    def add_phase(self, phase_name: str, weight: float) -> None:
        changed, _ = edits.add_phase(self.session, Phase(id="", name=phase_name, weight=weight))
        self._commit(changed, "Add phase")

    @precondition(lambda self: self.session.phases)
    @rule(data=st.data(), phase_name=name, weight=st.floats(0.1, 5.0))
    def edit_phase(self, data: st.DataObject, phase_name: str, weight: float) -> None:
        phase = data.draw(st.sampled_from(self.session.phases))
        edited = replace(phase, name=phase_name, weight=weight)
        self._commit(edits.update_phase(self.session, edited), "Edit phase")

    @precondition(lambda self: self.session.phases)
    @rule(data=st.data(), offset=OFFSETS)
    def move_phase(self, data: st.DataObject, offset: int) -> None:
        phase = data.draw(st.sampled_from(self.session.phases))
        self._commit(edits.move_phase(self.session, phase.id, offset), "Move phase")

    @precondition(lambda self: self.session.phases)
    @rule(data=st.data())
    def delete_phase(self, data: st.DataObject) -> None:
        phase = data.draw(st.sampled_from(self.session.phases))
        self._commit(edits.delete_phase(self.session, phase.id), "Delete phase")

    # Touchpoints ----------------------------------------------------------------------------

    @precondition(lambda self: self.session.phases)
    @rule(
        data=st.data(),
        touchpoint_name=name,
        channel=st.sampled_from(CHANNELS),
        kind=st.sampled_from(KINDS),
    )
    def add_touchpoint(
        self, data: st.DataObject, touchpoint_name: str, channel: Channel, kind: TouchpointKind
    ) -> None:
        phase = data.draw(st.sampled_from(self.session.phases))
        touchpoint = Touchpoint(
            id="",
            phase=phase.id,
            name=touchpoint_name,
            channel=channel,
            kind=kind,
        )
        changed, _ = edits.add_touchpoint(self.session, touchpoint)
        self._commit(changed, "Add touchpoint")

    @precondition(lambda self: self.session.touchpoints)
    @rule(data=st.data(), touchpoint_name=name, owner=text)
    def edit_touchpoint_or_move_it_to_another_phase(
        self, data: st.DataObject, touchpoint_name: str, owner: str
    ) -> None:
        touchpoint = data.draw(st.sampled_from(self.session.touchpoints))
        phase = data.draw(st.sampled_from(self.session.phases))
        edited = replace(touchpoint, name=touchpoint_name, owner=owner, phase=phase.id)
        self._commit(edits.update_touchpoint(self.session, edited), "Edit touchpoint")

    @precondition(lambda self: self.session.touchpoints)
    @rule(data=st.data(), offset=OFFSETS)
    def move_touchpoint(self, data: st.DataObject, offset: int) -> None:
        touchpoint = data.draw(st.sampled_from(self.session.touchpoints))
        self._commit(edits.move_touchpoint(self.session, touchpoint.id, offset), "Move")

    @precondition(lambda self: self.session.touchpoints)
    @rule(data=st.data())
    def delete_touchpoint(self, data: st.DataObject) -> None:
        touchpoint = data.draw(st.sampled_from(self.session.touchpoints))
        self._commit(edits.delete_touchpoint(self.session, touchpoint.id), "Delete touchpoint")

    # Plotting -------------------------------------------------------------------------------

    @precondition(lambda self: self.session.personas and self.session.touchpoints)
    @rule(
        data=st.data(),
        emotion=st.none() | st.integers(-2, 2),
        relevant=st.booleans(),
        thought=text,
        pains=st.lists(st.tuples(name, st.none() | st.integers(1, 5)), max_size=2),
        ideas=st.lists(name, max_size=2),
    )
    def plot(
        self,
        data: st.DataObject,
        emotion: int | None,
        relevant: bool,
        thought: str,
        pains: list[tuple[str, int | None]],
        ideas: list[str],
    ) -> None:
        persona = data.draw(st.sampled_from(self.session.personas))
        touchpoint = data.draw(st.sampled_from(self.session.touchpoints))
        plotted = Plot(
            persona=persona.id,
            touchpoint=touchpoint.id,
            relevant=relevant,
            thought=thought,
            emotion=emotion,
            pain_points=tuple(PainPoint(text=pain, severity=rate) for pain, rate in pains),
            opportunities=tuple(Opportunity(text=idea) for idea in ideas),
        )
        self._commit(edits.set_plot(self.session, plotted), "Plot")

    @precondition(lambda self: self.session.plots)
    @rule(data=st.data())
    def clear_plot(self, data: st.DataObject) -> None:
        plotted = data.draw(st.sampled_from(self.session.plots))
        changed = edits.clear_plot(self.session, plotted.persona, plotted.touchpoint)
        self._commit(changed, "Clear plot")

    # Roadmap --------------------------------------------------------------------------------

    @precondition(lambda self: bool(roadmap(self.session)))
    @rule(
        data=st.data(),
        effort=st.none() | st.integers(1, 5),
        status=st.sampled_from(STATUSES),
        horizon=st.none() | st.sampled_from(HORIZONS),
        owner=text,
    )
    def decide(
        self,
        data: st.DataObject,
        effort: int | None,
        status: Status,
        horizon: Horizon | None,
        owner: str,
    ) -> None:
        item = data.draw(st.sampled_from(roadmap(self.session)))
        changed = decisions.decide(
            self.session,
            item,
            TODAY,
            effort=effort,
            status=status,
            horizon=horizon,
            owner=owner,
        )
        self._commit(changed, "Decide")

    @precondition(lambda self: bool(roadmap(self.session)))
    @rule(data=st.data(), participant=st.sampled_from(["Anna", "Bert"]), delta=OFFSETS)
    def vote(self, data: st.DataObject, participant: str, delta: int) -> None:
        item = data.draw(st.sampled_from(roadmap(self.session)))
        try:
            changed = decisions.vote(self.session, item, participant, delta)
        except decisions.VoteRefused:
            return
        self._commit(changed, "Vote")

    @precondition(lambda self: len(roadmap(self.session)) >= 2)
    @rule(data=st.data())
    def merge(self, data: st.DataObject) -> None:
        keep, absorb = data.draw(st.permutations(roadmap(self.session)))[:2]
        self._commit(decisions.merge(self.session, keep, absorb, TODAY), "Merge")

    @precondition(lambda self: bool(orphaned(self.session)))
    @rule(data=st.data())
    def forget_an_orphan(self, data: st.DataObject) -> None:
        record = data.draw(st.sampled_from(orphaned(self.session)))
        self._commit(decisions.forget(self.session, record.id), "Forget")

    # Parking lot and time -------------------------------------------------------------------

    @rule(note=name)
    def park_a_topic(self, note: str) -> None:
        self._commit(edits.add_parking_note(self.session, note), "Park")

    @precondition(lambda self: self.session.parking_lot)
    @rule(data=st.data())
    def tick_off_a_topic(self, data: st.DataObject) -> None:
        index = data.draw(st.integers(0, len(self.session.parking_lot) - 1))
        note = self.session.parking_lot[index]
        ticked = ParkingNote(text=note.text, done=not note.done)
        self._commit(edits.update_parking_note(self.session, index, ticked), "Tick")

    @precondition(lambda self: self.session.parking_lot)
    @rule(data=st.data())
    def drop_a_topic(self, data: st.DataObject) -> None:
        index = data.draw(st.integers(0, len(self.session.parking_lot) - 1))
        self._commit(edits.delete_parking_note(self.session, index), "Unpark")

    @rule(step=st.sampled_from(STEPS), minutes=st.integers(1, 600), seconds=st.integers(0, 7200))
    def spend_time(self, step: Step, minutes: int, seconds: int) -> None:
        timed = StepTime(planned_minutes=minutes, used_seconds=seconds)
        self.document.record(edits.set_step_time(self.session, step, timed))
        self.timebox = dict(self.session.timebox)

    # Undo, redo, save -----------------------------------------------------------------------

    @rule()
    def undo(self) -> None:
        label = self.document.undo()
        assert (label is None) == (self.position == 0)
        self.position = max(0, self.position - 1)

    @rule()
    def redo(self) -> None:
        label = self.document.redo()
        assert (label is None) == (self.position == len(self.timeline) - 1)
        self.position = min(len(self.timeline) - 1, self.position + 1)

    @rule()
    def undo_everything_then_redo_it_all(self) -> None:
        self._undo_everything()
        while self.document.redo() is not None:
            pass
        self.position = len(self.timeline) - 1

    @rule()
    def save(self) -> None:
        result = self.document.save()
        assert result.error is None
        assert not self.document.dirty
        assert read_session(self.path) == self.session

    # What must always hold ------------------------------------------------------------------

    @invariant()
    def the_map_is_where_the_timeline_says(self) -> None:
        if not self.timeline:
            return
        assert self.session == replace(self.timeline[self.position], timebox=self.timebox)
        assert self.document.history.can_undo == (self.position > 0)
        assert self.document.history.can_redo == (self.position < len(self.timeline) - 1)

    @invariant()
    def the_session_is_valid_and_survives_a_save(self) -> None:
        if not self.timeline:
            return
        assert session_problems(self.session) == []
        text_now = dumps_session(self.session)
        assert parse_session(text_now.encode()) == self.session


TestRandomEditsUndoneGiveBackTheOpenedSession = UndoableWorkshop.TestCase
TestRandomEditsUndoneGiveBackTheOpenedSession.settings = settings(
    max_examples=40, stateful_step_count=30, deadline=None
)
