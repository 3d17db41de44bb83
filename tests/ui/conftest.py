"""Fixtures for driving the app with Pilot: a fixed clock, time moved by hand, a fixed time zone,
a temp folder."""

from __future__ import annotations

import datetime as dt
import os
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from cjworkshop.i18n import Language
from cjworkshop.model.session import Mode, Step
from cjworkshop.store.folders import create_session
from cjworkshop.store.templates import find_template
from cjworkshop.ui.app import WorkshopApp, create_app
from tests.ui.clock import ManualClock

FIXED = dt.datetime(2026, 11, 22, 10, 0, tzinfo=dt.UTC)


def fixed_clock() -> dt.datetime:
    return FIXED


@pytest.fixture(autouse=True)
def utc(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Times on screen are shown in local time; tests read them in UTC."""
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    yield
    monkeypatch.delenv("TZ", raising=False)
    time.tzset()


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A working folder with an empty ``sessions`` folder, as the current directory."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "sessions").mkdir()
    return tmp_path


def new_session(
    folder: Path,
    title: str = "Bakkerij Jansen",
    template: str = "five-phases",
    language: Language = "en",
    mode: Mode = "workshop",
) -> Path:
    chosen = find_template(template)
    assert chosen is not None
    return create_session(folder, chosen, title=title, language=language, mode=mode, when=FIXED)


def app_for(
    path: Path | None = None,
    folder: Path = Path("sessions"),
    language: Language = "en",
    read_only: bool = False,
    step: Step | None = None,
) -> WorkshopApp:
    """The app as the command line builds it, on a fixed date and on a clock the test moves
    (``tests.ui.helpers.settle`` and ``pass_time``): nothing waits for wall-clock time."""
    app = create_app(
        folder=folder,
        session_path=path,
        language=language,
        read_only=read_only,
        clock=fixed_clock,
        step=step,
    )
    app.timers = ManualClock()
    return app


def has_no_lock(path: Path) -> bool:
    return not (path.parent / f".{path.name}.lock").exists()


__all__ = ["FIXED", "app_for", "has_no_lock", "new_session", "os"]
