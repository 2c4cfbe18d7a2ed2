"""The reader on a briefing at the size limits (10,000 quotes): what it does
must not block the screen. Loose timings only (a noisy 2-core CI): the
budgets proper are measured in benchmarks/."""

from __future__ import annotations

import asyncio
import gc
import re
import sys
import time
from pathlib import Path

import pytest
import tomli_w

from briefing.loader import load_briefing
from briefing.model import Briefing
from briefing.state import ReaderState, entry_key, save_state, state_key
from briefing.tui.app import reader_app
from briefing.tui.screens.reader import ReaderScreen
from conftest import screen_text

# Far above a frame, far below the old restore, which hashed 20,000 entries
# on the UI thread (~250 ms; 134 ms on a fast machine).
MAX_GAP_MS = 100


@pytest.fixture(scope="module")
def large(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Briefing]:
    sys.path.insert(0, str(Path(__file__).parent.parent.parent / "benchmarks"))
    try:
        import synthetic
    finally:
        sys.path.pop(0)
    path = tmp_path_factory.mktemp("large") / "large.toml"
    path.write_text(tomli_w.dumps(synthetic.build(10_000)), encoding="utf-8")
    return path, load_briefing(path)


class GapMonitor:
    """Wakes every millisecond in the app's loop and records the largest gap
    between two wake-ups while `watching` says so."""

    def __init__(self) -> None:
        self.largest = 0.0
        self.watching = lambda: False
        self._task = asyncio.create_task(self._run())

    async def _run(self) -> None:
        last, watched = time.perf_counter(), False
        while True:
            await asyncio.sleep(0.001)
            now = time.perf_counter()
            if watched:  # the whole gap fell while watching
                self.largest = max(self.largest, (now - last) * 1000)
            last, watched = now, self.watching()

    def stop(self) -> None:
        self._task.cancel()


async def test_the_saved_position_is_restored_without_blocking_the_screen(
        large: tuple[Path, Briefing]) -> None:
    path, briefing = large
    quote = briefing.quotes_in_order[9_000]
    section = briefing.sections[quote.anchor.section]
    save_state(state_key(briefing, path), ReaderState().at(section.id, entry_key(quote)))
    app = reader_app(briefing, path)
    gc.collect()  # see test_search_while_typing_on_a_large_briefing
    monitor = GapMonitor()
    landed = False

    def restoring() -> bool:  # from the screen's mount (the state is read then) to landing
        screen = app.screen if app.is_running else None
        return isinstance(screen, ReaderScreen) and screen.is_mounted and not landed

    monitor.watching = restoring
    try:
        async with app.run_test(size=(100, 30)) as pilot:
            screen = app.screen
            assert isinstance(screen, ReaderScreen)
            for _ in range(500):
                if screen.quote is not None:
                    break
                await asyncio.sleep(0.01)
            landed = True
            await pilot.pause()
            assert screen.quote is quote
            assert screen.section == quote.anchor.section
            assert f"{section.title}  {quote.anchor.section + 1}/" in screen_text(app)
            drawn_reversed = "".join(
                segment.text for line in app.screen._compositor.render_strips()
                for segment in line if segment.style is not None and segment.style.reverse
                and segment.text.strip())
            assert quote.text.split()[0] in drawn_reversed
    finally:
        monitor.stop()
    assert monitor.largest < MAX_GAP_MS, f"the screen was blocked {monitor.largest:.0f} ms"


async def test_search_while_typing_on_a_large_briefing(large: tuple[Path, Briefing]) -> None:
    briefing = large[1]
    word = "ceasefire"
    pattern = re.compile(word, re.IGNORECASE)
    expected = [(s, p, m.start()) for s, section in enumerate(briefing.sections)
                for p, text in enumerate(section.paragraphs) for m in pattern.finditer(text)]
    assert expected
    app = reader_app(briefing, None)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = app.screen
        assert isinstance(screen, ReaderScreen)
        await pilot.press("slash")
        # What is measured is the search, not a full collection of what the
        # tests before left (with 10,000 quotes in memory, over 100 ms).
        gc.collect()
        monitor = GapMonitor()
        monitor.watching = lambda: True
        try:
            for letter in word:
                await pilot.press(letter)
            for _ in range(300):
                if screen.search is not None and screen.search.query == word:
                    break
                await asyncio.sleep(0.01)
        finally:
            monitor.stop()
        await pilot.pause()
        assert monitor.largest < MAX_GAP_MS, f"a key was blocked {monitor.largest:.0f} ms"
        search = screen.search
        assert search is not None and search.query == word
        assert [m.order for m in search.matches] == expected
        assert f"{len(expected):,} matches · enter to go" in screen_text(app)
        await pilot.press("enter", "n")
        assert screen.search is not None and screen.search.current == 1
        second = screen.search.matches[1]
        assert screen.section == second.section
        assert f"2 of {len(expected):,} · n/N next/previous" in screen_text(app)
        # The match is drawn highlighted where it is in the text.
        drawn = [segment.text for line in app.screen._compositor.render_strips()
                 for segment in line if segment.style is not None and segment.style.reverse
                 and segment.text.strip().lower() == word]
        assert drawn, "the current match is not drawn highlighted"
