"""The roadmap's gap to the target and its warning for items that rest only on assumptions."""

from __future__ import annotations

import datetime as dt
import re
from fractions import Fraction
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st
from msgspec.structs import replace

from cjworkshop.export.explain import why
from cjworkshop.export.markdown import roadmap_markdown
from cjworkshop.i18n import translator
from cjworkshop.model.decisions import merge
from cjworkshop.model.roadmap import VOTE_WEIGHT, RankedItem, half_up, roadmap
from cjworkshop.model.session import Evidence, Opportunity, PainPoint, Session
from tests.strategies import sessions
from tests.unit.test_review import crafted
from tests.unit.test_review_evidence import _targeted

TODAY = dt.date(2026, 11, 22)
EN = translator("en")
NL = translator("nl")


def by_title(items: list[RankedItem]) -> dict[str, RankedItem]:
    return {item.title: item for item in items}


def _without_targets(session: Session) -> Session:
    return replace(
        session, plots=tuple(replace(plot, target_emotion=None) for plot in session.plots)
    )


def test_the_feeling_weighs_the_gap_to_the_target() -> None:
    items = by_title(roadmap(_targeted(crafted())))
    slow = items["Slow site"]
    # Anna at Site −2 → target +1 (gap 3), Bob at Site −1 → target 0 (gap 1): average gap 2,
    # feeling 1 + 2/4 = 1.5 instead of 1.375; 4 × 2 × 1.5 × 1.5 = 18, effort 3 → 6.
    assert (slow.factors.average_gap, slow.factors.feeling) == (2.0, 1.5)
    assert (slow.factors.impact, slow.factors.score) == (18.0, 6.0)
    assert "feeling 1.5 (gap to the target +2: today −1.5 → target +0.5)" in why(EN, slow)
    assert "gevoel 1,5 (afstand tot het doel +2: nu −1,5 → doel +0,5)" in why(NL, slow)


def test_a_plot_without_a_target_aims_at_neutral() -> None:
    session = _targeted(crafted())
    # No tracking: Anna at Delivery +1 (no target: gap −1), Cas at Site 0 (no target: 0),
    # Cas at Delivery −2 → +1 (gap 3): average gap 2/3, feeling 1 + (2/3)/4 = 1.167.
    tracking = by_title(roadmap(session))["No tracking"]
    assert tracking.factors.feeling == 1.167
    assert tracking.factors.average_target == 0.33
    assert "today −0.33 → target +0.33" in why(EN, tracking)


def test_a_met_target_lowers_the_rank_of_what_hurts_there() -> None:
    session = crafted()
    met = replace(
        session,
        plots=tuple(
            replace(plot, target_emotion=plot.emotion) if plot.touchpoint == "t1" else plot
            for plot in session.plots
        ),
    )
    before = by_title(roadmap(session))["Slow site"]
    after = by_title(roadmap(met))["Slow site"]
    # Today's feeling is the feeling wanted: the gap is 0 and the feeling factor 1.
    assert (before.factors.feeling, after.factors.feeling) == (1.375, 1.0)
    assert after.factors.impact < before.factors.impact


def test_without_targets_the_why_reads_as_before() -> None:
    slow = by_title(roadmap(crafted()))["Slow site"]
    assert slow.factors.average_target is None
    assert why(EN, slow) == (
        "severity 4 × 2 personas × weight 1.5 (First) × feeling 1.375 (average −1.5)"
        " = impact 16.5; effort not set, counted as 3 → score 5.5 (100% of the top) → Now"
    )


def _old_feeling(item: RankedItem) -> Fraction:
    """The feeling as it was before targets counted: 1 + (−average emotion) / 4, else 1."""
    felt = {pair: value for e in item.evidence for pair, value in e.emotions}
    if felt:
        return 1 + Fraction(-sum(felt.values()), len(felt)) / 4
    return Fraction(1)


@given(sessions(max_items=3))
def test_a_session_with_its_targets_cleared_ranks_as_before(session: Session) -> None:
    for item in roadmap(_without_targets(session)):
        f = item.factors
        feeling = half_up(_old_feeling(item), 3)
        assert f.feeling == feeling
        assert f.average_target is None
        expected = f.severity * f.personas * Fraction(str(f.weight)) * Fraction(str(feeling))
        assert f.impact == half_up(expected * (1 + VOTE_WEIGHT * f.dots))
        assert "target" not in why(EN, item)


