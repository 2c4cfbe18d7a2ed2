"""Names across briefings: the same person however a briefing writes them,
and never two people as one."""

from __future__ import annotations

import pytest

from briefing.person_names import person_key, same_person


@pytest.mark.parametrize(("written", "key"), [
    ("Vladimir Putin", "vladimir putin"),
    ("Mr Putin", "putin"),
    ("President Vladimir Putin", "vladimir putin"),
    ("Foreign Minister Sergei Lavrov", "sergei lavrov"),
    ("Dr. Anthony Fauci", "anthony fauci"),
    ("Volodymyr Zelenskyy", "volodymyr zelenskyy"),
    ("José Ramos-Horta", "jose ramos-horta"),
    ("MARTIN LUTHER KING JR.", "martin luther king"),
    ("Ukraine’s foreign ministry", "ukraine's foreign ministry"),
    ("The President", "president"),
])
def test_a_name_is_read_without_titles_case_or_accents(written: str, key: str) -> None:
    assert person_key(written) == key


KNOWN = {"vladimir putin", "putin", "v putin", "boris johnson", "lyndon johnson", "johnson",
         "dmytro kuleba", "kuleba", "joe biden", "hunter biden", "j biden"}


def test_a_surname_alone_is_the_one_full_name_it_can_be() -> None:
    assert same_person("putin", KNOWN) == {"putin", "vladimir putin", "v putin"}
    assert same_person("vladimir putin", KNOWN) == {"vladimir putin", "putin", "v putin"}
    assert same_person("v putin", KNOWN) == {"v putin", "vladimir putin", "putin"}
    assert same_person("kuleba", KNOWN) == {"kuleba", "dmytro kuleba"}


def test_two_people_with_one_surname_are_never_merged() -> None:
    assert same_person("boris johnson", KNOWN) == {"boris johnson"}
    assert same_person("lyndon johnson", KNOWN) == {"lyndon johnson"}
    assert same_person("johnson", KNOWN) == {"johnson"}  # which one: neither
    assert same_person("joe biden", KNOWN) == {"joe biden", "j biden"}
    assert same_person("hunter biden", KNOWN) == {"hunter biden"}


def test_nobody_is_found_for_nothing() -> None:
    assert same_person("", KNOWN) == set()
    assert same_person("nobody here", KNOWN) == set()
