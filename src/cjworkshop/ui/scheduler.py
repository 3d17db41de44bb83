"""When the app does something later: the autosave's pause, the drafts' rhythm, the timebox's tick.

Whatever waits asks a ``Scheduler`` for the time and for a call after a delay. In the app that is
``WidgetTimers``: Textual's own timers of the widget that waits, so they stop with it (a closed
screen writes nothing late). The tests hand the app a clock they move by hand instead, so
time passes when a test says so and never because the machine was slow.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Protocol

from textual.timer import Timer
from textual.widget import Widget


class Scheduled(Protocol):
    """A call that is still to come."""

    def stop(self) -> None:
        """It will not happen after all."""


class Scheduler(Protocol):
    """The time, and calls after a delay, for one widget."""

    def monotonic(self) -> float:
        """Seconds on a clock that only moves forward."""

    def call_later(self, delay: float, callback: Callable[[], None]) -> Scheduled:
        """Call ``callback`` once, ``delay`` seconds from now."""


class WidgetTimers:
    """Textual's timers of ``host``, and the monotonic clock they run on."""

    def __init__(self, host: Widget) -> None:
        self.host = host

    def monotonic(self) -> float:
        return time.monotonic()

    def call_later(self, delay: float, callback: Callable[[], None]) -> Timer:
        return self.host.set_timer(delay, callback)


Timers = Callable[[Widget], Scheduler]
"""What hands each widget that waits its scheduler: ``WidgetTimers`` in the app."""
