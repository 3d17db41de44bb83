"""What a first frame needs is all it imports: the rest waits until it is used.

Each case imports the modules that draw one first frame in a fresh interpreter and lists what
came along that has no business there (see the README's benchmark section for what each costs).
"""

from __future__ import annotations

import subprocess
import sys

import pytest

START_SCREEN = ("cjworkshop.cli", "cjworkshop.cli.launch", "cjworkshop.ui.screens.start")
"""The command line and the start screen, drawn before the folder's sessions are read."""

SESSION_AT_GRID = (
    "cjworkshop.cli",
    "cjworkshop.cli.open_session",
    "cjworkshop.cli.launch",
    "cjworkshop.store.document",
    "cjworkshop.ui.screens.session",
    "cjworkshop.ui.steps.grid",
)
"""A session opened from the command line at its journey grid."""

CASES = {
    "start screen": (
        START_SCREEN,
        # msgspec and the model come with the first session file read, after the frame.
        ("msgspec", "cjworkshop.model.session", "cjworkshop.store.session_file"),
    ),
    "session at its grid": (
        SESSION_AT_GRID,
        # hashlib only hashes overlong keys; the review and the roadmap are counted for the step
        # list after the frame.
        ("hashlib", "cjworkshop.model.review", "cjworkshop.model.roadmap"),
    ),
}


def loaded_after(modules: tuple[str, ...], unwanted: tuple[str, ...]) -> list[str]:
    code = (
        f"import sys, {', '.join(modules)}\n"
        f"print(','.join(m for m in {unwanted!r} if m in sys.modules))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    return [name for name in result.stdout.strip().split(",") if name]


@pytest.mark.parametrize("case", CASES)
def test_a_first_frame_imports_only_what_it_draws(case: str) -> None:
    modules, unwanted = CASES[case]
    assert loaded_after(modules, unwanted) == []
