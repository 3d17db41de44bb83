"""Journey-as-code checks: what a complete, looked-after session has, for CI or a pre-commit hook.

Loading a session already refuses broken files (``validation``); these checks look at a valid
session and name what the room left unfinished. What is unfinished depends on the session's
mode: a workshop maps the journey, so its phases and personas are checked; a self-assessment is
an owner answering the template's checklist, with the map as an optional deeper part, so its
questions are checked instead:

- ``merge-conflict``: a field two branches changed differently, which ``cjworkshop merge`` kept
  as ours and noted with theirs, until someone takes one (in the app's review);
- ``phase-without-touchpoints`` (a workshop): a phase nobody filled in;
- ``persona-never-plotted`` (a workshop): a persona with no touchpoint plotted (an emotion set,
  or skipped as not relevant);
- ``question-unanswered`` (a self-assessment): a question of the template's checklist with
  neither a score nor "not applicable";
- ``pain-point-without-severity``: a pain point at a relevant plot nobody rated (pain points at
  skipped plots count nowhere, so they are not checked either);
- ``roadmap-item-without-effort`` and ``roadmap-item-without-owner``: an item on the roadmap,
  open or doing, with no effort or nobody who owns it;
- ``roadmap-item-not-reviewed``, only when a number of days is given: an open or doing item whose
  last review (``RoadmapItem.reviewed``, or the day the session was created when it was never
  reviewed) lies more than that many days before today;
- ``revisit-overdue``, only when the session plans a revisit (``Session.next_revisit``): that
  day has passed and the map was not looked at again (a revisit starts a new file, whose own
  date is set anew).

The roadmap items are those of ``roadmap.roadmap``: the decided ones and the ones it proposes from
pain points, ideas and weak answers. Done and dropped items need no effort or owner and never go
stale; decisions whose sources are gone from the session are not on the roadmap and not checked.
Besides the failures, ``run_warnings`` names what deserves a second look without failing the
check (a CI run stays green on it):

- ``pain-point-severe-but-assumed``: a pain point of severity 4 or 5, at a relevant plot, that
  the room marked as assumed: the roadmap ranks it high, so check it before building on it.
  Unmarked pain points are not warned about; marking evidence is optional.

Failures come in the order of the list above; within a check, records in the session's own order
(personas, then the journey) and roadmap items best first.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Final, Literal

from cjworkshop.model.assessment import answers_by_question
from cjworkshop.model.queries import empty_phases, is_plotted, plot_index, touchpoints_in_order
from cjworkshop.model.roadmap import RankedItem, roadmap
from cjworkshop.model.session import Mode, Persona, Plot, Session, Touchpoint
from cjworkshop.model.template import Checklist

CheckCode = Literal[
    "merge-conflict",
    "phase-without-touchpoints",
    "persona-never-plotted",
    "question-unanswered",
    "pain-point-without-severity",
    "roadmap-item-without-effort",
    "roadmap-item-without-owner",
    "roadmap-item-not-reviewed",
    "revisit-overdue",
    "pain-point-severe-but-assumed",
]

ALWAYS: Final[tuple[CheckCode, ...]] = (
    "merge-conflict",
    "phase-without-touchpoints",
    "persona-never-plotted",
    "pain-point-without-severity",
    "roadmap-item-without-effort",
    "roadmap-item-without-owner",
)
"""The checks that always run on a workshop; ``roadmap-item-not-reviewed`` runs only with a
number of days."""

SOLO: Final[tuple[CheckCode, ...]] = (
    "merge-conflict",
    "question-unanswered",
    "pain-point-without-severity",
    "roadmap-item-without-effort",
    "roadmap-item-without-owner",
)
"""The checks that always run on a self-assessment."""

WARNINGS: Final[tuple[CheckCode, ...]] = ("pain-point-severe-but-assumed",)
"""The checks that warn and never fail; ``run_warnings`` runs them."""

SEVERE: Final = 4
"""The severity from which a pain point resting only on an assumption is worth a warning."""


@dataclass(frozen=True, slots=True)
class CheckFailure:
    """One thing left unfinished: which check, which record, and the names for the message.

    A warning (a code in ``WARNINGS``) has the same shape; only the command treats it otherwise.
    """

    code: CheckCode
    record: str
    """The id of the phase, persona or roadmap item; for a pain point, ``persona/touchpoint``."""
    params: dict[str, object] = field(default_factory=dict)


def checks_to_run(
    mode: Mode, stale_days: int | None, *, revisit_planned: bool = False
) -> tuple[CheckCode, ...]:
    """The codes of the checks ``run_checks`` performs on a session of ``mode`` with this
    setting (and a planned revisit, or none), in their order."""
    codes = SOLO if mode == "self-assessment" else ALWAYS
    if stale_days is not None:
        codes = (*codes, "roadmap-item-not-reviewed")
    return (*codes, "revisit-overdue") if revisit_planned else codes


def run_checks(
    session: Session,
    *,
    today: dt.date,
    stale_days: int | None,
    questions: Checklist | None = None,
) -> list[CheckFailure]:
    """Every failure of every check, in check order; an empty list when the session is complete.

    ``questions`` (the template's checklist, by question key) says which questions a
    self-assessment must answer, and gives roadmap items from answers their action; without
    it the questions are not checked.
    """
    items = [item for item in roadmap(session, questions) if item.status in ("open", "doing")]
    if session.mode == "self-assessment":
        unfinished = list(_unanswered(session, questions or {}))
    else:
        unfinished = [*_empty_phases(session), *_unplotted_personas(session)]
    failures = [
        *(CheckFailure("merge-conflict", c.where, {"where": c.where}) for c in session.conflicts),
        *unfinished,
        *_unrated_pains(session),
        *(_failure("roadmap-item-without-effort", i) for i in items if not i.factors.effort_set),
        *(_failure("roadmap-item-without-owner", i) for i in items if not i.owner.strip()),
    ]
    if stale_days is not None:
        failures.extend(_stale(session, items, today, stale_days))
    planned = session.next_revisit
    if planned is not None and planned < today:
        days = (today - planned).days
        failures.append(
            CheckFailure("revisit-overdue", "session", {"date": planned.isoformat(), "days": days})
        )
    return failures


def run_warnings(session: Session) -> list[CheckFailure]:
    """What deserves a second look without failing: see ``WARNINGS``, in the journey's order."""
    return list(_severe_assumed_pains(session))


def _relevant_plots(session: Session) -> Iterable[tuple[Persona, Touchpoint, Plot]]:
    """Every relevant plot with its persona and touchpoint: personas, then the journey."""
    plots = plot_index(session)
    journey = touchpoints_in_order(session)
    for persona in session.personas:
        for touchpoint in journey:
            plot = plots.get((persona.id, touchpoint.id))
            if plot is not None and plot.relevant:
                yield persona, touchpoint, plot


def _severe_assumed_pains(session: Session) -> Iterable[CheckFailure]:
    for persona, touchpoint, plot in _relevant_plots(session):
        for pain in plot.pain_points:
            if pain.evidence == "assumed" and (pain.severity or 0) >= SEVERE:
                yield CheckFailure(
                    "pain-point-severe-but-assumed",
                    f"{persona.id}/{touchpoint.id}",
                    {
                        "text": pain.text,
                        "severity": pain.severity,
                        "persona": persona.name,
                        "touchpoint": touchpoint.name,
                    },
                )


def _unanswered(session: Session, questions: Checklist) -> Iterable[CheckFailure]:
    answers = answers_by_question(session)
    for key, text in questions.items():
        answer = answers.get(key)
        if answer is None or (answer.score is None and not answer.not_applicable):
            yield CheckFailure("question-unanswered", key, {"question": text.question})


def _empty_phases(session: Session) -> Iterable[CheckFailure]:
    for phase in empty_phases(session):
        yield CheckFailure("phase-without-touchpoints", phase.id, {"phase": phase.name})


def _unplotted_personas(session: Session) -> Iterable[CheckFailure]:
    plots = plot_index(session)
    for persona in session.personas:
        if not any(is_plotted(plots.get((persona.id, tp.id))) for tp in session.touchpoints):
            yield CheckFailure("persona-never-plotted", persona.id, {"persona": persona.name})


def _unrated_pains(session: Session) -> Iterable[CheckFailure]:
    for persona, touchpoint, plot in _relevant_plots(session):
        for pain in plot.pain_points:
            if pain.severity is None:
                yield CheckFailure(
                    "pain-point-without-severity",
                    f"{persona.id}/{touchpoint.id}",
                    {"text": pain.text, "persona": persona.name, "touchpoint": touchpoint.name},
                )


def _failure(code: CheckCode, item: RankedItem) -> CheckFailure:
    return CheckFailure(code, item.id, {"item": item.title})


def _stale(
    session: Session, items: list[RankedItem], today: dt.date, stale_days: int
) -> Iterable[CheckFailure]:
    created = session.created.date()
    for item in items:
        reviewed = item.decision.reviewed if item.decision is not None else None
        since = reviewed or created
        days = (today - since).days
        if days > stale_days:
            yield CheckFailure(
                "roadmap-item-not-reviewed",
                item.id,
                {
                    "item": item.title,
                    "since": since.isoformat(),
                    "days": days,
                    "limit": stale_days,
                    "reviewed": reviewed is not None,
                },
            )
