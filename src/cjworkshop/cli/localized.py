"""Commands, options and arguments whose help is worded when it is shown, not when it is defined.

A command module is imported before anyone knows which ``--lang`` its command line holds (the
group imports it to read that command line), so a text fixed at definition would follow the
environment only. Here every text a command shows is given as a catalog key and read, each time
click asks for it, in the language of the command running (``cli.language``): help texts, the
words of usage lines (``[OPTIONS]``, an argument's ``SESSION``), the kinds of value (``FILE``,
``DIRECTORY``, a whole number) and the help option's line.

A new command follows the same pattern as the others::

    @command("guide", help="cli.guide.help")
    @argument("session_path", metavar="cli.metavar.session", type=FILE)
    @option("--step", help="cli.guide.step")
    @language_option()
    @pass_cli
    def guide_command(cli: CliContext, session_path: Path, step: str | None) -> None: ...

and is listed in ``cli.COMMANDS``; ``--lang`` then works after it as after every other.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TypeVar

import click

from cjworkshop import __version__
from cjworkshop.cli.context import CliContext
from cjworkshop.cli.language import chosen_language, cli_language, speaking
from cjworkshop.i18n import LANGUAGES, translator
from cjworkshop.store.resources import DEFAULT_SESSIONS_FOLDER

F = TypeVar("F", bound=Callable[..., Any])


def _text(key: str) -> str:
    return translator(cli_language())(key)


class CatalogText:
    """An attribute set to a catalog key, read as that key's text in the current language."""

    def __set_name__(self, owner: type, name: str) -> None:
        self.slot = f"_{name}_key"

    def __get__(self, instance: object, owner: type | None = None) -> Any:
        key = getattr(instance, self.slot, None) if instance is not None else None
        return None if key is None else _text(key)

    def __set__(self, instance: object, key: str | None) -> None:
        setattr(instance, self.slot, key)


class _Worded:
    """What our commands and groups share: their texts from the catalog, and their start."""

    help = CatalogText()
    short_help = CatalogText()
    options_metavar = CatalogText()

    def get_help_option(self, ctx: click.Context) -> click.Option | None:
        # Click makes the help option once per command, worded in the language of that moment.
        option: click.Option | None = super().get_help_option(ctx)  # type: ignore[misc]
        if option is not None:
            option.help = _text("cli.click.help")
        return option

    def main(
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        windows_expand_args: bool = True,
        **extra: Any,
    ) -> Any:
        """Run as the program: in the language its command line asks for."""
        language = chosen_language(sys.argv[1:] if args is None else args)
        extra.setdefault("obj", CliContext(language))
        with speaking(language):
            return super().main(  # type: ignore[misc]
                args, prog_name, complete_var, standalone_mode, windows_expand_args, **extra
            )


class LocalizedCommand(_Worded, click.Command):
    """A command whose ``help`` is a catalog key."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("options_metavar", "cli.metavar.options")
        super().__init__(*args, **kwargs)


class LocalizedGroup(_Worded, click.Group):
    """A group of commands whose ``help`` is a catalog key; its subcommands are made alike."""

    command_class = LocalizedCommand
    subcommand_metavar = CatalogText()

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("options_metavar", "cli.metavar.options")
        kwargs.setdefault("subcommand_metavar", "cli.metavar.subcommand")
        super().__init__(*args, **kwargs)


class LocalizedOption(click.Option):
    """An option whose ``help`` and ``metavar`` are catalog keys."""

    help = CatalogText()
    metavar = CatalogText()


class LocalizedArgument(click.Argument):
    """An argument whose ``metavar`` (the word for it in usage lines) is a catalog key."""

    help = CatalogText()
    metavar = CatalogText()


class LocalizedPath(click.Path):
    """A path whose kind (file, directory, path) is worded in the message that names it."""

    @property
    def name(self) -> str:
        if self.file_okay and not self.dir_okay:
            return _text("cli.click.file")
        if self.dir_okay and not self.file_okay:
            return _text("cli.click.directory")
        return _text("cli.click.path")

    @name.setter
    def name(self, worded_at_definition: str) -> None:
        """Click names the kind when the type is made; it is worded again each time."""


class WholeNumberRange(click.IntRange):
    """A whole number within bounds, named in the current language in its error message."""

    @property
    def name(self) -> str:
        return _text("cli.type.whole_number")

    @name.setter
    def name(self, worded_at_definition: str) -> None:
        """The name is worded each time it is read."""


FILE = LocalizedPath(path_type=Path)
"""A file given on the command line: a session, a CSV file. A folder given instead is told by
the store ("this is a folder, not a file", exit status 1), as every other fault of the file is."""

FOLDER = LocalizedPath(file_okay=False, path_type=Path)
"""A folder given on the command line."""


def command(name: str, **attrs: Any) -> Callable[[F], LocalizedCommand]:
    attrs.setdefault("cls", LocalizedCommand)
    return click.command(name, **attrs)


def group(name: str | None = None, **attrs: Any) -> Callable[[F], LocalizedGroup]:
    attrs.setdefault("cls", LocalizedGroup)
    return click.group(name, **attrs)


def option(*param_decls: str, **attrs: Any) -> Callable[[F], F]:
    return click.option(*param_decls, cls=LocalizedOption, **attrs)


def argument(name: str, *, metavar: str, **attrs: Any) -> Callable[[F], F]:
    """An argument; its ``metavar`` key is required, as its own name is an English word."""
    return click.argument(name, cls=LocalizedArgument, metavar=metavar, **attrs)


def paths_argument(name: str, *, metavar: str) -> Callable[[F], F]:
    """One path or more, files or folders, handed over as a tuple."""
    return argument(
        name, metavar=metavar, nargs=-1, required=True, type=LocalizedPath(path_type=Path)
    )


def language_option(help: str = "cli.option.lang", *, expose: bool = False) -> Callable[[F], F]:
    """``--lang``/``-l``, the same on the group and every command: the language the command
    speaks (read before parsing, see ``cli.language``). ``expose`` hands its value to the
    command too, as ``lang``, for a command that writes a document in a language of its own."""
    return option(
        "--lang",
        "-l",
        "lang",
        type=click.Choice(LANGUAGES),
        default=None,
        expose_value=expose,
        help=help,
    )


def sessions_folder_option(help: str = "cli.option.dir", **attrs: Any) -> Callable[[F], F]:
    """``--dir``: the folder of sessions, ``./sessions`` unless given."""
    return option(
        "--dir",
        "folder",
        type=FOLDER,
        default=DEFAULT_SESSIONS_FOLDER,
        show_default=True,
        help=help,
        **attrs,
    )


def version_option() -> Callable[[F], F]:
    return option(
        "--version",
        "-V",
        is_flag=True,
        expose_value=False,
        is_eager=True,
        callback=_show_version,
        help="cli.version.help",
    )


def _show_version(context: click.Context, parameter: click.Parameter, value: bool) -> None:
    if value and not context.resilient_parsing:
        click.echo(translator(cli_language())("cli.version.text", version=__version__))
        context.exit()
