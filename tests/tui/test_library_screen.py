"""The library as a morning inbox, driven as a user would: it follows its
folder while open, filters as you type, marks what was never opened, and
reads from one briefing to the next."""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import pytest

from briefing.tui.app import BriefingApp
from briefing.tui.screens import library as library_module
from briefing.tui.screens.library import LibraryReaderScreen, LibraryScreen
from briefing.tui.screens.reader import ReaderScreen
from conftest import screen_text, settle, shown

Briefing = Callable[..., str]


@pytest.fixture
def briefing(briefing_text: Callable[..., str]) -> Briefing:
    """`briefing(title, published=None, source=None, tags=())`: the sample
    briefing's text under another masthead."""

    def make(title: str, published: str | None = None, *, source: str | None = None,
             tags: tuple[str, ...] = ()) -> str:
        masthead = []
        if published:
            masthead.append(f"published = {published}")
        if source:
            masthead.append(f'source = "{source}"')
        if tags:
            masthead.append("tags = [" + ", ".join(f'"{tag}"' for tag in tags) + "]")
        return briefing_text(masthead="\n".join(masthead)).replace(
            'title = "Talks in Istanbul"', f'title = "{title}"', 1)

    return make


BROKEN = 'format = 1\n[briefing]\ntitle = "Broken"\n'


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def folder(tmp_path: Path, briefing: Briefing) -> Path:
    """Three briefings: Wednesday's is the newest."""
    folder = tmp_path / "inbox"
    folder.mkdir()
    write(folder / "monday.toml", briefing("Monday talks", "2022-03-28", source="Reuters",
                                           tags=("diplomacy",)))
    write(folder / "tuesday.toml", briefing("Tuesday shelling", "2022-03-29", source="AP"))
    write(folder / "wednesday.toml", briefing("Wednesday convoy", "2022-03-30",
                                              source="Reuters", tags=("humanitarian",)))
    return folder


def library(app: BriefingApp) -> LibraryScreen:
    """The library screen, whether it is shown or under a briefing."""
    screen = app.screen
    if isinstance(screen, LibraryReaderScreen):
        return screen.library
    assert isinstance(screen, LibraryScreen)
    return screen


def listed(app: BriefingApp) -> list[str]:
    """The file names in the list, in its order."""
    return [entry.name for entry in library(app).library_list.rows]


def row_of(app: BriefingApp, name: str) -> str:
    """The line the screen shows for a file (the file name column cuts long names)."""
    lines = [line for line in screen_text(app).splitlines() if name[:12] in line]
    assert len(lines) == 1, lines
    return lines[0]


async def look(pilot) -> None:  # type: ignore[no-untyped-def]
    """What the once-a-second look at the folder does, without the clock
    (as `r` does)."""
    await settle(pilot)
    library(pilot.app).action_look()
    await settle(pilot)


async def exported_to(pilot, target: Path) -> str:  # type: ignore[no-untyped-def]
    """In `e`'s prompt, `target` typed in place of the path proposed, then
    enter: the digest written there."""
    pilot.app.screen.query_one("#prompt-input").value = str(target)
    await pilot.press("enter")
    await settle(pilot)
    return target.read_text(encoding="utf-8")


async def open_library(pilot) -> None:  # type: ignore[no-untyped-def]
    await settle(pilot)
    assert isinstance(pilot.app.screen, LibraryScreen)


# --- the list ---------------------------------------------------------------------


async def test_newest_first_with_a_file_name_column_and_counts(folder: Path) -> None:
    app = BriefingApp(folder=folder)
    async with app.run_test(size=(120, 30)) as pilot:
        await open_library(pilot)
        assert listed(app) == ["wednesday.toml", "tuesday.toml", "monday.toml"]
        text = screen_text(app)
        header = next(line for line in text.splitlines() if "Title" in line)
        for column in ("Date", "Title", "Source", "File", "Quotes", "Figures"):
            assert column in header
        row = row_of(app, "wednesday.toml")
        assert "2022-03-30" in row and "Wednesday convoy" in row and "Reuters" in row


