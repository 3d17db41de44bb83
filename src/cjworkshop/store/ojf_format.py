"""The OpenJourney Format (``.ojf``) of the Ptolemy journey mapper: its records and words.

As its specification (``OJF_SPEC.md`` of that project) and its sample files have it: a journey
of one persona as ``stages``, ``swimlanes`` and ``nodes``, with a ``blueprint`` per node for a
service blueprint's layers. Every field but a stage's ``id`` and a node's ``stageId`` is optional,
and unknown fields are ignored, as Ptolemy does. Read by ``store.ojf``, written by
``export.ojf``.
"""

from __future__ import annotations

from typing import Final

import msgspec

MAX_OJF_BYTES: Final = 16 * 1024 * 1024
SCORE_STEP: Final = 2.5
"""One step of cjworkshop's feeling (−2..+2) on the specification's score (−5..+5)."""
SEVERITY_WORDS: Final = {"low": 2, "medium": 3, "high": 4, "critical": 5}
SENTIMENTS: Final = {
    "angry": -2,
    "frustrated": -2,
    "negative": -1,
    "anxious": -1,
    "confused": -1,
    "neutral": 0,
    "bored": 0,
    "surprised": 0,
    "positive": 1,
    "relieved": 1,
    "delighted": 2,
}
FEELING_WORDS: Final = {
    -2: "frustrated",
    -1: "negative",
    0: "neutral",
    1: "positive",
    2: "delighted",
}
"""The sentiment written for each feeling, from the words Ptolemy shows with an icon."""
INDIRECT_TAG: Final = "indirect"
CHANNEL_WORDS: Final = {
    "chat": "webchat",
    "live chat": "webchat",
    "e-mail": "email",
    "website": "web",
}
"""Tags of Ptolemy's samples that name one of cjworkshop's channels in other words."""


class Stage(msgspec.Struct, omit_defaults=True):
    id: str
    name: str = ""


class Lane(msgspec.Struct, omit_defaults=True):
    id: str
    name: str = ""


class Actor(msgspec.Struct, omit_defaults=True):
    actor: str = ""
    action: str = ""


class System(msgspec.Struct, omit_defaults=True):
    system: str = ""
    description: str = ""


class EvidenceItem(msgspec.Struct, omit_defaults=True):
    item: str = ""
    type: str = ""


class Blueprint(msgspec.Struct, omit_defaults=True):
    evidence: list[EvidenceItem] = []
    onstage: list[Actor] = []
    backstage: list[Actor] = []
    support: list[System] = []


class Node(msgspec.Struct, rename="camel", omit_defaults=True, kw_only=True):
    id: str = ""
    stage_id: str
    swimlane_id: str = ""
    title: str = ""
    description: str = ""
    severity: str | None = None
    score: float | None = None
    sentiment: str | None = None
    purpose: str | None = None
    is_moment_of_truth: bool = False
    tags: list[str] = []
    blueprint: Blueprint | None = None
    icon: str = ""
    icon_color: str = ""


class Metadata(msgspec.Struct, omit_defaults=True):
    title: str = ""
    persona: str = ""
    pov: str = ""
    version: str = ""


class Journey(
    msgspec.Struct, rename={"point_of_view": "pointOfView"}, omit_defaults=True, kw_only=True
):
    version: str = ""
    title: str = ""
    persona: str = ""
    point_of_view: str = ""
    description: str = ""
    metadata: Metadata | None = None
    stages: list[Stage]
    swimlanes: list[Lane] = []
    nodes: list[Node] = []


def severity_word(severity: int) -> str:
    """The specification's three words for cjworkshop's severity 1–5."""
    return "low" if severity <= 2 else "medium" if severity == 3 else "high"
