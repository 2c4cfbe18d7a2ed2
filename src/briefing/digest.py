"""A briefing (and the reader's stars and notes) as a Markdown digest.

The digest is for taking a briefing elsewhere: notes, a chat, an email, a
README. Its words come from someone else's file, so every piece of file
text goes through `escape_inline`, which keeps it text in CommonMark and
GitHub-flavoured renderers (no heading, list, link, image, code span,
emphasis, table, autolink or HTML can come from a briefing's words) while
ordinary sentences stay readable in the raw file. The same input always
gives the same bytes.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache

from briefing.errors import BriefingError, Problem
from briefing.model import Briefing, Figure, Quote, Section
from briefing.state import ReaderState, entry_key
from briefing.text import shorten, visible

_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December")
_CAREFUL_STATUSES = ("unverified", "disputed")
_NOBODY = "—"

# --- escaping ------------------------------------------------------------------

# Characters that start markup wherever they stand: escapes, code spans,
# emphasis, links and images, HTML and autolinks, table cells, strikethrough.
_ANYWHERE = r"[\\`*_\[\]<|~]"
# Every alternative below starts with one of these characters. Saying so in
# a lookahead lets the regex engine skip all other positions at once: twelve
# times faster on ordinary text, with the same matches.
_FIRST = r"[\\`*_\[\]<|~&$:./@#>+=\-]"
_INLINE = re.compile(
    f"(?={_FIRST})(?:" + "|".join([
        f"(?P<always>{_ANYWHERE})",
        # An entity or character reference (&amp; &#60;) would become its character.
        r"(?P<amp>&(?=#[0-9]{1,7};|#[xX][0-9a-fA-F]{1,6};|[A-Za-z][A-Za-z0-9]{0,31};))",
        # Inline math ($x$, $$x$$) on GitHub and in math plugins; some accept
        # a digit next to the $, so even US$5 and $10 could pair up.
        r"(?P<dollar>\$)",
        # Autolinks: scheme://, mailto:, www.x, x.com, name@x.org, //host.
        r"(?P<scheme>:(?=//)|(?<=[Mm][Aa][Ii][Ll][Tt][Oo]):|(?<=[Xx][Mm][Pp][Pp]):)",
        r"(?P<dot>(?<=\S)\.(?=[^\W\d_]{2})|(?<=[Ww]{3})\.)",
        r"(?P<slashes>(?<!:)/(?=/))",  # //host, a protocol-relative link
        # A @mention or #123 reference, which GitHub turns into links, and the
        # @ of an e-mail address (GFM links me@x.c and a@b.c.d, whose dots the
        # `dot` rule leaves alone).
        r"(?P<mention>@(?=[\w.-])|#(?=[0-9]))",
        # What begins a block at the start of a line (ATX heading, block quote,
        # bullet list, thematic break, setext underline), and a trailing #
        # that a heading would drop as its closing sequence.
        r"(?P<edge>^(?:#|>|[-+=](?=\s|$|[-+=]))|#$)",
    ]) + ")"
)
# An ordered list marker: `1.` or `1)` followed by a space.
_ORDERED = re.compile(r"^([0-9]{1,9})([.)])(?=\s|$)")


def fold(text: str) -> str:
    """File text as one line: forbidden characters made visible, newlines
    folded into spaces (a newline could start a new block), and no blank
    space at either end (four leading spaces make a code block)."""
    return visible(text).replace("\n", " ").strip()


@lru_cache(maxsize=16_384)  # names, roles and labels repeat across a briefing
def escape_inline(text: str) -> str:
    """File text as Markdown that renders as exactly that text, on one line.

    Only what Markdown would act on is escaped, so a plain sentence reads as
    itself in the raw file: ASCII punctuation that makes markup anywhere
    (backslash, backtick, * _ [ ] < | ~), `&` only where it would spell an
    entity, `$` (inline math), the `:` or `.` that would
    let a renderer turn a URL, domain or e-mail address into a link, at the
    start whatever would begin a heading, quote, list or break, and a final
    `#`. The result is safe at the start of a line, in a heading, a list
    item, a block quote and a table cell.
    """
    escaped = _INLINE.sub(lambda match: "\\" + match.group(), fold(text))
    return _ORDERED.sub(r"\1\\\2", escaped, count=1)


# --- options -------------------------------------------------------------------

@dataclass(frozen=True)
class DigestOptions:
    """What goes into a digest; the default is the whole overview."""

    sections: tuple[str, ...] | None = None  # section ids; None means all
    quotes: bool = True
    figures: bool = True
    starred_only: bool = False
    full_text: bool = False

    def check(self, briefing: Briefing, *, source: str) -> None:
        """Refuse section ids the briefing does not have, naming the known ones."""
        if self.sections is None:
            return
        known = [section.id for section in briefing.sections]
        problems = [
            Problem("--section", f'no section "{shorten(wanted, 40)}" (sections: '
                    f"{', '.join(known[:20])}{', ...' if len(known) > 20 else ''})")
            for wanted in dict.fromkeys(self.sections) if wanted not in known
        ]
        if problems:
            raise BriefingError(source, problems)


# --- the digest ----------------------------------------------------------------

def render_digest(briefing: Briefing, options: DigestOptions = DigestOptions(),
                  state: ReaderState | None = None) -> str:
    """The digest as Markdown text ending in exactly one newline.

    Parts, in order: the header (title, standfirst, source and date); the
    reader's starred items and notes, when there are any; the sections at a
    glance (unless just one section is chosen: its summary follows anyway);
    a table of key figures; each section with its summary, its quotes and,
    with `full_text`, its paragraphs; the claims marked unverified or
    disputed. With `starred_only`: the header, the starred and annotated
    items with their notes and, if asked, the full text.
    """
    chosen = [index for index, section in enumerate(briefing.sections)
              if options.sections is None or section.id in options.sections]
    in_scope = set(chosen)
    quotes = [q for q in briefing.quotes_in_order if q.anchor.section in in_scope]
    figures = [f for f in briefing.figures_in_order if f.anchor.section in in_scope]
    quotes = quotes if options.quotes else []
    figures = figures if options.figures else []
    stars = state.stars if state else set()
    notes = state.notes if state else {}

    blocks = _header(briefing)
    marked = _marked(quotes, figures, stars, notes)
    if options.starred_only:
        blocks += ["## Your starred items and notes"]
        blocks += _marked_list(briefing, marked, stars, notes) if marked else [
            "Nothing is starred or noted here yet: in the reader, press s on a quote or "
            "figure to star it, a to add a note."]
        if options.full_text:
            for index in chosen:
                blocks += _section(briefing.sections[index], [], full_text=True)
        return _join(blocks)

    if marked:
        blocks += ["## Your starred items and notes"]
        blocks += _marked_list(briefing, marked, stars, notes)
    with_sections = options.quotes or options.full_text
    if len(chosen) > 1 or not with_sections:  # one section's summary follows anyway
        blocks += ["## At a glance", _list(_glance(briefing.sections[i]) for i in chosen)]
    if figures:
        blocks += ["## Key figures", _figure_table(figures)]
    if with_sections:
        by_section: dict[int, list[Quote]] = {}
        for quote in quotes:  # already in reading order
            by_section.setdefault(quote.anchor.section, []).append(quote)
        for index in chosen:
            blocks += _section(briefing.sections[index], by_section.get(index, []),
                               full_text=options.full_text)
    careful = [f for f in figures if f.status in _CAREFUL_STATUSES]
    if careful:
        blocks += ["## Claims to treat with care",
                   "These figures are marked unverified or disputed in the briefing.",
                   _list(_claim(figure) for figure in careful)]
    return _join(blocks)


def _join(blocks: Iterable[str]) -> str:
    return "\n\n".join(block for block in blocks if block) + "\n"


def _header(briefing: Briefing) -> list[str]:
    masthead = briefing.masthead
    blocks = ["# " + escape_inline(masthead.title)]
    if masthead.standfirst:
        blocks.append(escape_inline(masthead.standfirst))
    byline = []
    if masthead.source:
        byline.append("Source: " + escape_inline(masthead.source))
    if masthead.published is not None:
        byline.append(("published " if byline else "Published ") + written_date(masthead.published))
    blocks.append(", ".join(byline))
    if masthead.draft:
        blocks.append(DRAFT_NOTICE)
    return blocks


# What the digest of a draft says under its header (FORMAT.md, format 2).
DRAFT_NOTICE = ("*Draft made by `briefing import`, not yet checked by a person: speakers "
                "and labels marked as inferred were worked out, not read in the text.*")


def written_date(value: date) -> str:
    """`28 March 2022`, the same on every machine (no locale)."""
    text = f"{value.day} {_MONTHS[value.month - 1]} {value.year}"
    if isinstance(value, datetime):
        text += f", {value:%H:%M}"
        offset = value.utcoffset()
        if offset is not None:
            zone = value.strftime("%z")  # +0100
            text += " UTC" if not offset else f" UTC{zone[:3]}:{zone[3:5]}"
    return text


def _list(items: Iterable[str]) -> str:
    return "\n".join(f"- {item}" for item in items)


def _strong(text: str) -> str:
    escaped = escape_inline(text)
    return f"**{escaped}**" if escaped else ""


def _glance(section: Section) -> str:
    title = _strong(section.title)
    summary = escape_inline(section.summary) if section.summary else ""
    return f"{title}: {summary}" if summary else title


def _figure_table(figures: Sequence[Figure]) -> str:
    rows = ["| Figure | What it counts | Claimed by | Status |",
            "| --- | --- | --- | --- |"]
    for figure in figures:
        cells = [escape_inline(figure.text), _label(figure),
                 escape_inline(figure.claimant_name or "") or _NOBODY, figure.status]
        rows.append("| " + " | ".join(cell or _NOBODY for cell in cells) + " |")
    return "\n".join(rows)


def _section(section: Section, quotes: Sequence[Quote], *, full_text: bool) -> list[str]:
    blocks = ["## " + escape_inline(section.title)]
    if section.summary:
        blocks.append(escape_inline(section.summary))
    blocks += [_quote(quote) for quote in quotes]
    if full_text:
        blocks.append("### Full text")
        blocks += [escape_inline(paragraph) for paragraph in section.paragraphs]
    return blocks


def _quote(quote: Quote) -> str:
    lines = ["> " + escape_inline(quote.text), ">", "> — " + _speaker(quote)]
    note = escape_inline(quote.note or "")
    if note:
        lines += [">", "> Context: " + note]
    return "\n".join(lines)


def _speaker(quote: Quote) -> str:
    name = escape_inline(quote.speaker_name)
    role = quote.speaker_role
    who = f"{name}, {escape_inline(role)}" if role and fold(role) else name
    return f"{who} (speaker inferred)" if quote.speaker_inferred else who


def _label(figure: Figure) -> str:
    label = escape_inline(figure.label)
    return f"{label} (label inferred)" if figure.label_inferred else label


def _claim(figure: Figure) -> str:
    who = figure.claimant_name
    claimed = f"claimed by {escape_inline(who)}" if who and fold(who) else "no source named"
    return f"{_strong(figure.text)}, {_label(figure)}: {figure.status}, {claimed}"


# --- the reader's marks ----------------------------------------------------------

Entry = Quote | Figure


def _marked(quotes: Sequence[Quote], figures: Sequence[Figure], stars: set[str],
            notes: dict[str, str]) -> list[Entry]:
    """Starred and annotated entries in reading order (a note marks an entry
    as surely as a star: `--starred` keeps both)."""
    wanted = stars | set(notes)
    entries: list[Entry] = [e for e in [*quotes, *figures] if entry_key(e) in wanted]
    return sorted(entries, key=lambda e: (e.anchor, isinstance(e, Figure), e.index))


def _marked_list(briefing: Briefing, entries: Sequence[Entry], stars: set[str],
                 notes: dict[str, str]) -> list[str]:
    items: list[str] = []
    loose = False
    for entry in entries:
        key = entry_key(entry)
        star = "★ " if key in stars else ""
        where = escape_inline(briefing.sections[entry.anchor.section].title)
        if isinstance(entry, Quote):
            name = escape_inline(entry.speaker_name)
            if entry.speaker_inferred:
                name += " (speaker inferred)"
            line = f"{name}: “{escape_inline(entry.text)}”"
        else:
            line = f"{escape_inline(entry.text)}: {_label(entry)}"
        item = f"- {star}{line} ({where})"
        note = escape_inline(notes.get(key, ""))
        if note:
            item += f"\n\n  Your note: {note}"
            loose = True
        items.append(item)
    # A list is loose (paragraphs in items) as soon as one item has a note;
    # blank lines between all items say so honestly in the raw file too.
    return ["\n\n".join(items) if loose else "\n".join(items)]
