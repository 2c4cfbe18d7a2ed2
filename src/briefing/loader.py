"""Turn a briefing file into a resolved `Briefing`, or one readable error.

The file is someone else's: it is read as bytes with a size limit, refused if
it is not a regular file, decoded deliberately (a UTF-8 BOM is allowed and
dropped), parsed with rtoml, or tomli where rtoml refuses (never the stdlib
tomllib of 3.11-3.13, which a 200 KB dotted-key file drives to tens of GB),
checked for characters that must never reach a terminal, validated strictly
and anchored. Every failure becomes a `BriefingError` naming the file and the
place.
"""

from __future__ import annotations

import functools
import os
import re
import stat
import sys
import unicodedata
from collections.abc import Callable, Iterator
from typing import Any

from briefing.errors import MAX_PROBLEMS_KEPT, BriefingError, Problem
from briefing.model import (
    FORMAT_2_FIELDS,
    FORMAT_VERSION,
    MAX_FILE_BYTES,
    MAX_PARAGRAPH,
    Briefing,
    resolve,
)
from briefing.text import FORBIDDEN, describe_code_point, first_forbidden, shorten, visible

_UTF8_BOM = b"\xef\xbb\xbf"
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
_MAX_SOURCE_LINE = 100
_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")
# What `_deepest_places` looks at: strings and comments (to skip them), brackets,
# dots and newlines; it stops where nesting passes tomli's own limit (400).
_TOKENS = re.compile(r'"""(?:\\.|[^\\])*?"""|\'\'\'.*?\'\'\'|"(?:\\.|[^"\\\n])*"'
                     r"|'[^'\n]*'|#[^\n]*|[\[\]{}.\n]", re.DOTALL)
_NESTING_SEEN = 400
_DIGIT_RUN = re.compile(r"[0-9][0-9_]*")


def load_briefing(path: str | os.PathLike[str], *, source: str | None = None,
                  remember: bool = False) -> Briefing:
    """Read, check, validate and anchor the briefing at `path`, in that order.

    With `remember` (opening one briefing to read or export it), contents
    that passed before are read back as the briefing they made (see
    `briefing.judged`), and contents that pass now are remembered.
    """
    if remember:
        briefing, remember_it = read_briefing(path, source=source)
        if remember_it is not None:
            remember_it()
        return briefing
    source = source if source is not None else str(path)
    return briefing_from_bytes(read_bytes(path, source=source), source=source)


def read_briefing(path: str | os.PathLike[str], *, source: str | None = None
                  ) -> tuple[Briefing, Callable[[], None] | None]:
    """`load_briefing` with `remember`, where the caller chooses when to
    remember: the briefing, and what remembers it (None when it was
    remembered already). Writing down a 10,000-quote briefing takes ~80 ms,
    which the reader's first frame does not wait for."""
    from briefing import judged

    source = source if source is not None else str(path)
    data = read_bytes(path, source=source)
    key = judged.content_key(data)
    briefing = judged.remembered(key)
    if briefing is not None:
        return briefing, None
    briefing = briefing_from_bytes(data, source=source)
    return briefing, functools.partial(judged.remember, key, briefing)


def briefing_from_bytes(data: bytes, *, source: str) -> Briefing:
    """`load_briefing` for a file's bytes, read already."""
    return parse_briefing(decode(data, source=source), source=source)


def parse_briefing(text: str, *, source: str) -> Briefing:
    """Parse, validate and resolve briefing text (already decoded)."""
    briefing, problems = resolve(checked_document(text, source=source))
    if briefing is None:
        raise BriefingError(source, problems)
    return briefing


def checked_document(text: str, *, source: str) -> dict[str, Any]:
    """Parse briefing text and judge it against the schema (no anchoring)."""
    document = parse_toml(text, source=source)
    judge_document(document, text=text, source=source)
    return document


