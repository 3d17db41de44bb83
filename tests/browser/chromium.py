"""Debian's chromium driven by Playwright's sync API, as the browser tests use it (their fixtures
are in ``conftest.py``).

Playwright never downloads a browser here: it is given Debian's chromium (``executable_path``),
which ``.ci/run`` installs. Where it is missing the tests skip on a developer's machine but fail
in CI (``CI`` set), where they must run.

Playwright's sync API runs an asyncio event loop of its own, suspended in a greenlet between two
calls, and marks it as the thread's running loop all that time. A test process of pytest-xdist
also runs coroutine tests (pytest-asyncio's auto mode) and tests that start a loop of their own
(Textual's snapshots), each in a loop that must be the only one running: so the thread is
handed to Playwright only while a page is open, and back to asyncio after it.
"""

from __future__ import annotations

import asyncio
import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

import pytest
from playwright.sync_api import Browser, Page, sync_playwright

ARGS = [
    # CI runs as root, and Chromium will not start its sandbox as root.
    "--no-sandbox",
    # No GPU on these machines: draw in software from the start.
    "--disable-gpu",
    # Chromium's own traffic (QUIC, updates of its components, sync, the first run's fetches) is
    # refused by a machine without a network, and is noise beside the page's requests.
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def chromium_or_skip() -> str:
    """The path of Debian's chromium; without it the test skips, or fails in CI."""
    executable = shutil.which("chromium")
    if executable is None:
        reason = (
            "Debian's chromium is not installed (apt-get install chromium, as .ci/run does):"
            " the browser tests need it"
        )
        if os.environ.get("CI"):
            pytest.fail(f"{reason}, and in CI (CI is set) they must run", pytrace=False)
        pytest.skip(reason)
    return executable


@dataclass(frozen=True)
class Chromium:
    """A running headless Chromium, and the event loop of the Playwright that drives it."""

    browser: Browser
    loop: asyncio.AbstractEventLoop | None


def _hand_the_thread_to(loop: asyncio.AbstractEventLoop | None) -> None:
    # asyncio's hook for event loops that run in a way of their own (in asyncio.events' __all__
    # for them); Playwright's sync API itself sets it after each of its calls.
    asyncio.events._set_running_loop(loop)


@contextmanager
def started_chromium() -> Iterator[Chromium]:
    """A headless Chromium for as long as the block lasts. Playwright gives it a new, empty
    profile in a temporary folder, and removes it when the browser closes."""
    executable = chromium_or_skip()
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, headless=True, args=ARGS)
        chromium = Chromium(browser, asyncio.events._get_running_loop())
        _hand_the_thread_to(None)
        try:
            yield chromium
        finally:
            _hand_the_thread_to(chromium.loop)
            browser.close()
    _hand_the_thread_to(None)


@contextmanager
def opened_page(chromium: Chromium) -> Iterator[Page]:
    """A page in a browser context of its own (no cache, routes or storage from another page),
    with the thread Playwright's while it is open."""
    _hand_the_thread_to(chromium.loop)
    try:
        context = chromium.browser.new_context()
        try:
            yield context.new_page()
        finally:
            context.close()
    finally:
        _hand_the_thread_to(None)
