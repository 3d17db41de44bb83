"""The Textual application: start screen or session screen, language, and a safe way out.

``create_app`` is the one factory the command line and the tests share. The app itself stays
small: it picks the first screen, knows the language the user reads (the session's, once one is
open), opens sessions (asking before opening one read-only when another process holds it), and
makes sure that quitting, SIGTERM and SIGHUP all write what the room committed before the
process ends.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import gc
import signal
import weakref
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from textual import events
from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.reactive import reactive
from textual.screen import Screen
from textual.widget import Widget

from cjworkshop import GC_THRESHOLD
from cjworkshop.i18n import Language, Translator, translator
from cjworkshop.model.clock import now
from cjworkshop.ui.commands import WorkshopCommands
from cjworkshop.ui.scheduler import Scheduler, WidgetTimers
from cjworkshop.ui.screens.base import LiteralNotifications, WorkshopModal

if TYPE_CHECKING:
    from cjworkshop.model.session import Step
    from cjworkshop.store.document import SessionDocument
    from cjworkshop.store.errors import EditRefused
    from cjworkshop.store.session_file import LoadedSession


class WorkshopApp(LiteralNotifications, App[None]):
    """cjworkshop in the terminal."""

    CSS_PATH = "app.tcss"
    TITLE = "cjworkshop"
    COMMANDS = App.COMMANDS | {WorkshopCommands}
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (100, "-normal"), (160, "-wide")]  # noqa: RUF012
    BINDINGS: ClassVar[list[BindingType]] = [
        # F1 works in dialogs too (a dialog hands no other key to the app); "?" does not take
        # priority, as it is also a character people type.
        Binding("f1", "toggle_keys", "key.keys", id="keys", priority=True),
        Binding("question_mark", "toggle_keys", "key.keys", show=False, id="keys-question"),
    ]

    language: reactive[Language] = reactive[Language]("en")
    """The language of every text on screen: the session's, or the user's on the start screen."""

    def __init__(
        self,
        *,
        folder: Path,
        session_path: Path | None = None,
        language: Language = "en",
        read_only: bool = False,
        clock: Callable[[], dt.datetime] = now,
        step: Step | None = None,
        loaded: LoadedSession | None = None,
    ) -> None:
        super().__init__()
        self.folder = folder
        self.session_path = session_path
        self.read_only = read_only
        self.first_step = step
        """The step to open the first session at (``open --step``); else its first step."""
        self.preloaded = loaded
        """The first session as the command line already read it, so it is not read twice."""
        self.clock = clock
        self.timers: Callable[[Widget], Scheduler] = WidgetTimers
        """How the autosave, the drafts and the timebox of a widget wait and tell the time:
        Textual's timers; tests hand a clock they move by hand (``ui.scheduler``)."""
        self.set_reactive(WorkshopApp.language, language)
        self.start_language: Language = language
        self.document: SessionDocument | None = None
        self.held_keys: list[events.Key] = []
        """Keys typed for a dialog that has not yet put the focus on a field."""
        self.keys_passed: weakref.WeakKeyDictionary[events.Key, Screen[Any]] = (
            weakref.WeakKeyDictionary()
        )
        """The screen each key on its way back to the app passed (``key_passed``)."""

    @property
    def tr(self) -> Translator:
        return translator(self.language)

    # Keys typed faster than the screens follow ----------------------------------------------
    # Textual hands every key to the screen on top as it reads it; a key that opens or closes
    # a dialog does so only once it has come back up to the app. Keys typed right behind it
    # would reach a screen that is no longer on top, or a dialog with no field to take them.
    # They go where the same keys typed one by one would go.

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.Key) and not event.is_forwarded and self._holding_keys():
            self.held_keys.append(event)
            return
        await super().on_event(event)

    def _holding_keys(self) -> bool:
        screen = self.screen_stack[-1] if self.screen_stack else None
        return isinstance(screen, WorkshopModal) and not screen.keys_ready

    async def deliver_held_keys(self, dialog: WorkshopModal[Any]) -> None:
        """The dialog takes keys now: hand it those typed for it meanwhile, in order."""
        dialog.keys_ready = True
        held, self.held_keys = self.held_keys, []
        for key in held:
            await self.on_event(key)

    def key_passed(self, key: events.Key, screen: Screen[Any]) -> None:
        self.keys_passed[key] = screen

    async def on_key(self, event: events.Key) -> None:
        """A key that went to a screen no longer on top is handed out again, as if just typed."""
        passed = self.keys_passed.pop(event, None)
        if passed is None or passed is self.screen:
            return
        event.prevent_default()  # not Textual's own handling: it would look in the wrong place
        event.stop()
        await self.on_event(events.Key(event.key, event.character))

    def get_default_screen(self) -> Screen[Any]:
        """The start screen itself when no session is asked for: the first frame shows it."""
        if self.session_path is not None:
            return super().get_default_screen()
        from cjworkshop.ui.screens.start import StartScreen

        return StartScreen(self.folder)

    def on_mount(self) -> None:
        self._install_signal_handlers()
        if self.session_path is not None:
            # Opened once start-up is over: a screen pushed while the app is still mounting is
            # laid out and drawn inside Textual's start-up batch, whose frame is thrown away,
            # and then drawn again; its after-refresh work would run before the first frame.
            self.call_later(self._open_first_session, self.session_path)

    def _open_first_session(self, path: Path) -> None:
        self.open_session(path, read_only=self.read_only, first=True)
        self.preloaded = None

    def show_start(self) -> None:
        from cjworkshop.ui.screens.start import StartScreen

        self.language = self.start_language
        self.push_screen(StartScreen(self.folder))

    def open_session(self, path: Path, *, read_only: bool = False, first: bool = False) -> None:
        """Open a session on its own screen; a locked one may be opened read-only after asking."""
        # The store is imported when a session is opened, not when the app starts.
        from cjworkshop.store.document import SessionDocument
        from cjworkshop.store.errors import EditRefused, StoreError

        preloaded = self.preloaded if first else None
        try:
            document = SessionDocument.open(
                path, read_only=read_only, clock=self.clock, loaded=preloaded
            )
        except EditRefused as error:
            # Open elsewhere, a read-only file, a folder where no lock can be made: the
            # session can still be read, and saved elsewhere from there (Ctrl+S).
            self._ask_read_only(path, error, first=first)
            return
        except StoreError as error:
            self.notify(error.render(self.tr), severity="error", timeout=15)
            if first:
                self.show_start()
            return
        self._show_document(document, self.first_step if first else None)

    def _show_document(self, document: SessionDocument, step: Step | None = None) -> None:
        from cjworkshop.ui.screens.session import SessionScreen

        self.document = document
        self.language = document.session.language
        self.push_screen(SessionScreen(document, step))

    def _ask_read_only(self, path: Path, error: EditRefused, *, first: bool) -> None:
        from cjworkshop.ui.modals.confirm import ConfirmModal

        def answered(read_only: bool | None) -> None:
            if read_only:
                self.open_session(path, read_only=True, first=first)
            elif first:
                self.show_start()

        message = error.render(self.tr)
        self.push_screen(
            ConfirmModal(message, self.tr("open.read_only"), self.tr("button.cancel")), answered
        )

    def close_session(self) -> None:
        """Save, release the lock and go back to the start screen."""
        if self.document is not None:
            self.document.close()
            self.document = None
        self.switch_to_start()

    def replace_session(self, path: Path) -> None:
        """Close the open session and continue in another file, such as a new revisit."""
        if self.document is not None:
            self.document.close()
            self.document = None
        while len(self.screen_stack) > 1:
            self.pop_screen()
        self.open_session(path)

    def switch_to_start(self) -> None:
        from cjworkshop.ui.screens.start import StartScreen

        self.language = self.start_language
        while len(self.screen_stack) > 1:
            self.pop_screen()
        if not isinstance(self.screen, StartScreen):
            self.push_screen(StartScreen(self.folder))

    async def action_quit(self) -> None:
        """Quit; when the disk is behind (a failing save, a read-only session), ask first."""
        document = self.document
        if document is not None and document.dirty:
            document.save()
        if document is None or not document.dirty:
            self.exit()
            return
        from cjworkshop.ui.modals.confirm import ConfirmModal

        def answered(quit_anyway: bool | None) -> None:
            if quit_anyway:
                self.exit()

        tr = self.tr
        self.push_screen(
            ConfirmModal(tr("quit.unsaved"), tr("quit.anyway"), tr("quit.stay"), danger=True),
            answered,
        )

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        """Textual's own palette commands, in the user's language and namespaced like ours."""
        tr = self.tr
        yield SystemCommand(tr("cmd.keys"), tr("cmdhelp.keys"), self.action_toggle_keys)
        yield SystemCommand(tr("cmd.theme"), tr("cmdhelp.theme"), self.action_change_theme)
        yield SystemCommand(
            tr("cmd.screenshot"),
            tr("cmdhelp.screenshot"),
            lambda: self.set_timer(0.1, self.deliver_screenshot),
        )
        yield SystemCommand(tr("cmd.quit"), tr("cmdhelp.quit"), self.action_quit)

    def action_toggle_keys(self) -> None:
        if self.screen.query("HelpPanel"):
            self.action_hide_help_panel()
        else:
            self.action_show_help_panel()

    def _install_signal_handlers(self) -> None:
        """SIGTERM and SIGHUP (a closed terminal) end the app the same way quitting does."""
        if self.is_headless:
            return
        loop = asyncio.get_running_loop()
        for number in (signal.SIGTERM, signal.SIGHUP):
            with contextlib.suppress(NotImplementedError, RuntimeError, ValueError):
                loop.add_signal_handler(number, self._terminate)

    def _terminate(self) -> None:
        self.finish()
        self.exit()

    def finish(self) -> None:
        """Write what is pending and release the session; called on every way out."""
        if self.document is not None:
            self.document.close()

    def _fatal_error(self) -> None:
        """An error nobody expected: say so, and show where, without the values of variables.

        Textual's own report shows every frame's variables, which would print what the room
        typed (the session, a form's text) on the terminal and into its scrollback. Textual
        has no setting for that, so this one method of its error handling is replaced; it
        hands the report to the public ``panic``. ``tests/ui/test_crash.py`` notices if
        Textual stops calling it.
        """
        from rich.console import Group
        from rich.text import Text
        from rich.traceback import Traceback

        self.bell()
        self.panic(Group(Text(self.tr("crash.message")), Traceback(show_locals=False)))


def create_app(
    *,
    folder: Path,
    session_path: Path | None = None,
    language: Language = "en",
    read_only: bool = False,
    clock: Callable[[], dt.datetime] = now,
    step: Step | None = None,
    loaded: LoadedSession | None = None,
) -> WorkshopApp:
    """The app as the command line and the tests build it."""
    return WorkshopApp(
        folder=folder,
        session_path=session_path,
        language=language,
        read_only=read_only,
        clock=clock,
        step=step,
        loaded=loaded,
    )


def run_app(app: WorkshopApp, **options: Any) -> None:
    """Run until the user quits, then make sure the session is written and released.

    ``options`` go to ``App.run`` (the benchmark runs the app headless, as the tests do).
    """
    # What is loaded by now (Textual, the catalogs, the templates) lives as long as the process.
    # Frozen, the garbage collector stops rescanning it on every full collection while a large
    # session opens, and skips it again at exit, when the session and every widget would be
    # swept for nothing: tens of milliseconds each (see the README's benchmark section).
    gc.freeze()
    gc.set_threshold(*GC_THRESHOLD)
    try:
        app.run(**options)
    finally:
        app.finish()
        gc.freeze()
    if app.return_code:
        raise SystemExit(app.return_code)  # the command failed, and says so to its caller
