"""The briefing's masthead: title, standfirst, source and date, counts."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Static

from briefing.model import Briefing
from briefing.text import counted
from briefing.tui.safe import literal


def dateline(briefing: Briefing) -> str:
    """`Reuters · 28 March 2022` from whatever of the two the file gives."""
    meta = briefing.briefing
    parts: list[str] = []
    if meta.source:
        parts.append(meta.source)
    if meta.published:
        parts.append(f"{meta.published.day} {meta.published:%B %Y}")
    return " · ".join(parts)


class BriefingHeader(Vertical):
    """Top of the screen; built once per briefing."""

    def __init__(self, briefing: Briefing, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.briefing = briefing

    def compose(self) -> ComposeResult:
        yield Static(id="title")
        yield Static(id="standfirst")
        yield Static(id="dateline")

    def on_mount(self) -> None:
        self.show(self.briefing)

    def show(self, briefing: Briefing) -> None:
        self.briefing = briefing
        meta = briefing.briefing
        self.query_one("#title", Static).update(literal(meta.title, one_line=True))
        standfirst = self.query_one("#standfirst", Static)
        standfirst.update(literal(meta.standfirst or "", one_line=True))
        standfirst.display = bool(meta.standfirst)
        counts = " · ".join((counted(len(briefing.sections), "section"),
                             counted(len(briefing.quotes), "quote"),
                             counted(len(briefing.figures), "figure")))
        line = dateline(briefing)
        self.query_one("#dateline", Static).update(
            literal(f"{line} · {counts}" if line else counts, one_line=True))
