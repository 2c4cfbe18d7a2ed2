"""Where a reader is in a briefing, and how that place is found again: from
the state saved when they left, and in a new version of the file.

Headless: the reader screen keeps a `Position` as its state and asks these
functions where an entry, a saved place or a moved entry is.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from typing import Literal, NamedTuple

from briefing.model import Briefing, Figure, Quote
from briefing.state import ReaderState, entry_key

Kind = Literal["quote", "figure"]
# A place in a section: (paragraph, character). Paragraph -1 is the heading
# and summary above the first paragraph; character -1 is the blank line
# above the paragraph.
Place = tuple[int, int]
TOP: Place = (-1, 0)


class Position(NamedTuple):
    """Where the reader is: the section shown, the quote and the figure
    marked current (each pane keeps its own), which of the two the reader
    arrived at last, and the place in the text to keep in view."""

    section: int = 0
    quote: Quote | None = None
    figure: Figure | None = None
    selected: Kind | None = None
    # (paragraph, start[, end]): words to bring into view. None: the view
    # starts as `top` says (None there too: the top of a section arrived at,
    # or where it is in the section being read).
    place: tuple[int, ...] | None = None
    top: Place | Literal["end"] | None = None

    @property
    def entry(self) -> Quote | Figure | None:
        """The entry arrived at last (the one the saved state remembers)."""
        return {"quote": self.quote, "figure": self.figure, None: None}[self.selected]


def entries_in(briefing: Briefing, section: int) -> tuple[Sequence[Quote], Sequence[Figure]]:
    """The quotes and figures anchored in a section, in reading order: one
    slice of each, found by bisecting the anchors."""
    start, end = (section,), (section + 1,)  # every anchor of the section sorts between
    quotes, figures = briefing.quote_anchors, briefing.figure_anchors
    return (briefing.quotes_in_order[bisect.bisect_left(quotes, start):
                                     bisect.bisect_left(quotes, end)],
            briefing.figures_in_order[bisect.bisect_left(figures, start):
                                      bisect.bisect_left(figures, end)])


def find_entry(briefing: Briefing, key: str, section: int | None, *,
                thorough: bool) -> Quote | Figure | None:
    """The quote or figure a key names: looked for in `section` first (where
    the reader was), then, if `thorough`, in every entry of its kind (a
    quarter of a second at 10,000 quotes: never on the UI thread)."""
    kind = key.partition(":")[0]
    if section is not None and 0 <= section < len(briefing.sections):
        for entry in entries_in(briefing, section)[0 if kind == "quote" else 1]:
            if entry_key(entry) == key:
                return entry
    if thorough:
        everything = briefing.quotes_in_order if kind == "quote" else briefing.figures_in_order
        for entry in everything:
            if entry_key(entry) == key:
                return entry
    return None


def at_entry(entry: Quote | Figure | None, position: Position) -> Position:
    """The position with this entry current, brought into view (all of it
    when it fits)."""
    if isinstance(entry, Quote):
        a = entry.anchor
        return position._replace(section=a.section, quote=entry, selected="quote",
                                 place=(a.paragraph, a.start, a.end), top=None)
    if isinstance(entry, Figure):
        a = entry.anchor
        return position._replace(section=a.section, figure=entry, selected="figure",
                                 place=(a.paragraph, a.start, a.end), top=None)
    return position


def restored(briefing: Briefing, state: ReaderState, *,
             thorough: bool = True) -> Position | None:
    """Where a saved state says the reader was, if it still exists: the
    section, scrolled to the saved place, with the entry selected there.
    Not `thorough`, the entry is looked for in the saved section only."""
    section = next((i for i, s in enumerate(briefing.sections) if s.id == state.section), None)
    entry = (find_entry(briefing, state.selected, section, thorough=thorough)
             if state.selected else None)
    if section is None:
        return at_entry(entry, Position()) if entry is not None else None
    position = Position(section, top=state.place)
    if entry is not None:
        position = at_entry(entry, position)
        if entry.anchor.section != section or state.place is not None:
            # The reader had moved on from it: back to where they were.
            position = position._replace(section=section, place=None, top=state.place)
    return position


def moved(position: Position, old: Briefing, new: Briefing, *, thorough: bool) -> Position:
    """A position in one version of a briefing, in the next: the same
    section (by id, else by number) and the same quote and figure (by key)."""
    index = {section.id: i for i, section in enumerate(new.sections)}

    def found(entry: Quote | Figure | None) -> Quote | Figure | None:
        if entry is None:
            return None
        return find_entry(new, entry_key(entry), index.get(old.sections[entry.anchor.section].id),
                           thorough=thorough)

    section = index.get(old.sections[position.section].id,
                        min(position.section, len(new.sections) - 1))
    quote, figure = found(position.quote), found(position.figure)
    selected = position.selected
    if (quote if selected == "quote" else figure if selected == "figure" else None) is None:
        selected = None
    return Position(section, quote, figure, selected)  # type: ignore[arg-type]
