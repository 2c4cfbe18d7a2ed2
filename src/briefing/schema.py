"""The briefing file, formats 1 and 2, as pydantic schemas (see FORMAT.md).

Validation is strict: unknown keys, wrong types, numbers given as strings or
booleans, NaN and infinity, non-slug ids and over-long values are errors.
These models only judge a parsed file and describe it (`briefing schema`);
`briefing.model.resolve()` then checks what a schema cannot and builds the
plain `Briefing` the rest of the program reads. No I/O happens here.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Any, Literal, NotRequired

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    PlainValidator,
    StringConstraints,
    TypeAdapter,
    WithJsonSchema,
)

# pydantic reads TypedDicts from typing_extensions on Python 3.11.
from typing_extensions import TypedDict

from briefing.model import (
    MAX_FIGURES,
    MAX_ID,
    MAX_LINE,
    MAX_NAME,
    MAX_PARAGRAPH,
    MAX_PARAGRAPHS_PER_SECTION,
    MAX_PEOPLE,
    MAX_QUOTES,
    MAX_SECTIONS,
    MAX_TAGS,
    MAX_TITLE,
    SLUG_PATTERN,
    Status,
)
from briefing.scalars import number, published

Slug = Annotated[str, StringConstraints(min_length=1, max_length=MAX_ID, pattern=SLUG_PATTERN)]
Name = Annotated[str, StringConstraints(min_length=1, max_length=MAX_NAME)]
Title = Annotated[str, StringConstraints(min_length=1, max_length=MAX_TITLE)]
Line = Annotated[str, StringConstraints(max_length=MAX_LINE)]
Paragraph = Annotated[str, StringConstraints(min_length=1, max_length=MAX_PARAGRAPH)]
Excerpt = Annotated[str, StringConstraints(min_length=1, max_length=MAX_PARAGRAPH)]


Number = Annotated[int | float, PlainValidator(number), WithJsonSchema({"type": "number"})]
Published = Annotated[
    date | datetime,
    PlainValidator(published),
    WithJsonSchema({"anyOf": [{"type": "string", "format": "date"},
                              {"type": "string", "format": "date-time"}]}),
]


# The briefing's tables are TypedDicts, not models: validating 20,000 entries
# then builds no model instance (the reader reads `briefing.model`, built by
# `resolve()`), which halves validation, and the schema builds in 20 ms
# instead of 55 (measured on the benchmark's 10,000-quote briefing).
_TABLE = ConfigDict(strict=True, extra="forbid")


class Masthead(TypedDict):
    """The `[briefing]` table: what the briefing is and where it came from."""

    __pydantic_config__ = _TABLE  # type: ignore[misc]
    title: Title
    standfirst: NotRequired[Line]
    source: NotRequired[Name]
    published: NotRequired[Published]
    url: NotRequired[Line]
    tags: NotRequired[Annotated[list[Annotated[str, StringConstraints(min_length=1,
                                                                      max_length=MAX_ID)]],
                                Field(max_length=MAX_TAGS)]]
    draft: NotRequired[bool]  # format 2


class Person(TypedDict):
    """Someone who speaks or is cited."""

    __pydantic_config__ = _TABLE  # type: ignore[misc]
    id: Slug
    name: Name
    role: NotRequired[Line]


class Section(TypedDict):
    """A themed part of the article, in reading order."""

    __pydantic_config__ = _TABLE  # type: ignore[misc]
    id: Slug
    title: Title
    summary: NotRequired[Line]
    paragraphs: Annotated[list[Paragraph], Field(min_length=1,
                                                 max_length=MAX_PARAGRAPHS_PER_SECTION)]


class _Pointer(TypedDict):
    """What quotes and figures share: words that are anchored in the text."""

    __pydantic_config__ = _TABLE  # type: ignore[misc]
    text: Excerpt
    section: NotRequired[Slug]
    paragraph: NotRequired[Annotated[int, Field(ge=1, le=MAX_PARAGRAPHS_PER_SECTION)]]


class Quote(_Pointer):
    """Who said what."""

    __pydantic_config__ = _TABLE  # type: ignore[misc]
    speaker: Name
    note: NotRequired[Line]
    speaker_inferred: NotRequired[bool]  # format 2


class Figure(_Pointer):
    """A number in the text: what it counts, who claims it, how sure it is."""

    __pydantic_config__ = _TABLE  # type: ignore[misc]
    label: Title
    value: NotRequired[Number]
    unit: NotRequired[Name]
    claimed_by: NotRequired[Name]
    status: NotRequired[Status]
    label_inferred: NotRequired[bool]  # format 2


class Briefing(TypedDict):
    """A whole briefing file, as `briefing validate` judges it."""

    __pydantic_config__ = ConfigDict(  # type: ignore[misc]
        strict=True, extra="forbid", title="Briefing, format 2 (or 1)",
        json_schema_extra={"$schema": "https://json-schema.org/draft/2020-12/schema"},
    )
    format: Literal[1, 2]
    briefing: Masthead
    people: NotRequired[Annotated[list[Person], Field(max_length=MAX_PEOPLE)]]
    sections: Annotated[list[Section], Field(min_length=1, max_length=MAX_SECTIONS)]
    quotes: NotRequired[Annotated[list[Quote], Field(max_length=MAX_QUOTES)]]
    figures: NotRequired[Annotated[list[Figure], Field(max_length=MAX_FIGURES)]]


BRIEFING = TypeAdapter(Briefing)
"""Validates a parsed briefing file; `briefing schema` prints its JSON Schema."""


def fields(table: type[Any]) -> list[str]:
    """A table's keys, in the order FORMAT.md gives them."""
    if isinstance(table, type) and issubclass(table, BaseModel):
        return list(table.model_fields)
    return list(table.__annotations__)


