"""Search finds what the reader shows wherever it is shown (the header, a
section's title and summary, the text, the quotes' and figures' fields), as
a reader types it, and each match leads somewhere."""

from __future__ import annotations

from test_reader import highlighted, reader, searched
from textual.widgets import Input

from briefing.tui.screens.reader import STYLE_CURRENT_MATCH
from briefing.tui.widgets.header import BriefingHeader
from conftest import make_app, screen_text, typed_in_one_read


def drawn_reversed(app, widget) -> list[str]:  # type: ignore[no-untyped-def]
    """The text a widget draws in reverse video: the current match (its row
    or line may add colour or italics of its own)."""
    region = widget.scrollable_content_region
    found: list[str] = []
    for y, line in enumerate(app.screen._compositor.render_strips()):
        if not region.y <= y < region.bottom:
            continue
        x = 0
        for segment in line:
            if (region.x <= x < region.right and segment.style is not None
                    and segment.style.reverse and segment.text.strip()):
                found.append(segment.text)
            x += segment.cell_length
    return found


async def to_the_text(pilot) -> None:  # type: ignore[no-untyped-def]
    """n until the current match is in a paragraph."""
    screen = reader(pilot.app)
    for _ in range(20):
        assert screen.search is not None and screen.search.current is not None
        if screen.search.matches[screen.search.current].field == "paragraph":
            return
        await pilot.press("n")
    raise AssertionError("no match in the text")


async def test_a_straight_apostrophe_finds_the_typographic_one_exactly() -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = reader(app)
        assert highlighted(screen, STYLE_CURRENT_MATCH) == []
        await pilot.press("slash", *"ukraine's foreign", "enter")
        await searched(pilot)
        assert screen.search is not None
        # The summary's straight apostrophe, the text's curly one, Kuleba's role.
        assert {m.field for m in screen.search.matches} >= {"summary", "paragraph", "role"}
        await to_the_text(pilot)
        # The words as the text has them, curly apostrophe and all.
        assert highlighted(screen, STYLE_CURRENT_MATCH) == ["Ukraine’s foreign"]


async def test_double_spaces_and_dashes_typed_still_find_the_words() -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = reader(app)
        await pilot.press("slash", *"due  to be  held", "enter")
        await searched(pilot)
        await to_the_text(pilot)
        assert highlighted(screen, STYLE_CURRENT_MATCH) == ["due to be held"]
        await pilot.press("escape", "slash")
        # Pasted: the dashes of another text.
        screen.query_one("#search-input", Input).insert_text_at_cursor("face–to—face PEACE")
        await searched(pilot)
        await pilot.press("enter")
        assert screen.search is not None and screen.search.query == "face–to—face PEACE"
        await to_the_text(pilot)
        assert highlighted(screen, STYLE_CURRENT_MATCH) == ["face-to-face peace"]


async def test_the_title_and_standfirst_are_searched_and_marked_in_the_header() -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = reader(app)
        header = screen.query_one(BriefingHeader)
        assert drawn_reversed(app, header) == []
        await pilot.press("slash", *"crunch", "enter")
        await searched(pilot)
        assert drawn_reversed(app, header) == ["crunch"]
        assert "1 of 1 in the title" in screen_text(app)
        assert screen.section == 0 and screen.quote is None  # nothing moved
        await pilot.press("escape")
        assert drawn_reversed(app, header) == []
        await pilot.press("slash", *"beleaguered", "enter")
        await searched(pilot)
        assert drawn_reversed(app, header) == ["beleaguered"]
        assert "in the standfirst" in screen_text(app)


async def test_a_match_in_a_summary_shows_its_section_from_the_top() -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        screen = reader(app)
        await pilot.press("2", "G")  # the humanitarian section, at its end
        assert screen.section == 1 and screen.reading.scroll_y > 0
        await pilot.press("slash", *"besieged cities", "enter")
        await searched(pilot)
        assert screen.search is not None
        assert [m.field for m in screen.search.matches][:1] == ["summary"]
        assert screen.section == 1 and screen.reading.scroll_y == 0
        assert "in the section summary" in screen_text(app)
        assert "The threat of Russian attacks blocked civilian exit routes" in screen_text(app)
        # Marked in the summary, where the reading pane draws it.
        assert drawn_reversed(app, screen.reading) == ["besieged cities"]
        # n goes on to the text, where the match is marked.
        await pilot.press("n")
        assert highlighted(screen, STYLE_CURRENT_MATCH) == ["besieged cities"]
        # and back, after a resize: the summary's section top again.
        await pilot.resize_terminal(80, 24)
        await pilot.press("G", "N")
        assert screen.reading.scroll_y == 0


