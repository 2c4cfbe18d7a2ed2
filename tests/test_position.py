"""Where the reader is, found again: from a saved state, and in a new
version of the file (headless: no app)."""

from __future__ import annotations

from briefing.loader import load_briefing, parse_briefing
from briefing.position import Position, at_entry, entries_in, find_entry, moved, restored
from briefing.resources import bundled_briefing
from briefing.state import ReaderState, entry_key

BRIEFING = load_briefing(bundled_briefing())


def test_a_section_holds_its_own_entries_in_reading_order() -> None:
    for number in range(len(BRIEFING.sections)):
        quotes, figures = entries_in(BRIEFING, number)
        assert [q.anchor.section for q in quotes] == [number] * len(quotes)
        assert [f.anchor.section for f in figures] == [number] * len(figures)
    assert sum(len(entries_in(BRIEFING, n)[0]) for n in range(len(BRIEFING.sections))) == len(
        BRIEFING.quotes)


def test_a_saved_entry_is_found_in_its_section_and_elsewhere_only_when_thorough() -> None:
    quote = BRIEFING.quotes_in_order[-1]
    key = entry_key(quote)
    assert find_entry(BRIEFING, key, quote.anchor.section, thorough=False) is quote
    other = 0 if quote.anchor.section else 1
    assert find_entry(BRIEFING, key, other, thorough=False) is None
    assert find_entry(BRIEFING, key, other, thorough=True) is quote


def test_a_saved_state_restores_the_entry_and_the_place_read() -> None:
    quote = BRIEFING.quotes_in_order[3]
    section = BRIEFING.sections[quote.anchor.section].id
    at_quote = restored(BRIEFING, ReaderState().at(section, entry_key(quote)))
    assert at_quote == at_entry(quote, Position(quote.anchor.section))
    assert at_quote is not None and at_quote.quote is quote and at_quote.selected == "quote"
    read_on = restored(BRIEFING, ReaderState().at(section, entry_key(quote), (5, 0)))
    assert read_on is not None and read_on.quote is quote and read_on.top == (5, 0)
    assert restored(BRIEFING, ReaderState()) is None


def test_a_position_moves_to_the_same_entry_in_a_new_version() -> None:
    text = bundled_briefing().read_text(encoding="utf-8")
    first = BRIEFING.sections[0].paragraphs[0]
    edited = parse_briefing(text.replace(first, first + " (Updated.)", 1), source="edited.toml")
    assert edited.sections[0].paragraphs[0].endswith("(Updated.)")
    quote = BRIEFING.quotes_in_order[2]
    position = at_entry(quote, Position(quote.anchor.section))
    after = moved(position, BRIEFING, edited, thorough=True)
    assert after.quote is not None and after.quote is not quote  # the new version's own
    assert entry_key(after.quote) == entry_key(quote) and after.selected == "quote"


def test_not_thorough_a_saved_entry_is_looked_for_in_its_saved_section_only() -> None:
    quote = BRIEFING.quotes_in_order[-1]
    elsewhere = BRIEFING.sections[0 if quote.anchor.section else 1].id
    state = ReaderState().at(elsewhere, entry_key(quote))
    thorough = restored(BRIEFING, state)
    assert thorough is not None and thorough.quote is quote
    quick = restored(BRIEFING, state, thorough=False)
    assert quick is not None and quick.entry is None
