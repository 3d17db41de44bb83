"""The review's list of merge conflicts: what two branches changed differently, both versions.

``cjworkshop merge`` keeps ours and notes theirs in the session; here the room sees each one, the
first marked, with the keys that decide it: take the other version, or keep this one.
"""

from __future__ import annotations

import json

from rich import box
from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from cjworkshop.i18n import Translator
from cjworkshop.model.roadmap import roadmap
from cjworkshop.model.session import Session

SHOWN = 40
"""The longest value a cell shows; the rest is in the session file."""


def shown_value(tr: Translator, value: str) -> str:
    """A conflict's value as a person reads it: text without quotes, a record by its name."""
    if not value:
        return tr("review_conflicts.removed")
    decoded = json.loads(value)
    if isinstance(decoded, dict):
        decoded = next(
            (decoded[k] for k in ("name", "title", "text", "what", "id") if k in decoded), decoded
        )
    text = decoded if isinstance(decoded, str) else json.dumps(decoded, ensure_ascii=False)
    text = " ".join(str(text).split())
    return text if len(text) <= SHOWN else text[: SHOWN - 1] + "…"


def where_text(session: Session, where: str, titles: dict[str, str]) -> str:
    """``touchpoints[website].name`` as the room knows it: ``Collectie op de website › name``;
    ``titles`` are the roadmap items' titles by id."""
    names: dict[str, dict[str, str]] = {
        "goals": {g.id: g.what for g in session.goals},
        "personas": {p.id: p.name for p in session.personas},
        "phases": {p.id: p.name for p in session.phases},
        "touchpoints": {t.id: t.name for t in session.touchpoints},
    }
    parts = []
    for piece in where.split("."):
        collection, _, label = piece.partition("[")
        label = label.removesuffix("]")
        if not label:
            parts.append(collection)
        elif collection == "roadmap":
            parts.append(titles.get(label, label))
        elif collection == "plots":
            persona, _, touchpoint = label.partition("/")
            person = names["personas"].get(persona, persona)
            parts.append(f"{person} × {names['touchpoints'].get(touchpoint, touchpoint)}")
        else:
            parts.append(names.get(collection, {}).get(label, label))
    return " › ".join(parts)


def conflicts_part(tr: Translator, session: Session) -> RenderableType:
    conflicts = session.conflicts
    # The roadmap's titles, ranked once and only when a conflict names an item.
    names_items = any(c.where.startswith("roadmap[") for c in conflicts)
    titles = {item.id: item.title for item in roadmap(session)} if names_items else {}
    heading = Text(tr.count("review_conflicts.title", len(conflicts)), style="bold yellow")
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, expand=True)
    table.add_column("", no_wrap=True)
    table.add_column(tr("review_conflicts.where"), ratio=2, overflow="fold")
    table.add_column(tr("review_conflicts.kept"), ratio=2, overflow="fold")
    table.add_column(tr("review_conflicts.other"), ratio=2, overflow="fold")
    for number, conflict in enumerate(conflicts):
        table.add_row(
            "▶" if number == 0 else "",
            Text(where_text(session, conflict.where, titles)),
            Text(shown_value(tr, conflict.kept)),
            Text(shown_value(tr, conflict.other)),
            style="bold" if number == 0 else None,
        )
    hint = Text(tr("review_conflicts.hint"), style="dim")
    return Group(heading, hint, table, Text())
