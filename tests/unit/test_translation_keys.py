"""Every text the code can ask for exists in both languages.

A missing key shows as the key itself, on whichever screen asks for it, so the code is read
instead of waiting for someone to open that screen: every module of ``src/`` (the app included)
is parsed with ``ast``, and three kinds of keys are collected:

- the literal keys of ``tr("...")``, ``tr.count("...", n)`` (its ``.one`` and ``.other``),
  and ``tr.items("...")``;
- keys built at run time (``f"step.{step}"``), inside those calls or anywhere a key-shaped
  f-string is made: each placeholder is enumerated over the literal tuple a loop or
  comprehension walks, the values a local name is given, both sides of a conditional, or else
  the key's known domain in ``DOMAINS`` (the Literal types and tuples of the model). A built key
  whose domain is unknown fails the test, so a new one cannot slip by;
- string literals shaped like a key of one of the catalogs' groups (``"error.read.not_found"``
  given to a ``StoreError``, ``"grid.set_feeling"`` handed on to ``tr``, a command's
  ``help="cli.check.help"``): keys that reach the translator through a variable. A form's
  kind (``FormRequest("grid.cell", ...)``, compared with ``draft.kind``) names a form, not a
  text, and is left out.
"""

from __future__ import annotations

import ast
import itertools
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Literal, get_args, get_type_hints

import pytest

from cjworkshop.export.facilitator_guide import RUN, SECTIONS, TEXTS
from cjworkshop.export.report_tables import METRIC_COLUMNS, STAGE_COLUMNS
from cjworkshop.i18n import LANGUAGES, catalog
from cjworkshop.model.checks import CheckCode
from cjworkshop.model.decisions import SetAside
from cjworkshop.model.diff import (
    EmotionDirection,
    PainChangeKind,
    RecordChangeKind,
    RecordKind,
)
from cjworkshop.model.diff_details import (
    EvidenceSubject,
    InteractionChangeKind,
    MetricChangeKind,
    StageChangeKind,
    StageField,
    TargetChangeKind,
)
from cjworkshop.model.emotion import NAMES
from cjworkshop.model.journey_map import Lane
from cjworkshop.model.roadmap import Quadrant, SourceKind
from cjworkshop.model.room_notes import NOTE_KINDS as ROOM_NOTE_KINDS
from cjworkshop.model.session import (
    CHANNELS,
    EVIDENCE,
    HORIZONS,
    KINDS,
    MODES,
    SHAPES,
    STATUSES,
    STEPS,
    Persona,
)
from cjworkshop.model.session import LANGUAGES as SESSION_LANGUAGES
from cjworkshop.store.errors import _TYPE_NAMES
from cjworkshop.ui.autosave import SaveState
from cjworkshop.ui.steps.plot_card import NoteKind
from cjworkshop.ui.steps.plot_evidence import Marked
from cjworkshop.ui.steps.plot_stage import LINES as STAGE_LINES
from cjworkshop.ui.steps.plotting import FIELDS as WALK_FIELDS
from cjworkshop.ui.steps.walk_card import PERSONA_LINES

SOURCE = Path(__file__).resolve().parents[2] / "src"
PACKAGE = SOURCE / "cjworkshop"

Kind = Literal["text", "count", "items"]


def one(values: Iterable[object]) -> list[tuple[str, ...]]:
    return [(str(value),) for value in values]


def literal(kind: object) -> tuple[str, ...]:
    return tuple(str(value) for value in get_args(kind))


PERSONA_TEXTS = [name for name in Persona.__struct_fields__ if name not in ("id", "name")]

