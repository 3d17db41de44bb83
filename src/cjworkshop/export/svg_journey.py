"""One persona's journey map as SVG: phases over their touchpoints, the feeling as a line.

The touchpoints run left to right in journey order, under the name of their phase, in bands of
at most ``PER_BAND`` so that a band fits the width of an A4 landscape page with its text at a
size that can be read on paper (a wider map would be scaled down until it could not). Under
each touchpoint's name, wrapped to three lines (the whole name in the tooltip when longer),
the feeling: today's as a solid line through the touchpoints, the target as a dashed one, with
a gap where a touchpoint is not plotted or skipped. A star marks a moment of truth, and the two
rows under the curve count the pain points (with the worst severity) and the ideas noted there.
Nothing is told by colour alone: the axis is labelled with the feelings' glyphs and numbers.
"""

from __future__ import annotations

from markupsafe import Markup

from cjworkshop.export.svg import document, escaped, label
from cjworkshop.model.emotion import GLYPHS, signed
from cjworkshop.model.journey_map import MapColumn, map_columns
from cjworkshop.model.queries import feeling_of, target_of
from cjworkshop.model.session import Plot, Session

PER_BAND = 8
AXIS = 56.0
COLUMN = 124.0
PHASE_TOP, PHASE_HEIGHT = 4.0, 34.0
NAME_TOP = 52.0
CURVE_TOP = 104.0
LEVEL = 28.0
PAIN_ROW = CURVE_TOP + 5 * LEVEL + 22
IDEA_ROW = PAIN_ROW + 18
HEIGHT = IDEA_ROW + 10
NAME_SIZE, PHASE_SIZE, SMALL = 11.0, 12.0, 10.0


def _level_y(emotion: int) -> float:
    return CURVE_TOP + (2 - emotion) * LEVEL + LEVEL / 2


def _x(index: int) -> float:
    return AXIS + index * COLUMN + COLUMN / 2


def _phases(columns: tuple[MapColumn, ...]) -> list[str]:
    parts: list[str] = []
    start = 0
    for index in range(1, len(columns) + 1):
        if index == len(columns) or columns[index].phase.id != columns[start].phase.id:
            left = AXIS + start * COLUMN + 2
            width = (index - start) * COLUMN - 4
            parts.append(
                f'<rect x="{left:.1f}" y="{PHASE_TOP}" width="{width:.1f}" '
                f'height="{PHASE_HEIGHT}" rx="3" class="phase"/>'
            )
            name = columns[start].phase.name
            parts.append(
                label(
                    left + 6,
                    PHASE_TOP + 14,
                    name,
                    size=PHASE_SIZE,
                    width=width - 12,
                    max_lines=2,
                    css="phase-name",
                ).svg()
            )
            start = index
    return parts


def _axis(width: float) -> list[str]:
    parts = []
    for emotion in range(2, -3, -1):
        y = _level_y(emotion)
        parts.append(
            f'<line x1="{AXIS:.1f}" y1="{y:.1f}" x2="{width:.1f}" y2="{y:.1f}" class="level"/>'
        )
        text = f"{signed(emotion, 0)} {GLYPHS[emotion]}"
        parts.append(label(AXIS - 6, y + 4, text, size=SMALL, width=AXIS - 8, anchor="end").svg())
    return parts


def _line(points: list[tuple[float, float] | None], css: str) -> list[str]:
    """A line through consecutive points, broken where a point is missing."""
    parts, run = [], []
    for point in [*points, None]:
        if point is not None:
            run.append(point)
            continue
        if len(run) > 1:
            path = " ".join(f"{x:.1f},{y:.1f}" for x, y in run)
            parts.append(f'<polyline points="{path}" class="{css}"/>')
        run = []
    return parts


def _counts(index: int, plot: Plot | None, tooltip_of: dict[str, str]) -> list[str]:
    if plot is None or not plot.relevant:
        return []
    parts = []
    x = _x(index)
    if plot.pain_points:
        worst = max((p.severity for p in plot.pain_points if p.severity is not None), default=None)
        text = f"⚠ {len(plot.pain_points)}" + (f" ({worst})" if worst is not None else "")
        whole = "\n".join(
            p.text + (f" ({p.severity})" if p.severity is not None else "")
            for p in plot.pain_points
        )
        parts.append(_counted(x, PAIN_ROW, text, whole, tooltip_of["pains"]))
    if plot.opportunities:
        text = f"✦ {len(plot.opportunities)}"
        whole = "\n".join(o.text for o in plot.opportunities)
        parts.append(_counted(x, IDEA_ROW, text, whole, tooltip_of["ideas"]))
    return parts


