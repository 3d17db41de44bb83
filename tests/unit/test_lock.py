"""One writer per session: a live holder refuses a second, a dead one is taken over."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from cjworkshop.i18n import translator
from cjworkshop.store.errors import LockedError
from cjworkshop.store.lock import SessionLock, lock_path
from tests.conftest import stale_lock_text


def test_second_writer_is_refused_with_who_holds_it(tmp_path: Path) -> None:
    session = tmp_path / "s.toml"
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys; from pathlib import Path\n"
            "from cjworkshop.store.lock import SessionLock\n"
            f"lock = SessionLock(Path({str(session)!r}))\n"
            "lock.acquire()\n"
            "print('held', flush=True)\n"
            "sys.stdin.read()\n",
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None
        assert holder.stdout.readline().strip() == "held"
        with pytest.raises(LockedError) as caught:
            SessionLock(session).acquire()
        message = caught.value.render(translator("en"))
        assert f"process {holder.pid}" in message
        assert "--read-only" in message
    finally:
        holder.communicate("")
    # The holder released the lock when it ended... or died; either way we get it now.
    with SessionLock(session):
        assert lock_path(session).exists()
    assert not lock_path(session).exists()


def test_a_lock_left_by_a_dead_process_is_taken_over(tmp_path: Path) -> None:
    session = tmp_path / "s.toml"
    lock_path(session).write_text(stale_lock_text())
    lock = SessionLock(session)
    lock.acquire()
    assert lock.held
    lock.release()
    assert not lock_path(session).exists()


def test_a_corrupt_lock_file_is_taken_over(tmp_path: Path) -> None:
    session = tmp_path / "s.toml"
    lock_path(session).write_text("garbage = = =")
    with SessionLock(session) as lock:
        assert lock.held


def test_a_lock_from_another_machine_is_respected(tmp_path: Path) -> None:
    session = tmp_path / "s.toml"
    lock_path(session).write_text('pid = 1\nhost = "elsewhere"\nsince = "2026-01-01"\n')
    with pytest.raises(LockedError):
        SessionLock(session).acquire()


def test_a_lock_naming_a_live_process_that_does_not_hold_it_is_taken_over(tmp_path: Path) -> None:
    # A crash leaves the file; its process number may since belong to an unrelated process.
    import os
    import socket

    session = tmp_path / "s.toml"
    lock_path(session).write_text(
        f'pid = {os.getppid()}\nhost = "{socket.gethostname()}"\nsince = "2026-01-01"\n'
    )
    with SessionLock(session) as lock:
        assert lock.held
        assert f"pid = {os.getpid()}" in lock_path(session).read_text()


def test_a_second_lock_in_the_same_process_is_refused_too(tmp_path: Path) -> None:
    session = tmp_path / "s.toml"
    with SessionLock(session), pytest.raises(LockedError):
        SessionLock(session).acquire()
    assert not lock_path(session).exists()
