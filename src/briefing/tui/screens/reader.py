"""The reader: contents, the text, and the quotes and figures anchored in it.

The screen owns the reading position and wires the widgets together:
attributes and method calls go down to the panes, messages come up.
"""

from __future__ import annotations

import bisect
import contextlib
import os
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.command import Provider
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Input, Static

from briefing.errors import BriefingError
from briefing.files import WriteError
from briefing.loader import load_briefing
from briefing.model import Briefing, Figure, Quote
from briefing.state import ReaderState, entry_key, load_state_for, save_state
from briefing.tui.commands import ReaderCommands
from briefing.tui.messages import EntryChosen, SectionChosen
from briefing.tui.safe import literal, plain
from briefing.tui.widgets.contents import ContentsList
from briefing.tui.widgets.entries import FigureList, QuoteList
from briefing.tui.widgets.header import BriefingHeader
from briefing.tui.widgets.reading import Mark, ReadingPane
from briefing.tui.widths import width_class

if TYPE_CHECKING:
    # Imported by the first `/`: not a cost to every start-up.
    from briefing.tui.widgets.search import Search, SearchBar

STYLE_QUOTE = "italic $text-accent"
STYLE_FIGURE = "bold underline"
STYLE_CURRENT = "bold reverse"
STYLE_MATCH = "bold $text-warning underline"
STYLE_CURRENT_MATCH = "bold reverse $text-warning"


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
        Binding("slash", "search", "Search", id="search"),
        Binding("w", "people", "People", id="people"),
        Binding("s", "star", "Star", show=False, id="star"),
        Binding("a", "note", "Note", show=False, id="note"),
        Binding("asterisk", "starred_only", "Starred only", show=False, id="starred-only"),
        Binding("e", "export", "Export", show=False, id="export"),
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
    ]

    def __init__(self, briefing: Briefing, path: Path | None = None, *,
                 from_library: bool = False) -> None:
        super().__init__()
        self.briefing = briefing
        self.path = path
        self.from_library = from_library
        self.section = 0
        self.quote: Quote | None = None
        self.figure: Figure | None = None
        self.speaker: str | None = None  # the Quotes pane shows only this speaker
        self.starred_only = False
        self.search: Search | None = None
        self.state = ReaderState()
        self._saved = ReaderState()  # the state as last read or written
        self._position_dirty = False
        self._signature: tuple[int, int, int] | None = None
        self._binding_states: tuple[bool | None, ...] = ()

    # --- layout ---------------------------------------------------------------

    def compose(self) -> ComposeResult:
        # The width class is known now: set it before the first layout rather
        # than on the first resize, which would lay the screen out twice.
        self.add_class(width_class(self.app.size.width))
        yield BriefingHeader(self.briefing, id="header")
        # The banner (a file that went bad under the reader) is mounted when needed.
        with Horizontal(id="body"):
            # Hidden at narrow widths (80-109 columns), the contents pane joins
            # after the first frame there (about 4 ms of styling saved); where
            # it shows, it is there from the start, or the text would re-wrap.
            if not self.has_class("-narrow"):
                yield _contents_list()
            yield ReadingPane(id="reading")
            with Vertical(id="entries"):
                yield QuoteList(id="quotes", empty="No quotes")
                yield FigureList(id="figures", empty="No figures")

    @property
    def reading(self) -> ReadingPane:
        return self.query_one(ReadingPane)

    @property
    def quote_list(self) -> QuoteList:
        return self.query_one(QuoteList)

    @property
    def figure_list(self) -> FigureList:
        return self.query_one(FigureList)

    async def on_mount(self) -> None:
        self.app.title = plain(self.briefing.title)
        # Neither the contents nor the footer is needed for the first readable
        # frame, and together they cost a tenth of the start-up: they follow it.
        self.call_after_refresh(self._after_first_frame)
        self._refill_panes()
        await self._show_section(self.section)
        self.reading.focus()
        self._position_dirty = False
        if self.path is not None:
            self._signature = self._file_signature()
            self.set_interval(1.0, self._poll_file, name="watch-file")
            self._load_state()

    async def _after_first_frame(self) -> None:
        if not self.query(ContentsList):
            await self.query_one("#body").mount(_contents_list(), before=self.reading)
        contents = self.query_one(ContentsList)
        contents.show(self.briefing)
        contents.highlighted = self.section
        # ctrl+p is listed in the help screen; the footer keeps its room for keys.
        await self.mount(Footer(compact=True, show_command_palette=False))
        self.refresh_bindings()  # a footer draws its keys when the bindings change

    @work(thread=True, exclusive=True, group="state")
    def _load_state(self) -> None:
        """Stars, notes and the last position, read off the start-up path."""
        assert self.path is not None
        try:
            state = load_state_for(self.path)
        except BriefingError as error:
            self.app.call_from_thread(
                self.notify, f"Your stars and notes could not be read: {error.headline}",
                title="Reader state ignored", severity="warning", markup=False, timeout=8)
            return
        self.app.call_from_thread(self._restore, state)

    async def _restore(self, state: ReaderState) -> None:
        self.state = self._saved = state
        self._refill_panes()
        section = next((i for i, s in enumerate(self.briefing.sections)
                        if s.id == state.section), None)
        entry = _entries_by_key(self.briefing).get(state.selected) if state.selected else None
        if isinstance(entry, Quote):
            await self.go_to_quote(entry)
        elif isinstance(entry, Figure):
            await self.go_to_figure(entry)
        elif section is not None:
            await self._show_section(section)
        self._position_dirty = False

    # --- what the panes show --------------------------------------------------

    def _refill_panes(self) -> None:
        # Unfiltered, the panes take the briefing's own sequences and anchors:
        # a briefing from the cache builds only the entries that are drawn.
        quotes: Sequence[Quote] = self.briefing.quotes_in_order
        figures: Sequence[Figure] = self.briefing.figures_in_order
        quote_anchors, figure_anchors = self.briefing.quote_anchors, self.briefing.figure_anchors
        if self.speaker is not None:
            quotes = [q for q in quotes if q.speaker == self.speaker]
        if self.starred_only:
            quotes = [q for q in quotes if entry_key(q) in self.state.stars]
            figures = [f for f in figures if entry_key(f) in self.state.stars]
        if quotes is not self.briefing.quotes_in_order:
            quote_anchors = [q.anchor for q in quotes]
        if figures is not self.briefing.figures_in_order:
            figure_anchors = [f.anchor for f in figures]
        starred, noted = frozenset(self.state.stars), frozenset(self.state.notes)
        for pane, entries, anchors, kind in (
                (self.quote_list, quotes, quote_anchors, "quotes"),
                (self.figure_list, figures, figure_anchors, "figures")):
            pane.set_marks(starred, noted)
            empty = f"No {'starred ' if self.starred_only else ''}{kind}"
            pane.set_entries(entries, anchors, empty=empty)
        title = Content(f"Quotes ({len(quotes)})")
        if self.speaker is not None:
            title = Content.assemble("Quotes · ", literal(self._speaker_name(self.speaker),
                                                         one_line=True), f" ({len(quotes)})")
        if self.starred_only:
            title = Content("★ ") + title
        self.quote_list.border_title = title
        self.figure_list.border_title = Content(
            f"{'★ ' if self.starred_only else ''}Figures ({len(figures)})")
        self._refresh_bindings()

    def _speaker_name(self, speaker: str) -> str:
        person = self.briefing.person(speaker)
        return person.name if person else speaker

    def _entries_in(self, section: int) -> tuple[Sequence[Quote], Sequence[Figure]]:
        """The quotes and figures anchored in a section, in reading order: one
        slice of each, found by bisecting the anchors."""
        briefing = self.briefing
        start, end = (section,), (section + 1,)  # every anchor of the section sorts between
        quotes, figures = briefing.quote_anchors, briefing.figure_anchors
        return (briefing.quotes_in_order[bisect.bisect_left(quotes, start):
                                         bisect.bisect_left(quotes, end)],
                briefing.figures_in_order[bisect.bisect_left(figures, start):
                                          bisect.bisect_left(figures, end)])

    def _marks(self, section: int) -> list[Mark]:
        marks: list[Mark] = []
        quotes, figures = self._entries_in(section)
        for quote in quotes:
            a = quote.anchor
            style = STYLE_CURRENT if quote is self.quote else STYLE_QUOTE
            marks.append(Mark(a.paragraph, a.start, a.end, style))
        for figure in figures:
            a = figure.anchor
            style = STYLE_CURRENT if figure is self.figure else STYLE_FIGURE
            marks.append(Mark(a.paragraph, a.start, a.end, style))
        if self.search is not None:
            for index, match in enumerate(self.search.matches):
                if match.section == section:
                    style = STYLE_CURRENT_MATCH if index == self.search.current else STYLE_MATCH
                    marks.append(Mark(match.paragraph, match.start, match.end, style))
        # The current entry is styled last so it wins where spans overlap.
        return sorted(marks, key=lambda m: m.style in (STYLE_CURRENT, STYLE_CURRENT_MATCH))

    async def _show_section(self, section: int) -> None:
        self.section = section
        self.state = self.state.at(self.briefing.sections[section].id, self.state.selected)
        self._position_dirty = True
        sections = self.briefing.sections
        self.reading.show_section(sections[section], section + 1, len(sections),
                                  self._marks(section))
        for contents in self.query(ContentsList):  # none before the first frame when narrow
            if contents.highlighted != section:
                contents.highlighted = section
        self._refresh_bindings()

    async def _go(self, section: int, paragraph: int, start: int) -> None:
        """Show a place in the text: switch section if needed, mark, scroll."""
        if section != self.section or self.reading.section is None:
            await self._show_section(section)
            # The new section's paragraphs are laid out on the next refresh.
            self.reading.call_after_refresh(self.reading.reveal, paragraph, start)
        else:
            self.reading.mark(self._marks(section))
            self.reading.reveal(paragraph, start)  # same layout: scroll in this frame
        self._refresh_bindings()

    async def go_to_quote(self, quote: Quote) -> None:
        self.quote = quote
        self.state = self.state.at(self.state.section, entry_key(quote))
        self._position_dirty = True
        self.quote_list.set_current(quote)
        await self._go(quote.anchor.section, quote.anchor.paragraph, quote.anchor.start)

    async def go_to_figure(self, figure: Figure) -> None:
        self.figure = figure
        self.state = self.state.at(self.state.section, entry_key(figure))
        self._position_dirty = True
        self.figure_list.set_current(figure)
        await self._go(figure.anchor.section, figure.anchor.paragraph, figure.anchor.start)

    # --- moving between entries ----------------------------------------------

    def _step(self, kind: str, delta: int) -> Quote | Figure | None:
        """The entry `delta` (+1 or -1) steps from the current one in its pane,
        or from the top of the current section when none is current."""
        pane: QuoteList | FigureList = self.quote_list if kind == "quote" else self.figure_list
        current = self.quote if kind == "quote" else self.figure
        entries, anchors = pane.entries, pane.anchors
        at = pane.position_of(current)  # type: ignore[arg-type]
        if at is not None:
            target = at + delta
        else:
            here = current.anchor if current is not None else (self.section, -1, -1, -1)
            target = (bisect.bisect_right(anchors, here) if delta > 0
                      else bisect.bisect_left(anchors, here) - 1)
        return entries[target] if 0 <= target < len(entries) else None

    # The actions that step through a pane, and how.
    _STEPS: ClassVar[dict[str, tuple[str, int]]] = {
        "next_quote": ("quote", 1), "previous_quote": ("quote", -1),
        "next_figure": ("figure", 1), "previous_figure": ("figure", -1),
    }

    async def _move(self, action: str) -> None:
        kind, delta = self._STEPS[action]
        entry = self._step(kind, delta)
        if isinstance(entry, Quote):
            await self.go_to_quote(entry)
        elif isinstance(entry, Figure):
            await self.go_to_figure(entry)

    async def action_next_quote(self) -> None:
        await self._move("next_quote")

    async def action_previous_quote(self) -> None:
        await self._move("previous_quote")

    async def action_next_figure(self) -> None:
        await self._move("next_figure")

    async def action_previous_figure(self) -> None:
        await self._move("previous_figure")

    # The actions whose keys the footer shows and that are not always enabled.
    # The others' state is asked for when their key is pressed, or when the
    # help screen or the command palette opens.
    _FOOTER_ACTIONS = ("next_match", "previous_match", "next_quote", "previous_quote",
                       "next_figure")

    def _refresh_bindings(self) -> None:
        """Ask the footer to redraw only when one of its keys became enabled or
        disabled: Textual's footer rebuilds all its keys on every refresh (a
        layout of the whole screen, ~10 ms), which is most of what a key press
        would otherwise cost."""
        states = tuple(self.check_action(action, ()) for action in self._FOOTER_ACTIONS)
        if states != self._binding_states:
            self._binding_states = states
            self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
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
    async def on_entry_chosen(self, event: EntryChosen) -> None:
        if event.kind == "quote":
            await self.go_to_quote(self.quote_list.entries[event.position])
        else:
            await self.go_to_figure(self.figure_list.entries[event.position])

    # --- sections ---------------------------------------------------------------

    @on(SectionChosen)
    async def on_section_chosen(self, event: SectionChosen) -> None:
        await self._show_section(event.section)
        self.reading.focus()

    async def action_section(self, index: int) -> None:
        if 0 <= index < len(self.briefing.sections):
            await self._show_section(index)

    async def action_next_section(self) -> None:
        await self.action_section(self.section + 1)

    async def action_previous_section(self) -> None:
        await self.action_section(self.section - 1)

    def action_toggle_contents(self) -> None:
        self.toggle_class("-contents-hidden" if not self.has_class("-narrow")
                          else "-contents-shown")

    def action_toggle_entries(self) -> None:
        self.toggle_class("-entries-hidden")

    # --- search -----------------------------------------------------------------

    @property
    def search_bar(self) -> SearchBar | None:
        """The search bar, once `/` has been pressed (it is not needed before)."""
        bars = self.query("#search-bar")
        return bars.first() if bars else None  # type: ignore[return-value]

    async def action_search(self) -> None:
        from briefing.tui.widgets.search import Search, SearchBar

        bar = self.search_bar
        if bar is None:
            bar = SearchBar(id="search-bar")
            await self.mount(bar, after=self.query_one("#body"))
        bar.display = True
        field = bar.query_one(Input)
        if self.search is not None:
            field.value = self.search.query
        field.focus()
        bar.set_status((self.search or Search("")).status())

    @on(Input.Changed, "#search-input")
    async def on_search_changed(self, event: Input.Changed) -> None:
        if self.search_bar is None or not self.search_bar.display:
            return  # the bar was just closed and cleared
        from briefing.tui.widgets.search import Search

        self.search = Search.run(self.briefing, event.value)
        self.search_bar.set_status(self.search.status())
        self.reading.mark(self._marks(self.section))
        self._refresh_bindings()

    @on(Input.Submitted, "#search-input")
    async def on_search_submitted(self, event: Input.Submitted) -> None:
        if self.search is None or not self.search.matches:
            return
        here = (self.section, -1, -1)
        orders = [m.order for m in self.search.matches]
        at = bisect.bisect_right(orders, here)
        await self._go_to_match(at if at < len(orders) else 0)
        self.reading.focus()

    async def _go_to_match(self, index: int) -> None:
        assert self.search is not None
        self.search.current = index
        match = self.search.matches[index]
        if self.search_bar is not None:
            self.search_bar.set_status(self.search.status())
        await self._go(match.section, match.paragraph, match.start)

    async def action_next_match(self) -> None:
        if self.search and self.search.matches:
            current = self.search.current
            await self._go_to_match(0 if current is None else
                                    min(current + 1, len(self.search.matches) - 1))

    async def action_previous_match(self) -> None:
        if self.search and self.search.matches:
            current = self.search.current
            await self._go_to_match(0 if current is None else max(current - 1, 0))

    def _leave_search(self) -> None:
        self.search = None
        bar = self.search_bar
        if bar is not None:
            bar.query_one(Input).value = ""
            bar.display = False
        self.reading.mark(self._marks(self.section))
        self.reading.focus()
        self._refresh_bindings()

    # --- people and filters -------------------------------------------------------

    def action_people(self) -> None:
        from briefing.tui.screens.people import PeopleScreen

        def chosen(speaker: str | bool | None) -> None:
            if speaker is False:  # dismissed without a choice
                return
            self.filter_speaker(speaker if isinstance(speaker, str) else None)

        self.app.push_screen(PeopleScreen(self.briefing, self.speaker), chosen)

    def filter_speaker(self, speaker: str | None) -> None:
        """Show only this speaker's quotes in the Quotes pane (None: everyone)."""
        self.speaker = speaker
        self._refill_panes()
        if speaker is not None:
            self.quote_list.focus()

    def action_starred_only(self) -> None:
        self.starred_only = not self.starred_only
        self._refill_panes()

    async def action_back(self) -> None:
        """Escape backs out one level at a time."""
        if (self.search_bar is not None and self.search_bar.display) or self.search is not None:
            self._leave_search()
        elif self.speaker is not None or self.starred_only:
            self.speaker, self.starred_only = None, False
            self._refill_panes()
        elif self.from_library:
            self.dismiss()

    # --- stars, notes, export, reload: see below ----------------------------------

    def _selected_entry(self) -> Quote | Figure | None:
        focused = self.focused
        if isinstance(focused, FigureList):
            return focused.cursor_entry
        if isinstance(focused, QuoteList):
            return focused.cursor_entry
        return self.quote or self.figure

    def action_star(self) -> None:
        entry = self._selected_entry()
        if entry is None:
            return
        key = entry_key(entry)
        starred = key not in self.state.stars
        self.state = self.state.with_star(key, starred)
        self._refill_panes()
        self.notify("Starred" if starred else "Star removed", timeout=2)
        self._save_state(self.state)

    def action_note(self) -> None:
        from briefing.tui.screens.dialogs import PromptScreen

        entry = self._selected_entry()
        if entry is None:
            return
        key = entry_key(entry)
        what = (f"Note on the quote by {entry.speaker_name}" if isinstance(entry, Quote)
                else f"Note on the figure {entry.text}")

        def save(text: str | None) -> None:
            if text is None:
                return
            try:
                self.state = self.state.with_note(key, text)
            except ValueError as error:
                self.notify(str(error), severity="error", markup=False)
                return
            self._refill_panes()
            self._save_state(self.state)

        self.app.push_screen(PromptScreen(literal(what, one_line=True),
                                          self.state.note(key) or "",
                                          placeholder="your note (empty removes it)"), save)

    @work(thread=True, exclusive=True, group="state")
    def _save_state(self, state: ReaderState) -> None:
        """Merge and write under the lock, so another open window loses nothing."""
        if self.path is None:
            return
        try:
            merged = save_state(self.path, state, previous=self._saved)
        except WriteError as error:
            self.app.call_from_thread(self.notify, f"{error}. Your stars and notes are kept "
                                      "in this window.", title="Not saved",
                                      severity="error", markup=False, timeout=10)
            return
        self.app.call_from_thread(self._adopt, merged)

    def _adopt(self, merged: ReaderState) -> None:
        self._saved = merged
        self.state = merged.at(self.state.section, self.state.selected)
        self._position_dirty = False
        self._refill_panes()

    def on_unmount(self) -> None:
        """Remember where the reader was; a failure here must not block quitting."""
        if self.path is None or not self._position_dirty:
            return
        with contextlib.suppress(WriteError, OSError):
            save_state(self.path, self.state, previous=self._saved)

    # --- export ---------------------------------------------------------------------

    def _proposed_digest_path(self) -> Path:
        from briefing.resources import briefs_dir

        name = (self.path.stem if self.path else "briefing") + ".md"
        # Next to the briefing, unless it is a bundled one or the folder is read-only.
        if (self.path is not None and self.path.parent.resolve() != briefs_dir().resolve()
                and os.access(self.path.parent, os.W_OK)):
            return self.path.with_suffix(".md")
        return Path.cwd() / name

    def action_export(self) -> None:
        from briefing.tui.screens.dialogs import ConfirmScreen, PromptScreen

        def chosen(target: str | None) -> None:
            if not target:
                return
            path = Path(target).expanduser()
            if path.exists():
                question = literal(f"{path} exists. Overwrite it?", one_line=True)
                self.app.push_screen(ConfirmScreen(question),
                                     lambda yes: self._export(path, True) if yes else None)
            else:
                self._export(path, False)

        self.app.push_screen(PromptScreen(Content("Export a Markdown digest to"),
                                          str(self._proposed_digest_path()),
                                          hint="enter writes · esc cancels"), chosen)

    @work(thread=True, exclusive=True, group="export")
    def _export(self, path: Path, overwrite: bool) -> None:
        from briefing.digest import DigestOptions, render_digest

        digest = render_digest(self.briefing, DigestOptions(), self.state)
        try:
            from briefing.files import write_atomic

            written = write_atomic(path, digest.encode("utf-8"), overwrite=overwrite)
        except WriteError as error:
            self.app.call_from_thread(self.notify, str(error), title="Export failed",
                                      severity="error", markup=False, timeout=10)
            return
        self.app.call_from_thread(self.notify, f"Wrote {written}", title="Digest exported",
                                  markup=False, timeout=6)

    # --- live reload ----------------------------------------------------------------

    def _file_signature(self) -> tuple[int, int, int] | None:
        """What changes when an editor saves, in place or by rename."""
        assert self.path is not None
        try:
            info = os.stat(self.path)
        except OSError:
            return None
        return (info.st_mtime_ns, info.st_size, info.st_ino)

    @work(thread=True, exclusive=True, group="watch")
    def _poll_file(self, force: bool = False) -> None:
        """Reload when the file changed (a stat per second costs nothing)."""
        if self.path is None:
            return
        signature = self._file_signature()
        if signature == self._signature and not force:
            return
        self._signature = signature
        if signature is None:
            self.app.call_from_thread(
                self._show_problem, f"{self.path} was deleted or moved")
            return
        try:
            briefing = load_briefing(self.path, source=str(self.path), remember=True)
        except BriefingError as error:
            self.app.call_from_thread(self._show_problem, error.headline)
            return
        self.app.call_from_thread(self.replace_briefing, briefing)

    async def _show_problem(self, problem: str) -> None:
        text = Content.assemble(("⚠ ", "bold"), literal(problem, one_line=True),
                                ("  · showing the last good version", "italic"))
        banners = self.query("#banner")
        if banners:
            banner = banners.first(Static)
            banner.update(text)
            banner.display = True
        else:
            await self.mount(Static(text, id="banner"), after=self.query_one(BriefingHeader))

    async def replace_briefing(self, briefing: Briefing) -> None:
        """Show a new version of the briefing, keeping the reader's place."""
        section_id = self.briefing.sections[self.section].id
        quote_key = entry_key(self.quote) if self.quote else None
        figure_key = entry_key(self.figure) if self.figure else None
        scroll_y = self.reading.scroll_y
        self.briefing = briefing
        for banner in self.query("#banner"):
            banner.display = False
        self.query_one(BriefingHeader).show(briefing)
        for contents in self.query(ContentsList):
            contents.show(briefing)
        self.app.title = plain(briefing.title)
        by_key = _entries_by_key(briefing)
        self.quote = by_key.get(quote_key) if quote_key else None  # type: ignore[assignment]
        self.figure = by_key.get(figure_key) if figure_key else None  # type: ignore[assignment]
        self.quote_list.current, self.figure_list.current = self.quote, self.figure
        if self.search is not None:
            from briefing.tui.widgets.search import Search

            self.search = Search.run(briefing, self.search.query)
        self._refill_panes()
        section = next((i for i, s in enumerate(briefing.sections) if s.id == section_id),
                       min(self.section, len(briefing.sections) - 1))
        same_place = section == self.section
        self.reading.forget()  # the text may have changed under the same id
        await self._show_section(section)
        if same_place:
            self.reading.call_after_refresh(self.reading.scroll_to, y=scroll_y,
                                            animate=False, immediate=True)

    def action_reload(self) -> None:
        self._poll_file(force=True)


def _entries_by_key(briefing: Briefing) -> dict[str, Quote | Figure]:
    """Every quote and figure by the key the reader state names it with."""
    return {entry_key(entry): entry for entry in (*briefing.quotes, *briefing.figures)}


def _contents_list() -> ContentsList:
    contents = ContentsList(id="contents")
    contents.border_title = "Contents"
    return contents
