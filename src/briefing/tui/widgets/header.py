"""The briefing's masthead: title, standfirst, source and date, counts, tags
and the link to the original."""

from __future__ import annotations

from collections.abc import Mapping
from typing import ClassVar

from textual.content import Content
from textual.geometry import Size
from textual.widget import Widget

from briefing.citation import dateline
from briefing.model import Briefing
from briefing.text import counted
from briefing.tui.safe import literal

# A search's matches in the title and the standfirst: spans and their styles.
Spans = tuple[tuple[int, int, str], ...]


# Before the counts of a briefing that `briefing import` made and no one checked.
DRAFT = "Draft, not checked"

# Under this many lines the header shrinks to two lines.
COMPACT_UNDER = 20


class BriefingHeader(Widget):
    """Top of the screen: title, standfirst, dateline, and the tags and link,
    each in its own style (see the stylesheet). One widget rather than a
    Static per line: every widget costs the first frame its styling and
    layout. It lays its lines out itself, so the tags and the link (which
    can be long) take one line, cut with an ellipsis, however narrow."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "briefing-header--title", "briefing-header--standfirst", "briefing-header--dateline",
        "briefing-header--tags", "briefing-header--link"}

    def __init__(self, briefing: Briefing, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.briefing = briefing
        self.found: Mapping[str, Spans] = {}  # by part: "title", "standfirst"

    def show(self, briefing: Briefing) -> None:
        self.briefing = briefing
        self.refresh(layout=True)

    def show_found(self, found: Mapping[str, Spans]) -> None:
        """Mark a search's matches in the title and the standfirst."""
        if found or self.found:
            self.found = found
            self.refresh()

    def _part(self, part: str, text: str) -> Content:
        content = literal(text, self.get_visual_style(f"briefing-header--{part}"), one_line=True)
        for start, end, style in self.found.get(part, ()):
            content = content.stylize(style, start, end)
        return content

    def lines(self, width: int) -> list[Content]:
        """The header's lines at a width (what it draws, and how tall it is)."""
        meta = self.briefing.masthead
        width = max(width, 1)
        counts = " · ".join((counted(len(self.briefing.sections), "section"),
                             counted(len(self.briefing.quotes), "quote"),
                             counted(len(self.briefing.figures), "figure")))
        # A draft says so first, so that a narrow screen never cuts it off.
        date = self._part("dateline", " · ".join(
            part for part in (DRAFT if meta.draft else "", dateline(meta), counts) if part))
        if meta.draft:
            date = date.stylize("bold $warning", 0, len(DRAFT))
        if self.app.size.height < COMPACT_UNDER:
            # A short terminal keeps its lines for the text: the title and
            # the dateline, a line each (the standfirst and links give way).
            return [self._part("title", meta.title).truncate(width, ellipsis=True),
                    date.truncate(width, ellipsis=True)]
        lines = self._part("title", meta.title).wrap(width)
        if meta.standfirst:
            lines += self._part("standfirst", meta.standfirst).wrap(width)
        links: list[Content] = []
        if meta.tags:
            links.append(self._part("tags", " ".join(f"#{tag}" for tag in meta.tags)))
        if meta.url:
            links.append(self._part("link", meta.url))
        if links:
            more = Content("  ").join(links)
            # Beside the dateline when the screen is wide enough, else below it.
            beside = date + Content("  ") + more
            if beside.cell_length <= width:
                return [*lines, beside]
            return [*lines, *date.wrap(width), more.truncate(width, ellipsis=True)]
        return [*lines, *date.wrap(width)]

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(self.lines(width))

    def render(self) -> Content:
        return Content("\n").join(self.lines(self.content_region.width))
