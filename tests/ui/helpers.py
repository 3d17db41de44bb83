"""Small Pilot helpers: typing into a field, reading what a table or a notification shows."""

from __future__ import annotations

import io
from typing import Any

from textual.app import App
from textual.pilot import Pilot
from textual.widgets import DataTable, Input, Static, TextArea

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


async def settle(pilot: Pilot[None]) -> None:
    """Let the room pause long enough for every waiting save to be made, wait until every
    background save has finished and the screen is up to date. Time passes only while a save
    waits for the pause (a running timebox counts on only then)."""
    from cjworkshop.ui.autosave import QUIET_SECONDS
    from cjworkshop.ui.screens.session import SessionScreen

    clock = clock_of(pilot.app)
    for _ in range(3):
        for screen in pilot.app.screen_stack:
            if isinstance(screen, SessionScreen) and screen.autosave and screen.autosave.pending:
                clock.advance(QUIET_SECONDS)
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()


async def type_text(pilot: Pilot[None], text: str) -> None:
    """Type like a person, key by key (spaces included)."""
    await pilot.press(*["space" if char == " " else char for char in text])


async def fill(pilot: Pilot[None], *values: str) -> None:
    """Fill the form's fields in order: type each value, Tab to the next field."""
    for index, value in enumerate(values):
        focused = pilot.app.focused
        if isinstance(focused, Input):
            focused.value = ""
        elif isinstance(focused, TextArea):
            focused.text = ""
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
