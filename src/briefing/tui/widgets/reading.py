"""The reading pane: the current section's paragraphs, with anchors marked.

A line-API widget. Only the text on screen, and a page either side of it,
is wrapped into lines; the rest of the section counts as the lines it
would most likely take, and is wrapped when the reader comes near it.
Opening, resizing or searching a section of ten megabytes costs what a
screenful costs (a paragraph is at most 20,000 characters: a few
milliseconds to wrap). A section of a usual length is wrapped whole.

Marks (quotes, figures, search matches) are put on a line as it is drawn,
found by where they start; marking a quote re-draws just the drawn lines
whose marks changed. Scrolling moves an offset instead of re-arranging
child widgets, so a key press costs the same in a section of five
paragraphs or two thousand, or in a paragraph of ten thousand matches.

The place being read is kept as words, not as a line number: the paragraph
and character at the top of the view (and the selected entry, when it is
on screen). A new width wraps the text anew and the same words come back
to the top, so a resize or a pane shown or hidden never loses the place;
and when text above the view turns out longer than it was counted, the
view moves with the words.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import ClassVar, Literal, NamedTuple, TypeGuard

from textual.binding import Binding, BindingType
from textual.content import Content, Span
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from briefing.model import Section
from briefing.position import TOP, Place
from briefing.tui.safe import literal
from briefing.tui.widgets.line_strip import line_strip

MAX_TEXT_WIDTH = 92  # a comfortable line for prose, however wide the terminal
# Lines kept drawn: pages of scrolling back, but not so many that each full
# garbage collection (during a key press) walks tens of thousands of strips.
CACHED_LINES = 512
# A section this short (in characters) is wrapped whole when laid out, in
# a few milliseconds: its scrollbar is exact from the start.
WHOLE_SECTION = 30_000
# The farthest an animated scroll goes (when animations are on): a longer
# jump is made at once rather than wrapping all the text it would pass.
ANIMATED_LINES = 2_000
# Marks up to this long (search matches, short quotes) are found by their
# start alone; longer ones (few in any paragraph) are each checked.
SHORT_MARK = 256


STYLE_HEADING = "bold $text-primary"
STYLE_SUMMARY = "italic $foreground-muted"

# Marks on the section's title and summary (a search match there) name them
# by these numbers in place of a paragraph's.
HEADING = -2
SUMMARY = -1


class Mark(NamedTuple):
    """A span to style in a paragraph (or the HEADING, or the SUMMARY):
    which, where, and how."""

    paragraph: int
    start: int
    end: int
    style: str


class _Block:
    """A run of lines: the heading, the summary, or one paragraph."""

    # A plain class: a dataclass costs ~0.4 ms to make, on the start-up path.
    __slots__ = ("exact", "first_line", "height", "length", "lines", "marks_at", "newlines",
                 "paragraph", "plain", "starts")

    def __init__(self, paragraph: int | None, marks_at: int, text: str) -> None:
        self.paragraph = paragraph  # None for the heading and the summary
        # The marks it takes: its paragraph's, or the HEADING's or SUMMARY's.
        self.marks_at = marks_at
        self.length, self.newlines = len(text), text.count("\n")
        # Wrapped without marks (shared: never changed); None until it comes near the screen.
        self.plain: list[Content] | None = None
        self.starts: list[int] = []  # character offset in the text where each line starts
        self.lines: dict[int, Content] = {}  # as drawn, marks and all, by line: made when drawn
        # Each wrapped line is its text's characters from its start (no tab
        # was expanded): marks can be put on a line by their offsets.
        self.exact = True
        self.height = 1  # its lines: counted once wrapped, estimated until then
        self.first_line = 0


class _View:
    """A section as the pane draws it at one width: its blocks and the line
    each starts on, and the lines drawn so far (with the marks they carry)."""

    __slots__ = ("blocks", "drawn_width", "first_lines", "heading", "indexes", "marks", "place",
                 "section", "strips", "title", "total", "width")

    def __init__(self, section: Section, place: tuple[int, int],
                 marks: dict[int, tuple[Mark, ...]]) -> None:
        self.section = section
        self.place = place  # (number, total): the heading says "2/3"
        self.heading = Content.assemble(literal(section.title, one_line=True),
                                        (f"  {place[0]}/{place[1]}", "$foreground-muted"))
        # The pane's border names the section however far down it is read.
        self.title = Content.assemble(literal(section.title, one_line=True),
                                      (f" · {place[0]}/{place[1]}", "$foreground-muted"))
        self.marks = marks
        self.indexes: dict[int, _MarkIndex] = {}  # of marks, made as their lines are drawn
        self.width = 0  # of the text, once laid out
        self.blocks: list[_Block] = []
        self.first_lines: list[int] = []  # the line each block starts on
        self.total = 0  # lines, the last blank one included
        self.strips: dict[int, Strip] = {}  # drawn lines, by line number
        self.drawn_width = 0  # of the pane, which the strips fill (the text is centred)

    def text_of(self, block: _Block) -> Content:
        """A block's text, styled as a heading or summary where it is one."""
        if block.marks_at == HEADING:
            return self.heading.stylize_before(STYLE_HEADING)
        if block.marks_at == SUMMARY:
            return literal(self.section.summary or "").stylize_before(STYLE_SUMMARY)
        return literal(self.section.paragraphs[block.marks_at])

    def block_at(self, line: int) -> int:
        """The index of the block a line belongs to (-1: the blank line above
        the heading); a blank line after a block belongs to it."""
        return bisect_right(self.first_lines, line) - 1

    def block_of(self, paragraph: int) -> int | None:
        """The index of the block that holds a paragraph."""
        index = paragraph + (2 if self.section.summary else 1)
        return index if paragraph >= 0 and index < len(self.blocks) else None

    def block_marked_at(self, marks_at: int) -> _Block | None:
        """The block that takes the marks of a paragraph, HEADING or SUMMARY."""
        if marks_at == HEADING:
            return self.blocks[0] if self.blocks else None
        if marks_at == SUMMARY:
            return self.blocks[1] if self.section.summary and len(self.blocks) > 1 else None
        index = self.block_of(marks_at)
        return None if index is None else self.blocks[index]

    def marks_within(self, marks_at: int, start: int, end: int) -> list[Mark]:
        """The marks of a paragraph on its characters from `start` to `end`,
        in the order they are styled."""
        index = self.indexes.get(marks_at)
        if index is None:
            index = self.indexes[marks_at] = _MarkIndex(self.marks.get(marks_at, ()))
        return index.within(start, end)


