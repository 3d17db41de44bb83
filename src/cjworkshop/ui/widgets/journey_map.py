"""The journey map's canvas: phases and touchpoints across, lanes down, drawn a line at a time.

On top, fixed while the lanes scroll by beneath: the phase names over their touchpoints and the
touchpoint names, both wrapped to the columns. Beneath, one lane after another, each under a
title line: the notes of each touchpoint wrap inside its column, and the lane is as tall as its
fullest cell. The feeling lane draws the emotion curve through the touchpoints, with the five
feelings as its y axis on the left; the axis and the lane titles stay put while the columns
scroll sideways.

A map of 150 touchpoints is far wider than a terminal and some hundreds of lines tall, so it
is laid out once per content or width (``map_layout``: every cell wrapped, every lane
measured) and each cell is drawn only when it first comes into view, then kept. A cursor on a
cell (a lane at a touchpoint) moves with the arrow keys, jumps a phase with PgUp/PgDn and
chooses with Enter; a move draws again only the cells it leaves and enters.
"""

from __future__ import annotations

from typing import ClassVar

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from cjworkshop.ui.widgets.map_layout import (
    INKS,
    SERIES_COLOURS,
    MapContent,
    MapLayout,
    MapLayouts,
    MapRow,
    blank,
    phase_pieces,
)


