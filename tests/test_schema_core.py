"""Opening a file judges it with `briefing.schema_core`, a core schema
generated from `briefing.schema`: it must be that schema's, and accept and
refuse exactly what pydantic does."""

from __future__ import annotations

import copy
import math
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

import pytest
from hypothesis import event, given, settings
from hypothesis import strategies as st
from pydantic import ValidationError
from pydantic_core import SchemaValidator

from briefing import schema, schema_core
from briefing.errors import BriefingError
from briefing.loader import load_briefing, parse_toml
from test_properties import SEEDS, mutated_briefings

CORE = SchemaValidator(schema_core.CORE_SCHEMA)


def pydantic_accepts(document: Any) -> bool:
    try:
        schema.BRIEFING.validate_python(document)
    except ValidationError:
        return False
    return True


def test_the_generated_schema_is_the_schemas() -> None:
    written = Path(schema_core.__file__).read_text(encoding="utf-8")
    assert written == schema.core_schema_source(), (
        "briefing/schema.py changed: run `python -m briefing.schema` to write schema_core.py")


def test_the_seeds_pass_both() -> None:
    for text in SEEDS:
        document = parse_toml(text, source="seed")
        assert CORE.isinstance_python(document) and pydantic_accepts(document)


ODD_VALUES: list[Any] = [
    "", "x", "x" * 2001, "x" * 20001, "Not A Slug", "ok-slug", 0, 1, -1, 2001, 1.5,
    math.nan, math.inf, True, False, [], ["a"], [1], {}, {"text": "x"}, {"extra": 1},
    date(2022, 3, 28), datetime(2022, 3, 28, 7, 0), time(7, 0), "reported", "guessed",
]


def _places(node: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every key and list item under a document, as a path."""
    places = [path] if path else []
    children = node.items() if isinstance(node, dict) else enumerate(node) \
        if isinstance(node, list) else ()
    for key, value in children:
        places += _places(value, (*path, key))
    return places


def odd(draw: st.DrawFn) -> Any:
    return copy.deepcopy(draw(st.sampled_from(ODD_VALUES)))  # never one list in two places


@st.composite
def changed_documents(draw: st.DrawFn) -> dict[str, Any]:
    """A seed's document with values replaced, removed or added anywhere."""
    document = parse_toml(draw(st.sampled_from(SEEDS)), source="seed")
    for _ in range(draw(st.integers(1, 3))):
        path = draw(st.sampled_from(_places(document)))
        *parents, last = path
        holder = document
        for key in parents:
            holder = holder[key]
        change = draw(st.sampled_from(["replace", "remove", "add"]))
        if change == "remove":
            del holder[last]
        elif change == "add" and isinstance(holder, dict):
            holder[draw(st.sampled_from(["extra", "note", "role", "unit", "value"]))] = odd(draw)
        else:
            holder[last] = odd(draw)
    return document


@settings(max_examples=500, deadline=None)
@given(changed_documents())
def test_the_core_schema_judges_changed_documents_as_pydantic_does(document: Any) -> None:
    verdict = pydantic_accepts(document)
    event(f"valid: {verdict}")
    assert CORE.isinstance_python(document) == verdict


@settings(max_examples=300, deadline=None)
@given(mutated_briefings())
def test_the_core_schema_judges_mutated_files_as_pydantic_does(text: str) -> None:
    try:
        document = parse_toml(text, source="mutated")
    except BriefingError:
        event("not TOML")
        return
    verdict = pydantic_accepts(document)
    event(f"valid: {verdict}")
    assert CORE.isinstance_python(document) == verdict


@pytest.mark.parametrize(("line", "said"), [
    ('value = "12"', "quotes[0]"),  # placed under the first quote by the test below
    ("stray = 1", "unknown key"),
])
def test_a_refusal_still_says_what_pydantic_says(tmp_path: Path, line: str, said: str) -> None:
    """The core schema only says yes or no: a refused file is judged again in
    full, so its message names the place as before."""
    text = SEEDS[0].replace("[[quotes]]\n", f"[[quotes]]\n{line}\n", 1)
    assert "[[quotes]]" in SEEDS[0]
    path = tmp_path / "b.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(BriefingError) as refused:
        load_briefing(path, remember=True)
    assert said in str(refused.value)
