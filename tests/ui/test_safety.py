"""Nothing lost: failed saves, read-only sessions, drafts after a crash, SIGKILL, quitting."""

from __future__ import annotations

import errno
import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import Input, Label, TextArea

from cjworkshop.store import atomic, session_file
from cjworkshop.store.drafts import draft_path
from cjworkshop.store.lock import SessionLock
from cjworkshop.store.session_file import read_session
from cjworkshop.ui import autosave
from cjworkshop.ui.drafts import DRAFT_SECONDS
from cjworkshop.ui.modals.record_form import RecordForm
from cjworkshop.ui.screens.session import SessionScreen
from tests.ui.conftest import app_for, has_no_lock, new_session
from tests.ui.helpers import fill, pass_time, settle


@pytest.mark.parametrize(
    ("code", "said"),
    [
        (errno.ENOSPC, "the disk is full"),
        (errno.EROFS, "is on a read-only disk"),
        (errno.EACCES, "no permission to write in"),
    ],
    ids=["disk-full", "read-only-folder", "permission-denied"],
)
async def test_a_failing_disk_keeps_edits_in_memory_and_saves_when_it_recovers(
    workdir: Path, monkeypatch: pytest.MonkeyPatch, code: int, said: str
) -> None:
    path = new_session(workdir / "sessions", template="blank")
    real_write = atomic.write_atomically
    broken = {"on": True}

    def flaky(target: Path, text: str | bytes, **options: Any) -> os.stat_result:
        if broken["on"]:
            raise OSError(code, os.strerror(code))
        return real_write(target, text, **options)

    monkeypatch.setattr(session_file, "write_atomically", flaky)
    app = app_for(path)
    async with app.run_test(size=(120, 40)) as pilot:
        for what in ("Keep me", "And me"):
            await pilot.press("a")
            await fill(pilot, what)
            await pilot.press("enter")
            await settle(pilot)
        status = str(app.screen.query_one("#save-status", Label).render())
        assert "not saved" in status
        assert said in status
        assert read_session(path).goals == ()
        assert app.document is not None
        assert [g.what for g in app.document.session.goals] == ["Keep me", "And me"]

        broken["on"] = False
        await pass_time(pilot, autosave.RETRY_SECONDS)  # the next try
        await settle(pilot)
        assert [g.what for g in read_session(path).goals] == ["Keep me", "And me"]
        assert "saved" in str(app.screen.query_one("#save-status", Label).render())
        assert "not saved" not in str(app.screen.query_one("#save-status", Label).render())


@pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() == 0,
    reason="a folder's permissions do not stop root",
)
async def test_a_really_read_only_folder_keeps_edits_until_it_is_writable_again(
    workdir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = workdir / "sessions"
    path = new_session(folder, template="blank")
    app = app_for(path)
    async with app.run_test(size=(120, 40)) as pilot:
        folder.chmod(0o555)
        try:
            await pilot.press("a")
            await fill(pilot, "Keep me")
            await pilot.press("enter")
            await settle(pilot)
            assert "no permission to write in" in str(
                app.screen.query_one("#save-status", Label).render()
            )
            assert read_session(path).goals == ()
        finally:
            folder.chmod(0o755)
        await pass_time(pilot, autosave.RETRY_SECONDS)
        await settle(pilot)
        assert [g.what for g in read_session(path).goals] == ["Keep me"]


async def test_a_locked_session_opens_read_only_after_asking(workdir: Path) -> None:
    path = new_session(workdir / "sessions", template="blank")
    before = path.read_bytes()
    other = SessionLock(path)
    other.acquire()  # as another cjworkshop holding the session would
    app = app_for(path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert "open in another cjworkshop" in str(app.screen.query_one(".question").render())
        await pilot.press("y")
        await settle(pilot)
        assert isinstance(app.screen, SessionScreen)
        assert "read-only" in str(app.screen.query_one("#save-status", Label).render())
        await pilot.press("a")
        await fill(pilot, "In memory")
        await pilot.press("enter")
        await settle(pilot)
        assert path.read_bytes() == before
        # Saving a copy keeps the work and continues in the copy.
        await pilot.press("ctrl+s")
        await pilot.pause()
        copy = app.screen.query_one(Input).value
        await pilot.press("enter")
        await settle(pilot)
        assert [g.what for g in read_session(Path(copy)).goals] == ["In memory"]
        assert path.read_bytes() == before
    assert other.held, "the other holder keeps its session"
    other.release()


async def test_a_form_draft_survives_a_crash_and_comes_back(workdir: Path) -> None:
    path = new_session(workdir / "sessions", template="blank")
    app = app_for(path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("right_square_bracket", "a")
        await fill(pilot, "Sanne", "Mother of two who orders on Friday evenings")
        await pass_time(pilot, DRAFT_SECONDS)
        assert draft_path(path).exists()
    # As after a crash: the form was never saved and the lock names a process that is gone.
    dead = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    lock = path.parent / f".{path.name}.lock"
    lock.write_text(f'pid = {dead}\nhost = "{os.uname().nodename}"\nsince = "x"\n')
    second = app_for(path)
    async with second.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert isinstance(second.screen, RecordForm)
        assert second.screen.query_one("#field-name", Input).value == "Sanne"
        description = second.screen.query_one("#field-description", TextArea).text
        assert description == "Mother of two who orders on Friday evenings"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert [p.name for p in read_session(path).personas] == ["Sanne"]
        assert not draft_path(path).exists()


async def test_parking_lot_keeps_side_topics(workdir: Path) -> None:
    path = new_session(workdir / "sessions", template="blank")
    app = app_for(path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("p")
        await fill(pilot, "Ask IT about the API")
        await pilot.press("enter")
        await fill(pilot, "Budget next year")
        await pilot.press("enter", "tab")
        await pilot.press("up", "space")
        await settle(pilot)
        notes = read_session(path).parking_lot
        assert [(n.text, n.done) for n in notes] == [
            ("Ask IT about the API", True),
            ("Budget next year", False),
        ]
        await pilot.press("escape")
        await pilot.press("ctrl+z")
        await settle(pilot)
        assert [n.done for n in read_session(path).parking_lot] == [False, False]


async def test_timebox_counts_pauses_extends_and_signals_time_up(workdir: Path) -> None:
    path = new_session(workdir / "sessions", template="blank")
    app = app_for(path)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = app.screen
        assert isinstance(screen, SessionScreen)
        assert "15:00" in str(screen.timebox.render())
        await pilot.press("t")
        await pass_time(pilot, 125)
        assert "12:55 ▶" in str(screen.timebox.render())
        await pilot.press("t")
        await settle(pilot)
        assert read_session(path).timebox["goals"].used_seconds == 125
        await pilot.press("plus")
        await settle(pilot)
        assert read_session(path).timebox["goals"].planned_minutes == 20
        await pilot.press("t")
        await pass_time(pilot, 20 * 60)  # the timebox ticks on by itself and rings once
        assert "+02:05" in str(screen.timebox.render())
        assert screen.timebox.has_class("-over")
        assert sum("Time is up" in n.message for n in app._notifications) == 1
        await pilot.press("right_square_bracket")  # leaving the step records its time
        await settle(pilot)
        assert read_session(path).timebox["goals"].used_seconds == 125 + 20 * 60
        await pilot.press("left_square_bracket", "T")
        await settle(pilot)
        assert read_session(path).timebox["goals"].used_seconds == 0


async def test_quitting_releases_the_lock(workdir: Path) -> None:
    path = new_session(workdir / "sessions", template="blank")
    app = app_for(path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("ctrl+q")
        await pilot.pause()
    app.finish()
    assert has_no_lock(path)


@pytest.mark.parametrize("signal_number", [signal.SIGKILL, signal.SIGTERM, signal.SIGHUP])
def test_a_killed_app_keeps_every_committed_edit(workdir: Path, signal_number: int) -> None:
    """A real process adds a goal, then dies by a signal; the file has the goal and is valid."""
    path = new_session(workdir / "sessions", template="blank")
    script = textwrap.dedent(
        f"""
        import asyncio, sys, time
        from pathlib import Path
        from cjworkshop.ui.app import create_app

        async def main():
            path = Path({str(path)!r})
            app = create_app(folder=Path("sessions"), session_path=path)
            async with app.run_test(size=(100, 30)) as pilot:
                await pilot.press("a", *"Survive", "enter")
                # The app runs on real time here, as it does for the room: wait for its save
                # (a fifth of a second after the key on a quiet machine), however long it takes.
                deadline = time.monotonic() + 60
                while "Survive" not in path.read_text(encoding="utf-8"):
                    assert time.monotonic() < deadline, "the goal was never saved"
                    await pilot.pause(0.05)
                print("committed", flush=True)
                await asyncio.sleep(30)

        asyncio.run(main())
        """
    )
    process = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    assert process.stdout is not None
    assert process.stdout.readline().strip() == "committed"
    process.send_signal(signal_number)
    process.wait(timeout=10)
    assert [g.what for g in read_session(path).goals] == ["Survive"]


async def test_a_burst_of_edits_is_written_once_when_the_room_pauses(
    workdir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from cjworkshop.model.queries import plot_for
    from tests.unit.test_review import crafted

    path = workdir / "sessions" / "crafted.toml"
    session_file.save_session(path, crafted())
    real_write = atomic.write_atomically
    writes: list[str | bytes] = []

    def counted(target: Path, text: str | bytes, **options: Any) -> os.stat_result:
        writes.append(text)
        return real_write(target, text, **options)

    monkeypatch.setattr(session_file, "write_atomically", counted)
    app = app_for(path, folder=path.parent, step="grid")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        for key in ("1", "2", "4", "5", "3"):  # the cursor starts on Anna's first cell
            await pilot.press(key)
            await pass_time(pilot, 0.1)  # keys a tenth of a second apart: no pause yet
        assert writes == [], "nothing is written while the keys keep coming"
        await pass_time(pilot, autosave.QUIET_SECONDS - 0.1)
        assert len(writes) == 1
        saved = plot_for(read_session(path), "anna", "t1")
        assert saved is not None
        assert saved.emotion == 0  # the last key: 3 is neutral
