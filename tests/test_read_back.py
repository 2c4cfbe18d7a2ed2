"""What the app reads back from the user's own folders is untrusted input
(issue 19, item 6): a reader-state file or a judged marker that someone or
something put there is bounded, checked and refused with one line, and
never hangs, crashes or vouches for what it should not.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from briefing import judged
from briefing.cli import main
from briefing.errors import MAX_PROBLEMS_SHOWN, BriefingError
from briefing.loader import load_briefing
from briefing.resources import bundled_briefing
from briefing.state import (
    MAX_ENTRIES,
    ReaderState,
    StateKey,
    load_state_for,
    save_state,
    state_key,
    state_path_for,
)
from guards import no_hang

KEY = "quote:" + "a" * 16
needs_fifo = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")


@pytest.fixture
def briefing_path(tmp_path: Path) -> Path:
    path = tmp_path / "briefs" / "today.toml"
    path.parent.mkdir()
    shutil.copy(bundled_briefing(), path)
    return path


@pytest.fixture
def key(briefing_path: Path) -> StateKey:
    """What the reader keys the briefing's state on."""
    return state_key(load_briefing(briefing_path), briefing_path)


@pytest.fixture
def state_file(key: StateKey) -> Path:
    path = state_path_for(key)
    path.parent.mkdir(parents=True, exist_ok=True)
    return path


# --- the state file's values ---------------------------------------------------------

HUGE_HEX = "0x" + "f" * 5000  # too long for str(): Python refuses over 4,300 digits


@pytest.mark.parametrize(("version", "says"), [
    pytest.param(HUGE_HEX, "written by a newer briefing (state version 0xfff", id="hex"),
    pytest.param("9" * 4000, "written by a newer briefing (state version 0x", id="decimal"),
    pytest.param("-" + "9" * 4000, "must be the integer 1, not -0x", id="negative"),
    pytest.param("0", "must be the integer 1, not 0", id="zero"),
    pytest.param('"' + "x" * 1_000_000 + '"', "must be the integer 1, not 'xxx", id="text"),
])
def test_a_version_of_any_size_is_refused_in_one_short_line(state_file, briefing_path, key,
                                                           version, says):
    state_file.write_text(f"version = {version}\nstars = []\n", encoding="utf-8")
    with pytest.raises(BriefingError) as caught:
        load_state_for(key)
    message = str(caught.value)
    assert "\n" not in message and len(message) < len(str(state_file)) + 250
    assert f"version: {says}" in message


def test_export_with_a_huge_version_in_the_state_says_why_and_still_exports(
        state_file, briefing_path, tmp_path, capsys):
    state_file.write_text(f"version = {HUGE_HEX}\nstars = [\"{KEY}\"]\n", encoding="utf-8")
    output = tmp_path / "digest.md"
    assert not output.exists()
    assert main(["export", str(briefing_path), "-o", str(output)]) == 0
    warning, wrote = capsys.readouterr().err.strip().split("\n")
    assert warning.startswith("warning: your stars and notes were left out: ")
    assert "state version 0xfff" in warning and len(warning) < 400
    assert wrote == f"wrote {output}"
    assert output.read_text(encoding="utf-8").startswith("# ")


def test_a_saved_state_replaces_one_with_a_huge_version(state_file, briefing_path, key):
    state_file.write_text(f"version = {'-' + '9' * 4000}\n", encoding="utf-8")
    saved = save_state(key, ReaderState().with_star(KEY, True))
    assert saved.stars == {KEY}
    assert load_state_for(key).stars == {KEY}
    assert state_file.with_name(state_file.name + ".damaged").exists()


def test_many_unknown_keys_give_a_screenful_and_a_count(state_file, briefing_path, key):
    count = 150_000  # about 1.6 MB, under the state file's limit
    state_file.write_text("version = 1\n" + "".join(f"k{i} = 1\n" for i in range(count)),
                          encoding="utf-8")
    with pytest.raises(BriefingError) as caught:
        load_state_for(key)
    lines = str(caught.value).split("\n")
    assert len(lines) == MAX_PROBLEMS_SHOWN + 1
    assert 'unknown key "k0"' in lines[0] and 'unknown key "k19"' in lines[19]
    assert lines[-1] == f"... and {count - MAX_PROBLEMS_SHOWN:,} more"


def test_too_many_notes_are_refused_before_each_is_read(state_file, briefing_path, key):
    notes = "".join(f'"quote:{i:016x}" = {i}\n' for i in range(MAX_ENTRIES + 1))
    state_file.write_text("version = 1\n[notes]\n" + notes, encoding="utf-8")
    with pytest.raises(BriefingError) as caught:
        load_state_for(key)
    assert str(caught.value).endswith(
        f"notes: too many entries: {MAX_ENTRIES + 1:,}; the limit is {MAX_ENTRIES:,}")


