"""Sessions as a busy workshop leaves them, in the three sizes the benchmark measures.

Every persona is plotted at every touchpoint, one plot in three has a pain point and one in
seven an idea, so the review, the roadmap and the exports have real work to do.
"""

from __future__ import annotations

import datetime as dt

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

SIZES = {"small": (3, 20), "large": (10, 150), "huge": (20, 400)}
PHASES = ("awareness", "consideration", "purchase", "retention", "advocacy")
WHEN = dt.datetime(2026, 11, 1, 9, 0, tzinfo=dt.UTC)


def generated(personas: int, touchpoints: int) -> Session:
    """A session as a busy workshop leaves it: every pair plotted, a pain point in one of three."""
    phases = tuple(
        Phase(id=p, name=p.title(), description=f"What happens in {p}.", weight=1.0 + (i % 2) / 2)
        for i, p in enumerate(PHASES)
    )
    people = tuple(
        Persona(
            id=f"persona-{n}",
            name=f"Persona {n}",
            description="A typical customer with a job to do and not much time.",
            needs="Clear prices, quick answers.",
        )
        for n in range(personas)
    )
    points = tuple(
        Touchpoint(
            id=f"touchpoint-{n}",
            phase=PHASES[n * len(PHASES) // touchpoints],
            name=f"Touchpoint number {n}",
            channel="web" if n % 3 else "email",
            kind="direct" if n % 4 else "indirect",
            owner="Team",
            description="Where the customer meets us.",
        )
        for n in range(touchpoints)
    )
    plots = []
    for p, persona in enumerate(people):
        for t, point in enumerate(points):
            pains = (
                (PainPoint(text=f"Problem {(p + t) % 40}", severity=1 + (p * t) % 5),)
                if (p + t) % 3 == 0
                else ()
            )
            plots.append(
                Plot(
                    persona=persona.id,
                    touchpoint=point.id,
                    action="Looks for the answer and compares with others.",
                    thought="Is this worth my time?",
                    emotion=((p + t) % 5) - 2,
                    pain_points=pains,
                    opportunities=(Opportunity(text=f"Idea {(p * t) % 25}"),)
                    if (p + t) % 7 == 0
                    else (),
                )
            )
    return Session(
        title="Benchmark",
        created=WHEN,
        updated=WHEN,
        template="five-phases",
        goals=(Goal(id="goal", what="Happier customers", measure="NPS +10"),),
        personas=people,
        phases=phases,
        touchpoints=points,
        plots=tuple(plots),
    )
