"""Every form keeps a draft while it is typed in, and a crash gives the text back where it was.

Each case opens a form in one app, puts text in it (as a paste: the keys of a person typing are
``test_bursts.py``'s subject, and the quote below is typed key by key), lets the half second
pass in which a draft reaches the disk and leaves the app without saving the form; a second app
on the same session opens the same form again, at the same persona, touchpoint, item or
question, with the text in it. (``test_safety.py`` does the same for the goal, persona and
touchpoint forms, and with a real crash.)
"""

from __future__ import annotations

import asyncio
import shutil
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Input, TextArea

from cjworkshop.model.queries import plot_for
from cjworkshop.model.session import Step
from cjworkshop.store.drafts import (
    Draft,
    draft_path,
    new_session_draft_path,
    read_draft_file,
    write_draft,
)
from cjworkshop.store.session_file import read_session
from cjworkshop.ui.app import WorkshopApp
from cjworkshop.ui.drafts import DRAFT_SECONDS
from cjworkshop.ui.modals.new_session import NewSessionModal
from cjworkshop.ui.modals.parking_lot import ParkingLotModal
from cjworkshop.ui.modals.record_form import RecordForm
from cjworkshop.ui.screens.session import SessionScreen
from cjworkshop.ui.steps.plotting import PlottingStep
from cjworkshop.ui.steps.roadmap import RoadmapStep
from tests.conftest import SESSIONS
from tests.ui.conftest import FIXED, app_for, new_session
from tests.ui.helpers import dialog_up, fill, pass_time, settle, until

SIZE = (120, 40)
TEXT = "Wachttijd aan de telefoon"


def _app(path: Path, step: Step | None = None) -> WorkshopApp:
    return app_for(path, folder=path.parent, step=step)


async def _until_drafted(pilot: Pilot[None], path: Path, text: str) -> None:
    """Half a second passes (drafts are written at most twice a second): the draft at ``path``
    holds ``text``."""
    await pass_time(pilot, DRAFT_SECONDS)
    draft = read_draft_file(path)
    assert draft is not None, f"no draft at {path}"
    assert text in draft.values.values(), f"{text!r} never reached the draft at {path}"


def _form_text(app: WorkshopApp, name: str) -> str:
    assert isinstance(app.screen, RecordForm), app.screen
    widget = app.screen.query_one(f"#field-{name}")
    if isinstance(widget, TextArea):
        return widget.text
    assert isinstance(widget, Input)
    return widget.value


@pytest.fixture
def example(tmp_path: Path) -> Path:
    target = tmp_path / "de-eik.toml"
    shutil.copyfile(SESSIONS / "meubelmakerij-de-eik.toml", target)
    return target


def _walk(app: WorkshopApp) -> PlottingStep:
    screen = app.screen_stack[1]
    assert isinstance(screen, SessionScreen)
    view = screen.views["plotting"]
    assert isinstance(view, PlottingStep)
    return view


async def _walk_to_a_relevant_plot(pilot: Pilot[None]) -> tuple[str, str]:
    view = _walk(pilot.app)  # type: ignore[arg-type]
    persona = view.current.personas[1].id
    relevant = [
        touchpoint.id
        for touchpoint in view.journey
        if (plot := plot_for(view.current, persona, touchpoint.id)) is None or plot.relevant
    ]
    view.start(persona, relevant[2])
    await pilot.pause()
    assert view.touchpoint is not None
    return persona, view.touchpoint.id


@pytest.mark.parametrize("key", ["P", "o"], ids=["pain-point", "opportunity"])
async def test_a_pain_point_or_idea_being_typed_comes_back_at_its_plot(
    example: Path, key: str
) -> None:
    app = _app(example, "plotting")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        where = await _walk_to_a_relevant_plot(pilot)
        await pilot.press(key)
        await fill(pilot, TEXT)
        await _until_drafted(pilot, draft_path(example), TEXT)
    second = _app(example, "goals")
    async with second.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: dialog_up(second, RecordForm), "the form opens again")
        assert _form_text(second, "text") == TEXT
        view = _walk(second)
        assert view.persona is not None
        assert view.touchpoint is not None
        assert (view.persona.id, view.touchpoint.id) == where
        await pilot.press("ctrl+s")
        await settle(pilot)
    plot = plot_for(read_session(example), *where)
    assert plot is not None
    if key == "P":
        assert TEXT in [pain.text for pain in plot.pain_points]
    else:
        assert TEXT in [idea.text for idea in plot.opportunities]
    assert not draft_path(example).exists()


