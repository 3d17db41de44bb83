"""The journey domain as immutable, typed records.

A workshop session holds goals, personas, the phases of the journey, the touchpoints in each phase,
and one plot per persona and touchpoint (what that persona does, thinks and feels there). On top of
those sit the room's roadmap decisions, dot votes, self-assessment answers, the parking lot and the
time spent per step. Every record is a frozen msgspec Struct: edits build a new session with
``msgspec.structs.replace``, which makes undo a matter of keeping the previous value. The same
Structs validate a parsed session file (ranges, enumerations, unknown keys), so the file format is
defined here and nowhere else.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Final, Literal, get_args

import msgspec

SCHEMA_VERSION: Final = 2
"""The version of the session file format this code writes. Older files are migrated on load.

Version 2 added a touchpoint's interactions as records (name and channel), the stage behind it
(frontstage, backstage, support), its figures, the evidence of notes, thoughts and feelings, a
plot's target feeling, and opportunities as records."""

SLUG_PATTERN: Final = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"

Slug = Annotated[str, msgspec.Meta(pattern=SLUG_PATTERN, max_length=64)]
"""A readable, stable identifier: lowercase letters, digits and single hyphens."""

Emotion = Annotated[int, msgspec.Meta(ge=-2, le=2)]
"""How a persona feels at a touchpoint: -2 very negative, 0 neutral, +2 very positive."""

Severity = Annotated[int, msgspec.Meta(ge=1, le=5)]
"""How badly a pain point hurts: 1 a nuisance, 5 a reason to walk away."""

Effort = Annotated[int, msgspec.Meta(ge=1, le=5)]
"""What fixing a roadmap item costs, as the room judges it: 1 an afternoon, 5 a project."""

AssessmentScore = Annotated[int, msgspec.Meta(ge=1, le=5)]
"""A self-assessment answer: 1 not at all, 5 fully."""

NAME_LENGTH: Final = 200
"""The longest title or name a session holds; forms stop there, so what they save opens again."""
Title = Annotated[str, msgspec.Meta(min_length=1, max_length=NAME_LENGTH)]
Name = Annotated[str, msgspec.Meta(min_length=1, max_length=NAME_LENGTH)]
PREVIOUS_PATTERN: Final = r"^(?!\.\.?$)[^/\\\x00]*$"
"""A plain file name (or nothing): no folder in it, and not ``.`` or ``..``."""

Language = Literal["nl", "en"]
Mode = Literal["workshop", "self-assessment"]
Shape = Literal["linear", "cyclic"]
TouchpointKind = Literal["direct", "indirect"]
Horizon = Literal["now", "next", "later"]
Status = Literal["open", "doing", "done", "dropped"]
Step = Literal[
    "goals",
    "personas",
    "touchpoints",
    "plotting",
    "grid",
    "map",
    "review",
    "assessment",
    "roadmap",
]
Channel = Literal[
    "web",
    "search",
    "social",
    "webchat",
    "email",
    "sms",
    "phone",
    "shop",
    "event",
    "tv",
    "print",
    "trade-press",
    "review-site",
    "word-of-mouth",
    "app",
    "payment",
    "delivery",
    "helpdesk",
    "other",
]

Evidence = Literal["observed", "assumed"]
"""What a note rests on: seen in data, complaints or interviews, or the room's belief."""

LANGUAGES: Final[tuple[Language, ...]] = get_args(Language)
MODES: Final[tuple[Mode, ...]] = get_args(Mode)
SHAPES: Final[tuple[Shape, ...]] = get_args(Shape)
KINDS: Final[tuple[TouchpointKind, ...]] = get_args(TouchpointKind)
HORIZONS: Final[tuple[Horizon, ...]] = get_args(Horizon)
STATUSES: Final[tuple[Status, ...]] = get_args(Status)
STEPS: Final[tuple[Step, ...]] = get_args(Step)
CHANNELS: Final[tuple[Channel, ...]] = get_args(Channel)
EVIDENCE: Final[tuple[Evidence, ...]] = get_args(Evidence)

