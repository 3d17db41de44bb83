"""The HTML report's journeys: the heat map of feeling per persona and phase, then per persona
the journey map (``svg_journey``) and the table of every touchpoint it was plotted at."""

from __future__ import annotations

from cjworkshop.export.html_blocks import Block, Figure, Heading, Paragraph, Table, nothing_yet
from cjworkshop.export.markdown import feeling
from cjworkshop.export.report_tables import evidence_words
from cjworkshop.export.svg_charts import heat_map_svg
from cjworkshop.export.svg_journey import journey_maps
from cjworkshop.i18n import Translator
from cjworkshop.model.emotion import GLYPHS, NAMES, signed
from cjworkshop.model.queries import phases_by_id, plot_index, touchpoints_of_phase
from cjworkshop.model.review import heat_map
from cjworkshop.model.session import Plot, Session


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


def journeys(session: Session, tr: Translator) -> list[Block]:
    plots = plot_index(session)
    phases = phases_by_id(session)
    blocks: list[Block] = []
    if session.personas and session.phases:
        averages = heat_map(session)
        svg = heat_map_svg(
            session.personas, session.phases, averages, tr("report.heat.title"), tr.decimal
        )
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
        blocks.append(Figure(maps[persona.id], titles[persona.id], _legend(tr)))
        target = any(plot.target_emotion is not None for _, _, plot in found)
        header = list(columns)
        if target:
            header.insert(3, tr("export_v2.journey.target"))
        rows = [_journey_row(tr, plot, phase, name, target) for phase, name, plot in found]
        widths = (9, 13, 11, 9, 15, 15, 15, 13) if target else (9, 14, 12, 16, 16, 17, 16)
        blocks.append(Table(header, rows, "journey", widths))
    return blocks or nothing_yet(tr)


_JOURNEY_COLUMNS = ("phase", "touchpoint", "feeling", "action", "thought", "pains", "ideas")