async def test_a_draft_is_marked_in_the_list_and_the_filter_finds_drafts(
        folder: Path, briefing: Briefing) -> None:
    draft = briefing("Thursday import", "2022-03-31").replace(
        "format = 1", "format = 2").replace('title = "Thursday import"',
                                            'title = "Thursday import"\ndraft = true', 1)
    write(folder / "thursday.toml", draft)
    app = BriefingApp(folder=folder)
    async with app.run_test(size=(120, 30)) as pilot:
        await open_library(pilot)
        assert "draft · Thursday import" in row_of(app, "thursday.toml")
        assert "draft" not in row_of(app, "wednesday.toml")
        await pilot.press("slash", *"draft")
        await settle(pilot)
        assert listed(app) == ["thursday.toml"]


async def test_slash_and_words_typed_in_one_read_filter_by_those_words(folder: Path) -> None:
    """`/monday` typed fast arrives in one read: the letters follow `/` into
    the filter it opens, and `/` inside the filter is a character."""
    from conftest import typed_in_one_read

    app = BriefingApp(folder=folder)
    async with app.run_test(size=(120, 30)) as pilot:
        await open_library(pilot)
        assert len(listed(app)) == 3
        typed_in_one_read(app, "/monday")
        await settle(pilot)
        assert library(app).filter_text == "monday"
        assert listed(app) == ["monday.toml"]
        typed_in_one_read(app, "/x")
        await settle(pilot)
        assert library(app).filter_text == "monday/x"


async def test_titles_are_cut_with_an_ellipsis_and_columns_follow_the_width(
        folder: Path, briefing: Briefing) -> None:
    long_title = "An extremely long title about the talks " * 4
    write(folder / "long.toml", briefing(long_title.strip(), "2022-04-01"))
    app = BriefingApp(folder=folder)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_library(pilot)
        row = row_of(app, "long.toml")
        assert "An extremely long title" in row and "…" in row
        assert long_title.strip() not in screen_text(app)
        assert "Quotes" not in screen_text(app)  # no room: the counts give way first
        await pilot.resize_terminal(200, 40)
        await pilot.pause()
        assert "Quotes" in screen_text(app)
        assert "An extremely long title about the talks An extremely long" in row_of(
            app, "long.toml")


async def test_invalid_files_are_listed_with_their_error_and_say_why_on_enter(
        folder: Path) -> None:
    write(folder / "broken.toml", BROKEN)
    app = BriefingApp(folder=folder)
    async with app.run_test(size=(120, 30)) as pilot:
        await open_library(pilot)
        assert listed(app)[-1] == "broken.toml"  # after the briefings
        row = row_of(app, "broken.toml")
        assert "⚠" in row and "sections: required, but missing" in row
        assert "1 not valid" in screen_text(app)
        await pilot.press("G", "enter")
        await settle(pilot)
        assert isinstance(app.screen, LibraryScreen)  # nothing opened
        said = [(n.title, str(n.message)) for n in app._notifications]
        assert said == [("Not a valid briefing",
                         f"{folder}/broken.toml: sections: required, but missing")]


async def test_a_folder_of_articles_says_how_to_import_them(tmp_path: Path,
                                                            briefing: Briefing) -> None:
    write(tmp_path / "monday.txt", "An article.")
    write(tmp_path / "tuesday.md", "# Another")
    app = BriefingApp(folder=tmp_path)
    async with app.run_test(size=(100, 24)) as pilot:
        await open_library(pilot)
        text = screen_text(app)
        assert "No briefings (*.toml)" in text and "2 articles" in text
        assert "briefing import ARTICLE -o NAME.toml" in text
        # The advice goes when a briefing arrives.
        write(tmp_path / "monday.toml", briefing("Monday talks", "2022-03-28"))
        await look(pilot)
        assert "briefing import" not in screen_text(app)
        assert listed(app) == ["monday.toml"]


async def test_an_empty_folder_says_the_list_follows_it(tmp_path: Path, briefing: Briefing) -> None:
    app = BriefingApp(folder=tmp_path)
    async with app.run_test(size=(100, 24)) as pilot:
        await open_library(pilot)
        assert "No briefings (*.toml)" in screen_text(app)
        write(tmp_path / "first.toml", briefing("First one", "2022-03-28"))
        await look(pilot)
        assert "First one" in screen_text(app)


# --- following the folder ------------------------------------------------------------


