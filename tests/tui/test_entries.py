"""Quotes and figures seen in full (`i`, `enter`), copied with their
attribution (`y`), the header's tags and link, and how the side panes draw
entries in the width they have."""

from __future__ import annotations

import base64
from pathlib import Path

from terminal import Terminal

from briefing.citation import citation
from briefing.tui.screens.entry import EntryScreen
from briefing.tui.screens.reader import ReaderScreen
from briefing.tui.widgets.header import BriefingHeader
from conftest import FIXTURES, briefing_command, make_app, screen_text

HOSTILE = FIXTURES / "terminal-hostile.toml"


def reader(app) -> ReaderScreen:  # type: ignore[no-untyped-def]
    screen = app.screen
    assert isinstance(screen, ReaderScreen)
    return screen


def details(app) -> EntryScreen:  # type: ignore[no-untyped-def]
    screen = app.screen
    assert isinstance(screen, EntryScreen), f"{screen} is not the detail view"
    return screen


def toasts(app) -> list[str]:  # type: ignore[no-untyped-def]
    return [str(n.message) for n in app._notifications]


def one_line(text: str) -> str:
    return " ".join(text.split())


# --- the detail view ------------------------------------------------------------------


async def test_i_shows_the_selected_quote_in_full_and_escape_closes_it() -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        screen = reader(app)
        await pilot.press("i")  # nothing selected yet: nothing to show
        assert app.screen is screen
        assert any("Nothing selected" in toast for toast in toasts(app))
        await pilot.press("n")
        quote = screen.quote
        assert quote is not None and quote.note
        await pilot.press("i")
        shown = details(app)
        assert shown.entry is quote
        text = one_line(screen_text(app))
        assert f"“{quote.text}”" in text
        assert "Said by Dmytro Kuleba · Ukraine’s foreign minister" in text
        assert f"Context {quote.note}" in text
        assert "Where Negotiations (section 1 of 3), paragraph 3" in text
        assert "Published Reuters, 28 March 2022" in text
        assert "Starred" not in text and "Your note" not in text
        await pilot.press("escape")
        assert app.screen is screen
        assert screen.quote is quote  # closing moves nothing


async def test_enter_in_the_text_shows_the_figure_arrived_at_last_and_q_closes_it() -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        screen = reader(app)
        await pilot.press("n")
        for _ in range(len(screen.briefing.figures)):  # a quote, then on to a figure
            if screen.figure is not None and screen.figure.text == "160,000 people":
                break
            await pilot.press("f")
        figure = screen.figure
        assert figure is not None and figure.text == "160,000 people"
        assert screen.quote is not None  # the quote stays current in its pane
        assert screen.focused is screen.reading
        await pilot.press("enter")
        assert details(app).entry is figure
        text = one_line(screen_text(app))
        assert "Counts people still trapped in Mariupol" in text
        assert "Value 160,000 people" in text
        assert "Claimed by Vadym Boichenko · Mariupol mayor" in text
        assert "Status reported (as the article gives it)" in text
        assert "Where Humanitarian (section 2 of 3)" in text
        await pilot.press("q")  # closes the view; does not quit the app
        assert app.is_running and app.screen is screen


async def test_the_detail_view_shows_the_readers_star_and_note() -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        screen = reader(app)
        await pilot.press("n", "n", "s", "a")
        await pilot.press(*"asked twice", "enter")
        await pilot.press("i")
        text = one_line(screen_text(app))
        assert "Starred ★ yes" in text and "Your note asked twice" in text
        await pilot.press("escape", "n", "i")  # the next quote has neither
        text = one_line(screen_text(app))
        assert details(app).entry is screen.quote
        assert "Starred" not in text and "Your note" not in text


async def test_in_a_pane_i_shows_the_entry_under_the_cursor() -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = reader(app)
        screen.figure_list.focus()
        await pilot.press("j", "j")
        under = screen.figure_list.cursor_entry
        assert under is not None and under is not screen.figure
        await pilot.press("i")
        assert details(app).entry is under
        await pilot.press("i")  # i again closes it
        assert app.screen is screen
        # enter in a pane still goes to the entry, as before
        await pilot.press("enter")
        assert app.screen is screen and screen.figure is under