@given(sessions(max_items=3), st.integers(-2, 2))
def test_raising_a_target_never_lowers_an_item(session: Session, target: int) -> None:
    before = {item.id: item.factors.feeling for item in roadmap(session)}
    higher = replace(
        session,
        plots=tuple(
            replace(plot, target_emotion=max(target, plot.target_emotion or 0))
            if plot.emotion is not None
            else plot
            for plot in session.plots
        ),
    )
    after = {item.id: item.factors.feeling for item in roadmap(higher)}
    for item_id, feeling in after.items():
        if item_id in before:
            assert feeling >= before[item_id]


def _assumed(session: Session, *texts: str) -> Session:
    """Every pain point and idea whose text is in ``texts`` marked assumed, the rest observed."""

    def mark(text: str) -> Evidence:
        return "assumed" if text.lower().strip("!") in texts else "observed"

    return replace(
        session,
        plots=tuple(
            replace(
                plot,
                pain_points=tuple(
                    PainPoint(text=p.text, severity=p.severity, evidence=mark(p.text))
                    for p in plot.pain_points
                ),
                opportunities=tuple(
                    Opportunity(text=o.text, evidence=mark(o.text)) for o in plot.opportunities
                ),
            )
            for plot in session.plots
        ),
    )


def test_an_item_resting_only_on_assumptions_says_check_it_first() -> None:
    session = _assumed(crafted(), "slow site", "rude driver")
    items = by_title(roadmap(session))
    assert items["Slow site"].assumed
    assert why(EN, items["Slow site"]).endswith("→ Now; assumed: check before building")
    assert why(NL, items["Slow site"]).endswith("; aanname: eerst toetsen, dan bouwen")
    assert "assumed" not in why(EN, items["Faster pages"])
    assert "assumed" not in why(EN, items["No tracking"])
    written = roadmap_markdown(session, EN)
    rude = next(line for line in written.splitlines() if "Rude driver" in line)
    assert "assumed: check before building" in rude


def test_one_observed_occurrence_or_an_observed_merge_partner_lifts_the_warning() -> None:
    session = _assumed(crafted(), "slow site", "faster pages")
    plots = list(session.plots)
    # Bob's "slow site!" observed: one of the two times it was noted rests on what was seen.
    plots[3] = replace(plots[3], pain_points=(PainPoint(text="slow site!", evidence="observed"),))
    partly = replace(session, plots=tuple(plots))
    assert not by_title(roadmap(partly))["Slow site"].assumed
    # Unmarked is not assumed either: nobody said it rests on belief.
    unmarked = by_title(roadmap(crafted()))["Slow site"]
    assert not unmarked.assumed
    assert "assumed" not in why(EN, unmarked)
    # A merge of two assumed sources stays assumed; with an observed one it is not.
    both = by_title(roadmap(session))
    merged = merge(session, both["Slow site"], both["Faster pages"], TODAY)
    assert by_title(roadmap(merged))["Slow site"].assumed
    mixed = by_title(roadmap(_assumed(crafted(), "slow site")))
    partner = _assumed(crafted(), "slow site")
    merged = merge(partner, mixed["Slow site"], mixed["No tracking"], TODAY)
    assert not by_title(roadmap(merged))["Slow site"].assumed


def test_the_readmes_worked_example_is_what_the_roadmap_says() -> None:
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    example = readme.split("A worked example with targets", 1)[1].split("\n\n", 1)[0]
    quoted = " ".join(re.findall(r"`([^`]*)`", example, re.DOTALL)[0].split())
    session = _targeted(crafted())
    phases = (replace(session.phases[0], name="Oriëntatie"), *session.phases[1:])
    slow = by_title(roadmap(replace(session, phases=phases)))["Slow site"]
    assert why(EN, slow) == quoted


def test_a_target_below_todays_feeling_makes_an_item_less_urgent_never_worthless() -> None:
    session = crafted()
    below = replace(
        session,
        plots=tuple(
            replace(plot, emotion=2, target_emotion=-2) if plot.touchpoint == "t1" else plot
            for plot in session.plots
        ),
    )
    slow = by_title(roadmap(below))["Slow site"]
    # Every plot of the item: today +2, target −2, gap −4: 1 − 4/4 would be 0; it stops at 0.5.
    assert slow.factors.feeling == 0.5
    assert slow.factors.impact > 0
