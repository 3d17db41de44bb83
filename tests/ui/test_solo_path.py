"""The self-assessment walked as an owner alone walks it: goals, a typical customer, every
question of the checklist, the roadmap. Every screen on the way is read as the owner reads it:
no room, no dots, no countdown they did not ask for, no unexplained jargon (``tests.solo_words``),
and the roadmap gives the weakest answers first, as things to do.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from cjworkshop.model.flow import SOLO_PATH, solo_minutes
from cjworkshop.model.session import Language
from cjworkshop.store.session_file import read_session
from cjworkshop.ui.modals.record_form import RecordForm
from cjworkshop.ui.screens.session import SessionScreen
from cjworkshop.ui.steps.assessment import AssessmentStep
from cjworkshop.ui.steps.roadmap import RoadmapStep
from cjworkshop.ui.widgets.step_list import StepList
from tests.solo_words import JARGON, QUADRANTS, WORKSHOP, found
from tests.ui.conftest import app_for, new_session
from tests.ui.helpers import dialog_up, fill, screen_lines, settle, until

ANSWERS = "12412412412412412412"
"""The owner's answers in turn, some 1s, some 2s, some 4s, as many as the checklist asks."""


def read_as_owner(screen: SessionScreen) -> tuple[str, str]:
    """The screen as text, without the step list, and the step list's entries of the
    self-assessment's own steps (below them, the deeper steps keep the method's names)."""
    steps = screen.query_one(StepList).region
    lines = screen_lines(screen.app)
    rest = "\n".join(line[: steps.x] + line[steps.right :] for line in lines)
    listed = [line[steps.x : steps.right] for line in lines[steps.y : steps.bottom]]
    own = listed[: next(n for n, line in enumerate(listed) if "─" in line)]
    assert len([line for line in own if re.match(r" \d [^\d]", line)]) == len(SOLO_PATH)
    return rest, "\n".join(own)


def faults(text: str, language: Language, *, quadrants_explained: bool = False) -> list[str]:
    jargon = found(JARGON[language], text)
    if quadrants_explained:
        jargon = [word for word in jargon if word not in QUADRANTS[language]]
    return found(WORKSHOP[language], text) + jargon


@pytest.mark.parametrize(("language", "size"), [("nl", (120, 40)), ("en", (80, 24))])
async def test_the_solo_path_speaks_to_one_owner_and_ends_in_advice(
    workdir: Path, language: Language, size: tuple[int, int]
) -> None:
    path = new_session(workdir / "sessions", language=language, mode="self-assessment")
    app = app_for(path, language=language)
    async with app.run_test(size=size) as pilot:
        screen = app.screen
        assert isinstance(screen, SessionScreen)
        await settle(pilot)
        # Goals: how long the whole of it takes, as its timeboxes plan it; no countdown.
        assert not screen.timebox.display
        text, steps = read_as_owner(screen)
        assert str(solo_minutes(screen.session)) in text
        assert "⏱" not in text
        assert not faults(text + steps, language)
        await pilot.press("x")
        await until(pilot, lambda: len(app.screen_stack) > 2, "the examples are shown")
        await pilot.press("enter")
        await settle(pilot)
        # Your customers: one typical customer, described in the form.
        await pilot.press("right_square_bracket")
        await settle(pilot)
        text, steps = read_as_owner(screen)
        assert not faults(text + steps, language), text
        await pilot.press("a")
        await until(pilot, lambda: dialog_up(app, RecordForm), "the customer's form")
        form_text = "\n".join(screen_lines(app))
        assert not faults(form_text, language), form_text
        await fill(pilot, "Anneke", "Comes every Saturday for bread and a cake.")
        await pilot.press("ctrl+s")
        await settle(pilot)
        text, steps = read_as_owner(screen)
        assert "Anneke" in text
        assert not faults(text + steps, language), text
        # The checklist, every question answered in turn.
        await pilot.press("right_square_bracket")
        await settle(pilot)
        step = screen.views["assessment"]
        assert isinstance(step, AssessmentStep)
        questions = [
            k for k in (str(r.key.value) for r in step.table.ordered_rows) if k[:2] == "q:"
        ]
        for answer in ANSWERS[: len(questions)]:
            await pilot.press(answer)
        await settle(pilot)
        text, steps = read_as_owner(screen)
        assert not faults(text + steps, language), text
        answered = read_session(path).assessment
        assert len(answered) == len(questions)
        # The roadmap: the weakest answers first, as things to do; no dots, no voter.
        await pilot.press("right_square_bracket")
        await settle(pilot)
        roadmap_step = screen.views["roadmap"]
        assert isinstance(roadmap_step, RoadmapStep)
        text, steps = read_as_owner(screen)
        assert not faults(text + steps, language, quadrants_explained=True), text
        assert not re.search(r"•\d", text)
        items = roadmap_step.ranked()
        assert [i.evidence[0].answer for i in items][:2] == [1, 1]
        assert items[0].title in text.replace("\n", " ") or size[0] < 120
        await pilot.press("V")
        await settle(pilot)
        assert not dialog_up(app, RecordForm), "nobody to vote with"
        assert read_session(path).votes == ()
        # The countdown is there for an owner who asks for it.
        await pilot.press("t")
        await settle(pilot)
        assert "⏱" in "\n".join(screen_lines(app))