def judge_document(document: dict[str, Any], *, text: str, source: str) -> None:
    """Judge a parsed briefing (`text`, what it was parsed from) against the
    format version and the schema."""
    check_version(document, source=source)
    if not clean_text(text):
        check_characters(document, source=source)
    if _plainly_fine(document) and _valid_at_core(document):
        return  # valid: pydantic itself is needed only to say what is wrong
    from briefing import schema

    validate(schema.BRIEFING, document, source=source, text=text)


def _valid_at_core(document: dict[str, Any]) -> bool:
    """Whether the schema accepts a document, asked of pydantic-core with the
    schema generated from `briefing.schema` (see `briefing.schema_core`)."""
    from pydantic_core import SchemaValidator

    from briefing.schema_core import CORE_SCHEMA

    return SchemaValidator(CORE_SCHEMA).isinstance_python(document)


def read_document(path: str | os.PathLike[str], *, source: str,
                  limit: int = MAX_FILE_BYTES) -> str:
    """Read a regular file of at most `limit` bytes and decode it as UTF-8."""
    return decode(read_bytes(path, source=source, limit=limit), source=source)


def read_bytes(path: str | os.PathLike[str], *, source: str, limit: int = MAX_FILE_BYTES) -> bytes:
    """Read at most `limit` bytes, refusing anything that is not a regular file.

    The file is opened non-blocking and checked with fstat on the open
    descriptor, so a FIFO or device can neither hang us nor slip in between
    a check and the open.
    """
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError:
        raise BriefingError.single(source, "no such file") from None
    except IsADirectoryError:
        raise BriefingError.single(source, "is a folder, not a briefing file") from None
    except PermissionError:
        raise BriefingError.single(source, "permission denied: cannot read this file") from None
    except OSError as error:
        raise BriefingError.single(source, f"cannot open: {error.strerror}") from None
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise BriefingError.single(source, "is a folder, not a briefing file")
        if not stat.S_ISREG(info.st_mode):
            raise BriefingError.single(source, "not a regular file (a pipe, device or socket "
                                       "cannot be read as a briefing)")
        if info.st_size > limit:
            size, most = _size(info.st_size), _size(limit)
            if size == most:  # "16.0 MiB; the limit is 16.0 MiB" would read as a bug
                size, most = f"{info.st_size:,} bytes", f"{limit:,} bytes"
            raise BriefingError.single(source, f"file is {size}; the limit is {most}")
        chunks: list[bytes] = []
        remaining = limit + 1
        # The size fstat gave, plus one byte to see the end: usually one read
        # and no copy (a file that grows meanwhile takes more reads).
        step = max(info.st_size + 1, 1 << 16)
        while remaining > 0:
            chunk = os.read(fd, min(remaining, step))
            if not chunk:
                break
            chunks.append(chunk)
            remaining -= len(chunk)
        data = b"".join(chunks)
    except OSError as error:
        raise BriefingError.single(source, f"cannot read: {error.strerror}") from None
    finally:
        os.close(fd)
    if len(data) > limit:  # the file grew after fstat
        raise BriefingError.single(source, f"file is over the limit of {_size(limit)}")
    return data


def decode(data: bytes, *, source: str) -> str:
    """UTF-8 with an optional BOM; anything else is refused with its place."""
    if data.startswith(_UTF8_BOM):
        data = data[len(_UTF8_BOM):]
    elif data.startswith(_UTF16_BOMS):
        raise BriefingError.single(source, "file is UTF-16; save it as UTF-8")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        before = data[: error.start]
        line = before.count(b"\n") + 1
        column = len(before[before.rfind(b"\n") + 1:].decode("utf-8", "replace")) + 1
        byte = data[error.start]
        raise BriefingError(source, [Problem(f"{line}:{column}",
                                             f"not valid UTF-8 (byte 0x{byte:02x})")]) from None
    # Line endings are a property of the editor, not of the text.
    return text.replace("\r\n", "\n") if "\r" in text else text


