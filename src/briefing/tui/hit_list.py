"""Hits from the archive (briefing.archive.Hit) as the options of a list:
each briefing once (its day and title, not choosable), then its hits; and
the dialog that shows such a list under a field. The search of every
briefing and the people of every briefing are both such dialogs."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import NamedTuple

from textual import on
from textual.binding import Binding
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList
from textual.widgets.option_list import Option

from briefing.archive import Hit
from briefing.tui.safe import literal


class ChosenHit(NamedTuple):
    """What a dialog of hits was closed with: the query (its words are
    marked in the briefing), or None for a quote or figure to go to; and
    the hit to open."""

    query: str | None
    hit: Hit


class HitListDialog(ModalScreen[ChosenHit | None]):
    """A field over a list: the arrows and page keys move in the list from
    the field (see hit_list_keys), and enter, in the field or on a row,
    chooses the row highlighted (see `chosen`)."""

    def chosen(self, option: Option) -> None:
        raise NotImplementedError

    def action_rows(self, action: str) -> None:
        getattr(self.query_one(OptionList), f"action_{action}")()

    @on(Input.Submitted)
    def _submitted(self) -> None:
        rows = self.query_one(OptionList)
        if rows.highlighted is not None:
            self.chosen(rows.get_option_at_index(rows.highlighted))

    @on(OptionList.OptionSelected)
    def _selected(self, event: OptionList.OptionSelected) -> None:
        self.chosen(event.option)


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
