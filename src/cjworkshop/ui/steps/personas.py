"""Personas: the semi-fictional typical customers the room walks through the journey."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import DataTable, Static

from cjworkshop.model import edits
from cjworkshop.model.queries import plots_of_persona
from cjworkshop.model.session import Persona
from cjworkshop.ui.forms import PERSONA_TEXTS
from cjworkshop.ui.steps.base import StepView
from cjworkshop.ui.widgets.record_table import RecordTable
from cjworkshop.ui.widgets.text import TextPanel, first_line


class PersonasStep(StepView):
    """A list of personas beside the full profile of the one under the cursor."""

    STEP = "personas"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("a", "add", "key.add"),
        Binding("e", "edit", "key.edit"),
        Binding("c", "duplicate", "key.duplicate"),
        Binding("d,delete", "delete", "key.delete"),
        Binding("shift+up,K", "move(-1)", "key.move_up", show=False),
        Binding("shift+down,J", "move(1)", "key.move_down", show=False),
    ]

    def compose(self) -> ComposeResult:
        yield TextPanel(classes="step-intro", id="personas-intro")
        with Horizontal(classes="split"):
            yield RecordTable(id="personas-table")
            with VerticalScroll(id="persona-card", classes="card"):
                yield TextPanel(id="persona-detail")
        yield TextPanel(classes="hint empty", id="personas-empty")

    @property
    def table(self) -> RecordTable:
        return self.query_one("#personas-table", RecordTable)

    def room_focus(self) -> tuple[str | None, str | None]:
        return self.table.current_key, None

    def refresh_view(self) -> None:
        tr, session = self.tr, self.current
        solo = session.mode == "self-assessment"
        intro = tr("personas.intro_solo" if solo else "personas.intro")
        self.query_one("#personas-intro", Static).update(intro)
        self.table.set_columns([(tr("field.persona.name"), None)])
        self.table.fill(
            [(p.id, [Text(first_line(p.name), style="bold")]) for p in session.personas]
        )
        has_any = bool(session.personas)
        self.query_one(".split").display = has_any
        empty = self.query_one("#personas-empty", Static)
        empty.display = not has_any
        empty.update(tr("personas.empty_solo" if solo else "personas.empty"))
        self._show_detail(self.table.current_key)

    def focus_main(self) -> None:
        self.table.focus()

    def select_record(self, record_id: str) -> None:
        self.table.select_key(record_id)

    @on(DataTable.RowHighlighted, "#personas-table")
    def _highlighted(self, event: DataTable.RowHighlighted) -> None:
        self._show_detail(event.row_key.value)

    @on(DataTable.RowSelected, "#personas-table")
    async def _selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        await self.action_edit()

    def _show_detail(self, key: str | None) -> None:
        detail = self.query_one("#persona-detail", Static)
        if key is None or self.session is None:
            detail.update("")
            return
        try:
            persona = edits.find(self.current.personas, key)
        except edits.UnknownItem:
            detail.update("")
            return
        detail.update(self.profile(persona))

    def profile(self, persona: Persona) -> Text:
        tr, session = self.tr, self.current
        solo = session.mode == "self-assessment"
        text = Text(persona.name + "\n", style="bold")
        for name in PERSONA_TEXTS:
            value = getattr(persona, name).strip()
            label = tr(f"field.persona.{name}")
            if solo and name == "finds_us":
                label = tr("solo.field.persona.finds_us")
            text.append(label + "\n", style="bold dim")
            text.append(
                (value or tr("personas.not_filled")) + "\n\n", style="" if value else "dim italic"
            )
        # An owner who has not gone deeper has no touchpoints to follow a customer along.
        if not (solo and not session.touchpoints):
            plotted = len(plots_of_persona(session, persona.id))
            total = len(session.touchpoints)
            text.append(tr("personas.plotted", count=plotted, total=total), style="dim")
        return text

    def _persona(self) -> Persona | None:
        """The persona under the cursor; with none yet, says how to add one."""
        key = self.table.current_key
        if key is None:
            solo = self.current.mode == "self-assessment"
            self.notify(self.tr("personas.empty_solo" if solo else "personas.empty"))
            return None
        return edits.find(self.current.personas, key)

    async def action_add(self) -> None:
        await self.open_record("persona", None)

    async def action_edit(self) -> None:
        persona = self._persona()
        if persona is not None:
            await self.open_record("persona", persona.id)

    def action_duplicate(self) -> None:
        persona = self._persona()
        if persona is None:
            return
        name = self.tr("personas.copy_name", name=persona.name)
        changed, copy_id = edits.duplicate_persona(self.current, persona.id, name)
        self.edit(changed, self.tr("edit.persona.duplicate", name=persona.name), select=copy_id)

    async def action_delete(self) -> None:
        persona = self._persona()
        if persona is None:
            return
        tr = self.tr
        plotted = len(plots_of_persona(self.current, persona.id))

        def answered(yes: bool) -> None:
            if yes:
                self.edit(
                    edits.delete_persona(self.current, persona.id),
                    tr("edit.persona.delete", name=persona.name),
                )
                self.notify_undoable(tr("done.deleted", name=persona.name))

        await self.confirm(
            tr("personas.delete_question", name=persona.name, plots=plotted),
            tr("button.delete"),
            answered,
        )

    def action_move(self, offset: int) -> None:
        persona = self._persona()
        if persona is not None:
            self.edit(
                edits.move_persona(self.current, persona.id, offset), self.tr("edit.persona.move")
            )
