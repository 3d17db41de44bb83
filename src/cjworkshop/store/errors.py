"""Errors a user can cause with a file, told so that they know where to look and what to do.

A ``StoreError`` names the file, the place in it (line and column for syntax errors, the key path
and, where it can be found, the line for everything else) and a message from the translation layer.
The messages of the TOML parser and of msgspec are translated here into plain words: "expected a
whole number from -2 to 2, found 5" rather than "Expected `int` <= 2".
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from cjworkshop.i18n import Translator
from cjworkshop.model.session import (
    CHANNELS,
    HORIZONS,
    KINDS,
    LANGUAGES,
    MODES,
    SHAPES,
    STATUSES,
    STEPS,
)


@dataclass(eq=False)
class StoreError(Exception):
    """A session or template file that cannot be read or written, with where and why.

    Not a frozen dataclass: Python sets ``__traceback__`` on an exception as it passes through a
    ``with`` block of a ``contextlib.contextmanager``, and a frozen one would turn into a
    ``FrozenInstanceError`` there. ``eq=False`` keeps an exception equal only to itself."""

    key: str
    params: dict[str, object] = field(default_factory=dict)
    path: Path | None = None
    line: int | None = None
    column: int | None = None
    where: str | None = None
    """The key path of the offending value, such as ``$.plots[3].emotion``."""
    more: int = 0
    """How many further problems the file has beyond this one."""

    def render(self, tr: Translator) -> str:
        """The whole message: ``sessions/x.toml, line 12 ($.plots[3].emotion): ...``."""
        place: list[str] = []
        if self.path is not None:
            place.append(str(self.path))
        if self.line is not None:
            if self.column is not None:
                place.append(tr("error.place.line_column", line=self.line, column=self.column))
            else:
                place.append(tr("error.place.line", line=self.line))
        location = ", ".join(place)
        if self.where:
            location = f"{location} ({self.where})" if location else self.where
        message = tr(self.key, **_localized_params(tr, self.params))
        if self.more:
            message = f"{message} {tr.count('error.more', self.more)}"
        return f"{location}: {message}" if location else message

    def __str__(self) -> str:  # pragma: no cover - for logs and debuggers only
        return f"{self.path}:{self.line}:{self.where}: {self.key} {self.params}"


class EditRefused(StoreError):
    """The session can be read but not edited here: it may still be opened read-only."""


class LockedError(EditRefused):
    """The session is open in another cjworkshop process."""


class ChangedOnDisk(StoreError):
    """The file changed since this process last read or wrote it; it was left as it is."""


_TYPE_NAMES = {
    "int": "int",
    "float": "float",
    "str": "str",
    "bool": "bool",
    "array": "array",
    "object": "object",
    "datetime": "datetime",
    "date": "date",
    "null": "null",
}

_ALLOWED: dict[str, tuple[str, ...]] = {
    "language": LANGUAGES,
    "mode": MODES,
    "shape": SHAPES,
    "kind": KINDS,
    "channel": CHANNELS,
    "horizon": HORIZONS,
    "status": STATUSES,
    "timebox": STEPS,
    "steps": STEPS,
}
"""The allowed values of each enumerated field, named in the error message."""

_EXPECTED = re.compile(r"^Expected `([^`]+)`, got `([^`]+)`")
_BOUND = re.compile(r"^Expected `([^`]+)` (>=|<=|>|<) (-?[\d.]+)")
_LENGTH = re.compile(r"^Expected `(?:str|array)` of length (>=|<=) (\d+)")
_REGEX = re.compile(r"^Expected `str` matching regex")
_ENUM = re.compile(r"^Invalid enum value (.+?)$")
_UNKNOWN = re.compile(r"^Object contains unknown field `([^`]+)`")
_MISSING = re.compile(r"^Object missing required field `([^`]+)`")
_AT = re.compile(r" - at `([^`]+)`$")
_AT_KEY = re.compile(r" - at `key` in `([^`]+)`$")
"""A bad key of a table whose keys are enumerated, such as ``[timebox.lunch]``."""


def _type_name(tr: Translator, raw: str) -> str:
    parts = [part.strip() for part in raw.split("|")]
    names = [tr(f"error.type.{_TYPE_NAMES.get(part, 'other')}") for part in parts if part != "null"]
    return tr("error.or").join(names) if names else tr("error.type.null")


def schema_error(
    message: str, value_at: Callable[[str], object]
) -> tuple[str, dict[str, object], str | None]:
    """Map a msgspec validation message to (message key, params, key path).

    ``value_at`` looks up the offending value by its key path, so the message can show it.
    """
    at = _AT_KEY.search(message) or _AT.search(message)
    where = at.group(1) if at else None
    text = message[: at.start()] if at else message
    shown = _shown(value_at(where)) if where else ""
    last = _last_field(where)
    if match := _UNKNOWN.match(text):
        return "error.schema.unknown_key", {"name": match.group(1)}, where
    if match := _MISSING.match(text):
        return "error.schema.missing_key", {"name": match.group(1)}, where
    if match := _ENUM.match(text):
        allowed = ", ".join(_ALLOWED.get(last or "", ()))
        return "error.schema.enum", {"value": match.group(1), "allowed": allowed}, where
    if _REGEX.match(text):
        kind = {"sources": "source", "question": "question", "previous": "previous"}.get(
            last or "", "id"
        )
        return f"error.schema.pattern_{kind}", {"value": shown}, where
    if match := _LENGTH.match(text):
        key = "error.schema.too_short" if match.group(1) == ">=" else "error.schema.too_long"
        return key, {"limit": match.group(2), "value": shown}, where
    if match := _BOUND.match(text):
        op = {">=": "ge", "<=": "le", ">": "gt", "<": "lt"}[match.group(2)]
        params = {"kind": match.group(1), "limit": match.group(3), "value": shown}
        return f"error.schema.bound_{op}", params, where
    if match := _EXPECTED.match(text):
        params = {"expected": match.group(1), "got": match.group(2), "value": shown}
        return "error.schema.wrong_type", params, where
    return "error.schema.other", {"detail": text, "value": shown}, where


def _localized_params(tr: Translator, params: dict[str, object]) -> dict[str, object]:
    """Turn the raw type names msgspec reports into words of the user's language."""
    result = dict(params)
    for name in ("expected", "got", "kind"):
        if name in result:
            result[name] = _type_name(tr, str(result[name]))
    return result


def _last_field(where: str | None) -> str | None:
    if not where:
        return None
    names = re.findall(r"\.([A-Za-z_][A-Za-z0-9_]*)", where)
    return names[-1] if names else None


def _shown(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."
