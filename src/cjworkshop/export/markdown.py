"""Markdown documents: the roadmap on its own, and the report of a whole session.

Both are pure functions of a session and a translator, so the command line and the app write the
same text. Everything the user typed is escaped (``escape.inline`` and ``escape.cell``), so tables
keep their columns whatever people wrote, and diagrams are fenced ``mermaid`` blocks, which GitHub
and most Markdown viewers draw. The date in the text is the session's own, never today's, so
exporting twice gives the same file.
"""

from __future__ import annotations

from cjworkshop.export.chart_notes import chart_key, chart_notes
from cjworkshop.export.escape import cell, inline, table
from cjworkshop.export.explain import horizon_name, how_it_ranks
from cjworkshop.export.mermaid import journey_diagram, journey_diagrams, quadrant_chart
from cjworkshop.export.quadrant import quadrant_layout
from cjworkshop.export.report_tables import (
    answer_rows,
    bright_rows,
    evidence_words,
    goal_rows,
    item_row,
    map_left_out,
    pain_rows,
    personas_heading,
    roadmap_header,
    score_rows,
)
from cjworkshop.export.stage import channel_word, touchpoint_details
from cjworkshop.i18n import Translator
from cjworkshop.model.assessment import overall_score
from cjworkshop.model.emotion import GLYPHS, NAMES, signed
from cjworkshop.model.metric_lines import number
from cjworkshop.model.queries import (
    phases_by_id,
    plot_index,
    touchpoints_of_phase,
)
from cjworkshop.model.roadmap import RankedItem, roadmap
from cjworkshop.model.session import HORIZONS, Evidence, Plot, Session, Touchpoint
from cjworkshop.model.template import Checklist


def _fence(diagram: str) -> str:
    return f"```mermaid\n{diagram}\n```"


def _heading(level: int, text: str) -> str:
    return f"{'#' * min(level, 6)} {text}"


def feeling(tr: Translator, emotion: int | None) -> str:
    """``▼ −1 negative``: glyph, number and word, so it reads without colour."""
    if emotion is None:
        return tr("emotion.none")
    return f"{GLYPHS[emotion]} {signed(emotion)} {tr(f'emotion.{NAMES[emotion]}')}"


def _roadmap_body(
    session: Session, tr: Translator, items: list[RankedItem], level: int
) -> list[str]:
    header = roadmap_header(tr)
    active = [i for i in items if i.status in ("open", "doing")]
    closed = [i for i in items if i.status not in ("open", "doing")]
    counts = {h: sum(1 for i in active if i.horizon == h) for h in HORIZONS}
    parts = [tr.count("export.roadmap.summary", len(active), **counts)]
    if not items:
        solo = session.mode == "self-assessment"
        parts.append(tr("solo.roadmap.empty" if solo else "export.roadmap.empty"))
        return parts
    for horizon in HORIZONS:
        parts.append(_heading(level + 1, horizon_name(tr, horizon)))
        rows = [item_row(session, tr, i, cell) for i in active if i.horizon == horizon]
        parts.append(table(header, rows) if rows else f"_{tr('export.roadmap.nothing')}_")
    if closed:
        parts.append(_heading(level + 1, tr("export.roadmap.closed")))
        parts.append(table(header, [item_row(session, tr, i, cell) for i in closed]))
    parts += _chart(session, tr, items, level + 1, key=False)
    heading, said = how_it_ranks(tr, session.mode, items)
    parts.append(_heading(level + 1, heading))
    parts.extend(said)
    return parts


def _chart(
    session: Session, tr: Translator, items: list[RankedItem], level: int, *, key: bool
) -> list[str]:
    """The chart's heading, the chart and its notes; with ``key`` (for a document without the
    roadmap tables) the items its numbers stand for, and nothing at all without a chart."""
    layout = quadrant_layout(items)
    if key and not layout.points:
        return []
    parts = [_heading(level, tr("export.chart.heading"))]
    if layout.points:
        parts.append(_fence(quadrant_chart(layout, tr, session.title)))
        if key:
            parts.append(chart_key(tr, layout))
    return parts + chart_notes(tr, layout)


