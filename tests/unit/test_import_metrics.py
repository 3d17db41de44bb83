"""``import-metrics`` and ``export --format csv-metrics`` as a user meets them: every refused row
named by its line with what to do, nothing changed on a refusal, figures where they belong."""

from __future__ import annotations

import csv
import datetime as dt
import io
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from hypothesis import given
from hypothesis import strategies as st
from msgspec.structs import replace

from cjworkshop.cli import cli
from cjworkshop.export.metrics_import import import_metrics
from cjworkshop.export.metrics_sheet import metrics_csv
from cjworkshop.i18n import translator
from cjworkshop.model.session import Metric
from cjworkshop.store.lock import SessionLock
from cjworkshop.store.session_file import dumps_session, read_session
from tests.conftest import small_session

HEADER = "touchpoint,metric,value,unit,date,source\n"


def run(*args: str, lang: str = "en") -> Result:
    return CliRunner().invoke(cli, ["--lang", lang, *args], catch_exceptions=False)


@pytest.fixture
def session_path(tmp_path: Path) -> Path:
    path = tmp_path / "bakkerij.toml"
    path.write_text(dumps_session(small_session()), encoding="utf-8")
    return path


def write_csv(tmp_path: Path, content: str | bytes, name: str = "cijfers.csv") -> Path:
    path = tmp_path / name
    if isinstance(content, str):
        content = content.encode("utf-8")
    path.write_bytes(content)
    return path


def test_figures_land_on_their_touchpoints(tmp_path: Path, session_path: Path) -> None:
    figures = write_csv(
        tmp_path,
        HEADER
        + "google,Vertoningen,1200,per maand,2026-10-01,Search Console\n"
        + 'KASSA,CSAT,"7,8",score,,enquête\n',
    )
    result = run("import-metrics", str(session_path), str(figures))
    assert result.exit_code == 0, result.output
    assert "2 figures added, 0 replaced" in result.stdout
    touchpoints = {t.id: t for t in read_session(session_path).touchpoints}
    assert touchpoints["google"].metrics == (
        Metric(
            name="Vertoningen",
            value=1200,
            unit="per maand",
            date=dt.date(2026, 10, 1),
            source="Search Console",
        ),
    )
    assert touchpoints["kassa"].metrics == (
        Metric(name="CSAT", value=7.8, unit="score", source="enquête"),
    )
    assert not (tmp_path / ".bakkerij.toml.lock").exists(), "the lock is let go"


def test_a_touchpoint_is_found_by_its_id_or_its_name_in_any_case(tmp_path: Path) -> None:
    session = small_session()
    till = next(t for t in session.touchpoints if t.id == "kassa")
    renamed = replace(till, name="Afrekenen in de winkel")
    others = tuple(t for t in session.touchpoints if t.id != "kassa")
    path = tmp_path / "bakkerij.toml"
    path.write_text(dumps_session(replace(session, touchpoints=(*others, renamed))), "utf-8")
    figures = write_csv(
        tmp_path,
        HEADER + "Kassa,Wachttijd,4,minuten,,\n" + "afrekenen IN DE winkel,Bonnen,310,,,\n",
    )
    result = run("import-metrics", str(path), str(figures))
    assert result.exit_code == 0, result.output
    (till_now,) = (t for t in read_session(path).touchpoints if t.id == "kassa")
    assert [m.name for m in till_now.metrics] == ["Wachttijd", "Bonnen"]


def test_dutch_excel_semicolons_bom_crlf_and_dutch_headers(
    tmp_path: Path, session_path: Path
) -> None:
    text = (
        "Touchpoint;Meetwaarde;Waarde;Eenheid;Datum;Bron\r\n"
        "Reviews;Sterren;4,5;;2026-09-30;Google\r\n"
    )
    figures = write_csv(tmp_path, b"\xef\xbb\xbf" + text.encode("utf-8"))
    result = run("import-metrics", str(session_path), str(figures), lang="nl")
    assert result.exit_code == 0, result.output
    assert "1 meetwaarde toegevoegd, 0 vervangen" in result.stdout
    reviews = next(t for t in read_session(session_path).touchpoints if t.id == "reviews")
    assert reviews.metrics == (
        Metric(name="Sterren", value=4.5, date=dt.date(2026, 9, 30), source="Google"),
    )


