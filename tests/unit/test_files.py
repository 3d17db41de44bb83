"""The disk as an attacker or an accident leaves it: pipes, devices, links, modes and leftovers.

Reading takes ordinary files only, and only so much; files made beside a session never follow
a link and get the session's owner and mode; leftovers of a killed process are cleaned up.
"""

from __future__ import annotations

import datetime as dt
import os
import stat
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from msgspec.structs import replace

from cjworkshop.i18n import translator
from cjworkshop.store.document import SessionDocument
from cjworkshop.store.drafts import Draft, draft_path, read_draft, write_draft
from cjworkshop.store.errors import EditRefused, StoreError
from cjworkshop.store.revisit import previous_version
from cjworkshop.store.session_file import (
    MAX_SESSION_BYTES,
    backup_path,
    parse_session,
    read_session,
    save_session,
)
from tests.conftest import small_session

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX files")
DRAFT = Draft("goal", None, None, {"what": "Geheim plan"}, dt.datetime(2026, 12, 1, tzinfo=dt.UTC))


def _within(seconds: float, action: Callable[[], object]) -> object:
    """Run ``action`` in a thread and fail (instead of hanging) if it does not end in time."""
    outcome: list[object] = []

    def run() -> None:
        try:
            outcome.append(action())
        except BaseException as error:
            outcome.append(error)

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(seconds)
    assert not thread.is_alive(), "it hung"
    return outcome[0]


@pytest.fixture
def path(tmp_path: Path) -> Path:
    target = tmp_path / "bakkerij.toml"
    save_session(target, small_session(), backup=False)
    return target


def test_a_named_pipe_is_refused_without_waiting_for_a_writer(tmp_path: Path) -> None:
    fifo = tmp_path / "fifo.toml"
    os.mkfifo(fifo)
    error = _within(30, lambda: read_session(fifo))
    assert isinstance(error, StoreError)
    assert error.key == "error.read.not_regular"
    assert "not an ordinary file" in error.render(translator("en"))


def test_a_link_to_an_endless_device_is_refused_without_reading_it(tmp_path: Path) -> None:
    link = tmp_path / "zero.toml"
    link.symlink_to("/dev/zero")
    error = _within(30, lambda: read_session(link))
    assert isinstance(error, StoreError)
    assert error.key == "error.read.not_regular"


def test_a_huge_file_is_refused_by_its_size_without_being_read(tmp_path: Path) -> None:
    huge = tmp_path / "huge.toml"
    with huge.open("wb") as stream:
        stream.truncate(64 * 1024 * 1024 * 1024)  # sparse: 64 GB said, nothing written
    error = _within(30, lambda: read_session(huge))
    assert isinstance(error, StoreError)
    assert error.key == "error.read.too_large"
    assert huge.stat().st_size > MAX_SESSION_BYTES


