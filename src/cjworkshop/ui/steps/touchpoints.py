"""Touchpoints: every contact moment, phase by phase, direct or indirect, with its channel.

The table groups touchpoints under their phase. Under it, the template's suggestions for the phase
under the cursor can be added with one keystroke each. A nudge line names the phases that have no
touchpoints yet, or no indirect ones (review sites, trade press, word of mouth), because those
are the ones rooms forget. Phases themselves are added, renamed, weighted and reordered here too.
"""

from __future__ import annotations

from typing import ClassVar

from msgspec.structs import replace
from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import DataTable, OptionList, Static
from textual.widgets.option_list import Option

from cjworkshop.export.stage import channel_word
from cjworkshop.model import edits
from cjworkshop.model.queries import empty_phases, phases_without_indirect, plots_at_touchpoint
from cjworkshop.model.session import Phase, Touchpoint
from cjworkshop.model.template import SuggestedTouchpoint, template_phase
from cjworkshop.ui.steps.base import PhaseFocused, StepContext, StepView
from cjworkshop.ui.steps.plot_stage import stage
from cjworkshop.ui.widgets.record_table import RecordTable
from cjworkshop.ui.widgets.text import TextPanel, first_line

PHASE = "phase:"
TOUCHPOINT = "tp:"


CRAMPED = 28
"""The step's height below which its suggestions fold away until ``s`` opens them."""


