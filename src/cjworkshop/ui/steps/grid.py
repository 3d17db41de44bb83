"""The journey grid: every persona against every touchpoint, grouped by phase.

Touchpoints are rows and personas columns, because a table's cost grows with its columns and the
touchpoints are the long axis. A cell shows the emotion by glyph and number, ``—`` for a skipped
touchpoint and ``·`` for one not plotted yet; ``⚠`` marks pain points. Keys 1-5 set the emotion
of the cell under the cursor, x skips it, Enter opens it in a form and w walks on from there.
After an edit only the rows whose cells changed are redrawn, so the grid stays quick at 10 x 150.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from msgspec.structs import replace
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import Static

from cjworkshop.i18n import Translator
from cjworkshop.model import edits
from cjworkshop.model.emotion import GLYPHS, NAMES, from_key, signed
from cjworkshop.model.queries import plot_index, touchpoints_in_order
from cjworkshop.model.session import Plot, Session
from cjworkshop.ui.modals.form_spec import (
    Answers,
    Choice,
    FormSpec,
    FormValues,
    choice_field,
    line_field,
)
from cjworkshop.ui.steps.base import (
    FEELING_BINDINGS,
    Asked,
    FormRequest,
    PhaseFocused,
    StepContext,
    StepRequested,
    StepView,
)
from cjworkshop.ui.widgets.grid_layout import GridColumn, GridRow
from cjworkshop.ui.widgets.journey_grid import JourneyGrid
from cjworkshop.ui.widgets.text import TextPanel, first_line

if TYPE_CHECKING:
    from cjworkshop.store.drafts import Draft

PHASE = "phase:"
TOUCHPOINT = "tp:"


@dataclass(frozen=True)
class CellAnswer:
    """What the form of a grid cell says of a persona at a touchpoint."""

    relevant: bool
    emotion: int | None
    action: str
    thought: str
    moment_of_truth: bool


def cell_text(plot: Plot | None) -> Text:
    """What one grid cell shows: glyph and number, a dash when skipped, a dot when empty."""
    if plot is None or (plot.relevant and plot.emotion is None and not plot.pain_points):
        return _cell_look(None, True, False, False)
    return _cell_look(plot.emotion, plot.relevant, bool(plot.pain_points), plot.moment_of_truth)


@functools.cache
def _cell_look(emotion: int | None, relevant: bool, pains: bool, moment: bool) -> Text:
    # A grid of 1,500 cells shows a few dozen different looks: each is made once, and the grid
    # draws each once and compares them by identity. Made afresh for every cell, they cost
    # some 15 ms of CPU more before the large grid's first frame, and 5 ms (15%) more per
    # feeling set (bench/run.py). The texts are shared, so nobody may change them.
    if emotion is None and relevant and not pains:
        return Text("·", style="dim")
    if not relevant:
        return Text("—", style="dim")
    text = Text()
    if emotion is not None:
        style = "red" if emotion < 0 else "green" if emotion > 0 else ""
        text.append(f"{GLYPHS[emotion]} {signed(emotion)}", style=style)
    else:
        text.append("?", style="dim")
    if pains:
        text.append(" ⚠", style="bold yellow")
    if moment:
        text.append(" ★")
    return text


def _average_text(tr: Translator, values: list[int]) -> Text:
    if not values:
        return Text("")
    return Text(f"⌀ {tr.decimal(signed(round(sum(values) / len(values), 1)))}", style="dim")


class GridStep(StepView):
    """Personas as columns, touchpoints as rows; the emotion of every pair at a glance."""

    STEP = "grid"
    BINDINGS: ClassVar[list[BindingType]] = [
        *FEELING_BINDINGS,
        Binding("x", "skip", "key.skip"),
        Binding("e", "open_cell", "key.edit"),
        Binding("w", "walk", "key.walk_here"),
    ]

    def __init__(self, context: StepContext) -> None:
        super().__init__(context)
        self.shape: tuple[object, ...] = ()
        self.shown: dict[tuple[str, str], Text] = {}
        self.phase_shown: str | None = None
        """The phase last handed to the facilitator panel."""

    def compose(self) -> ComposeResult:
        yield TextPanel(classes="step-intro", id="grid-intro")
        yield JourneyGrid(id="grid-table")
        yield TextPanel(classes="hint empty", id="grid-empty")

    @property
    def table(self) -> JourneyGrid:
        return self.query_one("#grid-table", JourneyGrid)

    def refresh_view(self) -> None:
        tr, session = self.tr, self.current
        self.query_one("#grid-intro", Static).update(tr("grid.intro"))
        ready = bool(session.personas and session.touchpoints)
        self.table.display = ready
        empty = self.query_one("#grid-empty", Static)
        empty.display = not ready
        empty.update(tr("walk.nothing"))
        if not ready:
            return
        shape = (
            tuple((p.id, p.name) for p in session.personas),
            tuple((t.id, t.name, t.phase) for t in session.touchpoints),
            tuple((p.id, p.name) for p in session.phases),
        )
        if shape != self.shape:
            self._rebuild(session)
            self.shape = shape
        else:
            self._update_cells(session)

    def _cells(self, session: Session) -> dict[tuple[str, str], Text]:
        """Every cell's text, touchpoint rows and phase rows alike, by (row key, persona id)."""
        plots = plot_index(session)
        cells: dict[tuple[str, str], Text] = {}
        by_phase: dict[tuple[str, str], list[int]] = {}
        for touchpoint in touchpoints_in_order(session):
            for persona in session.personas:
                plot = plots.get((persona.id, touchpoint.id))
                cells[(TOUCHPOINT + touchpoint.id, persona.id)] = cell_text(plot)
                if plot is not None and plot.relevant and plot.emotion is not None:
                    by_phase.setdefault((touchpoint.phase, persona.id), []).append(plot.emotion)
        for phase in session.phases:
            for persona in session.personas:
                values = by_phase.get((phase.id, persona.id), [])
                cells[(PHASE + phase.id, persona.id)] = _average_text(self.tr, values)
        return cells

    def _rebuild(self, session: Session) -> None:
        cells = self._cells(session)
        # Whole names: the grid wraps a persona's name in its header rather than cut it.
        columns = [GridColumn(p.id, Text(first_line(p.name))) for p in session.personas]
        rows = []
        for phase in session.phases:
            row_key = PHASE + phase.id
            label = Text(f"▸ {first_line(phase.name)}", style="bold")
            rows.append(
                GridRow(
                    row_key, label, tuple(cells[(row_key, p.id)] for p in session.personas), "phase"
                )
            )
            for touchpoint in session.touchpoints:
                if touchpoint.phase != phase.id:
                    continue
                row_key = TOUCHPOINT + touchpoint.id
                # One space in from the phase's ▸: every column the names need is one the
                # personas do not have (a name cut here is whole in the detail line).
                label = Text(f" {first_line(touchpoint.name)}")
                if touchpoint.kind == "indirect":
                    label.stylize("italic")
                rows.append(
                    GridRow(row_key, label, tuple(cells[(row_key, p.id)] for p in session.personas))
                )
        self.table.show(Text(self.tr("grid.touchpoint")), columns, rows)
        self.shown = cells

    def _update_cells(self, session: Session) -> None:
        cells = self._cells(session)
        shown = self.shown
        # Cells of the same look are one shared text, so most compare by identity alone.
        changed = {
            key: text
            for key, text in cells.items()
            if (old := shown.get(key)) is not text and old != text
        }
        self.table.update_cells(changed)
        self.shown = cells

    def focus_main(self) -> None:
        self.table.focus()

    # The cell under the cursor ----------------------------------------------------------------

    def _pair(self) -> tuple[str, str] | None:
        """(persona id, touchpoint id) under the cursor, or None on a phase row."""
        table = self.table
        if not table.rows or not table.columns:
            return None
        row, column = table.cursor_keys()
        if not row.startswith(TOUCHPOINT):
            return None
        return column, row.removeprefix(TOUCHPOINT)

    @on(JourneyGrid.CursorMoved, "#grid-table")
    def _highlighted(self, event: JourneyGrid.CursorMoved) -> None:
        event.stop()
        row = event.row_key
        phase: str | None = None
        if row.startswith(TOUCHPOINT):
            touchpoint = next(
                (t for t in self.current.touchpoints if t.id == row.removeprefix(TOUCHPOINT)), None
            )
            phase = touchpoint.phase if touchpoint else None
        elif row.startswith(PHASE):
            phase = row.removeprefix(PHASE)
        if phase != self.phase_shown:
            # The facilitator panel follows the phase; most moves stay within one.
            self.phase_shown = phase
            self.post_message(PhaseFocused(phase))

    def activate(self) -> None:
        self.phase_shown = None  # another step may have moved the panel to its own phase
        super().activate()

    def _plot(self, persona: str, touchpoint: str) -> Plot:
        found = plot_index(self.current).get((persona, touchpoint))
        return found or Plot(persona=persona, touchpoint=touchpoint)

    def _save(self, plot: Plot, label_key: str) -> None:
        persona = edits.find(self.current.personas, plot.persona)
        touchpoint = edits.find(self.current.touchpoints, plot.touchpoint)
        label = self.tr(label_key, persona=persona.name, touchpoint=touchpoint.name)
        self.edit(edits.set_plot(self.current, plot), label)

    def action_emotion(self, key: int) -> None:
        pair = self._pair()
        if pair is None:
            return
        plot = self._plot(*pair)
        emotion = None if key == 0 else from_key(key)
        self._save(replace(plot, relevant=True, emotion=emotion), "edit.plot.emotion")

    def action_skip(self) -> None:
        pair = self._pair()
        if pair is not None:
            plot = self._plot(*pair)
            self._save(replace(plot, relevant=not plot.relevant), "edit.plot.relevant")

    def action_walk(self) -> None:
        pair = self._pair()
        if pair is None:
            return
        # The walk's view is imported when it is first asked for, as the registry imports
        # every step: with the grid it would cost some 11-20 ms of CPU before the grid's first
        # frame (its fields bring Textual's TextArea).
        from cjworkshop.ui.steps.plotting import PlottingStep

        def walk_from_here(view: StepView) -> None:
            if isinstance(view, PlottingStep):
                view.start(*pair)

        self.post_message(StepRequested("plotting", then=walk_from_here))

    @on(JourneyGrid.CellChosen, "#grid-table")
    async def _selected(self, event: JourneyGrid.CellChosen) -> None:
        event.stop()
        await self.action_open_cell()

    async def action_open_cell(self) -> None:
        pair = self._pair()
        if pair is not None:
            await self._cell_form(pair)

    def restore_draft(self, draft: Draft) -> bool:
        """The cell a draft was typed in, with its form open again."""
        pair = (draft.context.get("persona", ""), draft.context.get("touchpoint", ""))
        if draft.kind != "grid.cell":
            return False
        if pair[0] not in {p.id for p in self.current.personas}:
            return False
        if pair[1] not in {t.id for t in self.current.touchpoints}:
            return False
        self._cell_form(pair, draft.values)
        return True

    def _cell_form(self, pair: tuple[str, str], initial: FormValues | None = None) -> Asked:
        tr = self.tr
        plot = self._plot(*pair)
        feelings: list[Choice[int | None]] = [Choice("", None, tr("emotion.none"))]
        feelings += [
            Choice(str(value), value, f"{GLYPHS[value]} {tr(f'emotion.{name}')}")
            for value, name in NAMES.items()
        ]
        yes_no = [Choice("yes", True, tr("grid.yes")), Choice("no", False, tr("grid.no"))]
        relevant = choice_field("relevant", tr("grid.relevant"), plot.relevant, yes_no)
        emotion = choice_field("emotion", tr("walk.emotion"), plot.emotion, feelings)
        action = line_field("action", tr("walk.action"), plot.action)
        thought = line_field("thought", tr("walk.thought"), plot.thought)
        moment = choice_field("moment", tr("walk.moment_of_truth"), plot.moment_of_truth, yes_no)

        def read(answers: Answers) -> CellAnswer:
            return CellAnswer(
                relevant=answers[relevant],
                emotion=answers[emotion],
                action=" ".join(answers[action].split()),
                thought=" ".join(answers[thought].split()),
                moment_of_truth=answers[moment],
            )

        def saved(answer: CellAnswer) -> None:
            fresh = self._plot(*pair)
            updated = replace(
                fresh,
                relevant=answer.relevant,
                emotion=answer.emotion,
                action=answer.action,
                thought=answer.thought,
                moment_of_truth=answer.moment_of_truth,
            )
            self._save(updated, "edit.plot.cell")

        persona = edits.find(self.current.personas, pair[0])
        touchpoint = edits.find(self.current.touchpoints, pair[1])
        title = tr("grid.cell_title", persona=persona.name, touchpoint=touchpoint.name)
        form = FormSpec(title, (relevant, emotion, action, thought, moment), read)
        where = {"persona": pair[0], "touchpoint": pair[1]}
        return self.ask(FormRequest("grid.cell", form, saved, where, initial))
