"""A session diff told to people: ``diff_text`` in plain sentences, ``diff_markdown`` as a document.

Both start with a summary line ("1 touchpoint better, 1 pain point solved") and then list the
changes per section, naming records by their names in the new version (the old one for what was
removed), never by id. The wording lives in the translation catalogs; the user's own text is
escaped for Markdown and kept as typed in ``diff_text``, which the command line and the app's
review draw in a terminal. Each change carries its tone (better and solved are good, worse and
new pain bad), so a terminal can colour what the words say.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from cjworkshop.export.diff_detail_text import detail_line, evidence_line, target_line
from cjworkshop.export.escape import inline
from cjworkshop.export.explain import horizon_name
from cjworkshop.i18n import Translator
from cjworkshop.model.diff import (
    EmotionChange,
    EmotionDirection,
    PainChange,
    RecordChange,
    RoadmapChange,
    RoadmapState,
    SessionDiff,
)
from cjworkshop.model.emotion import GLYPHS, NAMES, signed
from cjworkshop.model.session import Session

Tone = Literal["good", "bad", "plain"]
Escape = Callable[[str], str]


@dataclass(frozen=True, slots=True)
class DiffLine:
    """One change in words, and whether it is for the better, the worse or neither."""

    text: str
    tone: Tone = "plain"


@dataclass(frozen=True, slots=True)
class DiffSection:
    """The changes of one kind (records, feelings, pain points, roadmap) under a heading."""

    heading: str
    lines: tuple[DiffLine, ...]


@dataclass(frozen=True, slots=True)
class DiffText:
    """A diff in words: a title, the summary line, and the changes section by section."""

    title: str
    summary: str
    sections: tuple[DiffSection, ...]


@dataclass(frozen=True, slots=True)
class _Names:
    """Human names by id, from the new version first and the old one for what is gone."""

    personas: dict[str, str]
    touchpoints: dict[str, str]

    @classmethod
    def of(cls, old: Session, new: Session) -> _Names:
        return cls(
            personas={p.id: p.name for p in (*old.personas, *new.personas)},
            touchpoints={t.id: t.name for t in (*old.touchpoints, *new.touchpoints)},
        )


def summary_text(diff: SessionDiff, tr: Translator) -> str:
    """``1 touchpoint better, 1 pain point solved, 1 touchpoint renamed.``, or "no differences"."""
    if diff.is_empty:
        return tr("diff.empty")
    counts = diff.summary
    parts = [
        tr.count(f"diff.summary.{name}", number)
        for name, number in (
            ("touchpoints_better", counts.touchpoints_better),
            ("touchpoints_worse", counts.touchpoints_worse),
            ("touchpoints_mixed", counts.touchpoints_mixed),
            ("newly_plotted", counts.newly_plotted),
            ("no_longer_plotted", counts.no_longer_plotted),
            ("pains_new", counts.pains_new),
            ("pains_solved", counts.pains_solved),
            ("pains_severity", counts.pains_severity),
            ("touchpoints_detailed", counts.touchpoints_detailed),
            ("targets_changed", counts.targets_changed),
            ("evidence_changed", counts.evidence_changed),
        )
        if number
    ]
    parts += [tr.count(f"diff.summary.{kind}.{change}", n) for kind, change, n in counts.records]
    if counts.roadmap_changed:
        parts.append(tr.count("diff.summary.roadmap_changed", counts.roadmap_changed))
    return ", ".join(parts) + "."


def _feeling(tr: Translator, emotion: int | None) -> str:
    if emotion is None:
        return tr("emotion.empty")
    return f"{GLYPHS[emotion]} {signed(emotion)} {tr(f'emotion.{NAMES[emotion]}')}"


def _severity(tr: Translator, severity: int | None) -> str:
    return tr("diff.severity", value=severity) if severity is not None else tr("diff.unrated")


def _record_line(tr: Translator, change: RecordChange, user: Escape) -> DiffLine:
    return DiffLine(
        tr(
            f"diff.record.{change.kind}.{change.change}",
            old=user(change.old_name or ""),
            new=user(change.new_name or ""),
        )
    )


_EMOTION_TONES: dict[EmotionDirection, Tone] = {
    "better": "good",
    "worse": "bad",
    "plotted": "plain",
    "unplotted": "plain",
}


def _emotion_line(tr: Translator, change: EmotionChange, names: _Names, user: Escape) -> DiffLine:
    direction = change.direction
    delta = change.delta
    tone = _EMOTION_TONES[direction]
    return DiffLine(
        tr(
            f"diff.emotion.{direction}",
            persona=user(names.personas.get(change.persona, change.persona)),
            touchpoint=user(names.touchpoints.get(change.touchpoint, change.touchpoint)),
            old=_feeling(tr, change.old),
            new=_feeling(tr, change.new),
            delta=abs(delta) if delta is not None else "",
        ),
        tone,
    )


def _pain_line(tr: Translator, change: PainChange, names: _Names, user: Escape) -> DiffLine:
    tone: Tone = "plain"
    if change.change == "solved":
        tone = "good"
    elif change.change == "new":
        tone = "bad"
    elif change.old_severity is not None and change.new_severity is not None:
        tone = "bad" if change.new_severity > change.old_severity else "good"
    return DiffLine(
        tr(
            f"diff.pain.{change.change}",
            text=user(change.text),
            persona=user(names.personas.get(change.persona, change.persona)),
            touchpoint=user(names.touchpoints.get(change.touchpoint, change.touchpoint)),
            severity=_severity(tr, change.new_severity),
            old=_severity(tr, change.old_severity),
            new=_severity(tr, change.new_severity),
        ),
        tone,
    )


def _horizon(tr: Translator, state: RoadmapState) -> str:
    return tr(f"horizon.{state.horizon}") if state.horizon else tr("diff.follows_score")


def _roadmap_line(tr: Translator, change: RoadmapChange, user: Escape) -> DiffLine:
    item = user(change.title)
    old, new = change.old, change.new
    if old is None and new is not None:
        return DiffLine(tr("diff.roadmap.added", item=item, status=tr(f"status.{new.status}")))
    if old is None or new is None:
        return DiffLine(tr("diff.roadmap.removed", item=item))
    changes = []
    if change.status_changed:
        changes.append(
            tr(
                "diff.roadmap.status",
                old=tr(f"status.{old.status}"),
                new=tr(f"status.{new.status}"),
            )
        )
    if change.horizon_changed:
        changes.append(tr("diff.roadmap.horizon", old=_horizon(tr, old), new=_horizon(tr, new)))
    if change.rank_moved and old.rank is not None and new.rank is not None:
        # The horizon says which way it went when it changed: Later to Next is up, even when
        # new items above it push its rank number from 5 to 7. Within a horizon, the rank does.
        steps = {"now": 0, "next": 1, "later": 2}
        old_place, new_place = old.place or "later", new.place or "later"
        up = steps[new_place] < steps[old_place] if new_place != old_place else new.rank < old.rank
        changes.append(
            tr(
                f"diff.roadmap.rank_{'up' if up else 'down'}",
                old=old.rank,
                new=new.rank,
                old_horizon=horizon_name(tr, old.place or "later"),
                new_horizon=horizon_name(tr, new.place or "later"),
            )
        )
    return DiffLine(tr("diff.roadmap.changed", item=item, changes="; ".join(changes)))


def _sections(
    diff: SessionDiff, old: Session, new: Session, tr: Translator, user: Escape
) -> tuple[DiffSection, ...]:
    names = _Names.of(old, new)

    def persona(key: str) -> str:
        return user(names.personas.get(key, key))

    def touchpoint(key: str) -> str:
        return names.touchpoints.get(key, key)

    def place(key: str) -> str:
        return user(touchpoint(key))

    def evidence_tone(new: str | None) -> Tone:
        return "good" if new == "observed" else "plain"

    sections = [
        ("records", [_record_line(tr, change, user) for change in diff.records]),
        ("emotions", [_emotion_line(tr, change, names, user) for change in diff.emotions]),
        ("pains", [_pain_line(tr, change, names, user) for change in diff.pains]),
        ("details", [DiffLine(detail_line(tr, c, touchpoint, user)) for c in diff.details]),
        (
            "targets",
            [
                DiffLine(target_line(tr, c, persona(c.persona), place(c.touchpoint)))
                for c in diff.targets
            ],
        ),
        (
            "evidence",
            [
                DiffLine(
                    evidence_line(tr, c, persona(c.persona), place(c.touchpoint), user),
                    evidence_tone(c.new),
                )
                for c in diff.evidence
            ],
        ),
        ("roadmap", [_roadmap_line(tr, change, user) for change in diff.roadmap]),
    ]
    return tuple(
        DiffSection(tr(f"diff.section.{key}"), tuple(lines)) for key, lines in sections if lines
    )


def _as_typed(text: str) -> str:
    return text


def diff_text(diff: SessionDiff, old: Session, new: Session, tr: Translator) -> DiffText:
    """The diff in words, the user's text in it as typed (nothing escaped)."""
    return DiffText(
        tr("diff.title", title=new.title),
        summary_text(diff, tr),
        _sections(diff, old, new, tr, _as_typed),
    )


def diff_markdown(diff: SessionDiff, old: Session, new: Session, tr: Translator) -> str:
    """The diff as a Markdown document: a heading, the summary, then one list per section."""
    parts = [f"# {tr('diff.title', title=inline(new.title))}", summary_text(diff, tr)]
    for section in _sections(diff, old, new, tr, inline):
        parts.append(f"## {section.heading}")
        parts.append("\n".join(f"- {line.text}" for line in section.lines))
    return "\n\n".join(parts) + "\n"
