"""Which quotes and figures a set of entry keys names, found without hashing
every entry again.

Keys (see `state.entry_key`) are hashes of an entry's words: finding the
starred entries of a briefing means hashing all of them, a tenth of a
second at 10,000 quotes and figures. An `EntryKeys` is built once per
briefing (off the UI thread), and then answers in the time it takes to
look up the keys asked for.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from briefing.model import Briefing, Figure, Quote
from briefing.state import entry_key


class EntryKeys:
    """The positions in reading order of every quote and figure, by key."""

    __slots__ = ("_figures", "_quotes", "briefing")

    def __init__(self, briefing: Briefing) -> None:
        self.briefing = briefing
        self._quotes = _Positions(briefing.quotes_in_order)
        self._figures = _Positions(briefing.figures_in_order)

    def quotes(self, keys: Iterable[str]) -> list[int]:
        """Where the quotes with these keys are, in reading order."""
        return self._quotes.of(keys)

    def figures(self, keys: Iterable[str]) -> list[int]:
        """Where the figures with these keys are, in reading order."""
        return self._figures.of(keys)


class _Positions:
    """Key to position, for one kind of entry. A dict of strings to ints is
    not tracked by the garbage collector, so it adds nothing to each full
    collection; the few keys that name more than one entry (the same words
    twice) keep their other positions apart."""

    __slots__ = ("first", "more")

    def __init__(self, entries: Sequence[Quote] | Sequence[Figure]) -> None:
        self.first: dict[str, int] = {}
        self.more: dict[str, list[int]] = {}
        for position, entry in enumerate(entries):
            key = entry_key(entry)
            if key in self.first:
                self.more.setdefault(key, []).append(position)
            else:
                self.first[key] = position

    def of(self, keys: Iterable[str]) -> list[int]:
        found = [self.first[key] for key in keys if key in self.first]
        found += [p for key in keys for p in self.more.get(key, ())] if self.more else []
        return sorted(found)
