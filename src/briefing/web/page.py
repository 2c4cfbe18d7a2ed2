"""A web page's bytes to an HTML tree that is safe and cheap to extract from.

A page is someone else's file. Before trafilatura sees it: the bytes are
bounded, decoded with the charset the server or the page declares, cleared
of characters that must never reach a terminal, and parsed by lxml without
network access (libxml2 stops nesting at 256 levels and expands no entity
an HTML page declares). Then what never holds article text (scripts,
styles, forms, embedded frames, hidden elements) is removed, runs of
hundreds of inline elements in one element are flattened (trafilatura's
time grows with their square), and a page with more elements or more text
than any article page has is refused.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from briefing.errors import BriefingError
from briefing.text import FORBIDDEN

if TYPE_CHECKING:
    from lxml.html import HtmlElement

# The largest page of the extraction benchmark is 1.5 MB; a news page with
# its scripts inline is rarely over 3 MB.
MAX_PAGE_BYTES = 8 * 1024 * 1024
# After scripts and styles are gone. The benchmark's pages have at most
# ~1,600; the hostile shapes measured in benchmarks/README.md stay within
# a few seconds of trafilatura at this size.
MAX_ELEMENTS = 20_000
# The text of the page, scripts and styles gone: the longest article of the
# benchmark has ~60,000 characters; trafilatura and its date search take
# about 2 s per MiB.
MAX_TEXT_CHARS = 2 * 1024 * 1024
# More inline children than this in one element are flattened to text.
MAX_INLINE_CHILDREN = 100
MAX_STRUCTURED_DATA = 256 * 1024
_SNIFF_BYTES = 4096

_META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9._:-]{1,40})""",
                           re.IGNORECASE)
_UNWANTED = re.compile(f"{FORBIDDEN.pattern[:-1]}\ud800-\udfff\ufffe\uffff]")
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
# Elements that never hold an article's words.
_NEVER_TEXT = ("style", "noscript", "template", "svg", "math", "iframe", "frame", "frameset",
               "object", "embed", "applet", "canvas", "audio", "video", "map", "select",
               "option", "textarea", "input", "button", "dialog")
_INLINE = ("a", "span", "b", "i", "em", "strong", "font", "small", "big", "u", "s", "sub",
           "sup", "abbr", "cite", "mark", "q", "time", "code", "var", "kbd", "tt", "strike",
           "ins", "del", "label", "bdi", "bdo", "wbr", "br", "img")
# The HTML standard reads these labels as windows-1252 (a superset).
_AS_WINDOWS_1252 = {"iso-8859-1", "latin-1", "latin1", "ascii", "us-ascii", "iso8859-1"}


@dataclass
class Page:
    """A parsed page, and what the user should hear about it."""

    tree: HtmlElement
    warnings: list[str] = field(default_factory=list)


def decode_page(data: bytes, *, charset: str | None = None) -> str:
    """The page's text: a byte-order mark, else the charset of the HTTP header,
    else the page's own `<meta charset>`, else UTF-8 if it is valid, else
    windows-1252 (what browsers assume)."""
    for bom, name in ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"),
                      (codecs.BOM_UTF16_BE, "utf-16-be")):
        if data.startswith(bom):
            return data[len(bom):].decode(name, "replace")
    candidates = [charset, _declared_charset(data[:_SNIFF_BYTES])]
    for name in candidates:
        codec = _codec(name)
        if codec is not None:
            return data.decode(codec, "replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", "replace")


def _declared_charset(head: bytes) -> str | None:
    match = _META_CHARSET.search(head)
    return match.group(1).decode("ascii") if match else None


def _codec(name: str | None) -> str | None:
    if not name:
        return None
    name = name.strip().strip("\"'").lower()
    if name in _AS_WINDOWS_1252:
        return "cp1252"
    try:
        codec = codecs.lookup(name).name
    except LookupError:
        return None
    # A page that says UTF-16 in its own bytes was read as ASCII to find that
    # out, so it is not UTF-16 (the HTML standard's rule).
    return "utf-8" if codec.startswith("utf-16") else codec


