"""How far each step has come, in a few words for the step list: ``3 goals``, ``12 of 45 plotted``.

Worked out from the session alone, so the step list can speak of every step without building its
view (or importing it), and once per edit, not once per step switch (``StepProgress``).

The review's and the roadmap's counts rank every pain point and the whole roadmap, so they are
worked out after the screen is drawn (``SLOW_STEPS``), and their models imported then: with the
session screen they (and the roadmap's export, which needs them too) would cost some 11 ms of
CPU before its first frame (the large session at its grid: 345 ms in all, bench/run.py).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from cjworkshop.i18n import Translator
from cjworkshop.model.assessment import overall_score
from cjworkshop.model.queries import is_plotted, plot_index
from cjworkshop.model.session import Session, Step
from cjworkshop.model.template import Template, checklist

Count = Callable[[Session, Translator, Template | None], str]


def _goals(session: Session, tr: Translator, template: Template | None) -> str:
    return tr.count("count.goals", len(session.goals))


def _personas(session: Session, tr: Translator, template: Template | None) -> str:
    solo = session.mode == "self-assessment"
    return tr.count("solo.count.customers" if solo else "count.personas", len(session.personas))


def _touchpoints(session: Session, tr: Translator, template: Template | None) -> str:
    return tr.count("count.touchpoints", len(session.touchpoints))


def _plotting(session: Session, tr: Translator, template: Template | None) -> str:
    pairs = len(session.personas) * len(session.touchpoints)
    done = sum(1 for plot in session.plots if is_plotted(plot))
    return tr("walk.count", done=done, total=pairs) if pairs else ""


def _grid(session: Session, tr: Translator, template: Template | None) -> str:
    if not (session.personas and session.touchpoints):
        return ""
    plots = plot_index(session)
    empty = sum(
        1
        for p in session.personas
        for t in session.touchpoints
        if not is_plotted(plots.get((p.id, t.id)))
    )
    return tr("grid.count", empty=empty)


def _map(session: Session, tr: Translator, template: Template | None) -> str:
    return tr.count("count.phases", len(session.phases)) if session.touchpoints else ""


def _review(session: Session, tr: Translator, template: Template | None) -> str:
    from cjworkshop.model.review import pain_groups  # a slow step's: see the top

    groups = pain_groups(session)
    return tr.count("review.count", len(groups)) if groups else ""


def _roadmap(session: Session, tr: Translator, template: Template | None) -> str:
    from cjworkshop.model.roadmap import roadmap  # a slow step's: see the top

    items = roadmap(session, checklist(template, session.language))
    now = sum(1 for i in items if i.horizon == "now" and i.status not in ("done", "dropped"))
    return tr.count("roadmap.count", len(items), now=now) if items else ""


def _assessment(session: Session, tr: Translator, template: Template | None) -> str:
    score = overall_score(session)
    return tr("assessment.count", score=tr.decimal(f"{score:.1f}")) if score is not None else ""


COUNTS: dict[Step, Count] = {
    "goals": _goals,
    "personas": _personas,
    "touchpoints": _touchpoints,
    "plotting": _plotting,
    "grid": _grid,
    "map": _map,
    "review": _review,
    "roadmap": _roadmap,
    "assessment": _assessment,
}


SLOW_STEPS: frozenset[Step] = frozenset({"review", "roadmap"})
"""Steps whose count ranks every pain point or the whole roadmap: milliseconds, not microseconds,
in a large session, so the screen works them out after drawing."""


def step_counts(
    steps: Sequence[Step], session: Session, tr: Translator, template: Template | None
) -> dict[Step, str]:
    """The progress note of every step in ``steps``."""
    return {step: COUNTS[step](session, tr, template) for step in steps}


class StepProgress:
    """What the step list says of the steps of one session screen, kept until the next edit.

    The slow steps' counts are worked out apart (``count_slow_steps``), after the screen is
    drawn; until then they say what they said before the edit.
    """

    def __init__(self, steps: Sequence[Step], tr: Translator, template: Template | None) -> None:
        self.steps = tuple(steps)
        self.tr = tr
        self.template = template
        self.counted: Session | None = None
        """The session the counts are of."""
        self.notes: dict[Step, str] = {}

    def counts(self, session: Session) -> tuple[dict[Step, str], bool]:
        """Every step's note, and whether the slow ones are still to be counted for
        ``session``."""
        if session is self.counted:
            return self.notes, False
        quick = [step for step in self.steps if step not in SLOW_STEPS]
        notes = step_counts(quick, session, self.tr, self.template)
        notes.update({step: self.notes.get(step, "") for step in self.steps if step not in notes})
        self.counted, self.notes = session, notes
        return notes, True

    def count_slow_steps(self, session: Session) -> bool:
        """Count the slow steps of ``session``; False when it was edited again meanwhile
        (that edit asks for its own counts)."""
        if session is not self.counted:
            return False
        slow = [step for step in self.steps if step in SLOW_STEPS]
        self.notes.update(step_counts(slow, session, self.tr, self.template))
        return True