def roadmap_markdown(session: Session, tr: Translator, questions: Checklist | None = None) -> str:
    """The roadmap document: Now, Next and Later tables with each item's why, and the chart."""
    items = roadmap(session, questions)
    parts = [
        _heading(1, tr("export.roadmap.title", title=inline(session.title))),
        tr("export.updated", date=session.updated.date().isoformat()),
        *_roadmap_body(session, tr, items, 1),
    ]
    return "\n\n".join(parts) + "\n"


def _goals(session: Session, tr: Translator) -> list[str]:
    if not session.goals:
        return [f"_{tr('export.none')}_"]
    return [table(*goal_rows(session, tr, cell))]


_PERSONA_FIELDS = ("needs", "triggers", "finds_us", "expectations", "frustrations")


def _personas(session: Session, tr: Translator) -> list[str]:
    if not session.personas:
        return [f"_{tr('export.none')}_"]
    parts = []
    for persona in session.personas:
        parts.append(_heading(3, inline(persona.name)))
        if persona.description.strip():
            parts.append(inline(persona.description))
        lines = [
            f"- **{tr(f'export.persona.{name}')}:** {inline(value)}"
            for name in _PERSONA_FIELDS
            if (value := getattr(persona, name)).strip()
        ]
        if lines:
            parts.append("\n".join(lines))
    return parts


def _touchpoint_table(tr: Translator, touchpoints: list[Touchpoint]) -> str:
    header = [tr(f"export.touchpoint.{c}") for c in ("name", "channel", "owner", "description")]
    rows = [
        [
            cell(t.name),
            cell(channel_word(tr, t.channel, t.channel_name)),
            cell(t.owner),
            cell(t.description),
        ]
        for t in touchpoints
    ]
    return table(header, rows)


def _touchpoints(session: Session, tr: Translator) -> list[str]:
    parts = []
    for phase in session.phases:
        parts.append(_heading(3, inline(phase.name)))
        if phase.description.strip():
            parts.append(inline(phase.description))
        here = touchpoints_of_phase(session, phase.id)
        if not here:
            parts.append(f"_{tr('export.touchpoint.none')}_")
        for kind in ("direct", "indirect"):
            of_kind = [t for t in here if t.kind == kind]
            if of_kind:
                parts.append(f"**{tr(f'export.touchpoint.{kind}')}**")
                parts.append(_touchpoint_table(tr, of_kind))
        for touchpoint in here:
            parts.extend(touchpoint_details(tr, touchpoint))
    return parts or [f"_{tr('export.none')}_"]


def evidence_mark(tr: Translator, evidence: Evidence | None, source: str) -> str:
    """`` (observed: complaint log)`` or `` (assumed)`` after a note; nothing when unmarked."""
    words = evidence_words(tr, evidence, inline(source))
    return f" ({words})" if words else ""


def _pains(tr: Translator, plot: Plot) -> str:
    return "<br>".join(
        cell(p.text)
        + (f" ({p.severity})" if p.severity is not None else "")
        + evidence_mark(tr, p.evidence, p.source)
        for p in plot.pain_points
    )


def _journey_row(
    tr: Translator, plot: Plot, phase: str, touchpoint: Touchpoint, target: bool
) -> list[str]:
    row = [
        cell(phase),
        cell(touchpoint.name) + (" ★" if plot.moment_of_truth else ""),
        feeling(tr, plot.emotion) + evidence_mark(tr, plot.emotion_evidence, plot.emotion_source),
    ]
    if target:
        row.append(feeling(tr, plot.target_emotion) if plot.target_emotion is not None else "")
    thought = cell(plot.thought)
    if thought:
        thought += evidence_mark(tr, plot.thought_evidence, plot.thought_source)
    row += [
        cell(plot.action),
        thought,
        _pains(tr, plot),
        "<br>".join(
            cell(o.text) + evidence_mark(tr, o.evidence, o.source) for o in plot.opportunities
        ),
    ]
    return row


