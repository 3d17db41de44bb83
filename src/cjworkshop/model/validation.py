"""Checks that a session's parts fit together, beyond what each record's type says.

The Structs already refuse wrong types, out-of-range numbers and unknown keys. What they cannot see
is how records refer to each other: a plot for a persona that does not exist, a touchpoint in an
unknown phase, two personas with one id. ``session_problems`` finds those in one pass over the
session, so loading stays cheap even for thousands of plots. Each problem carries the key path
of the offending value and a message key for the translation layer.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from cjworkshop.model.session import Session


@dataclass(frozen=True, slots=True)
class Problem:
    """One inconsistency: where it is (``$.plots[3].persona``) and what is wrong."""

    path: str
    key: str
    params: dict[str, object] = field(default_factory=dict)


def _duplicates(kind: str, ids: Iterable[str], into: list[Problem]) -> set[str]:
    seen: set[str] = set()
    for index, item_id in enumerate(ids):
        if item_id in seen:
            into.append(Problem(f"$.{kind}[{index}].id", "problem.duplicate_id", {"id": item_id}))
        seen.add(item_id)
    return seen


def session_problems(session: Session) -> list[Problem]:
    """Every broken reference and duplicate in the session, in file order."""
    problems: list[Problem] = []
    _duplicates("goals", (goal.id for goal in session.goals), problems)
    personas = _duplicates("personas", (p.id for p in session.personas), problems)
    phases = _duplicates("phases", (p.id for p in session.phases), problems)
    touchpoints = _duplicates("touchpoints", (t.id for t in session.touchpoints), problems)
    items = _duplicates("roadmap", (item.id for item in session.roadmap), problems)

    for index, touchpoint in enumerate(session.touchpoints):
        if touchpoint.phase not in phases:
            problems.append(
                Problem(
                    f"$.touchpoints[{index}].phase",
                    "problem.unknown_phase",
                    {"id": touchpoint.phase},
                )
            )

    pairs: set[tuple[str, str]] = set()
    for index, plot in enumerate(session.plots):
        if plot.persona not in personas:
            problems.append(
                Problem(
                    f"$.plots[{index}].persona", "problem.unknown_persona", {"id": plot.persona}
                )
            )
        if plot.touchpoint not in touchpoints:
            problems.append(
                Problem(
                    f"$.plots[{index}].touchpoint",
                    "problem.unknown_touchpoint",
                    {"id": plot.touchpoint},
                )
            )
        pair = (plot.persona, plot.touchpoint)
        if pair in pairs:
            problems.append(
                Problem(
                    f"$.plots[{index}]",
                    "problem.duplicate_plot",
                    {"persona": plot.persona, "touchpoint": plot.touchpoint},
                )
            )
        pairs.add(pair)

    sources: set[str] = set()
    for index, item in enumerate(session.roadmap):
        for number, source in enumerate(item.sources):
            if source in sources:
                problems.append(
                    Problem(
                        f"$.roadmap[{index}].sources[{number}]",
                        "problem.duplicate_source",
                        {"source": source},
                    )
                )
            sources.add(source)

    for index, vote in enumerate(session.votes):
        if vote.item not in items:
            problems.append(
                Problem(f"$.votes[{index}].item", "problem.unknown_item", {"id": vote.item})
            )

    questions: set[str] = set()
    for index, answer in enumerate(session.assessment):
        if answer.question in questions:
            problems.append(
                Problem(
                    f"$.assessment[{index}].question",
                    "problem.duplicate_answer",
                    {"question": answer.question},
                )
            )
        questions.add(answer.question)
        if answer.not_applicable and answer.score is not None:
            problems.append(
                Problem(
                    f"$.assessment[{index}]",
                    "problem.score_and_not_applicable",
                    {"question": answer.question},
                )
            )
    return problems
