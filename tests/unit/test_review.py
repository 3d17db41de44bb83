"""The review's numbers on a crafted session whose answers were worked out by hand."""

from __future__ import annotations

import pytest

from cjworkshop.model.review import (
    bright_spots,
    coverage,
    heat_map,
    opportunity_groups,
    pain_groups,
)
from cjworkshop.model.session import (
    Opportunity,
    PainPoint,
    Persona,
    Phase,
    Plot,
    Session,
    Touchpoint,
)
from tests.conftest import WHEN


def crafted() -> Session:
    """Three personas, two phases, three touchpoints; see each test for the arithmetic."""

    def pains(*items: tuple[str, int | None]) -> tuple[PainPoint, ...]:
        return tuple(PainPoint(text=text, severity=severity) for text, severity in items)

    return Session(
        title="Crafted",
        created=WHEN,
        updated=WHEN,
        personas=(
            Persona(id="anna", name="Anna"),
            Persona(id="bob", name="Bob"),
            Persona(id="cas", name="Cas"),
        ),
        phases=(Phase(id="p1", name="First", weight=1.5), Phase(id="p2", name="Second")),
        touchpoints=(
            Touchpoint(id="t1", phase="p1", name="Site"),
            Touchpoint(id="t2", phase="p1", name="Shop"),
            Touchpoint(id="t3", phase="p2", name="Delivery"),
        ),
        plots=(
            Plot(
                persona="anna",
                touchpoint="t1",
                emotion=-2,
                pain_points=pains(("Slow site", 4)),
                opportunities=(Opportunity(text="Faster pages"),),
            ),
            Plot(persona="anna", touchpoint="t2", emotion=2, moment_of_truth=True),
            Plot(persona="anna", touchpoint="t3", emotion=1, pain_points=pains(("No tracking", 3))),
            Plot(
                persona="bob",
                touchpoint="t1",
                emotion=-1,
                pain_points=pains(("slow site!", 2)),
                opportunities=(Opportunity(text="faster pages"),),
            ),
            Plot(persona="bob", touchpoint="t2", emotion=1),
            Plot(
                persona="bob",
                touchpoint="t3",
                relevant=False,
                pain_points=pains(("Ignored when skipped", 5)),
            ),
            Plot(
                persona="cas", touchpoint="t1", emotion=0, pain_points=pains(("No tracking", None))
            ),
            Plot(
                persona="cas",
                touchpoint="t3",
                emotion=-2,
                pain_points=pains(("No tracking", 5), ("Rude driver", 5)),
            ),
        ),
    )


def test_pain_points_rank_by_severity_times_personas() -> None:
    groups = pain_groups(crafted())
    # No tracking: highest severity 5, hit by Anna and Cas -> 10.
    # Slow site: "Slow site" and "slow site!" are one pain point, severity 4, Anna and Bob -> 8.
    # Rude driver: 5, only Cas -> 5. A pain point at a skipped touchpoint does not count.
    assert [(g.text, g.severity, g.personas, g.score) for g in groups] == [
        ("No tracking", 5, ("anna", "cas"), 10),
        ("Slow site", 4, ("anna", "bob"), 8),
        ("Rude driver", 5, ("cas",), 5),
    ]
    assert groups[0].touchpoints == ("t3", "t1")


def test_unrated_pain_point_counts_as_three_and_says_so() -> None:
    session = crafted()
    only_unrated = Session(
        title="x",
        created=WHEN,
        updated=WHEN,
        personas=session.personas,
        phases=session.phases,
        touchpoints=session.touchpoints,
        plots=(Plot(persona="anna", touchpoint="t1", pain_points=(PainPoint(text="Vague"),)),),
    )
    (group,) = pain_groups(only_unrated)
    assert (group.severity, group.severity_set, group.score) == (3, False, 3)


def test_bright_spots_are_touchpoints_with_a_positive_average() -> None:
    spots = bright_spots(crafted())
    # Site: (-2 - 1 + 0) / 3 = -1; Shop: (2 + 1) / 2 = 1.5; Delivery: (1 - 2) / 2 = -0.5.
    assert [(s.touchpoint.id, s.average, s.personas, s.moments_of_truth) for s in spots] == [
        ("t2", 1.5, ("anna", "bob"), 1)
    ]


def test_heat_map_averages_each_persona_per_phase() -> None:
    assert heat_map(crafted()) == {
        ("anna", "p1"): pytest.approx(0.0),
        ("anna", "p2"): 1.0,
        ("bob", "p1"): 0.0,
        ("bob", "p2"): None,
        ("cas", "p1"): 0.0,
        ("cas", "p2"): -2.0,
    }


def test_coverage_names_what_is_left() -> None:
    result = coverage(crafted())
    assert (result.plotted, result.pairs) == (8, 9)
    assert [(p.id, t.id) for p, t in result.unplotted] == [("cas", "t2")]
    assert result.empty_phases == ()


def test_opportunities_group_like_pain_points() -> None:
    (idea,) = opportunity_groups(crafted())
    assert (idea.text, idea.personas) == ("Faster pages", ("anna", "bob"))