async def test_a_long_quote_scrolls_in_the_detail_view_at_80x24(tmp_path: Path,
                                                                 write_briefing) -> None:  # type: ignore[no-untyped-def]
    words = " ".join(f"word{n}" for n in range(400))
    path = write_briefing(f'''format = 1
[briefing]
title = "Long"
[[sections]]
id = "one"
title = "One"
paragraphs = ["He said: {words} and left."]
[[quotes]]
text = "{words}"
speaker = "someone"
''')
    app = make_app(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("n", "i")
        assert "word0" in screen_text(app) and "word399" not in screen_text(app)
        for _ in range(60):
            await pilot.press("j")
        assert "word399" in screen_text(app)


# --- copying ---------------------------------------------------------------------------


async def test_y_copies_the_selected_quote_with_its_attribution() -> None:
    app = make_app()
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        screen = reader(app)
        await pilot.press("y")
        assert app.clipboard == ""  # nothing selected: nothing copied, and it says so
        assert any("Nothing to copy" in toast for toast in toasts(app))
        await pilot.press("n")
        assert app.clipboard == ""
        await pilot.press("y")
        await pilot.pause()
        expected = ("“We are not trading people, land or sovereignty” — Dmytro Kuleba, "
                    "Ukraine’s foreign minister (Reuters, 28 March 2022)")
        assert app.clipboard == expected
        assert expected == citation(screen.briefing, screen.quote)  # type: ignore[arg-type]
        await pilot.pause()
        assert "Copied the quote with attribution" in screen_text(app)
        assert "“We are not trading people, land or" in screen_text(app)


async def test_y_after_a_jump_copies_the_entry_arrived_at_last() -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        screen = reader(app)
        await pilot.press("n", "f", "y")
        assert screen.figure is not None
        assert app.clipboard == citation(screen.briefing, screen.figure)
        assert app.clipboard.startswith(f"{screen.figure.text} — {screen.figure.label}")
        await pilot.press("n", "y")
        assert screen.quote is not None and screen.position.selected == "quote"
        assert app.clipboard == citation(screen.briefing, screen.quote)
        # From the detail view too.
        await pilot.press("f", "i", "y")
        assert isinstance(app.screen, EntryScreen)
        assert app.clipboard == citation(screen.briefing, screen.figure)  # type: ignore[arg-type]
        # And from a pane, the entry under its cursor.
        await pilot.press("escape")
        screen.quote_list.focus()
        await pilot.press("G", "y")
        assert app.clipboard.startswith(f"“{screen.briefing.quotes_in_order[-1].text}”")


async def test_y_reaches_the_terminal_as_one_osc_52_sequence(tmp_path: Path) -> None:
    """In a real pseudo-terminal: `y` writes the clipboard sequence, once,
    carrying the citation; reading a hostile briefing wrote none before."""
    term = Terminal([briefing_command(), str(HOSTILE)], columns=120, lines=40,
                    env={"BRIEFING_STATE_DIR": str(tmp_path / "state"),
                         "BRIEFING_CACHE_DIR": str(tmp_path / "cache")})
    try:
        assert term.wait_for("ESC]52;c;aGVsbG8gd29ybGQ= BEL"), term.text()
        for key in ("n", "i", "\x1b"):
            term.send(key)
            term.read(0.3)
        assert b"\x1b]52" not in bytes(term.raw)
        term.send("y")
        assert term.wait_for("Copied the quote with attribution"), term.text()
        raw = bytes(term.raw)
        assert raw.count(b"\x1b]52;") == 1
        payload = raw.split(b"\x1b]52;c;", 1)[1].split(b"\x07", 1)[0]
        copied = base64.b64decode(payload).decode("utf-8")
        assert copied.startswith("“ESC]52;c;aGVsbG8gd29ybGQ= BEL” — [@click=app.quit]Mallory[/]")
        term.send("q")
        assert term.wait_exit() == 0
    finally:
        term.close()


# --- the header ------------------------------------------------------------------------


async def test_the_header_shows_the_tags_and_beside_the_dateline_when_it_fits() -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        lines = screen_text(app).splitlines()
        assert any(line.strip() == "Reuters · 28 March 2022 · 3 sections · 17 quotes · "
                   "14 figures  #ukraine #russia #diplomacy #war" for line in lines)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        lines = [line.strip() for line in screen_text(app).splitlines()]
        assert "Reuters · 28 March 2022 · 3 sections · 17 quotes · 14 figures" in lines
        assert "#ukraine #russia #diplomacy #war" in lines
        await pilot.resize_terminal(100, 30)
        await pilot.pause()
        assert "#ukraine #russia #diplomacy #war" not in [
            line.strip() for line in screen_text(app).splitlines()]


async def test_the_header_shows_the_link_and_tags_literally_cut_to_one_line(
        write_briefing) -> None:  # type: ignore[no-untyped-def]
    app = make_app(HOSTILE)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        assert "#[b] #esc-52 #👨‍👩‍👧‍👦  https://example.org/a?b=[c]&d=<e>" in screen_text(app)
    link = "https://example.org/" + "a" * 1500
    path = write_briefing(f"""format = 1
[briefing]
title = "Long link"
url = "{link}"
[[sections]]
id = "one"
title = "One"
paragraphs = ["Text."]
""")
    app = make_app(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        header = app.screen.query_one(BriefingHeader)
        assert header.size.height == 3  # title, dateline, link: however long the link
        lines = [line.strip() for line in screen_text(app).splitlines()]
        assert lines[2].startswith("https://example.org/aaa") and lines[2].endswith("…")


# --- the side panes --------------------------------------------------------------------


def pane_lines(app, pane) -> list[str]:  # type: ignore[no-untyped-def]
    region = pane.scrollable_content_region
    lines = screen_text(app).splitlines()[region.y:region.bottom]
    return [line[region.x:region.right].strip() for line in lines]


async def test_a_long_label_takes_two_lines_beside_a_claim_or_without_one() -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = reader(app)
        figures = screen.figure_list
        # How a row uses the width it gets, in a pane 42 columns wide.
        screen.query_one("#entries").styles.width = 42
        await pilot.pause()
        lines = pane_lines(app, figures)
        # No claimant, and a label longer than the pane: two lines of label.
        label = "date of the last in-person meeting, between foreign ministers"
        at = lines.index("reported  March 10th")
        assert one_line(" ".join(lines[at + 1:at + 3])) == label
        # A claimant and a short label: a line each.
        await pilot.press("f", "f", "f", "f")
        assert screen.figure is not None and screen.figure.claimed_by == "truss"
        lines = pane_lines(app, figures)
        at = lines.index("year Russia annexed Crimea")
        assert lines[at - 1:at + 2] == ["reported  2014", "year Russia annexed Crimea",
                                        "claimed by Liz Truss"]
        # A claimant and a long label, and neither fits beside the number: the
        # label is cut (the detail view has it in full).
        await pilot.press(*"f" * 9)
        assert screen.figure is not None and screen.figure.text == "24 hours"
        lines = pane_lines(app, figures)
        at = lines.index("UNVERIFIED  24 hours")
        assert lines[at + 1:at + 3] == ["period in which Russia says it hit…",
                                        "claimed by Russia’s defence ministry"]


async def test_a_claim_that_fits_beside_the_number_leaves_two_lines_to_the_label(
        write_briefing) -> None:  # type: ignore[no-untyped-def]
    label = "buses waiting since Monday to evacuate civilians from the city"
    path = write_briefing(f"""format = 1
[briefing]
title = "Buses"
[[sections]]
id = "one"
title = "One"
paragraphs = ["Some 26 buses waited."]
[[figures]]
text = "26"
label = "{label}"
claimed_by = "Ann"
""")
    app = make_app(path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        lines = pane_lines(app, reader(app).figure_list)
        at = lines.index("reported  26 · claimed by Ann")
        assert one_line(" ".join(lines[at + 1:at + 3])) == label


async def test_at_200_columns_no_label_is_cut() -> None:
    app = make_app()
    async with app.run_test(size=(200, 60)) as pilot:
        await pilot.pause()
        screen = reader(app)
        shown = one_line(" ".join(pane_lines(app, screen.figure_list)))
        assert "…" not in shown
        for figure in screen.briefing.figures_in_order[:5]:  # those in view
            assert figure.label in shown
