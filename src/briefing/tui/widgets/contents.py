"""The contents pane: every section with how many quotes and figures it holds.

A line-API list of two-line rows, as the Quotes and Figures panes are: it
knows its height at once and draws only the rows on screen, so a briefing
of 500 sections costs no more to show than one of three (an OptionList
measures every option when it is filled: ~15 ms at 500 sections, a stall
just after the first frame).
"""

from __future__ import annotations

import bisect
from typing import ClassVar

from textual import events
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.geometry import Size
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from briefing.model import Briefing
from briefing.text import counted
from briefing.tui.messages import SectionChosen
from briefing.tui.safe import literal
from briefing.tui.widgets.cursor import moved
from briefing.tui.widgets.line_strip import line_strip

ROW_LINES = 2  # the title, then what the section holds
CACHED_ROWS = 64  # rows kept drawn


class ContentsList(ScrollView, can_focus=True):
    """Sections in reading order; Enter or a click goes to one."""

    ALLOW_SELECT = False  # rows are chosen with a click, not selected as text

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down,j", "cursor(1)", "Next section", show=False, id="contents-next"),
        Binding("up,k", "cursor(-1)", "Previous section", show=False, id="contents-previous"),
        Binding("home,g", "first", "First section", show=False, id="contents-first"),
        Binding("end,G", "last", "Last section", show=False, id="contents-last"),
        Binding("pagedown,space", "page(1)", "Page down", show=False, id="contents-page-down"),
        Binding("pageup,b", "page(-1)", "Page up", show=False, id="contents-page-up"),
        Binding("enter", "choose", "Go to section", show=False, id="contents-choose"),
    ]

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "contents-list--row", "contents-list--cursor", "contents-list--current"}

    # The row under the cursor: the section being read, unless the reader
    # moves the cursor here. No repaint of the pane: watch_highlighted
    # redraws the two rows.
    highlighted: reactive[int | None] = reactive(None, repaint=False)

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._briefing: Briefing | None = None
        self._counts: dict[int, str] = {}
        self._cache: dict[tuple[int, int, str], list[Strip]] = {}

    @property
    def option_count(self) -> int:
        return len(self._briefing.sections) if self._briefing is not None else 0

    def show(self, briefing: Briefing) -> None:
        """List a briefing's sections (a new version of it, after a reload)."""
        self._briefing = briefing
        self._counts.clear()
        self._cache.clear()
        self.virtual_size = Size(0, self.option_count * ROW_LINES)
        if self.highlighted is not None and self.highlighted >= self.option_count:
            self.highlighted = self.option_count - 1 if self.option_count else None
        self.refresh()

    # --- rendering ------------------------------------------------------------

    def _count(self, index: int) -> str:
        """What a section holds: its anchors found by bisection, as each row
        is first drawn (only the rows on screen ever are)."""
        text = self._counts.get(index)
        if text is None:
            assert self._briefing is not None
            quotes, figures = self._briefing.quote_anchors, self._briefing.figure_anchors
            held = [bisect.bisect_left(anchors, (index + 1,))
                    - bisect.bisect_left(anchors, (index,)) for anchors in (quotes, figures)]
            text = f"{counted(held[0], 'quote')} · {counted(held[1], 'figure')}"
            self._counts[index] = text
        return text

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        line = round(self.scroll_y) + y
        index, offset = divmod(line, ROW_LINES)
        if self._briefing is None or not 0 <= index < self.option_count:
            return Strip.blank(width, self.get_visual_style("contents-list--row").rich_style)
        return self._row(index, width)[offset]

    def _state(self, index: int) -> str:
        if index != self.highlighted:
            return ""
        return "cursor" if self.has_focus else "current"

    def _row(self, index: int, width: int) -> list[Strip]:
        state = self._state(index)
        key = (index, width, state)
        strips = self._cache.get(key)
        if strips is not None:
            return strips
        assert self._briefing is not None
        classes = {"cursor": ("contents-list--cursor",), "current": ("contents-list--current",),
                   "": ()}[state]
        style = self.get_visual_style("contents-list--row", *classes)
        title = self._briefing.sections[index].title
        lines = [
            Content.assemble((f"{index + 1} " if index < 9 else "  ", "$foreground-muted"),
                             literal(title, "bold", one_line=True)),
            Content.assemble("  ", (self._count(index), "$foreground-muted")),
        ]
        strips = []
        for line in lines:
            content = Content(" ") + line.truncate(max(width - 1, 1), ellipsis=True)
            strips.append(line_strip(content, width, style))
        if len(self._cache) >= CACHED_ROWS:
            del self._cache[next(iter(self._cache))]  # the oldest
        self._cache[key] = strips
        return strips

    def _refresh_rows(self, *indexes: int | None) -> None:
        if not self.size:
            self.refresh()  # hidden: every line is drawn again when shown
            return
        for index in indexes:
            if index is not None:
                self.refresh_lines(index * ROW_LINES, ROW_LINES)

    def watch_highlighted(self, old: int | None, new: int | None) -> None:
        self._refresh_rows(old, new)
        if new is not None:
            top = new * ROW_LINES
            view_top = round(self.scroll_y)
            height = self.scrollable_content_region.height
            if top < view_top or top + ROW_LINES > view_top + height:
                self.scroll_to(y=top, animate=False, force=True, immediate=True)

    def on_focus(self) -> None:
        self._refresh_rows(self.highlighted)

    def on_blur(self) -> None:
        self._refresh_rows(self.highlighted)

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._cache.clear()
        self.refresh()

    def on_resize(self) -> None:
        self._cache.clear()

    # --- movement -------------------------------------------------------------

    def action_cursor(self, delta: int) -> None:
        if self.option_count:
            self.highlighted = moved(self.highlighted, delta, self.option_count)

    def action_first(self) -> None:
        if self.option_count:
            self.highlighted = 0

    def action_last(self) -> None:
        if self.option_count:
            self.highlighted = self.option_count - 1

    def action_page(self, direction: int) -> None:
        self.action_cursor(direction * max(1, self.scrollable_content_region.height // ROW_LINES))

    def action_choose(self) -> None:
        if self.highlighted is not None:
            self.post_message(SectionChosen(self.highlighted))

    def on_click(self, event: events.Click) -> None:
        index = (round(self.scroll_y) + event.y) // ROW_LINES
        if event.y >= 0 and 0 <= index < self.option_count:
            self.highlighted = index
            self.post_message(SectionChosen(index))
