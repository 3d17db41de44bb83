"""Looking at the whole journey: where it hurts, where it shines, what is still unplotted.

Every figure here can be checked by hand from the session file:

- a pain point is the same text (ignoring case, accents and punctuation) wherever it occurs; its
  severity is the highest severity given to it (3 when nobody set one), and its score is that
  severity times the number of personas who hit it;
- a bright spot is a touchpoint whose average emotion, over the personas who plotted an emotion
  there, is above zero;
- the heat map holds each persona's average emotion per phase.
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
from cjworkshop.model.session import Persona, Phase, Session, Touchpoint

UNSET_SEVERITY = 3
"""The severity counted for a pain point nobody rated yet; reports say it was not set."""


@dataclass(frozen=True)
class Occurrence:
    """Where a pain point or an opportunity was named: which persona, at which touchpoint."""

    persona: str
    touchpoint: str
    severity: int | None = None


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
            entry.occurrences.append(Occurrence(persona, touchpoint, pain.severity))
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
            entry.occurrences.append(Occurrence(persona, touchpoint))
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
