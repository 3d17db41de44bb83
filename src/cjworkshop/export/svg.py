"""The small pieces the report's SVG charts are made of: escaped, wrapped and measured text.

The charts are written as SVG text by our own functions rather than by a plotting library:
they are a handful of rectangles, lines and labels each, and what matters in them (labels that
never overlap, names wrapped inside their column, the whole text in a tooltip where a label had
to be shortened) is decided by our layout, not by the library's. A page has no fonts of its
own (it uses the reader's), so text is measured by an estimate that errs on the wide side:
0.6 of the font size for a character, a whole font size for a wide (East Asian) one.

Everything a person typed passes through ``escaped``: markup characters become entities, and
the characters that change the direction of the text around them (right-to-left marks,
embeddings, isolates) are dropped from labels, where they would move a label's neighbours; the
tooltip keeps the text as typed.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from markupsafe import Markup, escape

CHARACTER = 0.6
"""The width of an ordinary character, as a share of the font size (a generous estimate)."""
ELLIPSIS = "…"
_DIRECTION_MARKS = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069\u061c]")
_SPACES = re.compile(r"\s+")


def escaped(text: str) -> Markup:
    """Text made safe to put inside an SVG or HTML element or attribute."""
    return escape(text)


def plain(text: str) -> str:
    """One line of text as a label shows it: no line breaks, no direction marks."""
    return _SPACES.sub(" ", _DIRECTION_MARKS.sub("", text)).strip()


def text_width(text: str, size: float) -> float:
    """An estimate of how wide ``text`` is drawn at ``size`` pixels, erring on the wide side."""
    if text.isascii():  # the usual case, and no character of it is wide
        return len(text) * CHARACTER * size
    return sum(_char_width(c, size) for c in text)


def _char_width(character: str, size: float) -> float:
    return size if unicodedata.east_asian_width(character) in "WF" else CHARACTER * size


def _fit(word: str, width: float, size: float) -> tuple[str, str]:
    """The longest start of ``word`` that fits ``width`` with a hyphen after it, and the rest
    (no hyphen when the word breaks after one of its own)."""
    room = width - CHARACTER * size  # the hyphen's
    used, cut = 0.0, 0
    for character in word:
        used += _char_width(character, size)
        if used > room and cut > 0:
            break
        cut += 1
    head, rest = word[:cut], word[cut:]
    if rest and not head.endswith("-"):
        head += "-"
    return head, rest


def wrap(text: str, width: float, size: float, max_lines: int) -> tuple[tuple[str, ...], bool]:
    """``text`` in lines no wider than ``width``, at most ``max_lines`` of them; True when it
    had to be shortened (the last line then ends in an ellipsis). A word too long for a line
    is broken."""
    words = plain(text).split(" ")
    lines: list[str] = []
    line = ""
    queue = [w for w in words if w]
    while queue:
        word = queue.pop(0)
        candidate = f"{line} {word}" if line else word
        if text_width(candidate, size) <= width:
            line = candidate
            continue
        if line:
            lines.append(line)
            line = ""
            queue.insert(0, word)
            continue
        head, rest = _fit(word, width, size)
        lines.append(head)
        if rest:
            queue.insert(0, rest)
    if line:
        lines.append(line)
    if len(lines) <= max_lines:
        return tuple(lines), False
    kept = lines[:max_lines]
    last = kept[-1]
    while last and text_width(last + ELLIPSIS, size) > width:
        last = last[:-1]
    kept[-1] = last.rstrip() + ELLIPSIS
    return tuple(kept), True


@dataclass(frozen=True)
class Label:
    """A label of one or more lines at a place, in a class of the page's stylesheet."""

    x: float
    y: float
    lines: tuple[str, ...]
    size: float
    whole: str | None = None
    """The whole text, for the tooltip, when the lines show only part of it."""
    anchor: str = "start"
    css: str = ""

    def svg(self) -> Markup:
        spans = "".join(
            f'<tspan x="{self.x:.1f}" dy="{0 if n == 0 else self.size * 1.2:.1f}">'
            f"{escaped(line)}</tspan>"
            for n, line in enumerate(self.lines)
        )
        tooltip = f"<title>{escaped(self.whole)}</title>" if self.whole else ""
        css = f' class="{self.css}"' if self.css else ""
        return Markup(
            f'<text x="{self.x:.1f}" y="{self.y:.1f}" font-size="{self.size:g}" '
            f'text-anchor="{self.anchor}"{css}>{tooltip}{spans}</text>'
        )


def label(
    x: float,
    y: float,
    text: str,
    *,
    size: float,
    width: float,
    max_lines: int = 1,
    anchor: str = "start",
    css: str = "",
) -> Label:
    """``text`` wrapped into ``width``; y is the baseline of its first line."""
    lines, shortened = wrap(text, width, size, max_lines)
    return Label(x, y, lines, size, text if shortened else None, anchor, css)


def document(width: float, height: float, parts: Iterable[str], title: str) -> Markup:
    """An SVG element that scales with the page, with a title for screen readers."""
    body = "".join(parts)
    return Markup(
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width:.0f} {height:.0f}" '
        f'width="{width:.0f}" height="{height:.0f}" role="img" '
        f'preserveAspectRatio="xMinYMin meet">'
        f"<title>{escaped(title)}</title>{body}</svg>"
    )
