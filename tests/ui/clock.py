"""A clock the tests move by hand, in place of the app's timers (``cjworkshop.ui.scheduler``).

Given to an app as its ``timers``, it tells the autosave, the drafts and the timebox the time,
and runs what they asked to do later only when a test moves it past that moment: a test says
how much time passes, and a slow machine never makes an autosave come early or late.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from dataclasses import dataclass, field

from textual.widget import Widget


@dataclass(order=True)
class Call:
    """One call still to come, ordered by when it is due (and, at the same moment, by order)."""

    due: float
    order: int
    host: Widget = field(compare=False)
    callback: Callable[[], None] = field(compare=False)
    stopped: bool = field(default=False, compare=False)

    def stop(self) -> None:
        self.stopped = True


class ManualClock:
    """Monotonic time that moves only in ``advance``; ``clock(widget)`` is that widget's timers."""

    def __init__(self, now: float = 1000.0) -> None:
        self.now = now
        self.calls: list[Call] = []
        self._order = itertools.count()

    def __call__(self, host: Widget) -> WidgetClock:
        return WidgetClock(self, host)

    def monotonic(self) -> float:
        return self.now

    def call_later(self, host: Widget, delay: float, callback: Callable[[], None]) -> Call:
        call = Call(self.now + max(0.0, delay), next(self._order), host, callback)
        self.calls.append(call)
        return call

    def waiting(self) -> list[Call]:
        """The calls still to come, soonest first."""
        self.calls = sorted(call for call in self.calls if not call.stopped)
        return list(self.calls)

    def advance(self, seconds: float) -> None:
        """Move ``seconds`` forward, making every call due meanwhile at its own moment, in order
        (what a call asks for on the way is made too, when it falls within ``seconds``). A call
        of a widget that is gone is dropped, as Textual stops the timers of a removed widget."""
        assert seconds >= 0, "time only moves forward"
        until = self.now + seconds
        # A call due at exactly ``until``, worked out along another sum of floats, is due.
        while (due := self.waiting()) and due[0].due <= until + 1e-9:
            call = due[0]
            self.calls.remove(call)
            self.now = max(self.now, call.due)
            if call.host.is_running:
                call.callback()
        self.now = until


class WidgetClock:
    """The ``Scheduler`` of one widget on a ``ManualClock``."""

    def __init__(self, clock: ManualClock, host: Widget) -> None:
        self.clock = clock
        self.host = host

    def monotonic(self) -> float:
        return self.clock.now

    def call_later(self, delay: float, callback: Callable[[], None]) -> Call:
        return self.clock.call_later(self.host, delay, callback)
