"""Which links from a briefing may be opened in a browser.

A briefing's `url` is someone else's text. Only a plain web address is
handed to a browser: `javascript:`, `file:`, `data:` or an app's own scheme
could run code, read local files or start programs. An address that hides
its real host behind a user name (`https://www.reuters.com@example.net/`)
is refused too: the reader would believe it goes where it does not.
"""

from __future__ import annotations

from typing import NamedTuple
from urllib.parse import urlsplit

WEB_SCHEMES = ("http", "https")


class Link(NamedTuple):
    """A link as checked: `url` to open, or `problem` in words."""

    url: str | None
    problem: str | None = None


def web_link(text: str) -> Link:
    """The link to open for a briefing's `url`, or why there is none."""
    url = text.strip()
    if any(character.isspace() or not character.isprintable() for character in url):
        return Link(None, "it holds spaces or invisible characters")
    try:
        parts = urlsplit(url)
        host = parts.hostname
    except ValueError:
        return Link(None, "it is not a web address")
    if not parts.scheme:
        return Link(None, "it does not start with http:// or https://")
    if parts.scheme.lower() not in WEB_SCHEMES:
        return Link(None, f"only http and https links are opened, not {parts.scheme}:")
    if "@" in parts.netloc:
        return Link(None, "its host is hidden behind a user name (before the @)")
    if not host:
        return Link(None, "it names no host")
    return Link(url)
