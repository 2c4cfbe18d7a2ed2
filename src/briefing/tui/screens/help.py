"""The help screen, built from the bindings that are live where `?` was pressed."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen, Screen
from textual.widgets import Static

from briefing.tui.keys import KeyGroup, live_keys


class HelpScreen(ModalScreen[None]):
    """Lists the real keys of the screen below, each key once, grouped by
    where it works (see `briefing.tui.keys`)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,question_mark", "dismiss", "Close help", id="close-help"),
        Binding("j,down", "scroll('down')", "Scroll down", show=False, id="help-down"),
        Binding("k,up", "scroll('up')", "Scroll up", show=False, id="help-up"),
        Binding("space,pagedown", "scroll('page_down')", "Page down", show=False,
                id="help-page-down"),
        Binding("b,pageup", "scroll('page_up')", "Page up", show=False, id="help-page-up"),
    ]

    def __init__(self, screen: Screen[object]) -> None:
        super().__init__()
        self.groups = live_keys(screen)
        self.lines = describe(self.groups)

    def compose(self) -> ComposeResult:
        with Vertical(id="help-dialog"):
            yield Static(Content("Keys · dimmed ones do nothing just now · esc closes"),
                         classes="dialog-title")
            with VerticalScroll():
                yield Static(self.lines, id="help-keys")

    def action_scroll(self, how: str) -> None:
        scroll = self.query_one(VerticalScroll)
        {"down": scroll.scroll_down, "up": scroll.scroll_up,
         "page_down": scroll.scroll_page_down, "page_up": scroll.scroll_page_up}[how]()


def describe(groups: list[KeyGroup]) -> Content:
    """A heading per group, then one line per action: its keys, what it does.
    A key that does nothing at the moment is drawn muted."""
    width = max((len(" ".join(row.keys)) for group in groups for row in group.rows),
                default=0) + 2
    lines: list[Content] = []
    for group in groups:
        if lines:
            lines.append(Content(""))
        lines.append(Content.styled(group.title, "bold $text-primary"))
        for row in group.rows:
            keys = " ".join(row.keys).ljust(width)
            if row.enabled:
                lines.append(Content.assemble((keys, "bold $text-accent"), row.description))
            else:
                lines.append(Content.styled(keys + row.description, "$foreground-muted"))
    return Content("\n").join(lines)
