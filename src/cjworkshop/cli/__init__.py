"""The command line: every subcommand is a thin shell over the model, the store and the exports.

``cjworkshop`` alone opens the start screen; ``new``, ``open``, ``list``, ``templates`` and
``validate`` work on session and template files; ``roadmap`` and ``export`` write documents;
``import-metrics`` places figures from a CSV file on a session's touchpoints; ``import`` makes a
session of journeys in the OpenJourney Format (``.ojf``); ``schema`` prints the session file's
JSON Schema for editors; ``merge`` combines two branches' versions of a session by meaning
(``install-merge-driver`` makes git use it); ``portfolio`` reports across every session in a
folder;
``diff`` compares two versions of a session and ``check`` finds unfinished work for CI;
``guide`` prints the facilitator's guide; ``serve`` runs the app in a browser; ``room`` lets
participants join from their phones.
Errors go to stderr with exit status 1 and never a traceback. Everything it prints, click's
own help and usage errors included, follows ``--lang`` (before or after any subcommand; the last
one counts), else ``CJWORKSHOP_LANG`` or the locale: see ``cli.language`` and ``cli.localized``.
A subcommand's module is imported only when that subcommand runs (or ``--help`` lists them
all): importing them all would cost every start some 65 ms of CPU (the start screen's first
frame 31 ms). Textual is imported only by the commands that open the app (``launch``).
"""

from __future__ import annotations

import importlib
from pathlib import Path

import click

from cjworkshop.cli.context import CliContext, pass_cli
from cjworkshop.cli.launch import launch_start
from cjworkshop.cli.localized import (
    LocalizedGroup,
    group,
    language_option,
    sessions_folder_option,
    version_option,
)

COMMANDS = {
    "new": "cjworkshop.cli.sessions:new_command",
    "open": "cjworkshop.cli.open_session:open_command",
    "list": "cjworkshop.cli.sessions:list_command",
    "templates": "cjworkshop.cli.templates:templates_command",
    "validate": "cjworkshop.cli.sessions:validate_command",
    "roadmap": "cjworkshop.cli.reports:roadmap_command",
    "export": "cjworkshop.cli.reports:export_command",
    "import-metrics": "cjworkshop.cli.metrics:import_metrics_command",
    "diff": "cjworkshop.cli.revisit:diff_command",
    "check": "cjworkshop.cli.check:check_command",
    "import": "cjworkshop.cli.ojf:import_command",
    "schema": "cjworkshop.cli.schema:schema_command",
    "merge": "cjworkshop.cli.merge:merge_command",
    "install-merge-driver": "cjworkshop.cli.merge:install_merge_driver_command",
    "portfolio": "cjworkshop.cli.portfolio:portfolio_command",
    "guide": "cjworkshop.cli.guide:guide_command",
    "serve": "cjworkshop.cli.serve:serve_command",
    "room": "cjworkshop.cli.room:room_command",
}
"""Every subcommand, in the order ``--help`` lists them, and where it lives."""


class LazyCommands(LocalizedGroup):
    """A group whose subcommands are imported when they are asked for."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return list(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        target = COMMANDS.get(cmd_name)
        if target is None:
            return None
        module_name, _, name = target.partition(":")
        command = getattr(importlib.import_module(module_name), name)
        assert isinstance(command, click.Command)
        return command


@group(
    cls=LazyCommands,
    invoke_without_command=True,
    help="cli.help",
    context_settings={"help_option_names": ["-h", "--help"]},
)
@version_option()
@language_option()
@sessions_folder_option("cli.option.dir_start")
@click.pass_context
def cli(context: click.Context, folder: Path) -> None:
    if context.invoked_subcommand is None:
        launch_start(context.ensure_object(CliContext), folder)


def main() -> None:
    """Entry point of the ``cjworkshop`` console script."""
    cli(prog_name="cjworkshop")


__all__ = ["cli", "main", "pass_cli"]
