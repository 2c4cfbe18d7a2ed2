"""Remembering which file contents passed validation (briefing.judged): a
reopen skips the schema pass, and nothing kept on disk can make a load wrong."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from briefing import judged
from briefing.errors import BriefingError
from briefing.loader import load_briefing
from briefing.resources import bundled_briefing


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv(judged.CACHE_DIR_VARIABLE, str(folder))
    return folder


def markers(cache: Path) -> list[str]:
    folder = cache / "judged"
    return sorted(p.name for p in folder.iterdir()) if folder.exists() else []


def test_a_valid_file_is_remembered_and_reopens_the_same(cache: Path) -> None:
    path = bundled_briefing()
    assert markers(cache) == []
    first = load_briefing(path, remember=True)
    assert markers(cache) == [judged.content_key(path.read_bytes())]
    assert load_briefing(path, remember=True) == first == load_briefing(path)


def test_an_invalid_file_is_never_remembered(cache: Path, tmp_path: Path,
                                             briefing_text) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "bad.toml"
    path.write_text(briefing_text().replace('id = "kuleba"', 'id = "Kuleba"'), encoding="utf-8")
    with pytest.raises(BriefingError, match="not a slug"):
        load_briefing(path, remember=True)
    assert markers(cache) == []


@pytest.mark.parametrize(("change", "error"), [
    (('"160,000 people were still trapped"', '"160,001 people"'), '"160,001 people" not found'),
    (("format = 1", "format = 3"), "format 3 is newer than this reader understands"),
    (('id = "military"', 'id = "negotiations"'), 'duplicate id "negotiations"'),
    (("[briefing]", "[briefing]\ntitle = 1\n"), "TOML syntax"),
])
def test_a_marker_that_lies_still_gets_the_full_verdict(
        cache: Path, tmp_path: Path, briefing_text, change, error) -> None:  # type: ignore[no-untyped-def]
    """A marker for contents that cannot be read, checked or anchored: the
    error is the one a first open gives, never a crash. (A marker does vouch
    for the schema pass: it is the user's own cache folder, 0700, and anyone
    who can write there can change the user's files anyway.)"""
    text = briefing_text('[[figures]]\ntext = "160,000 people were still trapped"\n'
                         'label = "people trapped in Mariupol"\n')
    assert change[0] in text
    path = tmp_path / "bad.toml"
    path.write_text(text.replace(change[0], change[1], 1), encoding="utf-8")
    (cache / "judged").mkdir(parents=True)
    (cache / "judged" / judged.content_key(path.read_bytes())).touch()
    with pytest.raises(BriefingError, match=error):
        load_briefing(path, remember=True)


def test_a_changed_file_is_judged_again(cache: Path, tmp_path: Path,
                                        briefing_text) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "today.toml"
    path.write_text(briefing_text(), encoding="utf-8")
    load_briefing(path, remember=True)
    path.write_text(briefing_text().replace('id = "kuleba"', 'id = "Kuleba"'), encoding="utf-8")
    with pytest.raises(BriefingError, match="not a slug"):
        load_briefing(path, remember=True)
    assert len(markers(cache)) == 1


def test_markers_are_bounded_least_recently_used_first(cache: Path) -> None:
    folder = cache / "judged"
    folder.mkdir(parents=True)
    for n in range(12):
        marker = folder / f"{n:040x}"
        marker.touch()
        os.utime(marker, (1_000_000 + n, 1_000_000 + n))
    assert judged.was_judged_valid(f"{0:040x}")  # used again: now the newest
    judged._prune(folder, limit=10)
    kept = markers(cache)
    assert len(kept) == 10
    assert f"{0:040x}" in kept and f"{1:040x}" not in kept and f"{2:040x}" not in kept


def test_a_cache_that_cannot_be_written_never_fails_a_load(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv(judged.CACHE_DIR_VARIABLE, str(blocker))
    briefing = load_briefing(bundled_briefing(), remember=True)
    assert briefing.quotes and blocker.read_text(encoding="utf-8") == "not a folder"


def test_the_old_resolved_cache_is_removed(cache: Path) -> None:
    old = cache / "resolved"
    old.mkdir(parents=True)
    (old / "entry.json").write_bytes(b"x" * 1000)
    load_briefing(bundled_briefing(), remember=True)
    assert not old.exists() and len(markers(cache)) == 1
