"""Shared fixtures: small sessions built in code, and the bundled files; the suite's options."""

from __future__ import annotations

import datetime as dt
import gc
import os
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings
from textual._styles_cache import StylesCache

from cjworkshop.model.session import (
    Goal,
    Opportunity,
    PainPoint,
    Persona,
    Phase,
    Plot,
    Session,
    Touchpoint,
)

ROOT = Path(__file__).resolve().parent.parent
SESSIONS = ROOT / "sessions"
TEMPLATES = ROOT / "templates"
WHEN = dt.datetime(2026, 11, 1, 9, 30, tzinfo=dt.UTC)

settings.register_profile(
    "default", deadline=None, suppress_health_check=[HealthCheck.too_slow], max_examples=60
)
settings.register_profile("thorough", deadline=None, max_examples=500)
settings.load_profile("default")

# A test process holds well over 100,000 objects for as long as it runs (Textual, Hypothesis,
# every test module), and Textual's drawing makes short-lived ones (strips and their caches) so
# fast that at Python's thresholds (700, 10, 10) a full collection walks all of them dozens of
# times per process. Counting young objects by the ten thousand lets them die before they are
# counted as old. Measured here on two cores: the suite takes 48-51 s so, 54-61 s without.
gc.set_threshold(10_000, 10, 10)


@pytest.fixture(autouse=True)
def _textual_lets_go_of_the_last_app() -> Iterator[None]:
    """Textual keeps the style caches of the last 1,024 widgets drawn in a class-wide
    ``functools.lru_cache`` (``StylesCache.get_inner_outer``), each with the lines it drew: after
    a Pilot test some 20,000 strips and 140,000 caches of an app that is gone, which every full
    collection of the tests after it walks again. Emptied after each test."""
    yield
    StylesCache.get_inner_outer.cache_clear()


KILL_ROUNDS = 100
"""How often ``tests/unit/test_kill_during_save.py`` kills a saver unless told otherwise."""


def pytest_xdist_auto_num_workers(config: pytest.Config) -> int | None:
    """``-n auto`` (the default, see pyproject.toml): two test processes per core. A Pilot test
    spends about half its time waiting for the app's screen to go idle (each key Pilot presses
    waits some 60 ms of wall-clock time for 5 ms of work), and another process uses the core
    meanwhile: on two cores the suite takes some 53 s with four processes, 57 s with three and
    73 s with two. PYTEST_XDIST_AUTO_NUM_WORKERS, when set, decides instead."""
    if os.environ.get("PYTEST_XDIST_AUTO_NUM_WORKERS"):
        return None
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return max(2, (cores or 1) * 2)


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--kill-rounds",
        type=int,
        default=KILL_ROUNDS,
        metavar="N",
        help=f"how often the SIGKILL test kills a process while it saves (default {KILL_ROUNDS})",
    )


def small_session() -> Session:
    """Two personas, three phases, four touchpoints, a few plots: enough to see every rule."""
    return Session(
        title="Bakkerij Jansen",
        language="nl",
        created=WHEN,
        updated=WHEN,
        template="five-phases",
        goals=(
            Goal(id="meer-vaste-klanten", what="Meer vaste klanten", why="Omzet", measure="NPS"),
        ),
        personas=(
            Persona(id="sanne", name="Sanne", description="Jonge moeder"),
            Persona(id="piet", name="Piet", description="Gepensioneerd"),
        ),
        phases=(
            Phase(id="awareness", name="Oriëntatie", weight=1.5),
            Phase(id="purchase", name="Aankoop"),
            Phase(id="advocacy", name="Loyaliteit", weight=1.5),
        ),
        touchpoints=(
            Touchpoint(id="google", phase="awareness", name="Google", channel="search"),
            Touchpoint(
                id="reviews",
                phase="awareness",
                name="Reviews",
                channel="review-site",
                kind="indirect",
            ),
            Touchpoint(id="kassa", phase="purchase", name="Kassa", channel="payment"),
            Touchpoint(
                id="buren", phase="advocacy", name="Buren", channel="word-of-mouth", kind="indirect"
            ),
        ),
        plots=(
            Plot(
                persona="sanne",
                touchpoint="google",
                emotion=-1,
                pain_points=(PainPoint(text="Niet gevonden", severity=4),),
            ),
            Plot(persona="sanne", touchpoint="kassa", emotion=2, thought="Snel!"),
            Plot(persona="piet", touchpoint="google", relevant=False),
            Plot(
                persona="piet",
                touchpoint="kassa",
                emotion=-2,
                pain_points=(PainPoint(text="Geen pin", severity=5),),
                opportunities=(Opportunity(text="Pinautomaat"),),
            ),
        ),
    )


@pytest.fixture
def session() -> Session:
    return small_session()


@pytest.fixture
def bundled_sessions() -> list[Path]:
    return sorted(SESSIONS.glob("*.toml"))


def stale_lock_text() -> str:
    """A lock file as a process on this machine leaves it when it is killed: its process gone."""
    ended = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        capture_output=True,
        text=True,
        check=True,
    )
    return f'pid = {int(ended.stdout)}\nhost = "{socket.gethostname()}"\nsince = "2026-11-01"\n'
