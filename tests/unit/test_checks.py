"""Journey-as-code checks: a complete session passes, a crafted incomplete one fails by name."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from click.testing import CliRunner, Result
from msgspec.structs import replace

from cjworkshop.cli import cli
from cjworkshop.model.checks import ALWAYS, CheckFailure, checks_to_run, run_checks, run_warnings
from cjworkshop.model.session import (
    PainPoint,
    Persona,
    Phase,
    Plot,
    RoadmapItem,
    Session,
)
from cjworkshop.store.session_file import dumps_session
from tests.conftest import WHEN, small_session

TODAY = dt.date(2026, 11, 22)
"""Three weeks after the session of ``small_session`` was created (2026-11-01)."""


def complete() -> Session:
    """The small session with every roadmap item decided: effort, owner, reviewed on the 20th."""
    reviewed = dt.date(2026, 11, 20)
    return replace(
        small_session(),
        roadmap=(
            RoadmapItem(
                id="fix-niet-gevonden",
                sources=("pain:niet-gevonden",),
                effort=2,
                owner="Marketing",
                reviewed=reviewed,
            ),
            RoadmapItem(
                id="fix-geen-pin",
                sources=("pain:geen-pin",),
                effort=3,
                owner="Winkel",
                reviewed=reviewed,
            ),
            RoadmapItem(
                id="idea-pinautomaat",
                sources=("opportunity:pinautomaat",),
                effort=4,
                owner="Winkel",
                reviewed=reviewed,
            ),
        ),
    )


def incomplete() -> Session:
    """One of every problem, next to look-alikes that are fine (see each comment)."""
    session = complete()
    pin, machine = session.roadmap[1], session.roadmap[2]
    return replace(
        session,
        # Service has no touchpoints.
        phases=(*session.phases, Phase(id="service", name="Service")),
        # Eva is plotted nowhere; Piet only skipped Google, which counts as plotted.
        personas=(*session.personas, Persona(id="eva", name="Eva")),
        plots=(
            *session.plots,
            # Sanne's unrated pain point at Reviews fails; the one at a skipped plot does not.
            Plot(
                persona="sanne",
                touchpoint="reviews",
                emotion=0,
                pain_points=(PainPoint(text="Oude reviews"),),
            ),
            Plot(
                persona="piet",
                touchpoint="buren",
                relevant=False,
                pain_points=(PainPoint(text="Niemand weet het"),),
            ),
        ),
        roadmap=(
            # Niet gevonden is done: it needs no effort or owner and never goes stale.
            RoadmapItem(id="fix-niet-gevonden", sources=("pain:niet-gevonden",), status="done"),
            # Geen pin lost its owner and was last reviewed on 1 October.
            replace(pin, owner="  ", reviewed=dt.date(2026, 10, 1)),
            # Pinautomaat lost its effort and was never reviewed: counted from the creation day.
            replace(machine, effort=None, reviewed=None),
        ),
    )


def codes(failures: list[CheckFailure]) -> list[tuple[str, str]]:
    return [(failure.code, failure.record) for failure in failures]


def test_a_complete_session_passes_every_check() -> None:
    assert run_checks(complete(), today=TODAY, stale_days=30) == []


def test_an_incomplete_session_fails_each_check_once_in_order() -> None:
    failures = run_checks(incomplete(), today=TODAY, stale_days=14)
    # "Oude reviews" becomes a roadmap item of its own, with no effort and no owner yet.
    assert codes(failures) == [
        ("phase-without-touchpoints", "service"),
        ("persona-never-plotted", "eva"),
        ("pain-point-without-severity", "sanne/reviews"),
        ("roadmap-item-without-effort", "idea-pinautomaat"),
        ("roadmap-item-without-effort", "fix-oude-reviews"),
        ("roadmap-item-without-owner", "fix-geen-pin"),
        ("roadmap-item-without-owner", "fix-oude-reviews"),
        ("roadmap-item-not-reviewed", "fix-geen-pin"),
        ("roadmap-item-not-reviewed", "idea-pinautomaat"),
        ("roadmap-item-not-reviewed", "fix-oude-reviews"),
    ]
    stale = {f.record: f.params for f in failures if f.code == "roadmap-item-not-reviewed"}
    assert stale["fix-geen-pin"] == {
        "item": "Geen pin",
        "since": "2026-10-01",
        "days": 52,
        "limit": 14,
        "reviewed": True,
    }
    assert stale["idea-pinautomaat"]["since"] == WHEN.date().isoformat()
    assert stale["idea-pinautomaat"]["reviewed"] is False


def test_staleness_is_checked_only_when_asked_and_only_beyond_the_limit() -> None:
    session = incomplete()
    without = run_checks(session, today=TODAY, stale_days=None)
    assert "roadmap-item-not-reviewed" not in {f.code for f in without}
    # Geen pin was reviewed 52 days ago and the others 21 days ago (the creation day).
    at_limit = run_checks(session, today=TODAY, stale_days=21)
    assert [f.record for f in at_limit if f.code == "roadmap-item-not-reviewed"] == ["fix-geen-pin"]
    assert not [f for f in run_checks(session, today=TODAY, stale_days=52) if "reviewed" in f.code]


def test_the_checks_that_run_depend_on_the_stale_setting() -> None:
    assert checks_to_run("workshop", None) == ALWAYS
    assert len(checks_to_run("workshop", None)) == 6
    assert checks_to_run("workshop", 0)[-1] == "roadmap-item-not-reviewed"


def test_a_planned_revisit_fails_the_check_once_its_day_has_passed(tmp_path: Path) -> None:
    planned = replace(complete(), next_revisit=dt.date(2026, 11, 20))
    assert run_checks(replace(planned, next_revisit=TODAY), today=TODAY, stale_days=None) == []
    failures = run_checks(planned, today=TODAY, stale_days=None)
    assert failures == [
        CheckFailure("revisit-overdue", "session", {"date": "2026-11-20", "days": 2})
    ]
    assert checks_to_run("workshop", None, revisit_planned=True)[-1] == "revisit-overdue"
    path = write(tmp_path, planned)
    result = run("--lang", "en", "check", str(path), "--today", "2026-11-22")
    assert result.exit_code == 1
    assert f"{path}: the revisit was planned for 2026-11-20, 2 days ago" in result.output
    result = run("--lang", "en", "check", str(path), "--today", "2026-11-20")
    assert result.exit_code == 0
    assert "all 7 checks passed" in result.output
    result = run("--lang", "nl", "check", str(path), "--today", "2026-11-23")
    assert "de nieuwe ronde stond gepland op 2026-11-20, 3 dagen geleden" in result.output


def test_an_empty_session_has_nothing_to_fail() -> None:
    empty = Session(title="Leeg", created=WHEN, updated=WHEN)
    assert run_checks(empty, today=TODAY, stale_days=1) == []


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def write(tmp_path: Path, session: Session) -> Path:
    path = tmp_path / "journey.toml"
    path.write_text(dumps_session(session), encoding="utf-8")
    return path


def test_cli_check_passes_with_exit_zero(tmp_path: Path) -> None:
    path = write(tmp_path, complete())
    result = run("--lang", "en", "check", str(path), "--today", "2026-11-22")
    assert result.exit_code == 0, result.output
    assert result.output == f"{path}: all 6 checks passed.\n"
    stale = run("--lang", "en", "check", str(path), "--stale-days", "30", "--today", "2026-11-22")
    assert stale.exit_code == 0
    assert "all 7 checks passed" in stale.output


def test_cli_check_names_each_problem_and_exits_one(tmp_path: Path) -> None:
    path = write(tmp_path, incomplete())
    result = run("--lang", "en", "check", str(path), "--stale-days", "14", "--today", "2026-11-22")
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert lines == [
        f"{path}: phase “Service” has no touchpoints",
        f"{path}: persona “Eva” is not plotted at any touchpoint",
        f"{path}: pain point “Oude reviews” of Sanne at Reviews has no severity",
        f"{path}: roadmap item “Pinautomaat” has no effort set",
        f"{path}: roadmap item “Oude reviews” has no effort set",
        f"{path}: roadmap item “Geen pin” has no owner",
        f"{path}: roadmap item “Oude reviews” has no owner",
        f"{path}: roadmap item “Geen pin” was last reviewed on 2026-10-01, 52 days ago"
        " (more than 14)",
        f"{path}: roadmap item “Pinautomaat” was never reviewed since the session began on"
        " 2026-11-01, 21 days ago (more than 14)",
        f"{path}: roadmap item “Oude reviews” was never reviewed since the session began on"
        " 2026-11-01, 21 days ago (more than 14)",
    ]
    assert "10 problems found." in result.stderr


def test_cli_check_speaks_dutch(tmp_path: Path) -> None:
    path = write(tmp_path, incomplete())
    result = run("--lang", "nl", "check", str(path), "--today", "2026-11-22")
    assert result.exit_code == 1
    assert f"{path}: fase “Service” heeft geen contactmomenten" in result.stdout
    assert f"{path}: persona “Eva” is bij geen enkel contactmoment geplot" in result.stdout
    assert "7 problemen gevonden." in result.stderr
    passed = run("--lang", "nl", "check", str(write(tmp_path, complete())))
    assert passed.exit_code == 0
    assert "alle 6 controles geslaagd" in passed.output


def test_cli_check_of_a_broken_file_fails_without_a_traceback(tmp_path: Path) -> None:
    path = tmp_path / "broken.toml"
    path.write_text("title = ", encoding="utf-8")
    result = run("--lang", "en", "check", str(path))
    assert result.exit_code == 1
    assert str(path) in result.output
    assert "Traceback" not in result.output


def assumed_pains() -> Session:
    """The complete session with Sanne's “Niet gevonden” (4) marked assumed and Piet's “Geen
    pin” (5) observed."""

    def marked(plot: Plot) -> Plot:
        evidence = {"Niet gevonden": "assumed", "Geen pin": "observed"}
        pains = tuple(replace(p, evidence=evidence.get(p.text)) for p in plot.pain_points)
        return replace(plot, pain_points=pains)

    session = complete()
    return replace(session, plots=tuple(marked(plot) for plot in session.plots))


def with_pains(session: Session, *pains: PainPoint) -> Session:
    """Sanne's plot at Google with other pain points."""
    plots = tuple(
        replace(p, pain_points=pains) if (p.persona, p.touchpoint) == ("sanne", "google") else p
        for p in session.plots
    )
    return replace(session, plots=plots)


