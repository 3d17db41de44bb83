"""The pieces the HTML report's sections are made of, as plain data the page's template lays
out one after another: headings, paragraphs, tables and figures of inline SVG."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import ClassVar

from markupsafe import Markup

from cjworkshop.i18n import Translator


@dataclass(frozen=True)
class Heading:
    kind: ClassVar[str] = "heading"
    text: str
    level: int = 3


@dataclass(frozen=True)
class Paragraph:
    kind: ClassVar[str] = "paragraph"
    text: str
    css: str = ""


@dataclass(frozen=True)
class Table:
    kind: ClassVar[str] = "table"
    header: list[str]
    rows: list[list[str]]
    css: str = ""
    widths: tuple[int, ...] = ()
    """Each column's share of the page in percent; equal shares when empty. The widths are
    fixed (``table-layout: fixed``), so a table is never wider than the page, whatever was
    typed in it: a long word breaks inside its column."""


@dataclass(frozen=True)
class Figure:
    kind: ClassVar[str] = "figure"
    svgs: list[Markup]
    caption: str = ""
    legend: list[str] = field(default_factory=list)
    numbered: list[tuple[int, str]] = field(default_factory=list)
    """Items listed beside the chart by their number on it."""


Block = Heading | Paragraph | Table | Figure


def nothing_yet(tr: Translator) -> list[Block]:
    """What a section says when the session records nothing for it."""
    return [Paragraph(tr("export.none"), "none")]
