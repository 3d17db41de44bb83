"""The walk's card: one persona at one touchpoint, and what they live through there.

From top to bottom: how far the walk is, who the persona is (their description, need, trigger,
where they find us, expectations and frustrations: folded away with one key), the touchpoint
and its phase, the stage behind it
(interactions, blueprint, figures: only what it has), today's feeling with the one we want and
their marks of evidence, the action and the quote, the pain points and opportunities, and what
earlier personas answered there. The step says what to show (``show``); the card keeps the
notes it lists, so the keys that act on a note know which one is highlighted.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.widgets import Input, Label, OptionList, Static

from cjworkshop.i18n import Translator
from cjworkshop.model.queries import phases_by_id, plot_for
from cjworkshop.model.session import Persona, Session, Touchpoint
from cjworkshop.ui.steps.plot_card import NoteKind, feeling, heading, note_options, others
from cjworkshop.ui.steps.plot_evidence import mark
from cjworkshop.ui.steps.plot_stage import stage
from cjworkshop.ui.widgets.fields import LineField
from cjworkshop.ui.widgets.text import TextLabel, TextPanel

PERSONA_LINES = ("needs", "triggers", "finds_us", "expectations", "frustrations")
"""What the card says of the persona after their description, by catalog key (``walk_persona``)."""


def persona_card(tr: Translator, persona: Persona, *, shown: bool = True) -> Text:
    """Who the persona is, a line for each thing known of them; folded, a line saying how to
    show it. Nothing for a persona known by name only."""
    said = [
        (name, " ".join(getattr(persona, name).split()))
        for name in PERSONA_LINES
        if getattr(persona, name).strip()
    ]
    description = " ".join(persona.description.split())
    text = Text()
    if not (description or said):
        return text
    if not shown:
        return Text(tr("walk_persona.folded", persona=persona.name), style="dim")
    if description:
        text.append(description, style="italic")
    for name, value in said:
        if text:
            text.append("\n")
        text.append(tr(f"walk_persona.{name}") + " ", style="bold dim")
        text.append(value)
    return text


class WalkCard(VerticalScroll, can_focus=True, inherit_bindings=False):
    """The card of the plot the walk is on."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up", "scroll_up", show=False),
        Binding("down", "scroll_down", show=False),
        Binding("home", "scroll_home", show=False),
        Binding("end", "scroll_end", show=False),
    ]
    """A card taller than the terminal scrolls by line (and to its top and end) only: PgUp and
    PgDn jump a phase, and ← and → walk on, however much of the card is in view."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.notes: list[tuple[NoteKind, int]] = []
        """The notes listed on the card, in their order."""

    def compose(self) -> ComposeResult:
        yield TextPanel(id="walk-progress", classes="section")
        yield TextPanel(id="walk-persona")
        yield TextPanel(id="walk-touchpoint")
        yield TextPanel(id="walk-stage")
        yield TextPanel(id="walk-status")
        with Vertical(id="walk-fields"):
            yield TextLabel(id="walk-action-label", classes="field-label")
            yield LineField(id="walk-action", max_length=500)
            yield TextLabel(id="walk-thought-label", classes="field-label")
            yield LineField(id="walk-thought", max_length=500)
            yield TextLabel(id="walk-notes-label", classes="field-label")
            yield OptionList(id="walk-notes")
        yield TextPanel(id="walk-others", classes="others")

    def show(
        self,
        tr: Translator,
        session: Session,
        persona: Persona,
        touchpoint: Touchpoint,
        position: tuple[int, int],
        *,
        persona_shown: bool = True,
    ) -> None:
        """``persona`` at ``touchpoint``, the ``position``-th (from 1) of so many; who the
        persona is unless ``persona_shown`` is off."""
        phase = phases_by_id(session)[touchpoint.phase]
        plot = plot_for(session, persona.id, touchpoint.id)
        number, total = position
        self.query_one("#walk-progress", Static).update(
            tr("walk.progress", number=number, total=total, persona=persona.name)
        )
        who = persona_card(tr, persona, shown=persona_shown)
        persona_panel = self.query_one("#walk-persona", Static)
        persona_panel.display = bool(who)
        persona_panel.update(who)
        self.query_one("#walk-touchpoint", Static).update(heading(tr, touchpoint, phase))
        behind = stage(tr, touchpoint)
        stage_panel = self.query_one("#walk-stage", Static)
        stage_panel.display = bool(behind)
        stage_panel.update(behind)
        self.query_one("#walk-status", Static).update(feeling(tr, plot))
        self.query_one("#walk-fields").display = plot is None or plot.relevant
        self.query_one("#walk-action-label", Label).update(tr("walk.action"))
        thought_label = Text(tr("walk.thought"))
        if plot is not None and plot.thought_evidence is not None:
            thought_label.append("  ").append(mark(tr, plot.thought_evidence, plot.thought_source))
        self.query_one("#walk-thought-label", Label).update(thought_label)
        self.query_one("#walk-notes-label", Label).update(tr("walk.notes"))
        for field_id, value in (
            ("walk-action", plot.action if plot else ""),
            ("walk-thought", plot.thought if plot else ""),
        ):
            field = self.query_one(f"#{field_id}", Input)
            if not field.has_focus:  # what is being typed there stays
                field.value = value
        entries, self.notes = note_options(tr, plot)
        listed = self.query_one("#walk-notes", OptionList)
        kept = listed.highlighted  # a note just marked keeps the cursor
        listed.set_options(entries)
        if kept is not None and kept < len(self.notes):
            listed.highlighted = kept
        self.query_one("#walk-others", Static).update(others(tr, session, persona, touchpoint))

    def highlighted_note(self) -> tuple[NoteKind, int] | None:
        """The note under the cursor of the list of notes, when the list has the focus."""
        listed = self.query_one("#walk-notes", OptionList)
        highlighted = listed.highlighted
        if listed.has_focus and highlighted is not None and highlighted < len(self.notes):
            return self.notes[highlighted]
        return None

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        # Tabbing into the notes puts the cursor on the first one, so Enter, d and e act on a
        # note the facilitator can see, not on the feeling behind an empty cursor.
        listed = self.query_one("#walk-notes", OptionList)
        if event.widget is listed and listed.highlighted is None and self.notes:
            listed.highlighted = 0
