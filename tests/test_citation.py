"""A quote or figure as `y` copies it: the words, who said or claims them,
where and when they were published."""

from __future__ import annotations

from collections.abc import Callable

from briefing.citation import citation, dateline
from briefing.loader import parse_briefing
from briefing.model import Briefing

ENTRIES = """
[[quotes]]
text = "We are not trading people, land or sovereignty"
speaker = "kuleba"

[[quotes]]
text = "160,000 people were still trapped"
speaker = "a local official"

[[figures]]
text = "160,000"
label = "people still trapped in Mariupol"
claimed_by = "boichenko"
status = "unverified"

[[figures]]
text = "26 buses"
label = "buses waiting to evacuate civilians"

[[figures]]
text = "41 sites"
label = "sites hit"
claimed_by = "Russia's defence ministry"
"""
MASTHEAD = """source = "Reuters"
published = 2022-03-28
url = "https://example.org/talks"
"""


def load(briefing_text: Callable[..., str], masthead: str = MASTHEAD) -> Briefing:
    return parse_briefing(briefing_text(ENTRIES, masthead=masthead), source="x.toml")


def test_a_quote_names_speaker_role_source_date_and_link(
        briefing_text: Callable[..., str]) -> None:
    briefing = load(briefing_text)
    assert citation(briefing, briefing.quotes[0]) == (
        "“We are not trading people, land or sovereignty” — Dmytro Kuleba, "
        "Ukraine's foreign minister (Reuters, 28 March 2022, https://example.org/talks)")
    # A speaker who is not in [[people]] has a name and no role.
    assert citation(briefing, briefing.quotes[1]).startswith(
        "“160,000 people were still trapped” — a local official (Reuters,")


def test_a_figure_names_its_label_claimant_and_a_status_other_than_reported(
        briefing_text: Callable[..., str]) -> None:
    briefing = load(briefing_text)
    where = " (Reuters, 28 March 2022, https://example.org/talks)"
    assert citation(briefing, briefing.figures[0]) == (
        "160,000 — people still trapped in Mariupol; claimed by Vadym Boichenko, "
        "Mariupol mayor; unverified" + where)
    assert citation(briefing, briefing.figures[1]) == (
        "26 buses — buses waiting to evacuate civilians" + where)
    assert citation(briefing, briefing.figures[2]) == (
        "41 sites — sites hit; claimed by Russia's defence ministry" + where)


def test_without_source_or_link_the_title_says_where_it_is_from(
        briefing_text: Callable[..., str]) -> None:
    bare = load(briefing_text, masthead="")
    assert citation(bare, bare.figures[1]) == (
        "26 buses — buses waiting to evacuate civilians (“Talks in Istanbul”)")
    dated = load(briefing_text, masthead="published = 2022-03-28T09:30:00Z")
    assert citation(dated, dated.figures[1]).endswith("(“Talks in Istanbul”, 28 March 2022)")
    linked = load(briefing_text, masthead='url = "https://example.org/x"')
    assert citation(linked, linked.figures[1]).endswith("(https://example.org/x)")
    assert dateline(dated.masthead) == "28 March 2022"
    assert dateline(load(briefing_text).masthead) == "Reuters · 28 March 2022"


def test_a_quote_over_two_lines_is_copied_as_one(briefing_text: Callable[..., str]) -> None:
    text = briefing_text('''
[[sections]]
id = "lines"
title = "Lines"
paragraphs = ["He said: \\u201cone line\\nand another\\u201d."]

[[quotes]]
text = "one line\\nand another"
speaker = "someone"
''')
    briefing = parse_briefing(text, source="x.toml")
    assert citation(briefing, briefing.quotes[0]) == (
        "“one line and another” — someone (“Talks in Istanbul”)")
