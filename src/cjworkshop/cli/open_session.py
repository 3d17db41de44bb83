"""The ``open`` command: check the session file, then start the app on it.

In a module of its own, with only what opening needs, because it is the command people run
most and its imports are part of every start.
"""

from __future__ import annotations

from pathlib import Path

import click

from cjworkshop.cli.context import CliContext, pass_cli
from cjworkshop.cli.launch import launch_session
from cjworkshop.cli.localized import FILE, argument, command, language_option, option
from cjworkshop.model.flow import flow_steps
from cjworkshop.model.session import STEPS, Step
from cjworkshop.store.errors import StoreError
from cjworkshop.store.session_file import load_session


@command("open", help="cli.open.help")
@argument("path", metavar="cli.metavar.session", type=FILE)
@option("--read-only", is_flag=True, help="cli.open.read_only")
@option("--step", type=click.Choice(STEPS), default=None, help="cli.open.step")
@language_option()
@pass_cli
def open_command(cli: CliContext, path: Path, read_only: bool, step: Step | None) -> None:
    try:
        loaded = load_session(path)
    except StoreError as error:
        cli.fail_store(error)
    session = loaded.session
    steps = flow_steps(session.mode)
    if step is not None and step not in steps:
        cli.fail(
            cli.tr(
                "cli.open.no_such_step",
                path=str(path),
                step=step,
                mode=session.mode,
                steps=", ".join(steps),
            )
        )
    launch_session(cli, path, read_only=read_only, step=step, loaded=loaded)
