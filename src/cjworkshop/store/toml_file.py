"""A TOML file read into a typed record, every failure a ``StoreError`` that says where.

Sessions and templates are read the same way, one step after the other: the bytes are decoded
as UTF-8 (a byte-order mark, as some Windows editors write, is accepted), refused when they hold
a key of absurdly many dotted parts (which would keep the parser busy for minutes), parsed by
the standard library's ``tomllib``, and converted by msgspec into the typed record, which checks
every type and range. Each step turns its failure (invalid UTF-8, a syntax error, absurd nesting,
a number too long to convert, a wrong type) into a ``StoreError`` with the line and column, or
the key path and its line. What the record's own checks find (``refuse``) is told the same way.
"""

from __future__ import annotations

import re
import sys
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import msgspec

from cjworkshop.model.validation import Problem
from cjworkshop.store.errors import StoreError, schema_error
from cjworkshop.store.files import read_regular
from cjworkshop.store.locate import locate, parse_path, value_at

T = TypeVar("T")

_POSITION = re.compile(r"^(.*?)\s*\(at line (\d+), column (\d+)\)\s*$", re.DOTALL)
_END = re.compile(r"^(.*?)\s*\(at end of document\)\s*$", re.DOTALL)

MAX_KEY_PARTS = 64
"""A session's deepest key has three parts (``timebox.goals.planned_minutes``). ``tomllib`` takes
time quadratic in the parts of one dotted key (50,000 parts: about a minute), so a key with more
parts than this is refused before parsing."""

_KEY_PART = r"(?:[A-Za-z0-9_-]+|\"[^\"\n]*\"|'[^'\n]*')"
_DOTTED_RUN = re.compile(rf"\.(?:[ \t]*{_KEY_PART}[ \t]*\.){{{MAX_KEY_PARTS - 1}}}")
"""Too many dotted parts in a row, anywhere; quick to search for because it starts with a dot."""
_DEEP_KEY = re.compile(
    rf"(?:^[ \t]*\[*|[{{,])[ \t]*((?:{_KEY_PART}[ \t]*\.[ \t]*){{{MAX_KEY_PARTS}}})",
    re.MULTILINE,
)
"""The same where a key can start: at the start of a line (or of a table header), or after ``{``
or ``,`` in an inline table. A dotted run inside a one-line text is no reason to refuse a file."""

_LONG_NUMBER = re.compile(r"[0-9][0-9_]{4300,}")
"""Python refuses to convert integers of more than 4,300 digits, and tomllib lets that through
as a bare ValueError without a position; the number is looked up to say where it is."""

_ANY_KEY = "[...]"
"""What msgspec writes in a key path for a key it does not name: ``$.timebox[...].used_seconds``."""
_BARE_KEY = re.compile(r"[A-Za-z_][A-Za-z0-9_-]*")


@dataclass(frozen=True, slots=True)
class TomlFile:
    """A parsed TOML file: where it came from, its text (to find lines in) and its data."""

    path: Path | None
    text: str
    data: dict[str, Any]


def read_toml_file(path: Path, limit: int) -> TomlFile:
    """Read and parse an ordinary file of at most ``limit`` bytes (see ``files.read_regular``)."""
    return parse_toml(read_regular(path, limit)[0], path)


def parse_toml(data: bytes, path: Path | None) -> TomlFile:
    """Decode and parse the bytes of a TOML file."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        column = error.start - (data.rfind(b"\n", 0, error.start) + 1) + 1
        raise StoreError("error.read.not_utf8", path=path, line=line, column=column) from None
    text = text.removeprefix("\ufeff")
    if (deep := _deep_key(text)) is not None:
        line, column = _position(text, deep)
        raise StoreError(
            "error.key_too_deep", {"limit": MAX_KEY_PARTS}, path=path, line=line, column=column
        )
    try:
        return TomlFile(path, text, tomllib.loads(text))
    except tomllib.TOMLDecodeError as error:
        raise _syntax_error(text, str(error), path) from None
    except RecursionError:
        raise StoreError("error.too_deep", path=path) from None
    except ValueError as error:
        raise _number_error(text, error, path) from None


def convert(data: dict[str, Any], kind: type[T], source: TomlFile) -> T:
    """Convert parsed data into ``kind``, or raise a ``StoreError`` that points at the value.

    ``data`` is the file's data, or what a migration made of it; ``source`` is the file, to say
    where a value is.
    """
    try:
        return msgspec.convert(data, kind)
    except msgspec.ValidationError as error:
        message = _name_the_key(data, kind, str(error))
        key, params, where = schema_error(message, lambda where: value_at(data, where))
        hint = str(params["name"]) if key == "error.schema.unknown_key" else None
        if key == "error.schema.enum" and "- at `key` in" in message:
            hint = str(params["value"]).strip("'\"")  # a bad key: its table header names it
        line = locate(source.text, where, hint) if where else None
        raise StoreError(key, params, path=source.path, line=line, where=where) from None


def refuse(problems: Sequence[Problem], source: TomlFile) -> None:
    """Raise the first of a record's problems as a ``StoreError``, counting the others."""
    if not problems:
        return
    first = problems[0]
    raise StoreError(
        first.key,
        dict(first.params),
        path=source.path,
        line=locate(source.text, first.path),
        where=first.path,
        more=len(problems) - 1,
    )


