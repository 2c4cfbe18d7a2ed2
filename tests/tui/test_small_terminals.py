"""Small terminals: the side panes give way before the text column does."""

from __future__ import annotations

import pytest
from test_reader import highlighted, reader, words

from briefing.tui.widgets.entries import QuoteList
from conftest import make_app, screen_text

READABLE = 40  # columns of text, at the least


async def settled(pilot) -> None:  # type: ignore[no-untyped-def]
    await pilot.pause()
    await pilot.pause()


@pytest.mark.parametrize("size", [(60, 15), (79, 24), (80, 24), (100, 30), (110, 30),
                                  (159, 40), (160, 40), (220, 60)])
@pytest.mark.parametrize("keys", [(), ("c",), ("v",), ("c", "v")])
async def test_the_text_column_stays_readable(size: tuple[int, int],
                                              keys: tuple[str, ...]) -> None:
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await settled(pilot)
        screen = reader(app)
        for key in keys:
            await pilot.press(key)
            await settled(pilot)
        if screen.reading.display:
            assert screen.reading.text_width >= READABLE, (size, keys)
            assert "Ukraine and Russia" in screen_text(app)
        else:  # a tiny terminal shows a side pane in place of the text
            assert size[0] < 80
            shown = [pane for pane in screen.query("#contents, #entries") if pane.display]
            assert len(shown) == 1 and shown[0].size.width >= size[0] * 0.9


async def test_at_80_columns_the_contents_pane_takes_the_place_of_the_quotes() -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settled(pilot)
        assert "Quotes (17)" in screen_text(app)
        assert "c contents" in screen_text(app)  # the hint names the key
        await pilot.press("c")
        await settled(pilot)
        text = screen_text(app)
        assert "1 Negotiations" in text and "Quotes (17)" not in text
        assert "v quotes & figures" in text
        await pilot.press("v")  # the quotes and figures come back, the contents go
        await settled(pilot)
        text = screen_text(app)
        assert "Quotes (17)" in text and "1 Negotiations" not in text


async def test_in_a_tiny_terminal_a_side_pane_shows_until_something_is_chosen() -> None:
    app = make_app()
    async with app.run_test(size=(60, 15)) as pilot:
        await settled(pilot)
        screen = reader(app)
        text = screen_text(app)
        assert "Quotes (17)" not in text and "Contents" not in text
        assert "c contents · v quotes & figures" in text
        await pilot.press("v")
        await settled(pilot)
        assert not screen.reading.display
        assert isinstance(app.focused, QuoteList)
        await pilot.press("j", "enter")  # the second quote
        await settled(pilot)
        assert screen.reading.display and app.focused is screen.reading
        quote = screen.briefing.quotes_in_order[1]
        assert screen.quote is quote
        assert highlighted(screen) == [words(quote.text)]
        await pilot.press("c")
        await settled(pilot)
        assert "1 Negotiations" in screen_text(app)
        await pilot.press("escape")  # back to the text, at the same place
        await settled(pilot)
        assert highlighted(screen) == [words(quote.text)]
        await pilot.press("n")
        assert screen.quote is screen.briefing.quotes_in_order[2]


@pytest.mark.parametrize("width", [1, 4, 6, 8])
@pytest.mark.parametrize("key", ["w", "ctrl+p"])
async def test_lists_of_options_open_in_a_terminal_a_few_columns_wide(width: int,
                                                                       key: str) -> None:
    """The people (w) and the palette (ctrl+p) are option lists, which Textual
    cannot wrap at a width of nothing: they keep some room, and open."""
    app = make_app()
    async with app.run_test(size=(width, 12)) as pilot:
        await settled(pilot)
        before = app.screen
        await pilot.press(key)
        await settled(pilot)
        assert app.screen is not before  # the list opened, and the app lives on
        await pilot.press("escape")
        await settled(pilot)
        assert app.screen is before
    assert app.return_code in (None, 0)
