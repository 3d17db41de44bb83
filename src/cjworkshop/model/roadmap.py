"""The improvement roadmap: items from pain points, opportunities and weak self-assessment answers,
scored in a way anyone can recompute from the session file.

For every item::

    impact = severity × personas × phase weight × feeling × (1 + 0.1 × dots)
    score  = impact / effort

- severity: the highest severity of its pain points (3 when unrated); for an opportunity, the
  highest severity of the pain points named at the same plots, else 2; for a self-assessment
  answer, 6 minus the answer (1 gives 5, 4 gives 2);
- personas: how many personas it touches (a self-assessment answer touches them all, at least 1);
- phase weight: the highest weight among the phases where it occurs (the template sets these);
- feeling: 1 + average gap / 4 over the plots where it occurs and a feeling is set, each plot
  counted once, where a plot's gap is its target feeling minus today's, and a plot without a target
  counts neutral (0) as its target: without targets that is 1 + (−average emotion) / 4, from 0.5
  (+2, delighted) to 1.5 (−2, furious); with them up to 2 (target +2, today −2), and never below
  0.5, as without them (a target below today's feeling makes an item less urgent, not
  worthless); 1 where no feeling is known, which is always so for a self-assessment answer: the
  answer itself is the owner's judgement, so nothing else of its phase moves it;
- dots: the dot votes the room gave it;
- effort: 1 to 5 as the room set it; until then it counts as 3 and the item says so.

So answers and pain points share one ranking: an answer of 1 weighs as a pain point of severity
5 that every persona hits and nobody has felt yet, an answer of 4 as one of severity 2. Within a
phase weight, with equal effort and dots, a lower answer always ranks above a higher one. An
item made of answers alone is titled by the action its question suggests (the template's
``action``), not by the question.

Items are ranked by score. The horizon follows the score (at least two thirds of the top score:
Now; at least a third: Next; else Later) unless the room overrode it. The quadrant compares
impact with half the highest impact and effort with 3: quick win, big bet, fill-in, money pit.
Regenerating keeps every decision, because decisions live in ``Session.roadmap`` keyed by the
sources of the item, never by its position.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass
from fractions import Fraction
from typing import Literal

from cjworkshop.model.assessment import phase_of
from cjworkshop.model.ids import slugify
from cjworkshop.model.review import Occurrence, opportunity_groups, pain_groups
from cjworkshop.model.session import Horizon, Plot, RoadmapItem, Session, Status
from cjworkshop.model.template import Checklist

UNSET_EFFORT = 3
VOTE_WEIGHT = Fraction(1, 10)
OPPORTUNITY_SEVERITY = 2
WEAK_ANSWER = 4
"""Self-assessment answers at or below this become roadmap items."""

Quadrant = Literal["quick-win", "big-bet", "fill-in", "money-pit"]
SourceKind = Literal["pain", "opportunity", "assessment"]
PlotKey = tuple[str, str]
"""A plot by (persona id, touchpoint id)."""


@dataclass(frozen=True)
class Evidence:
    """What one source brings to an item: the raw material of its score."""

    key: str
    kind: SourceKind
    text: str
    """What the item is about: the pain point or idea as noted, or for an answer the action its
    question suggests."""
    severity: int
    severity_set: bool
    personas: frozenset[str]
    touchpoints: tuple[str, ...]
    phases: tuple[str, ...]
    emotions: tuple[tuple[PlotKey, int], ...]
    """The feeling at every plot where the source occurs, one entry per plot: the feeling
    counts each plot once, however many of an item's sources were noted there."""
    answer: int | None = None
    question: str = ""
    """For an answer, the question it answers, in the session's language."""
    targets: tuple[tuple[PlotKey, int], ...] = ()
    """The target feeling at the plots of ``emotions`` that have one."""
    assumed: bool = False
    """Whether every time it was noted, it was marked assumed: nobody has seen it happen yet."""


@dataclass(frozen=True)
class Factors:
    """The numbers behind an item's rank, each explained in its ``why``."""

    severity: int
    severity_set: bool
    personas: int
    weight: float
    weight_phase: str | None
    feeling: float
    average_emotion: float | None
    average_target: float | None
    """The average target feeling over the same plots (neutral where none is set), or None
    when no plot of the item has a target: then the feeling rests on today's alone."""
    average_gap: float | None
    dots: int
    impact: float
    effort: int
    effort_set: bool
    score: float


@dataclass(frozen=True)
class RankedItem:
    """One roadmap item with its decisions, its evidence and where it ranks."""

    id: str
    title: str
    decision: RoadmapItem | None
    evidence: tuple[Evidence, ...]
    factors: Factors
    rank: int
    horizon: Horizon
    horizon_overridden: bool
    quadrant: Quadrant | None
    top_score: float
    """The highest score of the roadmap, which the horizon is measured against."""

    @property
    def status(self) -> Status:
        return self.decision.status if self.decision else "open"

    @property
    def owner(self) -> str:
        return self.decision.owner if self.decision else ""

    @property
    def sources(self) -> tuple[str, ...]:
        return tuple(e.key for e in self.evidence)

    @property
    def personas(self) -> frozenset[str]:
        return frozenset().union(*(e.personas for e in self.evidence))

    @property
    def touchpoints(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(t for e in self.evidence for t in e.touchpoints))

    @property
    def assumed(self) -> bool:
        """Whether everything behind it is marked assumed: to check before building it."""
        return all(e.assumed for e in self.evidence)


