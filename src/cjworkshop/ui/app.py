"""The Textual application: start screen or session screen, language, and a safe way out.

``create_app`` is the one factory the command line and the tests share. The app itself stays
small: it picks the first screen, knows the language the user reads (the session's, once one is
open), owns the open session (asking before opening one read-only when another process holds
it; in a browser, ``cjworkshop serve``, opening it read-only at once and saying so) and makes
sure that quitting, closing, SIGTERM and SIGHUP all write what the room committed before the
session is let go. Screens ask it for what only it can do with messages
(``screens.base``); it hands them what they need when it makes them.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import gc
import os
import signal
import sys
import weakref
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from rich.console import Group
from rich.text import Text
from textual import events, on
from textual.app import App
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.theme import Theme

from cjworkshop.i18n import Language, Translator, translator
from cjworkshop.model.clock import now
from cjworkshop.ui.commands import WorkshopCommands
from cjworkshop.ui.last_save import LastSave, in_daemon_thread, unsaved, within_patience
from cjworkshop.ui.modals.base import KeysReady, WorkshopModal
from cjworkshop.ui.modals.confirm import ConfirmModal
from cjworkshop.ui.palette import PaletteApp
from cjworkshop.ui.scheduler import Timers, WidgetTimers
from cjworkshop.ui.screens.base import (
    LanguageChosen,
    PresentationThemeRequested,
    RevisitStarted,
    SessionChosen,
    SessionCloseRequested,
)
from cjworkshop.ui.screens.start import StartScreen
from cjworkshop.ui.widgets.text import LiteralNotifications

if TYPE_CHECKING:
    from cjworkshop.model.session import Step
    from cjworkshop.store.document import SaveResult, SessionDocument
    from cjworkshop.store.errors import EditRefused
    from cjworkshop.store.session_file import LoadedSession


PRESENTATION = Theme(
    name="cjworkshop-presentation",
    primary="#ffd700",
    secondary="#00d7ff",
    accent="#00d7ff",
    foreground="#ffffff",
    background="#000000",
    surface="#000000",
    panel="#303030",
    success="#5fff5f",
    warning="#ffd700",
    error="#ff5f5f",
    dark=True,
)
"""The presentation mode's theme: white on black, a yellow and a cyan that stay apart for the
common kinds of colour blindness, read from the back of a room on a weak projector."""


class WorkshopApp(LiteralNotifications, PaletteApp):
    """cjworkshop in the terminal."""

    CSS_PATH = "app.tcss"
    TITLE = "cjworkshop"
    COMMANDS = App.COMMANDS | {WorkshopCommands}
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (100, "-normal"), (160, "-wide")]  # noqa: RUF012
    VERTICAL_BREAKPOINTS = [(0, "-short"), (32, "-tall")]  # noqa: RUF012
    BINDINGS: ClassVar[list[BindingType]] = [
        # F1 works in dialogs too (a dialog hands no other key to the app); "?" does not take
        # priority, as it is also a character people type.
        Binding("f1", "toggle_keys", "key.keys", priority=True),
        Binding("question_mark", "toggle_keys", "key.keys", show=False),
    ]

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
        self.timers: Timers = WidgetTimers
        """How the autosave, the drafts and the timebox of a widget wait and tell the time:
        Textual's timers; tests hand a clock they move by hand (``ui.scheduler``)."""
        self.language: Language = language
        """The language of the app's own texts: the open session's, else the start screen's."""
        self.start_language: Language = language
        self.document: SessionDocument | None = None
        """The open session. The app is its one owner: it opens it, and every way out of it
        (closing, a revisit, quitting, SIGTERM and SIGHUP, ``run_app``'s last word) passes
        through the app, which closes it once, in ``_close_document``. The session screen
        edits it (commits, undo, autosave) but never closes it."""
        self.not_saved: str | None = None
        """What could not be written when the last session closed, in words; said after the
        app ends."""
        self.disk_hangs = False
        """True when a session's last save never came back: the process then ends without
        waiting for it."""
        self.held_keys: list[events.Key] = []
        """Keys typed for a dialog that has not yet put the focus on a field."""
        self.theme_before_presentation = self.theme
        """The theme to go back to when a presentation ends."""
        self.keys_passed: weakref.WeakKeyDictionary[events.Key, Screen[Any]] = (
            weakref.WeakKeyDictionary()
        )
        """The screen each key was handed to, for when it comes back up to the app."""

    @property
    def tr(self) -> Translator:
        return translator(self.language)

    # Keys typed faster than the screens follow ----------------------------------------------
    # Textual hands every key to the screen on top as it reads it; a key that opens or closes
    # a dialog does so only once it has come back up to the app. Keys typed right behind it
    # would reach a screen that is no longer on top, or a dialog with no field to take them.
    # They go where the same keys typed one by one would go.

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.Key) and not event.is_forwarded:
            if self._holding_keys():
                self.held_keys.append(event)
                return
            # Textual hands the key to (the focused widget of) this screen; noted, so that the
            # key can be sent on when it comes back up after another screen came on top.
            self.keys_passed[event] = self.screen
        await super().on_event(event)

    def _holding_keys(self) -> bool:
        screen = self.screen_stack[-1] if self.screen_stack else None
        return isinstance(screen, WorkshopModal) and not screen.keys_ready

    @on(KeysReady)
    async def deliver_held_keys(self, message: KeysReady) -> None:
        """The dialog takes keys now: hand it those typed for it meanwhile, in order."""
        message.dialog.keys_ready = True
        held, self.held_keys = self.held_keys, []
        for key in held:
            await self.on_event(key)

    async def on_key(self, event: events.Key) -> None:
        """A key that went to a screen no longer on top is handed out again, as if just typed."""
        passed = self.keys_passed.pop(event, None)
        if passed is None or passed is self.screen:
            return
        event.prevent_default()  # not Textual's own handling: it would look in the wrong place
        event.stop()
        await self.on_event(events.Key(event.key, event.character))

    # Screens --------------------------------------------------------------------------------

    def get_default_screen(self) -> Screen[Any]:
        """The start screen itself when no session is asked for: the first frame shows it."""
        if self.session_path is not None:
            return super().get_default_screen()
        return self._start_screen()

    def _start_screen(self) -> StartScreen:
        self.language = self.start_language
        return StartScreen(
            self.folder, translator(self.start_language), clock=self.clock, timers=self.timers
        )

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

    @on(SessionChosen)
    def _open_chosen_session(self, message: SessionChosen) -> None:
        self.open_session(message.path)

    @on(LanguageChosen)
    def _speak_the_start_screens_language(self, message: LanguageChosen) -> None:
        self.start_language = self.language = message.language

    def open_session(self, path: Path, *, read_only: bool = False, first: bool = False) -> None:
        """Open a session on its own screen; a locked one may be opened read-only after asking."""
        # The store (msgspec, the model, the session file) is imported when a session opens:
        # at the start screen's first frame it would cost some 14 ms of CPU (of 250 ms in all,
        # bench/run.py).
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
            if self.is_web:
                self._open_read_only_in_browser(path, error, first=first)
            else:
                self._ask_read_only(path, error, first=first)
            return
        except StoreError as error:
            self.notify(error.render(self.tr), severity="error", timeout=15)
            if first:
                self.show_start()
            return
        self._show_document(document, self.first_step if first else None)

    def _show_document(self, document: SessionDocument, step: Step | None = None) -> None:
        # The session screen and its modules come with the first session: at the start
        # screen's first frame they would cost some 27 ms of CPU (of 250 ms in all, bench/run.py).
        from cjworkshop.ui.screens.session import SessionScreen

        self.document = document
        self.language = document.session.language
        tr = translator(self.language)
        self.push_screen(
            SessionScreen(document, tr, step=step, clock=self.clock, timers=self.timers)
        )

    def _ask_read_only(self, path: Path, error: EditRefused, *, first: bool) -> None:
        def answered(read_only: bool | None) -> None:
            if read_only:
                self.open_session(path, read_only=True, first=first)
            elif first:
                self.show_start()

        tr = self.tr
        message = error.render(tr)
        self.push_screen(
            ConfirmModal(tr, message, tr("open.read_only"), tr("button.cancel")), answered
        )

    def _open_read_only_in_browser(self, path: Path, error: EditRefused, *, first: bool) -> None:
        """In a browser (``cjworkshop serve``) every page after the first finds the session
        held by the first: it shows it read-only without asking, and says why."""
        from cjworkshop.store.errors import LockedError

        self.open_session(path, read_only=True, first=first)
        tr = self.tr
        if isinstance(error, LockedError):
            message = tr("web.read_only_locked")
        else:
            message = tr("web.read_only", reason=error.render(tr))
        self.notify(message, severity="warning", timeout=30)

    def show_start(self) -> None:
        self.push_screen(self._start_screen())

    @on(PresentationThemeRequested)
    def _presentation_theme(self, event: PresentationThemeRequested) -> None:
        if event.on:
            if PRESENTATION.name not in self.available_themes:
                self.register_theme(PRESENTATION)
            if self.theme != PRESENTATION.name:
                self.theme_before_presentation = self.theme
                self.theme = PRESENTATION.name
        elif self.theme == PRESENTATION.name:
            self.theme = self.theme_before_presentation

    @on(SessionCloseRequested)
    async def _close_session(self) -> None:
        """Save, release the lock and go back to the start screen."""
        await self._leave_session()
        if not isinstance(self.screen, StartScreen):
            self.show_start()
        else:
            self.language = self.start_language

    @on(RevisitStarted)
    async def _continue_in_revisit(self, message: RevisitStarted) -> None:
        """Close the open session and continue in the revisit just written."""
        await self._leave_session()
        self.open_session(message.path)

    async def _leave_session(self) -> None:
        """Take the session's screens away (the timebox records its time as they go), then
        close the session; a change that could not be written is said."""
        while len(self.screen_stack) > 1:
            await self.pop_screen()
        if await self._release_document() and self.not_saved is not None:
            self.notify(self.not_saved, severity="error", timeout=30)

    # Leaving --------------------------------------------------------------------------------

    def _close_document(self) -> LastSave | None:
        """The one close of the open session (``last_save``); None when none is open."""
        document, self.document = self.document, None
        return LastSave(document) if document is not None else None

    async def _release_document(self) -> bool:
        """Close the open session, waiting a few seconds at most for its last save; False
        when no session was open."""
        closing = self._close_document()
        if closing is None:
            return False
        self._note_unsaved(closing, await closing.result())
        return True

    def finish(self) -> None:
        """Write what is pending and release the session if it is still open: ``run_app``'s
        last word, after the event loop has stopped (an error, a signal)."""
        closing = self._close_document()
        if closing is not None:
            self._note_unsaved(closing, closing.result_now())

    def _note_unsaved(self, closing: LastSave, result: SaveResult | None) -> None:
        self.disk_hangs = self.disk_hangs or result is None
        self.not_saved = unsaved(self.tr, closing.document, result)

    async def on_unmount(self) -> None:
        """The app ends (quitting, a signal, an error): its screens are gone, the session's
        timebox has recorded its time, and the session is closed last."""
        await self._release_document()

    async def action_quit(self) -> None:
        """Quit; when the disk is behind (a failing save, a read-only session), ask first."""
        document = self.document
        if document is not None and document.dirty:
            # Off the event loop and not for ever: a disk that hangs is asked about below.
            await within_patience(in_daemon_thread(document.save))
        if document is None or not document.dirty:
            self.exit()
            return

        def answered(quit_anyway: bool | None) -> None:
            if quit_anyway:
                self.exit()

        tr = self.tr
        self.push_screen(
            ConfirmModal(tr, tr("quit.unsaved"), tr("quit.anyway"), tr("quit.stay"), danger=True),
            answered,
        )

    # The rest of the app -------------------------------------------------------------------

    def _install_signal_handlers(self) -> None:
        """SIGTERM and SIGHUP (a closed terminal) end the app the same way quitting does."""
        if self.is_headless:
            return
        loop = asyncio.get_running_loop()
        for number in (signal.SIGTERM, signal.SIGHUP):
            # Where the loop cannot take signals (Windows, or a loop outside the main thread),
            # the terminal's own handling stays, and quitting still saves.
            with contextlib.suppress(NotImplementedError, RuntimeError, ValueError):
                loop.add_signal_handler(number, self.exit)

    def _fatal_error(self) -> None:
        """An error nobody expected: say so, and show where, without the values of variables.

        Textual's own report shows every frame's variables, which would print what the room
        typed (the session, a form's text) on the terminal and into its scrollback. Textual
        has no setting for that, so this one method of its error handling is replaced; it
        hands the report to the public ``panic``. ``tests/ui/test_crash.py`` notices if
        Textual stops calling it.
        """
        # Rich's traceback (and Pygments with it) only when there is one to show: imported
        # with the app it would cost some 11 ms of CPU before every first frame.
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
    # What is loaded by now (Textual, the catalogs, a session the command line read) lives as long
    # as the process. Frozen, the garbage collector stops rescanning it on every full collection
    # while the screens are built (11-16 ms of CPU before a large session's grid is drawn), and
    # at exit, when the session and every widget would be swept for nothing (40-50 ms of every
    # quit; see the README's benchmark section).
    gc.freeze()
    # A loop of our own rather than asyncio.run's, which waits for every worker thread at the
    # end: one stuck writing to a disk that hangs would keep the app from ever ending.
    loop = asyncio.new_event_loop()
    try:
        app.run(loop=loop, **options)
    finally:
        if app.is_web:
            _ignore_ctrl_c(loop)
        app.finish()
        gc.freeze()
    if app.not_saved is not None:
        with contextlib.suppress(OSError):  # the terminal may be gone (SIGHUP)
            print(app.not_saved, file=sys.stderr, flush=True)
    if app.disk_hangs:
        os._exit(1)  # what the disk has not answered for stays unsaved, and was said so
    loop.run_until_complete(loop.shutdown_default_executor())
    loop.close()
    if app.return_code:
        raise SystemExit(app.return_code)  # the command failed, and says so to its caller


def _ignore_ctrl_c(loop: asyncio.AbstractEventLoop) -> None:
    """Ctrl+C no longer interrupts this process, once the app has ended in a browser.

    There (``cjworkshop serve``) the app is in the server's process group, so Ctrl+C in the
    server's terminal reaches it while the server also tells it to quit: whichever came first
    ended it, and the other must not interrupt the last save or the wait for its threads, nor
    print a traceback on the server's terminal. The web driver's own handler goes first, or
    closing the loop would put Python's KeyboardInterrupt back in its place.
    """
    with contextlib.suppress(NotImplementedError):  # a loop without signals (Windows)
        loop.remove_signal_handler(signal.SIGINT)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