class JourneyMap(ScrollView, can_focus=True):
    """Lanes of wrapped notes under phases and touchpoints, with a cell cursor."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("pageup", "jump_phase(-1)", "previous phase", show=False),
        Binding("pagedown", "jump_phase(1)", "next phase", show=False),
        Binding("home", "edge(-1)", "first touchpoint", show=False),
        Binding("end", "edge(1)", "last touchpoint", show=False),
        Binding("enter", "choose", "choose", show=False),
    ]
    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "journey-map--phase",
        "journey-map--name",
        "journey-map--title",
        "journey-map--cursor",
        *(f"journey-map--{ink}" for ink in INKS),
    }
    DEFAULT_CSS = """
    JourneyMap {
        background: $surface;
        color: $foreground;
        height: 1fr;
        & > .journey-map--phase { text-style: bold; background: $panel; }
        & > .journey-map--name { text-style: bold; }
        & > .journey-map--title { color: $text-muted; }
        & > .journey-map--cursor { background: $block-cursor-blurred-background; }
        &:focus > .journey-map--cursor { background: $block-cursor-background 60%; }
        & > .journey-map--quote { text-style: italic; }
        & > .journey-map--pain { color: $text-warning; }
        & > .journey-map--opportunity { color: $text-success; }
        & > .journey-map--moment { text-style: bold; }
        & > .journey-map--muted { color: $text-muted; }
        & > .journey-map--strong { text-style: bold; }
        & > .journey-map--today { color: $text-primary; text-style: bold; }
        & > .journey-map--target { color: $text-accent; }
        & > .journey-map--both { color: $text-success; text-style: bold; }
        &.-presenting { text-style: bold; }
    }
    """

    cursor: reactive[tuple[int, int]] = reactive((0, 0), init=False, repaint=False)
    """(lane, column) under the cursor."""
    presenting: reactive[bool] = reactive(False, init=False)
    """Wider columns and heavy lines, for the back of the room."""

    class CellChosen(Message):
        """Enter on a cell, or a click on the one under the cursor."""

        def __init__(self, journey_map: JourneyMap, lane: str, column: str) -> None:
            super().__init__()
            self.journey_map = journey_map
            self.lane = lane
            self.column = column

        @property
        def control(self) -> JourneyMap:
            return self.journey_map

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.content = MapContent((), (), (), ())
        self._layout = MapLayout()
        self._layouts = MapLayouts()
        self._laid_out_for: tuple[int, bool] | None = None
        self._cells_drawn: dict[tuple[int, int], list[Segment]] = {}
        """Drawn cells by (row, column): a line of the map is joined from those in view."""
        self._styles: dict[str, Style] = {}

    # Content ---------------------------------------------------------------------------------

    def show(self, content: MapContent) -> None:
        """Draw new content; the cursor stays on the same lane and touchpoint where it can."""
        keys = self.cursor_keys()
        self.content = content
        self._laid_out_for = None
        lane_keys = [lane.key for lane in content.lanes]
        lane = lane_keys.index(keys[0]) if keys and keys[0] in lane_keys else self.cursor[0]
        columns = content.columns
        column = columns.index(keys[1]) if keys and keys[1] in columns else self.cursor[1]
        self.set_reactive(JourneyMap.cursor, self._clamped(lane, column))
        if self.scrollable_content_region.width:
            self._relayout()
            self._scroll_to_cursor()
        else:
            # Not laid out yet: the first line drawn lays the map out for the width it gets.
            self.call_after_refresh(self._scroll_to_cursor)
        self.refresh()

    def cursor_keys(self) -> tuple[str, str] | None:
        """(lane key, column key) under the cursor, or None on an empty map."""
        if not self.content.lanes or not self.content.columns:
            return None
        lane, column = self._clamped(*self.cursor)
        return self.content.lanes[lane].key, self.content.columns[column]

    def lines_text(self) -> list[str]:
        """The whole map as plain lines, header and every lane, all columns side by side:
        what a person reads scrolling through it (for tests, and for whoever wants it)."""
        self._ensure_layout()
        layout = self._layout
        blank = " " * layout.label_width
        lines = [blank + "".join(text for text, _ink in line) for line in layout.header]
        for index, row in enumerate(layout.rows):
            if row.kind == "title":
                lines.append(self._title_line(row, self.scrollable_content_region.width).text)
                continue
            cells = [
                segment.text
                for c in range(len(self.content.columns))
                for segment in self._cell(index, c)
            ]
            lines.append(self._label(row).text + "".join(cells))
        return [line.rstrip() for line in lines]

    # Layout ----------------------------------------------------------------------------------

    def _ensure_layout(self) -> None:
        if self._laid_out_for != (self.scrollable_content_region.width, self.presenting):
            self._relayout()

    def _relayout(self) -> None:
        view = self.scrollable_content_region.width
        layout = self._layouts.lay_out(self.content, view, self.presenting)
        self._layout = layout
        self._laid_out_for = (view, self.presenting)
        self._cells_drawn.clear()
        # Room for the last columns to scroll whole into view, past the view's odd cells.
        room = max(1, view - layout.label_width)
        self.virtual_size = Size(
            layout.label_width
            + layout.x(len(self.content.columns))
            + room % (layout.column_width + 1),
            len(layout.header) + len(layout.rows),
        )

    # Cursor ----------------------------------------------------------------------------------

    def _clamped(self, lane: int, column: int) -> tuple[int, int]:
        return (
            max(0, min(lane, len(self.content.lanes) - 1)),
            max(0, min(column, len(self.content.columns) - 1)),
        )

    def move_cursor(self, lane: int, column: int) -> None:
        self.cursor = self._clamped(lane, column)

    def watch_cursor(self, old: tuple[int, int], new: tuple[int, int]) -> None:
        for lane, column in {old, new}:
            if lane < len(self._layout.lane_rows):
                for row in self._layout.lane_rows[lane]:
                    self._cells_drawn.pop((row, column), None)
        self.refresh()
        self._scroll_to_cursor()

    def on_key(self, event: events.Key) -> None:
        """Arrows move the cursor and go no further (up to the app they would be matched
        against every container's bindings)."""
        move = {"up": (-1, 0), "down": (1, 0), "left": (0, -1), "right": (0, 1)}.get(event.key)
        if move is not None:
            event.stop()
            event.prevent_default()
            lane, column = self.cursor
            self.move_cursor(lane + move[0], column + move[1])

    def action_jump_phase(self, direction: int) -> None:
        starts = self._layout.phase_starts
        lane, column = self.cursor
        if direction > 0:
            column = next((s for s in starts if s > column), column)
        else:
            column = next((s for s in reversed(starts) if s < column), 0)
        self.move_cursor(lane, column)

    def action_edge(self, direction: int) -> None:
        self.move_cursor(self.cursor[0], 0 if direction < 0 else len(self.content.columns) - 1)

    def action_choose(self) -> None:
        keys = self.cursor_keys()
        if keys is not None:
            self.post_message(self.CellChosen(self, *keys))

    def on_click(self, event: events.Click) -> None:
        layout = self._layout
        scroll_x, scroll_y = self.scroll_offset
        row = scroll_y + event.y - len(layout.header)
        if event.x < layout.label_width or not 0 <= row < len(layout.rows):
            return
        lane = layout.rows[row].lane
        column = (event.x - layout.label_width + scroll_x) // (layout.column_width + 1)
        if self._clamped(lane, column) == self.cursor:
            self.action_choose()
        else:
            self.move_cursor(lane, column)

    def _scroll_to_cursor(self) -> None:
        layout = self._layout
        if not layout.lane_rows:
            return
        lane, column = self.cursor
        view = self.scrollable_content_region
        scroll_x, scroll_y = self.scroll_offset
        rows = layout.lane_rows[lane]
        visible = max(1, view.height - len(layout.header))
        target_y = scroll_y
        if rows.stop > scroll_y + visible:
            target_y = rows.stop - visible
        if rows.start < target_y:
            target_y = rows.start
        room = max(1, view.width - layout.label_width)
        step = layout.column_width + 1
        whole = max(1, room // step)
        target_x = scroll_x
        # Scrolled a whole column at a time, so the columns in view are never cut.
        if layout.x(column) + layout.column_width > scroll_x + room:
            target_x = layout.x(max(0, column - whole + 1))
        if layout.x(column) < target_x:
            target_x = layout.x(column)
        if (target_x, target_y) != (scroll_x, scroll_y):
            self.scroll_to(target_x, target_y, animate=False, immediate=True)

    # Drawing ---------------------------------------------------------------------------------

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._restyled()

    def _restyled(self) -> None:
        """Draw again what the new styles change: focus changes the cursor's look alone, and
        then only the cursor's cell is drawn again (the whole view cost some 5 ms more at
        every switch to the map)."""
        before = self._styles.get("base"), self._styles.get("cursor")
        self._styles.clear()
        if before[0] is None or before[0] != self._style("base"):
            self._forget_drawn()
            return
        if before[1] != self._style("cursor"):
            lane, column = self.cursor
            if lane < len(self._layout.lane_rows):
                for row in self._layout.lane_rows[lane]:
                    self._cells_drawn.pop((row, column), None)
            self.refresh()

    def _forget_drawn(self) -> None:
        self._styles.clear()
        self._cells_drawn.clear()

    def watch_presenting(self) -> None:
        self.set_class(self.presenting, "-presenting")
        self._laid_out_for = None
        self._forget_drawn()
        self.call_after_refresh(self._scroll_to_cursor)

    def _style(self, name: str) -> Style:
        style = self._styles.get(name)
        if style is None:
            style = self.rich_style
            if name != "base":
                style += self.get_component_rich_style(f"journey-map--{name}")
            self._styles[name] = style
        return style

    def _ink_style(self, char: str, ink: str) -> Style:
        if ink != "series":
            return self._style(ink)
        key = f"series:{char}"
        style = self._styles.get(key)
        if style is None:
            colour = SERIES_COLOURS[ord(char) % len(SERIES_COLOURS)]
            style = self._styles[key] = self._style("strong") + Style(color=colour)
        return style

    def _header_cells(self, line: int, first: int, last: int) -> list[Segment]:
        layout = self._layout
        pieces = layout.header[line][first : last + 1]
        starts = layout.phase_starts
        if line < layout.phase_lines and first not in starts and starts:
            # The phase begins left of the view: its name starts again at the view's edge.
            phase = max(i for i, start in enumerate(starts) if start < first)
            pieces = list(pieces)
            for column in range(
                first, min(last + 1, starts[phase] + self.content.phases[phase][1])
            ):
                pieces[column - first] = (blank(layout, column), "phase")
            for number, (offset, text) in phase_pieces(self.content, layout, phase, first):
                column = starts[phase] + offset
                if number == line and column <= last:
                    pieces[column - first] = (text, "phase")
        return [Segment(text, self._style(ink)) for text, ink in pieces]

    def _cell(self, index: int, column: int) -> list[Segment]:
        """One line of one column, with the character after it: drawn once, then kept."""
        key = (index, column)
        drawn = self._cells_drawn.get(key)
        if drawn is None:
            drawn = self._cells_drawn[key] = self._draw_cell(self._layout.rows[index], column)
        return drawn

    def _draw_cell(self, row: MapRow, column: int) -> list[Segment]:
        layout = self._layout
        width = layout.column_width
        cursor = self._style("cursor") if (row.lane, column) == self.cursor else None
        gap = "│" if column + 1 in layout.phase_starts else " "
        if row.kind != "curve":
            lines = layout.cells[row.lane][column]
            ink, text = lines[row.line] if row.line < len(lines) else ("text", "")
            style = self._style(ink)
            return [
                Segment(" " + set_cell_size(text, width - 1), style + cursor if cursor else style),
                Segment(gap, self._style("muted")),
            ]
        x = layout.x(column)
        drawn = layout.canvas[row.line][x : x + width + 1]
        segments: list[Segment] = []
        ink_name: str
        for place, cell in enumerate(drawn):
            char, ink_name = cell if cell is not None else (gap if place == width else " ", "muted")
            style = self._ink_style(char, ink_name)
            if cursor is not None and place < width:
                style += cursor
            if segments and segments[-1].style is style:
                segments[-1] = Segment(segments[-1].text + char, style)
            else:
                segments.append(Segment(char, style))
        return segments

    def _label(self, row: MapRow) -> Strip:
        width = self._layout.label_width
        if row.kind == "curve":
            label = self.content.axis[row.line].rjust(width - 1) + " "
            return Strip([Segment(set_cell_size(label, width), self._style("muted"))])
        return Strip.blank(width, self._style("base"))

    def _title_line(self, row: MapRow, width: int) -> Strip:
        lines = self._layout.titles[row.lane]
        text = ("── " if row.line == 0 else "   ") + lines[row.line] + " "
        if row.line == len(lines) - 1:
            text += "─" * max(0, width - cell_len(text))
        return Strip([Segment(set_cell_size(text, width), self._style("title"))])

    def render_line(self, y: int) -> Strip:
        self._ensure_layout()
        layout = self._layout
        width = self.scrollable_content_region.width
        scroll_x, scroll_y = self.scroll_offset
        base = self._style("base")
        header = len(layout.header)
        room = max(0, width - layout.label_width)
        step = layout.column_width + 1
        # Only whole columns: the odd cells at the right stay blank rather than show a sliver.
        whole = room // step * step or room
        first = scroll_x // step
        last = min(len(self.content.columns) - 1, (scroll_x + room) // step)
        offset = scroll_x - first * step
        if y < header:
            segments = self._header_cells(y, first, last)
            body = Strip(segments).crop_extend(offset, offset + whole, base)
            body = body.extend_cell_length(room, base)
            return Strip.join([Strip.blank(layout.label_width, base), body]).crop(0, width)
        index = scroll_y + y - header
        if not 0 <= index < len(layout.rows):
            return Strip.blank(width, base)
        row = layout.rows[index]
        if row.kind == "title":
            return self._title_line(row, width)
        # Only the columns in view are drawn: a line of the large map has 150 of them.
        segments = [segment for c in range(first, last + 1) for segment in self._cell(index, c)]
        body = Strip(segments).crop_extend(offset, offset + whole, base)
        body = body.extend_cell_length(room, base)
        return Strip.join([self._label(row), body]).crop(0, width)

    def on_focus(self) -> None:
        self._restyled()

    def on_blur(self) -> None:
        self._restyled()
