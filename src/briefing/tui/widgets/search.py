"""The search bar (the search itself is headless: briefing.search)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.content import Content
from textual.widgets import Input, Static

from briefing.search import Search


def search_status(search: Search) -> str:
    """What the bar says about a search: how many matches, and the keys."""
    if not search.query:
        return "type to search the whole briefing"
    if not search.matches:
        return "no matches"
    count = f"{len(search.matches):,}" + ("+" if search.capped else "")
    if search.current is None:
        return f"{count} {'match' if count == '1' else 'matches'} · enter to go"
    return f"{search.current + 1:,} of {count} · n/N next/previous · esc to leave"


class SearchBar(Horizontal):
    """`/` opens it; it posts Input messages to the screen."""

    def compose(self) -> ComposeResult:
        yield Static(Content("/"), classes="search-prompt")
        yield Input(placeholder="search", id="search-input", compact=True)
        yield Static(classes="search-status", id="search-status")

    def set_status(self, text: str) -> None:
        self.query_one("#search-status", Static).update(Content(text))
