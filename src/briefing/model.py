"""The briefing file, format 1, as pydantic models (see FORMAT.md).

Validation is strict: unknown keys, wrong types, numbers given as strings or
booleans, NaN and infinity, non-slug ids and over-long values are errors.
`resolve()` then checks what a schema cannot (unique ids, cross-references)
and anchors every quote and figure in the text. No I/O happens here.
"""

from __future__ import annotations

import bisect
import math
from dataclasses import dataclass
from datetime import date, datetime
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    PlainValidator,
    PrivateAttr,
    StringConstraints,
    WithJsonSchema,
)
from pydantic_core import PydanticCustomError

from briefing.errors import Problem
from briefing.text import shorten

FORMAT_VERSION = 1

# Resource limits. They keep the largest valid file well inside the reader's
# performance budget (benchmarks/) and bound memory on hostile input.
MAX_FILE_BYTES = 16 * 1024 * 1024
MAX_SECTIONS = 1_000
MAX_PARAGRAPHS_PER_SECTION = 2_000
MAX_PARAGRAPHS = 20_000
MAX_QUOTES = 20_000
MAX_FIGURES = 20_000
MAX_PEOPLE = 5_000
MAX_TAGS = 50
MAX_ID = 64
MAX_NAME = 200
MAX_TITLE = 500
MAX_LINE = 2_000
MAX_PARAGRAPH = 20_000

SLUG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"

Slug = Annotated[str, StringConstraints(min_length=1, max_length=MAX_ID, pattern=SLUG_PATTERN)]
Name = Annotated[str, StringConstraints(min_length=1, max_length=MAX_NAME)]
Title = Annotated[str, StringConstraints(min_length=1, max_length=MAX_TITLE)]
Line = Annotated[str, StringConstraints(max_length=MAX_LINE)]
Paragraph = Annotated[str, StringConstraints(min_length=1, max_length=MAX_PARAGRAPH)]
Excerpt = Annotated[str, StringConstraints(min_length=1, max_length=MAX_PARAGRAPH)]
Status = Literal["reported", "unverified", "disputed", "confirmed"]
STATUSES: tuple[str, ...] = ("reported", "unverified", "disputed", "confirmed")


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


class _Entry(BaseModel):
    model_config = ConfigDict(strict=True, frozen=True, extra="forbid")


@dataclass(frozen=True, slots=True)
class Anchor:
    """Where an entry's words are in the text: section and paragraph indexes
    (0-based) and the character span within that paragraph."""

    section: int
    paragraph: int
    start: int
    end: int

    @property
    def order(self) -> tuple[int, int, int, int]:
        return (self.section, self.paragraph, self.start, self.end)


class Masthead(_Entry):
    """The `[briefing]` table: what the briefing is and where it came from."""

    title: Title
    standfirst: Line | None = None
    source: Name | None = None
    published: Published | None = None
    url: Line | None = None
    tags: Annotated[list[Annotated[str, StringConstraints(min_length=1, max_length=MAX_ID)]],
                    Field(max_length=MAX_TAGS)] = []


class Person(_Entry):
    """Someone who speaks or is cited."""

    id: Slug
    name: Name
    role: Line | None = None


class Section(_Entry):
    """A themed part of the article, in reading order."""

    id: Slug
    title: Title
    summary: Line | None = None
    paragraphs: Annotated[list[Paragraph], Field(min_length=1,
                                                 max_length=MAX_PARAGRAPHS_PER_SECTION)]


class _Pointer(_Entry):
    """What quotes and figures share: words that are anchored in the text."""

    text: Excerpt
    section: Slug | None = None
    paragraph: Annotated[int, Field(ge=1, le=MAX_PARAGRAPHS_PER_SECTION)] | None = None

    _anchor: Anchor | None = PrivateAttr(default=None)
    _index: int = PrivateAttr(default=0)

    # Private attributes are read straight from pydantic's private dict: its
    # __getattr__ fallback costs microseconds, and the reader asks per key press.

    @property
    def anchor(self) -> Anchor:
        """The resolved anchor; always set on a loaded briefing."""
        anchor = self.__pydantic_private__["_anchor"]  # type: ignore[index]
        assert anchor is not None, "entry was not resolved"
        return anchor  # type: ignore[no-any-return]

    @property
    def index(self) -> int:
        """Position in the file's own list (for entry paths such as quotes[3])."""
        return self.__pydantic_private__["_index"]  # type: ignore[index,no-any-return]


class Quote(_Pointer):
    """Who said what."""

    speaker: Name
    note: Line | None = None

    _person: Person | None = PrivateAttr(default=None)

    @property
    def person(self) -> Person | None:
        """The person the speaker names, when `speaker` is a people id."""
        return self.__pydantic_private__["_person"]  # type: ignore[index,no-any-return]

    @property
    def speaker_name(self) -> str:
        person = self.person
        return person.name if person else self.speaker

    @property
    def speaker_role(self) -> str | None:
        person = self.person
        return person.role if person else None


