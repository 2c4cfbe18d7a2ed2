"""The archive: one full-text index of a folder of briefings and its subfolders.

SQLite with FTS5, both from the standard library, in the user's data folder
(`BRIEFING_DATA_DIR` moves it), one index file per folder. The briefing
files stay the truth: `Archive.update` brings the index up to date from what
changed on disk (a file's stamp first, then its content hash), one file per
transaction, so a crash or a full disk leaves the index as it was before
that file, never half of one. An index file that is damaged, or is not ours,
is set aside (renamed, never deleted) and built again.

Every search goes through `briefing.archive_query`: the reader's words are
never SQL and never FTS5 syntax. Nothing here imports Textual.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
import stat
import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, NamedTuple

from briefing.archive_query import fts_expression, words_pattern
from briefing.errors import BriefingError
from briefing.library import (
    BRIEFING_SUFFIX,
    LibraryEntry,
    Stamp,
    listed_day,
    opened_state_files,
    shown_name,
    state_file_of,
)
from briefing.model import Briefing
from briefing.text import visible

DATA_DIR_VARIABLE = "BRIEFING_DATA_DIR"
# `PRAGMA application_id`: this file is a briefing archive ("BRFA").
APPLICATION_ID = 0x42524641
# `PRAGMA user_version`: the layout below. Another version is built anew.
LAYOUT_VERSION = 6
DEFAULT_LIMIT = 100
# The reader's marks listed at most (see Archive.marked), newest first.
MAX_MARKS = 5_000
# Hits of the last day shown past the limit, at most (see Archive._newest).
MAX_SAME_DAY = 400
_DAY_SHIFT = 32
# Words shown on either side of a hit.
CONTEXT_CHARACTERS = 70

_LAYOUT = """
CREATE TABLE files (
    id INTEGER PRIMARY KEY,
    path BLOB NOT NULL UNIQUE,       -- relative to the folder, as the OS spells it
    size INTEGER, mtime_ns INTEGER, inode INTEGER,
    sha256 TEXT,
    error TEXT,                      -- why it cannot be read (one line), or NULL
    title TEXT, source TEXT, published TEXT, day TEXT, draft INTEGER,
    quotes INTEGER, figures INTEGER,
    state_file TEXT                  -- the reader-state file it would have (see library)
);
CREATE INDEX files_in_order ON files (error IS NOT NULL, day IS NULL, day DESC, path);
CREATE INDEX files_by_state ON files (state_file);
CREATE TABLE tags (file INTEGER NOT NULL, tag TEXT NOT NULL);
CREATE INDEX tags_by_tag ON tags (tag);
CREATE INDEX tags_by_file ON tags (file);
CREATE TABLE sections (file INTEGER NOT NULL, section INTEGER NOT NULL, title TEXT,
                       PRIMARY KEY (file, section));