def test_a_figure_with_the_same_name_and_date_is_replaced(
    tmp_path: Path, session_path: Path
) -> None:
    first = write_csv(tmp_path, HEADER + "google,CSAT,7,,2026-10-01,\ngoogle,CSAT,6,,2026-09-01,\n")
    assert run("import-metrics", str(session_path), str(first)).exit_code == 0
    again = write_csv(tmp_path, "touchpoint,metric,value,date\ngoogle,csat,8,2026-10-01\n", "b.csv")
    result = run("import-metrics", str(session_path), str(again))
    assert result.exit_code == 0, result.output
    assert "0 figures added, 1 replaced" in result.stdout
    google = next(t for t in read_session(session_path).touchpoints if t.id == "google")
    assert [(m.name, m.value, m.date) for m in google.metrics] == [
        ("csat", 8, dt.date(2026, 10, 1)),
        ("CSAT", 6, dt.date(2026, 9, 1)),
    ]


BAD_ROWS = [
    ("google,CSAT,7\n", "the row has 3 fields and the header 6"),
    ("google,CSAT,7,,,,x\n", "the row has 7 fields and the header 6"),
    ("google," + "x" * 201 + ",7,,,\n", "the metric's name has 201 characters, at most 200 fit"),
    ("Nergens,CSAT,7,,,\n", "the session has no touchpoint “Nergens”"),
    ("google,CSAT,veel,,,\n", "“veel” is not a number"),
    ("google,CSAT,1.234,5,,,\n", "the row has 7 fields"),
    ("google,CSAT,7,,01-10-2026,\n", "“01-10-2026” is not a date; write it as YYYY-MM-DD"),
    ("google,CSAT,2026-02-30,,,\n", "“2026-02-30” is not a number"),
    ("google,CSAT,7,,2026-02-30,\n", "“2026-02-30” is not a date"),
    ("google,CSAT,NaN,,,\n", "“NaN” is not a number"),
    ("google,CSAT,inf,,,\n", "“inf” is not a number"),
    ("google,CSAT,1e999,,,\n", "“1e999” is not a number"),
    ("google,,7,,,\n", "the metric has no name"),
    (",CSAT,7,,,\n", "the touchpoint is empty"),
]


@pytest.mark.parametrize(("row", "message"), BAD_ROWS)
def test_a_bad_row_is_named_by_its_line_and_nothing_changes(
    tmp_path: Path, session_path: Path, row: str, message: str
) -> None:
    before = session_path.read_bytes()
    figures = write_csv(tmp_path, HEADER + "kassa,CSAT,8,,,\n" + row)
    result = run("import-metrics", str(session_path), str(figures))
    assert result.exit_code == 1
    assert f"{figures}, line 3: {message}" in result.stderr
    assert "Nothing was imported" in result.stderr
    assert "Traceback" not in result.output
    assert session_path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bakkerij.toml", "cijfers.csv"]


def test_every_bad_row_is_listed_and_skip_bad_imports_the_good_ones(
    tmp_path: Path, session_path: Path
) -> None:
    figures = write_csv(
        tmp_path,
        HEADER + 'google,A,1,,,\nnergens,B,2,,,\n\n"kassa",C,x,,,\nburen,D,"4,5",,,\n',
    )
    before = session_path.read_bytes()
    refused = run("import-metrics", str(session_path), str(figures))
    assert refused.exit_code == 1
    assert "line 3: the session has no touchpoint “nergens”" in refused.stderr
    assert "line 5: “x” is not a number" in refused.stderr
    assert session_path.read_bytes() == before

    result = run("import-metrics", str(session_path), str(figures), "--skip-bad")
    assert result.exit_code == 0, result.output
    assert "line 3:" in result.stderr
    assert "line 5:" in result.stderr
    assert "2 rows were left out" in result.stderr
    assert "2 figures added" in result.stdout
    metrics = {t.id: [m.name for m in t.metrics] for t in read_session(session_path).touchpoints}
    assert metrics == {"google": ["A"], "reviews": [], "kassa": [], "buren": ["D"]}


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "the file is empty"),
        (b"\r\n\r\n", "the file is empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "this is not a CSV text file"),
        (b"Dear team,\nhere are the figures.\n", "line 1: the column “Dear team” is not one"),
        (b"touchpoint,value\ngoogle,3\n", "line 1: the header names no column metric"),
        (b"metric,value\nA,3\n", "line 1: the header names no column touchpoint"),
        (b"touchpoint,metric,waarde,value\n", "line 1: the column “value” is named twice"),
        (HEADER.encode() + b'google,"CSAT,7,,,\n', "line 2: this is not valid CSV here"),
    ],
)
def test_a_file_that_is_no_metrics_csv_is_refused_in_words(
    tmp_path: Path, session_path: Path, content: bytes, message: str
) -> None:
    before = session_path.read_bytes()
    figures = write_csv(tmp_path, content)
    result = run("import-metrics", str(session_path), str(figures))
    assert result.exit_code == 1
    assert message in result.stderr
    assert str(figures) in result.stderr
    assert "Traceback" not in result.output
    assert session_path.read_bytes() == before


