"""What lasts as long as the app, put out of the garbage collector's reach.

A full collection walks every object that can be in a cycle. The app keeps
large data for its whole life (a briefing of 10,000 quotes and the panes
that show it; the library's 10,000 entries), and each full collection
walked all of it: at 10,000 quotes, next-quote p95 40 ms -> 20 ms; in the
library at 10,000 briefings, a stall of 55-65 ms every few seconds while
idle -> none over 16 ms. The reader freezes twice, as what lasts becomes
known: the briefing, before Textual is imported (at 10,000 quotes, the
import's full collection walked it for 15 ms, and another of 30 ms came
before the first frame; `briefing.cli` freezes then, and `reader_app` for
whoever else builds the app), and its own screen once drawn, with its panes
and their styles (searching at 10,000 quotes then ran no full collection,
where it ran one of 8-25 ms per word typed; benchmarks/stalls.py). Freezing
moves everything alive now to a generation it never walks.
"""

from __future__ import annotations

import gc


def freeze_what_lasts() -> None:
    """Call when what is alive is what lasts. Frozen objects are still
    freed when nothing refers to them; only a cycle among them is never
    collected: what is garbage at that moment (a frame's few thousand
    cached strips) stays, once."""
    gc.freeze()