CREATE TABLE sequence (next INTEGER NOT NULL);
INSERT INTO sequence VALUES (1);
-- A passage's id is its briefing's day (an ordinal; 0 for none) times 2^32
-- plus a sequence number: the full-text table reads its matches in id order,
-- so newest first is a walk of it backwards, which a LIMIT stops early.
CREATE TABLE passages (
    id INTEGER PRIMARY KEY,
    file INTEGER NOT NULL,
    kind TEXT NOT NULL,       -- title, standfirst, heading, summary, paragraph, quote,
                              -- figure, note (the reader's, on a quote or figure)
    section INTEGER, paragraph INTEGER, start INTEGER, "end" INTEGER,
    who TEXT,                 -- a quote's speaker, a figure's claimant, as written
    who_key TEXT,             -- the same, as briefing.person_names.person_key reads it
    about TEXT,               -- a figure's label
    entry TEXT,               -- a quote's or figure's key (briefing.state.entry_key);
                              -- a note's, the key of what it is on
    text TEXT NOT NULL
);
CREATE INDEX passages_by_file ON passages (file);
-- What the reader starred or wrote a note on, from the reader-state files
-- (see briefing.state); `states` holds the stamps of those read.
CREATE TABLE marks (file INTEGER NOT NULL, entry TEXT NOT NULL, starred INTEGER NOT NULL,
                    note TEXT, PRIMARY KEY (file, entry));
CREATE TABLE states (name TEXT PRIMARY KEY, size INTEGER, mtime_ns INTEGER, inode INTEGER,
                     error TEXT);  -- why one cannot be read (one line), or NULL
CREATE INDEX passages_by_person ON passages (who_key);
CREATE VIRTUAL TABLE passages_text USING fts5 (
    text, content = 'passages', content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2');
CREATE TRIGGER passage_added AFTER INSERT ON passages BEGIN
    INSERT INTO passages_text (rowid, text) VALUES (new.id, new.text);
END;
CREATE TRIGGER passage_removed AFTER DELETE ON passages BEGIN
    INSERT INTO passages_text (passages_text, rowid, text) VALUES ('delete', old.id, old.text);
END;
"""

# The library's order (see briefing.library.library_order): valid files
# newest day first, then files that cannot be read; by name within a day.
# The index `files_in_order` has these very terms, so a first page is read
# from it without sorting every file.
_LIBRARY_ORDER = "ORDER BY error IS NOT NULL, day IS NULL, day DESC, path"

# The kinds of passage a full-text search lists: the text and its headings.
# Quotes are there for the speaker filter; their words are in a paragraph too.
_TEXT_KINDS = ("title", "standfirst", "heading", "summary", "paragraph", "note")


class ArchiveError(Exception):
    """The index cannot be used (a folder that cannot be written, a full
    disk); `str()` is one line for the user."""


def archive_dir() -> Path:
    """The folder holding the archive's index files."""
    override = os.environ.get(DATA_DIR_VARIABLE)
    if override:
        return Path(override)
    import platformdirs

    return Path(platformdirs.user_data_dir("briefing", appauthor=False)) / "archive"


def index_path(folder: Path) -> Path:
    """The index file of a folder: named by its absolute path."""
    digest = hashlib.sha256(os.fsencode(folder.resolve())).hexdigest()[:24]
    return archive_dir() / f"{digest}.sqlite3"


class Speaker(NamedTuple):
    """Someone quoted or claiming figures across the archive."""

    key: str  # see briefing.person_names
    name: str  # as the archive most often writes it
    quotes: int
    figures: int
    briefings: int


class Hit(NamedTuple):
    """A passage where a query's words are, and where it is."""

    path: str  # the briefing file, relative to the folder, safe to show
    title: str
    day: date | None  # published, or when the file was last written if it does not say
    kind: str
    section: int  # -1: the masthead
    section_title: str
    paragraph: int  # -1: a section's heading or summary, or the masthead
    start: int  # the first of the query's words in the passage (0 if not found)
    end: int
    context: str  # the words around them, one line
    speaker: str | None = None
    file: str = ""  # the briefing file, relative to the folder, as on disk
    entry: str = ""  # a quote's or figure's key, or the one a note is on
    starred: bool = False  # (the reader's marks: see Archive.marked)
    note: str = ""

    @property
    def place(self) -> str:
        """Where it is, as a reader finds it: "§2 Talks ¶3", "§2 Talks,
        summary", "title" (the section's title as written: show it safely)."""
        if self.section < 0:
            return self.kind  # the briefing's title or standfirst
        where = f"§{self.section + 1} {self.section_title}"
        if self.kind == "note":
            return f"{where} ¶{self.paragraph + 1}, your note on a {self.entry_kind}"
        if self.paragraph >= 0:
            return f"{where} ¶{self.paragraph + 1}"
        return f"{where}, {'title' if self.kind == 'heading' else self.kind}"

    def has_words(self, words: list[str]) -> bool:
        """Whether every one of `words` (casefolded) is in its words, its
        note, its speaker or its briefing's title: what narrows a list of
        the reader's marks."""
        text = " ".join((self.context, self.note, self.speaker or "", self.title)).casefold()
        return all(word in text for word in words)

    @property
    def entry_kind(self) -> str:
        """"quote" or "figure": what the hit is, or what a note is on."""
        return self.entry.partition(":")[0] if self.kind == "note" else self.kind


# progress(done, total, entry): see Archive.update.
Progress = Callable[[int, int, LibraryEntry | None], None]


@dataclass
class UpdateReport:
    """What an update did."""

    added: int = 0
    changed: int = 0
    removed: list[str] = field(default_factory=list)  # the files gone, as on disk
    unchanged: int = 0
    # (path, why: one line that names the file and, where known, the place)
    broken: list[tuple[str, str]] = field(default_factory=list)


class Found(NamedTuple):
    """A briefing file as a walk of the folder found it."""

    relative: bytes  # its path relative to the folder, as the OS spells it
    path: bytes
    stamp: Stamp | None  # None: it cannot be looked at (a link to nothing)
    regular: bool  # a regular file, not a FIFO, socket or device


def walk_briefings(folder: Path) -> Iterator[Found]:
    """Every briefing file under a folder, with its stamp: one listing per
    folder, no more. Hidden files and folders are left out, and links to
    folders are not followed (no loop can form)."""
    root = os.fsencode(folder)
    suffix = os.fsencode(BRIEFING_SUFFIX)
    pending = [b""]
    while pending:
        here = pending.pop()
        try:
            with os.scandir(root + b"/" + here if here else root) as listing:
                items = sorted(listing, key=lambda item: item.name)
        except OSError:
            continue  # a subfolder that cannot be listed has nothing to show
        folders: list[bytes] = []
        for item in items:
            name = item.name
            if name.startswith(b"."):
                continue
            relative = here + b"/" + name if here else name
            try:
                if item.is_dir(follow_symlinks=False):
                    folders.append(relative)
                    continue
            except OSError:
                continue
            if not name.lower().endswith(suffix):
                continue
            try:
                info = item.stat()  # through a link, to what it points to
            except OSError:
                yield Found(relative, item.path, None, False)
                continue
            yield Found(relative, item.path, Stamp(info.st_size, info.st_mtime_ns, info.st_ino),
                        stat.S_ISREG(info.st_mode))
        pending += reversed(folders)  # in name order, each after the files before it


class Archive:
    """The index of one folder. `Archive.open(folder)`, then `update()` and
    `search(...)`; `close()` when done (or use it in a `with`)."""

    def __init__(self, folder: Path, connection: sqlite3.Connection, path: Path,
                 set_aside: Path | None) -> None:
        self.folder = folder
        self.path = path
        # Where a damaged or foreign index file was moved, if one was.
        self.set_aside = set_aside
        self._db = connection

    # --- opening --------------------------------------------------------------

    @classmethod
    def open(cls, folder: Path, path: Path | None = None) -> Archive:
        path = index_path(folder) if path is None else path
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise ArchiveError(f"{shown_name(path.parent)}: cannot make the archive's "
                               f"folder: {error.strerror or error}") from None
        set_aside = None
        try:
            connection = _connect(path)
        except _NotOurs:
            set_aside = _set_aside(path)
            connection = _connect(path)
        return cls(folder, connection, path, set_aside)

    @classmethod
    def existing(cls, folder: Path) -> Archive | None:
        """The folder's index as it is, only to read, if there is a usable
        one; None if not (nothing is made, moved or written)."""
        path = index_path(folder)
        if not path.is_file():
            return None
        try:
            connection = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True,
                                         isolation_level=None, check_same_thread=False)
        except sqlite3.Error:
            return None
        try:
            if _is_ours(connection):
                return cls(folder, connection, path, None)
        except sqlite3.Error:
            pass
        connection.close()
        return None

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> Archive:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    # --- bringing it up to date -------------------------------------------------

    def update(self, found: list[Found] | None = None, *,
               progress: Progress | None = None) -> UpdateReport:
        """Index what changed in the folder since the last update: files
        added, written or removed. `found`: the folder's briefing files, if
        the caller walked it already (`walk_briefings`). `progress(done,
        total, entry)` is called after each file is looked at, with its
        new entry if it was read (None if it had not changed)."""
        report = UpdateReport()
        # Each file's stamp by path (None for a broken file, whose row is
        # looked up again at each look, to report it): all a look compares,
        # thousands of times; the rest of a row is read only for the files
        # that changed.
        known = {path: (size, mtime_ns, inode) if whole else None
                 for path, size, mtime_ns, inode, whole in self._db.execute(
                     "SELECT path, size, mtime_ns, inode, error IS NULL FROM files")}
        found = list(walk_briefings(self.folder)) if found is None else found
        for done, file in enumerate(found, start=1):
            if file.regular and known.get(file.relative) == file.stamp:
                report.unchanged += 1  # the common case, first: nothing to read
                entry = None
            else:
                entry = self._update_file(file, report)
            if progress is not None:
                progress(done, len(found), entry)
        for relative in sorted(known.keys() - {file.relative for file in found}):
            with self._writing():
                _forget(self._db, self._db.execute("SELECT id FROM files WHERE path = ?",
                                                   (relative,)).fetchone()[0])
            report.removed.append(os.fsdecode(relative))
        self.update_marks()
        return report

    def update_marks(self) -> None:
        """Index again the stars and notes of each reader-state file that
        changed, appeared or went away since the last update (a stat each,
        for the briefings ever opened; none for the others). `update` does
        it; alone, it is what a list of the marks needs."""
        from briefing.state_folder import state_dir

        folder = state_dir()
        names = opened_state_files()
        known = {name: (size, mtime_ns, inode) for name, size, mtime_ns, inode
                 in self._db.execute("SELECT name, size, mtime_ns, inode FROM states")}
        for name in sorted(names | known.keys()):
            stamp = None
            if name in names:
                if name not in known and self._db.execute(
                        "SELECT 1 FROM files WHERE state_file = ?", (name,)).fetchone() is None:
                    continue  # the state of a briefing in another folder
                try:
                    info = os.stat(folder / name)
                    stamp = (info.st_size, info.st_mtime_ns, info.st_ino)
                except OSError:
                    pass
            if known.get(name) != stamp:
                self._index_marks(name, folder / name, stamp)

    def _index_marks(self, name: str, path: Path,
                     stamp: tuple[int, int, int] | None) -> None:
        """The stars and notes of one reader-state file (None: gone) on each
        briefing of the folder that has it. A state file that cannot be read
        marks nothing; why is kept for `mark_problems`."""
        from briefing.person_names import person_key
        from briefing.state import ReaderState, read_state

        state, problem = ReaderState(), None
        if stamp is not None:
            try:
                state = read_state(path)
            except BriefingError as error:
                problem = error.headline
            except OSError as error:
                problem = f"{shown_name(path)}: {error.strerror or error}"
        with self._writing():
            for file_id, day in self._db.execute(
                    "SELECT id, day FROM files WHERE state_file = ?", (name,)).fetchall():
                self._db.execute("DELETE FROM marks WHERE file = ?", (file_id,))
                self._db.execute("DELETE FROM passages WHERE file = ? AND kind = 'note'",
                                 (file_id,))
                if not state.marked:
                    continue
                entries = {entry: rest for entry, *rest in self._db.execute(
                    'SELECT entry, kind, section, paragraph, start, "end", who FROM passages'
                    " WHERE file = ? AND entry IS NOT NULL", (file_id,))}
                marked = sorted(key for key in state.marked if key in entries)
                self._db.executemany(
                    "INSERT INTO marks (file, entry, starred, note) VALUES (?, ?, ?, ?)",
                    [(file_id, key, key in state.stars, state.notes.get(key)) for key in marked])
                notes = sorted((entries[key][1:4], key) for key in marked if key in state.notes)
                _add_passages(self._db, file_id, day,
                              [("note", *entries[key][1:], state.notes[key], None, key)
                               for _place, key in notes], person_key)
            if stamp is None:
                self._db.execute("DELETE FROM states WHERE name = ?", (name,))
            else:
                self._db.execute("INSERT OR REPLACE INTO states VALUES (?, ?, ?, ?, ?)",
                                 (name, *stamp, problem))

    def _update_file(self, file: Found, report: UpdateReport) -> LibraryEntry | None:
        """Index one file if it changed; its entry as now indexed, or None."""
        relative, stamp = file.relative, file.stamp
        row = self._db.execute("SELECT id, size, mtime_ns, inode, sha256, error FROM files"
                               " WHERE path = ?", (relative,)).fetchone()
        # (id, (size, mtime_ns, inode), sha256, error) as the index has it
        previous = (row[0], tuple(row[1:4]), row[4], row[5]) if row is not None else None
        shown = shown_name(relative)
        if stamp is None:
            data, problem = None, f"{shown}: cannot look at it (a link to nothing?)"
        elif not file.regular:
            data, problem = None, f"{shown}: not a regular file"
        elif previous is not None and previous[1] == stamp:
            report.unchanged += 1
            if previous[3] is not None:
                report.broken.append((shown, previous[3]))
            return None
        else:
            data, problem = _read(file.path, shown)
        digest = hashlib.sha256(data).hexdigest() if data is not None else None
        if previous is not None and digest is not None and previous[2] == digest:
            with self._writing():  # the same bytes, written again: only the stamp
                self._db.execute("UPDATE files SET size = ?, mtime_ns = ?, inode = ? "
                                 "WHERE id = ?", (*stamp, previous[0]))  # type: ignore[misc]
            report.unchanged += 1
            if previous[3] is not None:
                report.broken.append((shown, previous[3]))
            return None
        briefing = None
        if data is not None:
            briefing, problem = parse_briefing_file(data, shown)
        if problem is not None:
            report.broken.append((shown, problem))
        state_file = (state_file_of(briefing, Path(os.fsdecode(file.path)))
                      if briefing is not None else None)
        with self._writing():
            if previous is not None:
                _forget(self._db, previous[0])
            # Its stars and notes are indexed again with the next look at
            # the state files (see update_marks).
            self._db.execute("DELETE FROM states WHERE name = ?", (state_file,))
            file_id = self._db.execute(
                "INSERT INTO files (path, size, mtime_ns, inode, sha256, error, title, source,"
                " published, day, draft, quotes, figures, state_file)"
                " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                (relative, *(stamp or (None, None, None)), digest, problem,
                 *_masthead_row(briefing, _day(briefing, stamp)), state_file)).lastrowid
            if briefing is not None:
                _add_briefing(self._db, file_id, briefing,  # type: ignore[arg-type]
                              _day(briefing, stamp))
        if previous is None:
            report.added += 1
        else:
            report.changed += 1
        return _entry(relative, stamp, briefing, problem, state_file)

    # --- searching ----------------------------------------------------------------

    def search(self, query: str, *, speaker: str | None = None, source: str | None = None,
               tag: str | None = None, since: date | None = None, until: date | None = None,
               limit: int = DEFAULT_LIMIT) -> list[Hit]:
        """The passages with every word of `query`, newest briefing first,
        then in reading order. With `speaker`, the quotes of speakers whose
        name has those words; `source` (part of the masthead's, case-blind), `tag`,
        and the day (`since`, `until`, both included) narrow the briefings."""
        expression = fts_expression(query)
        if expression is None:
            return []
        where = ["passages_text MATCH ?"]
        values: list[object] = [expression]
        if speaker is not None:
            where.append("p.kind = 'quote' AND lower(p.who) LIKE ? ESCAPE '\\'")
            values.append(f"%{_like(speaker.lower())}%")
        else:
            where.append(f"p.kind IN ({','.join('?' * len(_TEXT_KINDS))})")
            values += _TEXT_KINDS
        if source is not None:
            where.append("lower(f.source) LIKE ? ESCAPE '\\'")
            values.append(f"%{_like(source.lower())}%")
        if tag is not None:
            where.append("EXISTS (SELECT 1 FROM tags t WHERE t.file = f.id AND t.tag = ?)")
            values.append(tag.lower())
        if since is not None:
            where.append("passages_text.rowid >= ?")
            values.append(since.toordinal() << _DAY_SHIFT)
        if until is not None:
            where.append("passages_text.rowid < ?")
            values.append((until.toordinal() + 1) << _DAY_SHIFT)
        sql = ("SELECT f.path, f.title, f.day, p.kind, p.section, s.title, p.paragraph, p.who,"
               " p.text, p.start, p.entry"
               " FROM passages_text JOIN passages p ON p.id = passages_text.rowid"
               " JOIN files f ON f.id = p.file"
               " LEFT JOIN sections s ON s.file = p.file AND s.section = p.section"
               f" WHERE {' AND '.join(where)} ORDER BY passages_text.rowid DESC")
        rows = self._newest(sql, values, limit)
        pattern = words_pattern(query)
        hits = []
        for path, title, day, kind, section, section_title, paragraph, who, text, at, entry \
                in rows:
            match = pattern.search(text) if pattern is not None else None
            start, end = (match.start(), match.end()) if match else (0, 0)
            context = _context(text, start, end)
            if kind == "note":  # found in the note; it opens at what it is on
                start, end, context = at, at, f"your note: {context}"
            hits.append(Hit(shown_name(bytes(path)), title or "",
                            date.fromisoformat(day) if day else None, kind, section,
                            section_title or "", paragraph, start, end,
                            context, who, os.fsdecode(bytes(path)), entry or ""))
        return hits

    # --- the reader's marks ------------------------------------------------------------

    def marked(self, *, limit: int = DEFAULT_LIMIT) -> list[Hit]:
        """The quotes and figures the reader starred or wrote a note on, in
        every briefing, newest first and in reading order."""
        return self._entry_hits(
            ", m.starred, m.note FROM marks m JOIN passages p ON p.file = m.file"
            " AND p.entry = m.entry AND p.kind IN ('quote', 'figure')", "", [], limit)

    def mark_problems(self) -> list[str]:
        """Why the stars and notes of some briefings are left out: a line
        for each reader-state file of theirs that cannot be read."""
        return [str(error) for (error,) in self._reading(
            "SELECT error FROM states WHERE error IS NOT NULL ORDER BY name", ())]

    def _newest(self, sql: str, values: list[object], limit: int) -> list[tuple[Any, ...]]:
        """The first `limit` rows of a query of passages in newest-first order
        (path, title, day, kind, section, s.title, paragraph, who, text,
        start, ...): newest day first, then by file and in reading order. The
        last day is read whole before it is sorted, so the rows kept of it
        are its first, not whichever came first."""
        limit = max(0, limit)
        rows: list[tuple[Any, ...]] = []
        try:
            cursor = self._db.execute(sql, values)
            for row in cursor:
                if len(rows) >= limit and (not rows or row[2] != rows[-1][2]):
                    break
                if len(rows) >= limit + MAX_SAME_DAY:
                    break
                rows.append(row)
            cursor.close()
        except sqlite3.DatabaseError as error:
            raise ArchiveError(f"{shown_name(self.path)}: the index cannot be read "
                               f"({error}); remove it and it is built again") from None
        rows.sort(key=lambda r: (-_ordinal(r[2]), bytes(r[0]), r[4], r[6], r[9]))
        del rows[limit:]
        return rows

    # --- people across briefings ---------------------------------------------------

    def people(self) -> list[Speaker]:
        """Everyone quoted or claiming a figure, across the archive: one per
        person (see briefing.person_names), the most quoted first."""
        from briefing.person_names import same_person

        counts: dict[str, list[Any]] = {}  # key: [quotes, figures, files, names]
        for key, who, kind, file in self._reading(
                "SELECT who_key, who, kind, file FROM passages WHERE who_key IS NOT NULL"
                " AND who_key != '' AND kind IN ('quote', 'figure')", ()):
            found = counts.setdefault(key, [0, 0, set(), Counter()])  # type: ignore[arg-type]
            found[0 if kind == "quote" else 1] += 1
            found[2].add(file)
            found[3][who] += 1
        keys = set(counts)
        merged: dict[str, str] = {}  # a key: the key of the person it is part of
        for key in sorted(keys, key=lambda k: (-len(k.split()), k)):
            if key in merged:
                continue
            for other in same_person(key, keys):
                merged.setdefault(other, key)
        people: dict[str, list[Any]] = {}
        for key, (quotes, figures, files, names) in counts.items():
            into = people.setdefault(merged.get(key, key), [0, 0, set(), Counter()])
            into[0] += quotes
            into[1] += figures
            into[2] |= files
            into[3].update(names)
        return sorted((Speaker(key, names.most_common(1)[0][0], quotes, figures, len(files))
                       for key, (quotes, figures, files, names) in people.items()),
                      key=lambda p: (-(p.quotes + p.figures), p.name.casefold()))

    def said_by(self, name: str, *, limit: int = DEFAULT_LIMIT) -> list[Hit]:
        """The quotes someone said and the figures they claimed, across the
        archive, newest first: `name` as written anywhere ("Mr Putin"), or a
        person's key; every way the archive writes the same person counts."""
        from briefing.person_names import person_key, same_person

        key = person_key(name)
        known = [row[0] for row in self._reading(
            "SELECT DISTINCT who_key FROM passages WHERE who_key IS NOT NULL", ())]
        keys = same_person(key, known)
        if not keys:
            return []
        return self._entry_hits(
            ", 0, NULL FROM passages p",
            f" WHERE p.who_key IN ({','.join('?' * len(keys))})"
            " AND p.kind IN ('quote', 'figure')", sorted(keys), limit)

    def _entry_hits(self, source: str, where: str, values: list[object],
                    limit: int) -> list[Hit]:
        """Quotes and figures as hits, newest day first, then in reading
        order: `source` adds (starred, note) and names the passages `p`."""
        rows = self._newest(
            "SELECT f.path, f.title, f.day, p.kind, p.section, s.title, p.paragraph, p.who,"
            ' p.text, p.start, p."end", p.about, p.entry' + source
            + " JOIN files f ON f.id = p.file"
            " LEFT JOIN sections s ON s.file = p.file AND s.section = p.section"
            + where + " ORDER BY p.id DESC", values, limit)
        return [Hit(shown_name(bytes(path)), title or "",
                    date.fromisoformat(day) if day else None, kind, section, section_title or "",
                    paragraph, start, end,
                    visible(text if not about else f"{text} · {about}", one_line=True), who,
                    os.fsdecode(bytes(path)), entry or "", bool(starred),
                    visible(note, one_line=True) if note else "")
                for path, title, day, kind, section, section_title, paragraph, who, text, start,
                end, about, entry, starred, note in rows]

    def entries(self, newest: int | None = None) -> list[LibraryEntry]:
        """The files of the index as the library lists it, without reading
        one: all of them, or the `newest` few in the library's order (what a
        screen shows first, read in a millisecond however large the folder)."""
        rows = self._reading("SELECT id, path, size, mtime_ns, inode, error, state_file,"
                             " title, source, published, draft, quotes, figures FROM files"
                             + (f" {_LIBRARY_ORDER} LIMIT ?" if newest is not None else ""),
                             (newest,) if newest is not None else ())
        ids = [row[0] for row in rows] if newest is not None else []
        tags: dict[int, list[str]] = {}
        for file_id, tag in self._reading(
                "SELECT file, tag FROM tags"
                + (f" WHERE file IN ({','.join('?' * len(ids))})" if ids else "")
                + " ORDER BY rowid", ids):
            tags.setdefault(file_id, []).append(tag)  # type: ignore[arg-type]
        return [_entry(path, Stamp(size, mtime_ns, inode) if size is not None else None,  # type: ignore[arg-type]
                       None, error, state_file, row, tuple(tags.get(file_id, ())))  # type: ignore[arg-type]
                for file_id, path, size, mtime_ns, inode, error, state_file, *row in rows]

    # --- the database -------------------------------------------------------------

    def _reading(self, sql: str, values: object) -> list[tuple[object, ...]]:
        try:
            return self._db.execute(sql, values).fetchall()  # type: ignore[arg-type]
        except sqlite3.DatabaseError as error:
            raise ArchiveError(f"{shown_name(self.path)}: the index cannot be read "
                               f"({error}); remove it and it is built again") from None

    def _writing(self) -> _Transaction:
        return _Transaction(self._db, self.path)


