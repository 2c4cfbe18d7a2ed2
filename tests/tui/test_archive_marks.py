"""What the reader starred or noted, across every briefing of the library:
`*` lists them newest first, typing narrows, enter opens at the quote."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from briefing.tui.app import BriefingApp
from briefing.tui.screens.archive_marks import ArchiveMarksScreen
from briefing.tui.screens.library import LibraryReaderScreen, LibraryScreen
from conftest import screen_text, settle, shown


@pytest.fixture
def folder(tmp_path: Path, briefing_text: Callable[..., str],
           quote_table: Callable[..., str]) -> Path:
    folder = tmp_path / "inbox"
    folder.mkdir()
    for name, day in (("a.toml", "2022-03-01"), ("b.toml", "2022-03-02")):
        text = briefing_text(quote_table(), masthead=f"published = {day}")
        (folder / name).write_text(text.replace('title = "Talks in Istanbul"',
                                                f'title = "Talks of {day}"'), encoding="utf-8")
    return folder


async def marks_dialog(pilot) -> ArchiveMarksScreen:  # type: ignore[no-untyped-def]
    await pilot.press("asterisk")
    await settle(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, ArchiveMarksScreen)
    return screen


async def test_a_star_and_a_note_made_in_a_briefing_are_listed_and_open_at_their_quote(
        folder: Path) -> None:
    app = BriefingApp(folder=folder)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, LibraryScreen)
        dialog = await marks_dialog(pilot)
        assert "Nothing starred or noted yet" in screen_text(app)
        await pilot.press("escape")
        await pilot.press("down", "enter")  # the older briefing, a.toml
        await settle(pilot)
        reader = app.screen
        assert isinstance(reader, LibraryReaderScreen)
        await pilot.press("n", "s", "a", *"ask the albatross desk", "enter")
        await settle(pilot)
        starred = reader.quote
        assert starred is not None
        await pilot.press("q")
        await settle(pilot)
        app.screen.action_look()  # what the once-a-second look does
        await settle(pilot)
        dialog = await marks_dialog(pilot)
        assert [(hit.title, hit.starred, hit.note) for hit in dialog.hits] == [
            ("Talks of 2022-03-01", True, "ask the albatross desk")]
        text = screen_text(app)
        assert "★ “" + starred.text[:30] in text and "✎ ask the albatross desk" in text
        assert "1 mark" in text
        await pilot.press(*"zebra")  # narrowed to nothing, then back
        await pilot.pause()
        assert "0 of 1 mark" in screen_text(app) and "albatross desk" not in screen_text(app)
        await pilot.press(*["backspace"] * 5, *"albatross")
        await pilot.pause()
        assert "✎ ask the albatross desk" in screen_text(app)
        await pilot.press("enter")
        await settle(pilot)
        opened = app.screen
        assert isinstance(opened, LibraryReaderScreen) and opened is not reader
        assert opened.briefing.title == "Talks of 2022-03-01"
        assert opened.quote is not None and opened.quote.text == starred.text


async def test_a_note_found_by_s_opens_at_the_quote_it_is_on(folder: Path) -> None:
    app = BriefingApp(folder=folder)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("enter")  # the newest, b.toml
        await settle(pilot)
        await pilot.press("n", "a", *"zeppelin sighting", "enter")
        await settle(pilot)
        noted = app.screen.quote
        await pilot.press("q")
        await settle(pilot)
        app.screen.action_look()
        await settle(pilot)
        assert "your note: zeppelin sighting" not in screen_text(app)
        await pilot.press("s", *"zeppelin")
        await settle(pilot)
        # The dialog's search runs in a worker, and its hits are drawn after.
        assert await shown(pilot, "your note: zeppelin sighting"), screen_text(app)
        assert "your note on a quote" in screen_text(app)
        await pilot.press("enter")
        await settle(pilot)
        opened = app.screen
        assert isinstance(opened, LibraryReaderScreen)
        assert opened.briefing.title == "Talks of 2022-03-02"
        assert opened.quote is not None and noted is not None and opened.quote.text == noted.text


async def test_a_star_given_a_moment_ago_is_listed_before_the_folder_is_looked_at(
        folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    app = BriefingApp(folder=folder)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        monkeypatch.setattr(LibraryScreen, "_look", lambda self: None)  # no look from now on
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("n", "s", "q")
        await settle(pilot)
        dialog = await marks_dialog(pilot)
        assert [hit.starred for hit in dialog.hits] == [True]
