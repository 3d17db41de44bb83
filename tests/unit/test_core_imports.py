"""The headless core never pulls in the UI: each module is imported in a fresh interpreter."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

SOURCE = Path(__file__).resolve().parents[2] / "src" / "cjworkshop"
CORE = sorted(
    ".".join(path.relative_to(SOURCE.parent).with_suffix("").parts).removesuffix(".__init__")
    for folder in ("model", "store", "export", "i18n")
    for path in (SOURCE / folder).rglob("*.py")
)


@pytest.mark.parametrize("module", CORE)
def test_core_module_imports_without_textual_or_rich(module: str) -> None:
    code = (
        f"import sys, {module}\n"
        "loaded = sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich'))\n"
        "print(','.join(loaded))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "", f"{module} imported {result.stdout.strip()}"


def test_every_core_package_is_covered() -> None:
    assert {name.split(".")[1] for name in CORE} == {"model", "store", "export", "i18n"}
