"""The Mermaid diagrams read back as their readers see them: the journey's names, and on the
roadmap's impact-against-effort chart which number lands in which named quadrant.

Points are read from the chart's lines and sorted into Mermaid's quadrants by their coordinates;
the roadmap tables are read by markdown-it. So these tests see what a reader sees: the quadrant
words beside each number in the table and on the chart, whether two points share a place, what
the note under the chart says, and whether a journey's names fit their boxes.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

import pytest
from hypothesis import given
from hypothesis import strategies as st
from msgspec.structs import replace

from cjworkshop.export.chart_notes import chart_notes, rank_ranges
from cjworkshop.export.markdown import diagrams_markdown, report_markdown, roadmap_markdown
from cjworkshop.export.mermaid import (
    NAME_LENGTH,
    TITLE_LENGTH,
    coordinate,
    journey_diagram,
    quadrant_chart,
    shortened,
)
from cjworkshop.export.quadrant import APART_X, APART_Y, quadrant_layout
from cjworkshop.i18n import Translator, translator
from cjworkshop.model.roadmap import Factors, Quadrant, RankedItem, roadmap
from cjworkshop.model.session import STATUSES, Answer, Persona, RoadmapItem, Session, Status
from cjworkshop.model.template import ChecklistText, checklist, session_from_template
from cjworkshop.store.session_file import read_session
from cjworkshop.store.templates import bundled_template, template_checklist
from tests.conftest import SESSIONS
from tests.unit.test_exports import fences, tables

EN = translator("en")
NL = translator("nl")
EXAMPLES = ("meubelmakerij-de-eik.toml", "harbour-broadband.toml")
COORDINATE = re.compile(r"^(0|1|0\.\d{1,3})$")
POINT = re.compile(r'^    "(\d+)": \[([^,\]]+), ([^,\]]+)\]$')
NAMED = re.compile(r'^    quadrant-([1-4]) "([^"]+)"$')


@dataclass(frozen=True)
class Drawn:
    """A point as Mermaid reads it: its label, where it is, and the quadrant it falls in."""

    label: str
    x: str
    y: str

    @property
    def quadrant(self) -> int:
        """Mermaid's number: 1 top right, 2 top left, 3 bottom left, 4 bottom right."""
        right, top = float(self.x) > 0.5, float(self.y) > 0.5
        return {(True, True): 1, (False, True): 2, (False, False): 3, (True, False): 4}[
            (right, top)
        ]


def drawn(chart: str) -> list[Drawn]:
    return [Drawn(*m.groups()) for line in chart.splitlines() if (m := POINT.match(line))]


def quadrant_names(chart: str) -> dict[int, str]:
    return {int(m[1]): m[2] for line in chart.splitlines() if (m := NAMED.match(line))}


def example(name: str) -> Session:
    return read_session(SESSIONS / name)


def chart_of(markdown: str) -> str:
    charts = [block for block in fences(markdown) if block.startswith("quadrantChart")]
    assert len(charts) == 1
    return charts[0]


def ranked(
    rank: int, effort: int, impact: float, quadrant: Quadrant | None, status: Status = "open"
) -> RankedItem:
    """An item with only what the chart reads: rank, effort, impact, quadrant and status."""
    factors = Factors(
        severity=3,
        severity_set=True,
        personas=1,
        weight=1.0,
        weight_phase=None,
        feeling=1.0,
        average_emotion=None,
        average_target=None,
        average_gap=None,
        dots=0,
        impact=impact,
        effort=effort,
        effort_set=quadrant is not None,
        score=impact / effort,
    )
    return RankedItem(
        id=f"item-{rank}",
        title=f"Item {rank}",
        decision=None
        if status == "open"
        else RoadmapItem(id=f"item-{rank}", sources=(), status=status),
        evidence=(),
        factors=factors,
        rank=rank,
        horizon="now",
        horizon_overridden=False,
        quadrant=quadrant,
        top_score=0.0,
    )


