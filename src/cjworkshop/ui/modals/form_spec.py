"""What a form asks and what it answers: fields in, one typed answer out.

A form is a ``FormSpec[T]``: a title, its fields, and ``read``, which makes the form's answer (a
goal, a pain point, what was said of a grid cell) from what the fields hold. ``read`` reads each
field through the field itself (``answers[what]``), and a choice gives back its own typed value
(a severity as a number, a channel as a channel), so a field that is renamed, dropped or given
another type is an error mypy finds, not a ``KeyError`` at run time. What the fields hold as
typed, by field name (``FormValues``), is what a draft keeps, and what a form opened again from
a draft starts from.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Generic, Literal, TypeVar

from textual.validation import Validator

from cjworkshop.ui.widgets.validators import Decimal

FieldKind = Literal["line", "text", "choice"]
FormValues = dict[str, str]
"""What every field of a form holds, as typed, by field name."""

Value = TypeVar("Value")
Answer = TypeVar("Answer", covariant=True)


@dataclass(frozen=True)
class FormField(Generic[Value]):
    """One field: how it is shown, the text it starts with, and the value its text stands for."""

    name: str
    label: str
    kind: FieldKind
    value: str
    """The text the field starts with."""
    parse: Callable[[str], Value]
    """The value the field's text stands for; called on a valid text only."""
    required: bool = False
    hint: str = ""
    choices: tuple[tuple[str, str], ...] = ()
    """(text, label) pairs of a choice field."""
    validators: tuple[Validator, ...] = ()
    max_length: int = 0
    """The most characters a one-line field takes (0: no limit), as the session file allows."""


@dataclass(frozen=True)
class Choice(Generic[Value]):
    """One option of a choice field: the text it is kept as, its value and its label."""

    key: str
    value: Value
    label: str


def _as_typed(text: str) -> str:
    return text


def line_field(
    name: str,
    label: str,
    value: str = "",
    *,
    required: bool = False,
    hint: str = "",
    max_length: int = 0,
) -> FormField[str]:
    """A field of one line of text."""
    return FormField(name, label, "line", value, _as_typed, required, hint, max_length=max_length)


def text_field(
    name: str,
    label: str,
    value: str = "",
    *,
    hint: str = "",
    validators: tuple[Validator, ...] = (),
) -> FormField[str]:
    """A field of text of several lines; ``validators`` check the whole text before a save."""
    return FormField(name, label, "text", value, _as_typed, hint=hint, validators=validators)


def number_field(
    name: str, label: str, value: float, *, low: float, high: float, invalid: str, hint: str = ""
) -> FormField[float]:
    """A number from ``low`` to ``high``, with a decimal point or comma; ``invalid`` says so
    when it is not one."""
    return FormField(
        name,
        label,
        "line",
        f"{value:g}",
        lambda text: float(text.strip().replace(",", ".")),
        required=True,
        hint=hint,
        validators=(Decimal(low, high, invalid),),
    )


def choice_field(
    name: str, label: str, chosen: Value, choices: Sequence[Choice[Value]]
) -> FormField[Value]:
    """One of ``choices``, starting at ``chosen`` (else the first)."""
    by_key = {choice.key: choice.value for choice in choices}
    start = next((choice.key for choice in choices if choice.value == chosen), choices[0].key)
    first = choices[0].value
    return FormField(
        name,
        label,
        "choice",
        start,
        lambda key: by_key.get(key, first),
        choices=tuple((choice.key, choice.label) for choice in choices),
    )


class Answers:
    """What the fields of a form hold, read field by field as the values they stand for."""

    def __init__(self, values: Mapping[str, str]) -> None:
        self.values = values

    def __getitem__(self, field: FormField[Value]) -> Value:
        return field.parse(self.values.get(field.name, field.value))


@dataclass(frozen=True)
class FormSpec(Generic[Answer]):
    """A form: its title, its fields, and its answer made from what they hold."""

    title: str
    fields: tuple[FormField[Any], ...]
    read: Callable[[Answers], Answer]
