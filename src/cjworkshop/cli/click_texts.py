"""Click's own texts (usage lines, section titles, error messages) in our catalogs' words.

Click asks for every text it prints through the standard library's ``gettext`` with its English
words as the message id, the classic GNU interface meant for the application to serve. So the
catalogs stay the one place texts live (``i18n/*/cli.toml``, held to the glossary like every
other text), and ``CLICK_TEXTS`` says which key gives each of click's message ids. For gettext
they are compiled into a message file per language, ``cli/locale/<language>/LC_MESSAGES/
cjworkshop-click.mo``, kept in the repository beside this module: a test fails when a file no
longer matches the catalogs, and ``python -m cjworkshop.cli.click_texts`` writes them again.
``cli.language.speaking`` points gettext at them while a command runs; the command line itself
never imports this module.

Message files are what that interface reads, so nothing of click is replaced. A hand-written
``.po`` file would have put texts outside the catalogs and out of the glossary's reach; rebinding
the ``_`` each click module imports, or catching click's errors to reword them, would reach into
click's insides or repeat its formatting.

Every text click can print for our commands is here: help pages, usage errors (a missing or
extra argument, an unknown option or command, a bad choice, number, date or path) and the word
for an interrupted command. Texts only other kinds of command meet (prompts, files opened by
click, chained groups) are left out; click then prints its English.
"""

from __future__ import annotations

import struct
import sys
from pathlib import Path
from typing import Final

from cjworkshop.cli.language import DOMAIN, LOCALE_DIR
from cjworkshop.i18n import LANGUAGES, Language, translator

CLICK_TEXTS: Final[dict[str, str]] = {
    "Usage:": "cli.click.usage",
    "Options": "cli.click.options",
    "Commands": "cli.click.commands",
    "Positional arguments": "cli.click.arguments",
    "Show this message and exit.": "cli.click.help",
    "Error: {message}": "cli.click.error",
    "Try '{command} {option}' for help.": "cli.click.try_help",
    "Invalid value: {message}": "cli.click.invalid",
    "Invalid value for {param_hint}: {message}": "cli.click.invalid_for",
    "Missing argument": "cli.click.missing_argument",
    "Missing option": "cli.click.missing_option",
    "Missing parameter": "cli.click.missing_parameter",
    "Missing {param_type}": "cli.click.missing_kind",
    "Missing parameter: {param_name}": "cli.click.missing_named",
    "Missing command.": "cli.click.missing_command",
    "No such option {name!r}.": "cli.click.no_such_option",
    "No such command {name!r}.": "cli.click.no_such_command",
    "Option {name!r} does not take a value.": "cli.click.takes_no_value",
    "{value!r} is not a valid {number_type}.": "cli.click.not_a_number",
    "{value} is not in the range {range}.": "cli.click.out_of_range",
    "file": "cli.click.file",
    "directory": "cli.click.directory",
    "path": "cli.click.path",
    "{name} {filename!r} does not exist.": "cli.click.does_not_exist",
    "{name} {filename!r} is a file.": "cli.click.is_a_file",
    "{name} {filename!r} is a directory.": "cli.click.is_a_directory",
    "{name} {filename!r} is not readable.": "cli.click.not_readable",
    "{name} {filename!r} is not writable.": "cli.click.not_writable",
    "default: {default}": "cli.click.default",
    "required": "cli.click.required",
    "Aborted!": "cli.click.aborted",
}
"""Click's message id of each text it prints with ``gettext``, and the key that words it."""

CLICK_PLURALS: Final[dict[tuple[str, str], str]] = {
    (
        "Got unexpected extra argument ({args})",
        "Got unexpected extra arguments ({args})",
    ): "cli.click.extra_arguments",
    (
        "Did you mean {possibility}?",
        "(Did you mean one of: {possibilities}?)",
    ): "cli.click.did_you_mean",
    (
        "Option {name!r} requires an argument.",
        "Option {name!r} requires {nargs} arguments.",
    ): "cli.click.needs_value",
    ("{value!r} is not {choice}.", "{value!r} is not one of {choices}."): "cli.click.not_a_choice",
    (
        "{value!r} does not match the format {format}.",
        "{value!r} does not match the formats {formats}.",
    ): "cli.click.not_a_date",
}
"""The same for the texts click prints with ``ngettext``: its singular and plural message ids,
and the key whose ``.one`` and ``.other`` word them (one form for 1, the other for the rest, in
both our languages)."""

_HEADER: Final = (
    "Content-Type: text/plain; charset=UTF-8\nPlural-Forms: nplurals=2; plural=(n != 1);\n"
)


def message_file(language: Language) -> Path:
    return LOCALE_DIR / language / "LC_MESSAGES" / f"{DOMAIN}.mo"


def compiled(language: Language) -> bytes:
    """The GNU message file of click's texts in ``language``, as gettext reads it."""
    tr = translator(language)
    entries: dict[str, str] = {"": _HEADER}
    for message_id, key in CLICK_TEXTS.items():
        entries[message_id] = tr(key)
    for (singular, plural), key in CLICK_PLURALS.items():
        one, other = (tr(key + form) for form in (".one", ".other"))
        entries[f"{singular}\0{plural}"] = f"{one}\0{other}"
    return _message_file_bytes(entries)


def _message_file_bytes(entries: dict[str, str]) -> bytes:
    """The .mo layout: a header, two tables of (length, offset), then the strings, ids sorted."""
    ids = sorted(entries, key=lambda text: text.encode("utf-8"))
    originals = [text.encode("utf-8") for text in ids]
    translations = [entries[text].encode("utf-8") for text in ids]
    count = len(ids)
    header_size = 7 * 4
    tables_end = header_size + 16 * count
    data = bytearray()

    def placed(strings: list[bytes]) -> list[int]:
        table = []
        for text in strings:
            table += [len(text), tables_end + len(data)]
            data.extend(text + b"\0")
        return table

    original_table = placed(originals)
    translation_table = placed(translations)
    header = struct.pack(
        "<7I", 0x950412DE, 0, count, header_size, header_size + 8 * count, 0, tables_end
    )
    tables = struct.pack(f"<{4 * count}I", *original_table, *translation_table)
    return header + tables + bytes(data)


def write_message_files() -> list[Path]:
    """Compile the message file of every language from the catalogs."""
    written = []
    for language in LANGUAGES:
        path = message_file(language)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(compiled(language))
        written.append(path)
    return written


if __name__ == "__main__":
    for path in write_message_files():
        sys.stdout.write(f"{path}\n")
