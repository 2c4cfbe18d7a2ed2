"""The width classes screens lay themselves out by (see briefing.tcss)."""

from __future__ import annotations

# Columns from which each class applies: under 80 tiny, 80-109 narrow, 110-159
# normal, 160+ wide. At each, the side panes are sized (or give way) so that
# the text column keeps at least 40 columns (see briefing.tcss).
HORIZONTAL_BREAKPOINTS: list[tuple[int, str]] = [(0, "-tiny"), (80, "-narrow"),
                                                 (110, "-normal"), (160, "-wide")]

# Widths whose side panes come only when asked for (and push others aside).
PANES_ON_DEMAND = frozenset({"-tiny", "-narrow"})


def width_class(width: int) -> str:
    """The class HORIZONTAL_BREAKPOINTS gives a screen of this width."""
    chosen = ""
    for threshold, name in HORIZONTAL_BREAKPOINTS:
        if width >= threshold:
            chosen = name
    return chosen
