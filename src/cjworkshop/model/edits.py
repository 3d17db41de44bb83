"""Edits to a session, each a pure function from a session to a new one.

The app, the command line and the tests change a session only through these functions. They keep
the session in its canonical order (touchpoints grouped by phase, plots by persona and then by
journey order), so saving the same content always gives the same file, and they carry deletions
through: deleting a persona deletes its plots, deleting a touchpoint deletes what was plotted there.
Adding a record gives it a readable id that is unique in its collection.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol, TypeVar

from msgspec.structs import replace

from cjworkshop.model.ids import unique_id
from cjworkshop.model.session import (
    STEPS,
    Goal,
    ParkingNote,
    Persona,
    Phase,
    Plot,
    Session,
    Step,
    StepTime,
    Touchpoint,
)


class UnknownItem(LookupError):
    """An edit named an id that the session does not have."""


class HasId(Protocol):
    @property
    def id(self) -> str: ...


R = TypeVar("R", bound=HasId)


def find(items: tuple[R, ...], item_id: str) -> R:
    for item in items:
        if item.id == item_id:
            return item
    raise UnknownItem(item_id)


def _position(items: tuple[R, ...], item_id: str) -> int:
    for position, item in enumerate(items):
        if item.id == item_id:
            return position
    raise UnknownItem(item_id)


def _replaced(items: tuple[R, ...], item: R) -> tuple[R, ...]:
    position = _position(items, item.id)
    return (*items[:position], item, *items[position + 1 :])


def _without(items: tuple[R, ...], item_id: str) -> tuple[R, ...]:
    position = _position(items, item_id)
    return items[:position] + items[position + 1 :]


def _moved(
    items: tuple[R, ...], item_id: str, offset: int, same_group: Callable[[R], bool]
) -> tuple[R, ...]:
    """Move an item ``offset`` places among the items of its own group, clamped at the ends."""
    position = _position(items, item_id)
    group = [index for index, item in enumerate(items) if same_group(item)]
    here = group.index(position)
    there = group[max(0, min(len(group) - 1, here + offset))]
    reordered = list(items)
    reordered.insert(there, reordered.pop(position))
    return tuple(reordered)


def _with_new_id(record: R, name: str, taken: tuple[HasId, ...], fallback: str) -> R:
    new_id = unique_id(name, (item.id for item in taken), fallback)
    return replace(record, id=new_id)  # type: ignore[type-var]


# Goals ---------------------------------------------------------------------------------------


def add_goal(session: Session, goal: Goal) -> tuple[Session, str]:
    """Add a goal at the end; its id comes from what it says."""
    added = _with_new_id(goal, goal.what, session.goals, "goal")
    return replace(session, goals=(*session.goals, added)), added.id


def update_goal(session: Session, goal: Goal) -> Session:
    return replace(session, goals=_replaced(session.goals, goal))


def delete_goal(session: Session, goal_id: str) -> Session:
    return replace(session, goals=_without(session.goals, goal_id))


def move_goal(session: Session, goal_id: str, offset: int) -> Session:
    return replace(session, goals=_moved(session.goals, goal_id, offset, lambda _: True))


# Personas ------------------------------------------------------------------------------------


def add_persona(session: Session, persona: Persona) -> tuple[Session, str]:
    added = _with_new_id(persona, persona.name, session.personas, "persona")
    return replace(session, personas=(*session.personas, added)), added.id


def update_persona(session: Session, persona: Persona) -> Session:
    return replace(session, personas=_replaced(session.personas, persona))


def duplicate_persona(session: Session, persona_id: str, name: str) -> tuple[Session, str]:
    """Copy a persona's profile under a new name, right after the original; plots stay behind."""
    original = find(session.personas, persona_id)
    copy = _with_new_id(replace(original, name=name), name, session.personas, "persona")
    position = _position(session.personas, persona_id) + 1
    personas = (*session.personas[:position], copy, *session.personas[position:])
    return _resorted(replace(session, personas=personas)), copy.id


def delete_persona(session: Session, persona_id: str) -> Session:
    """Delete a persona and everything plotted for it."""
    return replace(
        session,
        personas=_without(session.personas, persona_id),
        plots=tuple(plot for plot in session.plots if plot.persona != persona_id),
    )


def move_persona(session: Session, persona_id: str, offset: int) -> Session:
    moved = _moved(session.personas, persona_id, offset, lambda _: True)
    return _resorted(replace(session, personas=moved))


# Phases --------------------------------------------------------------------------------------


def add_phase(session: Session, phase: Phase) -> tuple[Session, str]:
    added = _with_new_id(phase, phase.name, session.phases, "phase")
    return replace(session, phases=(*session.phases, added)), added.id


def update_phase(session: Session, phase: Phase) -> Session:
    return replace(session, phases=_replaced(session.phases, phase))


def move_phase(session: Session, phase_id: str, offset: int) -> Session:
    moved = _moved(session.phases, phase_id, offset, lambda _: True)
    return canonical(replace(session, phases=moved))


