"""File contents judged valid before, remembered as the briefing they made.

Opening a briefing means parsing its TOML, validating it with pydantic and
anchoring every entry: at 10,000 quotes about 200 ms in a new process,
against 60 ms to read the same briefing back from JSON (a tenth of that for
a briefing of a hundred quotes, which also skips importing rtoml). An
unchanged file gives the same briefing every time, so once a file's contents
pass, the resolved briefing is written as JSON (each table of
`briefing.model`'s named tuples as one array per field) in a file named by
the hash of those contents and of this reader's version. A reopen of the
same bytes reads that file instead; anything wrong with it (unreadable,
truncated, not the shape written) and the load takes the full path, with the
error a first open gives.

Every write is atomic (a temporary file, then a rename). The folder is
bounded in count and in bytes: past either, the least recently used go. The
folder is the user's own (0700): anyone who can write there can change the
user's files anyway, and what is shown still passes through the terminal-
safety of `briefing.text.visible`.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import operator
import os
import shutil
import stat
import tempfile
import time
from collections.abc import Callable, Iterable, Sequence
from datetime import date
from itertools import repeat
from pathlib import Path
from typing import Any, TypeVar

from briefing import __version__
from briefing.model import (
    MAX_FILE_BYTES,
    Anchor,
    Briefing,
    Figure,
    Masthead,
    Person,
    Quote,
    Section,
    assemble,
)

CACHE_DIR_VARIABLE = "BRIEFING_CACHE_DIR"
MAX_REMEMBERED = 500
MAX_BYTES = 256 * 1024 * 1024
# The JSON of a briefing is about the size of its TOML; a file far larger
# than the largest briefing is not one of ours.
_MAX_READ = 2 * MAX_FILE_BYTES
_LAYOUT = 2  # of the JSON written here: a change of it is a new key
_SUFFIX = ".json"
T = TypeVar("T")


def cache_dir() -> Path:
    """The reader's cache folder (an environment variable moves it)."""
    override = os.environ.get(CACHE_DIR_VARIABLE)
    if override:
        return Path(override)
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("briefing", appauthor=False))


def remembered_dir() -> Path:
    return cache_dir() / "briefings"


def content_key(data: bytes) -> str:
    """The file's bytes, this reader's version and the layout of what is
    remembered: a change to any of them is a new key."""
    # sha256: OpenSSL's runs on the CPU's SHA instructions (~4 ms for 7.5 MB).
    digest = hashlib.sha256(data)
    digest.update(f"\0{__version__}\0{_LAYOUT}".encode())
    return digest.hexdigest()[:40]


def remembered(key: str) -> Briefing | None:
    """The briefing these contents made when they passed before, or None.
    Marks it as used, so it is among the last to be pruned."""
    path = remembered_dir() / (key + _SUFFIX)
    try:
        # Not through a link, and never blocking on a pipe at that name.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0)
                     | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0))
    except OSError:
        return None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode) or info.st_size > _MAX_READ:
            return None
        with open(fd, "rb", closefd=False) as stream:
            data = stream.read(_MAX_READ + 1)
        briefing = briefing_of(json.loads(data))
        with contextlib.suppress(OSError):
            os.utime(fd)
    except (OSError, ValueError, TypeError, KeyError, IndexError, AttributeError,
            RecursionError):
        return None  # damaged or not ours: the full path judges the file
    finally:
        os.close(fd)
    return briefing


def remember(key: str, briefing: Briefing) -> None:
    """Remember the briefing these contents made. Never fails a load: a
    cache that cannot be written only means the next open judges again."""
    folder = remembered_dir()
    with contextlib.suppress(OSError, ValueError):
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        # ASCII, with escapes: read back without first decoding megabytes of
        # UTF-8 (at 10,000 quotes, 18 ms to parse instead of 24).
        text = json.dumps(fields_of(briefing), separators=(",", ":"))
        # Not files.write_atomic: it writes through a link to its target, as a
        # user's own file wants; a link in the cache must not send us elsewhere.
        fd, temporary = tempfile.mkstemp(dir=folder, prefix=".", suffix=".tmp")
        try:
            with open(fd, "w", encoding="utf-8") as stream:
                stream.write(text)
            os.replace(temporary, folder / (key + _SUFFIX))
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
            raise
        prune(folder)
        _drop_old_caches()


def prune(folder: Path, *, count: int = MAX_REMEMBERED, size: int = MAX_BYTES) -> None:
    """Keep the most recently used files, at most `count` of them and
    `size` bytes in all; temporary files left by a write that died go too."""
    kept: list[tuple[int, int, str]] = []
    with os.scandir(folder) as entries:
        for entry in entries:
            if not entry.is_file(follow_symlinks=False):
                continue
            info = entry.stat(follow_symlinks=False)
            if entry.name.endswith(".tmp"):
                if info.st_mtime_ns < _an_hour_ago_ns():
                    with contextlib.suppress(OSError):
                        os.unlink(entry.path)
                continue
            kept.append((info.st_mtime_ns, info.st_size, entry.path))
    kept.sort(reverse=True)  # newest first
    total = 0
    for n, (_, bytes_, path) in enumerate(kept):
        total += bytes_
        if n >= count or total > size:
            with contextlib.suppress(OSError):
                os.unlink(path)