DOMAINS: dict[str, list[tuple[str, ...]]] = {
    "channel.{}": one(CHANNELS),
    "kind.{}": one(KINDS),
    "shape.{}": one(SHAPES),
    "mode.{}": one(MODES),
    "language.{}": one(SESSION_LANGUAGES),
    "status.{}": one(STATUSES),
    "horizon.{}": one(HORIZONS),
    "step.{}": one(STEPS),
    "solo.step.{}": one(STEPS),
    "guide.{}.questions": one(STEPS),
    "guide.{}.tips": one(STEPS),
    "quadrant.{}": one(literal(Quadrant)),
    "solo.quadrant.{}": one(literal(Quadrant)),
    "emotion.{}": one(NAMES.values()),
    "severity.{}": one(range(1, 6)),
    "save.{}": one(literal(SaveState)),
    "check.message.{}": one(literal(CheckCode)),
    "why.closed.{}": one(("done", "dropped")),  # explain.py asks only for a closed item's
    "merged.{}": one(literal(get_type_hints(SetAside)["field"])),
    "roadmap.source.{}": one(literal(SourceKind)),
    "roadmap.vote_refused.{}": one(("budget", "none")),
    "room.app.kind.{}": one(ROOM_NOTE_KINDS),  # the reasons of decisions.VoteRefused
    "diff.summary.{}.{}": list(itertools.product(literal(RecordKind), literal(RecordChangeKind))),
    "diff.record.{}.{}": list(itertools.product(literal(RecordKind), literal(RecordChangeKind))),
    "edit.plot.{}": one(WALK_FIELDS),
    # forms.persona_form asks for each text a persona has besides its name
    "field.persona.{}": one(PERSONA_TEXTS),
    "hint.persona.{}": one(PERSONA_TEXTS),
    "walk_stage.{}": one(STAGE_LINES),
    "map.lane.{}": one(literal(Lane)),
    "walk_persona.{}": one(PERSONA_LINES),
    "walk_evidence.{}": one(EVIDENCE),
    "walk_evidence.title_{}": one(literal(Marked)),
    "walk.{}.text": one(literal(NoteKind)),
    "walk.{}.hint": one(literal(NoteKind)),
    "walk.{}.add": one(literal(NoteKind)),
    "walk.{}.edit": one(literal(NoteKind)),
    "diff.emotion.{}": one(literal(EmotionDirection)),
    "diff.pain.{}": one(literal(PainChangeKind)),
    "export_v2.evidence.{}": one(EVIDENCE),
    "export_v2.stage.{}": one(STAGE_COLUMNS),
    "export_v2.metric.{}": one(METRIC_COLUMNS),
    "diff.interaction.{}": one(literal(InteractionChangeKind)),
    "diff.stage.{}": one(literal(StageChangeKind)),
    "diff.stage_field.{}": one(literal(StageField)),
    "diff.metric.{}": one(literal(MetricChangeKind)),
    "diff.target.{}": one(literal(TargetChangeKind)),
    "diff.evidence.{}": one(literal(EvidenceSubject)),
    "diff.evidence_word.{}": one(EVIDENCE),
    "error.type.{}": one({*_TYPE_NAMES.values(), "other"}),
    # errors.schema_error: which pattern a text missed, which bound a number crossed
    "error.schema.pattern_{}": one(("source", "question", "previous", "id")),
    "error.schema.bound_{}": one(("ge", "le", "gt", "lt")),
    # the facilitator's guide: every text of every page, its sections and what a step says
    "facilitator.page.{}.{}": [(page, text) for page, texts in TEXTS.items() for text in texts],
    "facilitator.page.{}.items.{}": [
        (page, name) for page, names in SECTIONS.items() for name in names
    ],
    "facilitator.section.{}": one({section for names in SECTIONS.values() for section in names}),
    "facilitator.run.{}": one(("time", *RUN)),
    "facilitator.agenda.{}": one(("opening", "break", "close")),  # a slot that is not a step
}
"""What the placeholders of a built key can be, where the code does not say it right there."""
DOMAINS_USED: set[str] = set()

GROUPS = frozenset(key.split(".")[0] for key in catalog("en"))
KEY_SHAPE = re.compile(r"[a-z][a-z0-9_]*(?:\.[a-z0-9_-]+)+")


@dataclass(frozen=True)
class Asked:
    """A key the code asks for, where it asks, and how (a text, a count, a list of texts)."""

    key: str
    kind: Kind
    where: str


class Unknown(Exception):
    """A placeholder whose values the test cannot enumerate."""


@cache
def module_tree(path: Path) -> ast.Module:
    return ast.parse(path.read_text(encoding="utf-8"), str(path))


@cache
def parents(path: Path) -> dict[ast.AST, ast.AST]:
    return {
        child: node for node in ast.walk(module_tree(path)) for child in ast.iter_child_nodes(node)
    }


def module_path(name: str) -> Path | None:
    base = SOURCE.joinpath(*name.split("."))
    for candidate in (base.with_suffix(".py"), base / "__init__.py"):
        if candidate.is_file():
            return candidate
    return None


