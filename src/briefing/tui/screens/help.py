"""The help screen, built from the bindings that are live where `?` was pressed."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen, Screen
from textual.widgets import Static

READING_KEYS = (
    ("j k ↓ ↑", "Scroll, or move in a list"),
    ("space b", "Page down / up"),
    ("g G", "Top / end"),
    ("tab shift+tab", "Move between panes"),
    ("enter / click", "Go to the quote, figure or section under the cursor"),
    ("ctrl+p", "Command palette: every action, sections and speakers"),
)


# Sideways scrolling never applies: every pane wraps its text.
_SIDEWAYS = {"scroll_left", "scroll_right", "page_left", "page_right"}


class HelpScreen(ModalScreen[None]):
    """Lists the real keys: what the footer shows and what it hides."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,question_mark", "dismiss", "Close help", id="close-help"),
        Binding("j,down", "scroll('down')", "Scroll down", show=False),
        Binding("k,up", "scroll('up')", "Scroll up", show=False),
    ]

    def __init__(self, screen: Screen[object]) -> None:
        super().__init__()
        self.lines = self.describe(screen)

    def describe(self, screen: Screen[object]) -> Content:
        """One line per action, with all of its keys, in binding order."""
        app = screen.app
        seen: dict[str, list[str]] = {}
        for _namespace, bindings in screen._binding_chain:
            for binding_list in bindings.key_to_bindings.values():
                for binding in binding_list:
                    if (not binding.description or binding.system
                            or binding.action in _SIDEWAYS):
                        continue
                    key = app.get_key_display(binding)
                    keys = seen.setdefault(binding.description, [])
                    if key not in keys:
                        keys.append(key)
        rows = [(" ".join(keys), description) for description, keys in seen.items()]
        rows += [row for row in READING_KEYS if row[1] not in seen]
        width = max(len(keys) for keys, _ in rows) + 2
        return Content("\n").join(
            Content.assemble((keys.ljust(width), "bold $text-accent"), description)
            for keys, description in rows
        )

    def compose(self) -> ComposeResult:
        with Vertical(id="help-dialog"):
            yield Static(Content("Keys · esc closes"), classes="dialog-title")
            with VerticalScroll():
                yield Static(self.lines, id="help-keys")

    def action_scroll(self, direction: str) -> None:
        scroll = self.query_one(VerticalScroll)
        (scroll.scroll_down if direction == "down" else scroll.scroll_up)()
