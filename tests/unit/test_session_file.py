"""Session files: round-trips, deterministic text, and errors that say where and what."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from msgspec.structs import replace

from cjworkshop.i18n import translator
from cjworkshop.model.session import PainPoint, Plot, Session
from cjworkshop.store.errors import StoreError
from cjworkshop.store.session_file import (
    backup_path,
    dumps_session,
    parse_session,
    read_session,
    save_session,
)
from tests.conftest import SESSIONS
from tests.strategies import sessions

EN = translator("en")
NL = translator("nl")


@given(sessions())
def test_any_session_survives_save_and_load_unchanged(session: Session) -> None:
    text = dumps_session(session)
    assert parse_session(text.encode()) == session
    assert dumps_session(parse_session(text.encode())) == text


def test_the_same_session_always_gives_the_same_bytes(session: Session) -> None:
    assert dumps_session(session) == dumps_session(replace(session))


@pytest.mark.parametrize("path", sorted(SESSIONS.glob("*.toml")), ids=lambda p: p.name)
def test_bundled_sessions_load_and_save_byte_identical(path: Path, tmp_path: Path) -> None:
    session = read_session(path)
    copy = tmp_path / path.name
    save_session(copy, session)
    assert copy.read_bytes() == path.read_bytes()


def test_header_settings_are_always_written(session: Session) -> None:
    text = dumps_session(replace(session, language="en", mode="workshop"))
    lines = text.splitlines()
    assert lines[:6] == [
        "schema_version = 2",
        'title = "Bakkerij Jansen"',
        'language = "en"',
        'mode = "workshop"',
        'shape = "linear"',
        'template = "five-phases"',
    ]


def test_a_planned_revisit_is_a_date_among_the_settings_on_top(session: Session) -> None:
    import datetime as dt

    assert "next_revisit" not in dumps_session(session)
    planned = replace(session, next_revisit=dt.date(2027, 3, 1))
    text = dumps_session(planned)
    head = text.split("\n[", 1)[0]
    assert "\nnext_revisit = 2027-03-01\n" in head
    assert parse_session(text.encode()).next_revisit == dt.date(2027, 3, 1)
    lines = dumps_session(session).splitlines()
    assert [line for line in text.splitlines() if line not in lines] == [
        "next_revisit = 2027-03-01"
    ]


def test_multiline_text_stays_readable(session: Session) -> None:
    text = dumps_session(replace(session, notes="eerste regel\ntweede regel"))
    assert 'notes = """\neerste regel\ntweede regel"""' in text


def _error(text: str, tmp_path: Path, name: str = "broken.toml") -> StoreError:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    with pytest.raises(StoreError) as caught:
        read_session(path)
    return caught.value


def test_syntax_error_names_file_line_and_column(session: Session, tmp_path: Path) -> None:
    text = dumps_session(session).replace('name = "Piet"', 'name = "Piet', 1)
    error = _error(text, tmp_path)
    line = next(n for n, row in enumerate(text.splitlines(), 1) if row.startswith('name = "Piet'))
    assert error.line == line
    message = error.render(EN)
    assert message.startswith(f"{tmp_path / 'broken.toml'}, line {line}, column")
    assert "TOML syntax error" in message
    assert "TOML-syntaxfout" in error.render(NL)


def test_wrong_type_names_key_path_value_and_expectation(session: Session, tmp_path: Path) -> None:
    text = dumps_session(session).replace("emotion = 2", 'emotion = "blij"', 1)
    error = _error(text, tmp_path)
    assert error.where == "$.plots[1].emotion"
    line = next(n for n, row in enumerate(text.splitlines(), 1) if row == 'emotion = "blij"')
    assert error.line == line
    message = error.render(EN)
    assert "expected a whole number, found text: 'blij'" in message
    assert "verwacht een geheel getal, gevonden tekst: 'blij'" in error.render(NL)


def test_out_of_range_emotion_says_the_limit(session: Session, tmp_path: Path) -> None:
    text = dumps_session(session).replace("emotion = 2", "emotion = 5", 1)
    message = _error(text, tmp_path).render(EN)
    assert "($.plots[1].emotion)" in message
    assert "expected a whole number of at most 2, found 5" in message


def test_unknown_key_is_pointed_at(session: Session, tmp_path: Path) -> None:
    text = dumps_session(session).replace('name = "Sanne"', 'name = "Sanne"\nnaam = "x"', 1)
    error = _error(text, tmp_path)
    assert error.where == "$.personas[0]"
    assert error.line == text.splitlines().index('naam = "x"') + 1
    assert "unknown key `naam`" in error.render(EN)


def test_enum_error_lists_the_allowed_values(session: Session, tmp_path: Path) -> None:
    text = dumps_session(session).replace('channel = "search"', 'channel = "fax"', 1)
    message = _error(text, tmp_path).render(EN)
    assert "'fax' is not allowed here; use one of: web, search," in message


def test_unknown_persona_reference_is_refused(session: Session, tmp_path: Path) -> None:
    text = dumps_session(session).replace('persona = "piet"', 'persona = "klaas"', 1)
    error = _error(text, tmp_path)
    assert error.where == "$.plots[2].persona"
    assert error.line == text.splitlines().index('persona = "klaas"') + 1
    assert "no persona with id `klaas`" in error.render(EN)


def test_touchpoint_in_unknown_phase_is_refused(session: Session, tmp_path: Path) -> None:
    text = dumps_session(session).replace('phase = "purchase"', 'phase = "betaling"', 1)
    assert "no phase with id `betaling`" in _error(text, tmp_path).render(EN)


def test_duplicate_id_is_refused_and_further_problems_counted(
    session: Session, tmp_path: Path
) -> None:
    text = dumps_session(session).replace('id = "piet"', 'id = "sanne"', 1)
    error = _error(text, tmp_path)
    message = error.render(EN)
    assert error.where == "$.personas[1].id"
    assert "the id `sanne` is used twice" in message
    # Piet's two plots now belong to a persona that does not exist.
    assert "(and 2 more problems)" in message


def test_duplicate_plot_is_refused(session: Session, tmp_path: Path) -> None:
    twice = replace(session, plots=(*session.plots, Plot(persona="sanne", touchpoint="google")))
    error = _error(dumps_session(twice), tmp_path)
    assert error.key == "problem.duplicate_plot"


def test_newer_schema_version_is_refused_with_advice(session: Session, tmp_path: Path) -> None:
    text = dumps_session(session).replace("schema_version = 2", "schema_version = 7")
    error = _error(text, tmp_path)
    assert error.line == 1
    assert "newer cjworkshop (format version 7; this one reads up to 2)" in error.render(EN)


def test_missing_schema_version_is_refused(session: Session, tmp_path: Path) -> None:
    text = dumps_session(session).replace("schema_version = 2\n", "")
    assert "has no `schema_version`" in _error(text, tmp_path).render(EN)


def test_invalid_utf8_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "latin1.toml"
    path.write_bytes('schema_version = 1\ntitle = "Caf\u00e9"\n'.encode("latin-1"))
    with pytest.raises(StoreError) as caught:
        read_session(path)
    assert caught.value.line == 2
    assert "not valid UTF-8" in caught.value.render(EN)


def test_byte_order_mark_and_crlf_are_accepted(session: Session, tmp_path: Path) -> None:
    path = tmp_path / "windows.toml"
    path.write_bytes(b"\xef\xbb\xbf" + dumps_session(session).replace("\n", "\r\n").encode())
    assert read_session(path) == session


def test_missing_file_and_folder_are_told_apart(tmp_path: Path) -> None:
    with pytest.raises(StoreError) as caught:
        read_session(tmp_path / "nope.toml")
    assert "no such file" in caught.value.render(EN)
    with pytest.raises(StoreError) as caught:
        read_session(tmp_path)
    assert "folder, not a file" in caught.value.render(EN)


def test_save_keeps_the_previous_version_as_backup(session: Session, tmp_path: Path) -> None:
    path = tmp_path / "s.toml"
    save_session(path, session)
    assert not backup_path(path).exists()
    changed = replace(session, title="Bakkerij Jansen & Zn")
    save_session(path, changed)
    assert read_session(backup_path(path)) == session
    assert read_session(path) == changed


def test_pain_point_without_severity_is_kept(session: Session, tmp_path: Path) -> None:
    plot = Plot(persona="piet", touchpoint="reviews", pain_points=(PainPoint(text="Oud"),))
    with_open = replace(session, plots=(*session.plots, plot))
    path = tmp_path / "s.toml"
    save_session(path, with_open)
    assert read_session(path).plots[-1].pain_points[0].severity is None
