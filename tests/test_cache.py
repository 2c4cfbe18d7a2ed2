"""The resolved-briefing cache: reopening an unchanged briefing skips the
parse, the validation and their imports; a stale, damaged or altered entry
is a miss, never an error and never a different briefing."""

from __future__ import annotations

import json
import os
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
    """A briefing of a few hundred paragraphs, with a date and an anchor."""
    paragraphs = [f"Paragraph {n}: the minister said the count was {n * 3} people." * 4
                  for n in range(400)]
    document = {
        "format": 1, "briefing": {"title": "Large", "published": date(2024, 5, 1)},
        "sections": [{"id": "a", "title": "A", "paragraphs": paragraphs}],
        "quotes": [{"text": "the count was 30 people", "speaker": "minister"}],
    }
    path = tmp_path / "large.toml"
    path.write_text(tomli_w.dumps(document))
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
    monkeypatch.setattr(loader, "validate", no_parse)
    again = load_briefing(path, use_cache=True)
    assert again == first  # every field, anchors and reading order included
    assert again.briefing.published == date(2024, 5, 1)


def test_the_cached_briefing_is_the_same_as_the_file_for_the_bundled_one(
        cache_dir: Path) -> None:
    from briefing.resources import bundled_briefing

    fresh = load_briefing(bundled_briefing(), use_cache=True)
    cached = load_briefing(bundled_briefing(), use_cache=True)
    assert len(entries(cache_dir)) == 1
    assert cached == fresh
    assert cached.quotes_in_order == fresh.quotes_in_order
    assert [q.person for q in cached.quotes] == [q.person for q in fresh.quotes]
    assert [f.claimant_name for f in cached.figures] == [f.claimant_name for f in fresh.figures]


def test_a_date_time_and_a_big_number_come_back_as_they_were(
        tmp_path: Path, cache_dir: Path) -> None:
    path = tmp_path / "typed.toml"
    path.write_text('format = 1\n[briefing]\ntitle = "T"\npublished = 2022-03-28T09:30:00+02:00\n'
                    '[[sections]]\nid = "a"\ntitle = "A"\nparagraphs = ["It cost 12 billion."]\n'
                    f'[[figures]]\ntext = "12 billion"\nlabel = "cost"\nvalue = {"9" * 40}\n')
    fresh = load_briefing(path, use_cache=True)
    cached = load_briefing(path, use_cache=True)
    assert cached == fresh
    assert cached.briefing.published == fresh.briefing.published
    assert cached.briefing.published.utcoffset() is not None  # type: ignore[union-attr]
    assert cached.figures[0].value == int("9" * 40)


def test_opening_a_cached_briefing_imports_neither_tomli_nor_pydantic(
        tmp_path: Path, cache_dir: Path) -> None:
    import subprocess
    import sys

    path = large_briefing(tmp_path)
    load_briefing(path, use_cache=True)
    script = ("import sys\nfrom briefing.loader import load_briefing\n"
              f"b = load_briefing({str(path)!r}, use_cache=True)\n"
              "print(b.title, sorted(m for m in ('tomli', 'pydantic', 'pydantic_core') "
              "if m in sys.modules))")
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                            check=True, env={**__import__("os").environ,
                                             "BRIEFING_CACHE_DIR": str(cache_dir)})
    assert result.stdout.strip() == "Large []"


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
    entry.write_bytes(entry.read_bytes()[:100])  # cut short, as by a crash elsewhere
    assert load_briefing(path, use_cache=True).title == "Large"


@pytest.mark.parametrize("damage", ["altered", "unsigned", "wrong shape", "empty",
                                    "paragraphs cut"])
def test_an_altered_entry_is_a_miss_and_the_file_wins(
        tmp_path: Path, cache_dir: Path, damage: str) -> None:
    path = large_briefing(tmp_path)
    load_briefing(path, use_cache=True)
    (entry,) = entries(cache_dir)
    header, _, payload = entry.read_bytes().partition(b"\n")
    line, _, paragraphs = payload.partition(b"\n")
    document = json.loads(line)
    document["briefing"][0] = "Owned\u001b]0;title\u0007"
    altered = json.dumps(document).encode() + b"\n" + paragraphs
    if damage == "altered":  # the digest no longer matches
        entry.write_bytes(header + b"\n" + altered)
    elif damage == "unsigned":
        entry.write_bytes(altered)
    elif damage == "wrong shape":  # a matching digest over data of another shape
        payload = b'{"briefing": [1, 2], "people": 3}\nsome text'
        entry.write_bytes(cache._digest(payload).encode() + b"\n" + payload)
    elif damage == "paragraphs cut":  # a matching digest over text that ends early
        payload = line + b"\n" + paragraphs[:-10]
        entry.write_bytes(cache._digest(payload).encode() + b"\n" + payload)
    else:
        entry.write_bytes(b"")
    briefing = load_briefing(path, use_cache=True)
    assert briefing.title == "Large"  # the file's own words, not the entry's
    assert briefing.sections[0].paragraphs[-1].startswith("Paragraph 399:")


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


