"""What a source is, from its first bytes and what the server said it is.

The content decides first (a feed served as text/html is a feed, a saved
page named .txt is a page); the media type decides what the content leaves
open, and refuses what is no article at all (a picture, a PDF).
"""

from __future__ import annotations

import re

PAGE = "page"
FEED = "feed"
TEXT = "text"
_SNIFF = 4096

_FEED_TYPES = {"application/rss+xml", "application/atom+xml", "application/rdf+xml",
               "application/feed+xml"}
_PAGE_TYPES = {"text/html", "application/xhtml+xml"}
_TEXT_TYPES = {"text/plain", "text/markdown", "text/x-markdown"}
_FEED_ROOT = re.compile(rb"<(?:rss|feed|rdf:RDF)[\s>]", re.IGNORECASE)
_PAGE_START = re.compile(rb"<(?:!doctype\s+html|html|head|body|meta|title|link|script|style|"
                         rb"article|main|div|p|h1)[\s>/]", re.IGNORECASE)
_PAGE_ANYWHERE = re.compile(rb"<(?:html|body)[\s>]", re.IGNORECASE)


class NotAnArticle(ValueError):
    """The content is of a kind that holds no article; the message says which."""


def kind_of(data: bytes, media_type: str = "") -> str:
    """PAGE, FEED or TEXT; `NotAnArticle` for a picture, a PDF, an archive."""
    head = data[:_SNIFF]
    for bom in (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff"):
        if head.startswith(bom):
            head = head[len(bom):]
            break
    start = head.lstrip()
    if start.startswith(b"<"):
        if start[:5].lower() == b"<?xml" or media_type in _FEED_TYPES or _FEED_ROOT.match(start):
            if _FEED_ROOT.search(head):
                return FEED
            if _PAGE_ANYWHERE.search(head):
                return PAGE
            if media_type in _FEED_TYPES:
                return FEED
            raise NotAnArticle("XML, but neither a web page nor an RSS or Atom feed")
        if _PAGE_START.match(start) or _is_comment_then_page(start) or media_type in _PAGE_TYPES:
            return PAGE
    if media_type in _FEED_TYPES:
        return FEED
    if b"\x00" in head and not head.startswith((b"\xff\xfe", b"\xfe\xff")):
        kind = media_type or "binary data"
        raise NotAnArticle(f"not an article: the content is {kind}")
    if media_type in _PAGE_TYPES:
        return PAGE
    if media_type and media_type not in _TEXT_TYPES and not media_type.startswith("text/") and (
            not _looks_like_text(head)):
        raise NotAnArticle(f"not an article: the content is {media_type}")
    return TEXT


def _is_comment_then_page(start: bytes) -> bool:
    """A saved page often opens with a comment ("saved from url=…")."""
    if not start.startswith(b"<!--"):
        return False
    end = start.find(b"-->")
    return end >= 0 and bool(_PAGE_START.match(start[end + 3:].lstrip()))


def _looks_like_text(head: bytes) -> bool:
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as error:
        # A multi-byte character cut at the end of the sample is still text.
        return error.start >= len(head) - 4
    return True
