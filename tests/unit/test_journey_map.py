"""The journey map's pieces without the app: its columns and lanes, the word wrap of its cells,
the curve's line, and the review's curve chart."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st
from msgspec.structs import replace
from rich.cells import cell_len
from rich.console import Console

from cjworkshop.i18n import translator
from cjworkshop.model.journey_map import BLUEPRINT_LANES, FIXED_LANES, map_columns, map_lanes
from cjworkshop.model.queries import emotion_curve
from cjworkshop.model.session import Metric
from cjworkshop.store.session_file import read_session
from cjworkshop.ui.widgets.curve import ROWS, blank_canvas, draw_curve
from cjworkshop.ui.widgets.curve_chart import curve_chart
from cjworkshop.ui.widgets.map_layout import wrap
from tests.unit.test_review import crafted

EXAMPLES = Path(__file__).resolve().parents[2] / "sessions"


def test_the_lanes_are_the_fixed_ones_and_the_blueprint_and_figures_only_where_used() -> None:
    session = crafted()
    bare = replace(
        session,
        touchpoints=tuple(
            replace(t, frontstage="", backstage="", support="", metrics=())
            for t in session.touchpoints
        ),
    )
    assert map_lanes(bare) == FIXED_LANES
    first = replace(bare.touchpoints[0], backstage="Orders picked at night")
    with_backstage = replace(bare, touchpoints=(first, *bare.touchpoints[1:]))
    assert map_lanes(with_backstage) == (*FIXED_LANES, "backstage")
    measured = replace(first, metrics=(Metric(name="CSAT", value=7.5),))
    with_figures = replace(bare, touchpoints=(measured, *bare.touchpoints[1:]))
    assert map_lanes(with_figures) == (*FIXED_LANES, "backstage", "figures")
    harbour = read_session(EXAMPLES / "harbour-broadband.toml")
    assert map_lanes(harbour) == (*FIXED_LANES, *BLUEPRINT_LANES, "figures")


def test_the_columns_are_the_touchpoints_in_journey_order_with_each_personas_plot() -> None:
    session = read_session(EXAMPLES / "meubelmakerij-de-eik.toml")
    ids = [p.id for p in session.personas]
    columns = map_columns(session, ids)
    phase_order = [p.id for p in session.phases]
    assert len(columns) == len(session.touchpoints)
    places = [phase_order.index(c.phase.id) for c in columns]
    assert places == sorted(places)
    for column in columns:
        assert column.touchpoint.phase == column.phase.id
        for persona, plot in zip(ids, column.plots, strict=True):
            assert plot is None or (plot.persona, plot.touchpoint) == (
                persona,
                column.touchpoint.id,
            )


texts = st.text(st.characters(codec="utf-8", exclude_categories=("Cc", "Cs")), max_size=120)


@given(texts, st.integers(min_value=4, max_value=40))
def test_wrapped_lines_fit_and_keep_every_character_in_order(text: str, width: int) -> None:
    lines = wrap(text, width)
    assert all(cell_len(line) <= width for line in lines)
    assert "".join("".join(lines).split()) == "".join(text.split())


def test_a_word_too_long_for_its_line_is_broken_after_a_hyphen_where_it_has_one() -> None:
    assert wrap("mond-tot-mondreclame · indirect", 18) == ["mond-tot-", "mondreclame ·", "indirect"]
    assert wrap("Reads the letter twice", 10) == ["Reads the", "letter", "twice"]


@given(st.lists(st.one_of(st.none(), st.integers(min_value=-2, max_value=2)), max_size=12))
def test_the_line_runs_unbroken_from_the_first_feeling_to_the_last(
    feelings: list[int | None],
) -> None:
    step = 4
    xs = [step * i + 1 for i in range(len(feelings))]
    canvas = blank_canvas(step * max(1, len(feelings)))
    draw_curve(canvas, xs, feelings, [None] * len(feelings))
    plotted = [x for x, feeling in zip(xs, feelings, strict=True) if feeling is not None]
    if not plotted:
        assert all(cell is None for row in canvas for cell in row)
        return
    for x in range(plotted[0], plotted[-1] + 1):
        assert any(canvas[row][x] is not None for row in range(len(ROWS))), x
    for x, feeling in zip(xs, feelings, strict=True):
        if feeling is not None:
            assert canvas[2 - feeling][x] == ("●", "today")


def rendered(renderable: object, width: int) -> list[str]:
    console = Console(width=width + 40, record=True, color_system=None)
    console.print(renderable)
    return console.export_text().splitlines()


def test_the_review_curve_fills_its_width_names_the_feelings_and_every_phase_once() -> None:
    tr = translator("en")
    session = read_session(EXAMPLES / "harbour-broadband.toml")
    persona = session.personas[0]
    points = emotion_curve(session, persona.id)
    for width in (60, 100, 170):
        lines = rendered(curve_chart(tr, persona, points, width=width), width)
        axis = next(line for line in lines if "└" in line)
        assert len(axis.rstrip()) == width
        for name in ("very positive", "positive", "neutral", "negative", "very negative"):
            assert any(line.strip().startswith(name) for line in lines[1:6])
        curve_rows = lines[1:6]
        assert not any("·" in row or "—" in row for row in curve_rows)  # one meaning per glyph
        said = " ".join(lines[lines.index(axis) + 1 :])
        for phase in session.phases:
            assert said.count(phase.name) == 1, (width, phase.name, said)
    wide = rendered(curve_chart(tr, persona, points, width=200), 200)
    names = wide[next(i for i, line in enumerate(wide) if "└" in line) + 1]
    assert all(phase.name in names for phase in session.phases)
