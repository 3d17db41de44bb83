"""Why a roadmap item ranks where it does, in one line a room can check with a calculator.

``why(tr, item)`` spells out the formula of ``model.roadmap`` with the item's own numbers:
``severity 5 × 3 personas × weight 1.5 (Delivery) × feeling 1.375 (average −1.5) = impact 30.9;
effort 2 → score 15.5, 100% of the top score → Now``; where targets are set the feeling
names the gap to them, and an item that rests only on assumptions ends in a warning to check it
before building. An item made of self-assessment answers alone is explained in words to the
owner who gave them (``You answered 1 of 5 to: “…”; the Awareness phase weighs 1.5 times as
much; the effort is not estimated yet and counts as 3 → Now``): the numbers of its score are
the answer, the phase weight and the effort, and those are said as such. The app's roadmap
step, the Markdown roadmap and the CSV all use this one function. ``merge_note`` says in
words what a merge of two items kept where the two had decided differently; it goes into the
merged item's note.
"""

from __future__ import annotations

from collections.abc import Sequence

from cjworkshop.i18n import Translator
from cjworkshop.model.decisions import MergeReport, SetAside
from cjworkshop.model.emotion import signed
from cjworkshop.model.metric_lines import number
from cjworkshop.model.roadmap import UNSET_EFFORT, RankedItem, horizon_for
from cjworkshop.model.session import Mode

HORIZON_KEYS = {"now": "horizon.now", "next": "horizon.next", "later": "horizon.later"}


def horizon_name(tr: Translator, horizon: str) -> str:
    return tr(HORIZON_KEYS.get(horizon, "horizon.later"))


def quadrant_name(tr: Translator, item: RankedItem) -> str:
    """The item's quadrant in words: the ``quadrant.*`` texts the chart and the app show too."""
    return tr(f"quadrant.{item.quadrant}") if item.quadrant else tr("quadrant.none")


def why(tr: Translator, item: RankedItem) -> str:
    """The formula with this item's numbers, ending in its horizon; for an item of answers
    alone, the same numbers in words."""
    f = item.factors
    if all(e.answer is not None for e in item.evidence):
        return _answered(tr, item)
    if f.severity_set:
        severity = tr("why.severity", value=f.severity)
    else:
        severity = tr("why.severity_unset", value=f.severity)
    parts = [severity, tr.count("why.personas", f.personas)]
    if f.weight_phase is not None:
        parts.append(tr("why.weight", value=tr.decimal(number(f.weight)), phase=f.weight_phase))
    if f.average_emotion is not None and f.average_target is not None and f.average_gap is not None:
        parts.append(
            tr(
                "why_target.feeling",
                value=tr.decimal(number(f.feeling)),
                gap=tr.decimal(signed(f.average_gap, 2)),
                today=tr.decimal(signed(f.average_emotion, 2)),
                target=tr.decimal(signed(f.average_target, 2)),
            )
        )
    elif f.average_emotion is not None:
        parts.append(
            tr(
                "why.feeling",
                value=tr.decimal(number(f.feeling)),
                average=tr.decimal(signed(f.average_emotion, 2)),
            )
        )
    if f.dots:
        parts.append(tr.count("why.dots", f.dots, factor=tr.decimal(number(1 + f.dots / 10))))
    formula = " × ".join(parts) + " = " + tr("why.impact", value=tr.decimal(number(f.impact)))
    if f.effort_set:
        effort = tr("why.effort", value=f.effort)
    else:
        effort = tr("why.effort_unset", value=UNSET_EFFORT)
    share = round(100 * f.score / item.top_score) if item.top_score else 100
    scored = tr("why.score", value=tr.decimal(number(f.score)), percent=share)
    explained = f"{formula}; {effort} → {scored} → {_ending(tr, item, 'why.horizon_set')}"
    if item.assumed:
        explained += "; " + tr("why_evidence.assumed")
    return explained


def _ending(tr: Translator, item: RankedItem, overridden: str) -> str:
    """Where the item is: its horizon, the one chosen over the score's, or done or dropped."""
    if item.horizon_overridden:
        computed = horizon_for(item.factors.score, item.top_score)
        return tr(
            overridden, horizon=horizon_name(tr, item.horizon), computed=horizon_name(tr, computed)
        )
    if item.status in ("done", "dropped"):
        return tr(f"why.closed.{item.status}")
    return tr("why.horizon", horizon=horizon_name(tr, item.horizon))


def _answered(tr: Translator, item: RankedItem) -> str:
    """``You answered 1 of 5 to: “…”; the Awareness phase weighs 1.5 times as much; effort 2
    of 5 → Now``: what ranks an item of answers, in the words of the one who answered."""
    f = item.factors
    parts = [tr("why_answer.told", answer=e.answer, question=e.question) for e in item.evidence]
    if f.weight_phase is not None and f.weight != 1:
        parts.append(
            tr("why_answer.weight", phase=f.weight_phase, value=tr.decimal(number(f.weight)))
        )
    if f.dots:
        parts.append(tr.count("why_answer.dots", f.dots))
    if f.effort_set:
        parts.append(tr("why_answer.effort", value=f.effort))
    else:
        parts.append(tr("why_answer.effort_unset", value=UNSET_EFFORT))
    return "; ".join(parts) + " → " + _ending(tr, item, "why_answer.horizon_set")


def how_it_ranks(tr: Translator, mode: Mode, items: Sequence[RankedItem]) -> tuple[str, list[str]]:
    """The heading and the paragraphs that say how the roadmap is ranked: to an owner alone in
    words, to a room as the formula; a self-assessment that went deeper (pain points, ideas)
    gets the formula after the words, since its items from the map are explained by it."""
    if mode != "self-assessment":
        return tr("export.formula.heading"), tr.items("export.formula.text")
    said = tr.items("solo.formula.text")
    if any(e.answer is None for item in items for e in item.evidence):
        said = said + tr.items("export.formula.text")
    return tr("solo.formula.heading"), said


def _decision(tr: Translator, field: str, value: str | int) -> str:
    if field == "status":
        return tr(f"status.{value}")
    if field == "horizon":
        return horizon_name(tr, str(value))
    return str(value)


def _set_aside(tr: Translator, choice: SetAside) -> str:
    return tr(
        f"merged.{choice.field}",
        kept=_decision(tr, choice.field, choice.kept),
        other=_decision(tr, choice.field, choice.other),
        source=choice.source,
    )


def merge_note(tr: Translator, report: MergeReport) -> str:
    """``Merged with “Faster pages”. Where the two differed: status doing (“Slow site” had
    dropped), effort 4 (“Faster pages” had 2).``"""
    note = tr("merged.note", other=report.absorbed)
    if report.set_aside:
        choices = ", ".join(_set_aside(tr, choice) for choice in report.set_aside)
        note += " " + tr("merged.differed", choices=choices)
    return note
