"""``room SESSION`` opens a room for a session: participants join from their phones.

It serves the participants' page (``room.server``) on 127.0.0.1 unless ``--host`` says
otherwise (then with a plain warning), prints the address with its join code and the QR code of
it, and runs until Ctrl+C. Dots are saved in the session at once, as the app's own dot voting
does; notes wait beside the session (``store.room_inbox``) for the facilitator, who accepts or
rejects them in the app. The session is locked meanwhile, as when the app has it open.
"""

from __future__ import annotations

import asyncio
import contextlib
import signal
from pathlib import Path

from cjworkshop.cli.context import CliContext, pass_cli
from cjworkshop.cli.localized import (
    FILE,
    WholeNumberRange,
    argument,
    command,
    language_option,
    option,
)
from cjworkshop.i18n import translator
from cjworkshop.model.session import Session
from cjworkshop.model.template import checklist
from cjworkshop.store.document import SessionDocument
from cjworkshop.store.errors import StoreError
from cjworkshop.store.room_inbox import known_participants, read_inbox
from cjworkshop.store.templates import find_template


@command("room", help="room.cli.help")
@argument("session_path", metavar="cli.metavar.session", type=FILE)
@option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    metavar="room.cli.address",
    help="room.cli.host",
)
@option(
    "--port",
    type=WholeNumberRange(0, 65535),
    default=8765,
    show_default=True,
    metavar="cli.metavar.number",
    help="room.cli.port",
)
@language_option()
@pass_cli
def room_command(cli: CliContext, session_path: Path, host: str, port: int) -> None:
    try:
        import cjworkshop.room.host  # noqa: F401  (aiohttp and segno come with the extra)
    except ImportError:
        cli.fail(cli.tr("room.app.missing"))
    try:
        document = SessionDocument.open(session_path)
    except StoreError as error:
        cli.fail_store(error)
    try:
        asyncio.run(_serve(cli, document, host, port))
    finally:
        result = document.close()
        if result.error is not None:
            cli.fail_store(result.error)


async def _serve(cli: CliContext, document: SessionDocument, host: str, port: int) -> None:
    from cjworkshop.model.room import Room
    from cjworkshop.room.host import RoomHost
    from cjworkshop.room.qr import qr_lines

    session = document.session

    def commit(changed: Session, participant: str, item: str) -> None:
        label = translator(session.language)("room.edit.vote", voter=participant, name=item)
        if document.commit(changed, label):
            document.save()

    try:
        template = find_template(session.template)
    except StoreError:
        template = None
    room = Room(
        lambda: document.session,
        commit,
        questions=checklist(template, session.language),
        waiting=read_inbox(document.path),
        known=known_participants(document.path),
    )
    served = RoomHost(room, translator(session.language), document.path, host=host, port=port)
    try:
        await served.start()
    except OSError as error:
        cli.fail(cli.tr("room.cli.no_port", host=host, port=port, reason=error.strerror or error))
    tr = cli.tr
    if not served.local_only:
        cli.err.print(tr("room.cli.warning", host=host), style="bold yellow", markup=False)
    cli.out.print(
        tr("room.cli.serving", title=session.title, address=served.address),
        markup=False,
        soft_wrap=True,
    )
    for line in qr_lines(served.address):
        cli.out.print(line, style="black on white", markup=False, highlight=False)
    cli.out.print(tr("room.cli.stop"), markup=False)
    stopped = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signal_number in (signal.SIGINT, signal.SIGTERM):
        with contextlib.suppress(NotImplementedError, RuntimeError):
            loop.add_signal_handler(signal_number, stopped.set)
    try:
        await stopped.wait()
    finally:
        await served.stop()
