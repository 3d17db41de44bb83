"""The room in the app: R opens it, participants' notes and dots arrive over HTTP, and the
facilitator accepts them with one key; everything is in the session file afterwards."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import aiohttp
import pytest
from msgspec.structs import replace
from textual.widgets import OptionList

from cjworkshop.model import decisions
from cjworkshop.model.queries import plot_for
from cjworkshop.model.roadmap import roadmap
from cjworkshop.store.room_inbox import inbox_path, read_inbox
from cjworkshop.store.session_file import read_session
from cjworkshop.ui.modals.room import RoomModal
from cjworkshop.ui.screens.session import SessionScreen
from tests.conftest import SESSIONS
from tests.ui.conftest import app_for
from tests.ui.helpers import notices, settle

EXAMPLE = "meubelmakerij-de-eik.toml"


@pytest.fixture
def example(workdir: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("CJWORKSHOP_ROOM_PORT", "0")  # any free port on 127.0.0.1
    monkeypatch.delenv("CJWORKSHOP_ROOM_HOST", raising=False)
    path = workdir / "sessions" / EXAMPLE
    shutil.copy(SESSIONS / EXAMPLE, path)
    return path


class Phone:
    """A participant's phone, as the page speaks to the room."""

    def __init__(self, http: aiohttp.ClientSession, address: str) -> None:
        self.http = http
        self.base, _, self.code = address.partition("/?code=")
        self.token = ""

    async def post(self, path: str, body: dict[str, Any]) -> tuple[int, dict[str, Any]]:
        body = {"code": self.code, "token": self.token} | body
        async with self.http.post(self.base + path, json=body) as response:
            return response.status, await response.json()

    async def join(self, name: str) -> None:
        async with self.http.post(
            self.base + "/api/join", json={"code": self.code, "name": name}
        ) as response:
            assert response.status == 200
            self.token = (await response.json())["token"]


async def open_room(pilot: Any, screen: SessionScreen) -> RoomModal:
    await pilot.press("R")
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    dialog = pilot.app.screen
    assert isinstance(dialog, RoomModal)
    return dialog


async def test_notes_and_dots_from_phones_arrive_and_are_kept(example: Path) -> None:
    app = app_for(example, language="nl", step="plotting")
    async with app.run_test(size=(120, 40)) as pilot, aiohttp.ClientSession() as http:
        screen = app.screen
        assert isinstance(screen, SessionScreen)
        await settle(pilot)
        persona, touchpoint = screen.views["plotting"].room_focus()
        assert persona is not None
        assert touchpoint is not None
        dialog = await open_room(pilot, screen)
        assert screen.room.served is not None
        assert screen.room.served.local_only
        anna, bert = Phone(http, dialog.view.address), Phone(http, dialog.view.address)
        await anna.join("Anna")
        await bert.join("Bert")
        status, _ = await anna.post(
            "/api/note", {"kind": "pain", "text": "Offerte duurt te lang", "severity": 4}
        )
        assert status == 201
        await bert.post("/api/note", {"kind": "idea", "text": "Offerte binnen een dag"})
        await bert.post("/api/note", {"kind": "thought", "text": "Bel ik ze nog?"})
        await pilot.pause()
        assert dialog.view.participants == ("Anna", "Bert")
        assert [w.note.participant for w in dialog.view.waiting] == ["Anna", "Bert", "Bert"]
        assert len(dialog.query_one("#room-notes", OptionList).options) == 3
        # Anna's pain point on the map, Bert's idea to the parking lot: one key each.
        await pilot.press("a")
        await pilot.press("l")
        plot = plot_for(screen.session, persona, touchpoint)
        assert plot is not None
        assert ("Offerte duurt te lang", 4) in [(p.text, p.severity) for p in plot.pain_points]
        assert screen.session.parking_lot[-1].text == "Offerte binnen een dag"
        _, view = await anna.post("/api/state", {})
        assert view["notes"] == [
            {"kind": "pain", "text": "Offerte duurt te lang", "outcome": "accepted"}
        ]
        # Undo takes back the parking lot, as for a typed edit; redo puts it back.
        await pilot.press("escape")
        await pilot.press("ctrl+z")
        assert "Offerte binnen een dag" not in [n.text for n in screen.session.parking_lot]
        await pilot.press("ctrl+y")
        assert screen.session.parking_lot[-1].text == "Offerte binnen een dag"
        # Dots are for the roadmap; they count at once and re-rank it.
        status, answer = await anna.post("/api/dots", {"item": "x", "delta": 1})
        assert (status, answer["refused"]) == (409, "step")
        screen.go_to("roadmap")
        await settle(pilot)
        assert screen.room.room is not None
        last = screen.room.room.items()[-1]
        for phone in (anna, bert):
            for _ in range(screen.session.dots_per_participant):
                status, _ = await phone.post("/api/dots", {"item": last.id, "delta": 1})
                assert status == 200
        await pilot.pause()
        assert decisions.dots_spent(screen.session, "Anna") == screen.session.dots_per_participant
        ranked = [i.id for i in roadmap(screen.session)]
        assert ranked.index(last.id) < len(ranked) - 1  # ten dots moved it up
        await settle(pilot)
    saved = read_session(example)
    assert {v.participant for v in saved.votes} >= {"Anna", "Bert"}
    plot = plot_for(saved, persona, touchpoint)
    assert plot is not None
    assert "Offerte duurt te lang" in [p.text for p in plot.pain_points]
    assert saved.parking_lot[-1].text == "Offerte binnen een dag"
    # Bert's thought was not handled: it waits beside the session and is offered again.
    assert [n.text for n in read_inbox(example)] == ["Bel ik ze nog?"]
    again = app_for(example, language="nl", step="plotting")
    async with again.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert "Er wacht nog een notitie van de vorige keer meedoen: R toont hem." in notices(again)
        screen = again.screen
        assert isinstance(screen, SessionScreen)
        dialog = await open_room(pilot, screen)
        assert [w.note.text for w in dialog.view.waiting] == ["Bel ik ze nog?"]
        await pilot.press("x")
        assert dialog.view.waiting == ()
        await settle(pilot)
    assert read_inbox(example) == ()
    assert inbox_path(example).exists()  # who joined stays known, for the next room