def as_the_model_says(rows: list[tuple[int, float, bool, Status]]) -> list[RankedItem]:
    """Items from (effort, impact, effort set, status), in quadrants by ``model.roadmap``'s
    rule: impact at least half the top impact of the open items, effort at most 2."""
    top = max((impact for _, impact, _, status in rows if status in ("open", "doing")), default=0)
    items = []
    for rank, (effort, impact, effort_set, status) in enumerate(rows, start=1):
        quadrant: Quadrant | None = None
        if effort_set:
            high, low = impact >= top / 2, effort <= 2
            quadrant = (
                ("quick-win" if low else "big-bet") if high else "fill-in" if low else "money-pit"
            )
        items.append(ranked(rank, effort, impact, quadrant, status))
    return items


impacts = st.one_of(
    st.integers(0, 80).map(lambda tenths: tenths / 2),  # few values: many exact ties
    st.floats(min_value=0, max_value=1e6, allow_nan=False, allow_infinity=False),
)
roadmaps = st.lists(
    st.tuples(
        st.integers(1, 5),
        impacts,
        st.booleans(),
        st.sampled_from(STATUSES),
    ),
    max_size=60,
).map(as_the_model_says)


@given(roadmaps)
def test_any_roadmap_gives_valid_coordinates_and_no_shared_points(items: list[RankedItem]) -> None:
    chart = quadrant_chart(quadrant_layout(items), EN, "Chart")
    points = drawn(chart)
    for point in points:
        assert COORDINATE.match(point.x), point
        assert COORDINATE.match(point.y), point
        assert 0 < float(point.x) < 1
        assert 0 < float(point.y) < 1
        assert 0.5 not in (float(point.x), float(point.y))  # never on a line between quadrants
    assert len({(p.x, p.y) for p in points}) == len(points)
    # Every open item with an effort is on the chart, in the quadrant the model gives it.
    names = quadrant_names(chart)
    words = {EN(f"quadrant.{q}"): q for q in ("quick-win", "big-bet", "fill-in", "money-pit")}
    placed = {
        str(i.rank): i.quadrant for i in items if i.status in ("open", "doing") and i.quadrant
    }
    assert {p.label: words[names[p.quadrant]] for p in points} == placed


@pytest.mark.parametrize("name", EXAMPLES)
def test_no_two_points_of_an_example_coincide_or_cover_each_other(name: str) -> None:
    layout = quadrant_layout(roadmap(example(name)))
    spots = [(point.x, point.y) for point in layout.points]
    assert len(set(spots)) == len(spots) > 8
    for i, (x, y) in enumerate(spots):
        for other_x, other_y in spots[i + 1 :]:
            assert abs(x - other_x) >= APART_X or abs(y - other_y) >= APART_Y
    assert not layout.crowded


@pytest.mark.parametrize("tr", [EN, NL])
def test_the_chart_names_its_quadrants_with_the_words_of_the_tables(tr: Translator) -> None:
    text = roadmap_markdown(example("meubelmakerij-de-eik.toml"), tr)
    (chart,) = [block for block in fences(text) if block.startswith("quadrantChart")]
    words = {q: tr(f"quadrant.{q}") for q in ("quick-win", "big-bet", "fill-in", "money-pit")}
    assert quadrant_names(chart) == {
        1: words["big-bet"],
        2: words["quick-win"],
        3: words["fill-in"],
        4: words["money-pit"],
    }
    column = tr("export.roadmap.column.quadrant")
    in_tables = {row[h.index(column)] for h, rows in tables(text) for row in rows}
    assert in_tables <= {*words.values(), tr("quadrant.none")}
    assert words["fill-in"] in in_tables


@pytest.mark.parametrize(("name", "tr"), [(n, tr) for n in EXAMPLES for tr in (EN, NL)])
def test_table_and_chart_give_each_item_the_same_number_and_quadrant(
    name: str, tr: Translator
) -> None:
    text = roadmap_markdown(example(name), tr)
    chart = chart_of(text)
    names = quadrant_names(chart)
    rank_column = tr("export.roadmap.column.rank")
    quadrant_column = tr("export.roadmap.column.quadrant")
    in_tables = {}
    closed_heading = f"## {tr('export.roadmap.closed')}"
    open_part = text.split(closed_heading)[0]
    for header, rows in tables(open_part):
        for row in rows:
            in_tables[row[header.index(rank_column)]] = row[header.index(quadrant_column)]
    placed = {rank: word for rank, word in in_tables.items() if word != tr("quadrant.none")}
    assert {p.label: names[p.quadrant] for p in drawn(chart)} == placed
    # The same four words, in the chart and in the app's catalog.
    assert set(names.values()) == {
        tr(f"quadrant.{q}") for q in ("quick-win", "big-bet", "fill-in", "money-pit")
    }


