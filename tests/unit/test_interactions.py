"""A touchpoint's interactions as the lines its form edits, and back."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from cjworkshop.i18n import translator
from cjworkshop.model.interactions import interaction_line, read_interaction, read_interactions
from cjworkshop.model.session import CHANNELS, Interaction

NL = translator("nl")
LABELS = {channel: NL(f"channel.{channel}") for channel in CHANNELS}


def test_a_line_names_the_interaction_and_its_channel_in_brackets() -> None:
    lines = "Chatbot [webchat]\nE-mail [e-mail]\n\nTerugbellen [Telefoon]\nBrief [postduif]\nBalie"
    assert read_interactions(lines, LABELS) == (
        Interaction(name="Chatbot", channel="webchat"),
        Interaction(name="E-mail", channel="email"),
        Interaction(name="Terugbellen", channel="phone"),
        Interaction(name="Brief", channel="other", channel_name="postduif"),
        Interaction(name="Balie"),
    )


def test_a_channel_is_written_in_the_sessions_language() -> None:
    assert interaction_line(Interaction(name="Bellen", channel="phone"), LABELS) == (
        "Bellen [telefoon]"
    )
    own = Interaction(name="Brief", channel="other", channel_name="postduif")
    assert interaction_line(own, LABELS) == "Brief [postduif]"


def test_a_name_that_ends_in_brackets_keeps_them() -> None:
    plain = Interaction(name='E-mail [met "bijlage"]')
    assert interaction_line(plain, LABELS) == 'E-mail [met "bijlage"] []'
    assert read_interaction(interaction_line(plain, LABELS), LABELS) == plain


names = st.text(st.characters(blacklist_categories=["Cs", "Cc", "Zl", "Zp"]), max_size=30).map(
    lambda text: " ".join(text.split())
)


@given(
    name=names,
    channel=st.none() | st.sampled_from(CHANNELS),
    own=names.filter(lambda text: "[" not in text and "]" not in text),
)
def test_any_interaction_reads_back_from_its_line(name: str, channel: str | None, own: str) -> None:
    interaction = Interaction(
        name=name,
        channel=channel,  # type: ignore[arg-type]
        channel_name=own if channel == "other" else "",
    )
    if channel == "other" and own.casefold() in {c.casefold() for c in LABELS.values()} | set(
        CHANNELS
    ):
        return  # the room's word is a known channel's name: it reads as that channel
    line = interaction_line(interaction, LABELS)
    assert "\n" not in line
    if name.strip():
        assert read_interaction(line, LABELS) == interaction
