"""People across every briefing of the library's folder: everyone quoted or
claiming a figure (one person however each briefing writes them: see
briefing.person_names), then what one of them said, newest first; enter
opens the briefing at it."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from briefing.archive import Archive, ArchiveError, Hit, Speaker
from briefing.text import counted
from briefing.tui.hit_list import ChosenHit, HitListDialog, hit_list_keys, hit_options
from briefing.tui.safe import literal

EVERYONE_TITLE = "People in every briefing · enter: what they said · esc closes"


class ArchivePeopleScreen(HitListDialog):
    """`p` in the library, or `a` in a briefing's people. Dismisses with the
    quote or figure chosen (a hit without a query), or None."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "Back", id="close-archive-people"),
        *hit_list_keys("archive-people"),
    ]

    class PeopleFound(Message):
        def __init__(self, people: list[Speaker] | None, problem: str | None) -> None:
            super().__init__()
            self.people, self.problem = people, problem

    class SaidFound(Message):
        def __init__(self, name: str, hits: list[Hit] | None, problem: str | None) -> None:
            super().__init__()
            self.name, self.hits, self.problem = name, hits, problem

    def __init__(self, folder: Path, person: str | None = None) -> None:
        super().__init__()
        self.folder = folder
        self.people: list[Speaker] = []
        self.person = person  # whose quotes and figures show, or None: everyone
        self.hits: list[Hit] = []

    def compose(self) -> ComposeResult:
        with Vertical(id="archive-people-dialog"):
            yield Static(Content(EVERYONE_TITLE), id="archive-people-title",
                         classes="dialog-title")
            yield Input(placeholder="type to narrow the names", id="archive-people-filter",
                        compact=True)
            yield Static(Content.styled("Reading the index…", "$foreground-muted"),
                         id="archive-people-status")
            yield OptionList(id="archive-people-list")

    def on_mount(self) -> None:
        self.query_one(Input).focus()
        if self.person is not None:
            self._said(self.folder, self.person)
        else:
            self._find_people(self.folder)

    # --- everyone ----------------------------------------------------------------------

    @work(thread=True, exclusive=True, group="archive-people")
    def _find_people(self, folder: Path) -> None:
        try:
            with Archive.open(folder) as archive:
                people = archive.people()
        except ArchiveError as error:
            self.post_message(self.PeopleFound(None, str(error)))
            return
        self.post_message(self.PeopleFound(people, None))

    @on(PeopleFound)
    def _people_found(self, message: PeopleFound) -> None:
        if message.people is None:
            self._status(literal(message.problem or "", "$text-error", one_line=True))
            return
        self.people = message.people
        if self.person is None:
            self._show_people()

    def _show_people(self) -> None:
        self.query_one("#archive-people-title", Static).update(Content(EVERYONE_TITLE))
        field = self.query_one(Input)
        field.display = True
        wanted = field.value.casefold().split()
        shown = [p for p in self.people if all(w in p.name.casefold() for w in wanted)]
        rows = self.query_one(OptionList)
        rows.set_options([Option(Content.assemble(
            literal(p.name, "bold", one_line=True),
            (f"  {_counts(p.quotes, p.figures)} · in {counted(p.briefings, 'briefing')}",
             "$foreground-muted")), id=str(self.people.index(p))) for p in shown])
        if shown:
            rows.highlighted = 0
        people = "1 person" if len(shown) == 1 else f"{len(shown):,} people"
        self._status(Content.styled(people if self.people else "Nobody is quoted yet",
                                    "$foreground-muted"))

    @on(Input.Changed, "#archive-people-filter")
    def _narrowed(self) -> None:
        if self.person is None:
            self._show_people()

    # --- one person --------------------------------------------------------------------

    @work(thread=True, exclusive=True, group="archive-people")
    def _said(self, folder: Path, name: str) -> None:
        try:
            with Archive.open(folder) as archive:
                hits = archive.said_by(name, limit=500)
        except ArchiveError as error:
            self.post_message(self.SaidFound(name, None, str(error)))
            return
        self.post_message(self.SaidFound(name, hits, None))

    @on(SaidFound)
    def _said_found(self, message: SaidFound) -> None:
        if message.name != self.person:
            return
        if message.hits is None:
            self._status(literal(message.problem or "", "$text-error", one_line=True))
            return
        self.hits = message.hits
        quotes = sum(hit.kind == "quote" for hit in self.hits)
        self.query_one("#archive-people-title", Static).update(Content.assemble(
            literal(message.name, "bold", one_line=True),
            f" · {_counts(quotes, len(self.hits) - quotes)} · enter opens · esc: everyone"))
        self.query_one(Input).display = False
        def line(hit: Hit) -> Content:
            text = literal(hit.context, one_line=True)
            return Content("“") + text + Content("”") if hit.kind == "quote" else text

        options = hit_options(self.hits, line)
        rows = self.query_one(OptionList)
        rows.set_options(options)
        if self.hits:
            rows.highlighted = 1
            rows.focus()
        self._status(Content.styled("" if self.hits else "Nothing found for them",
                                    "$foreground-muted"))

    # --- keys --------------------------------------------------------------------------

    def chosen(self, option: Option) -> None:
        if option.id is None:
            return
        if self.person is None:
            self.person = self.people[int(option.id)].name
            self._said(self.folder, self.person)
        else:
            self.dismiss(ChosenHit(None, self.hits[int(option.id)]))

    def action_back(self) -> None:
        if self.person is not None and self.people:
            self.person, self.hits = None, []
            self._show_people()
            self.query_one(Input).focus()
        elif self.person is not None:  # opened on one person: everyone, from the index
            self.person, self.hits = None, []
            self.query_one(OptionList).clear_options()
            self._find_people(self.folder)
        else:
            self.dismiss(None)

    def _status(self, content: Content) -> None:
        self.query_one("#archive-people-status", Static).update(content)


def _counts(quotes: int, figures: int) -> str:
    text = counted(quotes, "quote")
    return f"{text} · {counted(figures, 'figure')} claimed" if figures else text
