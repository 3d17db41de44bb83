"""What every step of the guided flow shares.

A step shows part of the session and edits it by posting ``SessionEdited`` with the new session
and an undo label; the session screen commits it, saves it and hands the new session back to
every step it has built through the ``session`` reactive. A step's view is built the first time
it is shown; steps that are built but not on screen only note that they are out of date and
redraw when they are shown again, so an edit costs one redraw, not eight. What the step list
says of a step comes from ``progress``, from the session alone, so it needs no view.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual.containers import Vertical
from textual.message import Message
from textual.reactive import reactive

from cjworkshop.i18n import Translator
from cjworkshop.model.session import Session, Step

if TYPE_CHECKING:
    from cjworkshop.ui.screens.session import SessionScreen


class SessionEdited(Message):
    """A step changed the session; ``label`` says what, for undo."""

    def __init__(self, session: Session, label: str, select: str | None = None) -> None:
        super().__init__()
        self.session = session
        self.label = label
        self.select = select
        """The id of a record to put the cursor on once the edit is shown."""


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
