"""Reading TOML in the layout ``toml_writer`` writes, three to four times faster than tomllib.

``tomllib`` reads any TOML a character at a time in Python: three quarters of opening a large
session went to it. A file that cjworkshop wrote has a fixed layout (see ``toml_writer``), so
this reader takes it a line at a time, with a handful of regular expressions.

It reads that layout, and the few liberties the hand-written templates and text catalogs take
(comment lines, one-line arrays, a table under the last of an array of tables), and nothing
else. A comment after a value, a dotted key, an escape the writer never writes, a duplicate
key, a table defined twice: at the first thing it does not expect it gives up with
``NotCanonical``, and the caller reads the file with ``tomllib``, which also words any error.
The tests hold both readers to the same result on every file the writer can write, on the
templates and catalogs, and on many damaged files, so a file reads the same whichever reads it.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from typing import Any


class NotCanonical(Exception):
    """The text is not in the writer's layout; read it with ``tomllib``."""


_KEY = r"[A-Za-z0-9_-]+"
_HEADER = re.compile(rf"\[({_KEY}(?:\.{_KEY})*)\]\n")
_ARRAY_HEADER = re.compile(rf"\[\[({_KEY}(?:\.{_KEY})*)\]\]\n")
_KEY_VALUE = re.compile(rf"({_KEY}) = ")
_STRING = re.compile(r'"(?:[^"\\\x00-\x1f\x7f]|\\[btnfr"\\]|\\u[0-9a-fA-F]{4})*"')
"""A one-line basic string with the escapes the writer writes (no ``\\U``, no raw tab)."""
_MULTILINE = re.compile(
    r'"""\n((?:[^"\\\x00-\x09\x0b-\x1f\x7f]|\\[btnfr"\\]|\\u[0-9a-fA-F]{4}|"(?!""))*)"""'
)
"""A multi-line basic string as the writer writes it: opening quotes alone on their line."""
_ESCAPE = re.compile(r'\\(?:u([0-9a-fA-F]{4})|([btnfr"\\]))')
_ESCAPED = {"b": "\b", "t": "\t", "n": "\n", "f": "\f", "r": "\r", '"': '"', "\\": "\\"}
_SURROGATE = re.compile(r"\\u[dD][89a-fA-F]")
"""``\\uD800`` to ``\\uDFFF``: TOML refuses them, and tomllib words the error."""
_INTEGER = re.compile(r"-?(?:0|[1-9][0-9]{0,3999})(?![0-9.eE])")
_FLOAT = re.compile(
    r"-?(?:0|[1-9][0-9]*)(?:\.[0-9]+(?:[eE][+-]?[0-9]+)?|[eE][+-]?[0-9]+)(?![0-9.eE])|-?(?:inf|nan)"
)
_DATETIME = re.compile(
    r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(?:\.[0-9]{6})?(?:Z|[+-][0-9]{2}:[0-9]{2})?"
)
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}(?![T0-9:])")
_MOMENTS: tuple[tuple[re.Pattern[str], Callable[[str], dt.date]], ...] = (
    (_DATETIME, dt.datetime.fromisoformat),
    (_DATE, dt.date.fromisoformat),
)
_ARRAY_ITEM = "    "
_SIMPLE_LINE = re.compile(
    rf'({_KEY}) = (?:"([^"\\\x00-\x1f\x7f]*)"|(-?(?:0|[1-9][0-9]{{0,17}}))|(true|false))\n'
)
"""``key = "text without escapes"``, ``key = 12`` or ``key = true`` on a line of its own."""
_CONTROL = re.compile(r"[\x00-\x08\x0a-\x1f\x7f]")
MAX_HEADER_PARTS = 4
"""The writer's deepest table header has two parts (``[timebox.goals]``)."""


def loads(text: str) -> dict[str, Any]:
    """The document, as ``tomllib.loads`` would give it; ``NotCanonical`` when unsure."""
    return _Reader(text).document()


def _unescape(escape: re.Match[str]) -> str:
    code, char = escape.groups()
    return chr(int(code, 16)) if code else _ESCAPED[char]


