"""Looking at the whole journey: where it hurts, where it shines, what is still unplotted.

Every figure here can be checked by hand from the session file:

- a pain point is the same text (ignoring case, accents and punctuation) wherever it occurs; its
  severity is the highest severity given to it (3 when nobody set one), and its score is that
  severity times the number of personas who hit it;
- a bright spot is a touchpoint whose average emotion, over the personas who plotted an emotion
  there, is above zero;
- the heat map holds each persona's average emotion per phase;
- the evidence share counts, per kind of note (pain points, opportunities, thoughts, feelings),
  how many were marked observed, assumed, or not marked, over the plots that are relevant;
- a target gap is the target feeling minus today's at a plot where both are set.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from cjworkshop.model.ids import text_key
from cjworkshop.model.queries import (
    empty_phases,
    phases_by_id,
    touchpoints_in_order,
    unplotted_pairs,
)
from cjworkshop.model.session import Evidence, Persona, Phase, Plot, Session, Touchpoint

UNSET_SEVERITY = 3
"""The severity counted for a pain point nobody rated yet; reports say it was not set."""


@dataclass(frozen=True)
class Occurrence:
    """Where a pain point or an opportunity was named: which persona, at which touchpoint."""

    persona: str
    touchpoint: str
    severity: int | None = None
    evidence: Evidence | None = None


@dataclass(frozen=True)
class PainGroup:
    """One pain point across the journey."""

    key: str
    text: str
    occurrences: tuple[Occurrence, ...]
    severity: int
    severity_set: bool
    personas: tuple[str, ...]

    @property
    def score(self) -> int:
        """Severity times the number of personas who hit it."""
        return self.severity * len(self.personas)

    @property
    def touchpoints(self) -> tuple[str, ...]:
        seen: dict[str, None] = {}
        for occurrence in self.occurrences:
            seen.setdefault(occurrence.touchpoint)
        return tuple(seen)


@dataclass(frozen=True)
class OpportunityGroup:
    """One improvement idea across the journey."""

    key: str
    text: str
    occurrences: tuple[Occurrence, ...]
    personas: tuple[str, ...]


@dataclass(frozen=True)
class BrightSpot:
    touchpoint: Touchpoint
    phase: Phase
    average: float
    personas: tuple[str, ...]
    moments_of_truth: int


@dataclass(frozen=True)
class Coverage:
    plotted: int
    pairs: int
    unplotted: tuple[tuple[Persona, Touchpoint], ...]
    empty_phases: tuple[Phase, ...]


@dataclass
class _Collecting:
    text: str
    occurrences: list[Occurrence] = field(default_factory=list)


def _ordered_plots(session: Session) -> list[tuple[int, int, str, str]]:
    """(persona position, journey position, persona id, touchpoint id) of every plot, in order."""
    persona_order = {persona.id: index for index, persona in enumerate(session.personas)}
    journey_order = {tp.id: index for index, tp in enumerate(touchpoints_in_order(session))}
    entries = [
        (
            persona_order.get(plot.persona, 0),
            journey_order.get(plot.touchpoint, 0),
            plot.persona,
            plot.touchpoint,
        )
        for plot in session.plots
        if plot.relevant
    ]
    return sorted(entries)


def pain_groups(session: Session) -> list[PainGroup]:
    """Every pain point, worst first: by score, then severity, then how early it occurs."""
    plots = {(plot.persona, plot.touchpoint): plot for plot in session.plots}
    collected: dict[str, _Collecting] = {}
    for _, _, persona, touchpoint in _ordered_plots(session):
        for pain in plots[(persona, touchpoint)].pain_points:
            entry = collected.setdefault(text_key(pain.text), _Collecting(pain.text.strip()))
            entry.occurrences.append(Occurrence(persona, touchpoint, pain.severity, pain.evidence))
    groups = []
    for key, entry in collected.items():
        rated = [o.severity for o in entry.occurrences if o.severity is not None]
        personas = tuple(dict.fromkeys(o.persona for o in entry.occurrences))
        groups.append(
            PainGroup(
                key=key,
                text=entry.text,
                occurrences=tuple(entry.occurrences),
                severity=max(rated) if rated else UNSET_SEVERITY,
                severity_set=bool(rated),
                personas=personas,
            )
        )
    first_seen = {key: position for position, key in enumerate(collected)}
    return sorted(groups, key=lambda g: (-g.score, -g.severity, first_seen[g.key]))


def opportunity_groups(session: Session) -> list[OpportunityGroup]:
    """Every improvement idea, in the order it first comes up in the journey."""
    plots = {(plot.persona, plot.touchpoint): plot for plot in session.plots}
    collected: dict[str, _Collecting] = {}
    for _, _, persona, touchpoint in _ordered_plots(session):
        for idea in plots[(persona, touchpoint)].opportunities:
            entry = collected.setdefault(text_key(idea.text), _Collecting(idea.text.strip()))
            entry.occurrences.append(Occurrence(persona, touchpoint, evidence=idea.evidence))
    return [
        OpportunityGroup(
            key=key,
            text=entry.text,
            occurrences=tuple(entry.occurrences),
            personas=tuple(dict.fromkeys(o.persona for o in entry.occurrences)),
        )
        for key, entry in collected.items()
    ]


def bright_spots(session: Session) -> list[BrightSpot]:
    """Touchpoints where satisfaction is highest: average emotion above zero, best first."""
    phases = phases_by_id(session)
    emotions: dict[str, list[tuple[str, int, bool]]] = {}
    for plot in session.plots:
        if plot.relevant and plot.emotion is not None:
            emotions.setdefault(plot.touchpoint, []).append(
                (plot.persona, plot.emotion, plot.moment_of_truth)
            )
    spots = []
    for position, touchpoint in enumerate(touchpoints_in_order(session)):
        found = emotions.get(touchpoint.id)
        if not found or touchpoint.phase not in phases:
            continue
        average = sum(emotion for _, emotion, _ in found) / len(found)
        if average > 0:
            spots.append(
                (
                    -average,
                    -len(found),
                    position,
                    BrightSpot(
                        touchpoint=touchpoint,
                        phase=phases[touchpoint.phase],
                        average=average,
                        personas=tuple(persona for persona, _, _ in found),
                        moments_of_truth=sum(1 for _, _, truth in found if truth),
                    ),
                )
            )
    return [spot for *_, spot in sorted(spots, key=lambda entry: entry[:3])]


def heat_map(session: Session) -> dict[tuple[str, str], float | None]:
    """Each persona's average emotion per phase; None where nothing was plotted."""
    phase_of = {tp.id: tp.phase for tp in session.touchpoints}
    sums: dict[tuple[str, str], list[int]] = {}
    for plot in session.plots:
        phase = phase_of.get(plot.touchpoint)
        if plot.relevant and plot.emotion is not None and phase is not None:
            sums.setdefault((plot.persona, phase), []).append(plot.emotion)
    return {
        (persona.id, phase.id): (
            sum(values) / len(values) if (values := sums.get((persona.id, phase.id))) else None
        )
        for persona in session.personas
        for phase in session.phases
    }


