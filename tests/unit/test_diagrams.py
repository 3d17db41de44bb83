"""The Mermaid diagrams read back as their readers see them: a journey's names fit their boxes,
and the whole names stay in the report's journey table; the roadmap's chart names its quadrants
with the words of the roadmap tables."""

from __future__ import annotations

import re

import pytest

from cjworkshop.export.markdown import report_markdown, roadmap_markdown
from cjworkshop.export.mermaid import NAME_LENGTH, journey_diagram, shortened
from cjworkshop.i18n import Translator, translator
from cjworkshop.model.session import Session
from cjworkshop.store.session_file import read_session
from tests.conftest import SESSIONS
from tests.unit.test_exports import fences, tables

EN = translator("en")
NL = translator("nl")
EXAMPLES = ("meubelmakerij-de-eik.toml", "harbour-broadband.toml")
NAMED = re.compile(r'^    quadrant-([1-4]) "([^"]+)"$')


def example(name: str) -> Session:
    return read_session(SESSIONS / name)


def quadrant_names(chart: str) -> dict[int, str]:
    return {int(m[1]): m[2] for line in chart.splitlines() if (m := NAMED.match(line))}


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
