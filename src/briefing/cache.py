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
from collections.abc import Callable, Sequence
from datetime import date, datetime
from itertools import chain
from pathlib import Path
from typing import Any

from briefing import __version__
from briefing.model import Anchor, Briefing, Entries, Figure, Masthead, Person, Quote, Section

CACHE_DIR_VARIABLE = "BRIEFING_CACHE_DIR"
MAX_CACHE_BYTES = 64 * 1024 * 1024
_LAYOUT = 5  # of an entry; part of the key, so a new layout never reads an old one


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
        return decode(payload)
    except (OSError, ValueError, TypeError, KeyError, IndexError, RecursionError):
        return None


def write(key: str, briefing: Briefing) -> None:
    """Store a briefing that has just been validated; errors are ignored."""
    try:
        payload = encode(briefing)
    except (TypeError, ValueError):
        return
    write_payload(key, payload)


def write_payload(key: str, payload: bytes) -> None:
    """Store what `encode` gave for a validated briefing; errors are ignored."""
    from briefing.files import write_atomic

    try:
        folder = cache_dir()
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        write_atomic(folder / f"{key}.json", _digest(payload).encode("ascii") + b"\n" + payload,
                     overwrite=True, durable=False)
    except OSError:
        pass


# An entry's payload is one line of JSON, then the paragraphs of every section
# as UTF-8, joined by NUL (which valid text never holds): a section's
# paragraphs are decoded from their byte range only when the reader first
# shows or searches that section. Most of a briefing's bytes are paragraphs.
_PARAGRAPH_SEPARATOR = "\x00"

# Quotes and figures are stored by column, anchors as one flat list of
# integers: JSON parses that fastest, and an entry is built only when the
# reader first asks for it (see model.Entries). The names below are the whole
# contract between encode and decode.
_QUOTE_COLUMNS = ("text", "speaker", "section", "paragraph", "note")
_FIGURE_COLUMNS = ("text", "label", "section", "paragraph", "value", "unit", "claimed_by",
                   "status")


