"""Turning the bytes of a TOML file into parsed data, with errors that say where.

Shared by session and template loading: UTF-8 decoding (a byte-order mark, as some Windows
editors write, is accepted), parsing with the standard library's ``tomllib``, and translation of
every failure (invalid UTF-8, syntax errors, absurd nesting) into a ``StoreError`` with a line and
column; then strict conversion into a typed record, whose errors name the key path, the value and
what was expected.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Any, TypeVar

import msgspec

from cjworkshop.store.errors import StoreError, schema_error
from cjworkshop.store.locate import locate, value_at

T = TypeVar("T")

_POSITION = re.compile(r"^(.*?)\s*\(at line (\d+), column (\d+)\)\s*$", re.DOTALL)
_END = re.compile(r"^(.*?)\s*\(at end of document\)\s*$", re.DOTALL)


def read_bytes(path: Path, limit: int) -> bytes:
    try:
        size = path.stat().st_size
        if size > limit:
            raise StoreError(
                "error.read.too_large",
                {"size_mb": round(size / 1_048_576, 1), "limit_mb": limit // 1_048_576},
                path=path,
            )
        return path.read_bytes()
    except FileNotFoundError:
        raise StoreError("error.read.not_found", path=path) from None
    except IsADirectoryError:
        raise StoreError("error.read.is_folder", path=path) from None
    except PermissionError:
        raise StoreError("error.read.permission", path=path) from None
    except OSError as error:
        raise StoreError(
            "error.read.failed", {"reason": error.strerror or str(error)}, path=path
        ) from None


def decode_toml(data: bytes, path: Path | None) -> tuple[str, dict[str, Any]]:
    """Decode and parse; return the text (for locating lines later) and the parsed data."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        column = error.start - (data.rfind(b"\n", 0, error.start) + 1) + 1
        raise StoreError("error.read.not_utf8", path=path, line=line, column=column) from None
    text = text.removeprefix("\ufeff")
    try:
        return text, tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        message = str(error)
        if match := _POSITION.match(message):
            raise StoreError(
                "error.syntax",
                {"detail": match.group(1)},
                path=path,
                line=int(match.group(2)),
                column=int(match.group(3)),
            ) from None
        if match := _END.match(message):
            last_line = text.count("\n") + 1
            raise StoreError(
                "error.syntax_end", {"detail": match.group(1)}, path=path, line=last_line
            ) from None
        raise StoreError("error.syntax", {"detail": message}, path=path) from None
    except RecursionError:
        raise StoreError("error.too_deep", path=path) from None


def convert(parsed: dict[str, Any], kind: type[T], path: Path | None, text: str | None) -> T:
    """Convert parsed data into ``kind``, or raise a ``StoreError`` that points at the value."""
    try:
        return msgspec.convert(parsed, kind)
    except msgspec.ValidationError as error:
        key, params, where = schema_error(str(error), lambda where: value_at(parsed, where))
        hint = str(params["name"]) if key == "error.schema.unknown_key" else None
        line = locate(text, where, hint) if (text is not None and where) else None
        raise StoreError(key, params, path=path, line=line, where=where) from None
