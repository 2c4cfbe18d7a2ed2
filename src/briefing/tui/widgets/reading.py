"""The reading pane: the current section's paragraphs, with anchors marked.

A line-API widget: the section is wrapped into lines once per width, and
only the lines on screen are drawn. Marking a quote re-wraps just the
paragraphs whose marks changed, and scrolling moves an offset instead of
re-arranging child widgets, so a key press costs the same in a section of
five paragraphs or two thousand.
"""

from __future__ import annotations

from typing import ClassVar, NamedTuple

from textual.binding import Binding, BindingType
from textual.content import Content
from textual.geometry import Region, Size
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.visual import Visual

from briefing.model import Section
from briefing.tui.safe import literal

MAX_TEXT_WIDTH = 92  # a comfortable line for prose, however wide the terminal
# Lines kept drawn: pages of scrolling back, but not so many that each full
# garbage collection (during a key press) walks tens of thousands of strips.
CACHED_LINES = 512

class Mark(NamedTuple):
    """A span to style in a paragraph: which paragraph, where, and how."""

    paragraph: int
    start: int
    end: int
    style: str


class _Block:
    """A run of lines: the heading, the summary, or one paragraph."""

    # A plain class: a dataclass costs ~0.4 ms to make, on the start-up path.
    __slots__ = ("first_line", "lines", "paragraph", "plain", "starts")

    def __init__(self, paragraph: int | None, plain: list[Content], starts: list[int],
                 lines: list[Content] | None = None) -> None:
        self.paragraph = paragraph  # None for the heading and the summary
        self.plain = plain  # the text wrapped without marks (shared: never changed)
        self.starts = starts  # character offset in the text where each line starts
        self.lines = lines  # as drawn, marks and all; made when first drawn
        self.first_line = 0


class _View:
    """A section as the pane draws it at one width: its blocks, the block of
    every line, and the lines drawn so far (with the marks they carry)."""

    __slots__ = ("blocks", "drawn_width", "heading", "line_blocks", "marks", "place", "section",
                 "strips", "width")

    def __init__(self, section: Section, place: tuple[int, int],
                 marks: dict[int, tuple[Mark, ...]]) -> None:
        self.section = section
        self.place = place  # (number, total): the heading says "2/3"
        self.heading = Content.assemble(literal(section.title, one_line=True),
                                        (f"  {place[0]}/{place[1]}", "$foreground-muted"))
        self.marks = marks
        self.width = 0  # of the text, once laid out
        self.blocks: list[_Block] = []
        self.line_blocks: list[int] = []  # block index of every line
        self.strips: dict[int, Strip] = {}  # drawn lines, by line number
        self.drawn_width = 0  # of the pane, which the strips fill (the text is centred)


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


