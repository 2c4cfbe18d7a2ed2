"""The help screen and the command palette: the real keys, as a reader reads
them, each once, taken from the bindings that are live."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Static

from briefing.search import Match, Search
from briefing.tui.app import BriefingApp
from briefing.tui.screens.help import HelpScreen
from briefing.tui.screens.reader import ReaderScreen
from briefing.tui.widgets.search import search_status
from conftest import make_app, screen_text

SIZE = (120, 40)


def help_rows(app: BriefingApp) -> list[tuple[str, str]]:
    """The help as the reader reads it: (keys, what they do) per line, and
    (heading, "") for a group's heading."""
    shown = app.screen.query_one("#help-keys", Static).render()
    rows: list[tuple[str, str]] = []
    for line in str(shown).splitlines():
        if line.strip():
            keys, _, what = line.partition("  ")
            rows.append((keys.strip(), what.strip()))
    return rows


def keys_of(rows: list[tuple[str, str]], description: str) -> list[str]:
    return [keys for keys, what in rows if what == description]


def groups(rows: list[tuple[str, str]]) -> dict[str, list[tuple[str, str]]]:
    found: dict[str, list[tuple[str, str]]] = {}
    current = ""
    for keys, what in rows:
        if not what:
            current = keys
            found[current] = []
        else:
            found[current].append((keys, what))
    return found


async def open_help(pilot) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    assert not isinstance(pilot.app.screen, HelpScreen)
    await pilot.press("question_mark")
    await pilot.pause()  # the help screen composes on the next message
    assert isinstance(pilot.app.screen, HelpScreen)
    return help_rows(pilot.app)


async def test_help_lists_each_key_once_and_the_real_sections() -> None:
    app = make_app()  # three sections
    async with app.run_test(size=SIZE) as pilot:
        rows = await open_help(pilot)
        found = groups(rows)
        assert list(found) == ["Reader", "Reading pane", "Contents pane", "Quotes · Figures panes",
                               "Everywhere"]
        # The keys of the screen as it is (focused pane, screen, app): each once.
        here = [key for group in ("Reader", "Reading pane", "Everywhere")
                for keys, _ in found[group] for key in keys.split()]
        assert len(here) == len(set(here)), sorted(k for k in here if here.count(k) > 1)
        assert keys_of(rows, "Next quote") == ["n ]"]
        assert keys_of(rows, "Next match") == []  # n runs Next quote until a search matches
        assert keys_of(rows, "Section 1…3") == ["1…3"]
        assert not [what for _, what in rows if "Section 4" in what or "4…" in what]
        assert keys_of(rows, "Go to entry") == ["enter"]
        # → is not taken by the reading pane's sideways scroll; the contents
        # pane's own keys are in its words, not its list widget's ("Down").
        assert keys_of(rows, "Next section") == ["l →", "j ↓"]
        assert keys_of(rows, "Down") == []
        assert keys_of(rows, "Quit") == ["q ctrl+q"]
        assert keys_of(rows, "Help") == ["? f1"]


async def test_help_for_a_one_section_briefing_says_section_1(write_briefing) -> None:
    text = """format = 1
[briefing]
title = "One section"
[[sections]]
id = "only"
title = "Only"
paragraphs = ["Just this."]
"""
    app = make_app(write_briefing(text))
    async with app.run_test(size=SIZE) as pilot:
        rows = await open_help(pilot)
        assert keys_of(rows, "Section 1") == ["1"]
        assert not [what for _, what in rows if "…" in what]


async def test_while_a_search_matches_n_is_listed_for_the_match() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        rows = await open_help(pilot)
        assert keys_of(rows, "Next quote") == ["n ]"]
        await pilot.press("escape", "slash", *"talks", "enter")
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen) and app.screen.search is not None
        rows = await open_help(pilot)
        assert keys_of(rows, "Next match") == ["n"]
        assert keys_of(rows, "Next quote") == ["]"]


async def test_keys_a_text_field_takes_are_not_listed_while_it_has_the_focus() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        rows = await open_help(pilot)
        assert keys_of(rows, "Next section") == ["l →", "j ↓"]
        await pilot.press("escape", "slash", "t")  # typing in the search field
        await pilot.press("f1")
        await pilot.pause()
        rows = help_rows(app)
        # l types an l and → moves the field's cursor: neither is Next section.
        # (What is left is the contents pane's own j, when it has the focus.)
        assert keys_of(rows, "Next section") == ["j ↓"]
        assert keys_of(rows, "Back") == ["esc"]


async def test_help_and_palette_follow_a_keymap() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        rows = await open_help(pilot)
        assert keys_of(rows, "Next quote") == ["n ]"]
        await pilot.press("escape")
        app.set_keymap({"next-quote": "x", "people": "W"})
        rows = await open_help(pilot)
        assert keys_of(rows, "Next quote") == ["x"]
        assert keys_of(rows, "People") == ["W"]
        await pilot.press("escape", "ctrl+p", *"next q")
        await pilot.pause(0.3)
        assert "key: x" in screen_text(app)


async def test_the_palette_shows_keys_as_a_reader_reads_them() -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        assert "key: n or ]" not in screen_text(app)
        await pilot.press("ctrl+p", *"next q")
        await pilot.pause(0.3)
        text = screen_text(app)
        assert "Next quote" in text
        assert "key: n or ]" in text
        assert "right_square_bracket" not in text
        await pilot.press("escape", "ctrl+p", *"prev sec")
        await pilot.pause(0.3)
        assert "key: h or ←" in screen_text(app)


async def test_the_library_help_shows_the_library_keys(tmp_path: Path, briefing_text) -> None:
    (tmp_path / "today.toml").write_text(briefing_text(), encoding="utf-8")
    app = BriefingApp(folder=tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.app.workers.wait_for_complete()
        rows = await open_help(pilot)
        assert keys_of(rows, "Open") == ["enter"]
        assert keys_of(rows, "Filter") == ["/"]
        assert keys_of(rows, "Next briefing") == ["j ↓"]
        assert keys_of(rows, "Quit") == ["q ctrl+q"]
        described = [what for _, what in rows]
        assert "Select for export" in described  # the library's own, x
        for internal in ("Select", "Scroll Left", "Scroll Right"):  # the widgets' own
            assert internal not in described
        assert not any(what.startswith("Cursor") for what in described)


async def test_a_reader_opened_from_the_library_lists_its_own_keys(tmp_path: Path,
                                                                    briefing_text) -> None:
    (tmp_path / "today.toml").write_text(briefing_text(), encoding="utf-8")
    app = BriefingApp(folder=tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.app.workers.wait_for_complete()
        await pilot.press("enter")
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)
        rows = await open_help(pilot)
        assert keys_of(rows, "Library") == ["q"]
        assert keys_of(rows, "Next briefing") == ["J"]
        assert keys_of(rows, "Prev briefing") == ["K"]
        assert keys_of(rows, "Quit") == ["ctrl+q"]  # q is taken: back to the library


def test_search_counts_read_as_english() -> None:
    one = Search("kuleba", (Match(0, 1, 0, 6),))
    two = Search("talks", (Match(0, 0, 0, 5), Match(0, 0, 10, 15)))
    assert search_status(one) == "1 match · enter to go"
    assert search_status(two) == "2 matches · enter to go"
