"""Goals and personas, driven key by key the way a facilitator does it."""

from __future__ import annotations

import shutil
from pathlib import Path

from textual.widgets import Static

from cjworkshop.store.session_file import read_session
from cjworkshop.ui.screens.session import SessionScreen
from cjworkshop.ui.steps.goals import GoalsStep
from cjworkshop.ui.steps.personas import PersonasStep
from tests.conftest import SESSIONS
from tests.ui.conftest import app_for, new_session
from tests.ui.helpers import fill, settle, table_rows


async def test_add_edit_reorder_and_delete_goals(workdir: Path) -> None:
    path = new_session(workdir / "sessions", template="blank")
    app = app_for(path)
    async with app.run_test(size=(120, 40)) as pilot:
        assert isinstance(app.screen, SessionScreen)
        await pilot.press("a")
        await fill(pilot, "More regulars", "They buy weekly", "Repeat rate")
        await pilot.press("ctrl+s")
        await pilot.press("a")
        await fill(pilot, "Faster checkout")
        await pilot.press("enter")
        await settle(pilot)
        goals = app.screen.query_one(GoalsStep)
        assert [row[1] for row in table_rows(goals.table)] == ["More regulars", "Faster checkout"]
        assert [g.what for g in read_session(path).goals] == ["More regulars", "Faster checkout"]
        assert read_session(path).goals[0].measure == "Repeat rate"

        await pilot.press("K")  # the second goal moves up
        await settle(pilot)
        assert [g.what for g in read_session(path).goals] == ["Faster checkout", "More regulars"]

        await pilot.press("e")
        await fill(pilot, "Checkout in one minute")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert read_session(path).goals[0].what == "Checkout in one minute"
        assert read_session(path).goals[0].id == "faster-checkout"

        await pilot.press("d")
        await settle(pilot)
        assert [g.what for g in read_session(path).goals] == ["More regulars"]
        await pilot.press("ctrl+z")
        await settle(pilot)
        assert [g.what for g in read_session(path).goals] == [
            "Checkout in one minute",
            "More regulars",
        ]
        await pilot.press("ctrl+y")
        await settle(pilot)
        assert [g.what for g in read_session(path).goals] == ["More regulars"]


async def test_required_field_is_enforced(workdir: Path) -> None:
    path = new_session(workdir / "sessions", template="blank")
    app = app_for(path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("a")
        await pilot.press("ctrl+s")
        await settle(pilot)
        error = app.screen.query_one("#error-what", Static)
        assert "required" in str(error.render())
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, SessionScreen)
        assert read_session(path).goals == ()


async def test_escape_asks_before_throwing_typing_away(workdir: Path) -> None:
    path = new_session(workdir / "sessions", template="blank")
    app = app_for(path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("a")
        await fill(pilot, "Half a thought")
        await pilot.press("escape")
        await settle(pilot)
        assert "Throw away" in str(app.screen.query_one(".question", Static).render())
        await pilot.press("n")  # keep editing
        await settle(pilot)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert [g.what for g in read_session(path).goals] == ["Half a thought"]


async def test_personas_add_duplicate_delete_with_confirmation_and_undo(workdir: Path) -> None:
    path = new_session(workdir / "sessions", template="blank")
    app = app_for(path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("right_square_bracket")
        await pilot.press("a")
        await fill(
            pilot,
            "Sanne",
            "Mother of two",
            "Fresh bread",
            "Saturday",
            "Maps",
            "Quick service",
            "Queues",
        )
        await pilot.press("ctrl+s")
        await settle(pilot)
        sanne = read_session(path).personas[0]
        assert (sanne.id, sanne.needs, sanne.frustrations) == ("sanne", "Fresh bread", "Queues")
        step = app.screen.query_one(PersonasStep)
        assert "Quick service" in str(step.query_one("#persona-detail", Static).render())

        await pilot.press("c")
        await settle(pilot)
        assert [p.name for p in read_session(path).personas] == ["Sanne", "Sanne (copy)"]

        await pilot.press("d")
        await settle(pilot)
        assert "Delete Sanne (copy)?" in str(app.screen.query_one(".question", Static).render())
        await pilot.press("y")
        await settle(pilot)
        assert [p.name for p in read_session(path).personas] == ["Sanne"]
        await pilot.press("ctrl+z")
        await settle(pilot)
        assert [p.name for p in read_session(path).personas] == ["Sanne", "Sanne (copy)"]


def test_every_step_names_a_view_that_shows_that_step() -> None:
    from cjworkshop.model.flow import SOLO_FLOW, WORKSHOP_FLOW
    from cjworkshop.ui.steps.registry import VIEWS, view_class

    assert set(WORKSHOP_FLOW) | set(SOLO_FLOW) == set(VIEWS)
    for step in VIEWS:
        assert step == view_class(step).STEP


async def test_a_session_opens_at_the_step_asked_for(workdir: Path) -> None:
    from cjworkshop.store.session_file import save_session
    from cjworkshop.ui.widgets.journey_grid import JourneyGrid
    from tests.unit.test_review import crafted

    path = workdir / "sessions" / "crafted.toml"
    save_session(path, crafted())
    app = app_for(path, folder=path.parent, step="grid")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, SessionScreen)
        assert screen.step == "grid"
        assert list(screen.views) == ["grid"], "only the step on screen is built"
        assert isinstance(app.focused, JourneyGrid)
        await pilot.press("left_square_bracket")
        await settle(pilot)
        assert screen.wanted_step == "plotting"
        assert screen.views["plotting"].display


async def test_every_goal_is_shown_whole_after_one_is_added(workdir: Path) -> None:
    # Rows the screen draws before the table has measured them used to keep the width of the
    # column's heading ("Be r" for "Be reachable when customers need us most").
    path = workdir / "sessions" / "harbour.toml"
    shutil.copyfile(SESSIONS / "harbour-broadband.toml", path)
    app = app_for(path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("a")
        await fill(pilot, "Answer")
        await pilot.press("ctrl+s")
        await settle(pilot)
        shown = app.export_screenshot().replace("&#160;", " ")
        for goal in read_session(path).goals:
            assert goal.what in shown, goal.what