SOURCE_PATTERN: Final = r"^(?:pain|opportunity|assessment):[a-z0-9]+(?:[.-][a-z0-9]+)*$"
SourceKey = Annotated[str, msgspec.Meta(pattern=SOURCE_PATTERN, max_length=160)]
"""Where a roadmap item comes from: ``pain:<slug>``, ``opportunity:<slug>`` or
``assessment:<phase>.<question>``."""

QUESTION_PATTERN: Final = r"^[a-z0-9]+(?:-[a-z0-9]+)*\.[a-z0-9]+(?:-[a-z0-9]+)*$"
QuestionKey = Annotated[str, msgspec.Meta(pattern=QUESTION_PATTERN, max_length=130)]
"""A self-assessment question: ``<phase id>.<question id>`` from the session's template."""


class Record(
    msgspec.Struct,
    frozen=True,
    forbid_unknown_fields=True,
    omit_defaults=True,
    kw_only=True,
):
    """Base for every record in a session file: immutable, strict about keys, compact on disk."""


class Goal(Record, frozen=True, kw_only=True):
    """What the session wants to achieve, why, and how success will be measured."""

    id: Slug
    what: Name
    why: str = ""
    measure: str = ""


class Persona(Record, frozen=True, kw_only=True):
    """A semi-fictional typical customer."""

    id: Slug
    name: Name
    description: str = ""
    needs: str = ""
    triggers: str = ""
    finds_us: str = ""
    expectations: str = ""
    frustrations: str = ""


class Phase(Record, frozen=True, kw_only=True):
    """One stage of the journey, in order. ``weight`` says how much it counts in the roadmap."""

    id: Slug
    name: Name
    description: str = ""
    weight: Annotated[float, msgspec.Meta(ge=0.1, le=5.0)] = 1.0


class Interaction(Record, frozen=True, kw_only=True):
    """One exchange within a touchpoint, in order: a chatbot, an e-mail, a phone call.

    ``channel`` None means the touchpoint's own; ``channel_name`` is the room's word for a
    channel beside "other", shown as typed."""

    name: str
    channel: Channel | None = None
    channel_name: str = ""


class Metric(Record, frozen=True, kw_only=True):
    """A figure measured at a touchpoint: CSAT, NPS, conversion, complaints per month."""

    name: Name
    value: float
    unit: str = ""
    date: dt.date | None = None
    source: str = ""


class Touchpoint(Record, frozen=True, kw_only=True):
    """A contact moment in a phase, direct (ours) or indirect (third parties, word of mouth).

    Behind it, optionally, the service blueprint: what our people do that the customer sees
    (``frontstage``), what they do out of sight (``backstage``), the processes and systems that
    support it (``support``), and who inside owns it (``owner``)."""

    id: Slug
    phase: Slug
    name: Name
    channel: Channel = "other"
    channel_name: str = ""
    """The room's own name for the channel, beside "other"."""
    kind: TouchpointKind = "direct"
    owner: str = ""
    description: str = ""
    interactions: tuple[Interaction, ...] = ()
    frontstage: str = ""
    backstage: str = ""
    support: str = ""
    metrics: tuple[Metric, ...] = ()


class PainPoint(Record, frozen=True, kw_only=True):
    """A challenge or obstacle a persona hits. Severity may be left open during the session."""

    text: Name
    severity: Severity | None = None
    evidence: Evidence | None = None
    source: str = ""
    """Where it was observed: a complaint log, an interview, the analytics."""


class Opportunity(Record, frozen=True, kw_only=True):
    """Something we could do better at a plot, and what that idea rests on."""

    text: str
    evidence: Evidence | None = None
    source: str = ""


