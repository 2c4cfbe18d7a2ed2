"""People across every briefing of the library: who is quoted, what one of
them said, newest first, and the briefing opened at the quote."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from briefing.tui.app import BriefingApp
from briefing.tui.screens.archive_people import ArchivePeopleScreen
from briefing.tui.screens.library import LibraryReaderScreen, LibraryScreen
from conftest import screen_text, settle


@pytest.fixture
def folder(tmp_path: Path, briefing_text: Callable[..., str],
           quote_table: Callable[..., str]) -> Path:
    """Kuleba quoted in three briefings, written three ways; Boichenko in none."""
    folder = tmp_path / "inbox"
    folder.mkdir()
    for name, day, speaker in (("a.toml", "2022-03-01", "Mr Kuleba"),
                               ("b.toml", "2022-03-02", "kuleba"),
                               ("c.toml", "2022-03-03", "Foreign Minister Dmytro Kuleba")):
        text = briefing_text(quote_table(speaker), masthead=f"published = {day}")
        (folder / name).write_text(text.replace('title = "Talks in Istanbul"',
                                                f'title = "Talks of {day}"'), encoding="utf-8")
    return folder


async def test_p_lists_everyone_quoted_as_one_person_each(folder: Path) -> None:
    app = BriefingApp(folder=folder)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, LibraryScreen)
        await pilot.press("p")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, ArchivePeopleScreen)
        (kuleba,) = [p for p in screen.people if "Kuleba" in p.name]
        assert (kuleba.quotes, kuleba.briefings) == (3, 3)  # three spellings, one person
        assert "3 quotes · in 3 briefings" in screen_text(app)
        await pilot.press(*"boich")  # narrowing the names to nobody quoted
        await pilot.pause()
        assert "Kuleba" not in screen_text(app) and "0 people" in screen_text(app)


async def test_a_person_s_quotes_newest_first_and_enter_opens_at_the_quote(
        folder: Path) -> None:
    app = BriefingApp(folder=folder)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("p")
        await settle(pilot)
        await pilot.press("enter")  # the first person: Kuleba
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, ArchivePeopleScreen)
        assert [hit.title for hit in screen.hits] == ["Talks of 2022-03-03", "Talks of 2022-03-02",
                                                      "Talks of 2022-03-01"]
        text = screen_text(app)
        assert "“We are not trading people, land or sovereignty”" in text
        assert text.index("2022-03-03") < text.index("2022-03-01")
        await pilot.press("down")  # the next quote (a briefing's title is passed over)
        await pilot.press("enter")
        await settle(pilot)
        reader = app.screen
        assert isinstance(reader, LibraryReaderScreen)
        assert reader.briefing.title == "Talks of 2022-03-02"
        assert reader.quote is not None and reader.quote.speaker == "kuleba"
        assert reader.quote.text == "We are not trading people, land or sovereignty"


async def test_esc_goes_from_a_person_back_to_everyone_then_closes(folder: Path) -> None:
    app = BriefingApp(folder=folder)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("p")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert "esc: everyone" in screen_text(app)
        await pilot.press("escape")
        await pilot.pause()
        assert "People in every briefing" in screen_text(app)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, LibraryScreen)


async def test_from_a_briefing_s_people_a_shows_them_in_every_briefing(folder: Path) -> None:
    app = BriefingApp(folder=folder)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("enter")  # the newest briefing
        await settle(pilot)
        assert isinstance(app.screen, LibraryReaderScreen)
        await pilot.press("w")
        await pilot.pause()
        assert "a: in every briefing" in screen_text(app)
        await pilot.press("a")  # the highlighted person: everyone is first
        await pilot.pause()
        await pilot.press("down", "a")  # the first speaker: Kuleba
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, ArchivePeopleScreen)
        assert len(screen.hits) == 3 and "Kuleba" in screen_text(app)


async def test_a_quote_chosen_from_a_briefing_s_people_opens_its_own_briefing(
        folder: Path) -> None:
    app = BriefingApp(folder=folder)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("enter")  # the newest briefing, of 2022-03-03
        await settle(pilot)
        assert app.screen.briefing.title == "Talks of 2022-03-03"  # type: ignore[attr-defined]
        await pilot.press("w")
        await pilot.pause()
        await pilot.press("down", "a")
        await settle(pilot)
        await pilot.press("down")  # the quote of 2022-03-02
        await pilot.press("enter")
        await settle(pilot)
        reader = app.screen
        assert isinstance(reader, LibraryReaderScreen)
        assert reader.briefing.title == "Talks of 2022-03-02"
        assert reader.quote is not None
        await pilot.press("q")  # back to the library, not to the first briefing
        await pilot.pause()
        assert isinstance(app.screen, LibraryScreen)
