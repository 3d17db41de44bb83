"""The app's waits run on the clock it is given: a save, a draft and a retry come when that
clock says so, to the hundredth of a second, and never because wall-clock time went by.

Every other UI test moves this clock instead of sleeping; these tests are what would fail if
the autosave or the drafts went back to waiting on wall-clock time (each first lets real time
go by, well past the wait, and sees that nothing happened), or if the waits changed length.
"""

from __future__ import annotations

import errno
import os
from pathlib import Path
from typing import Any

import pytest

from cjworkshop.store import atomic, session_file
from cjworkshop.store.drafts import draft_path, read_draft_file
from cjworkshop.store.session_file import read_session
from cjworkshop.ui.autosave import LONGEST_WAIT_SECONDS, QUIET_SECONDS, RETRY_SECONDS
from cjworkshop.ui.drafts import DRAFT_SECONDS
from tests.ui.conftest import app_for, new_session
from tests.ui.helpers import pass_time, settle, type_text
from tests.unit.test_review import crafted

WALL_CLOCK_SECONDS = 0.6
"""Real time the tests let go by first: three times the autosave's pause, more than a draft's."""

MOMENT = 0.01
"""A hundredth of a second on the app's clock."""


def count_writes(monkeypatch: pytest.MonkeyPatch) -> list[str | bytes]:
    """Every session file written from now on, in order."""
    real_write = atomic.write_atomically
    written: list[str | bytes] = []

    def counted(target: Path, text: str | bytes, **options: Any) -> os.stat_result:
        written.append(text)
        return real_write(target, text, **options)

    monkeypatch.setattr(session_file, "write_atomically", counted)
    return written


def crafted_file(workdir: Path) -> Path:
    path = workdir / "sessions" / "crafted.toml"
    session_file.save_session(path, crafted())
    return path


async def test_a_save_comes_when_the_apps_clock_has_paused_not_the_wall_clock(
    workdir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = crafted_file(workdir)
    writes = count_writes(monkeypatch)
    app = app_for(path, folder=path.parent, step="grid")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("3")  # Anna at the site, very negative before: neutral now
        await pilot.pause(WALL_CLOCK_SECONDS)  # real time only: the app's clock stands still
        await app.workers.wait_for_complete()
        assert writes == [], "a save that came on wall-clock time"
        await pass_time(pilot, QUIET_SECONDS - MOMENT)
        assert writes == [], "a save before the room paused"
        await pass_time(pilot, MOMENT)
        assert len(writes) == 1
        assert read_session(path).plots[0].emotion == 0


async def test_edits_that_keep_coming_are_written_a_second_after_the_first(
    workdir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = crafted_file(workdir)
    writes = count_writes(monkeypatch)
    app = app_for(path, folder=path.parent, step="grid")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        gap = 0.15  # never the pause a save waits for
        for index, key in enumerate("3454321"):  # each a change, at 0, 0.15 … 0.9 s
            if index:
                await pass_time(pilot, gap)
            await pilot.press(key)
            assert writes == [], "a save while the keys keep coming"
        # The last key came at 0.9 s; the save does not wait for the pause after it.
        await pass_time(pilot, LONGEST_WAIT_SECONDS - 0.9 - MOMENT)
        assert writes == []
        await pass_time(pilot, MOMENT)
        assert len(writes) == 1


async def test_a_draft_reaches_the_disk_half_a_second_after_typing_on_the_apps_clock(
    workdir: Path,
) -> None:
    path = new_session(workdir / "sessions", template="blank")
    draft = draft_path(path)
    app = app_for(path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("a")
        await type_text(pilot, "Faster")
        await pilot.pause(WALL_CLOCK_SECONDS)  # real time only
        await app.workers.wait_for_complete()
        assert not draft.exists(), "a draft written on wall-clock time"
        await pass_time(pilot, DRAFT_SECONDS - MOMENT)
        assert not draft.exists()
        await pass_time(pilot, MOMENT)
        first = read_draft_file(draft)
        assert first is not None
        assert first.values["what"] == "Faster"
        # At most one write every half second: the next key waits for the next one.
        await type_text(pilot, "!")
        await pass_time(pilot, DRAFT_SECONDS - MOMENT)
        still = read_draft_file(draft)
        assert still is not None
        assert still.values["what"] == "Faster"
        await pass_time(pilot, MOMENT)
        later = read_draft_file(draft)
        assert later is not None
        assert later.values["what"] == "Faster!"


async def test_a_failed_save_is_tried_again_every_three_seconds_on_the_apps_clock(
    workdir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = new_session(workdir / "sessions", template="blank")
    real_write = atomic.write_atomically
    tries: list[bool] = []
    broken = {"on": True}

    def flaky(target: Path, text: str | bytes, **options: Any) -> os.stat_result:
        tries.append(broken["on"])
        if broken["on"]:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        return real_write(target, text, **options)

    monkeypatch.setattr(session_file, "write_atomically", flaky)
    app = app_for(path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("a")
        await type_text(pilot, "Keep")
        await pilot.press("enter")
        await settle(pilot)
        assert tries == [True]
        await pilot.pause(WALL_CLOCK_SECONDS)  # real time only
        await app.workers.wait_for_complete()
        assert tries == [True], "a retry on wall-clock time"
        await pass_time(pilot, RETRY_SECONDS - MOMENT)
        assert tries == [True]
        await pass_time(pilot, MOMENT)
        assert tries == [True, True], "still failing: tried again after three seconds"
        broken["on"] = False
        await pass_time(pilot, RETRY_SECONDS)
        assert tries == [True, True, False]
        assert [goal.what for goal in read_session(path).goals] == ["Keep"]
        await pass_time(pilot, RETRY_SECONDS)
        assert tries == [True, True, False], "no more tries once a save worked"