class _Reader:
    def __init__(self, text: str) -> None:
        self.text = text if text.endswith("\n") else text + "\n"
        self.position = 0
        self.root: dict[str, Any] = {}
        self.defined: set[int] = {id(self.root)}
        """Tables a header (or the file itself) defined: defining one again is an error."""
        self.closed: set[int] = set()
        """Tables and arrays that a header may not extend: inline tables and static arrays."""
        self.appendable: set[int] = set()
        """Arrays made by ``[[name]]`` headers, which further ones extend."""

    def document(self) -> dict[str, Any]:
        text, table = self.text, self.root
        end = len(text)
        simple = _SIMPLE_LINE.match
        while self.position < end:
            # Most lines are a key and a plain text, a whole number or a yes/no: one
            # expression reads those; everything else takes the longer way below.
            if found := simple(text, self.position):
                key, plain, whole, truth = found.groups()
                if key in table:
                    raise NotCanonical
                if plain is not None:
                    table[key] = plain
                elif whole is not None:
                    table[key] = int(whole)
                else:
                    table[key] = truth == "true"
                self.position = found.end()
                continue
            char = text[self.position]
            if char == "\n":
                self.position += 1
            elif char == "#":
                self._comment()
            elif char == "[":
                table = self._header()
            else:
                self._key_value(table)
        return self.root

    # Structure ------------------------------------------------------------------------------

    def _comment(self) -> None:
        end = self.text.index("\n", self.position)
        if _CONTROL.search(self.text, self.position, end):
            raise NotCanonical  # tomllib refuses control characters in comments
        self.position = end + 1

    def _header(self) -> dict[str, Any]:
        text = self.text
        if found := _ARRAY_HEADER.match(text, self.position):
            self.position = found.end()
            *parents, name = self._parts(found.group(1))
            table = self._walk(parents)
            array = table.get(name)
            if array is None:
                array = table[name] = []
                self.appendable.add(id(array))
            elif not isinstance(array, list) or id(array) not in self.appendable:
                raise NotCanonical
            element: dict[str, Any] = {}
            array.append(element)
            self.defined.add(id(element))
            return element
        found = _HEADER.match(text, self.position)
        if found is None:
            raise NotCanonical
        self.position = found.end()
        table = self._walk(self._parts(found.group(1)))
        if id(table) in self.defined:
            raise NotCanonical
        self.defined.add(id(table))
        return table

    def _parts(self, dotted: str) -> list[str]:
        parts = dotted.split(".")
        if len(parts) > MAX_HEADER_PARTS:
            raise NotCanonical  # not a session's; the careful path says what is wrong with it
        return parts

    def _walk(self, parts: list[str]) -> dict[str, Any]:
        """The table a header names, made on the way where missing."""
        table = self.root
        for part in parts:
            inner = table.get(part)
            if inner is None:
                inner = table[part] = {}
            elif isinstance(inner, list) and id(inner) in self.appendable:
                inner = inner[-1]  # [phases.questions] belongs to the last [[phases]]
            elif not isinstance(inner, dict) or id(inner) in self.closed:
                raise NotCanonical
            table = inner
        return table

    def _key_value(self, table: dict[str, Any]) -> None:
        found = _KEY_VALUE.match(self.text, self.position)
        if found is None:
            raise NotCanonical
        key = found.group(1)
        if key in table:
            raise NotCanonical
        self.position = found.end()
        table[key] = self._value(multiline=True, inline=False)
        self._end_of_line()

    def _end_of_line(self) -> None:
        if self.text[self.position] != "\n":
            raise NotCanonical
        self.position += 1

    # Values ---------------------------------------------------------------------------------

    def _value(self, *, multiline: bool, inline: bool) -> Any:
        text, position = self.text, self.position
        char = text[position]
        if char == '"':
            if multiline and text.startswith('"""\n', position):
                return self._multiline_string()
            return self._string()
        if char == "[" and not inline:
            return self._array()
        if char == "{" and not inline:
            return self._inline_table()
        if char in "tf":
            for word, value in (("true", True), ("false", False)):
                if text.startswith(word, position):
                    self.position = position + len(word)
                    return value
            raise NotCanonical
        for pattern, convert in _MOMENTS:
            if found := pattern.match(text, position):
                self.position = found.end()
                try:
                    return convert(found.group())
                except ValueError:  # 30 February, hour 25: tomllib words the error
                    raise NotCanonical from None
        if found := _INTEGER.match(text, position):
            self.position = found.end()
            return int(found.group())
        if found := _FLOAT.match(text, position):
            self.position = found.end()
            return float(found.group())
        raise NotCanonical

    def _string(self) -> str:
        found = _STRING.match(self.text, self.position)
        if found is None:
            raise NotCanonical
        self.position = found.end()
        raw = found.group()
        if "\\" not in raw:
            return raw[1:-1]
        if _SURROGATE.search(raw):
            raise NotCanonical
        return _ESCAPE.sub(_unescape, raw[1:-1])

    def _multiline_string(self) -> str:
        found = _MULTILINE.match(self.text, self.position)
        if found is None:
            raise NotCanonical
        self.position = found.end()
        body = found.group(1)
        if "\\" not in body:
            return body
        if _SURROGATE.search(body):
            raise NotCanonical
        return _ESCAPE.sub(_unescape, body)

    def _array(self) -> list[Any]:
        text = self.text
        if text.startswith("[]", self.position):
            self.position += 2
            items: list[Any] = []
        elif not text.startswith("[\n", self.position):
            items = self._one_line_array()
        else:
            self.position += 2
            items = []
            while not text.startswith("]", self.position):
                if not text.startswith(_ARRAY_ITEM, self.position):
                    raise NotCanonical
                self.position += len(_ARRAY_ITEM)
                if text[self.position] == "{":
                    items.append(self._inline_table())
                else:
                    items.append(self._value(multiline=False, inline=True))
                if not text.startswith(",\n", self.position):
                    raise NotCanonical
                self.position += 2
            self.position += 1
        self.closed.add(id(items))
        return items

    def _one_line_array(self) -> list[Any]:
        """``["a", "b"]``: items separated by a comma and a space, all on one line."""
        text = self.text
        self.position += 1
        items = [self._value(multiline=False, inline=True)]
        while text.startswith(", ", self.position):
            self.position += 2
            items.append(self._value(multiline=False, inline=True))
        if text[self.position] != "]":
            raise NotCanonical
        self.position += 1
        return items

    def _inline_table(self) -> dict[str, Any]:
        text = self.text
        table: dict[str, Any] = {}
        self.closed.add(id(table))
        if text.startswith("{}", self.position):
            self.position += 2
            return table
        if not text.startswith("{ ", self.position):
            raise NotCanonical
        self.position += 2
        while True:
            found = _KEY_VALUE.match(text, self.position)
            if found is None or found.group(1) in table:
                raise NotCanonical
            self.position = found.end()
            table[found.group(1)] = self._value(multiline=False, inline=True)
            if text.startswith(", ", self.position):
                self.position += 2
            elif text.startswith(" }", self.position):
                self.position += 2
                return table
            else:
                raise NotCanonical
