"""Three-way merge of two versions of a session by meaning: records by id, fields by name.

Two people change the same session on two branches; ``merge(base, ours, theirs)`` combines
their work the way a facilitator would, not line by line:

- every collection is matched by its key: goals, personas, phases, touchpoints and roadmap items
  by id, plots by persona and touchpoint, votes by participant and item, answers by question,
  parked topics, pain points and opportunities by their words, interactions by name, figures by
  name and date, timeboxes by step;
- a record added on one side is added; one removed on one side and left alone on the other is
  removed; within a record that both kept, each field is taken from the side that changed it,
  and nested collections (a plot's pain points, a touchpoint's interactions) merge the same way;
- records keep ours's order, with theirs's additions after the record they follow there;
- a real conflict, the same field changed to two different values, keeps ours and records theirs
  as a ``Conflict`` in the session, for ``check`` to list and the app to offer; so does a record
  removed on one side and changed on the other (the changed one is kept: nothing is lost);
- a record still referred to (a persona with plots, a touchpoint with plots, a phase with
  touchpoints) is kept even where one side removed it, with a conflict saying so.

The result is a valid session; ``updated`` is the later of the two.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar

import msgspec
from msgspec.structs import replace

from cjworkshop.model.ids import text_key
from cjworkshop.model.session import Conflict, Session

T = TypeVar("T", bound=msgspec.Struct)
Key = Callable[[Any], Hashable]


def _by_id(record: Any) -> Hashable:
    key: Hashable = record.id
    return key


KEYS: dict[str, Key] = {
    "goals": _by_id,
    "personas": _by_id,
    "phases": _by_id,
    "touchpoints": _by_id,
    "roadmap": _by_id,
    "plots": lambda plot: (plot.persona, plot.touchpoint),
    "votes": lambda vote: (vote.participant, vote.item),
    "assessment": lambda answer: answer.question,
    "parking_lot": lambda note: text_key(note.text),
    "pain_points": lambda pain: text_key(pain.text),
    "opportunities": lambda idea: text_key(idea.text),
    "interactions": lambda interaction: text_key(interaction.name),
    "metrics": lambda metric: (text_key(metric.name), metric.date),
}
"""How the records of every collection in a session are matched across versions."""

NOT_MERGED = frozenset({"schema_version", "created", "updated", "conflicts"})


@dataclass
class _Merge:
    conflicts: list[Conflict] = field(default_factory=list)

    def conflict(self, where: str, kept: object, other: object) -> None:
        """``kept`` is in the merged session, ``other`` the other side's (None: removed there)."""
        place = where.lstrip(".")
        self.conflicts.append(Conflict(where=place, kept=_encoded(kept), other=_encoded(other)))

    def record(self, where: str, base: T | None, ours: T, theirs: T) -> T:
        """One record both sides kept (or both added): field by field."""
        changes: dict[str, Any] = {}
        for name in ours.__struct_fields__:
            if name in NOT_MERGED:
                continue
            b = getattr(base, name) if base is not None else None
            o, t = getattr(ours, name), getattr(theirs, name)
            if o == t or t == b:
                continue
            if o == b:
                changes[name] = t
            elif name in KEYS:
                changes[name] = tuple(self.collection(f"{where}.{name}", name, b or (), o, t))
            elif name == "timebox":
                changes[name] = self.timebox(where, b or {}, o, t)
            else:
                self.conflict(f"{where}.{name}", o, t)
        return replace(ours, **changes) if changes else ours

    def collection(
        self, where: str, name: str, base: Sequence[T], ours: Sequence[T], theirs: Sequence[T]
    ) -> list[T]:
        key = KEYS[name]
        b = {key(item): item for item in base}
        o = {key(item): item for item in ours}
        t = {key(item): item for item in theirs}
        merged: dict[Hashable, T] = {}
        for k in _order([list(o), list(t)]):
            here = f"{where}[{_label(k)}]"
            old, mine, yours = b.get(k), o.get(k), t.get(k)
            if mine is not None and yours is not None:
                merged[k] = self.record(here, old, mine, yours)
            elif old is None:  # added on one side
                merged[k] = mine if mine is not None else yours  # type: ignore[assignment]
            elif mine is None and yours is not None and yours != old:
                self.conflict(here, yours, None)  # removed by us, changed by them: kept
                merged[k] = yours
            elif yours is None and mine is not None and mine != old:
                self.conflict(here, mine, None)  # changed by us, removed by them: kept
                merged[k] = mine
            # else: removed on one side, untouched on the other: removed
        return list(merged.values())

    def timebox(
        self, where: str, base: dict[Any, Any], ours: dict[Any, Any], theirs: dict[Any, Any]
    ) -> dict[Any, Any]:
        result: dict[Any, Any] = {}
        for step in _order([list(ours), list(theirs)]):
            b, o, t = base.get(step), ours.get(step), theirs.get(step)
            if o is not None and t is not None:
                result[step] = self.record(f"{where}.timebox[{step}]", b, o, t)
            elif o is not None or t is not None:
                result[step] = o if o is not None else t
        return result


