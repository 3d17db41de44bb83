"""The forms for goals, personas, phases and touchpoints, and how their answers become edits.

``record_form`` is the form for a new or an existing record; its answer is the record as the form
left it (a new one without an id yet), and ``saved_record`` turns that into an edit of the
session, with a label for undo. Keeping both sides here means a form and its conversion can
never drift apart, and a draft recovered after a crash (kind, target and values) can be reopened
and saved through exactly the same path.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from msgspec.structs import replace

from cjworkshop.i18n import Translator
from cjworkshop.model import edits
from cjworkshop.model.interactions import interaction_line, read_interactions
from cjworkshop.model.metric_lines import metric_lines, read_metric_lines
from cjworkshop.model.session import (
    CHANNELS,
    NAME_LENGTH,
    Channel,
    Goal,
    Persona,
    Phase,
    Session,
    Touchpoint,
    TouchpointKind,
)
from cjworkshop.ui.modals.form_spec import (
    Answers,
    Choice,
    FormField,
    FormSpec,
    choice_field,
    line_field,
    number_field,
    text_field,
)
from cjworkshop.ui.widgets.validators import MetricLines

FormKind = Literal["goal", "persona", "phase", "touchpoint"]
FORM_KINDS: tuple[FormKind, ...] = ("goal", "persona", "phase", "touchpoint")

SessionRecord = Goal | Persona | Phase | Touchpoint
"""What the forms here edit."""

PERSONA_TEXTS = ("description", "needs", "triggers", "finds_us", "expectations", "frustrations")
"""The texts of a persona's profile, in the order they are shown."""


@dataclass(frozen=True)
class FormEdit:
    """The result of a saved form: the new session, an undo label and the record's id."""

    session: Session
    label: str
    record_id: str


def clean(text: str) -> str:
    """Text without stray spaces around it; multi-line text keeps its lines."""
    return "\n".join(line.rstrip() for line in text.strip().splitlines())


def record_form(
    kind: FormKind, tr: Translator, session: Session, target: str | None, phase: str | None = None
) -> FormSpec[SessionRecord]:
    """The form for a new record (``target`` None; a touchpoint in ``phase``) or an existing
    one."""
    solo = session.mode == "self-assessment"
    if kind == "goal":
        return goal_form(tr, edits.find(session.goals, target) if target else None, solo=solo)
    if kind == "persona":
        persona = edits.find(session.personas, target) if target else None
        return persona_form(tr, persona, solo=solo)
    if kind == "phase":
        return phase_form(tr, edits.find(session.phases, target) if target else None)
    touchpoint = edits.find(session.touchpoints, target) if target else None
    return touchpoint_form(tr, session, touchpoint, phase)


def goal_form(tr: Translator, goal: Goal | None, *, solo: bool) -> FormSpec[Goal]:
    """A goal's form; to an owner alone its hints speak of their own business."""
    what = line_field(
        "what",
        tr("solo.field.goal.what" if solo else "field.goal.what"),
        goal.what if goal else "",
        required=True,
        hint=tr("hint.goal.what"),
        max_length=NAME_LENGTH,
    )
    why = text_field(
        "why",
        tr("solo.field.goal.why" if solo else "field.goal.why"),
        goal.why if goal else "",
        hint=tr("hint.goal.why"),
    )
    measure = text_field(
        "measure",
        tr("solo.field.goal.measure" if solo else "field.goal.measure"),
        goal.measure if goal else "",
        hint=tr("solo.hint.goal.measure" if solo else "hint.goal.measure"),
    )

    def read(answers: Answers) -> Goal:
        return Goal(
            id=goal.id if goal else "",
            what=clean(answers[what]),
            why=clean(answers[why]),
            measure=clean(answers[measure]),
        )

    return FormSpec(tr("form.goal.edit" if goal else "form.goal.add"), (what, why, measure), read)


