"""Self-assessment scores: per phase and overall, from the owner's 1-5 answers.

An answer of "does not apply" is left out of every average, so a question that does not fit the
business never drags its phase down. A phase's score is the average of its applicable answers;
the overall score is the average of all applicable answers. Answers refer to questions as
``<phase id>.<question id>`` of the session's template.
"""

from __future__ import annotations

from dataclasses import dataclass

from msgspec.structs import replace

from cjworkshop.model.session import Answer, Session


@dataclass(frozen=True)
class PhaseScore:
    phase: str
    average: float | None
    """The average of the applicable answers; None when none was given yet."""
    answered: int
    not_applicable: int


def phase_of(question: str) -> str:
    return question.split(".", 1)[0]


def answers_by_question(session: Session) -> dict[str, Answer]:
    return {answer.question: answer for answer in session.assessment}


def phase_scores(session: Session) -> dict[str, PhaseScore]:
    """The score of every phase of the session, in phase order."""
    collected: dict[str, list[int]] = {phase.id: [] for phase in session.phases}
    skipped: dict[str, int] = {phase.id: 0 for phase in session.phases}
    for answer in session.assessment:
        phase = phase_of(answer.question)
        if phase not in collected:
            continue
        if answer.not_applicable:
            skipped[phase] += 1
        elif answer.score is not None:
            collected[phase].append(answer.score)
    return {
        phase: PhaseScore(
            phase=phase,
            average=sum(scores) / len(scores) if scores else None,
            answered=len(scores),
            not_applicable=skipped[phase],
        )
        for phase, scores in collected.items()
    }


def overall_score(session: Session) -> float | None:
    """The average of every applicable answer; None before the first one."""
    scores = [
        answer.score
        for answer in session.assessment
        if not answer.not_applicable and answer.score is not None
    ]
    return sum(scores) / len(scores) if scores else None


def set_answer(
    session: Session,
    question: str,
    *,
    score: int | None = None,
    not_applicable: bool = False,
    note: str | None = None,
) -> Session:
    """Answer a question (a score, or "does not apply"), keeping any note unless a new one is given.

    An answer with no score, no "does not apply" and no note is removed, so clearing an answer
    leaves the file as if it had never been given.
    """
    current = answers_by_question(session).get(question)
    kept_note = note if note is not None else (current.note if current else "")
    answer = Answer(
        question=question,
        score=None if not_applicable else score,
        not_applicable=not_applicable,
        note=kept_note,
    )
    empty = answer.score is None and not answer.not_applicable and not answer.note
    answers = []
    placed = False
    for existing in session.assessment:
        if existing.question == question:
            placed = True
            if not empty:
                answers.append(answer)
        else:
            answers.append(existing)
    if not placed and not empty:
        answers.append(answer)
    return replace(session, assessment=tuple(answers))
