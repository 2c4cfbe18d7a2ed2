"""Search inside a briefing: every text the reader shows, folded as a reader
types, each match the exact span of the original text."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefing.loader import parse_briefing
from briefing.model import Briefing, Masthead, Section, assemble
from briefing.search import MAX_MATCHES, Match, Search, SearchIndex, find

SECTIONS = (
    Section("one", "One", ("Mariupol was shelled.", "In MARIUPOL, aid waited.")),
    Section("two", "Two", ("No match here.",)),
    Section("three", "Three", ("mariupol, mariupol", "", "the end")),
)

# The sample briefing with typographic and plain punctuation, runs of
# whitespace, and every field a quote or figure has.
ENTRIES = """
[[quotes]]
text = "We are not trading people, land or sovereignty"
speaker = "kuleba"
note = "On what Ukraine will not give up"

[[quotes]]
text = "160,000 people were still trapped"
speaker = "boichenko"
section = "humanitarian"

[[figures]]
text = "41 sites"
label = "military sites Russia says it hit"
claimed_by = "Russia's defence ministry"
status = "unverified"
"""
TYPOGRAPHY = """
[[sections]]
id = "typography"
title = "Typography\u2014and spacing"
summary = "Where we\u2019re headed"
paragraphs = [
  "We\u2019re \u201cready\u201d, it said \u2013 the face\u2010to\u2010face  talks,\\nthen  more.",
  "We're \\"ready\\" - plain text.",
]
"""


def briefing_of(sections: tuple[Section, ...]) -> Briefing:
    return assemble(Masthead("A title"), (), sections, (), ())


@pytest.fixture
def sample(briefing_text: Callable[..., str]) -> Briefing:
    """The sample briefing with a standfirst, entries, and a section of typography."""
    masthead = 'standfirst = "Istanbul talks resume as a ceasefire is sought"'
    return parse_briefing(briefing_text(ENTRIES + TYPOGRAPHY, masthead=masthead),
                          source="x.toml")


def searched(briefing: Briefing, query: str) -> Search:
    search = find(SearchIndex.of(briefing), query)
    assert search is not None
    return search


def text_of(briefing: Briefing, match: Match) -> str:
    """The original text a match is in (what the reader shows there)."""
    section = briefing.sections[match.section] if match.section >= 0 else None
    quotes, figures = briefing.quotes_in_order, briefing.figures_in_order
    quote = quotes[match.entry] if 0 <= match.entry < len(quotes) else None
    figure = figures[match.entry] if 0 <= match.entry < len(figures) else None
    texts = {
        "title": lambda: briefing.masthead.title,
        "standfirst": lambda: briefing.masthead.standfirst,
        "heading": lambda: section.title,  # type: ignore[union-attr]
        "summary": lambda: section.summary,  # type: ignore[union-attr]
        "paragraph": lambda: section.paragraphs[match.paragraph],  # type: ignore[union-attr]
        "speaker": lambda: quote.speaker_name,  # type: ignore[union-attr]
        "role": lambda: quote.speaker_role,  # type: ignore[union-attr]
        "note": lambda: quote.note,  # type: ignore[union-attr]
        "label": lambda: figure.label,  # type: ignore[union-attr]
        "claimant": lambda: figure.claimant_name,  # type: ignore[union-attr]
    }
    return texts[match.field]()  # type: ignore[no-any-return]


def spans(briefing: Briefing, query: str) -> list[tuple[str, str]]:
    """Each match as (field, the original characters it covers)."""
    return [(m.field, text_of(briefing, m)[m.start:m.end])
            for m in searched(briefing, query).matches]


def scan(sections: tuple[Section, ...], query: str) -> list[Match]:
    pattern = re.compile(re.escape(query), re.IGNORECASE)
    return [Match(s, p, m.start(), m.end()) for s, section in enumerate(sections)
            for p, text in enumerate(section.paragraphs) for m in pattern.finditer(text)]


def test_finds_every_place_in_the_paragraphs_in_reading_order_ignoring_case() -> None:
    search = searched(briefing_of(SECTIONS), "mariupol")
    assert list(search.matches) == scan(SECTIONS, "mariupol")
    assert len(search.matches) == 4
    assert search.in_section(2) == (2, 4)
    assert search.in_section(1) == (2, 2)


def test_apostrophes_and_quotation_marks_match_their_typographic_forms(sample: Briefing) -> None:
    briefing = sample
    assert spans(briefing, "we're") == [("summary", "we\u2019re"), ("paragraph", "We\u2019re"),
                                        ("paragraph", "We're")]
    # The other way round: a curly apostrophe typed finds the straight one.
    assert spans(briefing, "We\u2019re") == spans(briefing, "we're")
    assert spans(briefing, '"ready"') == [("paragraph", "\u201cready\u201d"),
                                          ("paragraph", '"ready"')]
    assert spans(briefing, "Russia\u2019s defence") == [("claimant", "Russia's defence")]


def test_dashes_and_runs_of_whitespace_fold(sample: Briefing) -> None:
    briefing = sample
    assert spans(briefing, "face-to-face talks") == [
        ("paragraph", "face\u2010to\u2010face  talks")]
    assert spans(briefing, "said - the") == [("paragraph", "said \u2013 the")]
    assert spans(briefing, "Typography-and") == [("heading", "Typography\u2014and")]
    # A double space typed finds one space, and a line break in the text.
    assert spans(briefing, "talks,  then more") == [("paragraph", "talks,\nthen  more")]
    assert spans(briefing, "  ") == spans(briefing, " ") != []
    assert [field for field, _ in spans(briefing, "plain   TEXT")] == ["paragraph"]


def test_every_text_the_reader_shows_is_searched(sample: Briefing) -> None:
    briefing = sample
    found = {(m.field, m.section, m.entry) for m in searched(briefing, "talks").matches}
    assert ("title", -1, -1) in found  # "Talks in Istanbul"
    assert ("standfirst", -1, -1) in found
    assert ("summary", 0, -1) in found  # "Talks resume."
    assert ("paragraph", 0, -1) in found
    heading = searched(briefing, "humanitarian").matches
    assert [(m.field, m.section) for m in heading] == [("heading", 1)]
    kuleba = briefing.quotes_in_order.index(briefing.quotes[0])
    assert {(m.field, m.entry) for m in searched(briefing, "kuleba").matches} >= {
        ("speaker", kuleba), ("paragraph", -1)}
    assert [(m.field, m.entry) for m in searched(briefing, "mariupol mayor").matches] == [
        ("role", briefing.quotes_in_order.index(briefing.quotes[1]))]
    assert [m.field for m in searched(briefing, "will not give up").matches] == ["note"]
    assert [(m.field, m.entry) for m in searched(briefing, "says it hit").matches] == [
        ("label", 0)]
    # Entry fields are where the entry is: its anchor's section and paragraph.
    label = searched(briefing, "says it hit").matches[0]
    anchor = briefing.figures_in_order[0].anchor
    assert (label.section, label.paragraph) == (anchor.section, anchor.paragraph)


ORDER = """\
format = 1

