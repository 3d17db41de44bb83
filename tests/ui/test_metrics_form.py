"""A touchpoint's figures typed in its form: saved to the session file, or refused by line."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from msgspec.structs import replace
from textual import events
from textual.pilot import Pilot
from textual.widgets import Input, Select, Static, TextArea

from cjworkshop.model.session import Metric, Touchpoint
from cjworkshop.store.session_file import read_session, save_session
from cjworkshop.ui.app import WorkshopApp
from cjworkshop.ui.modals.record_form import RecordForm
from cjworkshop.ui.screens.session import SessionScreen
from cjworkshop.ui.steps.touchpoints import TouchpointsStep
from tests.ui.conftest import app_for, new_session
from tests.ui.helpers import settle, shown_text, table_rows

KEPT = Metric(name="NPS", value=41, unit="points", date=dt.date(2026, 9, 1), source="survey")


def session_with_a_touchpoint(folder: Path) -> Path:
    path = new_session(folder)
    session = read_session(path)
    touchpoint = Touchpoint(
        id="webshop", phase=session.phases[0].id, name="Webshop", channel="web", metrics=(KEPT,)
    )
    save_session(path, replace(session, touchpoints=(touchpoint,)))
    return path


async def open_touchpoint_form(app: WorkshopApp, pilot: Pilot[None]) -> RecordForm[Any]:
    screen = app.screen
    assert isinstance(screen, SessionScreen)
    screen.go_to("touchpoints")
    await settle(pilot)
    step = screen.query_one(TouchpointsStep)
    assert step.table.current_key is not None
    await pilot.press("down", "e")  # from the phase's row to the touchpoint, and edit it
    await settle(pilot)
    form = app.screen
    assert isinstance(form, RecordForm)
    return form


async def test_a_figure_that_does_not_read_keeps_the_form_open_and_one_that_does_is_saved(
    workdir: Path,
) -> None:
    path = session_with_a_touchpoint(workdir / "sessions")
    before = read_session(path)
    app = app_for(path)
    async with app.run_test(size=(120, 40)) as pilot:
        form = await open_touchpoint_form(app, pilot)
        figures = form.query_one("#field-metrics", TextArea)
        assert figures.text == "NPS: 41 points · 2026-09-01 · survey", "the figure it has"
        figures.focus()
        figures.move_cursor(figures.document.end)
        await pilot.press("enter")
        figures.post_message(events.Paste("CSAT 7,8"))
        await pilot.pause()
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is form, "the form stays open"
        assert figures.has_focus, "on the field that does not read"
        error = shown_text(form.query_one("#error-metrics", Static))
        assert "Line 2: a figure reads “name: value”" in " ".join(error.split())
        assert read_session(path) == before, "nothing saved meanwhile"
        # Put right as the message says, the figure is saved beside the one it had.
        figures.text = (
            "NPS: 41 points · 2026-09-01 · survey\nCSAT: 7,8 score | 2026-10-01 | enquete"
        )
        await pilot.press("ctrl+s")
        await settle(pilot)
        on_top: object = app.screen  # not the form narrowed to above
        assert not isinstance(on_top, RecordForm), "the form saved and closed"
    (touchpoint,) = read_session(path).touchpoints
    assert touchpoint.metrics == (
        KEPT,
        Metric(name="CSAT", value=7.8, unit="score", date=dt.date(2026, 10, 1), source="enquete"),
    )


async def test_the_rooms_own_channel_word_is_kept_beside_other_and_shown_as_typed(
    workdir: Path,
) -> None:
    path = session_with_a_touchpoint(workdir / "sessions")
    app = app_for(path)
    async with app.run_test(size=(120, 40)) as pilot:
        form = await open_touchpoint_form(app, pilot)
        form.query_one("#field-channel", Select).value = "other"
        form.query_one("#field-channel_name", Input).value = "WhatsApp [groep]"
        await pilot.press("ctrl+s")
        await settle(pilot)
        saved = read_session(path).touchpoints[0]
        assert (saved.channel, saved.channel_name) == ("other", "WhatsApp [groep]")
        assert saved.metrics == (KEPT,), "what the form did not change stays"
        step = app.screen.query_one(TouchpointsStep)
        assert "WhatsApp [groep]" in [str(cell) for row in table_rows(step.table) for cell in row]
        await pilot.press("e")  # the cursor stayed on the touchpoint
        await settle(pilot)
        again = app.screen
        assert isinstance(again, RecordForm)
        assert again.query_one("#field-channel_name", Input).value == "WhatsApp [groep]"
        again.query_one("#field-channel", Select).value = "phone"
        await pilot.press("ctrl+s")
        await settle(pilot)
        saved = read_session(path).touchpoints[0]
        assert (saved.channel, saved.channel_name) == ("phone", ""), "the word went with other"


async def test_the_touchpoints_step_shows_what_stands_behind_the_touchpoint_under_the_cursor(
    workdir: Path,
) -> None:
    path = session_with_a_touchpoint(workdir / "sessions")
    session = read_session(path)
    behind = replace(session.touchpoints[0], backstage="Orders picked in the warehouse")
    save_session(path, replace(session, touchpoints=(behind,)))
    app = app_for(path, step="touchpoints")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, SessionScreen)
        panel = screen.query_one("#touchpoint-stage", Static)
        # On a phase's row the panel says how many touchpoints the phase has, and no stage.
        assert "Orders picked" not in shown_text(panel)
        assert "1 touchpoint, 0 indirect" in shown_text(panel)
        await pilot.press("down")
        await settle(pilot)
        assert screen.query_one("#touchpoint-stage", Static).display, "a touchpoint's row has one"
        said = shown_text(panel)
        assert "Orders picked in the warehouse" in said
        assert "NPS 41 points (2026-09-01, survey)" in said