def encode(briefing: Briefing) -> bytes:
    """A resolved briefing as an entry's payload (anchors and reading order
    included)."""
    masthead = briefing.briefing
    published = masthead.published
    texts: list[bytes] = []
    sections: list[list[Any]] = []
    offset = 0
    for section in briefing.sections:
        text = _PARAGRAPH_SEPARATOR.join(section.paragraphs).encode("utf-8")
        texts.append(text)
        sections.append([section.id, section.title, section.summary, offset,
                         offset + len(text), len(section.paragraphs)])
        offset += len(text)
    head = {
        "briefing": [masthead.title, masthead.standfirst, masthead.source,
                     _date(published) if published else None, masthead.url,
                     list(masthead.tags)],
        "people": [[p.id, p.name, p.role] for p in briefing.people],
        "sections": sections,
        "quotes": _columns(briefing.quotes, _QUOTE_COLUMNS),
        "figures": _columns(briefing.figures, _FIGURE_COLUMNS),
        "quote_order": [q.index for q in briefing.quotes_in_order],
        "figure_order": [f.index for f in briefing.figures_in_order],
    }
    # Compact JSON has no raw newline: the first one ends it.
    line = json.dumps(head, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return line + b"\n" + b"".join(texts)


def _columns(entries: Sequence[Quote] | Sequence[Figure], names: tuple[str, ...]
             ) -> dict[str, list[Any]]:
    if not entries:
        return {name: [] for name in (*names, "anchor")}
    # Entries are named tuples: transposed at C speed, a field is a column.
    fields = entries[0]._fields
    by_field = list(zip(*entries, strict=True))
    table = {name: list(by_field[fields.index(name)]) for name in names}
    table["anchor"] = list(chain.from_iterable(by_field[fields.index("anchor")]))
    return table


def decode(payload: bytes) -> Briefing:
    """The briefing `encode` gave this payload for; its entries and its
    sections' paragraphs are built lazily.

    Raises ValueError, TypeError, KeyError or IndexError on data of another
    shape (which `read` turns into a miss)."""
    line, _, texts = payload.partition(b"\n")
    data = json.loads(line)
    title, standfirst, source, published, url, tags = data["briefing"]
    masthead = Masthead(title=title, standfirst=standfirst, source=source,
                        published=_undate(published) if published else None, url=url,
                        tags=tuple(tags))
    people = tuple(Person(id=i, name=n, role=r) for i, n, r in data["people"])
    by_id = {person.id: person for person in people}
    sections = tuple(Section(id=i, title=t, summary=s,
                             paragraphs=_paragraphs(texts, start, end, count))
                     for i, t, s, start, end, count in data["sections"])
    if sections and sections[-1].paragraphs and len(texts) != data["sections"][-1][4]:
        raise ValueError("paragraph text of another length")

    (text, speaker, section, paragraph, note), quote_at, quote_count = _table(
        data["quotes"], _QUOTE_COLUMNS)

    def quote(i: int) -> Quote:
        return Quote(text[i], speaker[i], quote_at(i), i, section[i], paragraph[i], note[i],
                     by_id.get(speaker[i]))

    (f_text, label, f_section, f_paragraph, value, unit, claimed_by, status), figure_at, \
        figure_count = _table(data["figures"], _FIGURE_COLUMNS)

    def figure(i: int) -> Figure:
        claimant = by_id.get(claimed_by[i]) if claimed_by[i] else None
        return Figure(f_text[i], label[i], figure_at(i), i, f_section[i], f_paragraph[i],
                      value[i], unit[i], claimed_by[i], status[i], claimant)

    quotes, figures = Entries(quote_count, quote), Entries(figure_count, figure)
    quote_order = _order(data["quote_order"], quote_count)
    figure_order = _order(data["figure_order"], figure_count)
    return Briefing(
        briefing=masthead, people=people, sections=sections, quotes=quotes, figures=figures,
        quotes_in_order=Entries(quote_count, lambda k: quotes[quote_order[k]]),
        figures_in_order=Entries(figure_count, lambda k: figures[figure_order[k]]),
        quote_anchors=Entries(quote_count, lambda k: quote_at(quote_order[k])),
        figure_anchors=Entries(figure_count, lambda k: figure_at(figure_order[k])),
        people_by_id=by_id,
    )


def _table(table: dict[str, list[Any]], names: tuple[str, ...]
           ) -> tuple[list[list[Any]], Callable[[int], Anchor], int]:
    """The columns, the anchor of entry i, and how many entries there are."""
    columns = [table[name] for name in names]
    flat: list[int] = table["anchor"]
    count = len(columns[0])
    if any(len(column) != count for column in columns) or len(flat) != 4 * count:
        raise ValueError("columns of different lengths")

    def anchor(i: int) -> Anchor:
        at = 4 * i
        return Anchor(flat[at], flat[at + 1], flat[at + 2], flat[at + 3])

    return columns, anchor, count


def _paragraphs(texts: bytes, start: int, end: int, count: int) -> Entries[str]:
    """A section's paragraphs, decoded from their bytes when first read."""
    decoded: list[list[str]] = []

    def paragraph(i: int) -> str:
        if not decoded:
            split = texts[start:end].decode("utf-8").split(_PARAGRAPH_SEPARATOR)
            if len(split) != count:
                raise ValueError("a section's paragraphs were damaged")
            decoded.append(split)
        return decoded[0][i]

    if not (isinstance(start, int) and isinstance(end, int) and 0 <= start <= end):
        raise ValueError("a byte range out of order")
    return Entries(count, paragraph)


def _order(order: list[int], count: int) -> list[int]:
    if len(order) != count or not all(isinstance(i, int) for i in order):
        raise ValueError("a reading order of another length")
    return order


def _date(value: date) -> str:
    # A TOML date-time is kept as one (with its offset, if it had one).
    return ("T" if isinstance(value, datetime) else "D") + value.isoformat()


def _undate(text: str) -> date:
    kind, value = text[0], text[1:]
    return datetime.fromisoformat(value) if kind == "T" else date.fromisoformat(value)
