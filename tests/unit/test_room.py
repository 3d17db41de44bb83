"""The room: joining with the code, notes into the inbox and the session, dots within the budget."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cjworkshop.model import decisions
from cjworkshop.model.room import (
    RATE_BURST,
    Focus,
    Room,
    RoomRefused,
)
from cjworkshop.model.room_notes import (
    NotPlaced,
    accept_into_parking_lot,
    accept_into_plot,
    merge_into_pain_point,
    pain_points_to_merge,
)
from cjworkshop.model.session import Session
from cjworkshop.store.room_inbox import (
    inbox_path,
    known_participants,
    read_inbox,
    write_inbox,
)
from tests.conftest import small_session


class Hall:
    """The owner of the session, as the app is: it commits what the room hands it."""

    def __init__(self, session: Session, focus: Focus | None = None) -> None:
        self.session = session
        self.focus = focus or Focus()
        self.time = 0.0
        self.commits: list[str] = []
        self.room = Room(
            lambda: self.session, self.commit, focus=lambda: self.focus, clock=lambda: self.time
        )

    def commit(self, session: Session, participant: str, item: str) -> None:
        self.session = session
        self.commits.append(f"{participant}:{item}")


@pytest.fixture
def hall(session: Session) -> Hall:
    return Hall(session, Focus("plotting", "sanne", "kassa"))


def test_the_join_code_is_random_long_and_rotates(hall: Hall) -> None:
    room = hall.room
    first = room.code
    assert len(first) >= 16  # 12 random bytes: 96 bits
    assert Hall(small_session()).room.code != first
    anna = room.join(first, "  Anna  ")
    assert anna.name == "Anna"
    second = room.rotate()
    assert second != first
    with pytest.raises(RoomRefused) as refused:
        room.join(first, "Bert")
    assert refused.value.reason == "code"
    assert room.join(second, "anna", anna.token) is anna  # her own token brings her back


@pytest.mark.parametrize(
    ("code", "name", "reason"),
    [
        (None, "Bert", "code"),
        ("wrong", "Bert", "code"),
        ("", "Bert", "code"),
        ("CODE", "", "name"),
        ("CODE", "x" * 61, "name"),
        ("CODE", "Bert\x00", "name"),
        ("CODE", 42, "name"),
        ("CODE", "ANNA", "name_taken"),
    ],
)
def test_joining_is_refused_without_the_code_or_with_a_taken_name(
    hall: Hall, code: object, name: object, reason: str
) -> None:
    room = hall.room
    room.join(room.code, "Anna")
    with pytest.raises(RoomRefused) as refused:
        room.join(room.code if code == "CODE" else code, name)
    assert refused.value.reason == reason
    assert [p.name for p in room.participants.values()] == ["Anna"]


def test_a_name_with_dots_in_the_session_is_taken_unless_its_token_comes_back(
    session: Session,
) -> None:
    hall = Hall(session, Focus("roadmap"))
    room = hall.room
    anna = room.join(room.code, "Anna")
    room.spend(room.code, anna.token, room.items()[0].id, 1)
    later = Room(lambda: hall.session, hall.commit, known=[("Anna", anna.token)])
    with pytest.raises(RoomRefused) as refused:
        later.join(later.code, "anna")
    assert refused.value.reason == "name_taken"
    assert later.join(later.code, "Anna", anna.token).token == anna.token
    fresh = Room(lambda: hall.session, hall.commit)
    with pytest.raises(RoomRefused) as refused:
        fresh.join(fresh.code, "ANNA")  # her dots are in the session: nobody takes them over
    assert refused.value.reason == "name_taken"


def test_a_note_waits_in_the_inbox_with_where_the_facilitator_was(hall: Hall) -> None:
    room = hall.room
    anna = room.join(room.code, "Anna")
    note = room.send(room.code, anna.token, "pain", "  Geen bonnetje  ", 4)
    assert (note.participant, note.kind, note.text, note.severity) == (
        "Anna",
        "pain",
        "Geen bonnetje",
        4,
    )
    assert (note.step, note.persona, note.touchpoint) == ("plotting", "sanne", "kassa")
    assert list(room.inbox) == [note.id]
    assert room.own_notes(anna) == [(note, "waiting")]


@pytest.mark.parametrize(
    ("kind", "text", "severity", "reason"),
    [
        ("pain", "x" * 501, None, "too_long"),
        ("pain", "   ", None, "text"),
        ("pain", "ok", 6, "severity"),
        ("pain", "ok", "3", "severity"),
        ("idea", "ok", 3, "severity"),
        ("../../etc/passwd", "ok", None, "kind"),
        ("pain", ["a list"], None, "text"),
    ],
)
def test_a_bad_note_is_refused_and_changes_nothing(
    hall: Hall, kind: object, text: object, severity: object, reason: str
) -> None:
    room = hall.room
    anna = room.join(room.code, "Anna")
    with pytest.raises(RoomRefused) as refused:
        room.send(room.code, anna.token, kind, text, severity)
    assert refused.value.reason == reason
    assert room.inbox == {}


def test_nobody_sends_in_another_s_name_or_without_the_code(hall: Hall) -> None:
    room = hall.room
    room.join(room.code, "Anna")
    for code, token, reason in [
        (room.code, "forged", "token"),
        (room.code, None, "token"),
        ("wrong", "forged", "code"),
    ]:
        with pytest.raises(RoomRefused) as refused:
            room.send(code, token, "idea", "hallo")
        assert refused.value.reason == reason
    room.close()
    anna = next(iter(room.participants.values()))
    with pytest.raises(RoomRefused) as refused:
        room.send(room.code, anna.token, "idea", "hallo")
    assert refused.value.reason == "closed"
    assert room.inbox == {}


def test_a_flood_is_stopped_and_the_allowance_comes_back(hall: Hall) -> None:
    room = hall.room
    anna = room.join(room.code, "Anna")
    for number in range(RATE_BURST):
        room.send(room.code, anna.token, "thought", f"nummer {number}")
    with pytest.raises(RoomRefused) as refused:
        room.send(room.code, anna.token, "thought", "een te veel")
    assert refused.value.reason == "rate"
    assert len(room.inbox) == RATE_BURST
    hall.time += 2
    room.send(room.code, anna.token, "thought", "weer mogen")
    assert len(room.inbox) == RATE_BURST + 1


def test_notes_are_for_the_steps_that_take_them(hall: Hall) -> None:
    room = hall.room
    anna = room.join(room.code, "Anna")
    hall.focus = Focus("roadmap")
    with pytest.raises(RoomRefused) as refused:
        room.send(room.code, anna.token, "idea", "hallo")
    assert refused.value.reason == "step"
    hall.focus = Focus("plotting", "sanne", "kassa")
    item = room.items()[0]
    with pytest.raises(RoomRefused) as refused:
        room.spend(room.code, anna.token, item.id, 1)
    assert refused.value.reason == "step"


def test_accepted_notes_become_the_same_edits_as_typed_input(hall: Hall) -> None:
    room = hall.room
    anna = room.join(room.code, "Anna")
    pain = room.send(room.code, anna.token, "pain", "Geen bonnetje", 3)
    idea = room.send(room.code, anna.token, "idea", "Bon per mail")
    thought = room.send(room.code, anna.token, "thought", "Waar is mijn bon?")
    topic = room.send(room.code, anna.token, "parking", "Openingstijden")
    session = hall.session
    for note in (pain, idea, thought, topic):
        session = accept_into_plot(session, note)
    plot = next(p for p in session.plots if (p.persona, p.touchpoint) == ("sanne", "kassa"))
    assert [(p.text, p.severity) for p in plot.pain_points] == [("Geen bonnetje", 3)]
    assert [o.text for o in plot.opportunities] == ["Bon per mail"]
    assert plot.thought == "Snel!\nWaar is mijn bon?"
    assert [n.text for n in session.parking_lot] == ["Openingstijden"]
    parked = accept_into_parking_lot(hall.session, pain)
    assert [n.text for n in parked.parking_lot] == ["Geen bonnetje"]


def test_a_pain_point_note_merges_with_one_the_plot_has(session: Session) -> None:
    hall = Hall(session, Focus("plotting", "piet", "kassa"))
    anna = hall.room.join(hall.room.code, "Anna")
    note = hall.room.send(hall.room.code, anna.token, "pain", "Kan niet pinnen", 3)
    assert [p.text for p in pain_points_to_merge(session, note)] == ["Geen pin"]
    merged = merge_into_pain_point(session, note, 0)
    plot = next(p for p in merged.plots if (p.persona, p.touchpoint) == ("piet", "kassa"))
    assert [(p.text, p.severity) for p in plot.pain_points] == [("Geen pin", 5)]
    worse = hall.room.send(hall.room.code, anna.token, "pain", "Nooit pinnen", None)
    assert merge_into_pain_point(session, worse, 0) == session  # 5 stays 5
    idea = hall.room.send(hall.room.code, anna.token, "idea", "Pinautomaat")
    assert pain_points_to_merge(session, idea) == ()
    with pytest.raises(NotPlaced):
        merge_into_pain_point(session, note, 3)


def test_a_note_without_a_place_goes_only_to_the_parking_lot(session: Session) -> None:
    hall = Hall(session, Focus("personas", "sanne", None))
    anna = hall.room.join(hall.room.code, "Anna")
    note = hall.room.send(hall.room.code, anna.token, "pain", "Te duur")
    with pytest.raises(NotPlaced):
        accept_into_plot(session, note)
    long = hall.room.send(hall.room.code, anna.token, "parking", "woord " * 80)
    parked = accept_into_parking_lot(session, long)
    assert len(parked.parking_lot[-1].text) <= 200


def test_dots_count_at_once_within_the_budget(session: Session) -> None:
    hall = Hall(session, Focus("roadmap"))
    room = hall.room
    anna = room.join(room.code, "Anna")
    item = room.items()[0]
    budget = session.dots_per_participant
    for left in range(budget - 1, -1, -1):
        assert room.spend(room.code, anna.token, item.id, 1) == left
    with pytest.raises(RoomRefused) as refused:
        room.spend(room.code, anna.token, item.id, 1)
    assert refused.value.reason == "budget"
    assert decisions.dots_spent(hall.session, "Anna") == budget
    assert room.spend(room.code, anna.token, item.id, -1) == 1
    for item_id, delta in [("../secrets", 1), (item.id, 5), (item.id, True)]:
        with pytest.raises(RoomRefused):
            room.spend(room.code, anna.token, item_id, delta)
    assert decisions.dots_spent(hall.session, "Anna") == budget - 1
    assert hall.commits[0] == f"Anna:{item.title}"


def test_waiting_notes_are_kept_beside_the_session(tmp_path: Path, hall: Hall) -> None:
    room = hall.room
    anna = room.join(room.code, "Anna")
    room.send(room.code, anna.token, "pain", "Geen <b>bon</b>", 2)
    session_path = tmp_path / "bakkerij.toml"
    session_path.write_text("")
    write_inbox(session_path, room.inbox.values())
    assert inbox_path(session_path).name == ".bakkerij.toml.room"
    assert read_inbox(session_path) == tuple(room.inbox.values())
    again = Room(lambda: hall.session, hall.commit, waiting=read_inbox(session_path))
    assert list(again.inbox) == list(room.inbox)
    write_inbox(session_path, (), [("Anna", anna.token)])
    assert known_participants(session_path) == (("Anna", anna.token),)
    assert read_inbox(session_path) == ()
    write_inbox(session_path, ())
    assert not inbox_path(session_path).exists()
    inbox_path(session_path).write_text("not json")
    assert read_inbox(session_path) == ()


actions = st.lists(
    st.tuples(
        st.sampled_from(["send", "dot", "undot", "accept", "park", "reject", "tick"]),
        st.integers(0, 3),
        st.integers(0, 6),
    ),
    max_size=80,
)


@settings(max_examples=60, deadline=None)
@given(actions)
def test_no_budget_is_ever_exceeded_and_no_note_lost_or_doubled(
    steps: list[tuple[str, int, int]],
) -> None:
    hall = Hall(small_session(), Focus(None, "sanne", "kassa"))
    room = hall.room
    people = [room.join(room.code, name) for name in ("Anna", "Bert", "Cor", "Dien")]
    sent: list[str] = []
    handled: list[str] = []
    reasons: set[str] = set()
    for action, who, which in steps:
        person = people[who]
        try:
            if action == "send":
                sent.append(room.send(room.code, person.token, "idea", f"idee {which}").id)
            elif action in ("dot", "undot"):
                items = room.items()
                item = items[which % len(items)]
                room.spend(room.code, person.token, item.id, 1 if action == "dot" else -1)
            elif action == "tick":
                hall.time += which
            elif room.inbox:
                note = list(room.inbox.values())[which % len(room.inbox)]
                if action == "accept":
                    hall.session = accept_into_plot(hall.session, note)
                room.handled(note.id, "accepted" if action == "accept" else "rejected")
                handled.append(note.id)
        except RoomRefused as refused:
            reasons.add(refused.reason)
        for person_ in people:
            assert decisions.dots_spent(hall.session, person_.name) <= 5
        assert len(set(sent)) == len(sent)
        assert sorted([*room.inbox, *handled]) == sorted(sent)
    assert reasons <= {"budget", "none", "rate"}
