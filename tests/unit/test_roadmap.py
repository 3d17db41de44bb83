"""Roadmap scoring on the crafted session of test_review, every number worked out by hand."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st
from msgspec.structs import replace

from cjworkshop.export.explain import merge_note
from cjworkshop.i18n import translator
from cjworkshop.model import edits
from cjworkshop.model.decisions import (
    VoteRefused,
    decide,
    merge,
    merge_report,
    participants,
    vote,
)
from cjworkshop.model.roadmap import RankedItem, orphaned, roadmap
from cjworkshop.model.session import (
    STATUSES,
    Answer,
    Horizon,
    Opportunity,
    PainPoint,
    Persona,
    Phase,
    Plot,
    RoadmapItem,
    Session,
    Status,
    Touchpoint,
    Vote,
)
from cjworkshop.model.template import ChecklistText
from tests.unit.test_review import crafted

TODAY = dt.date(2026, 11, 22)


def by_title(items: list[RankedItem]) -> dict[str, RankedItem]:
    return {item.title: item for item in items}


def test_scores_and_ranks_follow_the_documented_formula() -> None:
    items = roadmap(crafted())
    # Slow site: severity 4 x 2 personas x weight 1.5 x feeling 1 + 1.5/4 = 1.375 -> 16.5;
    #   effort unset counts as 3 -> score 5.5.
    # Faster pages (an opportunity at the same plots): severity 4 from the pain points there,
    #   same personas, weight and feeling -> 16.5 and 5.5; the tie goes by id.
    # No tracking: 5 x 2 x 1.5 (it also occurs in First) x feeling 1 + (1/3)/4 = 1.083 (shown
    #   to three decimals) = 16.245 -> 16.2; 16.2 / 3 = 5.4.
    # Rude driver: 5 x 1 x 1.0 x 1.5 = 7.5 -> 2.5.
    assert [(i.title, i.factors.impact, i.factors.score, i.horizon) for i in items] == [
        ("Slow site", 16.5, 5.5, "now"),
        ("Faster pages", 16.5, 5.5, "now"),
        ("No tracking", 16.2, 5.4, "now"),
        ("Rude driver", 7.5, 2.5, "next"),
    ]
    slow = items[0]
    assert slow.id == "fix-slow-site"
    assert (slow.factors.severity, slow.factors.personas, slow.factors.weight) == (4, 2, 1.5)
    assert (slow.factors.average_emotion, slow.factors.feeling) == (-1.5, 1.375)
    assert not slow.factors.effort_set
    assert slow.quadrant is None


def test_effort_reranks_and_places_in_a_quadrant() -> None:
    session = crafted()
    rude = by_title(roadmap(session))["Rude driver"]
    session = decide(session, rude, TODAY, effort=1, owner="Logistics")
    items = roadmap(session)
    first = items[0]
    assert (first.title, first.factors.score, first.factors.effort, first.owner) == (
        "Rude driver",
        7.5,
        1,
        "Logistics",
    )
    # Impact 7.5 is below half the highest impact (16.5 / 2), effort 1 is low: a fill-in.
    assert first.quadrant == "fill-in"
    assert first.decision is not None
    assert first.decision.reviewed == TODAY
    # Every score is now at least two thirds of the top score 7.5, so all are Now.
    assert {item.horizon for item in items} == {"now"}


def test_dot_votes_raise_impact_by_a_tenth_each_within_the_budget() -> None:
    session = replace(crafted(), dots_per_participant=3)
    tracking = by_title(roadmap(session))["No tracking"]
    session = vote(session, tracking, "Eva", 2)
    item = by_title(roadmap(session))["No tracking"]
    # 16.25 x 1.2 = 19.5 -> score 6.5, now the highest.
    assert (item.factors.dots, item.factors.impact, item.factors.score, item.rank) == (
        2,
        19.5,
        6.5,
        1,
    )
    with pytest.raises(VoteRefused):
        vote(session, item, "Eva", 2)
    session = vote(session, item, "Eva", -2)
    assert session.votes == ()


def test_horizon_override_sticks_and_is_marked() -> None:
    session = crafted()
    rude = by_title(roadmap(session))["Rude driver"]
    session = decide(session, rude, TODAY, horizon="now")
    item = by_title(roadmap(session))["Rude driver"]
    assert (item.horizon, item.horizon_overridden) == ("now", True)
    session = decide(session, item, TODAY, horizon=None)
    assert by_title(roadmap(session))["Rude driver"].horizon == "next"


def test_merging_combines_evidence_votes_and_decisions() -> None:
    session = crafted()
    items = by_title(roadmap(session))
    session = vote(session, items["Faster pages"], "Eva", 1)
    session = decide(session, items["Faster pages"], TODAY, owner="Web team")
    items = by_title(roadmap(session))
    session = merge(session, items["Slow site"], items["Faster pages"], TODAY)
    merged = by_title(roadmap(session))["Slow site"]
    assert merged.sources == ("pain:slow-site", "opportunity:faster-pages")
    assert merged.owner == "Web team"
    assert merged.factors.dots == 1
    assert "Faster pages" not in by_title(roadmap(session))


def test_merging_keeps_every_decision_of_both_items_and_says_what_it_chose() -> None:
    session = crafted()
    items = by_title(roadmap(session))
    session = decide(session, items["Faster pages"], TODAY, status="doing", effort=2)
    session = decide(session, items["Faster pages"], TODAY, owner="Web team", note="Ask Bob")
    session = decide(session, items["Faster pages"], TODAY, horizon="later")
    session = decide(session, items["Slow site"], TODAY, status="dropped", effort=4)
    session = decide(session, items["Slow site"], TODAY, owner="Ops", title="The site is slow")
    session = decide(session, items["Slow site"], TODAY, horizon="next", note="Hosting?")
    items = by_title(roadmap(session))
    keep, absorb = items["The site is slow"], items["Faster pages"]
    report = merge_report(session, keep, absorb)
    remark = merge_note(translator("en"), report)
    merged_session = merge(session, keep, absorb, TODAY, remark=remark)
    merged = by_title(roadmap(merged_session))["The site is slow"]
    decision = merged.decision
    assert decision is not None
    # Doing beats dropped (someone is working on it after all), the larger effort and the
    # sooner horizon win, both owners stay, both notes stay and the choices are spelt out.
    assert (decision.status, decision.effort, decision.horizon) == ("doing", 4, "next")
    assert decision.owner == "Ops, Web team"
    assert decision.note.splitlines() == [
        "Hosting?",
        "Ask Bob",
        "Merged with “Faster pages”. Where the two differed: status doing (“The site is slow”"
        " was dropped), effort 4 (“Faster pages” had 2), horizon Next (“Faster pages” had Later).",
    ]
    dutch = merge_note(translator("nl"), report)
    assert dutch.startswith("Samengevoegd met “Faster pages”. Waar de twee verschilden: status")
    assert "moeite 4 (“Faster pages” had 2)" in dutch
    assert "horizon Straks (“Faster pages” had Later)" in dutch


def test_a_merge_of_one_decided_item_takes_its_decisions_without_remarks() -> None:
    session = crafted()
    items = by_title(roadmap(session))
    session = decide(session, items["Faster pages"], TODAY, status="doing", effort=2)
    items = by_title(roadmap(session))
    report = merge_report(session, items["Slow site"], items["Faster pages"])
    assert report.set_aside == ()
    session = merge(session, items["Slow site"], items["Faster pages"], TODAY)
    merged = by_title(roadmap(session))["Slow site"]
    assert (merged.status, merged.factors.effort) == ("doing", 2)


def test_done_beats_doing_and_a_typed_title_beats_a_generated_one() -> None:
    session = crafted()
    items = by_title(roadmap(session))
    session = decide(session, items["Slow site"], TODAY, status="doing")
    session = decide(session, items["Faster pages"], TODAY, status="done", title="Speed up")
    items = by_title(roadmap(session))
    session = merge(session, items["Slow site"], items["Speed up"], TODAY)
    (merged,) = [item for item in roadmap(session) if "pain:slow-site" in item.sources]
    assert (merged.title, merged.status) == ("Speed up", "done")


def overlapping() -> Session:
    """A pain point at three plots and an idea at two, one plot shared: −2, −2, −1 and −2."""
    session = crafted()
    anna, bob, cas = session.personas
    return replace(
        session,
        personas=(anna, bob, cas, Persona(id="dana", name="Dana")),
        touchpoints=(Touchpoint(id="t1", phase="p1", name="Site"),),
        plots=(
            Plot(
                persona="anna",
                touchpoint="t1",
                emotion=-2,
                pain_points=(PainPoint(text="Slow site", severity=4),),
                opportunities=(Opportunity(text="Faster pages"),),
            ),
            Plot(
                persona="bob",
                touchpoint="t1",
                emotion=-2,
                pain_points=(PainPoint(text="Slow site", severity=4),),
            ),
            Plot(
                persona="cas",
                touchpoint="t1",
                emotion=-1,
                pain_points=(PainPoint(text="Slow site", severity=4),),
            ),
            Plot(
                persona="dana",
                touchpoint="t1",
                emotion=-2,
                opportunities=(Opportunity(text="Faster pages"),),
            ),
        ),
    )


def test_a_plot_two_sources_of_an_item_share_counts_once_in_its_feeling() -> None:
    session = overlapping()
    items = by_title(roadmap(session))
    session = merge(session, items["Slow site"], items["Faster pages"], TODAY)
    merged = by_title(roadmap(session))["Slow site"]
    # Four plots: (−2 − 2 − 1 − 2) / 4 = −1.75, so 1 + 1.75 / 4 = 1.4375, shown as 1.438;
    # counting Anna's plot twice would say −1.8.
    assert merged.factors.average_emotion == -1.75
    assert merged.factors.feeling == 1.438
    assert merged.factors.personas == 4


def test_one_pain_point_written_twice_at_a_plot_counts_that_plot_once() -> None:
    session = overlapping()
    first, *others = session.plots
    twice = replace(
        first, pain_points=(PainPoint(text="Slow site", severity=4), PainPoint(text="slow site!"))
    )
    session = replace(session, plots=(twice, *others))
    slow = by_title(roadmap(session))["Slow site"]
    # Anna −2, Bob −2, Cas −1: −5 / 3 = −1.67, not −7 / 4.
    assert slow.factors.average_emotion == -1.67


decided_status = st.sampled_from(STATUSES)
decided_effort = st.none() | st.integers(1, 5)
decided_owner = st.sampled_from(["", "Web team", "Ops", "web team"])
decided_horizon: st.SearchStrategy[Horizon | None] = st.sampled_from([None, "now", "next", "later"])
dots = st.lists(st.tuples(st.sampled_from(["Eva", "Jo"]), st.integers(1, 2)), max_size=3)


@given(
    statuses=st.tuples(decided_status, decided_status),
    efforts=st.tuples(decided_effort, decided_effort),
    owners=st.tuples(decided_owner, decided_owner),
    horizons=st.tuples(decided_horizon, decided_horizon),
    notes=st.tuples(st.sampled_from(["", "a note"]), st.sampled_from(["", "another note"])),
    votes=st.tuples(dots, dots),
)
def test_a_merge_never_loses_a_decision_or_a_dot(
    statuses: tuple[Status, Status],
    efforts: tuple[int | None, int | None],
    owners: tuple[str, str],
    horizons: tuple[Horizon | None, Horizon | None],
    notes: tuple[str, str],
    votes: tuple[list[tuple[str, int]], list[tuple[str, int]]],
) -> None:
    session = replace(crafted(), dots_per_participant=100)
    for title, status, effort, owner, horizon, note, given_dots in zip(
        ("Slow site", "Rude driver"), statuses, efforts, owners, horizons, notes, votes, strict=True
    ):
        item = by_title(roadmap(session))[title]
        session = decide(
            session,
            item,
            TODAY,
            status=status,
            effort=effort,
            owner=owner,
            horizon=horizon,
            note=note,
        )
        for participant, count in given_dots:
            session = vote(session, by_title(roadmap(session))[title], participant, count)
    before = {
        name: sum(v.dots for v in session.votes if v.participant == name) for name in ("Eva", "Jo")
    }
    items = by_title(roadmap(session))
    keep, absorb = items["Slow site"], items["Rude driver"]
    report = merge_report(session, keep, absorb)
    session = merge(session, keep, absorb, TODAY, remark=merge_note(translator("en"), report))
    (merged,) = [d for d in session.roadmap if d.id == keep.id]
    assert not [d for d in session.roadmap if d.id == absorb.id]
    assert set(merged.sources) == {*keep.sources, *absorb.sources}
    set_aside = {(choice.field, choice.other) for choice in report.set_aside}
    # Every status, effort and horizon that was set is kept, or the note says it gave way.
    for status in statuses:
        assert status == "open" or status == merged.status or ("status", status) in set_aside
    for effort in efforts:
        assert effort is None or effort == merged.effort or ("effort", effort) in set_aside
    for horizon in horizons:
        assert horizon is None or horizon == merged.horizon or ("horizon", horizon) in set_aside
    if any(e is not None for e in efforts):
        assert merged.effort == max(e for e in efforts if e is not None)
    for owner in owners:
        assert owner.casefold() in merged.owner.casefold()
    for note in notes:
        assert note in merged.note
    for choice in report.set_aside:
        assert f"{choice.field} " in merged.note
    after = {
        name: sum(v.dots for v in session.votes if v.participant == name) for name in ("Eva", "Jo")
    }
    assert after == before
    assert all(v.item != absorb.id for v in session.votes)
    assert set(participants(session)) <= {"Eva", "Jo"}


def test_regenerating_after_edits_keeps_the_rooms_decisions() -> None:
    session = crafted()
    slow = by_title(roadmap(session))["Slow site"]
    session = decide(session, slow, TODAY, effort=2, owner="Web team", status="doing")
    # The map changes: a new pain point elsewhere, Cas now also finds the site slow.
    session = edits.set_plot(
        session,
        Plot(
            persona="cas",
            touchpoint="t2",
            emotion=-1,
            pain_points=(
                PainPoint(text="Slow site", severity=5),
                PainPoint(text="No parking", severity=2),
            ),
        ),
    )
    item = by_title(roadmap(session))["Slow site"]
    assert (item.factors.effort, item.owner, item.status) == (2, "Web team", "doing")
    assert item.factors.personas == 3
    assert item.factors.severity == 5
    assert "No parking" in by_title(roadmap(session))


def test_done_items_go_last_and_a_solved_pain_leaves_an_orphan() -> None:
    session = crafted()
    rude = by_title(roadmap(session))["Rude driver"]
    session = decide(session, rude, TODAY, status="done")
    assert roadmap(session)[-1].title == "Rude driver"
    cas_t3 = next(p for p in session.plots if (p.persona, p.touchpoint) == ("cas", "t3"))
    session = edits.set_plot(session, replace(cas_t3, pain_points=cas_t3.pain_points[:1]))
    assert [item.id for item in orphaned(session)] == ["fix-rude-driver"]


def test_weak_self_assessment_answers_become_items() -> None:
    session = replace(
        crafted(),
        assessment=(
            Answer(question="p1.found", score=1),
            Answer(question="p1.reviews", score=5),
            Answer(question="p2.delivery", score=4),
            Answer(question="p2.payment", not_applicable=True),
        ),
    )
    asked = ChecklistText("How well do people find you?", "Get found by what you sell")
    items = [i for i in roadmap(session, {"p1.found": asked}) if i.id.startswith("check-")]
    # An answer's feeling is 1, whatever the rest of its phase scored: "found" is severity
    # 5 x 3 personas x weight 1.5 = 22.5; "delivery" 2 x 3 x 1.0 = 6. The item is titled by
    # the question's action; an answer to a question the template lacks, by its key.
    assert [(i.title, i.factors.impact, i.factors.feeling) for i in items] == [
        ("Get found by what you sell", 22.5, 1.0),
        ("p2.delivery", 6.0, 1.0),
    ]
    assert items[0].evidence[0].question == "How well do people find you?"


def test_a_phase_answered_all_ones_ranks_above_one_answered_all_fours() -> None:
    session = replace(
        crafted(),
        assessment=tuple(Answer(question=f"p1.q{n}", score=4) for n in range(3))
        + tuple(Answer(question=f"p2.q{n}", score=1) for n in range(3))
        + (Answer(question="p2.extra", not_applicable=True),),
    )
    checks = [i for i in roadmap(session) if i.id.startswith("check-")]
    phases = [i.evidence[0].phases[0] for i in checks]
    assert phases == ["p2", "p2", "p2", "p1", "p1", "p1"]


def _plots(session: Session) -> int:
    return len(session.plots)


@st.composite
def answered(draw: st.DrawFn) -> Session:
    """A self-assessment of up to eight answers over three phases of drawn weights, some of
    them with an effort or dots decided, beside the pain points of the crafted journey."""
    weights = draw(st.lists(st.sampled_from([0.5, 1.0, 1.5]), min_size=3, max_size=3))
    phases = tuple(
        Phase(id=f"a{n}", name=f"A{n}", weight=weight) for n, weight in enumerate(weights)
    )
    answers = draw(
        st.lists(
            st.tuples(st.sampled_from([p.id for p in phases]), st.integers(1, 5)),
            min_size=2,
            max_size=8,
        )
    )
    given_answers = tuple(
        Answer(question=f"{phase}.q{n}", score=score) for n, (phase, score) in enumerate(answers)
    )
    decided, votes = [], []
    for n, answer in enumerate(given_answers):
        effort = draw(st.none() | st.integers(1, 5))
        dots = draw(st.sampled_from([0, 0, 2]))
        if effort is None and not dots:
            continue
        decided.append(
            RoadmapItem(id=f"check-{n}", sources=(f"assessment:{answer.question}",), effort=effort)
        )
        if dots:
            votes.append(Vote(participant="Owner", item=f"check-{n}", dots=dots))
    base = crafted()
    return replace(
        base,
        mode="self-assessment",
        phases=(*base.phases, *phases),
        assessment=given_answers,
        roadmap=tuple(decided),
        votes=tuple(votes),
    )


@given(answered())
def test_a_lower_answer_never_ranks_below_a_higher_one_of_equal_weight_effort_and_dots(
    session: Session,
) -> None:
    items = [i for i in roadmap(session) if all(e.answer is not None for e in i.evidence)]
    for low in items:
        for high in items:
            same = (
                low.factors.weight == high.factors.weight
                and low.factors.effort == high.factors.effort
                and low.factors.dots == high.factors.dots
            )
            if same and low.evidence[0].answer < high.evidence[0].answer:  # type: ignore[operator]
                assert low.rank < high.rank, (low.title, high.title)
                assert low.factors.score > high.factors.score


def test_an_answer_of_1_ranks_above_a_2_whatever_else_its_phase_scored() -> None:
    # The 1 shares its phase with three 5s (a phase average of 4); the 2 with a 1 (average
    # 1.5). Once the phase's average moved an answer's feeling and put the 2 first.
    base = crafted()
    session = replace(
        base,
        phases=(*base.phases, Phase(id="a", name="A"), Phase(id="b", name="B")),
        assessment=(
            Answer(question="a.weak", score=1),
            *(Answer(question=f"a.fine{n}", score=5) for n in range(3)),
            Answer(question="b.low", score=2),
            Answer(question="b.lower", score=1),
        ),
    )
    order = [i.evidence[0].key for i in roadmap(session) if i.id.startswith("check-")]
    assert order.index("assessment:a.weak") < order.index("assessment:b.low")
