"""The report as one self-contained HTML page: what the Markdown report holds, with its charts.

One file that opens from an e-mail attachment, in a wiki or on paper: no script, nothing fetched
(the reader's own fonts; the charts are inline SVG from ``svg_journey``, ``svg_charts`` and
``svg_matrix``), and a print stylesheet that starts every section on a new landscape page,
repeats a table's header on every page it runs over and never splits a chart. The page is
Jinja2's (``templates/html_report.j2``) with autoescaping on, so whatever the room typed is shown
as text; the charts come in already escaped, as markup.

The blocks of a section are plain data (``Paragraph``, ``Table``, ``Figure``, ``Heading``) that
the template lays out one after another, in the order the Markdown report has them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from typing import TYPE_CHECKING, ClassVar

from markupsafe import Markup

from cjworkshop.export.explain import horizon_name, why
from cjworkshop.export.markdown import feeling
from cjworkshop.export.stage import channel_word
from cjworkshop.export.svg_charts import heat_map_svg, score_bars_svg
from cjworkshop.export.svg_journey import journey_maps
from cjworkshop.export.svg_matrix import matrix_svg
from cjworkshop.i18n import Translator
from cjworkshop.model.assessment import answers_by_question, overall_score, phase_scores
from cjworkshop.model.emotion import GLYPHS, NAMES, signed
from cjworkshop.model.metric_lines import number
from cjworkshop.model.queries import (
    personas_by_id,
    phases_by_id,
    plot_index,
    touchpoints_by_id,
    touchpoints_of_phase,
)
from cjworkshop.model.review import bright_spots, heat_map, pain_groups
from cjworkshop.model.roadmap import RankedItem, roadmap
from cjworkshop.model.session import HORIZONS, Evidence, Plot, Session, Touchpoint

if TYPE_CHECKING:
    from jinja2 import Environment


@dataclass(frozen=True)
class Heading:
    kind: ClassVar[str] = "heading"
    text: str
    level: int = 3


@dataclass(frozen=True)
class Paragraph:
    kind: ClassVar[str] = "paragraph"
    text: str
    css: str = ""


@dataclass(frozen=True)
class Table:
    kind: ClassVar[str] = "table"
    header: list[str]
    rows: list[list[str]]
    css: str = ""
    widths: tuple[int, ...] = ()
    """Each column's share of the page in percent; equal shares when empty. The widths are
    fixed (``table-layout: fixed``), so a table is never wider than the page, whatever was
    typed in it: a long word breaks inside its column."""


@dataclass(frozen=True)
class Figure:
    kind: ClassVar[str] = "figure"
    svgs: list[Markup]
    caption: str = ""
    legend: list[str] = field(default_factory=list)
    numbered: list[tuple[int, str]] = field(default_factory=list)
    """Items listed beside the chart by their number on it."""


Block = Heading | Paragraph | Table | Figure


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


def _none(tr: Translator) -> list[Block]:
    return [Paragraph(tr("export.none"), "none")]


def _goals(session: Session, tr: Translator) -> list[Block]:
    if not session.goals:
        return _none(tr)
    header = [tr(f"export.goal.{c}") for c in ("what", "why", "measure")]
    return [Table(header, [[g.what, g.why, g.measure] for g in session.goals])]


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
    return blocks or _none(tr)


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
    return blocks or _none(tr)


def _details(tr: Translator, touchpoint: Touchpoint) -> list[Block]:
    """What the Markdown report says of a touchpoint beyond its row (``export.stage``): its
    interactions, the stage behind it and its figures; nothing when it records none."""
    stage = [f for f in ("frontstage", "backstage", "support") if getattr(touchpoint, f).strip()]
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
        if touchpoint.owner.strip():
            stage.append("owner")
        header = [tr(f"export_v2.stage.{f}") for f in stage]
        blocks.append(Table(header, [[getattr(touchpoint, f) for f in stage]]))
    if touchpoint.metrics:
        header = [tr(f"export_v2.metric.{f}") for f in ("name", "value", "unit", "date", "source")]
        rows = [
            [
                m.name,
                number(m.value),
                m.unit,
                m.date.isoformat() if m.date is not None else "",
                m.source,
            ]
            for m in touchpoint.metrics
        ]
        blocks.append(Table(header, rows))
    return blocks


def evidence_words(tr: Translator, evidence: Evidence | None, source: str) -> str:
    """``observed: complaint log``, ``assumed``, or nothing when the note is unmarked."""
    if evidence is None:
        return ""
    word = tr(f"export_v2.evidence.{evidence}")
    source = source.strip()
    return tr("export_v2.evidence.with_source", evidence=word, source=source) if source else word


def _noted(tr: Translator, text: str, evidence: str) -> str:
    return f"{text} ({evidence})" if text and evidence else text


def _journey_row(tr: Translator, plot: Plot, phase: str, name: str, target: bool) -> list[str]:
    row = [
        phase,
        name + (" ★" if plot.moment_of_truth else ""),
        _noted(
            tr,
            feeling(tr, plot.emotion),
            evidence_words(tr, plot.emotion_evidence, plot.emotion_source),
        ),
    ]
    if target:
        row.append(feeling(tr, plot.target_emotion) if plot.target_emotion is not None else "")
    row += [
        plot.action,
        _noted(tr, plot.thought, evidence_words(tr, plot.thought_evidence, plot.thought_source)),
        "\n".join(
            _noted(
                tr,
                p.text + (f" ({p.severity})" if p.severity is not None else ""),
                evidence_words(tr, p.evidence, p.source),
            )
            for p in plot.pain_points
        ),
        "\n".join(
            _noted(tr, o.text, evidence_words(tr, o.evidence, o.source)) for o in plot.opportunities
        ),
    ]
    return row


def _legend(tr: Translator) -> list[str]:
    scale = " · ".join(
        f"{GLYPHS[e]} {signed(e, 0)} {tr(f'emotion.{NAMES[e]}')}" for e in range(2, -3, -1)
    )
    return [scale, tr("report.map.legend")]


def _journeys(session: Session, tr: Translator) -> list[Block]:
    plots = plot_index(session)
    phases = phases_by_id(session)
    blocks: list[Block] = []
    if session.personas and session.phases:
        averages = heat_map(session)
        svg = heat_map_svg(session.personas, session.phases, averages, tr("report.heat.title"))
        blocks.append(Heading(tr("report.heat.title")))
        blocks.append(Figure([svg], tr("report.heat.caption"), [tr("report.heat.legend")]))
    tooltips = {
        "pains": tr("export.journey.pains"),
        "ideas": tr("export.journey.ideas"),
        "truth": tr("report.map.truth"),
    }
    columns = [tr(f"export.journey.{c}") for c in _JOURNEY_COLUMNS]
    titles = {p.id: tr("export.journey_of", name=p.name) for p in session.personas}
    maps = journey_maps(session, titles, tooltips)
    for persona in session.personas:
        blocks.append(Heading(persona.name))
        found = [
            (phases[phase.id].name, touchpoint.name, plot)
            for phase in session.phases
            for touchpoint in touchpoints_of_phase(session, phase.id)
            if (plot := plots.get((persona.id, touchpoint.id))) is not None and plot.relevant
        ]
        if not found:
            blocks.append(Paragraph(tr("export.journey.none"), "none"))
            continue
        bands = maps[persona.id]
        blocks.append(Figure([band.svg for band in bands], titles[persona.id], _legend(tr)))
        target = any(plot.target_emotion is not None for _, _, plot in found)
        header = list(columns)
        if target:
            header.insert(3, tr("export_v2.journey.target"))
        rows = [_journey_row(tr, plot, phase, name, target) for phase, name, plot in found]
        widths = (9, 13, 11, 9, 15, 15, 15, 13) if target else (9, 14, 12, 16, 16, 17, 16)
        blocks.append(Table(header, rows, "journey", widths))
    return blocks or _none(tr)


_JOURNEY_COLUMNS = ("phase", "touchpoint", "feeling", "action", "thought", "pains", "ideas")


def _pain_points(session: Session, tr: Translator) -> list[Block]:
    groups = pain_groups(session)
    if not groups:
        return _none(tr)
    personas = personas_by_id(session)
    touchpoints = touchpoints_by_id(session)
    header = [tr(f"export.pain.{c}") for c in ("text", "severity", "personas", "touchpoints")]
    rows = [
        [
            group.text,
            str(group.severity) if group.severity_set else tr("export.unset"),
            ", ".join(personas[p].name for p in group.personas if p in personas),
            ", ".join(touchpoints[t].name for t in group.touchpoints if t in touchpoints),
        ]
        for group in groups
    ]
    return [Table(header, rows)]


def _bright_spots(session: Session, tr: Translator) -> list[Block]:
    spots = bright_spots(session)
    if not spots:
        return _none(tr)
    header = [tr(f"export.bright.{c}") for c in ("touchpoint", "phase", "average", "truth")]
    rows = [
        [s.touchpoint.name, s.phase.name, signed(s.average, 2), str(s.moments_of_truth)]
        for s in spots
    ]
    return [Table(header, rows)]


def _assessment(session: Session, tr: Translator, questions: dict[str, str]) -> list[Block]:
    overall = overall_score(session)
    blocks: list[Block] = [
        Paragraph(
            tr("export.assessment.overall", score=number(round(overall, 2)))
            if overall is not None
            else tr("export.assessment.none")
        )
    ]
    phases = phases_by_id(session)
    scores = phase_scores(session)
    bars = [(phases[p].name, s.average) for p, s in scores.items() if p in phases]
    if bars:
        svg = score_bars_svg(bars, tr("report.assessment.title"), tr("export.unset"))
        blocks.append(Figure([svg], tr("report.assessment.caption")))
    header = [tr(f"export.assessment.{c}") for c in ("phase", "score", "answered")]
    rows = [
        [
            phases[p].name if p in phases else p,
            number(round(s.average, 2)) if s.average is not None else tr("export.unset"),
            str(s.answered),
        ]
        for p, s in scores.items()
    ]
    blocks.append(Table(header, rows))
    answers = answers_by_question(session)
    if answers:
        header = [tr(f"export.assessment.{c}") for c in ("question", "answer", "note")]
        rows = [
            [
                questions.get(key, key),
                tr("assessment.not_applicable")
                if a.not_applicable
                else (str(a.score) if a.score is not None else tr("export.unset")),
                a.note,
            ]
            for key, a in answers.items()
        ]
        blocks.append(Table(header, rows))
    return blocks


_ROADMAP_COLUMNS = ("rank", "item", "where", "score", "effort", "quadrant", "owner", "status")
_ROADMAP_WIDTHS = (4, 16, 14, 6, 8, 9, 8, 7, 28)


def _where(session: Session, item: RankedItem) -> str:
    touchpoints = touchpoints_by_id(session)
    names = [touchpoints[t].name for t in item.touchpoints if t in touchpoints]
    if not names:
        phases = phases_by_id(session)
        names = [phases[p].name for e in item.evidence for p in e.phases if p in phases]
    return ", ".join(dict.fromkeys(names))


def _item_row(session: Session, tr: Translator, item: RankedItem) -> list[str]:
    f = item.factors
    return [
        str(item.rank),
        item.title,
        _where(session, item),
        number(f.score),
        str(f.effort) if f.effort_set else tr("export.unset"),
        tr(f"quadrant.{item.quadrant}") if item.quadrant else tr("quadrant.none"),
        item.owner or tr("export.nobody"),
        tr(f"status.{item.status}"),
    ]


def _roadmap(session: Session, tr: Translator, items: list[RankedItem]) -> list[Block]:
    active = [i for i in items if i.status in ("open", "doing")]
    closed = [i for i in items if i.status not in ("open", "doing")]
    counts = {h: sum(1 for i in active if i.horizon == h) for h in HORIZONS}
    blocks: list[Block] = [Paragraph(tr.count("export.roadmap.summary", len(active), **counts))]
    if not items:
        return [*blocks, Paragraph(tr("export.roadmap.empty"), "none")]
    header = [tr(f"export.roadmap.column.{c}") for c in _ROADMAP_COLUMNS]
    header.append(tr("export.roadmap.column.why"))
    for horizon in HORIZONS:
        blocks.append(Heading(horizon_name(tr, horizon)))
        rows = [[*_item_row(session, tr, i), why(tr, i)] for i in active if i.horizon == horizon]
        blocks.append(
            Table(header, rows, "roadmap", _ROADMAP_WIDTHS)
            if rows
            else Paragraph(tr("export.roadmap.nothing"), "none")
        )
    if closed:
        blocks.append(Heading(tr("export.roadmap.closed")))
        rows = [[*_item_row(session, tr, i), why(tr, i)] for i in closed]
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
        legend = [tr("report.matrix.legend")]
        if closed:
            legend.append(tr("report.matrix.closed"))
        blocks.append(Heading(tr("export.chart.heading")))
        blocks.append(Figure([svg], title, legend, numbered))
    blocks.append(Heading(tr("export.formula.heading")))
    blocks.extend(Paragraph(line) for line in tr.items("export.formula.text"))
    return blocks


def report_html(session: Session, tr: Translator, questions: dict[str, str] | None = None) -> str:
    """The whole session as one HTML page, from goals to roadmap, with its charts."""
    questions = questions or {}
    sections = [
        Section("goals", tr("export.section.goals"), _goals(session, tr)),
        Section("personas", tr("export.section.personas"), _personas(session, tr)),
        Section("touchpoints", tr("export.section.touchpoints"), _touchpoints(session, tr)),
        Section("journeys", tr("export.section.journeys"), _journeys(session, tr)),
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