KILLED_WHILE_TYPING = textwrap.dedent(
    """
    import asyncio, sys, time
    from pathlib import Path
    from cjworkshop.ui.app import create_app
    from cjworkshop.store.drafts import Draft, read_draft
    from cjworkshop.model.queries import plot_for

    EMPTY = Draft("", None, None, {}, None)

    async def main():
        path = Path(sys.argv[1])
        app = create_app(folder=path.parent, session_path=path, step="plotting")
        async with app.run_test(size=(120, 40)) as pilot:
            deadline = time.monotonic() + 60  # generous: a busy machine is only slower
            while "plotting" not in getattr(app.screen, "views", {}):
                assert time.monotonic() < deadline, "the walk never opened"
                await pilot.pause()
            view = app.screen.views["plotting"]
            persona = view.current.personas[1].id
            relevant = [
                t.id for t in view.journey
                if (plot := plot_for(view.current, persona, t.id)) is None or plot.relevant
            ]
            view.start(persona, relevant[2])
            await pilot.pause()
            await pilot.press("q", *sys.argv[2])
            # This app runs on real time, as it does for the room: wait for the draft itself.
            while sys.argv[2] not in (read_draft(path) or EMPTY).values.get("text", ""):
                assert time.monotonic() < deadline, "the quote never reached its draft"
                await pilot.pause(0.1)
            print(persona, relevant[2], flush=True)
            await asyncio.sleep(60)

    asyncio.run(main())
    """
)


def test_a_quote_being_typed_comes_back_in_its_field_after_a_crash(example: Path) -> None:
    process = subprocess.Popen(
        [sys.executable, "-c", KILLED_WHILE_TYPING, str(example), "Hoop dat iemand opneemt"],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert process.stdout is not None
    where = tuple(process.stdout.readline().split())
    process.send_signal(signal.SIGKILL)
    assert len(where) == 2, "the app stopped before its draft held the quote"
    process.wait(timeout=30)
    assert draft_path(example).exists()
    asyncio.run(_quote_comes_back(example, where))


async def _quote_comes_back(example: Path, where: tuple[str, ...]) -> None:
    second = _app(example, "goals")
    async with second.run_test(size=SIZE) as pilot:
        await until(
            pilot,
            lambda: isinstance(second.focused, Input) and second.focused.id == "walk-thought",
            "the quote has the focus again",
        )
        view = _walk(second)
        assert view.persona is not None
        assert view.touchpoint is not None
        assert (view.persona.id, view.touchpoint.id) == where
        quote = second.screen.query_one("#walk-thought", Input)
        assert quote.has_focus
        assert quote.value.endswith("Hoop dat iemand opneemt")
        second.screen.set_focus(None)  # the room moves on: the quote is stored
        await settle(pilot)
    plot = plot_for(read_session(example), *where)
    assert plot is not None
    assert plot.thought.endswith("Hoop dat iemand opneemt")
    assert not draft_path(example).exists()


async def test_a_form_opened_but_not_typed_in_leaves_no_draft(example: Path) -> None:
    app = _app(example, "goals")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("e")
        await until(pilot, lambda: dialog_up(app, RecordForm), "the goal's form opens")
        await pass_time(pilot, DRAFT_SECONDS * 4)
        assert read_draft_file(draft_path(example)) is None, "nothing was typed"
        await pilot.press("end", "!")
        await _until_drafted(pilot, draft_path(example), read_session(example).goals[0].what + "!")
        await pilot.press("backspace")
        await pass_time(pilot, DRAFT_SECONDS)
        draft = read_draft_file(draft_path(example))
        assert draft is not None
        assert draft.values["what"] == read_session(example).goals[0].what, (
            "typed back to what it was: the draft says so too"
        )


async def test_a_grid_cell_being_edited_comes_back_at_its_cell(example: Path) -> None:
    app = _app(example, "grid")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("down", "e")
        await settle(pilot)
        assert isinstance(app.screen, RecordForm)
        app.screen.query_one("#field-action", Input).value = "Zoekt de levertijd op"
        await _until_drafted(pilot, draft_path(example), "Zoekt de levertijd op")
    second = _app(example, "goals")
    async with second.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: dialog_up(second, RecordForm), "the form opens again")
        assert _form_text(second, "action") == "Zoekt de levertijd op"
        await pilot.press("ctrl+s")
        await settle(pilot)
    actions = [plot.action for plot in read_session(example).plots]
    assert "Zoekt de levertijd op" in actions


