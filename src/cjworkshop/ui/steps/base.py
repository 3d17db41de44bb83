"""What every step of the guided flow shares.

A step shows part of the session and edits it by posting ``SessionEdited`` with the new session
and an undo label; the session screen commits it, saves it and hands the new session back to
every step it has built through the ``session`` reactive. A step's view is built the first time
it is shown; steps that are built but not on screen only note that they are out of date and
redraw when they are shown again, so an edit costs one redraw, not eight. What the step list
says of a step comes from ``progress``, from the session alone, so it needs no view.

A step that needs a form filled in posts ``FormRequested``; the session screen opens it, keeps
its draft while it is typed in, and calls the step back with the values. A step with a field of
its own (the walk's action and quote) reports what is typed there with ``DraftTyped``. After a
crash the screen hands such a draft back to its step (``restore_draft``), which opens the form
or the field again where it was.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, ClassVar

from textual.containers import Vertical
from textual.message import Message
from textual.reactive import reactive

from cjworkshop.i18n import Translator
from cjworkshop.model.session import Session, Step

if TYPE_CHECKING:
    from cjworkshop.store.drafts import Draft
    from cjworkshop.ui.modals.record_form import FormField, FormValues
    from cjworkshop.ui.screens.session import SessionScreen


class SessionEdited(Message):
    """A step changed the session; ``label`` says what, for undo."""

    def __init__(self, session: Session, label: str, select: str | None = None) -> None:
        super().__init__()
        self.session = session
        self.label = label
        self.select = select
        """The id of a record to put the cursor on once the edit is shown."""


@dataclass(frozen=True)
class FormRequest:
    """A form a step wants filled in, where it was opened, and what to do with the answers."""

    kind: str
    """The form, named after its step (``plotting.pain``): a draft of it goes back there."""
    title: str
    fields: list[FormField]
    saved: Callable[[FormValues], None]
    """Called with the values when the form is saved (not when it is cancelled)."""
    context: dict[str, str] = field(default_factory=dict)
    """Where the form was opened (a persona and a touchpoint, an item), to open it there again."""
    initial: FormValues | None = None
    """Values to start from instead of the fields' own: a draft recovered after a crash."""


class FormRequested(Message):
    """A step asks its screen to open a form, keeping a draft of it while it is typed in."""

    def __init__(self, request: FormRequest) -> None:
        super().__init__()
        self.request = request


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


class StepView(Vertical):
    """One step of the flow, shown in the session screen's content area."""

    STEP: ClassVar[Step]

    session: reactive[Session | None] = reactive[Session | None](None, always_update=True)
    """The session as committed; set by the session screen after every edit."""

    def __init__(self) -> None:
        super().__init__(id=f"step-{self.STEP}", classes="step")
        self.stale = True

    @property
    def screen_owner(self) -> SessionScreen:
        from cjworkshop.ui.screens.session import SessionScreen

        screen = self.screen
        assert isinstance(screen, SessionScreen)
        return screen

    @property
    def tr(self) -> Translator:
        return self.screen_owner.workshop.tr

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

    def refresh_view(self) -> None:
        """Redraw from ``self.session``, keeping the cursor on the same item where possible."""

    def focus_main(self) -> None:
        """Focus the step's main widget."""

    def select_record(self, record_id: str) -> None:
        """Put the cursor on a record, for example one just added."""

    def edit(self, session: Session, label: str, select: str | None = None) -> None:
        self.post_message(SessionEdited(session, label, select))

    def ask(self, request: FormRequest) -> None:
        """Have the screen open a form; ``request.saved`` gets the values when it is saved."""
        self.post_message(FormRequested(request))

    def restore_draft(self, draft: Draft) -> bool:
        """Open again the form (or field) a draft of this step was typed in, with its text.

        False when this step cannot: the form is unknown, or what it was about is gone.
        """
        return False