class Resolver:
    """The values an expression of one module can have, as far as the source says."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.parents = parents(path)

    def strings(self, node: ast.expr, depth: int = 0) -> list[str]:
        if depth > 8:
            raise Unknown
        if isinstance(node, ast.Constant) and isinstance(node.value, str | int):
            return [str(node.value)]
        if isinstance(node, ast.IfExp):
            return self.strings(node.body, depth + 1) + self.strings(node.orelse, depth + 1)
        if isinstance(node, ast.JoinedStr):
            return [
                template.format(*values)
                for template, values in self.built(node, depth + 1, use_domains=False)
            ]
        if isinstance(node, ast.Name):
            return self.name(node, depth + 1)
        raise Unknown

    def built(
        self, node: ast.JoinedStr, depth: int = 0, *, use_domains: bool = True
    ) -> list[tuple[str, tuple[str, ...]]]:
        """The f-string's template (``step.{}``) and every tuple of values that can fill it."""
        template = template_of(node)
        holes = [part.value for part in node.values if isinstance(part, ast.FormattedValue)]
        try:
            choices = [self.strings(hole, depth + 1) for hole in holes]
        except Unknown:
            if not use_domains or template not in DOMAINS:
                raise
            DOMAINS_USED.add(template)
            return [(template, values) for values in DOMAINS[template]]
        return [(template, values) for values in itertools.product(*choices)]

    def name(self, node: ast.Name, depth: int) -> list[str]:
        """A loop variable over literals, or a name given literal values in its function."""
        scope: ast.AST | None = node
        while scope is not None:
            scope = self.parents.get(scope)
            for target, iterable in loops_of(scope):
                found = self.iterated(node.id, target, iterable, depth)
                if found is not None:
                    return found
            if isinstance(scope, ast.FunctionDef | ast.AsyncFunctionDef | ast.Module):
                values = self.assigned(node.id, scope, depth)
                if values is not None:
                    return values
        raise Unknown

    def iterated(
        self, name: str, target: ast.expr, iterable: ast.expr, depth: int
    ) -> list[str] | None:
        if isinstance(target, ast.Name):
            if target.id != name:
                return None
            return [value for item in self.items(iterable, depth) for value in self.strings(item)]
        if isinstance(target, ast.Tuple):
            names = [elt.id if isinstance(elt, ast.Name) else None for elt in target.elts]
            if name not in names:
                return None
            index = names.index(name)
            found: list[str] = []
            for item in self.items(iterable, depth):
                if not isinstance(item, ast.Tuple | ast.List):
                    raise Unknown
                found += self.strings(item.elts[index], depth + 1)
            return found
        return None

    def items(self, iterable: ast.expr, depth: int) -> list[ast.expr]:
        """The elements of a literal tuple or list, or of a name bound to one."""
        if isinstance(iterable, ast.Tuple | ast.List | ast.Set):
            return list(iterable.elts)
        if isinstance(iterable, ast.Name):
            value = self.literal_value(iterable.id, iterable, depth)
            if value is not None:
                return value
        raise Unknown

    def literal_value(self, name: str, at: ast.AST, depth: int) -> list[ast.expr] | None:
        scope: ast.AST | None = at
        while scope is not None:
            scope = self.parents.get(scope)
            if isinstance(scope, ast.FunctionDef | ast.AsyncFunctionDef | ast.Module):
                found = literal_elements(name, scope)
                if found is not None:
                    return found
                if isinstance(scope, ast.Module):
                    return self.imported(name, scope, depth)
        return None

    def imported(self, name: str, module: ast.Module, depth: int) -> list[ast.expr] | None:
        for node in module.body:
            if (
                isinstance(node, ast.ImportFrom)
                and node.module
                and not node.level
                and any(alias.name == name and alias.asname is None for alias in node.names)
            ):
                path = module_path(node.module)
                if path is None:
                    return None
                other = Resolver(path)
                return other.literal_value(name, module_tree(path).body[0], depth + 1)
        return None

    def assigned(self, name: str, scope: ast.AST, depth: int) -> list[str] | None:
        values = [
            value
            for node in ast.walk(scope)
            if (value := assigned_value(node, name)) is not None
            and not isinstance(value, ast.Tuple | ast.List | ast.Set)
        ]
        if not values:
            return None
        return [text for value in values for text in self.strings(value, depth + 1)]


