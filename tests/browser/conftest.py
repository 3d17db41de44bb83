"""Fixtures of the browser tests: one headless Chromium per test process, started at its first
browser test, and a fresh page for each test (see ``chromium.py`` for how and why). The browser
tests are plain functions, never coroutines: Playwright's sync API cannot run inside the loop
pytest-asyncio runs a coroutine in.
"""

from __future__ import annotations

import inspect
from collections.abc import Iterator

import pytest
from playwright.sync_api import Page

from tests.browser.chromium import Chromium, opened_page, started_chromium


@pytest.fixture(scope="session")
def chromium() -> Iterator[Chromium]:
    """The browser of this test process; use it through ``page``."""
    with started_chromium() as running:
        yield running


@pytest.fixture
def page(chromium: Chromium, request: pytest.FixtureRequest) -> Iterator[Page]:
    """A page of its own for the test, closed after it."""
    if inspect.iscoroutinefunction(request.function):
        pytest.fail(
            f"{request.node.nodeid} is a coroutine: Playwright's sync API cannot run inside the"
            " asyncio loop that pytest-asyncio runs it in; make it a plain function",
            pytrace=False,
        )
    with opened_page(chromium) as opened:
        yield opened
