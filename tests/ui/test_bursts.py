"""Keys that come faster than the app handles them, and pastes: what the room typed lands where
the same keys typed one by one would put it, nothing of a paste is dropped, and the screen keeps
drawing afterwards.

A terminal hands the app a burst (a fast typist, keys sent by a script, a paste the terminal
does not bracket) in one read, and the driver posts every key of it at once. ``pilot.press``
waits after every key, so these tests post the keys themselves, the way the driver does.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from pathlib import Path

import pytest
from textual import events
from textual.widgets import Input, TextArea

from cjworkshop.model.session import NAME_LENGTH
from cjworkshop.store.session_file import read_session
from cjworkshop.ui.app import WorkshopApp
from cjworkshop.ui.modals.record_form import RecordForm
from cjworkshop.ui.screens.session import SessionScreen
from tests.ui.conftest import app_for, new_session
from tests.ui.helpers import settle

PATIENCE = 20.0
"""Seconds to wait for the app to catch up: generous, so a busy machine only makes it slower."""

KEY_NAMES = {
    " ": "space",
    "+": "plus",
    "]": "right_square_bracket",
    "\t": "tab",
    "\r": "enter",
}


def post_burst(app: WorkshopApp, *parts: str | list[str]) -> None:
    """Post keys to the app without waiting, as the terminal driver does: the characters of
    each text, and the keys named in each list."""
    for part in parts:
        if isinstance(part, list):
            for key in part:
                app.post_message(events.Key(key, None))
            continue
        for character in part:
            if not (character.isalnum() or character in KEY_NAMES):
                raise ValueError(f"no key name for {character!r} here")
            app.post_message(events.Key(KEY_NAMES.get(character, character), character))


class Frames:
    """Notes, for every frame the app draws, whether ``shows`` held as it was drawn."""

    def __init__(self, app: WorkshopApp, monkeypatch: pytest.MonkeyPatch) -> None:
        self.app = app
        self.shows: Callable[[], bool] = lambda: False
        self.drawn_showing = False
        after_frame = app.post_display_hook

        def noted() -> None:  # Textual calls this after every frame, headless too
            self.drawn_showing = self.drawn_showing or self.shows()
            after_frame()

        monkeypatch.setattr(app, "post_display_hook", noted)

    async def until_drawn(self, shows: Callable[[], bool], word: str) -> None:
        """Wait, without making the app draw (no ``pilot.pause``), for a frame drawn once
        ``shows`` holds, and for the screen to show ``word`` (one word: the screenshot is SVG,
        its spaces are not plain spaces)."""
        self.shows, self.drawn_showing = shows, False
        loop = asyncio.get_running_loop()
        deadline = loop.time() + PATIENCE
        while not (self.drawn_showing and word in self.app.export_screenshot()):
            assert loop.time() < deadline, f"no frame showing {word!r}"
            await asyncio.sleep(0.05)


async def until(condition: Callable[[], bool]) -> None:
    """Wait for ``condition``, or give up after a while (the test's own asserts then say why)."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + PATIENCE
    while not condition() and loop.time() < deadline:
        await asyncio.sleep(0.05)


def form_values_if_shown(app: WorkshopApp) -> dict[str, str]:
    """The values of the form on screen, or nothing while no form is (yet) on screen."""
    form = app.screen
    if not isinstance(form, RecordForm) or not form.query(".form-fields *"):
        return {}
    return form.values()


def form_values(app: WorkshopApp) -> dict[str, str]:
    form = app.screen
    assert isinstance(form, RecordForm)
    return form.values()


async def test_a_burst_of_keys_fills_the_fields_it_tabs_through(
    workdir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = new_session(workdir / "sessions", template="blank")
    app = app_for(path)
    async with app.run_test(size=(120, 40)) as pilot:
        frames = Frames(app, monkeypatch)
        await pilot.press("a")
        assert isinstance(app.screen, RecordForm)

        post_burst(app, "Faster answers\tbecause people wait\tNPS +10\r")
        await until(lambda: form_values(app)["measure"].endswith("\n"))
        await settle(pilot)
        # Enter in a field of several lines starts a new line, as it does when typed slowly.
        assert form_values(app) == {
            "what": "Faster answers",
            "why": "because people wait",
            "measure": "NPS +10\n",
        }
        measure = app.screen.query_one("#field-measure", TextArea)
        assert measure.has_focus

        post_burst(app, "Kiwi")
        await frames.until_drawn(lambda: measure.text.endswith("Kiwi"), "Kiwi")


async def test_editing_keys_in_a_burst_act_in_order_in_their_field(workdir: Path) -> None:
    path = new_session(workdir / "sessions", template="blank")
    app = app_for(path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("a")
        post_burst(
            app,
            "teh",
            ["backspace", "backspace"],
            "he cat",
            ["left", "left", "left"],
            "big ",
            ["end"],
            "\tWhy",
            ["backspace"],
            "o",
        )
        await until(lambda: form_values(app)["why"] == "Who")
        await settle(pilot)
        assert form_values(app) == {"what": "the big cat", "why": "Who", "measure": ""}


async def test_keys_after_enter_in_a_burst_reach_the_screen_below(workdir: Path) -> None:
    path = new_session(workdir / "sessions", template="blank")
    app = app_for(path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("a")
        screen = next(s for s in app.screen_stack if isinstance(s, SessionScreen))
        post_burst(app, "Faster answers\r]")  # save the goal, then on to the next step
        await until(lambda: screen.step == "personas")
        await settle(pilot)
        assert app.screen is screen
        assert screen.step == "personas"
        assert [goal.what for goal in read_session(path).goals] == ["Faster answers"]


PASTED = "".join(
    f"w{index:03d}" + ("\t" if index % 7 == 3 else "\n" if index % 11 == 5 else " ")
    for index in range(1000)
)
"""5,000 characters, with tabs and line breaks in it, ending in a space."""


async def test_a_long_paste_stays_whole_in_its_field_and_is_drawn(
    workdir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = new_session(workdir / "sessions", template="blank")
    app = app_for(path)
    async with app.run_test(size=(120, 40)) as pilot:
        frames = Frames(app, monkeypatch)
        await pilot.press("a")
        what = app.screen.query_one("#field-what", Input)
        assert what.has_focus

        # A one-line field keeps as much as the session file holds (a goal of at most 200
        # characters), line breaks and tabs made spaces; the screen shows where it ends.
        one_line = PASTED.replace("\t", " ").replace("\n", " ")[:NAME_LENGTH]
        app.post_message(events.Paste(PASTED))
        await until(lambda: len(what.value) >= NAME_LENGTH)
        assert what.value == one_line
        await frames.until_drawn(lambda: what.value == one_line, "w039")

        # A field of several lines keeps its lines and tabs; what comes after the paste goes
        # on to the next field, which keeps the focus.
        why = app.screen.query_one("#field-why", TextArea)
        measure = app.screen.query_one("#field-measure", TextArea)
        post_burst(app, "\t")
        app.post_message(events.Paste(PASTED))
        post_burst(app, "\tKiwi")
        await frames.until_drawn(lambda: measure.text == "Kiwi", "Kiwi")
        assert why.text == PASTED
        assert measure.has_focus
        await frames.until_drawn(lambda: why.text == PASTED, "w999")
        await pilot.press("ctrl+s")
        await settle(pilot)
    # What the form saved, the session file holds: it opens again.
    goal = read_session(path).goals[0]
    assert goal.what == one_line.strip()
    assert goal.why == PASTED.strip()


async def test_keys_typed_before_a_form_is_up_land_in_the_form(workdir: Path) -> None:
    # ``a`` opens the form; what comes right behind it reaches the app before the form is on
    # screen, and used to be lost or run as the session screen's keys (t: the timer, p: the
    # parking lot).
    path = new_session(workdir / "sessions", template="blank")
    app = app_for(path)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = next(s for s in app.screen_stack if isinstance(s, SessionScreen))
        post_burst(app, "aFaster parts\tbecause people wait")
        await until(lambda: form_values_if_shown(app).get("why") == "because people wait")
        assert form_values(app)["what"] == "Faster parts"
        assert not screen.timebox.running
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is screen
    assert [goal.what for goal in read_session(path).goals] == ["Faster parts"]


async def test_keys_behind_the_one_that_closes_a_dialog_reach_the_screen_below(
    workdir: Path,
) -> None:
    path = new_session(workdir / "sessions", template="blank")
    app = app_for(path)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = next(s for s in app.screen_stack if isinstance(s, SessionScreen))
        await pilot.press("a")
        post_burst(app, "Weg", ["escape"], "y]")  # discard, say yes, on to the next step
        await until(lambda: screen.step == "personas")
        await settle(pilot)
        assert app.screen is screen
        assert screen.step == "personas"
    assert read_session(path).goals == ()


async def test_after_a_burst_escape_and_f1_are_drawn_at_once(
    workdir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = new_session(workdir / "sessions", template="blank")
    app = app_for(path)
    async with app.run_test(size=(120, 40)) as pilot:
        frames = Frames(app, monkeypatch)
        await pilot.press("a")
        post_burst(app, "Faster answers\tbecause people wait\tNPS\r")
        await until(lambda: form_values_if_shown(app).get("measure") == "NPS\n")
        post_burst(app, ["escape"])
        await frames.until_drawn(lambda: type(app.screen).__name__ == "ConfirmModal", "Discard")
        await pilot.press("escape")  # keep editing
        assert isinstance(app.screen, RecordForm)
        post_burst(app, ["f1"])  # the keys of the form, in the form
        await frames.until_drawn(lambda: bool(app.screen.query("HelpPanel")), "save")
