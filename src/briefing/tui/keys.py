"""The keys as a reader reads them, taken from the bindings that are live now.

The help screen and the command palette both describe keys from here, so
neither can drift from what the keys do: a keymap, a key another screen
adds, a key shadowed by another (`n` while a search has matches), a key
that does nothing here (section 7 of a three-section briefing) all show as
they are. Each key is listed once, with the action it runs now.

The bindings Textual's own widgets bring (a list's or a table's cursor
keys) are shown only for the actions our widgets bind too, in our words;
the screen's and the app's are all shown.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import NamedTuple

from textual.app import App
from textual.binding import Binding, BindingsMap
from textual.dom import DOMNode
from textual.keys import format_key
from textual.screen import Screen
from textual.widget import Widget

# How keys read; the rest as Textual's footer writes them (`]` for
# right_square_bracket, `↓` for down).
_KEY_NAMES = {"enter": "enter", "escape": "esc", "space": "space", "tab": "tab",
              "pagedown": "pgdn", "pageup": "pgup", "home": "home", "end": "end"}

# Textual's own actions, in the words of this app.
_TEXTUAL_WORDS = {
    "app.focus_next": "Next pane",
    "app.focus_previous": "Previous pane",
    "screen.copy_text": "Copy the text selected with the mouse",
    "command_palette": "Command palette: every action, and more",
    "quit": "Quit",
}

_NUMBERED = re.compile(r"(.*?)(\d+)")


def key_name(key: str) -> str:
    """`right_square_bracket` as `]`, `ctrl+q` as `ctrl+q`, `enter` as `enter`."""
    *modifiers, base = key.split("+")
    name = _KEY_NAMES.get(base) or format_key(base)
    return "+".join([*modifiers, name])


def spoken(keys: Sequence[str]) -> str:
    """`n or ]`; `h, ← or 1`."""
    if len(keys) <= 1:
        return "".join(keys)
    return f"{', '.join(keys[:-1])} or {keys[-1]}"


class KeyRow(NamedTuple):
    """One action and every key that runs it now."""

    keys: tuple[str, ...]  # as shown (see key_name)
    description: str
    action: str
    enabled: bool  # False: the key is there but does nothing at the moment


class KeyGroup(NamedTuple):
    title: str
    rows: tuple[KeyRow, ...]


def live_keys(screen: Screen[object]) -> list[KeyGroup]:
    """The keys of a screen, grouped: the screen's own; the focused pane's;
    the other panes' (as they are when that pane has the focus); the app's."""
    app = screen.app
    chain = screen._binding_chain  # focused widget to app, keymap applied
    resolved = _resolve(app, chain)
    groups: list[KeyGroup] = []
    screen_rows = _rows(screen, resolved.get(screen, []))
    if screen_rows:
        groups.append(KeyGroup(screen_title(screen), screen_rows))
    in_chain = {node for node, _ in chain}
    panes = [node for node, _ in chain if isinstance(node, Widget) and node is not screen]
    panes += [widget for widget in screen.focus_chain if widget not in in_chain]
    for pane in panes:
        if pane in in_chain:
            rows = _rows(pane, resolved.get(pane, []))
        else:
            rows = _rows(pane, _resolve(app, [(pane, _keymapped(pane))]).get(pane, []))
        if not rows:
            continue
        title = pane_title(pane)
        same = next((i for i, group in enumerate(groups) if group.rows == rows), None)
        if same is not None:  # the Quotes and Figures panes share their keys
            groups[same] = KeyGroup(_joined_titles(groups[same].title, title), rows)
        else:
            groups.append(KeyGroup(title, rows))
    app_rows = _rows(app, resolved.get(app, []))
    if app_rows:
        groups.append(KeyGroup("Everywhere", app_rows))
    return groups


def screen_keys(screen: Screen[object]) -> tuple[KeyRow, ...]:
    """The screen's own actions with the keys that run them now."""
    return _rows(screen, _resolve(screen.app, screen._binding_chain).get(screen, []))


# --- how a key is resolved -----------------------------------------------------------

_Found = tuple[str, Binding, bool]  # key, binding, enabled


def _resolve(app: App[object], chain: Iterable[tuple[DOMNode, BindingsMap]],
             ) -> dict[DOMNode, list[_Found]]:
    """Which binding each key runs, by node: as Textual decides on a key
    press, priority bindings first (from the app down), then from the
    focused widget up; a binding whose action is unavailable now
    (check_action False) lets the key fall through to the next one.

    A Textual widget's own binding for an action our classes do not bind
    takes its key but is not listed (in the search field, → moves the
    cursor), unless it is a scroll the widget cannot make: that one gives
    way at run time, as here (→ in the reading pane is the next section)."""
    chain = list(chain)
    ours = {node: None if isinstance(node, (Screen, App)) else _ours(node) for node, _ in chain}
    taken: set[str] = set()
    found: dict[DOMNode, list[_Found]] = {}
    for priority, nodes in ((True, reversed(chain)), (False, chain)):
        for node, bindings in nodes:
            actions = ours[node]
            for key, key_bindings in bindings.key_to_bindings.items():
                if key in taken:
                    continue
                for binding in key_bindings:
                    if binding.priority != priority or (
                            actions is not None and binding.action not in actions
                            and _gives_way(node, binding.action)):
                        continue
                    state = app._check_action_state(binding.action, node)
                    if state is False:
                        continue
                    taken.add(key)
                    found.setdefault(node, []).append((key, binding, bool(state)))
                    break
    return found


