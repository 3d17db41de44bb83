"""A touchpoint's figures as lines of text, the way the touchpoint form edits them.

One figure per line: its name, a colon, the value and its unit, then optionally the date it
was measured and where it comes from, each after a middle dot ``·`` (or a ``|``, which every
keyboard has):
``CSAT: 7.8 score · 2026-10-01 · enquête``, ``Klachten per maand: 12``,
``Conversie: 2,4 % | webanalyse``. The value takes a decimal point or a decimal comma; the date
is ``YYYY-MM-DD``; a second part that is not a date is the source. The name is everything
before the last colon, so a name may hold colons itself (``NPS: webshop: 41``). A ``·``, ``|``
or ``\\`` inside a text, and a colon inside a unit, are written with a backslash before them, so a
line reads back as the figure it was written from. A line that does not read is a
``LineProblem`` (its number and what is wrong, as a translation key), never dropped: the form
refuses to save until it reads. The number and date readers are shared with the CSV import.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import dataclass, field
from typing import Final

from cjworkshop.model.session import NAME_LENGTH, Metric

SEPARATOR: Final = "·"
"""What a line is written with between its parts; ``|`` reads as one too."""
_SEPARATORS: Final = SEPARATOR + "|"
_NUMBER: Final = re.compile(r"[-+]?(?:\d+(?:[.,]\d*)?|[.,]\d+)(?:[eE][-+]?\d+)?")
_DATE: Final = re.compile(r"\d{4}-\d{2}-\d{2}")


def read_number(text: str) -> float | None:
    """A finite number written with a decimal point or a decimal comma (``4,5``), else None."""
    text = text.strip()
    if not _NUMBER.fullmatch(text):
        return None
    number = float(text.replace(",", "."))
    return number if math.isfinite(number) else None


def read_date(text: str) -> dt.date | None:
    """A date written ``YYYY-MM-DD`` that exists on the calendar, else None."""
    text = text.strip()
    if not _DATE.fullmatch(text):
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        return None


def number(value: float) -> str:
    """``1.5``, ``2``, ``16.3``: no trailing zeros, a decimal point as written in the file."""
    text = f"{value:.3f}".rstrip("0").rstrip(".")
    return text or "0"


def number_text(value: float) -> str:
    """A value as short as it reads back exactly: ``12``, ``7.8``, ``1e-07``."""
    value = float(value)
    if value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    return repr(value)


@dataclass(frozen=True)
class LineProblem:
    """A line that does not read: its number (from 1), and what is wrong as a translation
    key (``metrics.problem.*``) with the values its text needs."""

    line: int
    key: str
    params: dict[str, object] = field(default_factory=dict)


@dataclass(frozen=True)
class MetricLines:
    """What a text of figure lines says: the figures that read, and the lines that did not."""

    metrics: tuple[Metric, ...]
    problems: tuple[LineProblem, ...]


def _escaped(text: str, *, colon: bool = False) -> str:
    text = " ".join(text.split()).replace("\\", "\\\\")
    for char in _SEPARATORS + (":" if colon else ""):
        text = text.replace(char, "\\" + char)
    return text


def metric_line(metric: Metric) -> str:
    """The line that stands for ``metric``; texts of several lines are written on one."""
    head = f"{_escaped(metric.name)}: {number_text(metric.value)}"
    if metric.unit.strip():
        head += f" {_escaped(metric.unit, colon=True)}"
    parts = [head]
    source = _escaped(metric.source)
    if metric.date is not None:
        parts.append(metric.date.isoformat())
    elif source and read_date(source) is not None:
        parts.append("")  # an empty date, so a source that looks like one stays the source
    if source:
        parts.append(source)
    return f" {SEPARATOR} ".join(parts).replace("  ", " ")


def _split(text: str, at: str) -> list[tuple[str, str]]:
    """``text`` cut at every character of ``at`` not escaped by a backslash: each piece raw
    (still escaped) and plain (unescaped)."""
    pieces: list[tuple[str, str]] = []
    raw, plain = [], []
    chars = iter(text)
    for char in chars:
        if char == "\\":
            following = next(chars, "")
            raw.append(char + following)
            plain.append(following)
        elif char in at:
            pieces.append(("".join(raw), "".join(plain)))
            raw, plain = [], []
        else:
            raw.append(char)
            plain.append(char)
    pieces.append(("".join(raw), "".join(plain)))
    return pieces


def _clean(text: str) -> str:
    return " ".join(text.split())


def read_metric_line(line: str, number: int = 1) -> Metric | LineProblem:
    """The figure a line says, or what keeps it from reading."""
    pieces = _split(line, _SEPARATORS)
    parts = [plain for _, plain in pieces]
    head_raw = pieces[0][0]
    if len(parts) > 3:
        return LineProblem(number, "metrics.problem.too_many_parts")
    head = _split(head_raw, ":")
    if len(head) < 2:
        return LineProblem(number, "metrics.problem.no_colon")
    name = _clean(":".join(plain for _, plain in head[:-1]))
    if not name:
        return LineProblem(number, "metrics.problem.no_name")
    if len(name) > NAME_LENGTH:
        return LineProblem(number, "metrics.problem.long_name", {"limit": NAME_LENGTH})
    said = head[-1][1].split(None, 1)
    value = read_number(said[0]) if said else None
    if value is None:
        return LineProblem(number, "metrics.problem.value", {"value": said[0] if said else ""})
    unit = _clean(said[1]) if len(said) > 1 else ""
    date: dt.date | None = None
    source = ""
    rest = [_clean(part) for part in parts[1:]]
    if rest and rest[0]:
        date = read_date(rest[0])
        if date is None:
            if len(rest) > 1:
                return LineProblem(number, "metrics.problem.date", {"value": rest[0]})
            source = rest[0]
    if len(rest) > 1:
        source = rest[1]
    return Metric(name=name, value=value, unit=unit, date=date, source=source)


def read_metric_lines(text: str) -> MetricLines:
    """Every non-empty line of ``text`` as a figure, in order, and the lines that do not read."""
    metrics: list[Metric] = []
    problems: list[LineProblem] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        read = read_metric_line(line, number)
        if isinstance(read, LineProblem):
            problems.append(read)
        else:
            metrics.append(read)
    return MetricLines(tuple(metrics), tuple(problems))


def metric_lines(metrics: tuple[Metric, ...]) -> str:
    """The text of figure lines the form starts with."""
    return "\n".join(metric_line(metric) for metric in metrics)
