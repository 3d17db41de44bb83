"""Merging two roadmap items, as a facilitator does it: mark one, m on the other, confirm.

Nothing either item held is lost: its status, effort, owner, note and dots go into the merged
item, what had to be chosen is said in its note, a mark can be cancelled, and Ctrl+Z brings
both items back as they were.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from textual.widgets import Static

from cjworkshop.model.decisions import decide
from cjworkshop.model.roadmap import RankedItem, roadmap
from cjworkshop.model.session import Session
from cjworkshop.store.session_file import read_session, save_session
from cjworkshop.ui.modals.confirm import ConfirmModal
from cjworkshop.ui.screens.session import SessionScreen
from cjworkshop.ui.steps.roadmap import RoadmapStep
from cjworkshop.ui.widgets.key_bar import KeyBar
from tests.ui.conftest import app_for
from tests.ui.helpers import notices, settle, table_rows
from tests.unit.test_review import crafted

TODAY = dt.date(2026, 11, 22)


def decided() -> Session:
    """Slow site: effort 4, owner Ops, a note. Faster pages: doing, effort 2, the web team."""
    session = crafted()
    items = {item.title: item for item in roadmap(session)}
    session = decide(session, items["Slow site"], TODAY, effort=4, owner="Ops", note="Hosting?")
    return decide(session, items["Faster pages"], TODAY, status="doing", effort=2, owner="Web team")


def by_title(session: Session) -> dict[str, RankedItem]:
    return {item.title: item for item in roadmap(session)}


def titles(step: RoadmapStep) -> list[str]:
    return [row[1] for row in table_rows(step.table) if row[0]]


async def test_a_mark_is_cancelled_by_escape_or_m_again_and_says_so(workdir: Path) -> None:
    path = workdir / "sessions" / "decided.toml"
    save_session(path, decided())
    app = app_for(path)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = app.screen
        assert isinstance(screen, SessionScreen)
        screen.go_to("roadmap")
        await settle(pilot)
        step = screen.query_one(RoadmapStep)
        bar = screen.query_one(KeyBar)
        before = screen.document.session
        step.select_record("fix-slow-site")
        await pilot.press("m")
        await settle(pilot)
        assert "◆ Slow site" in titles(step)
        assert "Slow site" in notices(app)[-1]
        assert "esc cancel merge" in bar.render().plain
        await pilot.press("escape")
        await settle(pilot)
        assert notices(app)[-1] == "Merge cancelled: “Slow site” is no longer marked."
        assert not any(title.startswith("◆") for title in titles(step))
        assert "cancel merge" not in bar.render().plain
        # With nothing marked, Escape does nothing else: same screen, same step, no message.
        shown = len(notices(app))
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is screen
        assert screen.step == "roadmap"
        assert len(notices(app)) == shown
        # m again on the marked item cancels too.
        await pilot.press("m", "m")
        await settle(pilot)
        assert notices(app)[-1] == "Merge cancelled: “Slow site” is no longer marked."
        assert not any(title.startswith("◆") for title in titles(step))
        assert screen.document.session == before


async def test_a_merge_keeps_both_items_decisions_and_ctrl_z_brings_both_back(
    workdir: Path,
) -> None:
    path = workdir / "sessions" / "decided.toml"
    save_session(path, decided())
    app = app_for(path)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = app.screen
        assert isinstance(screen, SessionScreen)
        screen.go_to("roadmap")
        await settle(pilot)
        step = screen.query_one(RoadmapStep)
        # Faster pages (doing, effort 2) goes into Slow site (open, effort 4).
        step.select_record("idea-faster-pages")
        await pilot.press("m")
        step.select_record("fix-slow-site")
        await pilot.press("m")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmModal)
        await pilot.press("y")
        await settle(pilot)
        merged = by_title(read_session(path))
        assert "Faster pages" not in merged
        slow = merged["Slow site"]
        assert slow.sources == ("pain:slow-site", "opportunity:faster-pages")
        decision = slow.decision
        assert decision is not None
        assert (decision.status, decision.effort, decision.owner) == ("doing", 4, "Ops, Web team")
        assert decision.note.splitlines() == [
            "Hosting?",
            "Merged with “Faster pages”. Where the two differed: effort 4 (“Faster pages” had 2).",
        ]
        assert step.table.current_key == "item:fix-slow-site"
        card = str(step.query_one("#roadmap-card", Static).render())
        assert "Merged with “Faster pages”" in card
        await pilot.press("ctrl+z")
        await settle(pilot)
        back = by_title(read_session(path))
        slow, faster = back["Slow site"], back["Faster pages"]
        assert (slow.status, slow.factors.effort, slow.owner) == ("open", 4, "Ops")
        assert slow.decision is not None
        assert slow.decision.note == "Hosting?"
        assert (faster.status, faster.factors.effort, faster.owner) == ("doing", 2, "Web team")
        assert "Slow site" in titles(step)
        assert "Faster pages" in titles(step)
