"""The palette's matching: what a reader types finds the commands they mean."""

from __future__ import annotations

from briefing.tui.palette_match import MAX_QUERY, palette_match


def test_the_letters_in_order_match_and_others_do_not() -> None:
    found = palette_match("nq", "Next quote")
    assert found is not None and found[1] == (0, 5)  # both at word starts
    assert palette_match("qn", "Next quote") is None  # out of order
    assert palette_match("xyz", "Next quote") is None


def test_the_words_as_typed_rank_above_scattered_letters() -> None:
    whole = palette_match("sect", "Go to section: Military")
    scattered = palette_match("gts", "Go to section: Military")
    assert whole is not None and scattered is not None
    assert whole[0] > scattered[0]
    assert whole[1] == (6, 7, 8, 9)


def test_case_spaces_and_letters_that_fold_to_two() -> None:
    assert palette_match("NEXT Q", "next quote") is not None
    found = palette_match("m", "Große Menge")
    assert found is not None and found[1] == (6,)  # ß keeps its one place


def test_any_query_against_any_title_is_one_pass() -> None:
    title = "Go to section: " + " ".join(["a"] * 250)
    found = palette_match("a" * 10_000, title)
    assert found is not None and len(found[1]) == MAX_QUERY  # the query is cut
    assert palette_match("a" * 300, "a a a") is None
