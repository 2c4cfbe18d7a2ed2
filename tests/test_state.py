"""The reader's stars, notes and position: saved, restored, merged, refused.

The state file is untrusted input like a briefing: a damaged or hostile one
must give one clear message naming it, never a crash. Two windows saving at
once must lose nothing.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
import tomli
from hypothesis import event, given, settings
from hypothesis import strategies as st

from briefing.errors import BriefingError
from briefing.files import WriteError
from briefing.loader import load_briefing
from briefing.model import Briefing
from briefing.resources import bundled_briefing
from briefing.state import (
    MAX_NOTE,
    ReaderState,
    StateKey,
    briefing_identity,
    entry_key,
    legacy_state_path,
    load_state_for,
    merge,
    save_state,
    state_key,
    state_path_for,
)

KEY_A = "quote:" + "a" * 16
KEY_B = "quote:" + "b" * 16
KEY_C = "figure:" + "c" * 16
KEY_D = "figure:" + "d" * 16


@pytest.fixture(autouse=True)
def state_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "state"
    monkeypatch.setenv("BRIEFING_STATE_DIR", str(folder))
    return folder


@pytest.fixture
def briefing_path(tmp_path: Path) -> Path:
    path = tmp_path / "briefs" / "today.toml"
    path.parent.mkdir()
    shutil.copy(bundled_briefing(), path)
    return path


@pytest.fixture(scope="module")
def bundled() -> Briefing:
    return load_briefing(bundled_briefing())


@pytest.fixture
def key(briefing_path: Path, bundled: Briefing) -> StateKey:
    """The key to the state of the briefing at `briefing_path` (the bundled one)."""
    return state_key(bundled, briefing_path)


# --- where it lives --------------------------------------------------------------------

def test_one_state_file_per_briefing_never_the_briefing(briefing_path: Path, key: StateKey,
                                                        state_dir: Path, tmp_path: Path,
                                                        briefing_text, monkeypatch) -> None:
    path = state_path_for(key)
    assert path.parent == state_dir / "reader"
    assert len(path.stem) == 24 and path.suffix == ".toml"
    other = tmp_path / "briefs" / "other.toml"
    other.write_text(briefing_text(), "utf-8")
    assert state_path_for(state_key(load_briefing(other), other)) != path
    # The same briefing reached another way shares its state.
    link = tmp_path / "link.toml"
    link.symlink_to(briefing_path)
    monkeypatch.chdir(briefing_path.parent)
    bundled = load_briefing(briefing_path)
    assert state_key(bundled, link).path == str(briefing_path.resolve())
    assert state_path_for(state_key(bundled, link)) == path == state_path_for(
        state_key(bundled, "today.toml"))


def test_default_folder_is_the_users_state_folder(monkeypatch: pytest.MonkeyPatch,
                                                  key: StateKey) -> None:
    import platformdirs

    monkeypatch.delenv("BRIEFING_STATE_DIR")
    base = Path(platformdirs.user_state_dir("briefing", appauthor=False))
    assert state_path_for(key).parent == base / "reader"


def test_saving_never_touches_the_briefing(briefing_path: Path, key: StateKey) -> None:
    before = briefing_path.read_bytes(), briefing_path.stat().st_mtime_ns
    save_state(key, ReaderState().with_star(KEY_A, True))
    assert (briefing_path.read_bytes(), briefing_path.stat().st_mtime_ns) == before
    assert sorted(p.name for p in briefing_path.parent.iterdir()) == ["today.toml"]


# --- keyed on what the briefing is, not where it lies -------------------------------------

def test_moving_or_renaming_the_file_keeps_stars_notes_and_position(
        briefing_path: Path, key: StateKey, bundled: Briefing, tmp_path: Path) -> None:
    quote = bundled.quotes[4]
    state = (ReaderState().with_star(entry_key(quote), True)
             .with_note(entry_key(quote), "ask for the transcript")
             .at("humanitarian", entry_key(quote)))
    save_state(key, state)
    moved = tmp_path / "archive" / "2022" / "putin-talks.toml"
    moved.parent.mkdir(parents=True)
    assert not moved.exists()
    briefing_path.rename(moved)
    assert load_state_for(state_key(load_briefing(moved), moved)) == state
    copied = tmp_path / "copy.toml"
    copied.write_bytes(moved.read_bytes())
    assert load_state_for(state_key(load_briefing(copied), copied)) == state


def test_the_bundled_briefing_has_the_same_state_however_it_is_opened(
        bundled: Briefing, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    default = state_key(bundled, bundled_briefing())
    monkeypatch.chdir(bundled_briefing().parent.parent)
    relative = state_key(bundled, Path(bundled_briefing().parent.name) / bundled_briefing().name)
    installed = tmp_path / "site-packages" / "briefing" / "briefs" / bundled_briefing().name
    installed.parent.mkdir(parents=True)
    installed.write_bytes(bundled_briefing().read_bytes())
    elsewhere = state_key(load_briefing(installed), installed)
    assert state_path_for(default) == state_path_for(relative) == state_path_for(elsewhere)


def identity_of(briefing_text, masthead: str, title: str = "Talks in Istanbul") -> str:
    text = briefing_text(masthead=masthead).replace('title = "Talks in Istanbul"',
                                                    f"title = {title!r}", 1)
    from briefing.loader import parse_briefing

    return briefing_identity(parse_briefing(text, source="x.toml"))


def test_what_a_briefing_is(briefing_text) -> None:
    plain = identity_of(briefing_text, "published = 2022-03-28")
    assert plain == "title talks in istanbul published 2022-03-28"
    # An author fixing punctuation, capitals or spacing in the title: the same briefing.
    assert identity_of(briefing_text, "published = 2022-03-28",
                       "Talks  in ‘Istanbul’.") == plain
    assert identity_of(briefing_text, "published = 2022-03-28T09:30:00Z") == plain
    # Another day, another title: another briefing.
    assert identity_of(briefing_text, "published = 2022-03-29") != plain
    assert identity_of(briefing_text, "") != plain
    assert identity_of(briefing_text, "published = 2022-03-28", "Talks in Ankara") != plain
    # A url says which article it is, whatever the title says.
    url = identity_of(briefing_text, "url = 'https://www.Example.org/world/talks/#top'")
    assert url == "url www.example.org/world/talks"
    assert identity_of(briefing_text, "url = 'http://www.example.org/world/talks'",
                       "Another title") == url
    assert identity_of(briefing_text, "url = 'https://www.example.org/world/talks?page=2'") != url
    assert identity_of(briefing_text, "url = 'https://[broken'") == "url https://[broken"


def test_a_fixed_spelling_in_the_title_finds_the_state_through_the_file(
        briefing_path: Path, key: StateKey, bundled: Briefing) -> None:
    quote = bundled.quotes[0]
    save_state(key, ReaderState().with_star(entry_key(quote), True))
    text = briefing_path.read_text("utf-8").replace("Putin averse", "Putin averse, again,")
    briefing_path.write_text(text, "utf-8")
    fixed = state_key(load_briefing(briefing_path), briefing_path)
    assert fixed.identity != key.identity
    assert not state_path_for(fixed).exists()
    assert load_state_for(fixed).stars == {entry_key(quote)}
    # The first save writes it under the new identity, losing nothing.
    saved = save_state(fixed, ReaderState().with_star(entry_key(bundled.quotes[1]), True),
                       previous=ReaderState())
    assert saved.stars == {entry_key(quote), entry_key(bundled.quotes[1])}
    assert load_state_for(fixed) == saved
    assert state_path_for(fixed).exists() and state_path_for(key).exists()


def test_another_briefing_saved_over_the_same_file_starts_clean(
        briefing_path: Path, key: StateKey, bundled: Briefing, briefing_text) -> None:
    # briefs/today.toml, replaced every morning: yesterday's stars stay yesterday's.
    save_state(key, ReaderState().with_star(entry_key(bundled.quotes[0]), True)
               .at("military", None))
    briefing_path.write_text(briefing_text(masthead="published = 2022-03-29"), "utf-8")
    tomorrow = state_key(load_briefing(briefing_path), briefing_path)
    assert load_state_for(tomorrow) == ReaderState()
    save_state(tomorrow, ReaderState().at("negotiations", None))
    assert load_state_for(tomorrow).stars == frozenset()
    assert load_state_for(key).stars == {entry_key(bundled.quotes[0])}  # still there


def write_legacy_state(briefing_path: Path, state_dir: Path, content: str) -> Path:
    """A state file as earlier versions wrote it: named by the file's path."""
    import hashlib

    legacy = state_dir / "reader" / (
        hashlib.sha256(os.fsencode(os.path.realpath(briefing_path))).hexdigest()[:24] + ".toml")
    legacy.parent.mkdir(parents=True, exist_ok=True)
    legacy.write_text(content, "utf-8")
    return legacy