def delete_phase(session: Session, phase_id: str) -> Session:
    """Delete a phase with its touchpoints and what was plotted at them."""
    gone = {tp.id for tp in session.touchpoints if tp.phase == phase_id}
    return replace(
        session,
        phases=_without(session.phases, phase_id),
        touchpoints=tuple(tp for tp in session.touchpoints if tp.id not in gone),
        plots=tuple(plot for plot in session.plots if plot.touchpoint not in gone),
    )


# Touchpoints ---------------------------------------------------------------------------------


def add_touchpoint(session: Session, touchpoint: Touchpoint) -> tuple[Session, str]:
    """Add a touchpoint at the end of its phase."""
    find(session.phases, touchpoint.phase)
    added = _with_new_id(touchpoint, touchpoint.name, session.touchpoints, "touchpoint")
    return _resorted(replace(session, touchpoints=_appended_to_phase(session, added))), added.id


def update_touchpoint(session: Session, touchpoint: Touchpoint) -> Session:
    """Save a touchpoint; one moved to another phase goes to the end of that phase."""
    find(session.phases, touchpoint.phase)
    current = find(session.touchpoints, touchpoint.id)
    if current.phase == touchpoint.phase:
        return replace(session, touchpoints=_replaced(session.touchpoints, touchpoint))
    rest = replace(session, touchpoints=_without(session.touchpoints, touchpoint.id))
    return _resorted(replace(session, touchpoints=_appended_to_phase(rest, touchpoint)))


def move_touchpoint(session: Session, touchpoint_id: str, offset: int) -> Session:
    """Move a touchpoint up or down within its phase."""
    phase = find(session.touchpoints, touchpoint_id).phase
    moved = _moved(session.touchpoints, touchpoint_id, offset, lambda tp: tp.phase == phase)
    return _resorted(replace(session, touchpoints=moved))


def delete_touchpoint(session: Session, touchpoint_id: str) -> Session:
    """Delete a touchpoint and everything plotted at it."""
    return replace(
        session,
        touchpoints=_without(session.touchpoints, touchpoint_id),
        plots=tuple(plot for plot in session.plots if plot.touchpoint != touchpoint_id),
    )


def _appended_to_phase(session: Session, touchpoint: Touchpoint) -> tuple[Touchpoint, ...]:
    items = list(session.touchpoints)
    last_of_phase = max(
        (index for index, item in enumerate(items) if item.phase == touchpoint.phase), default=None
    )
    if last_of_phase is None:
        items.append(touchpoint)
    else:
        items.insert(last_of_phase + 1, touchpoint)
    return tuple(items)


# Plots ---------------------------------------------------------------------------------------


def set_plot(session: Session, plot: Plot) -> Session:
    """Store what was plotted for one persona at one touchpoint, replacing what was there."""
    find(session.personas, plot.persona)
    find(session.touchpoints, plot.touchpoint)
    others = tuple(
        p for p in session.plots if (p.persona, p.touchpoint) != (plot.persona, plot.touchpoint)
    )
    return _resorted(replace(session, plots=(*others, plot)))


def clear_plot(session: Session, persona_id: str, touchpoint_id: str) -> Session:
    """Forget what was plotted for a pair, so it counts as unplotted again."""
    plots = tuple(
        p for p in session.plots if (p.persona, p.touchpoint) != (persona_id, touchpoint_id)
    )
    return replace(session, plots=plots)


# Parking lot and timebox ---------------------------------------------------------------------


def add_parking_note(session: Session, text: str) -> Session:
    return replace(session, parking_lot=(*session.parking_lot, ParkingNote(text=text)))


def update_parking_note(session: Session, index: int, note: ParkingNote) -> Session:
    notes = list(session.parking_lot)
    notes[index] = note
    return replace(session, parking_lot=tuple(notes))


def delete_parking_note(session: Session, index: int) -> Session:
    notes = list(session.parking_lot)
    del notes[index]
    return replace(session, parking_lot=tuple(notes))


def set_step_time(session: Session, step: Step, step_time: StepTime) -> Session:
    """Record the timebox of a step; steps keep the app's step order in the file."""
    timebox = dict(session.timebox)
    timebox[step] = step_time
    ordered = {name: timebox[name] for name in STEPS if name in timebox}
    return replace(session, timebox=ordered)


# Canonical order -----------------------------------------------------------------------------


def canonical(session: Session) -> Session:
    """The session in canonical order: touchpoints by phase, plots by persona then journey."""
    phase_order = {phase.id: index for index, phase in enumerate(session.phases)}
    touchpoints = tuple(
        sorted(session.touchpoints, key=lambda tp: phase_order.get(tp.phase, len(phase_order)))
    )
    return _resorted(replace(session, touchpoints=touchpoints))


def _resorted(session: Session) -> Session:
    """Sort plots by persona and then touchpoint order, keeping the touchpoints as they are."""
    persona_order = {persona.id: index for index, persona in enumerate(session.personas)}
    touchpoint_order = {tp.id: index for index, tp in enumerate(session.touchpoints)}
    plots = tuple(
        sorted(
            session.plots,
            key=lambda plot: (
                persona_order.get(plot.persona, len(persona_order)),
                touchpoint_order.get(plot.touchpoint, len(touchpoint_order)),
            ),
        )
    )
    return replace(session, plots=plots)
