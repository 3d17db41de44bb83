"""What changed behind the touchpoints, in the feelings aimed for and in what notes rest on.

The comparisons of schema version 2, in the same spirit as ``diff``: records matched by id, notes
and figures by ``text_key`` of their text or name, so a change of case or punctuation is no change.

- per touchpoint in both versions: interactions added or removed (matched by name) or moved to
  another channel (``None`` counts as the touchpoint's own channel, the room's word beside
  "other" as a channel of its own); a blueprint text (frontstage, backstage, support) written,
  rewritten or cleared; figures added, removed, or with another value or unit (matched by name);
  a new date alone is a new measurement of the same value, and no change;
- per persona and touchpoint in both versions, at a relevant plot: the target feeling set,
  changed or cleared;
- per plot in both versions: the evidence of the thought, of the feeling, and of each pain point
  and opportunity present in both (a note that came or went is reported, or not, by ``diff``).
  A new source with the same evidence is no change.

Left out on purpose: the order of interactions, and a touchpoint's owner and description.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Final, Literal

from cjworkshop.model.ids import text_key
from cjworkshop.model.queries import touchpoints_in_order
from cjworkshop.model.session import (
    Channel,
    Evidence,
    Interaction,
    Metric,
    Opportunity,
    PainPoint,
    Plot,
    Session,
    Touchpoint,
)

InteractionChangeKind = Literal["added", "removed", "channel"]
StageField = Literal["frontstage", "backstage", "support"]
StageChangeKind = Literal["written", "rewritten", "cleared"]
MetricChangeKind = Literal["added", "removed", "value"]
TargetChangeKind = Literal["set", "changed", "cleared"]
EvidenceSubject = Literal["thought", "feeling", "pain", "opportunity"]

STAGE_FIELDS: Final[tuple[StageField, ...]] = ("frontstage", "backstage", "support")


@dataclass(frozen=True, slots=True)
class ChannelRef:
    """The channel an interaction runs through, with the room's word when it is "other"."""

    channel: Channel
    name: str = ""


@dataclass(frozen=True, slots=True)
class InteractionChange:
    """An interaction within a touchpoint that came, went or moved to another channel."""

    touchpoint: str
    change: InteractionChangeKind
    name: str
    old_channel: ChannelRef | None
    new_channel: ChannelRef | None


@dataclass(frozen=True, slots=True)
class StageChange:
    """A blueprint text of a touchpoint written, rewritten or cleared."""

    touchpoint: str
    field: StageField
    change: StageChangeKind
    old: str
    new: str


@dataclass(frozen=True, slots=True)
class MetricChange:
    """A figure of a touchpoint added, removed, or measured at another value."""

    touchpoint: str
    change: MetricChangeKind
    name: str
    old: Metric | None
    new: Metric | None


TouchpointDetailChange = InteractionChange | StageChange | MetricChange


@dataclass(frozen=True, slots=True)
class TargetChange:
    """The feeling the room aims for, for one persona at one touchpoint; None is "no target"."""

    persona: str
    touchpoint: str
    old: int | None
    new: int | None

    @property
    def change(self) -> TargetChangeKind:
        if self.old is None:
            return "set"
        return "cleared" if self.new is None else "changed"


@dataclass(frozen=True, slots=True)
class EvidenceChange:
    """What a thought, feeling, pain point or opportunity rests on, before and after."""

    persona: str
    touchpoint: str
    subject: EvidenceSubject
    text: str
    """The note's text (the new version's), the thought, or empty for a feeling."""
    old: Evidence | None
    new: Evidence | None
    source: str = ""
    """Where the new evidence comes from, as typed."""


def _effective(touchpoint: Touchpoint, item: Interaction) -> ChannelRef:
    if item.channel is None:
        channel, name = touchpoint.channel, touchpoint.channel_name
    else:
        channel, name = item.channel, item.channel_name
    return ChannelRef(channel, name.strip() if channel == "other" else "")


def _same_channel(a: ChannelRef, b: ChannelRef) -> bool:
    return a.channel == b.channel and text_key(a.name) == text_key(b.name)


def _interactions(old: Touchpoint, new: Touchpoint) -> Iterable[InteractionChange]:
    before = {text_key(i.name): i for i in old.interactions}
    after = {text_key(i.name): i for i in new.interactions}
    for key, item in after.items():
        now = _effective(new, item)
        if key not in before:
            yield InteractionChange(new.id, "added", item.name, None, now)
        elif not _same_channel(was := _effective(old, before[key]), now):
            yield InteractionChange(new.id, "channel", item.name, was, now)
    for key, item in before.items():
        if key not in after:
            yield InteractionChange(new.id, "removed", item.name, _effective(old, item), None)


