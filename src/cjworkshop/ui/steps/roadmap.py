"""Roadmap: the ranked improvements by horizon, decided on by the room, exported in one key.

Items come from pain points, opportunities and weak self-assessment answers, ranked by the
documented score; the card under the list says why each item ranks where it does. One key sets
effort (1-5), status (s) or horizon (h); V picks who is voting and . and , spend or take back
their dots (+ stays the timebox's, as everywhere); m marks an item and m on another merges the
two, m again on the marked one or Escape cancels; x writes the roadmap as Markdown beside the
session file; r plans the next revisit (``roadmap_revisit``). Every decision re-ranks at once
and is saved like any other edit; the cursor goes with the item and says where it went. An owner
doing a self-assessment alone has nobody to vote with: the dots are left out of the step, and its
texts speak to them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from msgspec.structs import replace
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import DataTable, Static

from cjworkshop.export.explain import merge_note
from cjworkshop.model import decisions
from cjworkshop.model.roadmap import RankedItem, orphaned, roadmap
from cjworkshop.model.session import NAME_LENGTH, STATUSES, Horizon, Session
from cjworkshop.model.template import checklist
from cjworkshop.ui.modals.form_spec import Answers, FormSpec, FormValues, line_field, text_field
from cjworkshop.ui.steps.base import Asked, ExportRequested, FormRequest, StepContext, StepView
from cjworkshop.ui.steps.roadmap_revisit import PlannedRevisit, revisit_form, revisit_line
from cjworkshop.ui.steps.roadmap_table import (
    HEADER,
    ITEM,
    ORPHAN,
    group_name,
    item_card,
    place,
    roadmap_rows,
)
from cjworkshop.ui.widgets.record_table import RecordTable
from cjworkshop.ui.widgets.text import TextPanel

if TYPE_CHECKING:
    from cjworkshop.store.drafts import Draft


@dataclass(frozen=True)
class ItemAnswer:
    """What the form of a roadmap item says of it: spaces tidied, the note's lines kept."""

    title: str
    owner: str
    note: str