def parse_toml(text: str, *, source: str) -> dict[str, Any]:
    """Parse TOML, turning every failure mode into a placed `BriefingError`.

    rtoml (Rust) reads a large briefing about 3x faster than tomli and refuses
    every hostile file in tests/test_properties.py cleanly. What it refuses goes to tomli,
    which says where the problem is in our words, or accepts what rtoml does
    not (a float too large, an integer over 64 bits): a file is TOML when
    either parser says so, and its errors always read the same.
    """
    import rtoml

    try:
        document: dict[str, Any] = rtoml.loads(text)
        return document
    except (KeyboardInterrupt, SystemExit):
        raise
    except BaseException:  # a panic in Rust arrives as pyo3's PanicException
        pass
    import tomli

    try:
        return tomli.loads(text)
    except tomli.TOMLDecodeError as error:
        line, column = error.lineno, error.colno
        raise BriefingError(source, [Problem(f"{line}:{column}", _toml_message(error.msg),
                                             _caret(text, line, column))]) from None
    except RecursionError as error:
        # tomli refuses deep nesting and keys of over ~1000 dotted parts this
        # way, without a position: find the place ourselves.
        nesting, dots = _deepest_places(text)
        if "key" in str(error):
            raise BriefingError.single(source, "key has too many dotted parts",
                                       _position(text, dots) if dots >= 0 else "") from None
        raise BriefingError.single(source, "arrays or tables are nested too deeply",
                                   _position(text, nesting) if nesting >= 0 else "") from None
    except ValueError as error:
        # tomli lets int() refuse integers of thousands of digits.
        long_number = _long_number(text)
        where = _position(text, long_number) if long_number >= 0 else ""
        if "digits" in str(error) or long_number >= 0:
            raise BriefingError.single(source, "integer has too many digits", where) from None
        raise BriefingError.single(source, f"cannot read TOML: {error}") from None


def check_version(document: dict[str, Any], *, source: str) -> None:
    """Refuse a missing or unknown `format` with what to do about it."""
    if "format" not in document:
        raise BriefingError.single(source, f"no format version: add `format = {FORMAT_VERSION}` "
                                   "as the first line of the file")
    version = document["format"]
    is_integer = type(version) is int  # not a bool, and not 1.0 (which equals 1)
    if is_integer and version > FORMAT_VERSION:
        raise BriefingError.single(
            source, f"format {describe_value(version)} is newer than this reader understands "
            f"(format {FORMAT_VERSION}): upgrade briefing, e.g. `pip install -U briefing`",
            "format")
    if not is_integer or version not in (1, FORMAT_VERSION):
        raise BriefingError.single(source, f"must be the integer 1 or {FORMAT_VERSION}, not "
                                   f"{describe_value(version)}", "format")
    if version == 1:
        _refuse_newer_fields(document, source=source)


def _refuse_newer_fields(document: dict[str, Any], *, source: str) -> None:
    """A format 1 file may not use what format 2 added: say where, and what to do."""
    for table, names in FORMAT_2_FIELDS.items():
        value = document.get(table)
        entries = value if isinstance(value, list) else [value]
        tables = [entry for entry in entries if isinstance(entry, dict)]
        if not set(names) & set().union(*tables):
            continue  # one pass at C speed; the loop below only places the error
        for index, entry in enumerate(entries):
            for name in names:
                if isinstance(entry, dict) and name in entry:
                    place = f"{table}.{name}" if table == "briefing" else f"{table}[{index}].{name}"
                    raise BriefingError.single(source, f"`{name}` is a format 2 field: write "
                                               "`format = 2` at the top of the file", place)


# TOML and JSON escapes that can spell a forbidden character (\b \f \r \e,
# \xHH, \uXXXX, \UXXXXXXXX); an escaped backslash before one of these
# letters matches too, which only costs the slower check.
_RISKY_ESCAPE = re.compile(r"\\[bfreuUx]")
_NEVER_FORBIDDEN = bytes(range(0x20, 0x7F)) + b"\t\n"


