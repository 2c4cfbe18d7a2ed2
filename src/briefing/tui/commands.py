"""The command palette: every action of the screen, plus sections and speakers.

Actions come from the screen's live bindings (see `briefing.tui.keys`), with
the keys that run them as the help screen shows them, so the palette can
never offer less than the keys do. File text (section titles, names) is shown as literal
Content; the built-in highlighter would parse it as markup.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content

from briefing.tui.keys import screen_keys, spoken
from briefing.tui.palette_match import palette_match
from briefing.tui.safe import literal


class ScreenCommands(Provider):
    """The screen's actions under the palette, with the keys that run them
    now, as the help screen shows them (`n or ]`)."""

    def _commands(self) -> list[tuple[Content, str, Callable[[], object]]]:
        screen = self.screen
        commands: list[tuple[Content, str, Callable[[], object]]] = []
        for row in screen_keys(screen):
            if row.action.startswith("section("):
                continue  # the sections are offered by their titles
            commands.append((Content(row.description), f"key: {spoken(row.keys)}",
                             partial(screen.run_action, row.action)))
        return commands

    async def discover(self) -> Hits:
        for display, help_text, callback in self._commands():
            yield DiscoveryHit(display, callback, text=display.plain, help=help_text or None)

    async def search(self, query: str) -> Hits:
        for display, help_text, callback in self._commands():
            text = display.plain
            found = palette_match(query, text)  # bounded, unlike Textual's matcher
            if found is not None:
                score, offsets = found
                highlighted = display
                for offset in offsets:
                    highlighted = highlighted.stylize("reverse", offset, offset + 1)
                yield Hit(score, highlighted, callback, text=text, help=help_text or None)


class ReaderCommands(ScreenCommands):
    """Commands of the reader screen under the palette (its COMMANDS)."""

    def _commands(self) -> list[tuple[Content, str, Callable[[], object]]]:
        # The reader screen, which lists this provider: not imported here,
        # as it imports this module.
        screen: Any = self.screen
        commands = super()._commands()
        for index, section in enumerate(screen.briefing.sections):
            commands.append((Content("Go to section: ") + literal(section.title, one_line=True),
                             "Show this section in the reading pane",
                             partial(screen.run_action, f"section({index})")))
        speakers: dict[str, str] = {}
        for quote in screen.briefing.quotes_in_order:
            speakers.setdefault(quote.speaker, quote.speaker_name)
        for speaker, name in speakers.items():
            commands.append((Content("Quotes by: ") + literal(name, one_line=True),
                             "Filter the Quotes pane to this speaker",
                             partial(screen.filter_speaker, speaker)))
        commands.append((Content("Quotes by: everyone"), "Clear the speaker filter",
                         partial(screen.filter_speaker, None)))
        return commands
