"""The archive's index: what a search across a folder finds, as the folder
changes under it, and what it makes of damaged indexes, hostile files and
hostile queries."""

from __future__ import annotations

import functools
import json
import os
import sqlite3
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from briefing.archive import Archive, ArchiveError, index_path
from briefing.cli import main
from briefing.library import library_order

Briefing = Callable[..., str]


@pytest.fixture
def briefing(briefing_text: Callable[..., str], quote_table: Callable[..., str]) -> Briefing:
    """`briefing(title, published, paragraph="", tags="", source="Reuters",
    speaker="kuleba")`."""
    return functools.partial(_briefing, briefing_text, quote_table)


def _briefing(briefing_text: Callable[..., str], quote_table: Callable[..., str], title: str,
              published: str, *, paragraph: str = "", tags: str = "", source: str = "Reuters",
              speaker: str = "kuleba") -> str:
    """The sample briefing under another title and date, with one more
    paragraph in its last section, and its second paragraph's words said
    by `speaker`."""
    masthead = f'published = {published}\nsource = "{source}"'
    text = briefing_text(quote_table(speaker),
                         masthead=masthead + (f"\ntags = [{tags}]" if tags else ""))
    text = text.replace('title = "Talks in Istanbul"', f'title = "{title}"')
    if paragraph:
        text = text.replace('  "There was no major change',
                            f'  "{paragraph}",\n  "There was no major change')
    return text


@pytest.fixture
def folder(tmp_path: Path, briefing: Briefing) -> Path:
    root = tmp_path / "briefs"
    (root / "march").mkdir(parents=True)
    (root / "2022-03-01.toml").write_text(briefing("First", "2022-03-01", tags='"war"'))
    (root / "march" / "2022-03-28.toml").write_text(briefing(
        "Later", "2022-03-28", paragraph="A zeppelin was seen over the harbour."))
    (root / "notes.txt").write_text("not a briefing: zeppelin")
    return root


def search(folder: Path, query: str, **filters: object) -> list[tuple[str, str, int, int]]:
    """Update the folder's index, search it: (file, title, section, paragraph) per hit."""
    with Archive.open(folder) as archive:
        archive.update()
        return [(hit.path, hit.title, hit.section, hit.paragraph)
                for hit in archive.search(query, **filters)]  # type: ignore[arg-type]


def folder_of(tmp_path: Path, files: dict[str, str]) -> Path:
    """A folder of its own holding these files (name: text)."""
    root = tmp_path / "f"
    root.mkdir()
    for name, text in files.items():
        (root / name).write_text(text)
    return root


def test_a_word_in_one_briefing_of_a_subfolder_is_found_at_its_place(folder: Path) -> None:
    hits = search(folder, "zeppelin")
    assert hits == [("march/2022-03-28.toml", "Later", 2, 1)]
    with Archive.open(folder) as archive:
        (hit,) = archive.search("zeppelin")
    assert hit.section_title == "Military" and hit.day == date(2022, 3, 28)
    paragraph = "A zeppelin was seen over the harbour."
    assert paragraph[hit.start:hit.end] == "zeppelin"
    assert hit.context == paragraph


def test_hits_are_newest_briefing_first_then_in_reading_order(folder: Path) -> None:
    # "Talks resume." (the first section's summary), then its first paragraph.
    assert search(folder, "talks") == [
        ("march/2022-03-28.toml", "Later", 0, -1), ("march/2022-03-28.toml", "Later", 0, 0),
        ("2022-03-01.toml", "First", 0, -1), ("2022-03-01.toml", "First", 0, 0)]


def test_every_word_must_be_there_in_any_order_and_a_phrase_in_order(folder: Path) -> None:
    assert search(folder, "trapped mayor") == search(folder, "mayor trapped") != []
    assert search(folder, '"people were still trapped"') != []
    assert search(folder, "“still people were trapped”") == []  # curly marks: a phrase too
    assert search(folder, "mayor zeppelin") == []  # never in the same passage


def test_a_star_finds_every_word_it_begins_and_apostrophes_fold(
        tmp_path: Path, briefing: Briefing) -> None:
    root = folder_of(tmp_path, {
        "a.toml": briefing("A", "2022-03-01", paragraph="They don’t trust the ceasefire."),
    })
    assert search(root, "ceasef*") and search(root, "cease*")
    assert search(root, "cease") == []  # a whole word, without the star
    assert search(root, "don't trust") == search(root, "don’t trust") != []


