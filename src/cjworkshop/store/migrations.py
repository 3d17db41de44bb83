"""Bringing session files written by older versions up to the current schema.

Each step takes the parsed data of version N and returns it as version N + 1; loading runs the
steps in order, so a file of any older version reaches the current one. A file from a newer
version is refused: it may hold data this version would silently drop on the next save.
The format is at its first version, so there are no steps yet; the first change of the format
adds ``1: _from_1`` here together with a test that loads a version-1 file.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from cjworkshop.model.session import SCHEMA_VERSION
from cjworkshop.store.errors import StoreError
from cjworkshop.store.toml_file import TomlFile

Data = dict[str, Any]
Migration = Callable[[Data], Data]

MIGRATIONS: dict[int, Migration] = {}
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
