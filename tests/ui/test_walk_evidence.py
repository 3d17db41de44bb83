"""The walk's marks of evidence, its target feeling and the stage behind its touchpoint, driven
as a facilitator would: a key, and what the session file and the card then say."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

from msgspec.structs import replace
from textual.widgets import Label, OptionList, Static

from cjworkshop.model.queries import plot_for
from cjworkshop.model.session import Interaction, Metric, Plot, Session
from cjworkshop.store.drafts import draft_path, read_draft_file
from cjworkshop.store.session_file import read_session, save_session
from cjworkshop.ui.app import WorkshopApp
from cjworkshop.ui.drafts import DRAFT_SECONDS
from cjworkshop.ui.modals.record_form import RecordForm
from cjworkshop.ui.screens.session import SessionScreen
from cjworkshop.ui.steps.walk_card import WalkCard
from tests.conftest import SESSIONS
from tests.ui.conftest import app_for
from tests.ui.helpers import dialog_up, fill, notices, pass_time, settle, shown_text, until
from tests.unit.test_review import crafted


def walk_file(folder: Path, session: Session | None = None) -> Path:
    path = folder / "crafted.toml"
    save_session(path, session or crafted())
    return path


async def open_walk(app: WorkshopApp, pilot: object) -> SessionScreen:
    screen = app.screen
    assert isinstance(screen, SessionScreen)
    screen.go_to("plotting")
    await settle(pilot)  # type: ignore[arg-type]
    return screen


def site_of(path: Path, persona: str = "anna") -> Plot:
    plot = plot_for(read_session(path), persona, "t1")
    assert plot is not None
    return plot


def text_of(screen: SessionScreen, selector: str) -> str:
    """What a panel of the card says, its lines joined as a person reads them."""
    return " ".join(shown_text(screen.query_one(selector, Static)).split())


def notes_of(screen: SessionScreen) -> list[str]:
    options = screen.query_one("#walk-notes", OptionList)
    return [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]


async def test_e_marks_what_was_given_last_observed_then_assumed_then_unmarked(
    workdir: Path,
) -> None:
    path = walk_file(workdir / "sessions")
    app = app_for(path, step="plotting")
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_walk(app, pilot)
        # Anna at Site: very negative, nothing marked. e marks the feeling, round and round.
        assert "◉" not in text_of(screen, "#walk-status")
        await pilot.press("e")
        await settle(pilot)
        assert site_of(path).emotion_evidence == "observed"
        assert "◉ observed" in text_of(screen, "#walk-status")
        await pilot.press("e")
        await settle(pilot)
        assert site_of(path).emotion_evidence == "assumed"
        assert "○ assumed" in text_of(screen, "#walk-status")
        await pilot.press("e")
        await settle(pilot)
        assert site_of(path).emotion_evidence is None
        status = text_of(screen, "#walk-status")
        assert "observed" not in status
        assert "assumed" not in status
        # After a quote, e marks the quote; after a feeling, the feeling.
        await pilot.press("q")
        await fill(pilot, "Too slow")
        await pilot.press("enter", "e")
        await settle(pilot)
        site = site_of(path)
        assert (site.thought, site.thought_evidence, site.emotion_evidence) == (
            "Too slow",
            "observed",
            None,
        )
        label = str(screen.query_one("#walk-thought-label", Label).render())
        assert label.endswith("◉ observed")
        await pilot.press("2", "e", "e")
        await settle(pilot)
        site = site_of(path)
        assert (site.thought_evidence, site.emotion_evidence) == ("observed", "assumed")
        # A quote emptied is nothing to mark: its mark goes, and e goes back to the feeling.
        await pilot.press("q", "ctrl+u", "enter", "e")
        await settle(pilot)
        site = site_of(path)
        assert (site.thought, site.thought_evidence, site.emotion_evidence) == ("", None, None)
        # A quote given, then off to the next touchpoint and back: e marks the feeling again.
        await pilot.press("q")
        await fill(pilot, "Still slow")
        await pilot.press("enter", "n", "b", "e")
        await settle(pilot)
        site = site_of(path)
        assert (site.thought_evidence, site.emotion_evidence) == (None, "observed")
        # Cas at Shop, the first touchpoint left to plot: nothing there to mark yet.
        await pilot.press("s", "end", "enter")
        await settle(pilot)
        assert "Shop" in text_of(screen, "#walk-touchpoint")
        await pilot.press("e")
        await settle(pilot)
        assert notices(app)[-1].startswith("Nothing to mark yet")
        assert plot_for(read_session(path), "cas", "t2") is None
        assert "◉" not in text_of(screen, "#walk-status")


async def test_e_in_the_notes_marks_the_highlighted_note_and_editing_it_keeps_the_mark(
    workdir: Path,
) -> None:
    path = walk_file(workdir / "sessions")
    app = app_for(path, step="plotting")
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_walk(app, pilot)
        # Tab from the quote reaches the notes with the cursor on the first: ⚠ Slow site.
        notes = screen.query_one("#walk-notes", OptionList)
        screen.query_one("#walk-thought").focus()
        await pilot.pause()
        await pilot.press("tab")
        await pilot.pause()
        assert notes.has_focus, "Tab from the quote reaches the notes"
        assert notes.highlighted == 0
        await pilot.press("e", "down", "e", "e")  # the pain, then the opportunity twice
        await settle(pilot)
        site = site_of(path)
        assert site.pain_points[0].evidence == "observed"
        assert site.opportunities[0].evidence == "assumed"
        assert site.emotion_evidence is None
        assert notes_of(screen) == ["⚠ 4 Slow site  ◉ observed", "✦ Faster pages  ○ assumed"]
        await pilot.press("up", "enter")
        await fill(pilot, "Very slow site")
        await pilot.press("ctrl+s")
        await settle(pilot)
        pain = site_of(path).pain_points[0]
        assert (pain.text, pain.evidence) == ("Very slow site", "observed")


async def test_shift_e_gives_the_mark_a_source_the_card_shows(workdir: Path) -> None:
    path = walk_file(workdir / "sessions")
    app = app_for(path, step="plotting")
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_walk(app, pilot)
        await pilot.press("E")
        await fill(pilot, "complaint log")
        await pilot.press("ctrl+s")
        await settle(pilot)
        site = site_of(path)
        assert (site.emotion_evidence, site.emotion_source) == ("observed", "complaint log")
        assert "◉ observed: complaint log" in text_of(screen, "#walk-status")
        # Taking the mark off takes its source with it.
        await pilot.press("e", "e")
        await settle(pilot)
        site = site_of(path)
        assert (site.emotion_evidence, site.emotion_source) == (None, "")


async def test_shift_digits_or_g_and_a_digit_set_the_target_and_0_clears_it(
    workdir: Path,
) -> None:
    path = walk_file(workdir / "sessions")
    app = app_for(path, step="plotting")
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_walk(app, pilot)
        assert "target" not in text_of(screen, "#walk-status")
        await pilot.press("exclamation_mark", "dollar_sign")  # Shift+1, then Shift+4
        await settle(pilot)
        site = site_of(path)
        assert (site.emotion, site.target_emotion) == (-2, 1)
        status = text_of(screen, "#walk-status")
        assert "Feeling: ▼▼ very negative → target ▲ positive" in status
        await pilot.press("right_parenthesis")  # Shift+0
        await settle(pilot)
        assert site_of(path).target_emotion is None
        assert "target" not in text_of(screen, "#walk-status")
        # Where Shift and a digit send something else, g and then the digit.
        await pilot.press("g", "5")
        await settle(pilot)
        site = site_of(path)
        assert (site.emotion, site.target_emotion) == (-2, 2)
        assert notices(app)[-1].startswith("Target feeling: press 1")
        assert "→ target ▲▲ very positive" in text_of(screen, "#walk-status")
        # g waits for one digit only: after another key the digits are today's feeling again.
        await pilot.press("g", "m", "4")
        await settle(pilot)
        site = site_of(path)
        assert (site.emotion, site.target_emotion, site.moment_of_truth) == (1, 2, True)
        await pilot.press("g", "0")
        await settle(pilot)
        assert site_of(path).target_emotion is None


def staged() -> Session:
    session = crafted()
    site = replace(
        session.touchpoints[0],
        owner="Web team",
        interactions=(
            Interaction(name="Product page"),
            Interaction(name="Chatbot", channel="webchat"),
        ),
        frontstage="Answers in the chat",
        backstage="Stock checked by hand",
        metrics=(
            Metric(name="CSAT", value=7.2, unit="/10", date=dt.date(2026, 10, 1), source="survey"),
            Metric(name="Conversion", value=3.0, unit="%"),
        ),
    )
    return replace(session, touchpoints=(site, *session.touchpoints[1:]))


async def test_the_card_shows_the_stage_and_figures_the_touchpoint_has(workdir: Path) -> None:
    path = walk_file(workdir / "sessions", staged())
    app = app_for(path, step="plotting")
    async with app.run_test(size=(200, 50)) as pilot:
        screen = await open_walk(app, pilot)
        stage = screen.query_one("#walk-stage", Static)
        assert stage.display
        lines = shown_text(stage).splitlines()
        assert [line.rstrip() for line in lines] == [
            "Interactions: Product page → Chatbot [webchat]",
            "Frontstage: Answers in the chat · Backstage: Stock checked by hand · Owner: Web team",
            "Figures: CSAT 7.2 /10 (2026-10-01, survey) · Conversion 3%",
        ]
        await pilot.press("n")  # Shop has none of it
        await settle(pilot)
        assert not stage.display


async def test_a_touchpoint_without_a_stage_shows_none_of_it_in_dutch_too(
    workdir: Path,
) -> None:
    path = walk_file(workdir / "sessions", replace(staged(), language="nl"))
    app = app_for(path, step="plotting", language="nl")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_walk(app, pilot)
        said = text_of(screen, "#walk-stage")
        assert "Interacties: Product page → Chatbot [webchat]" in said
        assert "Eigenaar: Web team" in said
        await pilot.press("e", "percent_sign")
        await settle(pilot)
        status = text_of(screen, "#walk-status")
        assert "→ doel ▲▲ heel positief" in status
        assert "◉ waargenomen" in status
        # The narrow card leaves the keys to the key bar and F1.
        assert not screen.query_one("#walk-keys").display
        await pilot.press("n")
        await settle(pilot)
        assert not screen.query_one("#walk-stage", Static).display
        assert "doel" not in text_of(screen, "#walk-status")


async def test_a_source_being_typed_comes_back_at_its_plot_after_a_crash(workdir: Path) -> None:
    path = walk_file(workdir / "sessions")
    app = app_for(path, step="plotting")
    async with app.run_test(size=(120, 40)) as pilot:
        await open_walk(app, pilot)
        await pilot.press("n", "E")  # Anna at Shop: very positive
        await fill(pilot, "interviews in October")
        await pass_time(pilot, DRAFT_SECONDS)
        draft = read_draft_file(draft_path(path))
        assert draft is not None
        assert "interviews in October" in draft.values.values()
    second = app_for(path, step="goals")
    async with second.run_test(size=(120, 40)) as pilot:
        await until(pilot, lambda: dialog_up(second, RecordForm), "the form opens again")
        await pilot.press("ctrl+s")
        await settle(pilot)
    shop = plot_for(read_session(path), "anna", "t2")
    assert shop is not None
    assert (shop.emotion_evidence, shop.emotion_source) == ("observed", "interviews in October")
    assert not draft_path(path).exists()


async def test_a_card_taller_than_the_terminal_still_jumps_a_phase_and_walks_on(
    workdir: Path,
) -> None:
    """The Dutch example's cards do not fit in 80x24: PgDn and PgUp jump a phase, → and ← walk
    on, and the arrows up and down scroll the card."""
    path = workdir / "sessions" / "eik.toml"
    shutil.copyfile(SESSIONS / "meubelmakerij-de-eik.toml", path)
    app = app_for(path, step="plotting", language="nl")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_walk(app, pilot)
        card = screen.query_one(WalkCard)
        assert card.has_focus
        assert card.max_scroll_y > 0, "the card is taller than its room"

        def where() -> str:
            return text_of(screen, "#walk-progress") + " | " + text_of(screen, "#walk-touchpoint")

        assert "Contactmoment 1 van 17" in where()
        await pilot.press("pagedown", "pagedown", "pagedown")
        await settle(pilot)
        assert "Fase Levering" in where()
        await pilot.press("pageup")
        await settle(pilot)
        assert "Fase Aankoop" in where()
        before = where()
        await pilot.press("right")
        await settle(pilot)
        assert where() != before
        await pilot.press("left")
        await settle(pilot)
        assert where() == before
        await pilot.press("down", "down")
        await settle(pilot)
        assert card.scroll_y > 0, "↓ scrolls the card"
