"""A quote or figure in full: every field the file gives, where it sits in
the briefing, and the reader's own star and note."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Grid, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from briefing.citation import origin
from briefing.model import Briefing, Figure, Quote
from briefing.tui.clipboard import copy_entry
from briefing.tui.safe import literal

STATUS_MEANING = {
    "reported": "reported (as the article gives it)",
    "unverified": "unverified (not independently checked)",
    "disputed": "disputed",
    "confirmed": "confirmed",
}


def where(briefing: Briefing, entry: Quote | Figure) -> Content:
    """`Negotiations (section 1 of 3), paragraph 5`."""
    a = entry.anchor
    return Content.assemble(
        literal(briefing.sections[a.section].title, "bold", one_line=True),
        f" (section {a.section + 1} of {len(briefing.sections)}), paragraph {a.paragraph + 1}")


def quantity(figure: Figure) -> Content:
    """The figure's `value` and `unit` as the file gives them: `160,000 people`."""
    value = f"{figure.value:,}" if figure.value is not None else None
    if value is None and figure.unit is None:
        return Content.styled("not given", "$foreground-muted")
    if value is None:
        return Content.assemble(("no value given", "$foreground-muted"), " · unit ",
                                literal(figure.unit or "", one_line=True))
    return Content(value) + (Content(" ") + literal(figure.unit, one_line=True)
                             if figure.unit else Content(""))


class EntryScreen(ModalScreen[None]):
    """The selected quote or figure in full. `y` copies it with its
    attribution, as in the reader; esc, q or i close."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,i", "dismiss", "Close", id="close-entry"),
        Binding("y", "copy", "Copy with attribution", id="copy-entry"),
        Binding("j,down", "scroll('down')", "Scroll down", show=False),
        Binding("k,up", "scroll('up')", "Scroll up", show=False),
    ]

    def __init__(self, briefing: Briefing, entry: Quote | Figure, *, starred: bool = False,
                 note: str | None = None) -> None:
        super().__init__()
        self.briefing = briefing
        self.entry = entry
        self.starred = starred
        self.note = note

    def fields(self) -> list[tuple[str, Content]]:
        """The rows below the words: a name and its value."""
        entry = self.entry
        rows: list[tuple[str, Content]] = []
        if isinstance(entry, Quote):
            speaker = literal(entry.speaker_name, "bold", one_line=True)
            if entry.speaker_role:
                speaker += Content(" · ") + literal(entry.speaker_role, "italic", one_line=True)
            if entry.speaker_inferred:
                speaker += Content.styled("  inferred by the importer, not named where the "
                                          "words are: check", "$warning")
            rows.append(("Said by", speaker))
            if entry.note:
                rows.append(("Context", literal(entry.note, one_line=True)))
        else:
            counts = literal(entry.label, one_line=True)
            if entry.label_inferred:
                counts += Content.styled("  a plain label: the importer did not find what "
                                         "it counts", "$warning")
            rows.append(("Counts", counts))
            rows.append(("Value", quantity(entry)))
            claimant = entry.claimant_name
            if claimant:
                claim = literal(claimant, "bold", one_line=True)
                if entry.claimant is not None and entry.claimant.role:
                    claim += Content(" · ") + literal(entry.claimant.role, "italic",
                                                      one_line=True)
            else:
                claim = Content.styled("no one: the article's own words", "$foreground-muted")
            rows.append(("Claimed by", claim))
            rows.append(("Status", Content(STATUS_MEANING[entry.status])))
        rows.append(("Where", where(self.briefing, entry)))
        published = origin(self.briefing.masthead)
        if published:
            rows.append(("Published", literal(published, one_line=True)))
        if self.starred:
            rows.append(("Starred", Content.styled("★ yes", "$warning")))
        if self.note:
            rows.append(("Your note", literal(self.note, one_line=True)))
        return rows

    def compose(self) -> ComposeResult:
        entry = self.entry
        quote = isinstance(entry, Quote)
        with Vertical(id="entry-dialog") as dialog:
            dialog.border_title = "Quote" if quote else "Figure"
            dialog.border_subtitle = "y copies with attribution · esc closes"
            with VerticalScroll(id="entry-body"):
                words = (literal(f"“{entry.text}”", "italic") if quote
                         else literal(entry.text, "bold"))
                yield Static(words, id="entry-words")
                with Grid(id="entry-fields"):
                    for name, value in self.fields():
                        yield Static(Content(name), classes="entry-field-name")
                        yield Static(value, classes="entry-field-value")

    def action_copy(self) -> None:
        copy_entry(self.app, self.briefing, self.entry)

    def action_scroll(self, direction: str) -> None:
        body = self.query_one(VerticalScroll)
        (body.scroll_down if direction == "down" else body.scroll_up)(animate=False)
