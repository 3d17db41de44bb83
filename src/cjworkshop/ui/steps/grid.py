"""The journey grid: every persona against every touchpoint, grouped by phase.

Touchpoints are rows and personas columns, because a table's cost grows with its columns and the
touchpoints are the long axis. A cell shows the emotion by glyph and number, ``—`` for a skipped
touchpoint and ``·`` for one not plotted yet; ``⚠`` marks pain points. Keys 1-5 set the emotion
of the cell under the cursor, x skips it, Enter opens it in a form and w walks on from there.
After an edit only the cells that changed are redrawn, so the grid stays quick at 10 x 150.
"""

from __future__ import annotations

from typing import ClassVar

from msgspec.structs import replace
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.coordinate import Coordinate
from textual.widgets import DataTable, Static

from cjworkshop.model import edits
from cjworkshop.model.emotion import GLYPHS, NAMES, from_key, signed
from cjworkshop.model.queries import plot_index, touchpoints_in_order
from cjworkshop.model.session import Plot, Session
from cjworkshop.ui.modals.record_form import FormField, FormValues, RecordForm
from cjworkshop.ui.steps.base import PhaseFocused, StepView
from cjworkshop.ui.widgets.record_table import RecordTable, first_line

PHASE = "phase:"
TOUCHPOINT = "tp:"
NAME_COLUMN = "name"


def cell_text(plot: Plot | None) -> Text:
    """What one grid cell shows: glyph and number, a dash when skipped, a dot when empty."""
    if plot is None or (plot.relevant and plot.emotion is None and not plot.pain_points):
        return Text("·", style="dim")
    if not plot.relevant:
        return Text("—", style="dim")
    text = Text()
    if plot.emotion is not None:
        style = "red" if plot.emotion < 0 else "green" if plot.emotion > 0 else ""
        text.append(f"{GLYPHS[plot.emotion]} {signed(plot.emotion)}", style=style)
    else:
        text.append("?", style="dim")
    if plot.pain_points:
        text.append(" ⚠", style="bold yellow")
    if plot.moment_of_truth:
        text.append(" ★")
    return text


def _average_text(values: list[int]) -> Text:
    if not values:
        return Text("")
    return Text(f"⌀ {signed(round(sum(values) / len(values), 1))}", style="dim")