class RoadmapStep(StepView):
    """Improvements by horizon, with effort, owner, status, votes and the reason for each rank."""

    STEP = "roadmap"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("1", "effort(1)", "key.effort_1", show=False),
        Binding("2", "effort(2)", "key.effort_2", show=False),
        Binding("3", "effort(3)", "key.effort_3", show=False),
        Binding("4", "effort(4)", "key.effort_4", show=False),
        Binding("5", "effort(5)", "key.effort_5", show=False),
        Binding("0", "effort(0)", "key.effort_clear", show=False),
        Binding("e", "edit", "key.edit"),
        Binding("s", "status", "key.status"),
        Binding("h", "horizon", "key.horizon"),
        Binding("V", "voter", "key.voter"),
        Binding("full_stop", "vote(1)", "key.dot_add"),
        Binding("comma", "vote(-1)", "key.dot_remove", show=False),
        Binding("m", "merge", "key.merge"),
        Binding("escape", "cancel_merge", "key.cancel_merge"),
        Binding("x", "export", "key.export"),
        Binding("X", "export_report", "key.export_report"),
        Binding("r", "revisit_date", "key.revisit_date", show=False),
        Binding("d,delete", "forget", "key.forget", show=False),
    ]

    def __init__(self, context: StepContext) -> None:
        super().__init__(context)
        self.items: dict[str, RankedItem] = {}
        self.voter: str | None = None
        self.marked: str | None = None
        """The item marked with m, to merge with the next one m is pressed on."""
        self.moving: tuple[str, tuple[str, int]] | None = None
        """The item a decision was just made on, with its place before: where it went is said
        once the roadmap is ranked again."""

    def compose(self) -> ComposeResult:
        yield TextPanel(classes="step-intro", id="roadmap-intro")
        yield TextPanel(id="roadmap-voting", classes="hint")
        yield TextPanel(id="roadmap-revisit", classes="hint")
        yield RecordTable(id="roadmap-table", stops=lambda key: not key.startswith(HEADER))
        yield TextPanel(classes="card below", id="roadmap-card")
        yield TextPanel(classes="hint empty", id="roadmap-empty")

    @property
    def table(self) -> RecordTable:
        return self.query_one("#roadmap-table", RecordTable)

    def ranked(self) -> list[RankedItem]:
        session = self.current
        return roadmap(session, checklist(self.template, session.language))

    def refresh_view(self) -> None:
        tr = self.tr
        items = self.ranked()
        self.items = {item.id: item for item in items}
        solo = self.current.mode == "self-assessment"
        self.query_one("#roadmap-intro", Static).update(
            tr("solo.roadmap.intro" if solo else "roadmap.intro")
        )
        self.table.set_columns(
            [
                ("#", 3),
                (tr("roadmap.column.item"), None),
                (tr("roadmap.column.score"), None),
                (tr("roadmap.column.effort"), None),
                (tr("roadmap.column.owner"), None),
                (tr("roadmap.column.status"), None),
            ]
        )
        if self.marked is not None and self.marked not in self.items:
            self.marked = None  # merged, or gone with its pain points
            self.refresh_bindings()
        self._say_where_it_went()
        stale = orphaned(self.current)
        self.table.fill(roadmap_rows(tr, items, stale, self.marked))
        has_items = bool(items or stale)
        self.table.display = has_items
        empty = self.query_one("#roadmap-empty", Static)
        empty.display = not has_items
        empty.update(tr("solo.roadmap.empty" if solo else "roadmap.empty"))
        self._show_voting()
        self.query_one("#roadmap-revisit", Static).update(revisit_line(tr, self.current))
        self._show_card(self.table.current_key)

    def _say_where_it_went(self) -> None:
        moving, self.moving = self.moving, None
        if moving is None:
            return
        item_id, before = moving
        item = self.items.get(item_id)
        if item is None or place(item) == before:
            return
        group, rank = place(item)
        moved = self.tr(
            "roadmap.moved", name=item.title, group=group_name(self.tr, group), place=rank
        )
        self.notify(moved, timeout=4)

    def _show_voting(self) -> None:
        tr, session = self.tr, self.current
        line = self.query_one("#roadmap-voting", Static)
        line.display = session.mode != "self-assessment"
        if self.voter is None:
            line.update(tr("roadmap.no_voter", budget=session.dots_per_participant))
            return
        left = session.dots_per_participant - decisions.dots_spent(session, self.voter)
        line.update(
            tr("roadmap.voter", name=self.voter, left=left, budget=session.dots_per_participant)
        )

    @on(DataTable.RowHighlighted, "#roadmap-table")
    def _highlighted(self, event: DataTable.RowHighlighted) -> None:
        self._show_card(event.row_key.value)

    def _show_card(self, key: str | None) -> None:
        card = self.query_one("#roadmap-card", Static)
        item = self.items.get(key.removeprefix(ITEM)) if key and key.startswith(ITEM) else None
        card.display = item is not None
        if item is None:
            return
        card.update(item_card(self.tr, self.current, item))

    def focus_main(self) -> None:
        self.table.focus()

    def select_record(self, record_id: str) -> None:
        self.table.select_key(ITEM + record_id)

    # Decisions ----------------------------------------------------------------------------

    def _item(self) -> RankedItem | None:
        """The item under the cursor; on an old decision's row, or with no items, says why a
        key that works on an item does nothing."""
        key = self.table.current_key
        if key is not None and key.startswith(ITEM):
            found = self.items.get(key.removeprefix(ITEM))
            if found is not None:
                return found
        if key is not None and key.startswith(ORPHAN):
            self.notify(self.tr("roadmap.orphan_keys"))
        else:
            self.notify(self.tr("roadmap.empty"))
        return None

    def _today(self) -> dt.date:
        return self.clock().date()

    def _decide(self, item: RankedItem, changed: Session, label: str) -> None:
        # The cursor goes with the item it was on, to the item's new place. Whoever sets an
        # effort, a status or a horizon is looking at that item: the next key may well correct
        # it (2, then 3) and must not fall on whatever slid into its row. The jump is easy to
        # miss in a long list, so it is said in words: moved to Next, place 7.
        self.moving = (item.id, place(item))
        self.edit(changed, label, select=item.id)

    def action_effort(self, effort: int) -> None:
        item = self._item()
        if item is None:
            return
        changed = decisions.decide(self.current, item, self._today(), effort=effort or None)
        self._decide(item, changed, self.tr("edit.roadmap.effort", name=item.title))

    def action_status(self) -> None:
        item = self._item()
        if item is None:
            return
        following = STATUSES[(STATUSES.index(item.status) + 1) % len(STATUSES)]
        changed = decisions.decide(self.current, item, self._today(), status=following)
        self._decide(item, changed, self.tr("edit.roadmap.status", name=item.title))

    def action_horizon(self) -> None:
        item = self._item()
        if item is None:
            return
        cycle: list[Horizon | None] = [None, "now", "next", "later"]
        current = item.decision.horizon if item.decision else None
        following = cycle[(cycle.index(current) + 1) % len(cycle)]
        changed = decisions.decide(self.current, item, self._today(), horizon=following)
        self._decide(item, changed, self.tr("edit.roadmap.horizon", name=item.title))

    async def action_edit(self) -> None:
        item = self._item()
        if item is not None:
            await self._item_form(item)

    def restore_draft(self, draft: Draft) -> bool:
        """The item (or the voter) a draft was typed for, with its form open again."""
        if draft.kind == "roadmap.voter":
            self.action_voter(draft.values)
            return True
        if draft.kind == "roadmap.revisit":
            self.action_revisit_date(draft.values)
            return True
        item = self.items.get(draft.context.get("item", ""))
        if draft.kind != "roadmap.item" or item is None:
            return False
        self.select_record(item.id)
        self._item_form(item, draft.values)
        return True

    def _item_form(self, item: RankedItem, initial: FormValues | None = None) -> Asked:
        tr = self.tr
        decision = item.decision
        title = line_field("title", tr("roadmap.field.title"), item.title, required=True)
        owner = line_field(
            "owner", tr("roadmap.field.owner"), item.owner, hint=tr("roadmap.field.owner_hint")
        )
        note = text_field("note", tr("roadmap.field.note"), decision.note if decision else "")

        def read(answers: Answers) -> ItemAnswer:
            return ItemAnswer(
                " ".join(answers[title].split()),
                " ".join(answers[owner].split()),
                answers[note].strip(),
            )

        def saved(answer: ItemAnswer) -> None:
            fresh = self.items.get(item.id)
            if fresh is None:
                return
            generated = fresh.evidence[0].text
            changed = decisions.decide(
                self.current,
                fresh,
                self._today(),
                title="" if answer.title == generated else answer.title,
                owner=answer.owner,
                note=answer.note,
            )
            self.edit(changed, tr("edit.roadmap.edit", name=answer.title), select=fresh.id)

        form = FormSpec(tr("roadmap.form.title"), (title, owner, note), read)
        return self.ask(FormRequest("roadmap.item", form, saved, {"item": item.id}, initial))

    def action_voter(self, initial: FormValues | None = None) -> Asked:
        tr, session = self.tr, self.current
        known = ", ".join(decisions.participants(session)) or tr("roadmap.nobody_yet")
        name = line_field(
            "name",
            tr("roadmap.field.voter"),
            self.voter or "",
            required=True,
            hint=tr("roadmap.field.voter_hint", known=known),
            max_length=NAME_LENGTH,
        )

        def read(answers: Answers) -> str:
            return " ".join(answers[name].split())

        def saved(voter: str) -> None:
            self.voter = voter
            self._show_voting()

        form = FormSpec(tr("roadmap.form.voter"), (name,), read)
        return self.ask(FormRequest("roadmap.voter", form, saved, {}, initial))

    def action_revisit_date(self, initial: FormValues | None = None) -> Asked:
        """Plan the day the room looks at this map again, or plan none."""

        def saved(answer: PlannedRevisit) -> None:
            changed = replace(self.current, next_revisit=answer.day)
            self.edit(changed, self.tr("edit.roadmap.revisit"))

        form = revisit_form(self.tr, self.current, self._today())
        return self.ask(FormRequest("roadmap.revisit", form, saved, {}, initial))

    async def action_vote(self, delta: int) -> None:
        item = self._item()
        if item is None:
            return
        tr = self.tr
        if self.voter is None:
            await self.action_voter()
            return
        try:
            changed = decisions.vote(self.current, item, self.voter, delta)
        except decisions.VoteRefused as refused:
            message = tr(
                f"roadmap.vote_refused.{refused.reason}", name=self.voter, budget=refused.budget
            )
            self.notify(message, severity="warning")
            return
        self._decide(item, changed, tr("edit.roadmap.vote", name=item.title, voter=self.voter))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "cancel_merge":
            return self.marked is not None  # Escape is only this step's while an item is marked
        if action in ("voter", "vote"):
            return self.current.mode != "self-assessment"  # nobody to vote with
        return True

    def _mark(self, item_id: str | None) -> None:
        self.marked = item_id
        self.refresh_bindings()
        self.refresh_view()

    def action_cancel_merge(self) -> None:
        marked = self.items.get(self.marked) if self.marked is not None else None
        self._mark(None)
        if marked is not None:
            self.notify(self.tr("roadmap.unmarked", name=marked.title))

    async def action_merge(self) -> None:
        item = self._item()
        if item is None:
            return
        tr = self.tr
        if self.marked == item.id:
            self.action_cancel_merge()
            return
        if self.marked is None or self.marked not in self.items:
            self._mark(item.id)
            self.notify(tr("roadmap.marked", name=item.title))
            return
        other = self.items[self.marked]

        def answered(yes: bool) -> None:
            if not yes:
                self.action_cancel_merge()
                return
            self.marked = None
            self.refresh_bindings()
            report = decisions.merge_report(self.current, item, other)
            changed = decisions.merge(
                self.current, item, other, self._today(), remark=merge_note(tr, report)
            )
            self.edit(
                changed,
                tr("edit.roadmap.merge", name=item.title, other=other.title),
                select=item.id,
            )

        await self.confirm(
            tr("roadmap.merge_question", name=item.title, other=other.title),
            tr("button.merge"),
            answered,
        )

    def action_forget(self) -> None:
        key = self.table.current_key
        if key is None or not key.startswith(ORPHAN):
            self.notify(self.tr("roadmap.forget_items"))
            return
        record_id = key.removeprefix(ORPHAN)
        self.edit(decisions.forget(self.current, record_id), self.tr("edit.roadmap.forget"))

    def action_export(self) -> None:
        self.post_message(ExportRequested())

    def action_export_report(self) -> None:
        self.post_message(ExportRequested("report"))
