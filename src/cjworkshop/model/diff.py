"""What changed between two versions of a session: a comparison of meaning, not of text.

``compare(old, new)`` matches records by id, never by position, and looks at what the room would
notice when it revisits a journey map:

- goals, personas, phases and touchpoints: added, removed or renamed (the name of a goal is its
  ``what``);
- emotions, per persona and touchpoint present in both versions: better or worse and by how much,
  newly plotted (nothing before, an emotion now) or no longer plotted (the emotion cleared, or the
  plot skipped as not relevant). An emotion counts only at a relevant plot, as everywhere else;
- pain points, per plot present in both versions, matched by ``text_key`` of their text (so a
  change of case or punctuation is no change): new, solved (gone) or a different severity. Pain
  points are compared as written, at relevant and skipped plots alike;
- behind the touchpoints, target feelings and evidence (``diff_details``): interactions, blueprint
  texts and figures of touchpoints in both versions, target feelings, and what thoughts, feelings,
  pain points and opportunities rest on.
- roadmap items the room decided something about (``Session.roadmap``, in either version), matched
  by id: added (decided now, and neither on the old roadmap nor decided there), removed (the
  reverse), a different status, a different horizon set by the room, or a move to another
  horizon (Now, Next, Later) by its score. An item the old roadmap only proposed counts as open
  with no horizon set, so deciding just its effort is no change. A shift of rank within the same
  horizon is not reported: every change of a feeling or a pain point shifts scores a little, and
  the room plans by horizon. Only items open (or doing) in both versions are compared this way.

Everything else is left out on purpose: the session's title, language, mode, template, dates,
notes and timeboxes; descriptions, channels, owners and weights of records; actions, thoughts,
opportunities and moments of truth of plots (but for their evidence); effort, owner, title and
notes of roadmap items; votes, self-assessment answers and the parking lot. Records of a removed
persona or touchpoint (its plots, their pain points) are not listed again: the removal says it.
Items the roadmap only proposes come and go with their pain points and ideas, which the diff
already reports.

The order is the session's own: kinds in the order above, records in the new version's order with
removed ones after them in the old version's order, plots by persona and then journey order,
roadmap items in the new roadmap's order with removed ones last.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Final, Literal

from cjworkshop.model.diff_details import (
    EvidenceChange,
    TargetChange,
    TouchpointDetailChange,
    evidence_changes,
    target_changes,
    touchpoint_detail_changes,
)
from cjworkshop.model.ids import text_key
from cjworkshop.model.queries import touchpoints_in_order
from cjworkshop.model.roadmap import RankedItem, roadmap
from cjworkshop.model.session import Horizon, PainPoint, Plot, Session, Status
from cjworkshop.model.template import Checklist

RecordKind = Literal["goal", "persona", "phase", "touchpoint"]
RecordChangeKind = Literal["added", "removed", "renamed"]
EmotionDirection = Literal["better", "worse", "plotted", "unplotted"]
PainChangeKind = Literal["new", "solved", "severity"]
RoadmapChangeKind = Literal["added", "removed", "changed"]

RECORD_KINDS: Final[tuple[RecordKind, ...]] = ("goal", "persona", "phase", "touchpoint")
RECORD_CHANGES: Final[tuple[RecordChangeKind, ...]] = ("added", "removed", "renamed")
_CLOSED: Final[frozenset[Status]] = frozenset({"done", "dropped"})


@dataclass(frozen=True, slots=True)
class RecordChange:
    """A goal, persona, phase or touchpoint that came, went or got another name."""

    kind: RecordKind
    change: RecordChangeKind
    id: str
    old_name: str | None
    new_name: str | None


@dataclass(frozen=True, slots=True)
class EmotionChange:
    """How one persona feels at one touchpoint, before and after; None is "not plotted"."""

    persona: str
    touchpoint: str
    old: int | None
    new: int | None

    @property
    def delta(self) -> int | None:
        """How many steps the emotion moved, positive when better; None if one side is empty."""
        if self.old is None or self.new is None:
            return None
        return self.new - self.old

    @property
    def direction(self) -> EmotionDirection:
        if self.old is None:
            return "plotted"
        if self.new is None:
            return "unplotted"
        return "better" if self.new > self.old else "worse"


@dataclass(frozen=True, slots=True)
class PainChange:
    """A pain point at one plot that is new, solved, or hurts more or less than before."""

    persona: str
    touchpoint: str
    change: PainChangeKind
    text: str
    """The text as written in the new version, or in the old one when it was solved."""
    old_severity: int | None
    new_severity: int | None


@dataclass(frozen=True, slots=True)
class RoadmapState:
    """One roadmap item as the comparison sees it in one version."""

    title: str
    status: Status
    horizon: Horizon | None
    """The horizon the room set; None when the item follows its score."""
    rank: int | None
    """Its place on the roadmap, or None when its sources are gone from the session."""
    place: Horizon | None = None
    """The horizon it lands in, set or computed; None when its sources are gone."""


@dataclass(frozen=True, slots=True)
class RoadmapChange:
    """A decided roadmap item that was added, removed, or changed status, horizon or rank."""

    id: str
    change: RoadmapChangeKind
    old: RoadmapState | None
    new: RoadmapState | None
    rank_moved: bool = False
    """True when an item open in both versions landed in another horizon (Now, Next, Later)."""

    @property
    def title(self) -> str:
        state = self.new or self.old
        return state.title if state is not None else self.id

    @property
    def status_changed(self) -> bool:
        return self.old is not None and self.new is not None and self.old.status != self.new.status

    @property
    def horizon_changed(self) -> bool:
        return (
            self.old is not None and self.new is not None and self.old.horizon != self.new.horizon
        )


@dataclass(frozen=True, slots=True)
class DiffSummary:
    """The counts on top of a diff.

    A touchpoint is better when the emotions that changed there (persona by persona, plotted in
    both versions) add up to a rise, worse when they add up to a fall, and mixed when they cancel
    out. Pain points count once per plot, as they are listed.
    """

    touchpoints_better: int = 0
    touchpoints_worse: int = 0
    touchpoints_mixed: int = 0
    newly_plotted: int = 0
    no_longer_plotted: int = 0
    pains_new: int = 0
    pains_solved: int = 0
    pains_severity: int = 0
    records: tuple[tuple[RecordKind, RecordChangeKind, int], ...] = ()
    """How many records of each kind were added, removed or renamed, only where not zero."""
    roadmap_changed: int = 0
    touchpoints_detailed: int = 0
    """Touchpoints whose interactions, blueprint texts or figures changed."""
    targets_changed: int = 0
    evidence_changed: int = 0


@dataclass(frozen=True, slots=True)
class SessionDiff:
    """Everything that changed between two versions, in the session's own order."""

    records: tuple[RecordChange, ...]
    emotions: tuple[EmotionChange, ...]
    pains: tuple[PainChange, ...]
    roadmap: tuple[RoadmapChange, ...]
    details: tuple[TouchpointDetailChange, ...] = ()
    """Interactions, blueprint texts and figures, touchpoint by touchpoint in journey order."""
    targets: tuple[TargetChange, ...] = ()
    evidence: tuple[EvidenceChange, ...] = ()

    @property
    def is_empty(self) -> bool:
        return not (
            self.records
            or self.emotions
            or self.pains
            or self.roadmap
            or self.details
            or self.targets
            or self.evidence
        )

    @property
    def summary(self) -> DiffSummary:
        net: dict[str, int] = {}
        for emotion in self.emotions:
            if emotion.delta is not None:
                net[emotion.touchpoint] = net.get(emotion.touchpoint, 0) + emotion.delta
        directions = [emotion.direction for emotion in self.emotions]
        pains = [pain.change for pain in self.pains]
        records = tuple(
            (kind, change, count)
            for kind in RECORD_KINDS
            for change in RECORD_CHANGES
            if (count := sum(1 for r in self.records if (r.kind, r.change) == (kind, change)))
        )
        return DiffSummary(
            touchpoints_better=sum(1 for total in net.values() if total > 0),
            touchpoints_worse=sum(1 for total in net.values() if total < 0),
            touchpoints_mixed=sum(1 for total in net.values() if total == 0),
            newly_plotted=directions.count("plotted"),
            no_longer_plotted=directions.count("unplotted"),
            pains_new=pains.count("new"),
            pains_solved=pains.count("solved"),
            pains_severity=pains.count("severity"),
            records=records,
            roadmap_changed=len(self.roadmap),
            touchpoints_detailed=len({change.touchpoint for change in self.details}),
            targets_changed=len(self.targets),
            evidence_changed=len(self.evidence),
        )


