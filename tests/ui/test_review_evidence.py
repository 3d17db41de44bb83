"""The review's evidence share and targets, and the roadmap card's warning, as the room sees
them."""

from __future__ import annotations

from pathlib import Path

from msgspec.structs import replace
from textual.widgets import Static

from cjworkshop.model.session import Session
from cjworkshop.store.session_file import save_session
from cjworkshop.ui.screens.session import SessionScreen
from cjworkshop.ui.steps.roadmap import RoadmapStep
from tests.ui.conftest import app_for
from tests.ui.helpers import settle, shown_text
from tests.unit.test_review import crafted
from tests.unit.test_review_evidence import _marked, _targeted


def saved(folder: Path, session: Session) -> Path:
    path = folder / "crafted.toml"
    save_session(path, session)
    return path


async def test_an_unmarked_map_without_targets_shows_neither(workdir: Path) -> None:
    app = app_for(saved(workdir / "sessions", crafted()))
    async with app.run_test(size=(140, 60)) as pilot:
        screen = app.screen
        assert isinstance(screen, SessionScreen)
        screen.go_to("review")
        await settle(pilot)
        assert not screen.query_one("#review-evidence", Static).display
        assert not screen.query_one("#review-gaps", Static).display
        curves = shown_text(screen.query_one("#review-curves", Static))
        assert "○" not in curves
        assert "target" not in curves


async def test_the_review_says_how_much_rests_on_assumptions(workdir: Path) -> None:
    app = app_for(saved(workdir / "sessions", _marked(crafted())))
    async with app.run_test(size=(140, 60)) as pilot:
        screen = app.screen
        assert isinstance(screen, SessionScreen)
        screen.go_to("review")
        await settle(pilot)
        part = screen.query_one("#review-evidence", Static)
        assert part.display
        shown = shown_text(part)
        assert "18% of what was noted is assumed" in shown
        rows = {line.split()[0]: line.split()[-3:] for line in shown.splitlines() if line.strip()}
        # Observed, assumed, not marked.
        assert rows["Pain"] == ["1", "1", "4"]
        assert rows["Opportunities"] == ["0", "1", "1"]
        assert rows["Feelings"] == ["1", "1", "5"]
        assert rows["All"] == ["3", "3", "11"]


async def test_the_curves_draw_the_target_and_the_gaps_are_listed(workdir: Path) -> None:
    app = app_for(saved(workdir / "sessions", _targeted(crafted())))
    async with app.run_test(size=(140, 60)) as pilot:
        screen = app.screen
        assert isinstance(screen, SessionScreen)
        screen.go_to("review")
        await settle(pilot)
        curves = shown_text(screen.query_one("#review-curves", Static)).splitlines()
        anna = curves.index(next(line for line in curves if line.strip() == "Anna"))
        cells = [line.split(" │", 1) for line in curves[anna + 1 : anna + 6]]
        rows = {label.strip(): drawn for label, drawn in cells}
        # Anna at Site: today −2 (●), target +1 (○); at the Shop today meets +2 (◉).
        assert rows["very negative ▼▼"].split()[0][0] == "●"
        assert rows["positive ▲"].split()[0][0] == "○"
        assert "◉" in rows["very positive ▲▲"]
        gaps = shown_text(screen.query_one("#review-gaps", Static))
        listed = [line.split() for line in gaps.splitlines() if "→" in line and "Today" not in line]
        assert [(line[0], line[1], line[-1]) for line in listed] == [
            ("Anna", "Site", "+3"),
            ("Cas", "Delivery", "+3"),
            ("Bob", "Site", "+1"),
        ]
        assert "▼▼ −2 → ▲ +1" in gaps
        # The legend of the marks is on screen, not cut off behind the curves' heading.


async def test_the_roadmap_card_warns_of_an_item_resting_on_assumptions(workdir: Path) -> None:
    session = crafted()
    plots = tuple(
        replace(
            plot,
            pain_points=tuple(replace(p, evidence="assumed") for p in plot.pain_points),
        )
        if plot.touchpoint == "t1"
        else plot
        for plot in session.plots
    )
    session = replace(session, plots=plots)
    app = app_for(saved(workdir / "sessions", session))
    async with app.run_test(size=(120, 40)) as pilot:
        screen = app.screen
        assert isinstance(screen, SessionScreen)
        screen.go_to("roadmap")
        await settle(pilot)
        step = screen.query_one(RoadmapStep)
        card = str(step.query_one("#roadmap-card", Static).render())
        assert card.splitlines()[0] == "Slow site"
        assert "assumed: check before building" in card
        await pilot.press("down")  # Faster pages: an idea nobody marked
        await settle(pilot)
        card = str(step.query_one("#roadmap-card", Static).render())
        assert card.splitlines()[0] == "Faster pages"
        assert "assumed" not in card


async def test_targets_already_met_say_so_instead_of_an_empty_list(workdir: Path) -> None:
    session = crafted()
    met = replace(
        session,
        plots=tuple(replace(plot, target_emotion=plot.emotion) for plot in session.plots),
    )
    app = app_for(saved(workdir / "sessions", met))
    async with app.run_test(size=(140, 60)) as pilot:
        screen = app.screen
        assert isinstance(screen, SessionScreen)
        screen.go_to("review")
        await settle(pilot)
        part = screen.query_one("#review-gaps", Static)
        assert part.display
        assert "today already meets it" in shown_text(part)
        curves = shown_text(screen.query_one("#review-curves", Static)).splitlines()
        drawn = [line.split("│", 1)[1] for line in curves if " │" in line and "▲" in line + "▼●"]
        assert any("◉" in line for line in drawn)
        assert not any("●" in line for line in drawn)


async def test_the_targets_legend_has_a_line_of_its_own(workdir: Path) -> None:
    app = app_for(saved(workdir / "sessions", _targeted(crafted())))
    async with app.run_test(size=(80, 24)) as pilot:
        screen = app.screen
        assert isinstance(screen, SessionScreen)
        screen.go_to("review")
        await settle(pilot)
        # The curves do not wrap, and a terminal shows as much of them as fits: the legend
        # is a text of its own under the heading, which wraps to the terminal.
        lines = shown_text(screen.query_one("#review-curves", Static)).splitlines()
        assert lines[0] == "Emotion curves"
        legend = " ".join(" ".join(lines[1:4]).split())
        assert "○ target · ◉ today meets the target" in legend
        assert all(len(line) <= 80 for line in lines[1:4])