def clean_text(text: str) -> bool:
    """True when nothing parsed from `text` can hold a forbidden character:
    none is written raw, and no escape could spell one. A scan at C speed
    instead of a walk over every value of a large document.

    The bytes that are never forbidden (printable ASCII, tab, newline) are
    deleted first, at memory speed, and only what remains, the non-ASCII
    characters and any control, goes through the regular expression: on a
    7.5 MB briefing, 10 ms instead of 23.
    """
    rest = text.encode("utf-8", "surrogatepass").translate(None, _NEVER_FORBIDDEN)
    return (FORBIDDEN.search(rest.decode("utf-8", "surrogatepass")) is None
            and _RISKY_ESCAPE.search(text) is None)


def check_characters(document: Any, *, source: str) -> None:
    """Refuse control and bidi characters anywhere in strings or keys.

    A first pass joins every string and key and searches them at once; only
    when something is found does a second pass walk the document to name
    the entry paths.
    """
    if not FORBIDDEN.search("\n".join(_strings(document))):
        return
    problems: list[Problem] = []
    stack: list[tuple[str, Any]] = [("", document)]
    while stack and len(problems) < 100:
        path, value = stack.pop()
        if isinstance(value, str):
            found = first_forbidden(value)
            if found:
                offset, char = found
                problems.append(Problem(path or "(top)",
                                        f"{describe_code_point(char)} at offset {offset}"))
        elif isinstance(value, dict):
            for key in reversed(list(value)):
                found = first_forbidden(key)
                if found:
                    problems.append(Problem(path or "(top)", f'key "{shorten(key, 40)}" holds '
                                            f"{describe_code_point(found[1])}"))
                    continue
                stack.append((f"{path}.{_key(key)}" if path else _key(key), value[key]))
        elif isinstance(value, list):
            stack.extend((f"{path}[{i}]", item) for i, item in reversed(list(enumerate(value))))
    if problems:
        raise BriefingError(source, problems)


def _strings(document: Any) -> list[str]:
    """Every string and key in a parsed document, without recursion."""
    strings: list[str] = []
    stack = [document]
    while stack:
        value = stack.pop()
        if isinstance(value, str):
            strings.append(value)
        elif isinstance(value, dict):
            strings.extend(value)
            stack.extend(value.values())
        elif isinstance(value, list):
            stack.extend(value)
    return strings


def validate(schema: Any, document: dict[str, Any], *, source: str,
             text: str | None = None) -> Any:
    """Validate with pydantic (a model, or a TypeAdapter such as
    `schema.BRIEFING`), reporting errors as entry paths in file terms.

    `text` is what the document was parsed from: when it shows that no
    forbidden character can be in the document, the per-value walk is skipped.
    """
    from pydantic import TypeAdapter, ValidationError

    if text is None or not clean_text(text):
        check_characters(document, source=source)
    _check_in_bulk(schema, document, source=source)
    try:
        if isinstance(schema, TypeAdapter):
            return schema.validate_python(document)
        return schema.model_validate(document)
    except ValidationError as error:
        # Refusing is bounded: only the first problems become messages
        # (each unknown key's takes a fuzzy match), the rest are counted.
        total = error.error_count()
        if total > _MAX_ERROR_DETAILS and _is_briefing(schema):
            details = _first_errors(document, MAX_PROBLEMS_KEPT)
        else:
            details = error.errors(include_url=False)[:MAX_PROBLEMS_KEPT]
        problems = [_problem(e, schema) for e in details]
        raise BriefingError(source, problems, more=total - len(problems)) from None


# Past this many errors, pydantic's list of them is itself the cost (a
# million wrong paragraphs: a gigabyte): the first are found table by table.
_MAX_ERROR_DETAILS = 10_000


def _is_briefing(schema: Any) -> bool:
    from briefing import schema as briefing_schema

    return schema is briefing_schema.BRIEFING


