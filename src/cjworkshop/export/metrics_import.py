"""Figures from a spreadsheet: a CSV file of metrics placed on a session's touchpoints.

The first row names the columns, in English or Dutch and in any case: ``touchpoint`` (a
touchpoint's id or its name), ``metric`` (``meetwaarde``, ``metriek``), ``value`` (``waarde``),
and optionally ``unit`` (``eenheid``), ``date`` (``datum``) and ``source`` (``bron``). The file
may be UTF-8 (with or without the BOM Excel writes) or Windows-1252, separated by commas,
semicolons (Dutch Excel) or tabs, with any line ends. Values take a decimal point or comma,
dates are ``YYYY-MM-DD``. A row whose touchpoint already has a figure of that name (in any
case) and date replaces it; so does a later row of the file. Every row that cannot be placed
is a ``CsvProblem`` with its line in the file; ``import_metrics`` returns the session with the
rows that could, and the caller decides whether any problem stops it all.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from dataclasses import dataclass, field
from typing import Final

from msgspec.structs import replace

from cjworkshop.model.metric_lines import read_date, read_number
from cjworkshop.model.session import NAME_LENGTH, Metric, Session, Touchpoint

REQUIRED: Final = ("metric", "value")
HEADERS: Final = {
    "touchpoint_id": "touchpoint_id",
    "contactmoment_id": "touchpoint_id",
    "touchpoint": "touchpoint",
    "contactmoment": "touchpoint",
    "metric": "metric",
    "meetwaarde": "metric",
    "metriek": "metric",
    "value": "value",
    "waarde": "value",
    "unit": "unit",
    "eenheid": "unit",
    "date": "date",
    "datum": "date",
    "source": "source",
    "bron": "source",
    "phase": "phase",
    "fase": "phase",
}
"""Every header name understood (compared without case), and the column it names: those of
``export --format csv-metrics`` too, so an exported file imports again (its phase is not read,
its touchpoint id goes before the name)."""
SEPARATORS: Final = (";", ",", "\t")


@dataclass(frozen=True)
class CsvProblem:
    """What keeps a row (or the file) from being placed: its line in the file (0: the file as
    a whole) and why, as a translation key (``metrics_import.problem.*``) with its values."""

    line: int
    key: str
    params: dict[str, object] = field(default_factory=dict)


@dataclass(frozen=True)
class MetricsImport:
    """The session with every row that could be placed, and what happened to the rest."""

    session: Session
    added: int = 0
    replaced: int = 0
    problems: tuple[CsvProblem, ...] = ()


def decoded(data: bytes) -> str | None:
    """The text of a CSV file, UTF-8 or else Windows-1252; None when it is no text at all."""
    if b"\x00" in data:
        return None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        return None


def _separator(text: str) -> str:
    first_line = next(line for line in text.splitlines() if line.strip())
    return max(SEPARATORS, key=first_line.count)


def import_metrics(session: Session, data: bytes) -> MetricsImport:
    """Place the figures of a metrics CSV file on the touchpoints of ``session``."""
    text = decoded(data)
    if text is None:
        return MetricsImport(session, problems=(CsvProblem(0, "metrics_import.problem.not_text"),))
    if not text.strip():
        return MetricsImport(session, problems=(CsvProblem(0, "metrics_import.problem.empty"),))
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_separator(text), strict=True)
    problems: list[CsvProblem] = []
    placer = _Placer(session)
    columns: list[str] | None = None
    line = 1  # where the next record starts: one may span lines inside quotes
    while True:
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error:  # with strict quoting: a quote that does not pair up, a huge field
            problems.append(CsvProblem(reader.line_num, "metrics_import.problem.not_csv"))
            break
        here, line = line, reader.line_num + 1
        if not any(cell.strip() for cell in row):
            continue
        if columns is None:
            found = _columns(row, here)
            if isinstance(found, CsvProblem):
                return MetricsImport(session, problems=(found,))
            columns = found
            continue
        if len(row) != len(columns):
            key = "too_many" if len(row) > len(columns) else "too_few"
            problems.append(
                CsvProblem(
                    here,
                    f"metrics_import.problem.{key}",
                    {"count": len(row), "columns": len(columns)},
                )
            )
            continue
        problem = placer.place(here, dict(zip(columns, row, strict=True)))
        if problem is not None:
            problems.append(problem)
    if columns is None:  # nothing but separators
        return MetricsImport(session, problems=(CsvProblem(0, "metrics_import.problem.empty"),))
    return placer.result(tuple(problems))


def _columns(header: list[str], line: int) -> list[str] | CsvProblem:
    columns: list[str] = []
    for cell in header:
        name = " ".join(cell.split()).casefold()
        column = HEADERS.get(name)
        if column is None:
            return CsvProblem(
                line,
                "metrics_import.problem.unknown_column",
                {"column": cell.strip(), "known": ", ".join(HEADERS)},
            )
        if column in columns:
            return CsvProblem(line, "metrics_import.problem.twice", {"column": cell.strip()})
        columns.append(column)
    missing = [column for column in REQUIRED if column not in columns]
    if "touchpoint" not in columns and "touchpoint_id" not in columns:
        missing.insert(0, "touchpoint")
    if missing:
        return CsvProblem(line, "metrics_import.problem.missing", {"columns": ", ".join(missing)})
    return columns


class _Placer:
    """The figures of every touchpoint as the rows so far left them."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.by_id = {t.id: t for t in session.touchpoints}
        self.by_name: dict[str, list[str]] = {}
        for touchpoint in session.touchpoints:
            self.by_name.setdefault(touchpoint.name.casefold(), []).append(touchpoint.id)
        self.metrics: dict[str, list[Metric]] = {}
        """The figures of each touchpoint a row has reached."""

    def _touchpoint(self, line: int, said: str) -> Touchpoint | CsvProblem:
        said = " ".join(said.split())
        if not said:
            return CsvProblem(line, "metrics_import.problem.no_touchpoint")
        # Ids are lowercase (``Slug``), so an id typed in capitals is found by folding it.
        folded = said.casefold()
        ids = [folded] if folded in self.by_id else self.by_name.get(folded, [])
        if not ids:
            return CsvProblem(line, "metrics_import.problem.unknown_touchpoint", {"name": said})
        if len(ids) > 1:
            return CsvProblem(
                line, "metrics_import.problem.ambiguous", {"name": said, "ids": ", ".join(ids)}
            )
        return self.by_id[ids[0]]

    def place(self, line: int, cells: dict[str, str]) -> CsvProblem | None:
        said = cells.get("touchpoint_id", "").strip() or cells.get("touchpoint", "")
        touchpoint = self._touchpoint(line, said)
        if isinstance(touchpoint, CsvProblem):
            return touchpoint
        name = " ".join(cells["metric"].split())
        if not name:
            return CsvProblem(line, "metrics_import.problem.no_metric")
        if len(name) > NAME_LENGTH:
            return CsvProblem(
                line,
                "metrics_import.problem.long_metric",
                {"length": len(name), "limit": NAME_LENGTH},
            )
        value = read_number(cells["value"])
        if value is None:
            return CsvProblem(
                line, "metrics_import.problem.value", {"value": cells["value"].strip()}
            )
        said_date = cells.get("date", "").strip()
        date = read_date(said_date) if said_date else None
        if said_date and date is None:
            return CsvProblem(line, "metrics_import.problem.date", {"value": said_date})
        metric = Metric(
            name=name,
            value=value,
            unit=" ".join(cells.get("unit", "").split()),
            date=date,
            source=" ".join(cells.get("source", "").split()),
        )
        metrics = self.metrics.setdefault(touchpoint.id, list(touchpoint.metrics))
        same = next((i for i, m in enumerate(metrics) if _key(m) == _key(metric)), None)
        if same is None:
            metrics.append(metric)
        else:
            metrics[same] = metric
        return None

    def result(self, problems: tuple[CsvProblem, ...]) -> MetricsImport:
        """The session with every figure placed, and how many were new or replaced one."""
        added = replaced = 0
        for touchpoint_id, metrics in self.metrics.items():
            before = {_key(m): m for m in self.by_id[touchpoint_id].metrics}
            added += len(metrics) - len(self.by_id[touchpoint_id].metrics)
            replaced += sum(1 for m in metrics if _key(m) in before and before[_key(m)] != m)
        touchpoints = tuple(
            replace(t, metrics=tuple(self.metrics[t.id])) if t.id in self.metrics else t
            for t in self.session.touchpoints
        )
        session = replace(self.session, touchpoints=touchpoints) if self.metrics else self.session
        return MetricsImport(session, added, replaced, problems)


def _key(metric: Metric) -> tuple[str, dt.date | None]:
    """What makes two figures of a touchpoint the same one: the name in any case, the date."""
    return metric.name.casefold(), metric.date