def literal_elements(name: str, scope: ast.AST) -> list[ast.expr] | None:
    """The elements a name is given in a scope: a literal, and what ``append`` adds to it."""
    elements: list[ast.expr] | None = None
    for node in ast.walk(scope):
        value = assigned_value(node, name)
        if value is not None:
            if not isinstance(value, ast.Tuple | ast.List | ast.Set):
                return None
            elements = [*(elements or []), *value.elts]
    if elements is None:
        return None
    for node in ast.walk(scope):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and isinstance(node.func.value, ast.Name)
            and node.func.value.id == name
        ):
            if node.func.attr == "append" and len(node.args) == 1:
                elements.append(node.args[0])
            elif node.func.attr in ("extend", "insert"):
                raise Unknown
        elif (
            isinstance(node, ast.AugAssign)
            and isinstance(node.target, ast.Name)
            and node.target.id == name
        ):
            raise Unknown
    return elements


def assigned_value(node: ast.AST, name: str) -> ast.expr | None:
    if isinstance(node, ast.Assign) and any(
        isinstance(target, ast.Name) and target.id == name for target in node.targets
    ):
        return node.value
    if (
        isinstance(node, ast.AnnAssign)
        and isinstance(node.target, ast.Name)
        and node.target.id == name
    ):
        return node.value
    return None


def loops_of(node: ast.AST | None) -> Iterator[tuple[ast.expr, ast.expr]]:
    if isinstance(node, ast.For | ast.AsyncFor):
        yield node.target, node.iter
    if isinstance(node, ast.ListComp | ast.SetComp | ast.GeneratorExp | ast.DictComp):
        for generator in node.generators:
            yield generator.target, generator.iter


def template_of(node: ast.JoinedStr) -> str:
    return "".join(
        "{}" if isinstance(part, ast.FormattedValue) else str(getattr(part, "value", ""))
        for part in node.values
    )


def is_translator(node: ast.expr) -> bool:
    return (isinstance(node, ast.Name) and node.id == "tr") or (
        isinstance(node, ast.Attribute) and node.attr == "tr"
    )


def translation_call(node: ast.Call) -> Kind | None:
    func = node.func
    if is_translator(func):
        return "text"
    if isinstance(func, ast.Attribute) and func.attr in ("count", "items"):
        return "count" if func.attr == "count" else "items"
    return None


def names_a_form(node: ast.Constant, parent: ast.AST | None) -> bool:
    """``FormRequest("grid.cell", ...)``, ``kind="grid.cell"``, ``draft.kind == "grid.cell"``."""
    if isinstance(parent, ast.Compare):
        operands = [parent.left, *parent.comparators]
        return any(isinstance(side, ast.Attribute) and side.attr == "kind" for side in operands)
    if isinstance(parent, ast.keyword):
        return parent.arg == "kind"
    return (
        isinstance(parent, ast.Call)
        and isinstance(parent.func, ast.Name)
        and parent.func.id == "FormRequest"
        and bool(parent.args)
        and parent.args[0] is node
    )


def starts_like_a_key(text: str) -> bool:
    head, dot, _ = text.partition(".")
    return bool(dot) and head in GROUPS


@dataclass
class Findings:
    asked: list[Asked]
    unknown: list[str]
    """Built keys whose values the test cannot enumerate: each needs a ``DOMAINS`` entry."""


def collect(paths: Iterable[Path]) -> Findings:
    findings = Findings([], [])
    for path in paths:
        Module(path, findings).collect()
    return findings


class Module:
    """The keys one module asks for, added to ``findings``."""

    def __init__(self, path: Path, findings: Findings) -> None:
        self.tree = module_tree(path)
        self.resolver = Resolver(path)
        self.findings = findings
        self.seen: set[int] = set()
        self.where = str(path.relative_to(SOURCE)) if path.is_relative_to(SOURCE) else path.name

    def collect(self) -> None:
        for node in ast.walk(self.tree):
            if isinstance(node, ast.Call) and node.args:
                kind = translation_call(node)
                func = node.func
                if kind == "text" or (
                    kind is not None
                    and isinstance(func, ast.Attribute)
                    and is_translator(func.value)
                ):
                    self.ask(node.args[0], kind, node.lineno)
        parents = self.resolver.parents
        for node in ast.walk(self.tree):
            if id(node) in self.seen:
                continue
            if isinstance(node, ast.JoinedStr):
                head = node.values[0] if node.values else None
                if (
                    isinstance(head, ast.Constant)
                    and isinstance(head.value, str)
                    and starts_like_a_key(head.value)
                    and not isinstance(parents.get(node), ast.FormattedValue)
                ):
                    self.ask(node, "text", node.lineno)
            elif (
                isinstance(node, ast.Constant)
                and isinstance(node.value, str)
                and KEY_SHAPE.fullmatch(node.value)
                and starts_like_a_key(node.value)
                and not isinstance(parents.get(node), ast.JoinedStr)
                and not names_a_form(node, parents.get(node))
            ):
                self.findings.asked.append(Asked(node.value, "text", f"{self.where}:{node.lineno}"))

    def ask(self, node: ast.expr, kind: Kind, line: int) -> None:
        self.seen.add(id(node))
        place = f"{self.where}:{line}"
        if isinstance(node, ast.JoinedStr):
            try:
                built = self.resolver.built(node)
            except Unknown:
                self.findings.unknown.append(f"{place}: {template_of(node)}")
                return
            keys = [template.format(*values) for template, values in built]
        else:
            try:
                keys = self.resolver.strings(node)
            except Unknown:
                return  # a key that travels through a variable: see the key-shaped literals
        self.findings.asked += [Asked(key, kind, place) for key in keys]


