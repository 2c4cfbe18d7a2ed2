"""The reader, driven through its keys and mouse as a user would."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from textual.content import Content
from textual.visual import Visual
from textual.widgets import Input

from briefing.resources import bundled_briefing
from briefing.tui.screens.reader import (
    STYLE_CURRENT,
    STYLE_CURRENT_FIGURE,
    STYLE_CURRENT_MATCH,
    ReaderScreen,
)
from briefing.tui.widgets.entries import FigureList, QuoteList
from briefing.tui.widgets.reading import ReadingPane
from conftest import FIXTURES, make_app, screen_text
from guards import no_hang


def reader(app) -> ReaderScreen:  # type: ignore[no-untyped-def]
    screen = app.screen
    assert isinstance(screen, ReaderScreen)
    return screen


def highlighted(screen: ReaderScreen, style: str = STYLE_CURRENT) -> list[str]:
    """The runs of words the reading pane draws on screen with a highlight,
    in reading order: what a reader sees highlighted. A run wrapped over
    several lines is one run; words in another style end it."""
    pane = screen.reading
    # The highlight as the pane draws it (its colours resolved in the theme).
    probe = Visual.to_strips(pane, Content.styled("x", style), 1, 1, pane.visual_style)[0]
    drawn_style = next(iter(probe)).style.clear_meta_and_links()
    region = pane.scrollable_content_region
    runs: list[str] = []
    current: list[str] = []
    for y, line in enumerate(screen.app.screen._compositor.render_strips()):
        if not region.y <= y < region.bottom:
            continue
        x = 0
        for segment in line:
            inside = region.x <= x < region.right
            x += segment.cell_length
            if not inside:
                continue
            if segment.style is not None and segment.style.clear_meta_and_links() == drawn_style:
                current.append(segment.text)
            elif segment.text.strip() and current:  # other words: the run ends
                runs.append(words("".join(current)))
                current = []
            elif current and not current[-1].endswith(" "):
                current.append(" ")  # a line's end within a run
    if current:
        runs.append(words("".join(current)))
    return runs


def drawn_in(app, widget) -> list[tuple[str, object]]:  # type: ignore[no-untyped-def]
    """The runs of text the screen draws inside a widget (its text, not its
    border or scrollbar), with their styles."""
    region = widget.scrollable_content_region
    runs: list[tuple[str, object]] = []
    for y, line in enumerate(app.screen._compositor.render_strips()):
        if not region.y <= y < region.bottom:
            continue
        x = 0
        for segment in line:
            if region.x <= x < region.right and segment.text.strip():
                runs.append((segment.text, segment.style))
            x += segment.cell_length
    return runs


async def searched(pilot) -> None:  # type: ignore[no-untyped-def]
    """Wait for the search typed so far: it runs in a worker."""
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def words(text: str) -> str:
    return " ".join(text.split())


def drawn_current(app) -> str:  # type: ignore[no-untyped-def]
    """The words the reading pane draws as current (in reverse video)."""
    return words(" ".join(text for text, style in drawn_in(app, reader(app).reading)
                          if style.reverse))


def first_frames(app) -> list[str]:  # type: ignore[no-untyped-def]
    """Record the full frames the app sends to the terminal, as text."""
    from textual._compositor import LayoutUpdate

    frames: list[str] = []
    display = app._display

    def record(screen, update):  # type: ignore[no-untyped-def]
        if isinstance(update, LayoutUpdate):
            frames.append("\n".join("".join(strip.text for strip in line)
                                    for line in update.strips))
        return display(screen, update)

    app._display = record
    return frames


async def test_first_frame_shows_title_standfirst_and_first_paragraph() -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        text = screen_text(app)
        assert "Putin averse to Ukraine compromise ahead of crunch talks" in text
        assert "Kyiv suggests ceasefire" in text
        assert "Reuters · 28 March 2022" in text
        assert "Ukraine and Russia were preparing on Monday" in text
        assert "Quotes (17)" in text and "Figures (14)" in text


async def test_the_very_first_frame_shows_the_text_not_an_empty_pane() -> None:
    """What the terminal is sent first: the title and the first paragraph,
    not a frame of empty panes with the text a few frames later."""
    app = make_app()
    frames = first_frames(app)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
    assert frames, "no full frame was drawn"
    first = frames[0]
    assert "Putin averse to Ukraine compromise" in first
    assert "Ukraine and Russia prepared for their first" in first
    assert "Quotes (17)" in first


async def test_where_the_contents_pane_shows_it_is_in_the_first_frame() -> None:
    """From 110 columns the contents pane sits left of the text: it must take
    its room from the first frame (its list follows), or the text would
    re-wrap a moment later. Narrower, it is hidden until `c` asks for it, and
    joins after the first frame, with the section being read highlighted."""
    wide = make_app()
    frames = first_frames(wide)
    async with wide.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        assert "Contents" in frames[0]
        assert "1 Negotiations" in screen_text(wide)
        def first_text_line(screen: str) -> str:  # as the reading pane draws it
            line = next(line for line in screen.splitlines() if "Ukraine and Russia" in line)
            return next(cell for cell in line.split("│") if "Ukraine and Russia" in cell)

        # The text was wrapped once, for good.
        assert first_text_line(frames[0]) == first_text_line(screen_text(wide))
    narrow = make_app()
    async with narrow.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("l")  # next section
        assert "1 Negotiations" not in screen_text(narrow)
        await pilot.press("c")
        await pilot.pause()
        assert "1 Negotiations" in screen_text(narrow)
        assert reader(narrow).query_one("#contents").highlighted == 1


async def test_the_footer_is_in_the_first_frame_and_contents_follow_it() -> None:
    app = make_app()
    async with app.run_test(size=(120, 30)) as pilot:
        text = screen_text(app)
        assert "q Quit" in text and "? Help" in text  # the footer's keys
        await pilot.pause()
        await pilot.pause()
        assert "1 Negotiations" in screen_text(app)  # the contents pane


async def test_next_quote_highlights_exact_words_and_crosses_sections() -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = reader(app)
        quotes = screen.briefing.quotes_in_order
        in_first = [q for q in quotes if q.anchor.section == 0]
        for _ in in_first:
            await pilot.press("n")
        assert screen.section == 0
        assert highlighted(screen) == [words(in_first[-1].text)]
        await pilot.pause()
        await pilot.press("n")  # over the boundary into the next section
        await pilot.pause()
        following = quotes[len(in_first)]
        assert screen.section == following.anchor.section == 1
        assert screen.quote is following
        assert highlighted(screen) == [words(following.text)]
        assert drawn_current(app) == words(following.text)
        assert screen.query_one(QuoteList).cursor_entry is following
        await pilot.press("p")  # and back again, into a section drawn before
        await pilot.pause()
        assert screen.section == 0
        assert highlighted(screen) == [words(in_first[-1].text)]
        assert drawn_current(app) == words(in_first[-1].text)


async def test_brackets_move_between_quotes_too() -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = reader(app)
        await pilot.press("right_square_bracket", "right_square_bracket")
        assert screen.quote is screen.briefing.quotes_in_order[1]
        await pilot.press("left_square_bracket")
        assert screen.quote is screen.briefing.quotes_in_order[0]


async def test_keys_are_disabled_at_the_ends_without_wrapping() -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = reader(app)
        quotes = screen.briefing.quotes_in_order
        await pilot.press("n")
        assert screen.quote is quotes[0]
        assert screen.active_bindings["p"].enabled is False
        await pilot.press("p")
        assert screen.quote is quotes[0]
        for _ in quotes:
            await pilot.press("n")
        assert screen.quote is quotes[-1]
        assert screen.active_bindings["right_square_bracket"].enabled is False
        await pilot.press("n")
        assert screen.quote is quotes[-1], "n must not wrap to the first quote"


async def test_the_footer_shows_a_key_disabled_at_the_end_and_enabled_again() -> None:
    """The footer redraws only when one of its keys changes state: it must
    still change when it should."""
    from briefing.tui.widgets.key_line import KeyLine

    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = reader(app)
        await pilot.pause()

        def next_quote_dimmed() -> bool:
            line = app.screen.query_one(KeyLine)
            keys = [key for key in line.keys if key.action == "next_quote"]
            assert len(keys) == 1
            drawn = line.render()
            start = drawn.plain.index(f"{keys[0].shown} {keys[0].description}")
            dimmed = [span for span in drawn.spans
                      if span.start <= start < span.end and "dim" in str(span.style)]
            assert bool(dimmed) == (not keys[0].enabled)  # drawn as it is
            return not keys[0].enabled

        assert not next_quote_dimmed()
        for _ in screen.briefing.quotes_in_order:
            await pilot.press("n")
        await pilot.pause()
        assert next_quote_dimmed()
        await pilot.press("p")
        await pilot.pause()
        assert not next_quote_dimmed()


async def test_a_narrow_footer_keeps_whole_keys_and_help() -> None:
    from briefing.tui.widgets.key_line import KeyLine

    app = make_app()
    async with app.run_test(size=(40, 24)) as pilot:
        await pilot.pause()
        line = app.screen.query_one(KeyLine)
        shown = line.render().plain
        assert len(shown) <= 40
        assert shown.startswith("n Next quote") and shown.endswith("? Help")
        assert "q Quit" not in shown  # a key that does not fit is left out whole
        await pilot.resize_terminal(120, 24)
        await pilot.pause()
        assert "q Quit" in screen_text(app).splitlines()[-1]


async def test_clicking_a_key_in_the_footer_presses_it() -> None:
    from briefing.tui.widgets.key_line import KeyLine

    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = reader(app)
        await pilot.pause()
        assert screen.quote is None
        line = app.screen.query_one(KeyLine)
        x = line.render().plain.index("Next quote")
        await pilot.click(KeyLine, offset=(x, 0))
        await pilot.pause()
        assert screen.quote is screen.briefing.quotes_in_order[0]


async def test_figures_have_their_own_keys() -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = reader(app)
        figures = screen.briefing.figures_in_order
        await pilot.press("f", "f")
        assert screen.figure is figures[1]
        assert highlighted(screen, STYLE_CURRENT_FIGURE) == [words(figures[1].text)]
        await pilot.press("F")
        assert screen.figure is figures[0]
        for _ in figures:
            await pilot.press("f")
        assert screen.figure is figures[-1]
        assert screen.section == figures[-1].anchor.section == 2


async def test_enter_in_the_quotes_pane_jumps_to_the_quote() -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = reader(app)
        screen.query_one(QuoteList).focus()
        for _ in range(14):
            await pilot.press("j")
        await pilot.press("enter")
        target = screen.briefing.quotes_in_order[14]
        assert screen.quote is target
        assert screen.section == target.anchor.section
        assert highlighted(screen) == [words(target.text)]


async def test_click_on_a_figure_jumps_to_it() -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = reader(app)
        figures = screen.query_one(FigureList)
        await pilot.click(FigureList, offset=(4, 1 + figures.row_height * 1 + 1))
        await pilot.pause()
        assert screen.figure is screen.briefing.figures_in_order[1]
        assert highlighted(screen, STYLE_CURRENT_FIGURE) == [
            words(screen.briefing.figures_in_order[1].text)]


async def test_number_keys_and_h_l_switch_sections() -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = reader(app)
        await pilot.press("3")
        assert screen.section == 2
        assert "Military" in screen_text(app)
        await pilot.press("h")
        assert screen.section == 1
        await pilot.press("9")  # there is no ninth section: nothing happens
        assert screen.section == 1


async def test_search_highlights_matches_and_moves_across_sections() -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = reader(app)
        await pilot.press("slash", *"mariupol", "enter")
        await searched(pilot)
        assert screen.search is not None
        matches = screen.search.matches
        assert len({m.section for m in matches}) >= 2
        assert screen.section == matches[0].section
        # The section's summary, above its paragraphs, holds the first.
        assert matches[0].field == "summary"
        assert f"1 of {len(matches)} in the section summary · n/N" in screen_text(app)
        await pilot.press("n")
        assert highlighted(screen, STYLE_CURRENT_MATCH) == ["Mariupol"]
        assert f"2 of {len(matches)} · n/N next/previous" in screen_text(app)
        for _ in range(len(matches) - 2):
            await pilot.press("n")
        assert screen.search.current == len(matches) - 1
        assert screen.section == matches[-1].section == 2
        await pilot.press("N")
        assert screen.search.current == len(matches) - 2
        await pilot.press("escape")
        assert screen.search is None
        assert highlighted(screen, STYLE_CURRENT_MATCH) == []
        assert screen.check_action("next_match", ()) is False  # n is for quotes again
        await pilot.press("p")  # the military section has no quote: step back to one
        assert screen.quote is not None and screen.quote.anchor.section < 2


async def test_people_screen_filters_the_quotes_pane_to_one_speaker() -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = reader(app)
        await pilot.press("w")
        await pilot.pause()  # the people screen composes on the next message
        people_text = screen_text(app)
        assert "Joe Biden · US president  5 quotes" in people_text
        await pilot.press("down", "enter")  # Everyone, then the most quoted: Biden
        await pilot.pause()
        pane = screen.query_one(QuoteList)
        assert {q.speaker for q in pane.entries} == {"biden"}
        assert len(pane.entries) == 5
        assert "Quotes · Joe Biden (5)" in screen_text(app)
        await pilot.press("n", "n")
        assert screen.quote is pane.entries[1]
        await pilot.press("escape")  # clears the filter
        assert len(screen.query_one(QuoteList).entries) == 17


async def test_help_screen_lists_the_real_keys() -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()  # the help screen composes on the next message
        text = screen_text(app)
        for line in ("n ]", "Next quote", "Next figure", "Search", "People", "Quit"):
            assert line in text
        await pilot.press("escape")
        assert isinstance(app.screen, ReaderScreen)


async def test_command_palette_goes_to_a_section() -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = reader(app)
        await pilot.press("ctrl+p", *"humanitarian")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert screen.section == 1


async def test_panes_can_be_hidden_and_shown() -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("v")
        assert "Quotes (17)" not in screen_text(app)
        await pilot.press("v")
        assert "Quotes (17)" in screen_text(app)


async def test_80x24_keeps_text_and_panes_usable() -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        text = screen_text(app)
        assert "Contents" not in text  # collapsed at this width
        assert "Quotes (17)" in text and "Figures (14)" in text
        assert "Ukraine and Russia prepared" in text  # the section's summary
        await pilot.press("c")
        assert "Contents" in screen_text(app)


@pytest.mark.parametrize("size", [(80, 24), (100, 30), (200, 60)])
async def test_no_pane_scrolls_sideways(size: tuple[int, int]) -> None:
    """Every pane wraps or cuts its lines to its width: a horizontal scrollbar
    would only take a row from the entries and scroll them by a column."""
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        await pilot.press("c")  # the contents pane too, where it was hidden
        await pilot.pause()
        panes = list(app.screen.query("ReadingPane, EntryList, ContentsList"))
        assert len(panes) == 4
        for pane in panes:
            assert not pane.show_horizontal_scrollbar, pane.id
            assert pane.max_scroll_x == 0, pane.id


async def test_200x60_shows_every_pane() -> None:
    app = make_app()
    async with app.run_test(size=(200, 60)):
        text = screen_text(app)
        assert "Contents" in text and "Quotes (17)" in text and "Figures (14)" in text


async def test_markup_like_text_is_shown_literally_and_never_runs() -> None:
    app = make_app(FIXTURES / "markup-like.toml")
    async with app.run_test(size=(160, 40)) as pilot:
        text = screen_text(app)
        assert "[b]Not bold[/b] and [/] and [@click=app.quit]quit[/] [sic]" in text
        assert "# Not a heading [link=https://example.org]not a link[/link]" in text
        assert "Click [@click=app.quit]here[/] to leave" in text
        assert "[red]Red[/red] Name [/]" in text
        assert "[b]sites[/b] hit [/]" in text
        # Clicking on text that looks like a click action does nothing.
        await pilot.click(offset=(40, 0))
        await pilot.click(ReadingPane, offset=(8, 3))
        await pilot.pause()
        assert app.is_running
        await pilot.press("n")
        assert reader(app).quote is not None
        assert app.is_running


async def test_escape_backs_out_of_search_then_filters() -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = reader(app)
        await pilot.press("asterisk")
        assert screen.starred_only
        await pilot.press("slash", "x", "enter")
        await searched(pilot)
        await pilot.press("escape")
        assert screen.search is None and screen.starred_only
        await pilot.press("escape")
        assert not screen.starred_only


def test_fixture_exists() -> None:
    assert Path(FIXTURES / "markup-like.toml").is_file()


async def test_secondary_text_is_drawn_muted_not_brighter_than_the_text() -> None:
    """The section's place ("1/3"), the summary and the contents' counts are
    secondary: drawn dimmer than the article's text. (`$text-muted` in a
    Content span came out pure white, brighter than the text around it.)"""
    app = make_app()
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        await pilot.pause()
        segments = [segment for line in app.screen._compositor.render_strips()
                    for segment in line if segment.text.strip()]

        def brightness(text: str) -> float:
            segment = next(s for s in segments if text in s.text)
            assert segment.style.color is not None and segment.style.color.triplet is not None
            red, green, blue = segment.style.color.triplet
            return 0.299 * red + 0.587 * green + 0.114 * blue

        body = brightness("Ukraine and Russia were preparing on Monday")
        for secondary in ("1/3", "13 quotes · 4 figures", "Ukraine and Russia prepared"):
            assert brightness(secondary) < body, secondary


async def test_a_new_theme_redraws_the_text_and_the_panes() -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = reader(app)

        def background(widget, text: str):  # type: ignore[no-untyped-def]
            return next(style.bgcolor for run, style in drawn_in(app, widget) if text in run)

        paragraph, speaker = "Ukraine and Russia were preparing", "Dmytro Kuleba"
        dark = (background(screen.reading, paragraph),
                background(screen.query_one(QuoteList), speaker))
        app.theme = "textual-light"
        await pilot.pause()
        await pilot.pause()
        light = (background(screen.reading, paragraph),
                 background(screen.query_one(QuoteList), speaker))
        assert light[0] != dark[0] and light[1] != dark[1]


async def test_a_wide_terminal_resized_shows_what_it_would_have_started_with() -> None:
    """Past the widest line of text the text stays as wrapped, centred: a
    resize must centre it again, not keep the lines drawn for the old width."""
    resized, fresh = make_app(), make_app()
    async with resized.run_test(size=(200, 50)) as pilot:
        await pilot.pause()
        await pilot.resize_terminal(240, 50)
        await pilot.pause()
        await pilot.pause()
        after_resize = screen_text(resized)
    async with fresh.run_test(size=(240, 50)) as pilot:
        await pilot.pause()
        await pilot.pause()
        assert screen_text(fresh) == after_resize


async def test_every_quote_arrived_at_is_drawn_as_the_current_one() -> None:
    """Lines are remembered once drawn and redrawn only where marks change:
    walking every quote forwards and back in a small terminal, what is drawn
    highlighted is always the current quote's words, and nothing else."""
    app = make_app()
    async with app.run_test(size=(90, 24)) as pilot:
        screen = reader(app)
        quotes = screen.briefing.quotes_in_order
        for key, order in (("n", list(quotes)), ("p", list(reversed(quotes[:-1])))):
            for quote in order:
                await pilot.press(key)
                await pilot.pause()
                assert screen.quote is quote
                current = drawn_current(app)
                assert current and words(quote.text).startswith(current), quote.text
                # The Quotes pane draws the current quote's row in bold, its
                # words included: those words are this quote's, and only them.
                bold_words = [text for text, style in drawn_in(app, screen.query_one(QuoteList))
                              if style.bold and "“" in text]
                assert len(bold_words) == 1, bold_words
                assert bold_words[0].strip().startswith("“" + quote.text.split()[0]), bold_words


