"""The report's tables drawn as SVG: the feeling per persona and phase, and the
self-assessment's score per phase.

The heat map colours each cell on a diverging orange-to-purple scale (ColorBrewer's PuOr, which
stays apart for the common kinds of colour blindness and in grey print), and writes the number
in it too: the colour helps the eye find the worst phase, the number says it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from markupsafe import Markup

from cjworkshop.export.svg import document, escaped, label
from cjworkshop.model.emotion import signed
from cjworkshop.model.metric_lines import number
from cjworkshop.model.session import Persona, Phase

PALETTE = {-2: "#b35806", -1: "#f1a340", 0: "#f7f7f7", 1: "#998ec3", 2: "#542788"}
"""The fill for an average feeling, rounded to a whole step: PuOr from ColorBrewer."""
NOTHING = "#ffffff"
SIZE = 11.0
LINE = SIZE * 1.2


def fill_of(average: float | None) -> str:
    if average is None:
        return NOTHING
    return PALETTE[max(-2, min(2, round(average)))]


def _ink(average: float | None) -> str:
    """The class of the number in a cell: white on the two dark ends, else the page's ink."""
    return "on-dark" if average is not None and abs(round(average)) == 2 else "on-light"


def heat_map_svg(
    personas: Sequence[Persona],
    phases: Sequence[Phase],
    averages: dict[tuple[str, str], float | None],
    title: str,
    decimal: Callable[[str], str] = str,
) -> Markup:
    """Personas down, phases across, the average feeling in every cell as colour and number."""
    left, column, row = 170.0, 96.0, 34.0
    names = [
        label(
            left + index * column + column / 2,
            SIZE + 2,
            phase.name,
            size=SIZE,
            width=column - 8,
            max_lines=3,
            anchor="middle",
        )
        for index, phase in enumerate(phases)
    ]
    # As tall as the longest phase name needs, so the names stand right above their column.
    header = max((len(name.lines) for name in names), default=1) * LINE + 8
    parts: list[str] = [name.svg() for name in names]
    for down, persona in enumerate(personas):
        y = header + down * row
        parts.append(
            label(4, y + row / 2 - 1, persona.name, size=SIZE, width=left - 12, max_lines=2).svg()
        )
        for across, phase in enumerate(phases):
            average = averages.get((persona.id, phase.id))
            x = left + across * column
            parts.append(
                f'<rect x="{x + 1:.1f}" y="{y + 1:.1f}" width="{column - 2:.1f}" '
                f'height="{row - 2:.1f}" fill="{fill_of(average)}" class="cell"/>'
            )
            text = decimal(signed(average, 1)) if average is not None else "·"
            parts.append(
                f'<text x="{x + column / 2:.1f}" y="{y + row / 2 + 4:.1f}" font-size="{SIZE:g}"'
                f' text-anchor="middle" class="{_ink(average)}">{escaped(text)}</text>'
            )
    width = left + len(phases) * column + 4
    height = header + len(personas) * row + 4
    return document(width, height, parts, title)


def score_bars_svg(
    scores: Sequence[tuple[str, float | None]],
    title: str,
    unset: str,
    decimal: Callable[[str], str] = str,
    top: int = 5,
) -> Markup:
    """One bar per phase, its score from 1 to ``top`` written after it; ``decimal`` writes a
    number as the reader's language does (a decimal comma in Dutch)."""
    left, room, row = 200.0, 420.0, 30.0
    parts: list[str] = []
    for index, (name, score) in enumerate(scores):
        y = 6 + index * row
        parts.append(label(4, y + 13, name, size=SIZE, width=left - 12, max_lines=2).svg())
        length = room * (score / top) if score is not None else 0.0
        parts.append(
            f'<rect x="{left:.1f}" y="{y + 3:.1f}" width="{length:.1f}" height="{row - 10:.1f}"'
            f' class="bar"/>'
        )
        text = decimal(number(round(score, 2))) if score is not None else unset
        parts.append(
            f'<text x="{left + length + 6:.1f}" y="{y + 17:.1f}" font-size="{SIZE:g}">'
            f"{escaped(text)}</text>"
        )
    for step in range(1, top + 1):
        x = left + room * step / top
        parts.append(
            f'<line x1="{x:.1f}" y1="2" x2="{x:.1f}" y2="{6 + len(scores) * row:.1f}" '
            f'class="grid"/>'
        )
    width = left + room + 60
    return document(width, 10 + len(scores) * row, parts, title)
