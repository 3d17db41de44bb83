"""CSV with one row per figure measured at a touchpoint, for a spreadsheet or a script.

Rows follow the journey: touchpoints in phase order, each touchpoint's figures as they are kept.
The touchpoint's id sits beside its name and its phase, so a script can join on it, and the
file imports again with ``import-metrics`` (it reads these headers). Values are written with a
decimal point, dates as ``YYYY-MM-DD``. As in the journey CSV, the csv module quotes separators,
quotes and line breaks, and ``escape.spreadsheet_cell`` keeps text that starts like a formula
from running.
"""

from __future__ import annotations

import csv
import io
from typing import Final

from cjworkshop.export.escape import spreadsheet_cell
from cjworkshop.i18n import Translator
from cjworkshop.model.metric_lines import number_text
from cjworkshop.model.queries import phases_by_id, touchpoints_in_order
from cjworkshop.model.session import Session

COLUMNS: Final = (
    "touchpoint_id",
    "touchpoint",
    "phase",
    "metric",
    "value",
    "unit",
    "date",
    "source",
)


def metrics_csv(session: Session, tr: Translator) -> str:
    """Every figure of the session as CSV text, headers in the translator's language."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([tr(f"metrics_export.{column}") for column in COLUMNS])
    phases = phases_by_id(session)
    for touchpoint in touchpoints_in_order(session):
        phase = phases.get(touchpoint.phase)
        for metric in touchpoint.metrics:
            writer.writerow(
                [
                    touchpoint.id,
                    spreadsheet_cell(touchpoint.name),
                    spreadsheet_cell(phase.name if phase else touchpoint.phase),
                    spreadsheet_cell(metric.name),
                    number_text(metric.value),
                    spreadsheet_cell(metric.unit),
                    metric.date.isoformat() if metric.date else "",
                    spreadsheet_cell(metric.source),
                ]
            )
    return out.getvalue()
