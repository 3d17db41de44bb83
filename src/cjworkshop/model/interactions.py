"""A touchpoint's interactions as lines of text, the way the touchpoint form edits them.

One interaction per line: its name, and where it happens in square brackets when that is not
the touchpoint's own channel: ``Chatbot [webchat]``, ``Belt terug [telefoon]``. The brackets
hold a known channel, by its id or by its name in the session's language, or the room's own word
for one (kept as typed beside "other"). A line reads back as the interaction it was written
from, so editing a touchpoint leaves the interactions nobody touched as they were.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from cjworkshop.model.session import CHANNELS, Channel, Interaction

_BRACKETS = re.compile(r"^(?P<name>.*?)\s*\[(?P<channel>[^\[\]]*)\]$")


def interaction_line(interaction: Interaction, labels: Mapping[Channel, str]) -> str:
    """The line that stands for ``interaction``; ``labels`` names the known channels.

    A name of several lines is written on one; a name that itself ends in brackets gets empty
    ones after it, so the brackets read back as part of the name."""
    name = " ".join(interaction.name.split())
    if interaction.channel is None:
        said = ""
    elif interaction.channel == "other" and interaction.channel_name:
        said = interaction.channel_name
    else:
        said = labels.get(interaction.channel, interaction.channel)
    if said:
        return f"{name} [{said}]"
    return f"{name} []" if _BRACKETS.match(name) else name


def read_interaction(line: str, labels: Mapping[Channel, str]) -> Interaction:
    """The interaction a line says: a name, and the channel in brackets when there is one."""
    line = " ".join(line.split())
    found = _BRACKETS.match(line)
    if found is None or not found["name"].strip():
        return Interaction(name=line)
    name, said = found["name"].strip(), found["channel"].strip()
    if not said:
        return Interaction(name=name)
    known: dict[str, Channel] = {channel: channel for channel in CHANNELS}
    known.update({label.casefold(): channel for channel, label in labels.items()})
    channel = known.get(said) or known.get(said.casefold())
    if channel is not None:
        return Interaction(name=name, channel=channel)
    return Interaction(name=name, channel="other", channel_name=said)


def read_interactions(text: str, labels: Mapping[Channel, str]) -> tuple[Interaction, ...]:
    """Every non-empty line of ``text`` as an interaction, in order."""
    return tuple(read_interaction(line, labels) for line in text.splitlines() if line.strip())
