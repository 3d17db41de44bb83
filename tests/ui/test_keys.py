"""Every key does what the key bar says, on every row of every step, or says why it cannot.

Headings are never where the cursor rests, one key has one meaning everywhere (no step takes a
key of the session screen), the cursor follows an item that a decision moved and says where it
went, the timebox starts over at the step's own time, the suggestions keep their place, and a
form's keys line says what Enter does in the field being typed in.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from msgspec.structs import replace
from textual.app import App
from textual.binding import Binding
from textual.widgets import OptionList, Static

from cjworkshop.model import edits
from cjworkshop.model.decisions import decide
from cjworkshop.model.roadmap import roadmap
from cjworkshop.model.session import STEPS
from cjworkshop.store.session_file import read_session, save_session
from cjworkshop.ui.app import WorkshopApp
from cjworkshop.ui.modals.record_form import RecordForm
from cjworkshop.ui.screens.session import SessionScreen
from cjworkshop.ui.steps.assessment import AssessmentStep
from cjworkshop.ui.steps.registry import view_class
from cjworkshop.ui.steps.roadmap import RoadmapStep
from cjworkshop.ui.steps.touchpoints import TouchpointsStep
from cjworkshop.ui.widgets.key_bar import KeyBar
from cjworkshop.ui.widgets.timebox import Timebox
from tests.ui.conftest import app_for, new_session
from tests.ui.helpers import fill, notices, settle
from tests.unit.test_review import crafted

TODAY = dt.date(2026, 11, 22)
ALLOWED_SHADOWS: set[tuple[str, str]] = set()
"""(step, key) pairs where a step may take a key of the session screen on purpose: none."""


def keys(bindings: object) -> dict[str, str]:
    """Every key of a list of bindings, with the action it runs."""
    found: dict[str, str] = {}
    assert isinstance(bindings, list)
    for binding in bindings:
        assert isinstance(binding, Binding)
        for key in binding.key.split(","):
            found[key.strip()] = binding.action
    return found


def test_no_step_takes_a_key_of_the_session_screen_or_the_app() -> None:
    everywhere = keys(SessionScreen.BINDINGS) | keys(WorkshopApp.BINDINGS) | keys(App.BINDINGS)
    everywhere[WorkshopApp.COMMAND_PALETTE_BINDING] = "command_palette"
    shadows = [
        f"{step}: {key} ({action}) hides {everywhere[key]}"
        for step in STEPS
        for key, action in keys(view_class(step).BINDINGS).items()
        if key in everywhere and (step, key) not in ALLOWED_SHADOWS
    ]
    assert shadows == []


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


async def test_plus_is_the_timebox_on_the_roadmap_too_and_the_dots_have_their_own_keys(
    workdir: Path,
) -> None:
    path = workdir / "sessions" / "crafted.toml"
    save_session(path, crafted())
    app = app_for(path)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = app.screen
        assert isinstance(screen, SessionScreen)
        screen.go_to("roadmap")
        await settle(pilot)
        planned = screen.timebox.planned_seconds
        await pilot.press("plus")
        await settle(pilot)
        assert screen.timebox.planned_seconds == planned + 5 * 60
        assert notices(app)[-1] == "5 more minutes for this step."
        assert read_session(path).votes == ()
        await pilot.press("V")
        await fill(pilot, "Eva")
        await pilot.press("enter", "full_stop", "full_stop", "comma")
        await settle(pilot)
        votes = read_session(path).votes
        assert [(v.participant, v.item, v.dots) for v in votes] == [("Eva", "fix-slow-site", 1)]
        bar = screen.query_one(KeyBar).render().plain
        assert ". dot" in bar
        assert "+ dot" not in bar


async def test_a_decision_that_moves_an_item_takes_the_cursor_along_and_says_where(
    workdir: Path,
) -> None:
    path = workdir / "sessions" / "crafted.toml"
    save_session(path, crafted())
    app = app_for(path)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = app.screen
        assert isinstance(screen, SessionScreen)
        screen.go_to("roadmap")
        await settle(pilot)
        step = screen.query_one(RoadmapStep)
        step.select_record("fix-rude-driver")  # fourth, under Next
        await pilot.press("1")
        await settle(pilot)
        assert step.table.current_key == "item:fix-rude-driver"
        assert notices(app)[-1] == "“Rude driver” moved to Now, place 1."
        shown = len(notices(app))
        await pilot.press("1")  # the same effort again: it stays, nothing to say
        await settle(pilot)
        assert len(notices(app)) == shown
        await pilot.press("s", "s")  # doing, then done
        await settle(pilot)
        assert step.table.current_key == "item:fix-rude-driver"
        assert notices(app)[-1] == "“Rude driver” moved to Done and dropped, place 4."
        await pilot.press("down")
        assert step.table.current_key == "item:fix-rude-driver", "the last row stays the last"


async def test_reset_starts_the_timebox_over_at_the_steps_planned_time(workdir: Path) -> None:
    path = new_session(workdir / "sessions")  # five phases: the goals step plans 15 minutes
    app = app_for(path)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = app.screen
        assert isinstance(screen, SessionScreen)
        await settle(pilot)
        await pilot.press("t", "plus", "plus")
        await settle(pilot)
        timebox = screen.query_one(Timebox)
        assert "25:00" in str(timebox.render())
        await pilot.press("T")
        await settle(pilot)
        assert "15:00" in str(timebox.render())
        assert not timebox.running
        assert notices(app)[-1] == "Timebox reset to 15:00, the time planned for this step."
        times = read_session(path).timebox["goals"]
        assert (times.planned_minutes, times.used_seconds) == (15, 0)
        described = {
            active.binding.key: active.binding.description
            for active in screen.active_bindings.values()
        }
        assert described["T"] == "timer back to the planned time"


async def test_adding_a_suggestion_keeps_the_suggestions_cursor(workdir: Path) -> None:
    path = new_session(workdir / "sessions")
    app = app_for(path)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = app.screen
        assert isinstance(screen, SessionScreen)
        screen.go_to("touchpoints")
        await settle(pilot)
        step = screen.query_one(TouchpointsStep)
        options = step.query_one("#suggestions", OptionList)
        await pilot.press("s", "down", "enter")  # the second: Our own social media posts
        await settle(pilot)
        assert options.has_focus
        assert options.highlighted == 1, "on what came after the one just added"
        await pilot.press("enter")
        await settle(pilot)
        names = [t.name for t in read_session(path).touchpoints]
        assert names == ["Our own social media posts", "Advertisement"]
        assert options.highlighted == 1


async def test_a_forms_keys_line_says_what_enter_does_in_the_focused_field(
    workdir: Path,
) -> None:
    path = new_session(workdir / "sessions")
    app = app_for(path)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = app.screen
        assert isinstance(screen, SessionScreen)
        screen.go_to("touchpoints")
        await settle(pilot)
        await pilot.press("a")
        await settle(pilot)
        form = app.screen
        assert isinstance(form, RecordForm)

        def hint() -> str:
            return str(form.query_one("#form-keys", Static).render())

        assert hint() == "Tab next field · Enter or Ctrl+S save · Esc cancel"
        await pilot.press("tab")  # the phase: a choice
        assert hint() == "Tab next field · Enter opens the choices · Ctrl+S save · Esc cancel"
        form.query_one("#field-description").focus()
        await pilot.pause()
        assert hint() == "Tab next field · Enter new line · Ctrl+S save · Esc cancel"
        await pilot.press("a", "enter", "b")
        assert app.screen is form, "Enter in a text of several lines does not save"
        await pilot.press("tab", "tab", "tab", "tab", "tab", "tab")  # past the interactions, what
        # lies behind the touchpoint (frontstage, backstage, support) and its figures to the save
        # button
        assert hint() == "Tab next field · Enter presses the button · Ctrl+S save · Esc cancel"


async def test_a_key_that_cannot_act_where_the_cursor_is_says_why(workdir: Path) -> None:
    session = crafted()
    rude = next(item for item in roadmap(session) if item.title == "Rude driver")
    session = decide(session, rude, TODAY, owner="Logistics")
    cas_t3 = next(p for p in session.plots if (p.persona, p.touchpoint) == ("cas", "t3"))
    session = edits.set_plot(session, replace(cas_t3, pain_points=cas_t3.pain_points[:1]))
    path = workdir / "sessions" / "crafted.toml"
    save_session(path, session)
    app = app_for(path)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = app.screen
        assert isinstance(screen, SessionScreen)
        await settle(pilot)
        screen.go_to("touchpoints")
        await settle(pilot)
        touchpoints = screen.query_one(TouchpointsStep)
        assert touchpoints.table.current_key == "phase:p1"  # a phase's row is a record here
        await pilot.press("greater_than_sign")
        assert notices(app)[-1].startswith("< and > move a touchpoint to the phase before")
        await pilot.press("down", "less_than_sign")
        assert notices(app)[-1] == "Site is in the first phase already."
        screen.go_to("roadmap")
        await settle(pilot)
        step = screen.query_one(RoadmapStep)
        await pilot.press("d")
        assert notices(app)[-1].startswith("d forgets old decisions only")
        step.table.select_key("orphan:fix-rude-driver")
        for key in ("1", "s", "m", "e"):
            await pilot.press(key)
            assert notices(app)[-1].startswith("This is an old decision"), key
        await settle(pilot)
        assert read_session(path) == session


async def test_keys_with_nothing_to_act_on_say_what_to_do_first(workdir: Path) -> None:
    path = new_session(workdir / "sessions", template="blank", mode="self-assessment")
    app = app_for(path)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = app.screen
        assert isinstance(screen, SessionScreen)
        await settle(pilot)
        assert screen.step == "goals"
        await pilot.press("e")
        assert notices(app)[-1] == "No goals yet. Press a to add the first one."
        screen.go_to("personas")
        await settle(pilot)
        await pilot.press("d")
        assert notices(app)[-1] == "Press a to describe your typical customer."
        screen.go_to("assessment")
        await settle(pilot)
        await pilot.press("1")
        assert notices(app)[-1].startswith("The template of this session has no self-assessment")
    crafted_path = workdir / "sessions" / "crafted.toml"
    save_session(crafted_path, crafted())
    app = app_for(crafted_path)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = app.screen
        assert isinstance(screen, SessionScreen)
        screen.go_to("plotting")
        await settle(pilot)
        await pilot.press("d")  # the walk's card has the focus, not the list of notes
        assert notices(app)[-1].startswith("d deletes the pain point or opportunity highlighted")
        assert read_session(crafted_path) == crafted()