def test_state_saved_by_an_earlier_version_is_carried_over(
        briefing_path: Path, key: StateKey, bundled: Briefing, state_dir: Path) -> None:
    quote, figure = entry_key(bundled.quotes[2]), entry_key(bundled.figures[6])
    legacy = write_legacy_state(briefing_path, state_dir, textwrap.dedent(f"""\
        version = 1
        briefing = "{briefing_path}"
        section = "humanitarian"
        selected = "{figure}"
        stars = ["{quote}", "{figure}"]

        [notes]
        "{figure}" = "whose count?"
        """))
    assert legacy == legacy_state_path(briefing_path)
    assert not state_path_for(key).exists()
    before = legacy.read_bytes()
    restored = load_state_for(key)
    assert restored == ReaderState(stars={quote, figure}, notes={figure: "whose count?"},
                                   section="humanitarian", selected=figure)
    # A star removed and one added in the first session: both are saved, the
    # rest carried over; the earlier version's file is left as it was.
    other = entry_key(bundled.quotes[3])
    saved = save_state(key, restored.with_star(quote, False).with_star(other, True),
                       previous=restored)
    assert saved.stars == {figure, other} and saved.notes == {figure: "whose count?"}
    assert load_state_for(key) == saved
    assert legacy.read_bytes() == before