def compare(old: Session, new: Session, *, questions: Checklist | None = None) -> SessionDiff:
    """What changed from ``old`` to ``new``; see the module docstring for what is compared.

    ``questions`` (the template's checklist) only gives roadmap items from self-assessment
    answers their title.
    """
    pairs = _shared_pairs(old, new)
    return SessionDiff(
        records=tuple(_record_changes(old, new)),
        emotions=tuple(_emotion_changes(old, new)),
        pains=tuple(_pain_changes(old, new)),
        roadmap=tuple(_roadmap_changes(old, new, questions)),
        details=tuple(touchpoint_detail_changes(old, new)),
        targets=tuple(target_changes(old, new, pairs)),
        evidence=tuple(evidence_changes(old, new, pairs)),
    )


def _names(session: Session, kind: RecordKind) -> dict[str, str]:
    if kind == "goal":
        return {goal.id: goal.what for goal in session.goals}
    if kind == "persona":
        return {persona.id: persona.name for persona in session.personas}
    if kind == "phase":
        return {phase.id: phase.name for phase in session.phases}
    return {touchpoint.id: touchpoint.name for touchpoint in session.touchpoints}


def _record_changes(old: Session, new: Session) -> Iterable[RecordChange]:
    for kind in RECORD_KINDS:
        before, after = _names(old, kind), _names(new, kind)
        for record_id, name in after.items():
            if record_id not in before:
                yield RecordChange(kind, "added", record_id, None, name)
            elif before[record_id] != name:
                yield RecordChange(kind, "renamed", record_id, before[record_id], name)
        for record_id, name in before.items():
            if record_id not in after:
                yield RecordChange(kind, "removed", record_id, name, None)


