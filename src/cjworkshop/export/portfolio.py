"""The portfolio report across journeys, as plain text for the terminal, Markdown or an HTML page.

All three are made from the same sections (a heading, column names and rows of plain text), so
they always say the same; each only escapes for where it lands.
"""

from __future__ import annotations

import datetime as dt
import html
from dataclasses import dataclass

from cjworkshop.export import escape
from cjworkshop.i18n import Translator
from cjworkshop.model.emotion import signed
from cjworkshop.model.portfolio import Portfolio


@dataclass(frozen=True, slots=True)
class Section:
    title: str
    header: list[str]
    rows: list[list[str]]
    empty: str


def sections(
    report: Portfolio,
    skipped: list[tuple[str, str]],
    tr: Translator,
    *,
    today: dt.date,
    stale_days: int,
) -> list[Section]:
    def listed(names: tuple[str, ...]) -> str:
        return f"{len(names)}: " + "; ".join(names)

    def channels(ids: tuple[str, ...]) -> str:
        return ", ".join(tr(f"channel.{c}") for c in ids)

    def severity(value: int) -> str:
        return str(value) if value else "–"

    p = "portfolio."
    return [
        Section(
            tr(f"{p}journeys.title"),
            [tr(f"{p}col.{c}") for c in ("journey", "updated", "personas", "worst", "top")],
            [
                [
                    d.title,
                    d.updated.isoformat(),
                    str(d.personas),
                    d.worst_pain or "–",
                    d.top_item or "–",
                ]
                for d in report.journeys
            ],
            tr(f"{p}journeys.none"),
        ),
        Section(
            tr(f"{p}pains.title"),
            [tr(f"{p}col.{c}") for c in ("pain", "journeys", "channels", "severity")],
            [
                [r.text, listed(r.journeys), channels(r.channels), severity(r.severity)]
                for r in report.recurring_pains
            ],
            tr(f"{p}pains.none"),
        ),
        Section(
            tr(f"{p}opportunities.title"),
            [tr(f"{p}col.{c}") for c in ("opportunity", "journeys", "channels")],
            [
                [r.text, listed(r.journeys), channels(r.channels)]
                for r in report.recurring_opportunities
            ],
            tr(f"{p}opportunities.none"),
        ),
        Section(
            tr(f"{p}channels.title"),
            [tr(f"{p}col.{c}") for c in ("channel", "journeys", "pains")],
            [
                [tr(f"channel.{r.text}"), listed(r.journeys), str(r.severity)]
                for r in report.recurring_channels
            ],
            tr(f"{p}channels.none"),
        ),
        Section(
            tr(f"{p}phases.title"),
            [tr(f"{p}col.{c}") for c in ("phase", "feeling", "journeys", "plots")],
            [
                [ph.name, tr.decimal(signed(ph.average, 2)), str(ph.journeys), str(ph.plots)]
                for ph in report.worst_phases
            ],
            tr(f"{p}phases.none"),
        ),
        Section(
            tr(f"{p}stale.title", days=stale_days),
            [tr(f"{p}col.{c}") for c in ("journey", "updated", "days")],
            [[d.title, d.updated.isoformat(), str((today - d.updated).days)] for d in report.stale],
            tr(f"{p}stale.none", days=stale_days),
        ),
        Section(
            tr(f"{p}unowned.title"),
            [tr(f"{p}col.{c}") for c in ("journey", "item")],
            [[journey, item] for journey, item in report.unowned],
            tr(f"{p}unowned.none"),
        ),
        Section(
            tr(f"{p}skipped.title"),
            [tr(f"{p}col.{c}") for c in ("file", "problem")],
            [[file, problem] for file, problem in skipped],
            tr(f"{p}skipped.none"),
        ),
    ]


def _summary(report: Portfolio, skipped: list[tuple[str, str]], tr: Translator) -> str:
    return tr(
        "portfolio.summary",
        journeys=len(report.journeys),
        older=report.older_versions,
        skipped=len(skipped),
    )


def portfolio_text(
    report: Portfolio,
    skipped: list[tuple[str, str]],
    tr: Translator,
    *,
    today: dt.date,
    stale_days: int,
) -> str:
    lines = [tr("portfolio.title"), _summary(report, skipped, tr), ""]
    for section in sections(report, skipped, tr, today=today, stale_days=stale_days):
        lines.append(section.title)
        if not section.rows:
            lines.extend([f"  {section.empty}", ""])
            continue
        for row in section.rows:
            lines.append("  " + " · ".join(" ".join(cell.split()) for cell in row))
        lines.append("")
    return "\n".join(lines)


def portfolio_markdown(
    report: Portfolio,
    skipped: list[tuple[str, str]],
    tr: Translator,
    *,
    today: dt.date,
    stale_days: int,
) -> str:
    parts = [
        f"# {escape.inline(tr('portfolio.title'))}",
        "",
        escape.inline(_summary(report, skipped, tr)),
        "",
    ]
    for section in sections(report, skipped, tr, today=today, stale_days=stale_days):
        parts.extend([f"## {escape.inline(section.title)}", ""])
        if section.rows:
            parts.append(escape.table(section.header, section.rows))
        else:
            parts.append(escape.inline(section.empty))
        parts.append("")
    return "\n".join(parts)


def portfolio_html(
    report: Portfolio,
    skipped: list[tuple[str, str]],
    tr: Translator,
    *,
    today: dt.date,
    stale_days: int,
) -> str:
    e = html.escape
    body = [f"<h1>{e(tr('portfolio.title'))}</h1>", f"<p>{e(_summary(report, skipped, tr))}</p>"]
    for section in sections(report, skipped, tr, today=today, stale_days=stale_days):
        body.append(f"<section><h2>{e(section.title)}</h2>")
        if section.rows:
            head = "".join(f'<th scope="col">{e(h)}</th>' for h in section.header)
            rows = "".join(
                "<tr>" + "".join(f"<td>{e(cell)}</td>" for cell in row) + "</tr>"
                for row in section.rows
            )
            body.append(f"<table><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>")
        else:
            body.append(f'<p class="empty">{e(section.empty)}</p>')
        body.append("</section>")
    return _PAGE.format(lang=tr.language, title=e(tr("portfolio.title")), body="\n".join(body))


_PAGE = """<!doctype html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<style>
body {{ font-family: system-ui, sans-serif; margin: 2rem auto; max-width: 70rem; padding: 0 1rem;
  line-height: 1.45; color: #1f2328; }}
h1 {{ font-size: 1.7rem; }} h2 {{ font-size: 1.2rem; margin-top: 2rem; }}
table {{ border-collapse: collapse; width: 100%; table-layout: fixed; }}
th, td {{ text-align: left; vertical-align: top; padding: .35rem .5rem;
  border-bottom: 1px solid #d0d7de; overflow-wrap: anywhere; }}
th {{ background: #f6f8fa; }}
.empty {{ color: #59636e; }}
@media print {{ section {{ break-inside: avoid-page; }} thead {{ display: table-header-group; }} }}
</style>
</head>
<body>
{body}
</body>
</html>
"""
