"""Opening the app from the command line; the only place the CLI imports the UI."""

from __future__ import annotations

from pathlib import Path

from cjworkshop.cli.context import CliContext


def launch_start(cli: CliContext, folder: Path) -> None:
    """The start screen is not part of this build yet: say so and show what does work."""
    import click

    cli.out.print(cli.tr("cli.no_app_yet"))
    click.echo(click.get_current_context().get_help())


def launch_session(cli: CliContext, path: Path, *, read_only: bool) -> None:
    cli.out.print(cli.tr("cli.no_app_yet"))