def evidence(session: Session, questions: Checklist | None = None) -> list[Evidence]:
    """Every candidate source of a roadmap item, pain points first, in journey order.

    ``questions`` (the template's checklist) gives an answer its question and its action; an
    answer to a question the template no longer has is named by its key."""
    plots = {(plot.persona, plot.touchpoint): plot for plot in session.plots}
    phase_of_touchpoint = {tp.id: tp.phase for tp in session.touchpoints}
    found: list[Evidence] = []
    for group in pain_groups(session):
        occurrences = [(o.persona, o.touchpoint) for o in group.occurrences]
        found.append(
            Evidence(
                key=f"pain:{group.key}",
                kind="pain",
                text=group.text,
                severity=group.severity,
                severity_set=group.severity_set,
                personas=frozenset(group.personas),
                touchpoints=group.touchpoints,
                phases=tuple(dict.fromkeys(phase_of_touchpoint[t] for t in group.touchpoints)),
                emotions=_emotions(plots, occurrences),
                targets=_targets(plots, occurrences),
                assumed=_all_assumed(group.occurrences),
            )
        )
    for idea in opportunity_groups(session):
        occurrences = [(o.persona, o.touchpoint) for o in idea.occurrences]
        rated = [
            pain.severity
            for pair in occurrences
            for pain in plots[pair].pain_points
            if pain.severity is not None
        ]
        touchpoints = tuple(dict.fromkeys(o.touchpoint for o in idea.occurrences))
        found.append(
            Evidence(
                key=f"opportunity:{idea.key}",
                kind="opportunity",
                text=idea.text,
                severity=max(rated) if rated else OPPORTUNITY_SEVERITY,
                severity_set=bool(rated),
                personas=frozenset(idea.personas),
                touchpoints=touchpoints,
                phases=tuple(dict.fromkeys(phase_of_touchpoint[t] for t in touchpoints)),
                emotions=_emotions(plots, occurrences),
                targets=_targets(plots, occurrences),
                assumed=_all_assumed(idea.occurrences),
            )
        )
    phases = {phase.id for phase in session.phases}
    everyone = frozenset(persona.id for persona in session.personas)
    for answer in session.assessment:
        phase = phase_of(answer.question)
        if answer.not_applicable or answer.score is None or answer.score > WEAK_ANSWER:
            continue
        if phase not in phases:
            continue
        asked = (questions or {}).get(answer.question)
        found.append(
            Evidence(
                key=f"assessment:{answer.question}",
                kind="assessment",
                text=asked.action if asked else answer.question,
                severity=6 - answer.score,
                severity_set=True,
                personas=everyone,
                touchpoints=(),
                phases=(phase,),
                emotions=(),
                answer=answer.score,
                question=asked.question if asked else answer.question,
            )
        )
    return found


def _emotions(
    plots: dict[PlotKey, Plot], pairs: Iterable[PlotKey]
) -> tuple[tuple[PlotKey, int], ...]:
    felt = {pair: emotion for pair in pairs if (emotion := plots[pair].emotion) is not None}
    return tuple(felt.items())


def _targets(
    plots: dict[PlotKey, Plot], pairs: Iterable[PlotKey]
) -> tuple[tuple[PlotKey, int], ...]:
    aims = {
        pair: target
        for pair in pairs
        if plots[pair].emotion is not None and (target := plots[pair].target_emotion) is not None
    }
    return tuple(aims.items())


def _all_assumed(occurrences: Iterable[Occurrence]) -> bool:
    return all(o.evidence == "assumed" for o in occurrences)


def half_up(value: Fraction, places: int = 1) -> float:
    """Round as people do on paper: 16.25 becomes 16.3, not 16.2."""
    scale: int = 10**places
    whole: int = math.floor(value * scale + Fraction(1, 2))
    return whole / scale