def _briefing_tables() -> list[tuple[str | None, type[Any], bool]]:
    """(key, schema, is a list of tables) for the top level and each table."""
    from briefing import schema

    return [(None, schema.Briefing, False), ("briefing", schema.Masthead, False),
            ("people", schema.Person, True), ("sections", schema.Section, True),
            ("quotes", schema.Quote, True), ("figures", schema.Figure, True)]


def _tables(document: dict[str, Any]) -> Iterator[tuple[tuple[str | int, ...], type[Any],
                                                        dict[str, Any]]]:
    """Each table of a briefing, in file order: (where, its schema, the table)."""
    for key, model, listed in _briefing_tables():
        if key is None:
            yield (), model, document
            continue
        value = document.get(key)
        if not listed and isinstance(value, dict):
            yield (key,), model, value
        elif listed and isinstance(value, list):
            for index, entry in enumerate(value):
                if isinstance(entry, dict):
                    yield (key, index), model, entry


def _check_in_bulk(schema: Any, document: dict[str, Any], *, source: str) -> None:
    """Refuse before pydantic the two problems a file can hold by the
    hundred thousand: unknown keys (pydantic reports each with its value,
    and each message takes a fuzzy match: 26 s and 1.15 GB for a 9.5 MB
    file of them) and paragraphs that are not text (a million of them took
    1.3 GB). More than MAX_PROBLEMS_KEPT of either are refused here, the
    first kept and the rest counted; fewer go to pydantic with everything
    else."""
    if not _is_briefing(schema) or _plainly_fine(document):
        return
    from briefing import schema as briefing_schema

    unknown: list[Problem] = []
    unknown_count = 0
    paragraphs: list[Problem] = []
    paragraph_count = 0
    allowed = {model: frozenset(briefing_schema.fields(model)) for _, model, _ in
               _briefing_tables()}
    for where, model, table in _tables(document):
        if not table.keys() <= allowed[model]:  # the common case at C speed
            for key in [key for key in table if key not in allowed[model]]:  # in file order
                unknown_count += 1
                if len(unknown) < MAX_PROBLEMS_KEPT:
                    unknown.append(Problem(_path((*where, key)), _unknown_key(key, model)))
        texts = table.get("paragraphs") if model is briefing_schema.Section else None
        for index, text in enumerate(texts if isinstance(texts, list) else ()):
            if type(text) is str and 0 < len(text) <= MAX_PARAGRAPH:
                continue
            paragraph_count += 1
            if len(paragraphs) < MAX_PROBLEMS_KEPT:
                paragraphs.append(_problem(_paragraph_error((*where, "paragraphs", index), text),
                                           schema))
    for problems, count in ((unknown, unknown_count), (paragraphs, paragraph_count)):
        if count > MAX_PROBLEMS_KEPT:
            raise BriefingError(source, problems, more=count - len(problems))


def _plainly_fine(document: dict[str, Any]) -> bool:
    """No unknown key and every paragraph a string of a fitting length,
    found with C-speed set and map passes (a 10,000-quote briefing: 3 ms)."""
    from briefing.schema_core import TABLE_KEYS

    for key, keys_allowed in TABLE_KEYS.items():
        value = document if not key else document.get(key)
        if value is None:
            continue
        tables = value if isinstance(value, list) else (value,)
        try:  # what is not a table fails here or adds what is not a key
            keys = set().union(*tables)
        except TypeError:
            return False
        if not keys <= set(keys_allowed):
            return False
        if key == "sections":
            for section in tables:
                texts = section.get("paragraphs") if type(section) is dict else None
                if isinstance(texts, list) and texts and not (
                        set(map(type, texts)) == {str}
                        and min(map(len, texts)) > 0 and max(map(len, texts)) <= MAX_PARAGRAPH):
                    return False
    return True


