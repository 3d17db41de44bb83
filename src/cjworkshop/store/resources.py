"""Where the bundled templates and example sessions are, installed or in a source checkout, and
where new sessions go by default."""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent.parent

DEFAULT_SESSIONS_FOLDER = Path("sessions")
"""Where sessions are listed and new ones go, relative to where cjworkshop runs."""


def bundled_folder(installed_name: str, checkout_name: str) -> Path:
    """The folder inside the installed package, else the one at the top of the checkout."""
    installed = _PACKAGE / installed_name
    if installed.is_dir():
        return installed
    return _PACKAGE.parent.parent / checkout_name


def examples_folder() -> Path:
    return bundled_folder("examples", "sessions")
