"""Charts drawn with text: a persona's emotion curve and the persona x phase heat map.

Both read without colour: the curve by position, the heat map by glyph and signed number, with
colour only as a second cue. A cyclic journey's curve ends with an arrow back to the first phase.
Where a target feeling is set, the curve draws it beside today's: ○ for the target, ◉ where today
already meets it, so the two lines read apart without colour too.
"""

from __future__ import annotations

from rich import box
from rich.table import Table
from rich.text import Text

from cjworkshop.i18n import Translator
from cjworkshop.model.emotion import GLYPHS, signed
from cjworkshop.model.queries import CurvePoint
from cjworkshop.model.session import Persona, Phase

ROWS = (2, 1, 0, -1, -2)


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


def emotion_curve(
    tr: Translator, persona: Persona, points: list[CurvePoint], *, cyclic: bool, width: int = 2
) -> Text:
    """Five rows from +2 down to -2, one column per touchpoint, phases marked underneath."""
    text = Text()
    text.append(persona.name + "\n", style="bold")
    labels = {2: "+2", 1: "+1", 0: " 0", -1: "−1", -2: "−2"}
    for row in ROWS:
        text.append(f"{labels[row]} │", style="dim")
        previous_phase = None
        for point in points:
            if previous_phase is not None and point.phase.id != previous_phase:
                text.append("┊", style="dim")
            previous_phase = point.phase.id
            emotion, target = point.emotion, point.target
            if emotion == row and target == row:
                text.append("◉".ljust(width), style=feeling_style(emotion))
            elif emotion == row:
                text.append("●".ljust(width), style=feeling_style(emotion))
            elif target == row:
                text.append("○".ljust(width), style="blue")
            elif row == 0 and point.plot is not None and not point.plot.relevant:
                text.append("—".ljust(width), style="dim")
            elif row == 0:
                text.append("·".ljust(width), style="dim")
            else:
                text.append(" " * width)
        text.append("\n")
    # The phase names under their touchpoints.
    axis = Text("   └", style="dim")
    previous_phase = None
    for point in points:
        if previous_phase is not None and point.phase.id != previous_phase:
            axis.append("┊", style="dim")
        if point.phase.id != previous_phase:
            span = sum(1 for p in points if p.phase.id == point.phase.id) * width
            axis.append(point.phase.name[:span].ljust(span), style="dim italic")
        previous_phase = point.phase.id
    if cyclic and points:
        axis.append(f" ↺ {tr('review.loop', phase=points[0].phase.name)}", style="bold")
    text.append_text(axis)
    return text


def heat_map(
    tr: Translator,
    personas: tuple[Persona, ...],
    phases: tuple[Phase, ...],
    averages: dict[tuple[str, str], float | None],
) -> Table:
    """Average emotion of each persona per phase, by glyph and number."""
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False)
    table.add_column(tr("review.persona"), style="bold")
    for phase in phases:
        table.add_column(Text(phase.name), justify="center")
    for persona in personas:
        cells: list[Text] = [Text(persona.name)]
        for phase in phases:
            value = averages.get((persona.id, phase.id))
            if value is None:
                cells.append(Text("·", style="dim"))
                continue
            glyph = GLYPHS[max(-2, min(2, round(value)))]
            cells.append(Text(f"{glyph} {signed(round(value, 1))}", style=feeling_style(value)))
        table.add_row(*cells)
    return table
