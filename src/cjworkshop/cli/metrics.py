"""``import-metrics``: figures from a CSV file placed on the touchpoints of a session.

The session is opened as the app opens it (locked, so a session open in the app is refused),
changed in memory and saved through the store's atomic save, with its backup and its check
that nobody changed the file meanwhile. Every row that cannot be placed is listed with its line;
any such row leaves the session as it was, unless ``--skip-bad`` imports the others.
"""

from __future__ import annotations

from pathlib import Path
from typing import Final

import click

from cjworkshop.cli.context import CliContext, pass_cli
from cjworkshop.cli.localized import (
    FILE,
    argument,
    command,
    language_option,
    option,
)
from cjworkshop.export.metrics_import import MetricsImport, import_metrics
from cjworkshop.store.document import SessionDocument
from cjworkshop.store.errors import LockedError, StoreError
from cjworkshop.store.files import read_regular

MAX_CSV_BYTES: Final = 64 * 1024 * 1024
"""Far above a real export of figures (a million rows is some 60 MB); a larger file is some
other file, refused before it is read."""


@command("import-metrics", help="cli.import_metrics.help")
@argument("session_path", metavar="cli.metavar.session", type=FILE)
@argument("csv_path", metavar="cli.metavar.csv_file", type=FILE)
@option("--skip-bad", is_flag=True, help="cli.import_metrics.skip_bad")
@language_option()
@pass_cli
def import_metrics_command(
    cli: CliContext, session_path: Path, csv_path: Path, skip_bad: bool
) -> None:
    data = _read_csv(cli, csv_path)
    try:
        document = SessionDocument.open(session_path)
    except LockedError:
        cli.fail(cli.tr("metrics_import.locked", path=str(session_path)))
    except StoreError as error:
        cli.fail_store(error)
    try:
        result = import_metrics(document.session, data)
        _report_problems(cli, csv_path, result)
        if result.problems and not skip_bad:
            cli.fail(cli.tr.count("metrics_import.unchanged", len(result.problems)))
        document.commit(result.session, "import-metrics")
    finally:
        saved = document.close()
    if saved.error is not None:
        cli.fail_store(saved.error)
    if saved.moved_to is not None:
        cli.err.print(
            cli.tr("metrics_import.moved", path=str(session_path), copy=str(saved.moved_to)),
            markup=False,
        )
    if result.problems:
        skipped = cli.tr.count("metrics_import.skipped", len(result.problems))
        cli.err.print(skipped, markup=False)
    summary = cli.tr.count(
        "metrics_import.summary",
        result.added,
        path=str(saved.moved_to or session_path),
        replaced=result.replaced,
    )
    click.echo(summary)


def _read_csv(cli: CliContext, path: Path) -> bytes:
    try:
        data, _ = read_regular(path, MAX_CSV_BYTES)
    except StoreError as error:
        if error.key == "error.read.too_large":
            error = StoreError("metrics_import.too_large", error.params, path=path)
        cli.fail_store(error)
    return data


def _report_problems(cli: CliContext, path: Path, result: MetricsImport) -> None:
    """Every row that cannot be placed, on stderr: the file, the line and what to do."""
    for problem in result.problems:
        error = StoreError(problem.key, problem.params, path=path, line=problem.line or None)
        cli.err.print(f"✗ {error.render(cli.tr)}", markup=False)
