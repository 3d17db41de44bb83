"""The walk, the grid, the review and the roadmap, driven as a facilitator would."""

from __future__ import annotations

from pathlib import Path

import pytest
from msgspec.structs import replace
from textual.widgets import Static

from cjworkshop.model.queries import plot_for
from cjworkshop.model.roadmap import roadmap
from cjworkshop.model.session import Opportunity, Persona, Step
from cjworkshop.store.session_file import read_session, save_session
from cjworkshop.ui.screens.session import SessionScreen
from cjworkshop.ui.steps.grid import GridStep
from cjworkshop.ui.steps.roadmap import RoadmapStep
from cjworkshop.ui.widgets.key_bar import KeyBar
from tests.ui.conftest import app_for
from tests.ui.helpers import fill, notices, settle, shown_text, table_rows
from tests.unit.test_review import crafted


def crafted_file(folder: Path) -> Path:
    path = folder / "crafted.toml"
    save_session(path, crafted())
    return path


async def test_walking_one_persona_through_every_touchpoint(workdir: Path) -> None:
    path = crafted_file(workdir / "sessions")
    session = read_session(path)
    save_session(
        path, replace(session, personas=(*session.personas, Persona(id="dana", name="Dana")))
    )
    app = app_for(path)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = app.screen
        assert isinstance(screen, SessionScreen)
        screen.go_to("plotting")
        await settle(pilot)
        await pilot.press("s", "end", "enter")  # choose Dana, the last persona
        await settle(pilot)
        progress = str(screen.query_one("#walk-progress", Static).render())
        assert progress == "Touchpoint 1 of 3 for Dana"
        # Site: very negative, an action, a quote and a pain point of severity 5.
        await pilot.press("1", "a")
        await fill(pilot, "Searches")
        await pilot.press("enter", "q")
        await fill(pilot, "Too slow")
        await pilot.press("enter", "P")
        await fill(pilot, "Slow site")
        # Down opens the list on 3; two more downs reach 5.
        await pilot.press("tab", "down", "down", "down", "enter", "ctrl+s")
        await settle(pilot)
        # Shop: not relevant for Dana. Delivery: positive, a moment of truth, an opportunity.
        await pilot.press("n", "x", "n", "4", "m", "o")
        await fill(pilot, "Send a photo")
        await pilot.press("enter")
        await settle(pilot)
    saved = read_session(path)
    site = plot_for(saved, "dana", "t1")
    assert site is not None
    assert (site.emotion, site.action, site.thought) == (-2, "Searches", "Too slow")
    assert [(p.text, p.severity) for p in site.pain_points] == [("Slow site", 5)]
    shop = plot_for(saved, "dana", "t2")
    assert shop is not None
    assert not shop.relevant
    delivery = plot_for(saved, "dana", "t3")
    assert delivery is not None
    assert (delivery.emotion, delivery.moment_of_truth, delivery.opportunities) == (
        1,
        True,
        (Opportunity(text="Send a photo"),),
    )


async def test_grid_edits_a_cell_and_jumps_into_the_walk(workdir: Path) -> None:
    path = crafted_file(workdir / "sessions")
    app = app_for(path)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = app.screen
        assert isinstance(screen, SessionScreen)
        screen.go_to("grid")
        await settle(pilot)
        grid = screen.query_one(GridStep)
        rows = grid.table.row_texts()
        assert rows[0][0] == "▸ First"
        assert rows[1] == ["Site", "▼▼ −2 ⚠", "▼ −1 ⚠", "● 0 ⚠"]
        assert rows[4][2] == "—"  # Bob skipped Delivery
        # Cas has not been plotted at Shop (row 2 is Shop, column 3 is Cas). The cursor starts
        # on Site, the first touchpoint: phase rows are passed over.
        assert rows[2][3] == "·"
        assert grid.table.cursor_keys() == ("tp:t1", "anna")
        await pilot.press("down", "right", "right", "right", "5")
        await settle(pilot)
        shop = plot_for(read_session(path), "cas", "t2")
        assert shop is not None
        assert shop.emotion == 2
        assert grid.table.row_texts()[2][3] == "▲▲ +2"
        await pilot.press("enter")
        await fill(pilot)  # the form opens on "relevant"
        await pilot.press("tab", "tab", "tab")
        await fill(pilot, "Browses")
        await pilot.press("ctrl+s")
        await settle(pilot)
        shop = plot_for(read_session(path), "cas", "t2")
        assert shop is not None
        assert shop.thought == "Browses"
        await pilot.press("w")
        await settle(pilot)
        assert screen.step == "plotting"
        progress = str(screen.query_one("#walk-progress", Static).render())
        assert progress == "Touchpoint 2 of 3 for Cas"