class _MarkIndex:
    """A paragraph's marks, found by where they are: a short one by its
    start, the few long ones (quotes) each checked."""

    __slots__ = ("long", "marks", "short", "starts")

    def __init__(self, marks: tuple[Mark, ...]) -> None:
        self.marks = marks
        by_start = sorted((mark.start, number) for number, mark in enumerate(marks)
                          if mark.end - mark.start <= SHORT_MARK)
        self.starts = [start for start, _ in by_start]
        self.short = [number for _, number in by_start]
        self.long = [number for number, mark in enumerate(marks)
                     if mark.end - mark.start > SHORT_MARK]

    def within(self, start: int, end: int) -> list[Mark]:
        marks = self.marks
        # A short mark that starts SHORT_MARK or more before `start` ends before it.
        low = bisect_right(self.starts, start - SHORT_MARK)
        high = bisect_left(self.starts, end)
        found = [n for n in self.short[low:high] if marks[n].end > start]
        found += [n for n in self.long if marks[n].start < end and marks[n].end > start]
        found.sort()  # as given: the current entry comes last, and wins where marks overlap
        return [marks[n] for n in found]


def _wrap(content: Content, width: int) -> tuple[list[Content], list[int]]:
    """The lines of `content` at `width`, and where each starts in its text."""
    lines = content.wrap(width) or [Content("")]
    text = content.plain
    starts: list[int] = []
    position = 0
    for line in lines:
        found = text.find(line.plain.strip(), position) if line.plain.strip() else position
        position = found if found >= 0 else position
        starts.append(position)
        position += len(line.plain.strip())
    return lines, starts


