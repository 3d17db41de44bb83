"""Reading journeys in the OpenJourney Format (``.ojf``) of the Ptolemy journey mapper.

An ``.ojf`` file is JSON: one persona's journey as ``stages`` (columns), ``swimlanes`` (rows)
and ``nodes`` (the cards where they cross). Ptolemy's own files come in two layouts, with the
title, persona and point of view either at the root or in a ``metadata`` object, and its
history knows two ranges of ``score``: −5..+5 (the specification) and 0–10 (its first
requirements). Both layouts and both ranges are read.

cjworkshop's model is stricter than a free grid: phases hold touchpoints, and a persona's plot at
a touchpoint holds the action, thought, feeling, pain points and opportunities. So:

- a stage becomes a phase; stages of several files with the same name are one phase;
- a node whose purpose is a touchpoint, an action, a milestone or a decision (or that has no
  purpose and stands in a lane of actions or touchpoints) becomes a touchpoint, its description
  the persona's action there, its score or sentiment the feeling, its blueprint the stage behind
  it (front stage, back stage, support, and its evidence as interactions);
- a pain point, bottleneck or hurdle becomes a pain point (low 2, medium 3, high 4), an
  opportunity an opportunity, a note or observation the thought, and a node in a lane of
  feelings the feeling (and the thought) of the persona there;
- those land at the touchpoint of the same stage that one of their tags names (so cjworkshop's
  own export comes back where it was), else at the stage's first touchpoint, else at one made
  for the stage;
- whatever has no place (a gain, a node without a title, a tag, a second thought) is reported in
  one line each, never silently dropped. Icons and colours are display hints, not data.

Several files (one per persona, as cjworkshop exports them) make one session.
"""

from __future__ import annotations

import datetime as dt
import itertools
import math
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Final, Literal

import msgspec

from cjworkshop.model.ids import text_key, unique_id
from cjworkshop.model.session import (
    CHANNELS,
    NAME_LENGTH,
    SLUG_PATTERN,
    Channel,
    Interaction,
    Language,
    Opportunity,
    PainPoint,
    Persona,
    Phase,
    Plot,
    Session,
    Touchpoint,
)
from cjworkshop.model.validation import session_problems
from cjworkshop.store.errors import StoreError, schema_error
from cjworkshop.store.files import read_regular
from cjworkshop.store.locate import value_at
from cjworkshop.store.ojf_format import (
    CHANNEL_WORDS,
    INDIRECT_TAG,
    MAX_OJF_BYTES,
    SCORE_STEP,
    SENTIMENTS,
    SEVERITY_WORDS,
    Blueprint,
    Journey,
    Metadata,
    Node,
    Stage,
)

Role = Literal["touchpoint", "pain", "opportunity", "thought", "feeling", "none"]
_PURPOSES: Final[dict[str, Role]] = {
    "touchpoint": "touchpoint",
    "action": "touchpoint",
    "milestone": "touchpoint",
    "decision": "touchpoint",
    "pain-point": "pain",
    "pain": "pain",
    "bottleneck": "pain",
    "personal-hurdle": "pain",
    "opportunity": "opportunity",
    "note": "thought",
    "observation": "thought",
    "gain": "none",
}
_LANE_WORDS: Final[tuple[tuple[Role, tuple[str, ...]], ...]] = (
    ("pain", ("pain", "friction", "issue", "blocker", "roadblock", "hurdle", "problem", "pijn")),
    ("feeling", ("emotion", "feeling", "sentiment", "mood", "health", "gevoel", "emotie")),
    ("thought", ("thought", "think", "quote", "gedachte", "denkt")),
    ("opportunity", ("opportunit", "idea", "kans", "idee")),
)


@dataclass(frozen=True, slots=True)
class Note:
    """One line of the import's report: what did not fit, or what was assumed."""

    path: Path
    key: str
    params: dict[str, object] = field(default_factory=dict)


