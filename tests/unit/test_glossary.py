"""One word per idea and language: no catalog and no template uses a word the glossary forbids.

The glossary (``src/cjworkshop/i18n/GLOSSARY.md``) is a Markdown table; its last two columns list
the words never to use in English and in Dutch. Every text of the catalogs and every ``en``/``nl``
text of the journey templates is searched for them as whole words, in any case. Code in a text
(a command in backticks, a placeholder in braces, a table of the session file such as
``[[touchpoints]]``) is not language and is left out.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterator
from pathlib import Path

import pytest

from cjworkshop.i18n import catalog

ROOT = Path(__file__).parents[2]
GLOSSARY = ROOT / "src" / "cjworkshop" / "i18n" / "GLOSSARY.md"
TEMPLATES = sorted((ROOT / "templates").glob("*.toml"))
CODE = re.compile(r"`[^`]*`|\{[^}]*\}|\[\[[^\]]*\]\]")


def forbidden() -> dict[str, dict[str, str]]:
    """Per language, each forbidden word and the term to use instead."""
    found: dict[str, dict[str, str]] = {"en": {}, "nl": {}}
    rows = [
        line for line in GLOSSARY.read_text(encoding="utf-8").splitlines() if line.startswith("|")
    ]
    header = [cell.strip() for cell in rows[0].strip("|").split("|")]
    english, dutch = header.index("English"), header.index("Dutch")
    never = {"en": header.index("Never in English"), "nl": header.index("Never in Dutch")}
    for line in rows[2:]:
        cells = [cell.strip() for cell in line.strip("|").split("|")]
        for language, column in never.items():
            use = cells[english if language == "en" else dutch]
            for word in cells[column].split(","):
                if word.strip() not in ("", "—"):
                    found[language][word.strip().lower()] = use
    return found


FORBIDDEN = forbidden()


def catalog_texts(language: str) -> Iterator[tuple[str, str]]:
    for key, value in catalog(language).items():
        for text in value if isinstance(value, list) else [value]:
            yield f"i18n/{language}: {key}", text


def template_texts(language: str) -> Iterator[tuple[str, str]]:
    def walk(node: object, where: str) -> Iterator[tuple[str, str]]:
        if isinstance(node, dict):
            for key, value in node.items():
                if key == language:
                    for text in value if isinstance(value, list) else [value]:
                        if isinstance(text, str):
                            yield where, text
                elif key not in ("en", "nl"):
                    yield from walk(value, f"{where}.{key}")
        elif isinstance(node, list):
            for number, item in enumerate(node):
                yield from walk(item, f"{where}[{number}]")

    for path in TEMPLATES:
        yield from walk(tomllib.loads(path.read_text(encoding="utf-8")), f"templates/{path.name}")


def offences(language: str, texts: Iterator[tuple[str, str]]) -> list[str]:
    patterns = {
        word: re.compile(rf"(?<![\w-]){re.escape(word)}(?![\w-])", re.IGNORECASE)
        for word in FORBIDDEN[language]
    }
    found = []
    for where, text in texts:
        plain = CODE.sub(" ", text)
        for word, pattern in patterns.items():
            if pattern.search(plain):
                found.append(f"{where}: {word!r} (the glossary says {FORBIDDEN[language][word]!r})")
    return found


def test_the_glossary_names_words_to_avoid_in_both_languages() -> None:
    assert FORBIDDEN["nl"]["touchpoint"] == "contactmoment"
    assert FORBIDDEN["en"]


@pytest.mark.parametrize("language", ["en", "nl"])
def test_no_catalog_uses_a_word_the_glossary_forbids(language: str) -> None:
    found = offences(language, catalog_texts(language))
    assert found == [], "\n".join(found)


@pytest.mark.parametrize("language", ["en", "nl"])
def test_no_template_uses_a_word_the_glossary_forbids(language: str) -> None:
    found = offences(language, template_texts(language))
    assert found == [], "\n".join(found)


def test_dutch_documents_write_decimal_commas_and_english_ones_points() -> None:
    from cjworkshop.export.html_report import report_html
    from cjworkshop.export.markdown import report_markdown, roadmap_markdown
    from cjworkshop.i18n import translator
    from cjworkshop.store.session_file import read_session

    session = read_session(ROOT / "sessions" / "meubelmakerij-de-eik.toml")
    fence = re.compile(r"```mermaid.*?```", re.S)  # Mermaid's own numbers take a point
    decimal_point = re.compile(r"\d\.\d")
    for render in (report_markdown, roadmap_markdown):
        dutch = fence.sub("", render(session, translator("nl")))
        assert decimal_point.findall(dutch) == [], render.__name__
        assert re.search(r"\d,\d", dutch)
        assert decimal_point.search(fence.sub("", render(session, translator("en"))))
    page = report_html(session, translator("nl"))
    page = re.sub(r"<style>.*?</style>", "", page, flags=re.S)  # the stylesheet's own numbers
    shown = re.sub(r"<[^>]*>", " ", page)  # what the page shows: its text, not its markup
    assert decimal_point.findall(shown) == []
    assert re.search(r"\d,\d", shown)
