"""Journey models: the phases a session starts from, with guidance in Dutch and English.

A template describes one way of cutting a customer journey into phases (five phases, five phases
with delivery, the McKinsey loop, or none at all). For every phase it says what the phase means,
which questions a facilitator asks the room, which touchpoints are usual there (direct and
indirect, with their channel) and which plain questions a solo owner answers in a
self-assessment, each with the improvement it suggests when the answer is weak. Every text
exists in both languages; a missing one is a validation error.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Annotated

import msgspec
from msgspec.structs import replace

from cjworkshop.model.session import (
    STEPS,
    Channel,
    Language,
    Mode,
    Phase,
    Session,
    Shape,
    Slug,
    Step,
    StepTime,
    TouchpointKind,
)
from cjworkshop.model.validation import Problem

NonEmpty = Annotated[str, msgspec.Meta(min_length=1)]


class TemplateRecord(
    msgspec.Struct, frozen=True, forbid_unknown_fields=True, omit_defaults=True, kw_only=True
):
    """Base for template records: immutable and strict about keys."""


class Localized(TemplateRecord, frozen=True, kw_only=True):
    """One text in both languages."""

    nl: NonEmpty
    en: NonEmpty

    def __call__(self, language: Language) -> str:
        return self.nl if language == "nl" else self.en


class LocalizedList(TemplateRecord, frozen=True, kw_only=True):
    """A list of texts in both languages; both lists have the same length, item for item."""

    nl: tuple[NonEmpty, ...]
    en: tuple[NonEmpty, ...]

    def __call__(self, language: Language) -> tuple[str, ...]:
        return self.nl if language == "nl" else self.en


class SuggestedTouchpoint(TemplateRecord, frozen=True, kw_only=True):
    """A touchpoint that is usual in a phase, offered to the room with one keystroke."""

    name: Localized
    channel: Channel
    kind: TouchpointKind = "direct"
    description: Localized | None = None


class AssessmentQuestion(TemplateRecord, frozen=True, kw_only=True):
    """A plain question a solo owner scores from 1 to 5, why it matters, and what to do about
    it when the answer is weak: the ``action`` is the title of the roadmap item the answer
    becomes, written as something to do (``Ask happy customers for a review``)."""

    id: Slug
    question: Localized
    why: Localized
    action: Localized


class TemplatePhase(TemplateRecord, frozen=True, kw_only=True):
    id: Slug
    name: Localized
    description: Localized
    weight: Annotated[float, msgspec.Meta(ge=0.1, le=5.0)] = 1.0
    questions: LocalizedList
    touchpoints: tuple[SuggestedTouchpoint, ...] = ()
    assessment: tuple[AssessmentQuestion, ...] = ()


class StepGuide(TemplateRecord, frozen=True, kw_only=True):
    """A step's default timebox and, optionally, questions that replace the general ones."""

    minutes: Annotated[int, msgspec.Meta(ge=1, le=600)]
    questions: LocalizedList | None = None


class Template(TemplateRecord, frozen=True, kw_only=True):
    schema_version: int = 1
    name: Localized
    description: Localized
    source: Localized
    shape: Shape = "linear"
    steps: dict[Step, StepGuide] = {}
    goal_examples: LocalizedList | None = None
    phases: tuple[TemplatePhase, ...] = ()
    id: str = ""
    """The template's name in the templates folder; set from the file name when loaded."""


def template_problems(template: Template) -> list[Problem]:
    """Checks the types cannot express: both languages complete item for item, ids unique."""
    problems: list[Problem] = []

    def check_list(path: str, texts: LocalizedList | None) -> None:
        if texts is not None and len(texts.nl) != len(texts.en):
            problems.append(
                Problem(
                    path, "problem.languages_differ", {"nl": len(texts.nl), "en": len(texts.en)}
                )
            )

    check_list("$.goal_examples", template.goal_examples)
    for step, guide in template.steps.items():
        check_list(f"$.steps.{step}.questions", guide.questions)
    seen_phases: set[str] = set()
    for index, phase in enumerate(template.phases):
        path = f"$.phases[{index}]"
        if phase.id in seen_phases:
            problems.append(Problem(f"{path}.id", "problem.duplicate_id", {"id": phase.id}))
        seen_phases.add(phase.id)
        check_list(f"{path}.questions", phase.questions)
        seen_questions: set[str] = set()
        for number, question in enumerate(phase.assessment):
            if question.id in seen_questions:
                problems.append(
                    Problem(
                        f"{path}.assessment[{number}].id",
                        "problem.duplicate_id",
                        {"id": question.id},
                    )
                )
            seen_questions.add(question.id)
    return problems


def session_from_template(
    template: Template,
    *,
    title: str,
    language: Language,
    mode: Mode,
    when: dt.datetime,
) -> Session:
    """A new, empty session with the template's phases, shape and timeboxes."""
    phases = tuple(
        Phase(
            id=phase.id,
            name=phase.name(language),
            description=phase.description(language),
            weight=phase.weight,
        )
        for phase in template.phases
    )
    timebox = {
        step: StepTime(planned_minutes=template.steps[step].minutes)
        for step in STEPS
        if step in template.steps
    }
    session = Session(
        title=title,
        language=language,
        mode=mode,
        shape=template.shape,
        template=template.id,
        created=when,
        updated=when,
        phases=phases,
    )
    return replace(session, timebox=timebox)


def template_phase(template: Template | None, phase_id: str) -> TemplatePhase | None:
    """The template's guidance for a session phase, if the phase came from this template."""
    if template is None:
        return None
    for phase in template.phases:
        if phase.id == phase_id:
            return phase
    return None


@dataclass(frozen=True)
class ChecklistText:
    """One self-assessment question in one language, and the improvement it suggests."""

    question: str
    action: str


Checklist = Mapping[str, ChecklistText]
"""The self-assessment's questions by key (``purchase.payment-options``)."""


def checklist(template: Template | None, language: Language) -> dict[str, ChecklistText]:
    """The template's self-assessment questions by key, in one language, in journey order."""
    if template is None:
        return {}
    return {
        f"{phase.id}.{question.id}": ChecklistText(
            question.question(language), question.action(language)
        )
        for phase in template.phases
        for question in phase.assessment
    }
