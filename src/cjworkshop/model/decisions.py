"""What the room decides about roadmap items: effort, owner, status, horizon, merges and votes.

A decision turns a generated item into a ``RoadmapItem`` record in the session (keyed by the item's
sources, so it survives regeneration) and stamps it with the day it was last reviewed. Votes are
dots per participant, within the session's budget of dots per participant.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Final, Literal

from msgspec.structs import replace

from cjworkshop.model.roadmap import RankedItem
from cjworkshop.model.session import Horizon, RoadmapItem, Session, Status, Vote


class VoteRefused(ValueError):
    """A vote over the participant's budget, or taking away dots that were never given."""

    def __init__(self, reason: str, budget: int, spent: int) -> None:
        super().__init__(reason)
        self.reason = reason
        self.budget = budget
        self.spent = spent


def _materialized(session: Session, item: RankedItem) -> tuple[Session, RoadmapItem]:
    existing = next((d for d in session.roadmap if d.id == item.id), None)
    if existing is not None:
        return session, existing
    created = RoadmapItem(id=item.id, sources=item.sources)
    return replace(session, roadmap=(*session.roadmap, created)), created


def decide(
    session: Session,
    item: RankedItem,
    today: dt.date,
    *,
    effort: int | bool | None = False,
    owner: str | None = None,
    status: Status | None = None,
    horizon: Horizon | bool | None = False,
    title: str | None = None,
    note: str | None = None,
) -> Session:
    """Record a decision; ``False`` leaves effort or horizon as they are, ``None`` clears them."""
    session, record = _materialized(session, item)
    changes: dict[str, object] = {"reviewed": today}
    if effort is not False:
        changes["effort"] = effort
    if horizon is not False:
        changes["horizon"] = horizon
    if owner is not None:
        changes["owner"] = owner
    if status is not None:
        changes["status"] = status
    if title is not None:
        changes["title"] = title
    if note is not None:
        changes["note"] = note
    updated = replace(record, **changes)
    roadmap = tuple(updated if d.id == record.id else d for d in session.roadmap)
    return replace(session, roadmap=roadmap)


STATUS_ORDER: Final[dict[Status, int]] = {"open": 0, "dropped": 1, "doing": 2, "done": 3}
"""Which status a merge keeps when the two items differ: any decision over none (open), work
on it over a decision not to do it (someone is doing it after all), done over doing."""

HORIZON_ORDER: Final[dict[Horizon, int]] = {"now": 0, "next": 1, "later": 2}
"""Which horizon the room set a merge keeps when the two differ: the sooner one."""


@dataclass(frozen=True)
class SetAside:
    """A decision a merge could not keep, because the other item had decided otherwise."""

    field: Literal["status", "effort", "horizon"]
    kept: str | int
    other: str | int
    source: str
    """The title of the item whose decision was set aside."""


@dataclass(frozen=True)
class MergeReport:
    """What a merge keeps of the two items and what it had to choose between."""

    absorbed: str
    """The title of the item that goes into the other."""
    set_aside: tuple[SetAside, ...]


@dataclass(frozen=True)
class _Merged:
    status: Status
    effort: int | None
    horizon: Horizon | None
    owner: str
    title: str
    note: str
    set_aside: tuple[SetAside, ...]


def _record(session: Session, item: RankedItem) -> RoadmapItem:
    found = next((d for d in session.roadmap if d.id == item.id), None)
    return found if found is not None else RoadmapItem(id=item.id, sources=item.sources)


def _owners(first: str, second: str) -> str:
    """Both owners when they differ (``Web team, Logistics``), one when they are the same."""
    names = [name for name in (first.strip(), second.strip()) if name]
    kept: list[str] = []
    for name in names:
        known = {part.strip().casefold() for owner in kept for part in owner.split(",")}
        if name.casefold() not in known:
            kept.append(name)
    return ", ".join(kept)


