"""The tables both reports hold, the Markdown one and the HTML page: their header and rows.

What a table says is decided here once; how it is written is the report's own. Every text a
person typed passes through the ``text`` function the report hands in (``escape.cell`` for
Markdown; unchanged for the page, whose template escapes everything it shows), while numbers
and the app's own words are put in as they are.
"""

from __future__ import annotations

from collections.abc import Callable

from cjworkshop.export.explain import quadrant_name, why
from cjworkshop.i18n import Translator
from cjworkshop.model.assessment import answers_by_question, phase_scores
from cjworkshop.model.emotion import signed
from cjworkshop.model.metric_lines import number
from cjworkshop.model.queries import personas_by_id, phases_by_id, touchpoints_by_id
from cjworkshop.model.review import bright_spots, pain_groups
from cjworkshop.model.roadmap import RankedItem
from cjworkshop.model.session import Evidence, Metric, Session, Touchpoint
from cjworkshop.model.template import Checklist

Text = Callable[[str], str]
"""How a report writes what a person typed: escaped for Markdown, as it is for the page."""
Rows = tuple[list[str], list[list[str]]]
"""A table's header and its rows."""

ROADMAP_COLUMNS = ("rank", "item", "where", "score", "effort", "quadrant", "owner", "status", "why")
STAGE_COLUMNS = ("frontstage", "backstage", "support", "owner")
"""The blueprint table's possible columns; the owner shows there only beside a blueprint text."""
METRIC_COLUMNS = ("name", "value", "unit", "date", "source")
"""The figures table's possible columns; unit, date and source only where one is filled in."""


def evidence_words(tr: Translator, evidence: Evidence | None, source: str) -> str:
    """``observed: complaint log``, ``assumed``, or nothing when the note is unmarked; the
    source as the report writes it."""
    if evidence is None:
        return ""
    word = tr(f"export_v2.evidence.{evidence}")
    source = source.strip()
    return tr("export_v2.evidence.with_source", evidence=word, source=source) if source else word


def stage_rows(tr: Translator, touchpoint: Touchpoint, text: Text) -> Rows | None:
    """The stage behind a touchpoint as a one-row table of the parts written in; None when
    none is."""
    stage = [f for f in STAGE_COLUMNS[:3] if getattr(touchpoint, f).strip()]
    if not stage:
        return None
    if touchpoint.owner.strip():
        stage.append("owner")
    header = [tr(f"export_v2.stage.{f}") for f in stage]
    return header, [[text(getattr(touchpoint, f)) for f in stage]]


def metric_rows(tr: Translator, metrics: tuple[Metric, ...], text: Text) -> Rows:
    """A touchpoint's figures; unit, date and source only where one of them has one."""

    def value(metric: Metric, field: str) -> str:
        if field == "date":
            return metric.date.isoformat() if metric.date is not None else ""
        return text(metric.unit if field == "unit" else metric.source)

    fields = [f for f in METRIC_COLUMNS[2:] if any(value(m, f) for m in metrics)]
    header = [tr(f"export_v2.metric.{f}") for f in ("name", "value", *fields)]
    rows = [
        [text(m.name), tr.decimal(number(m.value)), *(value(m, f) for f in fields)] for m in metrics
    ]
    return header, rows


def goal_rows(session: Session, tr: Translator, text: Text) -> Rows:
    header = [tr(f"export.goal.{c}") for c in ("what", "why", "measure")]
    return header, [[text(g.what), text(g.why), text(g.measure)] for g in session.goals]


def pain_rows(session: Session, tr: Translator, text: Text) -> Rows:
    personas = personas_by_id(session)
    touchpoints = touchpoints_by_id(session)
    header = [tr(f"export.pain.{c}") for c in ("text", "severity", "personas", "touchpoints")]
    rows = [
        [
            text(group.text),
            str(group.severity) if group.severity_set else tr("export.unset"),
            ", ".join(text(personas[p].name) for p in group.personas if p in personas),
            ", ".join(text(touchpoints[t].name) for t in group.touchpoints if t in touchpoints),
        ]
        for group in pain_groups(session)
    ]
    return header, rows


def bright_rows(session: Session, tr: Translator, text: Text) -> Rows:
    header = [tr(f"export.bright.{c}") for c in ("touchpoint", "phase", "average", "truth")]
    rows = [
        [
            text(spot.touchpoint.name),
            text(spot.phase.name),
            tr.decimal(signed(spot.average, 2)),
            str(spot.moments_of_truth),
        ]
        for spot in bright_spots(session)
    ]
    return header, rows


def score_rows(session: Session, tr: Translator, text: Text) -> Rows:
    """The self-assessment's score per phase, and how many of its questions were answered."""
    phases = phases_by_id(session)
    header = [tr(f"export.assessment.{c}") for c in ("phase", "score", "answered")]
    rows = [
        [
            text(phases[phase].name) if phase in phases else text(phase),
            tr.decimal(number(round(s.average, 2)))
            if s.average is not None
            else tr("export.unset"),
            str(s.answered),
        ]
        for phase, s in phase_scores(session).items()
    ]
    return header, rows


def map_left_out(session: Session) -> bool:
    """Whether the report leaves out the map's sections (touchpoints, journeys, pain points,
    bright spots): a self-assessment that never went deeper than the checklist has none, and
    its owner has no use for four empty headings."""
    return session.mode == "self-assessment" and not session.touchpoints


def personas_heading(tr: Translator, session: Session) -> str:
    """The personas' section: to an owner alone, their typical customers."""
    solo = session.mode == "self-assessment"
    return tr("solo.section.personas" if solo else "export.section.personas")


def answer_rows(session: Session, tr: Translator, questions: Checklist, text: Text) -> Rows:
    """Every self-assessment question answered, with its answer and note."""
    header = [tr(f"export.assessment.{c}") for c in ("question", "answer", "note")]
    rows = [
        [
            text(asked.question if (asked := questions.get(key)) else key),
            tr("assessment.not_applicable")
            if a.not_applicable
            else (str(a.score) if a.score is not None else tr("export.unset")),
            text(a.note),
        ]
        for key, a in answers_by_question(session).items()
    ]
    return header, rows


def where(session: Session, item: RankedItem, text: Text) -> str:
    """The touchpoints an item was noted at, else the phases of its self-assessment answers."""
    touchpoints = touchpoints_by_id(session)
    names = [touchpoints[t].name for t in item.touchpoints if t in touchpoints]
    if not names:
        phases = phases_by_id(session)
        names = [phases[p].name for e in item.evidence for p in e.phases if p in phases]
    return ", ".join(text(name) for name in dict.fromkeys(names))


def roadmap_header(tr: Translator) -> list[str]:
    return [tr(f"export.roadmap.column.{c}") for c in ROADMAP_COLUMNS]


def item_row(session: Session, tr: Translator, item: RankedItem, text: Text) -> list[str]:
    """One roadmap item in the columns of ``ROADMAP_COLUMNS``."""
    f = item.factors
    return [
        str(item.rank),
        text(item.title),
        where(session, item, text),
        tr.decimal(number(f.score)),
        str(f.effort) if f.effort_set else tr("export.unset"),
        quadrant_name(tr, item),
        text(item.owner) or tr("export.nobody"),
        tr(f"status.{item.status}"),
        text(why(tr, item)),
    ]
