"""The report as one self-contained HTML page: what the Markdown report holds, with its charts.

One file that opens from an e-mail attachment, in a wiki or on paper: no script, nothing fetched
(the reader's own fonts; the charts are inline SVG from ``svg_journey``, ``svg_charts`` and
``svg_matrix``), and a print stylesheet that starts every section on a new landscape page,
repeats a table's header on every page it runs over and never splits a chart. The page is
Jinja2's (``templates/html_report.j2``) with autoescaping on, so whatever the room typed is shown
as text; the charts come in already escaped, as markup.

A section is a list of plain blocks (``html_blocks``) that the template lays out one after
another, in the order the Markdown report has them; the journeys are ``html_journeys``. What the
tables say is shared with the Markdown report (``report_tables``), which only escapes it its own
way.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from cjworkshop.export.explain import horizon_name, how_it_ranks
from cjworkshop.export.html_blocks import Block, Figure, Heading, Paragraph, Table, nothing_yet
from cjworkshop.export.html_journeys import journeys
from cjworkshop.export.report_tables import (
    answer_rows,
    bright_rows,
    goal_rows,
    item_row,
    map_left_out,
    metric_rows,
    pain_rows,
    personas_heading,
    roadmap_header,
    score_rows,
    stage_rows,
)
from cjworkshop.export.stage import channel_word
from cjworkshop.export.svg_charts import score_bars_svg
from cjworkshop.export.svg_matrix import matrix_svg
from cjworkshop.i18n import Translator
from cjworkshop.model.assessment import overall_score, phase_scores
from cjworkshop.model.metric_lines import number
from cjworkshop.model.queries import (
    phases_by_id,
    touchpoints_of_phase,
)
from cjworkshop.model.roadmap import RankedItem, roadmap
from cjworkshop.model.session import HORIZONS, Session, Touchpoint
from cjworkshop.model.template import Checklist

if TYPE_CHECKING:
    from jinja2 import Environment


@dataclass(frozen=True)
class Section:
    key: str
    title: str
    blocks: list[Block]


@cache
def _environment() -> Environment:
    # Imported here: only the HTML export needs Jinja2, and the command line starts without it.
    from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

    return Environment(
        loader=PackageLoader("cjworkshop.export", "templates"),
        autoescape=select_autoescape(default=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def _goals(session: Session, tr: Translator) -> list[Block]:
    if not session.goals:
        return nothing_yet(tr)
    return [Table(*goal_rows(session, tr, str))]


def _personas(session: Session, tr: Translator) -> list[Block]:
    blocks: list[Block] = []
    for persona in session.personas:
        blocks.append(Heading(persona.name))
        if persona.description.strip():
            blocks.append(Paragraph(persona.description))
        rows = [
            [tr(f"export.persona.{name}"), value]
            for name in ("needs", "triggers", "finds_us", "expectations", "frustrations")
            if (value := getattr(persona, name)).strip()
        ]
        if rows:
            blocks.append(Table(["", ""], rows, "facts", (22, 78)))
    return blocks or nothing_yet(tr)


def _touchpoints(session: Session, tr: Translator) -> list[Block]:
    header = [tr(f"export.touchpoint.{c}") for c in ("name", "channel", "owner", "description")]
    blocks: list[Block] = []
    for phase in session.phases:
        blocks.append(Heading(phase.name))
        if phase.description.strip():
            blocks.append(Paragraph(phase.description))
        here = touchpoints_of_phase(session, phase.id)
        if not here:
            blocks.append(Paragraph(tr("export.touchpoint.none"), "none"))
        for kind in ("direct", "indirect"):
            rows = [
                [t.name, channel_word(tr, t.channel, t.channel_name), t.owner, t.description]
                for t in here
                if t.kind == kind
            ]
            if rows:
                blocks.append(Paragraph(tr(f"export.touchpoint.{kind}"), "label"))
                blocks.append(Table(header, rows))
        for touchpoint in here:
            blocks.extend(_details(tr, touchpoint))
    return blocks or nothing_yet(tr)


def _details(tr: Translator, touchpoint: Touchpoint) -> list[Block]:
    """What the Markdown report says of a touchpoint beyond its row (``export.stage``): its
    interactions, the stage behind it and its figures; nothing when it records none."""
    stage = stage_rows(tr, touchpoint, str)
    if not (touchpoint.interactions or stage or touchpoint.metrics):
        return []
    blocks: list[Block] = [Heading(touchpoint.name, 4)]
    if touchpoint.interactions:
        own = (touchpoint.channel, touchpoint.channel_name.strip())
        steps = []
        for number_, item in enumerate(touchpoint.interactions, start=1):
            text = f"{number_}. {item.name.strip() or tr('export_v2.interaction.unnamed')}"
            if item.channel is not None and (item.channel, item.channel_name.strip()) != own:
                text += f" ({channel_word(tr, item.channel, item.channel_name)})"
            steps.append(text)
        blocks.append(Paragraph(f"{tr('export_v2.interaction.heading')}: " + " → ".join(steps)))
    if stage:
        blocks.append(Table(*stage))
    if touchpoint.metrics:
        blocks.append(Table(*metric_rows(tr, touchpoint.metrics, str)))
    return blocks


def _pain_points(session: Session, tr: Translator) -> list[Block]:
    header, rows = pain_rows(session, tr, str)
    return [Table(header, rows)] if rows else nothing_yet(tr)


def _bright_spots(session: Session, tr: Translator) -> list[Block]:
    header, rows = bright_rows(session, tr, str)
    return [Table(header, rows)] if rows else nothing_yet(tr)


def _assessment(session: Session, tr: Translator, questions: Checklist) -> list[Block]:
    overall = overall_score(session)
    blocks: list[Block] = [
        Paragraph(
            tr("export.assessment.overall", score=tr.decimal(number(round(overall, 2))))
            if overall is not None
            else tr("export.assessment.none")
        )
    ]
    phases = phases_by_id(session)
    bars = [(phases[p].name, s.average) for p, s in phase_scores(session).items() if p in phases]
    if bars:
        svg = score_bars_svg(bars, tr("report.assessment.title"), tr("export.unset"), tr.decimal)
        blocks.append(Figure([svg], tr("report.assessment.caption")))
    blocks.append(Table(*score_rows(session, tr, str)))
    header, rows = answer_rows(session, tr, questions, str)
    if rows:
        blocks.append(Table(header, rows))
    return blocks


_ROADMAP_WIDTHS = (4, 16, 14, 6, 8, 9, 8, 7, 28)


def _roadmap(session: Session, tr: Translator, items: list[RankedItem]) -> list[Block]:
    active = [i for i in items if i.status in ("open", "doing")]
    closed = [i for i in items if i.status not in ("open", "doing")]
    counts = {h: sum(1 for i in active if i.horizon == h) for h in HORIZONS}
    blocks: list[Block] = [Paragraph(tr.count("export.roadmap.summary", len(active), **counts))]
    if not items:
        solo = session.mode == "self-assessment"
        empty = tr("solo.roadmap.empty" if solo else "export.roadmap.empty")
        return [*blocks, Paragraph(empty, "none")]
    header = roadmap_header(tr)
    for horizon in HORIZONS:
        blocks.append(Heading(horizon_name(tr, horizon)))
        rows = [item_row(session, tr, i, str) for i in active if i.horizon == horizon]
        blocks.append(
            Table(header, rows, "roadmap", _ROADMAP_WIDTHS)
            if rows
            else Paragraph(tr("export.roadmap.nothing"), "none")
        )
    if closed:
        blocks.append(Heading(tr("export.roadmap.closed")))
        rows = [item_row(session, tr, i, str) for i in closed]
        blocks.append(Table(header, rows, "roadmap", _ROADMAP_WIDTHS))
    if active:
        words = {
            **{q: tr(f"quadrant.{q}") for q in ("quick-win", "big-bet", "fill-in", "money-pit")},
            "effort": tr("report.matrix.effort"),
            "impact": tr("report.matrix.impact"),
            "low": tr("report.matrix.low"),
            "high": tr("report.matrix.high"),
        }
        title = tr("export.chart.title", title=session.title)
        svg = matrix_svg(active, words, title)
        assumed = f" ({tr('report.matrix.assumed')})"
        # Each item with its quadrant, in the words of the roadmap's table; an item without
        # one has no effort yet, and the chart shows it at 3.
        numbered = [
            (i.rank, f"{i.title} · {words[i.quadrant]}" if i.quadrant else i.title + assumed)
            for i in sorted(active, key=lambda i: i.rank)
        ]
        solo = session.mode == "self-assessment"
        legend = [tr("solo.matrix.legend" if solo else "report.matrix.legend")]
        if closed:
            legend.append(tr("report.matrix.closed"))
        blocks.append(Heading(tr("export.chart.heading")))
        blocks.append(Figure([svg], title, legend, numbered))
    heading, said = how_it_ranks(tr, session.mode, items)
    blocks.append(Heading(heading))
    blocks.extend(Paragraph(line) for line in said)
    return blocks


def report_html(session: Session, tr: Translator, questions: Checklist | None = None) -> str:
    """The whole session as one HTML page, from goals to roadmap, with its charts."""
    questions = questions or {}
    sections = [
        Section("goals", tr("export.section.goals"), _goals(session, tr)),
        Section("personas", personas_heading(tr, session), _personas(session, tr)),
    ]
    if not map_left_out(session):
        sections += [
            Section("touchpoints", tr("export.section.touchpoints"), _touchpoints(session, tr)),
            Section("journeys", tr("export.section.journeys"), journeys(session, tr)),
            Section("pains", tr("export.section.pains"), _pain_points(session, tr)),
            Section("bright", tr("export.section.bright"), _bright_spots(session, tr)),
        ]
    if session.assessment or session.mode == "self-assessment":
        sections.append(
            Section(
                "assessment", tr("export.section.assessment"), _assessment(session, tr, questions)
            )
        )
    items = roadmap(session, questions)
    sections.append(Section("roadmap", tr("export.section.roadmap"), _roadmap(session, tr, items)))
    open_notes = [note.text for note in session.parking_lot if not note.done]
    if open_notes:
        sections.append(
            Section(
                "parking",
                tr("export.section.parking"),
                [Table([tr("export.section.parking")], [[n] for n in open_notes])],
            )
        )
    meta = tr(
        "export.report.meta",
        mode=tr(f"mode.{session.mode}"),
        shape=tr(f"shape.{session.shape}"),
        template=session.template,
        date=session.updated.date().isoformat(),
    )
    page = _environment().get_template("html_report.j2")
    return page.render(
        language=tr.language,
        title=session.title,
        meta=meta,
        notes=session.notes.strip(),
        contents=tr("report.contents"),
        sections=sections,
    )
