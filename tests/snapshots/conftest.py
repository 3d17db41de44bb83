"""Snapshot tests reuse the UI fixtures: fixed clock, UTC, a temporary working folder."""

from tests.ui.conftest import utc, workdir

__all__ = ["utc", "workdir"]
