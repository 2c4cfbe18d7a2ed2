"""Split article text into headline, standfirst, crossheads and body paragraphs.

Plain text: the headline on the first line, optionally a one-line standfirst
(no closing full stop), then paragraphs separated by blank lines. Markdown:
`# Title` (or a Setext title, or `title:` in front matter), `##` crossheads,
links and emphasis reduced to their words. In both, a short line without
closing punctuation between paragraphs is a crosshead (Reuters' "Special
military operation"), not a paragraph. Paragraph text is otherwise the
article's own words: lines of a hard-wrapped paragraph are joined by a space.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from briefing.errors import BriefingError
from briefing.ingest.inline import markdown_words
from briefing.model import MAX_LINE, MAX_PARAGRAPH, MAX_TITLE
from briefing.text import visible

# A line longer than this is a paragraph on its own: the block was not
# hard-wrapped, so single newlines separate paragraphs.
WRAP_WIDTH = 120
CROSSHEAD_MAX_WORDS = 12
CROSSHEAD_MAX_CHARS = 100
STANDFIRST_MAX_CHARS = 600

_ATX_OPENING = re.compile(r"\s{0,3}#{1,6}\s")
_SETEXT = re.compile(r"^\s{0,3}(=+|-+)\s*$")
_LIST_ITEM = re.compile(r"^\s{0,3}(?:[-*+]|\d{1,3}[.)])\s+")
_QUOTE_MARKER = re.compile(r"^\s{0,3}>\s?")
_REF_DEFINITION = re.compile(r"^\s{0,3}\[[^\]]+\]:\s*\S+")
_CREDITS = re.compile(r"\(?(?:Additional\s+)?(?:Reporting|Writing|Editing|Compiled|Research)"
                      r"\s+by\b", re.IGNORECASE)
_BYLINE = re.compile(
    r"^(?:by|BY|By)\s+[A-Z][\w.'’-]*(?:[\s,]+(?:and\s+)?[A-Z][\w.'’-]*){0,8}\s*$")
_TERMINAL = ".!?:;,…"
_CLOSERS = "\"'”’»)]*_ "

_AGENCY_DATELINE = re.compile(r"\(([A-Z][A-Za-z&.]*(?: [A-Z][A-Za-z&.]*){0,2})\)\s*[-–—]")
_AGENCY_SIGNOFF = re.compile(
    r"[.!?”\"’]\s+[-–—]\s*([A-Z][A-Za-z&.]*(?: [A-Z][A-Za-z&.]*){0,2})\s*$")
_SENTENCE_END = re.compile(r"[.!?…][”\"’)]*\s+")


@dataclass
class Paragraph:
    """A body paragraph and the input line it starts on (1-based)."""

    text: str
    line: int


@dataclass
class Article:
    title: str
    standfirst: str | None
    paragraphs: list[Paragraph]
    crossheads: list[str] = field(default_factory=list)
    agency: str | None = None
    markdown: bool = False
    notes: list[str] = field(default_factory=list)
    # The crossheads that stand before a paragraph, by the paragraph's index.
    crossheads_before: dict[int, str] = field(default_factory=dict)


@dataclass
class _Block:
    lines: list[str]
    line: int
    heading: bool = False


def parse_article(text: str, *, source: str) -> Article:
    """The parts of an article; `BriefingError` when it has no title or no body."""
    lines = text.split("\n")
    front_title, first = _front_matter(lines)
    markdown = (front_title is not None or any(_heading(line) is not None for line in lines)
                or any(_SETEXT.match(line) and i and lines[i - 1].strip() and "=" in line
                       for i, line in enumerate(lines)))
    blocks = _blocks(lines, first)
    notes: list[str] = []
    name = visible(source, one_line=True)

    title: str | None = front_title
    if title is None:
        if not blocks:
            raise BriefingError.single(source, "the article is empty: give the headline on "
                                       "the first line, then paragraphs separated by blank "
                                       "lines")
        head = blocks.pop(0)
        title = head.lines[0].strip()
        heading = _heading(head.lines[0])
        if heading is not None:
            title = heading
        rest = head.lines[1:]
        if rest and _SETEXT.match(rest[0]):
            rest = rest[1:]
        if rest:
            blocks.insert(0, _Block(rest, head.line + len(head.lines) - len(rest)))
    title = _inline(title, markdown).strip()
    if not title:
        raise BriefingError.single(source, "no title: the first line of the article should be "
                                   "its headline")
    if len(title) > MAX_TITLE:
        cut = title[: MAX_TITLE - 1].rsplit(" ", 1)[0]
        notes.append(f"{name}: the headline is {len(title):,} characters; kept the first "
                     f"{len(cut):,}")
        title = cut + "…"

    standfirst: str | None = None
    paragraphs: list[Paragraph] = []
    crossheads: list[str] = []
    crossheads_before: dict[int, str] = {}
    units = _units(blocks, markdown)
    for index, block in enumerate(units):
        joined = _inline(" ".join(line.strip() for line in block.lines), markdown).strip()
        if not joined:
            continue
        is_last = index == len(units) - 1
        if block.heading:
            crossheads.append(joined)
            crossheads_before[len(paragraphs)] = joined
            continue
        if not paragraphs and _BYLINE.match(joined):
            notes.append(f"{name}:{block.line}: left out the byline \"{joined}\"")
            continue
        if is_last and paragraphs and _CREDITS.match(joined) and len(joined) <= 400:
            # "(Reporting by …; Editing by …)": the agency's credits, not the story
            notes.append(f"{name}:{block.line}: left out the credits \"{joined}\"")
            continue
        if (not paragraphs and standfirst is None and not is_last
                and _is_standfirst(block, joined, markdown)):
            standfirst = _unemphasise(joined)
            continue
        if paragraphs and not is_last and _is_crosshead(block, joined):
            crossheads.append(joined)
            crossheads_before[len(paragraphs)] = joined
            continue
        paragraphs.extend(Paragraph(part, block.line) for part in _split_long(joined))
    if not paragraphs:
        if standfirst:
            paragraphs.append(Paragraph(standfirst, units[0].line if units else 1))
            standfirst = None
        else:
            raise BriefingError.single(source, "the article has a title but no paragraphs: "
                                       "put the body after the headline, paragraphs "
                                       "separated by blank lines")
    return Article(title, standfirst, paragraphs, crossheads, _agency(paragraphs),
                   markdown, notes, crossheads_before)


def _front_matter(lines: list[str]) -> tuple[str | None, int]:
    """A YAML front-matter `title:` and the index of the first line after it."""
    start = 0
    while start < len(lines) and not lines[start].strip():
        start += 1
    if start >= len(lines) or lines[start].strip() != "---":
        return None, 0
    for end in range(start + 1, min(len(lines), start + 60)):
        if lines[end].strip() in ("---", "..."):
            title = None
            for line in lines[start + 1:end]:
                key, _, value = line.partition(":")
                if key.strip().lower() in ("title", "headline") and value.strip():
                    title = value.strip().strip("\"'")
            return title, end + 1
    return None, 0


def _blocks(lines: list[str], first: int) -> list[_Block]:
    """Runs of non-blank lines; ATX headings are blocks of their own."""
    blocks: list[_Block] = []
    current: list[str] = []
    start = first
    fence = False

    def close() -> None:
        nonlocal current
        if current:
            blocks.append(_Block(current, start + 1))
            current = []

    for index in range(first, len(lines)):
        line = lines[index]
        if line.strip().startswith(("```", "~~~")):
            fence = not fence
            continue
        if not line.strip():
            close()
            continue
        if not fence and _heading(line) is not None:
            close()
            blocks.append(_Block([line], index + 1, heading=True))
            continue
        if (not fence and current and _SETEXT.match(line) and len(current) == 1
                and not _is_rule(current[0])):
            blocks.append(_Block(current, start + 1, heading=True))
            current = []
            continue
        if not current:
            start = index
        current.append(line)
    close()
    return blocks


def _units(blocks: list[_Block], markdown: bool) -> list[_Block]:
    """Blocks made into paragraph-sized units: headings cleaned, rules and
    link definitions dropped, list items and unwrapped lines split."""
    units: list[_Block] = []
    for block in blocks:
        if block.heading:
            heading = _heading(block.lines[0])
            text = heading if heading is not None else block.lines[0]
            units.append(_Block([text], block.line, heading=True))
            continue
        lines = [line for line in block.lines
                 if not _is_rule(line) and not (markdown and _REF_DEFINITION.match(line))]
        if not lines:
            continue
        if markdown and all(_QUOTE_MARKER.match(line) for line in lines):
            lines = [_QUOTE_MARKER.sub("", line, count=1) for line in lines]
        if markdown and _LIST_ITEM.match(lines[0]):
            items: list[list[str]] = []
            for line in lines:
                if _LIST_ITEM.match(line) or not items:
                    items.append([_LIST_ITEM.sub("", line, count=1)])
                else:
                    items[-1].append(line)
            units.extend(_Block(item, block.line + i) for i, item in enumerate(items))
            continue
        if len(lines) > 1 and max(len(line.strip()) for line in lines) > WRAP_WIDTH:
            units.extend(_Block([line], block.line + i) for i, line in enumerate(lines))
            continue
        units.append(_Block(lines, block.line))
    return units


def _heading(line: str) -> str | None:
    """The words of an ATX heading (`## Crosshead ##`), or None if `line` is
    not one. As `^\\s{0,3}(#{1,6})\\s+(.*?)\\s*#*\\s*$` would say, but in one
    pass: that pattern tried every split of a run of spaces between its three
    `\\s*` (a heading with 3,000 spaces took two minutes)."""
    opening = _ATX_OPENING.match(line)
    if opening is None:
        return None
    return line[opening.end():].strip().rstrip("#").rstrip()


def _is_rule(line: str) -> bool:
    """A thematic break: three or more of one of `-`, `*`, `_`, with any
    spaces between, indented at most three (`^\\s{0,3}([-*_])(\\s*\\1){2,}\\s*$`
    without the backtracking)."""
    marks = line.lstrip()
    if len(line) - len(marks) > 3 or not marks or marks[0] not in "-*_":
        return False
    marks = "".join(marks.split())
    return len(marks) >= 3 and marks == marks[0] * len(marks)


def _bare(text: str) -> str:
    return text.rstrip(_CLOSERS).rstrip()


def _is_standfirst(block: _Block, text: str, markdown: bool) -> bool:
    if len(block.lines) > 3 or len(text) > STANDFIRST_MAX_CHARS or len(text) > MAX_LINE:
        return False
    if markdown and re.fullmatch(r"(\*{1,2}|_{1,2}).+\1", text):
        return True
    bare = _bare(text)
    return bool(bare) and bare[-1] not in _TERMINAL


def _is_crosshead(block: _Block, text: str) -> bool:
    if len(block.lines) != 1 or len(text) > CROSSHEAD_MAX_CHARS:
        return False
    if len(text.split()) > CROSSHEAD_MAX_WORDS:
        return False
    if re.fullmatch(r"\*\*[^*]+\*\*|__[^_]+__", block.lines[0].strip()):
        return True
    if re.match(r"\s*[—–-]", text) or re.search(r"\(@\w+\)", text):
        return False  # "— Ed Krassenstein (@EdKrassen) April 15, 2019": a post's signature
    bare = _bare(text)
    if text.count("“") > text.count("”") or (
            re.search(r"[.!?][”\"’]?\s", text) and not text.isupper()):
        # a quotation going on in the next paragraph, or sentences; but not "VOLKSWAGEN
        # ID. SPACE VIZZION CONCEPT", a crosshead in capitals
        return False
    return bool(bare) and bare[-1] not in _TERMINAL and not bare[0].islower()


def _unemphasise(text: str) -> str:
    match = re.fullmatch(r"(\*{1,2}|_{1,2})(.+)\1", text)
    return match.group(2).strip() if match else text


def _inline(text: str, markdown: bool) -> str:
    """Markdown reduced to its words: links, images, emphasis, code, escapes."""
    return markdown_words(text) if markdown else text


def _split_long(text: str) -> list[str]:
    """A paragraph over the format's limit, cut at sentence ends (rare)."""
    if len(text) <= MAX_PARAGRAPH:
        return [text]
    parts: list[str] = []
    while len(text) > MAX_PARAGRAPH:
        window = text[:MAX_PARAGRAPH]
        cut = max((m.end() for m in _SENTENCE_END.finditer(window)), default=0)
        if cut < MAX_PARAGRAPH // 2:
            cut = window.rfind(" ") + 1 or MAX_PARAGRAPH
        parts.append(text[:cut].strip())
        text = text[cut:].strip()
    if text:
        parts.append(text)
    return [part for part in parts if part]


def _agency(paragraphs: list[Paragraph]) -> str | None:
    """The news agency from a dateline "(Reuters) -" or a sign-off "– Reuters"."""
    match = _AGENCY_DATELINE.search(paragraphs[0].text[:200])
    if match:
        return match.group(1)
    match = _AGENCY_SIGNOFF.search(paragraphs[-1].text[-80:])
    return match.group(1) if match else None