def parse_page(data: bytes, *, source: str, charset: str | None = None) -> Page:
    """Decode, clean and parse a page within the limits above."""
    if len(data) > MAX_PAGE_BYTES:
        raise BriefingError.single(source, f"the page is {len(data) / 1048576:.1f} MiB; the "
                                   f"limit is {MAX_PAGE_BYTES // 1048576} MiB")
    text = decode_page(data, charset=charset)
    warnings: list[str] = []
    dropped = len(FORBIDDEN.findall(text))
    if dropped:
        text = FORBIDDEN.sub("", text)
        warnings.append(f"dropped {dropped:,} control or bidirectional character"
                        f"{'s' if dropped != 1 else ''} from the page")
    tree = _parse(_without_doctype(text), source=source)
    # Character references (`&#27;`, `&#x202E;`) become characters only now.
    dropped = _drop_forbidden(tree)
    if dropped:
        warnings.append(f"dropped {dropped:,} control or bidirectional character"
                        f"{'s' if dropped != 1 else ''} written as references in the page")
    _strip_non_text(tree)
    count = sum(1 for _ in tree.iter())
    if count > MAX_ELEMENTS:
        raise BriefingError.single(source, f"the page has {count:,} elements; an article page "
                                   f"has at most {MAX_ELEMENTS:,}")
    text_size = sum(len(element.text or "") + len(element.tail or "") for element in tree.iter())
    if text_size > MAX_TEXT_CHARS:
        raise BriefingError.single(source, f"the page holds {text_size / 1048576:.1f} MiB of "
                                   f"text; an article page holds at most "
                                   f"{MAX_TEXT_CHARS // 1048576} MiB")
    _flatten_inline_runs(tree)
    return Page(tree, warnings)


def _without_doctype(text: str) -> str:
    """The text without its DOCTYPE (and any internal subset): libxml2 trips
    on some, and an HTML page needs none."""
    start = len(text) - len(text.lstrip())
    if text[start:start + 9].lower() != "<!doctype":
        return text
    close = text.find(">", start)
    bracket = text.find("[", start, close if close >= 0 else len(text))
    if bracket >= 0:
        close = text.find("]>", bracket)
        close = close + 1 if close >= 0 else -1
    return text[close + 1:] if close >= 0 else text[start + 9:]


def _parse(text: str, *, source: str) -> HtmlElement:
    import lxml.etree
    import lxml.html

    parser = lxml.html.HTMLParser(remove_comments=True, remove_pis=True, no_network=True,
                                  collect_ids=False, default_doctype=False, encoding="utf-8")
    try:
        tree = lxml.html.fromstring(text.encode("utf-8", "replace"), parser=parser)
    except (lxml.etree.ParserError, ValueError) as error:
        raise BriefingError.single(source, f"not a web page: {error}") from None
    except Exception as error:  # lxml on a hostile page: one line, no trace
        raise BriefingError.single(source, f"not a web page ({type(error).__name__})") from None
    if tree is None:
        raise BriefingError.single(source, "not a web page: nothing could be parsed")
    return tree


def _drop_forbidden(tree: HtmlElement) -> int:
    """Remove forbidden characters (and those XML cannot hold, which would
    make trafilatura give up) from the tree's text and attributes."""
    dropped = 0
    for element in tree.iter():
        for name in ("text", "tail"):
            value = getattr(element, name)
            if value and _UNWANTED.search(value):
                dropped += len(_UNWANTED.findall(value))
                setattr(element, name, _UNWANTED.sub("", value))
        for key, value in element.attrib.items():
            if _UNWANTED.search(value):
                element.set(key, _UNWANTED.sub("", value))
    return dropped


def _strip_non_text(tree: HtmlElement) -> None:
    """Remove what never holds article text; structured data (JSON-LD) is
    kept for the metadata while it is of a sane size."""
    doomed = []
    for element in tree.iter():
        tag = element.tag if isinstance(element.tag, str) else ""
        if tag == "script":
            kind = (element.get("type") or "").lower()
            if "ld+json" not in kind or len(element.text or "") > MAX_STRUCTURED_DATA:
                doomed.append(element)
        elif tag in _NEVER_TEXT or not tag or (tag not in ("html", "body") and (
                element.get("hidden") is not None
                or _HIDDEN_STYLE.search(element.get("style", "")))):
            doomed.append(element)
    for element in doomed:
        _drop(element)


def _drop(element: HtmlElement) -> None:
    """Remove an element but keep the text that follows it."""
    parent = element.getparent()
    if parent is None:
        return
    tail = element.tail
    if tail:
        previous = element.getprevious()
        if previous is not None:
            previous.tail = (previous.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail
    parent.remove(element)


def _flatten_inline_runs(tree: HtmlElement) -> None:
    import lxml.etree

    crowded = [element for element in tree.iter()
               if len(element) > MAX_INLINE_CHILDREN
               and sum(1 for child in element if child.tag in _INLINE) > MAX_INLINE_CHILDREN]
    for element in crowded:
        lxml.etree.strip_tags(element, *_INLINE)
