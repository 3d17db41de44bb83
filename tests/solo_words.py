"""The words an owner doing a self-assessment alone must not meet: a room's furniture, and the
method's jargon that nothing on a solo screen explains.

Both the catalog test (``tests/unit/test_solo_texts.py``) and the Pilot test of the solo path
(``tests/ui/test_solo_path.py``) hold the texts to these lists, whole words, in any case.
"""

from __future__ import annotations

import re

from cjworkshop.model.session import Language

WORKSHOP: dict[Language, tuple[str, ...]] = {
    "nl": (
        "groep",
        "stip",
        "stippen",
        "stemmer",
        "stemmen",
        "begeleider",
        "deelnemer",
        "deelnemers",
        "workshop",
        "timebox",
        "we",
        "ons",
        "onze",
    ),
    "en": (
        "room",
        "dot",
        "dots",
        "voter",
        "vote",
        "votes",
        "facilitator",
        "participant",
        "participants",
        "workshop",
        "timebox",
        "we",
        "us",
        "our",
    ),
}
"""A room and its tools: the owner is alone, and is spoken to as "you"."""

JARGON: dict[Language, tuple[str, ...]] = {
    "nl": (
        "persona",
        "persona's",
        "touchpoint",
        "touchpoints",
        "klantreisraster",
        "journey",
        "nps",
        "plotten",
        "geplot",
        "quick win",
        "grote gok",
        "opvuller",
        "geldput",
    ),
    "en": (
        "persona",
        "personas",
        "touchpoint",
        "touchpoints",
        "journey grid",
        "nps",
        "plot",
        "plotted",
        "plotting",
        "quick win",
        "big bet",
        "fill-in",
        "money pit",
    ),
}
"""The method's words: replaced on the solo path by plain ones, or said with what they mean."""

QUADRANTS: dict[Language, tuple[str, ...]] = {
    "nl": ("quick win", "grote gok", "opvuller", "geldput"),
    "en": ("quick win", "big bet", "fill-in", "money pit"),
}
"""The quadrants' names, which a solo text may use where it says what they mean."""


def found(words: tuple[str, ...], text: str) -> list[str]:
    """Which of ``words`` occur in ``text`` as whole words, ignoring case."""
    return [w for w in words if re.search(rf"(?<![\w'-]){re.escape(w)}(?![\w'-])", text, re.I)]
