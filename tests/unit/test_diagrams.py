"""The Mermaid diagrams read back as their readers see them: a journey's names fit their boxes,
and the whole names stay in the report's journey table."""

from __future__ import annotations

import pytest

from cjworkshop.export.markdown import report_markdown
from cjworkshop.export.mermaid import NAME_LENGTH, journey_diagram, shortened
from cjworkshop.i18n import translator
from cjworkshop.model.session import Session
from cjworkshop.store.session_file import read_session
from tests.conftest import SESSIONS
from tests.unit.test_exports import tables

EN = translator("en")
EXAMPLES = ("meubelmakerij-de-eik.toml", "harbour-broadband.toml")


def example(name: str) -> Session:
    return read_session(SESSIONS / name)


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
