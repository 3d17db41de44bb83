"""The app when the disk is not what it expects: changed by someone else, not writable, broken.

It never overwrites a change it has not seen (and says where the room's work went), opens what
it may not change read-only after saying why, and when something unexpected stops it, it says
so without printing what the room typed and ends with a failing exit status.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

from textual.widgets import Label

from cjworkshop.store.lock import lock_path
from cjworkshop.store.session_file import read_session
from cjworkshop.ui.modals.confirm import ConfirmModal
from cjworkshop.ui.screens.session import SessionScreen
from tests.ui.conftest import app_for, has_no_lock, new_session
from tests.ui.helpers import fill, settle


async def test_a_file_changed_elsewhere_is_kept_and_the_room_works_on_in_a_copy(
    workdir: Path,
) -> None:
    path = new_session(workdir / "sessions", template="blank")
    app = app_for(path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        # Someone edits the file by hand while the workshop runs.
        edited = path.read_text(encoding="utf-8").replace("Bakkerij Jansen", "Bakkerij Jansen BV")
        path.write_text(edited, encoding="utf-8")
        await pilot.press("a")
        await fill(pilot, "Meer vaste klanten")
        await pilot.press("enter")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, SessionScreen)
        copy = screen.document.path
        assert copy != path
        assert copy.name.startswith("bakkerij-jansen.conflict-")
        notices = [notification.message for notification in app._notifications]
        assert any("changed outside this app" in n and copy.name in n for n in notices)
        status = str(screen.query_one("#save-status", Label).render())
        assert copy.name in status
        await pilot.press("a")
        await fill(pilot, "Minder klachten")
        await pilot.press("enter")
        await settle(pilot)
    assert read_session(path).title == "Bakkerij Jansen BV"
    assert read_session(path).goals == ()
    assert [goal.what for goal in read_session(copy).goals] == [
        "Meer vaste klanten",
        "Minder klachten",
    ]
    assert has_no_lock(path)
    assert has_no_lock(copy)


async def test_a_read_only_file_is_opened_read_only_after_saying_so(workdir: Path) -> None:
    path = new_session(workdir / "sessions", template="blank")
    os.chmod(path, 0o444)
    before = path.read_bytes()
    app = app_for(path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, ConfirmModal)
        assert "marked read-only" in app.screen.question
        await pilot.press("y")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, SessionScreen)
        assert screen.document.read_only
        assert "read-only" in str(screen.query_one("#save-status", Label).render())
    assert path.read_bytes() == before


async def test_a_folder_where_no_lock_can_be_made_opens_read_only_after_saying_why(
    workdir: Path,
) -> None:
    path = new_session(workdir / "sessions", template="blank")
    lock_path(path).mkdir()  # in the way: the lock cannot be created
    app = app_for(path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, ConfirmModal)
        assert str(lock_path(path)) in app.screen.question
        assert "Ctrl+S" in app.screen.question
        await pilot.press("y")
        await settle(pilot)
        assert isinstance(app.screen, SessionScreen)
        assert app.screen.document.read_only


CRASH = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    import cjworkshop.ui.app
    from cjworkshop.ui.app import WorkshopApp, run_app

    class Broken(WorkshopApp):
        CSS_PATH = str(Path(cjworkshop.ui.app.__file__).with_name("app.tcss"))

        def on_mount(self) -> None:
            typed = "".join(["Vertrouw", "elijk: de prijs gaat omhoog"])  # as if typed
            raise RuntimeError("unexpected")

    run_app(Broken(folder=Path(".")), headless=True)
    """
)


def test_an_unexpected_error_says_so_fails_and_never_prints_what_was_typed(
    tmp_path: Path,
) -> None:
    script = tmp_path / "crash.py"  # a file: Textual finds an app's stylesheet beside its source
    script.write_text(CRASH, encoding="utf-8")
    result = subprocess.run(
        [sys.executable, str(script)],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=tmp_path,
        env={**os.environ, "CJWORKSHOP_LANG": "en"},
    )
    output = result.stdout + result.stderr
    assert result.returncode == 1, output
    assert "did not expect" in output
    assert "RuntimeError" in output
    assert "Vertrouwelijk" not in output, "a frame's variables were printed"
    assert "Traceback" in output or "Error" in output


def test_open_exits_with_a_failing_status_when_the_app_stops_on_an_error(tmp_path: Path) -> None:
    script = CRASH.replace('run_app(Broken(folder=Path(".")), headless=True)', "")
    script += textwrap.dedent(
        """
        import cjworkshop.cli.launch as launch
        import cjworkshop.ui.app as app_module
        app_module.WorkshopApp = Broken
        real_run = app_module.run_app
        app_module.run_app = lambda app, **options: real_run(app, headless=True)
        from cjworkshop.cli import main
        sys.argv = ["cjworkshop", "--dir", "."]
        main()
        """
    )
    (tmp_path / "crash_open.py").write_text(script, encoding="utf-8")
    result = subprocess.run(
        [sys.executable, str(tmp_path / "crash_open.py")],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=tmp_path,
    )
    assert result.returncode == 1, result.stdout + result.stderr


async def test_a_previous_version_that_is_gone_or_no_session_is_a_note_in_the_review(
    workdir: Path,
) -> None:
    from msgspec.structs import replace

    from cjworkshop.store.session_file import save_session

    path = new_session(workdir / "sessions", template="five-phases")
    os.mkfifo(workdir / "sessions" / "pijp.toml")
    for previous, said in (("weg.toml", "no such file"), ("pijp.toml", "not an ordinary file")):
        save_session(path, replace(read_session(path), previous=previous), backup=False)
        app = app_for(path)
        app.first_step = "review"
        async with app.run_test(size=(120, 40)) as pilot:
            await settle(pilot)
            screen = app.screen
            assert isinstance(screen, SessionScreen)
            note = str(screen.query_one("#review-since").render())
            assert f"The previous version {previous} cannot be read" in note
            assert said in note


async def test_saving_a_form_without_what_it_needs_says_so_on_screen(workdir: Path) -> None:
    from cjworkshop.ui.modals.record_form import RecordForm

    path = new_session(workdir / "sessions", template="blank")
    app = app_for(path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("a", "enter")
        await settle(pilot)
        form = app.screen
        assert isinstance(form, RecordForm)
        error = form.query_one("#error-what")
        assert error.display
        assert error.region.height >= 1, "the message takes room on screen"
        assert "required." in app.export_screenshot()  # one word: the SVG's spaces are not plain