class Figure(_Pointer):
    """A number in the text: what it counts, who claims it, how sure it is."""

    label: Title
    value: Number | None = None
    unit: Name | None = None
    claimed_by: Name | None = None
    status: Status = "reported"

    _claimant: Person | None = PrivateAttr(default=None)

    @property
    def claimant(self) -> Person | None:
        return self.__pydantic_private__["_claimant"]  # type: ignore[index,no-any-return]

    @property
    def claimant_name(self) -> str | None:
        claimant = self.claimant
        return claimant.name if claimant else self.claimed_by


class Briefing(_Entry):
    """A whole briefing file. Use `briefing.loader.load_briefing` to get one:
    it validates, then resolves anchors."""

    model_config = ConfigDict(
        strict=True, frozen=True, extra="forbid",
        json_schema_extra={"$schema": "https://json-schema.org/draft/2020-12/schema",
                           "title": "Briefing, format 1"},
    )

    format: Literal[1]
    briefing: Masthead
    people: Annotated[list[Person], Field(max_length=MAX_PEOPLE)] = []
    sections: Annotated[list[Section], Field(min_length=1, max_length=MAX_SECTIONS)]
    quotes: Annotated[list[Quote], Field(max_length=MAX_QUOTES)] = []
    figures: Annotated[list[Figure], Field(max_length=MAX_FIGURES)] = []

    _quotes_in_order: tuple[Quote, ...] = PrivateAttr(default=())
    _figures_in_order: tuple[Figure, ...] = PrivateAttr(default=())
    _people_by_id: dict[str, Person] = PrivateAttr(default_factory=dict)

    @property
    def title(self) -> str:
        return self.briefing.title

    @property
    def quotes_in_order(self) -> tuple[Quote, ...]:
        """Quotes in reading order of their anchors (how the reader moves)."""
        return self._quotes_in_order

    @property
    def figures_in_order(self) -> tuple[Figure, ...]:
        return self._figures_in_order

    def person(self, person_id: str) -> Person | None:
        return self._people_by_id.get(person_id)

    def section_index(self, section_id: str) -> int:
        for index, section in enumerate(self.sections):
            if section.id == section_id:
                return index
        raise KeyError(section_id)

    def quotes_by(self, person_id: str) -> list[Quote]:
        return [q for q in self._quotes_in_order if q.person and q.person.id == person_id]


def resolve(briefing: Briefing) -> list[Problem]:
    """Check what the schema cannot and anchor every quote and figure.

    Returns the problems found; an empty list means the briefing is ready
    to read. Anchors follow FORMAT.md: in the given section/paragraph when
    named, otherwise the first occurrence in reading order.
    """
    problems: list[Problem] = []
    total = sum(len(s.paragraphs) for s in briefing.sections)
    if total > MAX_PARAGRAPHS:
        problems.append(Problem("sections", f"{total:,} paragraphs in all; the limit is "
                                f"{MAX_PARAGRAPHS:,}"))
    people = _unique_ids(briefing.people, "people", problems)
    sections = _unique_ids(briefing.sections, "sections", problems)
    section_index = {sid: i for i, sid in enumerate(sections)}
    briefing._people_by_id = people

    # Private attributes are written straight into pydantic's private dict:
    # its __setattr__ costs more than the rest of anchoring an entry.
    text_index = _TextIndex(briefing)
    for kind, entries in (("quotes", briefing.quotes), ("figures", briefing.figures)):
        for index, entry in enumerate(entries):
            entry.__pydantic_private__["_index"] = index  # type: ignore[index]
            if text_index.exhausted:
                problems.append(Problem(f"{kind}[{index}].text", "finding the words of the "
                                        "entries without `section` and `paragraph` takes too "
                                        "long in a file this large: give them"))
                break
            problem = _anchor(briefing, entry, section_index, f"{kind}[{index}]", text_index)
            if problem:
                problems.append(problem)
    for quote in briefing.quotes:
        quote.__pydantic_private__["_person"] = people.get(quote.speaker)  # type: ignore[index]
    for figure in briefing.figures:
        figure.__pydantic_private__["_claimant"] = (  # type: ignore[index]
            people.get(figure.claimed_by) if figure.claimed_by else None)
    if not problems:
        briefing._quotes_in_order = tuple(sorted(briefing.quotes, key=_reading_order))
        briefing._figures_in_order = tuple(sorted(briefing.figures, key=_reading_order))
    return problems


def _reading_order(entry: _Pointer) -> tuple[int, int, int, int, int]:
    return (*entry.anchor.order, entry.index)


