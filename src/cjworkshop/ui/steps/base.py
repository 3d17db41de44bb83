"""What every step of the guided flow shares, and the messages steps send their screen.

A step is given what it needs by the session screen that builds it: the translator, the
template and the clock when it is made (``StepContext``), the session file's path as an
attribute, and the session itself through the ``session`` reactive after every edit. It never
reaches for its screen or the app: everything else it asks for with a message, which bubbles up
to the screen.

A step shows part of the session and edits it by posting ``SessionEdited`` with the new session
and an undo label; the session screen commits it, saves it and hands the new session back to
every step it has built. A step's view is built the first time it is shown; steps that are
built but not on screen only note that they are out of date and redraw when they are shown
again, so an edit costs one redraw, not eight. What the step list says of a step comes from
``progress``, from the session alone, so it needs no view.

A step that needs a form filled in posts ``FormRequested`` (or ``RecordFormRequested`` for the
screen's own forms of goals, personas, phases and touchpoints); the session screen opens it,
keeps its draft while it is typed in, and calls the step back with the values. A step with a
field of its own (the walk's action and quote) reports what is typed there with ``DraftTyped``.
After a crash the screen hands such a draft back to its step (``restore_draft``), which opens
the form or the field again where it was. A question before something that cannot be taken back
lightly is ``ConfirmRequested``; another step is ``StepRequested``; writing the roadmap beside
the session is ``ExportRequested``; the whole terminal for a presentation is
``PresentationToggled``.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
from collections.abc import Callable, Generator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar, Generic, Literal, TypeVar

from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.message import Message
from textual.reactive import reactive

from cjworkshop.i18n import Translator
from cjworkshop.model.session import Session, Step
from cjworkshop.model.template import Template
from cjworkshop.ui.widgets.text import LiteralNotifications

if TYPE_CHECKING:
    from cjworkshop.store.drafts import Draft
    from cjworkshop.ui.forms import FormKind
    from cjworkshop.ui.modals.form_spec import FormSpec, FormValues


Answer = TypeVar("Answer")

FEELING_BINDINGS: list[BindingType] = [
    Binding("1", "emotion(1)", "key.emotion_1", show=False),
    Binding("2", "emotion(2)", "key.emotion_2", show=False),
    Binding("3", "emotion(3)", "key.emotion_3", show=False),
    Binding("4", "emotion(4)", "key.emotion_4", show=False),
    Binding("5", "emotion(5)", "key.emotion_5", show=False),
    Binding("0", "emotion(0)", "key.emotion_clear", show=False),
]
"""1 to 5 note how the persona feels at the plot under the cursor, 0 clears it: the grid's and
the walk's keys (each step has its ``action_emotion``)."""

DIALOG_PATIENCE = 1.0
"""The longest a key that asks for a dialog waits for the screen to put it up."""


class DialogRequested(Message):
    """A step asks its screen for a dialog; the screen sets ``shown`` once it is up (or once
    it has said why it cannot be)."""

    def __init__(self) -> None:
        super().__init__()
        self.shown = asyncio.Event()


class Asked:
    """What asking for a dialog returns: awaited, it waits until the screen has put it up.

    The key that asks for a dialog runs its action as it comes back up to the app, while the keys
    typed right behind it are still on their way up. An action that awaits this keeps the app
    from handling them until the dialog is on top, so that the app sends them on to the dialog
    (``WorkshopApp.on_key``), as it would have them typed one at a time.
    """

    def __init__(self, request: DialogRequested | None) -> None:
        self.request = request

    def __await__(self) -> Generator[Any, None, None]:
        return self._shown().__await__()

    async def _shown(self) -> None:
        if self.request is not None:
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self.request.shown.wait(), DIALOG_PATIENCE)


NOTHING_ASKED = Asked(None)
"""What asking returns when there was nothing to ask."""


class SessionEdited(Message):
    """A step changed the session; ``label`` says what, for undo."""

    def __init__(self, session: Session, label: str, select: str | None = None) -> None:
        super().__init__()
        self.session = session
        self.label = label
        self.select = select
        """The id of a record to put the cursor on once the edit is shown."""


@dataclass(frozen=True)
class FormRequest(Generic[Answer]):
    """A form a step wants filled in, where it was opened, and what to do with its answer."""

    kind: str
    """The form, named after its step (``plotting.pain``): a draft of it goes back there."""
    form: FormSpec[Answer]
    saved: Callable[[Answer], None]
    """Called with the form's answer when it is saved (not when it is cancelled)."""
    context: dict[str, str] = field(default_factory=dict)
    """Where the form was opened (a persona and a touchpoint, an item), to open it there again."""
    initial: FormValues | None = None
    """Values to start from instead of the fields' own: a draft recovered after a crash."""


class FormRequested(DialogRequested):
    """A step asks its screen to open a form, keeping a draft of it while it is typed in."""

    def __init__(self, request: FormRequest[Any]) -> None:
        super().__init__()
        self.request = request


class RecordFormRequested(DialogRequested):
    """A step asks its screen for the form of a goal, persona, phase or touchpoint: a new one
    (``target`` None, in ``phase`` for a touchpoint) or an existing one."""

    def __init__(self, kind: FormKind, target: str | None, phase: str | None = None) -> None:
        super().__init__()
        self.kind: FormKind = kind
        self.target = target
        self.phase = phase


