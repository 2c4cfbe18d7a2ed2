"""Which file contents were judged valid before, so a reopen can skip pydantic.

Validating a briefing means importing pydantic and walking the document
(~150 ms for a small file, most of it the import). An unchanged file gives
the same verdict every time, so once a file's contents pass, an empty marker
file named by the hash of those contents (and of this reader's version)
remembers it. The next load of the same bytes still parses, checks the
version and the characters, and anchors; only the schema pass is skipped,
and anything that goes wrong on that path falls back to the full one.

A marker holds nothing, so it is written in one step (created or not) and
cannot be half-written. The folder is bounded: past MAX_MARKERS, the least
recently used markers go. A marker vouches for the schema pass only; the
folder is the user's own (0700), and anyone who can write it can change the
user's files anyway. Whatever cannot be parsed, checked or anchored is still
refused, with the error a first open gives.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
import stat
from pathlib import Path

from briefing import __version__
from briefing.model import FORMAT_VERSION

CACHE_DIR_VARIABLE = "BRIEFING_CACHE_DIR"
MAX_MARKERS = 2_000


def cache_dir() -> Path:
    """The reader's cache folder (an environment variable moves it)."""
    override = os.environ.get(CACHE_DIR_VARIABLE)
    if override:
        return Path(override)
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("briefing", appauthor=False))


def markers_dir() -> Path:
    return cache_dir() / "judged"


def content_key(data: bytes) -> str:
    """The file's bytes, the format and this reader's version: a change to
    any of them (a new schema comes with a new version) is a new key."""
    # sha256: OpenSSL's runs on the CPU's SHA instructions (~4 ms for 7.5 MB).
    digest = hashlib.sha256(data)
    digest.update(f"\0{FORMAT_VERSION}\0{__version__}".encode())
    return digest.hexdigest()[:40]


def was_judged_valid(key: str) -> bool:
    """True when these contents passed before; marks the marker as used.

    Only an empty regular file is a marker: a folder, a pipe, a link or a
    file with something in it at a marker's name vouches for nothing.
    """
    marker = markers_dir() / key
    try:
        info = os.lstat(marker)
        if not stat.S_ISREG(info.st_mode) or info.st_size:
            return False
        os.utime(marker, follow_symlinks=False)  # recently used: the last to be pruned
    except OSError:
        return False
    return True


def remember_valid(key: str) -> None:
    """Remember that these contents passed. Never fails a load: a cache that
    cannot be written only means the next open validates again."""
    folder = markers_dir()
    with contextlib.suppress(OSError):
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        # Non-blocking and not through a link: a pipe at the marker's name
        # must not hang the load, nor a link make us create a file elsewhere.
        fd = os.open(folder / key, os.O_WRONLY | os.O_CREAT | getattr(os, "O_NONBLOCK", 0)
                     | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0), 0o600)
        os.close(fd)
        _prune(folder)
        _drop_old_cache()


def _prune(folder: Path, limit: int = MAX_MARKERS) -> None:
    """Keep the `limit` most recently used markers."""
    with os.scandir(folder) as entries:
        markers = [(entry.stat().st_mtime_ns, entry.path) for entry in entries
                   if entry.is_file(follow_symlinks=False)]
    if len(markers) <= limit:
        return
    markers.sort()
    for _, path in markers[:len(markers) - limit]:
        with contextlib.suppress(OSError):
            os.unlink(path)


def _drop_old_cache() -> None:
    """Earlier versions kept a resolved copy of every file ever opened in
    `resolved/` (megabytes each, never pruned): it is no longer read."""
    old = cache_dir() / "resolved"
    if old.is_dir() and not old.is_symlink():
        shutil.rmtree(old, ignore_errors=True)
