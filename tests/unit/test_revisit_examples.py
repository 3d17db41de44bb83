"""The revisit commands on the bundled examples, as a user would first try them."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from msgspec.structs import replace

from cjworkshop.cli import cli
from cjworkshop.model.diff import compare
from cjworkshop.store.session_file import parse_session, read_session, save_session
from tests.conftest import SESSIONS

DUTCH = SESSIONS / "meubelmakerij-de-eik.toml"


def edited_copy() -> str:
    """The Dutch example with one emotion better, one pain point gone, one touchpoint renamed."""
    text = DUTCH.read_text(encoding="utf-8")
    text = text.replace('name = "Reviews op Google"', 'name = "Google-reviews"', 1)
    start = text.index('persona = "ingrid-de-verbouwer"\ntouchpoint = "offerte"')
    at = text.index("emotion = -1", start)
    text = f"{text[:at]}emotion = 1{text[at + len('emotion = -1') :]}"
    pains = [
        line
        for line in text.splitlines(keepends=True)
        if line.startswith('    { text = "Telefonisch slecht bereikbaar", severity = 3')
    ]
    assert len(pains) == 1
    return text.replace(pains[0], "")


def test_three_edits_give_exactly_three_changes(tmp_path: Path) -> None:
    old = read_session(DUTCH)
    new = parse_session(edited_copy().encode())
    diff = compare(old, new)
    assert [(c.kind, c.change, c.old_name, c.new_name) for c in diff.records] == [
        ("touchpoint", "renamed", "Reviews op Google", "Google-reviews")
    ]
    assert [(c.persona, c.touchpoint, c.old, c.new) for c in diff.emotions] == [
        ("ingrid-de-verbouwer", "offerte", -1, 1)
    ]
    assert [(c.change, c.text) for c in diff.pains] == [("solved", "Telefonisch slecht bereikbaar")]
    assert diff.roadmap == ()
    copy = tmp_path / "revisit.toml"
    copy.write_text(edited_copy(), encoding="utf-8")
    result = CliRunner().invoke(cli, ["--lang", "en", "diff", str(DUTCH), str(copy)])
    assert result.exit_code == 0, result.output
    assert "1 touchpoint better, 1 pain point solved, 1 touchpoint renamed." in result.output


@pytest.mark.parametrize("path", sorted(SESSIONS.glob("*.toml")), ids=lambda p: p.stem)
def test_bundled_examples_pass_every_check(path: Path) -> None:
    result = CliRunner().invoke(cli, ["--lang", "en", "check", str(path), "--stale-days", "3650"])
    assert result.exit_code == 0, result.output
    assert "checks passed" in result.output


def test_a_revisit_gets_a_dated_name_that_is_never_taken(tmp_path: Path) -> None:
    import datetime as dt

    from cjworkshop.store.revisit import revisit_path, start_revisit

    day = dt.date(2027, 3, 1)
    first = tmp_path / "de-eik.toml"
    assert revisit_path(first, day).name == "de-eik-2027-03-01.toml"
    assert revisit_path(tmp_path / "de-eik-2026-11-22.toml", day).name == "de-eik-2027-03-01.toml"
    first.write_bytes(DUTCH.read_bytes())
    save_session(first, replace(read_session(first), next_revisit=day))
    planned = first.read_bytes()
    when = dt.datetime(2027, 3, 1, 9, 0, tzinfo=dt.UTC)
    written = start_revisit(first, read_session(first), when)
    again = start_revisit(first, read_session(first), when)
    assert (written.name, again.name) == ("de-eik-2027-03-01.toml", "de-eik-2027-03-01-2.toml")
    assert first.read_bytes() == planned
    assert read_session(first).next_revisit == day
    copy = read_session(written)
    assert (copy.previous, copy.created, copy.updated) == ("de-eik.toml", when, when)
    assert copy.next_revisit is None, "the revisit planned is this one: the new version plans none"
    assert all(time.used_seconds == 0 for time in copy.timebox.values())
    assert copy.plots == read_session(first).plots
