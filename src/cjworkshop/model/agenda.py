"""The agenda of a session: the opening, the steps with their timeboxes, breaks, and the close.

The steps and their minutes come from the session's flow (``flow``) and the timeboxes: a
session's own planned minutes where it has them, else its template's ``[steps.*] minutes``. A
step without minutes (the journey map, read during the review) has no slot of its own. Around
them the facilitator's guide proposes an opening and a close of fixed length, and a break
before the next step once the room has worked ``WORK_BEFORE_BREAK`` minutes since the last one;
a step is never split by a break, and no break comes just before the close. The agenda's length
is therefore the sum of its slots, which the guide shows and a test holds.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Final, Literal

from cjworkshop.model.flow import SOLO_FLOW, WORKSHOP_FLOW
from cjworkshop.model.session import Mode, Step, StepTime
from cjworkshop.model.template import Template

OPENING_MINUTES: Final = 20
"""Welcome, purpose, agenda, ground rules and a warm-up."""
CLOSE_MINUTES: Final = 10
"""The summary, the owners and the date of the revisit."""
BREAK_MINUTES: Final = 15
WORK_BEFORE_BREAK: Final = 90
"""Minutes of work after which the room gets a break before the next step."""

SOLO_STEPS: Final[tuple[Step, ...]] = SOLO_FLOW[: SOLO_FLOW.index("roadmap") + 1]
"""The short path of a self-assessment: goals, personas, the assessment, the roadmap."""

SlotKind = Literal["opening", "step", "break", "close"]


@dataclass(frozen=True, slots=True)
class Slot:
    """One part of the agenda: what happens, from which minute, for how long."""

    kind: SlotKind
    start: int
    """Minutes from the start of the session."""
    minutes: int
    step: Step | None = None

    @property
    def end(self) -> int:
        return self.start + self.minutes


def step_minutes(
    template: Template | None, mode: Mode, timebox: Mapping[Step, StepTime] | None = None
) -> list[tuple[Step, int]]:
    """The steps the agenda holds, in the order the room walks them, with their minutes: the
    session's planned minutes where set, else the template's; steps with neither are left out."""
    steps = SOLO_STEPS if mode == "self-assessment" else WORKSHOP_FLOW
    found = [(step, planned_minutes(step, template, timebox)) for step in steps]
    return [(step, minutes) for step, minutes in found if minutes]


def planned_minutes(
    step: Step, template: Template | None, timebox: Mapping[Step, StepTime] | None = None
) -> int:
    """A step's minutes: the session's planned ones, else its template's; 0 for none."""
    planned = timebox.get(step) if timebox else None
    if planned is not None and planned.planned_minutes:
        return planned.planned_minutes
    guide = template.steps.get(step) if template is not None else None
    return guide.minutes if guide is not None else 0


def agenda(steps: list[tuple[Step, int]]) -> tuple[Slot, ...]:
    """The opening, ``steps`` with breaks between them where the room has worked long enough,
    and the close, one after the other."""
    slots = [Slot("opening", 0, OPENING_MINUTES)]
    worked = OPENING_MINUTES
    for step, minutes in steps:
        if worked >= WORK_BEFORE_BREAK:
            slots.append(Slot("break", slots[-1].end, BREAK_MINUTES))
            worked = 0
        slots.append(Slot("step", slots[-1].end, minutes, step))
        worked += minutes
    slots.append(Slot("close", slots[-1].end, CLOSE_MINUTES))
    return tuple(slots)


def agenda_length(slots: tuple[Slot, ...]) -> int:
    """How many minutes the whole agenda takes: from its first slot's start to its last's end."""
    return slots[-1].end - slots[0].start if slots else 0