class Plot(Record, frozen=True, kw_only=True):
    """One persona at one touchpoint: relevant or skipped, and what they do, think and feel."""

    persona: Slug
    touchpoint: Slug
    relevant: bool = True
    action: str = ""
    thought: str = ""
    emotion: Emotion | None = None
    target_emotion: Emotion | None = None
    """How we want the persona to feel here: the journey we want, beside today's."""
    thought_evidence: Evidence | None = None
    thought_source: str = ""
    emotion_evidence: Evidence | None = None
    emotion_source: str = ""
    pain_points: tuple[PainPoint, ...] = ()
    opportunities: tuple[Opportunity, ...] = ()
    moment_of_truth: bool = False


class RoadmapItem(Record, frozen=True, kw_only=True):
    """The room's decisions about one improvement; the numbers are computed, never stored.

    An item exists in the file only once the room decided something about it (effort, owner,
    status, a horizon override, a merge, a vote). Its ``sources`` tie it to pain points,
    opportunities or self-assessment answers, so regeneration finds it again after edits.
    """

    id: Slug
    sources: tuple[SourceKey, ...]
    title: str = ""
    effort: Effort | None = None
    horizon: Horizon | None = None
    owner: str = ""
    status: Status = "open"
    reviewed: dt.date | None = None
    note: str = ""


class Vote(Record, frozen=True, kw_only=True):
    """Dots one participant put on one roadmap item."""

    participant: Name
    item: Slug
    dots: Annotated[int, msgspec.Meta(ge=1, le=100)]


class Answer(Record, frozen=True, kw_only=True):
    """A self-assessment answer to one of the template's questions."""

    question: QuestionKey
    score: AssessmentScore | None = None
    not_applicable: bool = False
    note: str = ""


class ParkingNote(Record, frozen=True, kw_only=True):
    """A side topic the room raised, parked to keep the session on track."""

    text: Name
    done: bool = False


class Conflict(Record, frozen=True, kw_only=True):
    """A field (or record) two branches changed differently, left by ``cjworkshop merge``.

    ``where`` names it (``touchpoints[website].name``); ``kept`` is the value the session has now
    and ``other`` the other branch's, both as JSON (``other`` empty: that branch removed it)."""

    where: Annotated[str, msgspec.Meta(min_length=1, max_length=400)]
    kept: str = ""
    other: str = ""


class StepTime(Record, frozen=True, kw_only=True):
    """The timebox of one step: the minutes planned and the seconds actually used."""

    planned_minutes: Annotated[int, msgspec.Meta(ge=1, le=600)] | None = None
    used_seconds: Annotated[int, msgspec.Meta(ge=0)] = 0


class Session(Record, frozen=True, kw_only=True):
    """A whole workshop: the journey map and everything the room decided about it."""

    schema_version: int = SCHEMA_VERSION
    title: Title
    language: Language = "en"
    mode: Mode = "workshop"
    shape: Shape = "linear"
    template: str = "blank"
    created: dt.datetime
    updated: dt.datetime
    notes: str = ""
    previous: Annotated[str, msgspec.Meta(pattern=PREVIOUS_PATTERN, max_length=255)] = ""
    """The file name of the version this one revisits, in the same folder; empty for a first."""
    next_revisit: dt.date | None = None
    """The day the room plans to look at this map again (a revisit); ``check`` says when it
    has passed."""
    dots_per_participant: Annotated[int, msgspec.Meta(ge=1, le=20)] = 5
    timebox: dict[Step, StepTime] = {}
    goals: tuple[Goal, ...] = ()
    personas: tuple[Persona, ...] = ()
    phases: tuple[Phase, ...] = ()
    touchpoints: tuple[Touchpoint, ...] = ()
    plots: tuple[Plot, ...] = ()
    roadmap: tuple[RoadmapItem, ...] = ()
    votes: tuple[Vote, ...] = ()
    assessment: tuple[Answer, ...] = ()
    parking_lot: tuple[ParkingNote, ...] = ()
    conflicts: tuple[Conflict, ...] = ()
    """What a merge of two branches could not combine, until someone decides."""
