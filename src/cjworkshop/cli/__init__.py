"""The command line: every subcommand is a thin shell over the model, the store and the exports.

``cjworkshop`` alone opens the start screen; ``new``, ``open``, ``list``, ``templates`` and
``validate`` work on session and template files; ``roadmap`` and ``export`` write documents;
``diff`` compares two versions of a session and ``check`` finds unfinished work for CI.
Errors go to stderr with exit status 1 and never a traceback. Help texts and messages follow
``--lang``, else ``CJWORKSHOP_LANG`` or the locale.
Textual is imported only by the commands that open the app, so the others start fast.
"""

from __future__ import annotations

from pathlib import Path

import click

from cjworkshop import __version__
from cjworkshop.cli.context import CliContext, help_text, pass_cli
from cjworkshop.cli.reports import export_command, roadmap_command
from cjworkshop.cli.revisit import check_command, diff_command
from cjworkshop.cli.sessions import list_command, new_command, open_command, validate_command
from cjworkshop.cli.templates import templates_command
from cjworkshop.store.folders import DEFAULT_SESSIONS_FOLDER


@click.group(
    invoke_without_command=True,
    help=help_text("cli.help"),
    context_settings={"help_option_names": ["-h", "--help"]},
)
@click.version_option(__version__, "--version", "-V", prog_name="cjworkshop")
@click.option(
    "--lang",
    type=click.Choice(["nl", "en"]),
    default=None,
    help=help_text("cli.option.lang"),
)
@click.option(
    "--dir",
    "folder",
    type=click.Path(file_okay=False, path_type=Path),
    default=DEFAULT_SESSIONS_FOLDER,
    show_default=True,
    help=help_text("cli.option.dir_start"),
)
@click.pass_context
def cli(context: click.Context, lang: str | None, folder: Path) -> None:
    context.obj = CliContext.create(lang)
    if context.invoked_subcommand is None:
        from cjworkshop.cli.launch import launch_start

        launch_start(context.obj, folder)


cli.add_command(new_command)
cli.add_command(open_command)
cli.add_command(list_command)
cli.add_command(templates_command)
cli.add_command(validate_command)
cli.add_command(roadmap_command)
cli.add_command(export_command)
cli.add_command(diff_command)
cli.add_command(check_command)


def main() -> None:
    """Entry point of the ``cjworkshop`` console script."""
    cli(prog_name="cjworkshop")


__all__ = ["cli", "main", "pass_cli"]
