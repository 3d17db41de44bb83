"""Plotting: walk one persona through every touchpoint and write down what they live through.

The walk shows one touchpoint at a time, in journey order, with the stage behind it and what
earlier personas answered there. Everything is one key away: 1-5 sets the emotion and Shift+1-5
(or g and a digit) the emotion we want, x skips a touchpoint that is not relevant to this
persona, a and q jump into the action and the quote, P and o add a pain point or an
opportunity, e marks what the highlighted note, else the quote or feeling given last, rests on
(E with its source), m marks a moment of truth, n and b go forward and back, PgDn and PgUp jump
a phase, s chooses the persona and i folds away who they are. Every answer is committed (and
saved) as it is given.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from msgspec.structs import replace
from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from cjworkshop.model import edits
from cjworkshop.model.emotion import from_key
from cjworkshop.model.queries import (
    is_plotted,
    plot_for,
    touchpoints_in_order,
)
from cjworkshop.model.session import Persona, Plot, Touchpoint
from cjworkshop.ui.modals.form_spec import FormValues
from cjworkshop.ui.steps.base import (
    FEELING_BINDINGS,
    NOTHING_ASKED,
    Asked,
    DraftDone,
    DraftTyped,
    FormRequest,
    PhaseFocused,
    StepContext,
    StepView,
)
from cjworkshop.ui.steps.plot_card import (
    NoteAnswer,
    NoteKind,
    note_form,
    with_note,
    without_note,
)
from cjworkshop.ui.steps.plot_evidence import (
    DIGITS,
    TARGET_BINDINGS,
    EvidenceAnswer,
    Marked,
    cycled,
    evidence_form,
    with_evidence,
)
from cjworkshop.ui.steps.walk_card import WalkCard
from cjworkshop.ui.widgets.text import TextPanel, first_line

if TYPE_CHECKING:
    from cjworkshop.store.drafts import Draft

FIELDS = {"action": "walk-action", "thought": "walk-thought"}
"""The walk's own fields: what they hold, and their widget."""
FIELD_NAMES = {widget: name for name, widget in FIELDS.items()}


