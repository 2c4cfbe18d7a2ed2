"""The reader's settings: what stays the same from one session to the next.

One TOML file, `settings.toml` in the user's config folder
(`BRIEFING_CONFIG_DIR` moves it, as `BRIEFING_STATE_DIR` moves the state),
written by hand or by the app when a setting is changed there (a theme
picked in the palette, a pane shown or hidden with `c` or `v`)::

    theme = "gruvbox"              # a theme the palette's "Change theme" lists
    contents = false               # the Contents pane (unset: shown where there is room)
    entries = true                 # the Quotes and Figures panes
    animations = false             # scroll animations; off, jumps are instant
    export_folder = "~/briefings"  # where `e` proposes to write a digest

    [keys]                         # a binding's id = "key,key" (see the README)
    next-quote = "n,j"

The file is untrusted like every file we read: the same size limit,
characters and strict keys as a briefing. A file that breaks a rule is
refused whole, with one line naming it and the place, and the app runs on
its defaults and never writes over it. In `[keys]` each entry stands alone:
one that is not a string is left out and reported, the others apply (the
app checks the ids and key names, which it alone knows).

When the app changes a setting it rewrites only that setting's line, so the
user's comments and layout stay; the result is parsed again before it is
written, atomically, under a lock.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from pathlib import Path
from types import MappingProxyType
from typing import Any, NamedTuple

from briefing.errors import BriefingError, Problem
from briefing.files import WriteError, locked, write_atomic, write_error
from briefing.loader import check_characters, parse_toml, read_document
from briefing.text import shorten, visible

CONFIG_DIR_VARIABLE = "BRIEFING_CONFIG_DIR"
SETTINGS_NAME = "settings.toml"
MAX_SETTINGS_BYTES = 64 * 1024
MAX_THEME = 100
MAX_FOLDER = 4_096
MAX_KEYS = 500
MAX_KEY_LIST = 200

# The settings the app writes, and what each holds.
_FLAGS = ("contents", "entries", "animations")
_TEXTS = {"theme": MAX_THEME, "export_folder": MAX_FOLDER}
ALLOWED = ("theme", "contents", "entries", "animations", "export_folder", "keys")
_BINDING_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,63}")


class Settings(NamedTuple):
    """The settings in force: the file's, or the defaults."""

    theme: str | None = None  # None: Textual's default
    contents: bool | None = None  # None: shown where there is room
    entries: bool | None = None  # None: shown
    animations: bool | None = None  # None: off (TEXTUAL_ANIMATIONS may say otherwise)
    export_folder: Path | None = None  # `~` expanded
    keys: Mapping[str, str] = MappingProxyType({})  # binding id -> "key,key"
    # Entries of [keys] that were left out, one line each naming the file and the place.
    problems: tuple[str, ...] = ()


# --- where the file lives ----------------------------------------------------------

def config_dir() -> Path:
    override = os.environ.get(CONFIG_DIR_VARIABLE)
    if override:
        return Path(override)
    import platformdirs

    return Path(platformdirs.user_config_dir("briefing", appauthor=False))


def settings_path() -> Path:
    return config_dir() / SETTINGS_NAME


# --- reading -------------------------------------------------------------------------

def load_settings() -> Settings:
    """The settings from the file, or the defaults when there is none.

    Raises BriefingError, naming the file and the place, when the file is
    damaged or breaks a rule (see `one_line` for the message to show).
    """
    path = settings_path()
    if not os.path.lexists(path):
        return Settings()
    source = str(path)
    text = read_document(path, source=source, limit=MAX_SETTINGS_BYTES)
    return checked(parse_toml(text, source=source), source=source)


def settings_in_force() -> tuple[Settings, tuple[str, ...]]:
    """The settings to run with, and a line for each problem to report: a
    broken file's refusal (the defaults are then in force), or the entries
    of [keys] that were left out."""
    try:
        settings = load_settings()
    except BriefingError as error:
        return Settings(), (one_line(error) + " (the file is ignored until it is fixed)",)
    return settings, settings.problems


def one_line(error: BriefingError) -> str:
    """A refusal as the one line the CLI and the app show."""
    more = len(error.problems) - 1
    return error.headline + (f" (and {more} more)" if more > 0 else "")


def checked(document: dict[str, Any], *, source: str) -> Settings:
    """A parsed settings file as Settings; BriefingError if it breaks a rule."""
    check_characters(document, source=source)
    problems: list[Problem] = []
    for key in document:
        if key not in ALLOWED:
            problems.append(Problem(visible(shorten(key, 40), one_line=True),
                                    _unknown(key, ALLOWED)))
    values: dict[str, Any] = {}
    for name in _FLAGS:
        if name in document:
            value = document[name]
            if isinstance(value, bool):
                values[name] = value
            else:
                problems.append(Problem(name, f"must be true or false, not {_kind(value)}"))
    for name, limit in _TEXTS.items():
        if name in document:
            value = document[name]
            if not isinstance(value, str):
                problems.append(Problem(name, f"must be a string, not {_kind(value)}"))
            elif not value.strip():
                problems.append(Problem(name, "is empty: remove the line for the default"))
            elif len(value) > limit:
                problems.append(Problem(name, f"too long: {len(value):,} characters; the "
                                        f"limit is {limit:,}"))
            else:
                values[name] = value
    if "export_folder" in values:
        values["export_folder"] = Path(values["export_folder"]).expanduser()
    keys, left_out = _keys(document.get("keys", {}), source=source, problems=problems)
    if problems:
        raise BriefingError(source, problems)
    return Settings(**values, keys=MappingProxyType(keys), problems=tuple(left_out))


