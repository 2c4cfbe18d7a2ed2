"""Long sections are laid out as they are read (issue 19, item 5).

Only the text on screen and a page either side of it is wrapped; the rest
of a section counts as the lines it would most likely take. A section of
megabytes used to be wrapped whole on opening and on every resize: four
seconds to the first frame, seven to a resize. What a reader must never
see from the laziness: a line missed or shown twice, a place lost through
a resize, or an end that is not the end.
"""

from __future__ import annotations

import gc
import random
import time
from pathlib import Path

import tomli_w
from test_reading_place import text_lines

from briefing.loader import load_briefing
from briefing.tui.app import reader_app
from briefing.tui.screens.reader import ReaderScreen
from guards import no_hang
from ratios import best_times

WORDS = ("the talks went on late into the night while ministers waited for word from "
         "the capital about the ceasefire and the convoys of aid").split()


def paragraph(rng: random.Random, number: int) -> str:
    """A paragraph of 1 to ~250 words (some over several lines of the file),
    starting with its number so that a reader can tell where it is."""
    count = rng.choice([1, 3, 12, 40, 90, 250])
    words = [rng.choice(WORDS) for _ in range(count)]
    if count >= 40 and rng.random() < 0.3:
        words[count // 2] += "\n"
    return f"P{number}: " + " ".join(words).replace("\n ", "\n")


def long_section(folder: Path, paragraphs: int, *, seed: int = 7) -> Path:
    rng = random.Random(seed)
    document = {"format": 1, "briefing": {"title": "Long"},
                "sections": [{"id": "s", "title": "The one section",
                              "paragraphs": [paragraph(rng, p) for p in range(paragraphs)]}]}
    path = folder / f"long-{paragraphs}.toml"
    path.write_bytes(tomli_w.dumps(document).encode("utf-8"))
    return path


def reader(app) -> ReaderScreen:  # type: ignore[no-untyped-def]
    screen = app.screen
    assert isinstance(screen, ReaderScreen)
    return screen


def words_of(text: str) -> list[str]:
    return text.split()


async def test_paging_through_a_long_section_shows_every_line_once_forward_and_back(
        tmp_path: Path) -> None:
    path = long_section(tmp_path, 300)
    briefing = load_briefing(path)
    every_word = words_of(" ".join(briefing.sections[0].paragraphs))
    app = reader_app(briefing, path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        pane = reader(app).reading
        page = pane.scrollable_content_region.height
        assert round(pane.scroll_y) == 0
        forward: dict[int, str] = {}
        for _ in range(2_000):
            top = round(pane.scroll_y)
            for offset, line in enumerate(text_lines(app, pane)):
                forward.setdefault(top + offset, line)
                assert forward[top + offset] == line, "a line changed under the reader"
            if top >= pane.max_scroll_y:
                break
            await pilot.press("space")
            assert round(pane.scroll_y) == min(top + page, pane.max_scroll_y)
        else:
            raise AssertionError("space never reached the end of the section")
        read = words_of(" ".join(forward[line] for line in sorted(forward)))
        assert read[:3] == ["The", "one", "section"]
        assert read[4:] == every_word  # after "The one section 1/1": all, in order, once
        assert sorted(forward) == list(range(len(forward)))

        backward: dict[int, str] = {}
        while True:
            top = round(pane.scroll_y)
            for offset, line in enumerate(text_lines(app, pane)):
                backward[top + offset] = line
            if top == 0:
                break
            await pilot.press("b")
        assert backward == forward


async def test_g_and_G_reach_the_real_ends_of_a_long_section(tmp_path: Path) -> None:
    path = long_section(tmp_path, 600)
    briefing = load_briefing(path)
    last = briefing.sections[0].paragraphs[-1]
    app = reader_app(briefing, path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        pane = reader(app).reading
        assert words_of(last)[-3:] != words_of(" ".join(text_lines(app, pane)))[-3:]
        await pilot.press("G")
        await pilot.pause()
        shown = " ".join(text_lines(app, pane))
        assert words_of(shown)[-len(words_of(last)[-3:]):] == words_of(last)[-3:]
        assert round(pane.scroll_y) == pane.max_scroll_y
        await pilot.press("j")  # already at the end: nothing further below
        await pilot.pause()
        assert " ".join(text_lines(app, pane)) == shown
        await pilot.press("g")
        await pilot.pause()
        assert text_lines(app, pane)[1].startswith("The one section")


async def test_a_resize_in_the_middle_of_a_long_section_keeps_the_words_at_the_top(
        tmp_path: Path) -> None:
    path = long_section(tmp_path, 600)
    app = reader_app(load_briefing(path), path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        pane = reader(app).reading
        for _ in range(60):
            await pilot.press("space")
        await pilot.pause()
        top_words = next(line for line in text_lines(app, pane) if line)
        assert not top_words.startswith("The one section")
        for size in ((140, 40), (80, 24), (200, 60), (100, 30)):
            await pilot.resize_terminal(*size)
            await pilot.pause()
            # The words that were at the top are on the first lines (the
            # line that holds their start at this width may start earlier).
            lines = [line for line in text_lines(app, pane) if line]
            assert " ".join(top_words.split()) in " ".join(" ".join(lines[:3]).split()), (
                size, lines[:3], top_words)
        assert next(line for line in text_lines(app, pane) if line) == top_words


MAX_RATIO = 4.0
ATTEMPTS = 3


async def opening_seconds(path: Path) -> float:
    """Processor time from starting the reader to the first frame, two
    resizes and a jump to the end."""
    app = reader_app(load_briefing(path), None)
    gc.collect()
    start = time.process_time()
    with no_hang(120, "laying out a long section (it is not lazy)"):
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            await pilot.resize_terminal(140, 40)
            await pilot.pause()
            await pilot.resize_terminal(100, 30)
            await pilot.pause()
            await pilot.press("G")
            await pilot.pause()
            pane = reader(app).reading
            assert round(pane.scroll_y) == pane.max_scroll_y > 0
    return time.process_time() - start


async def test_opening_and_resizing_a_section_cost_what_a_screenful_costs(
        tmp_path: Path) -> None:
    """Sixteen times the text must not cost sixteen times the time (a ratio,
    never a time): only what is on screen, and near it, is wrapped."""
    small, large = long_section(tmp_path, 120), long_section(tmp_path, 1_920)
    best_small, best_large = await best_times(opening_seconds, small, large,
                                              attempts=ATTEMPTS, enough=MAX_RATIO)
    ratio = best_large / best_small
    assert ratio < MAX_RATIO, (f"16x the text took {ratio:.1f}x the time "
                               f"({best_small * 1000:.0f} ms, then {best_large * 1000:.0f} ms)")


async def test_a_long_quote_and_search_matches_are_marked_on_every_line_they_cover(
        tmp_path: Path) -> None:
    """Marks are put on each line as it is drawn: a quote of many lines is
    highlighted whole when arrived at, and each search match on its line,
    inside the quote or out of it."""
    from test_reader import drawn_in, highlighted, searched, words

    quote = " ".join(["the ceasefire must hold while the convoys of aid go through"] * 12)
    assert len(quote) > 256  # longer than any search match: checked as a long mark
    text = f"Before it all, the ceasefire was talked about. “{quote},” he said. After, a ceasefire."
    document = {"format": 1, "briefing": {"title": "Marks"},
                "sections": [{"id": "s", "title": "S", "paragraphs": [text]}],
                "quotes": [{"text": quote, "speaker": "x", "section": "s", "paragraph": 1}]}
    path = tmp_path / "marks.toml"
    path.write_bytes(tomli_w.dumps(document).encode("utf-8"))
    app = reader_app(load_briefing(path), path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        screen = reader(app)
        assert highlighted(screen) == []
        await pilot.press("n")
        await pilot.pause()
        assert highlighted(screen) == [words(quote)]  # over the eight lines it takes

        def underlined() -> list[str]:
            return [t.strip() for t, style in drawn_in(app, screen.reading)
                    if style.underline or (style.reverse and style.bold and not style.italic)]

        assert underlined() == []
        await pilot.press("slash", *"ceasefire")
        await searched(pilot)
        await pilot.press("enter")
        await pilot.pause()
        assert underlined() == ["ceasefire"] * (2 + 12)