def _stage(old: Touchpoint, new: Touchpoint) -> Iterable[StageChange]:
    for field in STAGE_FIELDS:
        was, now = getattr(old, field).strip(), getattr(new, field).strip()
        if text_key(was) == text_key(now) and bool(was) == bool(now):
            continue
        change: StageChangeKind = "written" if not was else "cleared" if not now else "rewritten"
        yield StageChange(new.id, field, change, was, now)


def _metrics(old: Touchpoint, new: Touchpoint) -> Iterable[MetricChange]:
    before = {text_key(m.name): m for m in old.metrics}
    after = {text_key(m.name): m for m in new.metrics}
    for key, metric in after.items():
        was = before.get(key)
        if was is None:
            yield MetricChange(new.id, "added", metric.name, None, metric)
        elif was.value != metric.value or text_key(was.unit) != text_key(metric.unit):
            yield MetricChange(new.id, "value", metric.name, was, metric)
    for key, metric in before.items():
        if key not in after:
            yield MetricChange(new.id, "removed", metric.name, metric, None)


def touchpoint_detail_changes(old: Session, new: Session) -> Iterable[TouchpointDetailChange]:
    """Per touchpoint in both versions, in journey order: interactions, blueprint, figures."""
    before = {touchpoint.id: touchpoint for touchpoint in old.touchpoints}
    for touchpoint in touchpoints_in_order(new):
        was = before.get(touchpoint.id)
        if was is not None:
            yield from _interactions(was, touchpoint)
            yield from _stage(was, touchpoint)
            yield from _metrics(was, touchpoint)


def _target(plot: Plot | None) -> int | None:
    return plot.target_emotion if plot is not None and plot.relevant else None


def target_changes(
    old: Session, new: Session, pairs: Sequence[tuple[str, str]]
) -> Iterable[TargetChange]:
    """The target feelings set, changed or cleared at the given persona × touchpoint pairs."""
    before, after = _plots(old), _plots(new)
    for persona, touchpoint in pairs:
        was, now = (
            _target(before.get((persona, touchpoint))),
            _target(after.get((persona, touchpoint))),
        )
        if was != now:
            yield TargetChange(persona, touchpoint, was, now)


def _plots(session: Session) -> dict[tuple[str, str], Plot]:
    return {(plot.persona, plot.touchpoint): plot for plot in session.plots}


def _notes(notes: Sequence[PainPoint | Opportunity]) -> dict[str, PainPoint | Opportunity]:
    found: dict[str, PainPoint | Opportunity] = {}
    for note in notes:
        found.setdefault(text_key(note.text), note)
    return found


def evidence_changes(
    old: Session, new: Session, pairs: Sequence[tuple[str, str]]
) -> Iterable[EvidenceChange]:
    """Evidence that changed at the given pairs: thought, feeling, then pain points and ideas."""
    before, after = _plots(old), _plots(new)
    for persona, touchpoint in pairs:
        was, now = before.get((persona, touchpoint)), after.get((persona, touchpoint))
        if was is None or now is None:
            continue
        if was.thought_evidence != now.thought_evidence:
            yield EvidenceChange(
                persona,
                touchpoint,
                "thought",
                now.thought or was.thought,
                was.thought_evidence,
                now.thought_evidence,
                now.thought_source,
            )
        if was.emotion_evidence != now.emotion_evidence:
            yield EvidenceChange(
                persona,
                touchpoint,
                "feeling",
                "",
                was.emotion_evidence,
                now.emotion_evidence,
                now.emotion_source,
            )
        subjects: tuple[
            tuple[
                EvidenceSubject,
                Sequence[PainPoint | Opportunity],
                Sequence[PainPoint | Opportunity],
            ],
            ...,
        ] = (
            ("pain", was.pain_points, now.pain_points),
            ("opportunity", was.opportunities, now.opportunities),
        )
        for subject, old_notes, new_notes in subjects:
            earlier = _notes(old_notes)
            for key, note in _notes(new_notes).items():
                known = earlier.get(key)
                if known is not None and known.evidence != note.evidence:
                    yield EvidenceChange(
                        persona,
                        touchpoint,
                        subject,
                        note.text,
                        known.evidence,
                        note.evidence,
                        note.source,
                    )
