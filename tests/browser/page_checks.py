"""Checks of a page by the boxes Chromium rendered, for the tests of what cjworkshop writes as HTML.

What goes wrong in a report on screen or on paper (two chart labels on top of each other, a label
cut off at the edge of its chart, a table running off the page, a font fetched from the network,
an empty sheet of paper) shows only once a browser has laid the page out, so these helpers ask
headless Chromium where things ended up instead of reading the HTML. Each check returns findings,
an empty list when all is well; a finding's text names what is wrong, with its text and where it
is on the page (CSS pixels from the page's top left corner), so a failing test says it without a
screenshot: ``assert not findings, describe(findings)``.
"""

from __future__ import annotations

import io
import itertools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from playwright.sync_api import Page, Route
from pypdf import PdfReader

Paper = Literal["A4", "A3"]

PAPER_MM: dict[Paper, tuple[float, float]] = {"A4": (297.0, 210.0), "A3": (420.0, 297.0)}
"""Width and height of each paper size in landscape, the way the report is printed."""

PX_PER_MM = 96 / 25.4
"""CSS pixels per millimetre: a CSS inch is 96 px on paper as on screen."""

TOLERANCE = 0.5
"""How far (px) two boxes may run into each other before it counts: boxes that merely touch
differ from each other by rounding only."""


def describe(findings: Iterable[object]) -> str:
    """One finding a line: the message of a failing assertion."""
    return "\n".join(str(finding) for finding in findings)


def _short(text: str, limit: int = 60) -> str:
    return repr(text if len(text) <= limit else text[: limit - 1] + "…")


@dataclass(frozen=True)
class Box:
    """A rectangle on the page, in CSS pixels from the page's top left corner."""

    left: float
    top: float
    right: float
    bottom: float

    @property
    def width(self) -> float:
        return self.right - self.left

    @property
    def height(self) -> float:
        return self.bottom - self.top

    def __str__(self) -> str:
        return f"({self.left:.1f}, {self.top:.1f})–({self.right:.1f}, {self.bottom:.1f})"


Point = tuple[float, float]


@dataclass(frozen=True)
class Label:
    """A ``<text>`` of a chart as rendered: its box as ``getBoundingClientRect`` gives it, and the
    corners of the text's own rectangle, which a rotated or skewed label turns with it (its box
    is the upright rectangle around that, larger than the text)."""

    text: str
    box: Box
    corners: tuple[Point, Point, Point, Point]

    def __str__(self) -> str:
        return f"{_short(self.text)} at {self.box}"


@dataclass(frozen=True)
class Chart:
    """An inline ``<svg>``: its number in the page (from 1, in document order), a name to know it
    by (its id, ``aria-label`` or ``<title>``), its box, and the labels drawn in it. An svg
    inside another is a chart of its own, with its own labels and its viewport as its box."""

    number: int
    name: str
    box: Box
    labels: tuple[Label, ...]

    def __str__(self) -> str:
        named = f" {_short(self.name)}" if self.name else ""
        return f"svg {self.number}{named} at {self.box}"


@dataclass(frozen=True)
class Overlap:
    """Two labels of one chart that run into each other, ``depth`` px deep (how far one of them
    would have to move to stand clear of the other)."""

    chart: Chart
    first: Label
    second: Label
    depth: float

    def __str__(self) -> str:
        return f"{self.chart}: labels {self.first} and {self.second} overlap by {self.depth:.1f} px"


@dataclass(frozen=True)
class Outside:
    """A label whose box leaves its chart's box, with how far past each edge it runs."""

    chart: Chart
    label: Label
    past: tuple[tuple[str, float], ...]

    def __str__(self) -> str:
        edges = ", ".join(f"{amount:.1f} px past the {edge} edge" for edge, amount in self.past)
        return f"{self.chart}: label {self.label} runs out of its svg ({edges})"


@dataclass(frozen=True)
class WideTable:
    """A table wider than the page, or whose box leaves the page's content box."""

    number: int
    name: str
    box: Box
    scroll_width: float
    content: Box

    def __str__(self) -> str:
        named = f" {_short(self.name)}" if self.name else ""
        return (
            f"table {self.number}{named} at {self.box} ({self.scroll_width:.0f} px of content)"
            f" is wider than the page's content box {self.content}"
        )


@dataclass(frozen=True)
class RefusedRequest:
    """A request the page made for something other than its own file, which was refused."""

    url: str
    resource_type: str

    def __str__(self) -> str:
        return f"the page asked for {self.resource_type} {self.url}"


