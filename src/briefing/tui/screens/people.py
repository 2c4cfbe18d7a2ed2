"""Who speaks: people with their roles and how many quotes each."""

from __future__ import annotations

from collections import Counter
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from briefing.model import Briefing
from briefing.text import counted
from briefing.tui.safe import literal

EVERYONE = "\x00everyone"  # never a speaker: control characters are refused at load


class PeopleScreen(ModalScreen[str | None | bool]):
    """Choose a speaker to filter the Quotes pane; dismisses with the speaker
    (a people id or a name as written), None for everyone, False for no change."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,w", "dismiss(False)", "Close", id="close-people"),
        Binding("j", "list('cursor_down')", "Down", show=False),
        Binding("k", "list('cursor_up')", "Up", show=False),
    ]

    def __init__(self, briefing: Briefing, current: str | None) -> None:
        super().__init__()
        self.briefing = briefing
        self.current = current

    def compose(self) -> ComposeResult:
        counts = Counter(quote.speaker for quote in self.briefing.quotes)
        options = [Option(Content.assemble(("Everyone", "bold"),
                                           (f"  {counted(len(self.briefing.quotes), 'quote')}",
                                            "$foreground-muted")), id=EVERYONE)]
        speakers: list[tuple[str, Content]] = []
        for person in self.briefing.people:
            line = literal(person.name, "bold", one_line=True)
            if person.role:
                line += Content(" · ") + literal(person.role, "italic", one_line=True)
            speakers.append((person.id, line))
        known = {person.id for person in self.briefing.people}
        for name in sorted(set(counts) - known):
            speakers.append((name, literal(name, "bold", one_line=True)))
        speakers.sort(key=lambda item: -counts.get(item[0], 0))
        for key, line in speakers:
            count = counts.get(key, 0)
            options.append(Option(line + Content.styled(
                f"  {counted(count, 'quote')}", "$foreground-muted"),
                id=key, disabled=count == 0))
        with Vertical(id="people-dialog"):
            yield Static(Content("Who speaks · enter filters the Quotes pane · esc closes"),
                         classes="dialog-title")
            yield OptionList(*options, id="people-list")

    def on_mount(self) -> None:
        people = self.query_one(OptionList)
        people.focus()
        if self.current is not None:
            try:
                people.highlighted = people.get_option_index(self.current)
            except Exception:
                people.highlighted = 0

    def action_list(self, action: str) -> None:
        getattr(self.query_one(OptionList), f"action_{action}")()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        chosen = event.option.id
        self.dismiss(None if chosen == EVERYONE else chosen)
