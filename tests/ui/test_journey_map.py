"""The journey map as the room uses it: every phase, touchpoint and note in whole words, a
persona at a time or all overlaid, scrolled with the keyboard, walked from with Enter, and a
presentation mode for the back of the room."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from textual.widgets import Static

from cjworkshop.model.queries import emotion_curve, touchpoints_in_order
from cjworkshop.store.session_file import read_session
from cjworkshop.ui.app import PRESENTATION
from cjworkshop.ui.screens.session import SessionScreen
from cjworkshop.ui.steps.journey_map import MapStep
from cjworkshop.ui.steps.plotting import PlottingStep
from cjworkshop.ui.widgets.journey_map import JourneyMap
from tests.ui.conftest import app_for, new_session
from tests.ui.helpers import settle, shown_text

EXAMPLES = Path(__file__).resolve().parents[2] / "sessions"


def example(workdir: Path, name: str) -> Path:
    path = workdir / "sessions" / name
    shutil.copy(EXAMPLES / name, path)
    return path


def map_of(app: object) -> tuple[SessionScreen, MapStep, JourneyMap]:
    screen = app.screen  # type: ignore[attr-defined]
    assert isinstance(screen, SessionScreen)
    step = screen.views["map"]
    assert isinstance(step, MapStep)
    return screen, step, step.map


def words(text: str) -> list[str]:
    return [word for word in re.split(r"[\s│]+", text) if word]


@pytest.mark.parametrize("name", ["harbour-broadband.toml", "meubelmakerij-de-eik.toml"])
async def test_the_map_shows_every_phase_touchpoint_and_note_in_whole_words(
    workdir: Path, name: str
) -> None:
    path = example(workdir, name)
    session = read_session(path)
    persona = session.personas[0]
    app = app_for(path, step="map")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        _screen, step, journey_map = map_of(app)
        lines = journey_map.lines_text()
        shown = words("\n".join(lines))
        assert "…" not in "\n".join(lines)
        expected = [
            phase.name
            for phase in session.phases
            if any(t.phase == phase.id for t in session.touchpoints)
        ]
        expected += [t.name for t in session.touchpoints]
        for point in emotion_curve(session, persona.id):
            plot = point.plot
            if plot is not None and plot.relevant:
                expected += [plot.action, plot.thought]
                expected += [pain.text for pain in plot.pain_points]
                expected += [idea.text for idea in plot.opportunities]
        for said in filter(None, expected):
            for word in words(said):
                assert word.strip("“”") in " ".join(shown), f"{word!r} of {said!r}"
        # Each note is whole: the words of the action at the first plotted touchpoint follow
        # one another down its column.
        titles = [line for line in lines if line.startswith("── ")]
        for lane in ("Actions", "Thoughts", "Feeling", "Pain points", "Opportunities"):
            lane_word = {
                "Actions": "Acties",
                "Thoughts": "Gedachten",
                "Feeling": "Gevoel",
                "Pain points": "Pijnpunten",
                "Opportunities": "Kansen",
            }
            wanted = lane if session.language == "en" else lane_word[lane]
            assert any(title.startswith(f"── {wanted}") for title in titles), titles
        # The curve: one ● for every touchpoint where the persona's feeling is noted.
        feelings = [p for p in emotion_curve(session, persona.id) if p.emotion is not None]
        curve_rows = [line for line in lines if re.match(r"^\s*(▲▲|▲|●|▼|▼▼) ", line)]
        assert len(curve_rows) == 5
        drawn = sum(row[7:].count("●") + row[7:].count("◉") for row in curve_rows)
        assert drawn == len(feelings)
        assert step.shown == 0


async def test_s_shows_the_next_persona_then_all_of_them_overlaid(workdir: Path) -> None:
    path = example(workdir, "harbour-broadband.toml")
    session = read_session(path)
    app = app_for(path, step="map")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen, _step, journey_map = map_of(app)

        def intro() -> str:
            return " ".join(shown_text(screen.query_one("#map-intro", Static)).split())

        assert intro().startswith(f"Journey of {session.personas[0].name} (1 of 3)")
        await pilot.press("s")
        await settle(pilot)
        assert intro().startswith(f"Journey of {session.personas[1].name} (2 of 3)")
        await pilot.press("s", "s")
        await settle(pilot)
        assert intro().startswith("All 3 personas overlaid")
        text = " ".join(" ".join(journey_map.lines_text()).split())
        for number, persona in enumerate(session.personas, start=1):
            assert f"{number} {persona.name}" in text  # the feeling lane says whose line is whose
        curve = [line for line in journey_map.lines_text() if re.match(r"^\s*(▲▲|▲|●|▼|▼▼) ", line)]
        assert {"1", "2", "3"} <= set("".join(row[7:] for row in curve))
        await pilot.press("s")
        await settle(pilot)
        assert intro().startswith(f"Journey of {session.personas[0].name} (1 of 3)")
        await pilot.press("S")
        await settle(pilot)
        assert intro().startswith("All 3 personas overlaid")


async def test_enter_walks_the_persona_from_the_touchpoint_under_the_cursor(
    workdir: Path,
) -> None:
    path = example(workdir, "harbour-broadband.toml")
    session = read_session(path)
    app = app_for(path, step="map")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen, _step, _map = map_of(app)
        await pilot.press("s", "right", "right", "pagedown", "right", "enter")
        await settle(pilot)
        assert screen.step == "plotting"
        walk = screen.views["plotting"]
        assert isinstance(walk, PlottingStep)
        journey = touchpoints_in_order(session)
        phases = [t.phase for t in journey]
        second_phase_start = next(i for i, p in enumerate(phases) if p != phases[0])
        assert walk.persona_id == session.personas[1].id
        assert walk.position == second_phase_start + 1


async def test_the_keys_scroll_the_map_sideways_and_keep_the_cursor_column_whole(
    workdir: Path,
) -> None:
    path = example(workdir, "meubelmakerij-de-eik.toml")
    app = app_for(path, step="map")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        _screen, _step, journey_map = map_of(app)

        def cursor_column_in_view() -> bool:
            layout = journey_map._layout
            room = journey_map.scrollable_content_region.width - layout.label_width
            start = layout.x(journey_map.cursor[1])
            scroll_x = journey_map.scroll_offset.x
            return scroll_x <= start and start + layout.column_width <= scroll_x + room

        await pilot.press("end")
        await settle(pilot)
        assert journey_map.scroll_offset.x > 0
        assert journey_map.cursor[1] == len(journey_map.content.columns) - 1
        assert cursor_column_in_view()
        for _ in range(5):
            await pilot.press("left")
        await settle(pilot)
        assert cursor_column_in_view()
        await pilot.press("home")
        await settle(pilot)
        assert journey_map.scroll_offset.x == 0
        for _ in range(4):
            await pilot.press("down")
        await settle(pilot)
        assert journey_map.cursor[0] == 4
        assert journey_map.scroll_offset.y > 0  # the lane under the cursor scrolled into view
        rows = journey_map._layout.lane_rows[4]
        header = len(journey_map._layout.header)
        visible = journey_map.scrollable_content_region.height - header
        assert journey_map.scroll_offset.y <= rows.start < journey_map.scroll_offset.y + visible


async def test_v_gives_the_map_the_whole_screen_in_high_contrast_and_back(workdir: Path) -> None:
    path = example(workdir, "harbour-broadband.toml")
    app = app_for(path, step="map")
    async with app.run_test(size=(200, 50)) as pilot:
        await settle(pilot)
        screen, _step, journey_map = map_of(app)
        theme = app.theme
        narrow = journey_map._layout.column_width
        await pilot.press("v")
        await settle(pilot)
        assert app.theme == PRESENTATION.name
        assert not screen.query_one("#steps").display
        assert not screen.query_one("#panel").display
        assert journey_map.has_class("-presenting")
        assert journey_map._layout.column_width > narrow
        assert any("━" in line or "┃" in line for line in journey_map.lines_text())
        await pilot.press("v")
        await settle(pilot)
        assert app.theme == theme
        assert screen.query_one("#steps").display
        assert screen.query_one("#panel").display
        # Moving on to another step ends the presentation as well.
        await pilot.press("v")
        await settle(pilot)
        await pilot.press("right_square_bracket")
        await settle(pilot)
        assert screen.step == "review"
        assert app.theme == theme
        assert screen.query_one("#steps").display


async def test_a_session_without_personas_says_what_the_map_needs_and_v_does_nothing(
    workdir: Path,
) -> None:
    path = new_session(workdir / "sessions")
    app = app_for(path, step="map")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen, step, journey_map = map_of(app)
        intro = " ".join(shown_text(screen.query_one("#map-intro", Static)).split())
        assert intro.startswith("The journey map draws the personas' journeys once there are")
        assert not journey_map.display
        theme = app.theme
        await pilot.press("v")
        await settle(pilot)
        assert not step.presenting
        assert app.theme == theme
        assert screen.query_one("#steps").display
