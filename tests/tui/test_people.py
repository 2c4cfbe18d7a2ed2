"""The People view (`w`): who speaks and who claims, with their counts."""

from __future__ import annotations

from briefing.tui.screens.people import PeopleScreen
from conftest import make_app, screen_text


def one_line(text: str) -> str:
    return " ".join(text.split())


async def test_people_counts_quotes_and_claimed_figures_and_stops_at_the_ends() -> None:
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        assert not isinstance(app.screen, PeopleScreen)
        await pilot.press("w")
        people = app.screen
        assert isinstance(people, PeopleScreen)
        text = one_line(screen_text(app))
        assert "Everyone 17 quotes · 14 figures" in text
        assert "Vitali Klitschko · Kyiv mayor 1 quote · 3 figures claimed" in text
        assert "Vadym Boichenko · Mariupol mayor 1 quote · 3 figures claimed" in text
        assert "Joe Biden · US president 5 quotes" in text
        assert "Russia’s defence ministry 0 quotes · 2 figures claimed" in text
        listing = people.query_one("#people-list")
        assert listing.highlighted == 0
        await pilot.press("k")  # at the top: stays there
        assert listing.highlighted == 0
        for _ in range(40):
            await pilot.press("j")
        last = listing.highlighted
        assert last is not None and last > 0
        await pilot.press("j", "down")  # at the end: stays there, never wraps to the top
        assert listing.highlighted == last
        # The last one that can be chosen: people with no quote come after it.
        assert not listing.get_option_at_index(last).disabled
        await pilot.press("up")
        assert listing.highlighted is not None and listing.highlighted < last