class _Transaction:
    """One file's change to the index, whole or not at all; a disk that is
    full or read-only is said in one line."""

    def __init__(self, db: sqlite3.Connection, path: Path) -> None:
        self._db, self._path = db, path

    def __enter__(self) -> None:
        try:
            self._db.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as error:
            raise ArchiveError(f"{shown_name(self._path)}: cannot write the index: "
                               f"{_plain(error)}") from None

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 _traceback: object) -> None:
        if kind is None:
            try:
                self._db.execute("COMMIT")
                return
            except sqlite3.Error as failed:
                error = failed
        self._db.execute("ROLLBACK") if self._db.in_transaction else None
        if isinstance(error, sqlite3.Error):
            raise ArchiveError(f"{shown_name(self._path)}: cannot write the index: "
                               f"{_plain(error)}") from None


class _NotOurs(Exception):
    """The index file is damaged, or is not a briefing archive."""


def _connect(path: Path) -> sqlite3.Connection:
    try:
        db = sqlite3.connect(path, timeout=10, isolation_level=None, check_same_thread=False)
    except sqlite3.Error as error:
        raise ArchiveError(f"{shown_name(path)}: cannot open the index: {_plain(error)}") from None
    try:
        if db.execute("SELECT count(*) FROM sqlite_schema").fetchone()[0] == 0:
            _lay_out(db)
        if not _is_ours(db):
            db.close()
            raise _NotOurs
        db.execute("PRAGMA synchronous = NORMAL")
    except sqlite3.DatabaseError as error:
        db.close()
        if any(word in str(error) for word in ("locked", "readonly", "full", "unable to open")):
            raise ArchiveError(f"{shown_name(path)}: cannot use the index: "
                               f"{_plain(error)}") from None
        raise _NotOurs from None
    return db


