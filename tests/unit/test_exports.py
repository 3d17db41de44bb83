"""Exports read back by real parsers: Markdown by markdown-it, CSV by the csv module, Mermaid by
the rules of its grammar. Hostile text must never add a column, end a row or break a diagram."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given
from markdown_it import MarkdownIt
from markdown_it.token import Token
from msgspec.structs import replace

from cjworkshop.cli import cli
from cjworkshop.export.escape import cell, inline, mermaid, spreadsheet_cell
from cjworkshop.export.markdown import diagrams_markdown, report_markdown, roadmap_markdown
from cjworkshop.export.mermaid import quadrant_chart
from cjworkshop.export.quadrant import quadrant_layout
from cjworkshop.export.spreadsheet import COLUMNS, plots_csv
from cjworkshop.i18n import translator
from cjworkshop.model.roadmap import roadmap
from cjworkshop.model.session import (
    Goal,
    Interaction,
    Metric,
    Opportunity,
    PainPoint,
    Persona,
    Plot,
    RoadmapItem,
    Session,
)
from cjworkshop.store.session_file import save_session
from tests.strategies import sessions
from tests.unit.test_review import crafted

EN = translator("en")
NL = translator("nl")
HOSTILE = 'Pipe | in\nthe "middle": #1; 50% `code` *bold* <b>x</b> [link](y) 😀\r\n- item'

# Mermaid's journey grammar (journey.jison): title, section and task lines exclude these.
JOURNEY_LINE = re.compile(
    r"^(journey"
    r"|    title [^#\n;]+"
    r"|    section [^#:\n;]+"
    r"|        [^#:\n;]+: [1-5]: [^#\n;,]+)$"
)
# Mermaid's quadrant grammar takes a coordinate as 0, 1 or 0. and decimals; a point's label is
# the item's rank.
QUADRANT_POINT = re.compile(r'^    "\d+": \[(0|1|0\.\d{1,3}), (0|1|0\.\d{1,3})\]$')
QUADRANT_HEAD = re.compile(
    r'^(quadrantChart|    title [^#\n;]+|    [xy]-axis "[^"]+" --> "[^"]+"'
    r'|    quadrant-[1-4] "[^"]+")$'
)


def hostile_session(HOSTILE: str = HOSTILE) -> Session:
    base = crafted()
    plots = tuple(
        replace(
            plot,
            action=HOSTILE,
            thought=HOSTILE,
            pain_points=(
                *plot.pain_points,
                PainPoint(text=HOSTILE, severity=4, evidence="observed", source=HOSTILE),
            ),
            opportunities=(Opportunity(text=HOSTILE, evidence="assumed", source=HOSTILE),),
            target_emotion=2,
            thought_evidence="observed",
            thought_source=HOSTILE,
            emotion_evidence="assumed",
            emotion_source=HOSTILE,
        )
        for plot in base.plots
    )
    personas = tuple(replace(p, name=f"{p.name}, {HOSTILE}", needs=HOSTILE) for p in base.personas)
    touchpoints = tuple(
        replace(
            t,
            name=f"{t.name}: {HOSTILE}",
            owner=HOSTILE,
            channel="other",
            channel_name=HOSTILE,
            interactions=(
                Interaction(name=HOSTILE),
                Interaction(name=HOSTILE, channel="phone"),
                Interaction(name=HOSTILE, channel="other", channel_name=f"{HOSTILE} 2"),
            ),
            frontstage=HOSTILE,
            backstage=HOSTILE,
            support=HOSTILE,
            metrics=(
                Metric(
                    name=HOSTILE,
                    value=4.25,
                    unit=HOSTILE,
                    date=dt.date(2026, 11, 3),
                    source=HOSTILE,
                ),
            ),
        )
        for t in base.touchpoints
    )
    phases = tuple(replace(p, name=f"{p.name} #{HOSTILE}") for p in base.phases)
    session = replace(
        base,
        title=HOSTILE,
        notes=HOSTILE,
        goals=(Goal(id="g", what=HOSTILE, why=HOSTILE, measure=HOSTILE),),
        personas=personas,
        touchpoints=touchpoints,
        phases=phases,
        plots=plots,
    )
    first = roadmap(session)[0]
    decided = RoadmapItem(
        id=first.id, sources=first.sources, title=HOSTILE, effort=2, owner=HOSTILE
    )
    return replace(session, roadmap=(decided,))


def fences(markdown: str, language: str = "mermaid") -> list[str]:
    tokens = MarkdownIt("commonmark").enable("table").parse(markdown)
    return [t.content for t in tokens if t.type == "fence" and t.info == language]


def tables(markdown: str) -> list[tuple[list[str], list[list[str]]]]:
    """Every table as header cells and body rows, each cell as the text a reader sees."""
    tokens = MarkdownIt("commonmark").enable("table").parse(markdown)
    found: list[tuple[list[str], list[list[str]]]] = []
    rows: list[list[str]] = []
    row: list[str] = []
    inside = False
    for token in tokens:
        if token.type == "table_open":
            rows, inside = [], True
        elif token.type == "tr_open":
            row = []
        elif token.type == "inline" and inside:
            row.append(_plain(token))
        elif token.type == "tr_close":
            rows.append(row)
        elif token.type == "table_close":
            found.append((rows[0], rows[1:]))
            inside = False
    return found


def _plain(token: Token, labels: bool = False) -> str:
    """The text of an inline token; only our own bold labels may be markup (``labels``)."""
    parts = []
    for child in token.children or []:
        if labels and child.type in ("strong_open", "strong_close"):
            continue
        if child.type == "html_inline" and child.content == "<br>":
            parts.append("\n")
        elif child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type == "softbreak":
            parts.append("\n")
        elif child.type.endswith("_open") or child.type.endswith("_close"):
            raise AssertionError(f"markup leaked from user text: {child.type} in {token.content!r}")
    return "".join(parts)


def raw_table_widths(markdown: str) -> list[tuple[int, str]]:
    """The number of unescaped pipes on every table line of the source."""
    return [
        (len(re.findall(r"(?<!\\)\|", line)), line)
        for line in markdown.splitlines()
        if line.startswith("|")
    ]


def expected(text: str) -> str:
    lines = [" ".join(line.split()) for line in re.split(r"\r\n|\r|\n", text)]
    return "\n".join(lines).strip("\n")


def test_hostile_text_keeps_every_table_whole() -> None:
    report = report_markdown(hostile_session(), EN)
    found = tables(report)
    assert len(found) >= 8
    for header, rows in found:
        assert rows, header
        for row in rows:
            assert len(row) == len(header), (header, row)
    goals_header, goal_rows = found[0]
    assert goals_header == ["Goal", "Why", "How we measure success"]
    assert goal_rows == [[expected(HOSTILE)] * 3]
    for pipes, line in raw_table_widths(report):
        width = line.count("---|") or None
        assert width is None or pipes == width + 1
    journey_header, journey_rows = next(t for t in found if t[0][0] == "Phase")
    assert journey_header[3] == "Target feeling"
    assert journey_rows[0][4] == expected(HOSTILE)
    observed = f"(observed: {expected(HOSTILE).replace(chr(10), ' ')})"
    assert journey_rows[0][5] == f"{expected(HOSTILE)} {observed}"
    stage_header, stage_rows = next(t for t in found if t[0][0].startswith("Frontstage"))
    assert stage_header[-1] == "Internal owner"
    assert stage_rows == [[expected(HOSTILE)] * 4]
    metric_header, metric_rows = next(t for t in found if t[0][0] == "Figure")
    assert metric_header == ["Figure", "Value", "Unit", "Measured on", "Source"]
    assert metric_rows[0][1:4] == ["4.25", expected(HOSTILE), "2026-11-03"]


def test_hostile_text_never_becomes_markup_outside_tables() -> None:
    report = report_markdown(hostile_session(), EN)
    tokens = MarkdownIt("commonmark").enable("table").parse(report)
    headings = [t for t in tokens if t.type == "heading_open"]
    assert [t.tag for t in headings].count("h1") == 1
    for token in tokens:
        if token.type == "inline":
            text = _plain(token, labels=True)  # raises on emphasis, links or raw HTML
            assert "bold" not in text or "*bold*" in text
    assert not [t for t in tokens if t.type == "bullet_list_open" and t.level == 0][3:]


def test_journey_diagrams_follow_the_grammar_with_hostile_names() -> None:
    diagrams = fences(diagrams_markdown(hostile_session(), EN))
    journeys = [d for d in diagrams if d.startswith("journey")]
    assert len(journeys) == 3
    for diagram in journeys:
        for line in diagram.rstrip("\n").splitlines():
            assert JOURNEY_LINE.match(line), line
    anna = journeys[0].splitlines()
    assert anna[1].startswith("    title Anna‚ Pipe ")
    # Anna: very negative at the site, delighted in the shop, positive at delivery: 1, 5, 4.
    assert [line.split(": ")[1] for line in anna if line.startswith("        ")] == ["1", "5", "4"]


def test_quadrant_chart_places_items_by_effort_and_impact() -> None:
    session = hostile_session()
    lines = quadrant_chart(quadrant_layout(roadmap(session)), EN, "Chart").splitlines()
    points = [line for line in lines if line.startswith('    "')]
    assert len(points) == 1
    assert QUADRANT_POINT.match(points[0]), points[0]
    for line in lines:
        assert QUADRANT_HEAD.match(line) or QUADRANT_POINT.match(line), line
    # Effort 2 lies left of the middle, in the second column; the top item has the top impact,
    # so it sits at the top of the upper half.
    assert points[0] == '    "1": [0.37, 0.91]'


def test_roadmap_document_has_horizon_tables_the_chart_and_each_why() -> None:
    session = crafted()
    items = roadmap(session)
    decided = RoadmapItem(id=items[0].id, sources=items[0].sources, effort=1, owner="Sanne")
    text = roadmap_markdown(replace(session, roadmap=(decided,)), EN)
    assert text.startswith("# Roadmap: Crafted\n")
    headings = [line for line in text.splitlines() if line.startswith("## ")]
    assert headings == [
        "## Now",
        "## Next",
        "## Later",
        "## Impact against effort",
        "## How the score is worked out",
    ]
    now_header, now_rows = tables(text)[0]
    assert now_header[-1] == "Why it ranks here"
    top = now_rows[0]
    assert (top[0], top[1], top[4], top[6]) == ("1", "Slow site", "1", "Sanne")
    assert top[-1].startswith("severity 4 × 2 personas × weight 1.5 (First)")
    assert top[-1].endswith("→ Now")
    assert len(fences(text)) == 1
    assert "Not in the chart until their effort is set (1 to 5, in the Roadmap step): 2–4." in text


def test_roadmap_in_dutch() -> None:
    text = roadmap_markdown(crafted(), NL)
    assert text.startswith("# Roadmap: Crafted\n")
    assert "## Nu" in text
    assert "Waarom deze plek" in text


def test_csv_has_a_row_per_persona_and_touchpoint_and_defuses_formulas() -> None:
    session = hostile_session()
    session = replace(
        session,
        plots=(replace(session.plots[0], action='=HYPERLINK("http://x")'), *session.plots[1:]),
    )
    text = plots_csv(session, EN)
    rows = list(csv.reader(io.StringIO(text, newline="")))
    assert rows[0] == list(COLUMNS)
    assert len(rows) == 1 + len(session.personas) * len(session.touchpoints)
    assert all(len(row) == len(COLUMNS) for row in rows)
    first = dict(zip(rows[0], rows[1], strict=True))
    assert first["action"] == '\'=HYPERLINK("http://x")'
    assert first["emotion"] == "-2"
    assert HOSTILE in first["pain_points"]
    skipped = next(r for r in rows[1:] if r[0] == "bob" and r[4] == "t3")
    assert skipped[COLUMNS.index("relevant")] == "no"
    unplotted = next(r for r in rows[1:] if r[0] == "cas" and r[4] == "t2")
    assert unplotted[COLUMNS.index("relevant")] == ""


def test_csv_headers_follow_the_language() -> None:
    header = plots_csv(crafted(), NL).splitlines()[0]
    assert header.startswith("persona_id,persona,fase_id,fase,contactmoment_id")


@given(sessions())
def test_any_session_exports_to_well_formed_documents(session: Session) -> None:
    report = report_markdown(session, EN)
    for header, rows in tables(report):
        assert all(len(row) == len(header) for row in rows)
    for pipes, line in raw_table_widths(report):
        width = line.count("---|") or None
        assert width is None or pipes == width + 1
    for diagram in fences(diagrams_markdown(session, NL)):
        if diagram.startswith("journey"):
            assert all(JOURNEY_LINE.match(line) for line in diagram.rstrip("\n").splitlines())
        else:
            lines = diagram.rstrip("\n").splitlines()
            for line in lines:
                assert QUADRANT_HEAD.match(line) or QUADRANT_POINT.match(line), line
            points = [line.split(": ")[1] for line in lines if QUADRANT_POINT.match(line)]
            assert len(set(points)) == len(points)
    rows = list(csv.reader(io.StringIO(plots_csv(session, EN), newline="")))
    assert len(rows) == 1 + len(session.personas) * len(session.touchpoints)
    assert all(len(row) == len(COLUMNS) for row in rows)


def test_escapes() -> None:
    assert inline("a\nb | c") == "a b \\| c"
    assert cell("a\n\nb|") == "a<br><br>b\\|"
    assert inline("# not a heading") == "\\# not a heading"
    assert inline("1. not a list") == "1\\. not a list"
    assert mermaid("a: b; #c, d") == "a\u2236 b\uff1b \u266fc\u201a d"
    assert mermaid("   ") == "-"
    assert spreadsheet_cell("+31 6 123") == "'+31 6 123"
    assert spreadsheet_cell("plain") == "plain"


def test_commands_write_documents(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "crafted.toml"
    session = crafted()
    session = replace(session, personas=(*session.personas[:2], Persona(id="cas", name="Cas")))
    save_session(path, replace(session, language="nl"))
    runner = CliRunner()
    result = runner.invoke(cli, ["roadmap", str(path), "-o", str(tmp_path / "r.md")])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "r.md").read_text(encoding="utf-8").startswith("# Roadmap: Crafted")
    result = runner.invoke(cli, ["roadmap", str(path), "--lang", "en"])
    assert result.output.startswith("# Roadmap: Crafted")
    for kind, start in (
        ("md", "# Crafted"),
        ("csv", "persona_id,"),
        ("mermaid-md", "# Diagrammen"),
    ):
        result = runner.invoke(cli, ["export", str(path), "--format", kind])
        assert result.exit_code == 0, result.output
        assert result.output.startswith(start), result.output[:80]
    # Plain Mermaid: one .mmd file per diagram, beside the session, each one diagram alone.
    result = runner.invoke(cli, ["export", str(path), "--format", "mermaid"])
    assert result.exit_code == 0, result.output
    diagrams = sorted(tmp_path.glob("*.mmd"))
    assert diagrams
    for diagram in diagrams:
        lines = diagram.read_text(encoding="utf-8").splitlines()
        assert lines[0].startswith("%% ")
        assert lines[1] in ("journey", "quadrantChart")
        assert "```" not in diagram.read_text(encoding="utf-8")
    # "-o -" is the standard output, as for other command-line tools: no file named "-".
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(cli, ["export", str(path), "--format", "csv-metrics", "-o", "-"])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("contactmoment_id,"), result.output[:80]
    assert not (tmp_path / "-").exists()


def test_commands_fail_clearly(tmp_path: Path) -> None:
    runner = CliRunner()
    missing = tmp_path / "missing.toml"
    result = runner.invoke(cli, ["--lang", "en", "roadmap", str(missing)])
    assert result.exit_code == 1
    assert "missing.toml" in result.output
    assert "Traceback" not in result.output
    path = tmp_path / "s.toml"
    save_session(path, crafted())
    target = tmp_path / "no-such-folder" / "r.md"
    result = runner.invoke(cli, ["--lang", "en", "export", str(path), "-o", str(target)])
    assert result.exit_code == 1
    assert "no-such-folder" in result.output
    assert "Traceback" not in result.output


def test_plot_text_with_every_hostile_piece_survives_into_the_journey_table() -> None:
    session = crafted()
    plot = Plot(persona="bob", touchpoint="t2", emotion=1, action="a|b\nc", thought="#x")
    plots = tuple(plot if (p.persona, p.touchpoint) == ("bob", "t2") else p for p in session.plots)
    report = report_markdown(replace(session, plots=plots), EN)
    bob_rows = [t for t in tables(report) if t[0][0] == "Phase"][1][1]
    assert ["a|b\nc", "#x"] in [row[3:5] for row in bob_rows]


def blueprinted() -> Session:
    """``crafted`` with the fields of schema version 2 at Anna's first touchpoint, the site."""
    session = crafted()
    site = replace(
        session.touchpoints[0],
        channel="web",
        owner="Webteam",
        interactions=(
            Interaction(name="Chatbot"),
            Interaction(name="Follow-up mail", channel="email"),
            Interaction(name="Call back", channel="other", channel_name="WhatsApp"),
            Interaction(name="Order page", channel="web"),
        ),
        backstage="Stock sync every night",
        metrics=(Metric(name="Conversion", value=2.10, unit="%", date=dt.date(2026, 10, 1)),),
    )
    plot = replace(
        session.plots[0],
        target_emotion=1,
        thought="Is it in stock?",
        thought_evidence="assumed",
        emotion_evidence="observed",
        emotion_source="exit survey",
        pain_points=(
            PainPoint(text="Slow site", severity=4, evidence="observed", source="complaint log"),
        ),
        opportunities=(Opportunity(text="Faster pages", evidence="assumed"),),
    )
    return replace(
        session, touchpoints=(site, *session.touchpoints[1:]), plots=(plot, *session.plots[1:])
    )


