"""The command line as a user meets it: output, exit codes, no tracebacks, files where expected."""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from cjworkshop.cli import cli
from cjworkshop.store.session_file import dumps_session, read_session
from tests.conftest import SESSIONS, TEMPLATES, small_session


def run(*args: str, cwd: Path | None = None) -> Result:
    """The command as typed in ``cwd`` (this process's folder again afterwards)."""
    with contextlib.chdir(cwd or Path.cwd()):
        return CliRunner().invoke(cli, ["--lang", "en", *args], catch_exceptions=False)


def test_new_creates_a_session_from_a_template(tmp_path: Path) -> None:
    result = run(
        "new", "Bakkerij Jansen", "--template", "blank", "--lang", "nl", "--no-open", cwd=tmp_path
    )
    assert result.exit_code == 0, result.output
    path = tmp_path / "sessions" / "bakkerij-jansen.toml"
    assert "sessions/bakkerij-jansen.toml" in result.output
    session = read_session(path)
    assert (session.title, session.language, session.template) == ("Bakkerij Jansen", "nl", "blank")


def test_new_never_overwrites(tmp_path: Path) -> None:
    for _ in range(2):
        assert (
            run("new", "Zelfde", "-t", "blank", "--no-open", "--dir", str(tmp_path)).exit_code == 0
        )
    assert sorted(p.name for p in tmp_path.iterdir()) == ["zelfde-2.toml", "zelfde.toml"]


@pytest.mark.parametrize(
    "title", ["../../etc/x", "/etc/passwd", "..", "a/b\\c", "x\x00y", "😀", "con", " .hidden"]
)
def test_hostile_titles_stay_inside_the_sessions_folder(tmp_path: Path, title: str) -> None:
    folder = tmp_path / "sessions"
    result = run("new", title, "-t", "blank", "--no-open", "--dir", str(folder))
    assert result.exit_code == 0, result.output
    created = [p for p in tmp_path.rglob("*") if p.is_file()]
    assert len(created) == 1
    assert created[0].parent == folder
    assert not created[0].name.startswith(".")
    assert read_session(created[0]).title == " ".join(title.split())


def test_empty_title_is_refused(tmp_path: Path) -> None:
    result = run("new", "   ", "--no-open", "--dir", str(tmp_path))
    assert result.exit_code == 1
    assert "needs a title" in result.output


def test_unknown_template_lists_the_real_ones(tmp_path: Path) -> None:
    result = run("new", "X", "-t", "nope", "--no-open", "--dir", str(tmp_path))
    assert result.exit_code == 1
    assert "there is no template `nope`" in result.output
    assert "blank" in result.output


def test_list_shows_sessions_and_broken_files(tmp_path: Path) -> None:
    (tmp_path / "good.toml").write_text(dumps_session(small_session()), encoding="utf-8")
    (tmp_path / "bad.toml").write_text("title = ", encoding="utf-8")
    result = run("list", "--dir", str(tmp_path))
    assert result.exit_code == 0
    assert "Bakkerij Jansen" in result.output
    assert "cannot be read" in result.output


