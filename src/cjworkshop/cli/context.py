"""What every command shares: the language, the translator and the two consoles."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, NoReturn

import click

from cjworkshop.i18n import Language, Translator, as_language, language_from_environment, translator

if TYPE_CHECKING:
    from rich.console import Console

    from cjworkshop.store.errors import StoreError


def help_text(key: str) -> str:
    """Help texts are fixed when the commands are defined, so they follow the environment."""
    return translator(language_from_environment())(key)


@dataclass
class CliContext:
    language: Language = field(default_factory=language_from_environment)

    @classmethod
    def create(cls, lang: str | None) -> CliContext:
        return cls(as_language(lang) if lang else language_from_environment())

    @property
    def tr(self) -> Translator:
        return translator(self.language)

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


pass_cli = click.make_pass_decorator(CliContext, ensure=True)