def test_an_edited_file_is_searched_as_it_is_now_and_a_removed_one_not_at_all(
        folder: Path) -> None:
    assert search(folder, "zeppelin") != []
    with Archive.open(folder) as archive:
        report = archive.update()
    assert (report.added, report.changed, report.removed, report.unchanged) == (0, 0, [], 2)
    later = folder / "march" / "2022-03-28.toml"
    later.write_text(later.read_text().replace("zeppelin", "balloon"))
    with Archive.open(folder) as archive:
        report = archive.update()
        assert (report.changed, report.unchanged) == (1, 1)
        assert archive.search("zeppelin") == []
        assert [h.title for h in archive.search("balloon")] == ["Later"]
    later.unlink()
    with Archive.open(folder) as archive:
        assert archive.update().removed == ["march/2022-03-28.toml"]
        assert archive.search("balloon") == [] and len(archive.entries()) == 1


def test_a_file_written_again_with_the_same_bytes_is_not_read_as_new(folder: Path) -> None:
    search(folder, "talks")
    first = folder / "2022-03-01.toml"
    first.write_bytes(first.read_bytes())
    os.utime(first, ns=(1, 1))
    with Archive.open(folder) as archive:
        report = archive.update()
    assert (report.changed, report.unchanged) == (0, 2)


def test_a_broken_file_is_listed_with_its_error_and_indexing_goes_on(
        folder: Path, briefing: Briefing) -> None:
    broken = folder / "broken.toml"
    broken.write_text('format = 1\n[briefing\ntitle = "x"\n')
    with Archive.open(folder) as archive:
        report = archive.update()
        assert [path for path, _ in report.broken] == ["broken.toml"]
        assert report.broken[0][1].startswith("broken.toml:2:")  # the file and the place
        assert [(e.name, e.error is not None) for e in archive.entries()
                if e.error] == [("broken.toml", True)]  # listed as the library lists it
        assert archive.search("zeppelin") != []
    broken.write_text(briefing("Mended", "2022-04-01", paragraph="A zeppelin again."))
    assert [h[1] for h in search(folder, "zeppelin")] == ["Mended", "Later"]
    with Archive.open(folder) as archive:
        assert [e.name for e in archive.entries() if e.error] == []


def test_the_newest_entries_come_in_the_library_s_order_with_their_tags(
        folder: Path, briefing: Briefing) -> None:
    (folder / "broken.toml").write_text("format = 1\n[briefing\n")
    (folder / "march" / "also-28.toml").write_text(briefing("Same day", "2022-03-28",
                                                            tags='"war", "talks"'))
    undated = folder / "undated.toml"
    undated.write_text(briefing("Undated", "2022-03-02").replace("published = 2022-03-02\n", ""))
    os.utime(undated, (1_700_000_000, 1_700_000_000))  # written in November 2023
    with Archive.open(folder) as archive:
        archive.update()
        everything = sorted(archive.entries(), key=library_order)
        assert [e.name for e in everything] == [
            "undated.toml", "march/2022-03-28.toml", "march/also-28.toml",
            "2022-03-01.toml", "broken.toml"]
        for count in (1, 3, 5, 9):
            assert archive.entries(newest=count) == everything[:count]
        assert archive.entries(newest=3)[2].tags == ("war", "talks")


def test_an_index_is_read_as_it_is_or_not_at_all(folder: Path) -> None:
    assert Archive.existing(folder) is None  # none yet, and none is made
    assert not index_path(folder).exists()
    with Archive.open(folder) as archive:
        archive.update()
    existing = Archive.existing(folder)
    assert existing is not None
    with existing:
        assert len(existing.entries()) == 2
    index_path(folder).write_bytes(b"not an index at all" * 100)
    assert Archive.existing(folder) is None
    assert index_path(folder).read_bytes().startswith(b"not an index")  # left as it was


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs are POSIX")
def test_fifos_and_link_loops_in_the_folder_neither_hang_nor_stop_indexing(
        folder: Path) -> None:
    os.mkfifo(folder / "pipe.toml")
    (folder / "march" / "loop").symlink_to(folder, target_is_directory=True)
    (folder / "dangling.toml").symlink_to(folder / "nowhere.toml")
    with Archive.open(folder) as archive:
        report = archive.update()
    assert {path for path, _ in report.broken} == {"pipe.toml", "dangling.toml"}
    assert search(folder, "zeppelin") == [("march/2022-03-28.toml", "Later", 2, 1)]


