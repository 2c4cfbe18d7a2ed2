"""The reader: contents, the text, and the quotes and figures anchored in it.

The screen's reactive attributes are the one source of truth: where the
reader is (`position`), the filters (`speaker`, `starred_only`), the stars
and notes (`state`) and the search (`search`). Actions only set them; the
`watch_*` methods bring the panes, the contents, the titles and the footer
into line. Attributes and calls go down to the widgets, messages come up,
and work that can outlast a frame (reading and saving the state, searching,
reloading) runs in thread workers that are handed immutable snapshots and
post their results back, for the UI thread to set.
"""

from __future__ import annotations

import bisect
import contextlib
import os
import re
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.command import Provider
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.css.query import NoMatches
from textual.message import Message
from textual.reactive import var
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Input, Static
from textual.worker import Worker, get_current_worker

from briefing.entry_keys import EntryKeys
from briefing.errors import BriefingError
from briefing.files import WriteError
from briefing.loader import load_briefing
from briefing.model import Anchor, Briefing, Figure, Quote
from briefing.position import (
    TOP,
    Kind,
    Place,
    Position,
    at_entry,
    entries_in,
    moved,
    restored,
)
from briefing.search import FIGURE_FIELDS, QUOTE_FIELDS, Match, Search, SearchIndex, find
from briefing.settings import Settings
from briefing.state import (
    ReaderState,
    entry_key,
    load_state_for,
    merge,
    quick_state_for,
    save_state,
    state_key,
)
from briefing.tui.commands import ReaderCommands
from briefing.tui.digest_file import (
    download_name,
    export_folder,
    write_digest,
    write_when_allowed,
)
from briefing.tui.lasting import freeze_what_lasts
from briefing.tui.messages import EntryChosen, FieldOpening, PaneToggled, SectionChosen
from briefing.tui.safe import literal, plain
from briefing.tui.widgets.contents import ContentsList
from briefing.tui.widgets.entries import FigureList, Found, QuoteList, position_in
from briefing.tui.widgets.header import BriefingHeader
from briefing.tui.widgets.key_line import KeyLine
from briefing.tui.widgets.reading import HEADING, SUMMARY, Mark, ReadingPane
from briefing.tui.widths import PANES_ON_DEMAND, width_class

if TYPE_CHECKING:
    # Imported by the first `/` or `e`: not a cost to every start-up.
    from briefing.digest import DigestOptions
    from briefing.tui.widgets.search import SearchBar

STYLE_QUOTE = "italic $text-accent"
STYLE_FIGURE = "bold underline"
# The entry last arrived at (the one `s` and `a` act on): a quote and a
# figure look different there too.
STYLE_CURRENT = "bold italic reverse $text-accent"
STYLE_CURRENT_FIGURE = "bold underline reverse"
STYLE_MATCH = "bold $text-warning underline"
STYLE_CURRENT_MATCH = "bold reverse $text-warning"

# Stars and notes are written this long after the last change: a burst of
# `s` presses is one write, and a write never waits on a key.
SAVE_DELAY = 0.25

Signature = tuple[int, int, int]