def _is_ours(db: sqlite3.Connection) -> bool:
    """A briefing archive, laid out as this version lays one out."""
    return (db.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
            and db.execute("PRAGMA user_version").fetchone()[0] == LAYOUT_VERSION)


def _lay_out(db: sqlite3.Connection) -> None:
    """Make the tables of a new index file, in one transaction. Another
    process may have made them since we looked: then they are left alone."""
    db.execute("PRAGMA journal_mode = WAL")
    try:
        db.executescript(f"""BEGIN IMMEDIATE; {_LAYOUT}
            PRAGMA application_id = {APPLICATION_ID};
            PRAGMA user_version = {LAYOUT_VERSION};
            COMMIT;""")
    except sqlite3.OperationalError as error:
        if db.in_transaction:
            db.execute("ROLLBACK")
        if "already exists" not in str(error):
            raise


def _set_aside(path: Path) -> Path:
    """Move a damaged or foreign index file (and its journal) out of the way."""
    aside = path.with_name(f"{path.name}.set-aside-{time.strftime('%Y%m%d-%H%M%S')}")
    try:
        for suffix in ("", "-wal", "-shm"):
            companion = Path(f"{path}{suffix}")
            if companion.exists():
                companion.rename(Path(f"{aside}{suffix}"))
    except OSError as error:
        raise ArchiveError(f"{shown_name(path)}: the index is damaged and cannot be set "
                           f"aside: {error.strerror or error}") from None
    return aside


