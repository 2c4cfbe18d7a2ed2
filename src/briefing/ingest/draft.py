"""Assemble the draft briefing and make sure it is valid.

The parts found by `article`, `quotes`, `figures` and `themes` become a
format-1 document with slug ids, written with tomli-w, then read back
through `briefing.loader.parse_briefing`, the same gate `briefing validate`
uses. Any quote or figure the loader refuses is dropped with a warning, so
the draft always validates.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import tomli_w

from briefing.errors import BriefingError
from briefing.ingest.article import Article, parse_article
from briefing.ingest.figures import FoundFigure, read_figures
from briefing.ingest.people import Entity
from briefing.ingest.quotes import FoundQuote, read_quotes
from briefing.ingest.reading import clean, read_article
from briefing.ingest.themes import Section, group, topics
from briefing.loader import parse_briefing
from briefing.model import (
    FORMAT_VERSION,
    MAX_FIGURES,
    MAX_ID,
    MAX_LINE,
    MAX_NAME,
    MAX_PARAGRAPHS,
    MAX_PARAGRAPHS_PER_SECTION,
    MAX_PEOPLE,
    MAX_QUOTES,
    MAX_TAGS,
    MAX_TITLE,
    Briefing,
)
from briefing.text import visible

_PATH_INDEX = re.compile(r"^(quotes|figures)\[(\d+)\]")
_DATED_NAME = re.compile(r"(?:^|[/\\])(\d{4})-(\d{2})-(\d{2})[^/\\]*$")
MAX_VALIDATION_ROUNDS = 5


@dataclass
class Draft:
    """A draft briefing: the TOML text, the validated briefing, and what the
    user should hear about (dropped characters, dropped entries)."""

    toml: str
    briefing: Briefing
    warnings: list[str] = field(default_factory=list)
    document: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Masthead:
    """What a source says about an article besides its text (a web page's
    metadata): it fills the briefing's masthead where the text does not."""

    standfirst: str | None = None
    source: str | None = None
    published: date | None = None
    url: str | None = None
    # The format has no field for the author: the draft names them in its header.
    author: str | None = None


def draft_from_file(path: str) -> Draft:
    """Draft a briefing from the article at `path` ("-" for standard input)."""
    source, cleaned = read_article(path)
    published = _date_from_name(path)
    return _draft(cleaned.text, source=source, warnings=cleaned.warnings, published=published)


def draft_from_text(text: str, *, source: str, masthead: Masthead | None = None) -> Draft:
    """Draft a briefing from article text (control characters are dropped)."""
    cleaned = clean(text, source=source)
    return _draft(cleaned.text, source=source, warnings=cleaned.warnings, published=None,
                  masthead=masthead)


def _draft(text: str, *, source: str, warnings: list[str], published: date | None,
           masthead: Masthead | None = None) -> Draft:
    article = parse_article(text, source=source)
    warnings = [*warnings, *article.notes]
    paragraphs = [p.text for p in article.paragraphs]
    if len(paragraphs) > MAX_PARAGRAPHS:
        raise BriefingError.single(source, f"the article has {len(paragraphs):,} paragraphs; a "
                                   f"briefing holds at most {MAX_PARAGRAPHS:,}")
    reading = read_quotes(paragraphs, article.crossheads_before)
    figures = read_figures(reading.paragraphs)
    people = [e.name for e in reading.people.entities
              if e.kind == "person" and not e.described and e.merged_into is None]
    sections = _within_limits(group(paragraphs, article.crossheads_before, people))
    quotes = reading.quotes
    name = visible(source, one_line=True)
    for kind, entries, limit in (("quotes", quotes, MAX_QUOTES), ("figures", figures, MAX_FIGURES)):
        if len(entries) > limit:
            warnings.append(f"{name}: kept the first {limit:,} of {len(entries):,} {kind}")
            del entries[limit:]
    document = _document(article, sections, quotes, figures, published)
    byline = None
    if masthead is not None:
        _fill_masthead(document["briefing"], masthead)
        byline = masthead.author
    return _validated(document, source=source, warnings=warnings, byline=byline)


def _within_limits(sections: list[Section]) -> list[Section]:
    """Sections of at most MAX_PARAGRAPHS_PER_SECTION paragraphs (a very long
    article's theme is continued as "military-2", ...)."""
    out: list[Section] = []
    for section in sections:
        chunks = [section.paragraphs[i:i + MAX_PARAGRAPHS_PER_SECTION]
                  for i in range(0, len(section.paragraphs), MAX_PARAGRAPHS_PER_SECTION)]
        for number, chunk in enumerate(chunks, start=1):
            if number == 1:
                out.append(Section(section.id, section.title, chunk))
            else:
                out.append(Section(f"{section.id}-{number}", f"{section.title} ({number})", chunk))
    return out