def coverage(session: Session) -> Coverage:
    missing = tuple(unplotted_pairs(session))
    pairs = len(session.personas) * len(session.touchpoints)
    return Coverage(
        plotted=pairs - len(missing),
        pairs=pairs,
        unplotted=missing,
        empty_phases=tuple(empty_phases(session)),
    )


@dataclass(frozen=True)
class EvidenceCount:
    """How many notes of one kind were marked observed, marked assumed, or left unmarked."""

    observed: int = 0
    assumed: int = 0
    unmarked: int = 0

    @property
    def total(self) -> int:
        return self.observed + self.assumed + self.unmarked

    def counted(self, evidence: Evidence | None) -> EvidenceCount:
        return EvidenceCount(
            observed=self.observed + (evidence == "observed"),
            assumed=self.assumed + (evidence == "assumed"),
            unmarked=self.unmarked + (evidence is None),
        )


@dataclass(frozen=True)
class EvidenceShare:
    """What the map rests on, per kind of note, over the relevant plots."""

    pain_points: EvidenceCount
    opportunities: EvidenceCount
    thoughts: EvidenceCount
    feelings: EvidenceCount

    @property
    def kinds(self) -> tuple[tuple[str, EvidenceCount], ...]:
        return (
            ("pain_points", self.pain_points),
            ("opportunities", self.opportunities),
            ("thoughts", self.thoughts),
            ("feelings", self.feelings),
        )

    @property
    def overall(self) -> EvidenceCount:
        counts = [count for _, count in self.kinds]
        return EvidenceCount(
            observed=sum(c.observed for c in counts),
            assumed=sum(c.assumed for c in counts),
            unmarked=sum(c.unmarked for c in counts),
        )

    @property
    def marked(self) -> bool:
        """Whether anything was marked at all; until then the review says nothing of it."""
        everything = self.overall
        return everything.observed + everything.assumed > 0

    @property
    def assumed_percent(self) -> int:
        """The share of all notes marked assumed, in whole percent (half rounds up)."""
        everything = self.overall
        if not everything.total:
            return 0
        return (200 * everything.assumed + everything.total) // (2 * everything.total)


