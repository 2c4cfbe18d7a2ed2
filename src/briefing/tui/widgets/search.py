"""The search bar (the search itself is headless: briefing.search)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.content import Content
from textual.widgets import Input, Static

from briefing.search import Search

# Where a match is, when it is not in the text of the reading pane.
PLACES = {
    "title": "in the title", "standfirst": "in the standfirst",
    "heading": "in the section title", "summary": "in the section summary",
    "speaker": "in a speaker's name", "role": "in a speaker's role",
    "note": "in a quote's context note", "label": "in a figure's label",
    "claimant": "in who claims a figure",
    "your_quote_note": "in your note on a quote", "your_figure_note": "in your note on a figure",
}


def search_status(search: Search) -> str:
    """What the bar says about a search: how many matches, where the current
    one is if not in the text, and the keys."""
    if not search.query:
        return "type to search the whole briefing"
    if not search.matches:
        return "no matches"
    count = f"{len(search.matches):,}" + ("+" if search.capped else "")
    if search.current is None:
        noun = "match" if len(search.matches) == 1 else "matches"
        return f"{count} {noun} · enter to go"
    place = PLACES.get(search.matches[search.current].field)
    return (f"{search.current + 1:,} of {count}" + (f" {place}" if place else "")
            + " · n/N next/previous · esc to leave")


class SearchBar(Horizontal):
    """`/` opens it; it posts Input messages to the screen."""

    def compose(self) -> ComposeResult:
        yield Static(Content("/"), classes="search-prompt")
        yield Input(placeholder="search", id="search-input", compact=True)
        yield Static(classes="search-status", id="search-status")

    def set_status(self, text: str) -> None:
        self.query_one("#search-status", Static).update(Content(text))