def _an_hour_ago_ns() -> int:
    return time.time_ns() - 3_600 * 10**9


def _drop_old_caches() -> None:
    """Earlier versions kept empty markers in `judged/`, and before them a
    resolved copy of every file ever opened in `resolved/`: neither is read."""
    for name in ("judged", "resolved"):
        old = cache_dir() / name
        if old.is_dir() and not old.is_symlink():
            shutil.rmtree(old, ignore_errors=True)


# --- the briefing as JSON ----------------------------------------------------------------
# Each table is written as columns, one array per field: a JSON array per
# entry made the reading build 50,000 lists that the collector walked (a full
# collection of ~20 ms at 10,000 quotes, and 30 ms more to read). An entry's
# index is its place in its table, and its person is found again by id, as
# `briefing.model.resolve` links them: neither is written.

def fields_of(briefing: Briefing) -> dict[str, Any]:
    """The briefing as values `json` writes (tuples become arrays)."""
    masthead = briefing.masthead
    published = masthead.published.isoformat() if masthead.published else None
    quotes, figures = briefing.quotes, briefing.figures
    return {
        "masthead": masthead._replace(published=published),
        "people": _columns(briefing.people, 3),
        "sections": _columns(briefing.sections, 4),
        "quotes": [*_columns([q[:2] for q in quotes], 2),
                   [n for q in quotes for n in q.anchor],
                   *_columns([q[4:7] + q[8:] for q in quotes], 4)],
        "figures": [*_columns([f[:2] for f in figures], 2),
                    [n for f in figures for n in f.anchor],
                    *_columns([f[4:10] + f[11:] for f in figures], 7)],
    }


def briefing_of(fields: dict[str, Any]) -> Briefing:
    """What `fields_of` wrote, as the briefing again. Raises (ValueError,
    TypeError, ...) on anything else."""
    title, standfirst, source, published, url, tags, draft = fields["masthead"]
    masthead = Masthead(_text(title), standfirst, source,
                        date.fromisoformat(published) if published is not None else None,
                        url, tuple(tags), draft is True)
    ids, names, roles = _same_length(fields["people"], 3)
    _texts(ids + names)
    people = _made(Person, ids, names, roles)
    by_id = {person.id: person for person in people}
    ids, titles, paragraphs, summaries = _same_length(fields["sections"], 4)
    _texts(ids + titles)
    sections = list(map(Section, ids, titles, map(tuple, paragraphs), summaries))
    texts, speakers, anchors, places, paragraph, notes, inferred = _entries(fields["quotes"], 4)
    quotes = _made(Quote, texts, speakers, anchors, range(len(texts)), places, paragraph,
                   notes, map(by_id.get, speakers), _true(inferred))
    (texts, labels, anchors, places, paragraph, values, units, claimants, statuses,
     inferred) = _entries(fields["figures"], 7)
    figures = _made(Figure, texts, labels, anchors, range(len(texts)), places, paragraph,
                    values, units, claimants, statuses,
                    [by_id.get(c) if c else None for c in claimants], _true(inferred))
    return assemble(masthead, people, sections, quotes, figures)


def _made(kind: Callable[..., T], *columns: Iterable[Any]) -> list[T]:
    """A `kind` (a named tuple) from each row of `columns`, which hold one
    value for each of its fields. A named tuple's own constructor is Python
    code; `tuple.__new__` over `zip` builds the same at C speed: 40,000
    entries and anchors at 10,000 quotes in 13 ms instead of 33."""
    return list(map(tuple.__new__, repeat(kind), zip(*columns, strict=True)))


def _columns(rows: Sequence[Sequence[Any]], width: int) -> list[list[Any]]:
    return [list(column) for column in zip(*rows, strict=True)] if rows else [[]] * width


def _same_length(columns: list[list[Any]], width: int) -> list[list[Any]]:
    """Columns of one length, `width` of them; raises otherwise (a column
    cut short would silently drop the entries after it)."""
    if len(columns) != width or len({len(column) for column in columns}) > 1:
        raise ValueError("not the columns written")
    return columns


def _entries(columns: list[list[Any]], rest: int) -> list[Any]:
    """Quotes' or figures' columns: the words, the speaker or label, the
    anchors as one run of numbers (four an entry), then `rest` more."""
    if len(columns) != 3 + rest:
        raise ValueError("not the columns written")
    words, second, numbers, *others = columns
    _same_length([words, second, *others], 2 + rest)
    if len(numbers) != 4 * len(words):
        raise ValueError("not the anchors written")
    _texts(words)
    at = iter(numbers)
    return [words, second, _made(Anchor, at, at, at, at), *others]


def _texts(values: list[Any]) -> None:
    if not set(map(type, values)) <= {str}:  # at C speed: 20,000 values in 1 ms, not 5
        raise TypeError("not a text")


def _true(values: Iterable[Any]) -> Iterable[bool]:
    """Each value is True, and nothing else counts as true."""
    return map(operator.is_, values, repeat(True))


def _text(value: Any) -> str:
    _texts([value])
    return str(value)
