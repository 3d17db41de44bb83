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
- Its event loop lets every page's app end before it closes (``AppProcessesLoop``).
"""

from __future__ import annotations

import asyncio
import logging
from typing import Any

from aiohttp import web
from textual_serve.server import Server

from cjworkshop.room.addresses import is_loopback_name


class WorkshopServer(Server):
    """textual-serve's server for cjworkshop's app command."""

    def __init__(self, command: str, *, host: str, port: int, local_only: bool) -> None:
        super().__init__(command, host=host, port=port, title="cjworkshop")
        self.local_only = local_only
        """Listening on loopback addresses only: a request must name one."""

    def initialize_logging(self) -> None:
        logging.basicConfig(level=logging.WARNING, format="%(name)s: %(message)s")

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
        if self.local_only and not is_loopback_name(request.url.host):
            raise web.HTTPForbidden(text="this app answers to 127.0.0.1 and localhost only\n")


def _origin(request: web.Request) -> str:
    """The scheme and address the browser asked for, as a page's ``Origin`` says it."""
    return f"{request.scheme}://{request.host}"


APP_PATIENCE = 10.0
"""Seconds the server waits, when it stops, for the apps to end: an app waits five seconds
at most for a disk that does not answer."""


class AppProcessesLoop(asyncio.SelectorEventLoop):
    """The server's event loop: before it closes, every page's app has ended.

    When the server stops (Ctrl+C reaches the apps as well as the server, or the server tells
    each app to quit), aiohttp closes the loop as soon as the last page's connection is done,
    which can be a moment before that page's app process has ended. asyncio would then never
    hear of that end, and complain at exit about a process left open. So closing waits until
    every app process this loop started has ended, ``APP_PATIENCE`` seconds at most.
    """

    def __init__(self) -> None:
        super().__init__()
        self.app_processes: list[asyncio.SubprocessTransport] = []

    async def subprocess_shell(
        self, protocol_factory: Any, cmd: Any, **options: Any
    ) -> tuple[asyncio.SubprocessTransport, Any]:
        transport, protocol = await super().subprocess_shell(protocol_factory, cmd, **options)
        self.app_processes.append(transport)
        return transport, protocol

    def close(self) -> None:
        if not self.is_closed() and not self.is_running():
            self.run_until_complete(self._apps_ended())
        super().close()

    async def _apps_ended(self) -> None:
        deadline = self.time() + APP_PATIENCE
        while self.time() < deadline and not all(
            process.is_closing() for process in self.app_processes
        ):
            await asyncio.sleep(0.05)


def serve(command: str, host: str, port: int, *, local_only: bool) -> None:
    """Serve ``command`` on ``host``:``port`` until Ctrl+C or SIGTERM."""
    loop = AppProcessesLoop()
    asyncio.set_event_loop(loop)  # textual-serve runs the loop the thread has
    try:
        WorkshopServer(command, host=host, port=port, local_only=local_only).serve()
    finally:
        asyncio.set_event_loop(None)
        loop.close()
