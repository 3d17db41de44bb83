"""Saving never leaves a truncated or missing file, whatever fails and whenever."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path

import pytest
from msgspec.structs import replace

from cjworkshop.i18n import translator
from cjworkshop.model.session import Session
from cjworkshop.store.errors import StoreError
from cjworkshop.store.session_file import dumps_session, read_session, save_session


def test_a_failure_before_the_replace_leaves_the_old_file(
    session: Session, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "s.toml"
    save_session(path, session)
    before = path.read_bytes()

    def broken_replace(source: object, target: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(StoreError) as caught:
        save_session(path, replace(session, title="Nieuw"), backup=False)
    assert caught.value.key == "error.write.disk_full"
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["s.toml"]


def test_a_failure_while_writing_leaves_the_old_file(
    session: Session, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "s.toml"
    save_session(path, session)
    before = path.read_bytes()

    def broken_fsync(handle: int) -> None:
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(os, "fsync", broken_fsync)
    with pytest.raises(StoreError):
        save_session(path, replace(session, title="Nieuw"))
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["s.toml"]


@pytest.mark.parametrize(
    ("code", "key"),
    [
        (13, "error.write.permission"),
        (30, "error.write.read_only"),
        (28, "error.write.disk_full"),
        # No such file while the folder is there: a folder that takes no new files (/proc).
        (2, "error.write.cannot_create"),
    ],
)
def test_write_failures_are_named(
    session: Session, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, code: int, key: str
) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    with pytest.raises(StoreError) as caught:
        save_session(tmp_path / "s.toml", session)
    assert caught.value.key == key
    assert str(tmp_path) in caught.value.render(translator("en"))


def test_a_missing_folder_and_a_folder_given_as_file_are_named(
    session: Session, tmp_path: Path
) -> None:
    with pytest.raises(StoreError) as caught:
        save_session(tmp_path / "gone" / "s.toml", session)
    assert caught.value.key == "error.write.no_folder"
    (tmp_path / "map.toml").mkdir()
    with pytest.raises(StoreError) as caught:
        save_session(tmp_path / "map.toml", session)
    assert caught.value.key == "error.write.is_folder"


def test_killed_between_write_and_replace_the_file_stays_whole(
    session: Session, tmp_path: Path
) -> None:
    """A real process killed with SIGKILL right before the rename: the old file is intact."""
    path = tmp_path / "s.toml"
    save_session(path, session)
    before = path.read_bytes()
    script = textwrap.dedent(
        f"""
        import os, signal
        from pathlib import Path
        from msgspec.structs import replace
        from cjworkshop.store.session_file import read_session, save_session

        def die(source, target):
            os.kill(os.getpid(), signal.SIGKILL)

        os.replace = die
        path = Path({str(path)!r})
        save_session(path, replace(read_session(path), title="Half"))
        """
    )
    result = subprocess.run([sys.executable, "-c", script], check=False)
    assert result.returncode == -signal.SIGKILL
    assert path.read_bytes() == before
    assert read_session(path) == session


def test_new_files_get_normal_permissions(session: Session, tmp_path: Path) -> None:
    path = tmp_path / "s.toml"
    save_session(path, session)
    assert path.stat().st_mode & 0o777 == 0o666 & ~_umask()
    assert dumps_session(read_session(path)) == path.read_text(encoding="utf-8")


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
