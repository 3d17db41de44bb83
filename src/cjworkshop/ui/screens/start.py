"""The start screen: the sessions in the folder, the bundled examples, and a new session.

Sessions are listed with their template, progress and last change; a file that cannot be read is
listed with the reason, so nothing in the folder silently disappears. The folders are read in a
thread after the screen is first drawn, so a folder of many or large sessions never keeps the
screen from appearing; the thread is given the folders to read and hands back what it found.
Opening a bundled example (when the examples are not already in the sessions folder) copies it
there first, so the original stays as shipped. A new session's form keeps a draft in the folder
while it is filled in, and opens again with it after a crash. Opening a session is the app's to
do: the screen says which with ``SessionChosen``.

The store (msgspec, the model, the session files) and the new-session dialog are imported where
they are first used, not with this screen: with it they would cost some 13 and 15 ms of CPU
before the first frame, which is 250 ms in all (bench/run.py, against 210 ms for a bare app).
"""

from __future__ import annotations

import asyncio
import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import DataTable, Label, Static

from cjworkshop.i18n import Language, Translator, translator
from cjworkshop.store.resources import examples_folder
from cjworkshop.ui.commands import PaletteCommand
from cjworkshop.ui.screens.base import LanguageChosen, SessionChosen, WorkshopScreen
from cjworkshop.ui.widgets.key_bar import KeyBar
from cjworkshop.ui.widgets.record_table import LiteralTable
from cjworkshop.ui.widgets.text import TextLabel, TextPanel

if TYPE_CHECKING:
    from cjworkshop.store.drafts import Draft
    from cjworkshop.store.folders import SessionSummary
    from cjworkshop.ui.drafts import DraftKeeper
    from cjworkshop.ui.modals.new_session import NewSession
    from cjworkshop.ui.scheduler import Timers


@dataclass(frozen=True)
class FolderContents:
    """What reading the folders found: the sessions, the examples, a new session's draft."""

    sessions: list[SessionSummary]
    examples: list[SessionSummary]
    draft: Draft | None


def read_folders(folder: Path, examples: Path | None) -> FolderContents:
    """The sessions in ``folder`` and in ``examples`` (if given), and a new session's draft
    left in ``folder``; run in a thread."""
    from cjworkshop.store.drafts import new_session_draft_path, read_draft_file  # see the top
    from cjworkshop.store.folders import list_sessions

    return FolderContents(
        list_sessions(folder),
        list_sessions(examples) if examples is not None else [],
        read_draft_file(new_session_draft_path(folder)),
    )


