"""The journey map: one persona's journey (or every persona's, overlaid) as the room draws it.

Phases run left to right with their touchpoints in order; the lanes run top to bottom: the
channel and interactions, what the persona does, what they think (in quotes), the feeling as a
curve through the touchpoints (today's, and the target where one is set), the pain points with
their severity, the opportunities, the moments of truth and, where the session has them, the
blueprint's lanes and the figures. ``s`` shows the next persona (after the last: all of them
overlaid), Enter walks the persona from the touchpoint under the cursor, and ``v`` turns the
presentation mode on and off: the map alone on the screen, in high contrast and heavy lines,
for the back of the room.
"""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import Static

from cjworkshop.model.session import Persona
from cjworkshop.ui.steps.base import PresentationToggled, StepContext, StepRequested, StepView
from cjworkshop.ui.steps.map_lanes import map_content
from cjworkshop.ui.widgets.journey_map import JourneyMap
from cjworkshop.ui.widgets.text import TextPanel


class MapStep(StepView):
    """The journey map, a persona at a time, scrolled with the keyboard."""

    STEP = "map"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("s", "persona(1)", "key.map_persona"),
        Binding("S", "persona(-1)", "key.map_persona_back", show=False),
        Binding("w", "walk", "key.walk_here"),
        Binding("v", "present", "key.present"),
    ]

    def __init__(self, context: StepContext) -> None:
        super().__init__(context)
        self.shown = 0
        """Which persona the map shows, by place in the session's list; one past the last is
        every persona overlaid."""
        self.presenting = False

    def compose(self) -> ComposeResult:
        yield TextPanel(classes="step-intro", id="map-intro")
        yield JourneyMap(id="map")
        yield TextPanel(classes="hint empty", id="map-empty")

    @property
    def map(self) -> JourneyMap:
        return self.query_one("#map", JourneyMap)

    def personas_shown(self) -> list[Persona]:
        personas = list(self.current.personas)
        if not personas:
            return []
        self.shown = max(0, min(self.shown, len(personas) if len(personas) > 1 else 0))
        return personas if self.shown == len(personas) else [personas[self.shown]]

    def refresh_view(self) -> None:
        tr, session = self.tr, self.current
        ready = bool(session.personas and session.touchpoints)
        self.map.display = ready
        empty = self.query_one("#map-empty", Static)
        empty.display = not ready
        empty.update(tr("walk.nothing"))
        if not ready:
            self.query_one("#map-intro", Static).update(tr("map.intro_empty"))
            return
        personas = self.personas_shown()
        if len(personas) > 1:
            who = tr("map.everyone", count=len(personas))
        else:
            who = tr(
                "map.one",
                persona=personas[0].name,
                number=self.shown + 1,
                count=len(session.personas),
            )
        self.query_one("#map-intro", Static).update(tr("map.intro", who=who))
        self.map.show(map_content(tr, session, personas))

    def focus_main(self) -> None:
        self.map.focus()

    def action_persona(self, step: int) -> None:
        count = len(self.current.personas)
        if count < 2:
            return
        self.shown = (self.shown + step) % (count + 1)
        self.refresh_view()

    def action_present(self) -> None:
        if not self.presenting and not self.map.display:
            return  # nothing to present yet: the step says what it needs
        self.presenting = not self.presenting
        self.map.presenting = self.presenting
        self.post_message(PresentationToggled(self.presenting))

    def leave(self) -> None:
        """Another step comes on screen: the presentation ends with the map."""
        if self.presenting:
            self.action_present()

    def action_walk(self) -> None:
        keys = self.map.cursor_keys()
        personas = self.personas_shown()
        if keys is None or not personas:
            return
        # The walk's view is imported when it is first asked for, as the registry does.
        from cjworkshop.ui.steps.plotting import PlottingStep

        persona, touchpoint = personas[0].id, keys[1]

        def walk_from_here(view: StepView) -> None:
            if isinstance(view, PlottingStep):
                view.start(persona, touchpoint)

        self.leave()
        self.post_message(StepRequested("plotting", then=walk_from_here))

    @on(JourneyMap.CellChosen, "#map")
    def _chosen(self, event: JourneyMap.CellChosen) -> None:
        event.stop()
        self.action_walk()
