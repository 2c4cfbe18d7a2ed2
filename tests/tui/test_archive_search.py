"""Searching every briefing from the library, as a reader does: `s`, words,
enter, and the briefing open at the words found."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from briefing.tui.app import BriefingApp
from briefing.tui.screens.archive_search import ArchiveSearchScreen
from briefing.tui.screens.library import LibraryReaderScreen, LibraryScreen
from conftest import screen_text, settle, shown


@pytest.fixture
def folder(tmp_path: Path, briefing_text: Callable[..., str]) -> Path:
    """Two briefings; the newer one, in a subfolder, has a zeppelin."""
    folder = tmp_path / "inbox"
    (folder / "march").mkdir(parents=True)
    older = briefing_text(masthead="published = 2022-03-01").replace(
        'title = "Talks in Istanbul"', 'title = "Older talks"')
    newer = briefing_text(masthead="published = 2022-03-28").replace(
        'title = "Talks in Istanbul"', 'title = "Newer talks"').replace(
        "It was not possible to verify the figures.",
        "A zeppelin flew over; it was not possible to verify the figures.")
    (folder / "older.toml").write_text(older, encoding="utf-8")
    (folder / "march" / "newer.toml").write_text(newer, encoding="utf-8")
    return folder


async def opened_at_match(pilot) -> LibraryReaderScreen:  # type: ignore[no-untyped-def]
    """The briefing a hit opened, once its search has gone to the match."""
    for _ in range(50):
        await settle(pilot)
        reader = pilot.app.screen
        if isinstance(reader, LibraryReaderScreen) and reader.search is not None \
                and reader.search.current is not None:
            return reader
    raise AssertionError(f"no briefing opened at a match: {pilot.app.screen}")


async def search_for(pilot, words: str) -> ArchiveSearchScreen:  # type: ignore[no-untyped-def]
    await settle(pilot)
    assert isinstance(pilot.app.screen, LibraryScreen)
    await pilot.press("s")
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, ArchiveSearchScreen)
    await pilot.press(*words)
    for _ in range(50):  # the pause in typing, then the worker
        await pilot.pause(0.05)
        await settle(pilot)
        if screen.typed == words and screen.hits is not None and (
                "hit" in screen_text(pilot.app) or "no matches" in screen_text(pilot.app)):
            break
    return screen


async def test_s_lists_the_hits_of_every_briefing_with_their_place(folder: Path) -> None:
    app = BriefingApp(folder=folder)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await search_for(pilot, "mayor trapped")
        text = screen_text(app)
        assert "2 hits" in text
        assert text.index("Newer talks") < text.index("Older talks")  # newest first
        assert "§2 Humanitarian ¶1" in text
        assert "The mayor said 160,000 people were still trapped." in text
        assert [hit.title for hit in screen.hits] == ["Newer talks", "Older talks"]


async def test_enter_opens_the_briefing_at_the_hit_with_its_words_marked(folder: Path) -> None:
    app = BriefingApp(folder=folder)
    async with app.run_test(size=(120, 40)) as pilot:
        await search_for(pilot, "zeppelin")
        assert "1 hit" in screen_text(app)
        await pilot.press("enter")
        reader = await opened_at_match(pilot)
        assert reader.briefing.title == "Newer talks"
        assert reader.section == 1  # Humanitarian, where the word is
        match = reader.search.matches[reader.search.current]
        paragraph = reader.briefing.sections[match.section].paragraphs[match.paragraph]
        assert paragraph[match.start:match.end] == "zeppelin"
        assert reader.reading.is_visible(match.paragraph, match.start, match.end)
        assert "1 of 1" in screen_text(app)
        await pilot.press("q")  # back to the library
        await pilot.pause()
        assert isinstance(app.screen, LibraryScreen)
        await pilot.press("s")  # the search comes back with its words
        await pilot.pause()
        assert isinstance(app.screen, ArchiveSearchScreen)
        assert app.screen.typed == "zeppelin"


async def test_a_prefix_and_a_phrase_are_found_and_marked_in_the_reader(folder: Path) -> None:
    app = BriefingApp(folder=folder)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await search_for(pilot, '"still trapped" zeppel*')
        assert screen.hits == []  # never in the same passage
        await pilot.press("escape")
        screen = await search_for(pilot, "zeppel*")
        assert len(screen.hits) == 1
        await pilot.press("escape")
        screen = await search_for(pilot, '"people were still"')
        assert len(screen.hits) == 2
        await pilot.press("enter")
        reader = await opened_at_match(pilot)
        match = reader.search.matches[reader.search.current]
        paragraph = reader.briefing.sections[match.section].paragraphs[match.paragraph]
        assert paragraph[match.start:match.end] == "people were still"


async def test_a_file_written_while_the_library_is_open_is_searched_after_its_look(
        folder: Path, briefing_text: Callable[..., str]) -> None:
    app = BriefingApp(folder=folder)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        (folder / "new.toml").write_text(briefing_text(masthead="published = 2022-04-01")
                                         .replace("Talks resume in", "Airships resume in"),
                                         encoding="utf-8")
        library = app.screen
        assert isinstance(library, LibraryScreen)
        library.action_look()  # what the once-a-second look does
        await settle(pilot)
        screen = await search_for(pilot, "airships")
        assert [hit.file for hit in screen.hits] == ["new.toml"]


@pytest.mark.parametrize("words", ['NEAR(', '"', "*", "a OR", "')--"])
async def test_hostile_words_are_searched_as_words(folder: Path, words: str) -> None:
    app = BriefingApp(folder=folder)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await search_for(pilot, words)
        assert isinstance(app.screen, ArchiveSearchScreen)
        assert "cannot" not in screen_text(app)
        assert screen.hits is not None


async def test_hits_found_while_the_folder_is_indexed_say_so_and_come_again(
        folder: Path, held_parses, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from briefing.tui.screens import library as library_module

    monkeypatch.setattr(library_module, "BATCH_SECONDS", 0.0)
    go_on = held_parses(lambda shown: "newer" in shown)
    app = BriefingApp(folder=folder)
    async with app.run_test(size=(120, 40)) as pilot:
        for _ in range(100):  # the older briefing is in the index, the newer not yet
            await pilot.pause(0.05)
            if app.screen.indexing is not None:  # type: ignore[attr-defined]
                break
        await pilot.press("s", *"talks")
        await shown(pilot, "still indexing")
        screen = app.screen
        assert isinstance(screen, ArchiveSearchScreen)
        assert {hit.title for hit in screen.hits} == {"Older talks"}
        go_on.set()
        for _ in range(100):  # asked again once the folder is indexed
            await pilot.pause(0.05)
            if "Newer talks" in [hit.title for hit in screen.hits]:
                break
        assert screen.hits[0].title == "Newer talks"
        assert "still indexing" not in screen_text(app)
