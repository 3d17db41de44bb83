"""The last save of a session being let go: off the event loop, and waited for a few seconds.

When the app lets a session go (it is closed, a revisit goes on in another file, the app quits,
a signal ends it, ``run_app`` has the last word), the session's document is closed once: what is
pending is written and its lock released. That runs in a thread of its own, so the screen is not
held up, and the app waits for it ``CLOSE_PATIENCE_SECONDS`` at most: a disk that does not
answer does not keep the app from ending, and what was not written is said instead
(``unsaved``).
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable
from concurrent.futures import Future
from typing import TYPE_CHECKING, TypeVar

from cjworkshop.i18n import Translator

if TYPE_CHECKING:  # the app imports the store when a session opens, not at its start
    from cjworkshop.store.document import SaveResult, SessionDocument

CLOSE_PATIENCE_SECONDS = 5
"""How long the app waits for a session's last save before it goes on without it."""

Result = TypeVar("Result")


def in_daemon_thread(call: Callable[[], Result]) -> Future[Result]:
    """Run ``call`` in a thread of its own, off the event loop, and return its future.

    Not ``asyncio.to_thread`` or a Textual worker: both use threads that Python waits for before
    the process ends, so a write to a disk that hangs would keep the app from ending at all.
    """
    future: Future[Result] = Future()
    future.set_running_or_notify_cancel()  # waiting may time out, but never cancels the write

    def run() -> None:
        try:
            future.set_result(call())
        except BaseException as error:  # handed to whoever waits for it
            future.set_exception(error)

    threading.Thread(target=run, name="cjworkshop-last-save", daemon=True).start()
    return future


async def within_patience(future: Future[Result]) -> Result | None:
    """What ``future`` comes to, or None when it takes longer than the app waits."""
    try:
        return await asyncio.wait_for(asyncio.wrap_future(future), CLOSE_PATIENCE_SECONDS)
    except TimeoutError:
        return None


class LastSave:
    """A session being closed: its document, and the close running in a thread of its own."""

    def __init__(self, document: SessionDocument) -> None:
        self.document = document
        self.done = in_daemon_thread(document.close)

    async def result(self) -> SaveResult | None:
        """How the close went; None when the disk did not answer in time."""
        return await within_patience(self.done)

    def result_now(self) -> SaveResult | None:
        """How the close went, waiting on this thread (the event loop has stopped)."""
        try:
            return self.done.result(timeout=CLOSE_PATIENCE_SECONDS)
        except TimeoutError:
            return None


def unsaved(tr: Translator, document: SessionDocument, result: SaveResult | None) -> str | None:
    """What the close of ``document`` could not write, in words; None when the disk has it."""
    if result is None:
        reason = tr("quit.disk_silent", seconds=CLOSE_PATIENCE_SECONDS)
    elif not document.dirty:
        return None
    elif result.error is not None:
        reason = result.error.render(tr)
    else:
        reason = tr("quit.read_only")
    return tr("quit.not_saved", path=str(document.path), reason=reason)