async def test_review_shows_the_hand_computed_pain_points_and_bright_spots(workdir: Path) -> None:
    path = crafted_file(workdir / "sessions")
    app = app_for(path)
    async with app.run_test(size=(140, 60)) as pilot:
        screen = app.screen
        assert isinstance(screen, SessionScreen)
        screen.go_to("review")
        await settle(pilot)
        pains = shown_text(screen.query_one("#review-pains", Static))
        lines = [line.split() for line in pains.splitlines() if line.strip()[:1].isdigit()]
        assert [(line[0], line[-1]) for line in lines] == [
            ("1", "Site"),
            ("2", "Site"),
            ("3", "Delivery"),
        ]
        ranked = [line for line in pains.splitlines() if line.strip()[:1].isdigit()]
        assert "No tracking" in ranked[0]
        assert "10" in ranked[0].split()
        bright = shown_text(screen.query_one("#review-bright", Static))
        assert "Shop" in bright
        assert "+1.5" in bright
        assert "Site" not in bright
        coverage = shown_text(screen.query_one("#review-coverage", Static))
        assert "8 of 9" in coverage
        assert "Cas × Shop" in coverage


async def test_roadmap_decisions_rerank_at_once_and_survive_a_restart(workdir: Path) -> None:
    path = crafted_file(workdir / "sessions")
    app = app_for(path)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = app.screen
        assert isinstance(screen, SessionScreen)
        screen.go_to("roadmap")
        await settle(pilot)
        step = screen.query_one(RoadmapStep)
        titles = [row[1] for row in table_rows(step.table) if row[0]]
        assert titles == ["Slow site", "Faster pages", "No tracking", "Rude driver"]
        await pilot.press("down", "down", "down", "down")  # past the Next header to Rude driver
        await pilot.press("1")  # effort 1 -> score 7.5, first
        await settle(pilot)
        assert next(row[1] for row in table_rows(step.table) if row[0]) == "Rude driver"
        await pilot.press("V")
        await fill(pilot, "Eva")
        await pilot.press("enter")
        await pilot.press("down", "full_stop", "full_stop")  # two dots on the second item
        await settle(pilot)
        await pilot.press("h")  # the override: Now
        await settle(pilot)
        card = str(step.query_one("#roadmap-card", Static).render())
        assert "set by the room" in card
    reopened = read_session(path)
    items = {item.title: item for item in roadmap(reopened)}
    assert items["Rude driver"].factors.effort == 1
    assert sum(v.dots for v in reopened.votes) == 2
    assert any(item.horizon_overridden for item in items.values())
    second = app_for(path)
    async with second.run_test(size=(120, 40)) as pilot:
        screen = second.screen
        assert isinstance(screen, SessionScreen)
        screen.go_to("roadmap")
        await settle(pilot)
        step = screen.query_one(RoadmapStep)
        assert next(row[1] for row in table_rows(step.table) if row[0]) == "Rude driver"


async def test_x_writes_the_roadmap_beside_the_session_and_says_where(workdir: Path) -> None:
    path = crafted_file(workdir / "sessions")
    app = app_for(path)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = app.screen
        assert isinstance(screen, SessionScreen)
        screen.go_to("roadmap")
        await settle(pilot)
        await pilot.press("x")
        await settle(pilot)
        written = path.with_name(f"{path.stem}-roadmap.md")
        assert notices(app)[-1] == f"Roadmap written to {written}"
    assert "Slow site" in written.read_text(encoding="utf-8")


@pytest.mark.parametrize("step", ["roadmap", "review"])
async def test_shift_x_writes_the_html_report_beside_the_session(workdir: Path, step: Step) -> None:
    path = crafted_file(workdir / "sessions")
    app = app_for(path)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = app.screen
        assert isinstance(screen, SessionScreen)
        screen.go_to(step)
        await settle(pilot)
        shown = [entry.description for entry in screen.query_one(KeyBar).entries]
        assert "report (HTML)" in shown
        await pilot.press("X")
        await settle(pilot)
        written = path.with_name(f"{path.stem}-report.html")
        assert notices(app)[-1].startswith(f"Report written to {written}")
    page = written.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>")
    assert "Slow site" in page
