"""Self-assessment: a solo owner scores their own business, phase by phase, in plain questions.

The questions come from the session's template. Each is answered 1 (not at all) to 5 (fully) with
one key, or marked "does not apply" with n, and the cursor moves on to the next question; w shows
why a question matters, e adds a note. The chart on top shows the score per phase and overall;
the weakest answers become roadmap items with the same scoring as pain points.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from rich.table import Table
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import DataTable, Static

from cjworkshop.i18n import Translator
from cjworkshop.model.assessment import (
    PhaseScore,
    answers_by_question,
    overall_score,
    phase_scores,
    set_answer,
)
from cjworkshop.model.template import AssessmentQuestion, template_phase
from cjworkshop.ui.modals.form_spec import Answers, FormSpec, FormValues, text_field
from cjworkshop.ui.steps.base import Asked, FormRequest, PhaseFocused, StepContext, StepView
from cjworkshop.ui.widgets.record_table import RecordTable
from cjworkshop.ui.widgets.text import TextPanel, first_line

if TYPE_CHECKING:
    from cjworkshop.store.drafts import Draft

PHASE = "phase:"
QUESTION = "q:"
BAR = 10


def score_bar(tr: Translator, value: float | None, width: int = BAR) -> Text:
    """``███████░░░ 3.5``: a bar and the number (``3,5`` in Dutch), readable without colour."""
    if value is None:
        return Text("░" * width + " —", style="dim")
    filled = round(value / 5 * width)
    style = "red" if value < 2.5 else "yellow" if value < 3.5 else "green"
    text = Text("█" * filled, style=style)
    text.append("░" * (width - filled), style="dim")
    text.append(" " + tr.decimal(f"{value:.1f}"))
    return text


class AssessmentStep(StepView):
    """The template's checklist per phase, answered with single keys."""

    STEP = "assessment"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("1", "answer(1)", "key.answer_1", show=False),
        Binding("2", "answer(2)", "key.answer_2", show=False),
        Binding("3", "answer(3)", "key.answer_3", show=False),
        Binding("4", "answer(4)", "key.answer_4", show=False),
        Binding("5", "answer(5)", "key.answer_5", show=False),
        Binding("n", "not_applicable", "key.not_applicable"),
        Binding("0", "clear", "key.clear_answer", show=False),
        Binding("w", "why", "key.why"),
        Binding("e", "note", "key.note"),
    ]

    def __init__(self, context: StepContext) -> None:
        super().__init__(context)
        self.show_why = False
        self.questions: dict[str, AssessmentQuestion] = {}

    def compose(self) -> ComposeResult:
        yield TextPanel(classes="step-intro", id="assessment-intro")
        yield TextPanel(id="assessment-scores")
        yield RecordTable(id="assessment-table", stops=lambda key: key.startswith(QUESTION))
        yield TextPanel(classes="card below", id="assessment-card")
        yield TextPanel(classes="hint empty", id="assessment-empty")

    @property
    def table(self) -> RecordTable:
        return self.query_one("#assessment-table", RecordTable)

    def refresh_view(self) -> None:
        tr, session = self.tr, self.current
        template = self.template
        language = session.language
        self.query_one("#assessment-intro", Static).update(tr("assessment.intro"))
        answers = answers_by_question(session)
        scores = phase_scores(session)
        self.questions = {}
        rows: list[tuple[str, list[str | Text]]] = []
        for phase in session.phases:
            guide = template_phase(template, phase.id)
            if guide is None or not guide.assessment:
                continue
            rows.append(
                (
                    PHASE + phase.id,
                    [
                        score_bar(tr, scores[phase.id].average, 5),
                        Text(f"▸ {phase.name}", style="bold"),
                    ],
                )
            )
            for question in guide.assessment:
                key = f"{phase.id}.{question.id}"
                self.questions[key] = question
                answer = answers.get(key)
                if answer is None:
                    shown = Text("—", style="dim")
                elif answer.not_applicable:
                    shown = Text(tr("assessment.not_applicable"), style="dim italic")
                elif answer.score is not None:
                    shown = Text.assemble(
                        ("●" * answer.score, "bold"),
                        ("○" * (5 - answer.score), "dim"),
                        f" {answer.score}",
                    )
                else:
                    shown = Text("—", style="dim")
                if answer is not None and answer.note:
                    shown.append(" ✎")
                rows.append(
                    (
                        QUESTION + key,
                        [shown, Text(first_line(question.question(language), 90))],
                    )
                )
        # The answer comes first, so it stays in view however long the questions are.
        self.table.set_columns(
            [(tr("assessment.column.answer"), 20), (tr("assessment.column.question"), None)]
        )
        self.table.fill(rows)
        has_questions = bool(self.questions)
        self.table.display = has_questions
        self.query_one("#assessment-scores").display = has_questions
        empty = self.query_one("#assessment-empty", Static)
        empty.display = not has_questions
        empty.update(tr("assessment.none"))
        if has_questions:
            self.query_one("#assessment-scores", Static).update(self._chart(scores))
        self._show_card(self.table.current_key)

    def _chart(self, scores: dict[str, PhaseScore]) -> Table:
        tr, session = self.tr, self.current
        chart = Table.grid(padding=(0, 2))
        chart.add_column(style="bold")
        chart.add_column()
        chart.add_column(style="dim")
        for phase in session.phases:
            score = scores[phase.id]
            if (
                score.answered == 0
                and score.not_applicable == 0
                and phase.id not in {key.split(".")[0] for key in self.questions}
            ):
                continue
            detail = tr("assessment.answered", count=score.answered)
            if score.not_applicable:
                detail += " · " + tr("assessment.skipped", count=score.not_applicable)
            chart.add_row(Text(first_line(phase.name, 20)), score_bar(tr, score.average), detail)
        chart.add_row(tr("assessment.overall"), score_bar(tr, overall_score(session)), "")
        return chart

    @on(DataTable.RowHighlighted, "#assessment-table")
    def _highlighted(self, event: DataTable.RowHighlighted) -> None:
        key = event.row_key.value
        self._show_card(key)
        if key and key.startswith(QUESTION):
            self.post_message(PhaseFocused(key.removeprefix(QUESTION).split(".")[0]))

    def _show_card(self, key: str | None) -> None:
        tr = self.tr
        card = self.query_one("#assessment-card", Static)
        question_key = key.removeprefix(QUESTION) if key and key.startswith(QUESTION) else None
        question = self.questions.get(question_key) if question_key else None
        card.display = question is not None
        if question is None or question_key is None:
            return
        language = self.current.language
        text = Text(question.question(language) + "\n", style="bold")
        if self.show_why:
            text.append(tr("assessment.why") + " ", style="bold dim")
            text.append(question.why(language) + "\n", style="italic")
        else:
            text.append(tr("assessment.why_hint") + "\n", style="dim")
        answer = answers_by_question(self.current).get(question_key)
        if answer is not None and answer.note:
            text.append(tr("assessment.note") + " ", style="bold dim")
            text.append(answer.note + "\n")
        card.update(text)

    def focus_main(self) -> None:
        self.table.focus()

    # Answering ----------------------------------------------------------------------------

    def _question(self) -> str | None:
        """The question under the cursor; with none (the template has no checklist), says so."""
        key = self.table.current_key
        if key and key.startswith(QUESTION):
            return key.removeprefix(QUESTION)
        self.notify(self.tr("assessment.none"))
        return None

    def select_record(self, record_id: str) -> None:
        self.table.select_key(QUESTION + record_id)

    def _following(self, question: str) -> str:
        """The next question, so that answering walks down the list; the last one stays."""
        keys = list(self.questions)
        position = keys.index(question)
        return keys[min(position + 1, len(keys) - 1)]

    def action_answer(self, score: int) -> None:
        question = self._question()
        if question is not None:
            changed = set_answer(self.current, question, score=score)
            self.edit(changed, self._label(question), select=self._following(question))

    def action_not_applicable(self) -> None:
        question = self._question()
        if question is not None:
            changed = set_answer(self.current, question, not_applicable=True)
            self.edit(changed, self._label(question), select=self._following(question))

    def action_clear(self) -> None:
        question = self._question()
        if question is not None:
            changed = set_answer(self.current, question, score=None)
            self.edit(changed, self._label(question), select=question)

    def _label(self, question: str) -> str:
        text = self.questions[question].question(self.current.language)
        return self.tr("edit.assessment", question=first_line(text, 40))

    def action_why(self) -> None:
        self.show_why = not self.show_why
        self._show_card(self.table.current_key)

    async def action_note(self) -> None:
        question = self._question()
        if question is not None:
            await self._note_form(question)

    def restore_draft(self, draft: Draft) -> bool:
        """The note a draft was typed for, with its form open again."""
        question = draft.context.get("question", "")
        if draft.kind != "assessment.note" or question not in self.questions:
            return False
        self.select_record(question)
        self._note_form(question, draft.values)
        return True

    def _note_form(self, question: str, initial: FormValues | None = None) -> Asked:
        tr = self.tr
        answer = answers_by_question(self.current).get(question)
        note = text_field(
            "note",
            tr("assessment.note"),
            answer.note if answer else "",
            hint=tr("assessment.note_hint"),
        )

        def read(answers: Answers) -> str:
            return answers[note].strip()

        def saved(text: str) -> None:
            current = answers_by_question(self.current).get(question)
            changed = set_answer(
                self.current,
                question,
                score=current.score if current else None,
                not_applicable=current.not_applicable if current else False,
                note=text,
            )
            self.edit(changed, self._label(question), select=question)

        title = first_line(self.questions[question].question(self.current.language), 60)
        form = FormSpec(title, (note,), read)
        where = {"question": question}
        return self.ask(FormRequest("assessment.note", form, saved, where, initial))
