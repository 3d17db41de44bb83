"""The bundled journey models: complete in both languages, and refused when a text is missing."""

from __future__ import annotations

from pathlib import Path

import pytest

from cjworkshop.i18n import translator
from cjworkshop.model.session import Language
from cjworkshop.store.errors import StoreError
from cjworkshop.store.templates import bundled_templates, read_template
from tests.conftest import TEMPLATES

MODELS = ("five-phases", "five-phases-delivery", "mckinsey-loop")


def test_the_bundled_models_come_first_and_blank_last() -> None:
    assert [t.id for t in bundled_templates()] == [*MODELS, "blank"]


@pytest.mark.parametrize("name", MODELS)
def test_every_phase_guides_the_room_in_both_languages(name: str) -> None:
    template = read_template(TEMPLATES / f"{name}.toml")
    assert len(template.phases) >= 5
    for phase in template.phases:
        assert len(phase.questions.nl) == len(phase.questions.en) >= 4
        assert len(phase.touchpoints) >= 5
        assert sum(1 for t in phase.touchpoints if t.kind == "indirect") >= 2
        assert len(phase.assessment) >= 3
        for question in phase.assessment:
            assert question.question.nl != question.question.en
    assert template.goal_examples is not None
    assert len(template.goal_examples.nl) >= 3


def test_the_five_phases_weigh_the_first_and_last_phase_most() -> None:
    template = read_template(TEMPLATES / "five-phases.toml")
    weights = [phase.weight for phase in template.phases]
    assert weights == [1.5, 1.0, 1.0, 1.0, 1.5]
    assert template.shape == "cyclic"


@pytest.mark.parametrize("language", ["nl", "en"])
def test_a_template_missing_a_text_in_one_language_is_refused(
    tmp_path: Path, language: str
) -> None:
    text = (TEMPLATES / "five-phases-delivery.toml").read_text(encoding="utf-8")
    other = "en" if language == "nl" else "nl"
    original = 'name = { nl = "Overweging", en = "Evaluation" }'
    assert original in text
    broken = original.replace(
        f'{language} = "{"Overweging" if language == "nl" else "Evaluation"}", ', ""
    )
    broken = broken.replace(f', {language} = "Evaluation"', "")
    path = tmp_path / "five-phases-delivery.toml"
    path.write_text(text.replace(original, broken), encoding="utf-8")
    with pytest.raises(StoreError) as caught:
        read_template(path)
    message = caught.value.render(translator("en"))
    assert "five-phases-delivery.toml" in message
    assert f"$.phases[1].name.{language}" in message or "line" in message
    assert other in broken


EXTENT = {"nl": "In hoeverre ", "en": "To what extent "}
"""How every checklist question opens: the answers run from 1 (not at all) to 5 (fully), so a
question asks how far something is true, never whether it is (no "Is …?", "Do we …?")."""
SECOND_IDEA = {"nl": (" en ", " of ", "; "), "en": (" and ", " or ", "; ")}
"""What joins two ideas into one question: a question that needs one of these asks two things,
and one answer cannot score both. A list of examples is written with commas."""
CLAIMS = ("meest", "most ", "altijd", "always", "nooit", "never", "bijna", "almost", "%")
"""Words that state a fact nobody here measured: why a question matters is said as a reason."""
OURS = {"nl": (" we ", " ons ", " onze "), "en": (" we ", " us ", " our ")}
"""The owner answers alone: the checklist speaks to "you", not to a team."""


def _checklist(name: str, language: Language) -> list[tuple[str, str, str, str]]:
    template = read_template(TEMPLATES / f"{name}.toml")
    return [
        (
            f"{phase.id}.{item.id}",
            item.question(language),
            item.why(language),
            item.action(language),
        )
        for phase in template.phases
        for item in phase.assessment
    ]


CHECKLISTS = [(name, language) for name in MODELS for language in ("nl", "en")]


@pytest.mark.parametrize(("name", "language"), CHECKLISTS)
def test_every_checklist_question_asks_one_thing_to_what_extent(
    name: str, language: Language
) -> None:
    for key, question, _why, _action in _checklist(name, language):
        assert question.startswith(EXTENT[language]), key
        assert question.endswith("?"), key
        assert question.count("?") == 1, key
        assert not [joint for joint in SECOND_IDEA[language] if joint in question], key
        assert not [word for word in OURS[language] if word in f" {question.lower()} "], key


@pytest.mark.parametrize(("name", "language"), CHECKLISTS)
def test_every_checklist_item_says_what_to_do_and_why_without_claims(
    name: str, language: Language
) -> None:
    for key, question, why, action in _checklist(name, language):
        # An action is a thing to do, a roadmap item's title: no question, no full stop.
        assert action, key
        assert action != question, key
        assert not action.endswith(("?", ".")), key
        assert action[0].isupper(), key
        assert not [word for word in CLAIMS if word in why.lower()], key
        assert not [word for word in OURS[language] if word in f" {why.lower()} "], key


@pytest.mark.parametrize("name", MODELS)
def test_the_checklist_fits_a_shop_with_a_counter_as_well_as_a_webshop(name: str) -> None:
    questions = " ".join(question for _key, question, _w, _a in _checklist(name, "nl"))
    for subject in ("openingstijden", "contant", "drukke momenten"):
        assert subject in questions, subject


def test_a_checklist_item_without_an_action_is_refused(tmp_path: Path) -> None:
    text = (TEMPLATES / "five-phases.toml").read_text(encoding="utf-8")
    line = next(line for line in text.splitlines() if line.startswith("action = "))
    path = tmp_path / "five-phases.toml"
    path.write_text(text.replace(line + "\n", "", 1), encoding="utf-8")
    with pytest.raises(StoreError) as caught:
        read_template(path)
    message = caught.value.render(translator("en"))
    assert "five-phases.toml" in message
    assert "action" in message
