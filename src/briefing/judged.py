"""File contents judged valid before, remembered as the briefing they made.

Opening a briefing means parsing its TOML, validating it with pydantic and
anchoring every entry: at 10,000 quotes about 200 ms in a new process,
against 60 ms to read the same briefing back from JSON (a tenth of that for
a briefing of a hundred quotes, which also skips importing rtoml). An
unchanged file gives the same briefing every time, so once a file's
contents pass, the resolved briefing is written as JSON (each named tuple of
`briefing.model` as the array of its fields, the way `json` writes a tuple)
in a file named by the hash of those contents and of this reader's
version. A reopen of the same bytes reads that file instead; anything wrong
with it (unreadable, truncated, not the shape written) and the load takes
the full path, with the error a first open gives.

Every write is atomic (a temporary file, then a rename). The folder is
bounded in count and in bytes: past either, the least recently used go.
The folder is the user's own (0700): anyone who can write there can change
the user's files anyway, and what is shown still passes through the
terminal-safety of `briefing.text.visible`.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
import stat
import tempfile
import time
from datetime import date
from pathlib import Path
from typing import Any

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
_LAYOUT = 1  # of the JSON written here: a change of it is a new key
_SUFFIX = ".json"


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
        text = json.dumps(fields_of(briefing), ensure_ascii=False, separators=(",", ":"))
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
# People are written once; a quote's speaker and a figure's claimant are
# linked to them again by id, as `briefing.model.resolve` links them.

def fields_of(briefing: Briefing) -> dict[str, Any]:
    """The briefing as values `json` writes (tuples become arrays)."""
    masthead = briefing.masthead
    published = masthead.published.isoformat() if masthead.published else None
    return {
        "masthead": masthead._replace(published=published),
        "people": briefing.people,
        "sections": briefing.sections,
        "quotes": [q[:7] + q[8:] for q in briefing.quotes],  # without the person
        "figures": [f[:10] + f[11:] for f in briefing.figures],  # without the claimant
    }


def briefing_of(fields: dict[str, Any]) -> Briefing:
    """What `fields_of` wrote, as the briefing again. Raises (ValueError,
    TypeError, ...) on anything else."""
    title, standfirst, source, published, url, tags, draft = fields["masthead"]
    masthead = Masthead(_text(title), standfirst, source,
                        date.fromisoformat(published) if published is not None else None,
                        url, tuple(tags), draft is True)
    people = [Person(_text(id_), _text(name), role) for id_, name, role in fields["people"]]
    by_id = {person.id: person for person in people}
    sections = [Section(_text(id_), _text(title), tuple(paragraphs), summary)
                for id_, title, paragraphs, summary in fields["sections"]]
    quotes = [Quote(_text(text), speaker, Anchor(*anchor), index, section, paragraph, note,
                    by_id.get(speaker), inferred is True)
              for text, speaker, anchor, index, section, paragraph, note, inferred
              in fields["quotes"]]
    figures = [Figure(_text(text), label, Anchor(*anchor), index, section, paragraph, value,
                      unit, claimed_by, status,
                      by_id.get(claimed_by) if claimed_by else None, inferred is True)
               for (text, label, anchor, index, section, paragraph, value, unit, claimed_by,
                    status, inferred) in fields["figures"]]
    return assemble(masthead, people, sections, quotes, figures)


def _text(value: Any) -> str:
    if not isinstance(value, str):
        raise TypeError("not a text")
    return value
