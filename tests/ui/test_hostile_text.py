"""What people type is shown as typed: brackets are text, never markup that hides or crashes.

Textual and Rich read a plain ``str`` as markup in tables, labels, option lists and
notifications. A persona called ``Prijs [/incl btw]`` once stopped the plotting step with a
markup error, and ``[bold]vet[/bold]`` lost its brackets. Every step is visited here with such
names everywhere a name can go.
"""

from __future__ import annotations

from pathlib import Path

from textual.widgets import DataTable, Static

from cjworkshop.model import edits
from cjworkshop.model.session import (
    Goal,
    Opportunity,
    PainPoint,
    Persona,
    Phase,
    Plot,
    Session,
    Touchpoint,
)
from cjworkshop.store.session_file import read_session, save_session
from cjworkshop.ui.screens.session import SessionScreen
from cjworkshop.ui.widgets.journey_grid import JourneyGrid
from tests.ui.conftest import app_for, new_session
from tests.ui.helpers import settle, shown_text, table_rows

NAMES = ("Prijs [/incl btw]", "[bold]vet[/bold]", "[@click=app.quit]klik[/]", "[red]rood")


def hostile(session: Session) -> Session:
    """Every name in the session a bracketed one, plotted with pain points and ideas."""
    session, phase = edits.add_phase(session, Phase(id="", name="Fase [/x]"))
    for text in NAMES:
        session, _ = edits.add_goal(session, Goal(id="", what=text, why=text, measure=text))
        session, persona = edits.add_persona(
            session, Persona(id="", name=text, description=text, needs=text)
        )
        session, touchpoint = edits.add_touchpoint(
            session, Touchpoint(id="", phase=phase, name=text, channel="web", owner=text)
        )
        plot = Plot(
            persona=persona,
            touchpoint=touchpoint,
            emotion=-2,
            action=text,
            thought=text,
            pain_points=(PainPoint(text=text, severity=4),),
            opportunities=(Opportunity(text=text),),
            moment_of_truth=True,
        )
        session = edits.set_plot(session, plot)
        session = edits.add_parking_note(session, text)
    return session


def cells(table: DataTable[object]) -> str:
    return "\n".join(" | ".join(row) for row in table_rows(table))


async def test_every_step_shows_bracketed_names_as_typed(workdir: Path) -> None:
    path = new_session(workdir / "sessions", title="Bakkerij [/x]", template="five-phases")
    save_session(path, hostile(read_session(path)))
    app = app_for(path)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, SessionScreen)
        goals = cells(screen.query_one("#goals-table", DataTable))
        assert all(name in goals for name in NAMES), goals
        # Deleting one says so in a notification that quotes its name.
        await pilot.press("d")
        await settle(pilot)
        assert app.is_running
        toasts = " ".join(str(toast.render()) for toast in app.screen.query("Toast"))
        assert "Prijs [/incl btw]" in toasts, toasts
        await pilot.press("ctrl+z")
        await settle(pilot)
        shown: dict[str, str] = {}
        for step, part in (
            ("personas", "#personas-table"),
            ("touchpoints", "#touchpoints-table"),
            ("plotting", "#walk-touchpoint"),
            ("grid", "#grid-table"),
            ("review", "#review-pains"),
            ("roadmap", "#roadmap-table"),
        ):
            screen.go_to(step)  # type: ignore[arg-type]
            await settle(pilot)
            assert app.is_running, f"the app stopped on the {step} step"
            widget = screen.query_one(part)
            if isinstance(widget, JourneyGrid):
                shown[step] = "\n".join(" | ".join(row) for row in widget.row_texts())
            elif isinstance(widget, DataTable):
                shown[step] = cells(widget)
            else:
                shown[step] = shown_text(widget)  # type: ignore[arg-type]
        assert all(name in shown["personas"] for name in NAMES), shown["personas"]
        assert all(name in shown["touchpoints"] for name in NAMES), shown["touchpoints"]
        assert "Fase [/x]" in shown["plotting"]
        assert any(name in shown["plotting"] for name in NAMES), shown["plotting"]
        grid = screen.query_one("#grid-table", JourneyGrid)
        headers = [column.label.plain for column in grid.columns]
        assert {"Prijs [/incl btw]", "[red]rood"} <= set(headers), "whole names, as typed"
        assert "Prijs [/incl btw]" in shown["grid"]
        assert "[bold]vet[/bold]" in shown["review"], shown["review"]
        assert "[@click=app.quit]klik[/]" in shown["roadmap"], shown["roadmap"]
        await pilot.press("p")
        await settle(pilot)
        assert app.is_running
    assert [goal.what for goal in read_session(path).goals][-4:] == list(NAMES)


async def test_a_self_assessment_with_a_bracketed_phase_name_opens(workdir: Path) -> None:
    path = new_session(workdir / "sessions", template="five-phases", mode="self-assessment")
    session = read_session(path)
    first = session.phases[0]
    renamed = edits.update_phase(session, Phase(id=first.id, name="[/b] Oriëntatie"))
    save_session(path, renamed)
    app = app_for(path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, SessionScreen)
        screen.go_to("assessment")
        await settle(pilot)
        assert "[/b] Oriëntatie" in shown_text(screen.query_one("#assessment-scores", Static))