# --- the validator that opening a file uses -----------------------------------

# What only describes the schema or serialises values: validation never reads it.
_DESCRIBING = frozenset({"cls", "computed_fields", "json_schema_input_schema", "metadata",
                         "serialization"})
_FUNCTIONS = {number: "number", published: "published"}


class _Name:
    """Prints as a name in generated source (`pprint` prints an object's repr)."""

    def __init__(self, name: str) -> None:
        self.name = name

    def __repr__(self) -> str:
        return self.name


def _for_validation(node: Any) -> Any:
    if isinstance(node, dict):
        kept = {k: _for_validation(v) for k, v in node.items() if k not in _DESCRIBING}
        if isinstance(kept.get("ref"), str):  # "briefing.schema.Quote:<id()>": the same every run
            kept["ref"] = kept["ref"].partition(":")[0]
        return kept
    if isinstance(node, list):
        return [_for_validation(v) for v in node]
    if callable(node):
        return _Name(_FUNCTIONS[node])  # a KeyError: a new validator needs a name here
    return node


def _source(node: Any, level: int = 0) -> str:
    """A literal as Python source, one item a line where it does not fit on one."""
    flat = repr(node)
    if len(flat) + 4 * level <= 80 or not isinstance(node, dict | list | tuple):
        return flat
    inner = "    " * (level + 1)
    if isinstance(node, dict):
        items = [f"{k!r}: {_source(v, level + 1)}" for k, v in node.items()]
        opening, closing = "{", "}"
    else:
        items = [_source(v, level + 1) for v in node]
        opening, closing = ("[", "]") if isinstance(node, list) else ("(", ")")
    body = "".join(f"{inner}{item},\n" for item in items)
    return f"{opening}\n{body}{'    ' * level}{closing}"


def core_schema_source() -> str:
    """`briefing/schema_core.py`: this schema as pydantic-core's validator
    reads it, as Python source (a test checks the file is current)."""
    keys = {name: tuple(fields(table)) for name, table in (
        ("briefing", Masthead), ("people", Person), ("sections", Section),
        ("quotes", Quote), ("figures", Figure), ("", Briefing))}
    table_keys = _source(keys)
    core = _source(_for_validation(BRIEFING.core_schema))
    return (
        '"""Generated by `python -m briefing.schema` from briefing/schema.py: do not edit.\n\n'
        "Opening a briefing validates it with this core schema, which needs only\n"
        "pydantic-core; importing pydantic and building the schema from the\n"
        "TypedDicts would cost about 100 ms more on every first open. A file it\n"
        "refuses is judged again by `briefing.schema`, which says what is wrong.\n"
        '"""\n\n'
        "from typing import Any\n\n"
        "from briefing.scalars import number, published\n\n"
        "# Each table's keys (the top level's under \"\").\n"
        f"TABLE_KEYS: dict[str, tuple[str, ...]] = {table_keys}\n\n"
        f"CORE_SCHEMA: Any = {core}\n"
    )


if __name__ == "__main__":
    from pathlib import Path

    from briefing import schema  # the module itself, not this run of it as __main__

    Path(schema.__file__).with_name("schema_core.py").write_text(schema.core_schema_source(),
                                                                 encoding="utf-8")
