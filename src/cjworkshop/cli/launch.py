"""Opening the app from the command line; the only place the CLI imports the UI.

The app's module (and with it Textual) is imported inside the functions that open it: the
commands that only read or write files (``export``, ``check``, ``validate``) start without it,
some 170 ms of CPU sooner.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the start screen draws its first frame before the model is needed
    from cjworkshop.cli.context import CliContext
    from cjworkshop.model.session import Step
    from cjworkshop.store.session_file import LoadedSession


def launch_start(cli: CliContext, folder: Path) -> None:
    """The start screen on the sessions in ``folder``."""
    from cjworkshop.ui.app import create_app, run_app

    run_app(create_app(folder=folder, language=cli.language))


def launch_session(
    cli: CliContext,
    path: Path,
    *,
    read_only: bool,
    step: Step | None = None,
    loaded: LoadedSession | None = None,
) -> None:
    """Straight into one session (at ``step``, if given); closing it leads to its folder's start
    screen. ``loaded`` is the file as the command just read it, so it is not read again."""
    from cjworkshop.ui.app import create_app, run_app

    run_app(
        create_app(
            folder=path.parent,
            session_path=path,
            language=cli.language,
            read_only=read_only,
            step=step,
            loaded=loaded,
        )
    )
