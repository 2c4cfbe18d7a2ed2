"""Who speaks and who claims: people with their roles, and how many quotes
each said and how many figures each claims."""

from __future__ import annotations

from collections import Counter
from typing import ClassVar, NamedTuple

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


class Across(NamedTuple):
    """What the people dialog closes with for `a`: this person, in every
    briefing of the library."""

    name: str


class PeopleScreen(ModalScreen[str | None | bool | Across]):
    """Everyone quoted or claiming a figure, with their counts. Choose a
    speaker to filter the Quotes pane; dismisses with the speaker (a people
    id or a name as written), None for everyone, False for no change; with
    `across` (a briefing opened from the library), `a` dismisses with the
    person highlighted, to see them in every briefing."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,w", "dismiss(False)", "Close", id="close-people"),
        Binding("a", "across", "In every briefing", id="people-across"),
        Binding("j", "list('cursor_down')", "Down", show=False),
        Binding("k", "list('cursor_up')", "Up", show=False),
    ]

    def __init__(self, briefing: Briefing, current: str | None, *,
                 across: bool = False) -> None:
        super().__init__()
        self.briefing = briefing
        self.current = current
        self.across = across

    def compose(self) -> ComposeResult:
        counts = Counter(quote.speaker for quote in self.briefing.quotes)
        claims = Counter(figure.claimed_by for figure in self.briefing.figures
                         if figure.claimed_by)
        options = [Option(Content.assemble(("Everyone", "bold"), _counts(
            len(self.briefing.quotes), len(self.briefing.figures), claimed="")), id=EVERYONE)]
        speakers: list[tuple[str, Content]] = []
        for person in self.briefing.people:
            line = literal(person.name, "bold", one_line=True)
            if person.role:
                line += Content(" · ") + literal(person.role, "italic", one_line=True)
            speakers.append((person.id, line))
        known = {person.id for person in self.briefing.people}
        for name in sorted((set(counts) | set(claims)) - known):
            speakers.append((name, literal(name, "bold", one_line=True)))
        speakers.sort(key=lambda item: (-counts.get(item[0], 0), -claims.get(item[0], 0)))
        for key, line in speakers:
            count = counts.get(key, 0)
            # Only someone quoted can filter the Quotes pane.
            options.append(Option(line + _counts(count, claims.get(key, 0)),
                                   id=key, disabled=count == 0))
        with Vertical(id="people-dialog"):
            title = "Who speaks · enter filters the Quotes pane · "
            if self.across:
                title += "a: in every briefing · "
            yield Static(Content(title + "esc closes"), classes="dialog-title")
            yield PeopleList(*options, id="people-list")

    def on_mount(self) -> None:
        people = self.query_one(OptionList)
        people.focus()
        if self.current is not None:
            try:
                people.highlighted = people.get_option_index(self.current)
            except Exception:
                people.highlighted = 0

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return self.across if action == "across" else True

    def action_across(self) -> None:
        people = self.query_one(OptionList)
        if people.highlighted is None:
            return
        chosen = people.get_option_at_index(people.highlighted).id
        if chosen is not None and chosen != EVERYONE:
            person = self.briefing.person(chosen)
            self.dismiss(Across(person.name if person else chosen))

    def action_list(self, action: str) -> None:
        getattr(self.query_one(OptionList), f"action_{action}")()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        chosen = event.option.id
        self.dismiss(None if chosen == EVERYONE else chosen)


class PeopleList(OptionList):
    """The list of people: the cursor stops at either end instead of
    wrapping round, as in the reader's other lists."""

    def action_cursor_down(self) -> None:
        self._step(1)

    def action_cursor_up(self) -> None:
        self._step(-1)

    def _step(self, direction: int) -> None:
        if self.highlighted is None:
            (self.action_first if direction > 0 else self.action_last)()
            return
        index = self.highlighted + direction
        while 0 <= index < self.option_count:
            if not self.get_option_at_index(index).disabled:
                self.highlighted = index
                return
            index += direction


def _counts(quotes: int, figures: int, *, claimed: str = " claimed") -> Content:
    """`  2 quotes · 1 figure claimed`, muted."""
    text = f"  {counted(quotes, 'quote')}"
    if figures:
        text += f" · {counted(figures, 'figure')}{claimed}"
    return Content.styled(text, "$foreground-muted")
