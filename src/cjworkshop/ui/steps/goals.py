"""Goals: what the session wants to achieve and why, and how success will be measured."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import DataTable, Static

from cjworkshop.model import edits
from cjworkshop.model.flow import solo_minutes
from cjworkshop.model.session import Goal
from cjworkshop.ui.modals.picker import PickerModal
from cjworkshop.ui.steps.base import StepView
from cjworkshop.ui.widgets.record_table import RecordTable
from cjworkshop.ui.widgets.text import TextPanel, first_line


class GoalsStep(StepView):
    """The list of goals, edited in a form; reordered with Shift+arrows or K/J."""

    STEP = "goals"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("a", "add", "key.add"),
        Binding("e", "edit", "key.edit"),
        Binding("d,delete", "delete", "key.delete"),
        Binding("x", "examples", "key.examples"),
        Binding("shift+up,K", "move(-1)", "key.move_up", show=False),
        Binding("shift+down,J", "move(1)", "key.move_down", show=False),
    ]

    def compose(self) -> ComposeResult:
        yield TextPanel(classes="step-intro", id="goals-intro")
        yield RecordTable(id="goals-table")
        yield TextPanel(classes="card below", id="goal-card")
        yield TextPanel(classes="hint empty", id="goals-empty")

    @property
    def table(self) -> RecordTable:
        return self.query_one("#goals-table", RecordTable)

    def refresh_view(self) -> None:
        tr, session = self.tr, self.current
        solo = session.mode == "self-assessment"
        intro = tr("goals.intro_solo", minutes=solo_minutes(session)) if solo else tr("goals.intro")
        self.query_one("#goals-intro", Static).update(intro)
        self.table.set_columns([("#", 2), (tr("goals.column.goal"), None)])
        self.table.fill(
            [
                (goal.id, [str(number), Text(first_line(goal.what), style="bold")])
                for number, goal in enumerate(session.goals, start=1)
            ]
        )
        empty = self.query_one("#goals-empty", Static)
        empty.display = not session.goals
        empty.update(tr("goals.empty"))
        self.table.display = bool(session.goals)
        self._show_card(self.table.current_key)

    @on(DataTable.RowHighlighted, "#goals-table")
    def _highlighted(self, event: DataTable.RowHighlighted) -> None:
        self._show_card(event.row_key.value)

    def _show_card(self, key: str | None) -> None:
        card = self.query_one("#goal-card", Static)
        goal = next((g for g in self.current.goals if g.id == key), None) if key else None
        card.display = goal is not None
        if goal is None:
            return
        tr = self.tr
        text = Text(goal.what + "\n", style="bold")
        for label, value in (
            (tr("field.goal.why"), goal.why),
            (tr("field.goal.measure"), goal.measure),
        ):
            text.append(label + "\n", style="bold dim")
            filled = value.strip()
            text.append(
                (filled or tr("personas.not_filled")) + "\n", style="" if filled else "dim italic"
            )
        card.update(text)

    def focus_main(self) -> None:
        self.table.focus()

    def select_record(self, record_id: str) -> None:
        self.table.select_key(record_id)

    @on(DataTable.RowSelected, "#goals-table")
    async def _selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        await self.action_edit()

    async def action_add(self) -> None:
        await self.open_record("goal", None)

    def _goal_id(self) -> str | None:
        """The goal under the cursor; with no goals yet, says how to add one."""
        key = self.table.current_key
        if key is None:
            self.notify(self.tr("goals.empty"))
        return key

    async def action_edit(self) -> None:
        key = self._goal_id()
        if key is not None:
            await self.open_record("goal", key)

    def action_delete(self) -> None:
        key = self._goal_id()
        if key is None:
            return
        goal = edits.find(self.current.goals, key)
        self.edit(edits.delete_goal(self.current, key), self.tr("edit.goal.delete", name=goal.what))
        self.notify_undoable(self.tr("done.deleted", name=goal.what))

    def action_examples(self) -> None:
        """Pick a goal from the template's examples; it is added as a goal to adjust."""
        tr, session = self.tr, self.current
        template = self.template
        examples = (
            list(template.goal_examples(session.language))
            if template and template.goal_examples
            else []
        )
        taken = {goal.what for goal in session.goals}
        examples = [example for example in examples if example not in taken]
        if not examples:
            self.notify(tr("goals.no_examples"))
            return

        def chosen(index: int | None) -> None:
            if index is None:
                return
            changed, goal_id = edits.add_goal(self.current, Goal(id="", what=examples[index]))
            self.edit(changed, tr("edit.goal.add", name=examples[index]), select=goal_id)

        self.app.push_screen(
            PickerModal(tr, tr("goals.examples"), examples, tr("goals.examples_hint")), chosen
        )

    def action_move(self, offset: int) -> None:
        key = self._goal_id()
        if key is not None:
            self.edit(edits.move_goal(self.current, key, offset), self.tr("edit.goal.move"))