def _shared_pairs(old: Session, new: Session) -> list[tuple[str, str]]:
    """Persona x touchpoint pairs that exist in both versions, in the new version's order."""
    personas = {persona.id for persona in old.personas}
    touchpoints = {touchpoint.id for touchpoint in old.touchpoints}
    journey = [tp.id for tp in touchpoints_in_order(new) if tp.id in touchpoints]
    return [
        (persona.id, touchpoint)
        for persona in new.personas
        if persona.id in personas
        for touchpoint in journey
    ]


def _plots(session: Session) -> dict[tuple[str, str], Plot]:
    return {(plot.persona, plot.touchpoint): plot for plot in session.plots}


def _emotion(plot: Plot | None) -> int | None:
    return plot.emotion if plot is not None and plot.relevant else None


def _emotion_changes(old: Session, new: Session) -> Iterable[EmotionChange]:
    before, after = _plots(old), _plots(new)
    for pair in _shared_pairs(old, new):
        was, now = _emotion(before.get(pair)), _emotion(after.get(pair))
        if was != now:
            yield EmotionChange(pair[0], pair[1], was, now)


def _pains(plot: Plot | None) -> dict[str, PainPoint]:
    """A plot's pain points by text key; a text written twice counts once, at its worst."""
    found: dict[str, PainPoint] = {}
    for pain in plot.pain_points if plot is not None else ():
        key = text_key(pain.text)
        known = found.get(key)
        if known is None or (pain.severity or 0) > (known.severity or 0):
            found[key] = PainPoint(text=known.text if known else pain.text, severity=pain.severity)
    return found


def _pain_changes(old: Session, new: Session) -> Iterable[PainChange]:
    before, after = _plots(old), _plots(new)
    for persona, touchpoint in _shared_pairs(old, new):
        was = _pains(before.get((persona, touchpoint)))
        now = _pains(after.get((persona, touchpoint)))
        for key, pain in now.items():
            if key not in was:
                yield PainChange(persona, touchpoint, "new", pain.text, None, pain.severity)
            elif was[key].severity != pain.severity:
                yield PainChange(
                    persona, touchpoint, "severity", pain.text, was[key].severity, pain.severity
                )
        for key, pain in was.items():
            if key not in now:
                yield PainChange(persona, touchpoint, "solved", pain.text, pain.severity, None)


def _states(session: Session, ranked: Sequence[RankedItem]) -> dict[str, RoadmapState]:
    """Every decided item and every ranked one, by id, in roadmap order."""
    states = {
        item.id: RoadmapState(
            title=item.title,
            status=item.status,
            horizon=item.decision.horizon if item.decision is not None else None,
            rank=item.rank,
            place=item.horizon,
        )
        for item in ranked
    }
    for decision in session.roadmap:
        states.setdefault(
            decision.id,
            RoadmapState(
                title=decision.title or decision.id,
                status=decision.status,
                horizon=decision.horizon,
                rank=None,
            ),
        )
    return states


def _open_ids(ranked: Sequence[RankedItem]) -> set[str]:
    return {item.id for item in ranked if item.status not in _CLOSED}


def _roadmap_changes(
    old: Session, new: Session, questions: Checklist | None
) -> Iterable[RoadmapChange]:
    old_ranked, new_ranked = roadmap(old, questions), roadmap(new, questions)
    before, after = _states(old, old_ranked), _states(new, new_ranked)
    decided = {d.id for d in old.roadmap} | {d.id for d in new.roadmap}
    # Done and dropped items sink to the end of the roadmap by design, so only the items open in
    # both versions have an order worth comparing.
    shared = _open_ids(old_ranked) & _open_ids(new_ranked)
    order = [*after, *(item_id for item_id in before if item_id not in after)]
    for item_id in order:
        if item_id not in decided:
            continue
        was, now = before.get(item_id), after.get(item_id)
        if was is None:
            yield RoadmapChange(item_id, "added", None, now)
            continue
        if now is None:
            yield RoadmapChange(item_id, "removed", was, None)
            continue
        # A horizon the room set explains the move by itself.
        moved = item_id in shared and was.place != now.place and was.horizon == now.horizon
        if moved or was.status != now.status or was.horizon != now.horizon:
            yield RoadmapChange(item_id, "changed", was, now, rank_moved=moved)
