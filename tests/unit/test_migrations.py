"""Session files of an older schema load, migrate and save as the current one, losing nothing.

``tests/data/v1`` holds version-1 files: the bundled examples as they were released, and a
crafted one with interactions and opportunities of every awkward kind. ``tests/data/v2`` holds
the text each must become. A version-1 file's texts all survive, in the same order.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from cjworkshop.model.session import SCHEMA_VERSION, Interaction, Opportunity
from cjworkshop.store.errors import StoreError
from cjworkshop.store.session_file import dumps_session, parse_session, read_session

DATA = Path(__file__).resolve().parent.parent / "data"
VERSION_1 = sorted((DATA / "v1").glob("*.toml"))


def test_the_current_schema_is_version_2() -> None:
    assert SCHEMA_VERSION == 2


@pytest.mark.parametrize("path", VERSION_1, ids=lambda path: path.name)
def test_a_version_1_file_becomes_its_expected_version_2_text(path: Path) -> None:
    expected = (DATA / "v2" / path.name).read_text(encoding="utf-8")
    assert dumps_session(read_session(path)) == expected


@pytest.mark.parametrize("path", VERSION_1, ids=lambda path: path.name)
def test_every_text_of_a_version_1_file_survives_in_order(path: Path) -> None:
    old = tomllib.loads(path.read_text(encoding="utf-8"))
    new = read_session(path)
    old_interactions = [tp.get("interactions", []) for tp in old.get("touchpoints", [])]
    assert [[i.name for i in tp.interactions] for tp in new.touchpoints] == old_interactions
    old_ideas = [plot.get("opportunities", []) for plot in old.get("plots", [])]
    assert [[o.text for o in plot.opportunities] for plot in new.plots] == old_ideas
    # Migration says nothing the file did not: no channel, no evidence.
    assert all(i == Interaction(name=i.name) for tp in new.touchpoints for i in tp.interactions)
    assert all(o == Opportunity(text=o.text) for plot in new.plots for o in plot.opportunities)


@pytest.mark.parametrize("path", VERSION_1, ids=lambda path: path.name)
def test_a_migrated_file_reads_back_as_itself(path: Path) -> None:
    session = read_session(path)
    assert parse_session(dumps_session(session).encode()) == session


def test_a_version_1_file_whose_interactions_are_not_texts_is_refused_with_the_place() -> None:
    text = (
        'schema_version = 1\ntitle = "T"\ncreated = 2026-11-01T09:30:00Z\n'
        "updated = 2026-11-01T09:30:00Z\n\n"
        '[[phases]]\nid = "p"\nname = "P"\n\n'
        '[[touchpoints]]\nid = "t"\nphase = "p"\nname = "T"\ninteractions = [1, 2]\n'
    )
    with pytest.raises(StoreError) as raised:
        parse_session(text.encode())
    assert "interactions" in str(raised.value.where or "")


def test_a_file_of_a_newer_version_than_this_one_is_refused() -> None:
    text = 'schema_version = 3\ntitle = "T"\ncreated = 2026-11-01T09:30:00Z\n'
    with pytest.raises(StoreError) as raised:
        parse_session(text.encode())
    assert raised.value.key == "error.schema_version.newer"
