"""The command line speaks one language from its first word to its last: help, usage errors,
click's own texts and our messages all follow ``--lang``, wherever it stands on the line."""

from __future__ import annotations

import gettext
import os
import re
import string
from collections.abc import Iterator
from pathlib import Path

import click
import pytest
from click.testing import CliRunner, Result

from cjworkshop.cli import COMMANDS, cli
from cjworkshop.cli.click_texts import CLICK_PLURALS, CLICK_TEXTS, compiled, message_file
from cjworkshop.cli.language import chosen_language
from cjworkshop.i18n import LANGUAGES, Language, translator
from cjworkshop.store.session_file import read_session
from tests.conftest import SESSIONS

EXAMPLE = SESSIONS / "harbour-broadband.toml"
FIELD = re.compile(r"\{[^}]*\}|%\([^)]*\)s")


def english_click_words() -> list[re.Pattern[str]]:
    """Every piece of English click prints: the words of each of its message ids around their
    placeholders, and the words of its usage lines, which it does not translate."""
    ids = [*CLICK_TEXTS, *(text for pair in CLICK_PLURALS for text in pair)]
    ids += ["Show the version and exit.", "version"]
    pieces = {
        piece.strip(" .:'!?()")
        for message_id in ids
        for piece in FIELD.split(message_id)
        if re.search("[A-Za-z]{2}", piece)
    }
    pieces |= {"OPTIONS", "COMMAND", "ARGS", "TEXT", "INTEGER", "DIRECTORY", "FILE", "PATH"}
    return [re.compile(rf"(?<![\w-]){re.escape(piece)}(?![\w-])") for piece in sorted(pieces)]


ENGLISH = english_click_words()


def english_in(output: str) -> list[str]:
    return [pattern.pattern for pattern in ENGLISH if pattern.search(output)]


def run(*args: str, env: dict[str, str] | None = None) -> Result:
    environment = env or {"CJWORKSHOP_LANG": "en"}
    return CliRunner().invoke(cli, list(args), env=environment, prog_name="cjworkshop")


def usage_errors() -> Iterator[tuple[str, list[str], str, str]]:
    """(what, command line, a Dutch word it must show, the English click says there)."""
    yield "missing argument", ["diff"], "Ontbrekend argument 'OUD'", "Missing argument 'OLD'"
    yield "extra argument", ["new", "a", "b"], "Onverwacht extra argument (b)", "unexpected extra"
    yield (
        "bad choice",
        ["export", str(EXAMPLE), "--format", "pdf"],
        "is niet een van 'md'",
        "is not one of 'md'",
    )
    yield "no such option", ["check", "--frob"], "De optie '--frob' bestaat niet", "No such option"
    yield "did you mean", ["check", "--tod", "x"], "Bedoel je '--today'?", "Did you mean '--today'?"
    yield "no such command", ["frob"], "De opdracht 'frob' bestaat niet", "No such command"
    yield "bad path", ["list", "--dir", str(EXAMPLE)], "is een bestand", "Directory '"
    yield (
        "bad number",
        ["check", str(EXAMPLE), "--stale-days", "x"],
        "is geen geldig geheel getal",
        "is not a valid whole number",
    )
    yield (
        "number out of range",
        ["check", str(EXAMPLE), "--stale-days", "-1"],
        "valt buiten het bereik x>=0",
        "is not in the range x>=0",
    )
    yield (
        "bad date",
        ["check", str(EXAMPLE), "--today", "1-2-3"],
        "past niet bij de vorm",
        "does not match the format",
    )
    yield "no value", ["check", str(EXAMPLE), "--today"], "heeft een waarde nodig", "requires an"
    yield (
        "flag given a value",
        ["open", "--read-only=ja", "x"],
        "neemt geen waarde",
        "does not take",
    )


CASES = list(usage_errors())


@pytest.mark.parametrize("place", ["before", "after"])
@pytest.mark.parametrize(("what", "words", "dutch", "english"), CASES, ids=[c[0] for c in CASES])
def test_every_usage_error_speaks_the_chosen_language(
    place: str, what: str, words: list[str], dutch: str, english: str
) -> None:
    for language, expected in (("nl", dutch), ("en", english)):
        line = ["--lang", language, *words] if place == "before" else [*words, "--lang", language]
        if what == "no value" and place == "after":
            line = [*words[:-1], "--lang", language, words[-1]]
        result = run(*line, env={"CJWORKSHOP_LANG": "en" if language == "nl" else "nl"})
        assert result.exit_code == 2, result.output
        assert expected in result.output
        if language == "nl":
            assert "Fout: " in result.output
            assert english_in(result.output) == [], result.output
        else:
            assert "Error: " in result.output


