"""The facilitator's guide: its agenda adds up, its pages fit the session, the command prints."""

from __future__ import annotations

import contextlib
import datetime as dt
import re
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from msgspec.structs import replace

from cjworkshop.cli import cli
from cjworkshop.export.facilitator_guide import (
    PAGES,
    GuideFor,
    facilitator_guide,
    guide_page,
    plain_text,
)
from cjworkshop.i18n import translator
from cjworkshop.model.agenda import BREAK_MINUTES, agenda, agenda_length, step_minutes
from cjworkshop.model.session import MODES, Mode, StepTime
from cjworkshop.model.template import Template
from cjworkshop.store.session_file import read_session, save_session
from cjworkshop.store.templates import bundled_templates, find_template
from tests.conftest import SESSIONS

ROW = re.compile(r"^  (\d\d):(\d\d)–(\d\d):(\d\d) +(\d+) min  (.+)$", re.MULTILINE)
TOTAL = re.compile(r"(?:In all|In totaal) (?:(\d+) [hu] )?(\d+) min, (?:from|van) (\d\d:\d\d)")


def run(*args: str, cwd: Path | None = None) -> Result:
    with contextlib.chdir(cwd or Path.cwd()):
        return CliRunner().invoke(cli, ["--lang", "en", *args], catch_exceptions=False)


def five_phases() -> Template:
    template = find_template("five-phases")
    assert template is not None
    return template


def shown_agenda(text: str) -> tuple[list[tuple[str, int]], int]:
    """The agenda's rows as shown (what, minutes) and the length its total line says."""
    rows = []
    previous_end: str | None = None
    for match in ROW.finditer(text):
        start, end = f"{match[1]}:{match[2]}", f"{match[3]}:{match[4]}"
        if previous_end is not None:
            assert start == previous_end, "every slot starts where the one before it ended"
        previous_end = end
        begin, finish = int(match[1]) * 60 + int(match[2]), int(match[3]) * 60 + int(match[4])
        assert finish - begin == int(match[5]), match[0]
        rows.append((match[6], int(match[5])))
    total = TOTAL.search(text)
    assert total is not None, text
    return rows, int(total[1] or 0) * 60 + int(total[2])


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("template", bundled_templates(), ids=lambda t: t.id)
def test_the_agenda_shown_adds_up_to_its_length_for_every_template(
    template: Template, mode: Mode
) -> None:
    session = replace(read_session(SESSIONS / "harbour-broadband.toml"), mode=mode, timebox={})
    for language in ("en", "nl"):
        fit = GuideFor(template, session)
        text = plain_text([guide_page(translator(language), fit, "opening")])
        rows, length = shown_agenda(text)
        assert sum(minutes for _, minutes in rows) == length == agenda_length(fit.agenda())
        steps = dict(step_minutes(template, mode))
        shown_steps = dict(rows)
        for step, minutes in steps.items():
            assert shown_steps[translator(language)(f"step.{step}")] == minutes


def test_the_workshop_agenda_is_a_believable_half_day_and_the_solo_one_shorter() -> None:
    template = five_phases()
    workshop = agenda(step_minutes(template, "workshop"))
    solo = agenda(step_minutes(template, "self-assessment"))
    assert 3 * 60 <= agenda_length(workshop) <= 5 * 60
    assert [slot.step for slot in workshop if slot.kind == "step"] == [
        "goals",
        "personas",
        "touchpoints",
        "plotting",
        "grid",
        "review",
        "roadmap",
    ]
    assert [slot.kind for slot in workshop].count("break") == 2
    assert [slot.step for slot in solo if slot.kind == "step"] == [
        "goals",
        "personas",
        "assessment",
        "roadmap",
    ]
    assert agenda_length(solo) < agenda_length(workshop)
    kinds = [slot.kind for slot in workshop]
    assert kinds[0] == "opening"
    assert kinds[-1] == "close"
    assert kinds[-2] == "step"


def test_a_sessions_own_timeboxes_make_its_agenda() -> None:
    session = read_session(SESSIONS / "harbour-broadband.toml")
    longer = dict(session.timebox)
    longer["plotting"] = StepTime(planned_minutes=120)
    fit = GuideFor(five_phases(), replace(session, timebox=longer), start=13 * 60 + 30)
    text = plain_text([guide_page(translator("en"), fit, "opening")])
    rows, length = shown_agenda(text)
    assert ("Plotting", 120) in rows
    assert rows[0] == ("Opening", 20)
    assert "  13:30–13:50   20 min  Opening" in text
    assert sum(minutes for _, minutes in rows) == length
    assert ("Break", BREAK_MINUTES) in rows


def test_every_page_has_a_title_and_says_something_in_both_languages() -> None:
    session = read_session(SESSIONS / "meubelmakerij-de-eik.toml")
    for language in ("en", "nl"):
        pages = facilitator_guide(translator(language), GuideFor(five_phases(), session))
        assert [page.name for page in pages] == list(PAGES)
        for page in pages:
            assert page.title
            assert not page.title.startswith("facilitator.")
            assert len(page.blocks) >= 3
            assert all(not block.text.startswith("facilitator.") for block in page.blocks)


