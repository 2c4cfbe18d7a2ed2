"""Remembering what file contents made when they passed (briefing.judged):
a reopen reads back the same briefing, and nothing kept on disk can make a
load wrong or fail."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from briefing import judged
from briefing.errors import BriefingError
from briefing.loader import load_briefing, read_briefing
from briefing.resources import bundled_briefing

# Every field a briefing has, format 2's included: a date, tags, people
# linked by id and named as written, an integer and a fractional value.
EVERY_FIELD = """
[[quotes]]
text = "We are not trading people, land or sovereignty"
speaker = "kuleba"
note = "On what Ukraine will not give up"

[[quotes]]
text = "160,000 people were still trapped"
speaker = "The mayor"
speaker_inferred = true

[[figures]]
text = "41 sites"
label = "military sites Russia says it hit"
value = 41
claimed_by = "Russia's defence ministry"
status = "unverified"
label_inferred = true

[[figures]]
text = "26 buses"
label = "buses"
value = 26.5
unit = "buses"
claimed_by = "boichenko"
section = "humanitarian"
paragraph = 2
"""


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv(judged.CACHE_DIR_VARIABLE, str(folder))
    return folder


def remembered(cache: Path) -> list[str]:
    folder = cache / "briefings"
    return sorted(p.name for p in folder.iterdir()) if folder.exists() else []


def every_field(briefing_text) -> str:  # type: ignore[no-untyped-def]
    return briefing_text(EVERY_FIELD, masthead='published = 2022-03-29\ntags = ["war", "talks"]'
                         '\ndraft = true').replace("format = 1", "format = 2")


def cut_short(text: str, table: str, column: int) -> str:
    written = json.loads(text)
    written[table][column] = written[table][column][:-1]
    return json.dumps(written)


def test_a_valid_file_is_remembered_and_reopens_the_same(cache: Path) -> None:
    path = bundled_briefing()
    assert remembered(cache) == []
    first = load_briefing(path, remember=True)
    assert remembered(cache) == [judged.content_key(path.read_bytes()) + ".json"]
    assert load_briefing(path, remember=True) == first == load_briefing(path)


def test_every_field_reads_back_as_it_was_made(cache: Path, tmp_path: Path,
                                               briefing_text) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "draft.toml"
    path.write_text(every_field(briefing_text), encoding="utf-8")
    made = load_briefing(path)
    assert made.masthead.draft and made.masthead.published is not None
    assert made.quotes[1].speaker_inferred and made.figures[0].label_inferred
    assert made.quotes[0].person is not None and made.figures[1].claimant is not None
    load_briefing(path, remember=True)
    again = load_briefing(path, remember=True)  # read back from what was written
    assert again == made
    assert [type(f.value) for f in again.figures] == [int, float]


def test_the_reader_chooses_when_to_remember(cache: Path) -> None:
    briefing, remember = read_briefing(bundled_briefing())
    assert remember is not None and remembered(cache) == []
    remember()
    assert len(remembered(cache)) == 1
    again, nothing_to_do = read_briefing(bundled_briefing())
    assert nothing_to_do is None and again == briefing


def test_an_invalid_file_is_never_remembered(cache: Path, tmp_path: Path,
                                             briefing_text) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "bad.toml"
    path.write_text(briefing_text().replace('id = "kuleba"', 'id = "Kuleba"'), encoding="utf-8")
    with pytest.raises(BriefingError, match="not a slug"):
        load_briefing(path, remember=True)
    assert remembered(cache) == []


@pytest.mark.parametrize("damage", [
    lambda text: text[: len(text) // 2],  # a write cut short
    lambda text: "{}",
    lambda text: "[1, 2, 3]",
    lambda text: text.replace('"Talks in Istanbul"', "1", 1),  # a title that is no text
    lambda text: text.replace('"2022-03-29"', '"29 March"', 1),
    lambda text: "[" * 100_000 + "]" * 100_000,
    lambda text: cut_short(text, "quotes", 0),  # a column of words one short
    lambda text: cut_short(text, "figures", 2),  # the anchors
    lambda text: cut_short(text, "sections", 1),
])
def test_a_damaged_memory_gets_the_full_verdict(
        cache: Path, tmp_path: Path, briefing_text, damage) -> None:  # type: ignore[no-untyped-def]
    """What is at an invalid file's name, damaged: the error a first open
    gives, never a crash and never the damaged briefing."""
    valid = tmp_path / "valid.toml"
    valid.write_text(every_field(briefing_text), encoding="utf-8")
    load_briefing(valid, remember=True)
    written = (cache / "briefings" / remembered(cache)[0]).read_text(encoding="utf-8")
    assert '"2022-03-29"' in written and '"Talks in Istanbul"' in written
    invalid = tmp_path / "invalid.toml"
    invalid.write_text(every_field(briefing_text).replace('id = "kuleba"', 'id = "Kuleba"'),
                       encoding="utf-8")
    at = cache / "briefings" / (judged.content_key(invalid.read_bytes()) + ".json")
    at.write_text(damage(written), encoding="utf-8")
    with pytest.raises(BriefingError, match="not a slug"):
        load_briefing(invalid, remember=True)


def test_what_was_remembered_is_what_a_reopen_reads(cache: Path, tmp_path: Path,
                                                    briefing_text) -> None:  # type: ignore[no-untyped-def]
    """The other side of the test above (so it can fail): what is written
    at a file's name is read instead of the file."""
    valid = tmp_path / "valid.toml"
    valid.write_text(briefing_text(), encoding="utf-8")
    load_briefing(valid, remember=True)
    other = tmp_path / "other.toml"
    other.write_text(briefing_text().replace("Talks in Istanbul", "Other talks"),
                     encoding="utf-8")
    (cache / "briefings" / remembered(cache)[0]).rename(
        cache / "briefings" / (judged.content_key(other.read_bytes()) + ".json"))
    assert load_briefing(other, remember=True).title == "Talks in Istanbul"