@pytest.mark.parametrize("query", [
    "NEAR", "NEAR(talks resume)", "*", '"', '"""', "talks OR", "OR", "AND NOT",
    "text:talks", "^talks", "talks -resume", ")(", "'; DROP TABLE files; --",
    "talks\x00resume", "\u202e", "a" * 5000, " ".join(["talks"] * 500), "NOT talks",
])
def test_a_hostile_query_is_taken_as_words(folder: Path, query: str) -> None:
    search(folder, query)  # never an error
    assert search(folder, "zeppelin") != []  # and the index is still there


def test_operators_are_plain_words(tmp_path: Path, briefing: Briefing) -> None:
    root = folder_of(tmp_path, {
        "a.toml": briefing("A", "2022-03-01", paragraph="Talks near the border, or not."),
    })
    assert search(root, "near border") != []
    assert search(root, "talks OR zeppelin") == []  # OR is a word the text must have
    assert search(root, "talks or border") != []


def test_filters_narrow_to_a_speaker_source_tag_and_days(folder: Path) -> None:
    by_speaker = search(folder, "trading", speaker="kuleba")
    assert [h[1] for h in by_speaker] == ["Later", "First"]
    assert search(folder, "trading", speaker="boichenko") == []
    assert search(folder, "talks", tag="WAR") == [h for h in search(folder, "talks")
                                                  if h[1] == "First"] != []
    assert search(folder, "talks", source="reuters") == search(folder, "talks")
    assert search(folder, "talks", source="AP") == []
    assert {h[1] for h in search(folder, "talks", since=date(2022, 3, 2))} == {"Later"}
    assert {h[1] for h in search(folder, "talks", until=date(2022, 3, 1))} == {"First"}


def test_a_damaged_index_is_set_aside_and_built_again(folder: Path) -> None:
    search(folder, "zeppelin")
    path = index_path(folder)
    path.write_bytes(b"this is not a database" * 100)
    for companion in (Path(f"{path}-wal"), Path(f"{path}-shm")):
        companion.unlink(missing_ok=True)
    with Archive.open(folder) as archive:
        assert archive.set_aside is not None and archive.set_aside.exists()
        assert archive.set_aside.read_bytes().startswith(b"this is not")  # kept, not deleted
        archive.update()
        assert archive.search("zeppelin") != []


def test_a_sqlite_file_that_is_not_ours_is_set_aside(folder: Path) -> None:
    path = index_path(folder)
    path.parent.mkdir(parents=True, exist_ok=True)
    other = sqlite3.connect(path)
    other.execute("CREATE TABLE files (x)")
    other.commit()
    other.close()
    with Archive.open(folder) as archive:
        assert archive.set_aside is not None
        archive.update()
        assert archive.search("zeppelin") != []


def test_the_index_is_in_the_data_folder_never_beside_the_briefings(
        folder: Path, isolated_folders: Path) -> None:
    search(folder, "zeppelin")
    assert index_path(folder).is_relative_to(isolated_folders / "data")
    assert index_path(folder).exists()
    assert sorted(p.name for p in folder.rglob("*")) == sorted(
        ["2022-03-01.toml", "march", "2022-03-28.toml", "notes.txt"])


