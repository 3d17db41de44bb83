"""Both languages complete: every key in both catalogs, with the same placeholders."""

from __future__ import annotations

import re
import string

from cjworkshop.i18n import catalog, language_from_environment, translator

PLACEHOLDER = re.compile(r"\{(\w+)\}")


def test_both_catalogs_have_the_same_keys() -> None:
    dutch, english = set(catalog("nl")), set(catalog("en"))
    assert sorted(english - dutch) == [], "missing in nl.toml"
    assert sorted(dutch - english) == [], "missing in en.toml"


def test_placeholders_match_between_languages() -> None:
    english = catalog("en")
    for key, value in catalog("nl").items():
        other = english[key]
        if isinstance(value, str) and isinstance(other, str):
            assert set(PLACEHOLDER.findall(value)) == set(PLACEHOLDER.findall(other)), key
        else:
            assert isinstance(value, list), key
            assert isinstance(other, list), key
            assert len(value) == len(other), key


def test_no_text_is_empty_or_malformed() -> None:
    for language in ("nl", "en"):
        for key, value in catalog(language).items():
            texts = value if isinstance(value, list) else [value]
            for text in texts:
                assert text.strip(), f"{language}:{key}"
                list(string.Formatter().parse(text))  # raises on unbalanced braces


def test_missing_keys_fall_back_readably() -> None:
    tr = translator("nl")
    assert tr("no.such.key") == "no.such.key"
    assert tr.count("count.personas", 1) == "1 persona"
    assert tr.count("count.personas", 3) == "3 persona's"


def test_language_follows_the_environment() -> None:
    assert language_from_environment({"CJWORKSHOP_LANG": "nl"}) == "nl"
    assert language_from_environment({"LANG": "nl_BE.UTF-8"}) == "nl"
    assert language_from_environment({"LANG": "C.UTF-8"}) == "en"
    assert language_from_environment({}) == "en"
