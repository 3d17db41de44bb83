"""Review: the whole journey at once, where it hurts and where it shines.

Each persona's emotion curve, the persona x phase heat map, the worst pain points (severity
times the number of personas who hit them, with where they occur), the bright spots to keep and
learn from, and what is still unplotted. Where targets are set, the curves draw them beside
today's feeling and the biggest gaps between the two follow; once any note is marked observed
or assumed, a small table says how much of the map rests on assumptions. On a revisit it opens
with what changed since the previous version (``model.diff``). The numbers come from the model;
this step only draws them.
"""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from msgspec.structs import replace
from rich import box
from rich.cells import cell_len
from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.widgets import Static

from cjworkshop.export.diff_text import diff_text
from cjworkshop.i18n import Translator
from cjworkshop.model.diff import compare
from cjworkshop.model.emotion import GLYPHS, signed
from cjworkshop.model.merge import take_other
from cjworkshop.model.queries import emotion_curve
from cjworkshop.model.review import (
    EvidenceShare,
    TargetGap,
    bright_spots,
    coverage,
    evidence_share,
    has_targets,
    heat_map,
    pain_groups,
    target_gaps,
)
from cjworkshop.model.session import Session
from cjworkshop.model.template import checklist
from cjworkshop.store.errors import StoreError
from cjworkshop.store.revisit import previous_path, previous_version
from cjworkshop.terminal import diff_rich
from cjworkshop.ui.steps.base import ExportRequested, StepContext, StepView
from cjworkshop.ui.steps.review_conflicts import conflicts_part
from cjworkshop.ui.widgets import charts
from cjworkshop.ui.widgets.curve_chart import curve_chart
from cjworkshop.ui.widgets.text import TextPanel, first_line

TOP = 10
WORD_LEAST = 30
STACK_BELOW = 72
"""The review's width below which a pain point's touchpoints go under it, not beside it."""
"""The widest a table's text column insists on being to keep its longest word whole."""
GAPS = 5
"""The gaps between today and the target the review lists; the rest it counts."""
EVIDENCE_COLUMNS = ("observed", "assumed", "unmarked")


def _table(title: str) -> Table:
    return Table(
        title=title, title_justify="left", title_style="bold", box=box.SIMPLE_HEAD, show_edge=False
    )


def fitted(table: Table, texts: dict[int, int]) -> Table:
    """The table as wide as the review, its text columns (by place: their share of the room)
    wrapping, never narrower than their longest word; the other columns as their content."""
    table.expand = True
    for place, column in enumerate(table.columns):
        if place not in texts:
            column.no_wrap = True
            continue
        column.ratio = texts[place]
        words = [
            word for cell in column.cells for word in str(getattr(cell, "plain", cell)).split()
        ]
        column.min_width = min(WORD_LEAST, max((cell_len(word) for word in words), default=1))
    return table


def evidence_table(tr: Translator, share: EvidenceShare) -> RenderableType:
    """Per kind of note, how many are observed, assumed or not marked, with the assumed share."""
    # The heading above the table rather than as its title, which would wrap to its width.
    heading = Text(tr("review_evidence.title", percent=share.assumed_percent), style="bold")
    table = Table(box=box.SIMPLE_HEAD, show_edge=False)
    table.add_column(tr("review_evidence.noted"))
    for column in EVIDENCE_COLUMNS:
        table.add_column(tr(f"review_evidence.{column}"), justify="right")
    labels = {
        "pain_points": tr("review_evidence.pain_points"),
        "opportunities": tr("review_evidence.opportunities"),
        "thoughts": tr("review_evidence.thoughts"),
        "feelings": tr("review_evidence.feelings"),
    }
    rows = [(labels[kind], count) for kind, count in share.kinds if count.total]
    for label, count in [*rows, (tr("review_evidence.all"), share.overall)]:
        table.add_row(
            Text(label),
            str(count.observed),
            Text(str(count.assumed), style="yellow" if count.assumed else ""),
            Text(str(count.unmarked), style="dim"),
        )
    return Group(heading, table)


def gap_table(tr: Translator, gaps: list[TargetGap]) -> RenderableType:
    """The biggest gaps between today's feeling and the target: who, where, today → target."""
    if not gaps:
        return Group(
            Text(tr("review_target.gaps"), style="bold"),
            Text(tr("review_target.met"), style="dim italic"),
        )
    table = _table(tr("review_target.gaps"))
    for column, justify in (
        ("persona", "left"),
        ("touchpoint", "left"),
        ("today_target", "left"),
        ("gap", "right"),
    ):
        table.add_column(tr(f"review_target.{column}"), justify=justify)  # type: ignore[arg-type]
    for gap in gaps[:GAPS]:
        today = charts.feeling_style(gap.today)
        moved = Text(f"{GLYPHS[gap.today]} {signed(gap.today)}", style=today)
        moved.append(" → ")
        moved.append(f"{GLYPHS[gap.target]} {signed(gap.target)}", style="blue")
        table.add_row(
            Text(first_line(gap.persona.name)),
            Text(first_line(gap.touchpoint.name)),
            moved,
            Text(signed(gap.gap), style="bold"),
        )
    if len(gaps) > GAPS:
        return Group(table, Text(tr("review_target.more", count=len(gaps) - GAPS), style="dim"))
    return table


