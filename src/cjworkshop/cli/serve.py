"""``serve``: the app in a browser, for a projector or a participant who follows from elsewhere.

Every browser page that opens the address gets an app of its own: a new ``cjworkshop open
SESSION`` (or the start screen) under Textual's web driver, run by textual-serve, an optional
extra (``pip install 'cjworkshop[serve]'``). The first page takes the session's lock and edits
it; every later page finds the lock taken and shows the session read-only, which the app does
without asking when it runs in a browser (``ui.app``). Closing a page, or stopping the server
with Ctrl+C, ends its app the way quitting does: what the room committed is written first.

The server listens on 127.0.0.1, which only this computer reaches. Any other ``--host`` is said
on stderr to let anyone who reaches the port see and change the session, as there is no
password. The port is tried before the server starts, so a port in use is a plain error rather
than a traceback from inside the web server.
"""

from __future__ import annotations

import errno
import ipaddress
import shlex
import socket
import sys
from pathlib import Path

from cjworkshop.cli.context import CliContext, pass_cli
from cjworkshop.cli.localized import (
    FILE,
    WholeNumberRange,
    argument,
    command,
    language_option,
    option,
    sessions_folder_option,
)
from cjworkshop.store.errors import StoreError

EVERY_ADDRESS = ("0.0.0.0", "::", "")
"""Hosts that mean every address of this computer, which a browser cannot open as such."""


@command("serve", help="cli.serve.help")
@argument("path", metavar="cli.serve.metavar", type=FILE, required=False)
@option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    metavar="cli.serve.host_metavar",
    help="cli.serve.host",
)
@option(
    "--port",
    type=WholeNumberRange(min=1, max=65535),
    default=8000,
    show_default=True,
    metavar="cli.metavar.number",
    help="cli.serve.port",
)
@sessions_folder_option("cli.option.dir_start", metavar="cli.metavar.folder")
@language_option()
@pass_cli
def serve_command(cli: CliContext, path: Path | None, host: str, port: int, folder: Path) -> None:
    tr = cli.tr
    try:
        from cjworkshop.cli.web_server import serve
    except ImportError:
        cli.fail(tr("cli.serve.not_installed"))
    if path is not None:
        from cjworkshop.store.session_file import load_session

        try:
            load_session(path)
        except StoreError as error:
            cli.fail_store(error)
    local_only = all(address.is_loopback for address in listening_addresses(cli, host, port))
    if not local_only:
        cli.err.print(tr("cli.serve.exposed", host=host, port=port), markup=False)
    cli.out.print(tr("cli.serve.open_at", url=page_url(host, port)), markup=False)
    if host in EVERY_ADDRESS:
        cli.out.print(tr("cli.serve.open_here", url=page_url("127.0.0.1", port)), markup=False)
    cli.out.print(tr("cli.serve.stop"), markup=False)
    try:
        serve(app_command(cli, path, folder), host, port, local_only=local_only)
    except OSError as error:  # taken in the moment between the check and the server's start
        cli.fail(refusal_text(cli, host, port, error))
    except KeyboardInterrupt:  # Ctrl+C before the server has taken it over
        pass


def app_command(cli: CliContext, path: Path | None, folder: Path) -> str:
    """The shell command textual-serve runs for every page: this cjworkshop, in this language."""
    words = [sys.executable, "-m", "cjworkshop", "--lang", cli.language]
    if path is None:
        words += ["--dir", str(folder.absolute())]
    else:
        words += ["open", str(path.absolute())]
    return shlex.join(words)


def listening_addresses(
    cli: CliContext, host: str, port: int
) -> list[ipaddress.IPv4Address | ipaddress.IPv6Address]:
    """The addresses ``host`` stands for, each tried on ``port`` the way the server will take
    it; a host that cannot be listened on, or a port in use, ends the command."""
    addresses = []
    try:
        found = socket.getaddrinfo(
            host or None, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE
        )
        for family, kind, protocol, _, address in found:
            with socket.socket(family, kind, protocol) as probe:
                probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
                if family == socket.AF_INET6:
                    probe.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 1)
                probe.bind(address)
            addresses.append(ipaddress.ip_address(str(address[0]).partition("%")[0]))
    except OSError as error:
        cli.fail(refusal_text(cli, host, port, error))
    return addresses


def refusal_text(cli: CliContext, host: str, port: int, error: OSError) -> str:
    if error.errno == errno.EADDRINUSE:
        return cli.tr("cli.serve.port_in_use", host=host, port=port)
    reason = error.strerror or str(error)
    return cli.tr("cli.serve.cannot_listen", host=host, port=port, reason=reason)


def page_url(host: str, port: int) -> str:
    """The address to open in a browser; for every address, this computer's name."""
    if host in EVERY_ADDRESS:
        host = socket.gethostname()
    elif ":" in host:
        host = f"[{host}]"
    return f"http://{host}:{port}"
