"""The date of the next revisit, set on the roadmap: when the room will look at this map again.

The roadmap shows it on a line of its own (``revisit_line``); ``r`` opens a form with one field,
the date as YYYY-MM-DD, offering three months from today when none is planned yet; an empty
field plans none. ``cjworkshop check`` fails once the date has passed, and the facilitator's
guide names it at the close.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Final

from cjworkshop.i18n import Translator
from cjworkshop.model.session import Session
from cjworkshop.ui.modals.form_spec import Answers, FormField, FormSpec
from cjworkshop.ui.widgets.validators import DayOrEmpty

SUGGESTED_DAYS: Final = 91
"""Three months ahead: what the form offers when no revisit is planned yet."""


@dataclass(frozen=True)
class PlannedRevisit:
    """What the form answers: the day of the revisit, or None for none (a form that is
    cancelled answers nothing at all)."""

    day: dt.date | None


def revisit_line(tr: Translator, session: Session) -> str:
    planned = session.next_revisit
    if planned is None:
        return tr("roadmap.revisit.none")
    return tr("roadmap.revisit.planned", date=planned.isoformat())


def _day(text: str) -> dt.date | None:
    return dt.date.fromisoformat(text.strip()) if text.strip() else None


def revisit_form(tr: Translator, session: Session, today: dt.date) -> FormSpec[PlannedRevisit]:
    """One field: the day of the revisit, or nothing for none."""
    planned = session.next_revisit or today + dt.timedelta(days=SUGGESTED_DAYS)
    day: FormField[dt.date | None] = FormField(
        "date",
        tr("roadmap.revisit.field"),
        "line",
        planned.isoformat(),
        _day,
        hint=tr("roadmap.revisit.hint"),
        validators=(DayOrEmpty(tr("roadmap.revisit.invalid")),),
        max_length=10,
    )

    def read(answers: Answers) -> PlannedRevisit:
        return PlannedRevisit(answers[day])

    return FormSpec(tr("roadmap.revisit.title"), (day,), read)