async def test_new_changed_fixed_and_removed_files_show_while_open(
        folder: Path, briefing: Briefing) -> None:
    app = BriefingApp(folder=folder)
    async with app.run_test(size=(120, 30)) as pilot:
        await open_library(pilot)
        assert "thursday.toml" not in listed(app)
        write(folder / "thursday.toml", briefing("Thursday ceasefire", "2022-03-31"))
        await look(pilot)
        assert listed(app)[0] == "thursday.toml"  # newest, on top
        assert "Thursday ceasefire" in screen_text(app)

        assert "Tuesday shelling" in screen_text(app)
        write(folder / "tuesday.toml", briefing("Tuesday shelling eases", "2022-03-29"))
        await look(pilot)
        assert "Tuesday shelling eases" in screen_text(app)

        write(folder / "monday.toml", BROKEN)
        await look(pilot)
        assert "sections: required" in row_of(app, "monday.toml")
        assert "Monday talks" not in screen_text(app)
        write(folder / "monday.toml", briefing("Monday talks, fixed", "2022-03-28"))
        await look(pilot)
        assert "Monday talks, fixed" in row_of(app, "monday.toml")
        assert "⚠" not in screen_text(app)

        (folder / "wednesday.toml").unlink()
        await look(pilot)
        assert "wednesday.toml" not in listed(app)
        assert "Wednesday convoy" not in screen_text(app)
        assert "3 briefings" in screen_text(app)


async def test_the_folder_is_followed_without_a_key(folder: Path, briefing: Briefing) -> None:
    app = BriefingApp(folder=folder)
    async with app.run_test(size=(120, 30)) as pilot:
        await open_library(pilot)
        assert "Thursday ceasefire" not in screen_text(app)
        write(folder / "thursday.toml", briefing("Thursday ceasefire", "2022-03-31"))
        for _ in range(100):  # the clock's look, within a generous bound
            await pilot.pause(0.1)
            if "Thursday ceasefire" in screen_text(app):
                break
        assert "Thursday ceasefire" in screen_text(app)


async def test_only_new_and_changed_files_are_read_again(
        folder: Path, parsed: list[str], briefing: Briefing) -> None:
    read = parsed
    app = BriefingApp(folder=folder)
    async with app.run_test(size=(120, 30)) as pilot:
        await open_library(pilot)
        assert sorted(read) == ["monday.toml", "tuesday.toml", "wednesday.toml"]
        read.clear()
        await look(pilot)
        assert read == []  # nothing changed: a listing, no read
        path = folder / "tuesday.toml"
        path.write_text(path.read_text() + "\n", encoding="utf-8")
        write(folder / "thursday.toml", briefing("Thursday ceasefire", "2022-03-31"))
        await look(pilot)
        assert sorted(read) == ["thursday.toml", "tuesday.toml"]


async def test_the_list_shows_at_once_and_titles_fill_in_as_files_are_read(
        folder: Path, held_parses) -> None:  # type: ignore[no-untyped-def]
    go_on = held_parses()
    app = BriefingApp(folder=folder)
    async with app.run_test(size=(120, 30)) as pilot:
        await shown(pilot, "monday.toml")
        text = screen_text(app)
        assert "monday.toml" in text and "reading…" in text
        assert "Monday talks" not in text
        await pilot.press("j")  # the list answers keys while files are read
        go_on.set()
        await settle(pilot)
        assert "Monday talks" in screen_text(app)
        assert "reading…" not in screen_text(app)


async def test_the_folder_is_not_looked_at_under_a_briefing_and_at_once_on_return(
        folder: Path, briefing: Briefing, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    looks: list[float] = []
    walk = library_module.walk_briefings
    monkeypatch.setattr(library_module, "walk_briefings",
                        lambda path: (looks.append(1), walk(path))[1])
    monkeypatch.setattr(library_module, "POLL_SECONDS", 0.05)
    app = BriefingApp(folder=folder)
    async with app.run_test(size=(120, 30)) as pilot:
        await open_library(pilot)
        await pilot.pause(0.3)
        assert len(looks) >= 3  # followed while shown
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, LibraryReaderScreen)
        looks.clear()
        write(folder / "thursday.toml", briefing("Thursday ceasefire", "2022-03-31"))
        await pilot.pause(0.4)
        assert looks == []
        await pilot.press("q")
        await settle(pilot)
        assert looks and listed(app)[0] == "thursday.toml"


