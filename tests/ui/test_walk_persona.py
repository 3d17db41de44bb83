"""The walk says who the persona at hand is, and folds that away on one key."""

from __future__ import annotations

from pathlib import Path

from msgspec.structs import replace

from cjworkshop.model.session import Persona
from cjworkshop.store.session_file import read_session, save_session
from cjworkshop.ui.steps.plotting import PlottingStep
from tests.ui.conftest import app_for
from tests.ui.helpers import settle
from tests.ui.test_walk_evidence import open_walk, text_of, walk_file
from tests.unit.test_review import crafted

ANNA = Persona(
    id="anna",
    name="Anna",
    description="Runs a flower shop on her own",
    needs="Plants delivered before opening time",
    triggers="A wedding order",
    finds_us="Through a supplier",
    expectations="A call when a van is late",
    frustrations="Waiting at the door at six",
)


def with_anna(folder: Path) -> Path:
    session = crafted()
    personas = (ANNA, *session.personas[1:])  # Bob and Cas are known by name only
    return walk_file(folder, replace(session, personas=personas))


async def test_the_card_says_who_the_persona_is_and_i_folds_it_away(workdir: Path) -> None:
    app = app_for(with_anna(workdir / "sessions"), step="plotting")
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_walk(app, pilot)
        who = text_of(screen, "#walk-persona")
        assert who.startswith("Runs a flower shop on her own")
        for said in (
            "Needs: Plants delivered before opening time",
            "Trigger: A wedding order",
            "Finds us: Through a supplier",
            "Expects: A call when a van is late",
            "Frustrations: Waiting at the door at six",
        ):
            assert said in who
        await pilot.press("i")
        await settle(pilot)
        assert text_of(screen, "#walk-persona") == "i shows who Anna is"
        await pilot.press("n")  # folded it stays, touchpoint after touchpoint
        await settle(pilot)
        assert text_of(screen, "#walk-persona") == "i shows who Anna is"
        await pilot.press("i")
        await settle(pilot)
        assert "Needs: Plants delivered" in text_of(screen, "#walk-persona")
        # Bob is known by name only: nothing to say of him, and no line for it.
        walk = screen.views["plotting"]
        assert isinstance(walk, PlottingStep)
        walk.start("bob")
        await settle(pilot)
        assert not screen.query_one("#walk-persona").display


async def test_the_persona_card_speaks_dutch_in_a_dutch_session(workdir: Path) -> None:
    path = with_anna(workdir / "sessions")
    save_session(path, replace(read_session(path), language="nl"))
    app = app_for(path, step="plotting", language="nl")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_walk(app, pilot)
        who = text_of(screen, "#walk-persona")
        assert "Behoefte: Plants delivered before opening time" in who
        assert "Frustraties: Waiting at the door at six" in who
        await pilot.press("i")
        await settle(pilot)
        assert text_of(screen, "#walk-persona") == "i toont wie Anna is"