def _counted(x: float, y: float, text: str, whole: str, heading: str) -> str:
    tip = escaped(f"{heading}:\n{whole}")
    return (
        f'<text x="{x:.1f}" y="{y:.1f}" font-size="{SMALL:g}" text-anchor="middle">'
        f"<title>{tip}</title>{escaped(text)}</text>"
    )


def _frame(columns: tuple[MapColumn, ...]) -> tuple[float, str]:
    """What every persona's band over these touchpoints shares: the phases, the axis and the
    touchpoints' names; drawn once for all of them. Its width too."""
    width = AXIS + len(columns) * COLUMN + 8
    parts = [*_phases(columns), *_axis(width - 4)]
    for index, column in enumerate(columns):
        name = label(
            _x(index),
            NAME_TOP,
            column.touchpoint.name,
            size=NAME_SIZE,
            width=COLUMN - 12,
            max_lines=3,
            anchor="middle",
        )
        parts.append(name.svg())
    return width, "".join(parts)


def _band(
    columns: tuple[MapColumn, ...],
    persona: int,
    frame: tuple[float, str],
    title: str,
    tooltip_of: dict[str, str],
) -> Markup:
    width, shared = frame
    parts = [shared]
    today: list[tuple[float, float] | None] = []
    wanted: list[tuple[float, float] | None] = []
    for index, column in enumerate(columns):
        x = _x(index)
        plot = column.plots[persona]
        feeling, target = feeling_of(plot), target_of(plot)
        today.append((x, _level_y(feeling)) if feeling is not None else None)
        wanted.append((x, _level_y(target)) if target is not None else None)
        if feeling is None:
            parts.append(
                f'<line x1="{x:.1f}" y1="{CURVE_TOP:.1f}" x2="{x:.1f}" '
                f'y2="{CURVE_TOP + 5 * LEVEL:.1f}" class="unplotted"/>'
            )
        parts.extend(_counts(index, plot, tooltip_of))
    parts += _line(wanted, "target")
    parts += _line(today, "today")
    for point in wanted:
        if point is not None:
            parts.append(f'<circle cx="{point[0]:.1f}" cy="{point[1]:.1f}" r="4" class="target"/>')
    for index, point in enumerate(today):
        if point is None:
            continue
        parts.append(f'<circle cx="{point[0]:.1f}" cy="{point[1]:.1f}" r="5" class="today"/>')
        plot = columns[index].plots[persona]
        if plot is not None and plot.moment_of_truth:
            parts.append(
                f'<text x="{point[0] + 9:.1f}" y="{point[1] - 6:.1f}" font-size="{PHASE_SIZE:g}"'
                f' class="truth"><title>{escaped(tooltip_of["truth"])}</title>★</text>'
            )
    return document(width, HEIGHT, parts, title)


def journey_maps(
    session: Session, titles: dict[str, str], tooltip_of: dict[str, str]
) -> dict[str, list[Markup]]:
    """The map of every persona in ``titles`` (persona id to the map's title), each in bands
    of at most ``PER_BAND`` touchpoints; ``tooltip_of`` names the pain points, the ideas and
    a moment of truth in the reader's language."""
    persona_ids = list(titles)
    columns = map_columns(session, persona_ids)
    # As few bands as fit, each as wide as the others: 17 touchpoints are 6, 6 and 5, not
    # 8, 8 and a lone one.
    count = max(1, -(-len(columns) // PER_BAND))
    size = max(1, -(-len(columns) // count))
    chunks = [tuple(columns[start : start + size]) for start in range(0, len(columns), size)]
    frames = [_frame(chunk) for chunk in chunks]
    return {
        persona_id: [
            _band(chunk, n, frame, titles[persona_id], tooltip_of)
            for chunk, frame in zip(chunks, frames, strict=True)
        ]
        for n, persona_id in enumerate(persona_ids)
    }
