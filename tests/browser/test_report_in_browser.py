"""The HTML report as a reader sees it, in headless Chromium: on screen and printed.

Both bundled examples and a session with hostile text in every field are written by
``export --format html`` and opened with every request refused. On screen and laid out as
printed on A4 and A3 landscape, no two labels of a chart overlap, no label leaves its chart,
and no table is wider than the page. Printed to PDF, every section starts on a page of its own
and no page is empty.
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from playwright.sync_api import Page
from pypdf import PdfReader

from cjworkshop.export.html_report import report_html
from cjworkshop.i18n import translator
from cjworkshop.model.session import Session
from cjworkshop.store.session_file import read_session
from tests.browser.page_checks import (
    Paper,
    blank_pages,
    chart_labels,
    describe,
    labels_outside,
    open_offline,
    overlapping_labels,
    pdf_pages,
    print_layout,
    print_pdf,
    tables_wider_than_page,
)
from tests.unit.test_exports import hostile_session
from tests.unit.test_html_report import NASTY

SESSIONS = Path(__file__).parents[2] / "sessions"
MARGIN_MM = 12.0
"""The report's ``@page`` margin."""


def examples() -> dict[str, Session]:
    found = {path.stem: read_session(path) for path in sorted(SESSIONS.glob("*.toml"))}
    found["hostile"] = hostile_session(NASTY)
    return found


SESSIONS_SHOWN = examples()


def written(session: Session, folder: Path) -> Path:
    path = folder / "report.html"
    path.write_text(report_html(session, translator(session.language)), encoding="utf-8")
    return path


def assert_readable(page: Page) -> None:
    charts = chart_labels(page)
    assert charts, "the report has its charts"
    overlaps = overlapping_labels(charts)
    assert not overlaps, describe(overlaps)
    outside = labels_outside(charts)
    assert not outside, describe(outside)
    wide = tables_wider_than_page(page)
    assert not wide, describe(wide)


@pytest.mark.parametrize("name", SESSIONS_SHOWN)
def test_on_screen_every_chart_reads_and_nothing_is_fetched(
    page: Page, tmp_path: Path, name: str
) -> None:
    refused = open_offline(page, written(SESSIONS_SHOWN[name], tmp_path))
    assert_readable(page)
    assert refused == [], describe(refused)


@pytest.mark.parametrize("paper", ["A4", "A3"])
@pytest.mark.parametrize("name", SESSIONS_SHOWN)
def test_printed_every_section_starts_a_page_and_none_is_empty(
    page: Page, tmp_path: Path, name: str, paper: Paper
) -> None:
    session = SESSIONS_SHOWN[name]
    refused = open_offline(page, written(session, tmp_path))
    print_layout(page, paper, margin_mm=MARGIN_MM)
    assert_readable(page)
    pdf = print_pdf(page, paper)
    assert refused == [], describe(refused)
    assert blank_pages(pdf) == []
    headings = page.eval_on_selector_all("section > h2", "hs => hs.map(h => h.textContent)")
    reader = PdfReader(io.BytesIO(pdf))
    firsts = [sheet.extract_text().strip().splitlines()[0].strip() for sheet in reader.pages]
    # The front page (title and contents), then each section on a page of its own: its title
    # is the first line of a page.
    assert pdf_pages(pdf) >= 1 + len(headings)
    for heading in headings:
        assert heading.strip() in firsts, f"{heading!r} does not start a page"
    assert session.title.splitlines()[0][:20].strip() in reader.pages[0].extract_text()
