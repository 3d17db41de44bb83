"""Fifty participants at once, on loopback: ten notes each and all their dots, concurrently.

Bounded in count (50 x 10 notes, 50 x 7 dots asked for) and in time (generous limits for a
shared machine). Nothing is lost, nothing is doubled, nobody exceeds the budget, and the event
loop the room shares with the app keeps answering meanwhile.
"""

from __future__ import annotations

import asyncio
import time
from collections import Counter
from pathlib import Path

from cjworkshop.model import decisions
from cjworkshop.model.room import Focus
from cjworkshop.room.host import RoomHost
from tests.conftest import small_session
from tests.room.conftest import Served, serve

PARTICIPANTS = 50
NOTES_EACH = 10
DOTS_ASKED = 7
"""More than the budget (5): the last ones must be refused."""


async def participant(served: Served, number: int) -> list[int]:
    name = f"Deelnemer {number}"
    token = await served.join(name)
    code = served.room.code
    items = [item.id for item in served.room.items()]
    sends = [
        served.post(
            "/api/note",
            {"code": code, "token": token, "kind": "idea", "text": f"{name}: idee {n}"},
        )
        for n in range(NOTES_EACH)
    ]
    dots = [
        served.post(
            "/api/dots",
            {"code": code, "token": token, "item": items[(number + n) % len(items)], "delta": 1},
        )
        for n in range(DOTS_ASKED)
    ]
    answers = await asyncio.gather(*sends, *dots)
    return [status for status, _ in answers]


async def loop_lag(stop: asyncio.Event, lags: list[float]) -> None:
    """How late the loop wakes a task that asks to sleep 10 ms: what a key press would wait."""
    while not stop.is_set():
        asked = time.perf_counter()
        await asyncio.sleep(0.01)
        lags.append(time.perf_counter() - asked - 0.01)


async def test_fifty_participants_at_once_lose_nothing_and_exceed_nothing(tmp_path: Path) -> None:
    session_path = tmp_path / "bakkerij.toml"
    session_path.write_text("")
    served = await serve(small_session(), Focus(None, "sanne", "kassa"), session_path)
    stop, lags = asyncio.Event(), list[float]()
    ticker = asyncio.create_task(loop_lag(stop, lags))
    started = time.perf_counter()
    try:
        statuses = await asyncio.wait_for(
            asyncio.gather(*(participant(served, n) for n in range(PARTICIPANTS))), timeout=120
        )
    finally:
        stop.set()
        await ticker
        await served.http.close()
        await served.host.stop()
    took = time.perf_counter() - started
    notes = list(served.room.inbox.values())
    assert all(s[:NOTES_EACH] == [201] * NOTES_EACH for s in statuses)
    assert len(notes) == PARTICIPANTS * NOTES_EACH
    assert len({n.id for n in notes}) == len(notes)
    texts = Counter(n.text for n in notes)
    assert set(texts.values()) == {1}
    assert texts == Counter(
        f"Deelnemer {p}: idee {n}" for p in range(PARTICIPANTS) for n in range(NOTES_EACH)
    )
    budget = served.session.dots_per_participant
    for number, answered in enumerate(statuses):
        name = f"Deelnemer {number}"
        assert decisions.dots_spent(served.session, name) == budget
        assert sorted(answered[NOTES_EACH:]) == [200] * budget + [409] * (DOTS_ASKED - budget)
    assert len(served.commits) == PARTICIPANTS * budget
    assert isinstance(served.host, RoomHost)
    kept = (tmp_path / ".bakkerij.toml.room").read_bytes()
    assert kept.count(b'"id"') == PARTICIPANTS * NOTES_EACH
    assert took < 90
    assert max(lags) < 1.0, f"the loop was {max(lags):.2f} s late"