def test_a_moved_file_finds_state_of_an_earlier_version_only_where_it_was(
        briefing_path: Path, key: StateKey, bundled: Briefing, state_dir: Path,
        tmp_path: Path) -> None:
    # Its path was the only key earlier versions had: opened once where it
    # was, the state follows it from then on.
    quote = entry_key(bundled.quotes[2])
    write_legacy_state(briefing_path, state_dir, f'version = 1\nstars = ["{quote}"]\n')
    assert load_state_for(key).stars == {quote}
    save_state(key, load_state_for(key).at("military", None), previous=load_state_for(key))
    moved = tmp_path / "moved.toml"
    briefing_path.rename(moved)
    assert load_state_for(state_key(bundled, moved)).stars == {quote}


def test_a_damaged_pointer_is_named_and_replaced_on_the_next_save(
        briefing_path: Path, key: StateKey, bundled: Briefing, state_dir: Path) -> None:
    save_state(key, ReaderState(stars={KEY_A}))
    pointers = list((state_dir / "reader" / "by-path").iterdir())
    assert [p.read_text() for p in pointers] == [state_path_for(key).stem + "\n"]
    pointers[0].write_text("../../../etc/passwd\n")
    text = briefing_path.read_text("utf-8").replace("Putin averse", "Putin is averse")
    briefing_path.write_text(text, "utf-8")
    fixed = state_key(load_briefing(briefing_path), briefing_path)
    with pytest.raises(BriefingError) as caught:
        load_state_for(fixed)
    assert str(caught.value) == (f"{pointers[0]}: not the name of a state file "
                                 "(24 hexadecimal digits)")
    save_state(fixed, ReaderState(stars={KEY_B}))
    assert pointers[0].read_text() == state_path_for(fixed).stem + "\n"
    assert load_state_for(fixed).stars == {KEY_B}


def test_a_path_is_not_a_key(briefing_path: Path) -> None:
    # Keyed on paths before: a caller left behind fails loudly, never
    # reading or writing the wrong file.
    with pytest.raises(TypeError, match=r"a StateKey \(state_key\(briefing, path\)\)"):
        load_state_for(briefing_path)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        save_state(str(briefing_path), ReaderState())  # type: ignore[arg-type]


