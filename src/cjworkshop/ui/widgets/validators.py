"""Input validators with messages in the session's language."""

from __future__ import annotations

import datetime as dt

from textual.validation import ValidationResult, Validator

from cjworkshop.i18n import Translator
from cjworkshop.model.metric_lines import read_metric_lines


class NotBlank(Validator):
    """Refuses empty or whitespace-only text."""

    def __init__(self, message: str) -> None:
        super().__init__(failure_description=message)

    def validate(self, value: str) -> ValidationResult:
        return self.success() if value.strip() else self.failure()


class WholeNumber(Validator):
    """A whole number within bounds, or empty when ``optional``."""

    def __init__(self, low: int, high: int, message: str, *, optional: bool = False) -> None:
        super().__init__(failure_description=message)
        self.low, self.high, self.optional = low, high, optional

    def validate(self, value: str) -> ValidationResult:
        text = value.strip()
        if not text:
            return self.success() if self.optional else self.failure()
        try:
            number = int(text)
        except ValueError:
            return self.failure()
        return self.success() if self.low <= number <= self.high else self.failure()


class Decimal(Validator):
    """A number with an optional decimal point (comma accepted too) within bounds."""

    def __init__(self, low: float, high: float, message: str) -> None:
        super().__init__(failure_description=message)
        self.low, self.high = low, high

    def validate(self, value: str) -> ValidationResult:
        try:
            number = float(value.strip().replace(",", "."))
        except ValueError:
            return self.failure()
        return self.success() if self.low <= number <= self.high else self.failure()


class MetricLines(Validator):
    """Refuses a text of figure lines (``model.metric_lines``) while a line does not read,
    saying which line and what to write instead, so no typed figure is dropped on a save."""

    def __init__(self, tr: Translator) -> None:
        super().__init__()
        self.tr = tr

    def validate(self, value: str) -> ValidationResult:
        problems = read_metric_lines(value).problems
        if not problems:
            return self.success()
        tr = self.tr
        return self.failure(
            " ".join(
                tr("metrics_form.line", line=p.line, problem=tr(p.key, **p.params))
                for p in problems
            )
        )


class DayOrEmpty(Validator):
    """A date written as YYYY-MM-DD, or nothing at all."""

    def __init__(self, message: str) -> None:
        super().__init__(failure_description=message)

    def validate(self, value: str) -> ValidationResult:
        text = value.strip()
        if not text:
            return self.success()
        try:
            dt.date.fromisoformat(text)
        except ValueError:
            return self.failure()
        return self.success() if len(text) == len("YYYY-MM-DD") else self.failure()
