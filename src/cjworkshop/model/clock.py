"""The time as sessions store it, apart from the model so that the app can start without it."""

from __future__ import annotations

import datetime as dt


def now() -> dt.datetime:
    """The current time as stored in session files: UTC, whole seconds."""
    return dt.datetime.now(dt.UTC).replace(microsecond=0)
