"""What the forms for goals, personas, phases and touchpoints ask, and how answers become edits.

``form_fields`` describes a form for a new or an existing record; ``apply_form`` turns the values
the user saved into an edit of the session, with a label for undo. Keeping both sides here means a
form and its conversion can never drift apart, and a draft recovered after a crash (kind, target
and values) can be reopened and saved through exactly the same path.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from msgspec.structs import replace

from cjworkshop.i18n import Translator
from cjworkshop.model import edits
from cjworkshop.model.session import (
    CHANNELS,
    NAME_LENGTH,
    Goal,
    Persona,
    Phase,
    Session,
    Touchpoint,
)
from cjworkshop.ui.modals.record_form import FormField, FormValues
from cjworkshop.ui.widgets.validators import Decimal

FormKind = Literal["goal", "persona", "phase", "touchpoint"]
FORM_KINDS: tuple[FormKind, ...] = ("goal", "persona", "phase", "touchpoint")

PERSONA_TEXTS = ("description", "needs", "triggers", "finds_us", "expectations", "frustrations")


@dataclass(frozen=True)
class FormEdit:
    """The result of a saved form: the new session, an undo label and the record's id."""

    session: Session
    label: str
    record_id: str


def form_fields(
    kind: FormKind, tr: Translator, session: Session, target: str | None, phase: str | None = None
) -> tuple[str, list[FormField]]:
    """The title and fields of a form for a new record (``target`` None) or an existing one."""
    action = "edit" if target else "add"
    if kind == "goal":
        goal = edits.find(session.goals, target) if target else None
        return tr(f"form.goal.{action}"), [
            FormField(
                "what",
                tr("field.goal.what"),
                value=goal.what if goal else "",
                required=True,
                hint=tr("hint.goal.what"),
                max_length=NAME_LENGTH,
            ),
            FormField(
                "why",
                tr("field.goal.why"),
                "text",
                goal.why if goal else "",
                hint=tr("hint.goal.why"),
            ),
            FormField(
                "measure",
                tr("field.goal.measure"),
                "text",
                goal.measure if goal else "",
                hint=tr("hint.goal.measure"),
            ),
        ]
    if kind == "persona":
        persona = edits.find(session.personas, target) if target else None
        fields = [
            FormField(
                "name",
                tr("field.persona.name"),
                value=persona.name if persona else "",
                required=True,
                hint=tr("hint.persona.name"),
                max_length=NAME_LENGTH,
            ),
        ]
        for name in PERSONA_TEXTS:
            value = getattr(persona, name) if persona else ""
            fields.append(
                FormField(
                    name,
                    tr(f"field.persona.{name}"),
                    "text",
                    value,
                    hint=tr(f"hint.persona.{name}"),
                )
            )
        solo = session.mode == "self-assessment" and action == "add"
        return tr("form.persona.solo" if solo else f"form.persona.{action}"), fields
    if kind == "phase":
        current = edits.find(session.phases, target) if target else None
        weight = f"{current.weight:g}" if current else "1"
        return tr(f"form.phase.{action}"), [
            FormField(
                "name",
                tr("field.phase.name"),
                value=current.name if current else "",
                required=True,
                max_length=NAME_LENGTH,
            ),
            FormField(
                "description",
                tr("field.phase.description"),
                "text",
                current.description if current else "",
            ),
            FormField(
                "weight",
                tr("field.phase.weight"),
                value=weight,
                required=True,
                hint=tr("hint.phase.weight"),
                validators=(Decimal(0.1, 5.0, tr("invalid.phase.weight")),),
            ),
        ]
    touchpoint = edits.find(session.touchpoints, target) if target else None
    phase_id = touchpoint.phase if touchpoint else (phase or session.phases[0].id)
    return tr(f"form.touchpoint.{action}"), [
        FormField(
            "name",
            tr("field.touchpoint.name"),
            value=touchpoint.name if touchpoint else "",
            required=True,
            hint=tr("hint.touchpoint.name"),
            max_length=NAME_LENGTH,
        ),
        FormField(
            "phase",
            tr("field.touchpoint.phase"),
            "choice",
            phase_id,
            choices=tuple((p.id, p.name) for p in session.phases),
        ),
        FormField(
            "kind",
            tr("field.touchpoint.kind"),
            "choice",
            touchpoint.kind if touchpoint else "direct",
            choices=(("direct", tr("kind_long.direct")), ("indirect", tr("kind_long.indirect"))),
        ),
        FormField(
            "channel",
            tr("field.touchpoint.channel"),
            "choice",
            touchpoint.channel if touchpoint else "web",
            choices=tuple((c, tr(f"channel.{c}")) for c in CHANNELS),
        ),
        FormField(
            "owner",
            tr("field.touchpoint.owner"),
            value=touchpoint.owner if touchpoint else "",
            hint=tr("hint.touchpoint.owner"),
        ),
        FormField(
            "description",
            tr("field.touchpoint.description"),
            "text",
            touchpoint.description if touchpoint else "",
        ),
        FormField(
            "interactions",
            tr("field.touchpoint.interactions"),
            "text",
            "\n".join(touchpoint.interactions) if touchpoint else "",
            hint=tr("hint.touchpoint.interactions"),
        ),
    ]


