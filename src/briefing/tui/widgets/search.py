"""The search bar and the search over a whole briefing."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.content import Content
from textual.widgets import Input, Static

from briefing.model import Briefing

MAX_MATCHES = 10_000


@dataclass(frozen=True, slots=True)
class Match:
    section: int
    paragraph: int
    start: int
    end: int

    @property
    def order(self) -> tuple[int, int, int]:
        return (self.section, self.paragraph, self.start)


@dataclass
class Search:
    """A query and where it matches, in reading order, case-insensitively."""

    query: str
    matches: list[Match] = field(default_factory=list)
    current: int | None = None

    @classmethod
    def run(cls, briefing: Briefing, query: str) -> Search:
        search = cls(query)
        if not query:
            return search
        pattern = re.compile(re.escape(query), re.IGNORECASE)
        for s, section in enumerate(briefing.sections):
            for p, text in enumerate(section.paragraphs):
                for found in pattern.finditer(text):
                    search.matches.append(Match(s, p, found.start(), found.end()))
                    if len(search.matches) >= MAX_MATCHES:
                        return search
        return search

    def status(self) -> str:
        if not self.query:
            return "type to search the whole briefing"
        if not self.matches:
            return "no matches"
        count = f"{len(self.matches):,}" + ("+" if len(self.matches) >= MAX_MATCHES else "")
        if self.current is None:
            return f"{count} matches · enter to go"
        return f"{self.current + 1:,} of {count} · n/N next/previous · esc to leave"


class SearchBar(Horizontal):
    """`/` opens it; it posts Input messages to the screen."""

    def compose(self) -> ComposeResult:
        yield Static(Content("/"), classes="search-prompt")
        yield Input(placeholder="search", id="search-input", compact=True)
        yield Static(classes="search-status", id="search-status")

    def set_status(self, text: str) -> None:
        self.query_one("#search-status", Static).update(Content(text))
