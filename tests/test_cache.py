"""The parse cache: reopening an unchanged large briefing skips the TOML
parse; a damaged or tampered cache entry is never trusted."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
import tomli_w

from briefing import cache, loader
from briefing.errors import BriefingError
from briefing.loader import load_briefing


@pytest.fixture
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("BRIEFING_CACHE_DIR", str(folder))
    return folder


def large_briefing(tmp_path: Path) -> Path:
    """Large enough to be cached (small files parse faster than a cache read)."""
    paragraphs = [f"Paragraph {n}: the minister said the count was {n * 3} people." * 4
                  for n in range(400)]
    document = {
        "format": 1, "briefing": {"title": "Large", "published": date(2024, 5, 1)},
        "sections": [{"id": "a", "title": "A", "paragraphs": paragraphs}],
        "quotes": [{"text": "the count was 30 people", "speaker": "minister"}],
    }
    path = tmp_path / "large.toml"
    path.write_text(tomli_w.dumps(document))
    assert cache.worth_caching(path.read_text())
    return path


def entries(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.json")) if folder.exists() else []


def test_reopening_an_unchanged_file_skips_the_parse(
        tmp_path: Path, cache_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = large_briefing(tmp_path)
    first = load_briefing(path, use_cache=True)
    assert len(entries(cache_dir)) == 1

    def no_parse(*args: object, **kwargs: object) -> None:
        raise AssertionError("the TOML was parsed again")

    monkeypatch.setattr(loader, "parse_toml", no_parse)
    again = load_briefing(path, use_cache=True)
    assert again.title == first.title
    assert again.briefing.published == first.briefing.published
    assert again.quotes[0].anchor == first.quotes[0].anchor


def test_a_changed_file_misses_the_cache(tmp_path: Path, cache_dir: Path) -> None:
    path = large_briefing(tmp_path)
    load_briefing(path, use_cache=True)
    path.write_text(path.read_text().replace('title = "Large"', 'title = "Changed"'))
    assert load_briefing(path, use_cache=True).title == "Changed"
    assert len(entries(cache_dir)) == 2


def test_a_damaged_entry_is_ignored(tmp_path: Path, cache_dir: Path) -> None:
    path = large_briefing(tmp_path)
    load_briefing(path, use_cache=True)
    (entry,) = entries(cache_dir)
    entry.write_bytes(b'{"format": 1, "briefing": ')
    assert load_briefing(path, use_cache=True).title == "Large"


def test_a_tampered_entry_cannot_smuggle_in_what_the_file_would_be_refused_for(
        tmp_path: Path, cache_dir: Path) -> None:
    path = large_briefing(tmp_path)
    load_briefing(path, use_cache=True)
    (entry,) = entries(cache_dir)
    document = json.loads(entry.read_text())
    document["briefing"]["title"] = "Owned\u001b]0;title\u0007"
    entry.write_text(json.dumps(document))
    briefing = load_briefing(path, use_cache=True)
    assert briefing.title == "Large"  # the file's own words, not the cache's


def test_validate_never_uses_the_cache(tmp_path: Path, cache_dir: Path) -> None:
    path = large_briefing(tmp_path)
    load_briefing(path)
    assert entries(cache_dir) == []


def test_an_invalid_file_is_refused_and_not_cached(tmp_path: Path, cache_dir: Path) -> None:
    path = large_briefing(tmp_path)
    path.write_text(path.read_text().replace("format = 1", "format = 1\nbogus = 1"))
    with pytest.raises(BriefingError, match='unknown key "bogus"'):
        load_briefing(path, use_cache=True)
    assert entries(cache_dir) == []


def test_the_character_check_is_skipped_only_when_the_text_is_clean() -> None:
    assert loader.clean_text('title = "plain words, \\"quoted\\""')
    assert not loader.clean_text('title = "esc \\u001b"')
    assert not loader.clean_text('title = "raw \x1b"')
    assert not loader.clean_text('title = "back\\bspace"')
    assert not loader.clean_text('title = "\\e"')
