"""The README's quick start is what CI runs, and it documents the commands that exist."""

from __future__ import annotations

import re
from pathlib import Path

from click.testing import CliRunner

from cjworkshop.cli import cli

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def quick_start() -> list[str]:
    section = README.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    return [block.strip() for block in re.findall(r"```sh\n(.*?)```", section, re.DOTALL)]


def test_quick_start_is_exactly_two_commands() -> None:
    commands = quick_start()
    assert len(commands) == 2
    assert all("\n" not in command for command in commands)
    assert "cjworkshop open sessions/" in commands[0]
    assert "pytest" in commands[1]


def test_ci_runs_the_readmes_test_command_word_for_word() -> None:
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert quick_start()[1] in ci.splitlines()


def test_the_example_the_quick_start_opens_exists() -> None:
    path = quick_start()[0].rsplit(" ", 1)[1]
    assert (ROOT / path).is_file()


def test_every_documented_command_exists() -> None:
    documented = set(re.findall(r"^cjworkshop ([\w-]+)", README, re.MULTILINE))
    result = CliRunner().invoke(cli, ["--help"])
    listed = set(re.findall(r"^  ([\w-]+)  ", result.output, re.MULTILINE))
    assert documented <= listed, documented - listed


def test_the_session_file_shown_is_the_dutch_examples_own_text() -> None:
    section = README.split("## The session file", 1)[1].split("\n## ", 1)[0]
    (sample,) = re.findall(r"```toml\n(.*?)```", section, re.DOTALL)
    example = (ROOT / "sessions" / "meubelmakerij-de-eik.toml").read_text(encoding="utf-8")
    assert example.startswith(sample.split("\n\n", 1)[0] + "\n\n")
    blocks = example.split("\n\n")
    assert all(block.strip() in blocks for block in sample.split("\n\n"))
