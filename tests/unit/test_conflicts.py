"""Never overwrite a change nobody here has seen: saving checks the file is still the one it wrote.

Two cjworkshops on one session after its lock file was deleted, a text editor, a ``git
checkout``: whoever saves second finds the file changed, writes its own version beside it as a
conflict copy and goes on there, so both versions are on disk.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest
from msgspec.structs import replace

from cjworkshop.model import edits
from cjworkshop.model.session import Goal
from cjworkshop.store.document import SessionDocument, conflict_path
from cjworkshop.store.drafts import draft_path
from cjworkshop.store.errors import LockedError, StoreError
from cjworkshop.store.lock import lock_path
from cjworkshop.store.session_file import backup_path, read_session, save_session
from tests.conftest import small_session

WHEN = dt.datetime(2026, 12, 1, 10, 15, 0, tzinfo=dt.UTC)


def _clock() -> dt.datetime:
    return WHEN


def _with_goal(document: SessionDocument, what: str) -> None:
    changed, _ = edits.add_goal(document.session, Goal(id="", what=what))
    assert document.commit(changed, f"Add goal {what}")


def _goals(path: Path) -> list[str]:
    return [goal.what for goal in read_session(path).goals]


@pytest.fixture
def path(tmp_path: Path) -> Path:
    target = tmp_path / "bakkerij.toml"
    save_session(target, small_session(), backup=False)
    return target


def test_a_second_app_is_refused_even_after_the_lock_file_was_deleted(path: Path) -> None:
    first = SessionDocument.open(path, clock=_clock)
    lock_path(path).unlink()  # git clean, a sync tool, or a person following old advice
    with pytest.raises(LockedError) as caught:
        SessionDocument.open(path, clock=_clock)
    assert caught.value.key == "error.locked_unnamed"
    _with_goal(first, "Opgeslagen")
    assert first.save().error is None
    assert lock_path(path).exists(), "the first app put its lock file back"
    # The file just written is locked too, not only the one that was opened.
    lock_path(path).unlink()
    with pytest.raises(LockedError):
        SessionDocument.open(path, clock=_clock)
    first.close()
    assert not lock_path(path).exists()


def test_two_apps_that_cannot_see_each_others_lock_both_keep_their_work(
    path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A file system without kernel locks (or two machines on one synced folder), and the lock
    # file deleted in between: both apps edit, and the one that saves second finds out.
    monkeypatch.setattr("cjworkshop.store.lock._lock_kernel", lambda handle: "unsupported")
    first = SessionDocument.open(path, clock=_clock)
    lock_path(path).unlink()
    second = SessionDocument.open(path, clock=_clock)
    _with_goal(first, "Van de eerste")
    _with_goal(second, "Van de tweede")
    assert first.save().error is None
    result = second.save()
    assert result.error is None
    copy = conflict_path(path, WHEN)
    assert result.moved_to == copy
    assert copy.name == f"bakkerij.conflict-{WHEN.astimezone():%Y%m%d-%H%M%S}.toml"
    assert "Van de eerste" in _goals(path)
    assert "Van de tweede" not in _goals(path)
    assert "Van de tweede" in _goals(copy)
    assert "Van de eerste" not in _goals(copy)
    assert second.path == copy
    assert second.diverged_from == path
    # The second keeps working, in its copy; the first in the file.
    _with_goal(second, "Nog een van de tweede")
    _with_goal(first, "Nog een van de eerste")
    assert second.save().error is None
    assert first.save().moved_to is None
    assert _goals(copy)[-1] == "Nog een van de tweede"
    assert _goals(path)[-1] == "Nog een van de eerste"
    assert first.close().error is None
    assert second.close().error is None
    assert not lock_path(path).exists()
    assert not lock_path(copy).exists()


def test_a_change_made_in_a_text_editor_is_not_overwritten(path: Path) -> None:
    document = SessionDocument.open(path, clock=_clock)
    edited = path.read_text(encoding="utf-8").replace("Bakkerij Jansen", "Bakkerij Jansen & Zn")
    path.write_text(edited, encoding="utf-8")  # in place, as many editors save
    _with_goal(document, "In de app")
    result = document.save()
    assert result.moved_to is not None
    assert read_session(path).title == "Bakkerij Jansen & Zn"
    assert "In de app" not in _goals(path)
    assert "In de app" in _goals(result.moved_to)
    document.close()


def test_a_file_replaced_by_a_checkout_is_not_overwritten(path: Path, tmp_path: Path) -> None:
    document = SessionDocument.open(path, clock=_clock)
    other = tmp_path / "other.toml"
    save_session(other, replace(small_session(), title="Van een andere tak"), backup=False)
    os.replace(other, path)
    _with_goal(document, "In de app")
    assert document.save().moved_to is not None
    assert read_session(path).title == "Van een andere tak"
    document.close()


def test_a_file_touched_but_not_changed_is_saved_over(path: Path) -> None:
    document = SessionDocument.open(path, clock=_clock)
    data = path.read_bytes()
    path.write_bytes(data)  # same bytes, new time: a sync tool, ``touch``, a checkout of the same
    os.utime(path, ns=(1, 1))
    _with_goal(document, "Gewoon opgeslagen")
    result = document.save()
    assert result.error is None
    assert result.moved_to is None
    assert _goals(path)[-1] == "Gewoon opgeslagen"
    _with_goal(document, "En nog eens")
    assert document.save().moved_to is None
    document.close()


def test_a_deleted_session_file_is_written_again(path: Path) -> None:
    document = SessionDocument.open(path, clock=_clock)
    path.unlink()
    _with_goal(document, "Terug")
    assert document.save().moved_to is None
    assert _goals(path)[-1] == "Terug"
    document.close()


def test_an_open_form_draft_follows_the_session_into_its_conflict_copy(path: Path) -> None:
    document = SessionDocument.open(path, clock=_clock)
    draft_path(path).write_text("{}")
    path.write_text(path.read_text(encoding="utf-8") + "\n# bewerkt\n", encoding="utf-8")
    _with_goal(document, "In de app")
    copy = document.save().moved_to
    assert copy is not None
    assert draft_path(copy).exists()
    assert not draft_path(path).exists()
    document.close()


def test_conflict_copies_made_in_the_same_second_get_their_own_names(path: Path) -> None:
    taken = conflict_path(path, WHEN)
    taken.write_text("iemand anders")
    document = SessionDocument.open(path, clock=_clock)
    path.write_text(path.read_text(encoding="utf-8") + "\n# bewerkt\n", encoding="utf-8")
    _with_goal(document, "In de app")
    copy = document.save().moved_to
    assert copy == conflict_path(path, WHEN, 2)
    assert taken.read_text() == "iemand anders"
    document.close()


def test_a_session_opened_through_a_symbolic_link_is_saved_in_its_target(
    tmp_path: Path, path: Path
) -> None:
    link = tmp_path / "link" / "alias.toml"
    link.parent.mkdir()
    link.symlink_to(path)
    document = SessionDocument.open(link, clock=_clock)
    assert document.path == path.resolve()
    assert lock_path(path).exists()
    assert not lock_path(link).exists()
    _with_goal(document, "Via de koppeling")
    assert document.save().error is None
    assert link.is_symlink(), "the link stays a link"
    assert _goals(path)[-1] == "Via de koppeling"
    bak = backup_path(path)
    assert not bak.is_symlink()
    assert bak.stat().st_nlink == 1
    assert not backup_path(link).exists()
    assert bak.stat().st_ino != path.stat().st_ino
    assert "Via de koppeling" not in bak.read_text(encoding="utf-8")
    document.close()


def test_the_same_session_through_a_link_is_locked_once(tmp_path: Path, path: Path) -> None:
    link = tmp_path / "alias.toml"
    link.symlink_to(path)
    first = SessionDocument.open(path, clock=_clock)
    with pytest.raises(LockedError):
        SessionDocument.open(link, clock=_clock)
    first.close()
    second = SessionDocument.open(link, clock=_clock)
    with pytest.raises(LockedError):
        SessionDocument.open(path, clock=_clock)
    second.close()


def test_the_same_session_through_a_hard_link_is_locked_once(tmp_path: Path, path: Path) -> None:
    other_name = tmp_path / "other-name.toml"
    os.link(path, other_name)
    first = SessionDocument.open(path, clock=_clock)
    with pytest.raises(LockedError) as caught:
        SessionDocument.open(other_name, clock=_clock)
    assert caught.value.key == "error.locked_unnamed"
    assert not lock_path(other_name).exists(), "a refused open leaves no lock file behind"
    first.close()
    SessionDocument.open(other_name, clock=_clock).close()


def test_the_backup_is_a_copy_never_a_link_to_the_session(path: Path) -> None:
    document = SessionDocument.open(path, clock=_clock)
    before = path.read_bytes()
    _with_goal(document, "Nieuw")
    document.save()
    bak = backup_path(path)
    assert bak.read_bytes() == before
    assert bak.stat().st_ino != path.stat().st_ino
    assert path.stat().st_nlink == 1
    assert bak.stat().st_nlink == 1
    document.close()


def test_a_save_that_raises_something_unexpected_is_reported_and_the_next_one_works(
    path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    document = SessionDocument.open(path, clock=_clock)
    calls = []

    def broken(*args: object, **kwargs: object) -> None:
        calls.append(1)
        raise RuntimeError("a bug")

    with monkeypatch.context() as patch:
        patch.setattr("cjworkshop.store.document.save_session", broken)
        _with_goal(document, "Eerst niet")
        result = document.save()
    assert calls
    assert result.error is not None
    assert document.dirty
    _with_goal(document, "Dan wel")
    assert document.save().error is None
    assert _goals(path)[-2:] == ["Eerst niet", "Dan wel"]
    document.close()


def test_text_that_cannot_be_written_is_refused_in_words_and_later_edits_are_saved(
    path: Path,
) -> None:
    document = SessionDocument.open(path, clock=_clock)
    document.commit(replace(document.session, title="Caf\udce9"), "Rename")
    result = document.save()
    assert result.error is not None
    assert result.error.key == "error.write.unencodable"
    assert result.error.params["key"] == "title"
    document.commit(replace(document.session, title="Café"), "Rename again")
    assert document.save().error is None
    assert read_session(path).title == "Café"
    document.close()


def test_the_backup_is_never_the_live_file_even_when_the_save_then_fails(
    path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A backup that is a second name for the live file changes with it: an editor that
    # writes in place would change the "previous version" too.
    real_replace = os.replace

    def full_disk_at_the_end(source: object, target: object) -> None:
        if str(target) == str(path):
            raise OSError(28, "No space left on device")
        real_replace(source, target)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "replace", full_disk_at_the_end)
    with pytest.raises(StoreError):
        save_session(path, replace(small_session(), title="Nieuw"))
    bak = backup_path(path)
    assert bak.stat().st_ino != path.stat().st_ino
    assert path.stat().st_nlink == 1
