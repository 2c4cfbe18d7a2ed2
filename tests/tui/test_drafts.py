"""A draft reads as a draft (FORMAT.md, format 2): `briefing import` marks
what it worked out rather than read, and the reader says so where the
reader looks: the header, the quote and figure rows, the detail view."""

from __future__ import annotations

from pathlib import Path

from briefing.ingest import draft_from_text
from briefing.loader import load_briefing
from briefing.tui.app import reader_app
from briefing.tui.screens.entry import EntryScreen
from conftest import make_app, screen_text

ARTICLE = """# Storm closes the river road

The river road closed on Monday as the water rose.

“We will reopen it when it is safe,” said Mayor Ana Ruiz.

He said the storm was “the worst in years”.

Crews worked for 12 hours; the repairs will cost $250,000.
"""


def imported(tmp_path: Path) -> Path:
    path = tmp_path / "draft.toml"
    path.write_text(draft_from_text(ARTICLE, source="story.txt").toml, encoding="utf-8")
    return path


async def test_a_checked_briefing_shows_no_draft_marks() -> None:
    app = make_app()  # the bundled briefing: format 1, checked by a person
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        text = screen_text(app)
        assert "Quotes (" in text
        assert "Draft, not checked" not in text and "(inferred?)" not in text


async def test_an_imported_draft_says_it_is_one_and_which_speaker_is_inferred(
        tmp_path: Path) -> None:
    path = imported(tmp_path)
    briefing = load_briefing(path)
    assert briefing.masthead.draft
    stated = next(q for q in briefing.quotes if "reopen" in q.text)
    inferred = next(q for q in briefing.quotes if "worst" in q.text)
    assert not stated.speaker_inferred and inferred.speaker_inferred
    app = reader_app(briefing, path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        text = screen_text(app)
        assert "Draft, not checked" in text.splitlines()[1]
        # The quotes pane (right of the text): one row stated, one inferred.
        heads = [line.rsplit("││", 1)[-1] for line in text.splitlines()
                 if "││" in line and "Ana Ruiz" in line.rsplit("││", 1)[-1]]
        assert len(heads) == 2, heads
        assert sorted("(inferred?)" in head for head in heads) == [False, True]
        # The detail view of the inferred quote says what to do.
        screen = app.screen
        screen.go_to_quote(inferred)  # type: ignore[attr-defined]
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, EntryScreen)
        assert "inferred by the importer" in screen_text(app)


async def test_a_plain_figure_label_is_marked_and_a_found_one_is_not(tmp_path: Path) -> None:
    path = imported(tmp_path)
    briefing = load_briefing(path)
    amount = next(f for f in briefing.figures if f.text == "$250,000")
    hours = next(f for f in briefing.figures if "12 hours" in f.text)
    assert amount.label_inferred and amount.label == "amount in USD"
    assert not hours.label_inferred
    app = reader_app(briefing, path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        lines = screen_text(app).splitlines()
        label_line = next(i for i, line in enumerate(lines) if "amount in USD" in line)
        assert "(inferred?)" in lines[label_line]


async def test_the_draft_mark_comes_first_even_before_the_source_and_date(
        tmp_path: Path, briefing_text) -> None:  # type: ignore[no-untyped-def]
    """At 80 columns the dateline is cut at its end: the mark leads it."""
    text = briefing_text(masthead='source = "Reuters"\npublished = 2022-03-28\ndraft = true')
    path = tmp_path / "draft.toml"
    path.write_text(text.replace("format = 1", "format = 2"), encoding="utf-8")
    app = reader_app(load_briefing(path), path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        dateline = next(line for line in screen_text(app).splitlines() if "Reuters" in line)
        assert dateline.strip().startswith("Draft, not checked · Reuters · 28 March 2022")
