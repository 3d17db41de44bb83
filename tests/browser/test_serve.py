"""``cjworkshop serve`` as a room uses it: the real server, pages in headless Chromium.

The server runs as its own process on a free port of 127.0.0.1, as a facilitator starts it, and
is stopped the way they stop it, with Ctrl+C (SIGINT); it must then end by itself, cleanly.
The machine has no network, so the page's one request elsewhere (a stylesheet of web fonts) is
refused, and the page must work without it.

textual-serve draws the terminal with xterm.js on a canvas, so the text on screen is not in
the page's DOM. The test reads it from xterm.js itself: a script that runs before the page's
own catches the ``Terminal`` the page makes (``textual.js`` keeps it as ``this.terminal``) and
reads its screen line by line, as drawn. Every wait polls that text, with a generous limit: the
app takes a few seconds to start on a busy machine.
"""

from __future__ import annotations

import base64
import contextlib
import http.client
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Page, Route

from cjworkshop.store.lock import lock_path
from cjworkshop.store.session_file import read_session
from tests.browser.chromium import Chromium, opened_page

ROOT = Path(__file__).parents[2]
EXAMPLE = ROOT / "sessions" / "harbour-broadband.toml"
WAIT_MS = 60_000
"""How long a page may take to show what it should: the app starts in a second or two, on a
busy machine in many more."""
STOP_SECONDS = 30
"""How long the server may take to end after Ctrl+C, closing every page's app first."""

CATCH_TERMINAL = """
Object.defineProperty(Object.prototype, "terminal", {
  configurable: true,
  set(value) {
    Object.defineProperty(this, "terminal", {
      value, writable: true, configurable: true, enumerable: true,
    });
    if (value && value.buffer && value.buffer.active) window.shownTerminal = value;
  },
});
window.shownText = () => {
  const terminal = window.shownTerminal;
  if (!terminal) return "";
  const screen = terminal.buffer.active;
  const lines = [];
  for (let row = 0; row < terminal.rows; row++) {
    const line = screen.getLine(screen.viewportY + row);
    lines.push(line ? line.translateToString(true) : "");
  }
  return lines.join("\\n");
};
"""
"""Run before the page's scripts: keeps the page's terminal, and reads its screen."""


@dataclass
class Served:
    """A running ``cjworkshop serve`` and where to reach it."""

    process: subprocess.Popen[str]
    url: str


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def start_serving(*arguments: str) -> Served:
    """``cjworkshop serve`` with ``arguments``, once it answers on its port."""
    port = free_port()
    command = [sys.executable, "-m", "cjworkshop", "--lang", "en", "serve", *arguments]
    process = subprocess.Popen(
        [*command, "--port", str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "CJWORKSHOP_LANG": "en"},
        # A process group of its own, as a terminal gives a command: Ctrl+C reaches the server
        # and every page's app at once.
        start_new_session=True,
    )
    deadline = time.monotonic() + WAIT_MS / 1000
    while time.monotonic() < deadline:
        if process.poll() is not None:
            _, err = process.communicate()
            pytest.fail(f"cjworkshop serve ended at once ({process.returncode}): {err}")
        with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), 1):
            return Served(process, f"http://127.0.0.1:{port}/")
        time.sleep(0.1)
    stop(process)
    pytest.fail(f"cjworkshop serve did not listen on port {port} within {WAIT_MS / 1000} s")


def stop(process: subprocess.Popen[str]) -> tuple[int | None, str, str]:
    """Ctrl+C, as the facilitator stops it (SIGINT to the server and the apps it started);
    killed only if it does not end by itself."""
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGINT)
    try:
        out, err = process.communicate(timeout=STOP_SECONDS)
        return process.returncode, out, err
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
        out, err = process.communicate()
        return None, out, err


@contextlib.contextmanager
def serving(*arguments: str) -> Iterator[Served]:
    """The server for the block; afterwards it must have stopped cleanly on Ctrl+C."""
    served = start_serving(*arguments)
    try:
        yield served
    except BaseException:
        stop(served.process)
        raise
    code, out, err = stop(served.process)
    assert code == 0, f"Ctrl+C did not stop the server cleanly ({code}): {err}"
    assert err == "", "nothing to warn about on 127.0.0.1, and nothing went wrong"
    assert "Traceback" not in out, out


def opened_app(page: Page, url: str, downloads: list[str] | None = None) -> list[str]:
    """Open the served page with its terminal read and every request elsewhere refused, in
    the page and in any tab it opens: the addresses refused, as they come. What is downloaded
    from the server goes to ``downloads``."""
    refused: list[str] = []

    def answer(route: Route) -> None:
        address = route.request.url
        if not address.startswith(url):
            refused.append(address)
            route.abort()
        elif downloads is not None and "/download/" in address:
            response = route.fetch()
            downloads.append(response.text())
            route.fulfill(response=response)
        else:
            route.continue_()

    page.set_viewport_size({"width": 1600, "height": 900})
    page.add_init_script(CATCH_TERMINAL)
    page.context.route("**/*", answer)
    page.goto(url)
    page.focus(".xterm-helper-textarea")
    return refused


