"""A session left with merge conflicts: the review lists them and decides them with a key."""

from __future__ import annotations

import shutil
from pathlib import Path

from msgspec.structs import replace

from cjworkshop.model.merge import merge
from cjworkshop.store.session_file import read_session, save_session
from cjworkshop.ui.screens.session import SessionScreen
from cjworkshop.ui.widgets.key_bar import KeyBar
from tests.conftest import SESSIONS
from tests.ui.conftest import app_for
from tests.ui.helpers import settle, shown_text, until

ITEM = "fix-offerte-duurt-te-lang"


def conflicted(path: Path) -> None:
    """Two branches renamed the website touchpoint and gave one item two owners."""
    shutil.copy(SESSIONS / "meubelmakerij-de-eik.toml", path)
    base = read_session(path)

    def branch(name: str, owner: str):  # type: ignore[no-untyped-def]
        touchpoints = tuple(
            replace(t, name=name) if t.id == "website" else t for t in base.touchpoints
        )
        items = tuple(replace(i, owner=owner) if i.id == ITEM else i for i in base.roadmap)
        return replace(base, touchpoints=touchpoints, roadmap=items)

    merged = merge(
        base,
        branch("Collectie en prijzen online", "Ruben"),
        branch("Website met voorbeelden", "Lotte"),
    )
    assert len(merged.conflicts) == 2
    save_session(path, merged, backup=False)


async def test_the_review_takes_the_other_version_or_keeps_this_one(workdir: Path) -> None:
    path = workdir / "sessions" / "de-eik.toml"
    conflicted(path)
    app = app_for(path)
    async with app.run_test(size=(200, 50)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, SessionScreen)
        screen.go_to("review")
        await settle(pilot)
        part = screen.query_one("#review-conflicts")
        text = shown_text(part)  # type: ignore[arg-type]
        assert "2 samenvoegconflicten om te beslissen" in text
        # The touchpoint by its name, then the field.
        assert "Collectie en prijzen online › name" in text
        assert "owner" in text
        assert "Ruben" in text
        assert "Lotte" in text
        keys = screen.query_one(KeyBar).render().plain
        assert "O andere versie" in keys
        assert "K deze houden" in keys
        await pilot.press("O")
        await until(pilot, lambda: len(screen.document.session.conflicts) == 1, "the first decided")
        website = next(t for t in screen.document.session.touchpoints if t.id == "website")
        assert website.name == "Website met voorbeelden"
        await pilot.press("K")
        await until(pilot, lambda: not screen.document.session.conflicts, "the second decided")
        item = next(i for i in screen.document.session.roadmap if i.id == ITEM)
        assert item.owner == "Ruben"
        await settle(pilot)
        assert not screen.query_one("#review-conflicts").display
        assert "O andere versie" not in screen.query_one(KeyBar).render().plain
        # Undo brings the last decision back.
        await pilot.press("ctrl+z")
        await until(pilot, lambda: len(screen.document.session.conflicts) == 1, "undone")
    # Saved: the file holds what the room decided.
    assert len(read_session(path).conflicts) == 1
