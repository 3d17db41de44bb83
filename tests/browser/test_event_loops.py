"""Browser tests share their test process with coroutine tests and with tests that run an
asyncio loop of their own (Textual's snapshots): Playwright's sync API may have the thread only
while a page is open, or every such test after a browser test in that process fails with
"cannot be called from a running event loop"."""

from __future__ import annotations

import asyncio

from tests.browser.chromium import Chromium, opened_page


async def answer() -> int:
    await asyncio.sleep(0)
    return 42


def test_pages_and_event_loops_take_turns_in_one_process(chromium: Chromium) -> None:
    for text in ("One", "Two"):
        with opened_page(chromium) as page:
            page.set_content(f"<p>{text}</p>")
            assert page.inner_text("p") == text
        assert asyncio.run(answer()) == 42


async def test_a_coroutine_test_runs_beside_the_browser(chromium: Chromium) -> None:
    """As pytest-asyncio runs one, in the process's browser's company."""
    assert await answer() == 42
    assert chromium.browser.is_connected()
