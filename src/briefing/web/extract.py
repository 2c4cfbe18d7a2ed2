"""The article in a web page: its paragraphs and its metadata.

trafilatura (precision mode, comments off) finds the main text and reads
the metadata (title, description, author, site name, date, canonical link);
its result is a light XML tree, which is read here into blocks (paragraphs,
crossheads, list items, quotes, table rows) with the page's own words and
paragraph breaks, only runs of white space made one space. The project's
clean-up (`cleanup`) then takes out what a reader of a briefing does not
want, and the blocks become `WebArticle`: the plain-text article the
importer reads (title line, blank line, paragraphs separated by blank
lines) plus what goes into the briefing's masthead.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from briefing.errors import BriefingError
from briefing.model import MAX_LINE, MAX_NAME, MAX_TITLE
from briefing.text import FORBIDDEN
from briefing.web.cleanup import RULES, Block, Context, clean_blocks, key_of
from briefing.web.page import Page, parse_page
from briefing.web.recover import drop_popup_cards, recover_blocks

if TYPE_CHECKING:
    from lxml.etree import _Element

_SPACE = re.compile(r"[ \t\n\r\f\v]+")
_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
# Block-level tags of trafilatura's output, and those whose children are blocks.
_CONTAINERS = {"body", "div", "list", "table", "quote"}
_KINDS = {"head": "heading", "item": "item", "quote": "quote", "row": "row", "cell": "row",
          "code": "paragraph", "p": "paragraph"}
# What is done on top of trafilatura, by kind (see `recover` and `cleanup`).
PAGE_RULES = ("cards", "split body", "embedded posts")
ALL_RULES = (*PAGE_RULES, *RULES)
# A description longer than this is an excerpt of the article, not a standfirst.
MAX_STANDFIRST = 300
# Not an article: less text than a two-sentence news brief (characters, not
# words: Chinese and Japanese put no spaces between words).
MIN_ARTICLE_CHARS = 120


@dataclass
class WebArticle:
    """An article taken from a page, ready for the importer."""

    title: str
    paragraphs: list[str]
    standfirst: str | None = None
    author: str | None = None
    site: str | None = None
    published: date | None = None
    url: str | None = None
    warnings: list[str] = field(default_factory=list)

    def plain_text(self) -> str:
        """The article as the importer reads it: title line, blank line,
        paragraphs separated by blank lines."""
        return "\n\n".join([self.title, *self.paragraphs]) + "\n"


def extract_article(data: bytes, *, source: str, url: str | None = None,
                    charset: str | None = None,
                    cleanup: bool | Iterable[str] = True) -> WebArticle:
    """The article in the page `data`; `BriefingError` when there is none.

    `url` is where the page came from (a fetched link), if known; without
    it the page's own canonical link is used. `cleanup` is every rule of
    `briefing.web.cleanup`, none, or those named.
    """
    page = parse_page(data, source=source, charset=charset)
    return article_from_page(page, source=source, url=url, cleanup=cleanup)


def article_from_page(page: Page, *, source: str, url: str | None = None,
                      cleanup: bool | Iterable[str] = True) -> WebArticle:
    rules = set(ALL_RULES if cleanup is True else cleanup or ())
    if "cards" in rules:
        drop_popup_cards(page.tree)
    try:
        document = _trafilatura(page, url)
    except Exception as error:  # a third-party library on a hostile page: one line, no trace
        raise BriefingError.single(source, f"could not read the page "
                                   f"({type(error).__name__})") from None
    if document is None:
        raise BriefingError.single(source, "not an article: no body text was found on the page")
    blocks = recover_blocks(_blocks(document.body), page.tree,
                            split_body="split body" in rules,
                            embedded_posts="embedded posts" in rules)
    link = url if _is_web_link(url) else _web_link(document.url)
    title = _one_line(document.title)
    site = _clipped(document.sitename or _host(link), MAX_NAME)
    context = Context(title=title, description=_one_line(document.description), site=site,
                      links=_link_texts(page))
    blocks = clean_blocks(blocks, context, [name for name in RULES if name in rules])
    paragraphs = [block.text for block in blocks]
    if sum(len(text) for text in paragraphs) < MIN_ARTICLE_CHARS:
        raise BriefingError.single(source, "not an article: no body text was found on the page")
    return WebArticle(
        title=_title(title, paragraphs, link),
        paragraphs=paragraphs,
        standfirst=_standfirst(context.standfirst or document.description, paragraphs),
        author=_clipped(document.author, MAX_NAME),
        site=site,
        published=_date(document.date),
        url=link,
        warnings=list(page.warnings),
    )


def _trafilatura(page: Page, url: str | None):  # -> trafilatura.settings.Document | None
    _quiet()
    import trafilatura

    return trafilatura.bare_extraction(page.tree, url=url, favor_precision=True,
                                       include_comments=False, include_tables=True,
                                       include_links=False, with_metadata=True)


def _quiet() -> None:
    """trafilatura and its helpers log page problems as warnings; without a
    handler Python would print them on stderr in the middle of our output."""
    for name in ("trafilatura", "htmldate", "courlan", "justext", "charset_normalizer"):
        logger = logging.getLogger(name)
        if not logger.handlers:
            logger.addHandler(logging.NullHandler())
        logger.propagate = False


def _link_texts(page: Page) -> frozenset[str]:
    """The words of every link on the page that could be a headline."""
    texts = set()
    for anchor in page.tree.iter("a"):
        text = anchor.text_content()
        if 8 <= len(text) <= 300:
            texts.add(key_of(text))
    return frozenset(texts)


# --- trafilatura's tree to blocks -------------------------------------------------

def _blocks(body: _Element | None) -> list[Block]:
    blocks: list[Block] = []
    if body is None:
        return blocks
    _walk(body, blocks, "paragraph")
    return [block for block in blocks if block.text]


def _walk(element: _Element, blocks: list[Block], kind: str) -> None:
    tag = element.tag if isinstance(element.tag, str) else ""
    if tag == "row":
        cells = [_inline_text(cell)[0] for cell in element]
        text = " | ".join(cell for cell in cells if cell)
        blocks.append(Block(text, "row", 0))
        return
    if tag in _CONTAINERS or any(child.tag in _KINDS or child.tag in _CONTAINERS
                                 for child in element):
        own = _KINDS.get(tag, kind)
        if element.text and element.text.strip():
            blocks.append(Block(_clean(element.text), own, 0))
        for child in element:
            child_tag = child.tag if isinstance(child.tag, str) else ""
            if child_tag in _KINDS or child_tag in _CONTAINERS:
                _walk(child, blocks, _KINDS.get(child_tag, own))
            else:
                text, linked = _inline_text(child, with_tail=False)
                if text:
                    blocks.append(Block(text, own, linked))
            if child.tail and child.tail.strip():
                blocks.append(Block(_clean(child.tail), own, 0))
        return
    rend = element.get("rend", "") if tag == "head" else ""
    level = int(rend[1]) if len(rend) == 2 and rend[0] == "h" and rend[1] in "123456" else 0
    for text, linked in _lines(element):
        blocks.append(Block(text, _KINDS.get(tag, kind), linked, level))


def _lines(element: _Element) -> list[tuple[str, int]]:
    """A block's text, split where the page broke the line (`<br>`); each
    part with the number of its characters that are link text."""
    parts: list[tuple[list[str], int]] = [([], 0)]

    def visit(node: _Element, in_link: bool) -> None:
        if node.tag == "lb":
            parts.append(([], 0))
        elif node.text:
            add(node.text, in_link or node.tag == "ref")
        for child in node:
            visit(child, in_link or node.tag == "ref")
            if child.tail:
                add(child.tail, in_link or node.tag == "ref")

    def add(text: str, linked: bool) -> None:
        words, count = parts[-1]
        words.append(text)
        parts[-1] = (words, count + (len(text.strip()) if linked else 0))

    visit(element, False)
    out = []
    for words, linked in parts:
        text = _clean("".join(words))
        if text:
            out.append((text, min(linked, len(text))))
    return out


def _inline_text(element: _Element, *, with_tail: bool = False) -> tuple[str, int]:
    lines = _lines(element)
    text = " ".join(text for text, _ in lines)
    return text, sum(linked for _, linked in lines)


def _clean(text: str) -> str:
    return FORBIDDEN.sub("", _SPACE.sub(" ", text)).strip()


# --- metadata ---------------------------------------------------------------------

def _one_line(text: str | None) -> str | None:
    return _clean(text) or None if text else None


def _clipped(text: str | None, limit: int) -> str | None:
    text = _one_line(text)
    if not text:
        return None
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _title(title: str | None, paragraphs: list[str], link: str | None) -> str:
    if title:
        return title if len(title) <= MAX_TITLE else title[: MAX_TITLE - 1].rstrip() + "…"
    host = _host(link)
    return f"An article from {host}" if host else "An article from the web"


def _standfirst(description: str | None, paragraphs: list[str]) -> str | None:
    """The page's description as a standfirst: one or two sentences that do
    not repeat the start of the body and are not an excerpt cut short."""
    text = _one_line(description)
    if not text or len(text) > MAX_STANDFIRST or text.endswith(("...", "…")):
        return None
    start = key_of(" ".join(paragraphs[:2]))
    if key_of(text)[:60] in start:
        return None
    return text


def _date(text: str | None) -> date | None:
    match = _ISO_DATE.match(text or "")
    if match is None:
        return None
    try:
        return date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    except ValueError:
        return None


def _is_web_link(url: str | None) -> bool:
    if not url or len(url) > MAX_LINE or _SPACE.search(url) or FORBIDDEN.search(url):
        return False
    parts = urlsplit(url)
    return parts.scheme in ("http", "https") and bool(parts.netloc)


def _web_link(url: str | None) -> str | None:
    return url if _is_web_link(url) else None


def _host(url: str | None) -> str | None:
    if not url:
        return None
    host = urlsplit(url).hostname or ""
    return host.removeprefix("www.") or None