@pytest.mark.parametrize("kind", ["fifo", "zero"])
def test_validate_refuses_a_pipe_or_a_device_in_words(tmp_path: Path, kind: str) -> None:
    target = tmp_path / f"{kind}.toml"
    if kind == "fifo":
        os.mkfifo(target)
    else:
        target.symlink_to("/dev/zero")
    result = subprocess.run(
        [sys.executable, "-m", "cjworkshop", "--lang", "en", "validate", str(target)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 1
    assert "not an ordinary file" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_previous_version_that_is_a_pipe_is_refused_in_words(path: Path) -> None:
    os.mkfifo(path.with_name("vorige.toml"))
    session = replace(small_session(), previous="vorige.toml")
    error = _within(30, lambda: previous_version(path, session))
    assert isinstance(error, StoreError)
    assert error.key == "error.read.not_regular"


@pytest.mark.parametrize("previous", [".", ".."])
def test_previous_must_name_a_file(previous: str) -> None:
    text = save_text(replace(small_session(), previous="x.toml")).replace(
        'previous = "x.toml"', f'previous = "{previous}"'
    )
    with pytest.raises(StoreError) as caught:
        parse_session(text.encode("utf-8"))
    assert caught.value.key == "error.schema.pattern_previous"
    assert caught.value.where == "$.previous"


def save_text(session: object) -> str:
    from cjworkshop.store.session_file import dumps_session

    assert hasattr(session, "title")
    return dumps_session(session)  # type: ignore[arg-type]


def test_a_draft_is_as_private_as_its_session(path: Path) -> None:
    os.chmod(path, 0o600)
    write_draft(path, DRAFT)
    assert stat.S_IMODE(draft_path(path).stat().st_mode) == 0o600
    assert read_draft(path) == DRAFT


def test_a_draft_without_its_session_file_is_private(tmp_path: Path) -> None:
    write_draft(tmp_path / "nog-niet.toml", DRAFT)
    assert stat.S_IMODE(draft_path(tmp_path / "nog-niet.toml").stat().st_mode) == 0o600


def test_a_draft_name_that_is_a_link_is_neither_followed_nor_read(
    path: Path, tmp_path: Path
) -> None:
    victim = tmp_path / "precious.txt"
    victim.write_text("keep me\n")
    draft_path(path).symlink_to(victim)
    assert read_draft(path) is None
    write_draft(path, DRAFT)
    assert victim.read_text() == "keep me\n"
    assert not draft_path(path).is_symlink()
    draft_path(path).unlink()
    draft_path(path).symlink_to("/dev/zero")
    assert _within(30, lambda: read_draft(path)) is None


def test_a_save_keeps_the_mode_of_the_file(path: Path) -> None:
    os.chmod(path, 0o640)
    save_session(path, replace(small_session(), title="Nieuw"))
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    assert stat.S_IMODE(backup_path(path).stat().st_mode) == 0o640


@pytest.mark.skipif(os.geteuid() != 0, reason="only root can save a file as someone else")
def test_a_save_by_root_keeps_the_owner_of_the_file(path: Path) -> None:
    os.chown(path, 65534, 65534)
    os.chmod(path, 0o600)
    document = SessionDocument.open(path)
    document.commit(replace(document.session, title="Door root bewerkt"), "Rename")
    assert document.save().error is None
    write_draft(path, DRAFT)
    for written in (path, backup_path(path), draft_path(path)):
        info = written.stat()
        assert (info.st_uid, info.st_gid) == (65534, 65534), written
        assert stat.S_IMODE(info.st_mode) == 0o600, written
    document.close()


def test_a_read_only_file_is_not_opened_for_editing(path: Path) -> None:
    os.chmod(path, 0o444)
    with pytest.raises(EditRefused) as caught:
        SessionDocument.open(path)
    assert caught.value.key == "error.read_only_file"
    message = caught.value.render(translator("en"))
    assert "read-only" in message
    assert "chmod u+w" in message
    assert SessionDocument.open(path, read_only=True).read_only


def test_temporary_files_left_by_a_killed_save_are_removed_on_opening(
    path: Path, tmp_path: Path
) -> None:
    old = time.time() - 3600
    leftovers = [
        tmp_path / ".bakkerij.toml.k3j2h1g0.tmp",
        tmp_path / ".bakkerij.toml.bak.a1b2c3d4.tmp",
        tmp_path / "..bakkerij.toml.draft.zz99yy88.tmp",
        tmp_path / ".bakkerij.toml.bak.tmp",
    ]
    for leftover in leftovers:
        leftover.write_bytes(b"x" * 1000)
        os.utime(leftover, (old, old))
    fresh = tmp_path / ".bakkerij.toml.fresh000.tmp"  # a save in progress right now
    fresh.write_bytes(b"x")
    others = [
        tmp_path / ".andere.toml.k3j2h1g0.tmp",  # another session's
        tmp_path / "notes.tmp",
    ]
    for other in others:
        other.write_bytes(b"x")
        os.utime(other, (old, old))
    document = SessionDocument.open(path)
    assert not any(leftover.exists() for leftover in leftovers)
    assert fresh.exists()
    assert all(other.exists() for other in others)
    document.close()


def test_a_session_saved_by_a_killed_process_left_no_temporary_file_that_grows(
    path: Path, tmp_path: Path
) -> None:
    # Every save makes exactly one temporary file and removes or renames it.
    for number in range(5):
        save_session(path, replace(small_session(), title=f"Versie {number}"))
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