async def test_a_look_that_finds_the_same_files_gives_the_screen_nothing_to_do(
        folder: Path, briefing: Briefing, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    listings: list[frozenset[str]] = []
    post = LibraryScreen.post_message

    def counting(self, message):  # type: ignore[no-untyped-def]
        if isinstance(message, LibraryScreen.FolderListed):
            listings.append(message.names)
        return post(self, message)

    monkeypatch.setattr(LibraryScreen, "post_message", counting)
    app = BriefingApp(folder=folder)
    async with app.run_test(size=(120, 30)) as pilot:
        await open_library(pilot)
        assert len(listings) == 1
        for _ in range(3):
            await look(pilot)
        assert len(listings) == 1  # at 10,000 files, a listing is work for the screen
        write(folder / "thursday.toml", briefing("Thursday ceasefire", "2022-03-31"))
        await look(pilot)
        assert len(listings) == 2 and "thursday.toml" in listings[-1]
        assert listed(app)[0] == "thursday.toml"


async def test_a_folder_that_goes_away_and_comes_back(folder: Path) -> None:
    app = BriefingApp(folder=folder)
    async with app.run_test(size=(120, 30)) as pilot:
        await open_library(pilot)
        aside = folder.with_name("aside")
        folder.rename(aside)
        await look(pilot)
        assert "cannot list this folder" in screen_text(app)
        aside.rename(folder)
        await look(pilot)
        assert "cannot list" not in screen_text(app)
        assert listed(app) == ["wednesday.toml", "tuesday.toml", "monday.toml"]


# --- the index behind the list ----------------------------------------------------------


async def test_briefings_in_subfolders_are_listed_and_open(folder: Path,
                                                           briefing: Briefing) -> None:
    (folder / "april").mkdir()
    write(folder / "april" / "friday.toml", briefing("April fools", "2022-04-01"))
    (folder / ".hidden").mkdir()
    write(folder / ".hidden" / "secret.toml", briefing("Secret", "2022-05-01"))
    app = BriefingApp(folder=folder)
    async with app.run_test(size=(120, 30)) as pilot:
        await open_library(pilot)
        assert listed(app)[0] == "april/friday.toml"  # the newest, from a subfolder
        assert "secret.toml" not in " ".join(listed(app))
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, LibraryReaderScreen)
        assert app.screen.briefing.title == "April fools"


async def test_a_library_opened_again_lists_from_its_index_without_reading_a_file(
        folder: Path, parsed: list[str]) -> None:
    read = parsed
    first = BriefingApp(folder=folder)
    async with first.run_test(size=(120, 30)) as pilot:
        await open_library(pilot)
        assert len(read) == 3
    read.clear()
    again = BriefingApp(folder=folder)
    async with again.run_test(size=(120, 30)) as pilot:
        await open_library(pilot)
        assert read == []
        assert listed(again) == ["wednesday.toml", "tuesday.toml", "monday.toml"]
        text = screen_text(again)
        assert "Wednesday convoy" in text and "reading…" not in text
        assert "Library · 3 briefings · " in text.splitlines()[0]  # the counts, as at first
        await pilot.press("slash", *"humanitarian")  # tags come from the index too
        await pilot.pause()
        assert listed(again) == ["wednesday.toml"]


