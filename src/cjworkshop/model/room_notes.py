"""What a participant sends from their phone, and how an accepted note becomes part of the session.

A ``RoomNote`` says who sent it, what kind it is (a pain point with its severity, an idea, a
thought, a parking-lot topic), what it says, and where the facilitator was when it arrived (the
step, the persona, the touchpoint). It waits in the room's inbox until the facilitator accepts,
edits or rejects it. Accepting goes through the same edits as typed input (``model.edits``): a
pain point or an idea into the plot of that persona at that touchpoint, a thought as the plot's
quote, anything into the parking lot; a pain point the plot has already is merged with it.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Final, Literal, get_args

import msgspec
from msgspec.structs import replace

from cjworkshop.model import edits
from cjworkshop.model.queries import plot_for
from cjworkshop.model.session import (
    NAME_LENGTH,
    Opportunity,
    PainPoint,
    Plot,
    Session,
    Severity,
    Slug,
    Step,
)

NoteKind = Literal["pain", "idea", "thought", "parking"]
NOTE_KINDS: Final[tuple[NoteKind, ...]] = get_args(NoteKind)

NOTE_LENGTH: Final = 500
"""The longest note a participant can send: a sticky note's worth, and then some."""
PARTICIPANT_LENGTH: Final = 60
"""The longest name a participant can join with."""


class RoomNote(msgspec.Struct, frozen=True, forbid_unknown_fields=True, kw_only=True):
    """One note from one participant, with where the facilitator was when it arrived."""

    id: Annotated[str, msgspec.Meta(pattern=r"^[a-z0-9-]{1,40}$")]
    participant: Annotated[str, msgspec.Meta(min_length=1, max_length=PARTICIPANT_LENGTH)]
    kind: NoteKind
    text: Annotated[str, msgspec.Meta(min_length=1, max_length=NOTE_LENGTH)]
    severity: Severity | None = None
    step: Step | None = None
    persona: Slug | None = None
    touchpoint: Slug | None = None
    sent: dt.datetime


class NotPlaced(ValueError):
    """A note that cannot go into a plot: it names no persona or touchpoint the session has."""


def fits_a_title(text: str) -> str:
    """A pain point's text and a parking-lot topic hold ``NAME_LENGTH`` characters at most: a
    longer note is cut there at a space, so what is accepted always opens again."""
    text = " ".join(text.split())
    if len(text) <= NAME_LENGTH:
        return text
    cut = text[: NAME_LENGTH - 1].rsplit(" ", 1)[0] or text[: NAME_LENGTH - 1]
    return cut + "…"


def can_place(session: Session, note: RoomNote) -> bool:
    """Whether the note names a persona and a touchpoint the session (still) has."""
    personas = {p.id for p in session.personas}
    touchpoints = {tp.id for tp in session.touchpoints}
    return note.persona in personas and note.touchpoint in touchpoints


def accept_into_plot(session: Session, note: RoomNote) -> Session:
    """The note in the plot of its persona at its touchpoint: a pain point (with severity), an
    idea as an opportunity, a thought as the quote (after one already there); a parking-lot
    topic goes to the parking lot."""
    if note.kind == "parking":
        return accept_into_parking_lot(session, note)
    if not can_place(session, note) or note.persona is None or note.touchpoint is None:
        raise NotPlaced(note.id)
    plot = plot_for(session, note.persona, note.touchpoint) or Plot(
        persona=note.persona, touchpoint=note.touchpoint
    )
    if note.kind == "pain":
        pain = PainPoint(text=fits_a_title(note.text), severity=note.severity)
        plot = replace(plot, relevant=True, pain_points=(*plot.pain_points, pain))
    elif note.kind == "idea":
        idea = Opportunity(text=note.text.strip())
        plot = replace(plot, relevant=True, opportunities=(*plot.opportunities, idea))
    else:
        said = note.text.strip()
        thought = f"{plot.thought}\n{said}" if plot.thought.strip() else said
        plot = replace(plot, relevant=True, thought=thought)
    return edits.set_plot(session, plot)


def accept_into_parking_lot(session: Session, note: RoomNote) -> Session:
    """The note as a topic in the parking lot, whatever its kind."""
    return edits.add_parking_note(session, fits_a_title(note.text))


def pain_points_to_merge(session: Session, note: RoomNote) -> tuple[PainPoint, ...]:
    """The pain points a pain-point note could be merged with: those of its plot."""
    if note.kind != "pain" or not can_place(session, note):
        return ()
    plot = plot_for(session, note.persona or "", note.touchpoint or "")
    return plot.pain_points if plot is not None else ()


def merge_into_pain_point(session: Session, note: RoomNote, index: int) -> Session:
    """The note is a pain point the plot has already: that one keeps its words and takes the
    higher of the two severities."""
    plot = plot_for(session, note.persona or "", note.touchpoint or "")
    if plot is None or not 0 <= index < len(plot.pain_points):
        raise NotPlaced(note.id)
    pain = plot.pain_points[index]
    severities = [s for s in (pain.severity, note.severity) if s is not None]
    merged = replace(pain, severity=max(severities) if severities else None)
    pains = (*plot.pain_points[:index], merged, *plot.pain_points[index + 1 :])
    return edits.set_plot(session, replace(plot, pain_points=pains))
