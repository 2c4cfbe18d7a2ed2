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

from briefing.errors import BriefingError
from briefing.files import WriteError
from briefing.loader import load_briefing
from briefing.model import Briefing
from briefing.resources import bundled_briefing
from briefing.state import (
    MAX_NOTE,
    ReaderState,
    entry_key,
    load_state_for,
    merge,
    save_state,
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


# --- where it lives --------------------------------------------------------------------

def test_one_state_file_per_briefing_never_the_briefing(briefing_path: Path, state_dir: Path,
                                                        tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    path = state_path_for(briefing_path)
    assert path.parent == state_dir / "reader"
    assert len(path.stem) == 24 and path.suffix == ".toml"
    other = tmp_path / "briefs" / "other.toml"
    assert state_path_for(other) != path
    # The same briefing reached another way shares its state.
    link = tmp_path / "link.toml"
    link.symlink_to(briefing_path)
    monkeypatch.chdir(briefing_path.parent)
    assert state_path_for(link) == path == state_path_for("today.toml")


def test_default_folder_is_the_users_state_folder(monkeypatch: pytest.MonkeyPatch,
                                                  briefing_path: Path) -> None:
    import platformdirs

    monkeypatch.delenv("BRIEFING_STATE_DIR")
    base = Path(platformdirs.user_state_dir("briefing", appauthor=False))
    assert state_path_for(briefing_path).parent == base / "reader"


def test_saving_never_touches_the_briefing(briefing_path: Path) -> None:
    before = briefing_path.read_bytes(), briefing_path.stat().st_mtime_ns
    save_state(briefing_path, ReaderState().with_star(KEY_A, True))
    assert (briefing_path.read_bytes(), briefing_path.stat().st_mtime_ns) == before
    assert sorted(p.name for p in briefing_path.parent.iterdir()) == ["today.toml"]


# --- entry keys ----------------------------------------------------------------------------

def test_every_entry_has_its_own_key(bundled: Briefing) -> None:
    keys = [entry_key(e) for e in [*bundled.quotes, *bundled.figures]]
    assert len(set(keys)) == len(keys)  # "2014" and "24 hours" appear twice, labelled apart
    assert all(k.startswith("quote:") for k in keys[:len(bundled.quotes)])


def test_a_star_stays_on_its_quote_when_the_author_edits_elsewhere(
        bundled: Briefing, briefing_path: Path) -> None:
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


def test_a_pasted_escape_sequence_cannot_spoil_the_state_file(briefing_path: Path) -> None:
    state = ReaderState().with_note(KEY_A, "see \x1b]52;c;aGk=\x07this\u202e\r\nnext line")
    assert state.note(KEY_A) == "see ]52;c;aGk=this\nnext line"
    save_state(briefing_path, state)
    assert load_state_for(briefing_path).notes == {KEY_A: "see ]52;c;aGk=this\nnext line"}


def test_limits_are_refused_in_words() -> None:
    state = ReaderState()
    with pytest.raises(ValueError, match=f"at most {MAX_NOTE:,} characters; this one has"):
        state.with_note(KEY_A, "x" * (MAX_NOTE + 1))
    with pytest.raises(ValueError, match="not an entry key"):
        state.with_star("quotes[3]", True)


# --- saving and restoring -----------------------------------------------------------------------

def test_round_trip_restores_stars_notes_and_position(briefing_path: Path,
                                                      bundled: Briefing) -> None:
    quote, figure = bundled.quotes[0], bundled.figures[6]
    state = (ReaderState().with_star(entry_key(quote), True).with_star(entry_key(figure), True)
             .with_note(entry_key(figure), "Ask: whose count?\n# not a heading, [not](a link) ✓")
             .with_note(entry_key(bundled.quotes[5]), "Ukraine’s “line” — 🇺🇦 👩‍👩‍👧")
             .at("humanitarian", entry_key(figure)))
    saved = save_state(briefing_path, state, previous=ReaderState())
    assert saved == state
    assert load_state_for(briefing_path) == state


def test_the_file_is_plain_versioned_toml(briefing_path: Path) -> None:
    state = ReaderState(stars={KEY_B, KEY_A}, notes={KEY_C: "c"}, section="military")
    save_state(briefing_path, state)
    document = tomli.loads(state_path_for(briefing_path).read_text("utf-8"))
    assert document == {"version": 1, "briefing": str(briefing_path.resolve()),
                         "section": "military", "stars": [KEY_A, KEY_B],
                         "notes": {KEY_C: "c"}}


def test_no_state_yet_is_an_empty_state(briefing_path: Path) -> None:
    assert load_state_for(briefing_path) == ReaderState()
    assert not state_path_for(briefing_path).parent.exists()  # reading creates nothing


def test_save_fails_plainly_and_keeps_the_state_in_memory(briefing_path: Path, tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    monkeypatch.setenv("BRIEFING_STATE_DIR", str(blocker))
    state = ReaderState(stars={KEY_A})
    with pytest.raises(WriteError) as caught:
        save_state(briefing_path, state)
    assert str(caught.value) == (f"cannot write {blocker / 'reader'}: part of the path is not "
                                 "a folder (nothing was changed)")
    assert state == ReaderState(stars={KEY_A})


def test_a_file_in_place_of_the_state_folder(briefing_path: Path, state_dir: Path) -> None:
    state_dir.mkdir()
    (state_dir / "reader").write_text("")
    with pytest.raises(WriteError) as caught:
        save_state(briefing_path, ReaderState(stars={KEY_A}))
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
def test_damaged_state_file_is_refused_naming_it(name: str, briefing_path: Path) -> None:
    content, words = DAMAGED[name]
    path = state_path_for(briefing_path)
    path.parent.mkdir(parents=True)
    path.write_bytes(content)
    started = time.monotonic()
    with pytest.raises(BriefingError) as caught:
        load_state_for(briefing_path)
    message = str(caught.value)
    assert time.monotonic() - started < 2
    assert message.startswith(f"{path}:")
    assert words in message
    assert len(message) < 2_000 and "\x1b" not in message and "\u202e" not in message
    assert "Traceback" not in message


def test_a_folder_in_place_of_the_state_file(briefing_path: Path) -> None:
    path = state_path_for(briefing_path)
    path.mkdir(parents=True)
    with pytest.raises(BriefingError, match="is a folder"):
        load_state_for(briefing_path)


def test_saving_over_a_damaged_file_sets_it_aside(briefing_path: Path) -> None:
    path = state_path_for(briefing_path)
    path.parent.mkdir(parents=True)
    path.write_bytes(b"version = 1\nstars = [\n")
    save_state(briefing_path, ReaderState(stars={KEY_A}))
    assert load_state_for(briefing_path) == ReaderState(stars={KEY_A})
    assert path.with_name(path.name + ".damaged").read_bytes() == b"version = 1\nstars = [\n"


def test_saving_never_overwrites_a_newer_versions_file(briefing_path: Path) -> None:
    path = state_path_for(briefing_path)
    path.parent.mkdir(parents=True)
    path.write_bytes(b"version = 2\nfuture = true\n")
    with pytest.raises(WriteError, match="written by a newer briefing; upgrade briefing"):
        save_state(briefing_path, ReaderState(stars={KEY_A}))
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


def test_unstar_in_one_window_survives_a_star_in_another(briefing_path: Path) -> None:
    save_state(briefing_path, ReaderState(stars={KEY_A}))
    first = load_state_for(briefing_path)
    second = load_state_for(briefing_path)
    assert KEY_A in first.stars and KEY_A in second.stars

    save_state(briefing_path, first.with_star(KEY_A, False), previous=first)  # unstar
    # The second window still shows A starred: it did not touch A.
    second = save_state(briefing_path, second.with_star(KEY_B, True), previous=second)

    assert second.stars == {KEY_B}  # the window adopts what is on disk
    assert load_state_for(briefing_path).stars == {KEY_B}


def test_same_note_edited_in_two_windows_last_save_wins(briefing_path: Path) -> None:
    first = ReaderState().with_note(KEY_A, "from the first window")
    second = (ReaderState().with_note(KEY_A, "from the second window")
              .with_note(KEY_B, "only in the second"))
    save_state(briefing_path, first, previous=ReaderState())
    save_state(briefing_path, second, previous=ReaderState())
    assert load_state_for(briefing_path).notes == {KEY_A: "from the second window",
                                                   KEY_B: "only in the second"}


def test_without_previous_nothing_on_disk_is_removed(briefing_path: Path) -> None:
    save_state(briefing_path, ReaderState(stars={KEY_A}, notes={KEY_A: "keep"}))
    save_state(briefing_path, ReaderState(stars={KEY_B}))
    assert load_state_for(briefing_path) == ReaderState(stars={KEY_A, KEY_B},
                                                        notes={KEY_A: "keep"})


WORKER = """
import sys, time
from pathlib import Path
from briefing.state import load_state_for, save_state
briefing, window, count, go = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), Path(sys.argv[4])
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


def test_two_processes_starring_at_once_lose_nothing(briefing_path: Path, tmp_path: Path) -> None:
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

    final = load_state_for(briefing_path)
    expected_stars = {f"quote:{w:x}{n:015x}" for w in (1, 2) for n in range(count)
                      if n % 3 != 1}
    assert final.stars == expected_stars
    assert final.notes == {f"quote:{w:x}{n:015x}": f"window {w}, entry {n}"
                           for w in (1, 2) for n in range(count)}
