"""The session's files: a copy saved elsewhere, a revisit started, the roadmap written out.

Saving a copy (Ctrl+S) is the way on when the session's own folder cannot be written: the session
continues in the copy. A revisit (Ctrl+R) writes a new dated copy that remembers this version,
and the app goes on there; this file stays as it is. The roadmap (x in its step) is written as
Markdown beside the session file in a thread: what it needs is taken before the thread starts,
and what came of it is said on the screen's own thread.

The dialog and the roadmap's export are imported when first used: with the session screen they
would cost some 11 ms of CPU before its first frame (see ``session_forms`` and
``steps.progress``).
"""

from __future__ import annotations

import asyncio
import datetime as dt
import io
from collections.abc import Callable
from pathlib import Path
from typing import Any, Protocol

from textual.app import App
from textual.message import Message
from textual.notifications import SeverityLevel

from cjworkshop.i18n import Translator
from cjworkshop.model.session import Session, Step
from cjworkshop.model.template import Checklist, Template, checklist
from cjworkshop.store.atomic import write_atomically
from cjworkshop.store.document import SessionDocument
from cjworkshop.store.errors import StoreError
from cjworkshop.store.revisit import revisit_path, start_revisit
from cjworkshop.ui.autosave import Autosaver, SaveStatus
from cjworkshop.ui.screens.base import RevisitStarted
from cjworkshop.ui.screens.step_timer import StepTimer
from cjworkshop.ui.steps.base import Document


class FilesHost(Protocol):
    """What these actions need of the session screen."""

    document: SessionDocument
    tr: Translator
    clock: Callable[[], dt.datetime]
    template: Template | None
    step: Step
    timer: StepTimer
    autosave: Autosaver | None

    @property
    def app(self) -> App[Any]: ...

    def notify(
        self, message: str, *, severity: SeverityLevel = ..., timeout: float | None = ...
    ) -> None: ...

    def confirm(
        self, question: str, yes: str, answered: Callable[[bool], None], *, danger: bool
    ) -> None: ...

    def show_status(self, status: SaveStatus) -> None: ...

    def post_message(self, message: Message) -> bool: ...


def write_document(
    document: Document, target: Path, session: Session, tr: Translator, questions: Checklist
) -> tuple[str, str | None]:
    """Write the roadmap (Markdown) or the report (HTML) of ``session`` to ``target``: its text,
    and why it could not be written, if it could not."""
    # Imported when first used: see the top.
    if document == "roadmap":
        from cjworkshop.export.markdown import roadmap_markdown as render
    else:
        from cjworkshop.export.html_report import report_html as render
    text = render(session, tr, questions)
    try:
        write_atomically(target, text)
    except OSError as error:
        return text, str(error)
    return text, None


SUFFIXES: dict[Document, str] = {"roadmap": "-roadmap.md", "report": "-report.html"}
"""What a document's file is called beside the session's: ``harbour-report.html``."""
WRITTEN: dict[Document, str] = {"roadmap": "roadmap.exported", "report": "report.exported"}
"""What is said once it is written."""
MEDIA_TYPES: dict[Document, str] = {"roadmap": "text/markdown", "report": "text/html"}
"""What a browser is told a document is when it is offered as a download."""


class SessionFiles:
    """Save a copy, start a revisit, export the roadmap: for one session screen."""

    def __init__(self, host: FilesHost) -> None:
        self.host = host

    def save_as(self) -> None:
        """Ask for a file name, write the session there and continue in it."""
        host = self.host

        def chosen(target: Path | None) -> None:
            if target is None:
                return
            try:
                host.document.save_as(target)
            except StoreError as error:
                host.notify(error.render(host.tr), severity="error", timeout=12)
                return
            host.notify(host.tr("save.saved_as", path=str(target)))
            if host.autosave is not None:
                host.show_status(host.autosave.status())

        from cjworkshop.ui.modals.save_as import SaveAsModal  # when first opened: see the top

        host.app.push_screen(SaveAsModal(host.tr, host.document.path), chosen)

    def start_revisit(self) -> None:
        """Ask, then continue in a new dated copy of this session; this version stays as it is."""
        host, tr = self.host, self.host.tr
        document = host.document
        if document.read_only:
            host.notify(tr("revisit.read_only"), severity="warning")
            return
        path = document.path
        target = revisit_path(path, host.clock().date())

        def answered(yes: bool) -> None:
            if not yes:
                return
            host.timer.record(host.step)
            document.save()
            try:
                written = start_revisit(path, document.session, host.clock())
            except StoreError as error:
                host.notify(error.render(tr), severity="error", timeout=12)
                return
            host.notify(tr("revisit.started", old=path.name, new=written.name))
            host.post_message(RevisitStarted(written))

        host.confirm(
            tr("revisit.question", old=path.name, new=target.name),
            tr("button.revisit"),
            answered,
            danger=False,
        )

    async def export_document(self, document: Document) -> None:
        """Write the roadmap (Markdown) or the report (HTML) beside the session file, and say
        where it went; in a browser (``cjworkshop serve``) it is offered as a download too,
        since the session's folder is on the server, not where the browser is."""
        host = self.host
        # Everything the thread needs is taken here, on the screen's thread: the thread reads
        # no widget and asks nothing of the screen.
        session, tr, path = host.document.session, host.tr, host.document.path
        target = path.with_name(f"{path.stem}{SUFFIXES[document]}")
        questions = checklist(host.template, session.language)
        text, error = await asyncio.to_thread(
            write_document, document, target, session, tr, questions
        )
        if error is None:
            host.notify(tr(WRITTEN[document], path=str(target)))
        else:
            message = tr("roadmap.export_failed", path=str(target), reason=error)
            host.notify(message, severity="error")
        if host.app.is_web:
            host.app.deliver_text(
                io.StringIO(text), save_filename=target.name, mime_type=MEDIA_TYPES[document]
            )
            host.notify(tr("web.delivered", name=target.name))
