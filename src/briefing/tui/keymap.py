"""The user's keymap (`[keys]` in the settings), checked against the app.

Textual applies a keymap by binding id (`App.set_keymap`) and silently
ignores what it does not understand: an id no binding has, a key it has no
name for. Here both are found and reported in words naming the settings
file and the entry, and only what is sound is handed to Textual.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping

from textual.app import App
from textual.binding import Binding
from textual.dom import DOMNode
from textual.keys import Keys, key_to_character
from textual.screen import Screen

from briefing.errors import Problem
from briefing.text import shorten

MODIFIERS = ("ctrl", "shift", "alt", "meta", "super", "hyper")
# The panes by the names the README and the help screen give them.
# The reader's first: where panes of two screens share a key, the reader's
# is named (the keymap's screen ids are the reader's).
_PANES = {"ReadingPane": "reading pane", "EntryList": "Quotes and Figures panes",
          "ContentsList": "Contents pane", "LibraryList": "library's list"}


@functools.cache
def _key_names() -> frozenset[str]:
    """Names Textual gives keys that are not characters (escape, f5, pageup)."""
    return frozenset(key.value.rpartition("+")[2] for key in Keys)


def key_problem(key: str) -> str | None:
    """What is wrong with one key such as `ctrl+d` or `]`, or None."""
    key = key.strip()
    if not key:
        return "an empty key between commas"
    *modifiers, name = key.split("+")
    for modifier in modifiers:
        if modifier not in MODIFIERS:
            return f'"{shorten(modifier, 20)}" is not a modifier ({", ".join(MODIFIERS)})'
    if not name:
        return f'"{shorten(key, 20)}" names no key after the +'
    if len(name) == 1:
        return None if name.isprintable() and not name.isspace() else (
            f"U+{ord(name):04X} is not a key (spell out space, tab, enter)")
    if name in _key_names() or key_to_character(name) is not None:
        return None
    return f'no key is called "{shorten(name, 30)}" (e.g. j, J, ctrl+d, pagedown, f5, slash)'


def checked_keymap(keys: Mapping[str, str], *, source: str) -> tuple[dict[str, str], list[str]]:
    """The entries whose keys are all real keys, and a line for each other."""
    sound: dict[str, str] = {}
    problems: list[str] = []
    for binding_id, value in keys.items():
        wrong = next((p for p in map(key_problem, value.split(",")) if p is not None), None)
        if wrong is None:
            sound[binding_id] = value
        else:
            problems.append(Problem(f"keys.{binding_id}", f"{wrong} (left out)").line(source))
    return sound, problems


def unknown_ids(keymap: Iterable[str], *, source: str) -> list[str]:
    """A line for each binding id no binding of the app has."""
    import difflib

    known = sorted({binding.id for _, binding in _bindings() if binding.id})
    lines = []
    for binding_id in keymap:
        if binding_id not in known:
            close = difflib.get_close_matches(binding_id, known, n=1)
            hint = f'did you mean "{close[0]}"? ' if close else ""
            lines.append(Problem(f"keys.{binding_id}", f"no key binding has this id: {hint}"
                                 "(the ids are listed in the README; ignored)").line(source))
    return lines


def conflicts(keymap: Mapping[str, str], *, source: str) -> list[str]:
    """A line for each key the keymap gives to a screen's action that
    something else answers to as well.

    - An action of the same screen, or of the app, that is not in the
      keymap loses the key: Textual gives it to the keymap's action alone.
    - Two actions given one key that they did not share before: the first
      that can act does (as n does the next match, else the next quote).
    - A pane keeps its own keys while it has focus (j scrolls the reading
      pane, whatever the screen's bindings say): the keymap applies, but not
      there.
    """
    from textual.keys import _normalize_key_list

    def keys_of(text: str) -> list[str]:
        return [key for key in _normalize_key_list(text).split(",") if key]

    owner: dict[str, type[DOMNode]] = {}  # binding id -> the screen or app it is on
    default: dict[tuple[type[DOMNode], str], list[Binding]] = {}  # (class, key) -> bindings
    apps: list[type[DOMNode]] = []
    panes: dict[str, tuple[str, str, int]] = {}  # key -> (pane, what it does there, rank)
    for cls, binding in _bindings():
        if issubclass(cls, (Screen, App)):
            if issubclass(cls, App) and cls not in apps:
                apps.append(cls)
            if binding.id:
                owner.setdefault(binding.id, cls)
            for key in keys_of(binding.key):
                default.setdefault((cls, key), []).append(binding)
        else:
            rank = list(_PANES).index(cls.__name__) if cls.__name__ in _PANES else len(_PANES)
            for key in keys_of(binding.key):
                if key not in panes or rank < panes[key][2]:
                    panes[key] = (_PANES.get(cls.__name__, cls.__name__),
                                  binding.description, rank)
    given: dict[tuple[type[DOMNode], str], list[str]] = {}  # (class, key) -> ids, keymap's
    lines: list[str] = []
    for binding_id, keys in keymap.items():
        cls = owner.get(binding_id)
        if cls is None:
            continue  # not a screen's (unknown ids are reported on their own)
        where = f"keys.{binding_id}"
        for key in keys_of(keys):
            given.setdefault((cls, key), []).append(binding_id)
            namespaces = [cls, *apps] if issubclass(cls, Screen) else [cls]
            lost = dict.fromkeys(b.description for namespace in namespaces
                                 for b in default.get((namespace, key), ())
                                 if b.id != binding_id and b.id not in keymap and b.description)
            if lost:
                what = ", ".join(f'"{description}"' for description in lost)
                lines.append(Problem(where, f"{key} no longer does {what}").line(source))
            if key in panes:
                pane, description, _ = panes[key]
                lines.append(Problem(where, f'{key} does "{description}" while the {pane} '
                                     "has focus").line(source))
    for (cls, key), ids in given.items():
        before = {b.id for b in default.get((cls, key), ())}
        if len(ids) > 1 and not before.issuperset(ids):
            names = " and ".join(f'"{binding_id}"' for binding_id in ids)
            lines.append(Problem(f"keys.{ids[-1]}", f"{key} is given to {names}: the first "
                                 "of them that can act does").line(source))
    return lines


@functools.cache
def _bindings() -> tuple[tuple[type[DOMNode], Binding], ...]:
    """Every binding of every screen and widget of the app, with its class.

    Every module of the app is imported first, so a screen that is not open
    yet (the library, a dialog) counts too: about 20 ms, paid only when the
    settings hold a keymap, after the first frame.
    """
    import importlib
    import pkgutil

    import briefing.tui as package

    for module in pkgutil.walk_packages(package.__path__, f"{package.__name__}."):
        importlib.import_module(module.name)
    found: list[tuple[type[DOMNode], Binding]] = []
    classes: list[type[DOMNode]] = [DOMNode]
    while classes:
        cls = classes.pop()
        classes.extend(cls.__subclasses__())
        if cls.__module__.startswith(f"{package.__name__}."):
            found.extend((cls, binding) for binding in vars(cls).get("BINDINGS", ())
                         if isinstance(binding, Binding))
    return tuple(found)
