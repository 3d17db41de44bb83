"""One-line summaries of a session, shared by the command line, the start screen and reports."""

from __future__ import annotations

from cjworkshop.i18n import Translator
from cjworkshop.model.queries import progress
from cjworkshop.model.session import Session


def progress_text(tr: Translator, session: Session) -> str:
    """``3 goals · 3 personas · 14 touchpoints · 90% plotted``."""
    counts = progress(session)
    parts = [
        tr.count("count.goals", counts.goals),
        tr.count("count.personas", counts.personas),
        tr.count("count.touchpoints", counts.touchpoints),
    ]
    if counts.pairs:
        parts.append(tr("count.plotted", percent=round(100 * counts.plotted_share)))
    return " · ".join(parts)
