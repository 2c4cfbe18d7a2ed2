"""`briefing export DIR`: one digest of many briefings, newest first."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from briefing.cli import main


@pytest.fixture
def folder(tmp_path: Path, briefing_text: Callable[..., str],
           quote_table: Callable[..., str]) -> Path:
    root = tmp_path / "briefs"
    (root / "april").mkdir(parents=True)
    for name, day, title in (("monday.toml", "2022-03-28", "Monday talks"),
                             ("tuesday.toml", "2022-03-29", "Tuesday shelling"),
                             ("april/friday.toml", "2022-04-01", "April convoy")):
        text = briefing_text(quote_table(), masthead=f"published = {day}").replace(
            'title = "Talks in Istanbul"', f'title = "{title}"')
        (root / name).write_text(text, encoding="utf-8")
    (root / "broken.toml").write_text("format = 1\n", encoding="utf-8")
    return root


def test_a_folder_s_digest_has_every_briefing_newest_first_under_one_title(
        folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", str(folder)]) == 0
    captured = capsys.readouterr()
    out = captured.out
    assert out.startswith("# Briefings in briefs\n\n3 briefings, newest first.\n")
    titles = [line for line in out.splitlines() if line.startswith("## ")]
    assert titles == ["## April convoy", "## Tuesday shelling", "## Monday talks"]
    assert "### At a glance" in out and "\n# " not in out.split("\n", 1)[1]  # one title
    assert "broken.toml" in captured.err and "left out" in captured.err


def test_since_and_until_choose_the_days(folder: Path,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", str(folder), "--since", "2022-03-29"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("# Briefings in briefs since 29 March 2022")
    assert "## Monday talks" not in out and "## Tuesday shelling" in out
    assert main(["export", str(folder), "--since", "2022-03-28", "--until", "2022-03-28"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("# Briefings in briefs of 28 March 2022\n\n1 briefing, newest first.")


def test_starred_keeps_the_briefings_with_stars_and_is_written_atomically(
        folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from briefing.loader import load_briefing
    from briefing.state import ReaderState, entry_key, save_state, state_key

    path = folder / "tuesday.toml"
    briefing = load_briefing(path)
    save_state(state_key(briefing, path),
               ReaderState(stars=frozenset({entry_key(briefing.quotes_in_order[0])})))
    out_file = tmp_path / "morning.md"
    assert main(["export", str(folder), "--starred", "-o", str(out_file)]) == 0
    text = out_file.read_text(encoding="utf-8")
    assert "## Tuesday shelling" in text and "Monday talks" not in text
    assert "### Your starred items and notes" in text
    assert main(["export", str(folder), "--starred", "-o", str(out_file)]) == 1  # no clobber
    assert "exists" in capsys.readouterr().err


def test_options_for_one_briefing_are_refused_for_a_folder_and_the_other_way(
        folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", str(folder), "--section", "negotiations"]) == 2
    assert "--section is for one briefing" in capsys.readouterr().err
    assert main(["export", str(folder / "monday.toml"), "--since", "2022-03-01"]) == 2
    assert "--since and --until are for a folder" in capsys.readouterr().err