def _clean(text: str) -> str:
    """Text without stray spaces around it; multi-line text keeps its lines."""
    return "\n".join(line.rstrip() for line in text.strip().splitlines())


def apply_form(
    kind: FormKind, tr: Translator, session: Session, target: str | None, values: FormValues
) -> FormEdit:
    """Turn saved form values into an edit of the session."""
    if kind == "goal":
        what, why, measure = (_clean(values[k]) for k in ("what", "why", "measure"))
        if target:
            goal = replace(edits.find(session.goals, target), what=what, why=why, measure=measure)
            return FormEdit(
                edits.update_goal(session, goal), tr("edit.goal.edit", name=what), target
            )
        changed, new_id = edits.add_goal(session, Goal(id="", what=what, why=why, measure=measure))
        return FormEdit(changed, tr("edit.goal.add", name=what), new_id)
    if kind == "persona":
        texts = {name: _clean(values[name]) for name in ("name", *PERSONA_TEXTS)}
        if target:
            persona = replace(edits.find(session.personas, target), **texts)
            return FormEdit(
                edits.update_persona(session, persona),
                tr("edit.persona.edit", name=texts["name"]),
                target,
            )
        changed, new_id = edits.add_persona(session, Persona(id="", **texts))
        return FormEdit(changed, tr("edit.persona.add", name=texts["name"]), new_id)
    if kind == "phase":
        name, description = _clean(values["name"]), _clean(values["description"])
        weight = round(float(values["weight"].strip().replace(",", ".")), 2)
        if target:
            current = replace(
                edits.find(session.phases, target),
                name=name,
                description=description,
                weight=weight,
            )
            return FormEdit(
                edits.update_phase(session, current), tr("edit.phase.edit", name=name), target
            )
        changed, new_id = edits.add_phase(
            session, Phase(id="", name=name, description=description, weight=weight)
        )
        return FormEdit(changed, tr("edit.phase.add", name=name), new_id)
    interactions = tuple(line for line in _clean(values["interactions"]).splitlines() if line)
    record = Touchpoint(
        id=target or "",
        phase=values["phase"],
        name=_clean(values["name"]),
        channel=next((channel for channel in CHANNELS if channel == values["channel"]), "other"),
        kind="indirect" if values["kind"] == "indirect" else "direct",
        owner=_clean(values["owner"]),
        description=_clean(values["description"]),
        interactions=interactions,
    )
    if target:
        return FormEdit(
            edits.update_touchpoint(session, record),
            tr("edit.touchpoint.edit", name=record.name),
            target,
        )
    changed, new_id = edits.add_touchpoint(session, record)
    return FormEdit(changed, tr("edit.touchpoint.add", name=record.name), new_id)
