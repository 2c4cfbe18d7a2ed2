"""Search inside a briefing: every place a query's words occur, in reading order.

Headless (no Textual), and safe to run off the UI thread: a `SearchIndex`
and a `Search` are immutable once made. The index joins each section's
paragraphs into one text, so one regular expression scans a section at C
speed; hits are mapped back to their paragraph by bisecting its starts.
One section at a time, so a caller can stop between two (a newer keystroke)
and the scan never holds the interpreter for long.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Sequence
from typing import NamedTuple

from briefing.model import Section

MAX_MATCHES = 10_000  # more is no help to a reader stepping with n, and costs memory
# Between two paragraphs in a section's joined text: never in a query typed
# or pasted into one line, so no match spans two paragraphs.
_SEPARATOR = "\n"


class Match(NamedTuple):
    """Where a query matched: section and paragraph indexes, character span.

    Sorts in reading order, and a section's matches sort between `(s,)` and
    `(s + 1,)`, so they can be found by bisection."""

    section: int
    paragraph: int
    start: int
    end: int

    @property
    def order(self) -> tuple[int, int, int]:
        return (self.section, self.paragraph, self.start)


class SearchIndex(NamedTuple):
    """Each section's paragraphs joined, and where each paragraph starts."""

    texts: tuple[str, ...]
    starts: tuple[tuple[int, ...], ...]

    def __repr__(self) -> str:
        # Short: messages carrying an index are logged by repr (the whole
        # text of a large briefing took 25 ms to print, on the UI thread).
        return f"SearchIndex({len(self.texts)} sections)"

    @classmethod
    def of(cls, sections: Sequence[Section]) -> SearchIndex:
        texts: list[str] = []
        starts: list[tuple[int, ...]] = []
        for section in sections:
            offsets: list[int] = []
            at = 0
            for paragraph in section.paragraphs:
                offsets.append(at)
                at += len(paragraph) + len(_SEPARATOR)
            texts.append(_SEPARATOR.join(section.paragraphs))
            starts.append(tuple(offsets))
        return cls(tuple(texts), tuple(starts))


class Search(NamedTuple):
    """A query, where it matches (in reading order, case-insensitively), and
    which match the reader is at."""

    query: str
    matches: tuple[Match, ...] = ()
    current: int | None = None

    def __repr__(self) -> str:
        return f"Search({self.query!r}, {len(self.matches)} matches, current={self.current})"

    @property
    def capped(self) -> bool:
        """More matches than MAX_MATCHES: only the first are kept."""
        return len(self.matches) >= MAX_MATCHES

    def in_section(self, section: int) -> tuple[int, int]:
        """The range of indexes of the matches in a section."""
        return (bisect.bisect_left(self.matches, (section,)),
                bisect.bisect_left(self.matches, (section + 1,)))


def find(index: SearchIndex, query: str, *, limit: int = MAX_MATCHES,
         cancelled: Callable[[], bool] = lambda: False) -> Search | None:
    """Search the whole briefing for `query` (literally, ignoring case).

    `cancelled` is asked between sections: when it says so, None is
    returned (the caller no longer wants the result)."""
    if not query or _SEPARATOR in query:
        return Search(query)
    pattern = re.compile(re.escape(query), re.IGNORECASE)
    matches: list[Match] = []
    for section, (text, starts) in enumerate(zip(index.texts, index.starts, strict=True)):
        if cancelled():
            return None
        for found in pattern.finditer(text):
            start = found.start()
            paragraph = bisect.bisect_right(starts, start) - 1
            offset = starts[paragraph]
            matches.append(Match(section, paragraph, start - offset, found.end() - offset))
            if len(matches) >= limit:
                return Search(query, tuple(matches))
    return Search(query, tuple(matches))
