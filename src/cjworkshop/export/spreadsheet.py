"""CSV with one row per persona × touchpoint, for a spreadsheet or a script.

Rows follow the journey: persona by persona, touchpoints in phase order, including the pairs that
were skipped as not relevant and those not plotted yet, so a pivot table sees every cell of the
grid. Ids sit beside names, so scripts can join on them. The csv module quotes separators, quotes
and line breaks; ``escape.spreadsheet_cell`` keeps text that starts like a formula from running.
The columns of schema version 2 come last: the touchpoint's interactions, the target emotion, and
what thoughts, feelings, pain points and opportunities rest on (``observed`` or ``assumed``, as
ids like ``kind`` and ``channel``, with the source after a colon); lists are joined with "; " in
the order of their column, ``none`` for a note with no evidence.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from typing import Final

from cjworkshop.export.escape import spreadsheet_cell
from cjworkshop.i18n import Translator
from cjworkshop.model.queries import phases_by_id, plot_index, touchpoints_in_order
from cjworkshop.model.session import Evidence, Opportunity, PainPoint, Session, Touchpoint

COLUMNS: Final = (
    "persona_id",
    "persona",
    "phase_id",
    "phase",
    "touchpoint_id",
    "touchpoint",
    "kind",
    "channel",
    "relevant",
    "emotion",
    "action",
    "thought",
    "pain_points",
    "highest_severity",
    "opportunities",
    "moment_of_truth",
    # Schema version 2; after the first columns, so scripts that read by position keep working.
    "interactions",
    "target_emotion",
    "thought_evidence",
    "emotion_evidence",
    "pain_point_evidence",
    "opportunity_evidence",
)


def _evidence(evidence: Evidence | None, source: str) -> str:
    """``observed: complaint log``, ``assumed``, or nothing when unmarked."""
    if evidence is None:
        return ""
    return f"{evidence}: {source}" if source.strip() else evidence


def _evidence_list(notes: Sequence[PainPoint | Opportunity]) -> str:
    """The evidence of each note in the order of its column; ``none`` where a note has none."""
    marks = [_evidence(note.evidence, note.source) for note in notes]
    return "; ".join(mark or "none" for mark in marks) if any(marks) else ""


def _interactions(touchpoint: Touchpoint) -> str:
    """``Chatbot; Follow-up mail (email)``: the channel only where it is not the touchpoint's."""
    own = (touchpoint.channel, touchpoint.channel_name.strip())
    parts = []
    for item in touchpoint.interactions:
        channel = item.channel
        if channel is None or (channel, item.channel_name.strip()) == own:
            parts.append(item.name)
        else:
            word = item.channel_name.strip() if channel == "other" else ""
            parts.append(f"{item.name} ({word or channel})")
    return "; ".join(parts)


def plots_csv(session: Session, tr: Translator) -> str:
    """The journey grid as CSV text, headers in the translator's language."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([tr(f"export.csv.{column}") for column in COLUMNS])
    phases = phases_by_id(session)
    plots = plot_index(session)
    yes, no = tr("export.csv.yes"), tr("export.csv.no")
    for persona in session.personas:
        for touchpoint in touchpoints_in_order(session):
            phase = phases.get(touchpoint.phase)
            plot = plots.get((persona.id, touchpoint.id))
            relevant = "" if plot is None else (yes if plot.relevant else no)
            pains = plot.pain_points if plot else ()
            severities = [p.severity for p in pains if p.severity is not None]
            text = {
                "persona": persona.name,
                "phase": phase.name if phase else touchpoint.phase,
                "touchpoint": touchpoint.name,
                "action": plot.action if plot else "",
                "thought": plot.thought if plot else "",
                "pain_points": "; ".join(
                    p.text + (f" ({p.severity})" if p.severity is not None else "") for p in pains
                ),
                "opportunities": "; ".join(o.text for o in plot.opportunities) if plot else "",
                "interactions": _interactions(touchpoint),
                "thought_evidence": _evidence(plot.thought_evidence, plot.thought_source)
                if plot
                else "",
                "emotion_evidence": _evidence(plot.emotion_evidence, plot.emotion_source)
                if plot
                else "",
                "pain_point_evidence": _evidence_list(pains),
                "opportunity_evidence": _evidence_list(plot.opportunities) if plot else "",
            }
            values = {
                "persona_id": persona.id,
                "phase_id": touchpoint.phase,
                "touchpoint_id": touchpoint.id,
                "kind": touchpoint.kind,
                "channel": touchpoint.channel,
                "relevant": relevant,
                "emotion": "" if plot is None or plot.emotion is None else str(plot.emotion),
                "highest_severity": str(max(severities)) if severities else "",
                "moment_of_truth": (yes if plot.moment_of_truth else "") if plot else "",
                "target_emotion": ""
                if plot is None or plot.target_emotion is None
                else str(plot.target_emotion),
                **{key: spreadsheet_cell(value) for key, value in text.items()},
            }
            writer.writerow([values[column] for column in COLUMNS])
    return out.getvalue()
