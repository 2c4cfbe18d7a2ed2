"""The reading pane: the current section's paragraphs, with anchors marked.

Only one section is on screen at a time. Paragraph widgets are reused from
section to section (updated, not remounted), so moving between quotes stays
cheap however long the briefing is.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.geometry import Region
from textual.widgets import Static

from briefing.model import Section
from briefing.tui.safe import literal


@dataclass(frozen=True, slots=True)
class Mark:
    """A span to style in a paragraph: which paragraph, where, and how."""

    paragraph: int
    start: int
    end: int
    style: str


class ParagraphView(Static):
    """One paragraph of the article."""

    shown: tuple[str, tuple[Mark, ...]] | None = None

    def show(self, text: str, marks: tuple[Mark, ...]) -> None:
        """Draw the text with its marks; only new text needs a new layout
        (restyling words never changes the paragraph's height)."""
        if self.shown == (text, marks):
            return
        relayout = self.shown is None or self.shown[0] != text
        self.shown = (text, marks)
        content = literal(text)
        for mark in marks:
            content = content.stylize(mark.style, mark.start, mark.end)
        self.update(content, layout=relayout)


class SectionTitle(Static):
    """The heading above the paragraphs."""


class ReadingPane(VerticalScroll, can_focus=True):
    """Scrolls through the section; j/k, space/b and g/G as in a pager."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j,down", "scroll_down", "Scroll down", show=False),
        Binding("k,up", "scroll_up", "Scroll up", show=False),
        Binding("space,pagedown", "page_down", "Page down", show=False),
        Binding("b,pageup", "page_up", "Page up", show=False),
        Binding("g,home", "scroll_home", "Top of section", show=False),
        Binding("G,end", "scroll_end", "End of section", show=False),
    ]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.section: Section | None = None
        self._title = SectionTitle(classes="section-title")
        self._summary = Static(classes="section-summary")
        self._paragraphs: list[ParagraphView] = []

    def compose(self):  # type: ignore[no-untyped-def]
        yield self._title
        yield self._summary

    async def show_section(self, section: Section, number: int, total: int,
                           marks: list[Mark]) -> None:
        """Show a section, reusing paragraph widgets; scrolls to its top when it changes."""
        changed = section is not self.section
        self.section = section
        self._title.update(Content.assemble(literal(section.title, one_line=True),
                                            (f"  {number}/{total}", "$text-muted")))
        self._summary.update(literal(section.summary or ""))
        self._summary.display = bool(section.summary)
        missing = len(section.paragraphs) - len(self._paragraphs)
        if missing > 0:
            new = [ParagraphView(classes="paragraph") for _ in range(missing)]
            self._paragraphs.extend(new)
            await self.mount_all(new)
        self.mark(marks)
        for index, view in enumerate(self._paragraphs):
            view.display = index < len(section.paragraphs)
        if changed:
            self.scroll_home(animate=False, immediate=True)

    def mark(self, marks: list[Mark]) -> None:
        """Restyle the paragraphs: only those whose marks changed are updated."""
        if self.section is None:
            return
        by_paragraph: dict[int, list[Mark]] = {}
        for mark in marks:
            by_paragraph.setdefault(mark.paragraph, []).append(mark)
        for index, text in enumerate(self.section.paragraphs):
            self._paragraphs[index].show(text, tuple(by_paragraph.get(index, ())))

    def paragraph_view(self, index: int) -> ParagraphView | None:
        if 0 <= index < len(self._paragraphs):
            return self._paragraphs[index]
        return None

    def reveal(self, paragraph: int, start: int) -> None:
        """Scroll so that the words at `start` in `paragraph` are in view."""
        view = self.paragraph_view(paragraph)
        if view is None or self.section is None:
            return
        text = self.section.paragraphs[paragraph]
        width = max(view.content_region.width, 1)
        line = 0
        consumed = 0
        for wrapped in literal(text).wrap(width):
            consumed += len(wrapped.plain) + 1
            if consumed > start:
                break
            line += 1
        region = view.virtual_region_with_margin
        target = Region(region.x, region.y + line, region.width, 2)
        self.scroll_to_region(target, animate=False, center=True, immediate=True, force=True)
