"""One writer per session: a live holder refuses a second, a dead one is taken over."""

from __future__ import annotations

import errno
import os
import subprocess
import sys
from pathlib import Path

import pytest

from cjworkshop.i18n import translator
from cjworkshop.store.errors import EditRefused, LockedError
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
        # That process is alive: the message must not tell anyone to delete its lock.
        assert str(lock_path(session)) not in message
        assert "delete" not in message
        assert "verwijder" not in caught.value.render(translator("nl"))
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


def test_a_lock_file_naming_another_machine_is_a_leftover_when_the_kernel_lock_is_free(
    tmp_path: Path,
) -> None:
    # Where the file system has flock, a process that holds the session holds the kernel's
    # lock (NFS passes it between machines); a file without it is what a crash left.
    session = tmp_path / "s.toml"
    lock_path(session).write_text('pid = 1\nhost = "elsewhere"\nsince = "2026-01-01"\n')
    with SessionLock(session) as lock:
        assert lock.held


@pytest.mark.parametrize("content", ['pid = "1"\nhost = "x"\n', "pid = true\n", "pid = -1\n", ""])
def test_lock_content_of_the_wrong_shape_is_garbage(tmp_path: Path, content: str) -> None:
    session = tmp_path / "s.toml"
    lock_path(session).write_text(content)
    with SessionLock(session) as lock:
        assert lock.held


def test_without_kernel_locks_a_lock_from_another_machine_is_respected(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("cjworkshop.store.lock._lock_kernel", lambda handle: "unsupported")
    session = tmp_path / "s.toml"
    lock_path(session).write_text('pid = 1\nhost = "elsewhere"\nsince = "2026-01-01"\n')
    with pytest.raises(LockedError) as caught:
        SessionLock(session).acquire()
    message = caught.value.render(translator("en"))
    # Only here, where nothing can tell whether that process still runs, may removing the
    # file be the way out, and the message says when.
    assert "elsewhere" in message
    assert str(lock_path(session)) in message
    lock_path(session).write_text('pid = "1"\nhost = "elsewhere"\n')
    with SessionLock(session) as lock:
        assert lock.held, "a lock file that names no process is garbage"


def test_a_lock_naming_a_live_process_that_does_not_hold_it_is_taken_over(tmp_path: Path) -> None:
    # A crash leaves the file; its process number may since belong to an unrelated process.
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


def test_a_lock_file_that_is_someone_elses_is_never_removed(tmp_path: Path) -> None:
    # A sync tool or ``git clean`` deletes the lock file of an open session; a second process
    # makes its own. Closing the first must not delete the second's.
    session = tmp_path / "s.toml"
    first = SessionLock(session)
    first.acquire()
    lock_path(session).unlink()
    second = SessionLock(session)
    second.acquire()
    first.release()
    assert lock_path(session).exists()
    assert second.intact()
    second.release()
    assert not lock_path(session).exists()


def test_a_deleted_lock_file_is_put_back(tmp_path: Path) -> None:
    session = tmp_path / "s.toml"
    with SessionLock(session) as lock:
        lock_path(session).unlink()
        assert not lock.intact()
        assert lock.keep()
        assert lock.intact()
        with pytest.raises(LockedError):
            SessionLock(session).acquire()
    assert not lock_path(session).exists()


def test_a_lock_file_that_is_a_symbolic_link_is_refused_and_its_target_untouched(
    tmp_path: Path,
) -> None:
    victim = tmp_path / "elsewhere" / "precious.txt"
    victim.parent.mkdir()
    victim.write_text("keep me\n")
    session = tmp_path / "s.toml"
    lock_path(session).symlink_to(victim)
    with pytest.raises(EditRefused) as caught:
        SessionLock(session).acquire()
    assert caught.value.key == "error.lock.link"
    assert "symbolic link" in caught.value.render(translator("en"))
    assert victim.read_text() == "keep me\n"
    assert lock_path(session).is_symlink(), "the link is left for the user to look at"


def test_a_lock_file_with_a_second_name_is_refused_and_left_alone(tmp_path: Path) -> None:
    victim = tmp_path / "precious.txt"
    victim.write_text("keep me\n")
    session = tmp_path / "s.toml"
    os.link(victim, lock_path(session))
    with pytest.raises(EditRefused) as caught:
        SessionLock(session).acquire()
    assert caught.value.key == "error.lock.not_a_file"
    assert victim.read_text() == "keep me\n"


@pytest.mark.parametrize("kind", ["folder", "fifo"])
def test_something_else_in_place_of_the_lock_file_is_refused_in_words(
    tmp_path: Path, kind: str
) -> None:
    session = tmp_path / "s.toml"
    if kind == "folder":
        lock_path(session).mkdir()
    else:
        os.mkfifo(lock_path(session))
    with pytest.raises(EditRefused) as caught:
        SessionLock(session).acquire()
    assert caught.value.key in ("error.lock.cannot_create", "error.lock.not_a_file")
    assert str(lock_path(session)) in caught.value.render(translator("en"))


def test_a_lock_that_cannot_be_created_is_refused_in_words(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_open = os.open

    def read_only_disk(path: object, flags: int, mode: int = 0o777) -> int:
        if str(path).endswith(".lock"):
            raise OSError(errno.EROFS, "Read-only file system")
        return real_open(path, flags, mode)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "open", read_only_disk)
    with pytest.raises(EditRefused) as caught:
        SessionLock(tmp_path / "s.toml").acquire()
    message = caught.value.render(translator("en"))
    assert "Read-only file system" in message
    assert "read-only" in message
    assert "Ctrl+S" in message


def test_a_full_disk_while_the_lock_is_written_is_refused_in_words(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def full(handle: int, content: str) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr("cjworkshop.store.lock._write", full)
    with pytest.raises(EditRefused) as caught:
        SessionLock(tmp_path / "s.toml").acquire()
    assert "No space left on device" in caught.value.render(translator("en"))
    assert not lock_path(tmp_path / "s.toml").exists(), "no empty lock file is left behind"