def _factors(
    session: Session, found: tuple[Evidence, ...], decision: RoadmapItem | None
) -> Factors:
    weights = {phase.id: Fraction(str(phase.weight)) for phase in session.phases}
    names = {phase.id: phase.name for phase in session.phases}
    severity = max(e.severity for e in found)
    personas = frozenset().union(*(e.personas for e in found))
    reach = max(1, len(personas))
    phases = [p for e in found for p in e.phases if p in weights]
    weight_phase = max(phases, key=lambda p: weights[p]) if phases else None
    weight = weights[weight_phase] if weight_phase else Fraction(1)
    # One plot, one feeling: a plot where two sources of the item were noted (a pain point
    # and the idea that fixes it, or two merged pain points) must not weigh twice.
    felt = {pair: value for e in found for pair, value in e.emotions}
    emotions = list(felt.values())
    average = Fraction(sum(emotions), len(emotions)) if emotions else None
    # The gap to the target: a plot without one aims at neutral, so that without any target
    # the gap is minus today's feeling and the item ranks as it always did.
    aims = {pair: target for e in found for pair, target in e.targets}
    gaps = [aims.get(pair, 0) - value for pair, value in felt.items()]
    average_gap = Fraction(sum(gaps), len(gaps)) if gaps else None
    average_target = Fraction(sum(aims.get(pair, 0) for pair in felt), len(felt)) if aims else None
    feeling = Fraction(1) if average_gap is None else max(Fraction(1, 2), 1 + average_gap / 4)
    item_id = decision.id if decision else None
    dots = sum(vote.dots for vote in session.votes if vote.item == item_id) if item_id else 0
    # The impact is computed from the feeling as shown (three decimals), so that the numbers
    # in an item's explanation multiply to exactly the impact it states.
    shown_feeling = half_up(feeling, 3)
    impact = half_up(
        severity * reach * weight * Fraction(str(shown_feeling)) * (1 + VOTE_WEIGHT * dots)
    )
    effort_set = decision is not None and decision.effort is not None
    effort = (
        decision.effort if decision is not None and decision.effort is not None else UNSET_EFFORT
    )
    return Factors(
        severity=severity,
        severity_set=all(e.severity_set for e in found if e.severity == severity),
        personas=reach,
        weight=float(weight),
        weight_phase=names.get(weight_phase) if weight_phase else None,
        feeling=shown_feeling,
        average_emotion=half_up(average, 2) if average is not None else None,
        average_target=half_up(average_target, 2) if average_target is not None else None,
        average_gap=half_up(average_gap, 2) if average_gap is not None else None,
        dots=dots,
        impact=impact,
        effort=effort,
        effort_set=effort_set,
        score=half_up(Fraction(str(impact)) / effort),
    )


def roadmap(session: Session, questions: Checklist | None = None) -> list[RankedItem]:
    """The whole roadmap, best first; done and dropped items after the open ones."""
    candidates = {e.key: e for e in evidence(session, questions)}
    taken: set[str] = set()
    groups: list[tuple[RoadmapItem | None, tuple[Evidence, ...]]] = []
    for stored in session.roadmap:
        found = tuple(candidates[key] for key in stored.sources if key in candidates)
        taken.update(stored.sources)
        if found:
            groups.append((stored, found))
    used_ids = {decision.id for decision in session.roadmap}
    for key, found_one in candidates.items():
        if key not in taken:
            groups.append((None, (found_one,)))
    scored = []
    for decision, found in groups:
        if decision is not None:
            item_id = decision.id
        else:
            item_id = proposed_id(found[0], used_ids)
            used_ids.add(item_id)
        title = decision.title if decision is not None and decision.title else found[0].text
        scored.append((item_id, title, decision, found, _factors(session, found, decision)))
    active = [entry for entry in scored if not _closed(entry[2])]
    top_score = max((entry[4].score for entry in active), default=0.0)
    top_impact = max((entry[4].impact for entry in active), default=0.0)
    order = sorted(
        scored,
        key=lambda entry: (_closed(entry[2]), -entry[4].score, -entry[4].impact, entry[0]),
    )
    items = []
    for rank, (item_id, title, decision, found, factors) in enumerate(order, start=1):
        computed = horizon_for(factors.score, top_score)
        overridden = decision is not None and decision.horizon is not None
        items.append(
            RankedItem(
                id=item_id,
                title=title,
                decision=decision,
                evidence=found,
                factors=factors,
                rank=rank,
                horizon=decision.horizon if decision is not None and decision.horizon else computed,
                horizon_overridden=overridden,
                quadrant=_quadrant(factors, top_impact),
                top_score=top_score,
            )
        )
    return items


def orphaned(session: Session) -> list[RoadmapItem]:
    """Decisions about items whose pain points, ideas or answers are no longer in the session."""
    keys = {e.key for e in evidence(session)}
    return [item for item in session.roadmap if not any(source in keys for source in item.sources)]


def proposed_id(found: Evidence, taken: set[str]) -> str:
    """A readable id for an item the room has not decided anything about yet."""
    prefix = {"pain": "fix", "opportunity": "idea", "assessment": "check"}[found.kind]
    base = f"{prefix}-{slugify(found.text, 'item')}"[:48].rstrip("-")
    candidate, number = base, 2
    while candidate in taken:
        candidate = f"{base}-{number}"
        number += 1
    return candidate


def _closed(decision: RoadmapItem | None) -> bool:
    return decision is not None and decision.status in ("done", "dropped")


def horizon_for(score: float, top: float) -> Horizon:
    if top <= 0 or score >= top * 2 / 3:
        return "now"
    if score >= top / 3:
        return "next"
    return "later"


def _quadrant(factors: Factors, top_impact: float) -> Quadrant | None:
    if not factors.effort_set:
        return None
    high_impact = factors.impact >= top_impact / 2
    low_effort = factors.effort <= 2
    if high_impact:
        return "quick-win" if low_effort else "big-bet"
    return "fill-in" if low_effort else "money-pit"
