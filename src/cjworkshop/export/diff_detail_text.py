"""The changes behind the touchpoints, in target feelings and in evidence, told in words.

The lines ``diff_text`` adds for the comparisons of ``model.diff_details``: one sentence per
change, naming the persona and touchpoint by name, the user's text passed through ``user`` (as
typed for a terminal, escaped for Markdown). A note that now rests on what was observed is good
news; every other change here is plain, since a figure going up is not better by itself.
"""

from __future__ import annotations

from collections.abc import Callable

from cjworkshop.i18n import Translator
from cjworkshop.model.diff_details import (
    ChannelRef,
    EvidenceChange,
    InteractionChange,
    MetricChange,
    StageChange,
    TargetChange,
    TouchpointDetailChange,
)
from cjworkshop.model.emotion import GLYPHS, NAMES, signed
from cjworkshop.model.metric_lines import number
from cjworkshop.model.session import Evidence, Metric

Escape = Callable[[str], str]
Named = Callable[[str], str]
"""A persona's or touchpoint's name by its id."""


def _channel(tr: Translator, ref: ChannelRef | None, user: Escape) -> str:
    if ref is None:
        return ""
    return user(ref.name) if ref.channel == "other" and ref.name else tr(f"channel.{ref.channel}")


def _figure(tr: Translator, metric: Metric | None, user: Escape) -> str:
    if metric is None:
        return ""
    value = f"{tr.decimal(number(metric.value))} {user(metric.unit)}".strip()
    if metric.date is None:
        return value
    return tr("diff.metric.on", value=value, date=metric.date.isoformat())


def detail_line(
    tr: Translator, change: TouchpointDetailChange, touchpoint: Named, user: Escape
) -> str:
    """One change of an interaction, a blueprint text or a figure."""
    where = user(touchpoint(change.touchpoint))
    if isinstance(change, InteractionChange):
        return tr(
            f"diff.interaction.{change.change}",
            touchpoint=where,
            name=user(change.name),
            old=_channel(tr, change.old_channel, user),
            new=_channel(tr, change.new_channel, user),
        )
    if isinstance(change, StageChange):
        return tr(
            f"diff.stage.{change.change}",
            touchpoint=where,
            field=tr(f"diff.stage_field.{change.field}"),
            old=user(change.old),
            new=user(change.new),
        )
    return _metric_line(tr, change, where, user)


def _metric_line(tr: Translator, change: MetricChange, where: str, user: Escape) -> str:
    return tr(
        f"diff.metric.{change.change}",
        touchpoint=where,
        name=user(change.name),
        old=_figure(tr, change.old, user),
        new=_figure(tr, change.new, user),
    )


def _feeling(tr: Translator, emotion: int | None) -> str:
    if emotion is None:
        return tr("emotion.none")
    return f"{GLYPHS[emotion]} {signed(emotion)} {tr(f'emotion.{NAMES[emotion]}')}"


def target_line(tr: Translator, change: TargetChange, persona: str, touchpoint: str) -> str:
    """A target feeling set, changed or cleared; the names are already escaped."""
    return tr(
        f"diff.target.{change.change}",
        persona=persona,
        touchpoint=touchpoint,
        old=_feeling(tr, change.old),
        new=_feeling(tr, change.new),
    )


def _evidence(tr: Translator, evidence: Evidence | None, source: str, user: Escape) -> str:
    if evidence is None:
        return tr("diff.evidence_word.none")
    word = tr(f"diff.evidence_word.{evidence}")
    if not source.strip():
        return word
    return tr("export_v2.evidence.with_source", evidence=word, source=user(source))


def evidence_line(
    tr: Translator, change: EvidenceChange, persona: str, touchpoint: str, user: Escape
) -> str:
    """What a note rests on, before and after; the names are already escaped."""
    return tr(
        f"diff.evidence.{change.subject}",
        persona=persona,
        touchpoint=touchpoint,
        text=user(change.text),
        old=_evidence(tr, change.old, "", user),
        new=_evidence(tr, change.new, change.source, user),
    )
