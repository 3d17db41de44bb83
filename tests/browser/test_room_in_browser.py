"""A phone joins the room from headless Chromium, sends a note and spends a dot, and the app
(driven by Pilot in a thread of its own, on its own event loop) sees both arrive.

The app serves the room on a free loopback port; the page is the real one, its script speaks to
the real server; what the participant types is shown back as text, never run.
"""

from __future__ import annotations

import asyncio
import queue
import shutil
import threading
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from cjworkshop.model import decisions
from cjworkshop.model.queries import plot_for
from cjworkshop.ui.modals.room import RoomModal
from cjworkshop.ui.screens.session import SessionScreen
from tests.conftest import SESSIONS
from tests.ui.conftest import app_for
from tests.ui.helpers import settle

EXAMPLE = "meubelmakerij-de-eik.toml"
WAIT = 30.0
HOSTILE = "<img src=x onerror=alert(1)> Offerte duurt te lang"


class AppThread(threading.Thread):
    """The app on a loop of its own; the browser test asks it things through ``ask``."""

    def __init__(self, path: Path) -> None:
        super().__init__(daemon=True)
        self.path = path
        self.questions: queue.Queue[str] = queue.Queue()
        self.answers: queue.Queue[Any] = queue.Queue()

    def ask(self, question: str) -> Any:
        self.questions.put(question)
        answer = self.answers.get(timeout=WAIT)
        if isinstance(answer, BaseException):
            raise answer
        return answer

    def run(self) -> None:
        try:
            asyncio.run(self.drive())
        except BaseException as error:  # handed to the test, which fails with it
            self.answers.put(error)

    async def drive(self) -> None:
        app = app_for(self.path, step="plotting")
        async with app.run_test(size=(120, 40)) as pilot:
            screen = app.screen
            assert isinstance(screen, SessionScreen)
            await settle(pilot)
            await pilot.press("R")
            await app.workers.wait_for_complete()
            await pilot.pause()
            dialog = app.screen
            assert isinstance(dialog, RoomModal)
            self.answers.put(dialog.view.address)
            while True:
                question = await asyncio.to_thread(self.questions.get, timeout=WAIT)
                await pilot.pause()
                if question == "inbox":
                    self.answers.put(
                        [(w.note.participant, w.note.text) for w in dialog.view.waiting]
                    )
                elif question == "accept":
                    await pilot.press("a")
                    persona, touchpoint = screen.views["plotting"].room_focus()
                    plot = plot_for(screen.session, persona or "", touchpoint or "")
                    self.answers.put([p.text for p in plot.pain_points] if plot else [])
                elif question == "roadmap":
                    await pilot.press("escape")
                    screen.go_to("roadmap")
                    await settle(pilot)
                    self.answers.put("roadmap")
                elif question == "dots":
                    self.answers.put(decisions.dots_spent(screen.session, "Joris"))
                else:
                    self.answers.put("done")
                    return


@pytest.fixture
def example(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("CJWORKSHOP_ROOM_PORT", "0")
    monkeypatch.delenv("CJWORKSHOP_ROOM_HOST", raising=False)
    monkeypatch.chdir(tmp_path)
    (tmp_path / "sessions").mkdir()
    path = tmp_path / "sessions" / EXAMPLE
    shutil.copy(SESSIONS / EXAMPLE, path)
    return path


def test_a_phone_joins_sends_a_note_and_spends_a_dot(page: Page, example: Path) -> None:
    app = AppThread(example)
    app.start()
    try:
        address = app.answers.get(timeout=WAIT)
        assert isinstance(address, str), address
        base = address.split("/?", 1)[0]
        requested: list[str] = []
        page.on("request", lambda request: requested.append(request.url))
        page.set_viewport_size({"width": 390, "height": 844})  # a phone
        page.goto(address)
        expect(page.locator("h1")).to_have_text("Doe mee met de sessie")
        page.fill("#name", "Joris")
        page.click("#join")
        expect(page.locator("#joined")).to_have_text("Je doet mee als Joris.")
        expect(page.locator("#question")).not_to_be_empty()
        page.select_option("#kind", "pain")
        page.select_option("#severity", "4")
        page.fill("#text", HOSTILE)
        page.click("#send")
        expect(page.locator("#note-message")).to_have_text("Verstuurd. De facilitator bekijkt hem.")
        expect(page.locator("#notes li")).to_have_text(f"{HOSTILE} (wacht)")
        assert page.locator("#notes img").count() == 0  # shown as text, never as markup
        assert app.ask("inbox") == [("Joris", HOSTILE)]
        assert HOSTILE[:40] in " ".join(app.ask("accept"))
        expect(page.locator("#notes li")).to_have_text(f"{HOSTILE} (op de kaart)", timeout=10_000)
        assert app.ask("roadmap") == "roadmap"
        expect(page.locator("#dots-part")).to_be_visible(timeout=10_000)
        expect(page.locator("#dots-left")).to_have_text("Nog 5 van de 5 stippen")
        page.locator("#items .give").first.click()
        expect(page.locator("#dots-left")).to_have_text("Nog 4 van de 5 stippen")
        assert app.ask("dots") == 1
        assert all(url.startswith(base) for url in requested), requested
        box = page.locator("#send").bounding_box() or page.locator("#items").bounding_box()
        assert box is not None
        assert box["x"] + box["width"] <= 390  # nothing wider than the phone
    finally:
        app.questions.put("stop")
        app.join(timeout=WAIT)
