"""The repository's pre-commit hooks, run by the pre-commit package as a user's repository would.

A temporary repository holds a good session, one with unfinished work and one that is broken;
``pre-commit try-repo`` installs cjworkshop from this repository into pre-commit's own
environment (as ``repo:`` in a config does) and runs each hook on the staged files. Installing
takes a while on the first run (pip fetches the dependencies), so the timeout is generous.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PRE_COMMIT = Path(sys.executable).parent / "pre-commit"

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


def run(*args: str, cwd: Path, home: Path) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "PRE_COMMIT_HOME": str(home),
        "GIT_AUTHOR_NAME": "Test",
        "GIT_AUTHOR_EMAIL": "test@example.org",
        "GIT_COMMITTER_NAME": "Test",
        "GIT_COMMITTER_EMAIL": "test@example.org",
        "GIT_CONFIG_GLOBAL": os.devnull,
        "GIT_CONFIG_NOSYSTEM": "1",
        "CJWORKSHOP_LANG": "en",
    }
    return subprocess.run(
        list(args), cwd=cwd, env=env, capture_output=True, text=True, timeout=900, check=False
    )


def test_the_hooks_pass_good_sessions_and_stop_bad_ones(tmp_path: Path) -> None:
    repo, home = tmp_path / "journeys", tmp_path / "pre-commit-home"
    (repo / "sessions").mkdir(parents=True)
    shutil.copy(ROOT / "sessions" / "harbour-broadband.toml", repo / "sessions" / "harbour.toml")
    run("git", "init", "-q", "-b", "main", cwd=repo, home=home)
    (repo / "pyproject.toml").write_text("[project]\nname = 'not-a-session'\n")
    run("git", "add", "-A", cwd=repo, home=home)

    def hook(name: str) -> subprocess.CompletedProcess[str]:
        return run(str(PRE_COMMIT), "try-repo", str(ROOT), name, "--all-files", cwd=repo, home=home)

    # Only the sessions folder is checked: pyproject.toml is not a session.
    validated = hook("cjworkshop-validate")
    assert validated.returncode == 0, validated.stdout + validated.stderr
    assert "cjworkshop validate" in validated.stdout
    assert "Passed" in validated.stdout
    checked = hook("cjworkshop-check")
    assert checked.returncode == 0, checked.stdout + checked.stderr

    # A broken session and one with unfinished work: both hooks fail and name the file.
    (repo / "sessions" / "broken.toml").write_text("title = [\n", encoding="utf-8")
    unfinished = (ROOT / "sessions" / "meubelmakerij-de-eik.toml").read_text(encoding="utf-8")
    unfinished += '\n[[phases]]\nid = "extra"\nname = "Extra"\n'  # a phase nobody filled in
    (repo / "sessions" / "eik.toml").write_text(unfinished, encoding="utf-8")
    run("git", "add", "-A", cwd=repo, home=home)
    validated = hook("cjworkshop-validate")
    assert validated.returncode == 1
    assert "broken.toml" in validated.stdout
    checked = hook("cjworkshop-check")
    assert checked.returncode == 1
    assert "sessions/eik.toml: phase “Extra” has no touchpoints" in checked.stdout
    assert "broken.toml" in checked.stdout
