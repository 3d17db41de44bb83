"""The bundled journey models: complete in both languages, and refused when a text is missing."""

from __future__ import annotations

from pathlib import Path

import pytest

from cjworkshop.i18n import translator
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
