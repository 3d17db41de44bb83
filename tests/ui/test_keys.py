"""Every key does what the key bar says, on every row of every step, or says why it cannot.

Headings are never where the cursor rests, however it gets there.
"""

from __future__ import annotations

from pathlib import Path

from cjworkshop.store.session_file import read_session, save_session
from cjworkshop.ui.screens.session import SessionScreen
from cjworkshop.ui.steps.assessment import AssessmentStep
from cjworkshop.ui.steps.roadmap import RoadmapStep
from tests.ui.conftest import app_for, new_session
from tests.ui.helpers import settle
from tests.unit.test_review import crafted


async def test_the_roadmap_cursor_never_rests_on_a_heading(workdir: Path) -> None:
    path = workdir / "sessions" / "crafted.toml"
    save_session(path, crafted())
    app = app_for(path)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = app.screen
        assert isinstance(screen, SessionScreen)
        screen.go_to("roadmap")
        await settle(pilot)
        table = screen.query_one(RoadmapStep).table
        # ▸ Now (3), Slow site, Faster pages, No tracking, ▸ Next (1), Rude driver
        assert table.current_key == "item:fix-slow-site"
        seen = []
        for press in ("up", "ctrl+home", "end", "up", "pageup", "pagedown", "home", "down"):
            await pilot.press(press)
            seen.append(table.current_key)
        assert seen == [
            "item:fix-slow-site",
            "item:fix-slow-site",
            "item:fix-rude-driver",
            "item:fix-no-tracking",
            "item:fix-slow-site",
            "item:fix-rude-driver",
            "item:fix-slow-site",
            "item:idea-faster-pages",
        ]
        await pilot.click("#roadmap-table", offset=(10, 5))  # ▸ Next: its first item
        assert table.current_key == "item:fix-rude-driver"
        await pilot.click("#roadmap-table", offset=(10, 1))  # ▸ Now
        assert table.current_key == "item:fix-slow-site"
        table.move_cursor(row=4)  # a heading asked for by the program: on to its item
        assert table.current_key == "item:fix-rude-driver"


async def test_the_self_assessment_cursor_never_rests_on_a_phase(workdir: Path) -> None:
    path = new_session(workdir / "sessions", mode="self-assessment")
    app = app_for(path)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = app.screen
        assert isinstance(screen, SessionScreen)
        screen.go_to("assessment")
        await settle(pilot)
        table = screen.query_one(AssessmentStep).table
        seen = [table.current_key]
        for press in ["up", "home"] + ["down"] * (table.row_count + 1) + ["pageup", "end"]:
            await pilot.press(press)
            seen.append(table.current_key)
        assert all(key is not None and key.startswith("q:") for key in seen), seen
        questions = {str(row.key.value) for row in table.ordered_rows}
        questions = {key for key in questions if key.startswith("q:")}
        assert set(seen) == questions, "every question is reached, and nothing else"
        await pilot.press("home", "1")
        await settle(pilot)
        answered = read_session(path).assessment
        assert [answer.score for answer in answered] == [1]