def _text_width(pane_width: int) -> int:
    """The width the text is wrapped at in a pane this wide (a margin each side)."""
    return max(1, min(pane_width - 2, MAX_TEXT_WIDTH))


def _marked(content: Content, marks: Iterable[Mark]) -> Content:
    """Content with each mark's style on its span, made in one step: a
    stylize() per mark copies every span before it, which in a paragraph of
    thousands of marks (or search matches) is quadratic."""
    length = len(content)
    spans = [Span(max(0, mark.start), min(mark.end, length), mark.style) for mark in marks
             if mark.style and mark.start < length and mark.end > max(0, mark.start)]
    if not spans:
        return content
    return Content(content.plain, [*content.spans, *spans], strip_control_codes=False)


def _wrap_block(view: _View, block: _Block) -> bool:
    """Wrap one block at the view's width; whether it took a different
    number of lines than it was counted as."""
    content = view.text_of(block)
    plain, starts = _wrap(content, view.width)
    block.plain, block.starts, block.lines = plain, starts, {}
    text = content.plain
    block.exact = all(text.startswith(line.plain, start)
                      for line, start in zip(plain, starts, strict=True))
    changed = len(plain) != block.height
    block.height = len(plain)
    return changed


def _count_lines(view: _View) -> None:
    """Number the view's lines from its blocks' heights (line 0: the blank
    line above the heading). The lines drawn so far, kept by number, go."""
    line = 1
    first_lines: list[int] = []
    for block in view.blocks:
        block.first_line = line
        first_lines.append(line)
        line += block.height + 1  # and the blank line after it
    view.first_lines, view.total = first_lines, line
    view.strips.clear()


Goal = tuple[Literal["reveal"], int, int, int] | tuple[Literal["top"], int, int] | tuple[
    Literal["end"]]


