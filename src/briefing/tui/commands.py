"""The command palette: every action of the screen, plus sections and speakers.

Actions come from the screen's own bindings, so the palette can never offer
less than the keys do. File text (section titles, names) is shown as literal
Content; the built-in highlighter would parse it as markup.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content

from briefing.tui.safe import literal


class ReaderCommands(Provider):
    """Commands of the reader screen under the palette (its COMMANDS)."""

    def _commands(self) -> list[tuple[Content, str, Callable[[], object]]]:
        # The reader screen, which lists this provider: not imported here,
        # as it imports this module.
        screen: Any = self.screen
        commands: list[tuple[Content, str, Callable[[], object]]] = []
        seen: set[str] = set()
        for binding in screen.BINDINGS:
            action, description = binding.action, binding.description  # type: ignore[union-attr]
            if action in seen or action.startswith("section(") or not description:
                continue
            seen.add(action)
            if screen.check_action(action.split("(")[0], ()) is False:
                continue
            keys = screen.app.keys_of(binding)  # the user's keymap's, if it names it
            commands.append((Content(description), f"key: {keys}",
                             partial(screen.run_action, action)))
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

    async def discover(self) -> Hits:
        for display, help_text, callback in self._commands():
            yield DiscoveryHit(display, callback, text=display.plain, help=help_text or None)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for display, help_text, callback in self._commands():
            text = display.plain
            score = matcher.match(text)
            if score > 0:
                _, offsets = matcher.fuzzy_search.match(query, text)
                highlighted = display
                for offset in offsets:
                    highlighted = highlighted.stylize("reverse", offset, offset + 1)
                yield Hit(score, highlighted, callback, text=text, help=help_text or None)
