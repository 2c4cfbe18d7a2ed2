"""The briefing's masthead: title, standfirst, source and date, counts."""

from __future__ import annotations

from typing import ClassVar

from textual.content import Content
from textual.widget import Widget

from briefing.model import Briefing
from briefing.text import counted
from briefing.tui.safe import literal


def dateline(briefing: Briefing) -> str:
    """`Reuters · 28 March 2022` from whatever of the two the file gives."""
    meta = briefing.masthead
    parts: list[str] = []
    if meta.source:
        parts.append(meta.source)
    if meta.published:
        parts.append(f"{meta.published.day} {meta.published:%B %Y}")
    return " · ".join(parts)


class BriefingHeader(Widget):
    """Top of the screen: title, standfirst and dateline, each in its own
    style (see the stylesheet). One widget rather than a Static per line:
    every widget costs the first frame its styling and layout."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "briefing-header--title", "briefing-header--standfirst", "briefing-header--dateline"}

    def __init__(self, briefing: Briefing, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.briefing = briefing

    def show(self, briefing: Briefing) -> None:
        self.briefing = briefing
        self.refresh(layout=True)

    def render(self) -> Content:
        meta = self.briefing.masthead
        counts = " · ".join((counted(len(self.briefing.sections), "section"),
                             counted(len(self.briefing.quotes), "quote"),
                             counted(len(self.briefing.figures), "figure")))
        line = dateline(self.briefing)
        parts = [("title", meta.title), ("standfirst", meta.standfirst or ""),
                 ("dateline", f"{line} · {counts}" if line else counts)]
        return Content("\n").join(
            literal(text, self.get_visual_style(f"briefing-header--{part}"), one_line=True)
            for part, text in parts if text)
