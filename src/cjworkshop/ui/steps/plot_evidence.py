"""What the walk's notes, thoughts and feelings rest on, and the feeling we want at a plot.

One key marks what is in front of the facilitator: the note highlighted in the list of notes,
else the quote if it was the last thing given at this card, else the feeling. Each press moves
the mark on, unmarked → observed → assumed → unmarked; a second key opens a small form with the
same choice and a line for the source (a complaint log, an interview). The card shows each mark
beside what it marks, and the target feeling beside today's.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from msgspec.structs import replace
from rich.text import Text
from textual.binding import Binding, BindingType

from cjworkshop.i18n import Translator
from cjworkshop.model.emotion import GLYPHS, NAMES
from cjworkshop.model.session import Evidence, Plot
from cjworkshop.ui.modals.form_spec import Answers, Choice, FormSpec, choice_field, line_field

Marked = Literal["emotion", "thought", "pain", "idea"]
"""What a mark of evidence is on: the feeling, the quote, or a note of the plot."""

CYCLE: dict[Evidence | None, Evidence | None] = {
    None: "observed",
    "observed": "assumed",
    "assumed": None,
}
"""What one more press of the evidence key makes of a mark."""

GLYPH: dict[Evidence, str] = {"observed": "◉", "assumed": "○"}

TARGET_BINDINGS: list[BindingType] = [
    Binding("exclamation_mark", "target(1)", "key.target_1", show=False),
    Binding("at", "target(2)", "key.target_2", show=False),
    Binding("number_sign", "target(3)", "key.target_3", show=False),
    Binding("dollar_sign", "target(4)", "key.target_4", show=False),
    Binding("percent_sign", "target(5)", "key.target_5", show=False),
    Binding("right_parenthesis", "target(0)", "key.target_clear", show=False),
    Binding("g", "target_next", "key.target_next", show=False),
]
"""Shift+1 to Shift+5 set the feeling we want at the plot, Shift+0 clears it: the keys the
terminal sends for them on most layouts (``!`` to ``%``, and ``)``). Where Shift+digit sends
something else, g and then the digit does the same."""

DIGITS = frozenset("012345")
"""The keys that, after g, set the target feeling rather than today's."""


@dataclass(frozen=True)
class EvidenceAnswer:
    """What the evidence form says: the mark (None: not marked) and where it was seen."""

    evidence: Evidence | None
    source: str = ""


def evidence_of(plot: Plot, marked: Marked, index: int = 0) -> EvidenceAnswer:
    """The mark on the feeling, the quote or the note at ``index`` of ``plot``."""
    if marked == "emotion":
        return EvidenceAnswer(plot.emotion_evidence, plot.emotion_source)
    if marked == "thought":
        return EvidenceAnswer(plot.thought_evidence, plot.thought_source)
    note = plot.pain_points[index] if marked == "pain" else plot.opportunities[index]
    return EvidenceAnswer(note.evidence, note.source)


def with_evidence(plot: Plot, marked: Marked, index: int, answer: EvidenceAnswer) -> Plot:
    """``plot`` with the mark set; an unmarked thing keeps no source."""
    source = answer.source if answer.evidence is not None else ""
    if marked == "emotion":
        return replace(plot, emotion_evidence=answer.evidence, emotion_source=source)
    if marked == "thought":
        return replace(plot, thought_evidence=answer.evidence, thought_source=source)
    if marked == "pain":
        pains = list(plot.pain_points)
        pains[index] = replace(pains[index], evidence=answer.evidence, source=source)
        return replace(plot, pain_points=tuple(pains))
    ideas = list(plot.opportunities)
    ideas[index] = replace(ideas[index], evidence=answer.evidence, source=source)
    return replace(plot, opportunities=tuple(ideas))


def cycled(plot: Plot, marked: Marked, index: int = 0) -> Plot:
    """``plot`` with the mark moved on one step; the source stays until the mark is taken off."""
    now = evidence_of(plot, marked, index)
    return with_evidence(plot, marked, index, EvidenceAnswer(CYCLE[now.evidence], now.source))


def mark(tr: Translator, evidence: Evidence | None, source: str = "") -> Text:
    """``◉ observed: complaint log``, ``○ assumed``, or nothing for an unmarked thing."""
    if evidence is None:
        return Text()
    said = f"{GLYPH[evidence]} {tr(f'walk_evidence.{evidence}')}"
    if source:
        said += f": {source}"
    return Text(said, style="bold" if evidence == "observed" else "italic")


def emotion_words(tr: Translator, emotion: int) -> Text:
    """A feeling as glyph and word, coloured by its side of the scale."""
    style = "red" if emotion < 0 else "green" if emotion > 0 else ""
    return Text(f"{GLYPHS[emotion]} {tr(f'emotion.{NAMES[emotion]}')}", style=style)


def target(tr: Translator, plot: Plot) -> Text:
    """`` → target ▲ positive``, or nothing when the plot has no target feeling."""
    if plot.target_emotion is None:
        return Text()
    return Text.assemble(
        (f" → {tr('walk_evidence.target')} ", "bold"), emotion_words(tr, plot.target_emotion)
    )


def evidence_form(
    tr: Translator, plot: Plot, marked: Marked, index: int
) -> FormSpec[EvidenceAnswer]:
    """The form of one mark: where it was seen first (the quickest thing to type), then
    observed, assumed or not marked; an unmarked thing is offered as observed, as a source
    is what an observation has."""
    now = evidence_of(plot, marked, index)
    source = line_field(
        "source",
        tr("walk_evidence.source"),
        now.source,
        hint=tr("walk_evidence.source_hint"),
        max_length=200,
    )
    choices: list[Choice[Evidence | None]] = [
        Choice("observed", "observed", tr("walk_evidence.observed_long")),
        Choice("assumed", "assumed", tr("walk_evidence.assumed_long")),
        Choice("none", None, tr("walk_evidence.none_long")),
    ]
    evidence = choice_field(
        "evidence", tr("walk_evidence.question"), now.evidence or "observed", choices
    )

    def read(answers: Answers) -> EvidenceAnswer:
        return EvidenceAnswer(answers[evidence], " ".join(answers[source].split()))

    return FormSpec(tr(f"walk_evidence.title_{marked}"), (source, evidence), read)