def test_report_shows_interactions_stage_figures_target_and_evidence() -> None:
    report = report_markdown(blueprinted(), EN)
    assert (
        "**Interactions:** 1\\. Chatbot → 2\\. Follow-up mail (email) → 3\\. Call back (WhatsApp)"
        " → 4\\. Order page\n" in report
    )
    found = tables(report)
    assert (
        ["Backstage (what we do out of sight)", "Internal owner"],
        [["Stock sync every night", "Webteam"]],
    ) in found
    assert (
        ["Figure", "Value", "Unit", "Measured on"],
        [["Conversion", "2.1", "%", "2026-10-01"]],
    ) in found
    anna_header, anna_rows = next(t for t in found if t[0][0] == "Phase")
    assert anna_header[2:4] == ["Feeling", "Target feeling"]
    site = dict(zip(anna_header, anna_rows[0], strict=True))
    assert site["Feeling"] == "▼▼ −2 very negative (observed: exit survey)"
    assert site["Target feeling"] == "▲ +1 positive"
    assert site["Thinks"] == "Is it in stock? (assumed)"
    assert site["Pain points (severity)"] == "Slow site (4) (observed: complaint log)"
    assert site["Opportunities"] == "Faster pages (assumed)"
    # Bob set no target anywhere: his journey has no target column.
    bob_header = [t for t in found if t[0][0] == "Phase"][1][0]
    assert "Target feeling" not in bob_header


