"""Hypothesis strategies for whole, consistent sessions with hostile text everywhere."""

from __future__ import annotations

import datetime as dt
from typing import TypeVar

from hypothesis import strategies as st

from cjworkshop.model.session import (
    CHANNELS,
    EVIDENCE,
    KINDS,
    LANGUAGES,
    MODES,
    SHAPES,
    STEPS,
    Answer,
    Goal,
    Interaction,
    Metric,
    Opportunity,
    PainPoint,
    ParkingNote,
    Persona,
    Phase,
    Plot,
    RoadmapItem,
    Session,
    StepTime,
    Touchpoint,
    Vote,
)

T = TypeVar("T")

HOSTILE = ['"', '"""', "'''", "\\", "\n", "\r\n", "|", "#", ":", ";", "😀", "\t", "[[x]]", "a = 1"]

text = st.one_of(
    st.text(max_size=40),
    st.lists(st.sampled_from(HOSTILE) | st.text(max_size=5), max_size=6).map("".join),
)
name = st.builds(str.__add__, st.characters(codec="utf-8"), text)
"""Text of at least one character (a name must say something), drawn without a filter."""
evidence = st.none() | st.sampled_from(EVIDENCE)
_SLUG_CHARS = "abcdefghijklmnopqrstuvwxyz0123456789"
slug = st.builds(
    lambda head, tail: "-".join((head, *tail)),
    st.text(_SLUG_CHARS, min_size=1, max_size=8),
    st.lists(st.text(_SLUG_CHARS, min_size=1, max_size=6), max_size=2),
)
"""An id as the app makes them (``[a-z0-9]{1,8}(-[a-z0-9]{1,6}){0,2}``), built, not matched."""
moment = st.datetimes(
    min_value=dt.datetime(2000, 1, 1), max_value=dt.datetime(2100, 1, 1), timezones=st.just(dt.UTC)
)


def _unique_slugs(count: int) -> st.SearchStrategy[list[str]]:
    return st.lists(slug, min_size=count, max_size=count, unique=True)


