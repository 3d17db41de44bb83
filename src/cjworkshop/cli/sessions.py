"""Commands on session files: ``new``, ``list`` and ``validate`` (``open`` has its own module)."""

from __future__ import annotations

import sys
from pathlib import Path

import click
from rich.markup import escape
from rich.table import Table

from cjworkshop.cli.context import CliContext, pass_cli, typed_text
from cjworkshop.cli.launch import launch_session
from cjworkshop.cli.localized import (
    argument,
    command,
    language_option,
    option,
    paths_argument,
    sessions_folder_option,
)
from cjworkshop.export.summary import progress_text
from cjworkshop.model.clock import now
from cjworkshop.model.ids import slugify
from cjworkshop.model.session import MODES
from cjworkshop.store.errors import StoreError
from cjworkshop.store.folders import create_session, list_sessions
from cjworkshop.store.session_file import MAX_SESSION_BYTES, session_from_toml
from cjworkshop.store.templates import template_from_toml
from cjworkshop.store.toml_file import read_toml_file


@command("new", help="cli.new.help")
@argument("title", metavar="cli.metavar.title")
@option(
    "--template",
    "-t",
    default="five-phases",
    show_default=True,
    metavar="cli.metavar.name",
    help="cli.new.template",
)
@language_option("cli.new.lang")
@option(
    "--mode",
    "-m",
    type=click.Choice(MODES),
    default="workshop",
    show_default=True,
    help="cli.new.mode",
)
@sessions_folder_option()
@option("--open/--no-open", "open_app", default=None, help="cli.new.open")
@pass_cli
def new_command(
    cli: CliContext,
    title: str,
    template: str,
    mode: str,
    folder: Path,
    open_app: bool | None,
) -> None:
    tr = cli.tr
    title = " ".join(typed_text(title).split())
    if not title:
        cli.fail(tr("cli.new.empty_title"))
    chosen = cli.template(template)
    try:
        path = create_session(
            folder,
            chosen,
            title=title,
            language=cli.language,
            mode="self-assessment" if mode == "self-assessment" else "workshop",
            when=now(),
        )
    except StoreError as error:
        cli.fail_store(error)
    cli.out.print(
        tr("cli.new.created", path=str(path), template=chosen.id, phases=len(chosen.phases))
    )
    same_name = path.with_name(f"{slugify(title, 'session')}.toml")
    if same_name != path:  # a session of this title was there: never overwritten, say so
        cli.err.print(
            tr("cli.new.title_taken", existing=str(same_name), path=str(path)), markup=False
        )
    should_open = open_app if open_app is not None else (sys.stdin.isatty() and sys.stdout.isatty())
    if should_open:
        launch_session(cli, path, read_only=False)


@command("list", help="cli.list.help")
@sessions_folder_option()
@language_option()
@pass_cli
def list_command(cli: CliContext, folder: Path) -> None:
    tr = cli.tr
    if not folder.is_dir():
        cli.fail(tr("cli.list.no_folder", folder=str(folder)))
    summaries = list_sessions(folder)
    if not summaries:
        cli.out.print(tr("cli.list.empty", folder=str(folder)))
        return
    table = Table(title=tr("cli.list.title", folder=str(folder)), title_justify="left")
    for column in ("title", "file", "template", "progress", "changed"):
        table.add_column(tr(f"cli.list.column.{column}"))
    for summary in summaries:
        changed = summary.updated.astimezone().strftime("%Y-%m-%d %H:%M")
        if summary.session is None:
            message = summary.error.render(tr) if summary.error else ""
            table.add_row(
                f"[red]{escape(tr('cli.list.broken'))}[/]",
                escape(summary.path.name),
                "",
                f"[red]{escape(message)}[/]",
                changed,
            )
            continue
        table.add_row(
            escape(summary.session.title),
            escape(summary.path.name),
            escape(summary.session.template),
            escape(progress_text(cli.tr, summary.session)),
            changed,
        )
    cli.out.print(table)


@command("validate", help="cli.validate.help")
@paths_argument("paths", metavar="cli.metavar.paths")
@language_option()
@pass_cli
def validate_command(cli: CliContext, paths: tuple[Path, ...]) -> None:
    tr = cli.tr
    failed = 0
    for path in paths:
        try:
            summary = _validate_one(cli, path)
        except StoreError as error:
            failed += 1
            cli.err.print(f"[red]✗[/] {escape(error.render(tr))}")
            continue
        cli.out.print(f"[green]✓[/] {escape(str(path))}: {escape(summary)}", soft_wrap=True)
    if failed:
        cli.err.print(tr.count("cli.validate.failed", failed, total=len(paths)))
        raise SystemExit(1)


def _validate_one(cli: CliContext, path: Path) -> str:
    tr = cli.tr
    source = read_toml_file(path, MAX_SESSION_BYTES)
    if "title" in source.data or "name" not in source.data:
        session = session_from_toml(source)
        return tr(
            "cli.validate.session", title=session.title, details=progress_text(cli.tr, session)
        )
    template = template_from_toml(source, path)
    return tr(
        "cli.validate.template", name=template.name(cli.language), phases=len(template.phases)
    )