@dataclass
class _Builder:
    language: Language
    when: dt.datetime
    title: str = ""
    phases: list[Phase] = field(default_factory=list)
    touchpoints: list[Touchpoint] = field(default_factory=list)
    personas: list[Persona] = field(default_factory=list)
    plots: dict[tuple[str, str], Plot] = field(default_factory=dict)
    notes: list[Note] = field(default_factory=list)
    sequences: list[list[str]] = field(default_factory=list)
    """The touchpoints of every file in its order: each persona passes only some of them."""

    def plot(self, persona: str, touchpoint: str) -> Plot:
        """The persona's plot at the touchpoint as built so far, or an empty one."""
        return self.plots.get((persona, touchpoint)) or Plot(persona=persona, touchpoint=touchpoint)

    def session(self) -> Session:
        order = {touchpoint: n for n, touchpoint in enumerate(merged_order(self.sequences))}
        return Session(
            title=self.title or "OJF",
            language=self.language,
            created=self.when,
            updated=self.when,
            personas=tuple(self.personas),
            phases=tuple(self.phases),
            touchpoints=tuple(sorted(self.touchpoints, key=lambda t: order.get(t.id, len(order)))),
            plots=tuple(self.plots.values()),
        )


def merged_order(sequences: list[list[str]]) -> list[str]:
    """One order of all items that keeps the order of every sequence where they agree.

    Each sequence says which of its items come before which; an item goes first as soon as
    nothing still unplaced must come before it, the one seen earliest first. Where sequences
    disagree, the earliest seen of the items left goes next.
    """
    seen = list(dict.fromkeys(item for sequence in sequences for item in sequence))
    rank = {item: n for n, item in enumerate(seen)}
    before: dict[str, set[str]] = {item: set() for item in seen}
    for sequence in sequences:
        unique = list(dict.fromkeys(sequence))
        for earlier, later in itertools.pairwise(unique):
            before[later].add(earlier)
    placed: list[str] = []
    left = set(seen)
    while left:
        ready = [item for item in left if not before[item] & left] or list(left)
        item = min(ready, key=rank.__getitem__)
        placed.append(item)
        left.remove(item)
    return placed


def read_journeys(
    paths: list[Path], *, language: Language, when: dt.datetime
) -> tuple[Session, list[Note]]:
    """One session from one or more ``.ojf`` files, and the report of what did not fit."""
    builder = _Builder(language=language, when=when)
    for path in paths:
        _add_journey(builder, path, _decode(path))
    # A touchpoint that only another persona's file has is not on this persona's journey.
    for persona in builder.personas:
        for touchpoint in builder.touchpoints:
            key = (persona.id, touchpoint.id)
            if key not in builder.plots:
                builder.plots[key] = Plot(
                    persona=persona.id, touchpoint=touchpoint.id, relevant=False
                )
    session = builder.session()
    try:  # built in code, so checked as a file would be: a bug here must not write a bad file
        msgspec.convert(msgspec.to_builtins(session, builtin_types=(dt.datetime,)), Session)
    except msgspec.ValidationError as error:
        raise StoreError("error.ojf.unmapped", {"detail": str(error)}, path=paths[0]) from None
    problems = session_problems(session)
    if problems:
        raise StoreError("error.ojf.unmapped", {"detail": problems[0].key}, path=paths[0])
    return session, builder.notes


def _decode(path: Path) -> Journey:
    data, _ = read_regular(path, MAX_OJF_BYTES)
    data = data.removeprefix(b"\xef\xbb\xbf")  # a byte order mark, as some editors write
    try:
        return msgspec.json.decode(data, type=Journey)
    except msgspec.ValidationError as error:
        raw = msgspec.json.decode(data)
        key, params, where = schema_error(str(error), lambda at: value_at(raw, at))
        raise StoreError(key, params, path=path, where=where) from None
    except msgspec.DecodeError as error:
        line, column = _position(data, str(error))
        raise StoreError("error.ojf.syntax", path=path, line=line, column=column) from None


def _position(data: bytes, message: str) -> tuple[int, int]:
    """Line and column of a JSON syntax error: msgspec names the byte, or the end when cut off."""
    found = re.search(r"\(byte (\d+)\)", message)
    offset = int(found.group(1)) if found else len(data)
    before = data[:offset].decode("utf-8", "replace")
    return before.count("\n") + 1, len(before) - (before.rfind("\n") + 1) + 1


