"""The core's plain data drawn for a terminal with Rich, for the command line and the app alike.

The headless core hands out words (``export.diff_text``); how they look in a terminal is decided
once, here, so ``cjworkshop diff`` and the review step show a change in the same colours.
"""

from __future__ import annotations

from rich.text import Text

from cjworkshop.export.diff_text import DiffText, Tone

_STYLES: dict[Tone, str] = {"good": "green", "bad": "red", "plain": ""}
"""Colour only repeats what the words say: green for better and solved, red for worse and new."""


def diff_rich(told: DiffText) -> list[Text]:
    """The diff as terminal lines: bold title and headings, one coloured line per change."""
    lines = [Text(told.title, style="bold"), Text(told.summary)]
    for section in told.sections:
        lines.append(Text())
        lines.append(Text(section.heading, style="bold underline"))
        lines.extend(Text(f"• {line.text}", style=_STYLES[line.tone]) for line in section.lines)
    return lines
