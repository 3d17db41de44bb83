"""Bringing session files written by older versions up to the current schema.

Each step takes the parsed data of version N and returns it as version N + 1; loading runs the
steps in order, so a file of any older version reaches the current one. A file from a newer
version is refused: it may hold data this version would silently drop on the next save.
Every step has tests that migrate version-N files to an expected text.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from cjworkshop.model.session import SCHEMA_VERSION
from cjworkshop.store.errors import StoreError
from cjworkshop.store.toml_file import TomlFile

Data = dict[str, Any]
Migration = Callable[[Data], Data]


def _from_1(data: Data) -> Data:
    """Version 1 -> 2: a touchpoint's interactions and a plot's opportunities become records.

    Version 1 held both as plain texts; each becomes a record holding that text, so nothing is
    lost and nothing is said that the file did not say (no channel, no evidence). Everything
    else version 2 adds is optional and starts empty."""
    touchpoints = data.get("touchpoints")
    if isinstance(touchpoints, list):
        for touchpoint in touchpoints:
            if isinstance(touchpoint, dict) and "interactions" in touchpoint:
                touchpoint["interactions"] = _records(touchpoint["interactions"], "name")
    plots = data.get("plots")
    if isinstance(plots, list):
        for plot in plots:
            if isinstance(plot, dict) and "opportunities" in plot:
                plot["opportunities"] = _records(plot["opportunities"], "text")
    return data


def _records(items: object, key: str) -> object:
    """Each text of a list as a record ``{key: text}``; anything else as it was, for the
    record's own checks to refuse with its place."""
    if not isinstance(items, list):
        return items
    return [{key: item} if isinstance(item, str) else item for item in items]


MIGRATIONS: dict[int, Migration] = {1: _from_1}
"""Version N -> the function that turns version-N data into version N + 1."""


def migrate(source: TomlFile) -> Data:
    """The file's data at the current schema version, or a clear ``StoreError``."""
    data, path = source.data, source.path
    version = data.get("schema_version")
    if version is None:
        raise StoreError("error.schema_version.missing", {"current": SCHEMA_VERSION}, path=path)
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise StoreError(
            "error.schema_version.invalid",
            {"value": repr(version)},
            path=path,
            line=_line_of_version(source.text),
            where="$.schema_version",
        )
    if version > SCHEMA_VERSION:
        raise StoreError(
            "error.schema_version.newer",
            {"version": version, "current": SCHEMA_VERSION},
            path=path,
            line=_line_of_version(source.text),
            where="$.schema_version",
        )
    while version < SCHEMA_VERSION:
        step = MIGRATIONS.get(version)
        if step is None:
            raise StoreError(
                "error.schema_version.no_migration",
                {"version": version},
                path=path,
                line=_line_of_version(source.text),
            )
        data = step(data)
        version += 1
        data["schema_version"] = version
    return data


def _line_of_version(text: str) -> int | None:
    for number, line in enumerate(text.splitlines(), start=1):
        if line.strip().startswith("schema_version"):
            return number
    return None
