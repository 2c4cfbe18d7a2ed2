"""Search the text of every briefing in the library's folder (its index:
see briefing.archive): the hits as you type, newest briefing first, each
with its place and its words in context; enter opens the briefing there."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.timer import Timer
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option
from textual.worker import get_current_worker

from briefing.archive import Archive, ArchiveError, Hit
from briefing.archive_query import words_pattern
from briefing.text import counted
from briefing.tui.hit_list import ChosenHit, HitListDialog, hit_list_keys, hit_options
from briefing.tui.safe import literal

# A pause in typing before the index is asked (each key would otherwise
# start a query the next key cancels).
TYPING_PAUSE = 0.12
MAX_HITS = 200
HINT = 'every word must be there · "a phrase" · word* for words it begins'


class ArchiveSearchScreen(HitListDialog):
    """`s` in the library. Dismisses with the hit chosen, or None."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "dismiss(None)", "Close", id="close-archive-search"),
        *hit_list_keys("archive-search"),
    ]

    class HitsFound(Message):
        def __init__(self, query: str, hits: list[Hit] | None, problem: str | None) -> None:
            super().__init__()
            self.query, self.hits, self.problem = query, hits, problem

    def __init__(self, folder: Path, query: str = "", *,
                 indexing: Callable[[], bool] = lambda: False) -> None:
        """`indexing()` says whether the folder is still being indexed: the
        hits are then said to be partial, and asked for again until it ends."""
        super().__init__()
        self.folder = folder
        self.indexing = indexing
        self.typed = query
        self.hits: list[Hit] = []
        self._timer: Timer | None = None

    def compose(self) -> ComposeResult:
        with Vertical(id="archive-search-dialog"):
            yield Static(Content("Search every briefing · enter opens · esc closes"),
                         classes="dialog-title")
            yield Input(self.typed, placeholder="words to find", id="archive-search-input",
                        compact=True)
            yield Static(Content.styled(HINT, "$foreground-muted"), id="archive-search-status")
            yield OptionList(id="archive-search-hits")

    def on_mount(self) -> None:
        self.query_one(Input).focus()
        if self.typed:
            self._search()

    @on(Input.Changed, "#archive-search-input")
    def _typed(self, event: Input.Changed) -> None:
        self.typed = event.value
        if self._timer is not None:
            self._timer.stop()
        self._timer = self.set_timer(TYPING_PAUSE, self._search)

    def _search(self) -> None:
        self._timer = None
        self._find(self.folder, self.typed)

    @work(thread=True, exclusive=True, group="archive-search")
    def _find(self, folder: Path, query: str) -> None:
        """Ask the index (a connection of this worker's own: the library's
        look may be writing to it meanwhile)."""
        try:
            with Archive.open(folder) as archive:
                hits = archive.search(query, limit=MAX_HITS)
        except ArchiveError as error:
            self.post_message(self.HitsFound(query, None, str(error)))
            return
        if not get_current_worker().is_cancelled:
            self.post_message(self.HitsFound(query, hits, None))

    @on(HitsFound)
    def _hits_found(self, message: HitsFound) -> None:
        if message.query != self.typed:
            return  # typed on since
        status = self.query_one("#archive-search-status", Static)
        hits_list = self.query_one(OptionList)
        if message.hits is None:
            status.update(literal(message.problem or "", "$text-error", one_line=True))
            return
        self.hits = message.hits
        pattern = words_pattern(message.query)

        def line(hit: Hit) -> Content:
            context = literal(hit.context, one_line=True)
            if pattern is not None:
                for found in pattern.finditer(context.plain):
                    context = context.stylize("reverse", found.start(), found.end())
            who = (literal(hit.speaker + ": ", "italic", one_line=True) if hit.speaker
                   else Content(""))
            return who + context

        options = hit_options(self.hits, line)
        hits_list.set_options(options)
        if self.hits:
            hits_list.highlighted = 1  # the first hit, under its briefing's title
        if not message.query.strip():
            said = HINT
        elif not self.hits:
            said = "no matches · " + HINT
        else:
            said = counted(len(self.hits), "hit") + (
                " (the first; type more words to narrow)" if len(self.hits) >= MAX_HITS else "")
        text = Content.styled(said, "$foreground-muted")
        if self.indexing() and message.query.strip():
            text += Content.styled(" · still indexing the folder: more may come",
                                   "$text-warning")
            if self._timer is None:  # asked again until the folder is indexed
                self._timer = self.set_timer(1.0, self._search)
        status.update(text)

    def chosen(self, option: Option) -> None:
        if option.id is not None:
            hit = self.hits[int(option.id)]
            if hit.kind == "note":  # the words are in the reader's note: open at its quote
                self.dismiss(ChosenHit(None, hit._replace(kind=hit.entry_kind)))
            else:
                self.dismiss(ChosenHit(self.typed, hit))
