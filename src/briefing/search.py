"""Search inside a briefing: every place a query occurs in any text the
reader shows, in reading order.

The texts searched: the briefing's title and standfirst; each section's
title, summary and paragraphs; each quote's speaker, role and context note;
each figure's label and claimant. (A quote's or figure's own words are in
its paragraph, and found there.)

The query is folded, not the text: its apostrophes, quotation marks and
dashes match any of their typographic forms, any run of whitespace matches
any run, and case is ignored. Folding happens in the pattern, so a match's
span is the exact span of the original text, with nothing to map back.

Headless (no Textual), and safe to run off the UI thread: a `SearchIndex`
and a `Search` are immutable once made. The index joins each section's
paragraphs into one text (and every other text, field by field, into one
per field), so one regular expression scans a section at C speed; hits are
mapped back to their paragraph or entry by bisecting their starts. One section at a time, so a
caller can stop between two (a newer keystroke) and the scan never holds
the interpreter for long.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from itertools import accumulate
from operator import itemgetter
from typing import Literal, NamedTuple

from briefing.model import Anchor, Briefing

MAX_MATCHES = 10_000  # more is no help to a reader stepping with n, and costs memory
# Between two joined texts: never in valid text (control characters are
# refused at load) and not whitespace, so no match spans two texts.
_SEPARATOR = "\x00"

Field = Literal["title", "standfirst", "heading", "summary", "paragraph",
                "speaker", "role", "note", "label", "claimant",
                "your_quote_note", "your_figure_note"]
# The fields of a quote and of a figure: a match in one names the entry by
# its index in the briefing's quotes_in_order or figures_in_order.
# The reader's own notes (from `a`) are searched as fields of their entries.
QUOTE_FIELDS: frozenset[Field] = frozenset({"speaker", "role", "note", "your_quote_note"})
FIGURE_FIELDS: frozenset[Field] = frozenset({"label", "claimant", "your_figure_note"})

# Characters a query's character stands for: each of these groups is one.
_FOLDED_GROUPS = (
    "'‘’‚‛ʼ′`´",  # apostrophes and single quotation marks
    '"“”„‟″«»',  # double quotation marks
    "-‐‑‒–—―−",  # hyphens, dashes, minus
)
_FOLDS = {char: "[" + "".join(re.escape(c) for c in group) + "]"
          for group in _FOLDED_GROUPS for char in group}
_WHITESPACE = re.compile(r"(\s+)")


class Match(NamedTuple):
    """Where a query matched: the text (`field`), and the span in it.

    For a paragraph, `section` and `paragraph` are its indexes. The
    briefing's title and standfirst are in section -1; a section's title and
    summary in its own, paragraph -1. An entry's field is where its anchor
    is, and `entry` is its index in reading order among its kind.

    Matches are kept in reading order, and a section's sort between `(s,)`
    and `(s + 1,)`, so they can be found by bisection."""

    section: int
    paragraph: int
    start: int
    end: int
    field: Field = "paragraph"
    entry: int = -1

    @property
    def order(self) -> tuple[int, int, int]:
        return (self.section, self.paragraph, self.start)


class _Joined(NamedTuple):
    """Short texts (one per section, or per entry) joined into one, so a
    run of them is scanned by one regular expression at C speed."""

    text: str
    starts: tuple[int, ...]  # where each text starts, and one past the end

    @classmethod
    def of(cls, pieces: Iterable[str | None]) -> _Joined:
        texts = [piece or "" for piece in pieces]
        return cls(_SEPARATOR.join(texts),
                   tuple(accumulate((len(text) + len(_SEPARATOR) for text in texts),
                                    initial=0)))

    def find(self, pattern: re.Pattern[str], first: int, last: int,
             limit: int) -> list[tuple[int, int, int]]:
        """Matches in texts `first` to `last` (excluded): (text, start, end)."""
        found: list[tuple[int, int, int]] = []
        if first >= last:
            return found
        starts = self.starts
        for hit in pattern.finditer(self.text, starts[first], starts[last]):
            start = hit.start()
            at = bisect.bisect_right(starts, start) - 1
            found.append((at, start - starts[at], hit.end() - starts[at]))
            if len(found) >= limit:
                break
        return found


# The fields of entries, in the order their matches sort at one anchor.
_ENTRY_FIELDS: tuple[Field, ...] = ("speaker", "role", "note", "your_quote_note", "label",
                                     "claimant", "your_figure_note")


class SearchIndex(NamedTuple):
    """Each section's paragraphs joined and where each starts; every other
    text joined by field; where each section's entries are."""

    texts: tuple[str, ...]
    starts: tuple[tuple[int, ...], ...]
    fields: Mapping[Field, _Joined]  # section and entry texts, by section or entry
    masthead: _Joined  # the title, then the standfirst
    entries: tuple[tuple[int, int, int, int], ...]  # per section: its quotes' and figures' range
    anchors: Mapping[Field, tuple[Anchor, ...]]  # of each entry field's entries
    # Each section's text folded (see _fold), where that keeps every offset
    # (None where it does not: "ß" becomes "ss"): a plain word is found in it
    # by str.find, several times faster than by a case-blind pattern.
    lowered: tuple[str | None, ...] = ()

    def __repr__(self) -> str:
        # Short: messages carrying an index are logged by repr (the whole
        # text of a large briefing took 25 ms to print, on the UI thread).
        return f"SearchIndex({len(self.texts)} sections)"

    @classmethod
    def of(cls, briefing: Briefing, quote_notes: Mapping[int, str] | None = None,
           figure_notes: Mapping[int, str] | None = None) -> SearchIndex:
        """The index of a briefing, with the reader's own notes on its
        quotes and figures (by position in reading order)."""
        texts: list[str] = []
        starts: list[tuple[int, ...]] = []
        for section in briefing.sections:
            texts.append(_SEPARATOR.join(section.paragraphs))
            starts.append(tuple(accumulate((len(p) + len(_SEPARATOR)
                                            for p in section.paragraphs[:-1]), initial=0)))
        sections, quotes, figures = briefing.sections, briefing.quotes_in_order, \
            briefing.figures_in_order
        fields: dict[Field, _Joined] = {
            "heading": _Joined.of(s.title for s in sections),
            "summary": _Joined.of(s.summary for s in sections),
            "speaker": _Joined.of(q.speaker_name for q in quotes),
            "role": _Joined.of(q.speaker_role for q in quotes),
            "note": _Joined.of(q.note for q in quotes),
            "label": _Joined.of(f.label for f in figures),
            "claimant": _Joined.of(f.claimant_name for f in figures),
            "your_quote_note": _Joined.of((quote_notes or {}).get(i) for i in range(len(quotes))),
            "your_figure_note": _Joined.of((figure_notes or {}).get(i)
                                           for i in range(len(figures))),
        }
        # Entries are in reading order: a section's are one run of each kind.
        q, f = briefing.quote_anchors, briefing.figure_anchors
        entries = tuple((bisect.bisect_left(q, (s,)), bisect.bisect_left(q, (s + 1,)),
                         bisect.bisect_left(f, (s,)), bisect.bisect_left(f, (s + 1,)))
                        for s in range(len(sections)))
        anchors: dict[Field, tuple[Anchor, ...]] = {
            field: q if field in QUOTE_FIELDS else f for field in _ENTRY_FIELDS}
        masthead = _Joined.of((briefing.masthead.title, briefing.masthead.standfirst))
        lowered = tuple(low if len(low := _fold(text)) == len(text) else None
                        for text in texts)
        return cls(tuple(texts), tuple(starts), fields, masthead, entries, anchors, lowered)