def _merged(session: Session, keep: RankedItem, absorb: RankedItem) -> _Merged:
    kept, gone = _record(session, keep), _record(session, absorb)
    set_aside: list[SetAside] = []

    def chose(
        field: Literal["status", "effort", "horizon"],
        chosen: str | int | None,
        mine: str | int | None,
        theirs: str | int | None,
    ) -> None:
        if mine is None or theirs is None or mine == theirs:
            return  # only one of the two decided, or both the same: nothing was chosen
        other, source = (theirs, absorb.title) if chosen == mine else (mine, keep.title)
        set_aside.append(SetAside(field, chosen if chosen is not None else "", other, source))

    status = max(kept.status, gone.status, key=STATUS_ORDER.__getitem__)
    # Open is no decision, so it is never one that had to give way.
    chose(
        "status",
        status,
        kept.status if kept.status != "open" else None,
        gone.status if gone.status != "open" else None,
    )
    effort = max((e for e in (kept.effort, gone.effort) if e is not None), default=None)
    chose("effort", effort, kept.effort, gone.effort)
    horizon = min(
        (h for h in (kept.horizon, gone.horizon) if h is not None),
        key=HORIZON_ORDER.__getitem__,
        default=None,
    )
    chose("horizon", horizon, kept.horizon, gone.horizon)
    notes = dict.fromkeys(note.strip() for note in (kept.note, gone.note) if note.strip())
    return _Merged(
        status=status,
        effort=effort,
        horizon=horizon,
        owner=_owners(kept.owner, gone.owner),
        title=kept.title or gone.title,
        note="\n".join(notes),
        set_aside=tuple(set_aside),
    )


def merge_report(session: Session, keep: RankedItem, absorb: RankedItem) -> MergeReport:
    """What ``merge`` will choose between, for the words the merged item's note gets."""
    return MergeReport(absorbed=absorb.title, set_aside=_merged(session, keep, absorb).set_aside)


def merge(
    session: Session, keep: RankedItem, absorb: RankedItem, today: dt.date, *, remark: str = ""
) -> Session:
    """One item from two the room says are the same, keeping every decision of both.

    Sources, votes and notes are combined; owners too when they differ. Where the two decided
    differently, the merge keeps the more advanced status, the larger effort and the sooner
    horizon; a title the room typed beats a generated one. ``remark`` (the words for what
    ``merge_report`` says was chosen) is added to the note, so the room sees what happened.
    """
    if keep.id == absorb.id:
        return session
    chosen = _merged(session, keep, absorb)
    session, kept = _materialized(session, keep)
    sources = tuple(dict.fromkeys((*kept.sources, *absorb.sources)))
    note = "\n".join(part for part in (chosen.note, remark.strip()) if part)
    merged = replace(
        kept,
        sources=sources,
        status=chosen.status,
        effort=chosen.effort,
        horizon=chosen.horizon,
        owner=chosen.owner,
        title=chosen.title,
        note=note,
        reviewed=today,
    )
    roadmap = tuple(merged if d.id == kept.id else d for d in session.roadmap if d.id != absorb.id)
    dots: dict[str, int] = {}
    others = []
    for vote in session.votes:
        if vote.item in (kept.id, absorb.id):
            dots[vote.participant] = dots.get(vote.participant, 0) + vote.dots
        else:
            others.append(vote)
    moved = [Vote(participant=name, item=kept.id, dots=count) for name, count in dots.items()]
    return replace(session, roadmap=roadmap, votes=(*others, *moved))


def dots_spent(session: Session, participant: str) -> int:
    return sum(vote.dots for vote in session.votes if vote.participant == participant)


def participants(session: Session) -> list[str]:
    return list(dict.fromkeys(vote.participant for vote in session.votes))


def vote(session: Session, item: RankedItem, participant: str, delta: int) -> Session:
    """Give (or with a negative ``delta`` take back) dots, within the participant's budget."""
    budget = session.dots_per_participant
    spent = dots_spent(session, participant)
    current = next(
        (v.dots for v in session.votes if v.participant == participant and v.item == item.id), 0
    )
    if delta > 0 and spent + delta > budget:
        raise VoteRefused("budget", budget, spent)
    if current + delta < 0:
        raise VoteRefused("none", budget, spent)
    session, _ = _materialized(session, item)
    others = tuple(
        v for v in session.votes if not (v.participant == participant and v.item == item.id)
    )
    if current + delta == 0:
        return replace(session, votes=others)
    updated = Vote(participant=participant, item=item.id, dots=current + delta)
    position = next(
        (
            i
            for i, v in enumerate(session.votes)
            if v.participant == participant and v.item == item.id
        ),
        len(session.votes),
    )
    votes = list(others)
    votes.insert(min(position, len(votes)), updated)
    return replace(session, votes=tuple(votes))


def forget(session: Session, item_id: str) -> Session:
    """Remove a decision (for an item whose sources are gone) and the votes on it."""
    return replace(
        session,
        roadmap=tuple(d for d in session.roadmap if d.id != item_id),
        votes=tuple(v for v in session.votes if v.item != item_id),
    )