def parse_briefing_file(data: bytes, shown: str) -> tuple[Briefing | None, str | None]:
    """A file's bytes as a briefing, or why they are not one (one line)."""
    from briefing.loader import briefing_from_bytes

    try:
        return briefing_from_bytes(data, source=shown), None
    except BriefingError as error:
        return None, error.headline


def _entry(relative: bytes, stamp: Stamp | None, briefing: Briefing | None,
           problem: str | None, state_file: str | None,
           row: list[object] | None = None, tags: tuple[str, ...] = ()) -> LibraryEntry:
    """A file as the library lists it: from the briefing just read, or from
    its row in the index (title, source, published, draft, quotes, figures)."""
    name = os.fsdecode(relative)
    if problem is not None:
        return LibraryEntry(name, stamp, True, error=_without_source(problem, relative))
    if briefing is not None:
        meta = briefing.masthead
        return LibraryEntry(name, stamp, True, meta.title, meta.source or "", meta.published,
                            meta.tags, len(briefing.quotes), len(briefing.figures),
                            state_file=state_file, draft=meta.draft)
    title, source, published, draft, quotes, figures = row or (None,) * 6
    return LibraryEntry(name, stamp, True, str(title or ""), str(source or ""),
                        date.fromisoformat(str(published)) if published else None, tags,
                        int(quotes or 0), int(figures or 0),  # type: ignore[call-overload]
                        state_file=state_file, draft=bool(draft))


