"""Where the reader is: the entry `s` and `a` act on, `n`/`p` from the
reading position, the place kept through resizes and panes, and reading
straight through from one section into the next."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from test_reader import drawn_in, highlighted, reader, words

from briefing.model import Quote
from briefing.state import entry_key
from briefing.tui.screens.dialogs import PromptScreen
from briefing.tui.screens.reader import STYLE_CURRENT, STYLE_CURRENT_FIGURE, ReaderScreen
from briefing.tui.widgets.reading import ReadingPane
from conftest import make_app, screen_text


def on_screen(screen: ReaderScreen, entry) -> bool:  # type: ignore[no-untyped-def]
    """Whether any line of an entry's words is drawn in the reading pane."""
    a = entry.anchor
    pane = screen.reading
    first, last = pane.line_of(a.paragraph, a.start), pane.line_of(a.paragraph, a.end - 1)
    top = round(pane.scroll_y)
    return (a.section == screen.section and first is not None and last is not None
            and first < top + pane.scrollable_content_region.height and last >= top)


def text_lines(app, pane: ReadingPane) -> list[str]:  # type: ignore[no-untyped-def]
    """The lines of text the reading pane draws, top to bottom."""
    region = pane.scrollable_content_region
    lines = []
    for y, strip in enumerate(app.screen._compositor.render_strips()):
        if region.y <= y < region.bottom:
            lines.append(strip.text[region.x:region.right].strip())
    return lines


def first_text_line(app, pane: ReadingPane) -> str:  # type: ignore[no-untyped-def]
    return next(line for line in text_lines(app, pane) if line)


async def settled(pilot) -> None:  # type: ignore[no-untyped-def]
    """Wait for the footer and contents that join after the first frame
    (the footer takes a line from the reading pane)."""
    await pilot.pause()
    await pilot.pause()


def toasts(app) -> list[str]:  # type: ignore[no-untyped-def]
    """The messages of the notifications showing."""
    return [str(notification.message) for notification in app._notifications]


def quotes_of(screen: ReaderScreen, section: int) -> list[Quote]:
    return [q for q in screen.briefing.quotes_in_order if q.anchor.section == section]


# --- 1. s and a act on the entry last arrived at -------------------------------------

async def test_s_stars_the_figure_arrived_at_after_a_quote_and_says_which() -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settled(pilot)
        screen = reader(app)
        await pilot.press("n")
        quote = screen.quote
        assert quote is not None and entry_key(quote) not in screen.state.stars
        await pilot.press("s")
        assert entry_key(quote) in screen.state.stars
        await pilot.press("f")
        figure = screen.figure
        assert figure is not None and entry_key(figure) not in screen.state.stars
        await pilot.press("s")
        await pilot.pause()
        assert entry_key(figure) in screen.state.stars, "s must star the figure arrived at"
        assert entry_key(quote) in screen.state.stars, "the quote's star must stay"
        assert f"Starred: {figure.text}" in toasts(app)
        await pilot.press("n")  # back to a quote: s acts on it again
        assert screen.quote is not quote
        await pilot.press("s")
        assert entry_key(screen.quote) in screen.state.stars
        assert entry_key(figure) in screen.state.stars


async def test_a_opens_a_note_on_the_entry_last_arrived_at() -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settled(pilot)
        screen = reader(app)
        await pilot.press("n", "f", "f")
        figure = screen.figure
        assert figure is not None
        await pilot.press("a")
        assert isinstance(app.screen, PromptScreen)
        await pilot.press(*"check", "enter")
        assert screen.state.note(entry_key(figure)) == "check"
        assert screen.quote is not None and screen.state.note(entry_key(screen.quote)) is None


async def test_the_toast_names_the_quote_starred_and_unstarred() -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settled(pilot)
        await pilot.press("n", "s")
        assert toasts(app)[-1].startswith("Starred: “We are not trading people")
        assert toasts(app)[-1].endswith("(Dmytro Kuleba)")
        await pilot.press("s")
        assert toasts(app)[-1].startswith("Star removed: “We are not trading people")


async def test_the_current_quote_and_the_current_figure_look_different() -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settled(pilot)
        screen = reader(app)

        def current_style() -> object:
            styles = {style.clear_meta_and_links()
                      for text, style in drawn_in(app, screen.reading) if style.reverse}
            assert len(styles) == 1, styles
            return styles.pop()

        await pilot.press("n")
        assert highlighted(screen, STYLE_CURRENT) == [words(screen.quote.text)]
        quote_style = current_style()
        await pilot.press("f")
        assert highlighted(screen, STYLE_CURRENT_FIGURE) == [words(screen.figure.text)]
        assert highlighted(screen, STYLE_CURRENT) == []  # one entry is the current one
        assert current_style() != quote_style


# --- 2. n and p from the reading position -------------------------------------------