def test_start_loading_a_new_file_fills_the_cache_and_gives_the_same_briefing(
        tmp_path: Path, cache_dir: Path) -> None:
    path = large_briefing(tmp_path)
    loading = loader.start_loading(path)
    briefing = loading()
    assert len(entries(cache_dir)) == 1  # by the child where it could fork, else here
    assert briefing == load_briefing(path)
    assert loader.start_loading(path)() == briefing  # and now straight from the cache


# Each fault is caught by another part of the child's work: the schema (the
# judge), the characters (the judge, while the builder could still anchor and
# encode the file), the anchors (the builder, while the judge says valid).
FAULTS = {
    "schema": ('speaker = "minister"', 'speaker = ""', "quotes[0].speaker: must not be empty"),
    "characters": ('title = "Large"', 'title = "La\\u202erge"',
                   "briefing.title: U+202E RIGHT-TO-LEFT OVERRIDE"),
    "anchor": ('text = "the count was 30 people"', 'text = "the count was 31 people."',
               'quotes[0].text: "the count was 31 people." not found'),
}


@pytest.mark.parametrize("fault", list(FAULTS))
@pytest.mark.parametrize("threads", [False, True])
def test_start_loading_an_invalid_file_reports_it_as_load_briefing_does(
        tmp_path: Path, cache_dir: Path, threads: bool, fault: str) -> None:
    """And never caches it, whichever part of the work finds the fault."""
    import threading

    before, after, message = FAULTS[fault]
    path = large_briefing(tmp_path)
    assert before in path.read_text()
    path.write_text(path.read_text().replace(before, after))
    with pytest.raises(BriefingError) as expected:
        load_briefing(path)
    stop = threading.Event()
    other = threading.Thread(target=stop.wait) if threads else None  # no fork then
    if other:
        other.start()
    try:
        with pytest.raises(BriefingError) as caught:
            loader.start_loading(path)()
    finally:
        stop.set()
        if other:
            other.join()
    assert str(caught.value) == str(expected.value)
    assert message in str(caught.value)
    assert entries(cache_dir) == []


def test_start_loading_works_when_the_cache_cannot_be_written(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the cache folder would be")
    monkeypatch.setenv("BRIEFING_CACHE_DIR", str(blocked))
    path = large_briefing(tmp_path)
    assert loader.start_loading(path)().title == "Large"


@pytest.mark.parametrize("verdict", [b"1", b""])
def test_the_child_that_builds_the_entry_writes_it_only_when_the_file_was_judged_valid(
        tmp_path: Path, cache_dir: Path, verdict: bytes) -> None:
    """A new file's entry is built beside its validation (see `_fill_cache`):
    an entry must never exist for a file the judge refused, even one the
    builder could anchor and encode."""
    path = large_briefing(tmp_path)
    path.write_text(path.read_text().replace('title = "Large"', 'title = "La\\u202erge"'))
    data = path.read_bytes()
    key = cache.content_key(data)
    document = loader.parse_toml(data.decode(), source=str(path))
    listen, say = os.pipe()
    os.write(say, verdict)  # the judge's word, then its end closes
    os.close(say)
    def judged() -> bool:
        return os.read(listen, 1) == b"1"

    try:
        if verdict:
            loader._build_entry(document, key, source=str(path), judged=judged)
        else:
            with pytest.raises(RuntimeError):
                loader._build_entry(document, key, source=str(path), judged=judged)
    finally:
        os.close(listen)
    assert len(entries(cache_dir)) == (1 if verdict else 0)


def test_a_refused_file_stops_the_anchoring_at_once(
        tmp_path: Path, cache_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The reader waits on the child that anchors a new file; when the judge
    refuses the file, that child is stopped rather than left to finish
    (anchoring a file the schema refuses can take long)."""
    import time

    finished = tmp_path / "anchoring finished"

    def slow_resolve(document: object) -> object:  # runs in the forked child
        time.sleep(5)
        finished.write_text("the child anchored to the end")
        raise AssertionError("a refused file was anchored")

    monkeypatch.setattr(loader, "resolve", slow_resolve)
    path = large_briefing(tmp_path)
    path.write_text(path.read_text().replace('speaker = "minister"', 'speaker = ""'))
    with pytest.raises(BriefingError, match=r"quotes\[0\]\.speaker: must not be empty"):
        loader.start_loading(path)()
    assert not finished.exists()
    assert entries(cache_dir) == []