# A match as a plain tuple of Match's fields (see Matches).
_Row = tuple[int, int, int, int, Field, int]


class Matches(tuple):  # type: ignore[type-arg]
    """A search's matches in reading order, each kept as a plain tuple of
    Match's fields and read as a `Match`.

    The collector stops watching a plain tuple of numbers and strings at its
    first pass, but never a Match (a tuple subclass): a keystroke's 10,000
    Matches lived on in its lists, drove a full collection nearly every
    keystroke and made each one walk them (stalls of 10-25 ms while typing)."""

    def __getitem__(self, index):  # type: ignore[no-untyped-def, override]
        if isinstance(index, slice):
            return Matches(tuple.__getitem__(self, index))
        return Match._make(tuple.__getitem__(self, index))

    def __iter__(self) -> Iterator[Match]:  # type: ignore[override]
        return map(Match._make, tuple.__iter__(self))

    def __repr__(self) -> str:
        return f"Matches({len(self)})"


class Search(NamedTuple):
    """A query, where it matches (in reading order), and which match the
    reader is at."""

    query: str
    matches: Sequence[Match] = Matches()
    current: int | None = None

    def __repr__(self) -> str:
        return f"Search({self.query!r}, {len(self.matches)} matches, current={self.current})"

    @property
    def capped(self) -> bool:
        """More matches than MAX_MATCHES: only the first are kept."""
        return len(self.matches) >= MAX_MATCHES

    def in_section(self, section: int) -> tuple[int, int]:
        """The range of indexes of the matches in a section (-1: the masthead)."""
        return (bisect.bisect_left(self.matches, (section,)),
                bisect.bisect_left(self.matches, (section + 1,)))


