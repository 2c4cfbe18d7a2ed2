"""Search inside a briefing: the same places a plain scan of the text finds."""

from __future__ import annotations

import re

from briefing.model import Section
from briefing.search import MAX_MATCHES, Match, SearchIndex, find

SECTIONS = (
    Section("one", "One", ("Mariupol was shelled.", "In MARIUPOL, aid waited.")),
    Section("two", "Two", ("No match here.",)),
    Section("three", "Three", ("mariupol, mariupol", "", "the end")),
)


def scan(sections: tuple[Section, ...], query: str) -> list[Match]:
    pattern = re.compile(re.escape(query), re.IGNORECASE)
    return [Match(s, p, m.start(), m.end()) for s, section in enumerate(sections)
            for p, text in enumerate(section.paragraphs) for m in pattern.finditer(text)]


def test_finds_every_place_in_reading_order_ignoring_case() -> None:
    search = find(SearchIndex.of(SECTIONS), "mariupol")
    assert search is not None
    assert list(search.matches) == scan(SECTIONS, "mariupol")
    assert len(search.matches) == 4
    assert search.in_section(2) == (2, 4)
    assert search.in_section(1) == (2, 2)


def test_no_match_spans_two_paragraphs_and_empty_finds_nothing() -> None:
    index = SearchIndex.of(SECTIONS)
    search = find(index, "shelled.\nIn")
    assert search is not None and search.matches == ()
    empty = find(index, "")
    assert empty is not None and empty.matches == ()


def test_a_cancelled_search_returns_nothing_and_matches_are_capped() -> None:
    index = SearchIndex.of(SECTIONS)
    assert find(index, "mariupol", cancelled=lambda: True) is None
    capped = find(index, "mariupol", limit=3)
    assert capped is not None and len(capped.matches) == 3
    many = SearchIndex.of((Section("x", "X", ("a" * (MAX_MATCHES + 5),)),))
    everything = find(many, "a")
    assert everything is not None and len(everything.matches) == MAX_MATCHES
    assert everything.capped
