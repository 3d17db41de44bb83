"""Starting a revisit in the app, and seeing in the review what changed since last time."""

from __future__ import annotations

import shutil
from pathlib import Path

from textual.widgets import Static

from cjworkshop.model.queries import plot_for
from cjworkshop.store.session_file import read_session
from cjworkshop.ui.screens.session import SessionScreen
from cjworkshop.ui.steps.grid import GridStep
from tests.conftest import SESSIONS
from tests.ui.conftest import FIXED, app_for
from tests.ui.helpers import settle, shown_text


async def test_a_revisit_continues_in_a_dated_copy_and_the_review_compares(workdir: Path) -> None:
    path = workdir / "sessions" / "de-eik.toml"
    shutil.copy(SESSIONS / "meubelmakerij-de-eik.toml", path)
    app = app_for(path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+r")
        await settle(pilot)
        before = path.read_bytes()
        await pilot.press("enter")
        await settle(pilot)
        target = path.with_name(f"de-eik-{FIXED.date().isoformat()}.toml")
        assert target.exists()
        screen = app.screen
        assert isinstance(screen, SessionScreen)
        assert screen.document.path == target
        # Ingrid at the quote: from negative to very positive, set in the grid.
        screen.go_to("grid")
        await settle(pilot)
        grid = screen.query_one(GridStep)
        rows = [row[0] for row in grid.table.row_texts()]
        grid.table.move_cursor(row=rows.index("Offerte per e-mail"), column=0)
        await pilot.press("5")
        await settle(pilot)
        assert plot_for(screen.session, "ingrid-de-verbouwer", "offerte") is not None
        screen.go_to("review")
        await settle(pilot)
        since = shown_text(screen.query_one("#review-since", Static))
    assert path.read_bytes() == before
    saved = read_session(target)
    assert saved.previous == "de-eik.toml"
    assert plot_for(saved, "ingrid-de-verbouwer", "offerte").emotion == 2  # type: ignore[union-attr]
    assert since.startswith("Sinds de vorige versie (de-eik.toml)\n1 contactmoment beter.")
    assert "Ingrid, de verbouwer bij Offerte per e-mail: ▼ −1 negatief" in since
