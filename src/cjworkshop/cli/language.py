"""The language the command line speaks, chosen before it prints anything.

``--lang`` may stand before the subcommand or after it, and click may have to say something
(a help page, a usage error) before it has read that far, or about the very words it could not
read. So the words of the command line are looked through first (``chosen_language``): the last
``--lang``/``-l`` wins, a subcommand's coming after the group's; without one, ``CJWORKSHOP_LANG``
or the locale decide. Click's own parsing still checks the option as it checks any other.

While a command runs, ``speaking(language)`` makes that the language of everything it prints:
our help texts read it (``cli_language``, a context variable, so nothing is left behind when the
command ends), and click's texts, which click asks of the standard ``gettext`` interface, come
from our message files (``cli.click_texts``). That interface takes its language from the
environment only, so ``speaking`` sets GNU gettext's own variable for it, ``LANGUAGE``, and the
text domain, and puts both back afterwards. A program the app starts meanwhile inherits the
same choice of language, which is the one the user made.
"""

from __future__ import annotations

import gettext
import os
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path
from typing import Final

from cjworkshop.i18n import LANGUAGES, Language, as_language, language_from_environment

DOMAIN: Final = "cjworkshop-click"
"""The gettext text domain of click's texts in our words."""
LOCALE_DIR: Final = Path(__file__).parent / "locale"
"""Where their message files are, one per language (written by ``cli.click_texts``)."""
_SPOKEN: ContextVar[Language | None] = ContextVar("cjworkshop_cli_language", default=None)


def chosen_language(words: Sequence[str], environ: Mapping[str, str] | None = None) -> Language:
    """The language asked for on the command line ``words`` (the arguments after the program's
    name), else the one of the environment."""
    chosen: str | None = None
    rest = iter(words)
    for word in rest:
        if word == "--":  # what follows is arguments, never options
            break
        if word in ("--lang", "-l"):
            value = next(rest, "")
        elif word.startswith("--lang="):
            value = word.removeprefix("--lang=")
        elif word.startswith("-l") and not word.startswith("--"):
            value = word.removeprefix("-l")
        else:
            continue
        if value in LANGUAGES:
            chosen = value
    return as_language(chosen) if chosen else language_from_environment(environ)


def cli_language() -> Language:
    """The language of the command running now; outside one, the environment's."""
    return _SPOKEN.get() or language_from_environment()


@contextmanager
def speaking(language: Language) -> Iterator[None]:
    """Everything printed inside speaks ``language``: our texts and click's."""
    token = _SPOKEN.set(language)
    domain_before = gettext.textdomain()
    language_before = os.environ.get("LANGUAGE")
    gettext.bindtextdomain(DOMAIN, str(LOCALE_DIR))
    gettext.textdomain(DOMAIN)
    os.environ["LANGUAGE"] = language
    try:
        yield
    finally:
        gettext.textdomain(domain_before)
        if language_before is None:
            os.environ.pop("LANGUAGE", None)
        else:
            os.environ["LANGUAGE"] = language_before
        _SPOKEN.reset(token)