def open_offline(page: Page, path: Path) -> list[RefusedRequest]:
    """Open the HTML file ``path`` with every other request refused: the list it returns holds
    each one (``data:`` URLs are no request), and keeps growing for as long as the page is
    open, so a test that also prints the page and asserts afterwards catches what only printing
    asks for (a print stylesheet's background, a lazy image). Returns once the page has loaded
    and its fonts are ready, so the boxes measured after it are final.

    Requests are refused rather than left to time out: a report that depends on the network
    must fail at once here, not hang on a machine without one. What needs no request is not
    seen: ``<link rel="preconnect">`` and DNS prefetching open connections only."""
    own = path.resolve().as_uri()
    refused: list[RefusedRequest] = []

    def answer(route: Route) -> None:
        if route.request.url == own:
            route.continue_()
        else:
            refused.append(RefusedRequest(route.request.url, route.request.resource_type))
            route.abort("blockedbyclient")

    page.route("**/*", answer)
    page.goto(own)
    # The load event waits for the fonts the page uses by then; this covers one asked for later.
    page.evaluate("document.fonts.ready.then(() => true)")
    return refused


def print_layout(page: Page, paper: Paper, *, margin_mm: float = 0.0) -> None:
    """Lay the page out as Chromium prints it on ``paper`` in landscape: print media, and the
    viewport the size of the printed area (the paper less ``margin_mm`` on each side, as the
    page's ``@page`` rule gives it). The checks by boxes then see the widths paper gives;
    on screen a table may fit where on paper Chromium shrinks the whole page to make it fit,
    or cuts it off."""
    width_mm, height_mm = PAPER_MM[paper]
    page.emulate_media(media="print")
    page.set_viewport_size(
        {
            "width": int((width_mm - 2 * margin_mm) * PX_PER_MM),
            "height": int((height_mm - 2 * margin_mm) * PX_PER_MM),
        }
    )


_CHARTS = """() => {
    const dx = window.scrollX, dy = window.scrollY;
    const box = (r) => [r.left + dx, r.top + dy, r.right + dx, r.bottom + dy];
    const name = (svg) => (svg.id || svg.getAttribute("aria-label")
        || svg.querySelector(":scope > title")?.textContent || "").trim();
    const area = (svg) => {
        // An svg inside another: its rectangle in its parent's units, where it cuts off what it
        // draws (Chromium's getBoundingClientRect gives the box of its content instead).
        if (!svg.ownerSVGElement) return box(svg.getBoundingClientRect());
        const m = svg.parentNode.getScreenCTM();
        const x = svg.x.baseVal.value, y = svg.y.baseVal.value;
        const w = svg.width.baseVal.value, h = svg.height.baseVal.value;
        const p = [[x, y], [x + w, y], [x + w, y + h], [x, y + h]]
            .map(([px, py]) => new DOMPoint(px, py).matrixTransform(m));
        const xs = p.map((q) => q.x), ys = p.map((q) => q.y);
        return [Math.min(...xs) + dx, Math.min(...ys) + dy,
            Math.max(...xs) + dx, Math.max(...ys) + dy];
    };
    return [...document.querySelectorAll("svg")].map((svg) => ({
        name: name(svg),
        box: area(svg),
        labels: [...svg.querySelectorAll("text")]
            .filter((text) => text.closest("svg") === svg
                && text.textContent.trim() !== ""
                && getComputedStyle(text).visibility === "visible")
            .map((text) => [text, text.getBoundingClientRect()])
            .filter(([text, r]) => r.width > 0 && r.height > 0)
            .map(([text, r]) => {
                const b = text.getBBox(), m = text.getScreenCTM();
                const corners = [[b.x, b.y], [b.x + b.width, b.y],
                    [b.x + b.width, b.y + b.height], [b.x, b.y + b.height]]
                    .map(([x, y]) => new DOMPoint(x, y).matrixTransform(m))
                    .map((p) => [p.x + dx, p.y + dy]);
                return {text: text.textContent.replace(/\\s+/g, " ").trim(), box: box(r), corners};
            }),
    }));
}"""


def _box(values: Sequence[float]) -> Box:
    left, top, right, bottom = values
    return Box(left, top, right, bottom)


def _corners(values: Sequence[Sequence[float]]) -> tuple[Point, Point, Point, Point]:
    first, second, third, fourth = ((x, y) for x, y in values)
    return first, second, third, fourth


def chart_labels(page: Page) -> list[Chart]:
    """Every inline ``<svg>`` of the page with the labels drawn in it: each ``<text>`` that is
    shown and says something, with its box as Chromium rendered it."""
    found: list[dict[str, Any]] = page.evaluate(_CHARTS)
    return [
        Chart(
            number=number,
            name=chart["name"],
            box=_box(chart["box"]),
            labels=tuple(
                Label(
                    text=label["text"],
                    box=_box(label["box"]),
                    corners=_corners(label["corners"]),
                )
                for label in chart["labels"]
            ),
        )
        for number, chart in enumerate(found, start=1)
    ]


