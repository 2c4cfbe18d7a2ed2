"""The briefing file, format 1, as pydantic schemas (see FORMAT.md).

Validation is strict: unknown keys, wrong types, numbers given as strings or
booleans, NaN and infinity, non-slug ids and over-long values are errors.
These models only judge a parsed file and describe it (`briefing schema`);
`briefing.model.resolve()` then checks what a schema cannot and builds the
plain `Briefing` the rest of the program reads. No I/O happens here.
"""

from __future__ import annotations

import math
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
from pydantic_core import PydanticCustomError

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

Slug = Annotated[str, StringConstraints(min_length=1, max_length=MAX_ID, pattern=SLUG_PATTERN)]
Name = Annotated[str, StringConstraints(min_length=1, max_length=MAX_NAME)]
Title = Annotated[str, StringConstraints(min_length=1, max_length=MAX_TITLE)]
Line = Annotated[str, StringConstraints(max_length=MAX_LINE)]
Paragraph = Annotated[str, StringConstraints(min_length=1, max_length=MAX_PARAGRAPH)]
Excerpt = Annotated[str, StringConstraints(min_length=1, max_length=MAX_PARAGRAPH)]


def _number(value: Any) -> int | float:
    """A TOML integer or float; never a bool, a string, NaN or infinity."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise PydanticCustomError("number", "must be a number, not {kind}", {"kind": _kind(value)})
    if isinstance(value, float) and not math.isfinite(value):
        raise PydanticCustomError("finite_number", "must be a finite number, not {value}",
                                  {"value": str(value)})
    return value


def _published(value: Any) -> date:
    """A TOML date or date-time (a datetime is a date); never a bare time."""
    if not isinstance(value, date):
        raise PydanticCustomError("date", "must be a TOML date such as 2022-03-28, not {kind}",
                                  {"kind": _kind(value)})
    return value


def _kind(value: Any) -> str:
    names = {bool: "a boolean", str: "a string", int: "an integer", float: "a float",
             list: "an array", dict: "a table"}
    return names.get(type(value), "a " + type(value).__name__)


Number = Annotated[int | float, PlainValidator(_number), WithJsonSchema({"type": "number"})]
Published = Annotated[
    date | datetime,
    PlainValidator(_published),
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


class Figure(_Pointer):
    """A number in the text: what it counts, who claims it, how sure it is."""

    __pydantic_config__ = _TABLE  # type: ignore[misc]
    label: Title
    value: NotRequired[Number]
    unit: NotRequired[Name]
    claimed_by: NotRequired[Name]
    status: NotRequired[Status]


class Briefing(TypedDict):
    """A whole briefing file, as `briefing validate` judges it."""

    __pydantic_config__ = ConfigDict(  # type: ignore[misc]
        strict=True, extra="forbid", title="Briefing, format 1",
        json_schema_extra={"$schema": "https://json-schema.org/draft/2020-12/schema"},
    )
    format: Literal[1]
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
