"""Form fields that keep up with a burst of keys and keep the whole of a paste.

Textual runs a field's own key bindings (Backspace, the arrows, Home and End, Delete...) only once
the key has passed through the field unhandled and come back up to the app. By then the app has
handed the keys behind it in a burst (a fast typist on a busy machine, a script, a paste the
terminal does not bracket) to the field, which has typed them already; and the binding acts on
whatever is focused by then, which may be the next field. These fields run their own bindings as
each key reaches them, in order with the typing and on themselves.

Textual's ``Input`` keeps the first line of a paste and drops the rest without a word, and a
quote copied from an e-mail, a chat or a spreadsheet often has a line break or a tab in it. A
paste is aimed at the field it is pasted into, so it lands there whole: in a one-line field each
run of line breaks and tabs becomes one space (the field has no other place to keep them) and
breaks at its ends are dropped. Splitting it over the next fields instead would put text where
nobody asked for it, and overwrite what was there.

Textual's ``TextArea`` keeps a paste whole, but then asks the app to focus it, and the app does
so after the keys it has already handed on: a Tab typed right behind a paste moves on, and the
focus jumps back to the text area while the keys after the Tab land in the next field. A paste
only ever reaches the focused field, so these fields leave the focus alone.
"""

from __future__ import annotations

import re

from textual import events
from textual.geometry import Region
from textual.widget import Widget
from textual.widgets import Input, TextArea

BREAKS = "\t\n\v\f\r\x1c\x1d\x1e\x85\u2028\u2029"
"""What ``str.splitlines`` breaks lines at, and tabs."""
_RUN = re.compile(f"[ {BREAKS}]*[{BREAKS}][ {BREAKS}]*")


def one_line(text: str) -> str:
    """Pasted text as one line: line breaks and tabs, and the spaces around them, one space."""
    return _RUN.sub(" ", text.strip(BREAKS))


async def run_own_binding(field: Widget, event: events.Key) -> None:
    """Run the field's own binding for a key now, if it has one, and keep the key from going
    back up to the app (which would look for a binding again)."""
    # Textual has no public way to read the bindings a widget declares for a key.
    for binding in field._bindings.key_to_bindings.get(event.key, ()):
        if not binding.priority and await field.app.run_action(binding.action, field):
            event.stop()
            return


class LineField(Input):
    """An ``Input`` that keeps up with a burst, and keeps all of a paste, on one line."""

    def on_blur(self) -> None:
        self.scroll_to(x=0, animate=False, immediate=True)

    def watch_value(self) -> None:
        if not self.has_focus:
            # After Input has scrolled to the cursor it puts at the end of the new value.
            self.call_after_refresh(self.scroll_to, x=0, animate=False, immediate=True)

    async def on_key(self, event: events.Key) -> None:
        await run_own_binding(self, event)

    def on_paste(self, event: events.Paste) -> None:
        event.prevent_default()  # Input's own handler, which keeps the first line only
        event.stop()
        text = one_line(event.text)
        if self.max_length:
            # As much as fits: Input would refuse the whole paste for its last characters.
            room = (
                self.max_length - len(self.value) + abs(self.selection.end - self.selection.start)
            )
            text = text[: max(0, room)]
        if not text:
            return
        self.replace(text, *self.selection)
        # Input scrolls to its cursor on every change but its first; a paste is often the first.
        x = self.cursor_screen_offset.x - self.content_region.x + self.scroll_offset.x
        self.scroll_to_region(Region(x, 0, 1, 1), force=True, animate=False)


class TextField(TextArea):
    """A ``TextArea`` that keeps up with a burst, takes a paste as it is and leaves the focus
    alone."""

    async def on_key(self, event: events.Key) -> None:
        await run_own_binding(self, event)

    def on_paste(self, event: events.Paste) -> None:
        event.prevent_default()  # TextArea's own handler, which focuses the field afterwards
        event.stop()
        if self.read_only:
            return
        edit = self.replace(event.text, *self.selection, maintain_selection_offset=False)
        self.move_cursor(edit.end_location)
