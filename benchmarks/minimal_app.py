"""The floor: the least a Textual app can do to show a title and a paragraph.

Run as a script (`python benchmarks/minimal_app.py TITLE [PARAGRAPH...]`)
it is what the real app's first paint is compared with. Built in-process, its
`n` key shows the next of the texts it was given: the floor for the reader's
next-quote latency.
"""

from __future__ import annotations

import argparse
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


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        prog="minimal_app.py", description="The floor: a one-Static Textual app showing a "
        "title and a paragraph (n shows the next paragraph, q quits).")
    parser.add_argument("title", help="the title line")
    parser.add_argument("paragraphs", nargs="*", metavar="PARAGRAPH",
                        help="the paragraphs, shown one at a time")
    args = parser.parse_args(argv)
    MinimalApp(args.title, args.paragraphs).run()


if __name__ == "__main__":
    main()
