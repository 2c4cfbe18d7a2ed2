"""The Textual application and the two ways the CLI starts it."""

from __future__ import annotations

import asyncio
import os
import signal
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual import events, on, work
from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.dom import DOMNode
from textual.screen import Screen
from textual.theme import Theme
from textual.widgets import Input

from briefing.files import WriteError
from briefing.model import Briefing
from briefing.resources import styles_dir
from briefing.settings import Settings, save_settings, settings_in_force, settings_path
from briefing.text import visible
from briefing.tui.lasting import freeze_what_lasts
from briefing.tui.messages import FieldOpening, PaneToggled
from briefing.tui.safe import plain
from briefing.tui.widths import HORIZONTAL_BREAKPOINTS

if TYPE_CHECKING:
    import webbrowser

    from rich.console import RenderableType
    from textual.notifications import SeverityLevel

# How many settings problems get a toast of their own; the rest are counted.
_PROBLEMS_SHOWN = 4


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
                 folder: Path | None = None, settings: Settings | None = None,
                 problems: Sequence[str] = ()) -> None:
        """`settings` are the user's (see briefing.settings) and `problems`
        the lines to report about them, as `settings_in_force` gives both."""
        super().__init__()
        self.briefing = briefing
        self.path = path
        self.folder = folder
        self.settings = settings or Settings()
        self._problems = list(problems)
        self.leaving = False  # exit() was called: input is no longer taken
        self.keymap: dict[str, str] = {}  # the user's, as handed to Textual
        # Before the first frame, so it is drawn in the user's theme at once.
        theme = self.settings.theme
        if theme is not None:
            if theme in self.available_themes:
                self.theme = theme
            else:
                names = ", ".join(sorted(self.available_themes))
                self._problems.append(f"{settings_path()}: theme: no theme is called "
                                      f'"{theme}" (themes: {names})')
        # Jumps are instant unless the user asks for animations, in the
        # settings or with Textual's own TEXTUAL_ANIMATIONS.
        if self.settings.animations is not None:
            self.animation_level = "full" if self.settings.animations else "none"
        elif "TEXTUAL_ANIMATIONS" not in os.environ:
            self.animation_level = "none"
        self._saved_theme = self.theme
        # The workers (search, indexes, the state) run Python code, and a
        # thread waits up to the switch interval for the interpreter: at the
        # default 5 ms, each loop turn during a search waited that long, and
        # a keystroke at 10,000 quotes stalled 12-15 ms; at 1 ms, 9-10 ms
        # (benchmarks/stalls.py). The workers lose no time that anyone sees.
        sys.setswitchinterval(0.001)

    @on(events.Mount)
    def _save_on_signals(self) -> None:
        """A closed terminal (SIGHUP), a `kill` (SIGTERM) or a quit signal
        (SIGQUIT, which would also dump core) would end the process where it
        stands: save the place first, then leave as `q` does, handing the
        terminal back as it was."""
        if self.is_headless:
            return  # tests drive headless apps in their own process: its signals are theirs
        loop = asyncio.get_running_loop()
        for number in (signal.SIGHUP, signal.SIGTERM, signal.SIGQUIT):
            loop.add_signal_handler(number, self._closed_by_signal, number)

    def exit(self, result: int | None = None, return_code: int = 0,
             message: RenderableType | None = None) -> None:
        self.leaving = True
        super().exit(result, return_code, message)

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.InputEvent) and self.leaving:
            # Keys typed with q (`q w` arrives in one read) would open a
            # screen in an app that is closing down.
            return
        if (isinstance(event, events.Key) and event.is_forwarded and event.is_printable
                and event.character and isinstance(field := self.focused, Input)):
            # A letter typed with the key that opened this field (`/moral`
            # in one read) went to the widget that had the focus then, and
            # comes up here after the field opened: it is the field's. (A
            # letter typed into the field is taken there and never comes up.)
            # Handed on as a key, so the field takes it as typed (after its
            # focus, which selects an old query for the new one to replace).
            field.post_message(events.Key(event.key, event.character))
            return
        await super().on_event(event)

    @on(FieldOpening)
    async def _field_opening(self, message: FieldOpening) -> None:
        if not self.leaving:
            await message.open_field()

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

    def on_mount(self) -> None:
        source = str(settings_path())
        if self.settings.keys:
            from briefing.tui.keymap import checked_keymap

            keymap, problems = checked_keymap(self.settings.keys, source=source)
            self._problems += problems
            self.keymap = keymap
            self.set_keymap(keymap)
            # Which ids exist is known once every screen's module is imported:
            # not worth delaying the first frame for.
            self.call_after_refresh(self._check_keymap_ids, keymap, source)
        self._tell(self._problems)
        self.theme_changed_signal.subscribe(self, self._theme_changed)

    def notify(self, message: str, *, title: str = "", severity: SeverityLevel = "information",
               timeout: float | None = None, markup: bool = False) -> None:
        """Every toast, from any screen or thread: shown literally. Paths, file
        names, URLs and errors can hold escape sequences or markup, so no
        caller has to remember to make them safe (`markup` is never used)."""
        super().notify(visible(message), title=plain(title), severity=severity,
                       timeout=timeout, markup=False)

    def validate_title(self, title: str) -> str:
        return plain(title)  # a briefing's or a folder's name

    def validate_sub_title(self, sub_title: str) -> str:
        return plain(sub_title)

    def _check_keymap_ids(self, keymap: dict[str, str], source: str) -> None:
        from briefing.tui.keymap import conflicts, unknown_ids

        self._tell(unknown_ids(keymap, source=source) + conflicts(keymap, source=source))

    def _tell(self, problems: Sequence[str]) -> None:
        """Settings problems, one toast each: they were not applied."""
        for problem in problems[:_PROBLEMS_SHOWN]:
            self.notify(problem, title="Settings", severity="warning", markup=False,
                        timeout=12)
        hidden = len(problems) - _PROBLEMS_SHOWN
        if hidden > 0:
            self.notify(f"… and {hidden} more problems in {settings_path()}",
                        title="Settings", severity="warning", markup=False, timeout=12)

    def handle_bindings_clash(self, clashed_bindings: set[Binding], node: DOMNode) -> None:
        """Nothing at each key press: the keymap's conflicts were said once,
        after the first frame (see keymap.conflicts; Textual's own clash
        report also names a binding rebound from two keys to one)."""

    def keys_of(self, binding: Binding) -> str:
        """The keys a binding answers to now, for display: the user's keymap's
        if it names the binding, else the binding's own."""
        keys = self.keymap.get(binding.id, "") if binding.id else ""
        return " ".join(self.get_key_display(binding.with_key(key.strip()))
                        for key in (keys or binding.key).split(","))

    # --- links ------------------------------------------------------------------------

    # Browsers that draw in the terminal: started under the app, they would
    # fight it for the screen (and the app would wait until they quit).
    _CONSOLE_BROWSERS = frozenset({"www-browser", "links", "links2", "elinks", "lynx", "w3m",
                                   "browsh", "carbonyl"})

    def open_url(self, url: str, *, new_tab: bool = True) -> None:
        """Open a link in the browser without blocking the app, and say so;
        where the only browser is one that draws in the terminal, or there is
        none, show the link instead (terminals let you click or copy it)."""
        if self._driver is not None and self._driver.is_web:
            super().open_url(url, new_tab=new_tab)
            return
        import webbrowser

        try:
            browser = webbrowser.get()
        except webbrowser.Error:
            browser = None
        name = getattr(browser, "name", "")
        if browser is None or os.path.basename(name) in self._CONSOLE_BROWSERS:
            self.notify(f"No web browser to open it in here. The link: {plain(url)}",
                        title="Source link", markup=False, timeout=15)
            return
        self.notify(f"Opening {plain(url)}", title="Source link", markup=False, timeout=5)
        self._open_in(browser, url, new_tab)

    @work(thread=True, group="browser")
    def _open_in(self, browser: webbrowser.BaseBrowser, url: str, new_tab: bool) -> None:
        if not browser.open(url, new=2 if new_tab else 0):
            self.call_from_thread(self.notify, f"The browser did not open {plain(url)}",
                                  title="Source link", severity="warning", markup=False,
                                  timeout=8)

    # --- settings changed in the app --------------------------------------------------

    def _theme_changed(self, theme: Theme) -> None:
        if theme.name != self._saved_theme:
            self._saved_theme = theme.name
            self._remember({"theme": theme.name})

    def on_pane_toggled(self, message: PaneToggled) -> None:
        self._remember({message.pane: message.shown})

    def _remember(self, changes: dict[str, str | bool]) -> None:
        self.settings = self.settings._replace(**changes)
        # Served to a browser, the app is someone else's: their choices last
        # the session and never change the settings file of the server's user.
        if not self.is_web:
            self._save_settings(changes)

    @work(thread=True, group="settings")
    def _save_settings(self, changes: dict[str, str | bool]) -> None:
        """Write the change (atomically, under a lock) off the UI thread."""
        try:
            save_settings(changes)
        except WriteError as error:
            self.call_from_thread(self.notify, f"{error}. This session keeps the change.",
                                  title="Settings not saved", severity="error", markup=False,
                                  timeout=10)

    # --- help -------------------------------------------------------------------------

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


