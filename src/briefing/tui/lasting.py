"""What lasts as long as the app, put out of the garbage collector's reach.

A full collection walks every object that can be in a cycle. The app keeps
large read-only data for its whole life (a briefing of 10,000 quotes; the
library's 10,000 entries), and each full collection walked all of it: at
10,000 quotes, next-quote p95 40 ms -> 20 ms and a search's collection
55 ms -> 15 ms (benchmarks/keys.py, stalls.py); in the library at 10,000
briefings, a stall of 55-65 ms every few seconds while idle -> none over
16 ms. Freezing moves everything alive now to a generation it never walks.
"""

from __future__ import annotations

import gc


def freeze_what_lasts() -> None:
    """Call when what was just loaded is what lasts. Frozen objects are
    still freed when nothing refers to them; only a cycle among them would
    never be collected, so nothing short-lived should be in one here."""
    gc.freeze()