async def test_a_library_opened_again_shows_its_newest_rows_before_it_looks_at_the_folder(
        folder: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    first = BriefingApp(folder=folder)
    async with first.run_test(size=(120, 30)) as pilot:
        await open_library(pilot)
    # No look at all, and a first screenful of two: what shows comes from
    # the index, in the library's order, before any worker has run.
    look_at_folder = LibraryScreen._look
    monkeypatch.setattr(LibraryScreen, "_look", lambda self: None)
    monkeypatch.setattr(library_module, "FIRST_ROWS", 2)
    again = BriefingApp(folder=folder)
    async with again.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        assert listed(again) == ["wednesday.toml", "tuesday.toml"]
        text = screen_text(again)
        assert "Wednesday convoy" in text and "Reading the folder" not in text
        assert "briefings" not in text.splitlines()[0]  # no count until all are read
        look_at_folder(library(again))
        await settle(pilot)
        assert listed(again) == ["wednesday.toml", "tuesday.toml", "monday.toml"]
        assert "3 briefings" in screen_text(again)


async def test_a_long_first_indexing_shows_its_progress(
        folder: Path, held_parses, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(library_module, "BATCH_SECONDS", 0.0)
    go_on = held_parses(lambda shown: shown != "monday.toml")
    app = BriefingApp(folder=folder)
    async with app.run_test(size=(120, 30)) as pilot:
        await shown(pilot, " of 3")
        assert "indexing 1 of 3" in screen_text(app)
        assert library(app).query_one("#library-indexing").display
        go_on.set()
        await settle(pilot)
        assert " of 3" not in screen_text(app)
        assert not library(app).query_one("#library-indexing").display


async def test_an_index_that_cannot_be_kept_still_gives_a_library(
        folder: Path, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    in_the_way = tmp_path / "a-file"
    in_the_way.write_text("")
    monkeypatch.setenv("BRIEFING_DATA_DIR", str(in_the_way / "data"))
    app = BriefingApp(folder=folder)
    async with app.run_test(size=(120, 30)) as pilot:
        await open_library(pilot)
        assert listed(app) == ["wednesday.toml", "tuesday.toml", "monday.toml"]
        assert any("cannot make the archive's folder" in str(n.message)
                   for n in app._notifications)


# --- the filter ----------------------------------------------------------------------


async def test_the_filter_narrows_as_you_type(folder: Path) -> None:
    app = BriefingApp(folder=folder)
    async with app.run_test(size=(120, 30)) as pilot:
        await open_library(pilot)
        assert len(listed(app)) == 3
        await pilot.press("slash", "s")
        assert len(listed(app)) == 3
        await pilot.press("h")
        assert listed(app) == ["tuesday.toml"]
        await pilot.press("backspace")
        assert len(listed(app)) == 3


@pytest.mark.parametrize(("typed", "expected"), [
    ("reuters", ["wednesday.toml", "monday.toml"]),   # source
    ("shelling", ["tuesday.toml"]),                   # title
    ("humanitarian", ["wednesday.toml"]),             # tag
    ("2022-03-28", ["monday.toml"]),                  # date
    ("29 march", ["tuesday.toml"]),                   # date in words
    ("tuesday.toml", ["tuesday.toml"]),               # file name
    ("reuters convoy", ["wednesday.toml"]),           # every word
    ("nothing like it", []),
])
async def test_filter_finds_each_field(folder: Path, typed: str, expected: list[str]) -> None:
    app = BriefingApp(folder=folder)
    async with app.run_test(size=(120, 30)) as pilot:
        await open_library(pilot)
        await pilot.press("slash", *typed)
        assert listed(app) == expected
        assert ("No briefing matches" in screen_text(app)) == (not expected)


async def test_filter_then_open_then_escape_clears(folder: Path) -> None:
    app = BriefingApp(folder=folder)
    async with app.run_test(size=(120, 30)) as pilot:
        await open_library(pilot)
        await pilot.press("slash", *"shelling", "enter")
        assert listed(app) == ["tuesday.toml"]
        assert "1 shown" in screen_text(app)
        await pilot.press("enter")  # the list has the focus: opens the one shown
        await settle(pilot)
        assert isinstance(app.screen, LibraryReaderScreen)
        assert "Tuesday shelling" in screen_text(app)
        await pilot.press("q")
        await pilot.pause()
        assert listed(app) == ["tuesday.toml"]  # the filter is still on
        await pilot.press("escape")
        assert listed(app) == ["wednesday.toml", "tuesday.toml", "monday.toml"]
        assert "shown" not in screen_text(app)


# --- new and opened ------------------------------------------------------------------


async def test_briefings_not_yet_opened_are_marked_until_opened(folder: Path) -> None:
    app = BriefingApp(folder=folder)
    async with app.run_test(size=(120, 30)) as pilot:
        await open_library(pilot)
        assert "3 new" in screen_text(app)
        assert "●" in row_of(app, "wednesday.toml")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, LibraryReaderScreen)
        await pilot.press("q")
        await pilot.pause()
        assert isinstance(app.screen, LibraryScreen)
        assert "●" not in row_of(app, "wednesday.toml")
        assert "●" in row_of(app, "tuesday.toml")
        assert "2 new" in screen_text(app)
    # Opened stays opened in the next session: the reader's state folder says so.
    again = BriefingApp(folder=folder)
    async with again.run_test(size=(120, 30)) as pilot:
        await open_library(pilot)
        assert "●" not in row_of(again, "wednesday.toml")
        assert "●" in row_of(again, "monday.toml")


async def test_opened_stays_opened_when_the_state_cannot_be_written(
        folder: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from briefing.files import WriteError

    def read_only(path: Path, briefing: object) -> None:
        raise WriteError(path, "the folder is on a read-only file system", kind="read-only")

    monkeypatch.setattr(library_module, "mark_opened", read_only)
    app = BriefingApp(folder=folder)
    async with app.run_test(size=(120, 30)) as pilot:
        await open_library(pilot)
        assert "●" in row_of(app, "wednesday.toml")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, LibraryReaderScreen)
        await pilot.press("q")
        await look(pilot)  # the state folder has no file for it
        assert "●" not in row_of(app, "wednesday.toml")


# --- reading from the library ----------------------------------------------------------


def test_the_library_keys_in_a_briefing_clash_with_no_reader_key() -> None:
    """J, K and q mean something else in no pane of the reader (the reader
    binds no q: the app's quit is what q replaces)."""
    from textual.binding import Binding

    from briefing.tui.widgets.contents import ContentsList
    from briefing.tui.widgets.entries import FigureList, QuoteList
    from briefing.tui.widgets.reading import ReadingPane

    def keys(cls: type) -> set[str]:
        return set(cls._merge_bindings().key_to_bindings)  # type: ignore[attr-defined]

    ours = {binding.key for binding in Binding.make_bindings(LibraryReaderScreen.BINDINGS)}
    assert ours == {"q", "J", "K"}
    for cls in (ReaderScreen, ReadingPane, QuoteList, FigureList, ContentsList):
        assert not ours & keys(cls), cls.__name__


async def test_q_goes_back_to_the_library_where_it_was(folder: Path) -> None:
    app = BriefingApp(folder=folder)
    async with app.run_test(size=(120, 30)) as pilot:
        await open_library(pilot)
        await pilot.press("j", "enter")
        await settle(pilot)
        assert isinstance(app.screen, LibraryReaderScreen)
        assert "Tuesday shelling" in screen_text(app)
        await pilot.press("q")
        await pilot.pause()
        assert isinstance(app.screen, LibraryScreen)
        assert library(app).library_list.cursor_name == "tuesday.toml"
        await pilot.press("enter")  # and escape backs out as q does
        await settle(pilot)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, LibraryScreen)


async def test_J_and_K_read_the_next_and_previous_briefing(folder: Path) -> None:
    write(folder / "broken.toml", BROKEN)  # never read: it cannot be opened
    app = BriefingApp(folder=folder)
    async with app.run_test(size=(120, 30)) as pilot:
        await open_library(pilot)
        await pilot.press("enter")
        await settle(pilot)
        reader = app.screen
        assert isinstance(reader, LibraryReaderScreen) and reader.file_name == "wednesday.toml"
        assert reader.check_action("previous_briefing", ()) is None  # the first: K disabled
        await pilot.press("J")
        await settle(pilot)
        assert isinstance(app.screen, LibraryReaderScreen)
        assert app.screen.file_name == "tuesday.toml"
        assert "Tuesday shelling" in screen_text(app)
        await pilot.press("J")
        await settle(pilot)
        assert app.screen.file_name == "monday.toml"  # type: ignore[attr-defined]
        assert app.screen.check_action("next_briefing", ()) is None  # broken.toml skipped
        await pilot.press("J")
        await settle(pilot)
        assert app.screen.file_name == "monday.toml"  # type: ignore[attr-defined]
        await pilot.press("K")
        await settle(pilot)
        assert app.screen.file_name == "tuesday.toml"  # type: ignore[attr-defined]
        # One screen deep: q goes back to the library, on the briefing read last.
        await pilot.press("q")
        await pilot.pause()
        assert isinstance(app.screen, LibraryScreen)
        assert library(app).library_list.cursor_name == "tuesday.toml"
        assert "●" not in row_of(app, "monday.toml")


async def test_J_follows_the_filter(folder: Path) -> None:
    app = BriefingApp(folder=folder)
    async with app.run_test(size=(120, 30)) as pilot:
        await open_library(pilot)
        await pilot.press("slash", *"reuters", "enter", "enter")
        await settle(pilot)
        assert app.screen.file_name == "wednesday.toml"  # type: ignore[attr-defined]
        await pilot.press("J")
        await settle(pilot)
        assert app.screen.file_name == "monday.toml"  # type: ignore[attr-defined]


async def test_the_place_is_saved_when_J_moves_on(folder: Path) -> None:
    from briefing.loader import load_briefing
    from briefing.state import load_state_for, state_key

    app = BriefingApp(folder=folder)
    async with app.run_test(size=(120, 30)) as pilot:
        await open_library(pilot)
        await pilot.press("enter")
        await settle(pilot)
        reader = app.screen
        assert isinstance(reader, LibraryReaderScreen) and reader.section == 0
        await pilot.press("2")
        assert reader.section == 1
        await pilot.press("J")
        await settle(pilot)
        assert app.screen is not reader
        path = folder / "wednesday.toml"
        assert load_state_for(state_key(load_briefing(path), path)).section == "humanitarian"


async def test_ctrl_q_quits_from_a_briefing_opened_from_the_library(folder: Path) -> None:
    app = BriefingApp(folder=folder)
    async with app.run_test(size=(120, 30)) as pilot:
        await open_library(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, LibraryReaderScreen)
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert app._exit  # the app is closing, from the reader, not the library
    assert app.return_code == 0


# --- file names are someone else's text -------------------------------------------------


HOSTILE_NAMES = ["title-\x1b]0;pwned\x07.toml", "clip-\x1b]52;c;aGk=\x07.toml",
                 "bidi-\u202e.toml", os.fsdecode(b"caf\xe9.toml")]


async def test_hostile_file_names_are_shown_literally(tmp_path: Path,
                                                      briefing: Briefing,
                                                      assert_terminal_safe: Callable[[str], None],
                                                      ) -> None:
    for index, name in enumerate(HOSTILE_NAMES):
        write(tmp_path / name, briefing(f"Briefing {index}", f"2022-03-2{index}")
              if index % 2 == 0 else BROKEN)
    app = BriefingApp(folder=tmp_path)
    async with app.run_test(size=(200, 30)) as pilot:
        await open_library(pilot)
        text = screen_text(app)
        assert_terminal_safe(text)
        assert "title-\\x1b]0;pwned\\x07.toml" in text
        assert "clip-\\x1b]52;c;aGk=\\x07.toml" in text
        assert "bidi-\\u202e.toml" in text
        assert "caf\\xe9.toml" in text
        await pilot.press("G", "enter")  # an invalid one: its error names it visibly
        await settle(pilot)
        said = " ".join(str(n.message) for n in app._notifications)
        assert "\\x1b]52;c;aGk=\\x07.toml: sections: required" in said
        assert_terminal_safe(said)


def test_hostile_file_names_never_reach_a_real_terminal(tmp_path: Path,
                                                        briefing: Briefing) -> None:
    """The installed command, in a pseudo-terminal: no title, clipboard or
    link sequence from a file name is ever written."""
    from terminal import Terminal

    from conftest import briefing_command

    folder = tmp_path / "inbox"
    folder.mkdir()
    for index, name in enumerate(HOSTILE_NAMES):
        write(folder / name, briefing(f"Briefing {index}", f"2022-03-2{index}"))
    env = {"BRIEFING_STATE_DIR": str(tmp_path / "state"),
           "BRIEFING_CACHE_DIR": str(tmp_path / "cache")}
    term = Terminal([briefing_command(), str(folder)], columns=200, lines=30, env=env)
    try:
        assert term.wait_for("Briefing 3")
        assert "clip-\\x1b]52;c;aGk=\\x07.toml" in term.text()
        term.send("q")
        assert term.wait_exit() == 0
    finally:
        term.close()
    for sequence in (b"\x1b]52", b"\x1b]0;", b"\x1b]1;", b"\x1b]2;", b"\x1b]8;"):
        assert sequence not in term.raw


# --- the morning's digest -----------------------------------------------------------


async def test_e_exports_a_digest_of_the_highlighted_briefing_s_day(
        folder: Path, briefing: Briefing, tmp_path: Path) -> None:
    write(folder / "wednesday-late.toml", briefing("Wednesday evening", "2022-03-30"))
    app = BriefingApp(folder=folder)
    async with app.run_test(size=(120, 30)) as pilot:
        await open_library(pilot)
        assert listed(app)[0] == "wednesday-late.toml"
        await pilot.press("e")
        await pilot.pause()
        assert "of the 2 briefings of 30 March 2022" in screen_text(app)
        target = tmp_path / "out" / "morning.md"
        target.parent.mkdir()
        text = await exported_to(pilot, target)
        assert text.startswith("# Briefings in inbox of 30 March 2022")
        assert "## Wednesday convoy" in text and "## Wednesday evening" in text
        assert "Tuesday" not in text
        await pilot.press("e")  # the same path again: asked before it is overwritten
        await pilot.pause()
        app.screen.query_one("#prompt-input").value = str(target)  # type: ignore[attr-defined]
        await pilot.press("enter")
        await pilot.pause()
        from briefing.tui.screens.dialogs import ConfirmScreen

        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        await settle(pilot)
        assert target.read_text(encoding="utf-8") == text


async def test_x_selects_briefings_of_any_day_and_e_exports_those_only(
        folder: Path, tmp_path: Path) -> None:
    app = BriefingApp(folder=folder)
    async with app.run_test(size=(120, 30)) as pilot:
        await open_library(pilot)
        assert "selected" not in screen_text(app).splitlines()[0]
        assert "✓" not in row_of(app, "wednesday.toml")
        await pilot.press("x")  # Wednesday, and on to Tuesday
        await pilot.press("j", "x")  # past Tuesday: Monday
        await pilot.pause()
        assert "2 selected" in screen_text(app).splitlines()[0]
        assert "✓" in row_of(app, "wednesday.toml") and "✓" in row_of(app, "monday.toml")
        assert "✓" not in row_of(app, "tuesday.toml")
        await pilot.press("k", "k", "x", "k", "x")  # Wednesday off, and on again
        await pilot.press("slash", *"tuesday", "enter")  # a filter does not lose them
        await pilot.press("escape")  # the filter goes first
        await pilot.pause()
        assert "2 selected" in screen_text(app).splitlines()[0]
        await pilot.press("e")
        await pilot.pause()
        assert "Export a digest of the 2 briefings selected" in screen_text(app)
        text = await exported_to(pilot, tmp_path / "chosen.md")
        assert text.startswith("# Briefings in inbox from 28 March 2022 to 30 March 2022")
        assert "## Wednesday convoy" in text and "## Monday talks" in text
        assert "Tuesday" not in text
        await pilot.press("escape")  # then the selection
        await pilot.pause()
        assert "selected" not in screen_text(app).splitlines()[0]
        assert "✓" not in row_of(app, "wednesday.toml")
        # A file selected that goes, or breaks, is selected no more.
        await pilot.press("g", "x", "x")  # Wednesday and Tuesday
        await pilot.pause()
        assert "2 selected" in screen_text(app).splitlines()[0]
        (folder / "wednesday.toml").rename(tmp_path / "wednesday.toml")
        write(folder / "tuesday.toml", BROKEN)
        await look(pilot)
        assert "selected" not in screen_text(app).splitlines()[0]
        assert "✓" not in row_of(app, "tuesday.toml")
        (tmp_path / "wednesday.toml").rename(folder / "wednesday.toml")
        await look(pilot)
        assert "✓" not in row_of(app, "wednesday.toml")  # back, but not chosen again


async def test_a_damaged_index_is_set_aside_built_again_and_said_once(folder: Path) -> None:
    from briefing.archive import index_path

    first = BriefingApp(folder=folder)
    async with first.run_test(size=(120, 30)) as pilot:
        await open_library(pilot)
    path = index_path(folder)
    path.write_bytes(b"not a database at all" * 50)
    for companion in (Path(f"{path}-wal"), Path(f"{path}-shm")):
        companion.unlink(missing_ok=True)
    app = BriefingApp(folder=folder)
    async with app.run_test(size=(120, 30)) as pilot:
        await open_library(pilot)
        assert listed(app) == ["wednesday.toml", "tuesday.toml", "monday.toml"]
        said = [str(n.message) for n in app._notifications]
        assert len([m for m in said if "built again" in m]) == 1
        await look(pilot)
        said = [str(n.message) for n in app._notifications]
        assert len([m for m in said if "built again" in m]) == 1
    assert list(path.parent.glob(f"{path.name}.set-aside-*"))


async def test_briefings_are_grouped_by_day_an_undated_one_under_its_file_s_date(
        folder: Path, briefing: Briefing) -> None:
    write(folder / "wednesday-late.toml", briefing("Wednesday evening", "2022-03-30"))
    imported = write(folder / "imported.toml", briefing("Imported, undated"))
    written = datetime(2022, 3, 29, 18, 0).timestamp()
    os.utime(imported, (written, written))
    app = BriefingApp(folder=folder)
    async with app.run_test(size=(120, 30)) as pilot:
        await open_library(pilot)
        assert listed(app) == ["wednesday-late.toml", "wednesday.toml", "imported.toml",
                               "tuesday.toml", "monday.toml"]
        assert "2022-03-30" in row_of(app, "wednesday-late.toml")
        assert "2022-03-30" not in row_of(app, "wednesday.toml")  # the day, written once
        assert "2022-03-29" in row_of(app, "imported.toml")  # its file's date
        assert "2022-03-29" not in row_of(app, "tuesday.toml")
