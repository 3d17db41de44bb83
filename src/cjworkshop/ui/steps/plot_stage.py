"""The stage behind the walk's touchpoint: its interactions, its blueprint and its figures.

Only what the touchpoint has is shown, each kind on a line of its own that wraps on a narrow
card and keeps to one line on a wide one: the interactions in order with their channels, what
our people do front and back stage, what supports them and who owns it, and the figures
measured there with their date and source.
"""

from __future__ import annotations

from rich.text import Text

from cjworkshop.i18n import Translator
from cjworkshop.model.interactions import interaction_line
from cjworkshop.model.metric_lines import number
from cjworkshop.model.session import CHANNELS, Metric, Touchpoint

BLUEPRINT = ("frontstage", "backstage", "support", "owner")
"""The blueprint's parts, in the order the card shows them."""
LINES = ("interactions", *BLUEPRINT, "figures")
"""Everything the card may say of the stage, by catalog key (``walk_stage.<line>``)."""


def figure(metric: Metric) -> str:
    """``CSAT 7.2 /10 (2026-10-01, survey)``: a figure with its unit, date and source."""
    value = number(metric.value)
    unit = metric.unit.strip()
    said = f"{metric.name} {value}" + (unit if unit.startswith("%") else f" {unit}" if unit else "")
    about = [
        part for part in (metric.date.isoformat() if metric.date else "", metric.source) if part
    ]
    return said + (f" ({', '.join(about)})" if about else "")


def stage(tr: Translator, touchpoint: Touchpoint) -> Text:
    """What stands behind the touchpoint, or nothing when it has none of it."""
    lines: list[list[tuple[str, str]]] = []
    if touchpoint.interactions:
        labels = {channel: tr(f"channel.{channel}") for channel in CHANNELS}
        said = " → ".join(interaction_line(i, labels) for i in touchpoint.interactions)
        lines.append([("interactions", said)])
    blueprint = [
        (name, " ".join(value.split()))
        for name in BLUEPRINT
        if (value := getattr(touchpoint, name)).strip()
    ]
    if blueprint:
        lines.append(blueprint)
    if touchpoint.metrics:
        lines.append([("figures", " · ".join(figure(m) for m in touchpoint.metrics))])
    text = Text()
    for parts in lines:
        if text:
            text.append("\n")
        for place, (name, said) in enumerate(parts):
            if place:
                text.append(" · ", style="dim")
            text.append(tr(f"walk_stage.{name}") + " ", style="bold dim")
            text.append(said)
    return text
