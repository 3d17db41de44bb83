"""What a self-assessment says to the owner who does it alone: no room, no dots, no jargon.

``SOLO_KEYS`` lists the catalog texts a self-assessment shows on its own steps (goals, your
customers, the checklist, the roadmap), in its forms and in its reports; a key ending in ``.``
stands for every text under it. Every one of them, and every checklist text of the templates, is
held to the words of ``tests.solo_words`` in both languages. The Pilot test of the solo path
(``tests/ui/test_solo_path.py``) reads the same words off the screens themselves.
"""

from __future__ import annotations

import datetime as dt

import pytest
from msgspec.structs import replace

from cjworkshop.export.explain import how_it_ranks, why
from cjworkshop.export.markdown import roadmap_markdown
from cjworkshop.i18n import catalog, translator
from cjworkshop.model.flow import SOLO_FLOW, SOLO_PATH
from cjworkshop.model.roadmap import roadmap
from cjworkshop.model.session import Answer, Language, Persona, Session
from cjworkshop.model.template import Checklist, checklist, session_from_template
from cjworkshop.store.templates import bundled_templates
from tests.solo_words import JARGON, QUADRANTS, WORKSHOP, found

SOLO_KEYS = (
    "solo.",
    "goals.intro_solo",
    "goals.empty",
    "goals.examples",
    "goals.examples_hint",
    "goals.no_examples",
    "goals.column.goal",
    "form.goal.add",
    "form.goal.edit",
    "hint.goal.what",
    "hint.goal.why",
    "personas.intro_solo",
    "personas.empty_solo",
    "form.persona.solo",
    "field.persona.name",
    "field.persona.description",
    "field.persona.needs",
    "field.persona.triggers",
    "field.persona.expectations",
    "field.persona.frustrations",
    "hint.persona.description",
    "hint.persona.needs",
    "hint.persona.triggers",
    "hint.persona.finds_us",
    "hint.persona.expectations",
    "hint.persona.frustrations",
    "assessment.",
    "guide.assessment.",
    "key.answer_",
    "key.not_applicable",
    "key.clear_answer",
    "key.why",
    "key.note",
    "key.effort_",
    "key.status",
    "key.horizon",
    "key.edit",
    "key.export",
    "key.timebox",
    "roadmap.column.",
    "roadmap.count.",
    "roadmap.moved",
    "roadmap.closed",
    "roadmap.field.title",
    "roadmap.field.note",
    "roadmap.form.title",
    "why_answer.told",
    "why_answer.weight",
    "why_answer.effort",
    "why_answer.effort_unset",
    "why_answer.horizon_set",
    "why.horizon",
    "why.closed.",
    "horizon.",
    "status.",
    "export.roadmap.title",
    "export.roadmap.summary.",
    "export.roadmap.column.",
    "export.roadmap.nothing",
    "export.section.goals",
    "export.section.assessment",
    "export.section.roadmap",
    "export.assessment.",
)
EXPLAINED = ("solo.formula.text",)
"""Texts that name the quadrants and say in the same sentence what each means."""
DEEPER = tuple(f"solo.step.{step}" for step in SOLO_FLOW if step not in SOLO_PATH)
"""The names of the steps below "go deeper", where an owner takes up the method itself: they
keep its words (Touchpoints, Journey map), as the steps themselves do."""
MODELS = [t for t in bundled_templates() if any(p.assessment for p in t.phases)]


def solo_texts(language: Language) -> dict[str, str]:
    texts: dict[str, str] = {}
    for key, value in catalog(language).items():
        if any(key == k or (k.endswith((".", "_")) and key.startswith(k)) for k in SOLO_KEYS):
            texts[key] = value if isinstance(value, str) else " ".join(value)
    return texts


@pytest.mark.parametrize("language", ["nl", "en"])
def test_every_solo_text_speaks_to_one_owner_in_plain_words(language: Language) -> None:
    texts = solo_texts(language)
    assert len(texts) > 100  # the list finds what it names
    for key, text in texts.items():
        assert not found(WORKSHOP[language], text), key
        jargon = found(JARGON[language], text)
        if key in EXPLAINED:
            assert set(jargon) == set(QUADRANTS[language]), key
        elif key not in DEEPER:
            assert not jargon, key


@pytest.mark.parametrize("language", ["nl", "en"])
def test_every_checklist_text_speaks_to_one_owner_in_plain_words(language: Language) -> None:
    for template in MODELS:
        for phase in template.phases:
            for item in phase.assessment:
                for text in (item.question, item.why, item.action):
                    said = text(language)
                    assert not found(WORKSHOP[language], said), (template.id, item.id)
                    assert not found(JARGON[language], said), (template.id, item.id)


def test_the_word_lists_catch_what_they_name() -> None:
    assert found(WORKSHOP["nl"], "Vraag de groep: Doelen") == ["groep"]
    assert found(WORKSHOP["nl"], "5 stippen per persoon") == ["stippen"]
    assert found(WORKSHOP["en"], "Ask the room") == ["room"]
    assert not found(WORKSHOP["en"], "a showroom")
    assert found(JARGON["nl"], "Persona's") == ["persona's"]
    assert found(JARGON["en"], "Quick win") == ["quick win"]


def _bakery(language: Language) -> tuple[Session, Checklist]:
    """A bakery's self-assessment: the five phases' checklist answered 1, 2, 4, 5, 3 in turn."""
    template = next(t for t in MODELS if t.id == "five-phases")
    when = dt.datetime(2026, 11, 1, tzinfo=dt.UTC)
    session = session_from_template(
        template, title="Bakkerij Jansen", language=language, mode="self-assessment", when=when
    )
    questions = checklist(template, language)
    scores = [1, 2, 4, 5, 3]
    answers = tuple(
        Answer(question=key, score=scores[n % len(scores)]) for n, key in enumerate(questions)
    )
    persona = Persona(id="anneke", name="Anneke")
    return replace(session, assessment=answers, personas=(persona,)), questions


@pytest.mark.parametrize(
    ("language", "told"),
    [("nl", "Je gaf jezelf {} van 5 op: “{}”"), ("en", "You answered {} of 5 to: “{}”")],
)
def test_a_solo_roadmap_reads_as_advice_weakest_first(language: Language, told: str) -> None:
    session, questions = _bakery(language)
    tr = translator(language)
    items = roadmap(session, questions)
    document = roadmap_markdown(session, tr, questions)
    answers = {a.question: a.score for a in session.assessment}
    assert len(items) == sum(1 for score in answers.values() if score is not None and score <= 4)
    for item in items:
        (found_in,) = item.evidence
        key = found_in.key.removeprefix("assessment:")
        # A thing to do, the action of its question, and why in words, not a formula.
        assert item.title == questions[key].action
        reason = why(tr, item)
        assert reason.startswith(told.format(answers[key], questions[key].question))
        assert "×" not in reason
        assert "=" not in reason
        assert f"| {item.title} |" in document
        assert reason in document
    # Within a phase weight (no effort set, no dots), the weakest answer comes first.
    for weight in {item.factors.weight for item in items}:
        ranked = [i.evidence[0].answer or 0 for i in items if i.factors.weight == weight]
        assert ranked == sorted(ranked)
    heading, said = how_it_ranks(tr, "self-assessment", items)
    assert f"## {heading}" in document
    assert all(line in document for line in said)
    assert not found(WORKSHOP[language], document)
