"""The fast reader reads what the writer writes exactly as tomllib does, and declines the rest.

``store.toml_reader`` is only allowed to be fast: on any text it either gives up
(``NotCanonical``, and tomllib reads the file) or gives what ``tomllib.loads`` gives. These tests
hold it to that on every file the writer can write, on damaged copies of them, and on the TOML it
must decline.
"""

from __future__ import annotations

import datetime as dt
import math
import tomllib
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cjworkshop.model.session import Session
from cjworkshop.store import toml_writer
from cjworkshop.store.session_file import dumps_session
from cjworkshop.store.toml_reader import NotCanonical, loads
from tests.conftest import ROOT, SESSIONS, TEMPLATES, small_session
from tests.strategies import sessions

CATALOGS = ROOT / "src" / "cjworkshop" / "i18n"
SIGNIFICANT = [*'"\\[]{}=,.\n\r\t #tf0123456789eE+-:TZ', "\\u", '"""', "\\U0001F600"]
"""Characters and pieces that mean something to TOML: what a damaged file is made of."""


def same(left: Any, right: Any) -> bool:
    """Equal, with NaN equal to itself (a float ``nan`` is a valid TOML value)."""
    if isinstance(left, float) and isinstance(right, float):
        return (math.isnan(left) and math.isnan(right)) or left == right
    if isinstance(left, dict) and isinstance(right, dict):
        return left.keys() == right.keys() and all(same(left[k], right[k]) for k in left)
    if isinstance(left, list) and isinstance(right, list):
        return len(left) == len(right) and all(same(a, b) for a, b in zip(left, right, strict=True))
    return type(left) is type(right) and left == right


def agrees_with_tomllib(text: str) -> None:
    """The property: declined, or read exactly as tomllib reads it (and tomllib accepts it)."""
    try:
        fast = loads(text)
    except NotCanonical:
        return
    reference = tomllib.loads(text)  # must not fail where the fast reader did not
    assert same(fast, reference), (fast, reference)


@pytest.mark.parametrize("path", sorted(SESSIONS.glob("*.toml")), ids=lambda p: p.name)
def test_bundled_sessions_read_fast_and_the_same(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert same(loads(text), tomllib.loads(text))


@given(sessions())
@settings(max_examples=150)
def test_every_session_the_writer_writes_reads_the_same(session: Session) -> None:
    text = dumps_session(session)
    assert same(loads(text), tomllib.loads(text))


scalars = st.one_of(
    st.text(),
    st.integers(),
    st.floats(),
    st.booleans(),
    st.datetimes(timezones=st.none() | st.just(dt.UTC)),
    st.dates(),
)
keys = st.from_regex(r"[A-Za-z0-9_-]{1,8}", fullmatch=True)
records = st.dictionaries(keys, scalars | st.lists(scalars, max_size=3), max_size=4)
documents = st.fixed_dictionaries(
    {},
    optional={
        "title": st.text(),
        "notes": st.text(),
        "count": st.integers(),
        "table": st.dictionaries(keys, records, max_size=2),
        "records": st.lists(records, min_size=1, max_size=3),
        "marks": st.lists(st.dictionaries(keys, scalars, max_size=3), max_size=3),
    },
)


@given(documents)
@settings(max_examples=300)
def test_any_document_of_the_writers_shapes_reads_the_same(document: dict[str, Any]) -> None:
    text = toml_writer.dumps(document)
    agrees_with_tomllib(text)
    assert same(loads(text), tomllib.loads(text)), "the writer's own layout is never declined"


@given(st.data())
@settings(max_examples=500)
def test_a_damaged_file_is_declined_or_read_exactly_as_tomllib_reads_it(
    data: st.DataObject,
) -> None:
    declined_or_read_as_tomllib_reads_it(damaged(dumps_session(small_session()), data))


def damaged(text: str, data: st.DataObject) -> str:
    """``text`` with one to three small cuts and insertions, favouring TOML's own characters."""
    for _ in range(data.draw(st.integers(1, 3))):
        at = data.draw(st.integers(0, len(text)))
        cut = data.draw(st.integers(0, 3))
        piece = data.draw(st.sampled_from(SIGNIFICANT) | st.text(max_size=2))
        text = text[:at] + piece + text[at + cut :]
    return text


def declined_or_read_as_tomllib_reads_it(text: str) -> None:
    try:
        tomllib.loads(text)
    except tomllib.TOMLDecodeError:
        with pytest.raises(NotCanonical):
            loads(text)
        return
    agrees_with_tomllib(text)


@pytest.mark.parametrize(
    "text",
    [
        "a = 1 # a comment\n",
        "# a comment with a \x01 control character\na = 1\n",
        "a.b = 1\n",
        'a = "tab\there"\n',
        "a = 1\r\nb = 2\r\n",
        "a = 1_000\n",
        "a = 0x1f\n",
        "a = +1\n",
        'a = "\\U0001F600"\n',
        "a = 'literal'\n",
        "a = 2026-11-22 10:00:00\n",
        "a = 10:00:00\n",
        "a = [1,2]\n",
        "a = [ 1, 2 ]\n",
        "a = [1, 2,]\n",
        "[[a]]\n[a.b]\nc = 1\n[a]\n",
        "[a]\nb = 1\n[a]\nc = 2\n",
        "a = 1\na = 2\n",
        "a = {}\n[a]\nb = 1\n",
        "a = []\n[[a]]\nb = 1\n",
        '"quoted" = 1\n',
        'a = """\nline\\\n  next"""\n',
    ],
    ids=lambda text: repr(text)[:30],
)
def test_toml_outside_the_writers_layout_is_declined(text: str) -> None:
    with pytest.raises(NotCanonical):
        loads(text)


HAND_WRITTEN = sorted(TEMPLATES.glob("*.toml")) + sorted(CATALOGS.glob("*/*.toml"))


@pytest.mark.parametrize("path", HAND_WRITTEN, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_templates_and_catalogs_read_fast_and_the_same(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert same(loads(text), tomllib.loads(text))


@pytest.mark.parametrize(
    "text",
    [
        "# a comment line\na = 1\n\n# another\n[b]\nc = 2\n",
        'a = ["one", "two"]\nb = [1]\n',
        "[[phases]]\nid = 1\n[phases.questions]\nen = []\n[[phases]]\nid = 2\n",
    ],
    ids=["comment lines", "one-line arrays", "a table under an array of tables"],
)
def test_the_liberties_of_hand_written_files_read_as_tomllib_reads_them(text: str) -> None:
    assert same(loads(text), tomllib.loads(text))


@given(st.data())
@settings(max_examples=300)
def test_a_damaged_template_is_declined_or_read_exactly_as_tomllib_reads_it(
    data: st.DataObject,
) -> None:
    text = (TEMPLATES / "five-phases.toml").read_text(encoding="utf-8")
    declined_or_read_as_tomllib_reads_it(damaged(text, data))