# --- what is at the state file's path ------------------------------------------------

def fifo(path: Path) -> None:
    os.mkfifo(path)


def folder(path: Path) -> None:
    path.mkdir()
    (path / "inside").write_text("x", encoding="utf-8")


def huge_file(path: Path) -> None:
    with path.open("wb") as file:
        file.truncate(64 * 1024 * 1024)  # sparse: no time or disk to write it


PLACED: dict[str, Callable[[Path], None]] = {
    "pipe": fifo, "folder": folder, "huge file": huge_file}
REFUSAL = {"pipe": "not a regular file", "folder": "is a folder",
           "huge file": "file is 64.0 MiB; the limit is 2.0 MiB"}


@pytest.mark.parametrize("thing", [pytest.param("pipe", marks=needs_fifo), "folder",
                                   "huge file"])
def test_a_pipe_folder_or_huge_file_at_the_state_path_is_refused_at_once(
        state_file, briefing_path, key, thing):
    PLACED[thing](state_file)
    with no_hang(20), pytest.raises(BriefingError) as caught:
        load_state_for(key)
    assert REFUSAL[thing] in caught.value.headline and "\n" not in caught.value.headline


@pytest.mark.parametrize("thing", [pytest.param("pipe", marks=needs_fifo), "folder",
                                   "huge file"])
def test_saving_moves_a_pipe_folder_or_huge_file_aside(state_file, briefing_path, key, thing):
    PLACED[thing](state_file)
    with no_hang(20):
        saved = save_state(key, ReaderState().with_star(KEY, True))
    assert saved.stars == {KEY}
    assert load_state_for(key).stars == {KEY}
    assert os.path.lexists(state_file.with_name(state_file.name + ".damaged"))


# --- what is at a remembered briefing's path ---------------------------------------

def remembered_at(path: Path) -> Path:
    """Where what `path`'s contents made is remembered (see briefing.judged)."""
    at = judged.remembered_dir() / (judged.content_key(path.read_bytes()) + ".json")
    at.parent.mkdir(parents=True, exist_ok=True)
    return at


def link_elsewhere(path: Path) -> None:
    path.symlink_to(path.parent.parent / "elsewhere")


def not_json(path: Path) -> None:
    path.write_text("not json", encoding="utf-8")


THINGS: dict[str, Callable[[Path], None]] = {
    "pipe": fifo, "folder": folder, "huge file": huge_file, "link": link_elsewhere,
    "file that is not JSON": not_json}
ALL_THINGS = [pytest.param("pipe", marks=needs_fifo), "folder", "huge file", "link",
              "file that is not JSON"]


@pytest.mark.parametrize("thing", ALL_THINGS)
def test_nothing_but_a_remembered_briefing_vouches_for_a_file(tmp_path, briefing_text,
                                                               thing):
    """A file that only the schema pass refuses (an unknown key): what was
    remembered would be read instead; anything else at its name must not."""
    path = tmp_path / "unknown-key.toml"
    path.write_text(briefing_text(masthead='colour = "red"'), encoding="utf-8")
    THINGS[thing](remembered_at(path))
    with no_hang(20), pytest.raises(BriefingError, match='unknown key "colour"'):
        load_briefing(path, remember=True)


@pytest.mark.parametrize("thing", ALL_THINGS)
def test_a_valid_file_loads_whatever_is_at_its_remembered_path(tmp_path, briefing_text,
                                                                thing):
    path = tmp_path / "valid.toml"
    path.write_text(briefing_text(), encoding="utf-8")
    at = remembered_at(path)
    THINGS[thing](at)
    with no_hang(20):
        first = load_briefing(path, remember=True)
        again = load_briefing(path, remember=True)
    assert first == again == load_briefing(path)
    assert not (tmp_path / "elsewhere").exists()  # no file made through a link
    assert os.path.lexists(at)


def test_a_remembered_briefing_does_vouch(tmp_path, briefing_text):
    """The other side: what was remembered is read instead of the file (so
    the tests above can fail)."""
    valid = tmp_path / "valid.toml"
    valid.write_text(briefing_text(), encoding="utf-8")
    load_briefing(valid, remember=True)
    path = tmp_path / "unknown-key.toml"
    path.write_text(briefing_text(masthead='colour = "red"'), encoding="utf-8")
    remembered_at(valid).rename(remembered_at(path))
    assert load_briefing(path, remember=True).title == "Talks in Istanbul"