def _add_journey(builder: _Builder, path: Path, journey: Journey) -> None:
    meta = journey.metadata or Metadata()
    title = _name(meta.title or journey.title, _name(path.stem))
    builder.title = builder.title or title
    persona = _add_persona(
        builder, path, meta.persona or journey.persona or title, meta.pov or journey.point_of_view
    )
    to_emotion = _scale(builder, path, journey.nodes)
    lanes = {lane.id: _lane_role(lane.name) for lane in journey.swimlanes}
    phase_of_stage = {stage.id: _add_phase(builder, stage) for stage in journey.stages}
    at_stage: dict[str, list[str]] = {}
    later: list[tuple[Node, Role]] = []
    for number, node in enumerate(journey.nodes):
        phase = phase_of_stage.get(node.stage_id)
        if phase is None:
            builder.notes.append(Note(path, "ojf.note.no_stage", {"n": number + 1}))
            continue
        role = _role(node, lanes)
        if not node.title.strip():
            builder.notes.append(Note(path, "ojf.note.no_title", {"n": number + 1}))
        elif role == "touchpoint":
            touchpoint = _add_touchpoint(builder, phase, node)
            at_stage.setdefault(node.stage_id, []).append(touchpoint)
            _plot_touchpoint(builder, path, persona, touchpoint, node, to_emotion)
        elif role == "none":
            params: dict[str, object] = {"title": node.title, "purpose": node.purpose or ""}
            builder.notes.append(Note(path, "ojf.note.no_place", params))
        else:
            later.append((node, role))
    if any(node.icon or node.icon_color for node in journey.nodes):
        builder.notes.append(Note(path, "ojf.note.icons"))
    builder.sequences.append([t for here in at_stage.values() for t in here])
    for node, role in later:
        phase = phase_of_stage[node.stage_id]
        touchpoint = _anchor(builder, path, phase, at_stage.setdefault(node.stage_id, []), node)
        _add_note(builder, path, persona, touchpoint, node, role, to_emotion)


def _role(node: Node, lanes: dict[str, Role]) -> Role:
    """What a node is: its purpose says so, else the lane it stands in."""
    by_purpose = _PURPOSES.get((node.purpose or "").lower())
    return by_purpose or lanes.get(node.swimlane_id, "touchpoint")


def _name(text: str, fallback: str = "?") -> str:
    """A name as the session holds it: one line, at most 200 characters, never empty."""
    words = " ".join(text.split()) or fallback
    return words if len(words) <= NAME_LENGTH else words[: NAME_LENGTH - 1] + "…"


def _add_persona(builder: _Builder, path: Path, name: str, pov: str) -> str:
    persona = Persona(
        id=unique_id(name, (p.id for p in builder.personas), "persona"),
        name=_name(name),
        description=pov.strip(),
    )
    if any(text_key(p.name) == text_key(persona.name) for p in builder.personas):
        builder.notes.append(Note(path, "ojf.note.persona_twice", {"name": persona.name}))
    builder.personas.append(persona)
    return persona.id


def _scale(builder: _Builder, path: Path, nodes: list[Node]) -> dict[str, float]:
    """How a score becomes a feeling: the range of the file, told in the report."""
    scores = [node.score for node in nodes if node.score is not None]
    if any(score > 5 for score in scores):
        builder.notes.append(Note(path, "ojf.note.scale_ten"))
        return {"offset": 5.0, "step": SCORE_STEP}
    if scores and not any(score < 0 for score in scores):
        builder.notes.append(Note(path, "ojf.note.scale_assumed"))
    return {"offset": 0.0, "step": SCORE_STEP}


def _emotion(score: float | None, sentiment: str | None, scale: dict[str, float]) -> int | None:
    if score is not None and math.isfinite(score):
        value = (score - scale["offset"]) / scale["step"]
        return max(-2, min(2, math.floor(value + 0.5)))
    return SENTIMENTS.get((sentiment or "").lower())


def _lane_role(name: str) -> Role:
    lowered = name.lower()
    for role, words in _LANE_WORDS:
        if any(word in lowered for word in words):
            return role
    return "touchpoint"


def _add_phase(builder: _Builder, stage: Stage) -> str:
    name = _name(stage.name, _name(stage.id))
    for phase in builder.phases:
        if text_key(phase.name) == text_key(name):
            return phase.id
    phase = Phase(id=_own_id(stage.id, name, [p.id for p in builder.phases], "phase"), name=name)
    builder.phases.append(phase)
    return phase.id


def _add_touchpoint(builder: _Builder, phase: str, node: Node) -> str:
    """The touchpoint a node stands for: one an earlier file made, or a new one."""
    name = _name(node.title)
    for touchpoint in builder.touchpoints:
        if touchpoint.phase == phase and text_key(touchpoint.name) == text_key(name):
            return touchpoint.id
    touchpoint_id = _own_id(node.id, name, [t.id for t in builder.touchpoints], "touchpoint")
    channel = next((c for c in map(_channel_of_tag, node.tags) if c), "other")
    blueprint = node.blueprint or Blueprint()
    builder.touchpoints.append(
        Touchpoint(
            id=touchpoint_id,
            phase=phase,
            name=name,
            channel=_channel(channel),
            kind="indirect" if INDIRECT_TAG in node.tags else "direct",
            owner=next((a.actor for a in blueprint.onstage if a.actor), ""),
            interactions=tuple(
                Interaction(name=e.item, channel=e.type if e.type in CHANNELS else None)
                for e in blueprint.evidence
                if e.item.strip()
            ),
            frontstage="; ".join(a.action for a in blueprint.onstage if a.action),
            backstage="; ".join(a.action for a in blueprint.backstage if a.action),
            support="; ".join(
                " – ".join(part for part in (s.system, s.description) if part)
                for s in blueprint.support
            ),
        )
    )
    return touchpoint_id


