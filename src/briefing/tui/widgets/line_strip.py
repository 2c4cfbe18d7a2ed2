"""One line of styled text as a strip the width of a pane."""

from __future__ import annotations

from textual.content import Content
from textual.strip import Strip
from textual.style import Style


def line_strip(content: Content, width: int, style: Style) -> Strip:
    """`content` on `style`, cut or filled with `style` to `width` cells.

    Textual's general path (Visual.to_strips) wraps and aligns the text and
    tags every cell with its offset for mouse selection, which these panes do
    not offer: a line drawn here costs a fifth as much, and a press of `n`
    that scrolls both panes draws some fifty lines.
    """
    return Strip(content.render_segments(style)).crop_extend(0, width, style.rich_style)
