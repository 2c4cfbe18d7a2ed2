"""How the command palette matches what is typed against its commands.

Textual's fuzzy matcher tries every way a query's letters can fall in a
text: for a section title of 250 words "a" and the query "aaaa", that is
millions of ways, seconds of work and gigabytes. Section titles and names
are someone else's text, so the palette matches in one pass instead: the
query's characters in order, each at its first place after the one before,
a word start preferred when one is as near. A run of the query as typed,
found whole, ranks first.
"""

from __future__ import annotations

from itertools import pairwise

# What is typed is cut to this: a longer query names nothing a shorter does not.
MAX_QUERY = 64


def palette_match(query: str, text: str) -> tuple[float, tuple[int, ...]] | None:
    """A score in (0, 1] and the offsets of the matched characters in
    `text`, or None when the query's characters are not all in it, in order.
    Time and memory are linear in the text."""
    query = "".join(query.split()).casefold()[:MAX_QUERY]
    if not query:
        return None
    # Character by character, so an offset in it is one in the text (ß stays ß).
    folded = "".join(f if len(f := c.casefold()) == 1 else c for c in text)
    whole = folded.find(query)
    if whole >= 0:
        starts_word = whole == 0 or not folded[whole - 1].isalnum()
        return (0.9 + 0.1 * starts_word), tuple(range(whole, whole + len(query)))
    offsets: list[int] = []
    at = 0
    for char in query:
        found = folded.find(char, at)
        if found < 0:
            return None
        offsets.append(found)
        at = found + 1
    word_starts = sum(1 for o in offsets if o == 0 or not folded[o - 1].isalnum())
    runs = sum(1 for a, b in pairwise(offsets) if b == a + 1)
    spread = (offsets[-1] - offsets[0] + 1) / max(len(folded), 1)
    score = 0.2 + 0.4 * word_starts / len(offsets) + 0.2 * runs / len(offsets) \
        + 0.1 * (1 - spread)
    return min(score, 0.89), tuple(offsets)
