"""What a start needs is all it imports; each case guards a measured win (see the README).

Each case imports modules in a fresh interpreter and lists what came along that has no business
there: the start screen draws its first frame before any session is read (msgspec, the model
and the store would cost it 16 ms of CPU), the command line imports a subcommand's module only
when it runs (all of them would cost every start 65 ms), and the commands that only read or
write files start without Textual (170 ms) or Rich (24 ms).
"""

from __future__ import annotations

import subprocess
import sys

import pytest

COMMANDS = (
    "cjworkshop.cli.open_session",
    "cjworkshop.cli.sessions",
    "cjworkshop.cli.templates",
    "cjworkshop.cli.reports",
    "cjworkshop.cli.revisit",
    "cjworkshop.cli.check",
    "cjworkshop.cli.metrics",
    "cjworkshop.cli.guide",
)

CASES = {
    "start screen": (
        ("cjworkshop.cli", "cjworkshop.cli.launch", "cjworkshop.ui.screens.start"),
        ("msgspec", "cjworkshop.model.session", "cjworkshop.store.session_file"),
    ),
    "command line": (("cjworkshop.cli",), COMMANDS),
    "export and check": (
        ("cjworkshop.cli", "cjworkshop.cli.reports", "cjworkshop.cli.check"),
        ("textual", "rich"),
    ),
    "every command": (("cjworkshop.cli", *COMMANDS), ("textual",)),
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
def test_a_start_imports_only_what_it_needs(case: str) -> None:
    modules, unwanted = CASES[case]
    assert loaded_after(modules, unwanted) == []


def test_the_check_sees_what_a_module_brings_along() -> None:
    assert loaded_after(("cjworkshop.ui.app",), ("textual", "rich")) == ["textual", "rich"]
