"""Live reload: the reader follows edits without losing its place."""

from __future__ import annotations

import os
from pathlib import Path

from briefing.tui.screens.reader import ReaderScreen
from conftest import make_app, screen_text


async def reload(pilot, screen: ReaderScreen) -> None:  # type: ignore[no-untyped-def]
    """What the once-a-second watcher does, without waiting for the clock."""
    screen._poll_file()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def test_an_edit_is_shown_and_the_place_kept(briefing_copy: Path) -> None:
    app = make_app(briefing_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = app.screen
        assert isinstance(screen, ReaderScreen)
        await pilot.press("3", "f")
        chosen = screen.figure
        assert chosen is not None and screen.section == 2
        text = briefing_copy.read_text()
        briefing_copy.write_text(text.replace("Elsewhere, Russia’s armoured columns",
                                              "Elsewhere, Russia’s EDITED columns"))
        os.utime(briefing_copy, ns=(1, 1))  # a different mtime even on coarse clocks
        await reload(pilot, screen)
        assert screen.reading.section is not None
        assert any("Russia’s EDITED columns" in text
                   for text in screen.reading.section.paragraphs)
        assert screen.section == 2
        assert screen.figure is not None and screen.figure.text == chosen.text
        assert screen.figure is not chosen  # it is the new version's entry


async def test_a_broken_edit_keeps_the_last_good_version_with_a_banner(
        briefing_copy: Path) -> None:
    app = make_app(briefing_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = app.screen
        assert isinstance(screen, ReaderScreen)
        good = briefing_copy.read_text()
        briefing_copy.write_text(good.replace('format = 1', 'format = 1\nbogus = 2', 1))
        await reload(pilot, screen)
        text = screen_text(app)
        assert 'bogus: unknown key "bogus"' in text
        assert "showing the last good version" in text
        assert "Ukraine and Russia were preparing" in text
        briefing_copy.write_text(good)
        os.utime(briefing_copy, ns=(2, 2))
        await reload(pilot, screen)
        assert "unknown key" not in screen_text(app)


async def test_a_deleted_file_is_reported_and_the_text_stays(briefing_copy: Path) -> None:
    app = make_app(briefing_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = app.screen
        assert isinstance(screen, ReaderScreen)
        briefing_copy.unlink()
        await reload(pilot, screen)
        text = screen_text(app)
        assert "was deleted or moved" in text
        assert "Ukraine and Russia were preparing" in text


async def test_save_by_rename_is_noticed(briefing_copy: Path) -> None:
    app = make_app(briefing_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = app.screen
        assert isinstance(screen, ReaderScreen)
        new = briefing_copy.with_suffix(".tmp")
        new.write_text(briefing_copy.read_text().replace("Negotiations", "Talks"))
        os.replace(new, briefing_copy)
        await reload(pilot, screen)
        assert "Talks" in screen_text(app)


async def test_an_edit_above_keeps_the_same_words_at_the_top(briefing_copy: Path) -> None:
    """Words added above where the reader is: the text below moves down a
    few lines, and the reader's words stay at the top of the screen."""
    app = make_app(briefing_copy)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ReaderScreen)
        await pilot.press("space", "space")
        region = screen.reading.scrollable_content_region

        def top_line() -> str:
            lines = screen_text(app).splitlines()[region.y:region.bottom]
            return next(line[region.x:region.right].strip() for line in lines
                        if line[region.x:region.right].strip())

        before, scrolled = top_line(), screen.reading.scroll_y
        text = briefing_copy.read_text()
        end = "did not appear ready to make compromises to end the war.'"
        assert end in text
        briefing_copy.write_text(text.replace(
            end, end[:-2] + ", ADDED words enough to take two more lines of the text at this "
                            "width, and then some more words to be sure of it.'", 1))
        os.utime(briefing_copy, ns=(2, 2))
        await reload(pilot, screen)
        assert any("ADDED words" in p for p in screen.reading.section.paragraphs)
        assert screen.reading.scroll_y > scrolled  # the words moved down...
        assert top_line() == before  # ...and the view with them
