"""The headless core never pulls in the UI or terminal rendering, not even inside a function.

Each core module is imported in a fresh interpreter (what it loads at import), and its source is
read (what any of its functions would import when called, typing-only imports included).
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

SOURCE = Path(__file__).resolve().parents[2] / "src" / "cjworkshop"
CORE_PACKAGES = ("model", "store", "export", "i18n")
CORE_FILES = sorted(path for folder in CORE_PACKAGES for path in (SOURCE / folder).rglob("*.py"))
CORE = sorted(
    ".".join(path.relative_to(SOURCE.parent).with_suffix("").parts).removesuffix(".__init__")
    for path in CORE_FILES
)
FORBIDDEN = ("textual", "rich")


def textual_or_rich_loaded_by(modules: list[str]) -> list[str]:
    """What of Textual and Rich a fresh interpreter has loaded after importing ``modules``."""
    code = (
        f"import sys\nfor name in {modules!r}:\n    __import__(name)\n"
        "loaded = sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich'))\n"
        "print(','.join(loaded))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    return [name for name in result.stdout.strip().split(",") if name]


def test_no_core_module_imports_textual_or_rich() -> None:
    # All at once in one interpreter: if together they load neither, none of them does alone.
    # Only when something is loaded is each imported on its own, to name the culprit.
    if textual_or_rich_loaded_by(CORE):
        culprits = {module: textual_or_rich_loaded_by([module]) for module in CORE}
        assert {module: found for module, found in culprits.items() if found} == {}


def imported_names(tree: ast.AST) -> list[tuple[int, str]]:
    """Every module the code names to import, anywhere in it, with its line."""
    found: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            found.append((node.lineno, node.module))
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name | ast.Attribute)
            and (node.func.id if isinstance(node.func, ast.Name) else node.func.attr)
            in ("import_module", "__import__")
            and node.args
            and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[0].value, str)
        ):
            found.append((node.lineno, node.args[0].value))
    return found


def forbidden_imports(source: str, name: str = "<text>") -> list[str]:
    tree = ast.parse(source, name)
    return [
        f"{name}:{line} imports {module}"
        for line, module in imported_names(tree)
        if module.split(".")[0] in FORBIDDEN
    ]


@pytest.mark.parametrize("path", CORE_FILES, ids=lambda path: str(path.relative_to(SOURCE)))
def test_no_core_source_imports_textual_or_rich_anywhere(path: Path) -> None:
    assert forbidden_imports(path.read_text(encoding="utf-8"), path.name) == []


@pytest.mark.parametrize(
    "source",
    [
        "def draw():\n    from rich.text import Text\n",
        "def draw():\n    import textual.app\n",
        "if TYPE_CHECKING:\n    from rich.console import Console\n",
        "import importlib\nimportlib.import_module('rich.table')\n",
        "__import__('textual')\n",
    ],
    ids=["inside-a-function", "plain-import", "typing-only", "import-module", "dunder-import"],
)
def test_the_source_check_catches_every_way_of_importing(source: str) -> None:
    assert forbidden_imports(source) != []


def test_the_source_check_leaves_other_imports_and_relative_ones_alone() -> None:
    assert (
        forbidden_imports("import richer\nfrom . import rich\nfrom textwrap import dedent\n") == []
    )


def test_every_core_package_is_covered() -> None:
    assert {name.split(".")[1] for name in CORE} == set(CORE_PACKAGES)