def _thought_noted(plot: Plot) -> bool:
    # A mark without its note still tells the room something, so it counts as noted.
    return bool(plot.thought.strip()) or plot.thought_evidence is not None


def _feeling_noted(plot: Plot) -> bool:
    return plot.emotion is not None or plot.emotion_evidence is not None


def evidence_share(session: Session) -> EvidenceShare:
    """Of the pain points, opportunities, thoughts and feelings noted: how many are observed,
    how many assumed, how many neither."""
    pains = ideas = thoughts = feelings = EvidenceCount()
    for plot in session.plots:
        if not plot.relevant:
            continue
        for pain in plot.pain_points:
            pains = pains.counted(pain.evidence)
        for idea in plot.opportunities:
            ideas = ideas.counted(idea.evidence)
        if _thought_noted(plot):
            thoughts = thoughts.counted(plot.thought_evidence)
        if _feeling_noted(plot):
            feelings = feelings.counted(plot.emotion_evidence)
    return EvidenceShare(pains, ideas, thoughts, feelings)


@dataclass(frozen=True)
class TargetGap:
    """Where a persona's feeling today falls short of (or goes past) the feeling we want."""

    persona: Persona
    touchpoint: Touchpoint
    today: int
    target: int

    @property
    def gap(self) -> int:
        """Target minus today: +3 means three steps up to go, −1 one step above the target."""
        return self.target - self.today


def has_targets(session: Session) -> bool:
    """Whether any relevant plot has a target feeling."""
    return any(plot.relevant and plot.target_emotion is not None for plot in session.plots)


def target_gaps(session: Session) -> list[TargetGap]:
    """Every plot with both feelings set and a difference between them, biggest gap first
    (by size, ties in persona and journey order)."""
    personas = {persona.id: persona for persona in session.personas}
    touchpoints = {tp.id: tp for tp in session.touchpoints}
    plots = {(plot.persona, plot.touchpoint): plot for plot in session.plots}
    gaps = []
    for position, (_, _, persona, touchpoint) in enumerate(_ordered_plots(session)):
        plot = plots[(persona, touchpoint)]
        if plot.emotion is None or plot.target_emotion is None:
            continue
        if plot.emotion == plot.target_emotion or persona not in personas:
            continue
        if touchpoint not in touchpoints:
            continue
        found = TargetGap(
            personas[persona], touchpoints[touchpoint], plot.emotion, plot.target_emotion
        )
        gaps.append((-abs(found.gap), -found.gap, position, found))
    return [found for *_, found in sorted(gaps, key=lambda entry: entry[:3])]
