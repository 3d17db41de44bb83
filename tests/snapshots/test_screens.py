"""Every screen as a person sees it, at fixed terminal sizes, in both languages where it matters.

Run ``pytest --snapshot-update`` after an intended change of the screens, and look at the
differences in the report before committing them.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest
from msgspec.structs import replace
from textual.pilot import Pilot

from cjworkshop.model import edits
from cjworkshop.model.flow import WORKSHOP_FLOW
from cjworkshop.model.session import Answer, Goal, Interaction, Metric, Persona, Session
from cjworkshop.model.template import checklist
from cjworkshop.store.session_file import read_session, save_session
from cjworkshop.store.templates import find_template
from cjworkshop.ui.app import WorkshopApp
from cjworkshop.ui.screens.session import SessionScreen
from tests.conftest import small_session
from tests.ui.conftest import FIXED, app_for, new_session
from tests.ui.helpers import settle, until
from tests.unit.test_review import crafted

SIZE = (120, 40)

Compare = Callable[..., bool]


def with_goals_and_personas(session: Session) -> Session:
    session, _ = edits.add_goal(
        session,
        Goal(
            id="",
            what="Meer vaste klanten",
            why="Vaste klanten kopen vaker en verder",
            measure="Herhaalaankopen per kwartaal",
        ),
    )
    session, _ = edits.add_goal(session, Goal(id="", what="Minder vragen over levertijd"))
    session, _ = edits.add_persona(
        session,
        Persona(
            id="",
            name="Sanne",
            description="Moeder van twee",
            needs="Vers brood op zaterdag",
            frustrations="Lange rijen",
        ),
    )
    session, _ = edits.add_persona(
        session, Persona(id="", name="Piet", description="Gepensioneerd")
    )
    return session


def crafted_path(folder: Path, language: str = "en") -> Path:
    path = folder / "crafted.toml"
    session = crafted()
    save_session(
        path, replace(session, language="nl" if language == "nl" else "en", shape="cyclic")
    )
    return path


def in_step(pilot: Pilot[None], step: str) -> bool:
    """The session screen shows ``step`` and the focus is in its view."""
    screen = pilot.app.screen
    if not isinstance(screen, SessionScreen) or screen.step != step:
        return False
    view, focused = screen.views.get(screen.step), pilot.app.focused
    return (
        view is not None
        and view.display
        and focused is not None
        and (focused is view or view in focused.ancestors)
    )


def at_step(step: str) -> Callable[[Pilot[None]], object]:
    async def go(pilot: Pilot[None]) -> None:
        # The session opens once the app has started.
        await until(pilot, lambda: isinstance(pilot.app.screen, SessionScreen), "the session opens")
        screen = pilot.app.screen
        assert isinstance(screen, SessionScreen)
        screen.go_to(step)  # type: ignore[arg-type]
        # The step is built, shown and has the focus (its cursor drawn as focused) before the
        # picture is taken, however long that takes on a busy machine.
        await until(pilot, lambda: in_step(pilot, step), f"the {step} step has the focus")
        await settle(pilot)
        await pilot.pause()

    return go


async def settled(pilot: Pilot[None]) -> None:
    await settle(pilot)


@pytest.mark.parametrize("language", ["en", "nl"])
def test_start_screen(snap_compare: Compare, workdir: Path, language: str) -> None:
    save_session(workdir / "sessions" / "bakkerij-jansen.toml", small_session())
    crafted_path(workdir / "sessions")
    broken = workdir / "sessions" / "kapot.toml"
    broken.write_text('title = "half', encoding="utf-8")
    os.utime(broken, (FIXED.timestamp(), FIXED.timestamp()))
    app = app_for(language=language)  # type: ignore[arg-type]
    assert snap_compare(app, terminal_size=SIZE, run_before=settled)


def test_new_session_dialog(snap_compare: Compare, workdir: Path) -> None:
    app = app_for()
    assert snap_compare(app, terminal_size=SIZE, press=["n", *"Bakery"], run_before=settled)


@pytest.mark.parametrize("language", ["en", "nl"])
def test_goals_step(snap_compare: Compare, workdir: Path, language: str) -> None:
    path = new_session(workdir / "sessions", template="blank", language=language)  # type: ignore[arg-type]
    save_session(path, with_goals_and_personas(read_session(path)))
    assert snap_compare(app_for(path), terminal_size=SIZE, run_before=settled)


def test_goal_form(snap_compare: Compare, workdir: Path) -> None:
    path = new_session(workdir / "sessions", template="blank")
    assert snap_compare(
        app_for(path), terminal_size=SIZE, press=["a", *"Faster"], run_before=settled
    )


def test_personas_step(snap_compare: Compare, workdir: Path) -> None:
    path = new_session(workdir / "sessions", template="blank", language="nl")
    save_session(path, with_goals_and_personas(read_session(path)))
    assert snap_compare(app_for(path), terminal_size=SIZE, run_before=at_step("personas"))


SIZES = {"80x24": (80, 24), "120x40": (120, 40), "200x50": (200, 50)}
WORKSHOP_STEPS = list(WORKSHOP_FLOW)


def workshop(language: str = "en") -> Session:
    """The crafted session with what a workshop adds to it: goals, actions and quotes, a target,
    a touchpoint's interactions and blueprint, and a figure."""
    session = with_goals_and_personas(crafted())
    site, shop, delivery = session.touchpoints
    site = replace(
        site,
        channel="web",
        interactions=(
            Interaction(name="Product page"),
            Interaction(name="Chat", channel="webchat"),
        ),
        frontstage="A chat answered within a minute",
        backstage="Stock synced every night",
    )
    shop = replace(shop, channel="shop", metrics=(Metric(name="NPS", value=41, unit="points"),))
    delivery = replace(delivery, channel="delivery", kind="indirect")
    plots = tuple(
        replace(
            plot,
            action="Compares prices on a phone while waiting for the bus",
            thought="Why does this take so long?",
            target_emotion=1,
        )
        if plot.touchpoint == "t1"
        else plot
        for plot in session.plots
    )
    return replace(
        session,
        language="nl" if language == "nl" else "en",
        shape="cyclic",
        touchpoints=(site, shop, delivery),
        plots=plots,
    )