def test_a_missing_csv_file_or_session_is_refused(tmp_path: Path, session_path: Path) -> None:
    figures = write_csv(tmp_path, HEADER)
    missing_csv = run("import-metrics", str(session_path), str(tmp_path / "nope.csv"))
    assert missing_csv.exit_code == 1
    assert "nope.csv: no such file" in missing_csv.stderr
    missing_session = run("import-metrics", str(tmp_path / "nope.toml"), str(figures))
    assert missing_session.exit_code == 1
    assert "nope.toml: no such file" in missing_session.stderr


def test_a_session_open_in_the_app_is_refused(tmp_path: Path, session_path: Path) -> None:
    before = session_path.read_bytes()
    figures = write_csv(tmp_path, HEADER + "google,CSAT,7,,,\n")
    with SessionLock(session_path):
        result = run("import-metrics", str(session_path), str(figures))
    assert result.exit_code == 1
    assert "is open in cjworkshop; close it there first" in result.stderr
    assert "Nothing was changed" in result.stderr
    assert session_path.read_bytes() == before


def test_the_metrics_csv_reads_back_and_imports_again(tmp_path: Path, session_path: Path) -> None:
    figures = write_csv(
        tmp_path,
        HEADER
        + 'google,CSAT,"7,8",score,2026-10-01,"=HYPERLINK(""x"")"\n'
        + 'buren,"Mond, tot mond",-3,,,\n',
    )
    assert run("import-metrics", str(session_path), str(figures)).exit_code == 0
    result = run("export", str(session_path), "--format", "csv-metrics", "--lang", "en")
    assert result.exit_code == 0, result.output
    rows = list(csv.reader(io.StringIO(result.stdout, newline="")))
    assert rows == [
        ["touchpoint_id", "touchpoint", "phase", "metric", "value", "unit", "date", "source"],
        [
            "google",
            "Google",
            "Oriëntatie",
            "CSAT",
            "7.8",
            "score",
            "2026-10-01",
            '\'=HYPERLINK("x")',
        ],
        ["buren", "Buren", "Loyaliteit", "Mond, tot mond", "-3", "", "", ""],
    ]
    dutch = run("export", str(session_path), "-f", "csv-metrics", "-o", str(tmp_path / "uit.csv"))
    assert dutch.exit_code == 0, dutch.output
    assert (tmp_path / "uit.csv").read_text(encoding="utf-8").startswith("contactmoment_id,")
    again = run("import-metrics", str(session_path), str(tmp_path / "uit.csv"))
    assert again.exit_code == 0, again.output
    assert "0 figures added, 1 replaced" in again.stdout, "only the defused formula differs"


def test_a_refusal_speaks_the_message_language(tmp_path: Path, session_path: Path) -> None:
    figures = write_csv(tmp_path, "contactmoment;meetwaarde;waarde\nKassa;CSAT;veel\n")
    result = run("import-metrics", str(session_path), str(figures), lang="nl")
    assert result.exit_code == 1
    assert f"{figures}, regel 2: “veel” is geen getal" in result.stderr
    assert "Er is niets geïmporteerd: 1 regel kan nergens geplaatst worden" in result.stderr


plain_texts = st.text(
    st.characters(blacklist_categories=["Cs", "Cc", "Zl", "Zp", "Zs"]), max_size=20
).filter(lambda text: not text.startswith(("=", "+", "-", "@", "'")))


@given(
    figures=st.lists(
        st.builds(
            Metric,
            name=plain_texts.filter(bool),
            value=st.floats(allow_nan=False, allow_infinity=False),
            unit=plain_texts,
            date=st.none() | st.dates(),
            source=plain_texts,
        ),
        max_size=5,
        unique_by=lambda m: (m.name.casefold(), m.date),
    )
)
def test_any_exported_figures_import_again_as_they_were(figures: list[Metric]) -> None:
    session = small_session()
    google = replace(session.touchpoints[0], metrics=tuple(figures))
    filled = replace(session, touchpoints=(google, *session.touchpoints[1:]))
    exported = metrics_csv(filled, translator("nl")).encode("utf-8")
    result = import_metrics(session, exported)
    assert result.problems == ()
    assert result.session.touchpoints[0].metrics == tuple(figures)
    assert result.added == len(figures)
