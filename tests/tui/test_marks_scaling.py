"""Marking a paragraph takes time linear in its marks (issue 19, item 5).

A paragraph may hold thousands of anchored quotes (and a search thousands
of matches): each key that moves the current quote marks it anew. Styling
it one mark at a time copied every mark before, and cutting it into lines
walked every mark per line: a paragraph of 3,300 quotes took 0.75 s to its
first frame and half a second a key. Here a paragraph of 800 quotes and one
of 3,200 are read with `n`: four times the marks must cost about four
times the processor time, not sixteen (a ratio, never a time)."""

from __future__ import annotations

import gc
import time
from pathlib import Path

import tomli_w

from briefing.loader import load_briefing
from briefing.tui.app import reader_app
from guards import no_hang
from ratios import best_times

MAX_RATIO = 8.0
ATTEMPTS = 3
PRESSES = 12


def one_paragraph_of_quotes(folder: Path, count: int) -> Path:
    words = [f"w{i:04d}" for i in range(count)]
    document = {
        "format": 1, "briefing": {"title": "Marks"},
        "sections": [{"id": "s", "title": "S", "paragraphs": [" ".join(words)]}],
        "quotes": [{"text": w, "speaker": "x", "section": "s", "paragraph": 1} for w in words],
    }
    path = folder / f"marks-{count}.toml"
    path.write_bytes(tomli_w.dumps(document).encode("utf-8"))
    return path


async def reading_seconds(path: Path) -> float:
    """Processor time from opening the file to PRESSES quotes read."""
    app = reader_app(load_briefing(path), None)
    gc.collect()
    start = time.process_time()
    with no_hang(120, "marking one paragraph (it is not linear)"):
        async with app.run_test(size=(100, 30)) as pilot:
            for _ in range(PRESSES):
                await pilot.press("n")
            await pilot.pause()
            assert app.screen.quote is not None  # type: ignore[attr-defined]
    return time.process_time() - start


async def test_marking_time_grows_linearly_with_the_marks(tmp_path: Path) -> None:
    small, large = one_paragraph_of_quotes(tmp_path, 800), one_paragraph_of_quotes(tmp_path, 3200)
    best_small, best_large = await best_times(reading_seconds, small, large,
                                              attempts=ATTEMPTS, enough=MAX_RATIO)
    ratio = best_large / best_small
    assert ratio < MAX_RATIO, (f"4x the marks took {ratio:.1f}x the time "
                               f"({best_small * 1000:.0f} ms, then {best_large * 1000:.0f} ms)")
