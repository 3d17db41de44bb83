"""Documents made from a session: ``roadmap`` (Markdown) and ``export`` (Markdown, an HTML page
with charts, CSV of the journey or of the figures, Mermaid).

Both write to the standard output, or with ``-o`` to a file, replaced in one step so a reader
never sees half a document. The document is in the session's language unless ``--lang`` says
otherwise; the self-assessment questions are read from the session's template when it is there.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import click

from cjworkshop.cli.context import CliContext, pass_cli
from cjworkshop.cli.documents import write_document, write_parts
from cjworkshop.cli.localized import (
    FILE,
    argument,
    command,
    language_option,
    option,
)
from cjworkshop.export.markdown import diagrams_markdown, report_markdown, roadmap_markdown
from cjworkshop.export.mermaid import diagram_files
from cjworkshop.export.metrics_sheet import metrics_csv
from cjworkshop.export.spreadsheet import plots_csv
from cjworkshop.i18n import Translator, as_language, translator
from cjworkshop.model.roadmap import roadmap
from cjworkshop.model.session import Session
from cjworkshop.model.template import Checklist
from cjworkshop.store.errors import StoreError
from cjworkshop.store.session_file import read_session
from cjworkshop.store.templates import template_checklist

Render = Callable[[Session, Translator, Checklist], str]

_OUTPUT = FILE
"""Where a document goes; what stops the write (a folder, no rights) the store tells, status 1."""


def _write(
    cli: CliContext, session_path: Path, output: Path | None, lang: str | None, render: Render
) -> None:
    try:
        session = read_session(session_path)
    except StoreError as error:
        cli.fail_store(error)
    tr = translator(as_language(lang) if lang else session.language)
    write_document(cli, output, render(session, tr, template_checklist(session, session.language)))


@command("roadmap", help="cli.roadmap.help")
@argument("session_path", metavar="cli.metavar.session", type=FILE)
@option("--output", "-o", type=_OUTPUT, default=None, help="cli.export.output")
@language_option("cli.option.document_lang", expose=True)
@pass_cli
def roadmap_command(
    cli: CliContext, session_path: Path, output: Path | None, lang: str | None
) -> None:
    _write(cli, session_path, output, lang, roadmap_markdown)


def _html(session: Session, tr: Translator, questions: Checklist) -> str:
    # Imported here: the page template engine is loaded only by the command that needs it.
    from cjworkshop.export.html_report import report_html

    return report_html(session, tr, questions)


def _csv(session: Session, tr: Translator, questions: Checklist) -> str:
    return plots_csv(session, tr)


def _metrics_csv(session: Session, tr: Translator, questions: Checklist) -> str:
    return metrics_csv(session, tr)


@command("export", help="cli.export.help")
@argument("session_path", metavar="cli.metavar.session", type=FILE)
@option(
    "--format",
    "-f",
    "kind",
    type=click.Choice(["md", "html", "csv", "csv-metrics", "mermaid", "mermaid-md", "ojf"]),
    default="md",
    show_default=True,
    help="cli.export.format",
)
@option("--output", "-o", type=_OUTPUT, default=None, help="cli.export.output")
@language_option("cli.option.document_lang", expose=True)
@pass_cli
def export_command(
    cli: CliContext, session_path: Path, kind: str, output: Path | None, lang: str | None
) -> None:
    if kind == "ojf":  # one file per persona, not one document
        from cjworkshop.cli.ojf import write_journeys

        write_journeys(cli, session_path, output, lang)
        return
    if kind == "mermaid":  # one .mmd file per diagram
        _write_diagrams(cli, session_path, output, lang)
        return
    renders: dict[str, Render] = {
        "md": report_markdown,
        "html": _html,
        "csv": _csv,
        "csv-metrics": _metrics_csv,
        "mermaid-md": diagrams_markdown,
    }
    _write(cli, session_path, output, lang, renders[kind])


def _write_diagrams(
    cli: CliContext, session_path: Path, output: Path | None, lang: str | None
) -> None:
    """``export --format mermaid``: every diagram as plain Mermaid, ``NAME-journey-PERSONA.mmd``
    and ``NAME-roadmap.mmd``, for the Mermaid CLI or an editor; ``mermaid-md`` keeps them
    together in one Markdown document."""
    try:
        session = read_session(session_path)
    except StoreError as error:
        cli.fail_store(error)
    tr = translator(as_language(lang) if lang else session.language)
    items = roadmap(session, template_checklist(session, session.language))
    files = diagram_files(session, tr, items)
    if not files:
        cli.fail(cli.tr("export.diagrams.none"))
    write_parts(cli, session_path, output, files, ".mmd")
