"""The room that joins in: participants with a join code, their notes in an inbox, their dots.

A ``Room`` is what the participants' web server asks and what the app shows. It holds the join
code (random, 96 bits, compared in constant time, rotated on request), the participants who
joined (a name and a secret token each, so nobody can act in another's name), a rate limit per
participant, the inbox of notes waiting for the facilitator, and what became of each note. Dots
are spent on the session itself, as the facilitator's own dot voting does
(``decisions.vote``, within ``Session.dots_per_participant``): the room reads the session and
hands every changed one to its owner, who commits it as any other edit. Nothing here does
input or output; time is injected.
"""

from __future__ import annotations

import datetime as dt
import hmac
import secrets
import time
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Final, Literal

from msgspec.structs import replace

from cjworkshop.model import decisions
from cjworkshop.model.clock import now
from cjworkshop.model.roadmap import RankedItem, roadmap
from cjworkshop.model.room_notes import (
    NOTE_KINDS,
    NOTE_LENGTH,
    PARTICIPANT_LENGTH,
    NoteKind,
    RoomNote,
)
from cjworkshop.model.session import Session, Step
from cjworkshop.model.template import Checklist

CODE_BYTES: Final = 12
"""The join code's randomness: 96 bits, written as 16 URL-safe characters."""
TOKEN_BYTES: Final = 16
MAX_PARTICIPANTS: Final = 200
MAX_WAITING: Final = 5000
"""Notes waiting at most: beyond this the room asks the participants to wait."""
RATE_BURST: Final = 30
"""How many notes and dots a participant may send at once."""
RATE_PER_SECOND: Final = 1.0
"""How fast that allowance comes back: one a second, more than anyone types on a phone."""

NOTE_STEPS: Final[frozenset[Step]] = frozenset({"personas", "touchpoints", "plotting"})
VOTE_STEPS: Final[frozenset[Step]] = frozenset({"roadmap"})

Reason = Literal[
    "closed",
    "code",
    "token",
    "name",
    "name_taken",
    "full",
    "kind",
    "text",
    "too_long",
    "severity",
    "rate",
    "step",
    "item",
    "delta",
    "budget",
    "none",
]
Outcome = Literal["waiting", "accepted", "parked", "rejected"]


class RoomRefused(Exception):
    """A request the room does not take; ``reason`` says why, and nothing was changed."""

    def __init__(self, reason: Reason) -> None:
        super().__init__(reason)
        self.reason: Reason = reason


@dataclass(frozen=True)
class Focus:
    """Where the facilitator is: the step, the persona and touchpoint, the question asked.

    ``step`` None means nobody leads (the room served from the command line): then notes and
    dots are both open."""

    step: Step | None = None
    persona: str | None = None
    touchpoint: str | None = None
    question: str = ""


@dataclass
class Participant:
    name: str
    token: str
    allowance: float = RATE_BURST
    counted_at: float = 0.0
    notes: list[str] = field(default_factory=list)
    """The ids of the notes this participant sent, in order."""


def new_code() -> str:
    return secrets.token_urlsafe(CODE_BYTES)


def clean_text(text: object, limit: int) -> str:
    """Text as typed, stripped at both ends; refused when empty, too long, or holding control
    characters other than line breaks and tabs."""
    if not isinstance(text, str):
        raise RoomRefused("text")
    text = text.strip()
    if not text:
        raise RoomRefused("text")
    if len(text) > limit:
        raise RoomRefused("too_long")
    for character in text:
        if character not in "\n\t" and unicodedata.category(character) in ("Cc", "Cs"):
            raise RoomRefused("text")
    return text