def reader_app(briefing: Briefing, path: Path | None, *, settings: Settings | None = None,
               problems: Sequence[str] = ()) -> BriefingApp:
    """The app for one loaded briefing, as the CLI, the tests and the
    benchmarks all build it. Without `settings`, the user's are read."""
    if settings is None:
        settings, problems = settings_in_force()
    freeze_what_lasts()  # the briefing: the app's start need not walk it (see lasting.py)
    return BriefingApp(briefing=briefing, path=path, settings=settings, problems=problems)


def library_app(folder: Path, *, settings: Settings | None = None,
                problems: Sequence[str] = ()) -> BriefingApp:
    """The app for a folder of briefings."""
    if settings is None:
        settings, problems = settings_in_force()
    return BriefingApp(folder=folder, settings=settings, problems=problems)


def run_reader(briefing: Briefing, path: Path | None, *, settings: Settings | None = None,
               problems: Sequence[str] = ()) -> int:
    """Run the app on one briefing; the exit code is non-zero if it crashed."""
    app = reader_app(briefing, path, settings=settings, problems=problems)
    app.run()
    return _exit_code(app)


def run_library(folder: Path, *, settings: Settings | None = None,
                problems: Sequence[str] = ()) -> int:
    app = library_app(folder, settings=settings, problems=problems)
    app.run()
    return _exit_code(app)


def _exit_code(app: App[int]) -> int:
    """Non-zero when the app crashed, so a crash never looks like success."""
    return app.return_code or 0