def test_validate_bundled_files_passes() -> None:
    paths = [str(p) for p in [*sorted(SESSIONS.glob("*.toml")), *sorted(TEMPLATES.glob("*.toml"))]]
    result = run("validate", *paths)
    assert result.exit_code == 0, result.output
    assert result.output.count("✓") == len(paths)


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (lambda t: t.replace('name = "Piet"', 'name = "Piet', 1), "line 23, column 13"),
        (lambda t: t.replace("emotion = 2", 'emotion = "blij"', 1), "$.plots[1].emotion"),
        (
            lambda t: t.replace('persona = "piet"', 'persona = "klaas"', 1),
            "no persona with id `klaas`",
        ),
        (lambda t: t.replace('id = "piet"', 'id = "sanne"', 1), "the id `sanne` is used twice"),
    ],
    ids=["syntax", "type", "reference", "duplicate"],
)
def test_validate_reports_one_clear_error_per_file(tmp_path: Path, change, expected: str) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "broken.toml"
    path.write_text(change(dumps_session(small_session())), encoding="utf-8")
    process = subprocess.run(
        [sys.executable, "-m", "cjworkshop", "--lang", "en", "validate", str(path)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert process.returncode == 1
    assert "Traceback" not in process.stderr
    assert expected in process.stderr
    assert str(path) in process.stderr
    assert process.stdout == ""


def test_templates_lists_and_shows(tmp_path: Path) -> None:
    listing = run("templates")
    assert listing.exit_code == 0
    assert "blank" in listing.output
    shown = run("templates", "show", "blank")
    assert shown.exit_code == 0
    assert "no phases" in shown.output
    missing = run("templates", "show", "nope")
    assert missing.exit_code == 1
    checklist = run("templates", "show", "five-phases")
    # Every checklist question with what to do about a weak answer under it.
    assert "To what extent do you ask happy customers for a review?" in checklist.output
    assert "→ Ask happy customers for a review" in checklist.output


def test_version() -> None:
    result = run("--version")
    assert result.exit_code == 0
    assert result.output.startswith("cjworkshop, version ")


def test_help_follows_the_environment_language() -> None:
    process = subprocess.run(
        [sys.executable, "-m", "cjworkshop", "new", "--help"],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "CJWORKSHOP_LANG": "nl"},
    )
    assert "Begin een nieuwe sessie" in process.stdout


def test_open_refuses_a_step_the_session_does_not_have_before_starting_the_app() -> None:
    result = run("open", str(SESSIONS / "harbour-broadband.toml"), "--step", "assessment")
    assert result.exit_code == 1
    assert "a workshop session has no step assessment" in result.stderr
    assert "goals, personas, touchpoints, plotting, grid, map, review, roadmap" in result.stderr


def test_open_refuses_a_bad_file_before_starting_the_app(tmp_path: Path) -> None:
    path = tmp_path / "kapot.toml"
    path.write_text('title = "half', encoding="utf-8")
    result = run("open", str(path), "--step", "grid")
    assert result.exit_code == 1
    assert str(path) in result.stderr
    assert "Traceback" not in result.output


def test_a_title_typed_in_another_encoding_makes_a_session_not_a_traceback(
    tmp_path: Path,
) -> None:
    # "Café Olé" typed in a Latin-1 terminal under LC_ALL=C, as a real process receives it.
    raw = b"Caf\xe9 Ol\xe9"
    result = subprocess.run(
        [sys.executable, "-m", "cjworkshop", "--lang", "en", "new", raw, "--no-open"],
        capture_output=True,
        cwd=tmp_path,
        env={**os.environ, "LC_ALL": "C", "LANG": "C"},
        timeout=60,
    )
    assert result.returncode == 0, result.stderr.decode("utf-8", "replace")
    assert b"Traceback" not in result.stderr
    assert read_session(tmp_path / "sessions" / "cafe-ole.toml").title == "Café Olé"


def test_check_and_validate_take_many_files_and_report_each(tmp_path: Path) -> None:
    for name in ("meubelmakerij-de-eik.toml", "harbour-broadband.toml"):
        shutil.copy(SESSIONS / name, tmp_path / name)
    (tmp_path / "kapot.toml").write_text("title = [\n", encoding="utf-8")
    files = sorted(str(p) for p in tmp_path.glob("*.toml"))
    checked = run("check", *files)
    assert checked.exit_code == 1
    assert "harbour-broadband.toml: all 6 checks passed." in checked.output
    assert "meubelmakerij-de-eik.toml: all 6 checks passed." in checked.output
    assert "kapot.toml, line 2: TOML syntax error" in checked.output
    assert "1 of 3 sessions have problems." in checked.output
    good = [f for f in files if "kapot" not in f]
    assert run("check", *good).exit_code == 0
    assert run("validate", *good).exit_code == 0
    assert run("validate", *files).exit_code == 1


def test_the_same_fault_gets_the_same_answer_in_every_command(tmp_path: Path) -> None:
    # A folder where a session file is expected: told by the store, status 1, everywhere.
    for words in (
        ["open", str(tmp_path)],
        ["export", str(tmp_path)],
        ["validate", str(tmp_path)],
        ["check", str(tmp_path)],
        ["roadmap", str(tmp_path)],
    ):
        result = run(*words)
        assert result.exit_code == 1, words
        assert "this is a folder, not a file" in result.output, words
    # A usage error is status 2, in the chosen language.
    result = run("export", str(SESSIONS / "harbour-broadband.toml"), "--bogus")
    assert result.exit_code == 2
    # -o says what is really wrong.
    session = str(SESSIONS / "harbour-broadband.toml")
    assert (
        "is a folder; give the name of a file in it"
        in run("roadmap", session, "-o", str(tmp_path)).output
    )
    gone = run("roadmap", session, "-o", str(tmp_path / "gone" / "r.md"))
    assert gone.exit_code == 1
    assert f"the folder {tmp_path / 'gone'} does not exist" in gone.output


def test_new_with_a_title_that_exists_says_which_file_it_made(tmp_path: Path) -> None:
    run("new", "Zelfde", "-t", "blank", "--no-open", "--dir", str(tmp_path))
    again = run("new", "Zelfde", "-t", "blank", "--no-open", "--dir", str(tmp_path))
    assert again.exit_code == 0
    assert f"A session with this title is already in {tmp_path / 'zelfde.toml'}" in again.output
    assert str(tmp_path / "zelfde-2.toml") in again.output
