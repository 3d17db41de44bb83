"""The countdown of the current step, shown in the session header.

The facilitator starts, pauses, extends and resets it; the time used is added to what the session
file already records for the step, so a step done in two sittings shows its total. When time is up
the display turns to an overrun count in the warning colour and the screen rings once: clear, but
not in the way of the room. Its clock and its tick come from a ``Scheduler`` (``ui.scheduler``):
Textual's timers in the app, a clock moved by hand in the tests.
"""

from __future__ import annotations

from collections.abc import Callable

from rich.text import Text
from textual.reactive import reactive

from cjworkshop.ui.scheduler import Scheduled, Scheduler, WidgetTimers
from cjworkshop.ui.widgets.text import TextPanel

TICK_SECONDS = 1.0
"""How often a running timebox shows the time again."""


def clock_text(seconds: int) -> str:
    """``mm:ss``, or ``h:mm:ss`` from an hour on."""
    seconds = abs(seconds)
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes:02d}:{secs:02d}"


class Timebox(TextPanel):
    """Remaining time of one step: ``⏱ 12:30 ▶`` running, ``⏸`` paused, ``+01:12`` over."""

    planned_seconds: reactive[int] = reactive(0)
    """The step's timebox; 0 when the step has none."""
    used_seconds: reactive[int] = reactive(0)
    """Time used in earlier runs, as recorded in the session."""
    running: reactive[bool] = reactive(False)

    def __init__(self, timers: Scheduler | None = None, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.timers: Scheduler = timers if timers is not None else WidgetTimers(self)
        """The clock and the tick; the session screen hands over the app's."""
        self.started_at: float | None = None
        self.ticker: Scheduled | None = None
        self.tick_at = 0.0
        self.announced_over = False
        self.on_time_up: Callable[[], None] | None = None

    def load(self, planned_seconds: int, used_seconds: int) -> None:
        """Show another step's timebox, stopped."""
        self.pause()
        self.planned_seconds = planned_seconds
        self.used_seconds = used_seconds
        self.announced_over = used_seconds > planned_seconds > 0
        self.refresh_display()

    def elapsed(self) -> int:
        """Seconds used in total, including the current run."""
        running = 0 if self.started_at is None else int(self.timers.monotonic() - self.started_at)
        return self.used_seconds + running

    def start(self) -> None:
        if self.running:
            return
        self.started_at = self.tick_at = self.timers.monotonic()
        self.running = True
        self._next_tick()
        self.refresh_display()

    def _next_tick(self) -> None:
        # Every whole second from the start, skipping seconds missed while the process slept.
        now = self.timers.monotonic()
        while self.tick_at <= now:
            self.tick_at += TICK_SECONDS
        self.ticker = self.timers.call_later(self.tick_at - now, self._tick)

    def _tick(self) -> None:
        self._next_tick()
        self.refresh_display()

    def pause(self) -> int:
        """Stop the clock and return the total seconds used."""
        if self.running:
            self.used_seconds = self.elapsed()
            self.started_at = None
            self.running = False
            if self.ticker is not None:
                self.ticker.stop()
                self.ticker = None
        self.refresh_display()
        return self.used_seconds

    def reset(self, planned_seconds: int) -> None:
        """Start over, stopped, at ``planned_seconds`` with nothing used."""
        self.pause()
        self.planned_seconds = planned_seconds
        self.used_seconds = 0
        self.announced_over = False
        self.refresh_display()

    def extend(self, seconds: int) -> None:
        self.planned_seconds += seconds
        if self.planned_seconds - self.elapsed() > 0:
            self.announced_over = False
        self.refresh_display()

    def refresh_display(self) -> None:
        if not self.is_mounted:
            return
        if self.planned_seconds <= 0:
            self.update("")
            return
        remaining = self.planned_seconds - self.elapsed()
        over = remaining < 0
        self.set_class(over, "-over")
        self.set_class(self.running, "-running")
        icon = "▶" if self.running else "⏸"
        shown = f"+{clock_text(remaining)}" if over else clock_text(remaining)
        self.update(Text.assemble("⏱ ", (shown, "bold"), f" {icon}"))
        if over and self.running and not self.announced_over:
            self.announced_over = True
            if self.on_time_up is not None:
                self.on_time_up()
