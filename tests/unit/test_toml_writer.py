"""The session writer against the reference reader: anything it writes reads back exactly."""

from __future__ import annotations

import datetime as dt
import math
import tomllib
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from cjworkshop.store.toml_writer import dumps, format_string

quote_heavy = st.lists(
    st.sampled_from(['"', '""', '"""', "\\", "\n", "\r", "\r\n", "x", "\x00", "\x7f"]), max_size=12
).map("".join)
any_text = st.text(alphabet=st.characters(codec="utf-8")) | quote_heavy


@given(any_text, st.booleans())
def test_any_string_reads_back_exactly(text: str, multiline: bool) -> None:
    document = f"key = {format_string(text, multiline=multiline)}\n"
    assert tomllib.loads(document)["key"] == text


@given(st.lists(any_text, max_size=4), st.lists(st.tuples(any_text, st.integers(1, 5)), max_size=3))
def test_records_with_lists_and_inline_tables_read_back(
    texts: list[str], pains: list[tuple[str, int]]
) -> None:
    document = {
        "title": "t",
        "plots": [
            {
                "note": text,
                "opportunities": texts,
                "pain_points": [{"text": t, "severity": s} for t, s in pains],
            }
            for text in texts or ["only"]
        ],
    }
    assert tomllib.loads(dumps(document)) == document


def test_layout_does_not_depend_on_text_length() -> None:
    short = dumps({"goals": [{"id": "a", "what": "x"}]})
    long = dumps({"goals": [{"id": "a", "what": "x" * 300}]})
    assert short.splitlines()[:2] == long.splitlines()[:2] == ["", "[[goals]]"]


def test_lists_are_one_item_per_line() -> None:
    text = dumps(
        {"plots": [{"opportunities": ["a", "b"], "pain_points": [{"text": "p", "severity": 3}]}]}
    )
    assert text == (
        '\n[[plots]]\nopportunities = [\n    "a",\n    "b",\n]\n'
        'pain_points = [\n    { text = "p", severity = 3 },\n]\n'
    )


def test_carriage_returns_are_escaped_and_line_feeds_kept_raw() -> None:
    assert format_string("a\r\nb", multiline=True) == '"""\na\\r\nb"""'


def same(left: Any, right: Any) -> bool:
    """Equal, with NaN equal to itself (a float ``nan`` is a valid TOML value)."""
    if isinstance(left, float) and isinstance(right, float):
        return (math.isnan(left) and math.isnan(right)) or left == right
    if isinstance(left, dict) and isinstance(right, dict):
        return left.keys() == right.keys() and all(same(left[k], right[k]) for k in left)
    if isinstance(left, list) and isinstance(right, list):
        return len(left) == len(right) and all(same(a, b) for a, b in zip(left, right, strict=True))
    return type(left) is type(right) and left == right


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
def test_any_document_of_the_writers_shapes_reads_back_exactly(document: dict[str, Any]) -> None:
    assert same(tomllib.loads(dumps(document)), document)