def wait_for_text(page: Page, text: str) -> None:
    try:
        page.wait_for_function(
            "text => window.shownText().includes(text)", arg=text, polling=200, timeout=WAIT_MS
        )
    except Exception:  # what the page showed instead says more than Playwright's timeout
        shown = page.evaluate("window.shownText()")
        pytest.fail(f"the page never showed {text!r}; it shows:\n{shown}")


@contextlib.contextmanager
def another_page(chromium: Chromium) -> Iterator[Page]:
    """A second page, in a browser context of its own, while ``opened_page`` has one open (and
    has handed the thread to Playwright already)."""
    context = chromium.browser.new_context()
    try:
        yield context.new_page()
    finally:
        context.close()


@pytest.fixture
def session_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "workshop"
    folder.mkdir()
    shutil.copy(EXAMPLE, folder / EXAMPLE.name)
    return folder


def test_the_start_screen_in_a_browser_opens_a_session_and_a_second_page_only_reads_it(
    chromium: Chromium, session_folder: Path
) -> None:
    path = session_folder / EXAMPLE.name
    with serving("--dir", str(session_folder)) as served, opened_page(chromium) as first:
        refused = opened_app(first, served.url)
        wait_for_text(first, "Your sessions in")
        # Offline, the page's one request elsewhere (web fonts) fails, and the app works.
        assert [urlsplit(address).hostname for address in refused] == ["fonts.googleapis.com"]
        wait_for_text(first, "Harbour Broadband")
        first.keyboard.press("Enter")
        wait_for_text(first, "Ask the room: Goals")
        first.keyboard.press("a")
        wait_for_text(first, "New goal")  # typed once the form is there, as a person would
        first.keyboard.type("Typed in the browser")
        first.keyboard.press("Enter")
        wait_for_text(first, "Typed in the browser")
        first.keyboard.press("]")
        wait_for_text(first, "Ask the room: Personas")
        assert lock_path(path).exists(), "the first page holds the session"
        with another_page(chromium) as second:
            opened_app(second, served.url)
            wait_for_text(second, "Harbour Broadband")
            second.keyboard.press("Enter")
            wait_for_text(second, "Someone else has this session open for editing")
            wait_for_text(second, "read-only")
            wait_for_text(second, "Typed in the browser")
            assert "Open read-only" not in second.evaluate("window.shownText()")
    assert not lock_path(path).exists(), "Ctrl+C closed the first page's app, and its lock"
    assert "Typed in the browser" in [goal.what for goal in read_session(path).goals]


def test_a_served_session_offers_its_roadmap_as_a_download(
    chromium: Chromium, session_folder: Path
) -> None:
    path = session_folder / EXAMPLE.name
    downloads: list[str] = []
    with serving(str(path)) as served, opened_page(chromium) as page:
        opened_app(page, served.url, downloads)
        wait_for_text(page, "Ask the room: Goals")
        for _ in range(7):
            page.keyboard.press("]")
        wait_for_text(page, "Ask the room: Roadmap")
        page.keyboard.press("x")
        wait_for_text(page, "offered as a download")
        deadline = time.monotonic() + WAIT_MS / 1000
        while not downloads and time.monotonic() < deadline:
            page.wait_for_timeout(200)
    written = path.with_name(f"{path.stem}-roadmap.md").read_text(encoding="utf-8")
    assert read_session(path).title in written
    assert downloads == [written], "the browser got the roadmap written beside the session"


def answer(url: str, path: str, headers: dict[str, str]) -> int:
    """The status with which the server answers a GET of ``path`` with ``headers``."""
    parts = urlsplit(url)
    assert parts.hostname is not None
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=WAIT_MS / 1000)
    try:
        connection.request("GET", path, headers=headers)
        return connection.getresponse().status
    finally:
        connection.close()


def websocket_answer(url: str, origin: str) -> int:
    """How the server answers a page from ``origin`` that opens the app's websocket, as a
    browser asks (RFC 6455)."""
    handshake = {
        "Upgrade": "websocket",
        "Connection": "Upgrade",
        "Sec-WebSocket-Key": base64.b64encode(os.urandom(16)).decode("ascii"),
        "Sec-WebSocket-Version": "13",
        "Origin": origin,
    }
    return answer(url, "/ws?width=80&height=24", handshake)


def page_answer(url: str, name: str) -> int:
    """How the server answers a browser that asks for its page by ``name``."""
    return answer(url, "/", {"Host": f"{name}:{urlsplit(url).port}"})


def test_a_page_of_another_site_cannot_drive_the_app(session_folder: Path) -> None:
    with serving(str(session_folder / EXAMPLE.name)) as served:
        assert websocket_answer(served.url, "https://example.com") == 403
        # A site's name pointed at 127.0.0.1 (DNS rebinding) gets neither the page nor the app.
        assert page_answer(served.url, "rebound.example") == 403
        assert page_answer(served.url, "localhost") == 200
        assert page_answer(served.url, "127.0.0.1") == 200