def pattern_of(query: str) -> re.Pattern[str] | None:
    """The query folded into a pattern (see the module's docstring); None
    for a query that can match nothing."""
    if not query or _SEPARATOR in query:
        return None
    parts: list[str] = []
    for piece in _WHITESPACE.split(query):
        if not piece:
            continue
        if piece.isspace():
            parts.append(r"\s+")
        else:
            parts.extend(_FOLDS.get(char) or re.escape(char) for char in piece)
    return re.compile("".join(parts), re.IGNORECASE)


def find(index: SearchIndex, query: str, *, limit: int = MAX_MATCHES,
         cancelled: Callable[[], bool] = lambda: False,
         pattern: re.Pattern[str] | None = None) -> Search | None:
    """Search the whole briefing for `query` (folded: see the module), or
    for `pattern` where one is given (the words of an archive search).

    `cancelled` is asked between sections: when it says so, None is
    returned (the caller no longer wants the result)."""
    word = _plain_word(query) if pattern is None else None
    pattern = pattern_of(query) if pattern is None else pattern
    if pattern is None:
        return Search(query)
    masthead: tuple[Field, Field] = ("title", "standfirst")
    matches = [(-1, -1, start, end, masthead[at], -1)
               for at, start, end in index.masthead.find(pattern, 0, 2, limit)]
    # Every other field is scanned a block of sections at a time: a scan per
    # section and field was 4,500 scans at 500 sections, most of a
    # keystroke's search; a scan of the whole field would not stop early.
    elsewhere: dict[Field, _FieldHits] = {}
    for section, (text, starts) in enumerate(zip(index.texts, index.starts, strict=True)):
        if len(matches) >= limit:
            break
        if cancelled():
            return None
        if section % _BLOCK == 0:
            elsewhere = _fields_found(index, pattern, section, limit)
        room = limit - len(matches)
        found: list[_Row] = []
        low = index.lowered[section] if word is not None and index.lowered else None
        hits = (_plain_hits(low, word) if low is not None and word is not None
                else ((hit.start(), hit.end()) for hit in pattern.finditer(text)))
        for start, end in hits:
            paragraph = bisect.bisect_right(starts, start) - 1
            offset = starts[paragraph]
            found.append((section, paragraph, start - offset, end - offset, "paragraph", -1))
            if len(found) >= room:
                break
        around = _elsewhere(index, elsewhere, section)
        if around:
            # Few, as a rule: the paragraphs' matches are in order already.
            keyed = [((m[1], m[2], 0, 0, 0, 0), m) for m in found] + around
            keyed.sort(key=itemgetter(0))
            found = [match for _, match in keyed[:room]]
        matches += found
    return Search(query, Matches(matches))


