"""The HTML report as a file: self-contained, escaped, complete; its charts' layout by numbers.

How the page looks in a browser (labels that do not overlap as drawn, tables within the page,
the printed pages) is tested in ``tests/browser``; here what holds without one.
"""

from __future__ import annotations

import itertools
import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cjworkshop.export.html_report import report_html
from cjworkshop.export.svg import plain, text_width, wrap
from cjworkshop.export.svg_matrix import COLUMN, LANES, LEFT, RADIUS, SLOT, TOP, place
from cjworkshop.i18n import translator
from cjworkshop.model.roadmap import roadmap
from cjworkshop.store.session_file import read_session
from tests.unit.test_exports import hostile_session

SESSIONS = Path(__file__).parents[2] / "sessions"
EXAMPLES = sorted(SESSIONS.glob("*.toml"))
NASTY = (
    '<script>alert("x")</script> & "quotes" \'single\' </svg></table> '
    "\u202eright-to-left\u202c " + "x" * 2000
)


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_the_page_is_whole_and_needs_nothing_from_outside(path: Path) -> None:
    session = read_session(path)
    page = report_html(session, translator(session.language))
    assert page.startswith("<!DOCTYPE html>")
    assert f'<html lang="{session.language}">' in page
    assert "<script" not in page.lower()
    # Nothing fetched: no src, no stylesheet link, no url() outside the page's own anchors.
    assert re.search(r"\ssrc=", page) is None
    assert "<link" not in page
    assert "url(" not in page
    assert not [h for h in re.findall(r'href="([^"]*)"', page) if not h.startswith("#")]
    for key in ("goals", "personas", "touchpoints", "journeys", "pains", "bright", "roadmap"):
        assert f'<section id="{key}">' in page
    # A journey map per persona with a journey, the heat map and the matrix.
    assert page.count('class="band"') >= len(session.personas)
    assert page.count("<svg") >= len(session.personas) + 2


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_every_open_item_is_a_numbered_point_listed_beside_the_chart(path: Path) -> None:
    session = read_session(path)
    page = report_html(session, translator(session.language))
    active = [i for i in roadmap(session) if i.status in ("open", "doing")]
    matrix = page[page.index("<title>", page.index('class="with-list"')) :]
    for item in active:
        assert f'class="rank">{item.rank}</text>' in matrix
        assert f"<li><b>{item.rank}</b>" in matrix
    assert matrix.count('class="rank"') == len(active)


def test_both_languages_speak_their_own_words() -> None:
    session = read_session(SESSIONS / "meubelmakerij-de-eik.toml")
    dutch = report_html(session, translator("nl"))
    english = report_html(session, translator("en"))
    assert "Gevoel per persona en fase" in dutch
    assert "Moeite" in dutch
    assert "Feeling per persona and phase" in english
    assert "Effort" in english
    assert '<html lang="en">' in english


def test_hostile_text_is_shown_as_text_everywhere() -> None:
    session = hostile_session(NASTY)
    page = report_html(session, translator("en"))
    assert "<script" not in page
    assert "&lt;script&gt;" in page
    assert page.count("<svg") == page.count("</svg>")  # a typed </svg> closed nothing
    assert page.count("<table") == page.count("</table>")
    # Inside the charts' labels the direction marks are gone (they would move a label's
    # neighbours); the tooltip keeps the text as typed.
    labels = re.findall(r"<tspan[^>]*>([^<]*)</tspan>", page)
    assert labels
    assert not any("\u202e" in text for text in labels)
    assert any("\u202e" in title for title in re.findall(r"<title>([^<]*)</title>", page))


@given(
    st.text(st.characters(codec="utf-8"), max_size=300),
    st.integers(min_value=30, max_value=300),
    st.integers(min_value=1, max_value=4),
)
def test_a_wrapped_label_stays_in_its_width_and_lines(text: str, width: int, lines: int) -> None:
    size = 11.0
    wrapped, shortened = wrap(text, width, size, lines)
    assert len(wrapped) <= lines
    for line in wrapped:
        # A single character wider than the room is all a line can hold.
        assert len(line) <= 2 or text_width(line, size) <= width
    if not shortened:  # nothing lost but spaces and the hyphens of broken words

        def letters(value: str) -> str:
            return value.replace(" ", "").replace("-", "")

        assert letters("".join(wrapped)) == letters(plain(text))


def test_points_that_share_a_place_are_set_apart_within_their_quadrant() -> None:
    session = read_session(SESSIONS / "meubelmakerij-de-eik.toml")
    active = [i for i in roadmap(session) if i.status in ("open", "doing")]
    many = active * 6  # more items at the same spots than one lane can hold
    placed, height = place(many)
    assert len(placed) == len(many)
    for a, b in itertools.combinations(placed, 2):
        assert (a.x - b.x) ** 2 + (a.y - b.y) ** 2 >= (2 * RADIUS) ** 2
    top_impact = max(i.factors.impact for i in many)
    for point in placed:
        effort = point.item.factors.effort if point.item.factors.effort_set else 3
        middle = LEFT + (effort - 0.5) * COLUMN
        assert point.x - middle in LANES
        high = point.item.factors.impact >= top_impact / 2
        in_top_half = point.y < TOP + height / 2
        assert in_top_half == high
        assert TOP + RADIUS <= point.y <= TOP + height - RADIUS
    assert height / 2 >= SLOT
