"""What the journey map's lanes say at each touchpoint, in the session's words and language.

One persona's map gives their action, their quote, their feeling (the curve, with what is
still to plot beneath it), their pain points with severity, their opportunities and whether
this is a moment of truth; the touchpoint gives its channel and interactions, its blueprint and
its figures. With every persona overlaid each note starts with the persona's number, the number
their curve is drawn with; the feeling lane's title says whose number is whose.
"""

from __future__ import annotations

from collections.abc import Sequence

from cjworkshop.i18n import Translator
from cjworkshop.model.emotion import GLYPHS, signed
from cjworkshop.model.interactions import interaction_line
from cjworkshop.model.journey_map import Lane, MapColumn, map_columns, map_lanes
from cjworkshop.model.queries import feeling_of, target_of
from cjworkshop.model.session import CHANNELS, Channel, Persona, Plot, Session, Touchpoint
from cjworkshop.ui.steps.plot_stage import figure
from cjworkshop.ui.widgets.curve import ROWS
from cjworkshop.ui.widgets.map_layout import MapContent, MapLane, Note, Series

MARKERS = "123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
"""The marker of each overlaid persona's curve and notes, in order."""


def _channel(tr: Translator, touchpoint: Touchpoint) -> str:
    channel = touchpoint.channel_name.strip() if touchpoint.channel == "other" else ""
    said = channel or tr(f"channel.{touchpoint.channel}")
    if touchpoint.kind == "indirect":
        said += f" · {tr('map.indirect')}"
    return said


def _touchpoint_notes(
    tr: Translator, lane: Lane, touchpoint: Touchpoint, labels: dict[Channel, str]
) -> tuple[Note, ...]:
    if lane == "interactions":
        steps: list[Note] = [("muted", _channel(tr, touchpoint))]
        steps += [("text", "→ " + interaction_line(i, labels)) for i in touchpoint.interactions]
        return tuple(steps)
    if lane == "figures":
        return tuple(("strong", figure(metric)) for metric in touchpoint.metrics)
    text = " ".join(getattr(touchpoint, lane).split())
    return (("text", text),) if text else ()


def _plot_notes(tr: Translator, lane: Lane, plot: Plot, prefix: str) -> list[Note]:
    notes: list[Note] = []
    if lane == "actions" and plot.action.strip():
        notes.append(("text", prefix + plot.action.strip()))
    elif lane == "thoughts" and plot.thought.strip():
        notes.append(("quote", f"{prefix}“{plot.thought.strip()}”"))
        if plot.thought_evidence == "assumed":
            notes.append(("muted", tr("walk_evidence.assumed")))
    elif lane == "pain_points":
        for pain in plot.pain_points:
            severity = str(pain.severity) if pain.severity is not None else "?"
            notes.append(("pain", f"{prefix}⚠{severity} {pain.text}"))
            if pain.evidence == "assumed":
                notes.append(("muted", tr("walk_evidence.assumed")))
    elif lane == "opportunities":
        notes += [("opportunity", f"{prefix}✦ {idea.text}") for idea in plot.opportunities]
    elif lane == "moments" and plot.moment_of_truth:
        notes.append(("moment", f"{prefix}★ {tr('map.moment')}"))
    return notes


def _feeling_notes(tr: Translator, column: MapColumn, markers: Sequence[str]) -> list[Note]:
    """Beneath the curve: who has no feeling here yet, or skipped the touchpoint."""
    notes: list[Note] = []
    for marker, plot in zip(markers, column.plots, strict=True):
        prefix = f"{marker} " if marker else ""
        if plot is not None and not plot.relevant:
            notes.append(("muted", f"{prefix}— {tr('emotion.skipped')}"))
        elif plot is None or plot.emotion is None:
            notes.append(("muted", f"{prefix}· {tr('emotion.empty')}"))
    return notes


def _lane_title(tr: Translator, lane: Lane, personas: Sequence[Persona], targets: bool) -> str:
    title = tr(f"map.lane.{lane}")
    if lane != "feeling":
        return title
    if len(personas) > 1:
        legend = "  ".join(f"{MARKERS[i]} {p.name}" for i, p in enumerate(personas))
        return f"{title}: {legend}"
    legend = tr("map.legend_target") if targets else tr("map.legend")
    return f"{title}: {legend}"


def map_content(tr: Translator, session: Session, personas: Sequence[Persona]) -> MapContent:
    """The map of ``personas`` (one, or several overlaid) through every touchpoint."""
    columns = map_columns(session, [p.id for p in personas])
    overlaid = len(personas) > 1
    markers = [MARKERS[i % len(MARKERS)] if overlaid else "" for i in range(len(personas))]
    lanes: list[MapLane] = []
    labels = {channel: tr(f"channel.{channel}") for channel in CHANNELS}
    # Overlaid, each persona's line is today's alone: targets are for one persona's map.
    series = tuple(
        Series(
            tuple(feeling_of(column.plots[i]) for column in columns),
            tuple(None if overlaid else target_of(column.plots[i]) for column in columns),
            markers[i],
        )
        for i in range(len(personas))
    )
    targets = any(value is not None for s in series for value in s.target)
    for lane in map_lanes(session):
        title = _lane_title(tr, lane, personas, targets)
        if lane in ("interactions", "frontstage", "backstage", "support", "figures"):
            cells = tuple(
                _touchpoint_notes(tr, lane, column.touchpoint, labels) for column in columns
            )
            lanes.append(MapLane(lane, title, cells))
            continue
        if lane == "feeling":
            notes = tuple(tuple(_feeling_notes(tr, column, markers)) for column in columns)
            lanes.append(MapLane(lane, title, notes, series))
            continue
        cells = tuple(
            tuple(
                note
                for marker, plot in zip(markers, column.plots, strict=True)
                if plot is not None and plot.relevant
                for note in _plot_notes(tr, lane, plot, f"{marker} " if marker else "")
            )
            for column in columns
        )
        lanes.append(MapLane(lane, title, cells))
    phases: list[tuple[str, str, int]] = []
    for column in columns:
        if phases and phases[-1][0] == column.phase.id:
            phases[-1] = (column.phase.id, phases[-1][1], phases[-1][2] + 1)
        else:
            phases.append((column.phase.id, column.phase.name, 1))
    return MapContent(
        phases=tuple((name, count) for _id, name, count in phases),
        columns=tuple(column.touchpoint.id for column in columns),
        names=tuple(column.touchpoint.name for column in columns),
        lanes=tuple(lanes),
        axis=tuple(f"{GLYPHS[value]} {signed(value)}" for value in ROWS),
    )
