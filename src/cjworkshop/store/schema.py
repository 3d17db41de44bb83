"""JSON Schemas of the session file and of a journey template, for editors that check TOML.

Taplo (and Even Better TOML in VS Code, which uses it) validates a TOML file against a JSON
Schema while it is typed. The schemas are generated from the model's records with
``msgspec.json.schema``, so they cannot drift from what ``validate`` accepts: the same keys,
types, ranges, enumerations and patterns, and no unknown key. A record's description is its
docstring; a field's is written here, in English, and a test holds that every field of the
session file has one.

TOML's dates and times are checked as the strings Taplo turns them into. What a schema cannot
express (every reference resolving, no id twice) stays with ``cjworkshop validate``.
"""

from __future__ import annotations

from typing import Any, Final

import msgspec

from cjworkshop.model.session import Session
from cjworkshop.model.template import Template

SCHEMA_DIALECT: Final = "https://json-schema.org/draft/2020-12/schema"

FIELD_HELP: Final[dict[str, dict[str, str]]] = {
    "Session": {
        "schema_version": "The version of this file format; older files are migrated on load.",
        "title": "The session's title, as the start screen lists it.",
        "language": "The language of the session's texts and exports: nl or en.",
        "mode": "workshop (a facilitator and a room) or self-assessment (an owner alone).",
        "shape": "linear (from first contact to after the sale) or cyclic (every end is a new "
        "beginning).",
        "template": "The id of the journey template the session started from.",
        "created": "When the session was made (RFC 3339, with a time zone).",
        "updated": "When the session was last changed (RFC 3339, with a time zone).",
        "notes": "Free notes about the session: who took part, where, why.",
        "previous": "On a new round: the file name of the version before, in the same folder.",
        "dots_per_participant": "How many dots each participant may spend in the dot voting.",
        "timebox": "Per step: the minutes planned and the seconds used.",
        "goals": "What the session wants to achieve.",
        "personas": "The typical customers the journey is mapped for.",
        "phases": "The phases of the journey, in order.",
        "touchpoints": "Every contact moment, each in one phase, in order.",
        "plots": "One persona at one touchpoint: what they do, think and feel there.",
        "roadmap": "The room's decisions about improvements; scores are computed, not stored.",
        "votes": "The dots each participant put on roadmap items.",
        "assessment": "The answers of the self-assessment checklist.",
        "parking_lot": "Side topics noted during the session.",
        "conflicts": "What a merge of two branches could not combine, until someone decides.",
        "next_revisit": "The day the room plans to look at the journey again; check fails after.",
    },
    "Conflict": {
        "where": "Where it is: touchpoints[website].name, roadmap[fix-x].owner.",
        "kept": "The value the session has now, as JSON.",
        "other": "The other branch's value, as JSON; empty when that branch removed it.",
    },
    "StepTime": {
        "planned_minutes": "The minutes planned for the step.",
        "used_seconds": "The seconds the step's timer has run.",
    },
    "Goal": {
        "id": "A stable id: lowercase letters, digits and single hyphens.",
        "what": "What we want to achieve.",
        "why": "Why it matters now.",
        "measure": "How we will know that it worked.",
    },
    "Persona": {
        "id": "A stable id: lowercase letters, digits and single hyphens.",
        "name": "A name the room will remember.",
        "description": "Who they are, in a sentence or two.",
        "needs": "What they need from us.",
        "triggers": "What makes them start looking.",
        "finds_us": "Where and how they find us.",
        "expectations": "What they expect from us.",
        "frustrations": "What frustrates them.",
    },
    "Phase": {
        "id": "A stable id: lowercase letters, digits and single hyphens.",
        "name": "The phase's name.",
        "description": "What happens in this phase.",
        "weight": "How much the phase counts in the roadmap (0.1 to 5; 1 is normal).",
    },
    "Touchpoint": {
        "id": "A stable id: lowercase letters, digits and single hyphens.",
        "phase": "The id of the phase it belongs to.",
        "name": "The touchpoint's name.",
        "channel": "The channel: web, search, social, webchat, email, sms, phone, shop, ...",
        "channel_name": "With the channel other: what the room calls it.",
        "kind": "direct (ours) or indirect (third parties, word of mouth).",
        "owner": "Who inside owns it.",
        "description": "What happens here.",
        "interactions": "The exchanges within it, in order.",
        "frontstage": "What our people do here that the customer sees.",
        "backstage": "What our people do out of the customer's sight.",
        "support": "The systems and processes that support it.",
        "metrics": "Figures measured here: CSAT, NPS, conversion, complaints.",
    },
    "Interaction": {
        "name": "The exchange: a chatbot, an e-mail, a phone call.",
        "channel": "Its channel, when it is not the touchpoint's own.",
        "channel_name": "With the channel other: what the room calls it.",
    },
    "Metric": {
        "name": "What was measured.",
        "value": "The figure.",
        "unit": "Its unit: %, points, per month.",
        "date": "When it was measured.",
        "source": "Where the figure comes from.",
    },
    "Plot": {
        "persona": "The id of the persona.",
        "touchpoint": "The id of the touchpoint.",
        "relevant": "false when this persona does not pass this touchpoint.",
        "action": "What the persona does here.",
        "thought": "What they think, in their own words.",
        "emotion": "How they feel today: -2 very negative to +2 very positive.",
        "target_emotion": "How we want them to feel here: -2 to +2.",
        "thought_evidence": "What the thought rests on: observed or assumed.",
        "thought_source": "Where the thought was observed.",
        "emotion_evidence": "What the feeling rests on: observed or assumed.",
        "emotion_source": "Where the feeling was observed.",
        "pain_points": "What gets in their way here.",
        "opportunities": "What we could do better here.",
        "moment_of_truth": "true when this moment decides whether the customer stays.",
    },
    "PainPoint": {
        "text": "The pain point, in a few words.",
        "severity": "How badly it hurts: 1 a nuisance to 5 a reason to walk away.",
        "evidence": "What it rests on: observed or assumed.",
        "source": "Where it was observed: a complaint log, an interview, the analytics.",
    },
    "Opportunity": {
        "text": "The idea, in a few words.",
        "evidence": "What it rests on: observed or assumed.",
        "source": "Where it comes from.",
    },
    "RoadmapItem": {
        "id": "A stable id: lowercase letters, digits and single hyphens.",
        "sources": "What the item comes from: pain:<slug>, opportunity:<slug> or "
        "assessment:<phase>.<question>.",
        "title": "The room's title for it, instead of the source's text.",
        "effort": "What it costs: 1 an afternoon to 5 a project.",
        "horizon": "The room's choice of now, next or later, over the score's.",
        "owner": "Who takes it on.",
        "status": "open, doing, done or dropped.",
        "reviewed": "When the room last looked at it.",
        "note": "A note about the decision.",
    },
    "Vote": {
        "participant": "Who put the dots.",
        "item": "The id of the roadmap item.",
        "dots": "How many dots.",
    },
    "Answer": {
        "question": "The question: <phase id>.<question id> of the template.",
        "score": "The answer: 1 not at all to 5 fully.",
        "not_applicable": "true when the question does not apply to this business.",
        "note": "A note with the answer.",
    },
    "ParkingNote": {
        "text": "The side topic.",
        "done": "true once it has been dealt with.",
    },
}