def _own_id(wanted: str, name: str, taken: list[str], fallback: str) -> str:
    """The file's own id where it is a free slug (so ids survive a round trip), else one made."""
    if len(wanted) <= 64 and wanted not in taken and re.fullmatch(SLUG_PATTERN, wanted):
        return wanted
    return unique_id(name, taken, fallback)


def _channel_of_tag(tag: str) -> Channel | None:
    """A tag that names a channel: cjworkshop's own ids, in any case, and "chat"."""
    word = tag.strip().lower()
    word = CHANNEL_WORDS.get(word, word)
    return word if word in CHANNELS else None


def _channel(text: str) -> Channel:
    return text if text in CHANNELS else "other"


def _plot_touchpoint(
    builder: _Builder,
    path: Path,
    persona: str,
    touchpoint: str,
    node: Node,
    scale: dict[str, float],
) -> None:
    plot = builder.plot(persona, touchpoint)
    emotion = _emotion(node.score, node.sentiment, scale)
    if plot.action and node.description.strip():
        builder.notes.append(Note(path, "ojf.note.second", {"title": node.title}))
    builder.plots[(persona, touchpoint)] = msgspec.structs.replace(
        plot,
        action=plot.action or node.description.strip(),
        emotion=plot.emotion if plot.emotion is not None else emotion,
        moment_of_truth=plot.moment_of_truth or node.is_moment_of_truth,
    )
    kept = [tag for tag in node.tags if not _channel_of_tag(tag) and tag != INDIRECT_TAG]
    if kept:
        params: dict[str, object] = {"title": node.title, "tags": ", ".join(kept)}
        builder.notes.append(Note(path, "ojf.note.tags", params))


def _anchor(builder: _Builder, path: Path, phase: str, here: list[str], node: Node) -> str:
    """The touchpoint a pain point, opportunity, thought or feeling of a stage belongs to."""
    names = {text_key(t.name): t.id for t in builder.touchpoints if t.id in here}
    named = [names[text_key(tag)] for tag in node.tags if text_key(tag) in names]
    others = [tag for tag in node.tags if text_key(tag) not in names]
    if others:
        params: dict[str, object] = {"title": node.title, "tags": ", ".join(others)}
        builder.notes.append(Note(path, "ojf.note.tags", params))
    if named:
        return named[0]
    if here:
        return here[0]
    stage_name = next(p.name for p in builder.phases if p.id == phase)
    builder.notes.append(Note(path, "ojf.note.made_touchpoint", {"stage": stage_name}))
    made = _add_touchpoint(builder, phase, Node(stage_id="", title=stage_name))
    here.append(made)
    return made


def _add_note(
    builder: _Builder,
    path: Path,
    persona: str,
    touchpoint: str,
    node: Node,
    role: Role,
    scale: dict[str, float],
) -> None:
    plot = builder.plot(persona, touchpoint)
    text = node.title.strip()
    if role == "pain":
        severity = SEVERITY_WORDS.get((node.severity or "").lower())
        pain = PainPoint(text=_name(text), severity=severity, source=node.description.strip())
        plot = msgspec.structs.replace(plot, pain_points=(*plot.pain_points, pain))
    elif role == "opportunity":
        idea = Opportunity(text=text, source=node.description.strip())
        plot = msgspec.structs.replace(plot, opportunities=(*plot.opportunities, idea))
    else:
        emotion = _emotion(node.score, node.sentiment, scale) if role == "feeling" else None
        described = node.description.strip()
        thought = described if role == "thought" and described else text
        if plot.thought and thought != plot.thought:
            builder.notes.append(Note(path, "ojf.note.second", {"title": text}))
        plot = msgspec.structs.replace(
            plot,
            thought=plot.thought or thought,
            emotion=plot.emotion if plot.emotion is not None else emotion,
        )
    builder.plots[(persona, touchpoint)] = plot
