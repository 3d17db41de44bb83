"""A touchpoint's figures as the lines its form edits, and back."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from cjworkshop.model.metric_lines import (
    LineProblem,
    metric_line,
    read_date,
    read_metric_line,
    read_metric_lines,
    read_number,
)
from cjworkshop.model.session import NAME_LENGTH, Metric


def test_a_line_names_the_figure_its_value_unit_date_and_source() -> None:
    text = (
        "CSAT: 7.8 score · 2026-10-01 · enquête\n\n"
        "Conversie: 2,4 % | webanalyse\n"
        "NPS: webshop: 41\n"
    )
    read = read_metric_lines(text)
    assert read.problems == ()
    assert read.metrics == (
        Metric(name="CSAT", value=7.8, unit="score", date=dt.date(2026, 10, 1), source="enquête"),
        Metric(name="Conversie", value=2.4, unit="%", source="webanalyse"),
        Metric(name="NPS: webshop", value=41),
    )


def test_a_line_that_does_not_read_is_kept_as_a_problem_with_its_number() -> None:
    text = "CSAT 7.8\nNPS: veel\nOK: 3\nX: 1 · 2026-13-01 · bron\nY: nan\n: 4\nZ: 1 · a · b · c"
    read = read_metric_lines(text)
    assert read.metrics == (Metric(name="OK", value=3),)
    assert [(p.line, p.key) for p in read.problems] == [
        (1, "metrics.problem.no_colon"),
        (2, "metrics.problem.value"),
        (4, "metrics.problem.date"),
        (5, "metrics.problem.value"),
        (6, "metrics.problem.no_name"),
        (7, "metrics.problem.too_many_parts"),
    ]
    long_line = "x" * (NAME_LENGTH + 1) + ": 1"
    assert read_metric_line(long_line, 3) == LineProblem(
        3, "metrics.problem.long_name", {"limit": NAME_LENGTH}
    )


def test_numbers_and_dates_read_as_people_write_them() -> None:
    assert read_number("4,5") == 4.5
    assert read_number(" -12 ") == -12
    assert read_number("1e3") == 1000
    for bad in ("nan", "inf", "-inf", "1e999", "4,5,6", "", "1 000", "0x10", "12abc"):
        assert read_number(bad) is None, bad
    assert read_date("2026-02-28") == dt.date(2026, 2, 28)
    for bad in ("2026-02-30", "20260228", "28-02-2026", "2026-2-8", ""):
        assert read_date(bad) is None, bad


def test_a_source_that_looks_like_a_date_stays_the_source() -> None:
    metric = Metric(name="Omzet", value=3, source="2026-01-01")
    assert metric_line(metric) == "Omzet: 3 · · 2026-01-01"
    assert read_metric_line(metric_line(metric)) == metric


texts = st.text(st.characters(blacklist_categories=["Cs", "Cc", "Zl", "Zp"]), max_size=30).map(
    lambda text: " ".join(text.split())
)


@given(
    name=texts.filter(bool),
    value=st.floats(allow_nan=False, allow_infinity=False),
    unit=texts,
    date=st.none() | st.dates(),
    source=texts,
)
def test_any_figure_reads_back_from_its_line(
    name: str, value: float, unit: str, date: dt.date | None, source: str
) -> None:
    metric = Metric(name=name, value=value, unit=unit, date=date, source=source)
    line = metric_line(metric)
    assert "\n" not in line
    assert read_metric_line(line) == metric