class ReadingPane(ScrollView, can_focus=True):
    """Scrolls through the section; j/k, space/b and g/G as in a pager."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j,down", "scroll_down", "Scroll down", show=False),
        Binding("k,up", "scroll_up", "Scroll up", show=False),
        Binding("space,pagedown", "page_down", "Page down", show=False),
        Binding("b,pageup", "page_up", "Page up", show=False),
        Binding("g,home", "scroll_home", "Top of section", show=False),
        Binding("G,end", "scroll_end", "End of section", show=False),
    ]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._view: _View | None = None  # what is shown
        self._width = 0  # the text width the view was wrapped at

    @property
    def section(self) -> Section | None:
        return self._view.section if self._view is not None else None

    @property
    def marks(self) -> dict[int, tuple[Mark, ...]]:
        return self._view.marks if self._view is not None else {}

    # --- what is shown ---------------------------------------------------------

    def show_section(self, section: Section, number: int, total: int,
                     marks: list[Mark]) -> None:
        """Show a section; scrolls to its top when it is a different one."""
        changed = section is not self.section
        self._view = _View(section, (number, total), self._group(marks))
        self._layout(force=True)
        if changed:
            self.scroll_to(y=0, animate=False, immediate=True, force=True)

    def forget(self) -> None:
        """Drop what is shown (the briefing changed under it): the next
        show_section lays the section out afresh."""
        self._view = None

    def mark(self, marks: list[Mark]) -> None:
        """Restyle the paragraphs; only those whose marks changed are re-drawn."""
        view = self._view
        if view is None:
            return
        grouped = self._group(marks)
        changed = {p for p in grouped.keys() | view.marks.keys()
                   if grouped.get(p) != view.marks.get(p)}
        view.marks = grouped
        if not changed or not view.blocks:
            return
        for block in view.blocks:
            if block.paragraph not in changed:
                continue
            drawn, block.lines = block.lines, None  # marks never move a line break
            if drawn is None:
                continue  # not drawn yet: styled when it is
            # Only the lines whose styles changed are drawn again.
            for offset, (old, new) in enumerate(zip(drawn, self._lines(view, block),
                                                    strict=True)):
                if old.plain != new.plain or old.spans != new.spans:
                    view.strips.pop(block.first_line + offset, None)
                    self.refresh_lines(block.first_line + offset)

    @staticmethod
    def _group(marks: list[Mark]) -> dict[int, tuple[Mark, ...]]:
        grouped: dict[int, list[Mark]] = {}
        for mark in marks:
            grouped.setdefault(mark.paragraph, []).append(mark)
        return {p: tuple(ms) for p, ms in grouped.items()}

    @staticmethod
    def _styled(view: _View, paragraph: int) -> Content:
        content = literal(view.section.paragraphs[paragraph])
        for mark in view.marks.get(paragraph, ()):
            content = content.stylize(mark.style, mark.start, mark.end)
        return content

    # --- lines -------------------------------------------------------------------

    @property
    def text_width(self) -> int:
        return max(1, min(self.scrollable_content_region.width - 2, MAX_TEXT_WIDTH))

    def _layout(self, *, force: bool = False) -> None:
        """Wrap the whole section at the current width."""
        view = self._view
        if view is None or not self.scrollable_content_region.width:
            return  # not laid out yet: the first frame wraps the text
        width = self.text_width
        if width == self._width == view.width and not force:
            return
        self._width = width
        self._build(view)
        self._show(view)

    def _build(self, view: _View) -> None:
        """Lay a view out at the current width: its blocks, and where each
        starts, with a blank line after every block (and one above the
        heading). Its drawn lines are dropped."""
        heading, starts = _wrap(view.heading, self._width)
        heading = [line.stylize_before("bold $text-primary") for line in heading]
        blocks = [_Block(None, heading, starts, heading)]
        if view.section.summary:
            summary, starts = _wrap(literal(view.section.summary), self._width)
            summary = [line.stylize_before("italic $foreground-muted") for line in summary]
            blocks.append(_Block(None, summary, starts, summary))
        blocks += [_Block(p, *_wrap(literal(text), self._width))
                   for p, text in enumerate(view.section.paragraphs)]
        line_blocks: list[int] = [0]
        for index, block in enumerate(blocks):
            block.first_line = len(line_blocks)
            line_blocks += [index] * (len(block.plain) + 1)
        view.blocks, view.line_blocks, view.width = blocks, line_blocks, self._width
        view.strips.clear()

    def _show(self, view: _View) -> None:
        """Size the pane to the view's lines and draw it."""
        size = Size(self.scrollable_content_region.width, len(view.line_blocks))
        # As Textual's ScrollView does on a resize: a new height updates the
        # scrollbar without laying the whole screen out again (~4 ms of a
        # section change); showing or hiding the scrollbar still does.
        self.set_reactive(ScrollView.virtual_size, size)
        self._scroll_update(size)
        self.refresh()

    def _lines(self, view: _View, block: _Block) -> list[Content]:
        """A block's lines as drawn: the plain lines, with the paragraph's marks."""
        if block.lines is None:
            block.lines = block.plain
            if block.paragraph is not None and view.marks.get(block.paragraph):
                content = self._styled(view, block.paragraph)
                text = content.plain
                lines: list[Content] = []
                for line, start in zip(block.plain, block.starts, strict=True):
                    end = start + len(line.plain)
                    if text[start:end] != line.plain:  # e.g. a tab was expanded
                        lines = _wrap(content, self._width)[0]
                        break
                    lines.append(content[start:end])
                block.lines = lines
        return block.lines

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
        if view is not None and (self._width != self.text_width or view.width != self._width):
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
        if 0 <= line < len(view.line_blocks):
            block = view.blocks[view.line_blocks[line]]
            offset = line - block.first_line
            if 0 <= offset < len(block.plain):
                content = self._lines(view, block)[offset]
        margin = max(1, (width - self._width) // 2)
        rendered = Visual.to_strips(self, Content(" " * margin) + content, width, 1, style)
        strip = (rendered[0] if rendered else Strip.blank(width)).extend_cell_length(
            width, style.rich_style)
        if len(view.strips) >= CACHED_LINES:
            del view.strips[next(iter(view.strips))]  # the oldest
        view.strips[line] = strip
        return strip

    # --- moving ---------------------------------------------------------------

    def line_of(self, paragraph: int, start: int) -> int | None:
        """The pane line on which a character of a paragraph is drawn."""
        for block in self._view.blocks if self._view is not None else ():
            if block.paragraph == paragraph:
                offset = 0
                for number, line_start in enumerate(block.starts):
                    if line_start <= start:
                        offset = number
                return block.first_line + offset
        return None

    def reveal(self, paragraph: int, start: int) -> None:
        """Scroll so that the words at `start` in `paragraph` are in view.

        Words already on screen stay where they are: the eye keeps its place.
        """
        self._layout()
        line = self.line_of(paragraph, start)
        if line is None:
            return
        top = round(self.scroll_y)
        height = self.scrollable_content_region.height
        if top <= line and line + 2 <= top + height:
            return
        self.scroll_to_region(Region(0, line, 1, 2), animate=False, center=True,
                              immediate=True, force=True)