def _syntax_error(text: str, message: str, path: Path | None) -> StoreError:
    """tomllib's message, with the place it names (``at line 3, column 7``) as our own."""
    if match := _POSITION.match(message):
        return StoreError(
            "error.syntax",
            {"detail": match.group(1)},
            path=path,
            line=int(match.group(2)),
            column=int(match.group(3)),
        )
    if match := _END.match(message):
        last_line = text.count("\n") + 1
        return StoreError("error.syntax_end", {"detail": match.group(1)}, path=path, line=last_line)
    return StoreError("error.syntax", {"detail": message}, path=path)


def _deep_key(text: str) -> int | None:
    """Where a key of more than ``MAX_KEY_PARTS`` parts starts, or None."""
    position = 0
    while run := _DOTTED_RUN.search(text, position):
        start = text.rfind("\n", 0, run.start()) + 1
        end = text.find("\n", run.end())
        end = len(text) if end < 0 else end
        if key := _DEEP_KEY.search(text, start, end):
            return key.start(1)
        position = end
    return None


def _number_error(text: str, error: ValueError, path: Path | None) -> StoreError:
    """The ValueError tomllib lets through, with the place of the number that caused it."""
    limit = sys.get_int_max_str_digits()
    for number in _LONG_NUMBER.finditer(text):
        if len(number.group().replace("_", "")) > limit:
            line, column = _position(text, number.start())
            return StoreError(
                "error.number_too_long", {"limit": limit}, path=path, line=line, column=column
            )
    return StoreError("error.syntax", {"detail": str(error)}, path=path)


def _position(text: str, offset: int) -> tuple[int, int]:
    """The 1-based line and column of a character offset."""
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def _name_the_key(data: dict[str, Any], kind: type[Any], message: str) -> str:
    """Replace the first ``[...]`` in the message's key path by the key that holds the fault.

    msgspec does not say which key of a table holds a bad value. Converting the data again with
    that table cut down to one key at a time finds it: the key whose table alone gives the same
    error. This runs only for a file that is refused anyway, so its cost does not matter.
    """
    marker = message.find(_ANY_KEY)
    start = message.rfind("`$", 0, marker) + 1
    if marker < 0 or start <= 0:
        return message
    prefix = parse_path(message[start:marker])
    table = value_at(data, "$" + "".join(_segment(part) for part in prefix))
    if not isinstance(table, dict):
        return message
    for name, value in table.items():
        try:
            msgspec.convert(_with_value(data, prefix, {name: value}), kind)
        except msgspec.ValidationError as error:
            if str(error) == message:
                return message[:marker] + _segment(name) + message[marker + len(_ANY_KEY) :]
    return message


def _segment(part: str | int) -> str:
    """One step of a key path: ``.name``, ``["odd name"]`` or ``[3]``."""
    if isinstance(part, int):
        return f"[{part}]"
    return f".{part}" if _BARE_KEY.fullmatch(part) else f'["{part}"]'


def _with_value(data: Any, parts: list[str | int], value: object) -> Any:
    """A copy of ``data`` with the value at the key path ``parts`` replaced; the rest shared."""
    if not parts:
        return value
    head, *rest = parts
    copy: Any = list(data) if isinstance(data, list) else dict(data)
    copy[head] = _with_value(data[head], rest, value)
    return copy
