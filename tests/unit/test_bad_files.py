"""Bad session files: refused clearly, at once, in both languages, and never with a traceback.

The corpus lives in ``tests/data/bad``; its README lists every file with the text its message must
show, and the tests below read that table, so the README cannot drift from what is tested.
"""

from __future__ import annotations

import contextlib
import re
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from hypothesis import given, settings
from hypothesis import strategies as st

from cjworkshop.cli import cli
from cjworkshop.i18n import translator
from cjworkshop.store.errors import StoreError
from cjworkshop.store.session_file import (
    MAX_SESSION_BYTES,
    dumps_session,
    parse_session,
    read_session,
)
from tests.conftest import ROOT, small_session

BAD = ROOT / "tests" / "data" / "bad"
VALID = "bom-crlf-valid.toml"
SECOND = 1.0
"""A guard against pathological slowness, not a benchmark: each file takes milliseconds. It is
counted in CPU time of this process, which a busy machine does not stretch as it does the wall
clock."""

EN = translator("en")
NL = translator("nl")


def _expectations() -> dict[str, str]:
    """File name -> what its message must show after the file name, from the README table."""
    rows: dict[str, str] = {}
    for line in (BAD / "README.md").read_text(encoding="utf-8").splitlines():
        if match := re.match(r"^\| `([\w.-]+\.toml)` \| [^|]* \| (.*) \|$", line):
            rows[match.group(1)] = match.group(2)
    return rows


EXPECTED = _expectations()


def _said(path: Path, text: str) -> re.Pattern[str]:
    """The file name, then the README's text, where ``…`` stands for anything."""
    parts = (re.escape(part) for part in text.split("…"))
    return re.compile(re.escape(str(path)) + r"(?:, |: | )" + ".*?".join(parts))


CORPUS = [name for name in sorted(EXPECTED) if name != VALID]
"""Every bad file; the valid one with a byte-order mark and CRLF is tested on its own."""


def _validate(path: Path, language: str = "en") -> Result:
    runner = CliRunner()
    return runner.invoke(cli, ["--lang", language, "validate", str(path)], catch_exceptions=False)


def _run_validate(
    path: Path, language: str = "en", timeout: float = 60
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "cjworkshop", "--lang", language, "validate", str(path)],
        capture_output=True,
        encoding="utf-8",
        errors="replace",
        timeout=timeout,
        check=False,
    )


def test_every_bad_file_is_listed_in_the_readme_with_its_message() -> None:
    on_disk = sorted(path.name for path in BAD.glob("*.toml"))
    assert on_disk == sorted(EXPECTED)
    assert all(text.strip() for text in EXPECTED.values())
    assert all(path.stat().st_size < 512 * 1024 for path in BAD.glob("*.toml"))


@pytest.mark.parametrize("name", CORPUS)
def test_validate_names_the_file_the_place_and_what_to_do(name: str) -> None:
    path = BAD / name
    started = time.process_time()
    result = _validate(path)
    elapsed = time.process_time() - started
    assert result.exit_code == 1, result.output
    assert result.stdout == ""
    assert "Traceback" not in result.output
    assert _said(path, EXPECTED[name]).search(result.stderr), result.stderr
    assert "1 of 1 files has a problem." in result.stderr
    assert len(result.stderr) < 1_000, "the message must not echo the file"
    assert elapsed < SECOND


@pytest.mark.parametrize("name", CORPUS)
def test_loading_a_bad_file_raises_a_store_error_that_reads_in_dutch_too(name: str) -> None:
    path = BAD / name
    started = time.process_time()
    with pytest.raises(StoreError) as caught:
        read_session(path)
    elapsed = time.process_time() - started
    error = caught.value
    english, dutch = error.render(EN), error.render(NL)
    assert str(path) in dutch
    assert NL.has(error.key), f"no Dutch text for {error.key}"
    assert dutch != english
    if error.line is not None:
        assert f"regel {error.line}" in dutch
    assert elapsed < SECOND


def test_a_bad_file_read_inside_a_with_block_is_still_told_in_words() -> None:
    """A ``contextlib.contextmanager`` sets the traceback of an exception that leaves its block:
    the error must survive that as itself, not as an error about the error."""

    @contextlib.contextmanager
    def in_a_block() -> Iterator[None]:
        yield

    with pytest.raises(StoreError) as caught, in_a_block():
        read_session(BAD / "unknown-persona-reference.toml")
    assert "unknown-persona-reference.toml" in caught.value.render(EN)


@pytest.mark.parametrize(
    "name",
    [
        "syntax-unclosed-string.toml",
        "invalid-utf8.toml",
        "deep-nesting.toml",
        "unknown-persona-reference.toml",
    ],
)
def test_validate_in_a_real_process_exits_1_with_the_message_on_stderr(name: str) -> None:
    path = BAD / name
    process = _run_validate(path)
    assert process.returncode == 1, process.stderr
    assert process.stdout == ""
    assert "Traceback" not in process.stderr
    assert _said(path, EXPECTED[name]).search(process.stderr), process.stderr