def _document(article: Article, sections: list[Section], quotes: list[FoundQuote],
              figures: list[FoundFigure], published: date | None) -> dict[str, Any]:
    # Where each article paragraph landed: (section id, 1-based position).
    where: dict[int, tuple[str, int]] = {}
    for section in sections:
        for position, paragraph in enumerate(section.paragraphs, start=1):
            where[paragraph] = (section.id, position)
    entities: list[Entity] = []
    listed: set[int] = set()
    for entity in [q.entity for q in quotes] + [f.claimant for f in figures]:
        if entity is not None and id(entity.live) not in listed:
            listed.add(id(entity.live))
            entities.append(entity.live)
    # Beyond the format's limit on people, a speaker is written as a plain name.
    entities, named_only = entities[:MAX_PEOPLE], entities[MAX_PEOPLE:]
    ids = _people_ids(entities)
    ids.update((id(entity), entity.name[:MAX_NAME]) for entity in named_only)

    document: dict[str, Any] = {"format": FORMAT_VERSION,
                                "briefing": _masthead(article, sections, published)}
    if entities:
        document["people"] = [_person(entity, ids[id(entity)]) for entity in entities]
    document["sections"] = [_section(section, article) for section in sections]
    if quotes:
        document["quotes"] = [_quote(quote, where, ids) for quote in quotes]
    if figures:
        document["figures"] = [_figure(figure, where, ids) for figure in figures]
    return document


def _masthead(article: Article, sections: list[Section],
              published: date | None) -> dict[str, Any]:
    masthead: dict[str, Any] = {"title": article.title[:MAX_TITLE]}
    if article.standfirst:
        masthead["standfirst"] = _line(article.standfirst)
    if article.agency:
        masthead["source"] = article.agency[:MAX_NAME]
    if published:
        masthead["published"] = published
    tags = topics(p.text for p in article.paragraphs)[:MAX_TAGS]
    if tags:
        masthead["tags"] = tags
    masthead["draft"] = True  # until a person has checked it
    return masthead


def _fill_masthead(table: dict[str, Any], masthead: Masthead) -> None:
    """The source's own metadata: its site as `source`, its date, its link,
    and its standfirst where the text had none."""
    if masthead.standfirst and "standfirst" not in table:
        table["standfirst"] = _line(masthead.standfirst)
    if masthead.source:
        table["source"] = " ".join(masthead.source.split())[:MAX_NAME]
    if masthead.published:
        table["published"] = masthead.published
    if masthead.url and len(masthead.url) <= MAX_LINE:
        table["url"] = masthead.url
    # tags and draft stay last, where an editor expects them
    for key in ("tags", "draft"):
        if key in table:
            table[key] = table.pop(key)


def _person(entity: Entity, person_id: str) -> dict[str, Any]:
    person: dict[str, Any] = {"id": person_id, "name": entity.name[:MAX_NAME]}
    if entity.role:
        person["role"] = _line(entity.role)
    return person


def _section(section: Section, article: Article) -> dict[str, Any]:
    table: dict[str, Any] = {"id": section.id, "title": section.title}
    table["paragraphs"] = [article.paragraphs[i].text for i in section.paragraphs]
    return table


def _quote(quote: FoundQuote, where: dict[int, tuple[str, int]],
           ids: dict[int, str]) -> dict[str, Any]:
    section_id, position = where[quote.paragraph]
    speaker = ids[id(quote.entity.live)] if quote.entity is not None else "unknown"
    table: dict[str, Any] = {"text": quote.text, "speaker": speaker, "section": section_id,
                             "paragraph": position}
    if quote.how in ("context", "subject", "none") or quote.guessed:
        # Not named as speaking in its sentence (worked out, or unknown), or a
        # "he" given to the last man or woman of no known gender.
        table["speaker_inferred"] = True
    return table


