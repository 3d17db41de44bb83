"""What the room decides about roadmap items: effort, owner, status, horizon, merges and votes.

A decision turns a generated item into a ``RoadmapItem`` record in the session (keyed by the item's
sources, so it survives regeneration) and stamps it with the day it was last reviewed. Votes are
dots per participant, within the session's budget of dots per participant.
"""

from __future__ import annotations

import datetime as dt

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


def merge(session: Session, keep: RankedItem, absorb: RankedItem, today: dt.date) -> Session:
    """One item from two the room says are the same: sources, votes and decisions combined."""
    session, kept = _materialized(session, keep)
    gone = next((d for d in session.roadmap if d.id == absorb.id), None)
    sources = tuple(dict.fromkeys((*kept.sources, *absorb.sources)))
    merged = replace(
        kept,
        sources=sources,
        effort=kept.effort if kept.effort is not None else (gone.effort if gone else None),
        owner=kept.owner or (gone.owner if gone else ""),
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