def test_report_in_dutch_names_evidence_in_dutch() -> None:
    report = report_markdown(blueprinted(), NL)
    assert "(waargenomen: complaint log)" in report
    assert "Is it in stock? (aanname)" in report
    assert "| Gewenst gevoel |" in report
    assert "**Interacties:**" in report


def test_a_session_without_the_new_fields_reports_none_of_them() -> None:
    session = replace(
        crafted(), touchpoints=tuple(replace(t, owner="Sanne") for t in crafted().touchpoints)
    )
    for tr in (EN, NL):
        report = report_markdown(session, tr)
        assert "####" not in report
        for word in (
            "Interact",
            "Target",
            "Gewenst",
            "observed",
            "assumed",
            "waargenomen",
            "aanname",
            "Backstage",
            "Frontstage",
            "Figure",
            "Cijfer",
        ):
            assert word not in report, word


def test_csv_carries_interactions_target_and_evidence_in_new_columns_at_the_end() -> None:
    session = blueprinted()
    site = replace(
        session.touchpoints[0],
        interactions=(
            *session.touchpoints[0].interactions,
            Interaction(name="=1+2", channel="sms"),
        ),
    )
    session = replace(session, touchpoints=(site, *session.touchpoints[1:]))
    rows = list(csv.reader(io.StringIO(plots_csv(session, EN), newline="")))
    header = rows[0]
    assert header[:16] == list(COLUMNS[:16])
    assert header[16:] == [
        "interactions",
        "target_emotion",
        "thought_evidence",
        "emotion_evidence",
        "pain_point_evidence",
        "opportunity_evidence",
    ]
    anna_site = dict(zip(header, rows[1], strict=True))
    assert anna_site["interactions"] == (
        "Chatbot; Follow-up mail (email); Call back (WhatsApp); Order page; =1+2 (sms)"
    )
    assert anna_site["target_emotion"] == "1"
    assert anna_site["thought_evidence"] == "assumed"
    assert anna_site["emotion_evidence"] == "observed: exit survey"
    assert anna_site["pain_point_evidence"] == "observed: complaint log"
    assert anna_site["opportunity_evidence"] == "assumed"
    bob_site = next(dict(zip(header, r, strict=True)) for r in rows[1:] if r[:5:4] == ["bob", "t1"])
    assert bob_site["interactions"] == anna_site["interactions"]  # the touchpoint's, per row
    assert [bob_site[c] for c in header[17:]] == [""] * 5
    # A pain point without evidence beside one with: "none" keeps them in step with pain_points.
    cas = replace(
        session.plots[-1],
        pain_points=(PainPoint(text="a"), PainPoint(text="b", evidence="assumed")),
    )
    rows = list(csv.reader(io.StringIO(plots_csv(replace(session, plots=(cas,)), NL), newline="")))
    assert rows[0][-4:] == [
        "onderbouwing_gedachte",
        "onderbouwing_emotie",
        "onderbouwing_knelpunten",
        "onderbouwing_kansen",
    ]
    plotted = next(r for r in rows[1:] if r[COLUMNS.index("pain_points")])
    assert plotted[COLUMNS.index("pain_point_evidence")] == "none; assumed"


def test_csv_defuses_formulas_in_every_new_column() -> None:
    rows = list(csv.reader(io.StringIO(plots_csv(hostile_session(), EN), newline="")))
    formula = replace(
        hostile_session().touchpoints[0], interactions=(Interaction(name="@SUM(A1)"),)
    )
    session = replace(hostile_session(), touchpoints=(formula, *hostile_session().touchpoints[1:]))
    first = dict(zip(rows[0], rows[1], strict=True))
    assert first["interactions"].startswith("Pipe | in\nthe")
    assert first["interactions"].count(HOSTILE) == 4  # three names, one channel word
    assert f"observed: {HOSTILE}" == first["thought_evidence"]
    assert first["pain_point_evidence"].endswith(f"observed: {HOSTILE}")
    assert all(len(row) == len(COLUMNS) for row in rows)
    again = list(csv.reader(io.StringIO(plots_csv(session, EN), newline="")))
    assert again[1][COLUMNS.index("interactions")] == "'@SUM(A1)"
