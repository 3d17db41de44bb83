"""What the roadmap step shows: its rows, grouped by horizon, and the card of an item.

The rows are Now, Next and Later, then the items done or dropped, each under a heading with its
count, then old decisions whose items are gone (which d forgets). The card under the table says
why an item ranks where it does, where it comes from, who voted for it and what the room noted.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text

from cjworkshop.export.explain import horizon_name, why
from cjworkshop.i18n import Translator
from cjworkshop.model.metric_lines import number
from cjworkshop.model.roadmap import RankedItem
from cjworkshop.model.session import HORIZONS, RoadmapItem, Session
from cjworkshop.ui.widgets.record_table import Cell
from cjworkshop.ui.widgets.text import first_line

ITEM = "item:"
ORPHAN = "orphan:"
HEADER = "h:"
"""The keys of the table's rows: an item, an old decision whose item is gone, a heading."""

Row = tuple[str, list[Cell]]


def place(item: RankedItem) -> tuple[str, int]:
    """The group an item is listed in (a horizon, or closed) and its rank."""
    return ("closed" if item.status in ("done", "dropped") else item.horizon), item.rank


def group_name(tr: Translator, group: str) -> str:
    return tr("roadmap.closed") if group == "closed" else horizon_name(tr, group)


def _heading(key: str, label: str) -> Row:
    return HEADER + key, ["", Text(f"▸ {label}", style="bold"), "", "", "", ""]


def item_cells(tr: Translator, item: RankedItem, *, marked: bool) -> list[Cell]:
    """An item's row: rank, title (with its dots and a set horizon), score, effort (yellow
    while it is not set), owner, status; a dropped item struck through."""
    marker = "◆ " if marked else ""
    effort = str(item.factors.effort) if item.factors.effort_set else "?"
    dots = f" •{item.factors.dots}" if item.factors.dots else ""
    horizon_mark = " ⚑" if item.horizon_overridden else ""
    return [
        str(item.rank),
        Text(
            marker + first_line(item.title) + dots + horizon_mark,
            style="strike dim" if item.status == "dropped" else "",
        ),
        tr.decimal(number(item.factors.score)),
        Text(effort, style="" if item.factors.effort_set else "yellow"),
        first_line(item.owner),
        tr(f"status.{item.status}"),
    ]


def roadmap_rows(
    tr: Translator,
    items: Sequence[RankedItem],
    stale: Sequence[RoadmapItem],
    marked: str | None,
) -> list[Row]:
    """Every row of the table: the items by group, then the old decisions in ``stale``."""
    rows: list[Row] = []
    groups: list[tuple[str, list[RankedItem]]] = [
        (horizon, [i for i in items if place(i)[0] == horizon]) for horizon in HORIZONS
    ]
    groups.append(("closed", [i for i in items if place(i)[0] == "closed"]))
    for group, members in groups:
        if not members:
            continue
        rows.append(_heading(group, f"{group_name(tr, group)} ({len(members)})"))
        rows.extend(
            (ITEM + item.id, item_cells(tr, item, marked=item.id == marked)) for item in members
        )
    if stale:
        rows.append(_heading("orphans", tr("roadmap.orphans")))
        for record in stale:
            title = Text(first_line(record.title or record.id), style="dim")
            rows.append((ORPHAN + record.id, ["", title, "", "", "", ""]))
    return rows


def item_card(tr: Translator, session: Session, item: RankedItem) -> Text:
    """Why the item ranks where it does, where it comes from, the votes and the room's note."""
    names = {p.id: p.name for p in session.personas}
    touchpoints = {t.id: t.name for t in session.touchpoints}
    text = Text(item.title + "\n", style="bold")
    explained = why(tr, item)
    warning = tr("why_evidence.assumed")
    if item.assumed and explained.endswith(warning):
        # The warning is part of the why (the Markdown carries it too); here it stands out.
        text.append(explained[: -len(warning)], style="italic")
        text.append(warning + "\n", style="bold yellow")
    else:
        text.append(explained + "\n", style="italic")
    text.append(_quadrant_line(tr, session, item) + "\n")
    # An item of answers alone names each question in its why already.
    answers_only = all(found.answer is not None for found in item.evidence)
    for found in item.evidence:
        if answers_only:
            break
        where = ", ".join(touchpoints.get(t, t) for t in found.touchpoints)
        who = ", ".join(names.get(p, p) for p in sorted(found.personas))
        text.append(f"{tr(f'roadmap.source.{found.kind}')}: ", style="bold dim")
        # An answer's item is titled by what to do; the question it answers says why.
        text.append(found.question if found.kind == "assessment" else found.text)
        if where:
            text.append(f"  — {where}", style="dim")
        if who and found.kind != "assessment":
            text.append(f" ({who})", style="dim")
        text.append("\n")
    votes = [v for v in session.votes if v.item == item.id]
    if votes:
        text.append(tr("roadmap.card.votes") + " ", style="bold dim")
        text.append(", ".join(f"{v.participant} {v.dots}" for v in votes) + "\n")
    if item.decision is not None and item.decision.note:
        text.append(item.decision.note + "\n", style="dim")
    return text


def _quadrant_line(tr: Translator, session: Session, item: RankedItem) -> str:
    """Impact against effort in the method's words; to an owner alone with what they mean."""
    quadrant = tr(f"quadrant.{item.quadrant}") if item.quadrant else tr("quadrant.none")
    if session.mode != "self-assessment":
        return tr("roadmap.card.quadrant", quadrant=quadrant)
    if item.quadrant is None:
        return tr("solo.roadmap.card.no_quadrant")
    meaning = tr(f"solo.quadrant.{item.quadrant}")
    return tr("solo.roadmap.card.quadrant", quadrant=quadrant, meaning=meaning)
