"""Small dialogs: a one-line prompt (note, export path) and a yes/no question."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Static


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