def test_validate_in_dutch_gives_the_place_and_the_advice_in_dutch() -> None:
    path = BAD / "invalid-utf8.toml"
    process = _run_validate(path, language="nl")
    assert process.returncode == 1
    assert (
        f"{path}, regel 28, kolom 12: het bestand is geen geldige UTF-8-tekst; "
        "sla het in je editor op als UTF-8"
    ) in process.stderr
    assert "1 van de 1 bestanden heeft een probleem." in process.stderr


def test_a_windows_file_with_bom_and_crlf_validates_and_loads() -> None:
    path = BAD / VALID
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    assert data.count(b"\r\n") == data.count(b"\n")
    result = _validate(path)
    assert result.exit_code == 0, result.output
    assert _said(path, EXPECTED[VALID]).search(result.stdout), result.stdout
    assert read_session(path) == small_session()


def test_a_50_mb_file_is_refused_at_once_saying_its_size(tmp_path: Path) -> None:
    path = tmp_path / "huge.toml"
    with path.open("wb") as stream:
        stream.write(dumps_session(small_session()).encode())
        stream.truncate(50 * 1024 * 1024)
    limit = MAX_SESSION_BYTES // 1_048_576
    started = time.process_time()
    result = _validate(path)
    elapsed = time.process_time() - started
    assert result.exit_code == 1
    assert (
        f"{path}: the file is 50.0 MB; a session file is at most {limit} MB, "
        "so this is probably not a session"
    ) in result.stderr
    assert elapsed < SECOND
    started = time.process_time()
    with pytest.raises(StoreError) as caught:
        read_session(path)
    assert time.process_time() - started < SECOND
    assert caught.value.key == "error.read.too_large"
    assert f"het bestand is 50.0 MB; een sessiebestand is hooguit {limit} MB" in (
        caught.value.render(NL)
    )


def test_a_session_of_exactly_the_size_limit_opens_and_one_byte_more_is_refused(
    tmp_path: Path,
) -> None:
    path = tmp_path / "big.toml"
    text = dumps_session(small_session()).encode()
    comment = b"#" + b"x" * (MAX_SESSION_BYTES - len(text) - 2) + b"\n"
    path.write_bytes(text + comment)
    assert path.stat().st_size == MAX_SESSION_BYTES
    assert read_session(path) == small_session()
    with path.open("ab") as stream:
        stream.write(b"\n")
    with pytest.raises(StoreError) as caught:
        read_session(path)
    assert caught.value.key == "error.read.too_large"


@pytest.mark.parametrize(
    "text",
    [
        "a" + ".a" * 64 + " = 1\n",
        "[" + ".".join(["a"] * 65) + "]\n",
        "x = { y = 1, " + ".".join(['"a"'] * 65) + " = 2 }\n",
    ],
    ids=["dotted-key", "table-header", "quoted-parts-in-an-inline-table"],
)
def test_a_key_of_too_many_parts_is_refused_before_parsing(text: str, tmp_path: Path) -> None:
    path = tmp_path / "deep.toml"
    path.write_text("schema_version = 1\n" + text, encoding="utf-8")
    with pytest.raises(StoreError) as caught:
        read_session(path)
    assert caught.value.key == "error.key_too_deep"
    assert caught.value.line == 2


def test_sixty_four_parts_and_dotted_text_are_left_to_the_parser(tmp_path: Path) -> None:
    path = tmp_path / "dots.toml"
    text = dumps_session(small_session())
    prose = ".".join(["a"] * 90)
    text = text.replace('title = "Bakkerij Jansen"', f'title = "Bakkerij Jansen {prose}"')
    path.write_text(text + "a" + ".a" * 63 + " = 1\n", encoding="utf-8")
    with pytest.raises(StoreError) as caught:
        read_session(path)
    # The parser read all of it: what is left is only that the key is unknown.
    assert caught.value.key == "error.schema.unknown_key"


def test_a_file_with_one_enormous_dotted_key_is_refused_at_once_in_a_real_process() -> None:
    path = BAD / "deep-dotted-key.toml"
    process = _run_validate(path)  # "at once" is held above, in CPU time, for every bad file
    assert process.returncode == 1
    assert "Traceback" not in process.stderr
    assert _said(path, EXPECTED[path.name]).search(process.stderr), process.stderr


SIGNIFICANT = [*'"\\[]{}=,.\n\r\t #tf0123456789eE+-:TZ', "\\u", '"""', "\\U0001F600", "\x00"]
"""Characters and pieces that mean something to TOML: what a damaged file is made of."""


@given(st.data())
@settings(max_examples=300)
def test_a_damaged_session_file_loads_or_is_refused_in_words(data: st.DataObject) -> None:
    text = dumps_session(small_session())
    for _ in range(data.draw(st.integers(1, 3))):
        at = data.draw(st.integers(0, len(text)))
        cut = data.draw(st.integers(0, 3))
        piece = data.draw(st.sampled_from(SIGNIFICANT) | st.text(max_size=2))
        text = text[:at] + piece + text[at + cut :]
    try:
        parse_session(text.encode("utf-8", "surrogatepass"), Path("damaged.toml"))
    except StoreError as error:
        refused = error
    else:
        return
    assert refused.render(EN).startswith("damaged.toml")
