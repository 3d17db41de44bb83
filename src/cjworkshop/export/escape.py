"""Text from the user, made safe for wherever it lands: Markdown, Mermaid or a spreadsheet.

Markdown text is escaped so that it stays literal text: no accidental emphasis, links, HTML or
headings, and in tables no ``|`` that splits a cell and no newline that ends the row. Mermaid has
no escape for its separators, so the characters its grammar reserves are replaced by look-alikes
that read the same. CSV quoting is the csv module's job; ``spreadsheet_cell`` only defuses text a
spreadsheet would run as a formula.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Final

_MARKDOWN_SPECIAL: Final = re.compile(r"([\\`*_\[\]<>#|~&$])")
"""Characters that can start markup anywhere in a line; "(" and "!" only matter after "]"."""
_CONTROLS: Final = re.compile(r"[\x00-\x1f\x7f-\x9f]+")


def _lines(text: str) -> list[str]:
    """The lines of a text (every kind of line break), control characters turned into spaces."""
    return [" ".join(_CONTROLS.sub(" ", line).split()) for line in text.splitlines() or [""]]


_LIST_OR_RULE: Final = re.compile(r"^([-=+])")
_NUMBERED: Final = re.compile(r"^(\d+)([.)])")
_PLAIN: Final = re.compile(r"(?:[^\W_]|[ ,.;:'\"?/%@^-])*")
"""Text that needs no escaping but at the start of a line (letters, digits, plain punctuation)."""


def _escaped(line: str) -> str:
    escaped = _MARKDOWN_SPECIAL.sub(r"\\\1", line)
    # A leading "-", "+", "=" or "1." would start a list, a rule or a setext heading.
    return _NUMBERED.sub(r"\1\\\2", _LIST_OR_RULE.sub(r"\\\1", escaped))


# A document names the same persona, phase and touchpoint in row after row: the huge session's
# report escapes 44,000 cells. Cached (here, in `cell` and in `mermaid`), each text is escaped
# once, and the report takes 80 ms instead of 255 ms (the benchmark's Markdown report, huge).
@lru_cache(maxsize=8192)
def inline(text: str) -> str:
    """Literal text on one line: a heading, a list item or a sentence."""
    return " ".join(_escaped(line) for line in _lines(text) if line)


@lru_cache(maxsize=8192)
def cell(text: str) -> str:
    """Literal text in a table cell; line breaks are kept as ``<br>``."""
    if _PLAIN.fullmatch(text) and text == text.strip() and "  " not in text:
        return _LIST_OR_RULE.sub(r"\\\1", _NUMBERED.sub(r"\1\\\2", text))
    lines = [_escaped(line) for line in _lines(text)]
    while lines and not lines[-1]:
        lines.pop()
    while lines and not lines[0]:
        lines.pop(0)
    return "<br>".join(lines)


def table(header: list[str], rows: list[list[str]]) -> str:
    """A GitHub table from cells that are already escaped; every row gets every column."""
    width = len(header)

    def line(cells: list[str]) -> str:
        padded = [*cells[:width], *[""] * (width - len(cells))]
        return "| " + " | ".join(c if c else " " for c in padded) + " |"

    return "\n".join([line(header), "|" + "---|" * width, *(line(row) for row in rows)])


_MERMAID_LOOKALIKES: Final = str.maketrans(
    {
        ":": "\u2236",  # ∶ ratio
        "#": "\u266f",  # ♯ sharp
        ";": "\uff1b",  # ； fullwidth semicolon (the Greek question mark normalizes to ";")
        ",": "\u201a",  # ‚ single low-9 quotation mark
        '"': "\u201d",  # ” right double quotation mark
        "[": "(",
        "]": ")",
        "{": "(",
        "}": ")",
        "%": "\u066a",  # ٪ Arabic percent sign; "%%" starts a Mermaid comment
        "`": "\u2018",
    }
)


@lru_cache(maxsize=8192)
def mermaid(text: str, fallback: str = "-") -> str:
    """One line of Mermaid text without the characters its grammar reserves."""
    flat = " ".join(line for line in _lines(text) if line)
    return flat.translate(_MERMAID_LOOKALIKES) or fallback


_FORMULA_START: Final = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_cell(text: str) -> str:
    """Text a spreadsheet shows as text, never runs as a formula (OWASP CSV injection)."""
    return f"'{text}" if text.startswith(_FORMULA_START) else text
