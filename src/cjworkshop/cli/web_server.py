"""The web server behind ``serve``: textual-serve's, with a few changes of its own.

textual-serve (the optional extra ``serve``) answers a browser with a page holding a terminal
(xterm.js) and, for every page that connects, starts the command it was given as a new process
under Textual's web driver, which it speaks to over a websocket. The command imports this
module when it runs: an ``ImportError`` here means the extra is not installed.

What differs from textual-serve's own server:

- It prints nothing of its own: the command says, in the user's language, where to open it.
- Its log shows warnings and errors only, not a line for every request.
- The page's links and its websocket point back at the address the browser used, not at the
  address the server listens on: served on ``0.0.0.0``, a participant's browser reaches it as
  ``http://laptop.local:8000``, and the websocket must go there too.
- A websocket opened from a page of another site is refused. A browser lets any web page open a
  websocket to ``127.0.0.1``; without this check a page elsewhere could type into the session.
- Listening on this computer only, it answers only to a loopback name (``127.0.0.1``,
  ``localhost``). A site whose name its owner points at ``127.0.0.1`` after the page has loaded
  (DNS rebinding) would otherwise be the page's own site, and pass the check above.
"""

from __future__ import annotations

import ipaddress
import logging

from aiohttp import web
from textual_serve.server import Server


class WorkshopServer(Server):
    """textual-serve's server for cjworkshop's app command."""

    def __init__(self, command: str, *, host: str, port: int, local_only: bool) -> None:
        super().__init__(command, host=host, port=port, title="cjworkshop")
        self.local_only = local_only
        """Listening on loopback addresses only: a request must name one."""

    def initialize_logging(self) -> None:
        logging.basicConfig(level=logging.WARNING, format="%(name)s: %(message)s")
        # Ctrl+C in the terminal reaches every page's app as well as the server; an app that
        # ends after the server's loop has closed is noted by asyncio as a warning, which
        # would read as if something had gone wrong.
        logging.getLogger("asyncio").setLevel(logging.ERROR)

    async def on_startup(self, app: web.Application) -> None:
        """Quiet: the command has said where to open the app."""

    async def handle_index(self, request: web.Request) -> web.StreamResponse:
        self._refuse_other_names(request)
        # Set right before the page is made from it, with no await between the two, so one
        # request cannot see another's address.
        self.public_url = _origin(request)
        response: web.StreamResponse = await super().handle_index(request)
        return response

    async def handle_websocket(self, request: web.Request) -> web.WebSocketResponse:
        self._refuse_other_names(request)
        origin = request.headers.get("Origin")
        if origin is not None and origin != _origin(request):
            raise web.HTTPForbidden(text="a page of another site may not drive this app\n")
        websocket: web.WebSocketResponse = await super().handle_websocket(request)
        return websocket

    def _refuse_other_names(self, request: web.Request) -> None:
        if self.local_only and not _is_loopback_name(request.url.host):
            raise web.HTTPForbidden(text="this app answers to 127.0.0.1 and localhost only\n")


def _origin(request: web.Request) -> str:
    """The scheme and address the browser asked for, as a page's ``Origin`` says it."""
    return f"{request.scheme}://{request.host}"


def _is_loopback_name(name: str | None) -> bool:
    if name is None:
        return False
    if name == "localhost" or name.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(name.strip("[]")).is_loopback
    except ValueError:
        return False


def serve(command: str, host: str, port: int, *, local_only: bool) -> None:
    """Serve ``command`` on ``host``:``port`` until Ctrl+C or SIGTERM."""
    WorkshopServer(command, host=host, port=port, local_only=local_only).serve()
