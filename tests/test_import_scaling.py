"""`briefing import` takes time linear in the article's size (issue 19, item 4).

Each shape below once made the importer go over the same text again and
again: a regular expression that backtracked (a heading with 3,000 spaces
took two minutes), a search for a closing mark from every opening one
(64 KB of unclosed `**a ` took half a minute), or a rule that read back from
every verb to the start of its sentence, or through every person met so
far. Each shape is imported at two sizes, the second four times the first:
it must take about four times as long, not sixteen. The bound is on the
ratio of the two times, never on either, and each time is processor time,
the best of up to three runs with the garbage collector off, so a busy
machine does not fail it.

The inline Markdown rules were rewritten as one pass each; they must still
say what the regular expressions said (the golden files and the corpus
scores check whole articles).
"""

from __future__ import annotations

import contextlib
import gc
import re
import time
from collections.abc import Callable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefing.errors import BriefingError
from briefing.ingest import draft_from_text
from briefing.ingest.article import parse_article
from briefing.ingest.inline import markdown_words
from guards import no_hang
from ratios import best_times

KB = 1024
MAX_RATIO = 8.0  # for four times the text, linear is 4 and quadratic 16
ATTEMPTS = 3
# Not the test's criterion: a safety net so that a regression fails here
# instead of hanging the suite (the old heading rule needed hours at 16 KB).
HANG_SECONDS = 120


