"""Keys typed faster than the screen redraws: every edit builds on the one before, none is lost.

A step changes the session and the screen commits it; a second key that reached the step before
the first edit was committed used to act on the session without it, and the first was lost (two
checklist answers typed at once left one). The keys are posted here as a terminal delivers a
quick burst: all of them queued before the app has handled the first.
"""

from __future__ import annotations

from pathlib import Path

from textual import events

from cjworkshop.store.session_file import read_session
from cjworkshop.ui.screens.session import SessionScreen
from cjworkshop.ui.steps.assessment import AssessmentStep
from tests.ui.conftest import app_for, new_session
from tests.ui.helpers import settle, until


async def test_a_burst_of_answers_keeps_every_answer(workdir: Path) -> None:
    path = new_session(workdir / "sessions", language="nl", mode="self-assessment")
    app = app_for(path, language="nl")
    async with app.run_test(size=(120, 40)) as pilot:
        screen = app.screen
        assert isinstance(screen, SessionScreen)
        screen.go_to("assessment")
        await settle(pilot)
        step = screen.views["assessment"]
        assert isinstance(step, AssessmentStep)
        burst = "4213524"
        for key in burst:
            app.post_message(events.Key(key, key))
        await until(
            pilot, lambda: len(screen.document.session.assessment) >= len(burst), "all answered"
        )
        await settle(pilot)
        scores = [answer.score for answer in screen.document.session.assessment]
        assert scores == [int(key) for key in burst]
    assert [a.score for a in read_session(path).assessment] == [int(key) for key in burst]
