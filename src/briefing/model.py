"""A briefing as the reader, the digest and the state see it: plain,
immutable objects with every quote and figure anchored in the text.

The file format itself (FORMAT.md) is validated by `briefing.schema`, with
pydantic. This module never imports pydantic: a file whose contents were
judged valid before is read back as the briefing it made (`briefing.judged`),
so reopening it costs neither the pydantic import nor a validation pass.

`resolve()` turns a document that passed the schema into a `Briefing`,
checking what a schema cannot (unique ids, cross-references, limits across
tables) and anchoring every entry. No I/O happens here.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from operator import itemgetter
from types import MappingProxyType
from typing import Any, Literal, NamedTuple

from briefing.errors import Problem
from briefing.text import shorten

FORMAT_VERSION = 2  # the newest this reader writes and reads; format 1 files read as before
# Fields that format 2 added (all optional), by table: a format 1 file may not use them.
FORMAT_2_FIELDS = {"briefing": ("draft",), "quotes": ("speaker_inferred",),
                   "figures": ("label_inferred",)}

# Resource limits. The counts are the benchmark's largest briefing (10,000
# quotes, 10,000 figures and 10,000 paragraphs in 500 sections, 7.5 MB), on
# which the reader's performance budget is measured (benchmarks/); the size
# leaves room for longer paragraphs and people for a speaker per quote (see
# FORMAT.md). They also bound memory on hostile input.
MAX_FILE_BYTES = 12 * 1024 * 1024
MAX_SECTIONS = 500
MAX_PARAGRAPHS_PER_SECTION = 2_000
MAX_PARAGRAPHS = 10_000
MAX_QUOTES = 10_000
MAX_FIGURES = 10_000
MAX_PEOPLE = 10_000
MAX_TAGS = 50
MAX_ID = 64
MAX_NAME = 200
MAX_TITLE = 500
MAX_LINE = 2_000
MAX_PARAGRAPH = 20_000

SLUG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
Status = Literal["reported", "unverified", "disputed", "confirmed"]


# Every value here is a named tuple rather than a dataclass: a large briefing
# has tens of thousands of anchors, quotes and figures, built on every open,
# and a tuple is built at C speed (a frozen dataclass costs ~2 us an entry).
# They are immutable all the same.

class Anchor(NamedTuple):
    """Where an entry's words are in the text: section and paragraph indexes
    (0-based) and the character span within that paragraph."""

    section: int
    paragraph: int
    start: int
    end: int


class Masthead(NamedTuple):
    """The `[briefing]` table: what the briefing is and where it came from."""

    title: str
    standfirst: str | None = None
    source: str | None = None
    published: date | None = None
    url: str | None = None
    tags: tuple[str, ...] = ()
    draft: bool = False  # made by `briefing import` and not yet checked by a person


class Person(NamedTuple):
    """Someone who speaks or is cited."""

    id: str
    name: str
    role: str | None = None


class Section(NamedTuple):
    """A themed part of the article, in reading order."""

    id: str
    title: str
    paragraphs: tuple[str, ...]
    summary: str | None = None


class Quote(NamedTuple):
    """Who said what, and where the words are."""

    text: str
    speaker: str
    anchor: Anchor
    index: int  # position in the file's own list, for entry paths such as quotes[3]
    section: str | None = None
    paragraph: int | None = None
    note: str | None = None
    person: Person | None = None  # when `speaker` is a people id
    speaker_inferred: bool = False  # the speaker was worked out, not stated: check it

    @property
    def speaker_name(self) -> str:
        person = self.person
        return person.name if person else self.speaker

    @property
    def speaker_role(self) -> str | None:
        person = self.person
        return person.role if person else None


class Figure(NamedTuple):
    """A number in the text: what it counts, who claims it, how sure it is."""

    text: str
    label: str
    anchor: Anchor
    index: int
    section: str | None = None
    paragraph: int | None = None
    value: int | float | None = None
    unit: str | None = None
    claimed_by: str | None = None
    status: Status = "reported"
    claimant: Person | None = None  # when `claimed_by` is a people id
    label_inferred: bool = False  # the label was worked out, not written: check it

    @property
    def claimant_name(self) -> str | None:
        claimant = self.claimant
        return claimant.name if claimant else self.claimed_by


class Briefing(NamedTuple):
    """A whole, resolved briefing. `briefing.loader.load_briefing` gives one."""

    masthead: Masthead
    sections: tuple[Section, ...]
    people: tuple[Person, ...] = ()
    quotes: tuple[Quote, ...] = ()
    figures: tuple[Figure, ...] = ()
    # Reading order of the anchors: how the reader moves with n/p and f/F.
    quotes_in_order: tuple[Quote, ...] = ()
    figures_in_order: tuple[Figure, ...] = ()
    # Their anchors, in the same order: where things are, without the entries.
    quote_anchors: tuple[Anchor, ...] = ()
    figure_anchors: tuple[Anchor, ...] = ()
    people_by_id: Mapping[str, Person] = MappingProxyType({})

    def __repr__(self) -> str:
        return (f"Briefing(title={self.title!r}, {len(self.sections)} sections, "
                f"{len(self.quotes)} quotes, {len(self.figures)} figures)")

    @property
    def title(self) -> str:
        return self.masthead.title

    def person(self, person_id: str) -> Person | None:
        return self.people_by_id.get(person_id)

    def section_index(self, section_id: str) -> int:
        for index, section in enumerate(self.sections):
            if section.id == section_id:
                return index
        raise KeyError(section_id)


def assemble(masthead: Masthead, people: Sequence[Person], sections: Sequence[Section],
             quotes: Sequence[Quote], figures: Sequence[Figure]) -> Briefing:
    """A briefing from entries that are already anchored and linked."""
    quotes_in_order = tuple(sorted(quotes, key=_reading_order))
    figures_in_order = tuple(sorted(figures, key=_reading_order))
    return Briefing(
        masthead=masthead, people=tuple(people), sections=tuple(sections),
        quotes=tuple(quotes), figures=tuple(figures),
        quotes_in_order=quotes_in_order, figures_in_order=figures_in_order,
        quote_anchors=tuple(q.anchor for q in quotes_in_order),
        figure_anchors=tuple(f.anchor for f in figures_in_order),
        people_by_id={person.id: person for person in people},
    )


# Reading order: by anchor (section, paragraph, start, end), then file order.
_reading_order = itemgetter(2, 3)


def resolve(document: dict[str, Any]) -> tuple[Briefing | None, list[Problem]]:
    """Check what the schema cannot and anchor every quote and figure.

    `document` must have passed `briefing.schema` validation. Returns the
    briefing, or None and the problems found. Anchors follow FORMAT.md: in
    the given section/paragraph when named, otherwise the first occurrence
    in reading order.
    """
    problems: list[Problem] = []
    masthead = document["briefing"]
    sections = [Section(id=s["id"], title=s["title"], summary=s.get("summary"),
                        paragraphs=tuple(s["paragraphs"])) for s in document["sections"]]
    people = [Person(id=p["id"], name=p["name"], role=p.get("role"))
              for p in document.get("people", ())]
    total = sum(len(s.paragraphs) for s in sections)
    if total > MAX_PARAGRAPHS:
        problems.append(Problem("sections", f"{total:,} paragraphs in all; the limit is "
                                f"{MAX_PARAGRAPHS:,}"))
    people_by_id = _unique_ids(people, "people", problems)
    section_index = {sid: i for i, sid in enumerate(_unique_ids(sections, "sections", problems))}

    text_index = _TextIndex(sections)
    text_index.find_all(entry["text"] for kind in ("quotes", "figures")
                        for entry in document.get(kind, ()) if entry.get("section") is None)
    anchors: dict[str, list[Anchor]] = {"quotes": [], "figures": []}
    paragraphs_of = [section.paragraphs for section in sections]
    for kind in ("quotes", "figures"):
        found = anchors[kind]
        for index, entry in enumerate(document.get(kind, ())):
            # Most entries name their section and paragraph: one find, inline
            # (at 20,000 entries the general path below costs ~60 ms).
            text, paragraph = entry["text"], entry.get("paragraph")
            s = section_index.get(entry.get("section"))  # type: ignore[arg-type]
            if s is not None and paragraph is not None and text and not text.isspace():
                paragraphs = paragraphs_of[s]
                if 1 <= paragraph <= len(paragraphs):
                    at = paragraphs[paragraph - 1].find(text)
                    if at >= 0:
                        found.append(Anchor(s, paragraph - 1, at, at + len(text)))
                        continue
            if text_index.exhausted:
                problems.append(Problem(f"{kind}[{index}].text", "finding the words of the "
                                        "entries without `section` and `paragraph` takes too "
                                        "long in a file this large: give them"))
                break
            anchor = _anchor(sections, entry, section_index, f"{kind}[{index}]", text_index)
            if isinstance(anchor, Problem):
                problems.append(anchor)
            else:
                found.append(anchor)
    if problems:
        return None, problems

    # Positional arguments, in field order: keywords cost a third more here.
    quotes = [Quote(q["text"], q["speaker"], anchor, i, q.get("section"), q.get("paragraph"),
                    q.get("note"), people_by_id.get(q["speaker"]),
                    q.get("speaker_inferred", False))
              for i, (q, anchor) in enumerate(zip(document.get("quotes", ()), anchors["quotes"],
                                                  strict=True))]
    figures = [Figure(f["text"], f["label"], anchor, i, f.get("section"), f.get("paragraph"),
                      f.get("value"), f.get("unit"), claimed_by, f.get("status", "reported"),
                      people_by_id.get(claimed_by) if claimed_by else None,
                      f.get("label_inferred", False))
               for i, (f, anchor) in enumerate(zip(document.get("figures", ()),
                                                   anchors["figures"], strict=True))
               for claimed_by in (f.get("claimed_by"),)]
    masthead_entry = Masthead(
        title=masthead["title"], standfirst=masthead.get("standfirst"),
        source=masthead.get("source"), published=masthead.get("published"),
        url=masthead.get("url"), tags=tuple(masthead.get("tags", ())),
        draft=masthead.get("draft", False))
    return assemble(masthead_entry, people, sections, quotes, figures), []


def _unique_ids(entries: Sequence[Any], kind: str, problems: list[Problem]) -> dict[str, Any]:
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
    ONE_PASS = 100_000_000  # texts x characters beyond which find_all makes one pass
    KEY = 24  # characters of each text the one pass looks for

    def __init__(self, sections: Sequence[Section]) -> None:
        self.sections = sections
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
            joined = self._get(section)[0]
            at = joined.find(text)
            self.scanned += at if at >= 0 else len(joined)
            if at >= 0:
                anchor = self._anchor_at(section, at, len(text))
        self._found[key] = anchor
        return anchor

    def _anchor_at(self, section: int | None, at: int, length: int) -> Anchor:
        """The anchor of `length` characters at offset `at` of a joined text."""
        _, starts, places = self._get(section)
        i = bisect.bisect_right(starts, at) - 1
        s, p = places[i]
        return Anchor(s, p, at - starts[i], at - starts[i] + length)

    def find_all(self, texts: Iterable[str]) -> None:
        """Find many texts in the whole briefing in one pass, where searching
        for each from the start would cost too much.

        Entries without `section` are anchored at their first occurrence in
        reading order. Searched one by one, 10,000 of them in 3.6 MB of text
        scan some 36 GB (about 6 s); an Aho-Corasick automaton (pyahocorasick)
        over the first KEY characters of each text finds them all in one
        pass (about 130 ms), each candidate then checked in full. Should the
        text hold an outrageous number of candidates (a hostile file), the
        pass gives up and the rest are searched one by one, within MAX_SCAN.
        """
        wanted = {text for text in texts
                  if text and self.SEPARATOR not in text and (None, text) not in self._found}
        if not wanted:
            return  # every entry names its section: no need to join the text
        joined, _, _ = self._get(None)
        if len(wanted) * len(joined) < self.ONE_PASS:
            return  # each search is short
        import ahocorasick

        automaton = ahocorasick.Automaton()
        by_key: dict[str, list[str]] = {}
        for text in sorted(wanted):
            by_key.setdefault(text[:self.KEY], []).append(text)
        for key, group in by_key.items():
            automaton.add_word(key, (len(key), group))
        automaton.make_automaton()
        budget = 2 * len(joined) + len(wanted)  # candidates checked, at most
        missing = len(wanted)
        for end, (length, group) in automaton.iter(joined):
            budget -= 1 + len(group)
            if budget < 0:
                return  # the rest are searched one by one
            if not group:
                continue
            at = end + 1 - length
            for text in [t for t in group if joined.startswith(t, at)]:
                group.remove(text)
                self._found[(None, text)] = self._anchor_at(None, at, len(text))
                missing -= 1
            if not missing:
                break
        for text in wanted:
            self._found.setdefault((None, text), None)  # nowhere in the briefing

    @property
    def exhausted(self) -> bool:
        return self.scanned > self.MAX_SCAN


def _anchor(sections: Sequence[Section], entry: dict[str, Any], section_index: dict[str, int],
            path: str, index: _TextIndex) -> Anchor | Problem:
    text: str = entry["text"]
    section: str | None = entry.get("section")
    paragraph: int | None = entry.get("paragraph")
    if not text.strip():
        return Problem(f"{path}.text", "is blank: give the words to highlight")
    if paragraph is not None and section is None:
        return Problem(f"{path}.paragraph", "paragraph is given without section: "
                       "add the section it counts within")
    if section is None:
        anchor = index.find(text, None)
        where = "any paragraph"
    elif section not in section_index:
        known = ", ".join(f'"{s}"' for s in list(section_index)[:10])
        return Problem(f"{path}.section", f'no section with id "{section}" '
                       f"(sections: {known})")
    else:
        s = section_index[section]
        paragraphs = sections[s].paragraphs
        if paragraph is None:
            anchor = index.find(text, s)
            where = f'section "{section}"'
        elif paragraph > len(paragraphs):
            count = len(paragraphs)
            return Problem(f"{path}.paragraph",
                           f'section "{section}" has {count} '
                           f"paragraph{'s' if count != 1 else ''}, not {paragraph}")
        else:
            p = paragraph - 1
            at = paragraphs[p].find(text)
            anchor = Anchor(s, p, at, at + len(text)) if at >= 0 else None
            where = f'section "{section}" paragraph {paragraph}'
    if anchor is None:
        return Problem(f"{path}.text", f'"{shorten(text)}" not found in {where}')
    return anchor