class Room:
    """One room, open until the facilitator closes it."""

    def __init__(
        self,
        session: Callable[[], Session],
        commit: Callable[[Session, str, str], None],
        *,
        questions: Checklist | None = None,
        focus: Callable[[], Focus] = Focus,
        waiting: Iterable[RoomNote] = (),
        known: Iterable[tuple[str, str]] = (),
        clock: Callable[[], float] = time.monotonic,
        wall_clock: Callable[[], dt.datetime] = now,
        code: str | None = None,
    ) -> None:
        self.session = session
        """The session as committed now."""
        self.commit = commit
        """Takes a session with a participant's dots changed, the participant and the item."""
        self.questions = questions
        self.focus = focus
        self.clock = clock
        self.wall_clock = wall_clock
        self.code = code or new_code()
        self.open = True
        self.participants: dict[str, Participant] = {
            token: Participant(name, token, counted_at=clock()) for name, token in known
        }
        """By token; ``known`` are those of an earlier room on this session, kept with its
        inbox, so a phone that joined before comes back under its own name."""
        self.inbox: dict[str, RoomNote] = {note.id: note for note in waiting}
        """The notes waiting for the facilitator, oldest first."""
        self.outcomes: dict[str, Outcome] = dict.fromkeys(self.inbox, "waiting")
        self.done: dict[str, RoomNote] = {}
        """The notes handled since the room opened, as they were sent (or reworded)."""
        self._ranked: tuple[Session, list[RankedItem]] | None = None
        self.on_change: Callable[[], None] = lambda: None
        """Called after anything in the room changed: someone joined, a note, a dot."""

    # Joining --------------------------------------------------------------------------------

    def rotate(self) -> str:
        """A new join code; the old one stops working at once, for everyone."""
        self.code = new_code()
        return self.code

    def close(self) -> None:
        self.open = False

    def check_code(self, code: object) -> None:
        if not self.open:
            raise RoomRefused("closed")
        if not isinstance(code, str) or not hmac.compare_digest(
            code.encode("utf-8", "replace"), self.code.encode()
        ):
            raise RoomRefused("code")

    def join(self, code: object, name: object, token: object = None) -> Participant:
        """Join with the code and a name; the same name again only with its own token."""
        self.check_code(code)
        try:
            chosen = " ".join(clean_text(name, PARTICIPANT_LENGTH).split())
        except RoomRefused:
            raise RoomRefused("name") from None
        known = self._by_name(chosen)
        if known is not None:
            if isinstance(token, str) and hmac.compare_digest(token.encode(), known.token.encode()):
                return known
            raise RoomRefused("name_taken")
        voted = {name.casefold() for name in decisions.participants(self.session())}
        if chosen.casefold() in voted:
            # Dots in the session under this name were given by the facilitator, or by a phone
            # of an earlier room: nobody else may take them over by typing the name.
            raise RoomRefused("name_taken")
        if len(self.participants) >= MAX_PARTICIPANTS:
            raise RoomRefused("full")
        participant = Participant(
            chosen, secrets.token_urlsafe(TOKEN_BYTES), counted_at=self.clock()
        )
        self.participants[participant.token] = participant
        self.on_change()
        return participant

    def _by_name(self, name: str) -> Participant | None:
        wanted = name.casefold()
        return next((p for p in self.participants.values() if p.name.casefold() == wanted), None)

    def who(self, code: object, token: object) -> Participant:
        """The participant a request comes from: the right code and a token the room gave."""
        self.check_code(code)
        if not isinstance(token, str):
            raise RoomRefused("token")
        for known, participant in self.participants.items():
            if hmac.compare_digest(token.encode("utf-8", "replace"), known.encode()):
                return participant
        raise RoomRefused("token")

    def _spend_allowance(self, participant: Participant) -> None:
        moment = self.clock()
        elapsed = max(0.0, moment - participant.counted_at)
        participant.allowance = min(RATE_BURST, participant.allowance + elapsed * RATE_PER_SECOND)
        participant.counted_at = moment
        if participant.allowance < 1:
            raise RoomRefused("rate")
        participant.allowance -= 1

    # Notes ----------------------------------------------------------------------------------

    def send(
        self, code: object, token: object, kind: object, text: object, severity: object = None
    ) -> RoomNote:
        """A note into the inbox, placed where the facilitator is now."""
        participant = self.who(code, token)
        focus = self.focus()
        if focus.step is not None and focus.step not in NOTE_STEPS:
            raise RoomRefused("step")
        if kind not in NOTE_KINDS:
            raise RoomRefused("kind")
        if severity is not None and (
            kind != "pain" or type(severity) is not int or not 1 <= severity <= 5
        ):
            raise RoomRefused("severity")
        said = clean_text(text, NOTE_LENGTH)
        if len(self.inbox) >= MAX_WAITING:
            raise RoomRefused("full")
        self._spend_allowance(participant)
        session = self.session()
        personas = {persona.id for persona in session.personas}
        touchpoints = {touchpoint.id for touchpoint in session.touchpoints}
        note = RoomNote(
            id=self._new_note_id(),
            participant=participant.name,
            kind=_kind(kind),
            text=said,
            severity=severity if isinstance(severity, int) else None,
            step=focus.step,
            persona=focus.persona if focus.persona in personas else None,
            touchpoint=focus.touchpoint if focus.touchpoint in touchpoints else None,
            sent=self.wall_clock(),
        )
        self.inbox[note.id] = note
        self.outcomes[note.id] = "waiting"
        participant.notes.append(note.id)
        self.on_change()
        return note

    def _new_note_id(self) -> str:
        while True:
            candidate = f"n-{secrets.token_hex(5)}"
            if candidate not in self.outcomes:
                return candidate

    def handled(self, note_id: str, outcome: Outcome) -> RoomNote:
        """Take a note out of the inbox: the facilitator accepted, parked or rejected it."""
        note = self.inbox.pop(note_id)
        self.outcomes[note_id] = outcome
        self.done[note_id] = note
        self.on_change()
        return note

    def reword(self, note_id: str, text: str) -> RoomNote:
        """The facilitator's own words for a waiting note, before accepting it."""
        note = self.inbox[note_id]
        changed = replace(note, text=clean_text(text, NOTE_LENGTH))
        self.inbox[note_id] = changed
        self.on_change()
        return changed

    def sent_note(self, note_id: str) -> RoomNote | None:
        return self.inbox.get(note_id) or self.done.get(note_id)

    def own_notes(self, participant: Participant) -> list[tuple[RoomNote | None, Outcome]]:
        return [(self.sent_note(i), self.outcomes[i]) for i in participant.notes]

    # Dots -----------------------------------------------------------------------------------

    def items(self) -> list[RankedItem]:
        """The roadmap items participants can put dots on: the open ones."""
        session = self.session()
        # Every phone asks for them every few seconds, and ranking a large session's roadmap
        # takes some 20 ms of the loop the app shares: ranked once per version of the session.
        if self._ranked is None or self._ranked[0] is not session:
            items = [
                item
                for item in roadmap(session, self.questions)
                if item.decision is None or item.decision.status not in ("done", "dropped")
            ]
            self._ranked = (session, items)
        return self._ranked[1]

    def spend(self, code: object, token: object, item_id: object, delta: object) -> int:
        """Give a dot (``delta`` 1) or take one back (-1); the dots left to spend."""
        participant = self.who(code, token)
        focus = self.focus()
        if focus.step is not None and focus.step not in VOTE_STEPS:
            raise RoomRefused("step")
        if type(delta) is not int or delta not in (1, -1):
            raise RoomRefused("delta")
        item = next((i for i in self.items() if i.id == item_id), None)
        if item is None:
            raise RoomRefused("item")
        session = self.session()
        try:
            changed = decisions.vote(session, item, participant.name, delta)
        except decisions.VoteRefused as refused:
            raise RoomRefused("budget" if refused.reason == "budget" else "none") from None
        self._spend_allowance(participant)
        self.commit(changed, participant.name, item.title)
        self.on_change()
        return self.dots_left(participant)

    def dots_left(self, participant: Participant) -> int:
        session = self.session()
        return session.dots_per_participant - decisions.dots_spent(session, participant.name)


def _kind(kind: object) -> NoteKind:
    for known in NOTE_KINDS:
        if kind == known:
            return known
    raise RoomRefused("kind")