def command_lines() -> Iterator[list[str]]:
    yield []
    for name in COMMANDS:
        yield [name]
    yield ["templates", "show"]


@pytest.mark.parametrize("words", list(command_lines()), ids=" ".join)
def test_every_help_page_is_worded_in_the_chosen_language(words: list[str]) -> None:
    dutch = run(*words, "--help", "--lang", "nl")
    english = run("--lang", "en", *words, "--help")
    before = run("--lang", "nl", *words, "--help")
    assert dutch.exit_code == english.exit_code == before.exit_code == 0
    assert dutch.output == before.output
    assert dutch.output.startswith("Gebruik: cjworkshop")
    assert "Opties:" in dutch.output
    assert "Toon deze hulp en stop." in dutch.output
    assert english_in(dutch.output) == [], dutch.output
    assert english.output.startswith("Usage: cjworkshop")
    assert "Show this message and exit." in english.output
    assert "Gebruik" not in english.output


def test_check_help_is_dutch_with_lang_before_or_after_the_command() -> None:
    for line in (["--lang", "nl", "check", "--help"], ["check", "--lang", "nl", "--help"]):
        result = run(*line)
        assert "Controleer een of meer sessies op onafgemaakt werk" in result.output
        assert "Gebruik: cjworkshop check [OPTIES] SESSIE" in result.output
        assert "--today JJJJ-MM-DD" in result.output
    english = run("check", "--lang", "en", "--help", env={"CJWORKSHOP_LANG": "nl"})
    assert "Usage: cjworkshop check [OPTIONS] SESSION" in english.output
    assert "Check one or more sessions for unfinished work" in english.output


def test_defaults_and_kinds_of_value_are_worded_too() -> None:
    dutch = run("--lang", "nl", "list", "--help").output
    assert "--dir MAP" in dutch
    assert "[standaard: sessions]" in dutch
    english = run("--lang", "en", "list", "--help").output
    assert "--dir DIRECTORY" in english
    assert "[default: sessions]" in english


def test_version_in_both_languages() -> None:
    assert run("--lang", "nl", "--version").output.startswith("cjworkshop, versie ")
    assert run("--version", "--lang", "en").output.startswith("cjworkshop, version ")


def test_diff_takes_lang_after_the_command(tmp_path: Path) -> None:
    missing = [str(tmp_path / "oud.toml"), str(tmp_path / "nieuw.toml")]
    dutch = run("diff", "--lang", "nl", *missing)
    assert dutch.exit_code == 1
    assert dutch.output.startswith(f"Fout: {missing[0]}: dit bestand bestaat niet")
    english = run("diff", *missing, "--lang", "en", env={"CJWORKSHOP_LANG": "nl"})
    assert english.exit_code == 1
    assert english.output.startswith(f"Error: {missing[0]}:")
    compared = run("diff", str(EXAMPLE), str(EXAMPLE), "--format", "md", "--lang", "nl")
    assert compared.exit_code == 0
    assert (
        compared.output
        == run(
            "diff", str(EXAMPLE), str(EXAMPLE), "--format", "md", env={"CJWORKSHOP_LANG": "nl"}
        ).output
    )
    assert compared.output != run("diff", str(EXAMPLE), str(EXAMPLE), "--format", "md").output


def test_templates_show_takes_lang_after_the_command() -> None:
    dutch = run("templates", "show", "five-phases", "--lang", "nl")
    assert dutch.exit_code == 0, dutch.output
    assert translator("nl")("cli.templates.questions") in dutch.output
    english = run("templates", "show", "--lang", "en", "five-phases", env={"CJWORKSHOP_LANG": "nl"})
    assert translator("en")("cli.templates.questions") in english.output
    listing = run("templates", "--lang", "nl")
    assert translator("nl")("cli.templates.more") in listing.output