class ReviewStep(StepView):
    """Curves, heat map, worst pain points, bright spots and coverage, top to bottom."""

    STEP = "review"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("X", "export_report", "key.export_report"),
        Binding("O", "take_other", "key.take_other"),
        Binding("K", "keep_kept", "key.keep_kept"),
    ]

    def __init__(self, context: StepContext) -> None:
        super().__init__(context)
        self.earlier_read: tuple[Path, float, Session] | None = None
        """The previous version as last read: its file, that file's time of change, and it."""
        self.drawn_width = 0
        """The width the parts were last drawn for."""

    def compose(self) -> ComposeResult:
        yield TextPanel(id="review-intro", classes="step-intro")
        with VerticalScroll(id="review", can_focus=True):
            for part in (
                "conflicts",
                "since",
                "curves",
                "gaps",
                "heat",
                "pains",
                "bright",
                "evidence",
                "coverage",
            ):
                yield TextPanel(id=f"review-{part}", classes="review-part")

    def focus_main(self) -> None:
        self.query_one("#review").focus()

    def action_export_report(self) -> None:
        self.post_message(ExportRequested("report"))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("take_other", "keep_kept"):  # only while a merge left something to decide
            return self.session is not None and bool(self.session.conflicts)
        return True

    def watch_session(self) -> None:
        super().watch_session()
        self.refresh_bindings()

    def action_take_other(self) -> None:
        """The first conflict decided for the other branch's version."""
        session = self.current
        if not session.conflicts:
            return
        conflict = session.conflicts[0]
        try:
            resolved = take_other(session, conflict)
        except ValueError:
            self.notify(
                self.tr("review_conflicts.refused", where=conflict.where), severity="warning"
            )
            return
        self.edit(resolved, self.tr("edit.conflict.taken", where=conflict.where))

    def action_keep_kept(self) -> None:
        """The first conflict decided for the version the session has."""
        session = self.current
        if not session.conflicts:
            return
        conflict = session.conflicts[0]
        kept = replace(session, conflicts=session.conflicts[1:])
        self.edit(kept, self.tr("edit.conflict.kept", where=conflict.where))

    def on_resize(self, event: events.Resize) -> None:
        # The curves, the heat map and the tables are drawn for the step's width: a step
        # first drawn before it had one (or a resized terminal) is drawn again.
        if event.size.width != self.drawn_width and self.session is not None and self.display:
            self.refresh_view()

    def _earlier(self, path: Path, session: Session) -> tuple[Path, Session] | None:
        """The previous version, read once and again only when its file changes: reading it
        costs as much as opening the session (some 15 ms for a large one, bench/run.py), and
        the review is drawn again after every edit while it is on screen."""
        earlier = previous_path(path, session)
        cached = self.earlier_read
        try:
            stamp = earlier.stat().st_mtime
        except OSError:
            stamp = -1.0
        if cached is not None and cached[0] == earlier and cached[1] == stamp:
            return earlier, cached[2]
        found = previous_version(path, session)
        if found is not None:
            self.earlier_read = (earlier, stamp, found[1])
        return found

    def _since(self, session: Session) -> RenderableType | None:
        if not session.previous or self.session_path is None:
            return None
        tr = self.tr
        try:
            found = self._earlier(self.session_path, session)
        except StoreError as error:
            message = tr("revisit.unreadable", name=session.previous, error=error.render(tr))
            return Text(message, style="yellow")
        if found is None:
            return None
        earlier_path, earlier = found
        texts = checklist(self.template, session.language)
        told = diff_text(compare(earlier, session, questions=texts), earlier, session, tr)
        heading = Text(tr("revisit.since", name=earlier_path.name), style="bold")
        lines = [heading, *diff_rich(told)[1:]]
        return Group(*lines, Text())

    def _curves(self, session: Session, targets: bool, width: int) -> RenderableType:
        """Every persona's curve, ``width`` cells wide."""
        tr = self.tr
        legend = tr("review.curves_legend")
        if targets:
            legend += " · " + tr("review_target.legend")
        parts: list[RenderableType] = [
            Text(tr("review.curves"), style="bold"),
            Text(legend, style="dim"),
            Text(),
        ]
        cyclic = session.shape == "cyclic"
        for persona in session.personas:
            points = emotion_curve(session, persona.id)
            parts += [curve_chart(tr, persona, points, width=width, cyclic=cyclic), Text()]
        if not session.personas:
            parts.append(Text(tr("review.none"), style="dim italic"))
        return Group(*parts)

    def refresh_view(self) -> None:
        tr, session = self.tr, self.current
        self.drawn_width = self.size.width
        self.query_one("#review-intro", Static).update(tr("review.intro"))
        conflicts_panel = self.query_one("#review-conflicts", Static)
        conflicts_panel.display = bool(session.conflicts)
        conflicts_panel.update(conflicts_part(tr, session) if session.conflicts else "")
        since = self._since(session)
        since_part = self.query_one("#review-since", Static)
        since_part.display = since is not None
        since_part.update(since if since is not None else "")
        names = {p.id: p.name for p in session.personas}
        touchpoints = {t.id: t.name for t in session.touchpoints}

        targets = has_targets(session)
        # The room a part may take: the step's width less its padding and the scrollbar.
        room = max(20, self.size.width - 4)
        self.query_one("#review-curves", Static).update(self._curves(session, targets, room))
        gaps_part = self.query_one("#review-gaps", Static)
        gaps_part.display = targets
        gaps_part.update(gap_table(tr, target_gaps(session)) if targets else "")

        heat = Table.grid()
        heat.add_row(Text(tr("review.heat"), style="bold"))
        averages = heat_map(session)
        heat.add_row(charts.heat_map(tr, session.personas, session.phases, averages, width=room))
        self.query_one("#review-heat", Static).update(heat)

        pains = Table(
            title=tr("review.pains"),
            title_justify="left",
            title_style="bold",
            box=box.SIMPLE_HEAD,
            show_edge=False,
        )
        # Narrow, the touchpoints where it hurts go under each pain point instead of beside it.
        stacked = room < STACK_BELOW
        for column, justify in (
            ("rank", "right"),
            ("pain", "left"),
            ("score", "right"),
            ("where", "left"),
        ):
            if stacked and column == "where":
                continue
            pains.add_column(tr(f"review.column.{column}"), justify=justify)  # type: ignore[arg-type]
        groups = pain_groups(session)
        for rank, group in enumerate(groups[:TOP], start=1):
            severity = str(group.severity) if group.severity_set else f"{group.severity}?"
            where = ", ".join(first_line(touchpoints.get(t, t)) for t in group.touchpoints)
            # The score as it is worked out: severity × personas = score, in one column.
            score = Text(f"⚠ {severity} × {len(group.personas)} = ")
            score.append(str(group.score), style="bold")
            if stacked:
                pain = Text(first_line(group.text))
                pain.append(f"\n↳ {where}", style="dim")
                pains.add_row(str(rank), pain, score)
            else:
                pains.add_row(str(rank), Text(first_line(group.text)), score, Text(where))
        fitted(pains, {1: 1} if stacked else {1: 3, 3: 2})
        pain_part = self.query_one("#review-pains", Static)
        pain_part.update(pains if groups else Text(tr("review.no_pains"), style="dim italic"))

        spots = bright_spots(session)
        bright = Table(
            title=tr("review.bright"),
            title_justify="left",
            title_style="bold",
            box=box.SIMPLE_HEAD,
            show_edge=False,
        )
        for column in ("touchpoint", "phase", "average", "personas"):
            bright.add_column(tr(f"review.column.{column}"))
        for spot in spots[:TOP]:
            glyph = GLYPHS[max(-2, min(2, round(spot.average)))]
            average = f"{glyph} {tr.decimal(signed(round(spot.average, 1)))}"
            label = first_line(spot.touchpoint.name) + (" ★" if spot.moments_of_truth else "")
            bright.add_row(
                Text(label),
                Text(spot.phase.name),
                Text(average, style="green"),
                Text(", ".join(names.get(p, p) for p in spot.personas)),
            )
        fitted(bright, {0: 2, 1: 1, 3: 2})
        bright_part = self.query_one("#review-bright", Static)
        bright_part.update(bright if spots else Text(tr("review.no_bright"), style="dim italic"))

        share = evidence_share(session)
        evidence_part = self.query_one("#review-evidence", Static)
        evidence_part.display = share.marked
        evidence_part.update(evidence_table(tr, share) if share.marked else "")

        result = coverage(session)
        text = Text(tr("review.coverage") + "\n", style="bold")
        text.append(tr("review.plotted", done=result.plotted, total=result.pairs) + "\n")
        if result.unplotted:
            shown = [f"{p.name} × {t.name}" for p, t in result.unplotted[:12]]
            more = len(result.unplotted) - len(shown)
            text.append(tr("review.unplotted") + " " + "; ".join(shown))
            if more:
                text.append(" " + tr("review.more", count=more))
            text.append("\n")
        for phase in result.empty_phases:
            text.append(
                "⚠ " + tr("touchpoints.nudge.empty", phase=phase.name) + "\n", style="yellow"
            )
        self.query_one("#review-coverage", Static).update(text)