# --- entry keys ----------------------------------------------------------------------------

def test_every_entry_has_its_own_key(bundled: Briefing) -> None:
    keys = [entry_key(e) for e in [*bundled.quotes, *bundled.figures]]
    assert len(set(keys)) == len(keys)  # "2014" and "24 hours" appear twice, labelled apart
    assert all(k.startswith("quote:") for k in keys[:len(bundled.quotes)])


def test_a_star_stays_on_its_quote_when_the_author_edits_elsewhere(
        bundled: Briefing, briefing_path: Path, key: StateKey) -> None:
    starred = bundled.quotes[2]  # "No one believes …"
    text = briefing_path.read_text("utf-8")
    new_quote = textwrap.dedent("""\
        [[quotes]]
        text = 'Ukraine and Russia were preparing'
        speaker = "a newsroom editor"
        section = "negotiations"
        paragraph = 1

        """)
    text = text.replace("[[quotes]]", new_quote + "[[quotes]]", 1)
    text = text.replace("A predawn missile", "A pre-dawn missile")  # an unrelated fix
    briefing_path.write_text(text, "utf-8")
    edited = load_briefing(briefing_path)
    assert edited.quotes[3].text == starred.text  # its index moved ...
    keys = {entry_key(q): q.text for q in edited.quotes}
    assert keys[entry_key(starred)] == starred.text  # ... its key did not


# --- the reader's state in memory ------------------------------------------------------------

def test_star_toggles_and_notes_clear_when_blank() -> None:
    state = ReaderState()
    starred = state.with_star(KEY_A, True)
    assert KEY_A not in state.stars and KEY_A in starred.stars  # a new state; the old stays
    assert KEY_A not in starred.with_star(KEY_A, False).stars
    noted = state.with_note(KEY_B, "  worth checking  ")
    assert noted.note(KEY_B) == "worth checking" and state.note(KEY_B) is None
    cleared = noted.with_note(KEY_B, " \n ")
    assert cleared.note(KEY_B) is None and cleared.notes == {}
    assert noted.marked == {KEY_B} and starred.marked == {KEY_A}


def test_a_pasted_escape_sequence_cannot_spoil_the_state_file(key: StateKey) -> None:
    state = ReaderState().with_note(KEY_A, "see \x1b]52;c;aGk=\x07this\u202e\r\nnext line")
    assert state.note(KEY_A) == "see ]52;c;aGk=this\nnext line"
    save_state(key, state)
    assert load_state_for(key).notes == {KEY_A: "see ]52;c;aGk=this\nnext line"}


def test_limits_are_refused_in_words() -> None:
    state = ReaderState()
    with pytest.raises(ValueError, match=f"at most {MAX_NOTE:,} characters; this one has"):
        state.with_note(KEY_A, "x" * (MAX_NOTE + 1))
    with pytest.raises(ValueError, match="not an entry key"):
        state.with_star("quotes[3]", True)


# --- saving and restoring -----------------------------------------------------------------------

def test_round_trip_restores_stars_notes_and_position(key: StateKey,
                                                      bundled: Briefing) -> None:
    quote, figure = bundled.quotes[0], bundled.figures[6]
    state = (ReaderState().with_star(entry_key(quote), True).with_star(entry_key(figure), True)
             .with_note(entry_key(figure), "Ask: whose count?\n# not a heading, [not](a link) ✓")
             .with_note(entry_key(bundled.quotes[5]), "Ukraine’s “line” — 🇺🇦 👩‍👩‍👧")
             .at("humanitarian", entry_key(figure)))
    saved = save_state(key, state, previous=ReaderState())
    assert saved == state
    assert load_state_for(key) == state


def test_the_file_is_plain_versioned_toml(briefing_path: Path, key: StateKey) -> None:
    state = ReaderState(stars={KEY_B, KEY_A}, notes={KEY_C: "c"}, section="military")
    save_state(key, state)
    document = tomli.loads(state_path_for(key).read_text("utf-8"))
    assert document == {"version": 1, "briefing": str(briefing_path.resolve()),
                         "section": "military", "stars": [KEY_A, KEY_B],
                         "notes": {KEY_C: "c"}}