def test_a_severe_pain_point_resting_on_an_assumption_is_a_warning() -> None:
    session = assumed_pains()
    assert run_checks(session, today=TODAY, stale_days=None) == []
    (warning,) = run_warnings(session)
    assert warning.code == "pain-point-severe-but-assumed"
    assert warning.record == "sanne/google"
    assert warning.params == {
        "text": "Niet gevonden",
        "severity": 4,
        "persona": "Sanne",
        "touchpoint": "Google",
    }
    assert run_warnings(complete()) == []
    for calm in (
        PainPoint(text="Niet gevonden", severity=3, evidence="assumed"),
        PainPoint(text="Niet gevonden", severity=5),
        PainPoint(text="Niet gevonden", evidence="assumed"),
    ):
        assert run_warnings(with_pains(session, calm)) == [], calm
    five = with_pains(session, PainPoint(text="Niet gevonden", severity=5, evidence="assumed"))
    assert [w.params["severity"] for w in run_warnings(five)] == [5]
    skipped = replace(
        session,
        plots=tuple(replace(p, relevant=False) if p.pain_points else p for p in session.plots),
    )
    assert run_warnings(skipped) == []


def test_cli_check_warns_and_still_passes(tmp_path: Path) -> None:
    path = write(tmp_path, assumed_pains())
    result = run("--lang", "en", "check", str(path), "--today", "2026-11-22")
    assert result.exit_code == 0, result.output
    (warning, passed) = result.stdout.splitlines()
    assert warning == (
        f"{path}: warning: pain point “Niet gevonden” of Sanne at Google has severity 4 but rests"
        " only on an assumption: check it (complaints, figures, a talk with customers) before"
        " building on it"
    )
    assert passed == f"{path}: all 6 checks passed."
    assert "1 warning (it does not fail the check)." in result.stderr
    dutch = run("--lang", "nl", "check", str(path))
    assert dutch.exit_code == 0
    assert (
        "waarschuwing: pijnpunt “Niet gevonden” van Sanne bij Google heeft ernst 4" in dutch.stdout
    )
    assert "berust alleen op een aanname" in dutch.stdout