@pytest.mark.parametrize("language", LANGUAGES)
def test_new_confirms_in_the_language_it_makes_the_session_in(
    tmp_path: Path, language: Language
) -> None:
    other = "en" if language == "nl" else "nl"
    result = run(
        "--lang", other, "new", "Bakkerij Jansen", "--lang", language,
        "--dir", str(tmp_path), "--no-open",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    path = tmp_path / "bakkerij-jansen.toml"
    expected = translator(language)("cli.new.created", path=path, template="five-phases", phases=5)
    # Rich wraps the line at the terminal's width, inside the path if need be.
    assert re.sub(r"\s", "", result.output) == re.sub(r"\s|\[/?(bold)?\]", "", expected)
    assert read_session(path).language == language


def test_the_subcommand_wins_over_the_group_the_group_over_the_environment(tmp_path: Path) -> None:
    missing = str(tmp_path / "weg.toml")
    # check names each file with its problem (it goes on to the next), in the language chosen.
    said = translator("nl")("error.read.not_found")
    told = translator("en")("error.read.not_found")
    assert said in run("--lang", "en", "check", missing, "--lang", "nl").output
    assert said in run("--lang", "nl", "check", missing, env={"CJWORKSHOP_LANG": "en"}).output
    assert said in run("check", missing, env={"CJWORKSHOP_LANG": "nl"}).output
    assert told in run("check", missing, env={"CJWORKSHOP_LANG": "en"}).output


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        (["check", "x"], "en"),
        (["--lang", "nl", "check", "x"], "nl"),
        (["--lang=nl", "check"], "nl"),
        (["check", "-lnl"], "nl"),
        (["-l", "en", "new", "x", "-l", "nl"], "nl"),
        (["--lang", "nl", "new", "x", "--lang", "en"], "en"),
        (["--lang", "fr", "check"], "en"),  # click refuses the value; the environment speaks
        (["new", "--", "--lang", "nl"], "en"),  # after "--", a title, not an option
        (["--lang"], "en"),
    ],
)
def test_the_language_is_read_from_the_command_line_before_parsing(
    words: list[str], expected: Language
) -> None:
    assert chosen_language(words, {"CJWORKSHOP_LANG": "en"}) == expected


def test_a_command_leaves_gettext_and_the_environment_as_they_were() -> None:
    domain = gettext.textdomain()
    language = os.environ.get("LANGUAGE")
    run("--lang", "nl", "check", "--help")
    run("--lang", "nl", "frob")
    assert gettext.textdomain() == domain
    assert os.environ.get("LANGUAGE") == language
    assert gettext.gettext("Usage:") == "Usage:"


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_message_files_are_compiled_from_the_catalogs(language: Language) -> None:
    assert message_file(language).read_bytes() == compiled(language), (
        "run: python -m cjworkshop.cli.click_texts"
    )


@pytest.mark.parametrize("language", LANGUAGES)
def test_gettext_reads_every_text_of_the_message_files(language: Language) -> None:
    catalog = gettext.translation(
        "cjworkshop-click", str(message_file("nl").parents[2]), [language]
    )
    tr = translator(language)
    for message_id, key in CLICK_TEXTS.items():
        assert catalog.gettext(message_id) == tr(key)
    for (singular, plural), key in CLICK_PLURALS.items():
        assert catalog.ngettext(singular, plural, 1) == tr(f"{key}.one")
        assert catalog.ngettext(singular, plural, 3) == tr(f"{key}.other")


def fields(text: str) -> set[tuple[str, str | None]]:
    return {(name, conversion) for _, name, _, conversion in string.Formatter().parse(text) if name}


def test_every_click_text_keeps_clicks_placeholders() -> None:
    for language in LANGUAGES:
        tr = translator(language)
        for message_id, key in CLICK_TEXTS.items():
            assert fields(tr(key)) == fields(message_id), (language, key)
        for (singular, plural), key in CLICK_PLURALS.items():
            assert fields(tr(f"{key}.one")) == fields(singular), (language, key)
            assert fields(tr(f"{key}.other")) == fields(plural), (language, key)


def test_english_says_what_click_says() -> None:
    tr = translator("en")
    for message_id, key in CLICK_TEXTS.items():
        assert tr(key) == message_id
    for (singular, plural), key in CLICK_PLURALS.items():
        assert (tr(f"{key}.one"), tr(f"{key}.other")) == (singular, plural)


def test_click_still_asks_for_every_text_we_word() -> None:
    """A message id click no longer uses would leave its new text English, unnoticed."""
    source = "".join(path.read_text("utf-8") for path in Path(click.__file__).parent.glob("*.py"))
    ids = [*CLICK_TEXTS, *(text for pair in CLICK_PLURALS for text in pair)]
    assert [message_id for message_id in ids if f'"{message_id}"' not in source] == []
