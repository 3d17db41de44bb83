"""Two cjworkshop processes on one session: the second is refused, or reads, or takes over.

``test_lock.py`` covers the lock itself with hand-written lock files; here a real process opens
the session as the app does (``SessionDocument.open``) and the test plays the second process.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import textwrap
import time
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from cjworkshop.i18n import translator
from cjworkshop.model import edits
from cjworkshop.model.session import Goal
from cjworkshop.store.document import SessionDocument
from cjworkshop.store.errors import LockedError
from cjworkshop.store.lock import lock_path
from cjworkshop.store.session_file import read_session, save_session
from tests.conftest import small_session, stale_lock_text

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs SIGKILL (POSIX)")

HOLDER = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from cjworkshop.store.document import SessionDocument

    document = SessionDocument.open(Path(sys.argv[1]))
    print("held", flush=True)
    sys.stdin.read()
    document.close()
    """
)

CONTENDER = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from cjworkshop.store.errors import LockedError
    from cjworkshop.store.lock import SessionLock

    lock = SessionLock(Path(sys.argv[1]))
    print("ready", flush=True)
    start = float(sys.stdin.readline())
    while time.time() < start:
        pass
    try:
        lock.acquire()
    except LockedError as error:
        print(error.key, flush=True)
    else:
        print("won", flush=True)
    sys.stdin.read()
    """
)


@dataclass
class Held:
    """A session file and the other process that has it open."""

    path: Path
    process: subprocess.Popen[str]


@pytest.fixture
def held(tmp_path: Path) -> Iterator[Held]:
    path = tmp_path / "bakkerij.toml"
    save_session(path, small_session())
    process = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert process.stdout is not None
    assert process.stdout.readline().strip() == "held"
    yield Held(path, process)
    process.communicate("" if process.poll() is None else None, timeout=10)


def _holder_pid(session_path: Path) -> object:
    return tomllib.loads(lock_path(session_path).read_text(encoding="utf-8")).get("pid")


def _with_goal(document: SessionDocument, what: str) -> None:
    changed, _ = edits.add_goal(document.session, Goal(id="", what=what))
    assert document.commit(changed, f"Add goal {what}")


def test_a_second_process_is_refused_with_who_has_the_session(held: Held) -> None:
    with pytest.raises(LockedError) as caught:
        SessionDocument.open(held.path)
    error = caught.value
    assert error.params["pid"] == held.process.pid
    english = error.render(translator("en"))
    assert f"process {held.process.pid} on {socket.gethostname()}" in english
    assert "--read-only" in english
    assert f"proces {held.process.pid} op {socket.gethostname()}" in error.render(translator("nl"))
    # Being refused does not disturb the holder.
    assert _holder_pid(held.path) == held.process.pid
    assert held.process.poll() is None


def test_a_session_open_elsewhere_can_be_read_and_copied_but_is_never_written(
    held: Held, tmp_path: Path
) -> None:
    before = held.path.read_bytes()
    document = SessionDocument.open(held.path, read_only=True)
    assert document.read_only
    assert document.session == small_session()
    _with_goal(document, "Alleen in het geheugen")
    result = document.save()
    assert result.error is None
    assert document.dirty
    assert held.path.read_bytes() == before
    copy = tmp_path / "kopie.toml"
    document.save_as(copy)
    assert [goal.what for goal in read_session(copy).goals][-1] == "Alleen in het geheugen"
    assert _holder_pid(copy) == os.getpid(), "the copy is ours to write"
    document.close()
    assert held.path.read_bytes() == before
    assert _holder_pid(held.path) == held.process.pid
    assert not lock_path(copy).exists()


def test_after_the_holder_is_killed_the_next_process_takes_the_session_over(held: Held) -> None:
    held.process.send_signal(signal.SIGKILL)
    held.process.wait(timeout=10)
    # A crash leaves the lock behind, naming a process that is gone.
    assert _holder_pid(held.path) == held.process.pid
    document = SessionDocument.open(held.path)
    assert not document.read_only
    assert _holder_pid(held.path) == os.getpid()
    _with_goal(document, "Na de crash")
    assert document.save().error is None
    assert read_session(held.path).goals[-1].what == "Na de crash"
    assert document.close().error is None
    assert not lock_path(held.path).exists()


def test_processes_taking_over_one_stale_lock_at_once_let_only_one_win(tmp_path: Path) -> None:
    session = tmp_path / "bakkerij.toml"
    stale = stale_lock_text()
    for _ in range(3):
        lock_path(session).write_text(stale, encoding="utf-8")
        contenders = [
            subprocess.Popen(
                [sys.executable, "-c", CONTENDER, str(session)],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                text=True,
            )
            for _ in range(3)
        ]
        try:
            for process in contenders:
                assert process.stdout is not None
                assert process.stdout.readline().strip() == "ready"
            start = f"{time.time() + 0.05}\n"
            for process in contenders:
                assert process.stdin is not None
                process.stdin.write(start)
                process.stdin.flush()
            outcomes = []
            for process in contenders:
                assert process.stdout is not None
                outcomes.append(process.stdout.readline().strip())
        finally:
            for process in contenders:
                process.communicate("")
        assert outcomes.count("won") == 1, outcomes
        lock_path(session).unlink()