[briefing]
title = "On aid"
standfirst = "Aid, and more aid"

[[sections]]
id = "first"
title = "Nothing here"
paragraphs = ["No match."]

[[sections]]
id = "aid"
title = "Aid heading"
summary = "Aid summary"
paragraphs = [
  "Aid came. \u201cAid is late,\u201d said Ann. Aid again.",
  "More aid.",
]

[[quotes]]
text = "Aid is late"
speaker = "Ann Aid"
"""


def test_matches_come_in_reading_order() -> None:
    briefing = parse_briefing(ORDER, source="order.toml")
    matches = searched(briefing, "aid").matches
    assert [(m.section, m.paragraph, m.field, m.start) for m in matches] == [
        (-1, -1, "title", 3), (-1, -1, "standfirst", 0), (-1, -1, "standfirst", 14),
        (1, -1, "heading", 0), (1, -1, "summary", 0),
        (1, 0, "paragraph", 0), (1, 0, "paragraph", 11),
        # The speaker's name sorts at the quote, after the text's own match
        # there ("said" holds "aid" too).
        (1, 0, "speaker", 4),
        (1, 0, "paragraph", 26), (1, 0, "paragraph", 35), (1, 1, "paragraph", 5)]
    search = Search("aid", matches)
    assert search.in_section(-1) == (0, 3)
    assert search.in_section(0) == (3, 3)
    assert search.in_section(1) == (3, 11)


def test_no_match_spans_two_texts_and_empty_finds_nothing(sample: Briefing) -> None:
    briefing = briefing_of(SECTIONS)
    assert searched(briefing, "shelled.\nIn").matches == ()
    assert searched(briefing, "shelled. In").matches == ()
    assert searched(briefing, "One Mariupol").matches == ()  # the heading, then a paragraph
    assert searched(briefing, "").matches == ()
    assert searched(sample, "Kuleba Ukraine").matches == ()  # speaker, then role


def test_a_cancelled_search_returns_nothing_and_matches_are_capped() -> None:
    index = SearchIndex.of(briefing_of(SECTIONS))
    assert find(index, "mariupol", cancelled=lambda: True) is None
    capped = find(index, "mariupol", limit=3)
    assert capped is not None and len(capped.matches) == 3
    many = SearchIndex.of(briefing_of((Section("x", "X", ("a" * (MAX_MATCHES + 5),)),)))
    everything = find(many, "a")
    assert everything is not None and len(everything.matches) == MAX_MATCHES
    assert everything.capped


# --- a plain word is found by str.find in folded text, as the pattern finds it --------

LETTERS = "aAbBsSkKıIİiß ſςσΣKéÉ\u0301ﬁ Ωω"


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(alphabet=LETTERS, min_size=1, max_size=60).filter(str.strip),
                min_size=1, max_size=4),
       st.text(alphabet=LETTERS.replace(" ", ""), min_size=1, max_size=3))
def test_a_word_is_found_where_the_case_blind_pattern_finds_it(paragraphs: list[str],
                                                               word: str) -> None:
    briefing = briefing_of((Section("s", "Title", tuple(p.strip() for p in paragraphs)),))
    index = SearchIndex.of(briefing)
    pattern = re.compile(re.escape(word), re.IGNORECASE)
    expected = [(0, p, hit.start(), hit.end())
                for p, text in enumerate(briefing.sections[0].paragraphs)
                for hit in pattern.finditer(text)]
    found = [(m.section, m.paragraph, m.start, m.end) for m in find(index, word).matches
             if m.field == "paragraph"]
    assert found == expected


def test_fields_are_found_in_every_section_of_a_long_briefing() -> None:
    # Fields are scanned a block of sections at a time: the sections of the
    # second and third blocks, and the entries there, are found as the first.
    parts = "\n".join(f'[[sections]]\nid = "s{n}"\ntitle = "Part {n}"\n'
                      f'paragraphs = ["Line {n} of the text."]\n' for n in range(70))
    quotes = "\n".join(f'[[quotes]]\ntext = "Line {n}"\nspeaker = "Partridge {n}"\n'
                       f'section = "s{n}"\n' for n in (5, 40, 69))
    briefing = parse_briefing(f'format = 1\n[briefing]\ntitle = "Parts"\n{parts}\n{quotes}',
                              source="parts.toml")
    matches = searched(briefing, "part").matches
    assert [(m.section, m.field) for m in matches if m.field == "heading"] == [
        (n, "heading") for n in range(70)]
    assert [(m.section, m.entry) for m in matches if m.field == "speaker"] == [
        (5, 0), (40, 1), (69, 2)]
    # Read as Match however they are read: by index, slice or iteration.
    assert list(matches) == [matches[i] for i in range(len(matches))]
    assert list(matches[70:]) == list(matches)[70:] and matches[-1].section == 69
    assert isinstance(matches[0], Match)
