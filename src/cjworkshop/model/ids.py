"""Readable, stable identifiers.

Every goal, persona, phase, touchpoint and roadmap item has an id derived once from its name
("Sanne de Vries" becomes ``sanne-de-vries``). The id never changes when the item is renamed, so
plots, votes and diffs keep pointing at the same thing, and a session file stays readable by eye.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable

MAX_SLUG_LENGTH = 40
MAX_KEY_LENGTH = 100

_NON_ALNUM = re.compile(r"[^a-z0-9]+")


def slugify(text: str, fallback: str = "item") -> str:
    """Turn any text into a slug: ASCII letters and digits joined by single hyphens.

    Accents are folded (``Oriëntatie`` becomes ``orientatie``); text with no letters or digits at
    all (emoji, punctuation) gives ``fallback``.
    """
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    slug = _NON_ALNUM.sub("-", folded.lower()).strip("-")
    if len(slug) > MAX_SLUG_LENGTH:
        slug = slug[:MAX_SLUG_LENGTH].rstrip("-")
    return slug or fallback


def unique_id(text: str, taken: Iterable[str], fallback: str = "item") -> str:
    """A slug for ``text`` that is not in ``taken``: ``sanne``, then ``sanne-2``, ``sanne-3``..."""
    used = set(taken)
    base = slugify(text, fallback)
    if base not in used:
        return base
    number = 2
    while f"{base}-{number}" in used:
        number += 1
    return f"{base}-{number}"


def text_key(text: str) -> str:
    """The key under which equal texts group: case, accents, spacing and punctuation ignored.

    Two personas who both hit "Levertijd onduidelijk" and "levertijd  onduidelijk!" hit the same
    pain point. Unlike ``slugify`` this is not truncated, so long texts that differ late still
    differ.
    """
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    key = _NON_ALNUM.sub("-", folded.lower()).strip("-")
    if not key:
        # Text with no ASCII letters at all (emoji, CJK) still needs a stable key of its own.
        key = "u-" + "-".join(f"{ord(char):x}" for char in text if not char.isspace())
        key = key.strip("-") if len(key) > 2 else "blank"
    if len(key) > MAX_KEY_LENGTH:
        digest = hashlib.sha1(key.encode()).hexdigest()[:8]
        key = key[: MAX_KEY_LENGTH - 9].rstrip("-") + "-" + digest
    return key
