"""``check SESSION...`` finds unfinished work in journey maps, for CI and pre-commit hooks.

It prints one ``<file>: <problem>`` line per failed check (see ``model.checks``) and exits 1 when
any file has one. Every file is checked and reported, one that cannot be read included, so a
pre-commit hook can hand over all of them at once. ``--today`` pins the date for reproducible
runs. Warnings (``model.checks.WARNINGS``) follow as ``<file>: warning: <advice>`` lines and never
change the exit status. It speaks the message language (``--lang``, else the environment).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from cjworkshop.cli.context import CliContext, pass_cli
from cjworkshop.cli.localized import (
    WholeNumberRange,
    command,
    language_option,
    option,
    paths_argument,
)
from cjworkshop.model.checks import CheckFailure, checks_to_run, run_checks, run_warnings
from cjworkshop.store.errors import StoreError
from cjworkshop.store.session_file import read_session
from cjworkshop.store.templates import template_checklist


@command("check", help="cli.check.help")
@paths_argument("session_paths", metavar="cli.metavar.sessions")
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
    cli: CliContext,
    session_paths: tuple[Path, ...],
    stale_days: int | None,
    today: dt.datetime | None,
) -> None:
    day = today.date() if today is not None else dt.date.today()
    failed = [path for path in session_paths if not _check_one(cli, path, day, stale_days)]
    if len(session_paths) > 1:
        cli.err.print(
            cli.tr("cli.check.files", failed=len(failed), total=len(session_paths)), markup=False
        )
    if failed:
        raise SystemExit(1)


def _check_one(cli: CliContext, session_path: Path, today: dt.date, stale_days: int | None) -> bool:
    """Check one session and print what it found; True when it passed (warnings allowed)."""
    try:
        session = read_session(session_path)
    except StoreError as error:
        click.echo(error.render(cli.tr))
        return False
    failures = run_checks(
        session,
        today=today,
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
        return True
    cli.err.print(cli.tr.count("cli.check.failed", len(failures)), markup=False)
    return False


def _message(cli: CliContext, failure: CheckFailure) -> str:
    key = failure.code
    if key == "roadmap-item-not-reviewed" and not failure.params.get("reviewed"):
        return cli.tr("check.message.roadmap-item-never-reviewed", **failure.params)
    return cli.tr(f"check.message.{key}", **failure.params)
