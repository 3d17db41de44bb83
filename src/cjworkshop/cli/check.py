"""``check SESSION`` finds unfinished work in a journey map, for CI and pre-commit hooks.

It prints one ``<file>: <problem>`` line per failed check (see ``model.checks``) and exits 1 when
there is any; ``--today`` pins the date for reproducible runs. Warnings (``model.checks.WARNINGS``)
follow as ``<file>: warning: <advice>`` lines and never change the exit status. It speaks the
message language (``--lang``, else the environment).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from cjworkshop.cli.context import CliContext, pass_cli
from cjworkshop.cli.localized import (
    FILE,
    WholeNumberRange,
    argument,
    command,
    language_option,
    option,
)
from cjworkshop.model.checks import CheckFailure, checks_to_run, run_checks, run_warnings
from cjworkshop.store.errors import StoreError
from cjworkshop.store.session_file import read_session
from cjworkshop.store.templates import template_checklist


@command("check", help="cli.check.help")
@argument("session_path", metavar="cli.metavar.session", type=FILE)
@option(
    "--stale-days",
    type=WholeNumberRange(min=0),
    default=None,
    metavar="cli.metavar.number",
    help="cli.check.stale_days",
)
@option(
    "--today",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    default=None,
    metavar="cli.metavar.date",
    help="cli.check.today",
)
@language_option()
@pass_cli
def check_command(
    cli: CliContext, session_path: Path, stale_days: int | None, today: dt.datetime | None
) -> None:
    try:
        session = read_session(session_path)
    except StoreError as error:
        cli.fail_store(error)
    failures = run_checks(
        session,
        today=today.date() if today is not None else dt.date.today(),
        stale_days=stale_days,
        questions=template_checklist(session, cli.language),
    )
    warnings = run_warnings(session)
    for failure in failures:
        click.echo(f"{session_path}: {_message(cli, failure)}")
    for warning in warnings:
        click.echo(f"{session_path}: {cli.tr('cli.check.warning', message=_message(cli, warning))}")
    if warnings:
        cli.err.print(cli.tr.count("cli.check.warnings", len(warnings)), markup=False)
    if not failures:
        planned = session.next_revisit is not None
        ran = len(checks_to_run(session.mode, stale_days, revisit_planned=planned))
        click.echo(cli.tr("cli.check.passed", file=session_path, n=ran))
        return
    cli.err.print(cli.tr.count("cli.check.failed", len(failures)), markup=False)
    raise SystemExit(1)


def _message(cli: CliContext, failure: CheckFailure) -> str:
    key = failure.code
    if key == "roadmap-item-not-reviewed" and not failure.params.get("reviewed"):
        return cli.tr("check.message.roadmap-item-never-reviewed", **failure.params)
    return cli.tr(f"check.message.{key}", **failure.params)