def _unique_ids(entries: list[Any], kind: str, problems: list[Problem]) -> dict[str, Any]:
    seen: dict[str, Any] = {}
    first: dict[str, int] = {}
    for index, entry in enumerate(entries):
        if entry.id in seen:
            problems.append(Problem(f"{kind}[{index}].id",
                                    f'duplicate id "{entry.id}" (first used at '
                                    f"{kind}[{first[entry.id]}].id)"))
        else:
            seen[entry.id] = entry
            first[entry.id] = index
    return seen


class _TextIndex:
    """Paragraphs joined into one string per section (and one for the whole
    briefing), so a search runs at C speed over one string instead of a
    Python loop over thousands of paragraphs.

    It also keeps count of the characters searched: a file that makes the
    search cost more than MAX_SCAN (thousands of entries without `section`
    whose words sit at the end of megabytes of text) is refused rather than
    keeping the reader busy for minutes.
    """

    SEPARATOR = "\x00"  # never in valid text: control characters are refused
    MAX_SCAN = 2_000_000_000

    def __init__(self, briefing: Briefing) -> None:
        self.sections = briefing.sections
        self.scanned = 0
        self._joined: dict[int | None, tuple[str, list[int], list[tuple[int, int]]]] = {}
        self._found: dict[tuple[int | None, str], Anchor | None] = {}

    def _get(self, section: int | None) -> tuple[str, list[int], list[tuple[int, int]]]:
        if section not in self._joined:
            pieces: list[str] = []
            starts: list[int] = []
            places: list[tuple[int, int]] = []
            offset = 0
            for s in range(len(self.sections)) if section is None else (section,):
                for p, text in enumerate(self.sections[s].paragraphs):
                    starts.append(offset)
                    places.append((s, p))
                    pieces.append(text)
                    offset += len(text) + 1
            self._joined[section] = (self.SEPARATOR.join(pieces), starts, places)
        return self._joined[section]

    def find(self, text: str, section: int | None) -> Anchor | None:
        """The first occurrence in reading order, in one section or in all."""
        key = (section, text)
        if key in self._found:
            return self._found[key]
        anchor: Anchor | None = None
        if self.SEPARATOR in text:  # only from data that skipped the loader's checks
            found = ((s, p, paragraph.find(text))
                     for s in (range(len(self.sections)) if section is None else (section,))
                     for p, paragraph in enumerate(self.sections[s].paragraphs))
            s, p, at = next(((s, p, at) for s, p, at in found if at >= 0), (0, 0, -1))
            if at >= 0:
                anchor = Anchor(s, p, at, at + len(text))
        else:
            joined, starts, places = self._get(section)
            at = joined.find(text)
            self.scanned += at if at >= 0 else len(joined)
            if at >= 0:
                i = bisect.bisect_right(starts, at) - 1
                s, p = places[i]
                anchor = Anchor(s, p, at - starts[i], at - starts[i] + len(text))
        self._found[key] = anchor
        return anchor

    @property
    def exhausted(self) -> bool:
        return self.scanned > self.MAX_SCAN


def _anchor(briefing: Briefing, entry: _Pointer, section_index: dict[str, int],
            path: str, index: _TextIndex) -> Problem | None:
    if not entry.text.strip():
        return Problem(f"{path}.text", "is blank: give the words to highlight")
    if entry.paragraph is not None and entry.section is None:
        return Problem(f"{path}.paragraph", "paragraph is given without section: "
                       "add the section it counts within")
    if entry.section is None:
        anchor = index.find(entry.text, None)
        where = "any paragraph"
    elif entry.section not in section_index:
        known = ", ".join(f'"{s}"' for s in list(section_index)[:10])
        return Problem(f"{path}.section", f'no section with id "{entry.section}" '
                       f"(sections: {known})")
    else:
        s = section_index[entry.section]
        paragraphs = briefing.sections[s].paragraphs
        if entry.paragraph is None:
            anchor = index.find(entry.text, s)
            where = f'section "{entry.section}"'
        elif entry.paragraph > len(paragraphs):
            count = len(paragraphs)
            return Problem(f"{path}.paragraph",
                           f'section "{entry.section}" has {count} '
                           f"paragraph{'s' if count != 1 else ''}, not {entry.paragraph}")
        else:
            p = entry.paragraph - 1
            at = paragraphs[p].find(entry.text)
            anchor = Anchor(s, p, at, at + len(entry.text)) if at >= 0 else None
            where = f'section "{entry.section}" paragraph {entry.paragraph}'
    if anchor is None:
        return Problem(f"{path}.text", f'"{shorten(entry.text)}" not found in {where}')
    entry.__pydantic_private__["_anchor"] = anchor  # type: ignore[index]
    return None