@st.composite
def sessions(draw: st.DrawFn, max_items: int = 4) -> Session:
    """A valid session: unique ids, every reference resolving, any text anywhere.

    Half the sessions fill what schema version 2 added (interactions, the stage behind a
    touchpoint, figures, evidence, targets), with any text; the other half leave it empty, as
    most sessions do, and cost the tests less to draw."""
    rich = draw(st.booleans())

    def extra(strategy: st.SearchStrategy[T], empty: T) -> T:
        return draw(strategy) if rich else empty

    phase_ids = draw(_unique_slugs(draw(st.integers(0, max_items))))
    phases = tuple(
        Phase(
            id=pid,
            name=draw(name),
            description=draw(text),
            weight=draw(st.floats(0.1, 5.0, allow_nan=False)),
        )
        for pid in phase_ids
    )
    persona_ids = draw(_unique_slugs(draw(st.integers(0, max_items))))
    personas = tuple(
        Persona(
            id=pid,
            name=draw(name),
            description=draw(text),
            needs=draw(text),
            triggers=draw(text),
            finds_us=draw(text),
            expectations=draw(text),
            frustrations=draw(text),
        )
        for pid in persona_ids
    )
    touchpoints: tuple[Touchpoint, ...] = ()
    if phases:
        tp_ids = draw(_unique_slugs(draw(st.integers(0, max_items * 2))))
        touchpoints = tuple(
            Touchpoint(
                id=tid,
                phase=draw(st.sampled_from(phase_ids)),
                name=draw(name),
                channel=draw(st.sampled_from(CHANNELS)),
                kind=draw(st.sampled_from(KINDS)),
                owner=draw(text),
                description=draw(text),
                channel_name=extra(text, ""),
                interactions=tuple(
                    Interaction(
                        name=draw(text),
                        channel=draw(st.none() | st.sampled_from(CHANNELS)),
                        channel_name=draw(text),
                    )
                    for _ in range(extra(st.integers(0, 3), 0))
                ),
                frontstage=extra(text, ""),
                backstage=extra(text, ""),
                support=extra(text, ""),
                metrics=tuple(
                    Metric(
                        name=draw(name),
                        value=draw(st.floats(-1e9, 1e9, allow_nan=False)),
                        unit=draw(text),
                        date=draw(st.none() | st.dates(dt.date(1990, 1, 1), dt.date(2100, 1, 1))),
                        source=draw(text),
                    )
                    for _ in range(extra(st.integers(0, 2), 0))
                ),
            )
            for tid in tp_ids
        )
    plots = []
    for persona in personas:
        for touchpoint in touchpoints:
            if draw(st.booleans()):
                plots.append(
                    Plot(
                        persona=persona.id,
                        touchpoint=touchpoint.id,
                        relevant=draw(st.booleans()),
                        action=draw(text),
                        thought=draw(text),
                        emotion=draw(st.none() | st.integers(-2, 2)),
                        target_emotion=extra(st.none() | st.integers(-2, 2), None),
                        thought_evidence=extra(evidence, None),
                        thought_source=extra(text, ""),
                        emotion_evidence=extra(evidence, None),
                        emotion_source=extra(text, ""),
                        pain_points=tuple(
                            PainPoint(
                                text=draw(name),
                                severity=draw(st.none() | st.integers(1, 5)),
                                evidence=extra(evidence, None),
                                source=extra(text, ""),
                            )
                            for _ in range(draw(st.integers(0, 2)))
                        ),
                        opportunities=tuple(
                            Opportunity(
                                text=draw(name),
                                evidence=extra(evidence, None),
                                source=extra(text, ""),
                            )
                            for _ in range(draw(st.integers(0, 2)))
                        ),
                        moment_of_truth=draw(st.booleans()),
                    )
                )
    item_ids = draw(_unique_slugs(draw(st.integers(0, 3))))
    roadmap = tuple(
        RoadmapItem(
            id=iid,
            sources=(f"pain:{iid}",),
            title=draw(text),
            effort=draw(st.none() | st.integers(1, 5)),
            horizon=draw(st.none() | st.sampled_from(("now", "next", "later"))),
            owner=draw(text),
            status=draw(st.sampled_from(("open", "doing", "done", "dropped"))),
            reviewed=draw(st.none() | st.dates()),
            note=draw(text),
        )
        for iid in item_ids
    )
    votes = tuple(
        Vote(
            participant=draw(name),
            item=draw(st.sampled_from(item_ids)),
            dots=draw(st.integers(1, 5)),
        )
        for _ in range(draw(st.integers(0, 3) if item_ids else st.just(0)))
    )
    questions = draw(st.lists(st.tuples(slug, slug).map(".".join), max_size=3, unique=True))
    assessment = tuple(
        Answer(
            question=question,
            score=None if not_applicable else draw(st.none() | st.integers(1, 5)),
            not_applicable=not_applicable,
            note=draw(text),
        )
        for question in questions
        for not_applicable in [draw(st.booleans())]
    )
    timebox = {
        step: StepTime(
            planned_minutes=draw(st.none() | st.integers(1, 600)),
            used_seconds=draw(st.integers(0, 10**6)),
        )
        for step in draw(st.lists(st.sampled_from(STEPS), unique=True, max_size=3))
    }
    created = draw(moment)
    return Session(
        title=draw(name),
        language=draw(st.sampled_from(LANGUAGES)),
        mode=draw(st.sampled_from(MODES)),
        shape=draw(st.sampled_from(SHAPES)),
        template=draw(text),
        created=created,
        updated=draw(moment),
        notes=draw(text),
        next_revisit=draw(st.none() | st.dates()),
        dots_per_participant=draw(st.integers(1, 20)),
        timebox={step: timebox[step] for step in STEPS if step in timebox},
        goals=tuple(
            Goal(id=gid, what=draw(name), why=draw(text), measure=draw(text))
            for gid in draw(_unique_slugs(draw(st.integers(0, 3))))
        ),
        personas=personas,
        phases=phases,
        touchpoints=touchpoints,
        plots=tuple(plots),
        roadmap=roadmap,
        votes=votes,
        assessment=assessment,
        parking_lot=tuple(
            ParkingNote(text=draw(name), done=draw(st.booleans()))
            for _ in range(draw(st.integers(0, 2)))
        ),
    )