class TouchpointsStep(StepView):
    """Touchpoints grouped by phase, with the template's suggestions one key away."""

    STEP = "touchpoints"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("a", "add", "key.add_touchpoint"),
        Binding("s", "suggestions", "key.suggestions"),
        Binding("e", "edit", "key.edit"),
        Binding("d,delete", "delete", "key.delete"),
        Binding("shift+up,K", "move(-1)", "key.move_up", show=False),
        Binding("shift+down,J", "move(1)", "key.move_down", show=False),
        Binding("less_than_sign", "other_phase(-1)", "key.phase_before", show=False),
        Binding("greater_than_sign", "other_phase(1)", "key.phase_after", show=False),
        Binding("P", "add_phase", "key.add_phase"),
    ]

    def __init__(self, context: StepContext) -> None:
        super().__init__(context)
        self.phase_id: str | None = None
        self.suggested: list[SuggestedTouchpoint] = []
        self.suggested_for: str | None = None
        """The phase the suggestions shown are for."""

    def compose(self) -> ComposeResult:
        yield TextPanel(classes="step-intro", id="touchpoints-intro")
        yield TextPanel(classes="nudge", id="touchpoints-nudge")
        yield RecordTable(id="touchpoints-table")
        yield TextPanel(classes="hint empty", id="touchpoints-empty")
        yield TextPanel(id="touchpoint-stage")
        yield TextPanel(classes="section", id="suggestions-label")
        yield OptionList(id="suggestions")

    @property
    def table(self) -> RecordTable:
        return self.query_one("#touchpoints-table", RecordTable)

    def room_focus(self) -> tuple[str | None, str | None]:
        return None, self.table.current_key

    def refresh_view(self) -> None:
        tr, session = self.tr, self.current
        self.query_one("#touchpoints-intro", Static).update(tr("touchpoints.intro"))
        # The phase's marker in a column of its own, so that a name that wraps stays in line.
        self.table.set_columns(
            [
                ("", 1),
                (tr("touchpoints.column.name"), None),
                (tr("touchpoints.column.kind"), None),
                (tr("touchpoints.column.channel"), None),
                (tr("touchpoints.column.plotted"), None),
            ]
        )
        rows: list[tuple[str, list[str | Text]]] = []
        for phase in session.phases:
            members = [tp for tp in session.touchpoints if tp.phase == phase.id]
            # The phase's summary is in the panel under the table while the cursor is on it.
            name = Text(first_line(phase.name), style="bold")
            rows.append((PHASE + phase.id, [Text("▸", style="bold"), name, "", "", ""]))
            for touchpoint in members:
                plotted = len(plots_at_touchpoint(session, touchpoint.id))
                kind_style = "italic" if touchpoint.kind == "indirect" else ""
                rows.append(
                    (
                        TOUCHPOINT + touchpoint.id,
                        [
                            "",
                            Text(first_line(touchpoint.name)),
                            Text(tr(f"kind.{touchpoint.kind}"), style=kind_style),
                            channel_word(tr, touchpoint.channel, touchpoint.channel_name),
                            f"{plotted}/{len(session.personas)}",
                        ],
                    )
                )
        self.table.fill(rows)
        has_phases = bool(session.phases)
        self.table.display = has_phases
        empty = self.query_one("#touchpoints-empty", Static)
        empty.display = not has_phases
        empty.update(tr("touchpoints.no_phases"))
        self._show_nudge()
        self._follow_cursor()

    def _show_nudge(self) -> None:
        tr, session = self.tr, self.current
        parts = [tr("touchpoints.nudge.empty", phase=p.name) for p in empty_phases(session)]
        parts += [
            tr("touchpoints.nudge.indirect", phase=p.name) for p in phases_without_indirect(session)
        ]
        nudge = self.query_one("#touchpoints-nudge", Static)
        nudge.update(Text("⚠ " + "  ·  ".join(parts)) if parts else "")
        nudge.display = bool(parts)

    def focus_main(self) -> None:
        self.table.focus()

    def select_record(self, record_id: str) -> None:
        if any(tp.id == record_id for tp in self.current.touchpoints):
            self.table.select_key(TOUCHPOINT + record_id)
        else:
            self.table.select_key(PHASE + record_id)

    # Where the cursor is ------------------------------------------------------------------

    def _selected_phase(self) -> Phase | None:
        key = self.table.current_key
        if key is None:
            return None
        if key.startswith(PHASE):
            return edits.find(self.current.phases, key.removeprefix(PHASE))
        touchpoint = edits.find(self.current.touchpoints, key.removeprefix(TOUCHPOINT))
        return edits.find(self.current.phases, touchpoint.phase)

    def _selected_touchpoint(self) -> Touchpoint | None:
        key = self.table.current_key
        if key is None or not key.startswith(TOUCHPOINT):
            return None
        return edits.find(self.current.touchpoints, key.removeprefix(TOUCHPOINT))

    @on(DataTable.RowHighlighted, "#touchpoints-table")
    def _highlighted(self) -> None:
        self._follow_cursor()

    def _follow_cursor(self) -> None:
        phase = self._selected_phase() if self.session is not None else None
        phase_id = phase.id if phase else None
        if phase_id != self.phase_id:
            self.phase_id = phase_id
            self.post_message(PhaseFocused(phase_id))
        touchpoint = self._selected_touchpoint() if self.session is not None else None
        self._show_stage(touchpoint, phase)
        self._show_suggestions(phase)

    def _show_stage(self, touchpoint: Touchpoint | None, phase: Phase | None) -> None:
        """What stands behind the touchpoint under the cursor: its interactions, blueprint and
        figures, as the walk shows them; on a phase's row, how many touchpoints it has."""
        said: Text | None = None
        if touchpoint is not None:
            said = stage(self.tr, touchpoint)
        elif phase is not None:
            members = [tp for tp in self.current.touchpoints if tp.phase == phase.id]
            indirect = sum(1 for tp in members if tp.kind == "indirect")
            said = Text.assemble(
                (phase.name, "bold"),
                "  ",
                self.tr(
                    "touchpoints.phase_summary",
                    touchpoints=self.tr.count("count.touchpoints", len(members)),
                    indirect=indirect,
                ),
            )
        panel = self.query_one("#touchpoint-stage", TextPanel)
        panel.update(said if said else "")
        panel.display = bool(said)

    def _show_suggestions(self, phase: Phase | None) -> None:
        tr = self.tr
        label = self.query_one("#suggestions-label", Static)
        options = self.query_one("#suggestions", OptionList)
        guide = template_phase(self.template, phase.id) if phase else None
        language = self.current.language
        present = {
            tp.name.casefold() for tp in self.current.touchpoints if phase and tp.phase == phase.id
        }
        self.suggested = [
            s
            for s in (guide.touchpoints if guide else ())
            if s.name(language).casefold() not in present
        ]
        # After Enter added one, the highlight stays where it was: on the next suggestion.
        same_phase = phase is not None and phase.id == self.suggested_for
        kept = options.highlighted if same_phase else None
        self.suggested_for = phase.id if phase else None
        if phase is None or not self.suggested:
            label.update(tr("touchpoints.no_suggestions") if phase else "")
            if options.has_focus:
                self.focus_main()  # the last one was added: back to the touchpoints
            options.set_class(True, "-empty")
            return
        label.update(tr("touchpoints.suggestions", phase=phase.name))
        options.set_class(False, "-empty")
        options.set_options(
            Option(
                Text.assemble(
                    (s.name(language), "bold"),
                    "  ",
                    (f"{tr(f'kind.{s.kind}')} · {tr(f'channel.{s.channel}')}", "dim"),
                )
            )
            for s in self.suggested
        )
        if kept is not None:
            options.highlighted = min(kept, options.option_count - 1)

    # Actions ------------------------------------------------------------------------------

    @on(DataTable.RowSelected, "#touchpoints-table")
    async def _selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        await self.action_edit()

    @on(OptionList.OptionSelected, "#suggestions")
    def _suggestion_chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        phase = self._selected_phase()
        if phase is None or event.option_index >= len(self.suggested):
            return
        suggestion = self.suggested[event.option_index]
        language = self.current.language
        record = Touchpoint(
            id="",
            phase=phase.id,
            name=suggestion.name(language),
            channel=suggestion.channel,
            kind=suggestion.kind,
            description=suggestion.description(language) if suggestion.description else "",
        )
        changed, _ = edits.add_touchpoint(self.current, record)
        self.edit(changed, self.tr("edit.touchpoint.add", name=record.name))

    def action_suggestions(self) -> None:
        options = self.query_one("#suggestions", OptionList)
        if not options.has_class("-empty") and options.option_count:
            # On a short terminal the list is folded away until it is asked for.
            options.add_class("-open")
            options.highlighted = options.highlighted or 0
            options.focus()
        else:
            self.notify(self.tr("touchpoints.no_suggestions"))

    async def action_add(self) -> None:
        phase = self._selected_phase()
        if phase is None:
            await self.action_add_phase()
            return
        await self.open_record("touchpoint", None, phase=phase.id)

    def on_descendant_blur(self, event: events.DescendantBlur) -> None:
        if event.widget.id == "suggestions":
            event.widget.remove_class("-open")

    def on_resize(self, event: events.Resize) -> None:
        # Below this the suggestions would leave the touchpoints a few rows: folded away.
        self.set_class(event.size.height < CRAMPED, "-cramped")

    async def action_add_phase(self) -> None:
        await self.open_record("phase", None)

    async def action_edit(self) -> None:
        touchpoint = self._selected_touchpoint()
        if touchpoint is not None:
            await self.open_record("touchpoint", touchpoint.id)
            return
        phase = self._selected_phase()
        if phase is not None:
            await self.open_record("phase", phase.id)

    async def action_delete(self) -> None:
        tr, session = self.tr, self.current
        touchpoint = self._selected_touchpoint()
        if touchpoint is not None:
            plotted = len(plots_at_touchpoint(session, touchpoint.id))
            delete = edits.delete_touchpoint(session, touchpoint.id)
            label = tr("edit.touchpoint.delete", name=touchpoint.name)
            if plotted == 0:
                self.edit(delete, label)
                self.notify_undoable(tr("done.deleted", name=touchpoint.name))
                return
            question = tr("touchpoints.delete_question", name=touchpoint.name, plots=plotted)
        else:
            phase = self._selected_phase()
            if phase is None:
                return
            count = sum(1 for tp in session.touchpoints if tp.phase == phase.id)
            delete = edits.delete_phase(session, phase.id)
            label = tr("edit.phase.delete", name=phase.name)
            question = tr("touchpoints.delete_phase_question", name=phase.name, count=count)

        def answered(yes: bool) -> None:
            if yes:
                self.edit(delete, label)

        await self.confirm(question, tr("button.delete"), answered)

    def action_move(self, offset: int) -> None:
        touchpoint = self._selected_touchpoint()
        if touchpoint is not None:
            self.edit(
                edits.move_touchpoint(self.current, touchpoint.id, offset),
                self.tr("edit.touchpoint.move", name=touchpoint.name),
            )
            return
        phase = self._selected_phase()
        if phase is not None:
            self.edit(
                edits.move_phase(self.current, phase.id, offset),
                self.tr("edit.phase.move", name=phase.name),
            )

    def action_other_phase(self, offset: int) -> None:
        touchpoint = self._selected_touchpoint()
        if touchpoint is None:
            # A phase's own row: < and > move touchpoints; the phase itself moves with K and J.
            key = (
                "touchpoints.other_phase_on_phase"
                if self.current.phases
                else "touchpoints.no_phases"
            )
            self.notify(self.tr(key))
            return
        ids = [phase.id for phase in self.current.phases]
        target = ids.index(touchpoint.phase) + offset
        if not 0 <= target < len(ids):
            edge = "touchpoints.first_phase" if offset < 0 else "touchpoints.last_phase"
            self.notify(self.tr(edge, name=touchpoint.name))
            return
        moved = edits.update_touchpoint(self.current, replace(touchpoint, phase=ids[target]))
        self.edit(moved, self.tr("edit.touchpoint.move", name=touchpoint.name))