async def test_a_section_title_leads_to_its_section() -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        screen = reader(app)
        await pilot.press("slash", *"military", "enter")
        await searched(pilot)
        assert screen.search is not None
        fields = [(m.field, m.section) for m in screen.search.matches]
        assert ("heading", 2) in fields
        while screen.search.matches[screen.search.current or 0].field != "heading":
            await pilot.press("n")
        assert screen.section == 2 and screen.reading.scroll_y == 0
        assert "in the section title" in screen_text(app)
        # The title above the text is marked (the pane's border only names it).
        assert drawn_reversed(app, screen.reading) == ["Military"]


async def test_a_match_in_a_speakers_role_selects_the_quote_and_marks_its_row() -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = reader(app)
        assert screen.quote is None
        await pilot.press("slash", *"mariupol MAYOR", "enter")
        await searched(pilot)
        assert screen.search is not None
        assert [m.field for m in screen.search.matches] == ["role"]
        quote = screen.quote
        assert quote is not None and quote.speaker == "boichenko"
        assert screen.position.selected == "quote"
        assert screen.section == quote.anchor.section
        assert "1 of 1 in a speaker's role" in screen_text(app)
        assert drawn_reversed(app, screen.quote_list) == ["Mariupol mayor"]
        # y and i act on it.
        await pilot.press("y")
        assert app.clipboard.startswith(f"“{quote.text}” — Vadym Boichenko, Mariupol mayor")
        await pilot.press("escape")  # leaves the search: the row is no longer marked
        assert drawn_reversed(app, screen.quote_list) == []
        assert screen.quote is quote


async def test_a_match_in_a_label_or_a_note_leads_to_its_entry() -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = reader(app)
        await pilot.press("slash", *"still trapped in", "enter")
        await searched(pilot)
        figure = screen.figure
        assert figure is not None and figure.label == "people still trapped in Mariupol"
        assert screen.position.selected == "figure"
        assert "in a figure's label" in screen_text(app)
        assert drawn_reversed(app, screen.figure_list) == ["still trapped in"]
        await pilot.press("escape", "slash", *"press conference in washington", "enter")
        await searched(pilot)
        assert screen.search is not None
        assert [m.field for m in screen.search.matches] == ["paragraph", "note"]
        await pilot.press("n")
        quote = screen.quote
        assert quote is not None and quote.note == "At a press conference in Washington on Monday"
        assert screen.position.selected == "quote"
        assert "in a quote's context note" in screen_text(app)
        await pilot.press("i")  # the note, in full, in the detail view
        assert "At a press conference in Washington on Monday" in screen_text(app)


async def test_stepping_through_matches_of_every_kind_in_reading_order() -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = reader(app)
        await pilot.press("slash", *"mayor", "enter")
        await searched(pilot)
        search = screen.search
        assert search is not None
        fields = {m.field for m in search.matches}
        assert {"summary", "paragraph", "role"} <= fields
        sections = [m.section for m in search.matches]
        assert sections == sorted(sections)
        for index in range(1, len(search.matches)):
            await pilot.press("n")
            assert screen.search is not None and screen.search.current == index
            match = screen.search.matches[index]
            assert screen.section == match.section
            assert f"{index + 1} of {len(search.matches)}" in screen_text(app)


async def test_the_readers_own_notes_are_searched_and_lead_to_their_entry() -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = reader(app)
        await pilot.press("slash", *"zebra crossing", "enter")
        await searched(pilot)
        assert screen.search is not None and screen.search.matches == ()  # not yet written
        await pilot.press("escape", "escape", "f", "f")
        figure = screen.figure
        assert figure is not None and screen.position.selected == "figure"
        await pilot.press("a", *"check the Zebra  crossing count", "enter")
        await pilot.press("g", "1", "n")  # somewhere else: the quote is selected now
        assert screen.position.selected == "quote"
        await pilot.press("slash", *"zebra crossing", "enter")
        await searched(pilot)
        assert screen.search is not None
        assert [m.field for m in screen.search.matches] == ["your_figure_note"]
        assert screen.figure is figure and screen.position.selected == "figure"
        assert "in your note on a figure" in screen_text(app)


async def test_letters_typed_with_the_slash_in_one_read_are_the_search() -> None:
    """A terminal hands over `/moral` typed fast in one read: the letters
    arrive before the search field has the focus, and must not go to the
    pane that had it (where `l` would change the section)."""
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = reader(app)
        await pilot.pause()
        typed_in_one_read(app, "/moral")
        await searched(pilot)
        assert screen.section == 0  # `l` did not go to the next section
        assert screen.search is not None and screen.search.query == "moral"
        assert screen.search_bar is not None
        assert screen.search_bar.query_one(Input).value == "moral"
        await pilot.press("slash", *"or")  # in the field, `/` is text
        assert screen.search_bar.query_one(Input).value == "moral/or"