def _without_source(problem: str, relative: bytes) -> str:
    """A file's error without its name in front (the list shows the name)."""
    prefix = shown_name(relative)
    return problem[len(prefix):].lstrip(":").strip() if problem.startswith(prefix) else problem


def _read(path: bytes, shown: str) -> tuple[bytes | None, str | None]:
    from briefing.loader import read_bytes

    try:
        return read_bytes(path, source=shown), None
    except BriefingError as error:
        return None, error.headline


def _forget(db: sqlite3.Connection, file_id: int) -> None:
    for table in ("passages", "sections", "tags", "marks"):
        db.execute(f"DELETE FROM {table} WHERE file = ?", (file_id,))
    db.execute("DELETE FROM files WHERE id = ?", (file_id,))


def _masthead_row(briefing: Briefing | None, day: str | None) -> tuple[object, ...]:
    """title, source, published, day, draft, quotes, figures."""
    if briefing is None:
        return (None, None, None, day, None, None, None)
    meta = briefing.masthead
    return (meta.title, meta.source, meta.published.isoformat() if meta.published else None,
            day, int(meta.draft), len(briefing.quotes), len(briefing.figures))


def _day(briefing: Briefing | None, stamp: Stamp | None) -> str | None:
    """The day it is listed under (see `listed_day`), as the index keeps it."""
    day = listed_day(briefing.masthead.published if briefing is not None else None, stamp)
    return day.isoformat() if day is not None else None


