"""The facilitator's guide: how to run the session, one page per part, as blocks of text.

The words are data, in the catalogs (``facilitator.*``); this module puts them in order and
adds what depends on the session: the agenda with its times (``model.agenda``), the template's
phases and the journey's shape, each step's minutes, and the date of the revisit. The pages are
blocks (a heading, a paragraph, a list item, an agenda row) that ``plain_text`` writes for the
command line and the app's guide dialog turns into styled text, so both say the same.
"""

from __future__ import annotations

import datetime as dt
import textwrap
from dataclasses import dataclass
from typing import Final, Literal

from cjworkshop.i18n import Translator
from cjworkshop.model.agenda import (
    CLOSE_MINUTES,
    OPENING_MINUTES,
    Slot,
    agenda,
    planned_minutes,
    step_minutes,
)
from cjworkshop.model.session import STEPS, Mode, Session, Shape, Step
from cjworkshop.model.template import Template

PAGES: Final[tuple[str, ...]] = ("opening", "model", *STEPS, "close")
"""Every page of the guide, in order: the opening, the model, one per step, the close."""

DEFAULT_START: Final = 9 * 60
"""Nine in the morning, in minutes after midnight: when the agenda starts unless told."""

RUN: Final = ("speaks", "types", "materials", "ready")
"""What a step's page says of how it runs, after its minutes: who speaks, who types, the
materials and what to have ready."""

EXTRA: Final[dict[str, tuple[str, ...]]] = {
    "personas": ("choose",),
    "plotting": ("truth",),
    "roadmap": ("effort", "override"),
}
SECTIONS: Final[dict[str, tuple[str, ...]]] = {
    "opening": ("welcome", "purpose", "before", "rules", "warmup"),
    "model": ("shape",),
    **{step: ("how", *EXTRA.get(step, ())) for step in STEPS},
    "close": ("how", "revisit"),
}
"""The sections of every page, in order, each a heading and a list of items; the opening's
agenda comes before its ground rules."""

TEXTS: Final[dict[str, tuple[str, ...]]] = {
    "opening": ("title", "lead"),
    "model": ("title",),
    **dict.fromkeys(STEPS, ("title", "lead", *RUN)),
    "close": ("title", "lead", "speaks", "types"),
}
"""The texts of every page (``facilitator.page.<page>.<text>``) asked for by name; a
section's items are ``facilitator.page.<page>.items.<section>``."""

BlockKind = Literal["heading", "text", "line", "item", "row"]


@dataclass(frozen=True, slots=True)
class Block:
    """One piece of a page: a section heading, a paragraph, a line that follows the one
    before it (a step's minutes, who speaks), a list item or an agenda row."""

    kind: BlockKind
    text: str


@dataclass(frozen=True, slots=True)
class Page:
    name: str
    """One of ``PAGES``: what ``cjworkshop guide STEP`` and the app's key ask for."""
    title: str
    blocks: tuple[Block, ...]


@dataclass(frozen=True, slots=True)
class GuideFor:
    """What the guide is fitted to: a template, and a session when there is one."""

    template: Template | None
    session: Session | None = None
    start: int = DEFAULT_START
    """When the session starts, in minutes after midnight."""

    @property
    def mode(self) -> Mode:
        return self.session.mode if self.session is not None else "workshop"

    @property
    def shape(self) -> Shape:
        if self.session is not None:
            return self.session.shape
        return self.template.shape if self.template is not None else "linear"

    def minutes(self, step: Step) -> int:
        """The step's planned minutes: the session's, else the template's; 0 for none."""
        timebox = self.session.timebox if self.session is not None else None
        return planned_minutes(step, self.template, timebox)

    def agenda(self) -> tuple[Slot, ...]:
        timebox = self.session.timebox if self.session is not None else None
        return agenda(step_minutes(self.template, self.mode, timebox))


def facilitator_guide(tr: Translator, fit: GuideFor) -> tuple[Page, ...]:
    """Every page of the guide, in ``tr``'s language, fitted to ``fit``."""
    return tuple(guide_page(tr, fit, name) for name in PAGES)


def guide_page(tr: Translator, fit: GuideFor, name: str) -> Page:
    """One page of the guide; ``name`` is one of ``PAGES``."""
    if name == "model":
        template_name = fit.template.name(tr.language) if fit.template is not None else "—"
        return Page(name, _part(tr, name, "title", template=template_name), _model(tr, fit))
    if name == "opening":
        minutes = OPENING_MINUTES
    elif name == "close":
        minutes = CLOSE_MINUTES
    else:
        minutes = fit.minutes(next(step for step in STEPS if step == name))
    blocks = [Block("text", _part(tr, name, "lead")), *_run(tr, name, minutes)]
    for section in SECTIONS[name]:
        if section == "rules":
            blocks += agenda_blocks(tr, fit)
        blocks += _section(tr, name, section)
    if name == "close" and fit.session is not None:
        blocks.append(Block("text", revisit_line(tr, fit.session.next_revisit)))
    return Page(name, _part(tr, name, "title"), tuple(blocks))


