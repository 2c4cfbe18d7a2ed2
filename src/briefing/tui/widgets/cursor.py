"""Where a list's cursor goes on a key: the one rule the panes' lists share."""

from __future__ import annotations


def moved(cursor: int | None, delta: int, count: int) -> int | None:
    """The cursor `delta` rows on in a list of `count` rows, held at the
    ends. With no cursor yet, a step down counts from just above the first
    row (one step lands on it) and a step up from the first row. An empty
    list has no cursor."""
    if not count:
        return None
    start = cursor if cursor is not None else (-1 if delta > 0 else 0)
    return max(0, min(count - 1, start + delta))
