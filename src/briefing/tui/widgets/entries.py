"""Quotes and figures panes: virtualised lists that cost the same at any size.

One widget per entry does not scale (a ListView of 10,000 items takes half a
minute to mount); OptionList measures every option up front. Here every row
has the same height, so the list knows its size at once and renders only the
rows on screen, through the line API.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from typing import ClassVar, Generic, NamedTuple, TypeVar

from textual import events
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.geometry import Size
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.style import Style

from briefing.model import Anchor, Figure, Quote
from briefing.state import entry_key
from briefing.tui.messages import EntryChosen
from briefing.tui.safe import literal
from briefing.tui.widgets.cursor import moved
from briefing.tui.widgets.line_strip import line_strip

T = TypeVar("T", Quote, Figure)

# Rows kept drawn. Few: each row's strips (and the strips Textual derives from
# them) are objects every full garbage collection walks, during a key press.
CACHED_ROWS = 64

STATUS_MARK = {"reported": "reported", "unverified": "UNVERIFIED", "disputed": "DISPUTED",
               "confirmed": "confirmed"}


class Found(NamedTuple):
    """A search's match in one of a row's texts (`speaker`, `role`, `label`,
    `claimant`): the span of that text, and how to style it."""

    field: str
    start: int
    end: int
    style: str


def position_in(entries: Sequence[T], anchors: Sequence[Anchor], entry: T | None) -> int | None:
    """Where this very entry is in a list of entries in reading order."""
    if entry is None:
        return None
    # Bisect, then find this very entry among those that share its anchor
    # (without building every row's entry).
    at = bisect.bisect_left(anchors, entry.anchor)
    while at < len(anchors) and anchors[at] == entry.anchor:
        if entries[at] is entry:
            return at
        at += 1
    return None


class EntryList(ScrollView, Generic[T], can_focus=True):
    """A list of entries drawn as fixed-height rows."""

    # A list to move through and choose from, as Textual's OptionList is: its
    # rows are not text to select with the mouse (a click chooses the row).
    ALLOW_SELECT = False
    KIND: ClassVar[str] = ""
    ROW_LINES: ClassVar[int] = 3  # lines of text per entry; one blank line follows

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down,j", "cursor(1)", "Next entry", show=False),
        Binding("up,k", "cursor(-1)", "Previous entry", show=False),
        Binding("home,g", "first", "First entry", show=False),
        Binding("end,G", "last", "Last entry", show=False),
        Binding("pagedown,space", "page(1)", "Page down", show=False),
        Binding("pageup,b", "page(-1)", "Page up", show=False),
        Binding("enter", "choose", "Go to entry", show=False),
    ]

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "entry-list--row", "entry-list--cursor", "entry-list--current",
        "entry-list--empty",
    }

    # No repaint of the whole pane: watch_cursor redraws just the two rows.
    cursor: reactive[int | None] = reactive(None, always_update=True, repaint=False)

    def __init__(self, *, id: str | None = None, empty: str = "Nothing here") -> None:
        super().__init__(id=id)
        self.entries: Sequence[T] = ()
        self.anchors: Sequence[Anchor] = ()  # of the entries, in the same order
        self.current: T | None = None  # the entry anchored in the text now
        self.starred: frozenset[str] = frozenset()
        self.noted: frozenset[str] = frozenset()
        # The entry the search's current match is in, and where in its texts.
        self.found: tuple[T | None, tuple[Found, ...]] = (None, ())
        self._empty = empty
        self._cache: dict[tuple[int, int, str, tuple[Found, ...]], list[Strip]] = {}

    @property
    def row_height(self) -> int:
        return self.ROW_LINES + 1

    def set_entries(self, entries: Sequence[T], anchors: Sequence[Anchor], *,
                    empty: str | None = None) -> None:
        """Replace the rows (entries in reading order, with their anchors); the
        cursor moves to the current entry if shown."""
        self.entries, self.anchors = entries, anchors
        if empty is not None:
            self._empty = empty
        self._cache.clear()
        self.virtual_size = self._virtual_size()
        position = self.position_of(self.current)
        self.cursor = position if position is not None else (0 if entries else None)
        self.refresh()

    def set_marks(self, starred: frozenset[str], noted: frozenset[str]) -> None:
        self.starred, self.noted = starred, noted
        self._cache.clear()
        self.refresh()

    def set_found(self, entry: T | None, found: tuple[Found, ...] = ()) -> None:
        """Mark the search's current match in the row of the entry it is in
        (None: in no entry of this list). Only that row and the one marked
        before are drawn again."""
        if (entry, found) == self.found:
            return
        before = self.found[0]
        self.found = (entry, found)
        self._refresh_rows(self.position_of(before), self.position_of(entry))

    def _found_in(self, entry: T) -> tuple[Found, ...]:
        marked, found = self.found
        return found if entry is marked else ()

    def set_current(self, entry: T | None) -> None:
        """Mark the entry shown in the text, and put the cursor on it."""
        before = self.position_of(self.current)
        self.current = entry
        position = self.position_of(entry) if entry is not None else None
        self._refresh_rows(before, position)
        if position is not None:
            self.cursor = position

    def _refresh_rows(self, *positions: int | None) -> None:
        """Draw just these rows' lines again (the cache is keyed by their state)."""
        if not self.size:
            # Hidden (v): a scroll now marks no line stale, so when the pane is
            # shown again every line must be drawn again.
            self.refresh()
            return
        for position in positions:
            if position is not None:
                self.refresh_lines(position * self.row_height, self.ROW_LINES)

    def position_of(self, entry: T | None) -> int | None:
        return position_in(self.entries, self.anchors, entry)

    @property
    def cursor_entry(self) -> T | None:
        if self.cursor is None or not self.entries:
            return None
        return self.entries[self.cursor]

    # --- rendering ------------------------------------------------------------

    def row(self, entry: T, width: int) -> list[Content]:
        """The lines that describe one entry (at most ROW_LINES)."""
        raise NotImplementedError

    def key_of(self, entry: T) -> str:
        return entry_key(entry)

    def text(self, entry: T, field: str, text: str, style: str = "") -> Content:
        """One of an entry's texts, on one line, with the search's matches in it."""
        content = literal(text, style, one_line=True)
        for found in self._found_in(entry):
            if found.field == field:
                content = content.stylize(found.style, found.start, found.end)
        return content

    def marks(self, entry: T) -> str:
        """★ for a starred entry, ✎ for one with a note."""
        key = self.key_of(entry)
        return ("★ " if key in self.starred else "") + ("✎ " if key in self.noted else "")

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        if not self.entries:
            if y == 0:
                style = self.get_visual_style("entry-list--row", "entry-list--empty")
                return self._strips([Content(self._empty)], width, style)[0]
            return Strip.blank(width, self.get_visual_style("entry-list--row").rich_style)
        line = self.scroll_offset.y + y
        position, offset = divmod(line, self.row_height)
        if position >= len(self.entries):
            return Strip.blank(width, self.get_visual_style("entry-list--row").rich_style)
        return self._row(position, self._state(position), width)[offset]

    def _state(self, position: int) -> str:
        """How a row is drawn: as the cursor, as the entry current in the text,
        or plainly."""
        if position == self.cursor and self.has_focus:
            return "cursor"
        return "current" if self.entries[position] is self.current else ""

    def _row(self, position: int, state: str, width: int) -> list[Strip]:
        """A row's lines, a blank line after them, as drawn in a state with
        the search's matches in it; remembered."""
        key = (position, width, state, self._found_in(self.entries[position]))
        strips = self._cache.get(key)
        if strips is None:
            classes = {"cursor": ("entry-list--cursor",), "current": ("entry-list--current",),
                       "": ()}[state]
            style = self.get_visual_style("entry-list--row", *classes)
            lines = self.row(self.entries[position], max(width - 2, 1))[: self.ROW_LINES]
            lines += [Content("")] * (self.ROW_LINES - len(lines))
            strips = self._strips(lines, width, style)
            strips.append(Strip.blank(width, self.get_visual_style("entry-list--row").rich_style))
            if len(self._cache) >= CACHED_ROWS:
                del self._cache[next(iter(self._cache))]  # the oldest
            self._cache[key] = strips
        return strips

    def _strips(self, lines: list[Content], width: int, style: Style) -> list[Strip]:
        strips: list[Strip] = []
        for line in lines:
            content = Content(" ") + line.truncate(max(width - 2, 1), ellipsis=True)
            strips.append(line_strip(content, width, style))
        return strips

    # --- movement -------------------------------------------------------------

    def watch_cursor(self, old: int | None, new: int | None) -> None:
        self._refresh_rows(old, new)
        if new is not None:
            # A row that is not wholly in view is brought to the top, so the
            # entries that follow it are visible too.
            top = new * self.row_height
            view_top = round(self.scroll_offset.y)
            height = self.scrollable_content_region.height
            if top < view_top or top + self.ROW_LINES > view_top + height:
                self.scroll_to(y=top, animate=False, force=True, immediate=True)

    def on_focus(self) -> None:
        self._cache.clear()
        self.refresh()

    def on_blur(self) -> None:
        self._cache.clear()
        self.refresh()

    def notify_style_update(self) -> None:
        """The theme or the stylesheet changed: rows drawn in the old colours
        are drawn again."""
        super().notify_style_update()
        self._cache.clear()
        self.refresh()

    def on_resize(self) -> None:
        self._cache.clear()
        self.virtual_size = self._virtual_size()

    def _virtual_size(self) -> Size:
        # Rows are drawn to the pane's width, whatever it is: there is nothing
        # to scroll sideways. (The pane's own width here, one column more than
        # the room beside the vertical scrollbar, made a needless horizontal
        # scrollbar that took a row, and a redraw of two more widgets per key.)
        return Size(0, len(self.entries) * self.row_height)

    def action_cursor(self, delta: int) -> None:
        if self.entries:
            self.cursor = moved(self.cursor, delta, len(self.entries))

    def action_first(self) -> None:
        if self.entries:
            self.cursor = 0

    def action_last(self) -> None:
        if self.entries:
            self.cursor = len(self.entries) - 1

    def action_page(self, direction: int) -> None:
        rows = max(1, self.scrollable_content_region.height // self.row_height)
        self.action_cursor(direction * rows)

    def action_choose(self) -> None:
        if self.cursor is not None and self.entries:
            self.post_message(EntryChosen(self.KIND, self.cursor))

    async def on_click(self, event: events.Click) -> None:
        line = self.scroll_offset.y + event.y
        position = line // self.row_height
        if 0 <= position < len(self.entries) and event.y >= 0:
            self.cursor = position
            self.post_message(EntryChosen(self.KIND, position))


class QuoteList(EntryList[Quote]):
    """The Quotes pane: speaker and role, then the words."""

    KIND = "quote"

    def row(self, entry: Quote, width: int) -> list[Content]:
        head = Content.assemble((self.marks(entry), "$warning"),
                                self.text(entry, "speaker", entry.speaker_name, "bold"))
        if entry.speaker_inferred:  # before the role, so a narrow pane keeps it
            head += Content.styled(" (inferred?)", "$warning")
        if entry.speaker_role:
            head += Content(" · ") + self.text(entry, "role", entry.speaker_role, "italic")
        return [head, *_clipped(literal(f"“{entry.text}”", one_line=True), width,
                                self.ROW_LINES - 1)]


class FigureList(EntryList[Figure]):
    """The Figures pane: the number and its status as a word, what it counts,
    who claims it."""

    KIND = "figure"

    def row(self, entry: Figure, width: int) -> list[Content]:
        status_style = {"unverified": "bold $warning", "disputed": "bold $error",
                        "confirmed": "$success", "reported": "$foreground-muted"}[entry.status]
        # The status leads, so a narrow pane never cuts it off.
        head = Content.assemble((self.marks(entry), "$warning"),
                                (STATUS_MARK[entry.status], status_style), "  ",
                                literal(entry.text, "bold", one_line=True))
        label = self.text(entry, "label", entry.label)
        if entry.label_inferred:
            label += Content.styled(" (inferred?)", "$warning")
        claimant = entry.claimant_name
        claim = (Content.styled("claimed by ", "$foreground-muted")
                 + self.text(entry, "claimant", claimant, "italic") if claimant else None)
        if label.cell_length <= width:
            own_words = Content.styled("in the article's own words", "$foreground-muted")
            return [head, label, claim if claim is not None else own_words]
        # A label longer than the pane is wide takes two lines: the claim goes
        # beside the number if it fits (the article's own words need no line).
        if claim is None:
            return [head, *_clipped(label, width, 2)]
        beside = head + Content.styled(" · ", "$foreground-muted") + claim
        if beside.cell_length <= width:
            return [beside, *_clipped(label, width, 2)]
        return [head, *_clipped(label, width, 1), claim]


def _clipped(content: Content, width: int, lines: int) -> list[Content]:
    """Content wrapped to at most `lines` lines, the last cut with an ellipsis
    when there is more."""
    wrapped = content.wrap(width)
    if len(wrapped) > lines:
        wrapped = wrapped[:lines]
        wrapped[-1] = wrapped[-1].truncate(max(width - 1, 1)) + Content("…")
    return wrapped
