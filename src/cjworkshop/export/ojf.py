"""Writing a session in the OpenJourney Format (``.ojf``) of the Ptolemy journey mapper.

The format holds one persona's journey, so a session becomes one file per persona, in the root
layout of its specification (``version``, ``title``, ``persona``, ``pointOfView``, ``stages``,
``swimlanes``, ``nodes``), which Ptolemy's editor reads and writes:

- the phases are the stages, with their ids;
- four lanes: touchpoints, thoughts, pain points and opportunities, named in the session's
  language;
- every touchpoint the persona passes is a node with the touchpoint's id, its name as title, the
  persona's action as description, the feeling as score (−2..+2 becomes −5..+5) and sentiment,
  the moment of truth, the channel (and "indirect") as tags, and the stage behind it as
  blueprint: front stage and back stage as actions of the owner, support as a system, and the
  interactions as evidence;
- a thought, pain point (severity in the specification's three words) or opportunity is a node in
  its lane and stage, tagged with the name of its touchpoint, so reading the file back puts it
  where it was.

What the format cannot hold is named by ``left_out``: target feelings, evidence marks, figures,
goals, the roadmap and the self-assessment stay in the session file.
"""

from __future__ import annotations

import msgspec

from cjworkshop.i18n import Translator
from cjworkshop.model.queries import plot_index, touchpoints_in_order
from cjworkshop.model.session import Persona, Plot, Session, Touchpoint
from cjworkshop.store.ojf_format import (
    FEELING_WORDS,
    INDIRECT_TAG,
    SCORE_STEP,
    Actor,
    Blueprint,
    EvidenceItem,
    Journey,
    Lane,
    Node,
    Stage,
    System,
    severity_word,
)

OJF_VERSION = "1.0"
LANES = ("touchpoints", "thoughts", "pain-points", "opportunities")


def journey_files(session: Session, tr: Translator) -> list[tuple[Persona, str]]:
    """Every persona of the session with its journey as the text of an ``.ojf`` file."""
    return [(persona, journey_text(session, persona, tr)) for persona in session.personas]


def journey_text(session: Session, persona: Persona, tr: Translator) -> str:
    journey = persona_journey(session, persona, tr)
    return msgspec.json.format(msgspec.json.encode(journey).decode("utf-8"), indent=2) + "\n"


def persona_journey(session: Session, persona: Persona, tr: Translator) -> Journey:
    plots = plot_index(session)
    nodes: list[Node] = []
    for touchpoint in touchpoints_in_order(session):
        plot = plots.get((persona.id, touchpoint.id))
        if plot is not None and not plot.relevant:
            continue
        nodes.extend(_nodes(touchpoint, plot))
    return Journey(
        version=OJF_VERSION,
        title=session.title,
        persona=persona.name,
        point_of_view=persona.description,
        stages=[Stage(id=phase.id, name=phase.name) for phase in session.phases],
        swimlanes=[Lane(id=lane, name=tr(f"ojf.lane.{lane}")) for lane in LANES],
        nodes=nodes,
    )


def _nodes(touchpoint: Touchpoint, plot: Plot | None) -> list[Node]:
    feeling = plot.emotion if plot is not None else None
    tags = [touchpoint.channel] + ([INDIRECT_TAG] if touchpoint.kind == "indirect" else [])
    nodes = [
        Node(
            id=touchpoint.id,
            stage_id=touchpoint.phase,
            swimlane_id="touchpoints",
            title=touchpoint.name,
            description=plot.action if plot is not None else "",
            score=None if feeling is None else feeling * SCORE_STEP,
            sentiment=None if feeling is None else FEELING_WORDS[feeling],
            purpose="touchpoint",
            is_moment_of_truth=plot is not None and plot.moment_of_truth,
            tags=tags,
            blueprint=_blueprint(touchpoint),
        )
    ]
    if plot is None:
        return nodes
    notes = [_note(touchpoint, "thoughts", "thought", plot.thought, purpose="note")]
    notes += [
        _note(
            touchpoint,
            "pain-points",
            f"pain-{number}",
            pain.text,
            description=pain.source,
            severity=None if pain.severity is None else severity_word(pain.severity),
            purpose="pain-point",
        )
        for number, pain in enumerate(plot.pain_points, start=1)
    ]
    notes += [
        _note(
            touchpoint,
            "opportunities",
            f"idea-{number}",
            idea.text,
            description=idea.source,
            purpose="opportunity",
        )
        for number, idea in enumerate(plot.opportunities, start=1)
    ]
    return nodes + [node for node in notes if node.title]


def _note(
    touchpoint: Touchpoint,
    lane: str,
    suffix: str,
    title: str,
    *,
    purpose: str,
    description: str = "",
    severity: str | None = None,
) -> Node:
    """A thought, pain point or opportunity in its lane, tagged with its touchpoint's name."""
    return Node(
        id=f"{touchpoint.id}-{suffix}",
        stage_id=touchpoint.phase,
        swimlane_id=lane,
        title=title,
        description=description,
        severity=severity,
        purpose=purpose,
        tags=[touchpoint.name],
    )


def _blueprint(touchpoint: Touchpoint) -> Blueprint | None:
    actor = touchpoint.owner
    blueprint = Blueprint(
        evidence=[
            EvidenceItem(item=i.name, type=i.channel or touchpoint.channel)
            for i in touchpoint.interactions
        ],
        onstage=[Actor(actor=actor, action=touchpoint.frontstage)]
        if actor or touchpoint.frontstage
        else [],
        backstage=[Actor(actor=actor, action=touchpoint.backstage)] if touchpoint.backstage else [],
        support=[System(system=touchpoint.support)] if touchpoint.support else [],
    )
    return blueprint if blueprint != Blueprint() else None


def left_out(session: Session) -> list[str]:
    """Catalog keys of what the session holds and the format cannot: one line of the report each."""
    plots = session.plots
    checks = {
        "ojf.left_out.targets": any(p.target_emotion is not None for p in plots),
        "ojf.left_out.evidence": any(
            p.thought_evidence or p.emotion_evidence or any(n.evidence for n in p.pain_points)
            for p in plots
        ),
        "ojf.left_out.metrics": any(t.metrics for t in session.touchpoints),
        "ojf.left_out.goals": bool(session.goals),
        "ojf.left_out.roadmap": bool(session.roadmap or session.votes),
        "ojf.left_out.assessment": bool(session.assessment),
        "ojf.left_out.weights": any(phase.weight != 1.0 for phase in session.phases),
    }
    return [key for key, present in checks.items() if present]