def _journeys(session: Session, tr: Translator) -> list[str]:
    plots = plot_index(session)
    phases = phases_by_id(session)
    parts = []
    for persona in session.personas:
        parts.append(_heading(3, inline(persona.name)))
        found = [
            (phases[phase.id].name, touchpoint, plot)
            for phase in session.phases
            for touchpoint in touchpoints_of_phase(session, phase.id)
            if (plot := plots.get((persona.id, touchpoint.id))) is not None and plot.relevant
        ]
        if not found:
            parts.append(f"_{tr('export.journey.none')}_")
            continue
        # The target column appears only in a journey where the room set a target somewhere.
        target = any(plot.target_emotion is not None for _, _, plot in found)
        columns = [tr(f"export.journey.{c}") for c in _JOURNEY_COLUMNS]
        if target:
            columns.insert(3, tr("export_v2.journey.target"))
        rows = [_journey_row(tr, plot, phase, tp, target) for phase, tp, plot in found]
        parts.append(table(columns, rows))
        diagram = journey_diagram(session, persona.id)
        if diagram is not None:
            parts.append(_fence(diagram))
    return parts or [f"_{tr('export.none')}_"]


_JOURNEY_COLUMNS = ("phase", "touchpoint", "feeling", "action", "thought", "pains", "ideas")


def _pain_points(session: Session, tr: Translator) -> list[str]:
    header, rows = pain_rows(session, tr, cell)
    return [table(header, rows)] if rows else [f"_{tr('export.none')}_"]


def _bright_spots(session: Session, tr: Translator) -> list[str]:
    header, rows = bright_rows(session, tr, cell)
    return [table(header, rows)] if rows else [f"_{tr('export.none')}_"]


def _assessment(session: Session, tr: Translator, questions: Checklist) -> list[str]:
    overall = overall_score(session)
    parts = [
        tr("export.assessment.overall", score=tr.decimal(number(round(overall, 2))))
        if overall is not None
        else f"_{tr('export.assessment.none')}_",
        table(*score_rows(session, tr, cell)),
    ]
    header, rows = answer_rows(session, tr, questions, cell)
    if rows:
        parts.append(table(header, rows))
    return parts


def report_markdown(session: Session, tr: Translator, questions: Checklist | None = None) -> str:
    """The whole session as one document, from goals to roadmap."""
    questions = questions or {}
    meta = tr(
        "export.report.meta",
        mode=tr(f"mode.{session.mode}"),
        shape=tr(f"shape.{session.shape}"),
        template=inline(session.template),
        date=session.updated.date().isoformat(),
    )
    parts = [_heading(1, inline(session.title)), meta]
    if session.notes.strip():
        parts.append("> " + cell(session.notes))
    sections: list[tuple[str, list[str]]] = [
        (tr("export.section.goals"), _goals(session, tr)),
        (personas_heading(tr, session), _personas(session, tr)),
    ]
    if not map_left_out(session):
        sections += [
            (tr("export.section.touchpoints"), _touchpoints(session, tr)),
            (tr("export.section.journeys"), _journeys(session, tr)),
            (tr("export.section.pains"), _pain_points(session, tr)),
            (tr("export.section.bright"), _bright_spots(session, tr)),
        ]
    if session.assessment or session.mode == "self-assessment":
        sections.append((tr("export.section.assessment"), _assessment(session, tr, questions)))
    items = roadmap(session, questions)
    sections.append((tr("export.section.roadmap"), _roadmap_body(session, tr, items, 2)))
    open_notes = [note for note in session.parking_lot if not note.done]
    if open_notes:
        lines = ["\n".join(f"- {inline(n.text)}" for n in open_notes)]
        sections.append((tr("export.section.parking"), lines))
    for heading, body in sections:
        parts.append(_heading(2, heading))
        parts.extend(body)
    return "\n\n".join(parts) + "\n"


def diagrams_markdown(session: Session, tr: Translator, questions: Checklist | None = None) -> str:
    """Only the diagrams: each persona's journey and the roadmap chart, as fenced blocks."""
    parts = [_heading(1, tr("export.diagrams.title", title=inline(session.title)))]
    items = roadmap(session, questions)
    found = journey_diagrams(session, tr)
    for heading, diagram in found:
        parts.append(_heading(2, inline(heading)))
        parts.append(_fence(diagram))
    chart = _chart(session, tr, items, 2, key=True)
    if not found and not chart:
        parts.append(f"_{tr('export.diagrams.none')}_")
    parts += chart
    return "\n\n".join(parts) + "\n"
