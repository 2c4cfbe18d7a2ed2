"""The line of keys at the foot of a screen."""

from __future__ import annotations

from typing import ClassVar, NamedTuple

from textual import events
from textual.content import Content
from textual.reactive import reactive
from textual.screen import Screen
from textual.widget import Widget

# The key that leads to every other one: kept when the line is too narrow
# for all of them.
HELP_ACTION = "help"


class Key(NamedTuple):
    """A key as the line shows it."""

    key: str  # the key's name, as pressed
    shown: str  # how it is written ("/", "^p")
    description: str
    action: str
    enabled: bool


class KeyLine(Widget):
    """The keys the screen's bindings show, on one line: the key, then what
    it does; a key that does nothing here is dimmed. Clicking one presses it.

    One widget drawing one line, where Textual's footer is a widget per key:
    when a key is enabled or disabled it draws the line again, instead of
    mounting every key anew and laying out the whole screen (15 to 25 ms on
    a large briefing, a hitch after the first frame and after such keys)."""

    ALLOW_SELECT = False
    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "key-line--key", "key-line--description", "key-line--hover"}

    hovered: reactive[int | None] = reactive(None)  # the index of the key under the mouse

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._spans: list[tuple[int, int, Key]] = []  # where each key is drawn: start, end

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)

    def _bindings_changed(self, screen: Screen[object]) -> None:
        self.refresh()

    @property
    def keys(self) -> list[Key]:
        """The keys shown, in the order of the bindings; one per action."""
        keys: dict[str, Key] = {}
        for _node, binding, enabled, _tooltip in self.screen.active_bindings.values():
            if binding.show and binding.action not in keys:
                keys[binding.action] = Key(binding.key, self.app.get_key_display(binding),
                                           binding.description, binding.action, enabled)
        return list(keys.values())

    def _fitting(self, keys: list[Key], width: int) -> list[Key]:
        """As many keys as fit, from the first; help is kept at the end."""
        def length(key: Key) -> int:
            return len(key.shown) + 1 + len(key.description) + 1

        if sum(map(length, keys)) - 1 <= width:
            return keys
        help_key = [key for key in keys if key.action == HELP_ACTION][:1]
        room = width - sum(map(length, help_key))
        fitting: list[Key] = []
        for key in keys:
            if key.action == HELP_ACTION:
                continue
            if length(key) > room:
                break
            fitting.append(key)
            room -= length(key)
        return fitting + help_key

    def render(self) -> Content:
        key_style = self.get_visual_style("key-line--key")
        description_style = self.get_visual_style("key-line--description")
        hover_style = self.get_visual_style("key-line--hover")
        parts: list[Content] = []
        self._spans = []
        x = 0
        for index, key in enumerate(self._fitting(self.keys, self.content_region.width)):
            part = Content.assemble((key.shown, key_style), " ",
                                    (key.description, description_style))
            if not key.enabled:
                part = part.stylize("dim")
            if index == self.hovered:
                part = part.stylize(hover_style)
            self._spans.append((x, x + part.cell_length, key))
            parts.append(part)
            x += part.cell_length + 1
        return Content(" ").join(parts)

    def _key_at(self, x: int) -> int | None:
        for index, (start, end, _key) in enumerate(self._spans):
            if start <= x < end:
                return index
        return None

    def on_mouse_move(self, event: events.MouseMove) -> None:
        self.hovered = self._key_at(event.x)

    def on_leave(self) -> None:
        self.hovered = None

    def on_click(self, event: events.Click) -> None:
        index = self._key_at(event.x)
        if index is not None:
            event.stop()
            self.app.simulate_key(self._spans[index][2].key)
