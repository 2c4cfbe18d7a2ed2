"""The library's view of a folder (headless): which files, what each is, what
changed, the order and the filter, and which briefings were opened."""

from __future__ import annotations

import os
from datetime import date, datetime
from pathlib import Path

import pytest

from briefing.archive import Archive
from briefing.library import (
    LibraryEntry,
    library_order,
    list_folder,
    mark_opened,
    matches,
    opened_state_files,
    shown_name,
    was_opened,
)
from briefing.loader import load_briefing
from briefing.state import ReaderState, load_state_for, save_state, state_key


def entry_of(folder: Path, name: str) -> LibraryEntry:
    """The file as the library lists it, from the folder's index."""
    with Archive.open(folder) as archive:
        archive.update()
        (entry,) = [entry for entry in archive.entries() if entry.name == name]
    return entry


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    folder = tmp_path / "briefs"
    folder.mkdir()
    return folder


# --- listing ---------------------------------------------------------------------------


def test_list_folder_finds_briefings_and_articles_but_nothing_else(folder: Path,
                                                                   briefing_text) -> None:
    (folder / "today.toml").write_text(briefing_text(), encoding="utf-8")
    (folder / "UPPER.TOML").write_text(briefing_text(), encoding="utf-8")
    (folder / ".hidden.toml").write_text(briefing_text(), encoding="utf-8")
    (folder / "monday.txt").write_text("An article.", encoding="utf-8")
    (folder / "tuesday.md").write_text("An article.", encoding="utf-8")
    (folder / "page.html").write_text("<p>An article.</p>", encoding="utf-8")
    (folder / "picture.png").write_bytes(b"\x89PNG")
    (folder / "sub").mkdir()
    (folder / "sub" / "deep.toml").write_text(briefing_text(), encoding="utf-8")
    (folder / "named-like-one.toml").mkdir()
    listing = list_folder(folder)
    assert sorted(listing.briefings) == ["UPPER.TOML", "today.toml"]
    assert listing.articles == ("monday.txt", "page.html", "tuesday.md")


def test_a_broken_link_is_listed_without_a_stamp(folder: Path) -> None:
    (folder / "gone.toml").symlink_to(folder / "nowhere.toml")
    listing = list_folder(folder)
    assert dict(listing.briefings) == {"gone.toml": None}
    entry = entry_of(folder, "gone.toml")
    assert entry.read and not entry.valid
    assert entry.error == "cannot look at it (a link to nothing?)"


def test_the_stamp_changes_when_a_file_is_written(folder: Path, briefing_text) -> None:
    path = folder / "today.toml"
    path.write_text(briefing_text(), encoding="utf-8")
    before = list_folder(folder).briefings["today.toml"]
    assert list_folder(folder).briefings["today.toml"] == before  # looking changes nothing
    replacement = folder / "today.toml.new"
    replacement.write_text(briefing_text(), encoding="utf-8")  # same size, same bytes
    os.replace(replacement, path)  # as an editor saves: a new inode
    assert list_folder(folder).briefings["today.toml"] != before


def test_list_folder_raises_when_the_folder_is_gone(tmp_path: Path) -> None:
    with pytest.raises(OSError):
        list_folder(tmp_path / "gone")


# --- one file ------------------------------------------------------------------------


def test_the_library_entry_summarises_a_briefing(folder: Path, briefing_text) -> None:
    path = folder / "today.toml"
    path.write_text(briefing_text(masthead='source = "Reuters"\npublished = 2022-03-28\n'
                                           'tags = ["ukraine", "diplomacy"]'),
                    encoding="utf-8")
    stamp = list_folder(folder).briefings["today.toml"]
    entry = entry_of(folder, "today.toml")
    assert entry.valid
    assert (entry.title, entry.source, entry.published, entry.tags) == (
        "Talks in Istanbul", "Reuters", date(2022, 3, 28), ("ukraine", "diplomacy"))
    assert (entry.quotes, entry.figures, entry.stamp) == (0, 0, stamp)


def test_the_library_entry_of_an_invalid_file_keeps_its_error_on_one_line(folder: Path) -> None:
    (folder / "bad.toml").write_text('format = 1\n[briefing]\ntitle = "x"\n', encoding="utf-8")
    entry = entry_of(folder, "bad.toml")
    assert entry.read and not entry.valid
    # Without the file name: the list shows it in its own column.
    assert entry.error == "sections: required, but missing"


def test_shown_name_makes_hostile_names_visible() -> None:
    assert shown_name("today.toml") == "today.toml"
    assert shown_name("a\x1b]0;pwned\x07b.toml") == "a\\x1b]0;pwned\\x07b.toml"
    assert shown_name(os.fsdecode(b"caf\xe9.toml")) == "caf\\xe9.toml"
    assert shown_name("bidi\u202e.toml") == "bidi\\u202e.toml"
    assert shown_name("two\nlines.toml") == "two lines.toml"
    assert shown_name(Path("/x") / "a\x1bb") == "/x/a\\x1bb"


# --- order and filter ---------------------------------------------------------------


