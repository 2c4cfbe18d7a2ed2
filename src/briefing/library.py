"""A folder of briefings as the library lists it: which files, what each one
is, and what changed since the last look.

The library is one folder, not a tree: the `*.toml` files directly in it,
hidden files left out (`briefing validate DIR` checks the same files). A
look costs one directory listing: each file's size, modification time and
inode (its stamp) say whether it changed, and only a file whose stamp
changed is read again. A file that cannot be used is listed with its
one-line error, never hidden. Nothing here imports Textual.

File names are someone else's text: `shown_name` is the only way one is
shown or printed.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from types import MappingProxyType
from typing import NamedTuple

from briefing.errors import BriefingError
from briefing.model import Briefing
from briefing.text import visible

BRIEFING_SUFFIX = ".toml"
# What `briefing import` drafts a briefing from.
ARTICLE_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm")
IMPORT_HINT = "draft a briefing from each with: briefing import ARTICLE -o NAME.toml"


class Stamp(NamedTuple):
    """What changes when a file is written, in place or by rename."""

    size: int
    mtime_ns: int
    inode: int


@dataclass(frozen=True)
class FolderListing:
    """The briefing files in a folder with their stamps (None: the name is
    there but the file cannot be looked at, e.g. a broken link), and the
    articles beside them."""

    briefings: Mapping[str, Stamp | None]
    articles: tuple[str, ...] = ()


def list_folder(folder: Path) -> FolderListing:
    """One look at the folder. Raises OSError when it cannot be listed."""
    briefings: dict[str, Stamp | None] = {}
    articles: list[str] = []
    with os.scandir(folder) as found:
        for item in found:
            name = item.name
            if name.startswith("."):
                continue
            suffix = os.path.splitext(name)[1].lower()
            if suffix not in (BRIEFING_SUFFIX, *ARTICLE_SUFFIXES):
                continue
            try:
                if item.is_dir():
                    continue
                info = item.stat()
            except OSError:
                info = None
            if suffix == BRIEFING_SUFFIX:
                briefings[name] = (None if info is None
                                   else Stamp(info.st_size, info.st_mtime_ns, info.st_ino))
            elif info is not None:
                articles.append(name)
    return FolderListing(MappingProxyType(briefings), tuple(sorted(articles)))


def listed_day(published: date | None, stamp: Stamp | None) -> date | None:
    """The day a briefing is listed under: published, or when its file was
    last written (a briefing that does not say: when it was imported)."""
    if published is not None:
        return published
    if stamp is None:
        return None
    return datetime.fromtimestamp(stamp.mtime_ns / 1e9).date()


def shown_name(name: str | os.PathLike[str]) -> str:
    """A file name (or path) as text that is safe to show or print: bytes
    that are not UTF-8 as `\\xff`, control characters made visible, one line."""
    text = os.fsencode(name).decode("utf-8", "backslashreplace")
    return visible(text, one_line=True)


# --- one file, as the library lists it -------------------------------------------

@dataclass(frozen=True)
class LibraryEntry:
    """One briefing file: what it is, or why it cannot be opened, or (not
    `read` yet) only its name."""

    name: str  # as on disk
    stamp: Stamp | None = None
    read: bool = False
    title: str = ""
    source: str = ""
    published: date | None = None
    tags: tuple[str, ...] = ()
    quotes: int = 0
    figures: int = 0
    error: str | None = None  # one line, without the file name
    state_file: str | None = None  # the name of its reader-state file (valid ones)
    draft: bool = False  # made by `briefing import`, not yet checked

    @property
    def valid(self) -> bool:
        return self.read and self.error is None

    # Worked out once per entry: the filter asks for them on every keystroke,
    # for every file.
    @functools.cached_property
    def shown_name(self) -> str:
        return shown_name(self.name)

    @property
    def day(self) -> date | None:
        return listed_day(self.published, self.stamp)

    @functools.cached_property
    def date_text(self) -> str:
        """The day it is listed under (see `day`), as the list writes it."""
        day = self.day
        return f"{day:%Y-%m-%d}" if day is not None else ""

    @functools.cached_property
    def searched_text(self) -> str:
        """What the filter looks in: title, source, tags, date (as written
        in the list and in words), file name, "draft" for a draft; casefolded."""
        words = [self.title, self.source, *self.tags, self.shown_name]
        if self.draft:
            words.append("draft")
        if self.published is not None:
            words.append(f"{self.date_text} {self.published.day} {self.published:%B %b %Y}")
        return " ".join(words).casefold()


# --- order and filter ------------------------------------------------------------

def library_order(entry: LibraryEntry) -> tuple[int, int, int, str]:
    """Newest day first (published, or the file's date for a briefing that
    does not say: when it was imported), then files still being read, then
    files that cannot be opened, then ones with no day at all; by file name
    within each."""
    rank = 0 if entry.valid else 1 if not entry.read else 2
    day = entry.day if rank == 0 else None
    return (rank, 0 if day is not None else 1, -day.toordinal() if day else 0, entry.name)


def matches(entry: LibraryEntry, query: str) -> bool:
    """Every word of the query is somewhere in the entry's title, source,
    tags, date or file name (case ignored)."""
    words = query.casefold().split()
    if not words:
        return True
    text = entry.searched_text
    return all(word in text for word in words)


# --- what the reader opened --------------------------------------------------------

def state_file_of(briefing: Briefing, path: Path) -> str | None:
    """The name of the reader-state file a briefing's stars and place go to
    (named by what the briefing is: a copy of one opened counts as opened)."""
    from briefing.state import state_key, state_path_for

    try:
        return state_path_for(state_key(briefing, path)).name
    except (OSError, ValueError):
        return None


def opened_state_files() -> frozenset[str]:
    """The reader-state files there are: one listing of the state folder."""
    from briefing.state_folder import state_dir

    try:
        return frozenset(os.listdir(state_dir()))
    except OSError:
        return frozenset()


def was_opened(entry: LibraryEntry, state_files: Iterable[str]) -> bool:
    return entry.state_file is not None and entry.state_file in state_files


def mark_opened(path: Path, briefing: Briefing) -> None:
    """Leave the reader-state file that says a briefing was opened, if there
    is none yet: with the stars, notes and place found for it by its path
    (an earlier version's), if any, else at its first section. Raises
    WriteError; a state that cannot be read is left alone."""
    from briefing.state import ReaderState, load_state_for, save_state, state_key, state_path_for

    key = state_key(briefing, path)
    if os.path.lexists(state_path_for(key)):
        return
    try:
        found = load_state_for(key)
    except BriefingError:
        return  # the reader says what is wrong with it when it opens
    section = found.section or briefing.sections[0].id
    save_state(key, ReaderState().at(section, found.selected))
