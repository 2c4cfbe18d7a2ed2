"""The floor: the least a Textual app can do to show a title and a paragraph.

Run as a script (`python benchmarks/minimal_app.py TITLE PARAGRAPH [MORE...]`)
it is what the real app's first paint is compared with. Built in-process, its
`n` key shows the next of the texts it was given: the floor for the reader's
next-quote latency.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import ClassVar

from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.widgets import Static


class MinimalApp(App[None]):
    """One Static with a title line and a paragraph."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("n", "next", "Next"),
                                             Binding("q", "quit", "Quit")]

    def __init__(self, title: str, paragraphs: Sequence[str]) -> None:
        super().__init__()
        self.heading = title
        self.paragraphs = list(paragraphs) or [""]
        self.position = 0

    def compose(self) -> ComposeResult:
        yield Static(self._page(), id="page")

    def _page(self) -> Content:
        return Content(f"{self.heading}\n\n{self.paragraphs[self.position]}")

    def action_next(self) -> None:
        self.position = (self.position + 1) % len(self.paragraphs)
        self.query_one("#page", Static).update(self._page())


def main(argv: Sequence[str]) -> None:
    """Show argv[0] as the title and argv[1:] as the paragraphs."""
    title = argv[0] if argv else "Minimal app"
    MinimalApp(title, argv[1:]).run()


if __name__ == "__main__":
    main(sys.argv[1:])
