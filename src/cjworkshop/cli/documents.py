"""Writing what a command makes: one document to the standard output or ``-o``, or several files.

``write_document`` prints the text, or with ``-o`` replaces the file in one step and names it on
stderr; ``-o -`` is the standard output, as Unix tools say. For a document that is several
files (one per persona, one per diagram), ``write_parts`` writes them beside a stem:
``export --format ojf`` and ``--format mermaid`` write ``STEM-PART.EXT`` for every part, where
the stem is the session's path without ``.toml``, or ``-o``'s without its suffix; each file is
replaced in one step and named on stderr. The standard output cannot hold several files, so
``-o -`` is refused with a message that says why.
"""

from __future__ import annotations

from pathlib import Path

import click

from cjworkshop.cli.context import CliContext
from cjworkshop.store.atomic import write_atomically
from cjworkshop.store.session_file import write_error


def write_document(cli: CliContext, output: Path | None, text: str) -> None:
    if output is None or output == Path("-"):
        click.echo(text, nl=False)
        return
    try:
        write_atomically(output, text)
    except OSError as error:
        cli.fail_store(write_error(error, output))
    cli.err.print(cli.tr("cli.export.written", path=str(output)), markup=False)


def write_parts(
    cli: CliContext,
    session_path: Path,
    output: Path | None,
    parts: list[tuple[str, str]],
    extension: str,
) -> None:
    if output == Path("-"):
        cli.fail(cli.tr("cli.export.several.no_stdout", extension=extension))
    stem = (output or session_path).with_suffix("")
    for part, text in parts:
        target = stem.with_name(f"{stem.name}-{part}{extension}")
        try:
            write_atomically(target, text)
        except OSError as error:
            cli.fail_store(write_error(error, target))
        cli.err.print(cli.tr("cli.export.written", path=str(target)), markup=False)
