"""The facilitator's guide in the app: G on any step opens it at that step's page, Esc closes it;
r on the roadmap plans the revisit the guide's close names."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from textual.containers import VerticalScroll
from textual.widgets import Input, Static

from cjworkshop.model.flow import WORKSHOP_FLOW
from cjworkshop.store.session_file import read_session
from cjworkshop.ui.modals.guide import GuideModal
from cjworkshop.ui.modals.record_form import RecordForm
from cjworkshop.ui.screens.session import SessionScreen
from cjworkshop.ui.widgets.key_bar import KeyBar
from tests.ui.conftest import app_for, new_session
from tests.ui.helpers import dialog_up, fill, screen_lines, settle, shown_text, until


async def test_g_opens_the_guide_at_the_page_of_every_step_and_escape_closes_it(
    workdir: Path,
) -> None:
    path = new_session(workdir / "sessions")
    app = app_for(path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, SessionScreen)
        for step in WORKSHOP_FLOW:
            screen.go_to(step)

            def shown(step: str = step) -> bool:
                return screen.step == step

            await until(pilot, shown, f"the {step} step")
            await pilot.press("G")
            await until(pilot, lambda: isinstance(app.screen, GuideModal), "the guide opens")
            guide = app.screen
            assert isinstance(guide, GuideModal)
            assert guide.page == step
            await pilot.press("escape")
            await until(pilot, lambda: app.screen is screen, "the guide closes")
        assert screen.step == WORKSHOP_FLOW[-1], "the guide changed nothing on the way"


async def test_the_guide_shows_the_page_turns_and_scrolls(workdir: Path) -> None:
    path = new_session(workdir / "sessions", language="nl")
    app = app_for(path, step="plotting")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("G")
        await until(pilot, lambda: isinstance(app.screen, GuideModal), "the guide opens")
        await pilot.pause()
        shown = "\n".join(screen_lines(app))
        assert "Handleiding voor de begeleider  6/12" in shown
        assert "Plotten: één persona tegelijk" in shown
        assert "Tijd: 60 minuten" in shown
        scroll = app.screen.query_one("#guide-scroll", VerticalScroll)
        assert scroll.max_scroll_y > 0, "at 80x24 the page is longer than the dialog"
        await pilot.press("pagedown")
        await pilot.pause()
        assert scroll.scroll_y > 0
        await pilot.press("right")
        await pilot.pause()
        guide = app.screen
        assert isinstance(guide, GuideModal)
        assert guide.page == "grid"
        assert scroll.scroll_y == 0, "a new page starts at its top"
        assert "Klantreisraster: de gaten in één oogopslag" in "\n".join(screen_lines(app))
        await pilot.press("left", "left", "left", "left", "left", "left", "left")
        assert guide.page == "opening"
        await pilot.press("left")
        assert guide.page == "opening", "before the first page there is none"
        await pilot.press("escape")
        await until(pilot, lambda: isinstance(app.screen, SessionScreen), "the guide closes")


async def test_the_key_bar_names_the_guide(workdir: Path) -> None:
    path = new_session(workdir / "sessions")
    app = app_for(path)
    async with app.run_test(size=(200, 50)) as pilot:
        await settle(pilot)
        assert " G guide " in app.screen.query_one(KeyBar).render().plain


async def test_r_on_the_roadmap_plans_the_revisit_and_the_guide_names_it(workdir: Path) -> None:
    path = new_session(workdir / "sessions")
    app = app_for(path, step="roadmap")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, SessionScreen)
        line = screen.query_one("#roadmap-revisit", Static)
        assert "No revisit planned yet: r sets its date." in shown_text(line)
        await pilot.press("r")
        await until(pilot, lambda: dialog_up(app, RecordForm), "the form opens")
        field = app.focused
        assert isinstance(field, Input)
        assert field.value == "2027-02-21", "some three months after today (2026-11-22), offered"
        await fill(pilot, "1 March")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, RecordForm), "a date that does not read is refused"
        await fill(pilot, "2027-03-01")
        await pilot.press("enter")
        await settle(pilot)
        assert read_session(path).next_revisit == dt.date(2027, 3, 1)
        assert "Revisit planned for 2027-03-01 (r changes it)." in shown_text(line)
        await pilot.press("G")
        await until(pilot, lambda: isinstance(app.screen, GuideModal), "the guide opens")
        guide = app.screen
        assert isinstance(guide, GuideModal)
        await pilot.press("right")
        assert guide.page == "close"
        assert "This session's revisit is planned for 2027-03-01." in "\n".join(screen_lines(app))
        await pilot.press("escape", "r")
        await until(pilot, lambda: dialog_up(app, RecordForm), "the form opens again")
        await fill(pilot, "")
        await pilot.press("enter")
        await settle(pilot)
        assert read_session(path).next_revisit is None
        await pilot.press("ctrl+z")
        await settle(pilot)
        assert read_session(path).next_revisit == dt.date(2027, 3, 1)
