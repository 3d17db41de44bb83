"""``cjworkshop serve`` before it serves: what it says, what it refuses, what each page runs.

The web server itself is replaced by a recorder here (``tests/browser/test_serve.py`` runs the
real one in Chromium): these tests look at the address printed, the warning for another host,
the command every browser page starts, and the plain errors for a port in use, a session that
cannot be read and a missing textual-serve.
"""

from __future__ import annotations

import shlex
import shutil
import socket
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from cjworkshop.cli import cli, web_server

ROOT = Path(__file__).parents[2]
EXAMPLE = ROOT / "sessions" / "harbour-broadband.toml"


@pytest.fixture
def served(monkeypatch: pytest.MonkeyPatch) -> list[tuple[list[str], str, int]]:
    """What the command would have served (the command's words, host, port); nothing listens."""
    calls: list[tuple[list[str], str, int]] = []

    def record(command: str, host: str, port: int, *, local_only: bool) -> None:
        assert local_only == (host == "127.0.0.1")
        calls.append((shlex.split(command), host, port))

    monkeypatch.setattr(web_server, "serve", record)
    return calls


@pytest.fixture
def session(tmp_path: Path) -> Path:
    return Path(shutil.copy(EXAMPLE, tmp_path / EXAMPLE.name))


@pytest.fixture
def taken_port() -> Iterator[int]:
    """A port on 127.0.0.1 that something else is listening on."""
    with socket.socket() as other:
        other.bind(("127.0.0.1", 0))
        other.listen()
        yield other.getsockname()[1]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def serve(*args: str, language: str = "en") -> Result:
    return CliRunner().invoke(cli, ["--lang", language, "serve", *args], catch_exceptions=False)


def test_a_session_is_served_on_this_computer_only_by_default(
    served: list[tuple[list[str], str, int]], session: Path
) -> None:
    port = free_port()
    result = serve(str(session), "--port", str(port))
    assert result.exit_code == 0, result.output
    assert f"Open http://127.0.0.1:{port} in a browser." in result.stdout
    assert "Warning" not in result.stderr
    [(command, host, bound)] = served
    assert (host, bound) == ("127.0.0.1", port)
    # Every page runs this same cjworkshop on the session, in the language of the command.
    assert command == [sys.executable, "-m", "cjworkshop", "--lang", "en", "open", str(session)]


def test_without_a_session_every_page_gets_the_start_screen_of_the_folder(
    served: list[tuple[list[str], str, int]], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = serve("--dir", "workshops", "--port", str(free_port()), language="nl")
    assert result.exit_code == 0, result.output
    assert "in een browser" in result.stdout
    [(command, _, _)] = served
    assert command[-4:] == ["--lang", "nl", "--dir", str(tmp_path / "workshops")]
    assert "open" not in command


@pytest.mark.parametrize(
    ("language", "warning"),
    [
        ("en", "Anyone who can reach that port can see this session and change it"),
        ("nl", "Iedereen die die poort kan bereiken, kan deze sessie zien en wijzigen"),
    ],
)
def test_another_host_is_served_with_a_plain_warning(
    served: list[tuple[list[str], str, int]], session: Path, language: str, warning: str
) -> None:
    port = free_port()
    result = serve(str(session), "--host", "0.0.0.0", "--port", str(port), language=language)
    assert result.exit_code == 0, result.output
    assert warning in " ".join(result.stderr.split())
    assert warning not in result.stdout
    # A browser cannot open 0.0.0.0: the address given is this computer's name, and locally.
    assert f"http://{socket.gethostname()}:{port}" in result.stdout
    assert f"http://127.0.0.1:{port}" in result.stdout
    assert served[0][1] == "0.0.0.0"


@pytest.mark.parametrize(
    ("language", "said"),
    [("en", "is already in use"), ("nl", "is al in gebruik")],
)
def test_a_port_in_use_is_a_plain_error(
    served: list[tuple[list[str], str, int]],
    session: Path,
    taken_port: int,
    language: str,
    said: str,
) -> None:
    result = serve(str(session), "--port", str(taken_port), language=language)
    assert result.exit_code == 1
    assert f"{taken_port} " in result.stderr
    assert said in result.stderr
    assert "--port" in result.stderr
    assert "Traceback" not in result.output
    assert served == []


def test_a_host_that_cannot_be_listened_on_is_a_plain_error(
    served: list[tuple[list[str], str, int]], session: Path
) -> None:
    # An address of the documentation range (RFC 5737), which no machine here has.
    result = serve(str(session), "--host", "192.0.2.1", "--port", str(free_port()))
    assert result.exit_code == 1
    assert "cannot listen on 192.0.2.1" in result.stderr
    assert "Traceback" not in result.output
    assert served == []


def test_a_session_that_cannot_be_read_is_said_before_serving(
    served: list[tuple[list[str], str, int]], tmp_path: Path
) -> None:
    broken = tmp_path / "broken.toml"
    broken.write_text("title = [\n", encoding="utf-8")
    result = serve(str(broken), "--port", str(free_port()))
    assert result.exit_code == 1
    assert "broken.toml" in result.stderr
    assert served == []


def test_without_textual_serve_it_says_what_to_install(
    monkeypatch: pytest.MonkeyPatch, session: Path
) -> None:
    # As when the extra is not installed: textual-serve cannot be imported.
    monkeypatch.setitem(sys.modules, "textual_serve.server", None)
    monkeypatch.delitem(sys.modules, "cjworkshop.cli.web_server")
    result = serve(str(session))
    assert result.exit_code == 1
    assert "pip install 'cjworkshop[serve]'" in result.stderr
    assert "Traceback" not in result.output