class ConfirmRequested(DialogRequested):
    """A step asks its screen to ask the room a yes/no question first."""

    def __init__(
        self, question: str, yes: str, answered: Callable[[bool], None], *, danger: bool
    ) -> None:
        super().__init__()
        self.question = question
        self.yes = yes
        """The text of the button that says yes (``Delete``, ``Merge``)."""
        self.answered = answered
        """Called with the answer: True for yes, False for no or a dismissed question."""
        self.danger = danger


class StepRequested(Message):
    """A step asks its screen to show another step, then to call ``then`` with its view."""

    def __init__(self, step: Step, then: Callable[[StepView], None] | None = None) -> None:
        super().__init__()
        self.step: Step = step
        self.then = then


Document = Literal["roadmap", "report"]
"""What a step can have written beside the session: the roadmap (Markdown) or the report (HTML)."""


class ExportRequested(Message):
    """A document is to be written beside the session file: the roadmap as Markdown, or the
    whole report as an HTML page with its charts."""

    def __init__(self, document: Document = "roadmap") -> None:
        super().__init__()
        self.document: Document = document


class DraftTyped(Message):
    """Text typed in a step's own field, not yet committed: kept as a draft until it is."""

    def __init__(self, kind: str, context: dict[str, str], values: dict[str, str]) -> None:
        super().__init__()
        self.kind = kind
        self.context = context
        self.values = values


class DraftDone(Message):
    """The text of a step's own field was committed or thrown away: its draft can go."""


class PhaseFocused(Message):
    """The phase the step is working in changed; the facilitator panel follows it."""

    def __init__(self, phase_id: str | None) -> None:
        super().__init__()
        self.phase_id = phase_id


class PresentationToggled(Message):
    """The step goes into the presentation mode (``on``) or out of it: the screen gives it
    the whole terminal, in high contrast, and takes it back."""

    def __init__(self, on: bool) -> None:
        super().__init__()
        self.on = on


@dataclass(frozen=True)
class StepContext:
    """What the session screen hands every step it builds."""

    tr: Translator
    """The session's language."""
    template: Template | None
    """The session's journey template, if it is known here."""
    clock: Callable[[], dt.datetime]
    """Today, for decisions that record when they were made."""
    commit: Callable[[Session, str, str | None], None] | None = None
    """The screen's commit of an edit (session, label for undo, record to select), called at
    once: a key typed right after another must act on the session with the first edit in it,
    and a message would arrive too late for that (the first edit was lost). Without one, as in
    a step built alone, the edit goes up as a ``SessionEdited`` message."""


class StepView(LiteralNotifications, Vertical):
    """One step of the flow, shown in the session screen's content area."""

    STEP: ClassVar[Step]

    session: reactive[Session | None] = reactive[Session | None](None, always_update=True)
    """The session as committed; set by the session screen after every edit."""

    def __init__(self, context: StepContext) -> None:
        super().__init__(id=f"step-{self.STEP}", classes="step")
        self.tr = context.tr
        self.template = context.template
        self.clock = context.clock
        self.commit_edit = context.commit
        self.session_path: Path | None = None
        """The session's file, as the session screen last saw it (a conflict or "save as"
        moves it)."""
        self.stale = True

    @property
    def current(self) -> Session:
        session = self.session
        assert session is not None
        return session

    def watch_session(self) -> None:
        if self.session is None:
            return
        if self.display and self.is_mounted:
            self.stale = False
            self.refresh_view()
        else:
            self.stale = True

    def activate(self) -> None:
        """Called when the step comes on screen: redraw if needed and take the focus."""
        if self.stale and self.session is not None:
            self.stale = False
            self.refresh_view()
        self.focus_main()

    def leave(self) -> None:
        """Called when another step comes on screen instead of this one."""

    def refresh_view(self) -> None:
        """Redraw from ``self.session``, keeping the cursor on the same item where possible."""

    def focus_main(self) -> None:
        """Focus the step's main widget."""

    def select_record(self, record_id: str) -> None:
        """Put the cursor on a record, for example one just added."""

    def room_focus(self) -> tuple[str | None, str | None]:
        """The persona and the touchpoint the room is talking about here, for the notes the
        participants send from their phones (``ui.screens.room_link``)."""
        return None, None

    def edit(self, session: Session, label: str, select: str | None = None) -> None:
        if self.commit_edit is not None:
            self.commit_edit(session, label, select)
        else:
            self.post_message(SessionEdited(session, label, select))

    def ask_for(self, request: DialogRequested) -> Asked:
        """Have the screen put up a dialog; an action of a key awaits what this returns."""
        self.post_message(request)
        return Asked(request)

    def ask(self, request: FormRequest[Any]) -> Asked:
        """Have the screen open a form; ``request.saved`` gets its answer when it is saved."""
        return self.ask_for(FormRequested(request))

    def open_record(self, kind: FormKind, target: str | None, phase: str | None = None) -> Asked:
        """Have the screen open the form of a goal, persona, phase or touchpoint."""
        return self.ask_for(RecordFormRequested(kind, target, phase))

    def confirm(
        self, question: str, yes: str, answered: Callable[[bool], None], *, danger: bool = True
    ) -> Asked:
        """Have the screen ask first; ``answered`` gets True when the room says yes."""
        return self.ask_for(ConfirmRequested(question, yes, answered, danger=danger))

    def notify_undoable(self, message: str) -> None:
        """Say what was done, and that Ctrl+Z takes it back."""
        self.notify(self.tr("done.undo_hint", message=message), timeout=5)

    def restore_draft(self, draft: Draft) -> bool:
        """Open again the form (or field) a draft of this step was typed in, with its text.

        False when this step cannot: the form is unknown, or what it was about is gone.
        """
        return False