def persona_form(tr: Translator, persona: Persona | None, *, solo: bool) -> FormSpec[Persona]:
    """A persona's form; a self-assessment's first one asks for the typical customer."""
    shown = persona or Persona(id="", name="")

    def about(name: str, value: str) -> FormField[str]:
        return text_field(name, tr(f"field.persona.{name}"), value, hint=tr(f"hint.persona.{name}"))

    name = line_field(
        "name",
        tr("field.persona.name"),
        shown.name,
        required=True,
        hint=tr("solo.hint.persona.name" if solo else "hint.persona.name"),
        max_length=NAME_LENGTH,
    )
    description = about("description", shown.description)
    needs = about("needs", shown.needs)
    triggers = about("triggers", shown.triggers)
    finds_us = text_field(
        "finds_us",
        tr("solo.field.persona.finds_us" if solo else "field.persona.finds_us"),
        shown.finds_us,
        hint=tr("hint.persona.finds_us"),
    )
    expectations = about("expectations", shown.expectations)
    frustrations = about("frustrations", shown.frustrations)

    def read(answers: Answers) -> Persona:
        return Persona(
            id=shown.id,
            name=clean(answers[name]),
            description=clean(answers[description]),
            needs=clean(answers[needs]),
            triggers=clean(answers[triggers]),
            finds_us=clean(answers[finds_us]),
            expectations=clean(answers[expectations]),
            frustrations=clean(answers[frustrations]),
        )

    fields = (name, description, needs, triggers, finds_us, expectations, frustrations)
    if solo:
        title = "solo.form.persona.edit" if persona else "form.persona.solo"
    else:
        title = "form.persona.edit" if persona else "form.persona.add"
    return FormSpec(tr(title), fields, read)


def phase_form(tr: Translator, phase: Phase | None) -> FormSpec[Phase]:
    name = line_field(
        "name",
        tr("field.phase.name"),
        phase.name if phase else "",
        required=True,
        max_length=NAME_LENGTH,
    )
    description = text_field(
        "description", tr("field.phase.description"), phase.description if phase else ""
    )
    weight = number_field(
        "weight",
        tr("field.phase.weight"),
        phase.weight if phase else 1.0,
        low=0.1,
        high=5.0,
        invalid=tr("invalid.phase.weight"),
        hint=tr("hint.phase.weight"),
    )

    def read(answers: Answers) -> Phase:
        weighs: float = answers[weight]
        return Phase(
            id=phase.id if phase else "",
            name=clean(answers[name]),
            description=clean(answers[description]),
            weight=round(weighs, 2),
        )

    title = tr("form.phase.edit" if phase else "form.phase.add")
    return FormSpec(title, (name, description, weight), read)


