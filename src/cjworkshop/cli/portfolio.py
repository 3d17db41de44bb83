"""``portfolio``: one report across every session under a folder (see ``model.portfolio``)."""

from __future__ import annotations

from pathlib import Path

import click

from cjworkshop.cli.context import CliContext, pass_cli
from cjworkshop.cli.documents import write_document
from cjworkshop.cli.localized import FILE, FOLDER, argument, command, language_option, option
from cjworkshop.export.portfolio import portfolio_html, portfolio_markdown, portfolio_text
from cjworkshop.i18n import as_language, translator
from cjworkshop.model.clock import now
from cjworkshop.model.portfolio import portfolio
from cjworkshop.store.errors import StoreError
from cjworkshop.store.portfolio_files import read_digests

RENDERS = {"text": portfolio_text, "md": portfolio_markdown, "html": portfolio_html}


@command("portfolio", help="cli.portfolio.help")
@argument("folder", metavar="cli.metavar.folder", type=FOLDER)
@option(
    "--format",
    "-f",
    "kind",
    type=click.Choice(list(RENDERS)),
    default="text",
    show_default=True,
    help="cli.portfolio.format",
)
@option(
    "--stale-days",
    type=click.IntRange(min=0),
    default=180,
    show_default=True,
    metavar="cli.metavar.number",
    help="cli.portfolio.stale",
)
@option("--output", "-o", type=FILE, default=None, help="cli.export.output")
@language_option("cli.option.document_lang", expose=True)
@pass_cli
def portfolio_command(
    cli: CliContext,
    folder: Path,
    kind: str,
    stale_days: int,
    output: Path | None,
    lang: str | None,
) -> None:
    if not folder.is_dir():
        cli.fail_store(StoreError("error.read.not_found", path=folder))
    tr = translator(as_language(lang)) if lang else cli.tr
    digests, errors = read_digests(folder)
    today = now().date()
    report = portfolio(digests, today=today, stale_days=stale_days)
    skipped = [(str(e.path), e.render(tr).removeprefix(str(e.path)).lstrip(",: ")) for e in errors]
    text = RENDERS[kind](report, skipped, tr, today=today, stale_days=stale_days)
    for error in errors:
        cli.err.print(error.render(tr), markup=False)
    write_document(cli, output, text if text.endswith("\n") else text + "\n")
