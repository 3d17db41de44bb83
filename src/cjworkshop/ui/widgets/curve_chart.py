"""A persona's emotion curve for the review: the full width, a real line, five feelings named.

The y axis names the five feelings from very positive at the top to very negative at the
bottom; the touchpoints share the width, and the line joins the feelings plotted (the target,
where set, dashed beneath it). A row under the curve marks each touchpoint without a feeling:
``·`` still to plot, ``—`` skipped, so no glyph on the line means two things. The phases are
marked off with ``┊`` and named under the axis, whole where the name fits its stretch, else by
number with the names on a line of their own. A cyclic journey ends with an arrow back.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.cells import cell_len, set_cell_size
from rich.console import Group, RenderableType
from rich.text import Text

from cjworkshop.i18n import Translator
from cjworkshop.model.emotion import GLYPHS, NAMES
from cjworkshop.model.queries import CurvePoint
from cjworkshop.model.session import Persona
from cjworkshop.ui.widgets.curve import ROWS, blank_canvas, draw_curve

INK_STYLES = {"today": "bold", "target": "blue", "both": "bold green"}
LEAST_STEP = 2
"""The fewest columns a touchpoint gets: a curve of many touchpoints grows wider than the view
(which then scrolls sideways) rather than squeezing two touchpoints into one column."""


def axis_labels(tr: Translator) -> list[str]:
    return [f"{tr(f'emotion.{NAMES[row]}')} {GLYPHS[row]}" for row in ROWS]


def _feeling_style(row: int) -> str:
    return "red" if row < 0 else "green" if row > 0 else ""


def curve_chart(
    tr: Translator,
    persona: Persona,
    points: Sequence[CurvePoint],
    *,
    width: int,
    cyclic: bool = False,
) -> RenderableType:
    """The curve of one persona, ``width`` cells wide (wider if the touchpoints need it),
    and the phases' names where they had to be numbered."""
    labels = axis_labels(tr)
    label_width = max(cell_len(label) for label in labels)
    room = max(1, width - label_width - 2)
    count = max(1, len(points))
    # The touchpoints share the room evenly; each has at least LEAST_STEP columns.
    plot_width = max(room, LEAST_STEP * count)
    edges = [plot_width * i // count for i in range(count + 1)]
    xs = [(edges[i] + edges[i + 1]) // 2 for i in range(len(points))]
    boundaries = [
        edges[i] for i in range(1, len(points)) if points[i].phase.id != points[i - 1].phase.id
    ]
    canvas = blank_canvas(plot_width)
    today = [point.emotion for point in points]
    target = [point.target for point in points]
    draw_curve(canvas, xs, today, target)
    text = Text(no_wrap=True, overflow="crop")
    text.append(persona.name + "\n", style="bold")
    for row, feeling, label in zip(canvas, ROWS, labels, strict=True):
        text.append(" " * (label_width - cell_len(label)) + label, style=_feeling_style(feeling))
        text.append(" │", style="dim")
        marked = set(boundaries)
        run, run_style = "", ""
        for x, cell in enumerate(row):
            if cell is not None:
                char, ink = cell
                style = INK_STYLES.get(ink, "")
                if ink == "today" and char == "●":
                    style = f"bold {_feeling_style(feeling)}"
            else:
                char, style = ("┊", "dim") if x in marked else (" ", "")
            if style != run_style:
                # Appended a run of one style at a time: the large session's ten curves of
                # 300 columns are 15,000 characters.
                text.append(run, style=run_style)
                run, run_style = "", style
            run += char
        text.append(run + "\n", style=run_style)
    text.append(" " * label_width + " │", style="dim")
    status = [" "] * plot_width
    for x, point in zip(xs, points, strict=True):
        if point.plot is not None and not point.plot.relevant:
            status[x] = "—"
        elif point.emotion is None:
            status[x] = "·"
    for x in boundaries:
        if status[x] == " ":
            status[x] = "┊"
    text.append("".join(status) + "\n", style="dim")
    axis = [" "] * plot_width
    for x in boundaries:
        axis[x] = "┴"
    text.append(
        " " * label_width + " └" + "".join("─" if c == " " else c for c in axis) + "\n", style="dim"
    )
    names, legend = _phase_names(points, edges, label_width + 2)
    text.append_text(names)
    if cyclic and points:
        text.append("\n" + " " * (label_width + 2))
        text.append(f"↺ {tr('review.loop', phase=points[0].phase.name)}", style="bold")
    return Group(text, legend) if legend is not None else text


def _phase_names(
    points: Sequence[CurvePoint], edges: Sequence[int], indent: int
) -> tuple[Text, Text | None]:
    """The phases under their stretch of the axis: whole where the name fits, else by number,
    with those numbers' names in a legend of its own (which wraps)."""
    spans: list[tuple[str, int, int]] = []
    for index, point in enumerate(points):
        if spans and points[index - 1].phase.id == point.phase.id:
            name, start, _end = spans[-1]
            spans[-1] = (name, start, edges[index + 1])
        else:
            spans.append((point.phase.name, edges[index], edges[index + 1]))
    line = Text(" " * indent)
    numbered: list[tuple[int, str]] = []
    for number, (name, start, end) in enumerate(spans, start=1):
        said = name
        if cell_len(name) > end - start - 1:
            said = str(number)
            numbered.append((number, name))
        line.append(set_cell_size(" " + said, end - start), style="italic")
    line.rstrip()
    if not numbered:
        return line, None
    legend = Text()
    for place, (number, name) in enumerate(numbered):
        if place:
            legend.append(" · ", style="dim")
        legend.append(f"{number} ", style="bold")
        legend.append(name, style="italic")
    return line, legend