def _depth(first: Sequence[Point], second: Sequence[Point]) -> float:
    """How deep two convex shapes run into each other: the least overlap of their shadows on the
    axes across their edges (none on one axis means they are apart). For two upright boxes it
    is the smaller of the overlaps across and down."""
    deepest = float("inf")
    for shape in (first, second):
        for (x1, y1), (x2, y2) in itertools.pairwise((*shape, shape[0])):
            axis = (y1 - y2, x2 - x1)
            length = (axis[0] ** 2 + axis[1] ** 2) ** 0.5
            if length == 0:
                continue
            one = [(x * axis[0] + y * axis[1]) / length for x, y in first]
            two = [(x * axis[0] + y * axis[1]) / length for x, y in second]
            deepest = min(deepest, min(max(one), max(two)) - max(min(one), min(two)))
    return deepest


def overlapping_labels(charts: Iterable[Chart], *, tolerance: float = TOLERANCE) -> list[Overlap]:
    """Every pair of labels of one chart whose texts run into each other by more than
    ``tolerance`` px. Measured on the texts' own rectangles, so two rotated labels side by
    side are apart when their texts are, though their upright boxes overlap. A text's
    rectangle is its font's full line (ascent to descent), a little taller than the letters:
    two lines set closer than the font's line height overlap here."""
    return [
        Overlap(chart, first, second, depth)
        for chart in charts
        for first, second in itertools.combinations(chart.labels, 2)
        if (depth := _depth(first.corners, second.corners)) > tolerance
    ]


def labels_outside(charts: Iterable[Chart], *, tolerance: float = TOLERANCE) -> list[Outside]:
    """Every label whose box leaves the box of its svg by more than ``tolerance`` px: an inline
    svg cuts off what it draws past its edges."""
    found = []
    for chart in charts:
        for label in chart.labels:
            past = tuple(
                (edge, amount)
                for edge, amount in (
                    ("left", chart.box.left - label.box.left),
                    ("top", chart.box.top - label.box.top),
                    ("right", label.box.right - chart.box.right),
                    ("bottom", label.box.bottom - chart.box.bottom),
                )
                if amount > tolerance
            )
            if past:
                found.append(Outside(chart, label, past))
    return found


_TABLES = """() => {
    const dx = window.scrollX, dy = window.scrollY;
    const box = (r) => [r.left + dx, r.top + dy, r.right + dx, r.bottom + dy];
    const root = document.documentElement, body = document.body;
    const style = getComputedStyle(body), b = body.getBoundingClientRect();
    const inner = (side) => parseFloat(style["border" + side + "Width"])
        + parseFloat(style["padding" + side]);
    const left = Math.max(0, b.left + inner("Left"));
    const right = Math.min(root.clientWidth, b.right - inner("Right"));
    return {
        pageWidth: root.clientWidth,
        content: [left + dx, b.top + inner("Top") + dy,
            right + dx, b.bottom - inner("Bottom") + dy],
        tables: [...document.querySelectorAll("table")].map((table) => ({
            name: (table.caption ?? table.querySelector("th, td"))?.textContent
                .replace(/\\s+/g, " ").trim() ?? "",
            box: box(table.getBoundingClientRect()),
            scrollWidth: table.scrollWidth,
            shown: table.getClientRects().length > 0,
        })),
    };
}"""


def tables_wider_than_page(page: Page, *, tolerance: float = TOLERANCE) -> list[WideTable]:
    """Every table whose content is wider than the page (its ``scrollWidth`` past the
    document's client width), or whose box leaves the page's content box (the body's, inside
    its padding, within the page) by more than ``tolerance`` px. On screen that is a table to
    scroll sideways; on paper Chromium shrinks the whole page to fit it, or cuts it off, so run
    it after ``print_layout`` too."""
    found: dict[str, Any] = page.evaluate(_TABLES)
    content = _box(found["content"])
    wide = []
    for number, table in enumerate(found["tables"], start=1):
        box = _box(table["box"])
        if table["shown"] and (
            table["scrollWidth"] > found["pageWidth"] + tolerance
            or box.left < content.left - tolerance
            or box.right > content.right + tolerance
        ):
            wide.append(WideTable(number, table["name"], box, table["scrollWidth"], content))
    return wide


def print_pdf(page: Page, paper: Paper) -> bytes:
    """The page printed by Chromium on ``paper`` in landscape, with its backgrounds, as PDF.
    Margins are the page's own (its ``@page`` rule), none when it sets none."""
    return page.pdf(format=paper, landscape=True, print_background=True)


def pdf_pages(pdf: bytes) -> int:
    """How many pages the PDF has."""
    return len(PdfReader(io.BytesIO(pdf)).pages)


def blank_pages(pdf: bytes) -> list[int]:
    """The numbers (from 1) of the PDF's pages that hold no text: an empty sheet of paper, or one
    with only a picture on it. The text of an inline svg is text in the PDF too."""
    reader = PdfReader(io.BytesIO(pdf))
    return [
        number
        for number, sheet in enumerate(reader.pages, start=1)
        if not sheet.extract_text().strip()
    ]