def test_cli_check_with_failures_and_a_warning_exits_one_for_the_failures(tmp_path: Path) -> None:
    session = assumed_pains()
    session = replace(session, personas=(*session.personas, Persona(id="eva", name="Eva")))
    result = run("--lang", "en", "check", str(write(tmp_path, session)))
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert len(lines) == 2
    assert "persona “Eva” is not plotted" in lines[0]
    assert ": warning: pain point “Niet gevonden”" in lines[1]
    assert "1 problem found." in result.stderr


def test_a_self_assessment_is_checked_for_its_answers_not_for_a_map(tmp_path: Path) -> None:
    from cjworkshop.model.session import Answer
    from cjworkshop.store.folders import create_session
    from cjworkshop.store.session_file import read_session, save_session
    from cjworkshop.store.templates import find_template, template_checklist

    template = find_template("five-phases")
    assert template is not None
    path = create_session(
        tmp_path,
        template,
        title="Bakkerij Jansen",
        language="nl",
        mode="self-assessment",
        when=dt.datetime(2026, 11, 1, tzinfo=dt.UTC),
    )
    session = read_session(path)
    questions = template_checklist(session, "nl")
    assert questions
    # Nothing answered yet: every question is named, and no map is asked for.
    fresh = CliRunner().invoke(cli, ["--lang", "nl", "check", str(path)])
    assert fresh.exit_code == 1
    for text in questions.values():
        assert f"vraag “{text.question}” is nog niet beantwoord" in fresh.stdout
    assert "contactmomenten" not in fresh.stdout
    assert "persona" not in fresh.stdout
    # Every question answered (one not applicable): the check passes without a touchpoint.
    keys = list(questions)
    answers = [Answer(question=key, score=5) for key in keys[1:]]
    answers.append(Answer(question=keys[0], not_applicable=True))
    save_session(path, replace(session, assessment=tuple(answers)), backup=False)
    done = CliRunner().invoke(cli, ["--lang", "nl", "check", str(path)])
    assert done.exit_code == 0, done.stdout
    assert not read_session(path).touchpoints
