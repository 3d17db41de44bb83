"""Leaving a session writes it off the event loop, and a disk that hangs does not hold the app.

The app closes the open session once, whichever way it is left; its last save runs in a thread
of its own, and the app waits for it a few seconds at most, then says what was not saved.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import pty
import select
import signal
import struct
import sys
import termios
import threading
import time
from pathlib import Path
from typing import Any

import pytest

from cjworkshop.store import atomic, session_file
from cjworkshop.store.session_file import read_session
from cjworkshop.ui import last_save
from cjworkshop.ui.modals.confirm import ConfirmModal
from tests.ui.conftest import app_for, has_no_lock, new_session
from tests.ui.helpers import PATIENCE, fill, settle, until


async def test_closing_a_session_writes_it_and_lets_it_go(workdir: Path) -> None:
    path = new_session(workdir / "sessions", template="blank")
    app = app_for(path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("a")
        await fill(pilot, "Kept on the way out")
        await pilot.press("enter", "ctrl+w")
        await settle(pilot)
        assert app.document is None
        assert has_no_lock(path)
        assert type(app.screen).__name__ == "StartScreen"
    assert [goal.what for goal in read_session(path).goals] == ["Kept on the way out"]
    assert app.not_saved is None


async def test_a_disk_that_hangs_on_the_last_save_does_not_keep_the_app(
    workdir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = new_session(workdir / "sessions", template="blank")
    real_write = atomic.write_atomically
    hanging = threading.Event()
    released = threading.Event()

    def write(target: Path, text: str | bytes, **options: Any) -> os.stat_result:
        if hanging.is_set():
            released.wait(30)  # a disk that does not answer
        return real_write(target, text, **options)

    monkeypatch.setattr(session_file, "write_atomically", write)
    monkeypatch.setattr(last_save, "CLOSE_PATIENCE_SECONDS", 0.5)
    app = app_for(path)
    try:
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.press("a")
            await fill(pilot, "On disk")
            await pilot.press("enter")
            await settle(pilot)
            hanging.set()
            await pilot.press("a")
            await fill(pilot, "Never written")
            await pilot.press("enter", "ctrl+q")
            # The save on the way out did not come back: quitting asks first, as it does when a
            # save fails.
            # Half a second of patience, against a minute that only a disk that is waited for
            # for ever (or a very busy machine) would use up.
            started = time.monotonic()
            await until(
                pilot,
                lambda: isinstance(app.screen, ConfirmModal),
                "quitting waits for the disk for ever",
            )
            await pilot.press("y")
            await pilot.pause(1.0)
        assert time.monotonic() - started < PATIENCE
        assert app.disk_hangs
        assert app.not_saved is not None
        assert str(path) in app.not_saved
        assert "did not answer" in app.not_saved
        assert [goal.what for goal in read_session(path).goals] == ["On disk"]
    finally:
        released.set()


def _run_in_a_terminal(path: Path) -> tuple[int, int]:
    """``cjworkshop open path`` in a pseudo-terminal of 100 x 30; its pid and the terminal."""
    pid, terminal = pty.fork()
    if pid == 0:  # the child: the app in a terminal of a known size
        fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", 30, 100, 0, 0))
        os.environ.update(TERM="xterm-256color", CJWORKSHOP_LANG="en")
        os.execv(sys.executable, [sys.executable, "-m", "cjworkshop", "open", str(path)])
    return pid, terminal


def _read_until(terminal: int, wanted: bytes, patience: float = PATIENCE) -> None:
    received = b""
    deadline = time.monotonic() + patience
    while wanted not in received:
        ready, _, _ = select.select([terminal], [], [], max(0.0, deadline - time.monotonic()))
        assert ready, f"the terminal never showed {wanted!r}"
        received = received[-4096:] + os.read(terminal, 65536)


def _drain(terminal: int) -> None:
    with contextlib.suppress(OSError):
        while select.select([terminal], [], [], 5.0)[0] and os.read(terminal, 65536):
            pass


def _until_on_disk(path: Path, goal: str, patience: float = PATIENCE) -> None:
    deadline = time.monotonic() + patience
    while goal not in [g.what for g in read_session(path).goals]:
        assert time.monotonic() < deadline, f"{goal!r} never reached {path}"
        time.sleep(0.1)


@pytest.mark.parametrize("signal_number", [signal.SIGTERM, signal.SIGHUP])
def test_a_signal_in_a_terminal_writes_the_session_and_lets_it_go(
    workdir: Path, signal_number: int
) -> None:
    path = new_session(workdir / "sessions", template="blank")
    pid, terminal = _run_in_a_terminal(path)
    try:
        _read_until(terminal, b"Goals")
        os.write(terminal, b"a")
        _read_until(terminal, b"New goal")
        os.write(terminal, b"Survive\r")
        _until_on_disk(path, "Survive")
        os.write(terminal, b"t")  # the timebox runs: only closing the session records it
        _read_until(terminal, "▶".encode())
        time.sleep(1.1)  # once it runs, a second of real time for it to count
        os.kill(pid, signal_number)
        _drain(terminal)
        _, status = os.waitpid(pid, 0)
    finally:
        os.close(terminal)
        with contextlib.suppress(ChildProcessError, ProcessLookupError):
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
    assert os.WIFEXITED(status), status
    session = read_session(path)
    assert [goal.what for goal in session.goals] == ["Survive"]
    assert session.timebox["goals"].used_seconds >= 1
    assert has_no_lock(path), "the session is let go, not left locked"