def _add_briefing(db: sqlite3.Connection, file_id: int, briefing: Briefing,
                  day: str | None) -> None:
    from briefing.person_names import person_key
    from briefing.state import entry_key

    meta = briefing.masthead
    db.executemany("INSERT INTO tags (file, tag) VALUES (?, ?)",
                   [(file_id, tag.lower()) for tag in meta.tags])
    db.executemany("INSERT INTO sections (file, section, title) VALUES (?, ?, ?)",
                   [(file_id, i, s.title) for i, s in enumerate(briefing.sections)])
    # (kind, section, paragraph, start, end, who, text, about, entry)
    rows: list[tuple[Any, ...]] = [("title", -1, -1, 0, len(meta.title), None, meta.title,
                                    None, None)]
    if meta.standfirst:
        rows.append(("standfirst", -1, -1, 0, len(meta.standfirst), None, meta.standfirst,
                     None, None))
    for s, section in enumerate(briefing.sections):
        rows.append(("heading", s, -1, 0, len(section.title), None, section.title, None, None))
        if section.summary:
            rows.append(("summary", s, -1, 0, len(section.summary), None, section.summary,
                         None, None))
        rows += [("paragraph", s, p, 0, len(text), None, text, None, None)
                 for p, text in enumerate(section.paragraphs)]
    for quote in briefing.quotes:
        a = quote.anchor
        rows.append(("quote", a.section, a.paragraph, a.start, a.end, quote.speaker_name,
                     quote.text, None, entry_key(quote)))
    for figure in briefing.figures:
        a = figure.anchor
        rows.append(("figure", a.section, a.paragraph, a.start, a.end, figure.claimant_name,
                     figure.text, figure.label, entry_key(figure)))
    _add_passages(db, file_id, day, rows, person_key)


