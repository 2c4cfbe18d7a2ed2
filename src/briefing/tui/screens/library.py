"""The library: the briefings in a folder, newest first.

Files are read in a worker so a large folder never freezes the screen; a
file that fails validation is listed with its error instead of breaking
the list.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Static

from briefing.model import Briefing
from briefing.tui.safe import literal


@dataclass(frozen=True)
class LibraryEntry:
    """One file in the folder: its briefing, or why it could not be read."""

    path: Path
    briefing: Briefing | None
    error: str | None

    @property
    def published(self) -> date:
        if self.briefing is None or self.briefing.masthead.published is None:
            return date.min
        published = self.briefing.masthead.published
        return published.date() if isinstance(published, datetime) else published


def scan(folder: Path) -> list[LibraryEntry]:
    """Load every `*.toml` in the folder; newest first, broken files last."""
    from briefing.errors import BriefingError
    from briefing.loader import load_briefing

    entries: list[LibraryEntry] = []
    for path in sorted(folder.glob("*.toml")):
        if path.name.startswith("."):
            continue
        try:
            briefing = load_briefing(path, source=path.name, remember=True)
            entries.append(LibraryEntry(path, briefing, None))
        except BriefingError as error:
            entries.append(LibraryEntry(path, None, error.headline))
    entries.sort(key=lambda e: (e.briefing is not None, e.published, e.path.name), reverse=True)
    return entries


class LibraryScreen(Screen[None]):
    """Choose a briefing; Enter opens it and escape comes back here."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "table('cursor_down')", "Down", show=False),
        Binding("k", "table('cursor_up')", "Up", show=False),
        Binding("g", "table('scroll_top')", "First", show=False),
        Binding("G", "table('scroll_bottom')", "Last", show=False),
    ]

    def __init__(self, folder: Path) -> None:
        super().__init__()
        self.folder = folder
        self.entries: list[LibraryEntry] = []

    def compose(self) -> ComposeResult:
        yield Static(literal(f"Briefings in {self.folder}", one_line=True),
                     classes="library-title")
        table: DataTable[Content] = DataTable(id="library", cursor_type="row", zebra_stripes=True)
        yield table
        # ctrl+p is listed in the help screen; the footer keeps its room for keys.
        yield Footer(compact=True, show_command_palette=False)

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        title_width = max(20, self.app.size.width - 10 - 18 - 8 - 8 - 12)
        for label, width in (("Date", 10), ("Title", title_width), ("Source", 18),
                             ("Quotes", 7), ("Figures", 7)):
            table.add_column(label, width=width)
        table.loading = True
        self.load()

    @work(thread=True, exclusive=True)
    def load(self) -> None:
        entries = scan(self.folder)
        self.app.call_from_thread(self.show, entries)

    def show(self, entries: list[LibraryEntry]) -> None:
        self.entries = entries
        table = self.query_one(DataTable)
        table.loading = False
        table.clear()
        for index, entry in enumerate(entries):
            if entry.briefing is None:
                table.add_row(Content.styled("—", "$foreground-muted"),
                              literal(f"⚠ {entry.error}", "$text-error", one_line=True),
                              Content(""), Content(""), Content(""), key=str(index))
                continue
            meta = entry.briefing.masthead
            table.add_row(
                Content(f"{entry.published:%Y-%m-%d}" if meta.published else "—"),
                literal(meta.title, "bold", one_line=True),
                literal(meta.source or "", one_line=True),
                Content(str(len(entry.briefing.quotes))),
                Content(str(len(entry.briefing.figures))),
                key=str(index),
            )
        if not entries:
            self.notify(f"No briefings (*.toml) in {self.folder}", markup=False,
                        severity="warning")
        table.focus()

    def action_table(self, action: str) -> None:
        getattr(self.query_one(DataTable), f"action_{action}")()

    @on(DataTable.RowSelected)
    def on_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.open(int(str(event.row_key.value)))

    def open(self, index: int) -> None:
        from briefing.tui.screens.reader import ReaderScreen

        entry = self.entries[index]
        if entry.briefing is None:
            self.notify(entry.error or "cannot open", markup=False, severity="error",
                        title="Not a valid briefing")
            return
        self.app.push_screen(ReaderScreen(entry.briefing, entry.path, from_library=True))