def test_no_state_yet_is_an_empty_state(key: StateKey) -> None:
    assert load_state_for(key) == ReaderState()
    assert not state_path_for(key).parent.exists()  # reading creates nothing


def test_save_fails_plainly_and_keeps_the_state_in_memory(key: StateKey, tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    monkeypatch.setenv("BRIEFING_STATE_DIR", str(blocker))
    state = ReaderState(stars={KEY_A})
    with pytest.raises(WriteError) as caught:
        save_state(key, state)
    assert str(caught.value) == (f"cannot write {blocker / 'reader'}: part of the path is not "
                                 "a folder (nothing was changed)")
    assert state == ReaderState(stars={KEY_A})


def test_a_file_in_place_of_the_state_folder(key: StateKey, state_dir: Path) -> None:
    state_dir.mkdir()
    (state_dir / "reader").write_text("")
    with pytest.raises(WriteError) as caught:
        save_state(key, ReaderState(stars={KEY_A}))
    assert str(caught.value) == (f"cannot write {state_dir / 'reader'}: a file of that name is "
                                 "in the way (nothing was changed)")


# --- damaged and hostile state files --------------------------------------------------------------

DAMAGED: dict[str, tuple[bytes, str]] = {
    "bad TOML": (b"version = 1\nstars = [\n", "TOML syntax"),
    "unknown key": (b"version = 1\ncolour = 'red'\n", 'unknown key "colour"'),
    "escape character": (b'version = 1\nstars = ["quote:\\u001b"]\n', "U+001B ESCAPE"),
    "bidi override": ('version = 1\n[notes]\n"quote:aaaaaaaaaaaaaaaa" = "\u202e"\n'.encode(),
                      "U+202E"),
    "stars not a list": (b'version = 1\nstars = "quote:0123456789abcdef"\n',
                         "stars: must be an array, not a string"),
    "version as text": (b'version = "1"\n', "version: must be the integer 1, not '1'"),
    "version as bool": (b"version = true\n", "version: must be the integer 1, not True"),
    "version as float": (b"version = 1.0\n", "version: must be the integer 1, not 1.0"),
    "note not text": (b'version = 1\nnotes = { "quote:0123456789abcdef" = 5 }\n',
                      "must be a string, not an integer"),
    "section not a slug": (b'version = 1\nsection = "Not A Slug"\n', "is not a slug"),
    "star not a key": (b'version = 1\nstars = ["quote:nothex"]\n', "not an entry key"),
    "note key a path": (b'version = 1\nnotes = { "../../etc/passwd" = "x" }\n',
                        '"../../etc/passwd" is not an entry key'),
    "note too long": (f'version = 1\nnotes = {{ "{KEY_A}" = "{"x" * (MAX_NOTE + 1)}" }}\n'
                      .encode(), "too long: 5,001 characters; the limit is 5,000"),
    "oversized": (b"version = 1\n#" + b"x" * (3 * 1024 * 1024) + b"\n", "the limit is 2.0 MiB"),
    "not UTF-8": (b"version = 1\nsection = '\xff'\n", "not valid UTF-8 (byte 0xff)"),
    "UTF-16": ("version = 1\n".encode("utf-16"), "UTF-16"),
    "no version": (b"stars = []\n", "not a briefing reader-state file"),
    "newer version": (b"version = 2\nstars = []\n", "written by a newer briefing"),
    "deep nesting": (b"version = 1\nx = " + b"[" * 5000 + b"]" * 5000 + b"\n", ""),
    "dotted-key bomb": (b"version = 1\n" + b"a." * 100_000 + b"b = 1\n", ""),
    "huge integer": (b"version = 1" + b"0" * 5000 + b"\n", "too many digits"),
    "long unknown key": (b"version = 1\n" + b"k" * 100_000 + b" = 1\n", "unknown key"),
}


@pytest.mark.parametrize("name", sorted(DAMAGED))
def test_damaged_state_file_is_refused_naming_it(name: str, key: StateKey) -> None:
    content, words = DAMAGED[name]
    path = state_path_for(key)
    path.parent.mkdir(parents=True)
    path.write_bytes(content)
    started = time.monotonic()
    with pytest.raises(BriefingError) as caught:
        load_state_for(key)
    message = str(caught.value)
    assert time.monotonic() - started < 2
    assert message.startswith(f"{path}:")
    assert words in message
    assert len(message) < 2_000 and "\x1b" not in message and "\u202e" not in message
    assert "Traceback" not in message


def test_a_folder_in_place_of_the_state_file(key: StateKey) -> None:
    path = state_path_for(key)
    path.mkdir(parents=True)
    with pytest.raises(BriefingError, match="is a folder"):
        load_state_for(key)


def test_saving_over_a_damaged_file_sets_it_aside(key: StateKey) -> None:
    path = state_path_for(key)
    path.parent.mkdir(parents=True)
    path.write_bytes(b"version = 1\nstars = [\n")
    save_state(key, ReaderState(stars={KEY_A}))
    assert load_state_for(key) == ReaderState(stars={KEY_A})
    assert path.with_name(path.name + ".damaged").read_bytes() == b"version = 1\nstars = [\n"


def test_saving_never_overwrites_a_newer_versions_file(key: StateKey) -> None:
    path = state_path_for(key)
    path.parent.mkdir(parents=True)
    path.write_bytes(b"version = 2\nfuture = true\n")
    with pytest.raises(WriteError, match="written by a newer briefing; upgrade briefing"):
        save_state(key, ReaderState(stars={KEY_A}))
    assert path.read_bytes() == b"version = 2\nfuture = true\n"


# --- two windows at once -------------------------------------------------------------------------

def test_merge_applies_only_this_sessions_changes() -> None:
    since = ReaderState(stars={KEY_A, KEY_B}, notes={KEY_A: "a", KEY_B: "b"})
    ours = ReaderState(stars={KEY_A, KEY_C}, notes={KEY_A: "a, edited", KEY_C: "c"},
                       section="military", selected=KEY_C)
    on_disk = ReaderState(stars={KEY_A, KEY_B, KEY_D}, notes={KEY_B: "b", KEY_D: "d"},
                          section="negotiations")
    merged = merge(on_disk, ours, since=since)
    # B unstarred here; C starred here; D starred elsewhere; A cleared elsewhere
    # but edited here, so the edit wins.
    assert merged == ReaderState(stars={KEY_A, KEY_C, KEY_D},
                                 notes={KEY_A: "a, edited", KEY_C: "c", KEY_D: "d"},
                                 section="military", selected=KEY_C)


def test_unstar_in_one_window_survives_a_star_in_another(key: StateKey) -> None:
    save_state(key, ReaderState(stars={KEY_A}))
    first = load_state_for(key)
    second = load_state_for(key)
    assert KEY_A in first.stars and KEY_A in second.stars

    save_state(key, first.with_star(KEY_A, False), previous=first)  # unstar
    # The second window still shows A starred: it did not touch A.
    second = save_state(key, second.with_star(KEY_B, True), previous=second)

    assert second.stars == {KEY_B}  # the window adopts what is on disk
    assert load_state_for(key).stars == {KEY_B}


def test_same_note_edited_in_two_windows_last_save_wins(key: StateKey) -> None:
    first = ReaderState().with_note(KEY_A, "from the first window")
    second = (ReaderState().with_note(KEY_A, "from the second window")
              .with_note(KEY_B, "only in the second"))
    save_state(key, first, previous=ReaderState())
    save_state(key, second, previous=ReaderState())
    assert load_state_for(key).notes == {KEY_A: "from the second window",
                                                   KEY_B: "only in the second"}


def test_without_previous_nothing_on_disk_is_removed(key: StateKey) -> None:
    save_state(key, ReaderState(stars={KEY_A}, notes={KEY_A: "keep"}))
    save_state(key, ReaderState(stars={KEY_B}))
    assert load_state_for(key) == ReaderState(stars={KEY_A, KEY_B},
                                                        notes={KEY_A: "keep"})


WORKER = """
import sys, time
from pathlib import Path
from briefing.loader import load_briefing
from briefing.state import load_state_for, save_state, state_key
path, window, count, go = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), Path(sys.argv[4])
briefing = state_key(load_briefing(path), path)
while not go.exists():
    time.sleep(0.001)
state = saved = load_state_for(briefing)
for n in range(count):
    key = f"quote:{window:x}{n:015x}"
    state = state.with_star(key, True).with_note(key, f"window {window}, entry {n}")
    if n % 3 == 2:
        state = state.with_star(f"quote:{window:x}{n - 1:015x}", False)  # change of mind
    state = saved = save_state(briefing, state, previous=saved)
"""


def test_two_processes_starring_at_once_lose_nothing(briefing_path: Path, key: StateKey,
                                                     tmp_path: Path) -> None:
    count = 60
    go = tmp_path / "go"
    workers = [subprocess.Popen([sys.executable, "-c", WORKER, str(briefing_path), str(window),
                                 str(count), str(go)], env=os.environ.copy(),
                                stderr=subprocess.PIPE, text=True)
               for window in (1, 2)]
    go.touch()
    for worker in workers:
        _, err = worker.communicate(timeout=120)
        assert worker.returncode == 0, err

    final = load_state_for(key)
    expected_stars = {f"quote:{w:x}{n:015x}" for w in (1, 2) for n in range(count)
                      if n % 3 != 1}
    assert final.stars == expected_stars
    assert final.notes == {f"quote:{w:x}{n:015x}": f"window {w}, entry {n}"
                           for w in (1, 2) for n in range(count)}


# --- reading without pydantic: the hand check never vouches for what pydantic refuses ---

def test_the_state_fields_are_the_schemas() -> None:
    from briefing.state import STATE_FIELDS, state_file_schema

    assert tuple(state_file_schema().model_fields) == STATE_FIELDS


STATE_ODD_VALUES: list[object] = [
    None, "", "s", "not a slug", "Slug", "x" * 65, "x" * 5001, "quote:" + "0" * 16,
    "quote:abc", 0, 1, 2, -1, -2, 10_000_001, True, 1.0, [], [0], [0, 0], [0, True], [-1, 5],
    [0, 0, 0], {}, {"quote:" + "0" * 16: "a note"}, {"quote:" + "0" * 16: 1},
    {"nope": "x"}, ["quote:" + "0" * 16], ["nope"],
]


KEY = "quote:" + "0" * 16
A_STATE_FILE: dict[str, object] = {"version": 1, "briefing": "/briefs/today.toml",
                                   "section": "talks", "selected": KEY, "place": [2, 0],
                                   "stars": [KEY], "notes": {KEY: "a note"}}


@settings(max_examples=400, deadline=None)
@given(st.dictionaries(st.sampled_from([*A_STATE_FILE, "extra"]),
                       st.sampled_from(STATE_ODD_VALUES), max_size=3),
       st.sets(st.sampled_from(list(A_STATE_FILE)), max_size=3))
def test_what_the_hand_check_takes_pydantic_takes(changed: dict[str, object],
                                                   removed: set[str]) -> None:
    """A state file with some values changed to odd ones and some removed."""
    from pydantic import ValidationError

    from briefing.state import _plainly_valid, state_file_schema

    document = {k: v for k, v in {**A_STATE_FILE, **changed}.items()
                if v is not None and k not in removed}  # TOML has no null
    vouched = _plainly_valid(document)
    event(f"vouched for: {vouched}")
    if vouched:
        try:
            state_file_schema().model_validate(document)
        except ValidationError as error:
            raise AssertionError(f"vouched for {document!r}, which pydantic refuses") from error


def test_a_state_file_written_here_is_read_without_pydantic(tmp_path: Path) -> None:
    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "from briefing.state import read_state\n"
        f"path = Path({str(tmp_path / 'state.toml')!r})\n"
        "print(sorted(read_state(path).stars), 'pydantic' in sys.modules)\n"
    )
    key = "quote:" + "0" * 16
    (tmp_path / "state.toml").write_text(
        f'version = 1\nsection = "talks"\nselected = "{key}"\nplace = [2, 0]\n'
        f'stars = ["{key}"]\n\n[notes]\n"{key}" = "check this"\n', encoding="utf-8")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [f"['{key}']", "False"]