async def test_n_after_a_section_key_starts_in_that_section() -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await settled(pilot)
        screen = reader(app)
        await pilot.press("n", "n", "2")
        assert screen.quote is quotes_of(screen, 0)[1]
        await pilot.press("n")
        assert screen.quote is quotes_of(screen, 1)[0]
        assert highlighted(screen) == [words(quotes_of(screen, 1)[0].text)]


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_p_at_the_end_of_a_section_goes_to_its_last_quote(size: tuple[int, int]) -> None:
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await settled(pilot)
        screen = reader(app)
        await pilot.press("n", "n", "2", "G")
        await pilot.press("p")
        assert screen.quote is quotes_of(screen, 1)[-1]
        assert on_screen(screen, screen.quote)


async def test_after_the_last_quote_a_section_key_and_n_start_there_again() -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await settled(pilot)
        screen = reader(app)
        quotes = screen.briefing.quotes_in_order
        for _ in quotes:
            await pilot.press("n")
        assert screen.quote is quotes[-1]
        assert screen.check_action("next_quote", ()) is None  # disabled at the true end
        await pilot.press("1")
        assert screen.check_action("next_quote", ()) is True
        await pilot.press("n")
        assert screen.quote is quotes[0]


async def test_n_after_scrolling_past_the_selected_quote_goes_on_from_the_screen() -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settled(pilot)
        screen = reader(app)
        await pilot.press("n")
        first = screen.quote
        await pilot.press("space", "space", "space")
        assert not on_screen(screen, first)
        top = round(screen.reading.scroll_y)
        await pilot.press("n")
        arrived = screen.quote
        assert arrived is not None and arrived is not first
        assert on_screen(screen, arrived)
        # No quote of the section lies between the top of what was shown and it.
        skipped = [q for q in quotes_of(screen, 0)
                   if q.anchor < arrived.anchor
                   and screen.reading.line_of(q.anchor.paragraph, q.anchor.start) >= top]
        assert skipped == []


async def test_p_with_the_selected_quote_scrolled_away_goes_back_from_the_screen() -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settled(pilot)
        screen = reader(app)
        await pilot.press("n")
        first = screen.quote
        await pilot.press("G")
        assert not on_screen(screen, first)
        await pilot.press("p")
        assert screen.quote is quotes_of(screen, 0)[-1]  # the last one, drawn at the end


async def test_f_goes_on_from_the_selected_quote() -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await settled(pilot)
        screen = reader(app)
        for _ in range(4):
            await pilot.press("n")
        quote = screen.quote
        assert quote is not None
        await pilot.press("f")
        assert screen.figure is not None
        assert screen.figure.anchor > quote.anchor
        earlier = [f for f in screen.briefing.figures_in_order
                   if quote.anchor < f.anchor < screen.figure.anchor]
        assert earlier == []


# --- 4. the whole quote in view --------------------------------------------------

async def test_n_brings_a_four_line_quote_wholly_into_view_at_80x24() -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settled(pilot)
        screen = reader(app)
        klitschko = next(q for q in screen.briefing.quotes_in_order
                         if q.speaker == "klitschko")
        while screen.quote is not klitschko:
            await pilot.press("n")
        a = klitschko.anchor
        lines = (screen.reading.line_of(a.paragraph, a.end - 1)
                 - screen.reading.line_of(a.paragraph, a.start) + 1)
        assert lines >= 3, "the quote should take several lines at this width"
        assert highlighted(screen) == [words(klitschko.text)]


# --- 3. the place survives a resize, c and v -------------------------------------

async def test_the_selected_quote_stays_in_view_through_resizes() -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await settled(pilot)
        screen = reader(app)
        for _ in range(5):
            await pilot.press("n")
        quote = screen.quote
        assert quote is not None and quote.anchor.section == 0
        for size in ((80, 24), (200, 60), (90, 20), (100, 30)):
            await pilot.resize_terminal(*size)
            await pilot.pause()
            await pilot.pause()
            assert highlighted(screen) == [words(quote.text)], size
        await pilot.press("n")  # and n goes on from it
        assert screen.quote is quotes_of(screen, 0)[5]


async def test_the_top_line_is_kept_through_a_resize_and_back() -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await settled(pilot)
        screen = reader(app)
        await pilot.press("space", "space", "j")
        before = first_text_line(app, screen.reading)
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        await pilot.pause()
        narrow = " ".join(text_lines(app, screen.reading)[:3])
        assert before.split()[0] in narrow.split()[:8]
        await pilot.resize_terminal(100, 30)
        await pilot.pause()
        await pilot.pause()
        assert first_text_line(app, screen.reading) == before


@pytest.mark.parametrize("key", ["c", "v"])
async def test_a_pane_shown_or_hidden_keeps_the_place(key: str) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settled(pilot)
        screen = reader(app)
        for _ in range(6):
            await pilot.press("n")
        quote = screen.quote
        assert quote is not None
        for _ in range(2):
            await pilot.press(key)
            await pilot.pause()
            await pilot.pause()
            assert highlighted(screen) == [words(quote.text)]
        await pilot.press(key)
        await pilot.pause()
        await pilot.press("p")
        assert screen.quote is screen.briefing.quotes_in_order[4]


# --- 10. reading straight through --------------------------------------------------

