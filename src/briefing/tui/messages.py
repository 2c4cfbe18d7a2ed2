"""Messages that go up from widgets to the screen, named for what happened."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

import rich.repr
from textual.message import Message

# Plain classes, not dataclasses: making a dataclass costs ~0.4 ms at import,
# and these are imported on the reader's start-up path.


class EntryChosen(Message):
    """The reader chose a quote or figure in a pane (Enter or a click)."""

    def __init__(self, kind: str, position: int) -> None:
        super().__init__()
        self.kind = kind  # "quote" | "figure"
        self.position = position  # index in the pane's current list

    def __rich_repr__(self) -> rich.repr.Result:
        yield "kind", self.kind
        yield "position", self.position


class SectionChosen(Message):
    """The reader chose a section in the contents pane."""

    def __init__(self, section: int) -> None:
        super().__init__()
        self.section = section

    def __rich_repr__(self) -> rich.repr.Result:
        yield "section", self.section


class PaneToggled(Message):
    """The reader showed or hid a pane with its key."""

    def __init__(self, pane: str, shown: bool) -> None:
        super().__init__()
        self.pane = pane  # "contents" | "entries": the setting it is
        self.shown = shown

    def __rich_repr__(self) -> rich.repr.Result:
        yield "pane", self.pane
        yield "shown", self.shown


class FieldOpening(Message):
    """A key asked for a field to type in (the search, a note). Posted to the
    focused widget, it goes up behind the keys typed before that key, and
    the app opens the field once it has taken them (`q a` quits; `n a`
    notes the quote n goes to)."""

    def __init__(self, open_field: Callable[[], Awaitable[None]]) -> None:
        super().__init__()
        self.open_field = open_field
