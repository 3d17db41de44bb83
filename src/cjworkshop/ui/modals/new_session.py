"""The new-session form: title, journey template (with its phases previewed), language, mode.

Its values are reported as they change (``on_change``), so the start screen can keep a draft of
a title typed when the app stops, and the form can start from such a draft (``initial``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Button, Input, OptionList, RadioButton, RadioSet, Static
from textual.widgets.option_list import Option

from cjworkshop.i18n import Language, Translator
from cjworkshop.model.session import Mode
from cjworkshop.model.template import Template
from cjworkshop.store.errors import StoreError
from cjworkshop.store.templates import bundled_templates
from cjworkshop.ui.modals.base import WorkshopModal
from cjworkshop.ui.modals.confirm import close_unless_kept
from cjworkshop.ui.widgets.fields import LineField
from cjworkshop.ui.widgets.text import TextLabel, TextPanel
from cjworkshop.ui.widgets.validators import NotBlank


@dataclass(frozen=True)
class NewSession:
    title: str
    template: str
    language: Language
    mode: Mode


class NewSessionModal(WorkshopModal[NewSession | None]):
    """Everything a new session needs, validated before it is created."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "key.cancel"),
        Binding("ctrl+s", "create", "key.create"),
    ]

    def __init__(
        self,
        tr: Translator,
        *,
        on_change: Callable[[dict[str, str]], None] | None = None,
        initial: dict[str, str] | None = None,
    ) -> None:
        super().__init__(tr)
        self.templates: tuple[Template, ...] = ()
        self.template_error: str | None = None
        self.on_change = on_change
        self.initial = initial or {}
        self._ready = False

    def compose(self) -> ComposeResult:
        tr = self.tr
        try:
            self.templates = bundled_templates()
        except StoreError as error:
            self.template_error = error.render(tr)
        language: Language = (
            "nl" if self.initial.get("language", self.tr.language) == "nl" else "en"
        )
        solo = self.initial.get("mode") == "self-assessment"
        with Vertical(classes="dialog-box wide"):
            yield TextLabel(tr("new.title"), classes="dialog-title")
            yield TextLabel(tr("new.name"), classes="field-label")
            yield LineField(
                self.initial.get("title", ""),
                placeholder=tr("new.placeholder"),
                id="title",
                validators=[NotBlank(tr("form.required"))],
                max_length=200,
            )
            yield TextLabel(tr("new.template"), classes="field-label")
            with Horizontal(id="template-row"):
                yield OptionList(
                    *[
                        Option(Text(template.name(language)), id=template.id)
                        for template in self.templates
                    ],
                    id="templates",
                )
                with VerticalScroll(id="template-preview"):
                    yield TextPanel(id="preview")
            with Horizontal(id="choices"):
                with Vertical():
                    yield TextLabel(tr("new.language"), classes="field-label")
                    with RadioSet(id="language"):
                        yield RadioButton(tr("language.nl"), value=language == "nl", id="nl")
                        yield RadioButton(tr("language.en"), value=language == "en", id="en")
                with Vertical():
                    yield TextLabel(tr("new.mode"), classes="field-label")
                    with RadioSet(id="mode"):
                        yield RadioButton(tr("new.mode_workshop"), value=not solo, id="workshop")
                        yield RadioButton(tr("new.mode_solo"), value=solo, id="self-assessment")
            yield TextPanel(id="new-error", classes="error")
            with Horizontal(classes="buttons"):
                yield Button(tr("button.create"), id="create", variant="primary")
                yield Button(tr("button.cancel"), id="cancel")

    def on_mount(self) -> None:
        options = self.query_one("#templates", OptionList)
        ids = [template.id for template in self.templates]
        chosen = self.initial.get("template")
        first = ids.index(chosen) if chosen in ids else 0
        if self.templates:
            options.highlighted = first
        self._preview(first)
        if self.template_error:
            self.query_one("#new-error", Static).update(self.template_error)
        self.query_one("#title", Input).focus()
        self.call_after_refresh(self._start_reporting)

    def _start_reporting(self) -> None:
        self._ready = True

    @on(Input.Changed, "#title")
    @on(OptionList.OptionHighlighted, "#templates")
    @on(RadioSet.Changed)
    def _changed(self) -> None:
        if self._ready and self.on_change is not None:
            self.on_change(self.values())

    def values(self) -> dict[str, str]:
        """What the form holds now, as text (for its draft)."""
        options = self.query_one("#templates", OptionList)
        index = options.highlighted
        template = self.templates[index].id if index is not None and self.templates else ""
        return {
            "title": self.query_one("#title", Input).value,
            "template": template,
            "language": self._chosen_language(),
            "mode": self._chosen_mode(),
        }

    def _chosen_language(self) -> Language:
        button = self.query_one("#language", RadioSet).pressed_button
        return "nl" if button and button.id == "nl" else "en"

    def _chosen_mode(self) -> Mode:
        button = self.query_one("#mode", RadioSet).pressed_button
        return "self-assessment" if button and button.id == "self-assessment" else "workshop"

    @on(OptionList.OptionHighlighted, "#templates")
    def _template_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        self._preview(event.option_index)

    def _preview(self, index: int) -> None:
        if not self.templates:
            return
        tr, language = self.tr, self.tr.language
        template = self.templates[index]
        text = Text()
        text.append(template.name(language), style="bold")
        text.append(f"  ({tr(f'shape.{template.shape}')})\n", style="dim")
        text.append(template.description(language) + "\n\n")
        if not template.phases:
            text.append(tr("new.no_phases"), style="italic")
        for number, phase in enumerate(template.phases, start=1):
            text.append(f"{number}. {phase.name(language)}", style="bold")
            if phase.weight != 1.0:
                text.append(f"  ×{phase.weight:g}", style="dim")
            text.append("\n")
            text.append(f"   {phase.description(language)}\n", style="dim")
        self.query_one("#preview", Static).update(text)

    @on(Input.Submitted, "#title")
    def _submitted(self) -> None:
        self.action_create()

    @on(Button.Pressed, "#create")
    def _create_pressed(self) -> None:
        self.action_create()

    @on(Button.Pressed, "#cancel")
    def _cancel_pressed(self) -> None:
        self.action_cancel()

    def action_create(self) -> None:
        title_input = self.query_one("#title", Input)
        validation = title_input.validate(title_input.value)
        error = self.query_one("#new-error", Static)
        if validation is not None and not validation.is_valid:
            error.update(" ".join(validation.failure_descriptions))
            title_input.focus()
            return
        options = self.query_one("#templates", OptionList)
        if options.highlighted is None or not self.templates:
            error.update(self.tr("new.pick_template"))
            options.focus()
            return
        self.dismiss(
            NewSession(
                title=title_input.value.strip(),
                template=self.templates[options.highlighted].id,
                language=self._chosen_language(),
                mode=self._chosen_mode(),
            )
        )

    def action_cancel(self) -> None:
        if not self.query_one("#title", Input).value.strip():
            self.dismiss(None)
            return
        close_unless_kept(self, self.tr("form.discard"))
