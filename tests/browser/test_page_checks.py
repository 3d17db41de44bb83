"""The browser checks themselves, on small pages made for each fault: each check must see the
fault it is there for (and say where), and must stay quiet on a page without it, or a test of
the HTML report that passes would prove nothing."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from playwright.sync_api import Page
from pypdf import PdfReader

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

STYLE = "body { font: 12px 'DejaVu Sans', sans-serif; } svg { display: block; }"


def html_file(folder: Path, body: str, head: str = "") -> Path:
    """A page as the report writes one: a single file, its style inline."""
    path = folder / "page.html"
    path.write_text(
        "<!doctype html>\n<html lang='en'><head><meta charset='utf-8'><title>Check</title>"
        f"<style>{STYLE}</style>{head}</head><body>{body}</body></html>\n",
        encoding="utf-8",
    )
    return path


def opened(page: Page, folder: Path, body: str, head: str = "") -> list[str]:
    """Open the page offline; what it asked for, as text."""
    return [str(request) for request in open_offline(page, html_file(folder, body, head))]


def svg(labels: str, width: int = 400, height: int = 200, name: str = "curve") -> str:
    return (
        f"<svg id='{name}' xmlns='http://www.w3.org/2000/svg' width='{width}' height='{height}'"
        f" viewBox='0 0 {width} {height}'>{labels}</svg>"
    )


def test_two_labels_on_top_of_each_other_are_caught(page: Page, tmp_path: Path) -> None:
    assert (
        opened(
            page,
            tmp_path,
            svg(
                "<text x='20' y='40'>Awareness</text><text x='60' y='44'>Consideration</text>"
                "<text x='20' y='150'>Purchase</text>"
            ),
        )
        == []
    )
    overlaps = overlapping_labels(chart_labels(page))
    assert len(overlaps) == 1, describe(overlaps)
    message = str(overlaps[0])
    assert "'Awareness'" in message
    assert "'Consideration'" in message
    assert "svg 1 'curve'" in message
    assert "'Purchase'" not in message


def test_labels_set_apart_are_not_caught(page: Page, tmp_path: Path) -> None:
    opened(
        page,
        tmp_path,
        svg(
            "<text x='20' y='40'>Awareness</text><text x='200' y='40'>Consideration</text>"
            "<text x='20' y='80'>Purchase</text><text x='200' y='80'>After sales</text>"
        ),
    )
    charts = chart_labels(page)
    assert [label.text for label in charts[0].labels] == [
        "Awareness",
        "Consideration",
        "Purchase",
        "After sales",
    ]
    assert overlapping_labels(charts) == []
    assert labels_outside(charts) == []


def test_rotated_labels_are_measured_as_drawn(page: Page, tmp_path: Path) -> None:
    """Axis labels turned 45 degrees: their upright boxes overlap, their texts do not; two turned
    labels set too close together are caught all the same."""
    apart = "".join(
        f"<text x='{x}' y='60' transform='rotate(45 {x} 60)'>Touchpoint {x}</text>"
        for x in (40, 70, 100)
    )
    close = (
        "<text x='40' y='60' transform='rotate(45 40 60)'>Webshop</text>"
        "<text x='46' y='60' transform='rotate(45 46 60)'>Showroom</text>"
    )
    opened(page, tmp_path, svg(apart, name="apart") + svg(close, name="close"))
    charts = chart_labels(page)
    first, second, *_ = charts[0].labels
    assert first.box.right > second.box.left, "the upright boxes should overlap"
    overlaps = overlapping_labels(charts)
    assert [(o.chart.name, o.first.text, o.second.text) for o in overlaps] == [
        ("close", "Webshop", "Showroom")
    ], describe(overlaps)


def test_a_label_running_out_of_its_svg_is_caught(page: Page, tmp_path: Path) -> None:
    opened(
        page,
        tmp_path,
        svg("<text x='10' y='30'>Inside</text>", name="fits")
        + svg(
            "<text x='130' y='30'>Moment of truth</text>"
            "<text x='5' y='60' text-anchor='end'>Before</text>"
            "<text x='10' y='90'>Inside</text>",
            width=200,
            height=100,
            name="cut",
        ),
    )
    outside = labels_outside(chart_labels(page))
    assert [(o.chart.name, o.label.text, [edge for edge, _ in o.past]) for o in outside] == [
        ("cut", "Moment of truth", ["right"]),
        ("cut", "Before", ["left"]),
    ], describe(outside)
    assert "svg 2 'cut'" in str(outside[0])
    assert "past the right edge" in str(outside[0])


def test_a_label_of_a_nested_svg_belongs_to_that_svg(page: Page, tmp_path: Path) -> None:
    opened(
        page,
        tmp_path,
        svg(
            "<text x='10' y='20'>Phases</text>"
            "<svg id='legend' x='10' y='100' width='80' height='40'>"
            "<text x='10' y='20'>Legend of the curve</text></svg>",
        ),
    )
    charts = chart_labels(page)
    assert [(chart.name, [label.text for label in chart.labels]) for chart in charts] == [
        ("curve", ["Phases"]),
        ("legend", ["Legend of the curve"]),
    ]
    outside = labels_outside(charts)
    assert [(o.chart.name, o.label.text) for o in outside] == [("legend", "Legend of the curve")], (
        describe(outside)
    )


def test_a_table_wider_than_the_page_is_caught(page: Page, tmp_path: Path) -> None:
    opened(
        page,
        tmp_path,
        "<table><caption>Roadmap</caption><tr><td>Now</td><td>Call back</td></tr></table>"
        "<table><caption>Journey</caption><tr>"
        + "<td>Een_heel_lang_woord_zonder_spaties</td>"
        * 60
        + "</tr></table>"
        "<div style='overflow-x: auto'><table style='width: 3000px'>"
        "<tr><th>Scrolled</th></tr></table></div>"
        "<table style='table-layout: fixed; width: 100%'><tr><th>Overflowing</th></tr>"
        f"<tr><td>{'Onafgebroken' * 40}</td></tr></table>"
        "<table style='width: 100%; margin-left: 40px'><tr><th>Shifted</th></tr></table>",
    )
    wide = tables_wider_than_page(page)
    assert [(table.number, table.name) for table in wide] == [
        (2, "Journey"),
        (3, "Scrolled"),
        (4, "Overflowing"),
        (5, "Shifted"),
    ], describe(wide)
    overflowing, shifted = wide[2:]
    assert overflowing.box.right <= overflowing.content.right, "its box fits, its content not"
    assert shifted.scroll_width < 1280, "its content is narrower than the page, its box is out"
    assert "table 2 'Journey'" in str(wide[0])


def test_a_table_that_fits_the_screen_but_not_the_paper_is_caught(
    page: Page, tmp_path: Path
) -> None:
    """On A4 at 15 mm margins there are 1,009 px across, on A3 1,474 px; the table is wider on
    paper than on screen, as its print style says."""
    opened(
        page,
        tmp_path,
        "<table class='figures'><tr><td>Figures</td></tr></table>",
        "<style>.figures { width: 900px; } @media print { .figures { width: 1050px; } }</style>",
    )
    assert tables_wider_than_page(page) == []
    print_layout(page, "A3", margin_mm=15)
    assert tables_wider_than_page(page) == []
    print_layout(page, "A4", margin_mm=15)
    wide = tables_wider_than_page(page)
    assert [table.name for table in wide] == ["Figures"], describe(wide)


@pytest.mark.parametrize(
    ("kind", "body", "head"),
    [
        ("image", "<img src='http://example.invalid/logo.png' alt='logo'>", ""),
        ("stylesheet", "", "<link rel='stylesheet' href='http://example.invalid/report.css'>"),
        (
            "font",
            "<p style='font-family: Remote'>Text in a remote font</p>",
            "<style>@font-face { font-family: Remote;"
            " src: url(http://example.invalid/remote.woff2); }</style>",
        ),
        ("image", "<img src='logo.png' alt='a file beside the report'>", ""),
    ],
)
def test_a_page_that_asks_for_anything_is_caught(
    page: Page, tmp_path: Path, kind: str, body: str, head: str
) -> None:
    asked = opened(page, tmp_path, body, head)
    assert len(asked) == 1, asked
    assert asked[0].startswith(f"the page asked for {kind} ")
    assert "example.invalid" in asked[0] or asked[0].endswith("/logo.png")


def test_a_page_of_inline_content_asks_for_nothing(page: Page, tmp_path: Path) -> None:
    dot = (
        "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNk"
        "YAAAAAYAAjCB0C8AAAAASUVORK5CYII="
    )
    asked = opened(
        page,
        tmp_path,
        f"<h1 id='top'>Report</h1><img src='{dot}' alt='dot'><a href='#top'>top</a>"
        + svg("<text x='10' y='20'>Inline</text>"),
        "<style>h1 { color: #333; }</style>",
    )
    assert asked == []
    assert chart_labels(page)[0].labels[0].text == "Inline"


def test_what_only_printing_asks_for_is_caught(page: Page, tmp_path: Path) -> None:
    asked = open_offline(
        page,
        html_file(
            tmp_path,
            "<p>Report</p>",
            "<style>@media print { body { background: url(http://example.invalid/paper.png); } }"
            "</style>",
        ),
    )
    assert asked == []
    print_pdf(page, "A4")
    assert [request.url for request in asked] == ["http://example.invalid/paper.png"]


SECTIONS = (
    "<section><h1>Goals</h1></section>"
    "<section style='break-before: page'><h1>Personas</h1></section>"
    "<section style='break-before: page'><h1>Roadmap</h1></section>"
)


@pytest.mark.parametrize("paper", ["A4", "A3"])
def test_three_sections_print_on_three_pages(page: Page, tmp_path: Path, paper: Paper) -> None:
    opened(page, tmp_path, SECTIONS)
    pdf = print_pdf(page, paper)
    assert pdf_pages(pdf) == 3
    assert blank_pages(pdf) == []
    sheet = PdfReader(io.BytesIO(pdf)).pages[0].mediabox
    landscape_mm = {"A4": (297, 210), "A3": (420, 297)}[paper]
    assert (round(sheet.width / 72 * 25.4), round(sheet.height / 72 * 25.4)) == landscape_mm


def test_an_empty_page_is_caught(page: Page, tmp_path: Path) -> None:
    """Two page breaks in a row, with nothing between them, leave a sheet of paper empty."""
    opened(
        page,
        tmp_path,
        SECTIONS.replace(
            "<section style", "<div style='break-before: page'></div><section style", 1
        ),
    )
    pdf = print_pdf(page, "A4")
    assert pdf_pages(pdf) == 4
    assert blank_pages(pdf) == [2]