class GridStep(StepView):
    """Personas as columns, touchpoints as rows; the emotion of every pair at a glance."""

    STEP = "grid"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("1", "emotion(1)", "key.emotion_1", show=False, id="grid-1"),
        Binding("2", "emotion(2)", "key.emotion_2", show=False, id="grid-2"),
        Binding("3", "emotion(3)", "key.emotion_3", show=False, id="grid-3"),
        Binding("4", "emotion(4)", "key.emotion_4", show=False, id="grid-4"),
        Binding("5", "emotion(5)", "key.emotion_5", show=False, id="grid-5"),
        Binding("0", "emotion(0)", "key.emotion_clear", show=False, id="grid-0"),
        Binding("x", "skip", "key.skip", id="grid-skip"),
        Binding("e", "open_cell", "key.edit", id="grid-edit"),
        Binding("w", "walk", "key.walk_here", id="grid-walk"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.shape: tuple[object, ...] = ()
        self.shown: dict[tuple[str, str], Text] = {}

    def compose(self) -> ComposeResult:
        yield Static(classes="step-intro", id="grid-intro", markup=False)
        yield RecordTable(id="grid-table", cursor_type="cell")
        yield Static(classes="hint empty", id="grid-empty", markup=False)

    @property
    def table(self) -> RecordTable:
        return self.query_one("#grid-table", RecordTable)

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
                cells[(PHASE + phase.id, persona.id)] = _average_text(values)
        return cells

    def _rebuild(self, session: Session) -> None:
        table = self.table
        cursor = table.cursor_coordinate
        table.clear(columns=True)
        table.add_column(self.tr("grid.touchpoint"), key=NAME_COLUMN)
        for persona in session.personas:
            table.add_column(first_line(persona.name, 12), key=persona.id)
        cells = self._cells(session)
        for phase in session.phases:
            members = [tp for tp in session.touchpoints if tp.phase == phase.id]
            row_key = PHASE + phase.id
            table.add_row(
                Text(f"▸ {first_line(phase.name, 28)}", style="bold"),
                *[cells[(row_key, p.id)] for p in session.personas],
                key=row_key,
            )
            for touchpoint in members:
                row_key = TOUCHPOINT + touchpoint.id
                label = Text(f"  {first_line(touchpoint.name, 28)}")
                if touchpoint.kind == "indirect":
                    label.stylize("italic")
                table.add_row(
                    label, *[cells[(row_key, p.id)] for p in session.personas], key=row_key
                )
        self.shown = cells
        if table.row_count:
            row = min(cursor.row, table.row_count - 1)
            column = max(1, min(cursor.column, len(session.personas)))
            table.cursor_coordinate = Coordinate(row, column)

    def _update_cells(self, session: Session) -> None:
        cells = self._cells(session)
        for key, text in cells.items():
            if self.shown.get(key) != text:
                self.table.update_cell(key[0], key[1], text)
        self.shown = cells

    def focus_main(self) -> None:
        self.table.focus()

    # The cell under the cursor ----------------------------------------------------------------

    def _pair(self) -> tuple[str, str] | None:
        """(persona id, touchpoint id) under the cursor, or None on a phase row or the name."""
        table = self.table
        if table.row_count == 0:
            return None
        cell = table.coordinate_to_cell_key(table.cursor_coordinate)
        row, column = cell.row_key.value, cell.column_key.value
        if row is None or column is None or column == NAME_COLUMN or not row.startswith(TOUCHPOINT):
            return None
        return column, row.removeprefix(TOUCHPOINT)

    @on(DataTable.CellHighlighted, "#grid-table")
    def _highlighted(self, event: DataTable.CellHighlighted) -> None:
        row = event.cell_key.row_key.value or ""
        if row.startswith(TOUCHPOINT):
            touchpoint = next(
                (t for t in self.current.touchpoints if t.id == row.removeprefix(TOUCHPOINT)), None
            )
            self.post_message(PhaseFocused(touchpoint.phase if touchpoint else None))
        elif row.startswith(PHASE):
            self.post_message(PhaseFocused(row.removeprefix(PHASE)))

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
        from cjworkshop.ui.steps.plotting import PlottingStep

        def walk_from_here(view: StepView) -> None:
            if isinstance(view, PlottingStep):
                view.start(*pair)

        self.screen_owner.go_to("plotting", then=walk_from_here)

    @on(DataTable.CellSelected, "#grid-table")
    def _selected(self, event: DataTable.CellSelected) -> None:
        event.stop()
        self.action_open_cell()

    def action_open_cell(self) -> None:
        pair = self._pair()
        if pair is None:
            return
        tr = self.tr
        plot = self._plot(*pair)
        scale = [
            (str(value), f"{GLYPHS[value]} {tr(f'emotion.{name}')}")
            for value, name in NAMES.items()
        ]
        emotions = (("", tr("emotion.none")), *scale)
        yes_no = (("yes", tr("grid.yes")), ("no", tr("grid.no")))
        fields = [
            FormField(
                "relevant",
                tr("grid.relevant"),
                "choice",
                "yes" if plot.relevant else "no",
                choices=yes_no,
            ),
            FormField(
                "emotion",
                tr("walk.emotion"),
                "choice",
                "" if plot.emotion is None else str(plot.emotion),
                choices=emotions,
            ),
            FormField("action", tr("walk.action"), value=plot.action),
            FormField("thought", tr("walk.thought"), value=plot.thought),
            FormField(
                "moment",
                tr("walk.moment_of_truth"),
                "choice",
                "yes" if plot.moment_of_truth else "no",
                choices=yes_no,
            ),
        ]
        persona = edits.find(self.current.personas, pair[0])
        touchpoint = edits.find(self.current.touchpoints, pair[1])
        title = tr("grid.cell_title", persona=persona.name, touchpoint=touchpoint.name)

        def saved(values: FormValues | None) -> None:
            if values is None:
                return
            fresh = self._plot(*pair)
            updated = replace(
                fresh,
                relevant=values["relevant"] == "yes",
                emotion=int(values["emotion"]) if values["emotion"] else None,
                action=" ".join(values["action"].split()),
                thought=" ".join(values["thought"].split()),
                moment_of_truth=values["moment"] == "yes",
            )
            self._save(updated, "edit.plot.cell")

        self.app.push_screen(RecordForm(title, fields), saved)