class StartScreen(WorkshopScreen):
    """Open a session, open an example, or start a new one."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("n", "new_session", "key.new_session"),
        Binding("enter", "open_highlighted", "key.open"),
        Binding("ctrl+l", "switch_language", "key.language"),
        Binding("ctrl+r", "refresh", "key.refresh", show=False),
        Binding("ctrl+q", "app.quit", "key.quit"),
    ]

    def __init__(
        self,
        folder: Path,
        tr: Translator,
        *,
        clock: Callable[[], dt.datetime],
        timers: Timers,
    ) -> None:
        super().__init__(tr)
        self.folder = folder
        self.clock = clock
        self.timers = timers
        """How the new session's draft waits (``ui.scheduler``)."""
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
        tr = self.tr
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
        self.call_after_refresh(self._read_folders)

    @work(exclusive=True, group="folders", exit_on_error=False)
    async def _read_folders(self) -> None:
        examples = self.examples if self.shows_examples else None
        found = await asyncio.to_thread(read_folders, self.folder, examples)
        self._folders_read(found)

    def _folders_read(self, found: FolderContents) -> None:
        self.found = (found.sessions, found.examples)
        self._show_lists()
        draft = found.draft
        if draft is not None and draft.kind == "new-session" and self.app.screen is self:
            self.notify(self.tr("draft.recovered"), timeout=10)
            self._new_session_form(draft.values)
        if self.focused is None or not self.focused.display:
            tables = [table for table in self.query(DataTable) if table.display]
            if tables:
                tables[0].focus()

    def _show_lists(self) -> None:
        """Show the lists as last read, in the current language."""
        tr = self.tr
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
        shown = self._fill(self.query_one("#sessions", LiteralTable), mine)
        empty.update(tr("start.no_sessions", folder=str(self.folder)) if not shown else "")
        empty.display = not shown
        if self.shows_examples:
            label = self.query_one("#examples-label", Label)
            label.update(tr("start.examples"))
            label.display = bool(self._fill(self.query_one("#examples", LiteralTable), examples))
        self._show_details()

    def _fill(self, table: LiteralTable, summaries: list[SessionSummary]) -> int:
        from cjworkshop.export.summary import progress_text  # the store: see the top

        tr = self.tr
        # No column keys: a DataTable that gets the same keys again after clear() keeps
        # drawing them at the old widths.
        columns: list[tuple[str, int | None]] = [
            (tr(f"start.column.{column}"), None)
            for column in ("title", "template", "progress", "changed")
        ]
        rows: list[tuple[str | None, list[str | Text]]] = []
        for summary in summaries:
            key = str(summary.path)
            self.summaries[key] = summary
            changed = summary.updated.astimezone().strftime("%Y-%m-%d %H:%M")
            if summary.session is None:
                title = Text(summary.path.name, style="red")
                rows.append((key, [title, "", Text(tr("start.broken"), style="red"), changed]))
            else:
                session = summary.session
                progress = progress_text(tr, session)
                rows.append((key, [Text(session.title), session.template, progress, changed]))
        # Fitted to the screen's width: the progress gives way rather than pushing the other
        # columns off the screen (the details under the lists show it whole).
        table.show_rows(columns, rows, give_way=2)
        table.display = bool(summaries)
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
        tr = self.tr
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
        from cjworkshop.export.summary import progress_text  # the store: see the top
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
            self.notify(summary.error.render(self.tr), severity="error", timeout=10)
            return
        path: Path | None = summary.path
        if self.shows_examples and summary.path.parent.resolve() == self.examples.resolve():
            path = self._copy_example(summary.path)
        if path is not None:
            self.post_message(SessionChosen(path))

    def _copy_example(self, example: Path) -> Path | None:
        from cjworkshop.store.atomic import write_atomically  # the store: see the top

        target = self.folder / example.name
        if target.is_file() and not target.is_symlink():
            return target
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            # A new file, never written through a link planted under the example's name.
            write_atomically(target, example.read_bytes(), exclusive=True)
        except OSError as error:
            self.notify(
                self.tr("start.copy_failed", folder=str(self.folder), reason=str(error)),
                severity="error",
            )
            return None
        self.notify(self.tr("start.copied", path=str(target)))
        return target

    def action_new_session(self) -> None:
        self._new_session_form(None)

    def _new_session_form(self, initial: dict[str, str] | None) -> None:
        # The store and the new-session dialog: see the top.
        from cjworkshop.store.drafts import Draft, new_session_draft_path
        from cjworkshop.ui.drafts import DraftKeeper
        from cjworkshop.ui.modals.new_session import NewSessionModal

        if self._drafts is None:
            self._drafts = DraftKeeper(
                self,
                lambda: new_session_draft_path(self.folder),
                lambda: None,
                self.timers(self),
            )
        drafts, clock = self._drafts, self.clock

        def changed(values: dict[str, str]) -> None:
            if values["title"].strip():
                drafts.keep(Draft("new-session", None, None, values, clock()))

        dialog = NewSessionModal(self.tr, on_change=changed, initial=initial)
        self.app.push_screen(dialog, self._create)

    def _create(self, choice: NewSession | None) -> None:
        if self._drafts is not None:
            self._drafts.drop()
        if choice is None:
            return
        from cjworkshop.store.errors import StoreError  # the store: see the top
        from cjworkshop.store.folders import create_session
        from cjworkshop.store.templates import find_template

        tr = self.tr
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
                when=self.clock(),
            )
        except StoreError as error:
            self.notify(error.render(tr), severity="error", timeout=15)
            return
        self.post_message(SessionChosen(path))

    def action_switch_language(self) -> None:
        language: Language = "en" if self.tr.language == "nl" else "nl"
        self.tr = translator(language)
        self.post_message(LanguageChosen(language))
        self._show_lists()
        self.refresh_bindings()

    def action_refresh(self) -> None:
        self.refresh_lists()

    def on_screen_resume(self) -> None:
        """Shown again after a session closed: read the folder, it may have changed."""
        if self.is_mounted:
            self.refresh_lists()

    def palette_commands(self) -> list[PaletteCommand]:
        tr = self.tr
        return [
            PaletteCommand(
                tr("cmd.new_session"), tr("cmdhelp.new_session"), self.action_new_session
            ),
            PaletteCommand(tr("cmd.language"), tr("cmdhelp.language"), self.action_switch_language),
            PaletteCommand(tr("cmd.refresh"), tr("cmdhelp.refresh"), self.action_refresh),
        ]
