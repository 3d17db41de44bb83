"""Small Pilot helpers: typing into a field, reading what a table or a notification shows."""

from __future__ import annotations

import html
import io
import re
import time
from collections.abc import Callable
from typing import Any

from rich.cells import cell_len
from textual import events
from textual.app import App
from textual.pilot import Pilot
from textual.screen import Screen
from textual.widgets import DataTable, Input, Static, TextArea

from cjworkshop.ui.autosave import Autosaver
from tests.ui.clock import ManualClock


def clock_of(app: App[Any]) -> ManualClock:
    """The clock the test moves for ``app`` (``tests.ui.conftest.app_for`` gives every app one)."""
    timers = getattr(app, "timers", None)
    assert isinstance(timers, ManualClock), "an app made by app_for, whose time the test moves"
    return timers


async def pass_time(pilot: Pilot[None], seconds: float) -> None:
    """Once the app has taken in what was done so far, let ``seconds`` pass for its autosave,
    drafts and timebox; then wait for what that set going (saves and drafts written in their
    threads) and for the screen to catch up."""
    await pilot.pause()
    clock_of(pilot.app).advance(seconds)
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def _saves_under_way(app: App[Any]) -> list[Autosaver]:
    from cjworkshop.ui.screens.session import SessionScreen

    return [
        screen.autosave
        for screen in app.screen_stack
        if isinstance(screen, SessionScreen)
        and screen.autosave is not None
        and (screen.autosave.pending or screen.autosave.busy)
    ]


async def settle(pilot: Pilot[None]) -> None:
    """Let the room pause long enough for every waiting save to be made, wait until every
    background save has finished and the screen is up to date. Time passes only while a save
    waits for the pause (a running timebox counts on only then)."""
    from cjworkshop.ui.autosave import QUIET_SECONDS

    clock = clock_of(pilot.app)
    await pilot.pause()  # what was just done reaches the app, and may ask for a save
    for _ in range(5):  # a save, the one it was asked for meanwhile, and the screen after them
        saves = _saves_under_way(pilot.app)
        if not saves and not pilot.app.workers:
            return
        if any(save.pending for save in saves):
            clock.advance(QUIET_SECONDS)
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
    raise AssertionError("the saves never settled")


PATIENCE = 60.0
"""Seconds of wall-clock time to wait for something the app does on its own: generous, so a busy
machine only makes a test slower, never makes it fail."""


async def until(pilot: Pilot[None], condition: Callable[[], bool], what: str) -> None:
    """Let the app run until ``condition`` holds (no time passes on its clock meanwhile)."""
    deadline = time.monotonic() + PATIENCE
    while not condition():
        assert time.monotonic() < deadline, f"{what}: still not so after {PATIENCE:.0f} seconds"
        await pilot.pause()


def dialog_up(app: App[Any], kind: type[Screen[Any]]) -> bool:
    """A dialog of ``kind`` is on top with the focus on one of its fields: composed, filled in,
    ready to be read."""
    focused = app.focused
    return isinstance(app.screen, kind) and focused is not None and focused.screen is app.screen


async def type_text(pilot: Pilot[None], text: str) -> None:
    """Type like a person, key by key (spaces included)."""
    await pilot.press(*["space" if char == " " else char for char in text])


async def fill(pilot: Pilot[None], *values: str) -> None:
    """Fill the form's fields in order, Tab to the next field between them. Each text lands in
    its field as a paste does, in one event: typing it costs a key press per character, and
    typing key by key is what ``type_text`` and ``tests/ui/test_bursts.py`` are for."""
    app = pilot.app
    # A dialog just opened puts the focus on its first field once it is composed.
    await until(
        pilot,
        lambda: app.focused is not None and app.focused.screen is app.screen,
        "a field of the form on top has the focus",
    )
    for index, value in enumerate(values):
        focused = pilot.app.focused
        if isinstance(focused, Input):
            focused.value = ""
        elif isinstance(focused, TextArea):
            focused.text = ""
        if isinstance(focused, Input | TextArea) and value:
            focused.post_message(events.Paste(value))
            await pilot.pause()
        else:
            await type_text(pilot, value)
        if index < len(values) - 1:
            await pilot.press("tab")


def table_rows(table: DataTable[Any]) -> list[list[str]]:
    """The plain text of every row, as a person reads it."""
    return [
        [str(cell).strip() for cell in table.get_row_at(index)] for index in range(table.row_count)
    ]


def shown_text(widget: Static) -> str:
    """What a Static shows, as plain text at its current width (tables included)."""
    from rich.console import Console

    console = Console(width=max(40, widget.size.width), record=True, file=io.StringIO())
    console.print(widget.content)
    return console.export_text()


def notices(app: App[Any]) -> list[str]:
    """The messages of every notification shown so far, oldest first."""
    return [notification.message for notification in app._notifications]


_SVG_TEXT = re.compile(
    r'<text class="[^"]*" x="(?P<x>[\d.e+-]+)" y="[\d.e+-]+" textLength="[\d.e+-]+" '
    r'clip-path="url\(#[^)]*-line-(?P<line>\d+)\)">(?P<text>[^<]*)</text>'
)
_CHAR_WIDTH = 20 * 0.61
"""The width of a terminal cell in Rich's SVG export (its character height times the
aspect ratio of its font)."""


def screen_lines(app: App[Any]) -> list[str]:
    """The screen as a person reads it: one string per terminal row, one character per cell
    (a wide character followed by an empty string's worth of nothing). Read from Textual's
    public SVG screenshot, which places every run of text at its cell."""
    width, height = app.size
    rows = [[" "] * width for _ in range(height)]
    for match in _SVG_TEXT.finditer(app.export_screenshot(simplify=True)):
        line = int(match["line"])
        column = round(float(match["x"]) / _CHAR_WIDTH)
        for char in html.unescape(match["text"]).replace("\xa0", " "):
            if 0 <= line < height and 0 <= column < width:
                rows[line][column] = char
            column += max(1, cell_len(char))
    return ["".join(row) for row in rows]