def _keys(table: Any, *, source: str, problems: list[Problem]) -> tuple[dict[str, str],
                                                                        list[str]]:
    """The [keys] table: binding id -> keys. Its shape is a rule of the file;
    each entry's value stands alone (a bad one is left out and reported)."""
    if not isinstance(table, dict):
        problems.append(Problem("keys", f"must be a table of binding ids, not {_kind(table)}"))
        return {}, []
    if len(table) > MAX_KEYS:
        problems.append(Problem("keys", f"{len(table):,} entries; the limit is {MAX_KEYS}"))
        return {}, []
    keys: dict[str, str] = {}
    left_out: list[str] = []
    for binding_id, value in table.items():
        where = f"keys.{visible(shorten(binding_id, 40), one_line=True)}"
        if not _BINDING_ID.fullmatch(binding_id):
            message = "is not a binding id (letters, digits and - only)"
        elif not isinstance(value, str):
            message = f'must be a string of keys such as "n,j", not {_kind(value)}'
        elif not value.strip() or len(value) > MAX_KEY_LIST:
            message = ('must name at least one key, such as "n,j"' if not value.strip()
                       else f"too long: {len(value):,} characters; the limit is "
                            f"{MAX_KEY_LIST}")
        else:
            keys[binding_id] = value
            continue
        left_out.append(Problem(where, message + " (left out)").line(source))
    return keys, left_out


def _unknown(key: str, allowed: tuple[str, ...]) -> str:
    import difflib

    close = difflib.get_close_matches(key, allowed, n=1)
    hint = f'did you mean "{close[0]}"? ' if close else ""
    return f"unknown setting: {hint}(settings: {', '.join(allowed)})"


def _kind(value: Any) -> str:
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int):
        return "an integer"
    if isinstance(value, float):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "an array"
    if isinstance(value, dict):
        return "a table"
    return "a date or time"


# --- writing -------------------------------------------------------------------------

_HEADER = "# briefing's settings (see the README, \"Settings\"); the app updates them too.\n"
_TABLE = re.compile(r"\s*\[")
_SCALAR = r"""(?:true|false|"(?:[^"\\\n]|\\.)*"|'[^'\n]*')"""


def save_settings(changes: Mapping[str, str | bool]) -> Settings:
    """Write `changes` (theme, contents, entries, animations or
    export_folder) into the settings file and return the settings now in it.

    The file is read again under a lock, so another window's change is kept.
    Only the changed lines are rewritten; comments, order and every other
    setting stay as they were. A file that breaks a rule is never written
    over: WriteError says to fix it first. Every failure is a WriteError,
    and nothing is half-written.
    """
    for name, value in changes.items():
        if name not in _FLAGS and name not in _TEXTS:
            raise ValueError(f"not a setting the app writes: {name}")
        if not isinstance(value, bool if name in _FLAGS else str):
            raise ValueError(f"{name}: not a {'boolean' if name in _FLAGS else 'string'}")
    path = settings_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise write_error(path.parent, error) from error
    source = str(path)
    with locked(path):
        text, document = "", {}
        if os.path.lexists(path):
            try:
                text = read_document(path, source=source, limit=MAX_SETTINGS_BYTES)
                document = parse_toml(text, source=source)
                checked(document, source=source)
            except BriefingError as error:
                raise WriteError(path, f"it has a problem ({one_line(error)}); fix it and "
                                 "changes are saved again (it was left as it is)",
                                 kind="other") from None
        wanted = {**document, **changes}
        updated = _updated(text or _HEADER, changes)
        try:
            if parse_toml(updated, source=source) != wanted:
                raise ValueError("the lines were not where they were looked for")
        except (BriefingError, ValueError):
            # An unusual layout (a value over several lines): write it anew;
            # the settings all stay, the comments do not.
            import tomli_w

            updated = tomli_w.dumps(wanted)
        write_atomic(path, updated.encode("utf-8"), overwrite=True)
    return checked(wanted, source=source)


def _updated(text: str, changes: Mapping[str, str | bool]) -> str:
    """`text` with each changed setting's value replaced where it stands
    (its comment kept), or added above the first table."""
    import tomli_w

    lines = text.splitlines(keepends=True)
    if lines and not lines[-1].endswith("\n"):
        lines[-1] += "\n"
    top = next((i for i, line in enumerate(lines) if _TABLE.match(line)), len(lines))
    for name, value in changes.items():
        rendered = tomli_w.dumps({name: value}).strip()
        value_text = rendered.partition(" = ")[2]
        assignment = re.compile(rf"""(\s*(?:{name}|"{name}"|'{name}')\s*=\s*){_SCALAR}"""
                                r"(\s*(?:#.*)?)(\r?\n)")
        for index in range(top):
            match = assignment.fullmatch(lines[index])
            if match:
                lines[index] = match[1] + value_text + match[2] + match[3]
                break
        else:
            at = top
            while at > 0 and not lines[at - 1].strip():  # above the blank lines before a table
                at -= 1
            lines.insert(at, rendered + "\n")
            top += 1
    return "".join(lines)
