"""One dialog for every form: a ``FormSpec[T]`` in, its answer (a T) out.

Goals, personas, phases, touchpoints, pain points, grid cells, roadmap items and notes are all
edited through this modal, described by the fields of their ``FormSpec`` (``form_spec``). It
validates every field before saving (required text, numbers in range, the lines of a text
that must each read, such as a touchpoint's figures), saves with Enter in a
one-line field or Ctrl+S anywhere and dismisses with the form's answer, asks before throwing
typed text away on Escape, and reports what the fields hold at every change to an ``on_change``
callback, which the session screen uses to keep a draft on disk while the user types.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Callable
from typing import Any, ClassVar, TypeVar

from rich.text import Text
from textual import events, on
from textual.actions import SkipAction
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.validation import ValidationResult
from textual.widget import Widget
from textual.widgets import Button, Input, Select, Static, TextArea

from cjworkshop.i18n import Translator
from cjworkshop.ui.modals.base import WorkshopModal
from cjworkshop.ui.modals.confirm import close_unless_kept
from cjworkshop.ui.modals.form_spec import Answers, FormField, FormSpec, FormValues
from cjworkshop.ui.widgets.fields import LineField, TextField
from cjworkshop.ui.widgets.text import TextLabel, TextPanel
from cjworkshop.ui.widgets.validators import NotBlank

Answer = TypeVar("Answer")


class RecordForm(WorkshopModal[Answer | None]):
    """A modal form; dismisses with its answer, or None when cancelled."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", "key.save_form", priority=True),
        Binding("escape", "cancel", "key.cancel", priority=True),
        # Textual hands each key to the field focused when the app receives it, and runs a
        # binding only once the key has passed through that field and come back up to the
        # app: in a burst of keys (a fast typist on a busy machine, a script, a paste the
        # terminal does not bracket) everything after a Tab has gone to the field before it by
        # then. The keys that move on (or away, as Escape's question does) act as the app
        # receives them, once the fields have caught up, so what follows them lands where it
        # would if typed one key at a time.
        Binding("tab", "next_field", show=False, priority=True),
        Binding("shift+tab", "previous_field", show=False, priority=True),
        Binding("enter", "enter", show=False, priority=True),
    ]

    def __init__(
        self,
        tr: Translator,
        form: FormSpec[Answer],
        *,
        on_change: Callable[[FormValues], None] | None = None,
        initial: FormValues | None = None,
    ) -> None:
        super().__init__(tr)
        self.form = form
        self.form_title = form.title
        self.fields = form.fields
        self.on_change = on_change
        self._reported = False
        """True once a change has been reported to ``on_change``."""
        self.initial = {f.name: f.value for f in form.fields}
        self.start_values = {**self.initial, **(initial or {})}
        self._ready = False

    def compose(self) -> ComposeResult:
        tr = self.tr
        with Vertical(classes="dialog-box wide form"):
            yield TextLabel(self.form_title, classes="dialog-title")
            with VerticalScroll(classes="form-fields"):
                for spec in self.fields:
                    label = spec.label + (" *" if spec.required else "")
                    yield TextLabel(label, classes="field-label")
                    yield self._widget(spec)
                    if spec.hint:
                        yield TextPanel(spec.hint, classes="hint")
                    yield TextPanel("", id=f"error-{spec.name}", classes="error field-error")
            yield TextPanel(tr("form.keys"), id="form-keys", classes="hint keys-hint")
            with Horizontal(classes="buttons"):
                yield Button(tr("button.save"), id="save", variant="primary")
                yield Button(tr("button.cancel"), id="cancel")

    def _widget(self, spec: FormField[Any]) -> Widget:
        value = self.start_values.get(spec.name, spec.value)
        widget_id = f"field-{spec.name}"
        if spec.kind == "text":
            area = TextField(value, id=widget_id, soft_wrap=True, show_line_numbers=False)
            area.tab_behavior = "focus"
            return area
        if spec.kind == "choice":
            options = [(Text(label), choice) for choice, label in spec.choices]
            allowed = {choice for choice, _ in spec.choices}
            chosen = value if value in allowed else spec.choices[0][0]
            return Select(options, value=chosen, allow_blank=False, id=widget_id)
        validators = list(spec.validators)
        if spec.required:
            validators.insert(0, NotBlank(self.tr("form.required")))
        return LineField(
            value,
            id=widget_id,
            validators=validators,
            validate_on=["submitted"],
            max_length=spec.max_length,
        )

    def on_mount(self) -> None:
        first = self.query(".form-fields Input, .form-fields TextArea, .form-fields Select").first()
        first.focus()
        self._ready = True

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        """The keys line says what Enter does where the focus is: in a text of several lines
        it starts a new line, on a choice it opens the list, on a button it presses it."""
        field = next(
            (w for w in event.widget.ancestors_with_self if isinstance(w, TextArea | Select)), None
        )
        if isinstance(field, TextArea):
            hint = "form.keys_text"
        elif isinstance(field, Select):
            hint = "form.keys_choice"
        elif isinstance(event.widget, Button):
            hint = "form.keys_button"
        else:
            hint = "form.keys"
        self.query_one("#form-keys", Static).update(self.tr(hint))

    def values(self) -> FormValues:
        """What every field holds now, as typed."""
        result: FormValues = {}
        for spec in self.fields:
            widget = self.query_one(f"#field-{spec.name}")
            if isinstance(widget, TextArea):
                result[spec.name] = widget.text
            elif isinstance(widget, Select):
                result[spec.name] = str(widget.value)
            elif isinstance(widget, Input):
                result[spec.name] = widget.value
        return result

    @on(Input.Changed)
    @on(TextArea.Changed)
    @on(Select.Changed)
    def _changed(self) -> None:
        if not self._ready or self.on_change is None:
            return
        # The fields report their first values as changes too: a form nobody has typed in has
        # nothing to keep, and after a crash it would come back as text "being typed". Once
        # something was reported, every change is, back to the form's first values included.
        values = self.values()
        if values == self.initial and not self._reported:
            return
        self._reported = True
        self.on_change(values)

    def _valid(self) -> bool:
        first_invalid: Widget | None = None
        for spec in self.fields:
            widget = self.query_one(f"#field-{spec.name}")
            error = self.query_one(f"#error-{spec.name}", Static)
            if isinstance(widget, Input):
                result = widget.validate(widget.value)
            elif isinstance(widget, TextArea) and spec.validators:
                result = ValidationResult.merge([v.validate(widget.text) for v in spec.validators])
            else:
                continue
            if result is not None and not result.is_valid:
                error.update(" ".join(result.failure_descriptions))
                error.add_class("-shown")
                first_invalid = first_invalid or widget
            else:
                error.update("")
                error.remove_class("-shown")
        if first_invalid is not None:
            first_invalid.focus()
            return False
        return True

    async def action_next_field(self) -> None:
        await self._fields_caught_up()
        self.focus_next()

    async def action_previous_field(self) -> None:
        await self._fields_caught_up()
        self.focus_previous()

    async def action_enter(self) -> None:
        """Enter saves from a one-line field; elsewhere it is the field's own key (a new line,
        a list opened, a button pressed)."""
        if not isinstance(self.focused, Input):
            raise SkipAction
        await self.action_save()

    @on(Input.Submitted)
    async def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        await self.action_save()

    @on(Button.Pressed, "#save")
    async def _save_pressed(self) -> None:
        await self.action_save()

    @on(Button.Pressed, "#cancel")
    async def _cancel_pressed(self) -> None:
        await self.action_cancel()

    async def action_save(self) -> None:
        await self._fields_caught_up()
        if self._valid():
            self.dismiss(self.form.read(Answers(self.values())))

    async def _fields_caught_up(self) -> None:
        """Wait until every field has handled the keys and pastes already handed to it.

        Tab, Enter and Ctrl+S act as the app receives them, while what came just before them
        may still wait in a field; the app hands out no further keys meanwhile, so a save reads
        all that was typed before it, and the keys after a Tab reach the next field.
        """
        waiting: list[tuple[Widget, asyncio.Event]] = []
        for spec in self.fields:
            widget = self.query_one(f"#field-{spec.name}")
            handled = asyncio.Event()
            if widget.call_later(handled.set):
                waiting.append((widget, handled))
        for widget, handled in waiting:
            # A field taken away meanwhile (the form closing) will never get there.
            while not handled.is_set() and widget.is_attached:
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(handled.wait(), 0.1)

    async def action_cancel(self) -> None:
        around = self.focused.ancestors_with_self if self.focused is not None else []
        choice = next((widget for widget in around if isinstance(widget, Select)), None)
        if choice is not None and choice.expanded:
            raise SkipAction  # Escape closes the open list first
        await self._fields_caught_up()
        if self.values() == self.initial:
            self.dismiss(None)
            return
        close_unless_kept(self, self.tr("form.discard"))
