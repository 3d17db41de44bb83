"""Across many journeys: what recurs, where the organisation hurts, and what nobody looks after.

A ``Digest`` is the little a portfolio needs from one session, made once per file (in another
process when there are many: it is small and plain). ``portfolio`` then works on digests only:

- a revisit chain counts once, its newest version: a session another one names as ``previous``
  (in the same folder) is left out;
- a pain point or opportunity recurs when journeys name it in the same words, matched as within
  a journey (case, accents, spacing and punctuation ignored); a channel recurs when pain points
  sit at touchpoints of that channel in several journeys;
- the worst phases are phases of the same name across journeys, by the average feeling there;
- a map not revisited is one whose last change lies more than the given days back;
- open roadmap items without an owner are listed per journey;
- every journey gets one line: title, date, personas, worst pain point, top item.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from cjworkshop.model.ids import text_key
from cjworkshop.model.review import pain_groups
from cjworkshop.model.roadmap import roadmap
from cjworkshop.model.session import Session


@dataclass(frozen=True, slots=True)
class Note:
    """A pain point or an opportunity of one journey, with the channels where it occurs."""

    key: str
    text: str
    channels: tuple[str, ...]
    severity: int = 0


@dataclass(frozen=True, slots=True)
class PhaseFeeling:
    key: str
    name: str
    feelings: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class Digest:
    """What the portfolio needs from one session file."""

    file: str
    folder: str
    title: str
    updated: dt.date
    previous: str
    personas: int
    pains: tuple[Note, ...]
    opportunities: tuple[Note, ...]
    phases: tuple[PhaseFeeling, ...]
    worst_pain: str
    top_item: str
    unowned: tuple[str, ...]


def digest(session: Session, file: str, folder: str) -> Digest:
    channel_of = {t.id: t.channel for t in session.touchpoints}
    relevant = [p for p in session.plots if p.relevant]
    pains: dict[str, Note] = {}
    ideas: dict[str, Note] = {}
    for plot in relevant:
        channel = channel_of.get(plot.touchpoint, "other")
        for pain in plot.pain_points:
            pains[text_key(pain.text)] = _noted(pains, pain.text, channel, pain.severity or 0)
        for idea in plot.opportunities:
            ideas[text_key(idea.text)] = _noted(ideas, idea.text, channel, 0)
    phase_of = {t.id: t.phase for t in session.touchpoints}
    feelings: dict[str, list[int]] = defaultdict(list)
    for plot in relevant:
        if plot.emotion is not None and plot.touchpoint in phase_of:
            feelings[phase_of[plot.touchpoint]].append(plot.emotion)
    ranked = roadmap(session)
    open_items = [item for item in ranked if item.status in ("open", "doing")]
    worst = pain_groups(session)
    return Digest(
        file=file,
        folder=folder,
        title=session.title,
        updated=session.updated.date(),
        previous=session.previous,
        personas=len(session.personas),
        pains=tuple(pains.values()),
        opportunities=tuple(ideas.values()),
        phases=tuple(
            PhaseFeeling(text_key(p.name), p.name, tuple(feelings.get(p.id, ())))
            for p in session.phases
        ),
        worst_pain=worst[0].text if worst else "",
        top_item=open_items[0].title if open_items else "",
        unowned=tuple(item.title for item in open_items if not item.owner.strip()),
    )


def _noted(notes: dict[str, Note], text: str, channel: str, severity: int) -> Note:
    known = notes.get(text_key(text))
    if known is None:
        return Note(text_key(text), text.strip(), (channel,), severity)
    channels = tuple(dict.fromkeys((*known.channels, channel)))
    return Note(known.key, known.text, channels, max(known.severity, severity))


@dataclass(frozen=True, slots=True)
class Recurring:
    """A pain point, opportunity or channel that several journeys share."""

    text: str
    journeys: tuple[str, ...]
    channels: tuple[str, ...] = ()
    severity: int = 0


@dataclass(frozen=True, slots=True)
class PhaseAcross:
    name: str
    average: float
    journeys: int
    plots: int


@dataclass(frozen=True, slots=True)
class Portfolio:
    journeys: tuple[Digest, ...]
    """The newest version of every chain, most recently changed first."""
    older_versions: int
    recurring_pains: tuple[Recurring, ...]
    recurring_opportunities: tuple[Recurring, ...]
    recurring_channels: tuple[Recurring, ...]
    worst_phases: tuple[PhaseAcross, ...]
    stale: tuple[Digest, ...]
    unowned: tuple[tuple[str, str], ...]
    """(journey title, item title) of every open item without an owner."""


def portfolio(digests: list[Digest], *, today: dt.date, stale_days: int) -> Portfolio:
    replaced = {(d.folder, d.previous) for d in digests if d.previous}
    newest = [d for d in digests if (d.folder, d.file) not in replaced]
    newest.sort(key=lambda d: (-d.updated.toordinal(), d.title.casefold(), d.file))
    return Portfolio(
        journeys=tuple(newest),
        older_versions=len(digests) - len(newest),
        recurring_pains=_recurring(newest, "pains"),
        recurring_opportunities=_recurring(newest, "opportunities"),
        recurring_channels=_channels(newest),
        worst_phases=_worst_phases(newest),
        stale=tuple(d for d in newest if (today - d.updated).days > stale_days),
        unowned=tuple((d.title, item) for d in newest for item in d.unowned),
    )


def _recurring(journeys: list[Digest], kind: str) -> tuple[Recurring, ...]:
    found: dict[str, list[tuple[Digest, Note]]] = defaultdict(list)
    for journey in journeys:
        for note in getattr(journey, kind):
            found[note.key].append((journey, note))
    shared = [
        Recurring(
            text=pairs[0][1].text,
            journeys=tuple(d.title for d, _ in pairs),
            channels=tuple(dict.fromkeys(c for _, n in pairs for c in n.channels)),
            severity=max(n.severity for _, n in pairs),
        )
        for pairs in found.values()
        if len(pairs) > 1
    ]
    return tuple(sorted(shared, key=lambda r: (-len(r.journeys), -r.severity, r.text.casefold())))


def _channels(journeys: list[Digest]) -> tuple[Recurring, ...]:
    found: dict[str, dict[str, int]] = defaultdict(dict)
    for journey in journeys:
        for note in journey.pains:
            for channel in note.channels:
                found[channel][journey.title] = found[channel].get(journey.title, 0) + 1
    shared = [
        Recurring(text=channel, journeys=tuple(by_journey), severity=sum(by_journey.values()))
        for channel, by_journey in found.items()
        if len(by_journey) > 1
    ]
    return tuple(sorted(shared, key=lambda r: (-len(r.journeys), -r.severity, r.text)))


def _worst_phases(journeys: list[Digest]) -> tuple[PhaseAcross, ...]:
    names: dict[str, str] = {}
    feelings: dict[str, list[int]] = defaultdict(list)
    counted: dict[str, set[str]] = defaultdict(set)
    for journey in journeys:
        for phase in journey.phases:
            names.setdefault(phase.key, phase.name)
            if phase.feelings:
                feelings[phase.key].extend(phase.feelings)
                counted[phase.key].add(journey.file + journey.folder)
    phases = [
        PhaseAcross(names[key], sum(values) / len(values), len(counted[key]), len(values))
        for key, values in feelings.items()
    ]
    return tuple(sorted(phases, key=lambda p: (p.average, -p.plots, p.name.casefold())))