async def test_a_note_is_edited_before_it_is_accepted(example: Path) -> None:
    app = app_for(example, step="plotting")
    async with app.run_test(size=(120, 40)) as pilot, aiohttp.ClientSession() as http:
        screen = app.screen
        assert isinstance(screen, SessionScreen)
        await settle(pilot)
        dialog = await open_room(pilot, screen)
        phone = Phone(http, dialog.view.address)
        await phone.join("Cor")
        await phone.post("/api/note", {"kind": "parking", "text": "Openingstijden"})
        await pilot.pause()
        await pilot.press("e", "ctrl+e", "space", "z", "a", "t", "e", "r", "d", "a", "g")
        await pilot.press("enter")
        assert dialog.view.waiting[0].note.text == "Openingstijden zaterdag"
        await pilot.press("a")  # a parking-lot topic goes to the parking lot
        assert screen.session.parking_lot[-1].text == "Openingstijden zaterdag"
        # A pain point the plot has already: m merges it with the one picked.
        persona, touchpoint = screen.views["plotting"].room_focus()
        await phone.post("/api/note", {"kind": "idea", "text": "Geen pijnpunt"})
        await pilot.pause()
        await pilot.press("m")
        assert notices(app)[-1].startswith("Alleen een pijnpunt")
        await pilot.press("x")
        await phone.post(
            "/api/note", {"kind": "pain", "text": "Wachten op de offerte", "severity": 2}
        )
        await pilot.pause()
        await pilot.press("a")
        await phone.post("/api/note", {"kind": "pain", "text": "Weer wachten", "severity": 5})
        await pilot.pause()
        before = plot_for(screen.session, persona or "", touchpoint or "")
        assert before is not None
        await pilot.press("m")
        await pilot.press("end", "enter")  # the pain point just accepted, the plot's last
        after = plot_for(screen.session, persona or "", touchpoint or "")
        assert after is not None
        assert after.pain_points[-1] == replace(before.pain_points[-1], severity=5)
        assert len(after.pain_points) == len(before.pain_points)
        assert app.screen is dialog
        assert dialog.view.waiting == ()
        old = dialog.view.address
        await pilot.press("c")
        assert dialog.view.address != old
        status, _ = await phone.post("/api/note", {"kind": "idea", "text": "Nog een"})
        assert status == 403
        await pilot.press("w")
        await pilot.app.workers.wait_for_complete()
        assert not dialog.view.open
