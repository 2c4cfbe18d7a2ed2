"""The only way file text reaches a widget: as literal Content, made visible.

Content(text) never parses markup, so `[/]`, `[@click=…]` or `[sic]` stay
text; `visible()` is the second wall that turns any control or bidi
character into a harmless escape before it could reach the terminal.
"""

from __future__ import annotations

from textual.content import Content
from textual.style import Style

from briefing.text import visible


def literal(text: str, style: str | Style = "", *, one_line: bool = False) -> Content:
    """File text as Content that is shown exactly as written."""
    return Content.styled(visible(text, one_line=one_line), style) if style else Content(
        visible(text, one_line=one_line))


def plain(text: str) -> str:
    """File text for places that take a plain string without markup
    (notify(markup=False), the terminal title)."""
    return visible(text, one_line=True)