def test_the_effort_anchors_match_the_roadmaps_effort_keys() -> None:
    text = plain_text([guide_page(translator("en"), GuideFor(five_phases()), "roadmap")])
    for effort in range(1, 6):
        assert f"- {effort}: " in text
    assert "- 1: an afternoon." in text
    assert "- 5: a project." in text
    assert "counts as 3" in text
    nl = plain_text([guide_page(translator("nl"), GuideFor(five_phases()), "roadmap")])
    assert "Moeite van 1 tot 5" in nl
    assert "- 1: een middag." in nl


def test_the_model_page_names_the_phases_and_the_shape() -> None:
    loop = find_template("mckinsey-loop")
    assert loop is not None
    text = plain_text([guide_page(translator("en"), GuideFor(loop), "model")])
    assert "The model: McKinsey" in text.splitlines()[0]
    for phase in loop.phases:
        assert f"- {phase.name('en')}: " in text
    assert "every end is a new beginning" in text
    assert f"This template's journey is {loop.shape}." in text
    blank = find_template("blank")
    assert blank is not None
    text = plain_text([guide_page(translator("en"), GuideFor(blank), "model")])
    assert "the room names them itself" in text


def test_the_close_says_when_the_revisit_is_planned() -> None:
    session = read_session(SESSIONS / "harbour-broadband.toml")
    tr = translator("en")
    unplanned = plain_text([guide_page(tr, GuideFor(five_phases(), session), "close")])
    assert "No date for the revisit is set yet." in unplanned
    planned = replace(session, next_revisit=dt.date(2027, 3, 1))
    text = plain_text([guide_page(tr, GuideFor(five_phases(), planned), "close")])
    assert "This session's revisit is planned for 2027-03-01." in text
    without = plain_text([guide_page(tr, GuideFor(five_phases()), "close")])
    assert "revisit is planned" not in without
    assert "not set yet" not in without


def test_guide_prints_the_whole_guide() -> None:
    result = run("guide")
    assert result.exit_code == 0, result.output
    for heading in ("Opening: welcome, purpose, agenda", "Plotting: one persona at a time"):
        assert f"{heading}\n{'=' * len(heading)}\n" in result.output
    assert result.output.index("Opening:") < result.output.index("Goals:")
    assert result.output.index("Roadmap:") < result.output.index("Close:")
    assert "In all 4 h 20 min, from 09:00 to 13:20." in result.output


def test_guide_plotting_prints_that_page_alone() -> None:
    result = run("guide", "plotting")
    assert result.exit_code == 0, result.output
    assert result.output.startswith("Plotting: one persona at a time\n")
    assert "What a moment of truth is" in result.output
    assert "Time: 60 minutes" in result.output
    assert "Opening:" not in result.output
    assert "Close:" not in result.output


def test_an_unknown_step_is_an_error_that_lists_the_pages() -> None:
    result = run("guide", "lunch")
    assert result.exit_code == 1
    assert "There is no page “lunch” in the guide." in result.output
    assert "opening, model, goals, personas, touchpoints, plotting" in result.output
    assert "Traceback" not in result.output


def test_guide_speaks_dutch_and_fits_a_session(tmp_path: Path) -> None:
    result = run("guide", "opening", "--lang", "nl")
    assert result.exit_code == 0, result.output
    assert result.output.startswith("Opening: welkom, doel, agenda\n")
    assert "In totaal 4 u 20 min, van 09:00 tot 13:20." in result.output
    path = tmp_path / "bakery.toml"
    session = read_session(SESSIONS / "meubelmakerij-de-eik.toml")
    save_session(path, replace(session, mode="self-assessment", next_revisit=dt.date(2027, 5, 1)))
    result = run("guide", "--session", str(path), "--start", "8:30")
    assert result.exit_code == 0, result.output
    assert session.language == "nl"
    assert "  08:30–08:50   20 min  Opening" in result.output
    assert "Zelfscan" in result.output
    assert "Pauze" in result.output
    assert "De nieuwe ronde van deze sessie staat gepland op 2027-05-01." in result.output
    english = run("guide", "close", "--session", str(path), "--lang", "en")
    assert "This session's revisit is planned for 2027-05-01." in english.output


def test_guide_refuses_a_bad_start_time_and_an_unknown_template(tmp_path: Path) -> None:
    result = run("guide", "--start", "25:00")
    assert result.exit_code == 1
    assert "“25:00” is not a time of day" in result.output
    result = run("guide", "--template", "nope")
    assert result.exit_code == 1
    assert "nope" in result.output
    assert "five-phases" in result.output
    result = run("guide", "--session", str(tmp_path / "gone.toml"))
    assert result.exit_code == 1
    assert "gone.toml" in result.output
