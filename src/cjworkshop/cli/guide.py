"""``guide [STEP]`` prints the facilitator's guide: every page, or the page of one step.

The pages are those of ``export.facilitator_guide`` (the opening, the model, one per step, the
close). The agenda on the opening page is made from a template's timeboxes (``--template``,
five phases unless told), or with ``--session`` from that session's template, mode and planned
minutes; the close page then also says when its revisit is planned. The guide is in the
language ``--lang`` asks for, else the session's, else the messages'. It is plain text, for a
terminal, a pipe or a printout.
"""

from __future__ import annotations

import re
from pathlib import Path

import click

from cjworkshop.cli.context import CliContext, pass_cli
from cjworkshop.cli.localized import FILE, argument, command, language_option, option
from cjworkshop.export.facilitator_guide import (
    DEFAULT_START,
    PAGES,
    GuideFor,
    clock,
    facilitator_guide,
    guide_page,
    plain_text,
)
from cjworkshop.i18n import as_language, translator
from cjworkshop.model.session import Session
from cjworkshop.model.template import Template
from cjworkshop.store.errors import StoreError
from cjworkshop.store.session_file import read_session
from cjworkshop.store.templates import find_template

_TIME = re.compile(r"^([01]?\d|2[0-3]):([0-5]\d)$")


@command("guide", help="facilitator.cli.help")
@argument("page", metavar="cli.metavar.step", required=False)
@option(
    "--session",
    "session_path",
    type=FILE,
    default=None,
    help="facilitator.cli.session",
)
@option(
    "--template",
    "-t",
    "template_name",
    default="five-phases",
    show_default=True,
    metavar="cli.metavar.name",
    help="facilitator.cli.template",
)
@option(
    "--start",
    default=clock(DEFAULT_START),
    show_default=True,
    metavar="cli.metavar.time",
    help="facilitator.cli.start",
)
@language_option("facilitator.cli.lang", expose=True)
@pass_cli
def guide_command(
    cli: CliContext,
    page: str | None,
    session_path: Path | None,
    template_name: str,
    start: str,
    lang: str | None,
) -> None:
    if page is not None and page not in PAGES:
        cli.fail(cli.tr("facilitator.unknown_page", name=page, names=", ".join(PAGES)))
    begins = _TIME.match(start.strip())
    if begins is None:
        cli.fail(cli.tr("facilitator.cli.bad_start", value=start))
    session = _session(cli, session_path) if session_path is not None else None
    template = _session_template(session) if session is not None else cli.template(template_name)
    language = as_language(lang) if lang else session.language if session else cli.language
    tr = translator(language)
    fit = GuideFor(template, session, int(begins.group(1)) * 60 + int(begins.group(2)))
    pages = facilitator_guide(tr, fit) if page is None else (guide_page(tr, fit, page),)
    click.echo(plain_text(pages), nl=False)


def _session(cli: CliContext, path: Path) -> Session:
    try:
        return read_session(path)
    except StoreError as error:
        cli.fail_store(error)


def _session_template(session: Session) -> Template | None:
    """The session's template; a guide without one when it is gone or unreadable."""
    try:
        return find_template(session.template)
    except StoreError:
        return None