def missing(asked: Iterable[Asked], texts: Mapping[str, str | list[str]]) -> list[str]:
    gaps = []
    for item in asked:
        if item.kind == "count":
            needed = [f"{item.key}.one", f"{item.key}.other"]
        elif item.kind == "text" and item.key not in texts and f"{item.key}.one" in texts:
            needed = [f"{item.key}.one", f"{item.key}.other"]  # handed on to tr.count
        else:
            needed = [item.key]
        for key in needed:
            if key not in texts:
                gaps.append(f"{item.where}: {key}")
            elif (item.kind == "items") != isinstance(texts[key], list):
                gaps.append(f"{item.where}: {key} is not a {item.kind}")
    return sorted(set(gaps))


@cache
def findings() -> Findings:
    """What the package's modules ask for, read once when a test first needs it: reading every
    module takes about a second, which collecting the suite would cost each test process."""
    return collect(sorted(PACKAGE.rglob("*.py")))


def test_every_built_key_has_a_known_domain() -> None:
    assert findings().unknown == []


def test_every_domain_is_one_the_code_builds_keys_from() -> None:
    findings()  # the walk notes every domain a key is built from
    assert sorted(set(DOMAINS) - DOMAINS_USED) == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_key_the_code_asks_for_is_in_the_catalog(language: str) -> None:
    assert missing(findings().asked, catalog(language)) == []


def test_the_walk_finds_keys_of_every_kind() -> None:
    keys = {item.key for item in findings().asked}
    assert {"save.saved", "step.goals", "channel.word-of-mouth", "emotion.very_negative"} <= keys
    assert {"cli.help", "error.read.not_found", "diff.record.goal.renamed"} <= keys
    assert len(keys) > 500


SAMPLE = """
def draw(tr, status, solo):
    tr("plain.key")
    tr.count("counted", 3)
    tr.items("guide.goals.questions")
    tr(f"save.{status.state}")
    tr("a.one" if solo else "a.other")
    for column in ("x", "y"):
        tr(f"table.{column}")
    return [tr(f"pair.{kind}") for kind, _ in (("k", 1), ("l", 2))]

def report(tr, extra):
    parts = [("a", 1)]
    if extra:
        parts.append(("b", 2))
    for key, _ in parts:
        tr(f"section.{key}")

def odd(tr, mystery):
    tr(f"channel.{mystery.lunch}")
    tr(f"nowhere.{mystery}")
"""


def test_the_walk_reads_literals_loops_conditionals_and_domains(tmp_path: Path) -> None:
    path = tmp_path / "sample.py"
    path.write_text(SAMPLE, encoding="utf-8")
    findings = collect([path])
    asked = {(item.key, item.kind) for item in findings.asked}
    assert {
        ("plain.key", "text"),
        ("counted", "count"),
        ("guide.goals.questions", "items"),
        ("save.read-only", "text"),
        ("a.one", "text"),
        ("a.other", "text"),
        ("table.x", "text"),
        ("table.y", "text"),
        ("pair.k", "text"),
        ("pair.l", "text"),
        ("channel.web", "text"),
        ("section.a", "text"),
        ("section.b", "text"),
    } <= asked
    assert [entry.rsplit(": ", 1)[1] for entry in findings.unknown] == ["nowhere.{}"]


def test_a_missing_key_is_named_with_its_place() -> None:
    asked = [Asked("step.goals", "text", "x.py:1"), Asked("count.personas", "count", "x.py:2")]
    assert missing(asked, {"step.goals": "Goals", "count.personas.one": "1"}) == [
        "x.py:2: count.personas.other"
    ]
