"""Mermaid diagrams: each persona's journey, and the roadmap's impact against effort.

The ``journey`` diagram follows Mermaid's journey grammar: ``title`` and ``section`` lines, then
one ``task: score: actor`` line per touchpoint, where the score is a whole number 1..5 (emotion
-2..+2 plus three). Names never contain ``:``, ``#``, ``;`` or a line break, which the grammar
reserves (see ``escape.mermaid``). Mermaid draws every task in a box of 150 by 50 pixels and
wraps its name in it: a third line spills out of the box, so task and section names keep at
most ``NAME_LENGTH`` characters, cut after a whole word and marked with "…". The journey table
beside the diagram keeps the full names.

The ``quadrantChart`` draws the points of ``quadrant.quadrant_layout``, each labelled with the
item's rank and nothing else: an item's name runs into its neighbours and off the chart, while
the rank leads to the row of the roadmap table where the whole item stands. The quadrants carry
the words of ``quadrant.*``, the ones the tables and the app use. Open items whose effort is not
set are not drawn (``quadrant`` says why); the note under the chart names them. Coordinates are
written as Mermaid's grammar takes them: ``0``, ``1`` or ``0.`` and at most three decimals.
"""

from __future__ import annotations

from typing import Final

from cjworkshop.export.escape import mermaid
from cjworkshop.export.quadrant import SCALE, QuadrantLayout, quadrant_layout
from cjworkshop.i18n import Translator
from cjworkshop.model.emotion import journey_score
from cjworkshop.model.queries import personas_by_id, phases_by_id, plot_index, touchpoints_in_order
from cjworkshop.model.roadmap import RankedItem
from cjworkshop.model.session import Session

INDENT: Final = "    "
NAME_LENGTH: Final = 24
"""The most of a task or section name a journey keeps: two lines of its box in any font."""
TITLE_LENGTH: Final = 50
"""The longest chart title that fits across the chart's 500 pixels at Mermaid's 20 pixel title
size (the Dutch example's 49 characters take 452)."""
QUADRANTS: Final = ("big-bet", "quick-win", "fill-in", "money-pit")
"""Mermaid's quadrant-1 to quadrant-4: top right, top left, bottom left, bottom right."""


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


def coordinate(thousandths: int) -> str:
    """``0``, ``1`` or ``0.`` and one to three decimals, as Mermaid's point grammar takes them."""
    if thousandths <= 0:
        return "0"
    if thousandths >= SCALE:
        return "1"
    return f"0.{thousandths:03d}".rstrip("0")


def quadrant_chart(layout: QuadrantLayout, tr: Translator, session_title: str) -> str:
    """Impact against effort, with a point numbered by its rank for every placed item; the
    session's title in the chart's own is cut to fit, as Mermaid would cut it at both ends."""
    room = TITLE_LENGTH - len(tr("export.chart.title", title=""))
    title = tr("export.chart.title", title=shortened(session_title, max(room, 12)))

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
    for point in layout.points:
        lines.append(f'{INDENT}"{point.item.rank}": [{coordinate(point.x)}, {coordinate(point.y)}]')
    return "\n".join(lines)


def journey_diagrams(session: Session, tr: Translator) -> list[tuple[str, str]]:
    """Every persona's journey with its heading, for the personas with a feeling somewhere."""
    found = []
    for persona in session.personas:
        diagram = journey_diagram(session, persona.id)
        if diagram is not None:
            found.append((tr("export.journey_of", name=persona.name), diagram))
    return found


def diagram_files(
    session: Session, tr: Translator, items: list[RankedItem]
) -> list[tuple[str, str]]:
    """Every diagram as a file of its own (``.mmd`` holds one diagram): each persona's journey,
    named by the persona's id, and the roadmap's chart, each headed by a Mermaid comment."""
    files = []
    for persona in session.personas:
        diagram = journey_diagram(session, persona.id)
        if diagram is not None:
            heading = tr("export.journey_of", name=persona.name)
            files.append((f"journey-{persona.id}", f"%% {_comment(heading)}\n{diagram}\n"))
    layout = quadrant_layout(items)
    if layout.points:
        chart = quadrant_chart(layout, tr, session.title)
        heading = tr("export.chart.heading")
        files.append(("roadmap", f"%% {_comment(heading)}\n{chart}\n"))
    return files


def _comment(text: str) -> str:
    return " ".join(text.split())
