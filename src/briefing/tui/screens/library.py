"""The library: the briefings in a folder, newest first, as a morning inbox.

It follows its folder: once a second a worker lists it (a stat per file, no
more) and reads again only the files whose size, time or inode changed, so
new, changed, fixed and removed files show without a restart, and a folder
of 2,000 files costs one listing a second. The list shows the file names at
once; titles fill in as the worker reads them. A file that cannot be opened
is listed with its one-line error, never hidden. Briefings never opened are
marked (the reader's state folder knows which were: see `briefing.library`).

`/` filters as you type (title, source, tag, date or file name). A briefing
opens in a `LibraryReaderScreen`: `q` comes back here, `J` and `K` read the
next and previous briefing in the list's order.

The screen's state is in reactive `var`s (`entries`, `filter_text`, `state_files`,
`articles`, `problem`) with sync watchers that bring the list and the title
into line; the workers post messages, which set them.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from types import MappingProxyType
from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.command import Provider
from textual.content import Content
from textual.message import Message
from textual.reactive import var
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Input, ProgressBar, Static
from textual.worker import Worker, get_current_worker

from briefing.archive import Archive, ArchiveError, walk_briefings
from briefing.errors import BriefingError
from briefing.files import WriteError
from briefing.library import (
    ARTICLE_SUFFIXES,
    IMPORT_HINT,
    LibraryEntry,
    library_order,
    list_folder,
    mark_opened,
    matches,
    opened_state_files,
    shown_name,
    was_opened,
)
from briefing.model import Briefing
from briefing.text import counted
from briefing.tui.commands import ScreenCommands
from briefing.tui.digest_file import (
    download_name,
    export_folder,
    write_digest,
    write_when_allowed,
)
from briefing.tui.hit_list import ChosenHit
from briefing.tui.lasting import freeze_what_lasts
from briefing.tui.messages import FieldOpening
from briefing.tui.safe import literal
from briefing.tui.screens.archive_people import ArchivePeopleScreen
from briefing.tui.screens.archive_search import ArchiveSearchScreen
from briefing.tui.screens.reader import ReaderScreen
from briefing.tui.widgets.key_line import KeyLine
from briefing.tui.widgets.library_list import LibraryList

# How often the folder is looked at, and how often the files read meanwhile
# are shown (so a first look at 2,000 files fills the list as it goes).
POLL_SECONDS = 1.0
BATCH_SECONDS = 0.1
# Rows read from the index before all of them: more than any screen shows.
FIRST_ROWS = 200


class LibraryScreen(Screen[None]):
    """Choose a briefing; enter opens it, and `q` in it comes back here."""

    HELP_TITLE = "Library"
    COMMANDS: ClassVar[set[type[Provider] | Callable[[], type[Provider]]]] = {ScreenCommands}
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("slash", "filter", "Filter", id="library-filter", priority=True),
        Binding("escape", "clear_filter", "Clear the filter, then the selection", show=False,
                id="library-clear-filter"),
        Binding("s", "search_all", "Search all", id="library-search-all"),
        Binding("p", "people", "People", id="library-people"),
        Binding("asterisk", "marks", "Starred and noted", show=False, id="library-marks"),
        Binding("x", "select", "Select for export", show=False, id="library-select"),
        Binding("e", "export_day", "Export the day, or the selected", show=False,
                id="library-export-day"),
        Binding("r", "look", "Look at the folder now", show=False, id="library-look"),
    ]

    # The files as last read, by name (on disk); the filter; the reader-state
    # files there are (which briefings were opened); the articles in the
    # folder; why the folder cannot be listed, if it cannot.
    entries: var[Mapping[str, LibraryEntry]] = var(lambda: MappingProxyType({}), init=False)
    filter_text: var[str] = var("", init=False)
    state_files: var[frozenset[str]] = var(frozenset, init=False)
    articles: var[tuple[str, ...]] = var(tuple, init=False)
    problem: var[str | None] = var(None, init=False)
    # The briefings chosen with `x` for `e` to export, by name.
    selected: var[frozenset[str]] = var(frozenset, init=False)
    # Whether `entries` are all the files, not the first screenful read
    # from the index (the title's counts wait for all of them).
    listing_complete: var[bool] = var(False, init=False)
    # While files are read into the folder's index: (looked at, of all).
    indexing: var[tuple[int, int] | None] = var(None, init=False)

    def __init__(self, folder: Path) -> None:
        super().__init__()
        self.folder = folder
        self.shown: tuple[LibraryEntry, ...] = ()  # in the list's order, filtered
        self._ordered: tuple[Mapping[str, LibraryEntry] | None, tuple[LibraryEntry, ...]] = (
            None, ())  # the entries, and them in the list's order
        self._looked = False  # the folder has been listed once
        self._looking: Worker[None] | None = None
        self._watch: Timer | None = None  # the look every POLL_SECONDS
        # What the last look found (names, articles, state files): only the
        # look's worker uses it, one look at a time.
        self._last_listed: tuple[object, ...] | None = None
        # The folder's index (see briefing.archive), opened by the first look;
        # only the look's worker uses it, one look at a time.
        self._archive: Archive | None = None
        self._last_search = ""  # what was typed in the search of every briefing
        self._index_problem: str | None = None  # the last said, not said again
        # The names of the files never opened, for (entries, state files).
        self._unopened: tuple[object, frozenset[str]] = (None, frozenset())
        # The state files of the briefings opened here, in case one could not
        # be written (a read-only state folder): new no more in this session.
        self._opened_here: set[str] = set()

    # --- what the workers post back ---------------------------------------------

    class IndexRead(Message):
        """The files as the index has them, before the folder is looked at:
        the first screenful (`complete` False), then all of them."""

        def __init__(self, entries: tuple[LibraryEntry, ...], state_files: frozenset[str],
                     *, complete: bool) -> None:
            super().__init__()
            self.entries, self.state_files, self.complete = entries, state_files, complete

    class FolderListed(Message):
        """The briefing files in the folder and its subfolders (`names`, as
        on disk); the ones new or changed are being read."""

        def __init__(self, names: frozenset[str], articles: tuple[str, ...],
                     state_files: frozenset[str]) -> None:
            super().__init__()
            self.names, self.articles, self.state_files = names, articles, state_files

    class FilesRead(Message):
        """Files read and indexed; `done` of `total` looked at so far."""

        def __init__(self, entries: tuple[LibraryEntry, ...], done: int, total: int) -> None:
            super().__init__()
            self.entries, self.done, self.total = entries, done, total

    class IndexUnavailable(Message):
        """The folder's index cannot be kept where it belongs."""

        def __init__(self, problem: str) -> None:
            super().__init__()
            self.problem = problem

    class FolderUnreadable(Message):
        def __init__(self, problem: str) -> None:
            super().__init__()
            self.problem = problem

    class BriefingLoaded(Message):
        """A briefing to open was read; `replacing` a reader (J/K) or not;
        `found`: an archive search to show in it, and where."""

        def __init__(self, name: str, briefing: Briefing, replacing: ReaderScreen | None,
                     found: ChosenHit | None = None) -> None:
            super().__init__()
            self.name, self.briefing, self.replacing = name, briefing, replacing
            self.found = found

    class BriefingUnreadable(Message):
        def __init__(self, name: str, problem: str) -> None:
            super().__init__()
            self.name, self.problem = name, problem

    # --- layout -------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Static(self._title(), id="library-title")
        field = Input(id="library-filter", compact=True,
                      placeholder="filter by title, source, tag, date or file name")
        field.display = False
        yield field
        progress = ProgressBar(id="library-indexing", show_eta=False)
        progress.display = False
        yield progress
        yield LibraryList(id="library")
        yield KeyLine(id="keys")

    @property
    def library_list(self) -> LibraryList:
        return self.query_one(LibraryList)

    def on_mount(self) -> None:
        self.library_list.set_rows((), frozenset(), empty=Content.styled(
            "Reading the folder…", "italic"))
        self.library_list.focus()
        # The first screenful straight from an index built before, so the
        # first frame has the list (a millisecond: the index keeps the
        # library's order); the look's worker reads the rest.
        archive = Archive.existing(self.folder)
        if archive is not None:
            with archive, contextlib.suppress(ArchiveError):  # the look says why
                first = tuple(archive.entries(newest=FIRST_ROWS))
                self._index_read(self.IndexRead(first, opened_state_files(), complete=False))
        self._watch = self.set_interval(POLL_SECONDS, self._look, name="watch-folder")
        self._look()

    def on_screen_suspend(self) -> None:
        # Under a briefing or a dialog, the folder is not looked at: at
        # 10,000 files a look is a tenth of a second of work, every second,
        # beside the keys of the reader. It is looked at again on return.
        if self._watch is not None:
            self._watch.pause()

    def on_screen_resume(self) -> None:
        if not self.query_one(Input).has_focus:
            self.library_list.focus()
        if self._watch is not None:
            self._watch.resume()
            self._look()

    # --- following the state ----------------------------------------------------------

    def watch_entries(self) -> None:
        self._show()

    def watch_filter_text(self) -> None:
        self._show()

    def watch_state_files(self) -> None:
        self._show()

    def watch_articles(self) -> None:
        self._show()

    def watch_problem(self) -> None:
        self._show()

    def watch_selected(self) -> None:
        self._show()

    def watch_listing_complete(self) -> None:
        self._show()

    def watch_indexing(self, indexing: tuple[int, int] | None) -> None:
        bar = self.query_one(ProgressBar)
        bar.display = indexing is not None
        if indexing is not None:
            bar.update(progress=indexing[0], total=indexing[1])
        self.query_one("#library-title", Static).update(self._title())

    def _show(self) -> None:
        entries, state_files = self.entries, self.state_files
        # Worked out again only when the files or the opened ones changed:
        # thousands of files, and this runs on every key of the filter.
        if self._ordered[0] is not entries:
            self._ordered = (entries, tuple(sorted(entries.values(), key=library_order)))
        ordered = self._ordered[1]
        if self._unopened[0] != (id(entries), state_files):
            unopened = frozenset(entry.name for entry in ordered
                                 if not was_opened(entry, state_files))
            self._unopened = ((id(entries), state_files), unopened)
        wanted = self.filter_text
        self.shown = (tuple(entry for entry in ordered if matches(entry, wanted))
                      if wanted.strip() else ordered)
        self.library_list.set_rows(self.shown, self._unopened[1], selected=self.selected,
                                   empty=self._empty())
        self.query_one("#library-title", Static).update(self._title())

    def _title(self) -> Content:
        """`Library · 12 briefings · 3 new · 1 not valid · in FOLDER`: the
        counts first, so a long folder name is what gets cut."""
        parts = [Content.styled("Library", "bold")]
        entries = list(self.entries.values())
        if entries and self.listing_complete:
            parts.append(Content(counted(len(entries), "briefing")))
            unopened = self._unopened[1]
            new = sum(1 for e in entries if e.valid and e.name in unopened)
            invalid = sum(1 for e in entries if e.read and e.error is not None)
            if new:
                parts.append(Content.styled(f"{new:,} new", "bold $text-accent"))
            if invalid:
                parts.append(Content.styled(f"{invalid:,} not valid", "$text-error"))
            if self.filter_text.strip():
                parts.append(Content(f"{len(self.shown):,} shown"))
            selected = len(self._selected_entries())
            if selected:
                parts.append(Content.styled(f"{selected:,} selected", "bold $text-success"))
            if self.indexing is not None:
                parts.append(Content(f"indexing {self.indexing[0]:,} of {self.indexing[1]:,}"))
        muted = "$foreground-muted"
        parts.append(Content.assemble(
            ("in ", muted), literal(shown_name(self.folder), muted, one_line=True)))
        return Content(" · ").join(parts)

    def _empty(self) -> Content:
        """What the list says when it has no row to show (the folder's name
        is in the title above)."""
        if self.problem is not None:
            return Content("\n").join([
                Content.assemble(("⚠ ", "$text-error"),
                                 literal(self.problem, "$text-error", one_line=True)),
                Content("This list follows the folder: it shows what is there once the "
                        "folder can be read."),
            ])
        if not self._looked:
            return Content.styled("Reading the folder…", "italic")
        if self.entries:
            return Content.assemble("No briefing matches ",
                                    literal(self.filter_text.strip(), "bold", one_line=True),
                                    ". esc clears the filter.")
        if self.articles:
            return Content("\n").join([
                Content(f"No briefings (*.toml) here yet, but "
                        f"{counted(len(self.articles), 'article')} "
                        f"({' '.join(ARTICLE_SUFFIXES)})."),
                Content(IMPORT_HINT[:1].upper() + IMPORT_HINT[1:]),
                Content("This list follows the folder: the drafts show as they are written."),
            ])
        return Content("No briefings (*.toml) here yet. This list follows the folder: "
                       "new files show as they arrive.")

    # --- looking at the folder -----------------------------------------------------------

    def _look(self) -> None:
        if self._looking is not None and not self._looking.is_finished:
            return  # still reading the last look's files: one look at a time
        self._looking = self._look_at_folder(self.folder)

    @work(thread=True, exclusive=True, group="watch-folder")
    def _look_at_folder(self, folder: Path) -> None:
        """List the folder and its subfolders, then index the files that are
        new or changed, posting what was read every BATCH_SECONDS."""
        import os
        import time

        worker = get_current_worker()
        try:
            with os.scandir(folder):
                pass
        except OSError as error:
            self.post_message(self.FolderUnreadable(
                f"{shown_name(folder)}: cannot list this folder: {error.strerror or error}"))
            self._last_listed = None  # the list is emptied: it is filled anew
            if self._archive is not None:
                self._archive.close()
                self._archive = None
            return
        state_files = opened_state_files()
        archive = self._archive
        if archive is None:
            archive = self._archive = self._open_archive(folder)
            self.post_message(self.IndexRead(tuple(archive.entries()), state_files,
                                             complete=True))
        found = list(walk_briefings(folder))
        articles = () if found else list_folder(folder).articles
        listed = self.FolderListed(frozenset(os.fsdecode(f.relative) for f in found), articles,
                                   state_files)
        seen = (listed.names, listed.articles, listed.state_files)
        if seen != self._last_listed:  # the same files as a second ago: nothing to say
            self._last_listed = seen
            self.post_message(listed)
        batch: list[LibraryEntry] = []
        sent = time.monotonic()

        def indexed(done: int, total: int, entry: LibraryEntry | None) -> None:
            nonlocal batch, sent
            if worker.is_cancelled:
                raise _LookCancelled
            if entry is not None:
                batch.append(entry)
            if time.monotonic() - sent >= BATCH_SECONDS:
                self.post_message(self.FilesRead(tuple(batch), done, total))
                batch, sent = [], time.monotonic()

        try:
            archive.update(found, progress=indexed)
        except _LookCancelled:
            return
        except ArchiveError as error:
            # Opened again at the next look: a damaged file is set aside then.
            archive.close()
            self._archive = None
            self.post_message(self.IndexUnavailable(str(error)))
        self.post_message(self.FilesRead(tuple(batch), len(found), len(found)))

    def _open_archive(self, folder: Path) -> Archive:
        """The folder's index; where it cannot be kept (a read-only data
        folder), one for this session in a temporary folder."""
        try:
            archive = Archive.open(folder)
        except ArchiveError as error:
            import tempfile

            self.post_message(self.IndexUnavailable(str(error)))
            self._temporary = Path(tempfile.mkdtemp(prefix="briefing-index-"))
            return Archive.open(folder, self._temporary / "index.sqlite3")
        if archive.set_aside is not None:
            self.post_message(self.IndexUnavailable(
                f"It was damaged, or not a briefing index: moved to "
                f"{shown_name(archive.set_aside)} and built again."))
        return archive

    def on_unmount(self) -> None:
        looking = self._looking
        if self._archive is not None and (looking is None or looking.is_finished):
            self._archive.close()  # else it is closed with the worker's thread
        temporary = getattr(self, "_temporary", None)
        if temporary is not None:
            import shutil

            shutil.rmtree(temporary, ignore_errors=True)

    @on(IndexRead)
    def _index_read(self, message: IndexRead) -> None:
        if message.entries and not (self._looked and not message.complete):
            self._looked = True
            self.state_files = message.state_files | self._opened_here
            self.entries = MappingProxyType({entry.name: entry for entry in message.entries})
            self.listing_complete = message.complete
            if message.complete:
                freeze_what_lasts()

    @on(FolderListed)
    def _folder_listed(self, message: FolderListed) -> None:
        self._looked = self.listing_complete = True
        self.selected = self.selected & message.names  # a file gone is no more selected
        # Files gone are dropped; new ones show by name until they are read;
        # a changed one keeps its old line until then.
        entries = {name: self.entries.get(name) or LibraryEntry(name)
                   for name in message.names}
        self.problem = None
        self.articles = message.articles
        self.state_files = message.state_files | self._opened_here
        if entries.keys() != self.entries.keys():
            self.entries = MappingProxyType(entries)
        elif not entries:
            self._show()  # the first look at an empty folder: say so

    @on(FilesRead)
    def _files_read(self, message: FilesRead) -> None:
        if message.entries:
            entries = dict(self.entries)
            for entry in message.entries:
                if entry.name in entries:
                    entries[entry.name] = entry
            self.entries = MappingProxyType(entries)
        self.indexing = (message.done, message.total) if message.done < message.total else None

    @on(IndexUnavailable)
    def _index_unavailable(self, message: IndexUnavailable) -> None:
        if message.problem == self._index_problem:
            return  # said once: the looks that follow meet it again
        self._index_problem = message.problem
        self.notify(message.problem, title="The folder's index", severity="warning",
                    markup=False, timeout=8)

    @on(FolderUnreadable)
    def _folder_unreadable(self, message: FolderUnreadable) -> None:
        self._looked = self.listing_complete = True
        self.entries = MappingProxyType({})
        self.problem = message.problem

    def action_look(self) -> None:
        self._look()

    # --- searching every briefing ------------------------------------------------------

    def action_people(self, person: str | None = None, *,
                      replacing: ReaderScreen | None = None) -> None:
        """Everyone quoted across the folder's briefings, or what `person`
        said; the briefing chosen opens over the library, or in place of the
        reader `replacing` (the one `a` was pressed in)."""
        def chosen(found: ChosenHit | None) -> None:
            if found is not None:
                self.open(found.hit.file, found=found, replacing=replacing)

        self.app.push_screen(ArchivePeopleScreen(self.folder, person), chosen)

    def action_marks(self) -> None:
        """What the reader starred or noted in every briefing; the one
        chosen opens at its quote or figure."""
        from briefing.tui.screens.archive_marks import ArchiveMarksScreen

        def chosen(found: ChosenHit | None) -> None:
            if found is not None:
                self.open(found.hit.file, found=found)

        self.app.push_screen(ArchiveMarksScreen(self.folder), chosen)

    # --- the morning's digest ------------------------------------------------------------

    def _selected_entries(self) -> list[LibraryEntry]:
        """The briefings selected that can be exported, in the list's order."""
        return [entry for entry in self._ordered[1]
                if entry.name in self.selected and entry.valid]

    def action_select(self) -> None:
        """Select the highlighted briefing for export (or no more), and go
        to the next."""
        name = self.library_list.cursor_name
        entry = self.entries.get(name) if name is not None else None
        if entry is None or not entry.valid:
            return
        self.selected = (self.selected - {entry.name} if entry.name in self.selected
                         else self.selected | {entry.name})
        self.library_list.action_cursor(1)

    def action_export_day(self) -> None:
        """A digest of the selected briefings, or if none is selected, of
        every briefing of the highlighted one's day (as `briefing export DIR
        --since DAY --until DAY`)."""
        from briefing.morning import morning_title, of_days
        from briefing.tui.screens.dialogs import PromptScreen

        folder_name = self.folder.resolve().name or str(self.folder)
        chosen = self._selected_entries()
        if chosen:
            days = [entry.day for entry in chosen if entry.day is not None]
            since, until = (min(days), max(days)) if days else (None, None)
            what = f"the {counted(len(chosen), 'briefing')} selected"
            proposed_name = f"briefings-{len(chosen)}-selected.md"
        else:
            name = self.library_list.cursor_name
            entry = self.entries.get(name) if name is not None else None
            if entry is None or entry.day is None or not entry.valid:
                self.notify("Highlight a valid briefing: the briefings of its day are exported "
                            "(or select some with x).", markup=False)
                return
            since = until = day = entry.day
            chosen = of_days(self.entries.values(), day, day)
            what = f"the {counted(len(chosen), 'briefing')} of {day.day} {day:%B %Y}"
            proposed_name = f"briefings-{day:%Y-%m-%d}.md"
        names = [entry.name for entry in chosen]
        title = morning_title(folder_name, since, until)
        web = self.app.is_web  # a download in the browser, never a file on the server

        def written(path_text: str | None) -> None:
            if web and path_text is not None:
                self._write_digest(download_name(path_text, proposed_name), False, title, names)
            elif path_text and path_text.strip():
                write_when_allowed(self, Path(path_text.strip()).expanduser(),
                                   lambda path, overwrite: self._write_digest(
                                       path, overwrite, title, names))

        proposed = proposed_name if web else str(export_folder(self.app, self.folder)
                                                 / proposed_name)
        self.app.push_screen(PromptScreen(Content(f"Export a digest of {what}"), proposed,
                                          hint=f"enter {'downloads' if web else 'writes'} · "
                                          "esc cancels"), written)

    @work(thread=True, exclusive=True, group="export-day")
    def _write_digest(self, path: Path | str, overwrite: bool, title: str,
                      names: list[str]) -> None:
        """To `path`, or with a name (`str`), to the browser."""
        from briefing.morning import briefings_of, render_morning

        write_digest(self, path, render_morning(briefings_of(self.folder, names), title=title),
                     overwrite)

    def action_search_all(self) -> None:
        search = ArchiveSearchScreen(self.folder, self._last_search,
                                     indexing=lambda: self.indexing is not None)

        def chosen(found: ChosenHit | None) -> None:
            self._last_search = search.typed  # `s` again comes back to it
            if found is not None:
                self.open(found.hit.file, found=found)

        self.app.push_screen(search, chosen)

    # --- the filter -------------------------------------------------------------------

    def action_filter(self) -> None:
        # A priority key, as the reader's `/`: the filter opens behind the
        # keys typed before it, and the letters typed with it (`/draft` in
        # one read) follow it there (see FieldOpening).
        (self.focused or self).post_message(FieldOpening(self._open_filter))

    async def _open_filter(self) -> None:
        field = self.query_one(Input)
        field.display = True
        self.set_focus(field)  # now, not later: the letters typed with `/` come next

    @on(Input.Changed, "#library-filter")
    def _filter_changed(self, event: Input.Changed) -> None:
        self.filter_text = event.value

    @on(Input.Submitted, "#library-filter")
    def _filter_submitted(self) -> None:
        self.library_list.focus()
        if self.shown:
            self.library_list.cursor = 0

    def action_clear_filter(self) -> None:
        field = self.query_one(Input)
        if not (field.display or self.filter_text):
            self.selected = frozenset()
            return
        field.value = ""
        field.display = False
        self.filter_text = ""
        self.library_list.focus()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "clear_filter":
            return True if (self.query_one(Input).display or self.filter_text
                            or self.selected) else None
        # In the filter, `/` is a character like any other.
        return not (action == "filter" and isinstance(self.focused, Input))

    # --- opening ------------------------------------------------------------------------

    @on(LibraryList.Chosen)
    def _chosen(self, event: LibraryList.Chosen) -> None:
        event.stop()
        self.open(event.name)

    def open(self, name: str, *, replacing: ReaderScreen | None = None,
             found: ChosenHit | None = None) -> None:
        """Read the file (a worker) and open it, over the library or in place
        of the reader `replacing`; at an archive search's hit if `found`."""
        self._load(self.folder, name, replacing, found)

    @work(thread=True, exclusive=True, group="open")
    def _load(self, folder: Path, name: str, replacing: ReaderScreen | None,
              found: ChosenHit | None = None) -> None:
        from briefing.loader import load_briefing

        path = folder / name
        try:
            briefing = load_briefing(path, source=shown_name(path), remember=True)
        except BriefingError as error:
            self.post_message(self.BriefingUnreadable(name, error.render(limit=3)))
            return
        # If it cannot be written, the briefing shows as new again next time;
        # the reader says so when it cannot save.
        with contextlib.suppress(WriteError, OSError):
            mark_opened(path, briefing)
        if not get_current_worker().is_cancelled:
            self.post_message(self.BriefingLoaded(name, briefing, replacing, found))

    @on(BriefingLoaded)
    def _briefing_loaded(self, message: BriefingLoaded) -> None:
        entry = self.entries.get(message.name)
        if entry is not None and entry.state_file is not None:
            self._opened_here.add(entry.state_file)
            self.state_files = self.state_files | {entry.state_file}
        self.library_list.move_to(message.name)
        reader = LibraryReaderScreen(message.briefing, self.folder / message.name, self,
                                     message.name, found=message.found)
        if message.replacing is not None:
            if self.app.screen is message.replacing:
                self.app.switch_screen(reader)
        elif self.app.screen is self:
            self.app.push_screen(reader)

    @on(BriefingUnreadable)
    def _briefing_unreadable(self, message: BriefingUnreadable) -> None:
        self.notify(message.problem, title="Not a valid briefing", severity="error",
                    markup=False, timeout=8)

    def neighbour(self, name: str, step: int) -> str | None:
        """The file `step` (+1 or -1) places from `name` in the list's order
        that may be opened (files known to be invalid are skipped)."""
        order: Sequence[LibraryEntry] = self.shown
        names = [entry.name for entry in order]
        if name not in names:
            order = sorted(self.entries.values(), key=library_order)
            names = [entry.name for entry in order]
            if name not in names:
                return None
        at = names.index(name) + step
        while 0 <= at < len(order):
            if order[at].error is None:
                return order[at].name
            at += step
        return None


