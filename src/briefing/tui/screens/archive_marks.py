"""What the reader starred or wrote a note on, in every briefing of the
library's folder, newest first: `*` in the library (as `*` in a briefing
shows its starred entries). Typing narrows the list; enter opens the
briefing at the quote or figure."""

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

from briefing.archive import MAX_MARKS, Archive, ArchiveError, Hit
from briefing.text import counted
from briefing.tui.hit_list import ChosenHit, HitListDialog, hit_list_keys, hit_options
from briefing.tui.safe import literal

TITLE = "Starred and noted in every briefing · enter opens · esc closes"


class ArchiveMarksScreen(HitListDialog):
    """Dismisses with the quote or figure chosen (a hit without a query), or None."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "dismiss(None)", "Close", id="close-archive-marks"),
        *hit_list_keys("archive-marks"),
    ]

    class MarksFound(Message):
        def __init__(self, hits: list[Hit] | None, problem: str | None,
                     left_out: list[str] | None = None) -> None:
            super().__init__()
            self.hits, self.problem = hits, problem
            self.left_out = left_out or []  # why some briefings' marks are not there

    def __init__(self, folder: Path) -> None:
        super().__init__()
        self.folder = folder
        self.hits: list[Hit] = []
        self.shown: list[Hit] = []
        self.left_out: list[str] = []  # why some briefings' marks are not there

    def compose(self) -> ComposeResult:
        with Vertical(id="archive-marks-dialog"):
            yield Static(Content(TITLE), id="archive-marks-title", classes="dialog-title")
            yield Input(placeholder="type to narrow (quote, note, speaker, title)",
                        id="archive-marks-filter", compact=True)
            yield Static(Content.styled("Reading the index…", "$foreground-muted"),
                         id="archive-marks-status")
            yield OptionList(id="archive-marks-list")

    def on_mount(self) -> None:
        self.query_one(Input).focus()
        self._find_marks(self.folder)

    @work(thread=True, exclusive=True, group="archive-marks")
    def _find_marks(self, folder: Path) -> None:
        try:
            with Archive.open(folder) as archive:
                # A star given a moment ago may not have been looked at yet.
                archive.update_marks()
                hits = archive.marked(limit=MAX_MARKS)
                left_out = archive.mark_problems()
        except ArchiveError as error:
            self.post_message(self.MarksFound(None, str(error)))
            return
        self.post_message(self.MarksFound(hits, None, left_out))

    @on(MarksFound)
    def _marks_found(self, message: MarksFound) -> None:
        if message.hits is None:
            self._status(literal(message.problem or "", "$text-error", one_line=True))
            return
        self.hits, self.left_out = message.hits, message.left_out
        self._show()

    @on(Input.Changed, "#archive-marks-filter")
    def _show(self) -> None:
        wanted = self.query_one(Input).value.casefold().split()
        self.shown = [hit for hit in self.hits if hit.has_words(wanted)]
        rows = self.query_one(OptionList)
        rows.set_options(hit_options(self.shown, _line))
        if self.shown:
            rows.highlighted = 1  # the first mark, under its briefing's heading
        if not self.hits:
            status = ("Nothing starred or noted yet: s stars a quote or figure in a "
                      "briefing, a writes a note on it.")
        elif len(self.shown) == len(self.hits):
            status = counted(len(self.hits), "mark")
        else:
            status = f"{len(self.shown):,} of {counted(len(self.hits), 'mark')}"
        content = Content.styled(status, "$foreground-muted")
        if self.left_out:
            content += Content.assemble(
                ("  ⚠ ", "$text-warning"),
                literal(f"stars and notes left out: {self.left_out[0]}"
                        + (f" (and {len(self.left_out) - 1} more)" if len(self.left_out) > 1
                           else ""), "$text-warning", one_line=True))
        self._status(content)

    def chosen(self, option: Option) -> None:
        if option.id is not None:
            self.dismiss(ChosenHit(None, self.shown[int(option.id)]))

    def _status(self, content: Content) -> None:
        self.query_one("#archive-marks-status", Static).update(content)


def _line(hit: Hit) -> Content:
    """★ “The words” — Speaker, and the note under them."""
    text = literal(hit.context, one_line=True)
    if hit.kind == "quote":
        text = Content("“") + text + Content("”")
    parts = [Content.styled("★ ", "$text-warning") if hit.starred else Content("  "), text]
    if hit.speaker:
        parts.append(literal(f" — {hit.speaker}", "italic", one_line=True))
    if hit.note:
        parts += [Content("\n      ✎ "), literal(hit.note, "$text-accent", one_line=True)]
    return Content.assemble(*parts)

