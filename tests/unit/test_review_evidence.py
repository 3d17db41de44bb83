"""The review's evidence share and its gaps between today's feeling and the target."""

from __future__ import annotations

from hypothesis import given
from msgspec.structs import replace

from cjworkshop.model.review import (
    EvidenceCount,
    evidence_share,
    has_targets,
    target_gaps,
)
from cjworkshop.model.session import Opportunity, PainPoint, Plot, Session
from tests.strategies import sessions
from tests.unit.test_review import crafted


def _marked(session: Session) -> Session:
    """The crafted session with some notes marked: see each test for what it counts."""
    plots = list(session.plots)
    anna_site = plots[0]
    plots[0] = replace(
        anna_site,
        thought="It never loads",
        thought_evidence="observed",
        emotion_evidence="observed",
        pain_points=(PainPoint(text="Slow site", severity=4, evidence="assumed"),),
        opportunities=(Opportunity(text="Faster pages", evidence="assumed"),),
    )
    bob_site = plots[3]
    plots[3] = replace(
        bob_site,
        thought="Meh",
        emotion_evidence="assumed",
        pain_points=(PainPoint(text="slow site!", severity=2, evidence="observed"),),
    )
    # A skipped plot's notes are not part of the map the review shows.
    plots[5] = replace(
        plots[5], pain_points=(PainPoint(text="Ignored when skipped", evidence="assumed"),)
    )
    return replace(session, plots=tuple(plots))


def test_an_unmarked_map_says_nothing_of_evidence() -> None:
    share = evidence_share(crafted())
    assert not share.marked
    # Six pain points on relevant plots, two ideas, no thoughts, seven feelings.
    assert share.pain_points == EvidenceCount(unmarked=6)
    assert share.opportunities == EvidenceCount(unmarked=2)
    assert share.thoughts == EvidenceCount()
    assert share.feelings == EvidenceCount(unmarked=7)


def test_evidence_share_counts_each_kind_of_note() -> None:
    share = evidence_share(_marked(crafted()))
    assert share.marked
    assert share.pain_points == EvidenceCount(observed=1, assumed=1, unmarked=4)
    assert share.opportunities == EvidenceCount(assumed=1, unmarked=1)
    assert share.thoughts == EvidenceCount(observed=1, unmarked=1)
    assert share.feelings == EvidenceCount(observed=1, assumed=1, unmarked=5)
    # 3 assumed of 6 + 2 + 2 + 7 = 17 notes: 17.6%, shown as 18%.
    assert share.overall == EvidenceCount(observed=3, assumed=3, unmarked=11)
    assert share.assumed_percent == 18


def test_a_mark_without_its_note_still_counts() -> None:
    session = crafted()
    plot = replace(session.plots[1], emotion=None, emotion_evidence="assumed")
    share = evidence_share(replace(session, plots=(plot,)))
    assert share.feelings == EvidenceCount(assumed=1)
    assert share.assumed_percent == 100


@given(sessions(max_items=3))
def test_every_note_on_a_relevant_plot_is_counted_once(session: Session) -> None:
    share = evidence_share(session)
    relevant = [plot for plot in session.plots if plot.relevant]
    assert share.pain_points.total == sum(len(plot.pain_points) for plot in relevant)
    assert share.opportunities.total == sum(len(plot.opportunities) for plot in relevant)
    assert share.feelings.total <= len(relevant)
    assert 0 <= share.assumed_percent <= 100
    cleared = replace(
        session,
        plots=tuple(
            replace(
                plot,
                thought_evidence=None,
                emotion_evidence=None,
                pain_points=tuple(replace(p, evidence=None) for p in plot.pain_points),
                opportunities=tuple(replace(o, evidence=None) for o in plot.opportunities),
            )
            for plot in session.plots
        ),
    )
    assert not evidence_share(cleared).marked


def _targeted(session: Session) -> Session:
    targets = {("anna", "t1"): 1, ("bob", "t1"): 0, ("cas", "t3"): 1, ("anna", "t2"): 2}
    return replace(
        session,
        plots=tuple(
            replace(plot, target_emotion=targets.get((plot.persona, plot.touchpoint)))
            for plot in session.plots
        ),
    )


def test_target_gaps_list_the_biggest_first_and_skip_those_met() -> None:
    session = _targeted(crafted())
    assert has_targets(session)
    gaps = target_gaps(session)
    # Cas at Delivery −2 → +1 (+3), Anna at Site −2 → +1 (+3), Bob at Site −1 → 0 (+1);
    # Anna at the Shop is already at +2. Equal gaps go in persona order.
    assert [(g.persona.name, g.touchpoint.name, g.today, g.target, g.gap) for g in gaps] == [
        ("Anna", "Site", -2, 1, 3),
        ("Cas", "Delivery", -2, 1, 3),
        ("Bob", "Site", -1, 0, 1),
    ]


def test_no_targets_no_gaps() -> None:
    assert not has_targets(crafted())
    assert target_gaps(crafted()) == []
    skipped = Plot(persona="bob", touchpoint="t3", relevant=False, target_emotion=2)
    assert not has_targets(replace(crafted(), plots=(skipped,)))
