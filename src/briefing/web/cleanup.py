"""What the project takes out of an extracted article, on top of trafilatura.

Each rule is about a kind of thing news pages carry around an article, never
about one site: the headline repeated as the first paragraph, datelines and
reading times, agency end matter ("(Reporting by …)", "___", "… contributed
to this report"), "Related:"/"Read more:" promotions and the lists of links they
introduce, share/follow/newsletter prompts and contact lines, and picture
captions and credits. A rule only looks at short blocks (prompts and credits
are short), so a real paragraph that mentions a newsletter stays.

`RULES` names each kind; `benchmarks/score_extraction.py` measures them one
by one.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field


@dataclass
class Block:
    """One paragraph-sized piece of the article: its text, what kind of block
    it was on the page (paragraph, heading, item, quote, row), and how many
    of its characters are link text."""

    text: str
    kind: str
    linked: int = 0
    # 1-6 for a heading (h1-h6), else 0.
    level: int = 0


@dataclass
class Context:
    """What the rules know about the page besides the blocks."""

    title: str | None = None
    description: str | None = None
    site: str | None = None
    # The texts of the page's links, in `_key` form.
    links: frozenset[str] = frozenset()
    standfirst: str | None = None
    removed: list[tuple[str, str]] = field(default_factory=list)


Rule = Callable[[list[Block], Context], list[Block]]

_WORD = re.compile(r"\w+")
_TERMINAL = ".!?…:;\"”’)»。！？」』"
SHORT_WORDS = 60
PROMPT_WORDS = 40
LONG_PROMPT_WORDS = 80
LEAD_BLOCKS = 3
LINK_RUN = 3


def key_of(text: str) -> str:
    """Text reduced to its lower-case words, to compare blocks with titles and links."""
    return " ".join(_WORD.findall(text.lower()))


def _words(text: str) -> int:
    return len(text.split())


def _ends_sentence(text: str) -> bool:
    text = text.rstrip()
    return bool(text) and text[-1] in _TERMINAL


def _similar(a: str, b: str) -> bool:
    """The same headline, give or take a word or its punctuation."""
    ka, kb = key_of(a), key_of(b)
    if not ka or not kb:
        return False
    if ka == kb or (min(len(ka), len(kb)) >= 0.8 * max(len(ka), len(kb))
                    and (ka in kb or kb in ka)):
        return True
    wa, wb = set(ka.split()), set(kb.split())
    return len(wa & wb) / len(wa | wb) >= 0.8


def _is_link(block: Block, context: Context) -> bool:
    """The whole block is the text of one of the page's links (a promoted
    headline), allowing for a trailing tag such as "[VIDEO]" or a bullet."""
    if len(block.text) > 300:
        return False
    key = key_of(_TRAILING_TAG.sub("", block.text))
    return bool(key) and key in context.links


# --- the repeated headline and the standfirst -------------------------------------

def headline(blocks: list[Block], context: Context) -> list[Block]:
    """The headline again: a top-level heading before the first paragraph, or
    a block anywhere that repeats the title; and a standfirst shown above the
    body (the page's description, as a line without a full stop)."""
    out: list[Block] = []
    started = False
    for block in blocks:
        if (context.title and len(block.text) <= 1.5 * len(context.title) + 20
                and _similar(block.text, context.title)):
            context.removed.append(("headline", block.text))
            continue
        if not started and block.kind == "heading" and block.level == 1:
            context.removed.append(("headline", block.text))
            continue
        if (not started and context.description and not _ends_sentence(block.text)
                and key_of(block.text) == key_of(context.description)):
            context.standfirst = block.text
            context.removed.append(("headline", block.text))
            continue
        started = True
        out.append(block)
    return out


# --- datelines, reading times -----------------------------------------------------

_TIME_OR_YEAR = re.compile(r"\b(?:1[89]\d\d|20\d\d)\b|\b\d{1,2}[:.]\d{2}\b")
_STAMP = re.compile(r"^(?:updated|published|posted|last updated|first published|modified)\b",
                    re.IGNORECASE)
_READING_TIME = re.compile(r"\b\d{1,3}\s*min(?:ute)?s?\.? read\b|^(?:reading time|tempo de "
                           r"leitura|tiempo de lectura|lesezeit|temps de lecture)\b",
                           re.IGNORECASE)


def datelines(blocks: list[Block], context: Context) -> list[Block]:
    """A stamp ("Updated at 1:23 p.m.", "Published 18 November 2019"), a
    reading time, and above the body a line that is only a date and time
    ("segunda-feira, 22 de janeiro de 2018 às 0:13")."""
    def is_stamp(index: int, block: Block) -> bool:
        if len(block.text) > 200:
            return False
        tokens = _WORD.findall(block.text)
        if not tokens or len(tokens) > 14 or "@" in block.text:
            return False
        if _STAMP.match(block.text) and _TIME_OR_YEAR.search(block.text):
            return True
        if _READING_TIME.search(block.text):
            return True
        numbers = sum(token.isdigit() for token in tokens)
        return (index < LEAD_BLOCKS and not _ends_sentence(block.text)
                and bool(_TIME_OR_YEAR.search(block.text)) and numbers * 3 >= len(tokens))

    out = []
    for index, block in enumerate(blocks):
        if is_stamp(index, block):
            context.removed.append(("datelines", block.text))
        else:
            out.append(block)
    return out


# --- agency end matter and the publisher's boilerplate ----------------------------

_END_MATTER = re.compile(
    r"^(?:_{3,}|-{3,}|\*{3,})$"
    r"|^\(?(?:additional |with )?(?:reporting|writing|editing|compiled|research|"
    r"translation|translated|produced|edited|written)(?: and \w+)? by\b"
    r"|\bcontributed (?:reporting|to this (?:report|story|article))\b"
    r"|^contributing:|^with (?:\w+ )?wires?\.?$"
    r"|^this (?:article|story|piece|post) (?:has been|was|is) (?:adapted|republished)\b"
    r"|^(?:source|sources):\s"
    r"|^reach the (?:reporters?|writers?|authors?)\b",
    re.IGNORECASE)


def end_matter(blocks: list[Block], context: Context) -> list[Block]:
    """Agency end matter: rules ("___"), credits for reporting and editing,
    "… contributed to this report", "This article has been adapted …",
    sources, "Reach the reporter at …"."""
    return _drop_where(blocks, context, "end matter",
                       lambda b: _words(b.text) <= SHORT_WORDS
                       and bool(_END_MATTER.search(b.text.strip())))


# --- promotions: related stories, read more, lists of links -----------------------

_PROMO_LABEL = re.compile(
    r"^(?:related(?: stories| articles| coverage| content)?|read more|read also|also read|"
    r"read next|see more|see also|more|also|also on [\w.]+|more on this|more from [\w .]+|"
    r"don'?t miss|you (?:may|might) also like|recommended(?: for you)?|most read(?: [\w ]+)?|"
    r"trending(?: now)?|popular(?: now)?|watch|listen|download|itunes|spotify|"
    r"tags?|filed under|topics?|categor(?:y|ies)|"
    r"leggi anche|lesen sie auch|lire aussi|ver también|veja também|leia também)"
    r"\b\s*(?:[:|\-–—]|\.\.\.|…|$)",
    re.IGNORECASE)
_ALSO_ON_SITE = re.compile(r"^also on [\w-]+(?:\.[\w-]+)+\b", re.IGNORECASE)
_TRAILING_TAG = re.compile(r"\s*\[[A-Z][A-Z ]{1,20}\][\s|]*$")


def promotions(blocks: list[Block], context: Context) -> list[Block]:
    """"Related: …", "READ MORE: …", "DON'T MISS", "Also on example.com …",
    "Tags: …", and the links to other stories that follow such a label, end
    with a tag such as "[VIDEO]", or come three or more in a row."""
    out: list[Block] = []
    in_list = False
    for block in blocks:
        text = block.text.strip()
        short = _words(text) <= 30
        if short and (_PROMO_LABEL.match(text) or _ALSO_ON_SITE.match(text)):
            in_list = True
            context.removed.append(("promotions", text))
            continue
        if short and (_TRAILING_TAG.search(text) and _is_link(block, context)):
            in_list = True
            context.removed.append(("promotions", text))
            continue
        if in_list and short and not _ends_sentence(text) and _is_link(block, context):
            context.removed.append(("promotions", text))
            continue
        in_list = False
        out.append(block)
    return _without_link_runs(out, context)


def _without_link_runs(blocks: list[Block], context: Context) -> list[Block]:
    """Three or more blocks in a row that are each a whole link, and short:
    headlines of other stories (and the short heading just above them)."""
    def is_promoted(block: Block) -> bool:
        return (_words(block.text) <= 30 and not _ends_sentence(block.text)
                and _is_link(block, context))

    doomed: set[int] = set()
    start = 0
    while start < len(blocks):
        end = start
        while end < len(blocks) and is_promoted(blocks[end]):
            end += 1
        if end - start >= LINK_RUN:
            doomed.update(range(start, end))
            above = blocks[start - 1] if start else None
            if above is not None and above.kind == "heading" and _words(above.text) <= 8:
                doomed.add(start - 1)
        start = max(end, start + 1)
    for index in sorted(doomed):
        context.removed.append(("promotions", blocks[index].text))
    return [block for index, block in enumerate(blocks) if index not in doomed]


# --- prompts: share, follow, subscribe, contact, comments -------------------------

_PROMPT = re.compile(
    r"\bfollow (?:us|him|her|them|[\w.’' ]{1,40}) on (?:twitter|facebook|instagram|youtube|"
    r"linkedin|tiktok)\b"
    r"|\bsign up (?:for|to) (?:our|the|[\w’' ]{1,30}) [\w’' ]{0,30}newsletter"
    r"|\bsign up (?:here|now|today)\b|\bsubscribe (?:to|for) (?:our|the|[\w.’' ]{1,30}) "
    r"[\w’' ]{0,30}newsletter|\bsubscribe (?:now|today|here)\b|^[\w’' ]{0,30}newsletter$"
    r"|\bin your inbox\b|\bto your inbox\b"
    r"|\bshare it with\b|\blike this (?:story|article)\b"
    r"|\b(?:may|can) be reached at\b|\bemail (?:the )?(?:writer|reporter|author|us|him|her|"
    r"[\w .]{1,30}) at \S+@|\bhave a (?:news )?tip\b|\bsend us (?:a|your)\b"
    r"|\btell us what you think\b|^comments?\.?$|\bleave a comment\b"
    r"|\bjoin the conversation\b"
    r"|\blisten (?:to [\w ]{1,40} )?live\b|\bdownload (?:the|our) app\b",
    re.IGNORECASE)
# Unmistakable even in a longer block: sales pitches and calls for letters.
_LONG_PROMPT = re.compile(
    r"\bif you enjoyed this (?:article|story)\b|\bfor as little as\b"
    r"|\bwe(?:’|')?d (?:like|love) to hear (?:from you|what you think)\b",
    re.IGNORECASE)


def prompts(blocks: list[Block], context: Context) -> list[Block]:
    """Share, follow, newsletter and subscription prompts, "email the writer
    at …" contact lines, and comment-section headings."""
    return _drop_where(blocks, context, "prompts",
                       lambda b: (_words(b.text) <= PROMPT_WORDS and bool(_PROMPT.search(b.text)))
                       or (_words(b.text) <= LONG_PROMPT_WORDS
                           and bool(_LONG_PROMPT.search(b.text))))


# --- captions and picture credits -------------------------------------------------

_CREDIT = re.compile(
    r"©|\((?:image|photo|picture|video)?\s*credits?\s*:|\b(?:image|photo|picture)s?\s*"
    r"(?:credit|courtesy)\b|^(?:photo|image|picture|video|credit)s?\s*:"
    r"|\b(?:photos?|images?|pictures?)\s*(?:by|:)\s*[A-Z]"
    r"|/\s*(?:getty(?: images)?|afp|ap|reuters|epa|shutterstock|pa)\b",
    re.IGNORECASE)


_COPYRIGHT = re.compile(r"\s*(?:©|copyright\b)", re.IGNORECASE)


def captions(blocks: list[Block], context: Context) -> list[Block]:
    """Picture captions and credits: a short block carrying "©", "(Image
    credit: …)", "Photo: …" or an agency after a slash."""
    return _drop_where(blocks, context, "captions",
                       lambda b: _words(b.text) <= 50 and bool(_CREDIT.search(b.text))
                       and not _COPYRIGHT.match(b.text))


def _drop_where(blocks: list[Block], context: Context, rule: str,
                test: Callable[[Block], bool]) -> list[Block]:
    out = []
    for block in blocks:
        if test(block):
            context.removed.append((rule, block.text))
        else:
            out.append(block)
    return out


RULES: dict[str, Rule] = {
    "headline": headline,
    "datelines": datelines,
    "end matter": end_matter,
    "promotions": promotions,
    "prompts": prompts,
    "captions": captions,
}


def clean_blocks(blocks: list[Block], context: Context,
                 rules: Iterable[str] | None = None) -> list[Block]:
    """The blocks with every rule (or the `rules` named) applied in order."""
    for name in RULES if rules is None else rules:
        blocks = RULES[name](blocks, context)
    return blocks