def _figure(figure: FoundFigure, where: dict[int, tuple[str, int]],
            ids: dict[int, str]) -> dict[str, Any]:
    section_id, position = where[figure.paragraph]
    table: dict[str, Any] = {"text": figure.text, "label": figure.label[:MAX_TITLE] or "figure"}
    if figure.value is not None:
        table["value"] = figure.value
    if figure.unit:
        table["unit"] = figure.unit[:MAX_NAME]
    table["section"] = section_id
    table["paragraph"] = position
    if figure.claimant is not None:
        table["claimed_by"] = ids[id(figure.claimant.live)]
    table["status"] = figure.status
    if not figure.label_found:
        table["label_inferred"] = True
    return table


def _validated(document: dict[str, Any], *, source: str, warnings: list[str],
               byline: str | None = None) -> Draft:
    """Round-trip through the loader; drop refused quotes and figures."""
    for _ in range(MAX_VALIDATION_ROUNDS):
        text = _render(document, source, byline)
        try:
            briefing = parse_briefing(text, source=source)
        except BriefingError as error:
            dropped = _drop_refused(document, error)
            if not dropped:
                raise
            warnings.extend(f"{visible(source, one_line=True)}: left out {entry}"
                            for entry in dropped)
            continue
        return Draft(text, briefing, warnings, document)
    raise BriefingError.single(source, "could not make a valid draft of this article")


def _drop_refused(document: dict[str, Any], error: BriefingError) -> list[str]:
    refused: dict[str, set[int]] = {"quotes": set(), "figures": set()}
    for problem in error.problems:
        match = _PATH_INDEX.match(problem.where)
        if match is None:
            return []
        refused[match.group(1)].add(int(match.group(2)))
    dropped: list[str] = []
    for kind, indexes in refused.items():
        entries = document.get(kind, [])
        for index in sorted(indexes):
            dropped.append(f"{kind[:-1]} \"{visible(entries[index]['text'], one_line=True)[:60]}\"")
        kept = [e for i, e in enumerate(entries) if i not in indexes]
        if kept:
            document[kind] = kept
        else:
            document.pop(kind, None)
    return dropped


def _render(document: dict[str, Any], source: str, byline: str | None = None) -> str:
    name = visible(source, one_line=True)[:200]
    header = f"# Draft briefing imported from {name} by `briefing import`.\n"
    if byline:
        author = visible(byline, one_line=True)[:MAX_NAME]
        header += f"# By {author} (as the page names the author).\n"
    header += "# Check the sections, speakers and figures before you share it.\n\n"
    return header + _in_reading_order(document)


def _in_reading_order(document: dict[str, Any]) -> str:
    """TOML laid out as an editor reads a briefing: format, the masthead, then
    one `[[table]]` per person, section, quote and figure. (tomli-w alone
    would put short entries in an inline array above everything else.)"""
    parts = [tomli_w.dumps({"format": document["format"]}),
             tomli_w.dumps({"briefing": document["briefing"]})]
    for name in ("people", "sections", "quotes", "figures"):
        for entry in document.get(name, ()):
            table = tomli_w.dumps({"entry": entry})
            parts.append(f"[[{name}]]\n" + table.removeprefix("[entry]\n"))
    return "\n".join(parts)


def _people_ids(entities: list[Entity]) -> dict[int, str]:
    ids: dict[int, str] = {}
    taken: set[str] = {"unknown"}
    # The last suffix each base took: every lower one is taken for good, so
    # the next search starts there (ten thousand namesakes were quadratic).
    suffixes: dict[str, int] = {}
    for number, entity in enumerate(entities, start=1):
        if entity.kind == "person" and not entity.described and entity.surname:
            base = slug(entity.surname) or slug(entity.name)
            if base in taken:
                base = slug(entity.name)
        else:
            words = re.sub(r"^(?:the|a|an)\s+", "", entity.name, flags=re.I)
            base = slug(" ".join(words.split()[:6]))
        base = base or f"person-{number}"
        candidate, suffix = base, suffixes.get(base, 2)
        while candidate in taken:
            candidate = f"{base[: MAX_ID - 4]}-{suffix}"
            suffix += 1
        suffixes[base] = suffix
        taken.add(candidate)
        ids[id(entity)] = candidate
    return ids


def slug(text: str) -> str:
    """An id for the format: lowercase ASCII letters, digits and single hyphens."""
    text = re.sub(r"[’']s\b", "", text)
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    words = re.findall(r"[a-z0-9]+", ascii_text.lower())
    result = "-".join(words)[:MAX_ID].strip("-")
    return result


def _line(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= MAX_LINE else text[: MAX_LINE - 1] + "…"


def _date_from_name(path: str) -> date | None:
    match = _DATED_NAME.search(path)
    if match is None:
        return None
    try:
        return date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    except ValueError:
        return None