def session_schema() -> dict[str, Any]:
    """The JSON Schema of a session file, with a description for every field."""
    return _schema(Session, "cjworkshop session", FIELD_HELP)


def template_schema() -> dict[str, Any]:
    """The JSON Schema of a journey template file."""
    return _schema(Template, "cjworkshop journey template", {})


def _schema(
    record: type[msgspec.Struct], title: str, help_texts: dict[str, dict[str, str]]
) -> dict[str, Any]:
    generated: dict[str, Any] = msgspec.json.schema(record)
    for name, definition in generated.get("$defs", {}).items():
        properties = definition.get("properties", {})
        for field, schema in properties.items():
            properties[field] = _without_null(schema)
        for field, text in help_texts.get(name, {}).items():
            properties[field].setdefault("description", text)
    return {"$schema": SCHEMA_DIALECT, "title": title, **generated}


def _without_null(schema: dict[str, Any]) -> dict[str, Any]:
    """TOML has no null: an optional value is a key left out, so ``null`` is not offered."""
    variants = schema.get("anyOf")
    if not variants or {"type": "null"} not in variants:
        return schema
    kept = [variant for variant in variants if variant != {"type": "null"}]
    rest = {key: value for key, value in schema.items() if key != "anyOf"}
    if rest.get("default", ...) is None:
        del rest["default"]
    return {**kept[0], **rest} if len(kept) == 1 else {"anyOf": kept, **rest}