def workshop_path(folder: Path, language: str = "en") -> Path:
    path = folder / "workshop.toml"
    save_session(path, workshop(language))
    return path


@pytest.mark.parametrize("size", SIZES.values(), ids=SIZES.keys())
@pytest.mark.parametrize("step", WORKSHOP_STEPS)
def test_every_step(snap_compare: Compare, workdir: Path, step: str, size: tuple[int, int]) -> None:
    path = workshop_path(workdir / "sessions")
    assert snap_compare(app_for(path), terminal_size=size, run_before=at_step(step))


@pytest.mark.parametrize("size", SIZES.values(), ids=SIZES.keys())
@pytest.mark.parametrize("step", ["map", "review"])
def test_map_and_review_in_dutch(
    snap_compare: Compare, workdir: Path, step: str, size: tuple[int, int]
) -> None:
    path = workshop_path(workdir / "sessions", "nl")
    assert snap_compare(app_for(path), terminal_size=size, run_before=at_step(step))


@pytest.mark.parametrize("size", SIZES.values(), ids=SIZES.keys())
def test_assessment_step(snap_compare: Compare, workdir: Path, size: tuple[int, int]) -> None:
    path = new_session(workdir / "sessions", mode="self-assessment")
    save_session(path, with_goals_and_personas(read_session(path)))
    assert snap_compare(app_for(path), terminal_size=size, run_before=at_step("assessment"))


@pytest.mark.parametrize("size", SIZES.values(), ids=SIZES.keys())
def test_solo_roadmap_step(snap_compare: Compare, workdir: Path, size: tuple[int, int]) -> None:
    """An owner's roadmap in Dutch: things to do, the weakest answers first, the reason in
    words; no dots, no voter, no countdown."""
    path = new_session(workdir / "sessions", language="nl", mode="self-assessment")
    session = with_goals_and_personas(read_session(path))
    keys = list(checklist(find_template("five-phases"), "nl"))
    answers = tuple(Answer(question=key, score=(1, 2, 4, 5)[n % 4]) for n, key in enumerate(keys))
    save_session(path, replace(session, assessment=answers))
    assert snap_compare(
        app_for(path, language="nl"), terminal_size=size, run_before=at_step("roadmap")
    )


def test_the_map_in_presentation_mode(snap_compare: Compare, workdir: Path) -> None:
    path = workshop_path(workdir / "sessions")
    assert snap_compare(
        app_for(path), terminal_size=(120, 40), press=["v"], run_before=at_step("map")
    )


@pytest.mark.parametrize("size", SIZES.values(), ids=SIZES.keys())
def test_the_facilitators_guide(
    snap_compare: Compare, workdir: Path, size: tuple[int, int]
) -> None:
    path = workshop_path(workdir / "sessions")
    assert snap_compare(
        app_for(path), terminal_size=size, press=["G"], run_before=at_step("roadmap")
    )


def test_the_facilitators_guide_in_dutch(snap_compare: Compare, workdir: Path) -> None:
    path = workshop_path(workdir / "sessions", "nl")
    assert snap_compare(app_for(path), terminal_size=SIZE, press=["G"], run_before=at_step("goals"))


def test_parking_lot(snap_compare: Compare, workdir: Path) -> None:
    path = new_session(workdir / "sessions", template="blank")
    session = edits.add_parking_note(read_session(path), "Ask IT about the API")
    save_session(path, edits.add_parking_note(session, "Budget next year"))
    assert snap_compare(app_for(path), terminal_size=SIZE, press=["p"], run_before=settled)


@pytest.mark.parametrize("size", [(80, 24), (200, 50)], ids=["80x24", "200x50"])
def test_start_screen_sizes(snap_compare: Compare, workdir: Path, size: tuple[int, int]) -> None:
    save_session(workdir / "sessions" / "bakkerij-jansen.toml", small_session())
    assert snap_compare(app_for(), terminal_size=size, run_before=settled)


def _app(app: WorkshopApp) -> WorkshopApp:
    return app