def test_a_changed_file_is_judged_again(cache: Path, tmp_path: Path,
                                        briefing_text) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "today.toml"
    path.write_text(briefing_text(), encoding="utf-8")
    load_briefing(path, remember=True)
    path.write_text(briefing_text().replace('id = "kuleba"', 'id = "Kuleba"'), encoding="utf-8")
    with pytest.raises(BriefingError, match="not a slug"):
        load_briefing(path, remember=True)
    assert len(remembered(cache)) == 1


def test_memory_is_bounded_least_recently_used_first(cache: Path) -> None:
    folder = cache / "briefings"
    folder.mkdir(parents=True)
    briefing = load_briefing(bundled_briefing())
    judged.remember(f"{0:040x}", briefing)
    for n in range(12):
        kept = folder / f"{n:040x}.json"
        if n:
            kept.write_bytes(b"x" * 100)
        os.utime(kept, (1_000_000 + n, 1_000_000 + n))
    old_write = folder / ".left-by-a-write-that-died.tmp"
    old_write.write_bytes(b"x")
    os.utime(old_write, (1_000_000, 1_000_000))
    assert judged.remembered(f"{0:040x}") == briefing  # read: now the most recently used
    assert judged.remembered(f"{1:040x}") is None  # damaged: not used
    judged.prune(folder, count=10)
    assert len(remembered(cache)) == 10
    assert f"{0:040x}.json" in remembered(cache) and f"{1:040x}.json" not in remembered(cache)
    assert not old_write.exists()
    size = (folder / f"{0:040x}.json").stat().st_size
    judged.prune(folder, size=size + 350)  # bytes: the newest and the next three
    assert len(remembered(cache)) == 4 and f"{0:040x}.json" in remembered(cache)
    assert f"{11:040x}.json" in remembered(cache) and f"{8:040x}.json" not in remembered(cache)


def test_a_cache_that_cannot_be_written_never_fails_a_load(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv(judged.CACHE_DIR_VARIABLE, str(blocker))
    briefing = load_briefing(bundled_briefing(), remember=True)
    assert briefing.quotes and blocker.read_text(encoding="utf-8") == "not a folder"


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write anywhere")
def test_a_read_only_cache_never_fails_a_load(cache: Path) -> None:
    (cache / "briefings").mkdir(parents=True)
    (cache / "briefings").chmod(0o500)
    try:
        assert load_briefing(bundled_briefing(), remember=True).quotes
        assert remembered(cache) == []
    finally:
        (cache / "briefings").chmod(0o700)


def test_the_old_caches_are_removed(cache: Path) -> None:
    for name in ("resolved", "judged"):
        (cache / name).mkdir(parents=True)
        (cache / name / "entry").write_bytes(b"x" * 1000)
    load_briefing(bundled_briefing(), remember=True)
    assert not (cache / "resolved").exists() and not (cache / "judged").exists()
    assert len(remembered(cache)) == 1


def test_what_is_written_is_json_of_the_model_fields(cache: Path) -> None:
    briefing = load_briefing(bundled_briefing(), remember=True)
    written = json.loads((cache / "briefings" / remembered(cache)[0]).read_text("utf-8"))
    assert written["masthead"][0] == briefing.title
    assert written["sections"][0] == [s.id for s in briefing.sections]
    assert judged.briefing_of(written) == briefing
