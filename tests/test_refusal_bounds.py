"""Refusing a file is bounded in time and memory (issue 19, item 7).

A 9.5 MB file of unknown keys took 26 s and 1.15 GB to refuse: pydantic
reported every one, with its value, and each message took a fuzzy match.
Now the first problems are kept (a screenful is shown) and the rest are
counted, and the message says how many more there were. (The time and
memory this saves are measured in the report of issue 19, not asserted.)
"""

from __future__ import annotations

import pytest

from briefing.cli import main
from briefing.errors import MAX_PROBLEMS_KEPT, MAX_PROBLEMS_SHOWN, BriefingError
from briefing.loader import parse_briefing

SOURCE = "briefs/hostile.toml"
HEAD = 'format = 1\n\n[briefing]\ntitle = "Hostile"\n'
SECTION = '\n[[sections]]\nid = "s"\ntitle = "S"\nparagraphs = ["Words."]\n'


def refusal(text: str) -> BriefingError:
    with pytest.raises(BriefingError) as caught:
        parse_briefing(text, source=SOURCE)
    return caught.value


def test_two_hundred_thousand_unknown_keys_give_a_screenful_and_a_count():
    count = 200_000
    error = refusal(HEAD + "".join(f"k{i} = {i}\n" for i in range(count)) + SECTION)
    lines = str(error).split("\n")
    assert len(lines) == MAX_PROBLEMS_SHOWN + 1
    assert lines[0] == (f'{SOURCE}: briefing.k0: unknown key "k0": allowed: title, '
                        "standfirst, source, published, url, tags, draft")
    assert lines[19].startswith(f'{SOURCE}: briefing.k19: unknown key "k19"')
    assert lines[-1] == f"... and {count - MAX_PROBLEMS_SHOWN:,} more"
    assert len(error.problems) == MAX_PROBLEMS_KEPT
    assert error.more == count - MAX_PROBLEMS_KEPT


def test_ten_thousand_quotes_with_bad_fields_give_a_screenful_and_a_count():
    bad_quote = ('\n[[quotes]]\ntext = 5\nspeaker = true\nsection = "Not A Slug"\n'
                 'paragraph = "one"\n')
    error = refusal(HEAD + SECTION + bad_quote * 10_000)
    lines = str(error).split("\n")
    assert len(lines) == MAX_PROBLEMS_SHOWN + 1
    assert lines[:4] == [
        f"{SOURCE}: quotes[0].text: must be a string, not an integer",
        f'{SOURCE}: quotes[0].section: "Not A Slug" is not a slug: use lowercase letters, '
        "digits and '-' (for example \"kyiv-mayor\")",
        f"{SOURCE}: quotes[0].paragraph: must be an integer, not a string",
        f"{SOURCE}: quotes[0].speaker: must be a string, not a boolean",
    ]
    assert lines[4].startswith(f"{SOURCE}: quotes[1].text: ")
    assert lines[-1] == f"... and {4 * 10_000 - MAX_PROBLEMS_SHOWN:,} more"
    assert len(error.problems) == MAX_PROBLEMS_KEPT


def test_a_hundred_thousand_paragraphs_that_are_not_text_give_a_screenful_and_a_count():
    sections = "".join(f'\n[[sections]]\nid = "s{i}"\ntitle = "S"\nparagraphs = ['
                       + ", ".join(["1"] * 2_000) + "]\n" for i in range(50))
    error = refusal(HEAD + sections)
    lines = str(error).split("\n")
    assert len(lines) == MAX_PROBLEMS_SHOWN + 1
    assert lines[0] == f"{SOURCE}: sections[0].paragraphs[0]: must be a string, not an integer"
    assert lines[19] == f"{SOURCE}: sections[0].paragraphs[19]: must be a string, not an integer"
    assert lines[-1] == f"... and {50 * 2_000 - MAX_PROBLEMS_SHOWN:,} more"


def test_a_few_unknown_keys_are_still_reported_with_every_other_problem():
    error = refusal(HEAD + "colour = 1\nsize = 2\n" + SECTION.replace('"Words."', "7"))
    assert [problem.where for problem in error.problems] == [
        "briefing.colour", "briefing.size", "sections[0].paragraphs[0]"]
    assert error.more == 0


def test_validate_on_the_command_line_shows_the_screenful(tmp_path, capsys):
    path = tmp_path / "hostile.toml"
    path.write_text(HEAD + "".join(f"k{i} = {i}\n" for i in range(50_000)) + SECTION,
                    encoding="utf-8")
    assert main(["validate", str(path)]) == 1
    lines = capsys.readouterr().err.strip().split("\n")
    assert len(lines) == MAX_PROBLEMS_SHOWN + 1
    assert lines[-1] == f"... and {50_000 - MAX_PROBLEMS_SHOWN:,} more"
