"""The reader's stars, notes and last position for one briefing.

They live in a small TOML file of their own, never in the briefing (which
may be shared, read-only, or someone else's): one file per briefing under
the user's state folder, named by what the briefing *is* (its `url`, or its
title and date: see `briefing_identity`), not by where it lies, so moving,
renaming or copying the file keeps them, and the bundled briefing has the
same stars however it is opened. `BRIEFING_STATE_DIR` moves that folder
(the tests point it at a temporary one).

The state file is untrusted like any other input: it is read by the same
loader with the same rules (size limit, forbidden characters, strict schema
with unknown keys refused) and a damaged one is refused with a
`BriefingError` naming it; the caller shows that and carries on with an
empty `ReaderState`.

How the app uses it::

    key = state_key(briefing, path)
    state = saved = load_state_for(key)    # BriefingError: show it, use ReaderState()
    state = state.with_star(entry_key(quote), True)
    state = saved = save_state(key, state, previous=saved)   # WriteError: show it, keep state
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from types import MappingProxyType
from typing import Any, NamedTuple

from briefing.errors import MAX_PROBLEMS_KEPT, BriefingError, Problem
from briefing.files import WriteError, locked, write_atomic, write_error
from briefing.loader import (
    check_characters,
    describe_value,
    parse_toml,
    read_bytes,
    read_document,
    validate,
)
from briefing.model import MAX_ID, SLUG_PATTERN, Briefing, Figure, Quote
from briefing.state_folder import state_dir
from briefing.text import FORBIDDEN, shorten, visible

STATE_VERSION = 1
MAX_STATE_BYTES = 2 * 1024 * 1024
MAX_NOTE = 5_000
MAX_ENTRIES = 50_000
MAX_PATH_RECORD = 4_096
MAX_PLACE = 10_000_000  # a paragraph index or a character offset, far past any real one

_KEY = re.compile(r"(?:quote|figure):[0-9a-f]{16}")
_SLUG = re.compile(SLUG_PATTERN)
KEY_EXAMPLE = "quote:0123456789abcdef"


def entry_key(entry: Quote | Figure) -> str:
    """A name for a quote or figure that survives edits elsewhere in the file.

    A position such as quotes[3] shifts as soon as the author adds a quote
    above it, and the reader's star would silently move to another entry.
    The key hashes what the entry *is* instead: a quote's words and speaker,
    a figure's words and label. Editing those words makes it a different
    entry (the old star stays in the file, harmless, and returns if the
    words do); two entries with the same words and speaker share a star.
    """
    if isinstance(entry, Quote):
        kind, parts = "quote", [entry.text, entry.speaker]
    else:
        kind, parts = "figure", [entry.text, entry.label]
    digest = hashlib.sha256(json.dumps(parts).encode("ascii")).hexdigest()
    return f"{kind}:{digest[:16]}"


def is_entry_key(value: object) -> bool:
    return isinstance(value, str) and _KEY.fullmatch(value) is not None


@dataclass(frozen=True)
class ReaderState:
    """What the reader marked in one briefing, and where they were.

    Immutable: every change makes a new state, so a state handed to a worker
    (to save it) can never change under it.
    """

    stars: frozenset[str] = frozenset()
    notes: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))
    section: str | None = None  # a section id
    selected: str | None = None  # an entry key
    # (paragraph, character) at the top of the view in that section, so a
    # long section opens where it was being read; None: its top.
    place: tuple[int, int] | None = None

    def __post_init__(self) -> None:
        # Whatever the caller passed (a set, a dict), keep read-only copies.
        object.__setattr__(self, "stars", frozenset(self.stars))
        object.__setattr__(self, "notes", MappingProxyType(dict(self.notes)))

    def with_star(self, key: str, starred: bool) -> ReaderState:
        """This state with the entry starred or not."""
        _check_key(key)
        stars = self.stars | {key} if starred else self.stars - {key}
        return replace(self, stars=stars)

    def note(self, key: str) -> str | None:
        return self.notes.get(key)

    def with_note(self, key: str, text: str) -> ReaderState:
        """This state with the note on an entry set; blank text removes it.

        Characters the state file may not hold (control and bidi characters)
        are dropped, so a pasted escape sequence can never make the reader's
        own file unreadable. A note over MAX_NOTE characters is refused with
        a ValueError whose message can be shown as is.
        """
        _check_key(key)
        cleaned = clean_note(text)
        if len(cleaned) > MAX_NOTE:
            raise ValueError(f"a note holds at most {MAX_NOTE:,} characters; "
                             f"this one has {len(cleaned):,}")
        notes = {k: v for k, v in self.notes.items() if k != key}
        if cleaned:
            notes[key] = cleaned
        return replace(self, notes=notes)

    def at(self, section: str | None, selected: str | None,
           place: tuple[int, int] | None = None) -> ReaderState:
        """This state with the reader's position changed."""
        return replace(self, section=section, selected=selected, place=place)

    @property
    def marked(self) -> frozenset[str]:
        """Keys of the entries that are starred or carry a note."""
        return self.stars | self.notes.keys()