async def test_long_sections_read_the_same_forward_and_back(tmp_path: Path) -> None:
    """Arriving in a long section shows its own text from the top, and so
    does going back."""
    import tomli_w

    from briefing.loader import load_briefing
    from briefing.tui.app import reader_app

    sections = [{"id": f"part-{s}", "title": f"Part {s}",
                 "paragraphs": [f"Part {s}, paragraph {p}: the talks went on." for p in range(90)]}
                for s in (1, 2, 3)]
    path = tmp_path / "long.toml"
    path.write_text(tomli_w.dumps({"format": 1, "briefing": {"title": "Long parts"},
                                   "sections": sections}))
    app = reader_app(load_briefing(path), path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        for key, part in (("l", 2), ("l", 3), ("h", 2), ("h", 1)):
            await pilot.press(key)
            await pilot.pause()
            text = screen_text(app)
            assert f"Part {part}  {part}/3" in text
            assert f"Part {part}, paragraph 0:" in text and f"Part {part}, paragraph 1:" in text
            assert f"Part {part + 1}, paragraph" not in text


async def test_the_palette_matches_a_title_of_many_like_words_at_once(tmp_path: Path) -> None:
    """A valid section title of 250 words "a": Textual's own matcher, tried on
    it with "aaaa", ran for seconds and grew to gigabytes. The palette still
    offers the section, and takes the reader there."""
    title = " ".join(["a"] * 250)
    text = bundled_briefing().read_text(encoding="utf-8")
    first_title = re.search(r'(?m)^title = "(.*)"$', text.split("[[sections]]", 1)[1])
    assert first_title is not None
    path = tmp_path / "many-a.toml"
    path.write_text(text.replace(first_title.group(0), f'title = "{title}"', 1),
                    encoding="utf-8")
    app = make_app(path)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = reader(app)
        await pilot.press("l")
        assert screen.section == 1
        await pilot.press("ctrl+p")
        with no_hang(30, "matching the palette's commands"):
            # One search, as if pasted: a key at a time would search again for
            # each, past what one alarm can stop.
            app.screen.query_one(Input).value = "aaaaaaaa"
            await pilot.pause(0.3)
            assert "Go to section: a a a" in screen_text(app)
            await pilot.press("enter")
            await pilot.pause()
        assert screen.section == 0
