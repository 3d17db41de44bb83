"""The translation layer: every text the user reads, in Dutch and English.

Texts live in one folder per language beside this module (``en/``, ``nl/``), in TOML files by
area (``core.toml``, ``app.toml``, ...), keyed by dotted names (``step.goals``). A value is a
string with ``{named}`` placeholders, or a list of strings for question lists. The files of a
language are merged, and a key defined twice is an error. Both languages hold the same keys; a
test fails on a key that one of them misses. A missing key at run time falls back to English,
then to the key itself, so a gap shows up as a readable key rather than a crash.
"""

from __future__ import annotations

import functools
import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Final, Literal

Language = Literal["nl", "en"]
LANGUAGES: Final[tuple[Language, ...]] = ("nl", "en")
DEFAULT_LANGUAGE: Final[Language] = "en"
_CATALOG_DIR: Final = Path(__file__).parent

CatalogValue = str | list[str]


@functools.cache
def catalog(language: Language) -> dict[str, CatalogValue]:
    """All texts of one language as a flat mapping from dotted key to value.

    Read once per process: parsing a language's files takes some 7 ms, and a screen looks up
    hundreds of texts.
    """
    flat: dict[str, CatalogValue] = {}
    for path in sorted((_CATALOG_DIR / language).glob("*.toml")):
        parsed = tomllib.loads(path.read_text(encoding="utf-8"))
        part: dict[str, CatalogValue] = {}
        _flatten(parsed, "", part)
        twice = sorted(set(part) & set(flat))
        if twice:
            raise ValueError(f"{path}: keys defined in another catalog file too: {twice}")
        flat.update(part)
    return flat


def _flatten(table: Mapping[str, object], prefix: str, into: dict[str, CatalogValue]) -> None:
    for key, value in table.items():
        dotted = f"{prefix}{key}"
        if isinstance(value, dict):
            _flatten(value, f"{dotted}.", into)
        elif isinstance(value, list):
            into[dotted] = [str(item) for item in value]
        else:
            into[dotted] = str(value)


@dataclass(frozen=True, slots=True)
class Translator:
    """Texts in one language: ``tr("save.saved", time="10:02")``."""

    language: Language

    def __call__(self, key: str, /, **params: object) -> str:
        value = catalog(self.language).get(key)
        if not isinstance(value, str):
            fallback = catalog(DEFAULT_LANGUAGE).get(key)
            value = fallback if isinstance(fallback, str) else key
        return value.format(**params) if params else value

    def has(self, key: str) -> bool:
        return key in catalog(self.language)

    def items(self, key: str) -> list[str]:
        """A list of texts, such as the questions for a step."""
        value = catalog(self.language).get(key)
        if isinstance(value, list):
            return value
        fallback = catalog(DEFAULT_LANGUAGE).get(key)
        return fallback if isinstance(fallback, list) else []

    def decimal(self, number: str) -> str:
        """A number (as ``number`` or ``signed`` write it) the way this language writes it:
        ``1,5`` in Dutch, ``1.5`` in English. Files and spreadsheets keep the point."""
        return number.replace(".", ",") if self.language == "nl" else number

    def count(self, key: str, number: int, /, **params: object) -> str:
        """A text that depends on a number: ``key.one`` for 1, ``key.other`` for the rest."""
        form = "one" if number == 1 else "other"
        return self(f"{key}.{form}", n=number, **params)


def translator(language: Language) -> Translator:
    return Translator(language)


def language_from_environment(environ: Mapping[str, str] | None = None) -> Language:
    """The language for command-line output: ``CJWORKSHOP_LANG``, else the locale, else English."""
    env = os.environ if environ is None else environ
    for name in ("CJWORKSHOP_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(name, "").lower()
        if value:
            return "nl" if value.startswith("nl") else DEFAULT_LANGUAGE
    return DEFAULT_LANGUAGE


def as_language(value: str) -> Language:
    for language in LANGUAGES:
        if value == language:
            return language
    raise ValueError(f"unknown language {value!r}; use one of {', '.join(LANGUAGES)}")