def repeat(unit: str, size: int, head: str = "# A headline\n\n") -> str:
    return head + unit * max(1, (size - len(head)) // len(unit))


def names(count: int) -> list[str]:
    """Distinct capitalised words: Qaaa, Qbaa, Qcaa, ..."""
    letters = "abcdefghijklmnopqrstuvwxyz"
    return ["Q" + "".join(letters[n // 26 ** k % 26] for k in range(3)) for n in range(count)]


PLAIN = "A headline\n\n"
# Shapes that Markdown, headings or the article's people make costly, at
# 16 KB and 64 KB.
ARTICLE_SHAPES: dict[str, Callable[[int], str]] = {
    # The shapes issue 19 lists.
    "heading-with-spaces": lambda n: "# A headline\n\n# a" + " " * n + "b\n\nThe story.",
    "unclosed-strong": lambda n: repeat("**a ", n),
    "unclosed-brackets": lambda n: repeat("[", n),
    "unclosed-emphasis": lambda n: repeat("_a ", n),
    "unclosed-autolinks": lambda n: repeat("<http:x", n),
    "unclosed-images": lambda n: repeat("![a](", n),
    "image-openers": lambda n: repeat("![", n),
    "unclosed-links": lambda n: repeat("[a](b(", n),
    "unclosed-html": lambda n: repeat("<a ", n),
    # Found by reading the rules.
    "many-speakers": lambda n: PLAIN + "".join(f"{w} said. " for w in names(n // 10)),
    "namesakes": lambda n: PLAIN + "".join(f"{w} Smith said. " for w in names(n // 16)),
    # Themes: hundreds of crossheads; paragraphs all alike (no dip to find).
    "many-crossheads": lambda n: repeat("## Head\n\nAa bb cc dd. Ee ff.\n\nHh ii jj kk.\n\n", n),
    "alike-paragraphs": lambda n: repeat("Aa bb cc dd ee ff gg hh.\n\n", n),
}
# Shapes that cost inside one paragraph. A paragraph holds at most 20,000
# characters (a longer one is cut at sentence ends), so beyond that the work
# per paragraph is bounded and 16 KB against 64 KB would hide a quadratic
# rule (4.75x): these go from 4 KB to 16 KB, within one paragraph.
PARAGRAPH_SHAPES: dict[str, Callable[[int], str]] = {
    # The shapes issue 19 lists.
    "single-quotes": lambda n: repeat("'a ", n, PLAIN),
    "curly-single-quotes": lambda n: repeat("‘a ", n, PLAIN),
    "capitalised-words": lambda n: repeat("Aa ", n, PLAIN),
    "hyphenated-capitals": lambda n: repeat("A-", n, PLAIN),
    # Found by reading the rules.
    "verbs-in-one-sentence": lambda n: repeat("x said ", n, PLAIN),
    "quoted-as-saying": lambda n: repeat("a was quoted x as saying ", n, PLAIN),
    "figures-and-verbs": lambda n: repeat("5 x said ", n, PLAIN),
    "participles-after-commas": lambda n: repeat("aa, saying ", n, PLAIN),
    "appositive-chains": lambda n: repeat("Aa Bb, a fellow at Cc, Dd, said ", n, PLAIN),
    "hyphenated-numbers": lambda n: repeat("a-1 ", n, PLAIN),
    "joined-verbs": lambda n: repeat("a poster went on to call it and wrote ", n, PLAIN),
    "passive-by": lambda n: repeat("was described as “a” by Aa ", n, PLAIN),
    "said-after-commas": lambda n: repeat("in a plant, said Aa Bb, ", n, PLAIN),
    "statements-read": lambda n: repeat("a statement from Aa Bb that read ", n, PLAIN),
    "moves-and-ages": lambda n: repeat("Aa Bb, 51, rose 5% in 2010 ", n, PLAIN),
    "dash-then-spaces": lambda n: PLAIN + '"a" - a' + " " * n + "x",
    # Names the sentence is about, each before a quotation with no verb.
    "named-then-quoted": lambda n: repeat("Ann Lee, a doctor, wept. “a.” ", n, PLAIN),
    "verbs-after-quotations": lambda n: repeat("“a,” Ann Lee simpered. ", n, PLAIN),
}
SHAPES = {**ARTICLE_SHAPES, **PARAGRAPH_SHAPES}


def import_seconds(text: str) -> float:
    """Processor time, not time on the clock: what other programs on a busy
    machine take does not count."""
    gc.collect()
    gc.disable()
    try:
        with no_hang(HANG_SECONDS, "one import (it is not linear)"):
            start = time.process_time()
            with contextlib.suppress(BriefingError):
                draft_from_text(text, source="shape.md")
            return time.process_time() - start
    finally:
        gc.enable()


@pytest.mark.parametrize(("shape", "sizes"), [
    *((shape, (16 * KB, 64 * KB)) for shape in ARTICLE_SHAPES),
    *((shape, (4 * KB, 16 * KB)) for shape in PARAGRAPH_SHAPES),
])
async def test_import_time_grows_linearly_with_the_article(shape, sizes):
    small, large = (SHAPES[shape](size) for size in sizes)
    assert 3.5 < len(large) / len(small) < 4.5
    best_small, best_large = await best_times(import_seconds, small, large,
                                              attempts=ATTEMPTS, enough=MAX_RATIO)
    ratio = best_large / best_small
    assert ratio < MAX_RATIO, (f"{shape}: 4x the text took {ratio:.1f}x the time "
                               f"({best_small * 1000:.0f} ms, then {best_large * 1000:.0f} ms)")


def test_the_shapes_still_import_to_a_draft():
    """The shapes are hostile, not broken: each still gives a valid draft."""
    for shape, make in SHAPES.items():
        draft = draft_from_text(make(2048), source=f"{shape}.md")
        assert draft.briefing.title, shape


# --- the one-pass inline rules say what the regular expressions said --------------

# The importer's rules before issue 19, applied in the same order.
_REFERENCE = [
    (re.compile(r"!\[([^\]]*)\]\([^)]*\)"), ""),
    (re.compile(r"\[([^\]]+)\]\((?:[^()]|\([^)]*\))*\)"), r"\1"),
    (re.compile(r"\[([^\]]+)\]\[[^\]]*\]"), r"\1"),
    (re.compile(r"<((?:https?|mailto):[^>\s]+)>"), r"\1"),
    (re.compile(r"</?(?:em|strong|b|i|u|br|span|p|a|sup|sub|small)\b[^>]*>", re.I), ""),
    (re.compile(r"`([^`]+)`"), r"\1"),
    (re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1"), r"\2"),
    (re.compile(r"(?<![\w*])([*_])(?=\S)(.+?)(?<=\S)\1(?![\w*])"), r"\2"),
    (re.compile(r"\\([\\`*_{}\[\]()#+\-.!>\"'])"), r"\1"),
    (re.compile(r"[ \t]{2,}"), " "),
]


def reference_words(text: str) -> str:
    for pattern, replacement in _REFERENCE:
        text = pattern.sub(replacement, text)
    return text


MARKDOWN_PIECES = ["a", "B", " ", "\t", "\n", "*", "**", "_", "__", "[", "]", "(", ")", "![",
                   "](", "][", "<", ">", "`", "\\", "http:", "https:", "mailto:", "em", "/",
                   "span", "1", "é", "ſ", "\u00a0", ".", "'"]


@settings(max_examples=1000, deadline=None)
@given(st.lists(st.sampled_from(MARKDOWN_PIECES), max_size=40).map("".join))
def test_inline_markdown_reads_as_the_regular_expressions_did(text):
    assert markdown_words(text) == reference_words(text)


@pytest.mark.parametrize("text, words", [
    ("See [the report](https://example.org/a_(b)) and ![chart](c.png) **now**.",
     "See the report and now."),
    ("<em>Very</em> _good_, said the `CEO` of <https://x.org>.",
     "Very good, said the CEO of https://x.org."),
    ("An unclosed **a and [b and <http:c stay as they are",
     "An unclosed **a and [b and <http:c stay as they are"),
    ("snake_case_name and 2*3*4 are not emphasis", "snake_case_name and 2*3*4 are not emphasis"),
])
def test_inline_markdown_keeps_the_words(text, words):
    assert markdown_words(text) == words


@pytest.mark.parametrize("heading, title", [
    ("# Markets rally", "Markets rally"),
    ("##   Markets rally   ##   ", "Markets rally"),
    ("   ### Markets # rally #", "Markets # rally"),
    ("# " + " " * 3000 + "Markets", "Markets"),
])
def test_an_atx_heading_gives_its_words_as_the_title(heading, title):
    article = parse_article(f"{heading}\n\nThe story goes on.", source="a.md")
    assert article.title == title


def test_a_line_of_four_hashes_and_spaces_is_not_a_heading():
    article = parse_article("Title\n\n    # not a heading\n\nBody.", source="a.md")
    assert article.title == "Title"
    assert not article.crossheads