def _entry(name: str, published: date | None = None, *, read: bool = True,
           error: str | None = None, **fields: object) -> LibraryEntry:
    return LibraryEntry(name, None, read, published=published, error=error,
                        **fields)  # type: ignore[arg-type]


def test_newest_day_first_then_unread_then_invalid() -> None:
    """An undated briefing goes under the day its file was written (when it
    was imported); one with no day at all after every dated one."""
    from briefing.library import Stamp

    written = datetime(2022, 3, 20, 12, 0).timestamp() * 1e9
    entries = [
        _entry("z-invalid.toml", error="bad"),
        _entry("a-invalid.toml", error="bad"),
        _entry("being-read.toml", read=False),
        _entry("no-day.toml"),
        LibraryEntry("imported.toml", Stamp(1, int(written), 1), True),
        _entry("old.toml", date(2022, 3, 1)),
        _entry("new.toml", date(2022, 4, 1)),
        _entry("b-same-day.toml", date(2022, 3, 15)),
        _entry("a-same-day.toml", date(2022, 3, 15)),
    ]
    assert [e.name for e in sorted(entries, key=library_order)] == [
        "new.toml", "imported.toml", "a-same-day.toml", "b-same-day.toml", "old.toml",
        "no-day.toml", "being-read.toml", "a-invalid.toml", "z-invalid.toml"]


@pytest.mark.parametrize(("query", "expected"), [
    ("", True),
    ("istanbul", True),                # title, any case
    ("ISTANBUL talks", True),          # every word, in any field, in any order
    ("istanbul paris", False),         # every word must be there
    ("reuters", True),                 # source
    ("diplomacy", True),               # tag
    ("2022-03", True),                 # date as the list writes it
    ("march", True),                   # date in words
    ("28 march 2022", True),
    ("april", False),
    ("monday-brief", True),            # file name
    ("bbc", False),
])
def test_filter_looks_in_title_source_tags_date_and_file_name(query: str,
                                                               expected: bool) -> None:
    entry = _entry("monday-brief.toml", date(2022, 3, 28), title="Talks in Istanbul",
                   source="Reuters", tags=("ukraine", "diplomacy"))
    assert matches(entry, query) is expected


# --- what was opened ----------------------------------------------------------------


def test_a_briefing_is_new_until_it_is_opened(folder: Path, briefing_text) -> None:
    path = folder / "today.toml"
    path.write_text(briefing_text(), encoding="utf-8")
    entry = entry_of(folder, "today.toml")
    assert not was_opened(entry, opened_state_files())
    mark_opened(path, load_briefing(path))
    assert was_opened(entry, opened_state_files())
    other = folder / "other.toml"
    other.write_text(briefing_text(masthead="published = 2022-03-29"), encoding="utf-8")
    assert not was_opened(entry_of(folder, "other.toml"), opened_state_files())


def test_a_copy_of_an_opened_briefing_is_not_new(folder: Path, briefing_text) -> None:
    """State belongs to what a briefing is, not to its file (see state.py)."""
    path = folder / "today.toml"
    path.write_text(briefing_text(), encoding="utf-8")
    copy = folder / "copy-of-today.toml"
    copy.write_text(briefing_text(), encoding="utf-8")
    assert not was_opened(entry_of(folder, "copy-of-today.toml"), opened_state_files())
    mark_opened(path, load_briefing(path))
    assert was_opened(entry_of(folder, "copy-of-today.toml"), opened_state_files())


def test_opened_in_the_reader_counts_as_opened(folder: Path, briefing_text) -> None:
    path = folder / "today.toml"
    path.write_text(briefing_text(), encoding="utf-8")
    entry = entry_of(folder, "today.toml")
    assert not was_opened(entry, opened_state_files())
    key = state_key(load_briefing(path), path)
    save_state(key, ReaderState().at("humanitarian", None))  # as the reader saves
    assert was_opened(entry, opened_state_files())


def test_marking_opened_never_touches_a_saved_state(folder: Path, briefing_text) -> None:
    path = folder / "today.toml"
    path.write_text(briefing_text(), encoding="utf-8")
    key = state_key(load_briefing(path), path)
    star = "quote:0123456789abcdef"
    save_state(key, ReaderState(stars={star}).at("military", None))
    mark_opened(path, load_briefing(path))
    state = load_state_for(key)
    assert state.stars == {star}
    assert state.section == "military"


def test_marking_opened_carries_an_earlier_versions_state_over(folder: Path,
                                                               briefing_text) -> None:
    """State an earlier version kept by the file's path keeps its place."""
    from briefing.state import legacy_state_path, state_path_for

    path = folder / "today.toml"
    path.write_text(briefing_text(), encoding="utf-8")
    legacy = legacy_state_path(path)
    legacy.parent.mkdir(parents=True)
    legacy.write_text('version = 1\nsection = "military"\nstars = []\n', encoding="utf-8")
    key = state_key(load_briefing(path), path)
    assert not state_path_for(key).exists()
    mark_opened(path, load_briefing(path))
    assert state_path_for(key).exists()
    assert load_state_for(key).section == "military"
