"""Journeys in the OpenJourney Format (``.ojf``) of the Ptolemy journey mapper.

``import`` makes a new session from one or more ``.ojf`` files (one persona each) and reports,
one line each, what had no place in it. ``export --format ojf`` (in ``reports``) calls
``write_journeys`` here: one file per persona, and one line for each part of the session the
format cannot hold.
"""

from __future__ import annotations

from pathlib import Path

from msgspec.structs import replace

from cjworkshop.cli.context import CliContext, pass_cli, typed_text
from cjworkshop.cli.documents import write_parts
from cjworkshop.cli.localized import (
    command,
    language_option,
    option,
    paths_argument,
    sessions_folder_option,
)
from cjworkshop.export.ojf import journey_files, left_out
from cjworkshop.i18n import as_language, translator
from cjworkshop.model.clock import now
from cjworkshop.model.session import Session
from cjworkshop.model.template import Template, session_from_template
from cjworkshop.store.errors import StoreError
from cjworkshop.store.folders import new_session_path
from cjworkshop.store.ojf import read_journeys
from cjworkshop.store.session_file import read_session, save_session, write_error
from cjworkshop.store.templates import find_template


@command("import", help="cli.import.help")
@paths_argument("files", metavar="cli.metavar.ojf_files")
@option("--title", "-t", default=None, metavar="cli.metavar.title", help="cli.import.title")
@language_option("cli.new.lang")
@sessions_folder_option()
@pass_cli
def import_command(
    cli: CliContext, files: tuple[Path, ...], title: str | None, folder: Path
) -> None:
    tr = cli.tr
    session_language = cli.language
    when = now()
    try:
        journeys, notes = read_journeys(list(files), language=session_language, when=when)
        blank = find_template("blank")
    except StoreError as error:
        cli.fail_store(error)
    chosen = " ".join(typed_text(title).split())[:200] if title else journeys.title
    session = _with_blank_template(journeys, chosen, blank)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        path = new_session_path(folder, session.title)
        save_session(path, session, backup=False)
    except OSError as error:
        cli.fail_store(write_error(error, folder / "x.toml"))
    except StoreError as error:
        cli.fail_store(error)
    for note in notes:
        cli.err.print(f"{note.path}: {tr(note.key, **note.params)}", markup=False)
    cli.out.print(
        tr(
            "cli.import.created",
            path=str(path),
            personas=tr.count("count.personas", len(session.personas)),
            phases=tr.count("count.phases", len(session.phases)),
            touchpoints=tr.count("count.touchpoints", len(session.touchpoints)),
        ),
        markup=False,
    )


def _with_blank_template(journeys: Session, title: str, blank: Template | None) -> Session:
    """The imported journeys with what a new session from the blank template has: timeboxes."""
    if blank is None:
        return replace(journeys, title=title)
    start = session_from_template(
        blank, title=title, language=journeys.language, mode="workshop", when=journeys.created
    )
    return replace(
        start,
        personas=journeys.personas,
        phases=journeys.phases,
        touchpoints=journeys.touchpoints,
        plots=journeys.plots,
    )


def write_journeys(
    cli: CliContext, session_path: Path, output: Path | None, lang: str | None
) -> None:
    """``export --format ojf``: ``NAME-PERSONA.ojf`` beside the session, or beside ``-o``."""
    try:
        session = read_session(session_path)
    except StoreError as error:
        cli.fail_store(error)
    tr = translator(as_language(lang) if lang else session.language)
    if not session.personas:
        cli.fail(cli.tr("cli.export.ojf.no_personas"))
    parts = [(persona.id, text) for persona, text in journey_files(session, tr)]
    write_parts(cli, session_path, output, parts, ".ojf")
    for key in left_out(session):
        cli.err.print(cli.tr("cli.export.ojf.left_out", what=cli.tr(key)), markup=False)
