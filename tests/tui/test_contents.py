"""The contents pane: move through the sections and go to one."""

from __future__ import annotations

from pathlib import Path

import tomli_w
from test_reader import reader

from briefing.loader import load_briefing
from briefing.tui.app import reader_app
from briefing.tui.widgets.contents import ContentsList
from conftest import make_app, screen_text


async def test_enter_and_a_click_in_the_contents_go_to_a_section() -> None:
    app = make_app()
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        screen = reader(app)
        contents = screen.query_one(ContentsList)
        contents.focus()
        await pilot.press("j", "j")
        assert screen.section == 0 and contents.highlighted == 2
        await pilot.press("enter")
        assert screen.section == 2
        assert app.focused is screen.reading
        await pilot.click(ContentsList, offset=(4, 2))  # the second row: Humanitarian
        await pilot.pause()
        assert screen.section == 1
        assert contents.highlighted == 1


async def test_five_hundred_sections_are_listed_and_the_last_is_reached(tmp_path: Path) -> None:
    sections = [{"id": f"part-{n}", "title": f"Part {n}",
                 "paragraphs": [f"Paragraph of part {n}."]} for n in range(1, 501)]
    path = tmp_path / "many.toml"
    path.write_text(tomli_w.dumps({"format": 1, "briefing": {"title": "Many parts"},
                                   "sections": sections}))
    app = reader_app(load_briefing(path), path)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        screen = reader(app)
        assert "1 Part 1" in screen_text(app)
        assert "Part 500" not in screen_text(app)
        screen.query_one(ContentsList).focus()
        await pilot.press("G")
        await pilot.pause()
        assert "Part 500" in screen_text(app)
        await pilot.press("enter")
        assert screen.section == 499
        assert "Paragraph of part 500." in screen_text(app)
        await pilot.press("l")  # no section after the last
        assert screen.section == 499
