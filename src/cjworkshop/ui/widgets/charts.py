"""The persona x phase heat map, drawn with text (the curves are ``curve_chart``'s).

It reads without colour: by glyph and signed number, with colour only as a second cue.
"""

from __future__ import annotations

from rich import box
from rich.console import Console, Group, RenderableType
from rich.measure import Measurement
from rich.table import Table
from rich.text import Text

from cjworkshop.i18n import Translator
from cjworkshop.model.emotion import GLYPHS, signed
from cjworkshop.model.session import Persona, Phase

ABBREVIATION = 4
"""The letters of a phase's name that its heading keeps when the heat map is short of room."""
_CONSOLE = Console(width=1000)
"""Measures tables only; it never prints."""


def feeling_style(value: float) -> str:
    if value <= -1:
        return "bold red"
    if value < 0:
        return "red"
    if value >= 1:
        return "bold green"
    if value > 0:
        return "green"
    return ""


def heat_map(
    tr: Translator,
    personas: tuple[Persona, ...],
    phases: tuple[Phase, ...],
    averages: dict[tuple[str, str], float | None],
    width: int = 200,
) -> RenderableType:
    """Average emotion of each persona per phase, by glyph and number, in ``width`` cells.

    With room, a table with the full names (a phase's name may wrap in its heading). Without,
    the phases are headed by number and a few letters ("1 Trig"), which a legend under the map
    spells out; each persona's name gets a line of its own above their feelings, so that
    neither wraps a word to a line."""
    rows = [
        (persona, [_heat_cell(tr, averages.get((persona.id, phase.id))) for phase in phases])
        for persona in personas
    ]
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False)
    table.add_column(tr("review.persona"), style="bold", no_wrap=True)
    for phase in phases:
        table.add_column(Text(phase.name), justify="center")
    for persona, cells in rows:
        table.add_row(Text(persona.name), *cells)
    # At its narrowest the table wraps the phases' names in their headings, word by word.
    if Measurement.get(_CONSOLE, _CONSOLE.options, table).minimum <= width:
        return table
    headings = [f"{n} {phase.name[:ABBREVIATION].strip()}" for n, phase in enumerate(phases, 1)]
    column = max([7, *(len(heading) for heading in headings)])  # "▼▼ −1.5"
    parts: list[RenderableType] = [_heat_row(headings, column, header=True)]
    for persona, cells in rows:
        parts.append(Text(persona.name, style="bold"))
        parts.append(_heat_row(cells, column))
    legend = Text(tr("review.heat_phases") + " ", style="dim")
    legend.append(" · ".join(f"{n} {phase.name}" for n, phase in enumerate(phases, 1)))
    return Group(*parts, legend)


def _heat_row(cells: list[Text] | list[str], width: int, *, header: bool = False) -> Table:
    """One line of the short heat map: its headings, or a persona's feelings under them."""
    table = Table(box=None, show_header=header, show_edge=False, pad_edge=True)
    for cell in cells:
        table.add_column(cell if header else "", justify="center", width=width, no_wrap=True)
    if not header:
        table.add_row(*cells)
    return table


def _heat_cell(tr: Translator, value: float | None) -> Text:
    if value is None:
        return Text("·", style="dim")
    glyph = GLYPHS[max(-2, min(2, round(value)))]
    return Text(f"{glyph} {tr.decimal(signed(round(value, 1)))}", style=feeling_style(value))
