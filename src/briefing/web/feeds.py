"""RSS and Atom feeds, read with feedparser from bytes already fetched.

feedparser is handed a stream, never a string: given a string it would
fetch a URL or open a file by that name. A feed that declares XML entities
is refused outright (an entity can expand to gigabytes, or name a local
file); the parser is told not to fetch external DTDs. A feed over 4 MiB or
100,000 tags is refused, and at most `MAX_ENTRIES` entries are read. Each
entry's link is checked as a link the importer may fetch; an entry without
one is imported from its own content.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, field
from datetime import date

from briefing.errors import BriefingError
from briefing.text import FORBIDDEN

# A news feed is rarely over 1 MB, even with full articles in it; feedparser
# takes ~2 s a MiB, and about as long for every 30,000 tags.
MAX_FEED_BYTES = 4 * 1024 * 1024
MAX_TAGS = 100_000
MAX_ENTRIES = 500
_ENTITY_DECLARATION = re.compile(rb"<!ENTITY", re.IGNORECASE)
_SPACE = re.compile(r"\s+")


@dataclass
class FeedEntry:
    """One article of a feed: where it is, or what it says."""

    link: str | None
    title: str | None
    published: date | None = None
    content: str | None = None   # HTML, for an entry without a link


@dataclass
class Feed:
    title: str | None
    entries: list[FeedEntry]
    warnings: list[str] = field(default_factory=list)


def read_feed(data: bytes, *, source: str, url: str | None = None,
              media_type: str = "") -> Feed:
    """The entries of an RSS or Atom feed; `BriefingError` when it is none."""
    if len(data) > MAX_FEED_BYTES:
        raise BriefingError.single(source, f"the feed is {len(data) / 1048576:.1f} MiB; the "
                                   f"limit is {MAX_FEED_BYTES // 1048576} MiB")
    tags = data.count(b"<")
    if tags > MAX_TAGS:
        raise BriefingError.single(source, f"the feed has {tags:,} tags; a feed holds at "
                                   f"most {MAX_TAGS:,}")
    if _ENTITY_DECLARATION.search(data):
        raise BriefingError.single(source, "the feed declares XML entities; refused (an "
                                   "entity can expand to gigabytes or read local files)")
    import feedparser

    headers = {"content-type": media_type or "application/xml"}
    if url:
        headers["content-location"] = url
    try:
        parsed = feedparser.parse(io.BytesIO(data), response_headers=headers,
                                  sanitize_html=True, resolve_relative_uris=True)
    except Exception as error:  # a third-party parser on a hostile feed: one line, no trace
        raise BriefingError.single(source, f"not a readable feed ({type(error).__name__})"
                                   ) from None
    if not parsed.entries:
        problem = parsed.get("bozo_exception")
        detail = f": {_first_line(problem)}" if problem else ""
        raise BriefingError.single(source, f"not a readable feed, or a feed with no "
                                   f"entries{detail}")
    warnings = []
    entries = parsed.entries
    if len(entries) > MAX_ENTRIES:
        warnings.append(f"{source}: read the first {MAX_ENTRIES:,} of {len(entries):,} entries")
        entries = entries[:MAX_ENTRIES]
    return Feed(_one_line(parsed.feed.get("title")), [_entry(entry) for entry in entries],
                warnings)


def _entry(entry) -> FeedEntry:
    link = entry.get("link") or None
    if link is not None and not _is_web_link(link):
        link = None
    content = None
    if entry.get("content"):
        content = entry.content[0].get("value")
    content = content or entry.get("summary")
    when = entry.get("published_parsed") or entry.get("updated_parsed")
    published = None
    if when:
        try:
            published = date(when.tm_year, when.tm_mon, when.tm_mday)
        except (ValueError, AttributeError):
            published = None
    return FeedEntry(link, _one_line(entry.get("title")), published, content)


def _is_web_link(link: str) -> bool:
    return (link.startswith(("http://", "https://")) and len(link) <= 2000
            and not _SPACE.search(link) and not FORBIDDEN.search(link))


def _one_line(text: str | None) -> str | None:
    if not text:
        return None
    text = FORBIDDEN.sub("", _SPACE.sub(" ", str(text))).strip()
    return text or None


def _first_line(error: object) -> str:
    text = str(error).strip() or type(error).__name__
    return text.splitlines()[0][:200]
