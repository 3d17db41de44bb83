"""Revisiting a journey map: ``diff`` compares two versions of a session.

``diff OLD NEW`` prints what changed in meaning (see ``model.diff``), in colour for a terminal or as
Markdown with ``--format md``; it exits 0 whenever both files load, different or not. It speaks
the message language (``--lang``, else the environment).
"""

from __future__ import annotations

from pathlib import Path

import click

from cjworkshop.cli.context import CliContext, pass_cli
from cjworkshop.cli.localized import FILE, argument, command, language_option, option
from cjworkshop.export.diff_text import diff_markdown, diff_text
from cjworkshop.model.diff import compare
from cjworkshop.model.session import Session
from cjworkshop.store.errors import StoreError
from cjworkshop.store.session_file import read_session
from cjworkshop.store.templates import template_checklist
from cjworkshop.terminal import diff_rich


def _load(cli: CliContext, path: Path) -> Session:
    try:
        return read_session(path)
    except StoreError as error:
        cli.fail_store(error)


@command("diff", help="cli.diff.help")
@argument("old_path", metavar="cli.metavar.old", type=FILE)
@argument("new_path", metavar="cli.metavar.new", type=FILE)
@option(
    "--format",
    "-f",
    "kind",
    type=click.Choice(["text", "md"]),
    default="text",
    show_default=True,
    help="cli.diff.format",
)
@language_option()
@pass_cli
def diff_command(cli: CliContext, old_path: Path, new_path: Path, kind: str) -> None:
    old, new = _load(cli, old_path), _load(cli, new_path)
    # Roadmap items made of self-assessment answers are named by their questions; where the
    # two versions' templates differ, the new one's words win.
    questions = template_checklist(old, cli.language) | template_checklist(new, cli.language)
    diff = compare(old, new, questions=questions)
    if kind == "md":
        click.echo(diff_markdown(diff, old, new, cli.tr), nl=False)
        return
    for line in diff_rich(diff_text(diff, old, new, cli.tr)):
        cli.out.print(line)
