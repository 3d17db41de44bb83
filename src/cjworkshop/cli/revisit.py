"""Revisiting a journey map: ``diff`` compares two versions, ``check`` finds unfinished work.

``diff OLD NEW`` prints what changed in meaning (see ``model.diff``), in colour for a terminal or as
Markdown with ``--format md``; it exits 0 whenever both files load, different or not. ``check
SESSION`` prints one ``<file>: <problem>`` line per failed check (see ``model.checks``) and exits 1
when there is any, so it fits CI and pre-commit hooks; ``--today`` pins the date for reproducible
runs. Both speak the message language (``--lang``, else the environment).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click
from rich.text import Text

from cjworkshop.cli.context import CliContext, help_text, pass_cli
from cjworkshop.export.diff_text import DiffText, Tone, diff_markdown, diff_text
from cjworkshop.model.checks import CheckFailure, checks_to_run, run_checks
from cjworkshop.model.diff import compare
from cjworkshop.model.session import Session
from cjworkshop.model.template import question_texts
from cjworkshop.store.errors import StoreError
from cjworkshop.store.session_file import read_session
from cjworkshop.store.templates import find_template

_SESSION = click.Path(dir_okay=False, path_type=Path)


def _load(cli: CliContext, path: Path) -> Session:
    try:
        return read_session(path)
    except StoreError as error:
        cli.fail_store(error)


def _questions(cli: CliContext, *sessions: Session) -> dict[str, str]:
    """Self-assessment questions of the sessions' templates, to name roadmap items made of them."""
    texts: dict[str, str] = {}
    for session in reversed(sessions):
        try:
            texts |= question_texts(find_template(session.template), cli.language)
        except StoreError:
            continue
    return texts


@click.command("diff", help=help_text("cli.diff.help"))
@click.argument("old_path", metavar="OLD", type=_SESSION)
@click.argument("new_path", metavar="NEW", type=_SESSION)
@click.option(
    "--format",
    "-f",
    "kind",
    type=click.Choice(["text", "md"]),
    default="text",
    show_default=True,
    help=help_text("cli.diff.format"),
)
@pass_cli
def diff_command(cli: CliContext, old_path: Path, new_path: Path, kind: str) -> None:
    old, new = _load(cli, old_path), _load(cli, new_path)
    diff = compare(old, new, question_texts=_questions(cli, new, old))
    if kind == "md":
        click.echo(diff_markdown(diff, old, new, cli.tr), nl=False)
        return
    for line in diff_rich(diff_text(diff, old, new, cli.tr)):
        cli.out.print(line)


_STYLES: dict[Tone, str] = {"good": "green", "bad": "red", "plain": ""}
"""Colour only repeats what the words say: green for better and solved, red for worse and new."""


def diff_rich(told: DiffText) -> list[Text]:
    """The diff as terminal lines: bold title and headings, one coloured line per change."""
    lines = [Text(told.title, style="bold"), Text(told.summary)]
    for section in told.sections:
        lines.append(Text())
        lines.append(Text(section.heading, style="bold underline"))
        lines.extend(Text(f"• {line.text}", style=_STYLES[line.tone]) for line in section.lines)
    return lines


@click.command("check", help=help_text("cli.check.help"))
@click.argument("session_path", metavar="SESSION", type=_SESSION)
@click.option(
    "--stale-days",
    type=click.IntRange(min=0),
    default=None,
    metavar="N",
    help=help_text("cli.check.stale_days"),
)
@click.option(
    "--today",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    default=None,
    metavar="YYYY-MM-DD",
    help=help_text("cli.check.today"),
)
@pass_cli
def check_command(
    cli: CliContext, session_path: Path, stale_days: int | None, today: dt.datetime | None
) -> None:
    session = _load(cli, session_path)
    failures = run_checks(
        session,
        today=today.date() if today is not None else dt.date.today(),
        stale_days=stale_days,
        question_texts=_questions(cli, session),
    )
    if not failures:
        click.echo(cli.tr("cli.check.passed", file=session_path, n=len(checks_to_run(stale_days))))
        return
    for failure in failures:
        click.echo(f"{session_path}: {_message(cli, failure)}")
    cli.err.print(cli.tr.count("cli.check.failed", len(failures)), markup=False)
    raise SystemExit(1)


def _message(cli: CliContext, failure: CheckFailure) -> str:
    key = failure.code
    if key == "roadmap-item-not-reviewed" and not failure.params.get("reviewed"):
        return cli.tr("check.message.roadmap-item-never-reviewed", **failure.params)
    return cli.tr(f"check.message.{key}", **failure.params)
