"""The width classes screens lay themselves out by (see briefing.tcss)."""

from __future__ import annotations

# Columns from which each class applies: 80-109 narrow, 110-159 normal, 160+ wide.
HORIZONTAL_BREAKPOINTS: list[tuple[int, str]] = [(0, "-narrow"), (110, "-normal"),
                                                 (160, "-wide")]


def width_class(width: int) -> str:
    """The class HORIZONTAL_BREAKPOINTS gives a screen of this width."""
    chosen = ""
    for threshold, name in HORIZONTAL_BREAKPOINTS:
        if width >= threshold:
            chosen = name
    return chosen