def _paragraph_error(loc: tuple[str | int, ...], text: Any) -> dict[str, Any]:
    """What pydantic says of a paragraph that is not one (for `_problem`)."""
    if type(text) is not str:
        return {"type": "string_type", "loc": loc, "input": text}
    if not text:
        return {"type": "string_too_short", "loc": loc, "input": text}
    return {"type": "string_too_long", "loc": loc, "input": text,
            "ctx": {"max_length": MAX_PARAGRAPH}}


def _first_errors(document: dict[str, Any], limit: int) -> list[Any]:
    """The first `limit` errors of a briefing, found table by table."""
    from pydantic import ValidationError

    found: list[Any] = []
    for where, model, table in _tables(document):
        if not where:
            continue  # the top level holds the tables themselves
        try:
            _table_adapter(model).validate_python(table)
        except ValidationError as error:
            for detail in error.errors(include_url=False):
                found.append({**detail, "loc": (*where, *detail["loc"])})
        if len(found) >= limit:
            break
    return found[:limit]


# --- messages -----------------------------------------------------------------

def _table_model(table: str | None, root: Any) -> type[Any]:
    """The schema of a table (None: the top level), for "did you mean" among
    its keys."""
    from briefing import schema

    if root is not schema.BRIEFING:
        return root  # type: ignore[no-any-return]
    tables: dict[str | None, type[Any]] = {
        "briefing": schema.Masthead, "people": schema.Person, "sections": schema.Section,
        "quotes": schema.Quote, "figures": schema.Figure}
    return tables.get(table, schema.Briefing)


@functools.cache
def _table_adapter(model: type[Any]) -> Any:
    from pydantic import TypeAdapter

    return TypeAdapter(model)


def _path(loc: tuple[Any, ...]) -> str:
    """An entry path as messages show it: `quotes[3].text`, `(top)`."""
    path = "".join(f"[{part}]" if isinstance(part, int) else f".{_key(str(part))}"
                   for part in loc)
    return path.lstrip(".") or "(top)"


def _problem(error: Any, root: Any) -> Problem:
    loc = error["loc"]
    path = _path(loc)
    kind, ctx, value = error["type"], error.get("ctx") or {}, error.get("input")
    if kind == "missing":
        message = "required, but missing"
    elif kind == "extra_forbidden":
        message = _unknown_key(str(loc[-1]), _table_model(str(loc[0]) if len(loc) > 1
                                                          else None, root))
    elif kind == "string_too_long":
        message = f"too long: {len(value):,} characters; the limit is {ctx['max_length']:,}"
    elif kind == "string_too_short":
        message = "must not be empty"
    elif kind == "too_long":
        message = f"too many entries: {len(value):,}; the limit is {ctx['max_length']:,}"
    elif kind == "too_short":
        message = "needs at least one entry"
    elif kind == "string_pattern_mismatch":
        message = (f'"{shorten(str(value))}" is not a slug: use lowercase letters, digits '
                   "and '-' (for example \"kyiv-mayor\")")
    elif kind == "literal_error":
        message = f"must be one of {ctx['expected']}, not {describe_value(value)}"
    elif kind in {"model_type", "dict_type", "model_attributes_type"}:
        message = f"must be a table, not {_kind(value)}"
    elif kind == "list_type":
        message = f"must be an array, not {_kind(value)}"
    elif kind == "string_type":
        message = f"must be a string, not {_kind(value)}"
    elif kind == "int_type":
        message = f"must be an integer, not {_kind(value)}"
    elif kind == "greater_than_equal":
        message = f"must be {ctx['ge']} or more, not {describe_value(value)}"
    elif kind == "less_than_equal":
        message = f"must be {ctx['le']:,} or less, not {describe_value(value)}"
    else:
        message = error["msg"]
    return Problem(path, message)


def _unknown_key(key: str, model: type[Any]) -> str:
    import difflib

    from briefing.schema import fields

    allowed = fields(model)
    close = difflib.get_close_matches(key, allowed, n=1)
    hint = f'did you mean "{close[0]}"?' if close else "allowed: " + ", ".join(allowed)
    return f'unknown key "{shorten(key, 40)}": {hint}'