def _add_passages(db: sqlite3.Connection, file_id: int, day: str | None,
                  rows: list[tuple[Any, ...]], person_key: Callable[[str], str]) -> None:
    """(kind, section, paragraph, start, end, who, text, about, entry) rows,
    in reading order: each row's place in it, then the briefing's day above
    them all (see the passages table)."""
    first = db.execute("UPDATE sequence SET next = next + ? RETURNING next - ?",
                       (len(rows), len(rows))).fetchone()[0]
    base = (_ordinal(day) << _DAY_SHIFT) + first % (1 << _DAY_SHIFT)
    db.executemany('INSERT INTO passages (id, file, kind, section, paragraph, start, "end",'
                   " who, who_key, about, entry, text) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                   [(base + n, file_id, kind, section, paragraph, start, end, who,
                     person_key(who) if who else None, about, entry, text)
                    for n, (kind, section, paragraph, start, end, who, text, about, entry)
                    in enumerate(rows)])


def _ordinal(day: str | None) -> int:
    return date.fromisoformat(day).toordinal() if day else 0


def _context(text: str, start: int, end: int) -> str:
    """The words around a span, on one line, cut at words, with … where cut."""
    left = max(0, start - CONTEXT_CHARACTERS)
    right = min(len(text), end + CONTEXT_CHARACTERS)
    if left > 0:
        space = text.find(" ", left, start)
        left = space + 1 if space >= 0 else left
    if right < len(text):
        space = text.rfind(" ", end, right)
        right = space if space >= 0 else right
    shown = text[left:right].strip()
    return visible(("…" if left > 0 else "") + shown + ("…" if right < len(text) else ""),
                   one_line=True)


def _like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _plain(error: sqlite3.Error) -> str:
    text = str(error)
    if "full" in text:
        return "the disk is full"
    if "readonly" in text or "read-only" in text:
        return "the index's folder is read-only"
    return text