def _part(tr: Translator, page: str, part: str, **params: object) -> str:
    return tr(f"facilitator.page.{page}.{part}", **params)


def _section(tr: Translator, page: str, section: str) -> list[Block]:
    heading = Block("heading", tr(f"facilitator.section.{section}"))
    items = tr.items(f"facilitator.page.{page}.items.{section}")
    return [heading, *(Block("item", item) for item in items)]


def _field(tr: Translator, label: str, value: str, kind: BlockKind = "line") -> Block:
    return Block(kind, f"{tr(f'facilitator.run.{label}')}: {value}")


def _run(tr: Translator, page: str, minutes: int) -> list[Block]:
    """The page's minutes, then who speaks, who types, the materials and what to have ready,
    as far as the page says them."""
    if page in ("opening", "close"):
        time = tr("facilitator.run.fixed", minutes=minutes)
    elif minutes:
        time = tr("facilitator.run.minutes", minutes=minutes)
    else:
        time = tr("facilitator.run.no_timebox")
    blocks = [_field(tr, "time", time, "text")]
    blocks += [_field(tr, label, _part(tr, page, label)) for label in RUN if label in TEXTS[page]]
    return blocks


def clock(minutes: int) -> str:
    """``09:05`` for 545 minutes after midnight (past midnight starts again at 00:00)."""
    hours, rest = divmod(minutes % (24 * 60), 60)
    return f"{hours:02d}:{rest:02d}"


def duration(tr: Translator, minutes: int) -> str:
    """``4 h 20 min``, or ``45 min`` under an hour."""
    hours, rest = divmod(minutes, 60)
    if not hours:
        return tr("facilitator.agenda.minutes", minutes=rest)
    return tr("facilitator.agenda.hours", hours=hours, minutes=rest)


def slot_name(tr: Translator, slot: Slot) -> str:
    if slot.step is not None:
        return tr(f"step.{slot.step}")
    return tr(f"facilitator.agenda.{slot.kind}")


def agenda_blocks(tr: Translator, fit: GuideFor) -> list[Block]:
    """The agenda as rows with clock times, then its length; the rows' minutes add up to it."""
    slots = fit.agenda()
    start = fit.start
    rows = [
        Block(
            "row",
            tr(
                "facilitator.agenda.row",
                start=clock(start + slot.start),
                end=clock(start + slot.end),
                minutes=f"{slot.minutes:>3}",
                what=slot_name(tr, slot),
            ),
        )
        for slot in slots
    ]
    length = slots[-1].end
    total = tr(
        "facilitator.agenda.total",
        length=duration(tr, length),
        start=clock(start),
        end=clock(start + length),
    )
    heading = Block("heading", tr("facilitator.agenda.heading"))
    note = tr(
        "facilitator.agenda.note_solo"
        if fit.mode == "self-assessment"
        else "facilitator.agenda.note"
    )
    return [heading, *rows, Block("text", total), Block("text", note)]


def _model(tr: Translator, fit: GuideFor) -> tuple[Block, ...]:
    template, language = fit.template, tr.language
    blocks: list[Block] = []
    if template is not None:
        blocks.append(Block("text", template.description(language)))
    blocks.append(Block("heading", tr("facilitator.section.phases")))
    phases = template.phases if template is not None else ()
    blocks += [
        Block("item", f"{phase.name(language)}: {phase.description(language)}") for phase in phases
    ]
    if not phases:
        blocks.append(Block("text", tr("facilitator.page.model.blank")))
    blocks += _section(tr, "model", "shape")
    shape = tr(f"shape.{fit.shape}")
    if fit.session is not None:
        blocks.append(Block("text", tr("facilitator.page.model.this_shape", shape=shape)))
    else:
        blocks.append(Block("text", tr("facilitator.page.model.template_shape", shape=shape)))
    return tuple(blocks)


def revisit_line(tr: Translator, day: dt.date | None) -> str:
    """When the session's revisit is planned, or that it is not yet."""
    if day is None:
        return tr("facilitator.page.close.unplanned")
    return tr("facilitator.page.close.planned", date=day.isoformat())


def plain_text(pages: tuple[Page, ...] | list[Page], width: int = 78) -> str:
    """The pages as text for a terminal: titles underlined, paragraphs and items wrapped."""
    lines: list[str] = []
    for page in pages:
        if lines:
            lines.append("")
        lines += [page.title, "=" * len(page.title)]
        for block in page.blocks:
            lines += _plain_block(block, width)
    return "\n".join(lines) + "\n"


def _plain_block(block: Block, width: int) -> list[str]:
    if block.kind == "heading":
        return ["", block.text, "-" * len(block.text)]
    if block.kind == "row":
        return ["  " + block.text]
    if block.kind == "line":
        return textwrap.wrap(block.text, width, subsequent_indent="  ")
    if block.kind == "item":
        return textwrap.wrap(block.text, width, initial_indent="- ", subsequent_indent="  ")
    return ["", *textwrap.wrap(block.text, width)]
