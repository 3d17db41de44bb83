"""Crafted requests to a room served for real: each refused with the status that says why, and
none of them changes anything (no note in the inbox, no dot in the session, nobody joined)."""

from __future__ import annotations

from typing import Any

import pytest

from cjworkshop.model.room import RATE_BURST, Focus
from cjworkshop.store.room_inbox import inbox_path, read_inbox
from tests.room.conftest import Served


async def test_a_participant_joins_sends_a_note_and_sees_it(served: Served) -> None:
    token = await served.join("Anna")
    status, _answer = await served.post(
        "/api/note",
        {
            "code": served.room.code,
            "token": token,
            "kind": "pain",
            "text": "Geen bon",
            "severity": 3,
        },
    )
    assert status == 201
    assert [n.text for n in served.room.inbox.values()] == ["Geen bon"]
    status, view = await served.post("/api/state", {"code": served.room.code, "token": token})
    assert status == 200
    assert (view["persona"], view["touchpoint"], view["notes_open"]) == ("Sanne", "Kassa", True)
    assert view["notes"] == [{"kind": "pain", "text": "Geen bon", "outcome": "waiting"}]
    assert view["items"] == []  # no roadmap while the room plots
    assert set(view) == {
        "name", "step", "question", "persona", "touchpoint", "notes_open", "dots_open",
        "budget", "left", "items", "notes",
    }  # fmt: skip


async def test_waiting_notes_are_written_beside_the_session(served: Served) -> None:
    token = await served.join("Anna")
    await served.post(
        "/api/note", {"code": served.room.code, "token": token, "kind": "idea", "text": "Bon"}
    )
    await served.host.stop()
    assert served.host.session_path is not None
    assert inbox_path(served.host.session_path).exists()
    assert [n.text for n in read_inbox(served.host.session_path)] == ["Bon"]
    assert not served.room.open


def note(served: Served, token: str, **changes: Any) -> dict[str, Any]:
    return {"code": served.room.code, "token": token, "kind": "idea", "text": "Idee"} | changes


@pytest.mark.parametrize(
    ("case", "status", "refused"),
    [
        ("no code", 400, "request"),
        ("wrong code", 403, "code"),
        ("another's token", 403, "token"),
        ("oversized note", 413, "too_long"),
        ("a path in a field", 400, "request"),
        ("a path as the kind", 400, "kind"),
        ("a body too large", 413, None),
        ("not JSON", 400, "request"),
        ("a severity off the scale", 400, "severity"),
    ],
)
async def test_a_crafted_note_is_refused_and_changes_nothing(
    served: Served, case: str, status: int, refused: str | None
) -> None:
    token = await served.join("Anna")
    body: Any = {
        "no code": {"token": token, "kind": "idea", "text": "Idee"},
        "wrong code": note(served, token, code="A" * 16),
        "another's token": note(served, "x" * 22),
        "oversized note": note(served, token, text="x" * 501),
        "a path in a field": note(served, token, touchpoint="../../etc/passwd"),
        "a path as the kind": note(served, token, kind="../../etc/passwd"),
        "a body too large": note(served, token, text="x" * 5000),
        "not JSON": b"kind=idea&text=../../etc/passwd",
        "a severity off the scale": note(served, token, kind="pain", severity=9),
    }[case]
    got, answer = await served.post("/api/note", body)
    assert got == status
    if refused is not None:
        assert answer["refused"] == refused
    assert served.room.inbox == {}
    assert served.commits == []


async def test_nobody_joins_in_another_s_name_or_without_the_code(served: Served) -> None:
    await served.join("Anna")
    code = served.room.code
    for body, status in [
        ({"code": code, "name": "anna"}, 409),
        ({"code": code, "name": "anna", "token": "guessed"}, 409),
        ({"code": "wrong", "name": "Bert"}, 403),
        ({"name": "Bert"}, 400),
        ({"code": code, "name": "x" * 61}, 400),
        ({"code": code, "name": "Bert", "file": "/etc/passwd"}, 400),
    ]:
        got, _ = await served.post("/api/join", body)
        assert got == status, body
    assert [p.name for p in served.room.participants.values()] == ["Anna"]


async def test_dots_refused_beyond_the_budget_or_in_another_s_name(served: Served) -> None:
    served.focus = Focus("roadmap")
    anna, bert = await served.join("Anna"), await served.join("Bert")
    item = served.room.items()[0].id
    code = served.room.code
    budget = served.session.dots_per_participant
    for _ in range(budget):
        status, _ = await served.post(
            "/api/dots", {"code": code, "token": anna, "item": item, "delta": 1}
        )
        assert status == 200
    before = served.session
    for body, status in [
        ({"code": code, "token": anna, "item": item, "delta": 1}, 409),
        ({"code": code, "token": bert, "item": item, "delta": -1}, 409),
        ({"code": code, "token": bert, "item": item, "delta": 3}, 400),
        ({"code": code, "token": bert, "item": "../../etc/passwd", "delta": 1}, 404),
        ({"code": code, "token": bert, "item": item, "delta": 1, "participant": "Anna"}, 400),
        ({"code": code, "token": "Anna", "item": item, "delta": 1}, 403),
    ]:
        got, _ = await served.post("/api/dots", body)
        assert got == status, body
    assert served.session == before
    assert sum(v.dots for v in served.session.votes if v.participant == "Anna") == budget
    assert not [v for v in served.session.votes if v.participant == "Bert"]


async def test_a_flood_beyond_the_rate_limit_is_refused(served: Served) -> None:
    token = await served.join("Anna")
    statuses = [
        (await served.post("/api/note", note(served, token, text=f"nummer {n}")))[0]
        for n in range(RATE_BURST + 5)
    ]
    assert statuses[:RATE_BURST] == [201] * RATE_BURST
    assert set(statuses[RATE_BURST:]) == {429}
    assert len(served.room.inbox) == RATE_BURST


async def test_a_closed_or_rotated_room_accepts_nothing(served: Served) -> None:
    token = await served.join("Anna")
    old = served.room.code
    served.room.rotate()
    status, _ = await served.post("/api/note", note(served, token, code=old))
    assert status == 403
    served.room.close()
    status, answer = await served.post("/api/note", note(served, token))
    assert (status, answer["refused"]) == (410, "closed")
    assert served.room.inbox == {}


async def test_the_page_fetches_nothing_and_no_path_is_served(served: Served) -> None:
    async with served.http.get(served.base + "/?code=x") as response:
        assert response.status == 200
        policy = response.headers["Content-Security-Policy"]
        page = await response.text()
    assert "default-src 'none'" in policy
    assert "connect-src 'self'" in policy
    assert "http" not in page.split("<body>", 1)[1]  # no address of anything elsewhere
    for path in ["/../../etc/passwd", "/static/page.html", "/api/note/../../x", "/page.html"]:
        async with served.http.get(served.base + path) as response:
            assert response.status in (404, 405), path


async def test_another_site_s_page_or_name_is_refused(served: Served) -> None:
    body = {"code": served.room.code, "name": "Bert"}
    for headers in (
        {"Host": f"rebound.example:{served.host.port}"},
        {"Origin": "http://evil.example"},
    ):
        async with served.http.post(
            served.base + "/api/join", json=body, headers=headers
        ) as answer:
            assert answer.status == 403, headers
    async with served.http.get(served.base + "/", headers={"Host": "rebound.example"}) as answer:
        assert answer.status == 403
    assert served.room.participants == {}
    own = {"Origin": served.base}
    async with served.http.post(served.base + "/api/join", json=body, headers=own) as answer:
        assert answer.status == 200
