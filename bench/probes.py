"""How the benchmark watches the app: fresh processes for start-up, quit and memory, and keys
sent to a running app for the CPU each one costs.

Every app runs in a process of its own, started the way the command line starts it. Start-up
is timed from the moment the process is started to the moment the screen wanted has been drawn
(``call_after_refresh`` fires after the screen is painted), quit from the exit request to the end
of the process. Keys are posted to the app the way the terminal driver posts them, one every
``KEY_INTERVAL`` seconds, and the CPU time of the process over each interval, less what an idle
app spends in the same time, is what that key cost: handling it, redrawing, and any save it
started in a worker thread. No test harness waits between keys, so the figure is what the app
does, not what a harness does to watch it.
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import textwrap
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

KEY_INTERVAL = 0.08
"""Time allowed for one key: far more than a key takes, so each interval holds one key's work."""

BARE_APP = """
from textual.app import App
from textual.widgets import Label

class Bare(App):
    def compose(self):
        yield Label("Hello")

app = Bare()
run = app.run
"""

OUR_APP = """
from functools import partial
from pathlib import Path
from cjworkshop.ui.app import create_app, run_app

app = create_app(folder=Path({folder!r}), session_path={session!r} and Path({session!r}))
run = partial(run_app, app)  # the way the command line runs it
"""

DRIVER = """
import asyncio, resource, time

async def auto(pilot):
    drawn = asyncio.Event()
    {arrange}
    await drawn.wait()
    print("frame", time.time(), flush=True)
    print("exit", time.time(), flush=True)
    pilot.app.exit()

run(headless=True, auto_pilot=auto, size=(120, 40))
print("rss", resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, flush=True)
"""

FIRST_FRAME = "pilot.app.screen.call_after_refresh(drawn.set)"
"""Wait for the first screen to be drawn."""
GRID = "pilot.app.screen.go_to('grid', then=lambda view: view.call_after_refresh(drawn.set))"
"""Go to the journey grid and wait until it is drawn."""


@dataclass(frozen=True)
class Run:
    """One start of an app in a fresh process."""

    frame: float
    """Seconds from starting the process to the wanted screen drawn."""
    quit: float
    """Seconds from the exit request to the end of the process."""
    memory: float
    """Peak resident memory in MB."""


def bare_app() -> str:
    return BARE_APP


def our_app(folder: Path, session: Path | None = None) -> str:
    return OUR_APP.format(folder=str(folder), session=str(session) if session else None)


def start(setup: str, arrange: str = FIRST_FRAME) -> Run:
    """Start an app in a fresh process, wait for ``arrange`` to say it is drawn, and quit."""
    code = textwrap.dedent(setup) + textwrap.dedent(DRIVER).replace("{arrange}", arrange)
    started = time.time()
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False, timeout=120
    )
    ended = time.time()
    if done.returncode != 0:
        raise RuntimeError(done.stderr[-2000:])
    values = dict(line.split(" ", 1) for line in done.stdout.splitlines() if " " in line)
    exit_at = float(values["exit"])
    return Run(float(values["frame"]) - started, ended - exit_at, int(values["rss"]) / 1024)


def import_time(module: str) -> float:
    """Seconds for a fresh interpreter to import ``module`` and end."""
    started = time.perf_counter()
    subprocess.run([sys.executable, "-c", f"import {module}"], check=True)
    return time.perf_counter() - started


# Keys in a running app ---------------------------------------------------------------------

Key = tuple[str, str | None]
"""A key as the terminal driver reports it: its name and the character it types, if any."""

ARROWS: tuple[Key, ...] = (("down", None), ("right", None), ("up", None), ("left", None))
STEPS: tuple[Key, ...] = (
    ("right_square_bracket", "]"),
    ("right_square_bracket", "]"),
    ("left_square_bracket", "["),
    ("left_square_bracket", "["),
)
FEELINGS: tuple[Key, ...] = (("2", "2"), ("4", "4"))

SMALL_TABLE = """
from textual.app import App
from textual.widgets import DataTable

class SmallTable(App):
    def compose(self):
        table = DataTable()
        table.add_columns("a", "b", "c")
        for n in range(5):
            table.add_row(str(n), "x", "y")
        yield table

app = SmallTable()
run = app.run
"""
"""The baseline for a cursor move: a 5 x 3 table and nothing else."""

TO_GRID = """
ready = asyncio.Event()
app.screen.go_to("grid", then=lambda view: ready.set())
await ready.wait()
"""
TO_A_CELL = (
    TO_GRID
    + """
for name in ("down", "right"):  # off the phase row
    app.post_message(events.Key(name, None))
    await asyncio.sleep(0.05)
"""
)

KEYS_DRIVER = """
import asyncio, json, sys, time
from textual import events

KEYS = json.loads(sys.argv[1])
INTERVAL = float(sys.argv[2])

async def auto(pilot):
    app = pilot.app
    await pilot.pause()
    {prepare}
    await pilot.pause()
    await asyncio.sleep(0.3)
    idle = []
    for _ in range(8):
        started = time.process_time()
        await asyncio.sleep(INTERVAL)
        idle.append(time.process_time() - started)
    spent = []
    for name, character in KEYS:
        started = time.process_time()
        app.post_message(events.Key(name, character))
        await asyncio.sleep(INTERVAL)
        spent.append(time.process_time() - started)
    print("KEYS", json.dumps({"idle": idle, "spent": spent}), flush=True)
    app.exit()

run(headless=True, auto_pilot=auto, size=(120, 40))
"""


def key_cpu(setup: str, keys: Sequence[Key], prepare: str = "") -> list[float]:
    """CPU seconds each key cost, in order, in a fresh process; ``prepare`` runs first."""
    body = textwrap.indent(textwrap.dedent(prepare), "    ").strip() or "pass"
    code = textwrap.dedent(setup) + textwrap.dedent(KEYS_DRIVER).replace("{prepare}", body)
    done = subprocess.run(
        [sys.executable, "-c", code, json.dumps(list(keys)), str(KEY_INTERVAL)],
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    found = [line for line in done.stdout.splitlines() if line.startswith("KEYS ")]
    if done.returncode != 0 or not found:
        raise RuntimeError(done.stderr[-2000:])
    result = json.loads(found[0].removeprefix("KEYS "))
    at_rest = statistics.median(result["idle"])
    return [max(0.0, cost - at_rest) for cost in result["spent"]]


def cycle(keys: Sequence[Key], count: int) -> list[Key]:
    return [keys[n % len(keys)] for n in range(count)]
