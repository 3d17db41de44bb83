"""The app as ``cjworkshop serve`` runs it, under Textual's web driver, driven with Pilot.

Pilot runs the app headless; ``App.is_web`` is made to answer as the web driver does, and the
download a browser would get is recorded instead of sent. ``tests/browser/test_serve.py``
does the same through a real server and Chromium.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, TextIO

import pytest
from textual.widgets import Label

from cjworkshop.store.lock import SessionLock
from cjworkshop.ui.app import WorkshopApp
from cjworkshop.ui.modals.confirm import ConfirmModal
from cjworkshop.ui.screens.session import SessionScreen
from tests.ui.conftest import app_for, new_session
from tests.ui.helpers import notices, settle
from tests.ui.test_plotting_review_roadmap import crafted_file

Delivered = tuple[str, str | None, str | None]
"""A download offered to the browser: its text, file name and media type."""


def in_a_browser(monkeypatch: pytest.MonkeyPatch, web: bool = True) -> list[Delivered]:
    """The app runs under the web driver (or not); what it offers for download is recorded."""
    delivered: list[Delivered] = []

    def deliver_text(app: WorkshopApp, file: TextIO, **options: Any) -> str:
        delivered.append((file.read(), options.get("save_filename"), options.get("mime_type")))
        return "key"

    monkeypatch.setattr(WorkshopApp, "is_web", property(lambda app: web))
    monkeypatch.setattr(WorkshopApp, "deliver_text", deliver_text)
    return delivered


async def test_a_held_session_opens_read_only_without_asking_and_says_why(
    workdir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    in_a_browser(monkeypatch)
    path = new_session(workdir / "sessions", template="blank")
    first = SessionLock(path)
    first.acquire()  # as the first browser page's app holds it
    app = app_for(path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, SessionScreen), "no question asked"
        assert not app.screen.query(ConfirmModal)
        assert "read-only" in str(app.screen.query_one("#save-status", Label).render())
        assert any("Someone else has this session open for editing" in n for n in notices(app))
    first.release()


async def test_a_read_only_file_in_a_browser_says_why_it_is_read_only(
    workdir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    in_a_browser(monkeypatch)
    path = new_session(workdir / "sessions", template="blank", language="nl")
    path.chmod(0o444)
    app = app_for(path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, SessionScreen)
        [notice] = [n for n in notices(app) if n.startswith("Deze pagina toont")]
        assert notice.startswith("Deze pagina toont de sessie alleen-lezen: ")
        assert "gemarkeerd als alleen-lezen" in notice, "the reason, in the session's language"


@pytest.mark.parametrize("web", [True, False], ids=["browser", "terminal"])
@pytest.mark.parametrize(
    ("step", "key", "suffix", "media_type", "start"),
    [
        ("roadmap", "x", "-roadmap.md", "text/markdown", "# "),
        ("review", "X", "-report.html", "text/html", "<!DOCTYPE html>"),
    ],
)
async def test_an_export_is_written_as_before_and_in_a_browser_offered_as_a_download(
    workdir: Path,
    monkeypatch: pytest.MonkeyPatch,
    web: bool,
    step: Any,
    key: str,
    suffix: str,
    media_type: str,
    start: str,
) -> None:
    delivered = in_a_browser(monkeypatch, web)
    path = crafted_file(workdir / "sessions")
    app = app_for(path)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = app.screen
        assert isinstance(screen, SessionScreen)
        screen.go_to(step)
        await settle(pilot)
        await pilot.press(key)
        await settle(pilot)
        written = path.with_name(f"{path.stem}{suffix}")
        offered = f"{written.name} is offered as a download in this browser too."
        assert (notices(app)[-1] == offered) == web
    text = written.read_text(encoding="utf-8")
    assert text.startswith(start)
    # A terminal has no browser to download to.
    assert delivered == ([(text, written.name, media_type)] if web else [])
