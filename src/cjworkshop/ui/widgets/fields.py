"""Form fields that keep up with a burst of keys.

Textual runs a field's own key bindings (Backspace, the arrows, Home and End, Delete...) only once
the key has passed through the field unhandled and come back up to the app. By then the app has
handed the keys behind it in a burst (a fast typist on a busy machine, a script, a paste the
terminal does not bracket) to the field, which has typed them already; and the binding acts on
whatever is focused by then, which may be the next field. These fields run their own bindings as
each key reaches them, in order with the typing and on themselves.
"""

from __future__ import annotations

from textual import events
from textual.widget import Widget
from textual.widgets import Input, TextArea


async def run_own_binding(field: Widget, event: events.Key) -> None:
    """Run the field's own binding for a key now, if it has one, and keep the key from going
    back up to the app (which would look for a binding again)."""
    # Textual has no public way to read the bindings a widget declares for a key.
    for binding in field._bindings.key_to_bindings.get(event.key, ()):
        if not binding.priority and await field.app.run_action(binding.action, field):
            event.stop()
            return


class LineField(Input):
    """An ``Input`` that keeps up with a burst."""

    async def on_key(self, event: events.Key) -> None:
        await run_own_binding(self, event)


class TextField(TextArea):
    """A ``TextArea`` that keeps up with a burst."""

    async def on_key(self, event: events.Key) -> None:
        await run_own_binding(self, event)