def test_a_data_folder_that_cannot_be_made_is_one_clear_line(
        folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    in_the_way = tmp_path / "a-file"
    in_the_way.write_text("")
    monkeypatch.setenv("BRIEFING_DATA_DIR", str(in_the_way / "data"))
    assert main(["search", str(folder), "zeppelin"]) == 1
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and "cannot make the archive's folder" in err


def test_an_index_that_cannot_be_written_is_one_clear_error(folder: Path) -> None:
    with Archive.open(folder) as archive:
        archive._db.execute("PRAGMA query_only = ON")  # as a read-only or full disk refuses
        with pytest.raises(ArchiveError, match="cannot write the index"):
            archive.update()
        archive._db.execute("PRAGMA query_only = OFF")
        archive.update()  # nothing half-written stands in the way
        assert archive.search("zeppelin") != []


# --- the command --------------------------------------------------------------

def test_briefing_search_prints_each_briefing_once_then_its_hits(
        folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["search", str(folder), "trapped"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "2022-03-28  march/2022-03-28.toml" and out[1] == "  Later"
    assert out[2] == "    §2 Humanitarian ¶1: The mayor said 160,000 people were still trapped."
    assert out[3] == "    §2 Humanitarian ¶2: 26 buses were waiting to evacuate some of " \
                     "160,000 trapped civilians."
    assert out[4].startswith("2022-03-01  2022-03-01.toml")


def test_briefing_search_json_is_for_scripts(folder: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["search", str(folder), "trading", "--speaker", "Kuleba", "--json"]) == 0
    hits = json.loads(capsys.readouterr().out)
    assert [(h["file"], h["speaker"], h["section"], h["paragraph"]) for h in hits] == [
        ("march/2022-03-28.toml", "Dmytro Kuleba", 1, 2),
        ("2022-03-01.toml", "Dmytro Kuleba", 1, 2)]
    assert hits[0]["day"] == "2022-03-28" and hits[0]["kind"] == "quote"
    assert main(["search", str(folder), "nothing-like-it", "--json"]) == 0
    captured = capsys.readouterr()
    assert json.loads(captured.out) == [] and "no matches" in captured.err


def test_briefing_search_names_broken_files_and_refuses_a_missing_folder(
        folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (folder / "bad.toml").write_text("format = 99\n")
    assert main(["search", str(folder), "zeppelin"]) == 0
    captured = capsys.readouterr()
    assert "zeppelin" in captured.out
    assert captured.err.startswith("bad.toml: ") and "not searched" in captured.err
    assert len(captured.err.splitlines()) == 1
    assert main(["search", str(tmp_path / "none"), "zeppelin"]) == 1
    assert "not a folder" in capsys.readouterr().err


def test_text_from_files_reaches_the_terminal_literally(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], assert_terminal_safe,  # type: ignore[no-untyped-def]
        briefing: Briefing) -> None:
    root = folder_of(tmp_path, {
        "a\x1b[31m.toml": briefing("Title [red]x[/red]", "2022-03-01",
                                    paragraph="zeppelin [bold]x[/bold]"),
    })
    assert main(["search", str(root), "zeppelin"]) == 0
    out = capsys.readouterr().out
    assert_terminal_safe(out)
    assert "a\\x1b[31m.toml" in out and "[bold]x[/bold]" in out and "[red]x[/red]" in out


# --- people across briefings -----------------------------------------------------

def test_everyone_quoted_is_one_person_however_each_briefing_writes_them(
        tmp_path: Path, briefing: Briefing) -> None:
    root = folder_of(tmp_path, {
        "a.toml": briefing("A", "2022-03-01", speaker="Mr Kuleba"),
        "b.toml": briefing("B", "2022-03-02", speaker="kuleba"),  # Dmytro Kuleba, by id
        "c.toml": briefing("C", "2022-03-03", speaker="Foreign Minister Dmytro Kuleba"),
        "d.toml": briefing("D", "2022-03-04", speaker="Oleg Kuleba"),  # someone else
    })
    with Archive.open(root) as archive:
        archive.update()
        said = archive.said_by("Dmytro Kuleba")
        assert [hit.title for hit in said] == ["C", "B"]  # newest first; "Mr Kuleba" is
        # not taken: two Kulebas are known, so a surname alone is neither
        assert said[0].kind == "quote" and said[0].section == 0 and said[0].paragraph == 1
        assert said[0].context == "We are not trading people, land or sovereignty"
        assert [hit.title for hit in archive.said_by("Oleg Kuleba")] == ["D"]
        people = {p.name: p for p in archive.people()}
        assert people["Dmytro Kuleba"].quotes == 2 and people["Dmytro Kuleba"].briefings == 2
        assert people["Oleg Kuleba"].quotes == 1 and people["Mr Kuleba"].quotes == 1


def test_a_surname_alone_joins_the_one_full_name_it_can_be(
        tmp_path: Path, briefing: Briefing) -> None:
    root = folder_of(tmp_path, {
        "a.toml": briefing("A", "2022-03-01", speaker="Mr Kuleba"),
        "b.toml": briefing("B", "2022-03-02", speaker="kuleba"),
    })
    with Archive.open(root) as archive:
        archive.update()
        assert [hit.title for hit in archive.said_by("Kuleba")] == ["B", "A"]
        assert [hit.title for hit in archive.said_by("Dmytro Kuleba")] == ["B", "A"]
        (person,) = [p for p in archive.people() if "kuleba" in p.key]
        assert (person.name, person.quotes, person.briefings) in {
            ("Dmytro Kuleba", 2, 2), ("Mr Kuleba", 2, 2)}


def test_figures_claimed_are_said_by_their_claimant(tmp_path: Path,
                                                    briefing: Briefing) -> None:
    figure = '''
[[figures]]
text = "160,000"
label = "people trapped"
claimed_by = "boichenko"
section = "humanitarian"
paragraph = 1
'''
    root = folder_of(tmp_path, {"a.toml": briefing("A", "2022-03-01") + figure})
    with Archive.open(root) as archive:
        archive.update()
        (hit,) = archive.said_by("Vadym Boichenko")
    assert hit.kind == "figure" and hit.context == "160,000 · people trapped"
    assert (hit.section, hit.paragraph, hit.start) == (1, 0, 15)


def test_the_limit_is_the_most_hits_there_are(folder: Path) -> None:
    assert len(search(folder, "talks")) == 4
    assert [h[1:] for h in search(folder, "talks", limit=1)] == [("Later", 0, -1)]
    assert [h[1:] for h in search(folder, "talks", limit=3)] == [
        ("Later", 0, -1), ("Later", 0, 0), ("First", 0, -1)]
    assert search(folder, "talks", source="reut") == search(folder, "talks")  # part of it


def test_a_long_update_on_a_terminal_counts_the_files_looked_at(
        folder: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    import itertools
    import sys
    import time

    class Terminal:  # stderr on a terminal
        def __init__(self) -> None:
            self.text = ""

        def write(self, text: str) -> int:
            self.text += text
            return len(text)

        def flush(self) -> None:
            pass

        def isatty(self) -> bool:
            return True

    terminal = Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    seconds = itertools.count()  # each look at the clock a second later: a long update
    monkeypatch.setattr(time, "monotonic", lambda: float(next(seconds)))
    assert main(["search", str(folder), "zeppelin"]) == 0
    assert "zeppelin" in capsys.readouterr().out
    assert terminal.text.endswith("indexing 2/2\n")
    assert main(["export", str(folder), "-o", str(folder.parent / "all.md")]) == 0
    assert "indexing 2/2\n" in terminal.text[terminal.text.index("2/2") + 4:]


# --- the reader's stars and notes ----------------------------------------------------

def mark(path: Path, *, star: bool = False, note: str = "") -> str:
    """Star the briefing's first quote and/or write a note on it, as the
    reader saves them; the quote's words."""
    from briefing.errors import BriefingError
    from briefing.loader import load_briefing
    from briefing.state import ReaderState, entry_key, load_state_for, save_state, state_key

    briefing = load_briefing(path)
    quote = briefing.quotes[0]
    key = state_key(briefing, path)
    try:
        saved = load_state_for(key)
    except BriefingError:  # damaged: the reader starts afresh (it moves the file aside)
        saved = ReaderState()
    state = saved.with_star(entry_key(quote), star).with_note(entry_key(quote), note)
    save_state(key, state, previous=saved)
    return quote.text


def state_file_of(path: Path) -> Path:
    from briefing.loader import load_briefing
    from briefing.state import state_key, state_path_for

    return state_path_for(state_key(load_briefing(path), path))


def test_stars_and_notes_are_indexed_and_a_note_is_found_by_its_words(folder: Path) -> None:
    later = folder / "march" / "2022-03-28.toml"
    with Archive.open(folder) as archive:
        archive.update()
        assert archive.marked() == []
        assert archive.search("albatross") == []
        words = mark(later, star=True, note="Compare with the albatross claim")
        archive.update()
        [marked] = archive.marked()
        assert (marked.title, marked.kind, marked.starred) == ("Later", "quote", True)
        assert marked.note == "Compare with the albatross claim"
        assert marked.context.startswith(words[:20])
        [found] = archive.search("albatross")
        assert (found.title, found.kind, found.entry_kind) == ("Later", "note", "quote")
        assert found.context == "your note: Compare with the albatross claim"
        assert "your note on a quote" in found.place
        # It opens at the quote: the quote's place, not the note's words.
        assert (found.section, found.paragraph, found.start) == (
            marked.section, marked.paragraph, marked.start)


def test_a_star_taken_away_or_a_state_file_removed_leaves_no_mark(folder: Path) -> None:
    first = folder / "2022-03-01.toml"
    mark(first, star=True, note="albatross")
    with Archive.open(folder) as archive:
        archive.update()
        assert [h.title for h in archive.marked()] == ["First"]
        mark(first, star=False, note="")
        archive.update()
        assert archive.marked() == [] and archive.search("albatross") == []
        mark(first, star=True)
        archive.update()
        assert [h.starred for h in archive.marked()] == [True]
        state_file_of(first).unlink()
        archive.update()
        assert archive.marked() == []


def test_marks_survive_an_edit_of_the_briefing_elsewhere(folder: Path, briefing: Briefing) -> None:
    later = folder / "march" / "2022-03-28.toml"
    mark(later, note="albatross")
    with Archive.open(folder) as archive:
        archive.update()
        later.write_text(briefing("Later", "2022-03-28", paragraph="A new paragraph, no zeppelin."))
        report = archive.update()
        assert report.changed == 1
        assert [h.note for h in archive.marked()] == ["albatross"]
        assert [h.title for h in archive.search("albatross")] == ["Later"]


def test_a_damaged_state_file_marks_nothing_and_stops_nothing(folder: Path) -> None:
    mark(folder / "2022-03-01.toml", star=True)
    state_file_of(folder / "2022-03-01.toml").write_bytes(b"\x1b[31m not toml at all [[[")
    with Archive.open(folder) as archive:
        archive.update()
        assert archive.marked() == []
        assert [h.title for h in archive.search("zeppelin")] == ["Later"]
        [problem] = archive.mark_problems()  # said, not silently dropped
        assert state_file_of(folder / "2022-03-01.toml").name in problem
        assert "\x1b" not in problem
        mark(folder / "2022-03-01.toml", star=True)  # the reader writes it anew
        archive.update()
        assert archive.mark_problems() == [] and len(archive.marked()) == 1


def test_briefing_search_starred_lists_the_marks_and_finds_notes(
        folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["search", str(folder), "--starred"]) == 0
    assert capsys.readouterr().err.strip() == "nothing starred or noted"
    mark(folder / "2022-03-01.toml", star=True)
    mark(folder / "march" / "2022-03-28.toml", note="Check the albatross \x1b[31mclaim")
    assert main(["search", str(folder), "--starred"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert [line for line in out if not line.startswith(" ")] == [
        "2022-03-28  march/2022-03-28.toml", "2022-03-01  2022-03-01.toml"]
    assert any(line.startswith("    ★ §1") for line in out)
    assert "      your note: Check the albatross [31mclaim" in out  # the escape dropped
    assert not any("\x1b" in line for line in out)
    assert main(["search", str(folder), "albatross", "--starred", "--json"]) == 0
    [hit] = json.loads(capsys.readouterr().out)
    assert (hit["file"], hit["starred"], hit["kind"]) == ("march/2022-03-28.toml", False, "quote")
    assert main(["search", str(folder), "--starred", "--since", "2022-03-02", "--json"]) == 0
    assert [h["file"] for h in json.loads(capsys.readouterr().out)] == ["march/2022-03-28.toml"]
    assert main(["search", str(folder), "--starred", "--tag", "war", "--json"]) == 0
    assert [h["file"] for h in json.loads(capsys.readouterr().out)] == ["2022-03-01.toml"]
    # The note's words are found by a plain search too.
    assert main(["search", str(folder), "albatross"]) == 0
    assert "your note on a quote: Dmytro Kuleba: your note: Check the albatross" in \
        capsys.readouterr().out
    assert main(["search", str(folder)]) == 2
    assert "QUERY" in capsys.readouterr().err
    state_file_of(folder / "2022-03-01.toml").write_text("stars = [", encoding="utf-8")
    assert main(["search", str(folder), "--starred"]) == 0
    captured = capsys.readouterr()
    assert "2022-03-01.toml" not in captured.out
    assert captured.err.startswith("warning: stars and notes left out: ")