async def test_space_at_the_end_of_a_section_goes_on_into_the_next() -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await settled(pilot)
        screen = reader(app)
        pane = screen.reading
        await pilot.press("G")
        assert screen.section == 0 and round(pane.scroll_y) == pane.max_scroll_y
        await pilot.press("space")
        assert screen.section == 1
        assert round(pane.scroll_y) == 0
        assert "Humanitarian  2/3" in screen_text(app)


async def test_j_at_the_end_goes_on_and_k_at_the_top_comes_back_to_the_end() -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await settled(pilot)
        screen = reader(app)
        pane = screen.reading
        await pilot.press("2", "G", "j")
        assert screen.section == 2
        await pilot.press("k")
        assert screen.section == 1
        assert round(pane.scroll_y) == pane.max_scroll_y > 0  # at its end
        last = screen.briefing.sections[1].paragraphs[-1]
        assert last.split()[-1] in text_lines(app, pane)[-2]  # its last line, drawn
        await pilot.press("g", "b")
        assert screen.section == 0
        await pilot.press("g", "b")  # nothing before the first section
        assert screen.section == 0 and round(pane.scroll_y) == 0


async def test_the_section_being_read_is_named_however_far_down() -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settled(pilot)
        await pilot.press("2")
        await pilot.press("space", "space", "space")
        text = screen_text(app)
        assert "Humanitarian  2/3" not in text  # the heading has scrolled away
        top = app.screen.reading.region.y  # the pane's top line: its border
        assert "Humanitarian · 2/3" in text.splitlines()[top]


async def test_jumps_are_instant_and_half_and_whole_pages_move_as_in_less() -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settled(pilot)
        pane = reader(app).reading
        page = pane.scrollable_content_region.height
        await pilot.press("ctrl+d")
        assert round(pane.scroll_y) == page // 2
        await pilot.press("ctrl+f")
        assert round(pane.scroll_y) == page // 2 + page
        await pilot.press("ctrl+u")
        assert round(pane.scroll_y) == page
        await pilot.press("ctrl+b")
        assert round(pane.scroll_y) == 0
        await pilot.press("G")
        assert round(pane.scroll_y) == pane.max_scroll_y
        await pilot.press("g")
        assert round(pane.scroll_y) == 0


async def test_animated_scrolling_when_the_user_asks_for_it() -> None:
    """Jumps are instant unless animations are turned on; then they scroll
    to the same place, the way Textual animates."""
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settled(pilot)
        assert app.animation_level == "none"
        app.animation_level = "full"
        pane = reader(app).reading
        await pilot.press("G")
        await app.animator.wait_until_complete()
        await pilot.pause()
        assert round(pane.scroll_y) == pane.max_scroll_y


async def test_reading_on_into_a_long_section_shows_its_own_top(tmp_path: Path) -> None:
    import tomli_w

    from briefing.loader import load_briefing
    from briefing.tui.app import reader_app

    sections = [{"id": f"part-{s}", "title": f"Part {s}",
                 "paragraphs": [f"Part {s}, paragraph {p}: the talks went on." for p in range(60)]}
                for s in (1, 2)]
    path = tmp_path / "long.toml"
    path.write_text(tomli_w.dumps({"format": 1, "briefing": {"title": "Long parts"},
                                   "sections": sections}))
    app = reader_app(load_briefing(path), path)
    async with app.run_test(size=(100, 30)) as pilot:
        await settled(pilot)
        screen = reader(app)
        for _ in range(40):  # pages enough to read the first part through
            await pilot.press("space")
            if screen.section != 0:
                break
        assert screen.section == 1
        assert "Part 2, paragraph 0:" in screen_text(app)
        await pilot.press("b")
        assert screen.section == 0
        assert "Part 1, paragraph 59:" in screen_text(app)
        assert "Part 1, paragraph 0:" not in screen_text(app)



def pane_lines(app) -> list[str]:  # type: ignore[no-untyped-def]
    """The reading pane's lines as drawn on screen."""
    pane = app.screen.reading
    return [strip.text for strip in pane.render_lines(pane.region.reset_offset)]


@pytest.mark.parametrize("resize", [None, (140, 40), (80, 24)])
async def test_reading_on_into_the_next_section_shows_what_going_there_shows(
        resize: tuple[int, int] | None, isolated_state: Path) -> None:
    """n from the last quote of a section shows the next section exactly as
    going to it with l and then n does, also after a resize just before (the
    next section is laid out ahead, at the width there was then)."""
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        screen = reader(app)
        last_of_first = [q for q in screen.briefing.quotes_in_order if q.anchor.section == 0][-1]
        while screen.quote is not last_of_first:
            await pilot.press("n")
        await pilot.pause()
        if resize is not None:
            await pilot.resize_terminal(*resize)
            await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        assert screen.section == 1 and screen.quote is not None
        arrived = screen.quote
        by_n = pane_lines(app)
    shutil.rmtree(isolated_state)  # the fresh reader starts at the top, not where this one left
    fresh = make_app()
    async with fresh.run_test(size=resize or (100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("l", "n")
        await pilot.pause()
        assert reader(fresh).quote == arrived
        assert pane_lines(fresh) == by_n
    assert any(words(arrived.text)[:20] in words(line) for line in by_n)
