"""What the page's structure says about the article that trafilatura misses.

Three kinds, each about how news pages are built, never about one site:

- pop-up cards: a name in a paragraph that opens a card (a picture, the
  person's latest headlines) carries the card's text inside the paragraph;
  it is removed before extraction.
- a split body: pages put advertising between parts of the article, each
  part in its own container of the same kind (same tag, same class, same
  depth); trafilatura takes the first, and the others are brought back.
- embedded posts: a post quoted in the article (a tweet, an Instagram post)
  is part of what the article says; trafilatura drops it as social-media
  clutter, and it is brought back where it stood.

The recovered paragraphs then go through the same clean-up as the rest.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import TYPE_CHECKING

from briefing.web.cleanup import Block, key_of

if TYPE_CHECKING:
    from lxml.html import HtmlElement

_SPACE = re.compile(r"\s+")
_EMBEDDED_POST = re.compile(r"\b(?:twitter-tweet|instagram-media|tiktok-embed|"
                            r"bluesky-embed|mastodon-embed|threads-embed)\b")
MIN_RECOVERED_WORDS = 5
_CARD_TAGS = ("span", "div", "aside")
_BLOCK_TAGS = {"p", "div", "li", "ul", "ol", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6",
               "figure", "figcaption", "section", "article", "table", "tr", "td", "th", "pre"}


def _text(element: HtmlElement) -> str:
    return _SPACE.sub(" ", element.text_content()).strip()


def _lines(element: HtmlElement) -> list[str]:
    """The element's text, split where the page breaks the line (`<br>`, or
    a block such as `<p>` inside it)."""
    lines: list[list[str]] = [[]]

    def visit(node: HtmlElement) -> None:
        if node.tag == "br":
            lines.append([])
            return
        block = node.tag in _BLOCK_TAGS
        if block:
            lines.append([])
        if node.text:
            lines[-1].append(node.text)
        for child in node:
            if isinstance(child.tag, str):
                visit(child)
            if child.tail:
                lines[-1].append(child.tail)
        if block:
            lines.append([])

    visit(element)
    return [text for text in (_SPACE.sub(" ", "".join(parts)).strip() for parts in lines)
            if text]


def drop_popup_cards(tree: HtmlElement) -> int:
    """Remove cards hidden inside paragraphs: the innermost element within a
    `<p>` holding a picture and two or more links. Returns how many."""
    def is_card(element: HtmlElement) -> bool:
        return (next(element.iter("img"), None) is not None
                and sum(1 for _ in element.iter("a")) >= 2)

    cards = [element for paragraph in tree.iter("p")
             for element in paragraph.iterdescendants(*_CARD_TAGS) if is_card(element)]
    holders = {ancestor for card in cards for ancestor in card.iterancestors()}
    doomed = [card for card in cards if card not in holders]
    removed = 0
    for element in doomed:
        parent = element.getparent()
        if parent is None:
            continue
        if element.tail:
            previous = element.getprevious()
            if previous is not None:
                previous.tail = (previous.tail or "") + element.tail
            else:
                parent.text = (parent.text or "") + element.tail
        parent.remove(element)
        removed += 1
    return removed


def recover_blocks(blocks: list[Block], tree: HtmlElement, *, split_body: bool = True,
                   embedded_posts: bool = True) -> list[Block]:
    """The blocks, with the rest of a split body and the embedded posts put
    back in page order."""
    order = {element: number for number, element in enumerate(tree.iter())}
    by_key: dict[str, HtmlElement] = {}
    for paragraph in tree.iter("p"):
        by_key.setdefault(key_of(paragraph.text_content()), paragraph)
    found = [by_key.get(key_of(block.text)) for block in blocks]
    placed = [element for element in found if element is not None]
    if len(placed) < 2:
        return blocks
    known = _Known(key_of(block.text) for block in blocks)
    extra: list[tuple[int, Block]] = []
    if split_body:
        extra.extend(_rest_of_split_body(placed, tree, order, known))
    if embedded_posts:
        first, last = order[placed[0]], order[placed[-1]]
        extra.extend(_embedded_posts(tree, order, known, first, last))
    if not extra:
        return blocks
    # Each extracted block keeps the page position of the last block that was found there.
    positioned: list[tuple[float, int, Block]] = []
    position = -1.0
    for number, (block, element) in enumerate(zip(blocks, found, strict=True)):
        if element is not None:
            position = float(order[element])
        positioned.append((position, number, block))
    base = len(blocks)
    positioned.extend((at + 0.5, base + number, block)
                      for number, (at, block) in enumerate(extra))
    positioned.sort(key=lambda item: (item[0], item[1]))
    return [block for _, _, block in positioned]


class _Known:
    """Keys of the blocks already in the article; a line is known when its key
    is one of them or, for a line long enough to tell, is inside one."""

    def __init__(self, keys) -> None:
        self.keys = set(keys)
        self.joined = "\n".join(self.keys)

    def __contains__(self, key: str) -> bool:
        return key in self.keys or (len(key) >= 20 and key in self.joined)

    def update(self, keys) -> None:
        for key in keys:
            self.keys.add(key)
        self.joined = "\n".join(self.keys)


def _rest_of_split_body(placed: list[HtmlElement], tree: HtmlElement,
                        order: dict[HtmlElement, int], known: _Known):
    parents = Counter(element.getparent() for element in placed)
    container, count = parents.most_common(1)[0]
    if container is None or count < 2 or not container.get("class"):
        return []
    depth = sum(1 for _ in container.iterancestors())
    related = {*container.iterancestors()}
    out: list[tuple[int, Block]] = []
    for other in tree.iter(container.tag):
        if (other is container or other.get("class") != container.get("class")
                or other in related or sum(1 for _ in other.iterancestors()) != depth):
            continue
        for child in other:
            if child.tag != "p":
                continue
            lines = _lines(child)
            keys = [key_of(line) for line in lines]
            if (not lines or any(key in known for key in keys)
                    or sum(len(line.split()) for line in lines) < MIN_RECOVERED_WORDS):
                continue
            known.update(keys)
            out.extend((order[child], Block(line, "paragraph")) for line in lines)
    return out


def _embedded_posts(tree: HtmlElement, order: dict[HtmlElement, int], known: _Known,
                    first: int, last: int):
    out: list[tuple[int, Block]] = []
    for quote in tree.iter("blockquote"):
        if not _EMBEDDED_POST.search(quote.get("class", "")):
            continue
        at = order[quote]
        if not first < at < last:
            continue
        lines = _lines(quote)
        keys = [key_of(line) for line in lines]
        if not lines or any(key in known for key in keys):
            continue  # trafilatura kept this one, or part of it
        known.update(keys)
        out.extend((at, Block(line, "quote")) for line in lines)
    return out
