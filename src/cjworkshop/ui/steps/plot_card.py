"""The card of one plot in the walk: what it says, and how its notes change the plot.

The walk shows one persona at one touchpoint: the touchpoint, the feeling noted there, the
notes (pain points and opportunities) and what the other personas answered at the same
touchpoint. A note has a form of its own: a pain point's text (as long as a name may be) and
its severity, an opportunity's text; the answer is added to the plot, or written over the note
it edits.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from msgspec.structs import replace
from rich.text import Text
from textual.widgets.option_list import Option

from cjworkshop.export.stage import channel_word
from cjworkshop.i18n import Translator
from cjworkshop.model.emotion import GLYPHS, NAMES
from cjworkshop.model.queries import plots_at_touchpoint
from cjworkshop.model.session import (
    NAME_LENGTH,
    Opportunity,
    PainPoint,
    Persona,
    Phase,
    Plot,
    Session,
    Touchpoint,
)
from cjworkshop.ui.modals.form_spec import Answers, Choice, FormSpec, choice_field, line_field
from cjworkshop.ui.steps.plot_evidence import emotion_words, mark, target

NoteKind = Literal["pain", "idea"]
"""A note of the walk at a plot: a pain point or an opportunity."""


@dataclass(frozen=True)
class NoteAnswer:
    """What the form of a pain point or an opportunity says: its text, and a pain's severity."""

    text: str
    severity: int | None = None


def heading(tr: Translator, touchpoint: Touchpoint, phase: Phase) -> Text:
    """The touchpoint: its name, phase, channel and kind, and what it is."""
    text = Text(touchpoint.name, style="bold")
    channel = channel_word(tr, touchpoint.channel, touchpoint.channel_name)
    text.append(
        f"\n{tr('walk.phase', phase=phase.name)} · {channel} · {tr(f'kind.{touchpoint.kind}')}",
        style="dim",
    )
    if touchpoint.description:
        text.append("\n" + touchpoint.description, style="italic")
    return text


def feeling(tr: Translator, plot: Plot | None) -> Text:
    """The feeling noted at the plot (or that it was skipped), and a moment of truth."""
    text = Text()
    if plot is not None and not plot.relevant:
        text.append(f"— {tr('emotion.skipped')}", style="bold")
        text.append("  " + tr("walk.skipped_hint"), style="dim")
        return text
    text.append(tr("walk.emotion") + " ", style="bold")
    if plot is None or plot.emotion is None:
        text.append(tr("emotion.none"), style="dim italic")
        text.append("  " + tr("walk.emotion_hint"), style="dim")
    else:
        text.append(emotion_words(tr, plot.emotion))
    if plot is not None:
        text.append(target(tr, plot))
        if plot.emotion_evidence is not None:
            text.append("   ").append(mark(tr, plot.emotion_evidence, plot.emotion_source))
    if plot is not None and plot.moment_of_truth:
        text.append("   ★ " + tr("walk.moment_of_truth"), style="bold")
    return text


def note_options(
    tr: Translator, plot: Plot | None
) -> tuple[list[Option], list[tuple[NoteKind, int]]]:
    """The plot's notes as a list shows them, and which note each line is."""
    entries: list[Option] = []
    notes: list[tuple[NoteKind, int]] = []
    for index, pain in enumerate(plot.pain_points if plot else ()):
        severity = str(pain.severity) if pain.severity is not None else "?"
        line = Text.assemble(("⚠ ", "bold"), (f"{severity} ", "bold"), pain.text)
        entries.append(Option(_marked(line, mark(tr, pain.evidence, pain.source))))
        notes.append(("pain", index))
    for index, idea in enumerate(plot.opportunities if plot else ()):
        line = Text.assemble(("✦ ", "bold"), idea.text)
        entries.append(Option(_marked(line, mark(tr, idea.evidence, idea.source))))
        notes.append(("idea", index))
    if not entries:
        entries.append(Option(Text(tr("walk.no_notes"), style="dim italic"), disabled=True))
    return entries, notes


def _marked(line: Text, marked: Text) -> Text:
    """A note's line with its mark of evidence after it, when it has one."""
    return line.append("  ").append(marked) if marked else line


def others(tr: Translator, session: Session, persona: Persona, touchpoint: Touchpoint) -> Text:
    """What the other personas answered at the touchpoint."""
    names = {p.id: p.name for p in session.personas}
    text = Text(tr("walk.others") + "\n", style="bold dim")
    found = False
    for plot in plots_at_touchpoint(session, touchpoint.id):
        if plot.persona == persona.id:
            continue
        found = True
        text.append(f"{names.get(plot.persona, plot.persona)}: ", style="bold")
        if not plot.relevant:
            text.append(tr("emotion.skipped"), style="dim")
        elif plot.emotion is not None:
            text.append(f"{GLYPHS[plot.emotion]} {tr(f'emotion.{NAMES[plot.emotion]}')}")
        if plot.thought:
            text.append(f"  “{' '.join(plot.thought.split())}”", style="italic")
        for pain in plot.pain_points:
            text.append(f"  ⚠ {' '.join(pain.text.split())}")
        text.append("\n")
    if not found:
        text.append(tr("walk.no_others"), style="dim italic")
    return text


def note_form(
    tr: Translator, kind: NoteKind, plot: Plot, index: int | None
) -> FormSpec[NoteAnswer]:
    """The form of a new note of the plot (``index`` None) or of the one at ``index``."""
    pain = plot.pain_points[index] if kind == "pain" and index is not None else None
    idea = plot.opportunities[index].text if kind == "idea" and index is not None else ""
    text = line_field(
        "text",
        tr(f"walk.{kind}.text"),
        pain.text if pain else idea,
        required=True,
        hint=tr(f"walk.{kind}.hint"),
        max_length=NAME_LENGTH if kind == "pain" else 0,
    )
    severities = [Choice(str(n), n, tr(f"severity.{n}")) for n in range(1, 6)]
    severity = choice_field(
        "severity",
        tr("walk.pain.severity"),
        pain.severity if pain and pain.severity else 3,
        severities,
    )

    def read(answers: Answers) -> NoteAnswer:
        said = " ".join(answers[text].split())
        return NoteAnswer(said, answers[severity] if kind == "pain" else None)

    title = tr(f"walk.{kind}.add" if index is None else f"walk.{kind}.edit")
    return FormSpec(title, (text, severity) if kind == "pain" else (text,), read)


def with_note(plot: Plot, kind: NoteKind, index: int | None, note: NoteAnswer) -> Plot:
    """``plot`` with the note added (``index`` None) or written over the note at ``index``; a
    plot with a note is relevant."""
    if kind == "pain":
        pains = list(plot.pain_points)
        if index is None:
            pains.append(PainPoint(text=note.text, severity=note.severity))
        else:  # what the note rests on stays with it
            pains[index] = replace(pains[index], text=note.text, severity=note.severity)
        return replace(plot, relevant=True, pain_points=tuple(pains))
    ideas = list(plot.opportunities)
    if index is None:
        ideas.append(Opportunity(text=note.text))
    else:
        ideas[index] = replace(ideas[index], text=note.text)
    return replace(plot, relevant=True, opportunities=tuple(ideas))


def without_note(plot: Plot, kind: NoteKind, index: int) -> Plot:
    """``plot`` without the note at ``index``."""
    if kind == "pain":
        return replace(plot, pain_points=plot.pain_points[:index] + plot.pain_points[index + 1 :])
    return replace(plot, opportunities=plot.opportunities[:index] + plot.opportunities[index + 1 :])