# Textual's scroll actions that skip (and let the key go on to the next
# binding) when the widget cannot scroll that way, and what they ask.
_SKIPPED_UNLESS = {
    "scroll_left": "allow_horizontal_scroll", "scroll_right": "allow_horizontal_scroll",
    "page_left": "allow_horizontal_scroll", "page_right": "allow_horizontal_scroll",
    "scroll_up": "allow_vertical_scroll", "scroll_down": "allow_vertical_scroll",
    "page_up": "allow_vertical_scroll", "page_down": "allow_vertical_scroll",
}


def _gives_way(node: DOMNode, action: str) -> bool:
    """A scroll the widget cannot make: the key goes on to the next binding."""
    can = _SKIPPED_UNLESS.get(action)
    return can is not None and not getattr(node, can, True)


def _keymapped(node: DOMNode) -> BindingsMap:
    """A node's bindings with the user's keymap applied (as the binding
    chain applies it to the focused widget's)."""
    bindings = node._bindings.copy()
    keymap = node.app._keymap
    if keymap:
        bindings.apply_keymap(keymap)
    return bindings


def _ours(node: DOMNode) -> dict[str, str]:
    """The actions this node's classes in this app bind, with their words
    (the most derived class's, where several bind one action)."""
    actions: dict[str, str] = {}
    for cls in type(node).__mro__:
        if cls.__module__.startswith("briefing.") and "BINDINGS" in cls.__dict__:
            for binding in Binding.make_bindings(cls.__dict__["BINDINGS"]):
                if binding.description:
                    actions.setdefault(binding.action, binding.description)
    return actions


def _rows(node: DOMNode, found: Sequence[_Found]) -> tuple[KeyRow, ...]:
    """One row per action, its keys in the order they are bound. A widget's
    rows are the actions our classes bind (with every key that runs them);
    a screen's and the app's are all of theirs, Textual's own in our words."""
    ours = _ours(node)
    take_all = isinstance(node, (Screen, App))
    rows: dict[str, KeyRow] = {}
    if not isinstance(node, Screen):
        # The keys bound here first, then the app-wide priority keys (q, then ctrl+q).
        ordered = sorted(found, key=lambda f: f[1].priority)
    else:
        # As the screen lists them, its priority bindings (`/`) among the others.
        declared = {b.id: i for i, b in enumerate(
            b for bs in node._bindings.key_to_bindings.values() for b in bs)}
        ordered = sorted(found, key=lambda f: declared.get(f[1].id, len(declared)))
    for key, binding, enabled in ordered:
        action = binding.action
        if binding.system:
            continue
        if action in ours:
            description = ours[action]
        elif take_all:
            description = _TEXTUAL_WORDS.get(action, binding.description)
        else:
            continue
        if not description:
            continue
        name = binding.key_display or key_name(key)
        row = rows.get(action)
        if row is None:
            rows[action] = KeyRow((name,), description, action, enabled)
        elif name not in row.keys:
            rows[action] = row._replace(keys=(*row.keys, name), enabled=row.enabled or enabled)
    # This app's actions first, then those Textual gives every screen; in a
    # row, the letter keys first (`k ↑`), as the less and vim keys they are.
    ordered = [row._replace(keys=tuple(sorted(row.keys, key=lambda k: not _letter(k))))
               for row in sorted(rows.values(), key=lambda row: row.action not in ours)]
    return tuple(_numbered_runs(ordered))


def _letter(name: str) -> bool:
    """A key that types a character (`k`, `]`, `space`), not a named one (`↑`)."""
    return (len(name) == 1 and name.isascii()) or name == "space"


def _numbered_runs(rows: list[KeyRow]) -> list[KeyRow]:
    """`1 Section 1`, `2 Section 2`, `3 Section 3` as one row: `1…3 Section 1…3`."""
    merged: list[KeyRow] = []
    run: list[tuple[KeyRow, str, int]] = []

    def flush() -> None:
        if len(run) > 1:
            first, prefix, low = run[0]
            high = run[-1][2]
            merged.append(first._replace(keys=(f"{low}…{high}",),
                                         description=f"{prefix}{low}…{high}"))
        else:
            merged.extend(row for row, _, _ in run)
        run.clear()

    for row in rows:
        match = _NUMBERED.fullmatch(row.description)
        if match and row.keys == (match.group(2),):
            prefix, number = match.group(1), int(match.group(2))
            if run and (run[-1][1] != prefix or run[-1][2] + 1 != number):
                flush()
            run.append((row, prefix, number))
            continue
        flush()
        merged.append(row)
    flush()
    return merged


# --- names -----------------------------------------------------------------------------

def screen_title(screen: Screen[object]) -> str:
    """`HELP_TITLE` if the screen has one, else its class name in words."""
    title = getattr(screen, "HELP_TITLE", None)
    if isinstance(title, str) and title:
        return title
    name = type(screen).__name__.removesuffix("Screen") or "Screen"
    words = re.findall(r"[A-Z][a-z0-9]*|[a-z0-9]+", name)
    return " ".join(words).capitalize()


def pane_title(widget: Widget) -> str:
    """A pane by its `HELP_TITLE`, else by the name the screen shows on its
    border (without counts or filters), else by its id."""
    named = getattr(widget, "HELP_TITLE", None)
    if isinstance(named, str) and named:
        return f"{named} pane"
    title = widget.border_title
    text = title.plain if hasattr(title, "plain") else str(title or "")
    text = text.removeprefix("★ ").split(" (")[0].split(" · ")[0].strip()
    if not text:
        text = (widget.id or type(widget).__name__).replace("-", " ").replace("_", " ")
    return f"{text[:1].upper()}{text[1:]} pane"


def _joined_titles(first: str, second: str) -> str:
    a, b = first.removesuffix(" pane").removesuffix(" panes"), second.removesuffix(" pane")
    return f"{a} · {b} panes"
