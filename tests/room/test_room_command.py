"""``cjworkshop room SESSION``: the room served from the command line, without the app."""

from __future__ import annotations

import json
import shutil
import signal
import subprocess
import sys
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

from cjworkshop.model import decisions
from cjworkshop.store.room_inbox import read_inbox
from cjworkshop.store.session_file import read_session
from tests.conftest import SESSIONS

EXAMPLE = "meubelmakerij-de-eik.toml"


def post(base: str, path: str, body: dict[str, Any]) -> tuple[int, dict[str, Any]]:
    request = urllib.request.Request(
        base + path, json.dumps(body).encode(), {"Content-Type": "application/json"}
    )
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as refused:
        return refused.code, json.loads(refused.read())


def serve(path: Path, *options: str) -> tuple[subprocess.Popen[str], str]:
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "cjworkshop",
            "--lang",
            "en",
            "room",
            str(path),
            "--port",
            "0",
            *options,
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert process.stdout is not None
    for line in process.stdout:
        if "/?code=" in line:
            return process, line.split(" at ", 1)[1].strip()
    process.kill()
    raise AssertionError(process.stderr.read() if process.stderr else "no address")


def test_the_room_command_saves_dots_keeps_notes_and_stops_on_ctrl_c(tmp_path: Path) -> None:
    path = tmp_path / EXAMPLE
    shutil.copy(SESSIONS / EXAMPLE, path)
    process, address = serve(path)
    try:
        assert address.startswith("http://127.0.0.1:")
        base, _, code = address.partition("/?code=")
        status, joined = post(base, "/api/join", {"code": code, "name": "Noor"})
        assert status == 200
        token = joined["token"]
        status, _ = post(
            base, "/api/note", {"code": code, "token": token, "kind": "idea", "text": "Showroom"}
        )
        assert status == 201
        _, view = post(base, "/api/state", {"code": code, "token": token})
        assert view["notes_open"]
        assert view["dots_open"]  # nobody leads the room: both are open
        item = view["items"][0]["id"]
        status, spent = post(
            base, "/api/dots", {"code": code, "token": token, "item": item, "delta": 1}
        )
        assert (status, spent["left"]) == (200, 4)
        status, _ = post(base, "/api/join", {"code": code, "name": "Sanne"})
        assert status == 409  # Sanne's dots are in the session already
    finally:
        process.send_signal(signal.SIGINT)
        _, errors = process.communicate(timeout=30)
    assert process.returncode == 0, errors
    assert errors == ""  # on 127.0.0.1: no warning
    assert decisions.dots_spent(read_session(path), "Noor") == 1
    assert [note.text for note in read_inbox(path)] == ["Showroom"]


def test_another_address_than_this_computer_s_is_served_with_a_warning(tmp_path: Path) -> None:
    path = tmp_path / EXAMPLE
    shutil.copy(SESSIONS / EXAMPLE, path)
    # Every address of this machine, for a moment: the room is closed again at once.
    process, address = serve(path, "--host", "0.0.0.0")
    process.send_signal(signal.SIGINT)
    _, errors = process.communicate(timeout=30)
    assert not address.startswith("http://0.0.0.0")  # the address a phone can use
    assert "Warning: the room listens on 0.0.0.0" in errors


def test_the_command_speaks_dutch_and_refuses_a_missing_file_plainly(tmp_path: Path) -> None:
    shown = subprocess.run(
        [sys.executable, "-m", "cjworkshop", "room", "--help", "--lang", "nl"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "Laat de groep meedoen aan een sessie vanaf hun telefoon" in shown
    assert "ADRES" in shown
    missing = subprocess.run(
        [sys.executable, "-m", "cjworkshop", "room", str(tmp_path / "nope.toml")],
        capture_output=True,
        text=True,
    )
    assert missing.returncode == 1
    assert "Traceback" not in missing.stderr
