"""A TOML writer with one fixed layout, so that session files diff well.

General-purpose writers choose between inline and table form by line length, which means that one
longer text can turn a whole ``goals = [...]`` block into ``[[goals]]`` tables and make a one-word
edit show up as a rewrite in ``git diff``. Session files always use the same shapes instead:

- scalars on top, in the order given;
- tables of tables as ``[name.key]`` sections;
- lists of records as ``[[name]]`` sections, one per record;
- inside a record, lists always one item per line, and lists of small records (pain points) as
  inline tables, one per line.

Text with line breaks is written as a multi-line string with raw line feeds; carriage returns and
every other control character are always escaped, so any text reads back exactly as written.
``tomllib`` is the reference: the tests round-trip arbitrary text through both.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator, Mapping, Sequence
from typing import Any

_BARE_KEY = re.compile(r"^[A-Za-z0-9_-]+$")
_ESCAPES = {
    "\\": "\\\\",
    '"': '\\"',
    "\b": "\\b",
    "\t": "\\t",
    "\n": "\\n",
    "\f": "\\f",
    "\r": "\\r",
}
_NEEDS_ESCAPE = re.compile(r'[\x00-\x1f\x7f"\\]')
_NEEDS_ESCAPE_MULTILINE = re.compile(r"[\x00-\x09\x0b-\x1f\x7f\\]")


def _escape(char: str) -> str:
    return _ESCAPES.get(char) or f"\\u{ord(char):04x}"


def format_key(key: str) -> str:
    return key if _BARE_KEY.match(key) else format_string(key, multiline=False)


def format_string(text: str, *, multiline: bool) -> str:
    """A TOML basic string; multi-line (raw line feeds) when asked and the text has any."""
    if not (multiline and "\n" in text):
        return '"' + _NEEDS_ESCAPE.sub(lambda match: _escape(match.group()), text) + '"'
    parts: list[str] = []
    quotes = 0  # raw quotes in a row: a third would close the string, so it is escaped
    for char in text:
        if char == '"':
            if quotes == 2:
                parts.append('\\"')
                quotes = 0
            else:
                parts.append('"')
                quotes += 1
            continue
        quotes = 0
        parts.append(_escape(char) if _NEEDS_ESCAPE_MULTILINE.match(char) else char)
    if quotes:
        # Raw quotes right before the closing delimiter would read as part of it.
        parts[-quotes:] = ['\\"'] * quotes
    body = "".join(parts)
    return '"""\n' + body + '"""'


def format_value(value: Any, *, multiline: bool = True) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return repr(value)
    if isinstance(value, str):
        return format_string(value, multiline=multiline)
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    if isinstance(value, Mapping):
        return format_inline_table(value)
    if isinstance(value, Sequence):
        return format_array(value)
    raise TypeError(f"cannot write {type(value).__name__} as TOML")


def format_inline_table(table: Mapping[str, Any]) -> str:
    if not table:
        return "{}"
    pairs = ", ".join(
        f"{format_key(key)} = {format_value(value, multiline=False)}"
        for key, value in table.items()
    )
    return "{ " + pairs + " }"


def format_array(items: Sequence[Any]) -> str:
    """Non-empty arrays one item per line, so adding an item is a one-line diff."""
    if not items:
        return "[]"
    rows = "".join(f"    {format_value(item, multiline=False)},\n" for item in items)
    return "[\n" + rows + "]"


def _is_record_list(value: object) -> bool:
    return (
        isinstance(value, Sequence)
        and not isinstance(value, str)
        and bool(value)
        and all(isinstance(item, Mapping) for item in value)
    )


def dumps(document: Mapping[str, Any]) -> str:
    """The document as TOML in the fixed layout described above."""
    return "".join(_chunks(document))


def _chunks(document: Mapping[str, Any]) -> Iterator[str]:
    scalars = []
    tables = []
    records = []
    for key, value in document.items():
        if isinstance(value, Mapping):
            tables.append((key, value))
        elif _is_record_list(value):
            records.append((key, value))
        else:
            scalars.append((key, value))
    for key, value in scalars:
        yield f"{format_key(key)} = {format_value(value)}\n"
    for key, table in tables:
        yield from _table(format_key(key), table)
    for key, items in records:
        for item in items:
            yield f"\n[[{format_key(key)}]]\n"
            for name, value in item.items():
                yield f"{format_key(name)} = {format_value(value)}\n"


def _table(name: str, table: Mapping[str, Any]) -> Iterator[str]:
    plain = [(key, value) for key, value in table.items() if not isinstance(value, Mapping)]
    nested = [(key, value) for key, value in table.items() if isinstance(value, Mapping)]
    if plain or not nested:
        yield f"\n[{name}]\n"
        for key, value in plain:
            yield f"{format_key(key)} = {format_value(value)}\n"
    for key, value in nested:
        yield from _table(f"{name}.{format_key(key)}", value)