def merge(base: Session, ours: Session, theirs: Session) -> Session:
    """Ours and theirs combined; what cannot be combined is kept as ours, theirs noted."""
    work = _Merge()
    merged = work.record("", base, ours, theirs)
    merged = _keep_referred(work, merged, base, ours, theirs)
    conflicts = _unique((*ours.conflicts, *theirs.conflicts, *work.conflicts))
    return replace(merged, updated=max(ours.updated, theirs.updated), conflicts=conflicts)


def _keep_referred(work: _Merge, merged: Session, *versions: Session) -> Session:
    """Bring back what one side removed while the merged session still refers to it."""

    def restore(name: str, wanted: set[str], have: tuple[Any, ...]) -> tuple[Any, ...]:
        present = {item.id for item in have}
        missing = wanted - present
        back: list[Any] = []
        for record_id in sorted(missing):
            found = next(
                (item for v in versions for item in getattr(v, name) if item.id == record_id), None
            )
            if found is not None:
                work.conflict(f"{name}[{record_id}]", found, None)
                back.append(found)
        return (*have, *back)

    personas = restore("personas", {p.persona for p in merged.plots}, merged.personas)
    touchpoints = restore("touchpoints", {p.touchpoint for p in merged.plots}, merged.touchpoints)
    phases = restore("phases", {t.phase for t in touchpoints}, merged.phases)
    return replace(merged, personas=personas, touchpoints=touchpoints, phases=phases)


def take_other(session: Session, conflict: Conflict) -> Session:
    """Resolve one conflict with the other version (``other`` empty: the record removed).

    Raises ``ValueError`` when the session would no longer be valid that way."""
    value = msgspec.json.decode(conflict.other.encode()) if conflict.other else None
    resolved = _apply(session, _path(conflict.where), value)
    rest = tuple(c for c in session.conflicts if c != conflict)
    return replace(resolved, conflicts=rest)


def _path(where: str) -> list[tuple[str, str | None]]:
    """``touchpoints[website].name`` → [("touchpoints", "website"), ("name", None)]."""
    parts: list[tuple[str, str | None]] = []
    for piece in where.split("."):
        name, _, label = piece.partition("[")
        parts.append((name, label[:-1] if label else None))
    return parts


def _apply(record: T, path: list[tuple[str, str | None]], value: object) -> T:
    """The record with the value at the path (a record's builtins; None removes it)."""
    (name, label), rest = path[0], path[1:]
    current = getattr(record, name)
    if label is None:
        if rest:
            return replace(record, **{name: _apply(current, rest, value)})
        return _with_field(record, name, value)
    if isinstance(current, dict):  # the timebox, by step
        if rest:
            changed = {**current, label: _apply(current[label], rest, value)}
            return replace(record, **{name: changed})
        steps = {step: _builtins(time) for step, time in current.items() if step != label}
        return _with_field(record, name, steps if value is None else {**steps, label: value})
    items = list(current)
    found = [i for i, item in enumerate(items) if _label(KEYS[name](item)) == label]
    if rest:
        items[found[0]] = _apply(items[found[0]], rest, value)
        return replace(record, **{name: tuple(items)})
    raw = [_builtins(item) for i, item in enumerate(items) if value is not None or i not in found]
    if value is not None:
        if found:
            raw[found[0]] = value
        else:
            raw.append(value)
    return _with_field(record, name, raw)


def _with_field(record: T, name: str, value: object) -> T:
    """The record with one field set from builtins, converted and checked by the model."""
    data = _builtins(record)
    if value is None:
        data.pop(name, None)
    else:
        data[name] = value
    try:
        return msgspec.convert(data, type(record), builtin_types=(dt.datetime, dt.date))
    except msgspec.ValidationError as error:
        raise ValueError(str(error)) from None


def _builtins(record: object) -> Any:
    return msgspec.to_builtins(record, builtin_types=(dt.datetime, dt.date))


def _label(key: Hashable) -> str:
    if isinstance(key, tuple):
        return "/".join("" if part is None else str(part) for part in key)
    return str(key)


def _order(sequences: list[list[Hashable]]) -> list[Hashable]:
    """Ours's order, with theirs's new keys placed after the key they follow there."""
    result = list(sequences[0])
    known = set(result)
    for sequence in sequences[1:]:
        previous: Hashable | None = None
        for key in sequence:
            if key not in known:  # rare: a list search only for what the other side added
                at = result.index(previous) + 1 if previous is not None else 0
                result.insert(at, key)
                known.add(key)
            previous = key
    return result


def _encoded(value: object) -> str:
    if value is None:
        return ""
    return msgspec.json.encode(value).decode("utf-8")


def _unique(conflicts: Sequence[Conflict]) -> tuple[Conflict, ...]:
    return tuple(dict.fromkeys(conflicts))
