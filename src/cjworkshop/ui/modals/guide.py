"""The facilitator's guide in a dialog, open at the page of the step on screen.

The pages are the ones ``cjworkshop guide`` prints (``export.facilitator_guide``), drawn as
styled text one at a time: the arrows and PgUp/PgDn scroll a page, ← and → turn to the page
before or after it, Escape closes. Nothing in it edits the session.
"""

from __future__ import annotations

from typing import ClassVar

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll

from cjworkshop.export.facilitator_guide import Block, Page
from cjworkshop.i18n import Translator
from cjworkshop.ui.modals.base import WorkshopModal
from cjworkshop.ui.widgets.text import TextLabel, TextPanel


def page_text(page: Page) -> Group:
    """A page as the dialog shows it: the title bold, headings bold, items with a bullet and
    their lines indented under their first."""
    parts: list[RenderableType] = [Text(page.title, style="bold underline")]
    parts += [_block_text(block) for block in page.blocks]
    return Group(*parts)


def _block_text(block: Block) -> RenderableType:
    if block.kind == "heading":
        return Text.assemble("\n", (block.text, "bold"))
    if block.kind == "item":
        item = Table.grid(padding=(0, 1, 0, 0))
        item.add_column(no_wrap=True)
        item.add_column(ratio=1)
        item.add_row("•", Text(block.text))
        return item
    if block.kind in ("line", "row"):
        return Text(block.text)
    return Text.assemble("\n", block.text)


class GuideModal(WorkshopModal[None]):
    """One page of the guide at a time, starting at ``start``'s; ← and → turn the page."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "key.close"),
        Binding("left", "page(-1)", "key.previous_page", show=False),
        Binding("right", "page(1)", "key.next_page", show=False),
    ]

    def __init__(self, tr: Translator, pages: tuple[Page, ...], start: str) -> None:
        super().__init__(tr)
        self.pages = pages
        names = [page.name for page in pages]
        self.index = names.index(start) if start in names else 0
        """Which page is shown: the step on screen when it opened."""

    @property
    def page(self) -> str:
        """The name of the page shown."""
        return self.pages[self.index].name

    def compose(self) -> ComposeResult:
        tr = self.tr
        with Vertical(classes="dialog-box wide", id="guide-box"):
            yield TextLabel(classes="dialog-title", id="guide-title")
            with VerticalScroll(id="guide-scroll"):
                yield TextPanel(id="guide-page")
            yield TextPanel(tr("facilitator.keys"), classes="hint keys-hint")

    def on_mount(self) -> None:
        super().on_mount()
        self._show()
        self.query_one("#guide-scroll", VerticalScroll).focus()

    def _show(self) -> None:
        title = f"{self.tr('facilitator.title')}  {self.index + 1}/{len(self.pages)}"
        self.query_one("#guide-title", TextLabel).update(title)
        self.query_one("#guide-page", TextPanel).update(page_text(self.pages[self.index]))
        self.query_one("#guide-scroll", VerticalScroll).scroll_home(animate=False)

    def action_page(self, offset: int) -> None:
        position = self.index + offset
        if 0 <= position < len(self.pages):
            self.index = position
            self._show()

    def action_close(self) -> None:
        self.dismiss(None)
