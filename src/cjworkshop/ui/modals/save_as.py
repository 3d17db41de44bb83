"""Saving a copy elsewhere: the way out when the session's own folder cannot be written."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Input, Static

from cjworkshop.i18n import Translator
from cjworkshop.ui.modals.base import WorkshopModal
from cjworkshop.ui.widgets.fields import LineField
from cjworkshop.ui.widgets.text import TextLabel, TextPanel


def suggested_copy(path: Path) -> Path:
    """``name-copy.toml`` beside the original, or in the home folder when that is not writable."""
    for number in range(1, 100):
        suffix = "-copy" if number == 1 else f"-copy-{number}"
        candidate = path.with_name(f"{path.stem}{suffix}.toml")
        if not candidate.exists():
            return candidate
    return path.with_name(f"{path.stem}-copy-x.toml")


class SaveAsModal(WorkshopModal[Path | None]):
    """Asks for a new file name; the session continues in the new file."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "key.cancel"),
    ]

    def __init__(self, tr: Translator, current: Path) -> None:
        super().__init__(tr)
        self.current = current

    def compose(self) -> ComposeResult:
        tr = self.tr
        with Vertical(classes="dialog-box wide"):
            yield TextLabel(tr("save_as.title"), classes="dialog-title")
            yield TextPanel(tr("save_as.intro", path=str(self.current)), classes="hint")
            yield LineField(str(suggested_copy(self.current)), id="save-as-path")
            yield TextPanel(id="save-as-error", classes="error")
            with Horizontal(classes="buttons"):
                yield Button(tr("button.save"), id="save", variant="primary")
                yield Button(tr("button.cancel"), id="cancel")

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    @on(Input.Submitted)
    @on(Button.Pressed, "#save")
    def _save(self) -> None:
        tr = self.tr
        raw = self.query_one(Input).value.strip()
        error = self.query_one("#save-as-error", Static)
        if not raw:
            error.update(tr("save_as.empty"))
            return
        target = Path(raw).expanduser()
        if target.suffix != ".toml":
            target = target.with_name(target.name + ".toml")
        if target.exists():
            error.update(tr("save_as.exists", path=str(target)))
            return
        if not target.parent.is_dir():
            error.update(tr("save_as.no_folder", folder=str(target.parent)))
            return
        self.dismiss(target)

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