class PlottingStep(StepView):
    """The walk of one persona through the journey, touchpoint by touchpoint."""

    STEP = "plotting"
    BINDINGS: ClassVar[list[BindingType]] = [
        *FEELING_BINDINGS,
        Binding("n,right", "walk(1)", "key.next_touchpoint"),
        Binding("b,left", "walk(-1)", "key.previous_touchpoint"),
        Binding("x", "skip", "key.skip"),
        Binding("a", "focus_field('walk-action')", "key.action"),
        Binding("q", "focus_field('walk-thought')", "key.quote"),
        Binding("P", "pain", "key.pain"),
        Binding("o", "opportunity", "key.opportunity"),
        Binding("m", "moment", "key.moment", show=False),
        Binding("pagedown", "jump_phase(1)", "key.next_phase", show=False),
        Binding("pageup", "jump_phase(-1)", "key.previous_phase", show=False),
        Binding("s", "choose_persona", "key.choose_persona"),
        Binding("i", "persona_card", "key.persona_card", show=False),
        Binding("d,delete", "delete_note", "key.delete", show=False),
        Binding("e", "evidence", "key.evidence"),
        Binding("E", "evidence_form", "key.evidence_source", show=False),
        *TARGET_BINDINGS,
    ]

    def __init__(self, context: StepContext) -> None:
        super().__init__(context)
        self.persona_id: str | None = None
        self.position = 0
        self.last_given: tuple[str, str, Marked] | None = None
        """Persona, touchpoint, and whether the quote or the feeling was given there last since
        the card was walked to: what the evidence key marks when no note is highlighted."""
        self.target_next = False
        """g was pressed: the next digit sets the target feeling, not today's."""
        self.persona_shown = True
        """The card says who the persona is (i folds it away, and back)."""

    def compose(self) -> ComposeResult:
        with Horizontal(classes="walk"):
            yield OptionList(id="walk-personas")
            yield WalkCard(id="walk-card")
        yield TextPanel(id="walk-keys", classes="hint keys-hint")
        yield TextPanel(classes="hint empty", id="walk-empty")

    # What is shown --------------------------------------------------------------------------

    @property
    def journey(self) -> list[Touchpoint]:
        return touchpoints_in_order(self.current)

    @property
    def persona(self) -> Persona | None:
        return next((p for p in self.current.personas if p.id == self.persona_id), None)

    @property
    def touchpoint(self) -> Touchpoint | None:
        journey = self.journey
        return journey[self.position] if 0 <= self.position < len(journey) else None

    @property
    def plot(self) -> Plot | None:
        persona, touchpoint = self.persona, self.touchpoint
        if persona is None or touchpoint is None:
            return None
        return plot_for(self.current, persona.id, touchpoint.id)

    def room_focus(self) -> tuple[str | None, str | None]:
        touchpoint = self.touchpoint
        return self.persona_id, touchpoint.id if touchpoint is not None else None

    def refresh_view(self) -> None:
        tr, session = self.tr, self.current
        ready = bool(session.personas and session.touchpoints)
        self.query_one(".walk").display = ready
        keys = self.query_one("#walk-keys")
        if ready:  # back to the style sheet's say, which hides the keys on a narrow terminal
            keys.styles.clear_rule("display")
        else:
            keys.display = False
        empty = self.query_one("#walk-empty", Static)
        empty.display = not ready
        empty.update(tr("walk.nothing"))
        if not ready:
            return
        if self.persona is None:
            self.start(session.personas[0].id)
            return
        self.position = min(self.position, len(self.journey) - 1)
        self._show_personas()
        self._show_card()

    def start(self, persona_id: str, touchpoint_id: str | None = None) -> None:
        """Walk ``persona_id``, from a given touchpoint or the first one still to plot."""
        self.persona_id = persona_id
        self.last_given = None
        journey = self.journey
        if touchpoint_id is not None:
            ids = [tp.id for tp in journey]
            self.position = ids.index(touchpoint_id) if touchpoint_id in ids else 0
        else:
            self.position = next(
                (
                    index
                    for index, tp in enumerate(journey)
                    if not is_plotted(plot_for(self.current, persona_id, tp.id))
                ),
                0,
            )
        self._show_personas()
        self._show_card()

    def _show_personas(self) -> None:
        session = self.current
        options = self.query_one("#walk-personas", OptionList)
        journey = self.journey
        entries = []
        for persona in session.personas:
            done = sum(1 for tp in journey if is_plotted(plot_for(session, persona.id, tp.id)))
            label = Text.assemble(
                (first_line(persona.name), "bold"), (f"\n{done}/{len(journey)}", "dim")
            )
            entries.append(Option(label, id=persona.id))
        options.set_options(entries)
        if self.persona_id is not None:
            options.highlighted = options.get_option_index(self.persona_id)

    def _show_card(self) -> None:
        persona, touchpoint = self.persona, self.touchpoint
        if persona is None or touchpoint is None:
            return
        position = (self.position + 1, len(self.journey))
        self.query_one(WalkCard).show(
            self.tr, self.current, persona, touchpoint, position, persona_shown=self.persona_shown
        )
        self.query_one("#walk-keys", Static).update(self.tr("walk.keys"))
        self.post_message(PhaseFocused(touchpoint.phase))

    def focus_main(self) -> None:
        self.query_one("#walk-card").focus()

    # Editing --------------------------------------------------------------------------------

    def _save_plot(self, plot: Plot, label_key: str) -> None:
        persona, touchpoint = self.persona, self.touchpoint
        if persona is None or touchpoint is None:
            return
        label = self.tr(label_key, persona=persona.name, touchpoint=touchpoint.name)
        self.edit(edits.set_plot(self.current, plot), label)

    def _current_or_new(self) -> Plot | None:
        persona, touchpoint = self.persona, self.touchpoint
        if persona is None or touchpoint is None:
            return None
        return self.plot or Plot(persona=persona.id, touchpoint=touchpoint.id)

    def on_key(self, event: events.Key) -> None:
        """Any key but a digit after g takes the g back (the digit's binding comes after)."""
        if event.character not in DIGITS and event.key != "g":
            self.target_next = False

    def action_target_next(self) -> None:
        self.target_next = True
        self.notify(self.tr("walk_evidence.target_next"))

    def action_emotion(self, key: int) -> None:
        if self.target_next:
            self.target_next = False
            self.action_target(key)
            return
        plot = self._current_or_new()
        if plot is None:
            return
        emotion = None if key == 0 else from_key(key)
        self._given("emotion")
        self._save_plot(replace(plot, relevant=True, emotion=emotion), "edit.plot.emotion")

    def action_target(self, key: int) -> None:
        plot = self._current_or_new()
        if plot is None:
            return
        emotion = None if key == 0 else from_key(key)
        self._save_plot(
            replace(plot, relevant=True, target_emotion=emotion), "walk_evidence.edit_target"
        )

    def _given(self, what: Marked) -> None:
        persona, touchpoint = self.persona, self.touchpoint
        if persona is not None and touchpoint is not None:
            self.last_given = (persona.id, touchpoint.id, what)

    def _marked(self) -> tuple[Marked, int]:
        """What the evidence key marks: the highlighted note in the list of notes when the list
        has the focus, else the quote if it was given last at this plot, else the feeling."""
        note = self.query_one(WalkCard).highlighted_note()
        if note is not None:
            return note
        persona, touchpoint = self.persona, self.touchpoint
        if (
            persona is not None
            and touchpoint is not None
            and self.last_given == (persona.id, touchpoint.id, "thought")
        ):
            return "thought", 0
        return "emotion", 0

    def _markable(self) -> tuple[Plot, Marked, int] | None:
        """The plot and what the evidence key marks on it, or None (and why) when it has none."""
        plot = self.plot
        if plot is not None and not plot.relevant:
            self.notify(self.tr("walk.skipped_hint"))
            return None
        marked, index = self._marked()
        if plot is None or (marked == "emotion" and plot.emotion is None):
            self.notify(self.tr("walk_evidence.nothing"))
            return None
        return plot, marked, index

    def action_evidence(self) -> None:
        """E moves the mark of what is in front of the room on: observed, assumed, unmarked."""
        found = self._markable()
        if found is not None:
            self._save_plot(cycled(*found), "walk_evidence.edit")

    async def action_evidence_form(self) -> None:
        """Shift+E opens the mark of what is in front of the room, with a line for its source."""
        found = self._markable()
        if found is not None:
            await self._evidence_form(*found)

    def _evidence_form(
        self, plot: Plot, marked: Marked, index: int, initial: FormValues | None = None
    ) -> Asked:
        def saved(answer: EvidenceAnswer) -> None:
            fresh = self.plot
            if fresh is not None:
                self._save_plot(with_evidence(fresh, marked, index, answer), "walk_evidence.edit")

        form = evidence_form(self.tr, plot, marked, index)
        where = {**self._where(index), "marked": marked}
        return self.ask(FormRequest("plotting.evidence", form, saved, where, initial))

    def action_skip(self) -> None:
        plot = self._current_or_new()
        if plot is not None:
            self._save_plot(replace(plot, relevant=not plot.relevant), "edit.plot.relevant")

    def action_moment(self) -> None:
        plot = self._current_or_new()
        if plot is not None:
            self._save_plot(
                replace(plot, moment_of_truth=not plot.moment_of_truth), "edit.plot.moment"
            )

    def action_focus_field(self, field_id: str) -> None:
        plot = self.plot
        if plot is not None and not plot.relevant:
            self.notify(self.tr("walk.skipped_hint"))
            return
        self.query_one(f"#{field_id}", Input).focus()

    @on(Input.Submitted)
    def _field_done(self, event: Input.Submitted) -> None:
        event.stop()
        self._store_field(event.input)
        self.focus_main()

    @on(Input.Blurred)
    def _field_left(self, event: Input.Blurred) -> None:
        self._store_field(event.input)

    @on(Input.Changed)
    def _field_typed(self, event: Input.Changed) -> None:
        """Text typed in the action or the quote is kept as a draft until it is stored."""
        field = event.input
        if not field.has_focus or field.id not in FIELD_NAMES:
            return  # filled in by the step itself, not typed
        context = {**self._where(None), "field": FIELD_NAMES[field.id]}
        self.post_message(DraftTyped("plotting.field", context, {"text": field.value}))

    def _store_field(self, field: Input) -> None:
        plot = self._current_or_new()
        if plot is None or field.id not in FIELD_NAMES:
            return
        value = " ".join(field.value.split())
        name = FIELD_NAMES[field.id]
        if name == "thought":  # a quote given is what e marks next; an emptied one is not
            self._given("thought" if value else "emotion")
        if getattr(plot, name) != value:
            changed = replace(plot, **{name: value})
            if name == "thought" and not value:  # a mark on no quote says nothing: it goes too
                changed = replace(changed, thought_evidence=None, thought_source="")
            self._save_plot(changed, f"edit.plot.{name}")
        self.post_message(DraftDone())  # after the edit: the screen commits it first

    def action_walk(self, offset: int) -> None:
        journey = self.journey
        if not journey:
            return
        self.position = max(0, min(len(journey) - 1, self.position + offset))
        self.last_given = None  # a card walked to starts from its feeling
        self._show_card()
        self.focus_main()

    def action_jump_phase(self, offset: int) -> None:
        journey = self.journey
        touchpoint = self.touchpoint
        if touchpoint is None:
            return
        phase_order = [p.id for p in self.current.phases]
        here = phase_order.index(touchpoint.phase)
        for target in (
            phase_order[here + offset :: offset] if offset > 0 else phase_order[:here][::-1]
        ):
            for index, candidate in enumerate(journey):
                if candidate.phase == target:
                    self.position = index
                    self.last_given = None
                    self._show_card()
                    return

    def action_persona_card(self) -> None:
        self.persona_shown = not self.persona_shown
        self._show_card()

    def action_choose_persona(self) -> None:
        self.query_one("#walk-personas", OptionList).focus()

    @on(OptionList.OptionSelected, "#walk-personas")
    def _persona_chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id is not None:
            self.start(event.option.id)
            self.focus_main()

    async def action_pain(self) -> None:
        await self._note_form("pain", None)

    async def action_opportunity(self) -> None:
        await self._note_form("idea", None)

    def _where(self, index: int | None) -> dict[str, str]:
        """Where a form of the walk is open: persona, touchpoint, and the note it edits."""
        persona, touchpoint = self.persona, self.touchpoint
        context = {
            "persona": persona.id if persona else "",
            "touchpoint": touchpoint.id if touchpoint else "",
        }
        if index is not None:
            context["index"] = str(index)
        return context

    def _note_form(
        self, kind: NoteKind, index: int | None, initial: FormValues | None = None
    ) -> Asked:
        """The form of a new note (``index`` None) or of the one at ``index``."""
        plot = self._current_or_new()
        if plot is None:
            return NOTHING_ASKED

        def saved(note: NoteAnswer) -> None:
            fresh = self._current_or_new()
            if fresh is not None:
                self._save_plot(with_note(fresh, kind, index, note), f"edit.plot.{kind}")

        form = note_form(self.tr, kind, plot, index)
        return self.ask(FormRequest(f"plotting.{kind}", form, saved, self._where(index), initial))

    def restore_draft(self, draft: Draft) -> bool:
        """Back to the persona and touchpoint a form or field was open at, with its text."""
        context = draft.context
        persona_id, touchpoint_id = context.get("persona"), context.get("touchpoint")
        if persona_id is None or touchpoint_id is None:
            return False
        if persona_id not in {p.id for p in self.current.personas}:
            return False
        if touchpoint_id not in {t.id for t in self.journey}:
            return False
        self.start(persona_id, touchpoint_id)
        plot = self._current_or_new()
        assert plot is not None
        index = int(context["index"]) if context.get("index", "").isdigit() else None
        kinds: dict[str, NoteKind] = {"plotting.pain": "pain", "plotting.idea": "idea"}
        kind = kinds.get(draft.kind)
        if kind is not None:
            notes = plot.pain_points if kind == "pain" else plot.opportunities
            known = index is not None and index < len(notes)
            self._note_form(kind, index if known else None, draft.values)
            return True
        marks: dict[str, Marked] = {m: m for m in ("emotion", "thought", "pain", "idea")}
        marked = marks.get(context.get("marked", ""))
        if draft.kind == "plotting.evidence" and marked is not None:
            count = {"pain": len(plot.pain_points), "idea": len(plot.opportunities)}
            if index is None or index >= count.get(marked, 1):
                return False
            self._evidence_form(plot, marked, index, draft.values)
            return True
        if draft.kind == "plotting.field" and context.get("field") in FIELDS:
            field = self.query_one(f"#{FIELDS[context['field']]}", Input)
            field.focus()
            field.value = draft.values.get("text", "")
            return True
        return False

    @on(OptionList.OptionSelected, "#walk-notes")
    async def _note_chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        notes = self.query_one(WalkCard).notes
        if event.option_index < len(notes):
            await self._note_form(*notes[event.option_index])

    def action_delete_note(self) -> None:
        """D on a highlighted pain point or opportunity deletes it (Ctrl+Z brings it back)."""
        plot = self.plot
        note = self.query_one(WalkCard).highlighted_note()
        if plot is None or note is None:
            self.notify(self.tr("walk.delete_hint"))
            return
        self._save_plot(without_note(plot, *note), "edit.plot.remove_note")