def clean_note(text: str) -> str:
    """A note as the state file stores it: no forbidden characters, one kind
    of line ending, no surrounding blank space."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return FORBIDDEN.sub("", text).strip()


def _check_key(key: str) -> None:
    if not is_entry_key(key):
        raise ValueError(f"not an entry key: {shorten(str(key))} (use entry_key())")


# --- where the file lives (the folder: see briefing.state_folder) ---------------

def briefing_identity(briefing: Briefing) -> str:
    """What a briefing is, in words that survive moving, renaming or copying
    its file and the edits an author makes to its text.

    A briefing with a `url` is the briefing of that article (scheme, case of
    the host, a trailing slash and the #fragment aside). Without one it is
    its title on its publication day, the title folded to its words: a fixed
    quotation mark, comma, capital or double space is the same briefing. A
    fixed *spelling* in the title (or a changed url) is a new identity; the
    state is then found again through the file it was last read from (see
    `load_state_for`). Paragraphs, quotes and figures play no part: an
    author fixing a typo there changes nothing here.
    """
    masthead = briefing.masthead
    url = (masthead.url or "").strip()
    if url:
        return "url " + _folded_url(url)
    published = masthead.published
    day = f"{published.year:04}-{published.month:02}-{published.day:02}" if published else ""
    return f"title {_words(masthead.title)} published {day}"


def _words(text: str) -> str:
    import unicodedata

    return " ".join(re.findall(r"[^\W_]+", unicodedata.normalize("NFKC", text).casefold()))


def _folded_url(url: str) -> str:
    from urllib.parse import urlsplit

    try:
        parts = urlsplit(url)
    except ValueError:  # an unbalanced [ in the host: keep the words as written
        return url
    return (parts.netloc.lower() + parts.path.rstrip("/")
            + (f"?{parts.query}" if parts.query else ""))


class StateKey(NamedTuple):
    """Where one briefing's state is found: what the briefing is, and the
    file it was read from (the way back to state saved before either was
    known, see `load_state_for`). Build it with `state_key`."""

    identity: str
    path: str | None  # resolved; None for a briefing that is not a file
    briefing: Briefing | None = None  # to check that state found by its path is its own


def state_key(briefing: Briefing, path: str | os.PathLike[str] | None) -> StateKey:
    """The key to a briefing's state. The same file reached through a
    symlink or a relative path is the same path."""
    return StateKey(briefing_identity(briefing), os.path.realpath(path) if path else None,
                    briefing)


def state_path_for(key: StateKey) -> Path:
    """The state file for a briefing: one per briefing, never the briefing.

    Named by a hash of its identity, so no part of a (possibly hostile)
    title, url or file name ends up in ours.
    """
    _check_state_key(key)
    digest = hashlib.sha256(b"identity\0" + key.identity.encode("utf-8")).hexdigest()
    return state_dir() / f"{digest[:24]}.toml"


def _check_state_key(key: object) -> None:
    if not isinstance(key, StateKey):
        # A path, as before state was keyed on the briefing: refuse loudly
        # rather than read or write the wrong file.
        raise TypeError(f"a StateKey (state_key(briefing, path)) is needed, not "
                        f"{type(key).__name__}")


def _path_digest(path: str) -> str:
    return hashlib.sha256(os.fsencode(path)).hexdigest()[:24]


def legacy_state_path(path: str | os.PathLike[str]) -> Path:
    """Where earlier versions kept the state of the briefing at `path`:
    named by a hash of its resolved path (read to carry it over)."""
    return state_dir() / f"{_path_digest(os.path.realpath(path))}.toml"


def _pointer_path(path: str) -> Path:
    """The small file naming the state last saved for the briefing at `path`."""
    return state_dir() / "by-path" / _path_digest(path)


_POINTER = re.compile(rb"([0-9a-f]{24})\n?")


# --- reading -------------------------------------------------------------------

class _NewerStateError(BriefingError):
    """The state file was written by a newer briefing: never overwrite it."""


def load_state_for(key: StateKey) -> ReaderState:
    """The saved state for a briefing; an empty one if there is none yet.

    Looked for, in order: under the briefing's identity; then, for a
    briefing whose identity changed (a title or url fixed), the state last
    saved for the same file; then a state file of an earlier version, named
    by the file's path. State found by the path is taken only when it
    belongs here: it marks at least one of this briefing's entries, or marks
    nothing (so a file replaced by another day's briefing starts clean). It
    is written under the identity at the next save; the old file stays.

    Raises BriefingError, naming the state file, when it is damaged or
    hostile. Reading needs no lock: writers replace the file atomically, so
    a reader sees the old file or the new one, never half of one. Reading
    never writes.
    """
    path = state_path_for(key)
    if os.path.lexists(path):
        return read_state(path)
    for source in _found_by_path(key, strict=True):
        state = read_state(source)
        if _belongs(state, key.briefing):
            return state
    return ReaderState()


def _found_by_path(key: StateKey, *, strict: bool) -> list[Path]:
    """State files that may hold this briefing's state under another
    identity: the one the file's pointer names, and the earlier version's."""
    if key.path is None:
        return []
    found: list[Path] = []
    pointer = _pointer_path(key.path)
    if os.path.lexists(pointer):
        named = _read_pointer(pointer, strict=strict)
        if named is not None and named != state_path_for(key) and os.path.lexists(named):
            found.append(named)
    legacy = legacy_state_path(key.path)
    if os.path.lexists(legacy):
        found.append(legacy)
    return found


def _read_pointer(pointer: Path, *, strict: bool) -> Path | None:
    """The state file a pointer names; a damaged pointer is refused naming
    it, or (not `strict`) taken as no pointer at all."""
    try:
        match = _POINTER.fullmatch(read_bytes(pointer, source=str(pointer), limit=64))
        if match is None:
            raise BriefingError.single(str(pointer), "not the name of a state file "
                                       "(24 hexadecimal digits)")
    except BriefingError:
        if strict:
            raise
        return None
    return state_dir() / f"{match.group(1).decode()}.toml"


def _belongs(state: ReaderState, briefing: Briefing | None) -> bool:
    """Whether state found by a file's path is that briefing's own."""
    marked = state.marked
    if not marked or briefing is None:
        return True
    here = {entry_key(entry) for entry in (*briefing.quotes, *briefing.figures)}
    return not here.isdisjoint(marked)


# A state file read before the first frame is at most this large (a few
# hundred stars and notes); a larger one is read by a worker.
QUICK_STATE_BYTES = 64 * 1024


def quick_state_for(key: StateKey) -> ReaderState | None:
    """The saved state, when it can be read at once: the briefing's own state
    file, small, and as this reader writes it (so pydantic is not needed).
    None for anything else, the absence of a file included: a state found
    through the file's path, a damaged file and its message are for
    `load_state_for`, off the UI thread."""
    path = state_path_for(key)
    try:
        if os.stat(path).st_size > QUICK_STATE_BYTES:
            return None
        return read_state(path, quick=True)
    except (OSError, BriefingError, _NotPlain):
        return None


class _NotPlain(Exception):
    """A state file the hand check does not vouch for (see read_state)."""


def read_state(path: Path, *, quick: bool = False) -> ReaderState:
    """Read and check one state file (untrusted: same loader, same rules).
    With `quick`, a file only pydantic could judge raises _NotPlain."""
    source = str(path)
    text = read_document(path, source=source, limit=MAX_STATE_BYTES)
    document = parse_toml(text, source=source)
    _check_version(document, source=source)
    check_characters(document, source=source)
    _check_keys(document, source=source)
    plain = _plainly_valid(document)
    if quick and not plain:
        raise _NotPlain(source)
    if plain:
        checked: Any = _Checked(**{"stars": [], "notes": {}, "section": None, "selected": None,
                                   "place": None, **document})
    else:
        checked = validate(state_file_schema(), document, source=source)
    return ReaderState(
        stars=frozenset(checked.stars),
        notes={key: note for key, note in checked.notes.items() if note.strip()},
        section=checked.section,
        selected=checked.selected,
        place=tuple(checked.place) if checked.place is not None else None,
    )


# The state file's keys (a test checks them against `state_file_schema()`).
STATE_FIELDS = ("version", "briefing", "section", "selected", "place", "stars", "notes")
_SLUG = re.compile(SLUG_PATTERN)


class _Checked(NamedTuple):
    """A state file's values, once they passed."""

    version: int
    stars: list[str]
    notes: dict[str, str]
    section: str | None
    selected: str | None
    place: list[int] | None
    briefing: str | None = None


def _plainly_valid(document: dict[str, Any]) -> bool:
    """Whether the schema would take the file, checked by hand: true for the
    files this reader writes, so that reading one (on every open that has
    stars, notes or a place) needs no pydantic import, about a tenth of a
    second. Anything this does not vouch for goes to pydantic, which also
    says what is wrong; it never vouches for what pydantic would refuse
    (a property test checks that)."""
    def short(value: Any, limit: int) -> bool:
        return type(value) is str and len(value) <= limit

    section, selected = document.get("section"), document.get("selected")
    place = document.get("place")
    stars, notes = document.get("stars", []), document.get("notes", {})
    return (document.keys() <= set(STATE_FIELDS)
            and type(document.get("version")) is int and document["version"] == STATE_VERSION
            and ("briefing" not in document or short(document["briefing"], MAX_PATH_RECORD))
            and ("section" not in document or (short(section, MAX_ID) and bool(section)
                                               and _SLUG.fullmatch(section) is not None))
            and ("selected" not in document or is_entry_key(selected))
            and ("place" not in document or (
                type(place) is list and len(place) == 2
                and all(type(n) is int and -1 <= n <= MAX_PLACE for n in place)))
            and type(stars) is list and len(stars) <= MAX_ENTRIES
            and all(type(key) is str and is_entry_key(key) for key in stars)
            and type(notes) is dict and len(notes) <= MAX_ENTRIES
            and all(type(key) is str and is_entry_key(key) and short(note, MAX_NOTE)
                    for key, note in notes.items()))


def _check_version(document: dict[str, Any], *, source: str) -> None:
    version = document.get("version")
    if "version" not in document:
        raise BriefingError.single(source, "not a briefing reader-state file (no version key)")
    # The value is shown bounded: a version of 5,000 hex digits is too long
    # for str() and crashed the app, and any long one floods the message.
    if type(version) is not int:  # not true, not 1.0
        raise BriefingError.single(source, f"must be the integer {STATE_VERSION}, not "
                                   f"{describe_value(version)}", "version")
    if version > STATE_VERSION:
        raise _NewerStateError(source, [Problem("version", f"written by a newer briefing "
                                                f"(state version {describe_value(version)}): "
                                                "upgrade briefing to use these stars and notes")])
    if version != STATE_VERSION:
        raise BriefingError.single(source, f"must be the integer {STATE_VERSION}, not "
                                   f"{describe_value(version)}", "version")


def _check_keys(document: dict[str, Any], *, source: str) -> None:
    """Unknown and malformed keys, reported with the key shortened (pydantic
    would put the whole key, however long, into the entry path)."""
    allowed = STATE_FIELDS
    unknown = [key for key in document if key not in allowed]
    notes = document.get("notes")
    not_keys = [key for key in notes if not is_entry_key(key)] if isinstance(notes, dict) else []
    # The first are kept and the rest counted: 2 MiB hold 200,000 keys.
    problems = [Problem("(top)", f'unknown key "{shorten(key, 40)}": allowed: '
                        + ", ".join(allowed)) for key in unknown[:MAX_PROBLEMS_KEPT]]
    problems += [Problem("notes", f'"{shorten(key, 40)}" is not an entry key such as '
                         f"{KEY_EXAMPLE}") for key in not_keys[:MAX_PROBLEMS_KEPT - len(problems)]]
    if problems:
        raise BriefingError(source, problems, more=len(unknown) + len(not_keys) - len(problems))
    if isinstance(notes, dict) and len(notes) > MAX_ENTRIES:  # before pydantic reads each
        raise BriefingError.single(source, f"too many entries: {len(notes):,}; the limit is "
                                   f"{MAX_ENTRIES:,}", "notes")


@functools.cache
def state_file_schema() -> Any:
    """The state file's schema, version 1, as a pydantic model. Built when a
    state file is first read: opening a briefing never waits for it."""
    from typing import Annotated, Literal

    from pydantic import BaseModel, ConfigDict, Field, PlainValidator, StringConstraints
    from pydantic_core import PydanticCustomError

    def entry_key_value(value: Any) -> str:
        if not is_entry_key(value):
            raise PydanticCustomError("entry_key", "not an entry key such as {example}",
                                      {"example": KEY_EXAMPLE})
        return value  # type: ignore[no-any-return]

    entry_key_type = Annotated[str, PlainValidator(entry_key_value)]
    slug = Annotated[str, StringConstraints(min_length=1, max_length=MAX_ID,
                                            pattern=SLUG_PATTERN)]
    note = Annotated[str, StringConstraints(max_length=MAX_NOTE)]

    class StateFile(BaseModel):
        model_config = ConfigDict(strict=True, frozen=True, extra="forbid")

        version: Literal[1]
        briefing: Annotated[str, StringConstraints(max_length=MAX_PATH_RECORD)] | None = None
        section: slug | None = None  # type: ignore[valid-type]
        selected: entry_key_type | None = None  # type: ignore[valid-type]
        # [paragraph, character]; -1 for the heading above the first
        # paragraph, or the blank line above a paragraph.
        place: Annotated[list[Annotated[int, Field(ge=-1, le=MAX_PLACE)]],
                         Field(min_length=2, max_length=2)] | None = None
        stars: Annotated[list[entry_key_type], Field(max_length=MAX_ENTRIES)] = []  # type: ignore[valid-type]
        notes: Annotated[dict[entry_key_type, note], Field(max_length=MAX_ENTRIES)] = {}  # type: ignore[valid-type]

    return StateFile


# --- writing -------------------------------------------------------------------

def merge(on_disk: ReaderState, ours: ReaderState, *, since: ReaderState) -> ReaderState:
    """This session's changes since `since`, applied on top of `on_disk`.

    - A star this session added is added; a star it removed is removed;
      every other star is as on disk (another window's changes survive).
    - A note this session changed (set, edited or cleared) takes this
      session's value; every other note is as on disk. When two windows
      edit the same note, the one that saves last wins.
    - The position (section, selected entry, place) is this session's: the
      window that saved last is where the reader was last.
    """
    added = ours.stars - since.stars
    removed = since.stars - ours.stars
    stars = (on_disk.stars - removed) | added
    notes = dict(on_disk.notes)
    for key in ours.notes.keys() | since.notes.keys():
        if ours.notes.get(key) != since.notes.get(key):
            if key in ours.notes:
                notes[key] = ours.notes[key]
            else:
                notes.pop(key, None)
    return ReaderState(stars, notes, ours.section, ours.selected, ours.place)


def save_state(key: StateKey, state: ReaderState, *,
               previous: ReaderState | None = None) -> ReaderState:
    """Save the reader's state for a briefing and return what is now on disk.

    Under a lock on the state file, the file is read again and this
    session's changes since `previous` (the state as last loaded or saved)
    are merged onto it (see `merge`), so two open windows lose nothing.
    With no `previous`, every star and note in `state` counts as added:
    nothing on disk is removed. Adopt the returned state (it includes other
    windows' changes) and keep a copy of it as the next `previous`.

    When there is no file under the briefing's identity yet, the state
    `load_state_for` would have found by its path is the one merged onto,
    so carrying it over loses nothing. A small pointer from the path to the
    identity is kept beside it, for the day the identity changes.

    A state file on disk that cannot be read is moved aside to
    `<name>.damaged` and replaced; one written by a newer briefing is never
    overwritten. Every failure is a WriteError, and nothing is half-written.
    """
    path = state_path_for(key)
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    except OSError as error:
        raise write_error(path.parent, error) from error
    with locked(path):
        on_disk = _on_disk(path) if os.path.lexists(path) else _carried_over(key)
        merged = merge(on_disk, _cleaned(state), since=_cleaned(previous or ReaderState()))
        data = _render(merged, key.path)
        if len(merged.stars) > MAX_ENTRIES or len(merged.notes) > MAX_ENTRIES:
            raise WriteError(path, f"more than {MAX_ENTRIES:,} stars or notes in one briefing "
                             "(nothing was changed)", kind="limit")
        if len(data) > MAX_STATE_BYTES:
            raise WriteError(path, f"stars and notes would take more than "
                             f"{MAX_STATE_BYTES // (1024 * 1024)} MiB (nothing was changed)",
                             kind="limit")
        write_atomic(path, data, overwrite=True)
    if key.path is not None:
        _point(key.path, path)
    return merged


def _carried_over(key: StateKey) -> ReaderState:
    """The state found by the briefing's path, to merge onto when its first
    file under its identity is written. One that cannot be read is left
    where it is (it is not ours to move) and counts as empty."""
    for source in _found_by_path(key, strict=False):
        try:
            state = read_state(source)
        except BriefingError:
            continue
        if _belongs(state, key.briefing):
            return state
    return ReaderState()


def _point(briefing_path: str, state_path: Path) -> None:
    """Record that the briefing at `briefing_path` keeps its state in
    `state_path`, unless that is already recorded."""
    pointer = _pointer_path(briefing_path)
    name = state_path.stem.encode("ascii") + b"\n"
    try:
        with open(pointer, "rb") as existing:
            if existing.read(64) == name:
                return
    except OSError:
        pass
    try:
        pointer.parent.mkdir(exist_ok=True, mode=0o700)
    except OSError as error:
        raise write_error(pointer.parent, error) from error
    write_atomic(pointer, name, overwrite=True)


def _on_disk(path: Path) -> ReaderState:
    if not os.path.lexists(path):
        return ReaderState()
    try:
        return read_state(path)
    except _NewerStateError:
        raise WriteError(path, "it was written by a newer briefing; upgrade briefing to save "
                         "your stars and notes (nothing was changed)", kind="other") from None
    except BriefingError:
        aside = path.with_name(path.name + ".damaged")
        try:
            os.replace(path, aside)
        except OSError as error:
            raise write_error(aside, error) from error
        return ReaderState()


def _cleaned(state: ReaderState) -> ReaderState:
    """Only what the state file may hold, so we never write a file we would
    refuse to read (an app could set fields directly, bypassing the checks)."""
    notes = {}
    for key, text in state.notes.items():
        note = clean_note(text)[:MAX_NOTE]
        if is_entry_key(key) and note:
            notes[key] = note
    return ReaderState(
        stars=frozenset(key for key in state.stars if is_entry_key(key)),
        notes=notes,
        section=state.section if state.section and _SLUG.fullmatch(state.section) else None,
        selected=state.selected if is_entry_key(state.selected) else None,
        place=_place(state.place),
    )


def _place(place: object) -> tuple[int, int] | None:
    """A place as the state file may hold it, or None."""
    if (isinstance(place, tuple) and len(place) == 2
            and all(isinstance(n, int) and not isinstance(n, bool) and -1 <= n <= MAX_PLACE
                    for n in place)):
        return place  # type: ignore[return-value]
    return None


def _render(state: ReaderState, briefing_path: str | None) -> bytes:
    import tomli_w

    document: dict[str, Any] = {"version": STATE_VERSION}
    # For a person looking in the state folder; never read back.
    record = visible(briefing_path, one_line=True) if briefing_path else ""
    if record and len(record) <= MAX_PATH_RECORD:
        document["briefing"] = record
    if state.section is not None:
        document["section"] = state.section
    if state.selected is not None:
        document["selected"] = state.selected
    if state.place is not None:
        document["place"] = list(state.place)
    document["stars"] = sorted(state.stars)
    document["notes"] = dict(sorted(state.notes.items()))
    return tomli_w.dumps(document).encode("utf-8")
