"""A cache of resolved briefings, keyed on the file's content.

Parsing, validating and anchoring an unchanged file always gives the same
briefing, and for a large file they are most of what opening it costs; even
for a small one, validation means importing pydantic. So the first load of a
file stores the resolved briefing here, and the next load of the same bytes
builds it straight from the entry, importing neither tomli nor pydantic.

An entry is JSON (never pickle) written atomically, only from a briefing that
has just passed every check, and read back only if its digest matches: a
missing, stale (other content, other version of this program) or damaged
entry is simply a miss, and failing to write one never fails a load. Text
from an entry is still shown through the display's own guard against
control characters, as all file text is.
"""

from __future__ import annotations

import hashlib
import json
import os
import zlib
from datetime import date, datetime
from pathlib import Path
from typing import Any

from briefing import __version__
from briefing.model import Anchor, Briefing, Figure, Masthead, Person, Quote, Section, assemble

CACHE_DIR_VARIABLE = "BRIEFING_CACHE_DIR"
MAX_CACHE_BYTES = 64 * 1024 * 1024
_LAYOUT = 3  # of an entry; part of the key, so a new layout never reads an old one


def cache_dir() -> Path:
    override = os.environ.get(CACHE_DIR_VARIABLE)
    if override:
        return Path(override)
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("briefing")) / "resolved"


def content_key(data: bytes) -> str:
    """The file's bytes and this reader's version: either changing misses."""
    # sha256, not blake2b: OpenSSL's runs on the CPU's SHA instructions, twice
    # as fast on a large file, and this is on the start-up path.
    digest = hashlib.sha256(data)
    digest.update(f"\0{__version__}\0{_LAYOUT}".encode())
    return digest.hexdigest()[:40]


def _digest(payload: bytes) -> str:
    """A check against damage (a full disk, a bad block, a stray edit): CRC-32
    and the length, which is what CRC is for, at a quarter of sha256's time.
    Anyone who can write this folder could forge any digest anyway."""
    return f"{zlib.crc32(payload):08x}-{len(payload)}"


def read(key: str) -> Briefing | None:
    """The cached briefing for this content, or None when missing or unusable."""
    path = cache_dir() / f"{key}.json"
    try:
        with open(path, "rb") as handle:
            data = handle.read(MAX_CACHE_BYTES + 1)
        if len(data) > MAX_CACHE_BYTES:
            return None
        header, _, payload = data.partition(b"\n")
        if header != _digest(payload).encode("ascii"):
            return None
        return decode(json.loads(payload))
    except (OSError, ValueError, TypeError, KeyError, IndexError, RecursionError):
        return None


def write(key: str, briefing: Briefing) -> None:
    """Store a briefing that has just been validated; errors are ignored."""
    from briefing.files import write_atomic

    try:
        payload = json.dumps(encode(briefing), ensure_ascii=False,
                             separators=(",", ":")).encode("utf-8", "surrogatepass")
        folder = cache_dir()
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        write_atomic(folder / f"{key}.json", _digest(payload).encode("ascii") + b"\n" + payload,
                     overwrite=True)
    except (OSError, TypeError, ValueError):
        pass


# Entries are arrays in a fixed field order: a quarter of the size of tables,
# and the order below is the whole contract between encode and decode.

def encode(briefing: Briefing) -> dict[str, Any]:
    """A resolved briefing as JSON data (anchors and reading order included)."""
    masthead = briefing.briefing
    published = masthead.published
    return {
        "briefing": [masthead.title, masthead.standfirst, masthead.source,
                     _date(published) if published else None, masthead.url,
                     list(masthead.tags)],
        "people": [[p.id, p.name, p.role] for p in briefing.people],
        "sections": [[s.id, s.title, s.summary, list(s.paragraphs)] for s in briefing.sections],
        "quotes": [[q.text, q.speaker, q.section, q.paragraph, q.note, *_anchor(q.anchor)]
                   for q in briefing.quotes],
        "figures": [[f.text, f.label, f.section, f.paragraph, f.value, f.unit, f.claimed_by,
                     f.status, *_anchor(f.anchor)] for f in briefing.figures],
    }


def decode(data: dict[str, Any]) -> Briefing:
    """The briefing `encode` gave this data for."""
    title, standfirst, source, published, url, tags = data["briefing"]
    masthead = Masthead(title=title, standfirst=standfirst, source=source,
                        published=_undate(published) if published else None, url=url,
                        tags=tuple(tags))
    people = [Person(id=i, name=n, role=r) for i, n, r in data["people"]]
    by_id = {person.id: person for person in people}
    sections = [Section(id=i, title=t, summary=s, paragraphs=tuple(p))
                for i, t, s, p in data["sections"]]
    # Positional and in field order: the fastest way to build tens of thousands.
    quotes = [Quote(text, speaker, Anchor(s, p, start, end), index, section, paragraph, note,
                    by_id.get(speaker))
              for index, (text, speaker, section, paragraph, note, s, p, start, end)
              in enumerate(data["quotes"])]
    figures = [Figure(text, label, Anchor(s, p, start, end), index, section, paragraph, value,
                      unit, claimed_by, status, by_id.get(claimed_by) if claimed_by else None)
               for index, (text, label, section, paragraph, value, unit, claimed_by, status,
                           s, p, start, end) in enumerate(data["figures"])]
    return assemble(masthead, people, sections, quotes, figures)


def _anchor(anchor: Anchor) -> tuple[int, int, int, int]:
    return anchor.order


def _date(value: date) -> str:
    # A TOML date-time is kept as one (with its offset, if it had one).
    return ("T" if isinstance(value, datetime) else "D") + value.isoformat()


def _undate(text: str) -> date:
    kind, value = text[0], text[1:]
    return datetime.fromisoformat(value) if kind == "T" else date.fromisoformat(value)
