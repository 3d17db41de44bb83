"""Edits keep a session consistent and in canonical order; history undoes them exactly."""

from __future__ import annotations

import pytest
from msgspec.structs import replace

from cjworkshop.model import edits
from cjworkshop.model.history import History
from cjworkshop.model.ids import slugify, text_key, unique_id
from cjworkshop.model.session import Goal, Persona, Phase, Plot, Session, Touchpoint


def test_ids_are_readable_and_unique() -> None:
    assert slugify("Oriëntatie & zoeken") == "orientatie-zoeken"
    assert slugify("😀") == "item"
    assert unique_id("Sanne", ["sanne", "sanne-2"]) == "sanne-3"
    assert text_key("Levertijd  onduidelijk!") == text_key("levertijd onduidelijk")


def test_added_goal_gets_an_id_from_its_text(session: Session) -> None:
    changed, goal_id = edits.add_goal(session, Goal(id="", what="Meer vaste klanten"))
    assert goal_id == "meer-vaste-klanten-2"
    assert changed.goals[-1].what == "Meer vaste klanten"


def test_renaming_keeps_the_id(session: Session) -> None:
    renamed = edits.update_persona(session, replace(session.personas[0], name="Sanne de Vries"))
    assert renamed.personas[0].id == "sanne"
    assert [plot.persona for plot in renamed.plots].count("sanne") == 2


def test_deleting_a_persona_deletes_its_plots(session: Session) -> None:
    changed = edits.delete_persona(session, "piet")
    assert [p.id for p in changed.personas] == ["sanne"]
    assert {plot.persona for plot in changed.plots} == {"sanne"}


def test_deleting_a_touchpoint_deletes_what_was_plotted_there(session: Session) -> None:
    changed = edits.delete_touchpoint(session, "kassa")
    assert all(plot.touchpoint != "kassa" for plot in changed.plots)


def test_deleting_a_phase_takes_its_touchpoints_along(session: Session) -> None:
    changed = edits.delete_phase(session, "awareness")
    assert [tp.id for tp in changed.touchpoints] == ["kassa", "buren"]
    assert {plot.touchpoint for plot in changed.plots} == {"kassa"}


def test_new_touchpoint_lands_at_the_end_of_its_phase(session: Session) -> None:
    changed, new_id = edits.add_touchpoint(
        session, Touchpoint(id="", phase="awareness", name="Instagram", channel="social")
    )
    assert [tp.id for tp in changed.touchpoints] == ["google", "reviews", new_id, "kassa", "buren"]


def test_moving_a_touchpoint_to_another_phase(session: Session) -> None:
    moved = replace(session.touchpoints[0], phase="advocacy")
    changed = edits.update_touchpoint(session, moved)
    assert [tp.id for tp in changed.touchpoints] == ["reviews", "kassa", "buren", "google"]
    # Plots follow the new journey order: Sanne's Google plot now comes after her Kassa plot.
    assert [(p.persona, p.touchpoint) for p in changed.plots][:2] == [
        ("sanne", "kassa"),
        ("sanne", "google"),
    ]


def test_reordering_stays_within_the_phase(session: Session) -> None:
    up = edits.move_touchpoint(session, "reviews", -5)
    assert [tp.id for tp in up.touchpoints][:2] == ["reviews", "google"]
    down = edits.move_touchpoint(session, "kassa", +3)
    assert [tp.id for tp in down.touchpoints] == [tp.id for tp in session.touchpoints]


def test_moving_a_phase_reorders_its_touchpoints(session: Session) -> None:
    changed = edits.move_phase(session, "advocacy", -2)
    assert [p.id for p in changed.phases] == ["advocacy", "awareness", "purchase"]
    assert [tp.id for tp in changed.touchpoints] == ["buren", "google", "reviews", "kassa"]


def test_set_plot_replaces_and_keeps_canonical_order(session: Session) -> None:
    changed = edits.set_plot(session, Plot(persona="sanne", touchpoint="reviews", emotion=1))
    assert [(p.persona, p.touchpoint) for p in changed.plots] == [
        ("sanne", "google"),
        ("sanne", "reviews"),
        ("sanne", "kassa"),
        ("piet", "google"),
        ("piet", "kassa"),
    ]
    again = edits.set_plot(changed, Plot(persona="sanne", touchpoint="reviews", emotion=-1))
    assert len(again.plots) == 5
    assert again.plots[1].emotion == -1


def test_set_plot_refuses_unknown_references(session: Session) -> None:
    with pytest.raises(edits.UnknownItem):
        edits.set_plot(session, Plot(persona="klaas", touchpoint="google"))


def test_duplicate_persona_copies_the_profile_not_the_plots(session: Session) -> None:
    changed, copy_id = edits.duplicate_persona(session, "sanne", "Sanne (kopie)")
    assert [p.id for p in changed.personas] == ["sanne", copy_id, "piet"]
    assert changed.personas[1].description == "Jonge moeder"
    assert all(plot.persona != copy_id for plot in changed.plots)


def test_add_phase_and_persona(session: Session) -> None:
    changed, phase_id = edits.add_phase(session, Phase(id="", name="Levering"))
    assert phase_id == "levering"
    changed, persona_id = edits.add_persona(changed, Persona(id="", name="Piet"))
    assert persona_id == "piet-2"


def test_history_undoes_and_redoes_exactly(session: Session) -> None:
    history = History(session)
    first, _ = edits.add_goal(session, Goal(id="", what="Sneller leveren"))
    history.commit(first, "Add goal")
    second = edits.delete_persona(first, "piet")
    history.commit(second, "Delete persona")
    assert history.undo() == "Delete persona"
    assert history.current == first
    assert history.undo() == "Add goal"
    assert history.current == session
    assert history.undo() is None
    assert history.redo() == "Add goal"
    history.commit(edits.delete_goal(history.current, "sneller-leveren"), "Delete goal")
    assert not history.can_redo
    assert history.current == session
