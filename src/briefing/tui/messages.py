"""Messages that go up from widgets to the screen, named for what happened."""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message


@dataclass
class EntryChosen(Message):
    """The reader chose a quote or figure in a pane (Enter or a click)."""

    kind: str  # "quote" | "figure"
    position: int  # index in the pane's current list


@dataclass
class SectionChosen(Message):
    """The reader chose a section in the contents pane."""

    section: int