def _key(key: str) -> str:
    """A key as one part of an entry path: bare when it can be, else quoted
    and made visible (so `"a.b"` or `"12:5"` cannot pass for something else)."""
    return key if _BARE_KEY.fullmatch(key) else f'"{shorten(key, 40)}"'


def _kind(value: Any) -> str:
    names = {bool: "a boolean", str: "a string", int: "an integer", float: "a float",
             list: "an array", dict: "a table"}
    return names.get(type(value), "a " + type(value).__name__)


def describe_value(value: Any) -> str:
    """A value as a message shows it: its repr, shortened. An integer too long
    for str() (Python refuses over 4,300 digits; TOML allows them in hex, octal
    or binary) is shown in hex, which has no such limit."""
    if type(value) is int and value.bit_length() > 2_000:
        return shorten(hex(value))
    return shorten(repr(value))


def _toml_message(message: str) -> str:
    return f"TOML syntax: {message[0].lower()}{message[1:]}" if message else "TOML syntax error"


def _caret(text: str, line: int, column: int) -> tuple[str, ...]:
    lines = text.split("\n")
    if not 1 <= line <= len(lines):
        return ()
    source_line = lines[line - 1]
    start = max(0, column - 1 - _MAX_SOURCE_LINE // 2)
    shown = source_line[start:start + _MAX_SOURCE_LINE]
    # Pad by what the terminal shows before the column: escaped characters
    # take several cells, wide (CJK, emoji) two, combining marks none.
    before = visible(shown[: column - 1 - start], one_line=True)
    return ("  " + visible(shown, one_line=True), "  " + " " * _cells(before) + "^")


def _cells(text: str) -> int:
    """Terminal cells `text` takes, near enough to place a caret."""
    width = 0
    for char in text:
        if unicodedata.combining(char) or unicodedata.category(char) in ("Mn", "Me", "Cf"):
            continue
        width += 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1
    return width


def _deepest_places(text: str) -> tuple[int, int]:
    """Offsets of the deepest array/table nesting and of the first key with
    more dotted parts than tomli allows (or of the most dotted line), skipping
    strings and comments; -1 where there is none."""
    key_limit = sys.getrecursionlimit()  # tomli's limit on the parts of a key
    depth = deepest = dots = most_dots = 0
    nesting = dotted = -1
    line_start = 0
    for token in _TOKENS.finditer(text):
        kind = token.group()
        if kind in ("[", "{"):
            depth += 1
            if depth > deepest:
                deepest, nesting = depth, token.start()
                if depth > _NESTING_SEEN:
                    break
        elif kind in ("]", "}"):
            depth = max(0, depth - 1)
        elif kind == ".":
            dots += 1
            if dots > most_dots and most_dots < key_limit:
                most_dots, dotted = dots, line_start
        elif kind == "\n":
            dots, line_start = 0, token.end()
    if dotted >= 0:  # the key itself, not the line's indent
        dotted = re.compile(r"[ \t]*").match(text, dotted).end()
    return nesting, dotted


def _long_number(text: str) -> int:
    """Offset of the first run of 1,000 or more digits (underscores between
    them allowed), or -1. Linear: a regex such as `\\d{1000,}` backtracks
    through every shorter run, for most of a minute on a hostile 16 MB file."""
    for run in _DIGIT_RUN.finditer(text):
        if run.end() - run.start() >= 1000 and len(run.group().replace("_", "")) >= 1000:
            return run.start()
    return -1


def _position(text: str, offset: int) -> str:
    line = text.count("\n", 0, offset) + 1
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return f"{line}:{column}"


def _size(count: int) -> str:
    return f"{count / (1024 * 1024):.1f} MiB" if count >= 1024 * 1024 else f"{count:,} bytes"
