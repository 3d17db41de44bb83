"""What every command shares: the language, the translator and the two consoles."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, NoReturn

import click

from cjworkshop.i18n import Language, Translator, language_from_environment, translator

if TYPE_CHECKING:
    from rich.console import Console

    from cjworkshop.model.template import Template
    from cjworkshop.store.errors import StoreError


def typed_text(value: str) -> str:
    """Text from the command line as the user typed it, whatever their terminal's encoding.

    Python hands over bytes that are not UTF-8 as lone surrogates (``Caf\\udce9`` from a Latin-1
    terminal), which no file can hold. They are read again as Windows-1252, the usual other
    encoding (``Café``), and anything still unreadable becomes U+FFFD.
    """
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raw = value.encode("utf-8", "surrogateescape") if _escaped_only(value) else None
        if raw is None:
            return "".join("\ufffd" if 0xD800 <= ord(char) <= 0xDFFF else char for char in value)
        try:
            return raw.decode("cp1252")
        except UnicodeDecodeError:
            return raw.decode("utf-8", "replace")
    return value


def _escaped_only(value: str) -> bool:
    """True when every surrogate in ``value`` stands for one undecodable byte (U+DC80..U+DCFF)."""
    return all(not 0xD800 <= ord(char) <= 0xDFFF or 0xDC80 <= ord(char) <= 0xDCFF for char in value)


@dataclass
class CliContext:
    language: Language = field(default_factory=language_from_environment)
    """The language of the messages: the command line's ``--lang``, else the environment's
    (chosen before parsing, in ``cli.language``)."""

    @property
    def tr(self) -> Translator:
        return translator(self.language)

    # Rich is imported by the first message printed through it: ``export``, ``roadmap`` and a
    # ``check`` that passes print plain text, and start 24 ms of CPU sooner without it.

    @cached_property
    def out(self) -> Console:
        from rich.console import Console

        return Console(highlight=False)

    @cached_property
    def err(self) -> Console:
        from rich.console import Console

        return Console(stderr=True, highlight=False, soft_wrap=True)

    def fail(self, message: str) -> NoReturn:
        """Print an error on stderr and stop with exit status 1."""
        from rich.markup import escape

        self.err.print(f"[bold red]{escape(self.tr('cli.error'))}[/] {escape(message)}")
        raise SystemExit(1)

    def fail_store(self, error: StoreError) -> NoReturn:
        self.fail(error.render(self.tr))

    def template(self, name: str) -> Template:
        """The journey template of that name, or stop and list the ones there are."""
        from cjworkshop.store.templates import bundled_templates, find_template

        try:
            found = find_template(name)
        except StoreError as error:
            self.fail_store(error)
        if found is None:
            names = ", ".join(t.id for t in bundled_templates())
            self.fail(self.tr("cli.new.unknown_template", name=name, names=names))
        return found


pass_cli = click.make_pass_decorator(CliContext, ensure=True)
