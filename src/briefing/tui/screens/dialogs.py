"""Small dialogs: a one-line prompt (a note), the export dialog and a yes/no question."""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar, NamedTuple

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Checkbox, Input, Static


class PromptScreen(ModalScreen[str | None]):
    """Asks for one line of text; dismisses with it, or None on escape."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "dismiss(None)", "Cancel", id="cancel-prompt"),
    ]

    def __init__(self, title: Content, value: str = "", *, placeholder: str = "",
                 hint: str = "enter saves · esc cancels") -> None:
        super().__init__()
        self.title_content = title
        self.value = value
        self.placeholder = placeholder
        self.hint = hint

    def compose(self) -> ComposeResult:
        with Vertical(id="prompt-dialog"):
            yield Static(self.title_content, classes="dialog-title")
            yield Input(self.value, placeholder=self.placeholder, id="prompt-input")
            yield Static(Content.styled(self.hint, "$foreground-muted"))

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.dismiss(event.value)


class ConfirmScreen(ModalScreen[bool]):
    """A yes/no question; y/enter say yes, n/escape say no."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("y", "dismiss(True)", "Yes", id="confirm-yes"),
        Binding("n,escape", "dismiss(False)", "No", id="confirm-no"),
    ]

    def __init__(self, question: Content) -> None:
        super().__init__()
        self.question = question

    def compose(self) -> ComposeResult:
        with Vertical(id="confirm-dialog"):
            yield Static(self.question, classes="dialog-title")
            with Horizontal(classes="buttons"):
                yield Button(Content("Yes (y)"), id="yes", variant="warning")
                yield Button(Content("No (n)"), id="no")

    def on_mount(self) -> None:
        self.query_one("#no", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(event.button.id == "yes")


class ExportChoice(NamedTuple):
    """What the export dialog was told: where, and what goes in."""

    path: str
    starred_only: bool  # only what is starred or noted
    this_section: bool  # only the section being read


class _Option(Checkbox, inherit_bindings=False):
    """A checkbox that space ticks, leaving enter to write the digest."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("space", "toggle_button", "Tick", show=False, id="tick-export-option"),
    ]


class ExportScreen(ModalScreen[ExportChoice | None]):
    """Where to write a Markdown digest, and what to put in it: the whole
    briefing, only what is starred or noted, only the section being read
    (or both). The path proposed follows the choices until it is edited."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "dismiss(None)", "Cancel", id="cancel-export"),
        Binding("enter", "write", "Write", show=False, id="write-export"),
    ]
    # The path has the focus from the start: enter writes the whole briefing
    # where proposed, as before there were choices.
    AUTO_FOCUS = "#export-path"

    def __init__(self, section: Content, marked: bool,
                 propose: Callable[[bool, bool], str], *, web: bool = False) -> None:
        """`section` is the section being read (its title, as literal
        Content), `marked` whether anything is starred or noted, and
        `propose(starred_only, this_section)` the path to propose; `web`:
        served to a browser, where the digest is a download and only its
        file name is asked."""
        super().__init__()
        self.section = section
        self.marked = marked
        self.propose = propose
        self.web = web
        self._proposed = propose(False, False)

    def compose(self) -> ComposeResult:
        with Vertical(id="export-dialog"):
            yield Static(Content("Export a Markdown digest"), classes="dialog-title")
            yield _Option(Content("Only what you starred or noted"
                                  + ("" if self.marked else " (nothing yet)")),
                          id="export-starred", compact=True)
            yield _Option(Content("Only this section: ") + self.section,
                          id="export-section", compact=True)
            yield Input(self._proposed, id="export-path", placeholder=(
                "the file name of the download" if self.web else "where to write it"))
            yield Static(Content.styled(f"enter {'downloads' if self.web else 'writes'} · tab "
                                        "moves · space ticks · esc cancels", "$foreground-muted"))

    @property
    def choice(self) -> ExportChoice:
        return ExportChoice(self.query_one(Input).value,
                            self.query_one("#export-starred", Checkbox).value,
                            self.query_one("#export-section", Checkbox).value)

    def on_checkbox_changed(self, event: Checkbox.Changed) -> None:
        event.stop()
        field = self.query_one(Input)
        if field.value == self._proposed:  # not edited: follow the choices
            choice = self.choice
            self._proposed = self.propose(choice.starred_only, choice.this_section)
            field.value = self._proposed

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_write()

    def action_write(self) -> None:
        choice = self.choice
        self.dismiss(choice if choice.path.strip() else None)
