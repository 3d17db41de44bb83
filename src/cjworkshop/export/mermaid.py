"""Mermaid diagrams: each persona's journey, and the roadmap's impact against effort.

The ``journey`` diagram follows Mermaid's journey grammar: ``title`` and ``section`` lines, then
one ``task: score: actor`` line per touchpoint, where the score is a whole number 1..5 (emotion
-2..+2 plus three). Names never contain ``:``, ``#``, ``;`` or a line break, which the grammar
reserves (see ``escape.mermaid``). Mermaid draws every task in a box of 150 by 50 pixels and
wraps its name in it: a third line spills out of the box, so task and section names keep at
most ``NAME_LENGTH`` characters, cut after a whole word and marked with "…". The journey table
beside the diagram keeps the full names.

The ``quadrantChart`` places every open item with a known effort: effort to the right, impact
up, the lines between quadrants at effort 2|3 and half the top impact, the same lines that
decide an item's quadrant in ``model.roadmap``. Its quadrants carry the words of ``quadrant.*``,
the ones the roadmap tables and the app use.
"""

from __future__ import annotations

from typing import Final

from cjworkshop.export.escape import mermaid
from cjworkshop.i18n import Translator
from cjworkshop.model.emotion import journey_score
from cjworkshop.model.queries import personas_by_id, phases_by_id, plot_index, touchpoints_in_order
from cjworkshop.model.roadmap import RankedItem
from cjworkshop.model.session import Session

INDENT: Final = "    "
EFFORT_X: Final[dict[int, float]] = {1: 0.1, 2: 0.3, 3: 0.6, 4: 0.75, 5: 0.9}
"""Effort 1..2 left of the middle line, 3..5 right of it, as ``model.roadmap`` splits them."""
QUADRANTS: Final = ("big-bet", "quick-win", "fill-in", "money-pit")
"""Mermaid's quadrant-1 to quadrant-4: top right, top left, bottom left, bottom right."""
NAME_LENGTH: Final = 24
"""The most of a task or section name a journey keeps: two lines of its box in any font."""


def shortened(text: str, limit: int) -> str:
    """The text on one line; a longer one cut after the last whole word within ``limit``
    characters, and "…" after it (a single word longer than that is cut inside)."""
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat
    head = flat[:limit]
    if flat[limit] != " " and " " in head:
        head = head.rsplit(" ", 1)[0]
    return head.rstrip(" ,.;:-–—") + "…"


def journey_diagram(session: Session, persona_id: str) -> str | None:
    """One persona's journey; None when no touchpoint has a feeling for this persona yet."""
    persona = personas_by_id(session)[persona_id]
    phases = phases_by_id(session)
    plots = plot_index(session)
    actor = mermaid(persona.name)
    lines = ["journey", f"{INDENT}title {mermaid(persona.name)}"]
    current_phase = None
    tasks = 0
    for touchpoint in touchpoints_in_order(session):
        plot = plots.get((persona_id, touchpoint.id))
        if plot is None or not plot.relevant or plot.emotion is None:
            continue
        if touchpoint.phase != current_phase:
            current_phase = touchpoint.phase
            phase = phases.get(current_phase)
            section = shortened(phase.name if phase else current_phase, NAME_LENGTH)
            lines.append(f"{INDENT}section {mermaid(section)}")
        score = journey_score(plot.emotion)
        task = mermaid(shortened(touchpoint.name, NAME_LENGTH))
        lines.append(f"{INDENT * 2}{task}: {score}: {actor}")
        tasks += 1
    return "\n".join(lines) if tasks else None


def quadrant_point(item: RankedItem, top_impact: float) -> tuple[float, float]:
    """Where an item sits: x from its effort, y from its impact against the top impact."""
    share = item.factors.impact / top_impact if top_impact > 0 else 0.0
    y = 0.05 + 0.9 * min(1.0, max(0.0, share))
    return EFFORT_X[item.factors.effort], round(y, 3)


def charted(items: list[RankedItem]) -> list[RankedItem]:
    """The items the quadrant chart shows: open or in progress, with an effort the room set."""
    return [i for i in items if i.status in ("open", "doing") and i.factors.effort_set]


def quadrant_chart(items: list[RankedItem], tr: Translator, title: str) -> str | None:
    """Impact against effort for the items with a known effort; None when there are none."""
    shown = charted(items)
    if not shown:
        return None
    top_impact = max(
        (i.factors.impact for i in items if i.status in ("open", "doing")), default=0.0
    )

    def quoted(key: str) -> str:
        return '"' + mermaid(tr(key)) + '"'

    lines = [
        "quadrantChart",
        f"{INDENT}title {mermaid(title)}",
        f"{INDENT}x-axis {quoted('export.chart.effort_low')} --> "
        f"{quoted('export.chart.effort_high')}",
        f"{INDENT}y-axis {quoted('export.chart.impact_low')} --> "
        f"{quoted('export.chart.impact_high')}",
    ]
    lines += [
        f"{INDENT}quadrant-{number} {quoted(f'quadrant.{quadrant}')}"
        for number, quadrant in enumerate(QUADRANTS, start=1)
    ]
    for item in shown:
        x, y = quadrant_point(item, top_impact)
        label = mermaid(f"{item.rank}. {item.title}")
        lines.append(f'{INDENT}"{label}": [{x}, {y}]')
    return "\n".join(lines)


def all_diagrams(
    session: Session, items: list[RankedItem], tr: Translator
) -> list[tuple[str, str]]:
    """Every diagram of a session with its heading: one journey per persona, then the roadmap."""
    found = []
    for persona in session.personas:
        diagram = journey_diagram(session, persona.id)
        if diagram is not None:
            found.append((tr("export.journey_of", name=persona.name), diagram))
    chart = quadrant_chart(items, tr, tr("export.chart.title", title=session.title))
    if chart is not None:
        found.append((tr("export.chart.heading"), chart))
    return found