async def test_a_roadmap_item_being_edited_comes_back_at_its_item(example: Path) -> None:
    app = _app(example, "roadmap")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, SessionScreen)
        view = screen.views["roadmap"]
        assert isinstance(view, RoadmapStep)
        item = list(view.items.values())[2]
        view.select_record(item.id)
        await pilot.pause()
        await pilot.press("e")
        await settle(pilot)
        assert isinstance(app.screen, RecordForm)
        app.screen.query_one("#field-owner", Input).value = "Joris (werkplaats)"
        await _until_drafted(pilot, draft_path(example), "Joris (werkplaats)")
    second = _app(example, "goals")
    async with second.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: dialog_up(second, RecordForm), "the form opens again")
        assert _form_text(second, "owner") == "Joris (werkplaats)"
        assert _form_text(second, "title") == item.title
        await pilot.press("ctrl+s")
        await settle(pilot)
    owners = {record.id: record.owner for record in read_session(example).roadmap}
    assert owners[item.id] == "Joris (werkplaats)"


async def test_an_assessment_note_being_typed_comes_back_at_its_question(
    tmp_path: Path,
) -> None:
    path = new_session(tmp_path, mode="self-assessment", language="nl")
    app = _app(path, "assessment")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("down", "down", "e")
        await settle(pilot)
        assert isinstance(app.screen, RecordForm)
        question = app.screen.form_title
        await fill(pilot, "We vragen nooit om een review")
        await _until_drafted(pilot, draft_path(path), "We vragen nooit om een review")
    second = _app(path, "goals")
    async with second.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: dialog_up(second, RecordForm), "the form opens again")
        assert _form_text(second, "note") == "We vragen nooit om een review"
        assert isinstance(second.screen, RecordForm)
        assert second.screen.form_title == question
        await pilot.press("ctrl+s")
        await settle(pilot)
    notes = [answer.note for answer in read_session(path).assessment]
    assert notes == ["We vragen nooit om een review"]


async def test_a_parking_lot_topic_being_typed_comes_back(example: Path) -> None:
    app = _app(example)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("p")
        await fill(pilot, "Vraag de leverancier")
        await _until_drafted(pilot, draft_path(example), "Vraag de leverancier")
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, ParkingLotModal) is False
        # Escape asks before it throws typed text away; keep editing.
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, ParkingLotModal)
    second = _app(example)
    async with second.run_test(size=SIZE) as pilot:
        await until(
            pilot, lambda: dialog_up(second, ParkingLotModal), "the parking lot opens again"
        )
        assert isinstance(second.screen, ParkingLotModal)
        field = second.screen.query_one("#parking-input", Input)
        assert field.value == "Vraag de leverancier"
        await pilot.press("enter")
        await settle(pilot)
    parked = [note.text for note in read_session(example).parking_lot]
    assert parked[-1] == "Vraag de leverancier"


async def test_a_new_session_being_named_comes_back_on_the_start_screen(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    folder = tmp_path / "sessions"
    folder.mkdir()

    def start() -> WorkshopApp:
        return app_for(folder=folder)

    app = start()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("n")
        await settle(pilot)
        await fill(pilot, "Fietsenmaker Hendriks")
        await _until_drafted(pilot, new_session_draft_path(folder), "Fietsenmaker Hendriks")
    second = start()
    async with second.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: dialog_up(second, NewSessionModal), "the form opens again")
        assert isinstance(second.screen, NewSessionModal)
        assert second.screen.query_one("#title", Input).value == "Fietsenmaker Hendriks"
        await pilot.press("ctrl+s")
        await settle(pilot)
    assert (folder / "fietsenmaker-hendriks.toml").exists()
    assert not new_session_draft_path(folder).exists()


async def test_a_draft_whose_plot_is_gone_is_kept_in_the_parking_lot(example: Path) -> None:
    write_draft(
        example,
        Draft(
            "plotting.pain",
            None,
            None,
            {"text": "Niemand neemt op", "severity": "4"},
            FIXED,
            {"persona": "verdwenen", "touchpoint": "nergens"},
        ),
    )
    app = _app(example)
    async with app.run_test(size=SIZE) as pilot:
        await until(
            pilot, lambda: not draft_path(example).exists(), "the draft goes to the parking lot"
        )
        await settle(pilot)
        assert not isinstance(app.screen, RecordForm)
    parked = [note.text for note in read_session(example).parking_lot]
    assert any("Niemand neemt op" in text for text in parked)
    assert not draft_path(example).exists()
