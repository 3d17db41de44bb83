"""What the Markdown says under the impact-against-effort chart, in the session's language.

A chart of numbered points needs words beside it. How to read it: what the numbers are, which
effort and impact divide the quadrants, and why a quick, modest item can rank Now and still be
a fill-in (the horizon follows the score, impact divided by effort, while the quadrant weighs
impact and effort each on its own). What was done to keep it readable: points set apart, and
which items share effort and impact exactly. What it leaves out: the open items whose effort is
not set yet. The diagrams-only export has no roadmap tables, so ``chart_key`` gives it the table
that the numbers refer to. Ranks in a row are written as a range (``4–11``), so a
self-assessment with many unplaced answers still reads in one line.
"""

from __future__ import annotations

from cjworkshop.export.escape import cell, table
from cjworkshop.export.explain import quadrant_name
from cjworkshop.export.quadrant import QuadrantLayout
from cjworkshop.i18n import Translator
from cjworkshop.model.metric_lines import number
from cjworkshop.model.roadmap import RankedItem


def rank_ranges(ranks: list[int]) -> str:
    """``4–11, 13``: the ranks in order, each run of consecutive ones as a range."""
    runs: list[list[int]] = []
    for rank in sorted(ranks):
        if runs and rank == runs[-1][-1] + 1:
            runs[-1].append(rank)
        else:
            runs.append([rank])
    return ", ".join(_run(run) for run in runs)


def _run(run: list[int]) -> str:
    if len(run) > 2:
        return f"{run[0]}–{run[-1]}"
    return ", ".join(str(rank) for rank in run)


def _together(tr: Translator, ranks: tuple[int, ...]) -> str:
    """``7 and 8``, ``7, 8 and 9``."""
    words = [str(rank) for rank in ranks]
    return tr("export.chart.and", first=", ".join(words[:-1]), last=words[-1])


def chart_notes(tr: Translator, layout: QuadrantLayout) -> list[str]:
    """The paragraphs under the chart: how to read it, what moved, and what is not on it."""
    parts = []
    if layout.points:
        sentences = [
            tr(
                "export.chart.read",
                half=tr.decimal(number(layout.top_impact / 2)),
                top=tr.decimal(number(layout.top_impact)),
                now=tr("horizon.now"),
                fill_in=tr("quadrant.fill-in"),
            )
        ]
        if any(point.moved for point in layout.points):
            sentences.append(tr("export.chart.moved"))
        if layout.ties:
            groups = "; ".join(_together(tr, ranks) for ranks in layout.ties)
            sentences.append(tr("export.chart.ties", groups=groups))
        if layout.crowded:
            sentences.append(tr("export.chart.crowded"))
        parts.append(" ".join(sentences))
    if layout.unplaced:
        ranks = rank_ranges([item.rank for item in layout.unplaced])
        parts.append(tr("export.chart.unplaced", step=tr("step.roadmap"), ranks=ranks))
    return parts


def chart_key(tr: Translator, layout: QuadrantLayout) -> str:
    """The open items by rank with their quadrant: what the chart's numbers stand for."""
    shown = sorted([point.item for point in layout.points] + list(layout.unplaced), key=_rank)
    header = [tr(f"export.roadmap.column.{c}") for c in ("rank", "item", "quadrant")]
    rows = [[str(i.rank), cell(i.title), quadrant_name(tr, i)] for i in shown]
    return table(header, rows)


def _rank(item: RankedItem) -> int:
    return item.rank
