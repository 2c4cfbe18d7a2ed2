"""Hits from the archive (briefing.archive.Hit) as the options of a list:
each briefing once (its day and title, not choosable), then its hits. The
search of every briefing and the people of every briefing both show them."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from textual.binding import Binding
from textual.content import Content
from textual.widgets.option_list import Option

from briefing.archive import Hit
from briefing.tui.safe import literal


def hit_options(hits: Sequence[Hit], line: Callable[[Hit], Content]) -> list[Option]:
    """An option per hit (its id: its index in `hits`), drawn by `line`,
    under a heading for each briefing (hits come grouped by briefing)."""
    options: list[Option] = []
    last = None
    for index, hit in enumerate(hits):
        if (hit.path, hit.day) != last:
            last = (hit.path, hit.day)
            day = f"{hit.day:%Y-%m-%d}  " if hit.day else ""
            options.append(Option(Content.assemble(
                (day, "$foreground-muted"), literal(hit.title or hit.path, "bold",
                                                     one_line=True)), disabled=True))
        where = literal(hit.place, "$text-accent", one_line=True)
        options.append(Option(Content.assemble("  ", where, "  ", line(hit)), id=str(index)))
    return options


def hit_list_keys(prefix: str) -> list[Binding]:
    """The keys that move in the list while the field above it has the
    focus: the arrows and the page keys (ids `PREFIX-down` and so on)."""
    return [Binding(key, f"rows('{action}')", description, show=False, id=f"{prefix}-{name}")
            for key, action, description, name in (
                ("down", "cursor_down", "Down", "down"), ("up", "cursor_up", "Up", "up"),
                ("pagedown", "page_down", "Page down", "page-down"),
                ("pageup", "page_up", "Page up", "page-up"))]
