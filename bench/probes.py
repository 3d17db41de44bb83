"""How the benchmark watches the app: in a terminal for start-up, quit and memory, and with keys
sent to a running app for the CPU each one costs.

Start-up and quit are measured the way a person meets them: the command (``cjworkshop``,
``cjworkshop open large.toml --step grid``, or a script running the bare Textual app) runs in
a pseudo-terminal of 120 x 40, and the clock runs from starting the process until the
terminal receives a text of the wanted screen; then Ctrl+Q is typed, and the clock runs until
the process has ended. Peak memory is the process's own account of it when it ends.

For keys, the app runs headless in a fresh process as the command line runs it. Keys are posted
to it the way the terminal driver posts them, one every ``KEY_INTERVAL`` seconds, and the CPU
time of the process over each interval, less what an idle app spends in the same time, is what
that key cost: handling it, redrawing, and any save it started in a worker thread. No test
harness waits between keys, so the figure is what the app does, not what a harness does to
watch it.
"""

from __future__ import annotations

import fcntl
import json
import os
import pty
import select
import statistics
import struct
import subprocess
import sys
import termios
import textwrap
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

KEY_INTERVAL = 0.08
"""Time allowed for one key: far more than a key takes, so each interval holds one key's work."""
COLUMNS, ROWS = 120, 40
QUIT = b"\x11"
"""Ctrl+Q, as the terminal sends it."""
PATIENCE = 30.0
"""Seconds to wait for a screen before giving up on a run."""

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

app = create_app(
    folder=Path({folder!r}), session_path={session!r} and Path({session!r}), step={step!r}
)
run = partial(run_app, app)  # the way the command line runs it
"""


@dataclass(frozen=True)
class Run:
    """One start of a command in a fresh terminal."""

    frame: float
    """Seconds from starting the process to the wanted screen in the terminal."""
    frame_cpu: float
    """CPU seconds the process (all its threads) had used by then: unlike the wall clock, not
    lengthened when the machine is busy with something else."""
    quit: float
    """Seconds from typing Ctrl+Q to the end of the process."""
    memory: float
    """Peak resident memory in MB."""


def bare_command() -> list[str]:
    """The bare Textual app, run as a script."""
    return [sys.executable, "-c", BARE_APP + "run()\n"]


def cli_command(*arguments: str) -> list[str]:
    """cjworkshop's command line, as ``cjworkshop ...`` runs it."""
    return [sys.executable, "-m", "cjworkshop", *arguments]


def our_app(folder: Path, session: Path | None = None, step: str | None = None) -> str:
    """A script that builds our app (for the key probe), as the command line builds it."""
    session_text = str(session) if session else None
    return OUR_APP.format(folder=str(folder), session=session_text, step=step)


def terminal_start(
    command: list[str], shows: bytes, cwd: Path | None = None, *, patience: float = PATIENCE
) -> Run:
    """Run ``command`` in a fresh terminal until it shows ``shows``, then quit it with Ctrl+Q."""
    started = time.perf_counter()
    pid, terminal = pty.fork()
    if pid == 0:  # the child: a terminal of a known size, then the command
        fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", ROWS, COLUMNS, 0, 0))
        os.environ.update(TERM="xterm-256color", CJWORKSHOP_LANG="en")
        if cwd is not None:
            os.chdir(cwd)
        os.execv(command[0], command)
    try:
        received = b""
        while shows not in received:
            chunk = _read(terminal, patience)
            if not chunk:
                raise RuntimeError(f"{command[2:]} ended before showing {shows!r}")
            received = received[-4096:] + chunk
        frame = time.perf_counter() - started
        frame_cpu = _cpu_seconds(pid)
        os.write(terminal, QUIT)
        asked = time.perf_counter()
        while _read(terminal, patience):
            pass  # the last frames and the terminal being restored
        _, status, usage = os.wait4(pid, 0)
        ended = time.perf_counter()
    finally:
        os.close(terminal)
    if status != 0:
        raise RuntimeError(f"{command[2:]} ended with status {status}")
    return Run(frame, frame_cpu, ended - asked, usage.ru_maxrss / 1024)


def _cpu_seconds(pid: int) -> float:
    """CPU time of every thread of a running process, from Linux's scheduler statistics."""
    total = 0
    for task in Path(f"/proc/{pid}/task").iterdir():
        try:
            total += int((task / "schedstat").read_text().split()[0])
        except (OSError, ValueError, IndexError):
            continue  # a thread that ended meanwhile
    return total / 1e9


def _read(terminal: int, patience: float) -> bytes:
    ready, _, _ = select.select([terminal], [], [], patience)
    if not ready:
        raise TimeoutError("the terminal stayed silent")
    try:
        return os.read(terminal, 65536)
    except OSError:  # the other side of the terminal is gone: the process ended
        return b""


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

TO_A_CELL = """
for name in ("down", "right"):  # off the phase row
    app.post_message(events.Key(name, None))
    await asyncio.sleep(0.05)
"""
"""From the top left of the grid to a touchpoint's cell."""

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
