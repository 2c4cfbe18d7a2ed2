"""The Textual application and the two ways the CLI starts it."""

from __future__ import annotations

import asyncio
import os
import signal
from collections.abc import Iterable
from pathlib import Path
from typing import ClassVar

from textual import events, on
from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.screen import Screen

from briefing.model import Briefing
from briefing.resources import styles_dir
from briefing.tui.widths import HORIZONTAL_BREAKPOINTS


class BriefingApp(App[int]):
    """Reads one briefing, or a folder of them."""

    CSS_PATH: ClassVar[list[str | Path]] = [styles_dir() / "briefing.tcss"]  # type: ignore[assignment]
    TITLE = "briefing"
    HORIZONTAL_BREAKPOINTS = HORIZONTAL_BREAKPOINTS  # the reader composes by them too
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("q", "quit", "Quit", id="quit"),
        Binding("question_mark,f1", "help", "Help", id="help"),
    ]

    def __init__(self, *, briefing: Briefing | None = None, path: Path | None = None,
                 folder: Path | None = None) -> None:
        super().__init__()
        if "TEXTUAL_ANIMATIONS" not in os.environ:
            # A reader's jumps (a page, the top, the end) land at once; the
            # user who wants them animated sets TEXTUAL_ANIMATIONS=full.
            self.animation_level = "none"
        self.briefing = briefing
        self.path = path
        self.folder = folder

    @on(events.Mount)
    def _save_on_signals(self) -> None:
        """A closed terminal (SIGHUP) or a `kill` (SIGTERM) would end the
        process where it stands: save the place first, then leave as `q`
        does, handing the terminal back as it was."""
        if self.is_headless:
            return  # tests drive headless apps in their own process: its signals are theirs
        loop = asyncio.get_running_loop()
        for number in (signal.SIGHUP, signal.SIGTERM):
            loop.add_signal_handler(number, self._closed_by_signal, number)

    def _closed_by_signal(self, number: int) -> None:
        for screen in self.screen_stack:
            save = getattr(screen, "save_before_exit", None)
            if callable(save):
                save()
        self.exit(return_code=128 + number)  # as a shell reports a death by that signal

    def get_default_screen(self) -> Screen[object]:
        if self.folder is not None:
            from briefing.tui.screens.library import LibraryScreen

            return LibraryScreen(self.folder)  # type: ignore[return-value]
        from briefing.tui.screens.reader import ReaderScreen

        assert self.briefing is not None
        return ReaderScreen(self.briefing, self.path)  # type: ignore[return-value]

    def action_help(self) -> None:
        from briefing.tui.screens.help import HelpScreen

        if isinstance(self.screen, HelpScreen):
            self.screen.dismiss()
            return
        self.push_screen(HelpScreen(self.screen))

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        for command in super().get_system_commands(screen):
            if command.title != "Keys":  # our `?` help screen is the keys panel
                yield command
        yield SystemCommand("Help", "Show every key", self.action_help)


def reader_app(briefing: Briefing, path: Path | None) -> BriefingApp:
    """The app for one loaded briefing, as the CLI, the tests and the
    benchmarks all build it."""
    return BriefingApp(briefing=briefing, path=path)


def run_reader(briefing: Briefing, path: Path | None) -> int:
    """Run the app on one briefing; the exit code is non-zero if it crashed."""
    app = reader_app(briefing, path)
    app.run()
    return _exit_code(app)


def run_library(folder: Path) -> int:
    app = BriefingApp(folder=folder)
    app.run()
    return _exit_code(app)


def _exit_code(app: App[int]) -> int:
    """Non-zero when the app crashed, so a crash never looks like success."""
    return app.return_code or 0