def touchpoint_form(
    tr: Translator, session: Session, touchpoint: Touchpoint | None, phase: str | None
) -> FormSpec[Touchpoint]:
    """A touchpoint's form; a new one starts in ``phase``, else in the first phase."""
    name = line_field(
        "name",
        tr("field.touchpoint.name"),
        touchpoint.name if touchpoint else "",
        required=True,
        hint=tr("hint.touchpoint.name"),
        max_length=NAME_LENGTH,
    )
    in_phase = choice_field(
        "phase",
        tr("field.touchpoint.phase"),
        touchpoint.phase if touchpoint else (phase or session.phases[0].id),
        [Choice(p.id, p.id, p.name) for p in session.phases],
    )
    kinds: list[Choice[TouchpointKind]] = [
        Choice("direct", "direct", tr("kind_long.direct")),
        Choice("indirect", "indirect", tr("kind_long.indirect")),
    ]
    kind = choice_field(
        "kind", tr("field.touchpoint.kind"), touchpoint.kind if touchpoint else "direct", kinds
    )
    channels: list[Choice[Channel]] = [Choice(c, c, tr(f"channel.{c}")) for c in CHANNELS]
    channel = choice_field(
        "channel",
        tr("field.touchpoint.channel"),
        touchpoint.channel if touchpoint else "web",
        channels,
    )
    channel_name = line_field(
        "channel_name",
        tr("field.touchpoint.channel_name"),
        touchpoint.channel_name if touchpoint else "",
        hint=tr("hint.touchpoint.channel_name"),
        max_length=NAME_LENGTH,
    )
    owner = line_field(
        "owner",
        tr("field.touchpoint.owner"),
        touchpoint.owner if touchpoint else "",
        hint=tr("hint.touchpoint.owner"),
    )
    description = text_field(
        "description",
        tr("field.touchpoint.description"),
        touchpoint.description if touchpoint else "",
    )
    labels = {c: tr(f"channel.{c}") for c in CHANNELS}
    shown = touchpoint or Touchpoint(id="", phase="", name="")
    interactions = text_field(
        "interactions",
        tr("field.touchpoint.interactions"),
        "\n".join(interaction_line(i, labels) for i in shown.interactions),
        hint=tr("hint.touchpoint.interactions"),
    )

    # Behind the touchpoint (the service blueprint): optional, empty in most sessions.
    frontstage = text_field(
        "frontstage",
        tr("field.touchpoint.frontstage"),
        shown.frontstage,
        hint=tr("hint.touchpoint.frontstage"),
    )
    backstage = text_field(
        "backstage",
        tr("field.touchpoint.backstage"),
        shown.backstage,
        hint=tr("hint.touchpoint.backstage"),
    )
    support = text_field(
        "support", tr("field.touchpoint.support"), shown.support, hint=tr("hint.touchpoint.support")
    )
    # One figure per line (``model.metric_lines``); the form will not save while one does not read.
    figures = text_field(
        "metrics",
        tr("metrics_form.field"),
        metric_lines(shown.metrics),
        hint=tr("metrics_form.hint"),
        validators=(MetricLines(tr),),
    )

    def read(answers: Answers) -> Touchpoint:
        # The room's own word for a channel belongs with "other"; beside a known one it goes.
        chosen = answers[channel]
        return replace(
            shown,
            phase=answers[in_phase],
            name=clean(answers[name]),
            channel=chosen,
            channel_name=clean(answers[channel_name]) if chosen == "other" else "",
            kind=answers[kind],
            owner=clean(answers[owner]),
            description=clean(answers[description]),
            interactions=read_interactions(answers[interactions], labels),
            frontstage=clean(answers[frontstage]),
            backstage=clean(answers[backstage]),
            support=clean(answers[support]),
            metrics=read_metric_lines(answers[figures]).metrics,
        )

    title = tr("form.touchpoint.edit" if touchpoint else "form.touchpoint.add")
    shown_first = (name, in_phase, kind, channel, channel_name, owner, description, interactions)
    fields = (*shown_first, frontstage, backstage, support, figures)
    return FormSpec(title, fields, read)


def saved_record(tr: Translator, session: Session, record: SessionRecord) -> FormEdit:
    """The session with a record as its form left it: added when new (no id yet), else
    updated."""
    match record:
        case Goal():
            if record.id:
                label = tr("edit.goal.edit", name=record.what)
                return FormEdit(edits.update_goal(session, record), label, record.id)
            return _added(edits.add_goal(session, record), tr("edit.goal.add", name=record.what))
        case Persona():
            if record.id:
                label = tr("edit.persona.edit", name=record.name)
                return FormEdit(edits.update_persona(session, record), label, record.id)
            added = edits.add_persona(session, record)
            return _added(added, tr("edit.persona.add", name=record.name))
        case Phase():
            if record.id:
                label = tr("edit.phase.edit", name=record.name)
                return FormEdit(edits.update_phase(session, record), label, record.id)
            return _added(edits.add_phase(session, record), tr("edit.phase.add", name=record.name))
        case Touchpoint():
            if record.id:
                label = tr("edit.touchpoint.edit", name=record.name)
                return FormEdit(edits.update_touchpoint(session, record), label, record.id)
            added = edits.add_touchpoint(session, record)
            return _added(added, tr("edit.touchpoint.add", name=record.name))


def _added(added: tuple[Session, str], label: str) -> FormEdit:
    """The edit that adds a record: the session with it, and the id it was given."""
    changed, new_id = added
    return FormEdit(changed, label, new_id)
