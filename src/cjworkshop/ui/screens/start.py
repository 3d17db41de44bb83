"""The start screen: the sessions in the folder, the bundled examples, and a new session.

Sessions are listed with their template, progress and last change; a file that cannot be read is
listed with the reason, so nothing in the folder silently disappears. The folders are read in a
worker thread after the screen is first drawn, so a folder of many or large sessions never keeps
the screen from appearing. Opening a bundled example (when the examples are not already in the
sessions folder) copies it there first, so the original stays as shipped. A new session's form
keeps a draft in the folder while it is filled in, and opens again with it after a crash.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import DataTable, Label, Static

from cjworkshop.store.resources import examples_folder
from cjworkshop.ui.commands import PaletteCommand
from cjworkshop.ui.screens.base import WorkshopScreen
from cjworkshop.ui.widgets.key_bar import KeyBar
from cjworkshop.ui.widgets.record_table import LiteralTable
from cjworkshop.ui.widgets.text import TextLabel, TextPanel

if TYPE_CHECKING:
    from cjworkshop.store.drafts import Draft
    from cjworkshop.store.folders import SessionSummary
    from cjworkshop.ui.drafts import DraftKeeper
    from cjworkshop.ui.modals.new_session import NewSession

MAX_ROWS = 12


class StartScreen(WorkshopScreen):
    """Open a session, open an example, or start a new one."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("n", "new_session", "key.new_session", id="new"),
        Binding("enter", "open_highlighted", "key.open", id="open"),
        Binding("ctrl+l", "switch_language", "key.language", id="language"),
        Binding("ctrl+r", "refresh", "key.refresh", show=False, id="refresh"),
        Binding("ctrl+q", "app.quit", "key.quit", id="quit"),
    ]

    def __init__(self, folder: Path) -> None:
        super().__init__()
        self.folder = folder
        self.examples = examples_folder()
        self.summaries: dict[str, SessionSummary] = {}
        self.found: tuple[list[SessionSummary], list[SessionSummary]] | None = None
        """The sessions and the examples last read from disk; None while reading."""
        self.draft: Draft | None = None
        """A new-session form left open by a crash, found while reading the folder."""
        self._drafts: DraftKeeper | None = None

    @property
    def shows_examples(self) -> bool:
        """Examples get their own list unless they already are the sessions folder."""
        try:
            return self.examples.resolve() != self.folder.resolve() and self.examples.is_dir()
        except OSError:
            return False

    def compose(self) -> ComposeResult:
        tr = self.workshop.tr
        with Vertical(id="start"):
            yield TextPanel(id="start-title")
            yield TextLabel(id="sessions-label", classes="section")
            yield LiteralTable(id="sessions", cursor_type="row", zebra_stripes=True)
            yield TextPanel(id="sessions-empty", classes="hint")
            if self.shows_examples:
                yield TextLabel(tr("start.examples"), id="examples-label", classes="section")
                yield LiteralTable(id="examples", cursor_type="row", zebra_stripes=True)
            yield TextPanel(id="start-details", classes="details")
        yield KeyBar(id="keys")

    def on_mount(self) -> None:
        self.refresh_lists()
        self.query_one("#sessions", DataTable).focus()

    def refresh_lists(self) -> None:
        """Read the folders again (in a worker thread) and show what they hold."""
        self.found = None
        self._show_lists()
        if self.shows_examples:
            self.query_one("#examples-label", Label).display = False
            self.query_one("#examples", DataTable).display = False
        # Read once the screen is drawn: the reading thread would only hold up the first frame.
        self.call_after_refresh(
            self.run_worker,
            self._read_folders,
            thread=True,
            exclusive=True,
            group="folders",
            exit_on_error=False,
        )

    def _read_folders(self) -> None:
        # Imported here, in the reading thread: the store is not needed for the first frame.
        from cjworkshop.store.drafts import new_session_draft_path, read_draft_file
        from cjworkshop.store.folders import list_sessions

        mine = list_sessions(self.folder)
        examples = list_sessions(self.examples) if self.shows_examples else []
        draft = read_draft_file(new_session_draft_path(self.folder))
        self.app.call_from_thread(self._folders_read, mine, examples, draft)

    def _folders_read(
        self, mine: list[SessionSummary], examples: list[SessionSummary], draft: Draft | None
    ) -> None:
        self.found = (mine, examples)
        self._show_lists()
        if draft is not None and draft.kind == "new-session" and self.app.screen is self:
            self.notify(self.workshop.tr("draft.recovered"), timeout=10)
            self._new_session_form(draft.values)
        if self.focused is None or not self.focused.display:
            tables = [table for table in self.query(DataTable) if table.display]
            if tables:
                tables[0].focus()

    def _show_lists(self) -> None:
        """Show the lists as last read, in the current language."""
        tr = self.workshop.tr
        title = Text("cjworkshop", style="bold")
        title.append(" · " + tr("start.tagline"), style="dim")
        self.query_one("#start-title", Static).update(title)
        self.query_one("#sessions-label", Label).update(
            tr("start.sessions", folder=str(self.folder))
        )
        empty = self.query_one("#sessions-empty", Static)
        if self.found is None:
            empty.update(tr("start.reading", folder=str(self.folder)))
            empty.display = True
            self.query_one("#sessions", DataTable).display = False
            self._show_details()
            return
        mine, examples = self.found
        self.summaries = {}
        shown = self._fill(self.query_one("#sessions", DataTable), mine)
        empty.update(tr("start.no_sessions", folder=str(self.folder)) if not shown else "")
        empty.display = not shown
        if self.shows_examples:
            label = self.query_one("#examples-label", Label)
            label.update(tr("start.examples"))
            label.display = bool(self._fill(self.query_one("#examples", DataTable), examples))
        self._show_details()

    def _fill(self, table: DataTable[str | Text], summaries: list[SessionSummary]) -> int:
        from cjworkshop.export.summary import progress_text

        tr = self.workshop.tr
        table.clear(columns=True)
        for column in ("title", "template", "progress", "changed"):
            # No column keys: a DataTable that gets the same keys again after clear() keeps
            # drawing them at the old widths.
            table.add_column(tr(f"start.column.{column}"))
        for summary in summaries:
            key = str(summary.path)
            self.summaries[key] = summary
            changed = summary.updated.astimezone().strftime("%Y-%m-%d %H:%M")
            if summary.session is None:
                title = Text(summary.path.name, style="red")
                table.add_row(title, "", Text(tr("start.broken"), style="red"), changed, key=key)
            else:
                table.add_row(
                    Text(summary.session.title),
                    summary.session.template,
                    progress_text(tr, summary.session),
                    changed,
                    key=key,
                )
        table.display = bool(summaries)
        # Sized from its rows (header included), up to a dozen; it scrolls beyond that.
        table.styles.height = min(len(summaries) + 1, MAX_ROWS)
        # The columns only know their widths once the rows are in: paint again after layout.
        self.call_after_refresh(table.refresh)
        return len(summaries)

    @on(DataTable.RowHighlighted)
    def _highlighted(self, event: DataTable.RowHighlighted) -> None:
        self._show_details(event.row_key.value)

    @on(DataTable.RowSelected)
    def _selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        if event.row_key.value is not None:
            self._open(event.row_key.value)

    def _show_details(self, key: str | None = None) -> None:
        tr = self.workshop.tr
        details = self.query_one("#start-details", Static)
        summary = self.summaries.get(key) if key else None
        if summary is None:
            details.update(tr("start.hint"))
            return
        if summary.error is not None:
            details.update(Text(summary.error.render(tr), style="red"))
            return
        session = summary.session
        assert session is not None
        from cjworkshop.export.summary import progress_text
        from cjworkshop.model.queries import progress

        counts = progress(session)
        lines = [
            Text(session.title, style="bold"),
            Text(
                f"{self._shown_path(summary.path)}  ·  {tr(f'mode.{session.mode}')}  ·  "
                f"{tr(f'language.{session.language}')}  ·  {tr(f'shape.{session.shape}')}"
            ),
            Text(" → ".join(phase.name for phase in session.phases) or tr("start.no_phases")),
            Text(progress_text(tr, session)),
        ]
        if counts.pairs:
            lines.append(Text(tr("start.plotted", done=counts.plotted, total=counts.pairs)))
        details.update(Text("\n").join(lines))

    def _shown_path(self, path: Path) -> str:
        """A session's path relative to where the app runs; an example by its file name."""
        if path.parent.resolve() == self.examples.resolve():
            return path.name
        try:
            return str(path.resolve().relative_to(Path.cwd().resolve()))
        except (ValueError, OSError):
            return str(path)

    def _focused_table(self) -> DataTable[str | Text] | None:
        focused = self.focused
        return focused if isinstance(focused, DataTable) else None

    def action_open_highlighted(self) -> None:
        table = self._focused_table()
        if table is None or table.row_count == 0:
            return
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        if key is not None:
            self._open(key)

    def _open(self, key: str) -> None:
        summary = self.summaries.get(key)
        if summary is None:
            return
        if summary.error is not None:
            self.notify(summary.error.render(self.workshop.tr), severity="error", timeout=10)
            return
        path: Path | None = summary.path
        if self.shows_examples and summary.path.parent.resolve() == self.examples.resolve():
            path = self._copy_example(summary.path)
        if path is not None:
            self.workshop.open_session(path)

    def _copy_example(self, example: Path) -> Path | None:
        from cjworkshop.store.atomic import write_atomically

        target = self.folder / example.name
        if target.is_file() and not target.is_symlink():
            return target
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            # A new file, never written through a link planted under the example's name.
            write_atomically(target, example.read_bytes(), exclusive=True)
        except OSError as error:
            self.notify(
                self.workshop.tr("start.copy_failed", folder=str(self.folder), reason=str(error)),
                severity="error",
            )
            return None
        self.notify(self.workshop.tr("start.copied", path=str(target)))
        return target

    def action_new_session(self) -> None:
        self._new_session_form(None)

    def _new_session_form(self, initial: dict[str, str] | None) -> None:
        from cjworkshop.store.drafts import Draft, new_session_draft_path
        from cjworkshop.ui.drafts import DraftKeeper
        from cjworkshop.ui.modals.new_session import NewSessionModal

        if self._drafts is None:
            self._drafts = DraftKeeper(
                self,
                lambda: new_session_draft_path(self.folder),
                lambda: None,
                self.workshop.timers(self),
            )
        drafts, clock = self._drafts, self.workshop.clock

        def changed(values: dict[str, str]) -> None:
            if values["title"].strip():
                drafts.keep(Draft("new-session", None, None, values, clock()))

        self.app.push_screen(NewSessionModal(on_change=changed, initial=initial), self._create)

    def _create(self, choice: NewSession | None) -> None:
        if self._drafts is not None:
            self._drafts.drop()
        if choice is None:
            return
        from cjworkshop.store.errors import StoreError
        from cjworkshop.store.folders import create_session
        from cjworkshop.store.templates import find_template

        tr = self.workshop.tr
        try:
            template = find_template(choice.template)
            if template is None:
                self.notify(tr("start.no_template", name=choice.template), severity="error")
                return
            path = create_session(
                self.folder,
                template,
                title=choice.title,
                language=choice.language,
                mode=choice.mode,
                when=self.workshop.clock(),
            )
        except StoreError as error:
            self.notify(error.render(tr), severity="error", timeout=15)
            return
        self.workshop.open_session(path)

    def action_switch_language(self) -> None:
        app = self.workshop
        app.start_language = "en" if app.start_language == "nl" else "nl"
        app.language = app.start_language
        self._show_lists()
        self.refresh_bindings()

    def action_refresh(self) -> None:
        self.refresh_lists()

    def on_screen_resume(self) -> None:
        """Shown again after a session closed: read the folder, it may have changed."""
        if self.is_mounted:
            self.refresh_lists()

    def palette_commands(self) -> list[PaletteCommand]:
        tr = self.workshop.tr
        return [
            PaletteCommand(
                tr("cmd.new_session"), tr("cmdhelp.new_session"), self.action_new_session
            ),
            PaletteCommand(tr("cmd.language"), tr("cmdhelp.language"), self.action_switch_language),
            PaletteCommand(tr("cmd.refresh"), tr("cmdhelp.refresh"), self.action_refresh),
        ]
