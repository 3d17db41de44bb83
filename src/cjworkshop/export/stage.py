"""What a report says about one touchpoint beyond its row: its interactions, the stage behind it
and its figures, in Markdown.

A touchpoint that records none of these gets nothing at all, so a session that does not use them
reads as before. An interaction names its channel only when it is not the touchpoint's own, and a
channel beside "other" is called by the room's own word, as typed. The blueprint table and the
figures table carry only the columns something was written in.
"""

from __future__ import annotations

from cjworkshop.export.escape import cell, inline, table
from cjworkshop.export.report_tables import metric_rows, stage_rows
from cjworkshop.i18n import Translator
from cjworkshop.model.session import Channel, Interaction, Touchpoint


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


def touchpoint_details(tr: Translator, touchpoint: Touchpoint) -> list[str]:
    """A heading and the details of one touchpoint, or nothing when it records none."""
    stage = stage_rows(tr, touchpoint, cell)
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
        parts.append(table(*stage))
    if touchpoint.metrics:
        parts.append(table(*metric_rows(tr, touchpoint.metrics, cell)))
    return parts