_BLOCK = 32  # sections whose fields are scanned together


def _fields_found(index: SearchIndex, pattern: re.Pattern[str], first: int,
                  limit: int) -> dict[Field, _FieldHits]:
    """The matches in the fields of sections `first` to `first + _BLOCK`."""
    last = min(first + _BLOCK, len(index.texts))
    if first >= last:
        return {}
    quotes = (index.entries[first][0], index.entries[last - 1][1])
    figures = (index.entries[first][2], index.entries[last - 1][3])
    found: dict[Field, _FieldHits] = {}
    for field, joined in index.fields.items():
        low, high = ((first, last) if field in ("heading", "summary")
                     else quotes if field in QUOTE_FIELDS else figures)
        found[field] = _FieldHits.of(joined.find(pattern, low, high, limit))
    return found


class _FieldHits(NamedTuple):
    """One field's matches, (text, start, end) in order, and their texts'
    indexes alone, to find a run of texts' matches by bisection."""

    hits: list[tuple[int, int, int]]
    texts: list[int]

    @classmethod
    def of(cls, hits: list[tuple[int, int, int]]) -> _FieldHits:
        return cls(hits, [hit[0] for hit in hits])

    def between(self, first: int, last: int) -> list[tuple[int, int, int]]:
        """The matches in texts `first` to `last` (excluded)."""
        if first >= last or not self.hits:
            return []
        return self.hits[bisect.bisect_left(self.texts, first):
                         bisect.bisect_left(self.texts, last)]


def _fold(text: str) -> str:
    """Text as the case-blind pattern sees it: two characters match when
    their upper cases' lower cases are the same ("ı" and "I", "ſ" and "s").
    The final sigma lower() writes at the end of a word is any sigma here."""
    return text.upper().lower().replace("ς", "σ")


def _plain_word(query: str) -> str | None:
    """The query case-folded when the pattern would only ignore case: no
    whitespace and no character that stands for others (see _FOLDS)."""
    low = _fold(query)
    if len(low) != len(query) or any(char.isspace() or char in _FOLDS for char in query):
        return None
    return low


def _plain_hits(text: str, word: str) -> Iterator[tuple[int, int]]:
    """Where a case-folded word is in a case-folded text, without overlaps,
    as a pattern's finditer would find it."""
    at = text.find(word)
    while at >= 0:
        yield at, at + len(word)
        at = text.find(word, at + len(word))


def _elsewhere(index: SearchIndex, elsewhere: Mapping[Field, _FieldHits], section: int
               ) -> list[tuple[tuple[int, ...], _Row]]:
    """A section's matches outside its paragraphs, each with the key that
    sorts it in reading order: its title and summary come first, an entry's
    fields at its anchor, after the paragraph's own matches there."""
    found: list[tuple[tuple[int, ...], _Row]] = []
    for order, field in enumerate(("heading", "summary")):
        for _, start, end in elsewhere[field].between(section, section + 1):
            found.append(((-1, order, 0, 0, 0, start), (section, -1, start, end, field, -1)))
    quotes_from, quotes_to, figures_from, figures_to = index.entries[section]
    for order, field in enumerate(_ENTRY_FIELDS):
        first, last = ((quotes_from, quotes_to) if field in QUOTE_FIELDS
                       else (figures_from, figures_to))
        anchors = index.anchors[field]
        for entry, start, end in elsewhere[field].between(first, last):
            a = anchors[entry]
            found.append(((a.paragraph, a.start, 1, order, entry, start),
                          (section, a.paragraph, start, end, field, entry)))
    return found
