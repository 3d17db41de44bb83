"""Pure questions about a session: order, plots, coverage and each persona's emotion curve.

These functions read a session and never change it. They are written for sessions of thousands of
plots: each builds its lookups once, in one pass, instead of searching tuples inside loops.
"""

from __future__ import annotations

from dataclasses import dataclass

from cjworkshop.model.session import Persona, Phase, Plot, Session, Touchpoint


@dataclass(frozen=True, slots=True)
class CurvePoint:
    """One touchpoint on a persona's journey with what was plotted there, if anything."""

    touchpoint: Touchpoint
    phase: Phase
    plot: Plot | None

    @property
    def emotion(self) -> int | None:
        """The emotion plotted here, or None when skipped, not relevant or not yet plotted."""
        return feeling_of(self.plot)

    @property
    def target(self) -> int | None:
        """The feeling we want here, or None when none is set or the touchpoint is skipped."""
        return target_of(self.plot)


def feeling_of(plot: Plot | None) -> int | None:
    """The feeling a plot notes, or None when skipped, not relevant or not yet plotted."""
    return plot.emotion if plot is not None and plot.relevant else None


def target_of(plot: Plot | None) -> int | None:
    """The feeling wanted at a plot, or None when none is set or the touchpoint is skipped."""
    return plot.target_emotion if plot is not None and plot.relevant else None


@dataclass(frozen=True, slots=True)
class Progress:
    """How far a session has come, as counts a person understands."""

    goals: int
    personas: int
    phases: int
    touchpoints: int
    plotted: int
    pairs: int

    @property
    def plotted_share(self) -> float:
        """The share of persona x touchpoint pairs that has been plotted or skipped, 0..1."""
        return self.plotted / self.pairs if self.pairs else 0.0


def phase_index(session: Session) -> dict[str, int]:
    """The position of each phase id in the journey."""
    return {phase.id: position for position, phase in enumerate(session.phases)}


def phases_by_id(session: Session) -> dict[str, Phase]:
    return {phase.id: phase for phase in session.phases}


def personas_by_id(session: Session) -> dict[str, Persona]:
    return {persona.id: persona for persona in session.personas}


def touchpoints_by_id(session: Session) -> dict[str, Touchpoint]:
    return {touchpoint.id: touchpoint for touchpoint in session.touchpoints}


def touchpoints_in_order(session: Session) -> list[Touchpoint]:
    """Touchpoints in journey order: by phase, and within a phase in the order the room set."""
    order = phase_index(session)
    last = len(order)
    return sorted(session.touchpoints, key=lambda touchpoint: order.get(touchpoint.phase, last))


def touchpoints_of_phase(session: Session, phase_id: str) -> list[Touchpoint]:
    return [touchpoint for touchpoint in session.touchpoints if touchpoint.phase == phase_id]


_last_index: tuple[tuple[Plot, ...], dict[tuple[str, str], Plot]] | None = None


def plot_index(session: Session) -> dict[tuple[str, str], Plot]:
    """Every plot by (persona id, touchpoint id); do not change the mapping it returns.

    The index of the last session asked about is kept (sessions never change in place), so the
    screens can look up many cells of one session without building it again for each: the walk
    asks for every persona's every touchpoint on each redraw, and opening a large session there
    takes 200 ms more CPU without it (the benchmark's start at the walk).
    """
    global _last_index
    last = _last_index
    if last is not None and last[0] is session.plots:
        return last[1]
    index = {(plot.persona, plot.touchpoint): plot for plot in session.plots}
    _last_index = (session.plots, index)
    return index


def plot_for(session: Session, persona_id: str, touchpoint_id: str) -> Plot | None:
    return plot_index(session).get((persona_id, touchpoint_id))


def plots_of_persona(session: Session, persona_id: str) -> list[Plot]:
    """A persona's plots in journey order."""
    by_touchpoint = {plot.touchpoint: plot for plot in session.plots if plot.persona == persona_id}
    return [by_touchpoint[tp.id] for tp in touchpoints_in_order(session) if tp.id in by_touchpoint]


def plots_at_touchpoint(session: Session, touchpoint_id: str) -> list[Plot]:
    """The plots of every persona at one touchpoint, in persona order."""
    order = {persona.id: position for position, persona in enumerate(session.personas)}
    found = [plot for plot in session.plots if plot.touchpoint == touchpoint_id]
    return sorted(found, key=lambda plot: order.get(plot.persona, len(order)))


def is_plotted(plot: Plot | None) -> bool:
    """A pair counts as plotted once the room skipped it or said how the persona feels there."""
    return plot is not None and (not plot.relevant or plot.emotion is not None)


def unplotted_pairs(session: Session) -> list[tuple[Persona, Touchpoint]]:
    """Persona x touchpoint pairs still to plot, persona by persona in journey order."""
    plots = plot_index(session)
    ordered = touchpoints_in_order(session)
    return [
        (persona, touchpoint)
        for persona in session.personas
        for touchpoint in ordered
        if not is_plotted(plots.get((persona.id, touchpoint.id)))
    ]


def emotion_curve(session: Session, persona_id: str) -> list[CurvePoint]:
    """A persona's walk through every touchpoint in journey order, with what was plotted."""
    phases = phases_by_id(session)
    plots = {plot.touchpoint: plot for plot in session.plots if plot.persona == persona_id}
    return [
        CurvePoint(touchpoint, phases[touchpoint.phase], plots.get(touchpoint.id))
        for touchpoint in touchpoints_in_order(session)
        if touchpoint.phase in phases
    ]


def empty_phases(session: Session) -> list[Phase]:
    """Phases without any touchpoint."""
    used = {touchpoint.phase for touchpoint in session.touchpoints}
    return [phase for phase in session.phases if phase.id not in used]


def phases_without_indirect(session: Session) -> list[Phase]:
    """Phases that have touchpoints but none of them indirect (reviews, press, word of mouth)."""
    kinds: dict[str, set[str]] = {}
    for touchpoint in session.touchpoints:
        kinds.setdefault(touchpoint.phase, set()).add(touchpoint.kind)
    return [
        phase for phase in session.phases if phase.id in kinds and "indirect" not in kinds[phase.id]
    ]


def progress(session: Session) -> Progress:
    plots = plot_index(session)
    pairs = len(session.personas) * len(session.touchpoints)
    plotted = sum(
        1
        for persona in session.personas
        for touchpoint in session.touchpoints
        if is_plotted(plots.get((persona.id, touchpoint.id)))
    )
    return Progress(
        goals=len(session.goals),
        personas=len(session.personas),
        phases=len(session.phases),
        touchpoints=len(session.touchpoints),
        plotted=plotted,
        pairs=pairs,
    )