def test_the_dutch_example_says_which_points_share_effort_and_impact() -> None:
    text = roadmap_markdown(example("meubelmakerij-de-eik.toml"), NL)
    assert "Zelfde moeite en impact: 7 en 8; 11 en 12." in text
    assert "Punten die elkaar zouden bedekken staan een stukje uit elkaar" in text
    # Item 3 has an impact of 20.6, just over half the top's 40.5: a quick win, as item 2 (25.5)
    # is; item 4 (11) is under the line, an "opvuller".
    assert "erboven is de impact minstens 20,25, de helft van de hoogste (40,5)" in text
    names = quadrant_names(chart_of(text))
    points = {p.label: names[p.quadrant] for p in drawn(chart_of(text))}
    assert (points["2"], points["3"], points["4"]) == ("quick win", "quick win", "opvuller")


def test_the_english_example_explains_a_now_item_that_is_a_fill_in() -> None:
    session = example("harbour-broadband.toml")
    items = {item.rank: item for item in roadmap(session)}
    # Explain price rises: effort 1, so a score close to the top and Now; its impact 11.3 is
    # under half the top impact 40.5 (the fair renewal price, with eight dots), so a fill-in.
    assert (items[4].horizon, items[4].quadrant, items[4].factors.impact) == (
        "now",
        "fill-in",
        11.3,
    )
    text = roadmap_markdown(session, EN)
    assert "an item of little effort can rank Now and still be a fill-in." in text
    point = next(p for p in drawn(chart_of(text)) if p.label == "4")
    assert quadrant_names(chart_of(text))[point.quadrant] == "fill-in"


def self_assessment(efforts: dict[int, int]) -> tuple[Session, dict[str, ChecklistText]]:
    """A self-assessment with eleven weak answers; ``efforts`` by rank (from 1) as decided."""
    template = bundled_template("five-phases")
    assert template is not None
    when = dt.datetime(2026, 11, 1, tzinfo=dt.UTC)
    session = session_from_template(
        template, title="Corner Bakery", language="en", mode="self-assessment", when=when
    )
    keys = list(checklist(template, "en"))[:11]
    answers = tuple(Answer(question=key, score=1 + n % 4) for n, key in enumerate(keys))
    session = replace(session, assessment=answers, personas=(Persona(id="p", name="Regular"),))
    questions = template_checklist(session, "en")
    items = roadmap(session, questions)
    decided = tuple(
        RoadmapItem(id=items[rank - 1].id, sources=items[rank - 1].sources, effort=effort)
        for rank, effort in efforts.items()
    )
    return replace(session, roadmap=decided), questions


def test_a_self_assessment_places_what_it_can_and_names_the_rest() -> None:
    session, questions = self_assessment({1: 2, 2: 4, 3: 1})
    items = roadmap(session, questions)
    assert len(items) == 11
    text = roadmap_markdown(session, EN, questions)
    placed = {int(p.label) for p in drawn(chart_of(text))}
    # Every open item is either a point or named under the chart, with the reason.
    ranks = [item.rank for item in items if item.rank not in placed]
    assert placed == {item.rank for item in items if item.factors.effort_set}
    assert len(placed) == 3
    # The item given effort 4 falls below two undecided ones (counted as 3): rank 3 and 5-11.
    assert ranks == [3, *range(5, 12)]
    unplaced = "Not in the chart until their effort is set (1 to 5, in the Roadmap step): 3, 5–11."
    assert unplaced in text


def test_a_session_without_any_effort_has_no_chart_but_says_why() -> None:
    session, questions = self_assessment({})
    text = roadmap_markdown(session, NL, questions)
    assert not [block for block in fences(text) if block.startswith("quadrantChart")]
    assert "Staan pas in de grafiek als hun moeite is bepaald" in text
    assert "): 1–11." in text
    assert "quadrantChart" not in diagrams_markdown(session, NL, questions)