class ReadingPane(ScrollView, can_focus=True):
    """Scrolls through the section as a pager does: j/k a line, space/b a
    page, ctrl+d/ctrl+u half a page, g/G to the top and end. Scrolling on
    past either end of the section asks the screen for the next or the
    previous one (`PastEdge`)."""

    HELP_TITLE = "Reading"  # its border names the section being read

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j,down", "scroll_down", "Scroll down", show=False, id="scroll-down"),
        Binding("k,up", "scroll_up", "Scroll up", show=False, id="scroll-up"),
        Binding("space,pagedown,ctrl+f", "page_down", "Page down", show=False,
                id="page-down"),
        Binding("b,pageup,ctrl+b", "page_up", "Page up", show=False, id="page-up"),
        Binding("ctrl+d", "half_page(1)", "Half a page down", show=False,
                id="half-page-down"),
        Binding("ctrl+u", "half_page(-1)", "Half a page up", show=False, id="half-page-up"),
        Binding("g,home", "scroll_home", "Top of section", show=False, id="section-top"),
        Binding("G,end", "scroll_end", "End of section", show=False, id="section-end"),
    ]

    class Scrolled(Message):
        """The words at the top of the view changed (the reader scrolled)."""

        def __init__(self, top: Place) -> None:
            super().__init__()
            self.top = top

    class PastEdge(Message):
        """A key scrolled on past the end (1) or above the top (-1) of the section."""

        def __init__(self, direction: int) -> None:
            super().__init__()
            self.direction = direction

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._view: _View | None = None  # what is shown
        self._prepared: _View | None = None  # the next section, laid out ahead (see prepare)
        self._width = 0  # the text width the view was wrapped at
        # The words at the top of the view, as (block, character): what a new
        # width brings back to the top. Character -1: the blank line above.
        self._top: tuple[int, int] = (0, -1)
        self._goal: Goal | None = None  # where to go once the text is laid out
        self._placing = False  # the pane itself is scrolling to its place
        self._selected: tuple[int, int, int] | None = None
        # Whether the selected entry was on screen when the reader last moved:
        # if so, it is kept there through a resize.
        self._selected_shown = False

    @property
    def section(self) -> Section | None:
        return self._view.section if self._view is not None else None

    @property
    def selected(self) -> tuple[int, int, int] | None:
        """The span (paragraph, start, end) of the entry the reader selected
        in this section: kept in view when the text is wrapped anew."""
        return self._selected

    @selected.setter
    def selected(self, span: tuple[int, int, int] | None) -> None:
        self._selected = span
        self._selected_shown = span is not None and self.is_visible(*span)

    @property
    def marks(self) -> dict[int, tuple[Mark, ...]]:
        return self._view.marks if self._view is not None else {}

    # --- what is shown ---------------------------------------------------------

    def show_section(self, section: Section, number: int, total: int,
                     marks: list[Mark]) -> None:
        """Show a section; from its top when it is a different one."""
        changed = section is not self.section
        prepared, self._prepared = self._prepared, None
        if self._ready(prepared, section) and prepared.place == (number, total):
            # Laid out while the reader read the one before: shown as it is.
            self._view = prepared
            prepared.marks, prepared.indexes = self._group(marks), {}
            with self._keeping_place():
                self._show(prepared)
        else:
            self._view = _View(section, (number, total), self._group(marks))
        self.border_title = self._view.title
        if changed:
            self._top, self._goal = (0, -1), None
        self._layout(force=self._view is not prepared)

    def _ready(self, prepared: _View | None, section: Section) -> TypeGuard[_View]:
        """Whether a view laid out ahead is this section's, at today's width."""
        return (prepared is not None and prepared.section is section
                and prepared.width == self.text_width)

    def prepare(self, section: Section, number: int, total: int) -> None:
        """Lay out the section the reader will most likely go to next (the
        one after this), so that arriving there shows it at once: wrapping a
        section of twenty paragraphs took half the time of an `n` into it.
        One section, at the present width; any other is laid out as shown."""
        if not self._laid_out or section is self.section:
            return
        if self._ready(self._prepared, section):
            return
        view = _View(section, (number, total), {})
        self._build(view, self.text_width)
        self._wrap_around(view, 0)
        self._prepared = view

    def forget(self) -> None:
        """Drop what is shown (the briefing changed under it): the next
        show_section lays the section out afresh, at the same place."""
        self._view = self._prepared = None

    def mark(self, marks: list[Mark]) -> None:
        """Restyle the paragraphs; only those whose marks changed are re-drawn."""
        view = self._view
        if view is None:
            return
        grouped = self._group(marks)
        changed = {p for p in grouped.keys() | view.marks.keys()
                   if grouped.get(p) != view.marks.get(p)}
        view.marks = grouped
        for paragraph in changed:
            view.indexes.pop(paragraph, None)
            block = view.block_marked_at(paragraph)
            if block is None or not block.lines:
                continue  # not drawn yet: marked when it is
            # Only the drawn lines whose styles changed are drawn again
            # (marks never move a line break).
            drawn, block.lines = block.lines, {}
            for offset, old in drawn.items():
                line = block.first_line + offset
                if line not in view.strips:
                    continue
                new = self._line(view, block, offset)
                if old.plain != new.plain or old.spans != new.spans:
                    del view.strips[line]
                    self.refresh_lines(line)

    @staticmethod
    def _group(marks: list[Mark]) -> dict[int, tuple[Mark, ...]]:
        grouped: dict[int, list[Mark]] = {}
        for mark in marks:
            grouped.setdefault(mark.paragraph, []).append(mark)
        return {p: tuple(ms) for p, ms in grouped.items()}

    # --- lines -------------------------------------------------------------------

    @property
    def text_width(self) -> int:
        return _text_width(self.scrollable_content_region.width)

    @property
    def _laid_out(self) -> bool:
        """The view is wrapped at the pane's present width, and the pane shows."""
        view = self._view
        return (view is not None and bool(view.blocks) and view.width == self._width
                == self.text_width and self.scrollable_content_region.height > 0)

    def _layout(self, *, force: bool = False) -> None:
        """Lay the section out at the current width, keeping the place."""
        view = self._view
        region = self.scrollable_content_region
        if view is None or not region.width or not region.height:
            return  # not laid out yet (or hidden): the first frame lays the text out
        width = self.text_width
        keep_selected = self._selected_shown and self._goal is None
        if not (width == self._width == view.width and not force):
            self._width = width
            with self._keeping_place():
                self._build(view, width)
                self._show(view)
        # The same words at the top (after a new width, or a new height: a
        # place restored into a taller pane may have been held short of it).
        self._place_top(view)
        goal, self._goal = self._goal, None
        if goal is not None:
            self._go(goal)
        elif keep_selected and self._selected is not None:
            self._reveal(*self._selected)

    @staticmethod
    def _build(view: _View, width: int) -> None:
        """Lay a view out at a width, with nothing wrapped yet: each block
        counts the lines it would most likely take, and is followed by a
        blank line (the heading has one above it too). Its drawn lines are
        dropped."""
        if not view.blocks:
            view.blocks = [_Block(None, HEADING, view.heading.plain)]
            if view.section.summary:
                view.blocks.append(_Block(None, SUMMARY, view.section.summary))
            view.blocks += [_Block(p, p, text) for p, text in enumerate(view.section.paragraphs)]
        per_line = max(1, width - 4)  # what a wrapped line holds, about
        for block in view.blocks:
            block.plain, block.starts, block.lines = None, [], {}
            block.height = max(1, -(-block.length // per_line)) + block.newlines
        view.width = width
        if sum(block.length for block in view.blocks) <= WHOLE_SECTION:
            for block in view.blocks:
                _wrap_block(view, block)
        _count_lines(view)

    def _wrap_lines(self, view: _View, first: int, last: int) -> bool:
        """Wrap every block with a line from `first` to `last`; whether the
        lines after them moved (the view's lines are counted anew if so)."""
        moved = False
        index = max(0, view.block_at(first))
        while index < len(view.blocks) and view.blocks[index].first_line <= last:
            block = view.blocks[index]
            if block.plain is None:
                moved = _wrap_block(view, block) or moved
            index += 1
        if moved:
            _count_lines(view)
        return moved

    def _wrap_around(self, view: _View, top: int) -> bool:
        """Wrap the screen that starts at line `top` and a page above and
        below it; whether the lines after them moved."""
        page = self._page
        return self._wrap_lines(view, top - page, top + 2 * page)

    def _settled(self, view: _View, target: Callable[[], int]) -> int:
        """The line a goal scrolls to, once the text around it is wrapped
        and the count is exact."""
        for _ in range(8):  # each round wraps more, or ends it
            line = target()
            if not self._wrap_around(view, line):
                break
        else:
            line = target()
        if self.virtual_size.height != view.total:
            self._show(view)
        return line

    def _show(self, view: _View) -> None:
        """Size the pane to the view's lines and draw it."""
        size = Size(self.scrollable_content_region.width, view.total)
        # As Textual's ScrollView does on a resize: a new height updates the
        # scrollbar without laying the whole screen out again (~4 ms of a
        # section change); showing or hiding the scrollbar still does.
        with self._keeping_place():
            self.set_reactive(ScrollView.virtual_size, size)
            self._scroll_update(size)
        self.refresh()

    @staticmethod
    def _line(view: _View, block: _Block, offset: int) -> Content:
        """A line of a block as drawn: its plain line, with the marks on it."""
        if block.plain is None:
            _wrap_block(view, block)
            assert block.plain is not None
        line = block.lines.get(offset)
        if line is not None:
            return line
        line = block.plain[offset]
        if view.marks.get(block.marks_at):
            if block.exact:
                start = block.starts[offset]
                line = _marked(line, [mark._replace(start=mark.start - start, end=mark.end - start)
                                      for mark in view.marks_within(block.marks_at, start,
                                                                    start + len(line.plain))])
            else:  # e.g. a tab was expanded: the whole text is marked, and wrapped again
                marked = _wrap(_marked(view.text_of(block), view.marks[block.marks_at]),
                               view.width)[0]
                if len(marked) == len(block.plain):
                    line = marked[offset]
        block.lines[offset] = line
        return line

    def on_resize(self) -> None:
        self._layout()

    def notify_style_update(self) -> None:
        """The theme or the stylesheet changed: lines drawn in the old colours
        are drawn again."""
        super().notify_style_update()
        if self._view is not None:
            self._view.strips.clear()
            self.refresh()

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        view = self._view
        # self.text_width, without asking the pane's region a second time a line
        if view is not None and (self._width != _text_width(width) or view.width != self._width):
            # The screen's first frame is drawn before this pane hears of its
            # size: wrap now, or that frame (the one a reader sees first)
            # would show an empty pane and the text only frames later.
            self._layout()
        if view is None or not view.width:
            return Strip.blank(width, self.visual_style.rich_style)
        if view.drawn_width != width:
            # Wider than the text's widest: the text is the same, its margin not.
            view.strips.clear()
            view.drawn_width = width
        return self._strip(view, round(self.scroll_y) + y, width)

    def _strip(self, view: _View, line: int, width: int) -> Strip:
        """A line of a view as drawn, `width` cells wide; remembered."""
        strip = view.strips.get(line)
        if strip is not None:
            return strip
        style = self.visual_style
        content = Content("")
        index = view.block_at(line)
        if index >= 0 and line < view.total:
            block = view.blocks[index]
            offset = line - block.first_line
            # Wrapped as it is drawn (the view normally wraps ahead): if it
            # counts otherwise, the place is put back after.
            if offset < block.height and block.plain is None and _wrap_block(view, block):
                self.call_later(self._recount, view)
                offset = min(offset, block.height - 1)
            if offset < block.height:
                content = self._line(view, block, offset)
        margin = max(1, (width - self._width) // 2)
        strip = line_strip(Content(" " * margin) + content, width, style)
        if len(view.strips) >= CACHED_LINES:
            del view.strips[next(iter(view.strips))]  # the oldest
        view.strips[line] = strip
        return strip

    # --- places and lines ---------------------------------------------------------

    def _recount(self, view: _View) -> None:
        """A block drawn before it was wrapped took other lines than counted:
        count them anew and keep the words at the top."""
        if view is self._view and self._laid_out:
            _count_lines(view)
            self._place_top(view)

    @staticmethod
    def _line_of_top(view: _View, top: tuple[int, int]) -> int:
        """The line that (block, character) is drawn on in a view (about
        where, in a block not wrapped yet)."""
        index, character = top
        if index >= len(view.blocks):
            return view.total - 1
        block = view.blocks[index]
        if character < 0:
            return block.first_line - 1
        if block.plain is None:
            share = character * block.height // max(1, block.length)
            return block.first_line + max(0, min(share, block.height - 1))
        return block.first_line + max(0, bisect_right(block.starts, character) - 1)

    @staticmethod
    def _top_of_line(view: _View, line: int) -> tuple[int, int]:
        """The (block, character) a line of a view starts with (about which,
        in a block not wrapped yet)."""
        line = max(0, min(line, view.total - 1))
        index = view.block_at(line)
        if index < 0:
            return 0, -1
        block = view.blocks[index]
        offset = line - block.first_line
        if offset >= block.height:  # the blank line after the block
            return index + 1, -1
        if block.plain is None:
            return index, offset * block.length // block.height
        return index, block.starts[offset]

    def _place(self, view: _View, top: tuple[int, int]) -> Place:
        """A (block, character) as a place: paragraph and character."""
        index, character = top
        if index >= len(view.blocks):
            return len(view.section.paragraphs), -1
        paragraph = view.blocks[index].paragraph
        return TOP if paragraph is None else (paragraph, character)

    def line_of(self, paragraph: int, start: int) -> int | None:
        """The pane line on which a character of a paragraph is drawn."""
        view = self._view
        if view is None or not view.blocks:
            return None
        index = view.block_of(paragraph)
        return None if index is None else self._line_of_top(view, (index, max(0, start)))

    def top_place(self) -> Place:
        """The place at the top of the view: what is saved and restored."""
        view = self._view
        if view is None or not view.blocks:
            return TOP
        return self._place(view, self._top)

    def shown_places(self) -> tuple[Place, Place] | None:
        """Where what is on screen starts and ends: the place at the top, and
        the place the first line below the screen starts with (None before
        the text is laid out)."""
        view = self._view
        if not self._laid_out or view is None:
            return None
        top = round(self.scroll_y)
        below = top + self.scrollable_content_region.height
        return (self._place(view, self._top_of_line(view, top)),
                self._place(view, self._top_of_line(view, below)))

    def is_visible(self, paragraph: int, start: int, end: int) -> bool:
        """Whether any of a span of a paragraph is on screen (or is about to be:
        the place the pane is on its way to)."""
        goal = self._goal
        if goal is not None and goal[0] == "reveal":
            return goal[1:] == (paragraph, start, end)
        return self._laid_out and self._on_screen(paragraph, start, end)

    def _on_screen(self, paragraph: int, start: int, end: int) -> bool:
        """Whether any of a span is on screen, as the text is wrapped now."""
        first, last = self.line_of(paragraph, start), self.line_of(paragraph, max(start, end - 1))
        if first is None or last is None:
            return False
        top = round(self.scroll_y)
        return first < top + self.scrollable_content_region.height and last >= top

    # --- moving ---------------------------------------------------------------

    def reveal(self, paragraph: int, start: int, end: int | None = None) -> None:
        """Bring the words from `start` to `end` in `paragraph` into view: all
        of them when they fit. Words already on screen stay where they are
        (the eye keeps its place); a span partly shown moves just enough."""
        self._go(("reveal", paragraph, start, start + 1 if end is None else max(end, start + 1)))

    def show_place(self, paragraph: int, character: int) -> None:
        """Scroll so that a place is at the top of the view (a restore)."""
        self._go(("top", paragraph, character))

    def show_end(self) -> None:
        """Scroll to the end of the section (arriving from the next one)."""
        self._go(("end",))

    def _go(self, goal: Goal) -> None:
        self._layout()
        view = self._view
        if not self._laid_out or view is None:
            self._goal = goal  # done when the text is laid out
            return
        if goal[0] == "end":
            self._scroll_to_line(self._settled(view, lambda: self._end_line(view)))
        elif goal[0] == "top":
            paragraph, character = goal[1], goal[2]
            index = view.block_of(min(paragraph, len(view.section.paragraphs) - 1))
            self._top = (0, -1) if paragraph < 0 or index is None else (index, character)
            self._place_top(view)
        else:
            self._reveal(goal[1], goal[2], goal[3])
        self._selected_shown = self._selected is not None and self.is_visible(*self._selected)

    def _end_line(self, view: _View) -> int:
        """The top line of the view's last page."""
        return max(0, view.total - self.scrollable_content_region.height)

    def _reveal(self, paragraph: int, start: int, end: int) -> None:
        view = self._view
        if view is None:
            return
        top = round(self.scroll_y)
        target = self._settled(view, lambda: self._reveal_line(paragraph, start, end))
        if target != top:
            self._scroll_to_line(target)

    def _reveal_line(self, paragraph: int, start: int, end: int) -> int:
        """The top line that shows a span as `reveal` says."""
        first, last = self.line_of(paragraph, start), self.line_of(paragraph, end - 1)
        top = round(self.scroll_y)
        if first is None or last is None:
            return top
        height = self.scrollable_content_region.height
        bottom = top + height - 1  # the last line on screen
        if top <= first and last <= bottom:
            return top  # all on screen already
        span = last - first + 1
        if span >= height:
            target = first  # taller than the view: its start at the top
        elif first <= bottom and last >= top:
            # Partly on screen: just enough to show the rest.
            target = last - height + 1 if last > bottom else first
        else:
            target = first - (height - span) // 2  # out of sight: centred
        return max(0, target)

    def _place_top(self, view: _View) -> None:
        """Scroll so that the words kept as the top are at the top, as near
        as the pane allows; they stay the words to keep."""
        line = self._settled(view, lambda: self._line_of_top(view, self._top))
        with self._keeping_place():
            self._scroll_to_line(line)

    @contextmanager
    def _keeping_place(self) -> Iterator[None]:
        """While the pane scrolls itself (to keep its place, or to size
        itself), the scroll is not the reader's: `watch_scroll_y` lets it be."""
        placing, self._placing = self._placing, True
        try:
            yield
        finally:
            self._placing = placing

    def _scroll_to_line(self, line: int) -> None:
        self.scroll_to(y=max(0, line), animate=False, immediate=True, force=True)

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        super().watch_scroll_y(old_value, new_value)
        view = self._view
        if self._placing or view is None or not self._laid_out:
            return  # the pane keeping its place: the place itself has not changed
        line = round(new_value)
        index = view.block_at(line)
        within = line - view.blocks[index].first_line if index >= 0 else 0
        if self._wrap_around(view, line):
            # Text near the view took other lines than it was counted as:
            # the words scrolled to stay at the top.
            if index >= 0:
                block = view.blocks[index]
                line = block.first_line + min(within, block.height)
            self._show(view)
            with self._keeping_place():
                self._scroll_to_line(line)
        self._selected_shown = self._selected is not None and self._on_screen(*self._selected)
        top = self._top_of_line(view, line)
        if top != self._top:
            self._top = top
            self.post_message(self.Scrolled(self._place(view, top)))

    # --- keys -----------------------------------------------------------------

    def _scroll_by(self, lines: int) -> None:
        """Scroll by a number of lines; asks for the next (or previous)
        section when already at the end (or the top)."""
        y = round(self.scroll_y)
        if (lines > 0 and y >= self.max_scroll_y) or (lines < 0 and y <= 0):
            self.post_message(self.PastEdge(1 if lines > 0 else -1))
            return
        self._jump(lambda view: y + lines)

    def _jump(self, target: Callable[[_View], int]) -> None:
        """Scroll to a line (its number worked out once the text there is
        wrapped): at once, unless the user asked for animations. An animation
        passes through every line between, so it is made only over a
        distance whose text can be wrapped in a moment."""
        view = self._view
        if view is None or not self._laid_out:
            return
        y = round(self.scroll_y)

        def line() -> int:
            return max(0, min(target(view), self._end_line(view)))

        goal = self._settled(view, line)
        animate = self.app.animation_level != "none" and abs(goal - y) <= ANIMATED_LINES
        if animate and self._wrap_lines(view, min(goal, y), max(goal, y)):
            goal = self._settled(view, line)
        self.scroll_to(y=goal, animate=animate, immediate=not animate, force=True)

    @property
    def _page(self) -> int:
        return max(1, self.scrollable_content_region.height)

    def action_scroll_down(self) -> None:
        self._scroll_by(1)

    def action_scroll_up(self) -> None:
        self._scroll_by(-1)

    def action_page_down(self) -> None:
        self._scroll_by(self._page)

    def action_page_up(self) -> None:
        self._scroll_by(-self._page)

    def action_half_page(self, direction: int) -> None:
        self._scroll_by(direction * max(1, self._page // 2))

    def action_scroll_home(self) -> None:
        self._jump(lambda view: 0)

    def action_scroll_end(self) -> None:
        self._jump(self._end_line)