class _LookCancelled(Exception):
    """The look was cancelled (the screen is closing): stop indexing."""


class LibraryReaderScreen(ReaderScreen):
    """The reader, opened from the library: `q` (and esc) come back to it,
    `J` and `K` read the next and previous briefing in its order. ctrl+q
    quits from anywhere."""

    HELP_TITLE = "Reader"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("q", "library", "Library", id="back-to-library"),
        Binding("J", "next_briefing", "Next briefing", show=False, id="next-briefing"),
        Binding("K", "previous_briefing", "Prev briefing", show=False,
                id="previous-briefing"),
    ]

    def __init__(self, briefing: Briefing, path: Path, library: LibraryScreen,
                 name: str, *, found: ChosenHit | None = None) -> None:
        super().__init__(briefing, path, from_library=True)
        self.library = library
        self.file_name = name
        self.found = found  # an archive search's hit to show once open

    def on_mount(self) -> None:
        super().on_mount()
        if self.found is not None:
            hit, query = self.found.hit, self.found.query
            if query is None:  # a quote or figure: selected, as n or f would
                self.call_after_refresh(self.go_to_anchor, hit.kind,
                                        (hit.section, hit.paragraph, hit.start))
            else:
                self.call_after_refresh(self.find_words, query,
                                        (hit.section, hit.paragraph, hit.start))

    def show_across(self, person: str) -> None:
        self.library.action_people(person, replacing=self)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("next_briefing", "previous_briefing"):
            step = 1 if action == "next_briefing" else -1
            return True if self.library.neighbour(self.file_name, step) is not None else None
        return super().check_action(action, parameters)

    def action_library(self) -> None:
        self.dismiss()

    def action_next_briefing(self) -> None:
        self._read_next(1)

    def action_previous_briefing(self) -> None:
        self._read_next(-1)

    def _read_next(self, step: int) -> None:
        name = self.library.neighbour(self.file_name, step)
        if name is not None:
            self.library.open(name, replacing=self)