class ReaderScreen(Screen[None]):
    """Reads one briefing."""

    COMMANDS: ClassVar[set[type[Provider] | Callable[[], type[Provider]]]] = {ReaderCommands}
    BINDINGS: ClassVar[list[BindingType]] = [
        # While a search has matches, n/N move between them (as in less and vim);
        # otherwise n falls through to the next binding for the key.
        Binding("n", "next_match", "Next match", id="next-match"),
        Binding("N", "previous_match", "Prev match", id="previous-match"),
        Binding("n,right_square_bracket", "next_quote", "Next quote", id="next-quote"),
        Binding("p,left_square_bracket", "previous_quote", "Prev quote", id="previous-quote"),
        Binding("f,right_curly_bracket", "next_figure", "Next figure", id="next-figure"),
        Binding("F,left_curly_bracket", "previous_figure", "Prev figure", show=False,
                id="previous-figure"),
        # Keys that open a field to type in are taken as they arrive (see
        # _in_turn), so that what is typed with them in one read goes there.
        Binding("slash", "search", "Search", id="search", priority=True),
        Binding("w", "people", "People", id="people"),
        Binding("s", "star", "Star", show=False, id="star"),
        Binding("a", "note", "Note", show=False, id="note", priority=True),
        Binding("asterisk", "starred_only", "Starred only", show=False, id="starred-only"),
        Binding("e", "export", "Export", show=False, id="export"),
        Binding("o", "open_source", "Open the source link", show=False, id="open-source"),
        Binding("r", "reload", "Reload from disk", show=False, id="reload"),
        Binding("l,right", "next_section", "Next section", show=False, id="next-section"),
        Binding("h,left", "previous_section", "Prev section", show=False,
                id="previous-section"),
        *[Binding(str(n), f"section({n - 1})", f"Section {n}", show=False, id=f"section-{n}")
          for n in range(1, 10)],
        Binding("c", "toggle_contents", "Contents pane", show=False, id="toggle-contents"),
        Binding("v", "toggle_entries", "Quotes & figures panes", show=False,
                id="toggle-entries"),
        Binding("escape", "back", "Back", show=False, id="back"),
        Binding("i,enter", "entry_details", "Quote or figure in full", show=False,
                id="entry-details"),
        Binding("y", "copy_entry", "Copy with attribution", show=False, id="copy-entry"),
    ]

    # The state every pane follows (see the module's docstring). `var`, not
    # `reactive`: a change repaints only what the watchers change, not the
    # whole screen (a full-screen update, ~10 ms a key). Sync watchers only:
    # an async one would run after the frame it belongs to. Every assignment
    # to `position` is a move (to the same place, it brings it into view).
    position: var[Position] = var(Position(), always_update=True, init=False)
    speaker: var[str | None] = var(None, init=False)  # the Quotes pane's filter
    starred_only: var[bool] = var(False, init=False)
    state: var[ReaderState] = var(ReaderState, init=False)  # stars and notes
    search: var[Search | None] = var(None, init=False)  # None: no search bar
    # Whether each key the footer shows is enabled: computed after every change
    # above; the footer is asked to redraw only when this changes (see watcher).
    footer_keys: var[tuple[bool | None, ...]] = var(tuple, init=False)
    # The place at the top of the reading pane, as it reports it when the
    # reader scrolls: saved as the reader moves.
    reading_top: var[Place] = var(TOP, init=False)

    def __init__(self, briefing: Briefing, path: Path | None = None, *,
                 from_library: bool = False) -> None:
        super().__init__()
        self.briefing = briefing
        self.path = path
        self.from_library = from_library
        # The entries each pane lists (filtered), with their anchors.
        self._shown: dict[Kind, tuple[Sequence[Quote | Figure], Sequence[Anchor]]] = {
            "quote": (briefing.quotes_in_order, briefing.quote_anchors),
            "figure": (briefing.figures_in_order, briefing.figure_anchors)}
        # The state as last read or written (what a save merges from). Its
        # position is the one shown first, so quitting at once writes nothing.
        self._saved = ReaderState().at(briefing.sections[0].id, None)
        self._save_timer: Timer | None = None
        self._saving = False  # a save worker is writing
        self._signature: Signature | None = None
        self._reloading: Worker[None] | None = None
        self._search_index: SearchIndex | None = None  # built by the first search
        # Every entry by its key (for the starred filter): built off the UI
        # thread after the first frame; None until it comes.
        self._entry_keys: EntryKeys | None = None
        self._query: str | None = None  # the query typed last: only its results show
        self._go_when_found = False  # enter was pressed before the results came
        # Where to go when the results of `find_words` come: (section, paragraph, start).
        self._found_at: tuple[int, int, int] | None = None
        # Kept, not queried: the place is read from it when the screen closes.
        self._reading = ReadingPane(id="reading")

    # --- what the workers post back ----------------------------------------------

    class StateLoaded(Message):
        """The stars, notes and position saved for this briefing were read."""

        def __init__(self, briefing: Briefing, state: ReaderState,
                     position: Position | None) -> None:
            super().__init__()
            self.briefing, self.state, self.position = briefing, state, position

    class StateUnreadable(Message):
        def __init__(self, problem: str) -> None:
            super().__init__()
            self.problem = problem

    class StateSaved(Message):
        """`sent` was merged with the file and written: `merged` is on disk."""

        def __init__(self, sent: ReaderState, merged: ReaderState) -> None:
            super().__init__()
            self.sent, self.merged = sent, merged

    class StateNotSaved(Message):
        def __init__(self, problem: str) -> None:
            super().__init__()
            self.problem = problem

    class KeysIndexed(Message):
        """Every entry of `keys.briefing` was indexed by its key."""

        def __init__(self, keys: EntryKeys) -> None:
            super().__init__()
            self.keys = keys

    class SearchFound(Message):
        """A search of `briefing` finished."""

        def __init__(self, briefing: Briefing, index: SearchIndex, search: Search) -> None:
            super().__init__()
            self.briefing, self.index, self.search = briefing, index, search

    class SearchIndexed(Message):
        """The search index of `briefing`, with `notes`, is made."""

        def __init__(self, briefing: Briefing, notes: dict[str, str],
                     index: SearchIndex) -> None:
            super().__init__()
            self.briefing, self.notes, self.index = briefing, notes, index

    class FileReloaded(Message):
        """The file changed and loaded: `position` is `was` in the new version."""

        def __init__(self, signature: Signature | None, briefing: Briefing, was: Position,
                     position: Position) -> None:
            super().__init__()
            self.signature, self.briefing, self.was, self.position = (
                signature, briefing, was, position)

    class FileProblem(Message):
        """The file changed and cannot be shown (gone, or no longer valid)."""

        def __init__(self, signature: Signature | None, problem: str) -> None:
            super().__init__()
            self.signature, self.problem = signature, problem

    # --- layout ---------------------------------------------------------------

    def compose(self) -> ComposeResult:
        # The width class is known now: set it before the first layout rather
        # than on the first resize, which would lay the screen out twice.
        self.add_class(width_class(self.app.size.width))
        settings: Settings | None = getattr(self.app, "settings", None)
        # The panes as the reader left them last time (a side pane is never
        # put over the text of a tiny terminal at start).
        if settings is not None and settings.contents is not None:
            if not settings.contents:
                self.add_class("-contents-hidden")
            elif not self.has_class("-tiny"):
                self.add_class("-contents-shown")
        if settings is not None and settings.entries is False:
            self.add_class("-entries-hidden")
        yield BriefingHeader(self.briefing, id="header")
        # The banner (a file that went bad under the reader) is mounted when needed.
        with Horizontal(id="body"):
            # Hidden where side panes come on demand (under 110 columns), the
            # contents pane joins after the first frame there (about 4 ms of
            # styling saved); where it shows, it is there from the start, or
            # the text would re-wrap.
            if self._contents_shown():
                yield _contents_list()
            yield self._reading
            with Vertical(id="entries"):
                yield QuoteList(id="quotes", empty="No quotes")
                yield FigureList(id="figures", empty="No figures")
        yield KeyLine(id="keys")

    @property
    def reading(self) -> ReadingPane:
        return self._reading

    @property
    def quote_list(self) -> QuoteList:
        return self.query_one(QuoteList)

    @property
    def figure_list(self) -> FigureList:
        return self.query_one(FigureList)

    # What the position says, by the names the tests and benchmarks use.
    @property
    def section(self) -> int:
        return self.position.section

    @property
    def quote(self) -> Quote | None:
        return self.position.quote

    @property
    def figure(self) -> Figure | None:
        return self.position.figure

    def on_mount(self) -> None:
        self.app.title = plain(self.briefing.title)
        # The contents pane is not needed for the first readable frame: it
        # follows it where it is hidden (see compose).
        self.call_after_refresh(self._after_first_frame)
        self._refill_panes()
        self.position = Position()
        self.reading.focus()
        if self.path is not None:
            self._signature = _file_signature(self.path)
            self.set_interval(1.0, self._poll_file, name="watch-file")
            if not self._restore_at_once(self.path):
                self._load_state(self.path, self.briefing)

    async def _after_first_frame(self) -> None:
        try:
            body = self.query_one("#body")
        except NoMatches:
            return  # the app was closed before its first frame: nothing to add
        if not self.query(ContentsList):
            await body.mount(_contents_list(), before=self.reading)
        contents = self.query_one(ContentsList)
        contents.show(self.briefing)
        contents.highlighted = self.section
        self._arrange_panes()
        if not self.from_library:
            # The app's own reader lasts as long as the app, and all it keeps
            # is here once this is drawn: the briefing, the panes, their styles.
            # (One opened from the library comes and goes: frozen, its
            # widgets' cycles would never be freed.)
            self.call_after_refresh(freeze_what_lasts)

    # --- following the state -------------------------------------------------------

    def watch_position(self, old: Position, new: Position) -> None:
        reading = self.reading
        sections = self.briefing.sections
        section = sections[new.section]
        entry = new.entry
        # The selected entry stays in view when the text is wrapped anew.
        reading.selected = ((entry.anchor.paragraph, entry.anchor.start, entry.anchor.end)
                            if entry is not None and entry.anchor.section == new.section
                            else None)
        if reading.section is not section:
            reading.show_section(section, new.section + 1, len(sections), self._marks())
            for contents in self.query(ContentsList):  # none before the first frame when narrow
                if contents.highlighted != new.section:
                    contents.highlighted = new.section
            if new.section + 1 < len(sections):  # once this one is drawn: n reads on into it
                self.call_after_refresh(reading.prepare, sections[new.section + 1],
                                        new.section + 2, len(sections))
        else:
            reading.mark(self._marks())
        # Laid out already, the pane scrolls in this frame; otherwise once it is.
        if new.place is not None:
            reading.reveal(*new.place)
        elif new.top == "end":
            reading.show_end()
        elif new.top is not None:
            reading.show_place(*new.top)
        if self._unsaved():
            self._save_soon()
        if new.quote is not old.quote:
            self.quote_list.set_current(new.quote)
        if new.figure is not old.figure:
            self.figure_list.set_current(new.figure)

    def watch_speaker(self) -> None:
        self._refill_panes()

    def watch_starred_only(self) -> None:
        self._refill_panes()

    def watch_state(self, old: ReaderState, new: ReaderState) -> None:
        if old.notes != new.notes:
            self._search_index = None  # it holds the notes: the next search makes it anew
        if old.stars != new.stars or old.notes != new.notes:
            if self.starred_only:
                self._refill_panes()
            else:
                self._mark_panes()
        if self._unsaved():
            self._save_soon()

    def watch_reading_top(self) -> None:
        if self._unsaved():
            self._save_soon()

    @on(ReadingPane.Scrolled)
    def _scrolled(self, message: ReadingPane.Scrolled) -> None:
        self.reading_top = message.top

    @on(ReadingPane.PastEdge)
    def _past_edge(self, message: ReadingPane.PastEdge) -> None:
        """Reading straight through: on into the next section from its top,
        or back into the previous one at its end."""
        section = self.section + message.direction
        if 0 <= section < len(self.briefing.sections):
            self.position = self.position._replace(
                section=section, place=None, top=None if message.direction > 0 else "end")

    def watch_search(self, old: Search | None, new: Search | None) -> None:
        self.reading.mark(self._marks())
        self._show_found_elsewhere(new)
        if (new is not None and new.current is not None
                and (old is None or old.current != new.current)):
            match = new.matches[new.current]
            if match.field in ("heading", "summary") and match.section == self.section:
                # Its section is shown already: its top (the title and
                # summary) comes into view. Another is shown from its top.
                self.reading.scroll_home(animate=False, immediate=True)
        bar = self.search_bar
        if new is not None and bar is not None:
            from briefing.tui.widgets.search import search_status

            bar.set_status(search_status(new))

    # The actions whose keys the footer shows and that are not always enabled.
    # The others' state is asked for when their key is pressed, or when the
    # help screen or the command palette opens.
    _FOOTER_ACTIONS = ("next_match", "previous_match", "next_quote", "previous_quote",
                       "next_figure")

    def compute_footer_keys(self) -> tuple[bool | None, ...]:
        if not hasattr(self, "_shown"):
            return ()  # a reactive set while the screen is made
        return tuple(self.check_action(action, ()) for action in self._FOOTER_ACTIONS)

    def watch_footer_keys(self) -> None:
        """The key line works out the active bindings again on every
        refresh_bindings: it is asked only when one of its keys changed state."""
        self.refresh_bindings()

    # --- what the panes show --------------------------------------------------

    @work(thread=True, exclusive=True, group="entry-keys")
    def _index_keys(self, briefing: Briefing) -> None:
        """Hash every entry once, off the UI thread (a tenth of a second at
        10,000 quotes), so that the starred filter is a lookup. Made when the
        filter is first asked for, not at start: a worker hashing beside the
        first frames stretched each of them to twice its time."""
        self.post_message(self.KeysIndexed(EntryKeys(briefing)))

    @on(KeysIndexed)
    def _keys_indexed(self, message: KeysIndexed) -> None:
        if message.keys.briefing is not self.briefing:
            return  # the file was reloaded meanwhile: its own index follows
        self._entry_keys = message.keys
        if self.starred_only:
            self._refill_panes()

    def _refill_panes(self) -> None:
        # Unfiltered, the panes take the briefing's own sequences and anchors.
        quotes: Sequence[Quote] = self.briefing.quotes_in_order
        figures: Sequence[Figure] = self.briefing.figures_in_order
        quote_anchors, figure_anchors = self.briefing.quote_anchors, self.briefing.figure_anchors
        finding = False  # the starred entries are not known yet
        if self.starred_only:
            keys = self._entry_keys
            if keys is None or keys.briefing is not self.briefing:
                quotes, figures, finding = [], [], True  # filled when the index comes
                self._index_keys(self.briefing)
            else:
                stars = self.state.stars
                quotes = [quotes[p] for p in keys.quotes(stars)]
                figures = [figures[p] for p in keys.figures(stars)]
        if self.speaker is not None:
            quotes = [q for q in quotes if q.speaker == self.speaker]
        if quotes is not self.briefing.quotes_in_order:
            quote_anchors = [q.anchor for q in quotes]
        if figures is not self.briefing.figures_in_order:
            figure_anchors = [f.anchor for f in figures]
        self._shown = {"quote": (quotes, quote_anchors), "figure": (figures, figure_anchors)}
        self._mark_panes()
        for pane, entries, anchors, kind in (
                (self.quote_list, quotes, quote_anchors, "quotes"),
                (self.figure_list, figures, figure_anchors, "figures")):
            empty = (f"Finding starred {kind}…" if finding
                     else f"No {'starred ' if self.starred_only else ''}{kind}")
            pane.set_entries(entries, anchors, empty=empty)  # type: ignore[arg-type]
        title = Content(f"Quotes ({len(quotes)})")
        if self.speaker is not None:
            title = Content.assemble("Quotes · ", literal(self._speaker_name(self.speaker),
                                                         one_line=True), f" ({len(quotes)})")
        if self.starred_only:
            title = Content("★ ") + title
        self.quote_list.border_title = title
        self.figure_list.border_title = Content(
            f"{'★ ' if self.starred_only else ''}Figures ({len(figures)})")

    def _mark_panes(self) -> None:
        starred, noted = self.state.stars, frozenset(self.state.notes)
        self.quote_list.set_marks(starred, noted)
        self.figure_list.set_marks(starred, noted)

    def _speaker_name(self, speaker: str) -> str:
        person = self.briefing.person(speaker)
        return person.name if person else speaker

    def _marks(self) -> list[Mark]:
        """The spans to style in the section shown: its quotes and figures,
        the current ones, and the search's matches."""
        position = self.position
        marks: list[Mark] = []
        quotes, figures = entries_in(self.briefing, position.section)
        selected = position.entry
        for quote in quotes:
            a = quote.anchor
            style = STYLE_CURRENT if quote is selected else STYLE_QUOTE
            marks.append(Mark(a.paragraph, a.start, a.end, style))
        for figure in figures:
            a = figure.anchor
            style = STYLE_CURRENT_FIGURE if figure is selected else STYLE_FIGURE
            marks.append(Mark(a.paragraph, a.start, a.end, style))
        search = self.search
        if search is not None:
            first, end = search.in_section(position.section)
            for index in range(first, end):
                match = search.matches[index]
                at = {"paragraph": match.paragraph, "heading": HEADING,
                      "summary": SUMMARY}.get(match.field)
                if at is None:
                    continue  # in an entry: marked in its row
                style = STYLE_CURRENT_MATCH if index == search.current else STYLE_MATCH
                marks.append(Mark(at, match.start, match.end, style))
        # The current entry is styled last so it wins where spans overlap.
        return sorted(marks, key=lambda m: m.style in (STYLE_CURRENT, STYLE_CURRENT_FIGURE,
                                                        STYLE_CURRENT_MATCH))

    # --- moving -----------------------------------------------------------------

    def go_to_quote(self, quote: Quote) -> None:
        self.position = at_entry(quote, self.position)

    def go_to_figure(self, figure: Figure) -> None:
        self.position = at_entry(figure, self.position)

    def go_to_anchor(self, kind: str, place: tuple[int, int, int]) -> None:
        """Select the quote (or figure) whose words start at `place`
        (section, paragraph, start), if there is one."""
        entries: Sequence[Quote | Figure] = (self.briefing.quotes_in_order if kind == "quote"
                                             else self.briefing.figures_in_order)
        for entry in entries:
            if entry.anchor[:2] == place[:2] and entry.anchor.start == place[2]:
                self.position = at_entry(entry, self.position)
                return

    def show_across(self, person: str) -> None:
        """What `person` said in every briefing of the folder: only where the
        reader was opened from a library (see LibraryReaderScreen)."""

    def _step(self, kind: Kind, delta: int) -> Quote | Figure | None:
        """The entry `delta` (+1 or -1) steps from the reading position, as
        `n` and `N` search in less: from the selected entry when it is on
        screen; otherwise forwards from the top of the screen, backwards
        from its bottom (in the section being read)."""
        entries, anchors = self._shown[kind]
        position = self.position
        selected = position.entry
        if selected is not None and self._on_screen(selected):
            at = position_in(entries, anchors, selected)  # type: ignore[arg-type]
            if at is not None:
                target = at + delta
            else:  # the other kind, or filtered out of this pane
                here = selected.anchor
                target = (bisect.bisect_right(anchors, here) if delta > 0  # type: ignore[arg-type]
                          else bisect.bisect_left(anchors, here) - 1)  # type: ignore[arg-type]
        else:
            shown = self.reading.shown_places() if self.is_mounted else None
            top, below = shown if shown is not None else (TOP, TOP)
            here = (position.section, *(top if delta > 0 else below))
            target = bisect.bisect_left(anchors, here)  # type: ignore[arg-type]
            if delta < 0:
                target -= 1
        return entries[target] if 0 <= target < len(entries) else None

    def _on_screen(self, entry: Quote | Figure) -> bool:
        a = entry.anchor
        return (a.section == self.section and self.is_mounted
                and self.reading.is_visible(a.paragraph, a.start, a.end))

    # The actions that step through a pane, and how.
    _STEPS: ClassVar[dict[str, tuple[Kind, int]]] = {
        "next_quote": ("quote", 1), "previous_quote": ("quote", -1),
        "next_figure": ("figure", 1), "previous_figure": ("figure", -1),
    }

    def _move(self, action: str) -> None:
        entry = self._step(*self._STEPS[action])
        if isinstance(entry, Quote):
            self.go_to_quote(entry)
        elif isinstance(entry, Figure):
            self.go_to_figure(entry)

    def action_next_quote(self) -> None:
        self._move("next_quote")

    def action_previous_quote(self) -> None:
        self._move("previous_quote")

    def action_next_figure(self) -> None:
        self._move("next_figure")

    def action_previous_figure(self) -> None:
        self._move("previous_figure")

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("search", "note") and isinstance(self.focused, Input):
            return False  # in the search field, `/` and `a` are characters like any other
        if action in ("next_match", "previous_match"):
            return self.search is not None and bool(self.search.matches)
        if action in self._STEPS:
            return True if self._step(*self._STEPS[action]) is not None else None
        if action == "next_section":
            return True if self.section + 1 < len(self.briefing.sections) else None
        if action == "previous_section":
            return True if self.section > 0 else None
        if action == "section":
            return bool(parameters) and int(parameters[0]) < len(  # type: ignore[call-overload]
                self.briefing.sections)
        if action in ("star", "note"):
            return True if self._selected_entry() is not None else None
        return True

    @on(EntryChosen)
    def on_entry_chosen(self, event: EntryChosen) -> None:
        self._back_to_text()
        entry = self._shown["quote" if event.kind == "quote" else "figure"][0][event.position]
        if isinstance(entry, Quote):
            self.go_to_quote(entry)
        else:
            self.go_to_figure(entry)

    # --- sections ---------------------------------------------------------------

    @on(SectionChosen)
    def on_section_chosen(self, event: SectionChosen) -> None:
        self._back_to_text()
        self.action_section(event.section)
        self.reading.focus()

    def action_section(self, index: int) -> None:
        if 0 <= index < len(self.briefing.sections):
            self.position = self.position._replace(section=index, place=None, top=None)

    def action_next_section(self) -> None:
        self.action_section(self.section + 1)

    def action_previous_section(self) -> None:
        self.action_section(self.section - 1)

    def action_toggle_contents(self) -> None:
        if self.classes & PANES_ON_DEMAND:
            self.toggle_class("-contents-shown")
            self.remove_class("-entries-shown")
        else:
            self.toggle_class("-contents-hidden")
        self._arrange_panes()
        self._remember_panes()

    def action_toggle_entries(self) -> None:
        if self.has_class("-tiny"):
            self.toggle_class("-entries-shown")
            self.remove_class("-contents-shown")
        elif self.has_class("-narrow") and self.has_class("-contents-shown"):
            # The quotes and figures gave way to the contents: they come back.
            self.remove_class("-contents-shown", "-entries-hidden")
        else:
            self.toggle_class("-entries-hidden")
        self._arrange_panes()
        self._remember_panes()

    def _contents_shown(self) -> bool:
        """Whether the contents pane shows (see the width classes in the .tcss)."""
        if self.classes & PANES_ON_DEMAND:
            return self.has_class("-contents-shown")
        return not self.has_class("-contents-hidden")

    def _remember_panes(self) -> None:
        """The app keeps the panes as the reader left them (the settings). A
        side pane shown over the text in a tiny terminal is a visit, not a
        choice: it is not remembered."""
        if self.has_class("-tiny"):
            return
        settings: Settings | None = getattr(self.app, "settings", None)
        for pane, shown in (("contents", self._contents_shown()),
                            ("entries", not self.has_class("-entries-hidden"))):
            if settings is None or getattr(settings, pane) != shown:
                self.post_message(PaneToggled(pane, shown))

    def on_resize(self) -> None:
        # The width class may have changed (Textual sets it first).
        self._arrange_panes()

    def _side_pane_over_text(self) -> bool:
        """A side pane shown in place of the text (in a tiny terminal)."""
        return self.has_class("-tiny") and bool(
            self.classes & {"-contents-shown", "-entries-shown"})

    def _back_to_text(self) -> None:
        if self._side_pane_over_text():
            self.remove_class("-contents-shown", "-entries-shown")
            self._arrange_panes()

    def _arrange_panes(self) -> None:
        """After the side panes were shown, hidden or gave way: the hint
        under the text names what is out of sight and its key, and the
        focus is on something shown."""
        hidden: list[str] = []
        if self.has_class("-tiny"):
            hidden = [f"{self._key_for('toggle_contents')} contents",
                      f"{self._key_for('toggle_entries')} quotes & figures"]
        elif self.has_class("-narrow"):
            hidden = [f"{self._key_for('toggle_entries')} quotes & figures"
                      if self.has_class("-contents-shown")
                      else f"{self._key_for('toggle_contents')} contents"]
        self.reading.border_subtitle = Content(" · ".join(hidden)) if hidden else None
        focused = self.focused
        if self._side_pane_over_text():
            pane = (self.query("#contents") if self.has_class("-contents-shown")
                    else self.query(QuoteList))
            if pane and focused not in pane:
                pane.first().focus()
        elif focused is None or not focused.display or (
                focused.parent is not None and not focused.parent.display):
            self.reading.focus()

    def _key_for(self, action: str) -> str:
        """The key that runs an action here, as the footer shows it (the
        user's keymap included)."""
        for bindings in self._bindings.key_to_bindings.values():
            for binding in bindings:
                if binding.action == action:
                    return self.app.get_key_display(binding)
        return action

    # --- search -----------------------------------------------------------------

    @property
    def search_bar(self) -> SearchBar | None:
        """The search bar, once `/` has been pressed (it is not needed before)."""
        bars = self.query("#search-bar")
        return bars.first() if bars else None  # type: ignore[return-value]

    def action_search(self) -> None:
        self._in_turn("search")

    def action_note(self) -> None:
        self._in_turn("note")

    def _in_turn(self, field: str) -> None:
        """`/` and `a` are priority keys, taken as they arrive, while the keys
        typed before them are still on their way up from the focused pane:
        the field opens behind those (see FieldOpening), and the letters
        typed after it follow it there (see BriefingApp.on_event)."""
        opening = self._open_search if field == "search" else self._open_note
        (self.focused or self).post_message(FieldOpening(opening))

    async def _open_search(self) -> None:
        from briefing.tui.widgets.search import SearchBar, search_status

        bar = self.search_bar
        if bar is None:
            bar = SearchBar(id="search-bar")
            await self.mount(bar, after=self.query_one("#body"))
        bar.display = True
        search = self.search or Search("")
        self._query = search.query
        field = bar.query_one(Input)
        field.value = search.query
        self.set_focus(field)  # at once: the letters typed with `/` come next
        bar.set_status(search_status(search))
        self.search = search
        if self._search_index is None:
            # Made while the reader types the first letter (at 10,000 quotes,
            # about 45 ms the first key would otherwise wait for).
            self._make_search_index(self.briefing, dict(self.state.notes), self._entry_keys)

    @work(thread=True, exclusive=True, group="search-index")
    def _make_search_index(self, briefing: Briefing, notes: dict[str, str],
                           keys: EntryKeys | None) -> None:
        self.post_message(self.SearchIndexed(briefing, notes, _search_index(briefing, notes,
                                                                             keys)))

    @on(SearchIndexed)
    def _search_indexed(self, message: SearchIndexed) -> None:
        if (message.briefing is self.briefing and message.notes == dict(self.state.notes)
                and self._search_index is None):
            self._search_index = message.index

    @on(Input.Changed, "#search-input")
    def on_search_changed(self, event: Input.Changed) -> None:
        if self.search is None or self._query == event.value:
            return  # the bar was just closed, or opened again with its query
        self._query = event.value
        if not event.value:
            self.search = Search("")
            return
        self._find(self.briefing, self._search_index, event.value)

    def _find(self, briefing: Briefing, index: SearchIndex | None, query: str) -> None:
        self._found_at = None
        self._find_in(briefing, index, query, dict(self.state.notes), self._entry_keys)

    async def find_words(self, query: str, place: tuple[int, int, int] | None = None) -> None:
        """Show the matches of an archive search's words (see
        briefing.archive_query) as this reader's search, and go to the one at
        `place` (section, paragraph, start), or the first after it."""
        from briefing.archive_query import words_pattern

        pattern = words_pattern(query)
        if pattern is None:
            return
        await self._open_search()
        self._query, self._found_at = query, place or (-1, -1, 0)
        bar = self.search_bar
        if bar is not None:
            bar.query_one(Input).value = query
        self.search = Search(query)
        self.reading.focus()
        self._find_in(self.briefing, self._search_index, query, dict(self.state.notes),
                      self._entry_keys, pattern)

    @work(thread=True, exclusive=True, group="search")
    def _find_in(self, briefing: Briefing, index: SearchIndex | None, query: str,
                 notes: dict[str, str], keys: EntryKeys | None,
                 pattern: re.Pattern[str] | None = None) -> None:
        """Search the whole briefing, and the reader's notes on it. A newer
        keystroke cancels this one: it stops at the next section and posts
        nothing."""
        worker = get_current_worker()
        if index is None:
            index = _search_index(briefing, notes, keys)
        found = find(index, query, cancelled=lambda: worker.is_cancelled, pattern=pattern)
        if found is not None and not worker.is_cancelled:
            self.post_message(self.SearchFound(briefing, index, found))

    @on(SearchFound)
    def _search_found(self, message: SearchFound) -> None:
        if message.briefing is not self.briefing:
            return  # the file was reloaded meanwhile
        self._search_index = message.index
        if self.search is None or message.search.query != self._query:
            return  # left, or typed on since
        self.search = message.search
        if self._found_at is not None:
            place, self._found_at = self._found_at, None
            if message.search.matches:
                at = bisect.bisect_left(message.search.matches, place)
                self._go_to_match(min(at, len(message.search.matches) - 1))
        elif self._go_when_found:
            self._go_when_found = False
            self._go_to_first_match()

    @on(Input.Submitted, "#search-input")
    def on_search_submitted(self, event: Input.Submitted) -> None:
        if self.search is None or not event.value:
            return
        if self.search.query != event.value:
            self._go_when_found = True  # its results are on their way
            return
        self._go_to_first_match()

    def _go_to_first_match(self) -> None:
        """The first match from the top of the section shown (or the first)."""
        assert self.search is not None
        if not self.search.matches:
            return
        at = self.search.in_section(self.section)[0]
        self._go_to_match(at if at < len(self.search.matches) else 0)
        self.reading.focus()

    def _go_to_match(self, index: int) -> None:
        assert self.search is not None
        self.search = self.search._replace(current=index)
        match = self.search.matches[index]
        entry = self._entry_of(match)
        if isinstance(entry, Quote):
            self.go_to_quote(entry)  # a speaker, role or note: the quote is where it leads
        elif isinstance(entry, Figure):
            self.go_to_figure(entry)
        elif match.field in ("heading", "summary"):
            self.position = self.position._replace(section=match.section, place=None)
        elif match.section >= 0:
            self.position = self.position._replace(section=match.section,
                                                   place=(match.paragraph, match.start))
        # The title and standfirst are in the header, always in view: no move.

    def _entry_of(self, match: Match) -> Quote | Figure | None:
        """The quote or figure a match in one of its fields belongs to."""
        entries: Sequence[Quote | Figure] = (
            self.briefing.quotes_in_order if match.field in QUOTE_FIELDS
            else self.briefing.figures_in_order if match.field in FIGURE_FIELDS else ())
        # A search of the version before a reload can outlive it for a moment.
        return entries[match.entry] if 0 <= match.entry < len(entries) else None

    def _show_found_elsewhere(self, search: Search | None) -> None:
        """Mark the matches outside the reading pane where they are shown:
        every one in the header (title, standfirst), and the current one in
        the row of its quote or figure. (Only the current: marking every row
        a search matches would draw the panes again on every key typed.)"""
        header: dict[str, list[tuple[int, int, str]]] = {}
        entry: Quote | Figure | None = None
        found: tuple[Found, ...] = ()
        if search is not None:
            first, end = search.in_section(-1)
            for index in range(first, end):
                match = search.matches[index]
                style = STYLE_CURRENT_MATCH if index == search.current else STYLE_MATCH
                header.setdefault(match.field, []).append((match.start, match.end, style))
            if search.current is not None:
                match = search.matches[search.current]
                entry = self._entry_of(match)
                found = (Found(match.field, match.start, match.end, STYLE_CURRENT_MATCH),)
        self.query_one(BriefingHeader).show_found({k: tuple(v) for k, v in header.items()})
        quote = entry if isinstance(entry, Quote) else None
        figure = entry if isinstance(entry, Figure) else None
        self.quote_list.set_found(quote, found if quote else ())
        self.figure_list.set_found(figure, found if figure else ())

    def action_next_match(self) -> None:
        if self.search and self.search.matches:
            current = self.search.current
            self._go_to_match(0 if current is None else
                              min(current + 1, len(self.search.matches) - 1))

    def action_previous_match(self) -> None:
        if self.search and self.search.matches:
            current = self.search.current
            self._go_to_match(0 if current is None else max(current - 1, 0))

    def _leave_search(self) -> None:
        self._query, self._go_when_found = None, False
        self.search = None
        bar = self.search_bar
        if bar is not None:
            bar.query_one(Input).value = ""
            bar.display = False
        self.reading.focus()

    # --- people and filters -------------------------------------------------------

    def action_people(self) -> None:
        from briefing.tui.screens.people import Across, PeopleScreen

        def chosen(speaker: str | bool | Across | None) -> None:
            if speaker is False:  # dismissed without a choice
                return
            if isinstance(speaker, Across):
                self.show_across(speaker.name)
                return
            self.filter_speaker(speaker if isinstance(speaker, str) else None)

        self.app.push_screen(PeopleScreen(self.briefing, self.speaker,
                                          across=self.from_library), chosen)

    def filter_speaker(self, speaker: str | None) -> None:
        """Show only this speaker's quotes in the Quotes pane (None: everyone)."""
        self.speaker = speaker
        if speaker is not None:
            self.quote_list.focus()

    def action_starred_only(self) -> None:
        self.starred_only = not self.starred_only

    def action_back(self) -> None:
        """Escape backs out one level at a time."""
        if self._side_pane_over_text():
            self._back_to_text()
        elif (self.search_bar is not None and self.search_bar.display) or self.search is not None:
            self._leave_search()
        elif self.speaker is not None or self.starred_only:
            # Starred-only first: the panes are then refilled with at most
            # the speaker's quotes to look at, not every quote's key.
            self.starred_only = False
            self.speaker = None
        elif self.from_library:
            self.dismiss()

    # --- stars and notes -------------------------------------------------------------

    def _selected_entry(self) -> Quote | Figure | None:
        """What `s` and `a` act on: the row under the cursor in a focused
        pane, else the entry the reader arrived at last."""
        focused = self.focused
        if isinstance(focused, FigureList):
            return focused.cursor_entry
        if isinstance(focused, QuoteList):
            return focused.cursor_entry
        return self.position.entry

    def action_star(self) -> None:
        entry = self._selected_entry()
        if entry is None:
            return
        key = entry_key(entry)
        starred = key not in self.state.stars
        self.state = self.state.with_star(key, starred)
        # Named, so a star given to the wrong entry is seen at once.
        self.notify(f"{'Starred' if starred else 'Star removed'}: {_named(entry)}",
                    timeout=3, markup=False)

    async def _open_note(self) -> None:
        from briefing.tui.screens.dialogs import PromptScreen

        entry = self._selected_entry()
        if entry is None:
            return
        key = entry_key(entry)
        what = (f"Note on the quote by {entry.speaker_name}" if isinstance(entry, Quote)
                else f"Note on the figure {entry.text}")

        def prompt(text: str) -> PromptScreen:
            return PromptScreen(literal(what, one_line=True), text,
                                placeholder="your note (empty removes it)")

        def save(text: str | None) -> None:
            if text is None:
                return
            try:
                self.state = self.state.with_note(key, text)
            except ValueError as error:
                # Too long: asked again with the text as it was, to shorten.
                self.notify(str(error), severity="error", markup=False)
                self.app.push_screen(prompt(text), save)

        # Awaited: the letters typed with `a` come next, and go to its field.
        await self.app.push_screen(prompt(self.state.note(key) or ""), save)

    # --- an entry in full, and copied -------------------------------------------------

    def action_entry_details(self) -> None:
        from briefing.tui.screens.entry import EntryScreen

        entry = self._selected_entry()
        if entry is None:
            self.notify("Nothing selected: go to a quote or a figure first",
                        severity="warning", markup=False, timeout=4)
            return
        key = entry_key(entry)
        self.app.push_screen(EntryScreen(self.briefing, entry, starred=key in self.state.stars,
                                         note=self.state.note(key)))

    def action_copy_entry(self) -> None:
        from briefing.tui.clipboard import copy_entry

        copy_entry(self.app, self.briefing, self._selected_entry())

    # --- reading and saving the state ---------------------------------------------

    def _snapshot(self) -> ReaderState:
        """The stars and notes with the position: what is saved."""
        entry = self.position.entry
        top = self.reading.top_place()
        return self.state.at(self.briefing.sections[self.section].id,
                             entry_key(entry) if entry is not None else None,
                             None if top == TOP else top)

    def _unsaved(self) -> bool:
        """Stars, notes or the place changed since they were last read or written."""
        if not hasattr(self, "_saved"):
            return False  # a reactive set while the screen is made
        return self._snapshot() != self._saved

    def _restore_at_once(self, path: Path) -> bool:
        """Stars, notes and the place, before the first frame, when that is
        quick: the state file as this reader wrote it, and its selected entry
        in the section it names. The first frame then shows the place (no
        jump after it) and no worker competes with drawing it. False when
        the thorough way (`_load_state`) is needed."""
        briefing = self.briefing
        state = quick_state_for(state_key(briefing, path))
        if state is None:
            return False
        position = restored(briefing, state, thorough=False)
        if state.selected and (position is None or position.entry is None):
            return False  # moved to another section, or gone: looked for everywhere
        self._state_loaded(self.StateLoaded(briefing, state, position))
        return True

    @work(thread=True, exclusive=True, group="load-state")
    def _load_state(self, path: Path, briefing: Briefing) -> None:
        """Stars, notes and the last position, read off the start-up path (and
        the entry it names found there too: hashing every entry of a large
        briefing takes a quarter of a second)."""
        try:
            state = load_state_for(state_key(briefing, path))
        except BriefingError as error:
            self.post_message(self.StateUnreadable(error.headline))
            return
        self.post_message(self.StateLoaded(briefing, state, restored(briefing, state)))

    @on(StateUnreadable)
    def _state_unreadable(self, message: StateUnreadable) -> None:
        self.notify(f"Your stars and notes could not be read: {message.problem}",
                    title="Reader state ignored", severity="warning", markup=False, timeout=8)

    @on(StateLoaded)
    def _state_loaded(self, message: StateLoaded) -> None:
        # A star given before the file was read is kept on top of it.
        since, self._saved = self._saved, message.state
        self.state = merge(message.state, self.state, since=since)
        if (message.position is not None and message.briefing is self.briefing
                and self.position == Position()):  # the reader has not moved yet
            self.position = message.position
        # The position as restored needs no saving again.
        shown = self._snapshot()
        self._saved = self._saved.at(shown.section, shown.selected, shown.place)

    def _save_soon(self) -> None:
        if self.path is None:
            return
        if self._save_timer is not None:
            self._save_timer.stop()
        self._save_timer = self.set_timer(SAVE_DELAY, self._save_now, name="save-state")

    def _save_now(self) -> None:
        self._save_timer = None
        if self._saving or self.path is None or not self._unsaved():
            return  # a save in flight saves what changed meanwhile when it is done
        self._saving = True
        self._write_state(self.path, self.briefing, self._snapshot(), self._saved)

    @work(thread=True, group="save-state")
    def _write_state(self, path: Path, briefing: Briefing, state: ReaderState,
                     previous: ReaderState) -> None:
        """Merge and write under the lock, so another open window loses nothing.
        Only the immutable snapshots it is handed are read here."""
        try:
            merged = save_state(state_key(briefing, path), state, previous=previous)
        except WriteError as error:
            self.post_message(self.StateNotSaved(str(error)))
            return
        self.post_message(self.StateSaved(state, merged))

    @on(StateSaved)
    def _state_saved(self, message: StateSaved) -> None:
        self._saving = False
        self._saved = message.merged
        # Another window's changes come in; this one's made since the
        # snapshot was taken stay on top (and are saved next).
        self.state = merge(message.merged, self.state, since=message.sent)
        if self._unsaved():
            self._save_soon()

    @on(StateNotSaved)
    def _state_not_saved(self, message: StateNotSaved) -> None:
        self._saving = False
        self.notify(f"{message.problem}. Your stars and notes are kept in this window.",
                    title="Not saved", severity="error", markup=False, timeout=10)

    def on_unmount(self) -> None:
        self.save_before_exit()

    def save_before_exit(self) -> None:
        """Write what is unsaved now, on this thread (the app is closing: on
        `q`, or on a hang-up or a terminate signal). A failure here must not
        block quitting."""
        if self._save_timer is not None:
            self._save_timer.stop()
            self._save_timer = None
        if self.path is None:
            return
        snapshot = self._snapshot()
        if snapshot == self._saved:
            return
        with contextlib.suppress(WriteError, OSError):
            self._saved = save_state(state_key(self.briefing, self.path), snapshot,
                                     previous=self._saved)

    # --- export ---------------------------------------------------------------------

    def _proposed_digest_path(self, starred_only: bool = False,
                              this_section: bool = False) -> Path:
        """Where `e` proposes to write: the export folder of the settings, else
        the briefing's own folder, else (bundled or read-only) the home
        folder; never wherever the reader happened to start the app. The
        name says what is in it: today.md, today-military-starred.md."""
        folder = export_folder(self.app, self.path.parent if self.path else None)
        # The name is the briefing's, with what cannot be shown made plain.
        name = "".join(c if plain(c) == c else "_" for c in self.path.stem) if self.path \
            else "briefing"
        if this_section:
            name += f"-{self.briefing.sections[self.section].id}"
        if starred_only:
            name += "-starred"
        return folder / f"{name}.md"

    def action_export(self) -> None:
        from briefing.tui.screens.dialogs import ExportChoice, ExportScreen

        web = self.app.is_web

        def chosen(choice: ExportChoice | None) -> None:
            if choice is None:
                return
            from briefing.digest import DigestOptions

            options = DigestOptions(
                sections=(section.id,) if choice.this_section else None,
                starred_only=choice.starred_only)
            if web:  # a download in the reader's browser, never a file on the server
                default = self._proposed_digest_path(choice.starred_only,
                                                     choice.this_section).name
                self._write_digest(download_name(choice.path, default), False, self.briefing,
                                   self._snapshot(), options)
                return
            write_when_allowed(self, Path(choice.path.strip()).expanduser(),
                               lambda path, overwrite: self._export(path, overwrite, options))

        def propose(starred: bool, this: bool) -> str:
            path = self._proposed_digest_path(starred, this)
            return path.name if web else str(path)

        section = self.briefing.sections[self.section]
        self.app.push_screen(ExportScreen(literal(section.title, one_line=True),
                                          bool(self.state.marked), propose, web=web), chosen)

    def _export(self, path: Path, overwrite: bool, options: DigestOptions) -> None:
        self._write_digest(path, overwrite, self.briefing, self._snapshot(), options)

    @work(thread=True, exclusive=True, group="export")
    def _write_digest(self, path: Path | str, overwrite: bool, briefing: Briefing,
                      state: ReaderState, options: DigestOptions) -> None:
        """To `path`, or with a name (`str`), to the browser (see action_export)."""
        from briefing.digest import render_digest

        write_digest(self, path, render_digest(briefing, options, state), overwrite)

    # --- the source -------------------------------------------------------------------

    def action_open_source(self) -> None:
        """The briefing's `url` in the browser: only a web address, shown as written."""
        from briefing.links import web_link

        url = self.briefing.masthead.url
        if not url or not url.strip():
            self.notify("This briefing has no source link (no url in its [briefing] table)",
                        title="Nothing to open", markup=False, timeout=5)
            return
        link = web_link(url)
        if link.url is None:
            self.notify(f"Not opened: {link.problem}: {plain(url)}", title="Source link",
                        severity="warning", markup=False, timeout=8)
            return
        self.app.open_url(link.url)

    # --- live reload ----------------------------------------------------------------

    def _poll_file(self, force: bool = False) -> None:
        """Reload when the file changed (a stat per second costs nothing)."""
        if self.path is None:
            return
        if self._reloading is not None and not self._reloading.is_finished:
            return  # a large file is still loading: one load at a time
        self._reloading = self._check_file(self.path, self._signature, force, self.briefing,
                                           self.position)

    @work(thread=True, exclusive=True, group="watch")
    def _check_file(self, path: Path, signature: Signature | None, force: bool,
                    briefing: Briefing, position: Position) -> None:
        now = _file_signature(path)
        if now == signature and not force:
            return
        if now is None:
            self.post_message(self.FileProblem(now, f"{path} was deleted or moved"))
            return
        try:
            # Not remembered: writing it down holds the interpreter (~80 ms at
            # 10,000 quotes) while the reader is in use; the next start of the
            # reader on it remembers it when it closes.
            loaded = load_briefing(path, source=str(path))
        except BriefingError as error:
            self.post_message(self.FileProblem(now, error.headline))
            return
        self.post_message(self.FileReloaded(now, loaded, position,
                                            moved(position, briefing, loaded, thorough=True)))

    @on(FileProblem)
    async def _file_problem(self, message: FileProblem) -> None:
        self._signature = message.signature
        text = Content.assemble(("⚠ ", "bold"), literal(message.problem, one_line=True),
                                ("  · showing the last good version", "italic"))
        banners = self.query("#banner")
        if banners:
            banner = banners.first(Static)
            banner.update(text)
            banner.display = True
        else:
            await self.mount(Static(text, id="banner"), after=self.query_one(BriefingHeader))

    @on(FileReloaded)
    def _file_reloaded(self, message: FileReloaded) -> None:
        self._signature = message.signature
        position = message.position
        if self.position is not message.was:
            # The reader moved while the file loaded: find where they are now
            # (within its section: a search of every entry is the worker's job).
            position = moved(self.position, self.briefing, message.briefing, thorough=False)
        self.replace_briefing(message.briefing, position)

    def replace_briefing(self, briefing: Briefing, position: Position) -> None:
        """Show a new version of the briefing at `position` in it."""
        # In the same section, the same words stay at the top (the lines
        # above them may have changed).
        top = self.reading.top_place() if position.section == self.section else None
        self.briefing = briefing
        self._search_index = None
        self._entry_keys = None  # made again when the starred filter needs it
        for banner in self.query("#banner"):
            banner.display = False
        self.query_one(BriefingHeader).show(briefing)
        for contents in self.query(ContentsList):
            contents.show(briefing)
        self.app.title = plain(briefing.title)
        self._refill_panes()
        self.reading.forget()  # the text may have changed under the same id
        self.position = position._replace(place=None, top=top)
        if self.search is not None and self.search.query:
            self._find(briefing, None, self.search.query)

    def action_reload(self) -> None:
        self._poll_file(force=True)