def test_the_diagrams_alone_carry_the_key_to_the_numbers() -> None:
    session = example("meubelmakerij-de-eik.toml")
    text = diagrams_markdown(session, NL)
    chart = chart_of(text)
    names = quadrant_names(chart)
    key = next(rows for header, rows in tables(text) if header == ["#", "Verbetering", "Kwadrant"])
    assert {p.label: names[p.quadrant] for p in drawn(chart)} == {row[0]: row[2] for row in key}
    assert key[0][1] == "Vaste leverweek en updates tijdens de productie"
    assert "Zelfde moeite en impact: 7 en 8; 11 en 12." in text


def test_a_crowded_place_keeps_points_apart_and_says_what_it_cannot() -> None:
    layout = quadrant_layout([ranked(rank, 5, 1.0, "money-pit") for rank in range(1, 41)])
    assert len({(point.x, point.y) for point in layout.points}) == 40
    assert layout.crowded
    assert layout.ties == (tuple(range(1, 41)),)
    (note,) = chart_notes(EN, layout)
    assert "some points still cover each other; the table lists them all." in note
    assert "Same effort and impact: 1, 2, 3, " in note
    assert ", 39 and 40. " in note


def test_closed_items_and_a_tie_on_the_middle_line() -> None:
    items = [
        ranked(1, 2, 10.0, "quick-win"),
        ranked(2, 2, 5.0, "quick-win"),  # exactly half the top impact: still the upper half
        ranked(3, 2, 4.9, "fill-in"),
        ranked(4, 1, 99.0, "quick-win", status="done"),  # closed: not on the chart
    ]
    points = drawn(quadrant_chart(quadrant_layout(items), EN, "Chart"))
    assert {p.label: p.quadrant for p in points} == {"1": 2, "2": 2, "3": 3}


def test_a_long_session_title_is_cut_to_fit_the_chart() -> None:
    layout = quadrant_layout([ranked(1, 1, 1.0, "quick-win")])
    long_title = "Harbour Broadband Regional Fibre Network, West Coast"
    title = quadrant_chart(layout, NL, long_title).splitlines()[1].removeprefix("    title ")
    assert title == "Harbour Broadband…\u2236 impact tegenover moeite"
    assert len(title) <= TITLE_LENGTH + 1
    short = quadrant_chart(layout, NL, "Meubelmakerij De Eik").splitlines()[1]
    assert short == "    title Meubelmakerij De Eik\u2236 impact tegenover moeite"


def test_coordinates_and_ranges_as_written() -> None:
    assert [coordinate(v) for v in (0, 1, 50, 500, 910, 999, 1000)] == [
        "0",
        "0.001",
        "0.05",
        "0.5",
        "0.91",
        "0.999",
        "1",
    ]
    assert rank_ranges([13, 4, 5, 6, 7, 9, 10]) == "4–7, 9, 10, 13"
    assert rank_ranges([]) == ""


def test_names_are_cut_after_a_whole_word() -> None:
    assert shortened("Nieuws tijdens de twaalf weken productie", 24) == "Nieuws tijdens de twaalf…"
    assert shortened("Bellen over de levertijd", 24) == "Bellen over de levertijd"
    assert shortened("Onderhoudsadvies, en olie bij levering", 18) == "Onderhoudsadvies…"
    assert shortened("Klantenservicemedewerkersopleiding", 10) == "Klantenser…"
    assert shortened("  Two\nlines  ", 24) == "Two lines"


@pytest.mark.parametrize("name", EXAMPLES)
def test_journey_names_are_short_and_whole_in_the_table(name: str) -> None:
    session = example(name)
    report = report_markdown(session, EN)
    for persona in session.personas:
        diagram = journey_diagram(session, persona.id)
        assert diagram is not None
        tasks = [line.strip().split(": ")[0] for line in diagram.splitlines()[2:]]
        names = [t for t in tasks if not t.startswith("section ")]
        assert all(len(task) <= NAME_LENGTH + 1 for task in names), names
        assert any(task.endswith("…") for task in names)
    journey_rows = [row for header, rows in tables(report) if header[0] == "Phase" for row in rows]
    in_tables = {row[1].removesuffix(" ★") for row in journey_rows}
    assert {t.name for t in session.touchpoints} <= in_tables
