"""The modules of src/ import each other in one direction: no cycles, and in the UI never upward.

The graph is built from the source with ``ast``: every ``import`` and ``from ... import``, at the
top of a module, inside a function or under ``TYPE_CHECKING``, and every ``import_module`` of a
module named in the code. Importing ``a.b.c`` runs ``a`` and ``a.b`` too, so a module also
depends on the packages above what it imports. In ``cjworkshop.ui`` the app comes first, then
its screens, then the steps and dialogs, then the widgets (with the small modules every layer
uses): a module may import its own layer or one below it, never one above (attributes go down,
messages go up).
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SRC = ROOT / "src"
PACKAGE = "cjworkshop"

UI_LAYERS = {
    "cjworkshop.ui.app": 4,
    "cjworkshop.ui.screens": 3,
    "cjworkshop.ui.steps": 2,
    "cjworkshop.ui.modals": 2,
    "cjworkshop.ui.forms": 2,
    "cjworkshop.ui.widgets": 1,
    "cjworkshop.ui.translated": 1,
    "cjworkshop.ui.commands": 1,
    "cjworkshop.ui.palette": 1,
    "cjworkshop.ui.autosave": 1,
    "cjworkshop.ui.drafts": 1,
    "cjworkshop.ui.last_save": 1,
    "cjworkshop.ui.scheduler": 1,
}
"""The layer of every module of the UI, by its module or the package it is in; higher layers
may import lower ones."""

Graph = dict[str, set[str]]


def module_name(path: Path) -> str:
    parts = list(path.relative_to(SRC).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def source_modules() -> dict[str, Path]:
    return {module_name(path): path for path in sorted((SRC / PACKAGE).rglob("*.py"))}


def is_package(path: Path) -> bool:
    return path.name == "__init__.py"


def is_import_call(function: ast.expr) -> bool:
    """``importlib.import_module(...)``, ``import_module(...)`` or ``__import__(...)``."""
    if isinstance(function, ast.Attribute):
        return function.attr == "import_module"
    return isinstance(function, ast.Name) and function.id in ("import_module", "__import__")


def named_imports(tree: ast.AST, module: str, package: bool) -> Iterator[str]:
    """Every module name an import in ``tree`` names, relative ones made absolute."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                here = module.split(".") if package else module.split(".")[:-1]
                base = ".".join(here[: len(here) - node.level + 1])
                base = f"{base}.{node.module}" if node.module else base
            else:
                base = node.module or ""
            yield base
            yield from (f"{base}.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.Call) and node.args and is_import_call(node.func):
            first = node.args[0]
            if isinstance(first, ast.Constant) and isinstance(first.value, str):
                yield first.value


def import_graph() -> Graph:
    """Every module of the package with the modules of the package it imports."""
    modules = source_modules()
    graph: Graph = {}
    for module, path in modules.items():
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        found: set[str] = set()
        for name in named_imports(tree, module, is_package(path)):
            if name != PACKAGE and not name.startswith(PACKAGE + "."):
                continue
            # ``from pkg import name`` names a module or something inside ``pkg``.
            while name not in modules:
                name = name.rpartition(".")[0]
            parts = name.split(".")
            found.update(".".join(parts[:end]) for end in range(1, len(parts) + 1))
        found.discard(module)
        # A module's own packages run before it does; they are not what it imports.
        found -= {".".join(module.split(".")[:end]) for end in range(1, module.count(".") + 1)}
        graph[module] = found
    return graph


def cycles(graph: Graph) -> list[list[str]]:
    """The strongly connected groups of more than one module (Tarjan's algorithm)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[list[str]] = []

    def visit(module: str) -> None:
        index[module] = low[module] = len(index)
        stack.append(module)
        on_stack.add(module)
        for other in sorted(graph[module]):
            if other not in index:
                visit(other)
                low[module] = min(low[module], low[other])
            elif other in on_stack:
                low[module] = min(low[module], index[other])
        if low[module] == index[module]:
            group: list[str] = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == module:
                    break
            if len(group) > 1:
                groups.append(sorted(group))

    for module in sorted(graph):
        if module not in index:
            visit(module)
    return groups


def ui_layer(module: str) -> int | None:
    """The layer of a UI module, by the longest name in ``UI_LAYERS`` that contains it; the
    package ``cjworkshop.ui`` itself is below them all."""
    if module == f"{PACKAGE}.ui":
        return 0
    parts = module.split(".")
    for end in range(len(parts), 2, -1):
        layer = UI_LAYERS.get(".".join(parts[:end]))
        if layer is not None:
            return layer
    return None


def test_the_graph_sees_imports_inside_functions_and_for_type_checking() -> None:
    graph = import_graph()
    # The app imports the session screen when a session opens (inside a method), and the
    # store's document only for its type hints at the top.
    assert "cjworkshop.ui.screens.session" in graph["cjworkshop.ui.app"]
    assert "cjworkshop.store.document" in graph["cjworkshop.ui.app"]
    # A step's view is imported on first visit, inside a function.
    assert "cjworkshop.ui.steps.grid" in graph["cjworkshop.ui.steps.registry"]
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def test_no_module_imports_itself_through_others() -> None:
    assert cycles(import_graph()) == []


def test_every_ui_module_has_a_layer() -> None:
    unplaced = [
        module
        for module in import_graph()
        if module.startswith(f"{PACKAGE}.ui") and ui_layer(module) is None
    ]
    assert unplaced == [], "give these a layer in UI_LAYERS"


def test_no_ui_module_imports_one_above_it() -> None:
    upward = [
        f"{module} (layer {ui_layer(module)}) imports {other} (layer {ui_layer(other)})"
        for module, imported in sorted(import_graph().items())
        if module.startswith(f"{PACKAGE}.ui.")
        for other in sorted(imported)
        if other.startswith(f"{PACKAGE}.ui.") and (ui_layer(other) or 0) > (ui_layer(module) or 0)
    ]
    assert upward == []