def _search_index(briefing: Briefing, notes: dict[str, str],
                  keys: EntryKeys | None) -> SearchIndex:
    """The search index of a briefing with the reader's notes on it (each
    note placed by its entry's key; the keys are hashed here if the screen's
    index of them has not come yet)."""
    if not notes:
        return SearchIndex.of(briefing)
    if keys is None or keys.briefing is not briefing:
        keys = EntryKeys(briefing)
    quote_notes: dict[int, str] = {}
    figure_notes: dict[int, str] = {}
    for key, text in notes.items():
        for position in keys.quotes([key]):
            quote_notes[position] = text
        for position in keys.figures([key]):
            figure_notes[position] = text
    return SearchIndex.of(briefing, quote_notes, figure_notes)


def _named(entry: Quote | Figure) -> str:
    """An entry as a toast names it, on one short line."""
    from briefing.text import shorten

    if isinstance(entry, Quote):
        return plain(f"“{shorten(entry.text, 48)}” ({shorten(entry.speaker_name, 24)})")
    return plain(shorten(entry.text, 60))


def _file_signature(path: Path) -> Signature | None:
    """What changes when an editor saves, in place or by rename."""
    try:
        info = os.stat(path)
    except OSError:
        return None
    return (info.st_mtime_ns, info.st_size, info.st_ino)


def _contents_list() -> ContentsList:
    contents = ContentsList(id="contents")
    contents.border_title = "Contents"
    return contents
