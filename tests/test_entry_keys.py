"""EntryKeys: the entries a set of keys names, found by lookup."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from briefing.entry_keys import EntryKeys
from briefing.loader import load_briefing
from briefing.resources import bundled_briefing
from briefing.state import entry_key


def test_the_keys_asked_for_give_their_entries_in_reading_order() -> None:
    briefing = load_briefing(bundled_briefing())
    quotes, figures = briefing.quotes_in_order, briefing.figures_in_order
    keys = EntryKeys(briefing)
    wanted = {entry_key(quotes[7]), entry_key(quotes[2]), entry_key(figures[5]), "quote:0" * 2}
    assert keys.quotes(wanted) == [2, 7]
    assert keys.figures(wanted) == [5]
    assert keys.quotes(set()) == [] and keys.figures({entry_key(quotes[0])}) == []


def test_one_key_for_the_same_words_twice_names_both(
        write_briefing: Callable[..., Path], briefing_text: Callable[..., str]) -> None:
    twice = ('\n[[quotes]]\ntext = "160,000"\nspeaker = "boichenko"\nsection = "humanitarian"\n'
             'paragraph = 1\n'
             '\n[[quotes]]\ntext = "160,000"\nspeaker = "boichenko"\nsection = "humanitarian"\n'
             'paragraph = 2\n')
    briefing = load_briefing(write_briefing(briefing_text(twice)))
    keys = EntryKeys(briefing)
    key = entry_key(briefing.quotes_in_order[0])
    assert entry_key(briefing.quotes_in_order[1]) == key
    assert keys.quotes({key}) == [0, 1]
