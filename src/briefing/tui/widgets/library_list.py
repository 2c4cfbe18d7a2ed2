"""The library's list: one line per briefing file, cheap at any size.

A DataTable measures every cell of every row when rows are added (a fifth of
a second for 2,000 files, on every keystroke of the filter); here every row
is one line, so the list knows its size at once and draws only the rows on
screen, through the line API. The column widths follow the list's width, so
a resize lays the columns out again and titles are cut with an ellipsis.

File names and titles are outside text: they are drawn through `safe.literal`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar, NamedTuple

from textual import events
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from briefing.library import LibraryEntry
from briefing.tui.safe import literal
from briefing.tui.widgets.cursor import moved
from briefing.tui.widgets.line_strip import line_strip

CACHED_ROWS = 128
MARK_NEW = "●"
MARK_INVALID = "⚠"
MARK_SELECTED = "✓"


class Column(NamedTuple):
    name: str
    title: str
    width: int
    right: bool = False  # aligned to the right (counts)


def columns(width: int) -> tuple[Column, ...]:
    """The columns for a list this wide: the title takes what is left; at
    narrow widths the counts go first, then the other columns narrow."""
    source, file = 12, 20
    counts = (Column("quotes", "Quotes", 6, True), Column("figures", "Figures", 7, True))

    def layout(source: int, file: int, counts: tuple[Column, ...]) -> tuple[Column, ...]:
        fixed = [Column("mark", "", 1), Column("date", "Date", 10),
                 Column("source", "Source", source), Column("file", "File", file), *counts]
        # A margin of one, and a gap of two after every column, the title's too.
        used = 1 + sum(c.width for c in fixed) + 2 * (len(fixed) + 1)
        title = Column("title", "Title", max(width - used, 8))
        return (fixed[0], fixed[1], title, *fixed[2:])

    chosen = layout(source, file, counts)
    if _title(chosen) > 90:
        return layout(20, 36, counts)
    if _title(chosen) >= 28:
        return chosen
    chosen = layout(source, file, ())
    if _title(chosen) >= 28:
        return chosen
    chosen = layout(10, 16, ())
    if _title(chosen) >= 20:
        return chosen
    return tuple(c for c in layout(0, 16, ()) if c.name != "source")


def _title(chosen: tuple[Column, ...]) -> int:
    return next(c.width for c in chosen if c.name == "title")


class LibraryList(ScrollView, can_focus=True):
    """The briefings of the library, one per line, under a header line."""

    ALLOW_SELECT = False  # rows are chosen with a click, not selected as text

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "open", "Open", id="library-open", key_display="enter"),
        Binding("down,j", "cursor(1)", "Next briefing", show=False, id="library-down"),
        Binding("up,k", "cursor(-1)", "Previous briefing", show=False, id="library-up"),
        Binding("home,g", "first", "First briefing", show=False, id="library-first"),
        Binding("end,G", "last", "Last briefing", show=False, id="library-last"),
        Binding("pagedown,space", "page(1)", "Page down", show=False, id="library-page-down"),
        Binding("pageup,b", "page(-1)", "Page up", show=False, id="library-page-up"),
    ]

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "library-list--header", "library-list--row", "library-list--cursor",
        "library-list--empty", "library-list--selected",
    }

    cursor: reactive[int | None] = reactive(None, always_update=True, repaint=False)

    class Chosen(Message):
        """The reader chose a file (enter or a click)."""

        def __init__(self, name: str) -> None:
            super().__init__()
            self.name = name

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.rows: Sequence[LibraryEntry] = ()
        self.unopened: frozenset[str] = frozenset()  # file names never opened
        self.selected: frozenset[str] = frozenset()  # file names chosen to export
        self.empty: Content = Content("")
        self._cache: dict[tuple[int, int, bool], Strip] = {}

    def set_rows(self, rows: Sequence[LibraryEntry], unopened: frozenset[str], *,
                 selected: frozenset[str] = frozenset(), empty: Content | None = None) -> None:
        """Show these rows. The cursor stays on the file it was on, if it is
        still listed, else at the same place; on the first row it stays on
        the first row (the newest briefing, as in an inbox)."""
        keep = self.cursor_name if self.cursor else None
        at = self.cursor
        self.rows, self.unopened, self.selected = rows, unopened, selected
        if empty is not None:
            self.empty = empty
        self._cache.clear()
        self.virtual_size = self._virtual_size()
        names = [row.name for row in rows]
        if keep is not None and keep in names:
            self.cursor = names.index(keep)
        elif rows:
            self.cursor = min(at or 0, len(rows) - 1)
        else:
            self.cursor = None
        self.refresh()

    @property
    def cursor_name(self) -> str | None:
        if self.cursor is None or not 0 <= self.cursor < len(self.rows):
            return None
        return self.rows[self.cursor].name

    def move_to(self, name: str) -> None:
        """Put the cursor on this file, if it is listed."""
        for index, row in enumerate(self.rows):
            if row.name == name:
                self.cursor = index
                return

    # --- drawing ----------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        if y == 0:
            return line_strip(self._header(width), width, self.get_visual_style(
                "library-list--header"))
        base = self.get_visual_style("library-list--row")
        if not self.rows:
            lines = self.empty.split("\n") if self.empty else []
            if y - 1 < len(lines):
                style = self.get_visual_style("library-list--row", "library-list--empty")
                return line_strip(Content(" ") + lines[y - 1], width, style)
            return Strip.blank(width, base.rich_style)
        index = self.scroll_offset.y + y - 1
        if index >= len(self.rows):
            return Strip.blank(width, base.rich_style)
        cursor = index == self.cursor
        key = (index, width, cursor)
        strip = self._cache.get(key)
        if strip is None:
            entry = self.rows[index]
            chosen = entry.valid and entry.name in self.selected
            classes = ("library-list--row", *(("library-list--selected",) if chosen else ()),
                       *(("library-list--cursor",) if cursor else ()))
            # The day is written once for the briefings of a day, in a row;
            # muted where the briefing does not say it (the file's date).
            repeated = index > 0 and self.rows[index - 1].valid and entry.valid \
                and self.rows[index - 1].day == entry.day
            strip = line_strip(self._row(entry, width, repeated), width,
                               self.get_visual_style(*classes))
            if len(self._cache) >= CACHED_ROWS:
                del self._cache[next(iter(self._cache))]
            self._cache[key] = strip
        return strip

    def _header(self, width: int) -> Content:
        return _line([(c, Content(c.title)) for c in columns(width)])

    def _row(self, entry: LibraryEntry, width: int, repeated: bool = False) -> Content:
        cells: list[tuple[Column, Content]] = []
        new = entry.valid and entry.name in self.unopened
        for column in columns(width):
            cell = self._cell(entry, column.name, new)
            if column.name == "date" and repeated:
                cell = Content("")
            cells.append((column, cell))
        return _line(cells)

    def _cell(self, entry: LibraryEntry, name: str, new: bool) -> Content:
        if name == "file":
            return literal(entry.shown_name, "$foreground-muted", one_line=True)
        if not entry.read:
            return Content.styled("reading…", "italic $foreground-muted") if name == "title" else (
                Content(""))
        if entry.error is not None:
            if name == "mark":
                return Content.styled(MARK_INVALID, "bold $text-error")
            if name == "title":
                return literal(entry.error, "$text-error", one_line=True)
            return Content("")
        value = {
            "mark": MARK_NEW if new else "",
            "date": entry.date_text,
            "title": entry.title,
            "source": entry.source,
            "quotes": f"{entry.quotes:,}",
            "figures": f"{entry.figures:,}",
        }[name]
        if name == "mark":
            if entry.name in self.selected:
                return Content.styled(MARK_SELECTED, "bold $text-success")
            return Content.styled(value, "bold $text-accent")
        if name == "date" and entry.published is None:
            return Content.styled(value, "italic $foreground-muted")  # the file's date
        if name == "title":
            title = literal(value, "bold" if new else "", one_line=True)
            # First, so a narrow column never cuts it off.
            return Content.styled("draft · ", "$warning") + title if entry.draft else title
        return literal(value, one_line=True)

    # --- moving and choosing --------------------------------------------------------

    def watch_cursor(self, old: int | None, new: int | None) -> None:
        for index in (old, new):
            if index is not None:
                self.refresh_line(index + 1 - self.scroll_offset.y)
        if new is None or not self.size:
            return
        top = round(self.scroll_offset.y)
        rows_shown = max(self.scrollable_content_region.height - 1, 1)
        if new < top:
            self.scroll_to(y=new, animate=False, force=True, immediate=True)
        elif new >= top + rows_shown:
            self.scroll_to(y=new - rows_shown + 1, animate=False, force=True, immediate=True)

    def on_resize(self) -> None:
        self._cache.clear()
        self.virtual_size = self._virtual_size()

    def on_focus(self) -> None:
        self._cache.clear()
        self.refresh()

    def on_blur(self) -> None:
        self._cache.clear()
        self.refresh()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._cache.clear()
        self.refresh()

    def _virtual_size(self) -> Size:
        return Size(0, len(self.rows) + 1)  # the header and a line per file

    def action_cursor(self, delta: int) -> None:
        if self.rows:
            self.cursor = moved(self.cursor, delta, len(self.rows))

    def action_first(self) -> None:
        if self.rows:
            self.cursor = 0

    def action_last(self) -> None:
        if self.rows:
            self.cursor = len(self.rows) - 1

    def action_page(self, direction: int) -> None:
        self.action_cursor(direction * max(1, self.scrollable_content_region.height - 2))

    def action_open(self) -> None:
        name = self.cursor_name
        if name is not None:
            self.post_message(self.Chosen(name))

    def on_click(self, event: events.Click) -> None:
        if event.y < 1:
            return
        index = self.scroll_offset.y + event.y - 1
        if 0 <= index < len(self.rows):
            self.cursor = index
            self.post_message(self.Chosen(self.rows[index].name))


def _line(cells: list[tuple[Column, Content]]) -> Content:
    """Cells cut to their columns (with an ellipsis) and padded, two spaces
    apart, after a margin of one."""
    parts: list[Content] = [Content(" ")]
    for column, cell in cells:
        if column.width <= 0:
            continue
        cut = cell.truncate(column.width, ellipsis=True)
        pad = Content(" " * (column.width - cut.cell_length))
        parts.append(pad + cut if column.right else cut + pad)
        parts.append(Content("  "))
    return Content("").join(parts)
