"""What a report says about one touchpoint beyond its row: its interactions, the stage behind it
and its figures, in Markdown.

A touchpoint that records none of these gets nothing at all, so a session that does not use them
reads as before. An interaction names its channel only when it is not the touchpoint's own, and a
channel beside "other" is called by the room's own word, as typed. The blueprint table and the
figures table carry only the columns something was written in.
"""

from __future__ import annotations

from typing import Final

from cjworkshop.export.escape import cell, inline, table
from cjworkshop.i18n import Translator
from cjworkshop.model.metric_lines import number
from cjworkshop.model.session import Channel, Interaction, Metric, Touchpoint

STAGE_COLUMNS: Final = ("frontstage", "backstage", "support", "owner")
"""The blueprint table's possible columns; the owner shows there only beside a blueprint text."""
METRIC_COLUMNS: Final = ("name", "value", "unit", "date", "source")
"""The figures table's possible columns; unit, date and source only where one is filled in."""
_STAGE_FIELDS: Final = STAGE_COLUMNS[:3]
_METRIC_FIELDS: Final = METRIC_COLUMNS[2:]


def channel_word(tr: Translator, channel: Channel, channel_name: str) -> str:
    """The channel as a reader knows it: the room's own word beside "other", else the catalog's."""
    if channel == "other" and channel_name.strip():
        return channel_name
    return tr(f"channel.{channel}")


def _interaction(tr: Translator, touchpoint: Touchpoint, step: int, item: Interaction) -> str:
    text = f"{step}\\. {inline(item.name) or tr('export_v2.interaction.unnamed')}"
    own = (touchpoint.channel, touchpoint.channel_name.strip())
    if item.channel is not None and (item.channel, item.channel_name.strip()) != own:
        text += f" ({inline(channel_word(tr, item.channel, item.channel_name))})"
    return text


def _metric_value(metric: Metric, field: str) -> str:
    if field == "date":
        return metric.date.isoformat() if metric.date is not None else ""
    return cell(metric.unit if field == "unit" else metric.source)


def _metrics(tr: Translator, metrics: tuple[Metric, ...]) -> str:
    fields = [f for f in _METRIC_FIELDS if any(_metric_value(m, f) for m in metrics)]
    header = [tr(f"export_v2.metric.{f}") for f in ("name", "value", *fields)]
    rows = [
        [cell(m.name), tr.decimal(number(m.value)), *(_metric_value(m, f) for f in fields)]
        for m in metrics
    ]
    return table(header, rows)


def touchpoint_details(tr: Translator, touchpoint: Touchpoint) -> list[str]:
    """A heading and the details of one touchpoint, or nothing when it records none."""
    stage = [f for f in _STAGE_FIELDS if getattr(touchpoint, f).strip()]
    if not (touchpoint.interactions or stage or touchpoint.metrics):
        return []
    parts = [f"#### {inline(touchpoint.name)}"]
    if touchpoint.interactions:
        steps = " → ".join(
            _interaction(tr, touchpoint, n, item)
            for n, item in enumerate(touchpoint.interactions, start=1)
        )
        parts.append(f"**{tr('export_v2.interaction.heading')}:** {steps}")
    if stage:
        if touchpoint.owner.strip():
            stage.append("owner")
        header = [tr(f"export_v2.stage.{f}") for f in stage]
        parts.append(table(header, [[cell(getattr(touchpoint, f)) for f in stage]]))
    if touchpoint.metrics:
        parts.append(_metrics(tr, touchpoint.metrics))
    return parts
