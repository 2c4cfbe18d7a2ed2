"""Property-based tests (issue 7, item 2): the loader, the digest and the
importer against whatever a file or an article can hold.

- The loader, fed arbitrary bytes, arbitrary text and mutations of valid
  briefings, only ever returns a `Briefing` or raises `BriefingError`, each
  example within a time bound (and, for hostile structures, a memory bound);
  the error reads as the project promises: it names the file, is at most
  ~25 lines and holds no raw control character.
- The digest of any valid briefing, rendered by markdown-it-py, holds every
  quote, figure, label, title and name as exactly its own text, and the file
  text adds no token (heading, list, link, image, code, HTML, emphasis,
  table...) to the digest's own structure.
- The importer, fed arbitrary text, gives a draft that loads, or a clear
  `BriefingError`.
"""

from __future__ import annotations

import re
import time
import tracemalloc
import unicodedata
from collections import Counter
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
import tomli
import tomli_w
from hypothesis import currently_in_test_context, event, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from briefing.digest import render_digest
from briefing.errors import BriefingError
from briefing.ingest import draft_from_text
from briefing.loader import decode, parse_briefing, parse_toml
from briefing.model import Briefing
from briefing.resources import bundled_briefing
from briefing.state import ReaderState, entry_key
from conftest import markdown_renderers

SOURCE = "briefs/fuzzed.toml"
FIXTURES = Path(__file__).parent / "fixtures"
BUNDLED = bundled_briefing().read_text(encoding="utf-8")
UNICODE = (FIXTURES / "valid-unicode.toml").read_text(encoding="utf-8")
SEEDS = (BUNDLED, UNICODE)

TIME_LIMIT = 2.0  # seconds per example; a valid 17 KB briefing loads in ~2 ms
MEMORY_LIMIT = 64 * 1024 * 1024  # peak bytes traced while loading one hostile example
MAX_MESSAGE_LINES = 25


# --- what every outcome must look like -------------------------------------------

def raw_controls(text: str) -> list[str]:
    """Characters that must never reach a terminal raw: C0 (newline aside),
    DEL, C1, the bidi embedding/override/isolate controls and U+FEFF."""
    return [f"U+{ord(c):04X}" for c in text
            if c != "\n" and (unicodedata.category(c) == "Cc" or "\u202a" <= c <= "\u202e"
                              or "\u2066" <= c <= "\u2069" or c == "\ufeff")]


def check_error(error: BriefingError, source: str = SOURCE) -> None:
    message = str(error)
    lines = message.split("\n")
    assert error.source == source
    assert lines[0].startswith(source + ":"), message
    assert len(lines) <= MAX_MESSAGE_LINES, f"{len(lines)} lines:\n{message}"
    for line in lines[1:]:
        # A problem line names the file; a detail line (source line, caret) is indented.
        assert (line.startswith(source + ":") or line.startswith("  ")
                or line.startswith("... and ")), message
    assert not raw_controls(message), (raw_controls(message), message)
    assert "Traceback" not in message


def outcome(call: Callable[[], Any], *, source: str = SOURCE) -> Any:
    """Run `call`; it must return or raise `BriefingError` (anything else
    propagates and fails the example) within TIME_LIMIT."""
    start = time.perf_counter()
    try:
        result = call()
    except BriefingError as error:
        result = error
        check_error(error, source)
    elapsed = time.perf_counter() - start
    assert elapsed < TIME_LIMIT, f"took {elapsed:.2f} s"
    if currently_in_test_context():  # shown by --hypothesis-show-statistics
        event("refused" if isinstance(result, BriefingError) else "accepted")
    return result


def load_text(text: str) -> Briefing | BriefingError:
    result = outcome(lambda: parse_briefing(text, source=SOURCE))
    assert isinstance(result, Briefing | BriefingError)
    return result  # type: ignore[no-any-return]


def load_bytes(data: bytes) -> Briefing | BriefingError:
    result = outcome(lambda: parse_briefing(decode(data, source=SOURCE), source=SOURCE))
    assert isinstance(result, Briefing | BriefingError)
    return result  # type: ignore[no-any-return]


def test_the_seeds_are_valid() -> None:
    """The mutations below start from valid briefings."""
    for seed in SEEDS:
        assert isinstance(load_text(seed), Briefing)


# --- the loader: arbitrary input ------------------------------------------------------

# Characters TOML gives meaning to, weighted up so random text gets past the
# first character of the parser now and then.
TOML_PUNCTUATION = '[]{}=".\',#\\\n \t+-_:0123456789eExXoObBinfatrul'
CONTROLS = [chr(c) for c in (*range(0x20), 0x7F, *range(0x80, 0xA0))] + [
    "\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068",
    "\u2069", "\ufeff", "\u2028", "\u2029", "\u200d", "\u00ad",
]
toml_char = st.one_of(st.sampled_from(TOML_PUNCTUATION), st.sampled_from(CONTROLS),
                      st.characters(codec="utf-8", exclude_categories=("Cs",)))


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=2000))
def test_loader_survives_arbitrary_bytes(data: bytes) -> None:
    load_bytes(data)


@settings(max_examples=100, deadline=None)
@given(st.sampled_from([b"", b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b"format = 1\n"]),
       st.binary(max_size=500))
def test_loader_survives_arbitrary_bytes_after_a_bom_or_a_header(head: bytes,
                                                                  data: bytes) -> None:
    load_bytes(head + data)


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=2000))
def test_loader_survives_arbitrary_text(text: str) -> None:
    load_text(text)


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet=toml_char, min_size=1, max_size=80),
       st.sampled_from(["", "format = 1\n", "format = 1\n[briefing]\ntitle = 1\n", BUNDLED]),
       st.text(alphabet=toml_char, max_size=200))
def test_any_file_name_is_shown_safely(name: str, head: str, text: str) -> None:
    """The file name is someone else's too (a file can be called anything)."""
    try:
        parse_briefing(head + text, source=name)
    except BriefingError as error:
        message = str(error)
        assert not raw_controls(message), (raw_controls(message), message)
        assert len(message.split("\n")) <= MAX_MESSAGE_LINES, message


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=toml_char, max_size=1000))
def test_loader_survives_toml_like_text(text: str) -> None:
    load_text("format = 1\n" + text)


# --- the loader: mutations of valid briefings ----------------------------------------

Draw = Callable[[st.SearchStrategy[Any]], Any]
_ASSIGNMENT = re.compile(r"^[ \t]*([A-Za-z0-9_\"'.-]+)[ \t]*=[ \t]*(.*)$", re.MULTILINE)
_HEADER = re.compile(r"^\[\[?[^\n]*$", re.MULTILINE)
_STRING_START = re.compile(r'"')

HOSTILE_VALUES = [
    # huge and odd numbers
    "1" + "0" * 5000, "-" + "9" * 4400, "1_" + "0_" * 2000 + "0", "0x" + "f" * 5000,
    "1e999999", "-1e-999999", "1" * 300 + ".5", "inf", "-inf", "nan", "+nan", "-0", "0.0",
    "9223372036854775808", "-9223372036854775809", "1_000", "0b102", "0o8", "01",
    # wrong types
    "true", "false", '"12.5"', '"1"', "[]", "{}", "[1, 'a']", "{format = 1}",
    "1979-05-27", "1979-05-27T07:32:00Z", "07:32:00", "1979-05-27 07:32:00.999999+14:00",
    # hostile strings
    '"x\\u001b]52;c;aGVsbG8=\\u0007"', '"\\u001b]0;owned\\u0007"', '"\\u009b2J"',
    '"\\u202eevil"', '"\\u2066x\\u2069"', '"\\ufeff"', '"\\u0000"', '"\\ud800"',
    '"\\U0010FFFF"', '"\\U00110000"', '"a\\\nb"', '"""\n\\u001b[2J"""', "'''\n\x1b'''",
    '"' + "x" * 25_000 + '"', '"' + "é" * 2500 + '"', '"' + "[" * 3000 + '"',
    # deep structures
    "[" * 1000 + "]" * 1000, "[" * 300 + "]" * 300, "[" * 5000, "{a=" * 500 + "1" + "}" * 500,
    "{a=" * 2000 + "1" + "}" * 2000, "[{a=[" * 200 + "]}]" * 200, "[" + "1," * 20_000 + "]",
]
HOSTILE_LINES = [
    "a" + ".a" * 5000 + " = 1", "a" + ".a" * 900 + " = 1", '"a".' * 1200 + "a = 1",
    "[" + "a." * 3000 + "a]", "[[" + "a." * 1500 + "a]]", "[briefing]", "[[sections]]",
    "[[quotes]]", "[people]", "format = 2", "format = 1.0", "format = 1", "[briefing.x]",
    "x = 1", "sections = []", "quotes = 1", "\x1b]52;c;aGk=\x07", "\ufeffformat = 1",
    "# " + "\u202e" * 10, "key = \x00", "[[sections]]\nid = 'z'\ntitle = 'Z'\nparagraphs = ['p']",
]


def _mutate_insert(draw: Draw, text: str) -> str:
    at = draw(st.integers(0, len(text)))
    return text[:at] + draw(st.text(alphabet=toml_char, min_size=1, max_size=20)) + text[at:]


def _mutate_delete(draw: Draw, text: str) -> str:
    at = draw(st.integers(0, len(text)))
    return text[:at] + text[at + draw(st.integers(1, 80)):]


def _mutate_replace(draw: Draw, text: str) -> str:
    at = draw(st.integers(0, max(0, len(text) - 1)))
    return text[:at] + draw(toml_char) + text[at + 1:]


def _lines_op(draw: Draw, text: str) -> str:
    lines = text.split("\n")
    i = draw(st.integers(0, len(lines) - 1))
    j = draw(st.integers(0, len(lines) - 1))
    op = draw(st.sampled_from(["delete", "duplicate", "swap", "move", "hostile"]))
    if op == "delete":
        del lines[i]
    elif op == "duplicate":
        lines.insert(j, lines[i])
    elif op == "swap":
        lines[i], lines[j] = lines[j], lines[i]
    elif op == "move":
        lines.insert(j, lines.pop(i))
    else:
        lines.insert(i, draw(st.sampled_from(HOSTILE_LINES)))
    return "\n".join(lines)


def _swap_values(draw: Draw, text: str) -> str:
    found = list(_ASSIGNMENT.finditer(text))
    if len(found) < 2:
        return text
    a, b = sorted(draw(st.lists(st.sampled_from(found), min_size=2, max_size=2, unique=True)),
                  key=lambda m: m.start())
    return (text[:a.start(2)] + b.group(2) + text[a.end(2):b.start(2)] + a.group(2)
            + text[b.end(2):])


def _replace_value(draw: Draw, text: str) -> str:
    found = list(_ASSIGNMENT.finditer(text))
    if not found:
        return text
    match = draw(st.sampled_from(found))
    return text[:match.start(2)] + draw(st.sampled_from(HOSTILE_VALUES)) + text[match.end(2):]


def _duplicate_table(draw: Draw, text: str) -> str:
    headers = [m.start() for m in _HEADER.finditer(text)]
    if not headers:
        return text
    k = draw(st.integers(0, len(headers) - 1))
    end = headers[k + 1] if k + 1 < len(headers) else len(text)
    block = text[headers[k]:end]
    if not block.endswith("\n"):
        block += "\n"
    at = draw(st.sampled_from([*headers, len(text)]))
    return text[:at] + block + text[at:]


def _inject_control(draw: Draw, text: str) -> str:
    """A control or bidi character inside a string (raw, or as a TOML escape)."""
    starts = [m.end() for m in _STRING_START.finditer(text)]
    at = draw(st.sampled_from(starts)) if starts else draw(st.integers(0, len(text)))
    char = draw(st.sampled_from(CONTROLS))
    injected = draw(st.sampled_from([char, f"\\u{ord(char):04x}", f"\\U{ord(char):08X}"]))
    return text[:at] + injected + text[at:]


def _deep(draw: Draw, text: str) -> str:
    depth = draw(st.sampled_from([10, 100, 399, 400, 401, 999, 1000, 3000]))
    opener, closer = draw(st.sampled_from([("[", "]"), ("{a=", "}"), ("[{b=", "}]")]))
    balanced = draw(st.booleans())
    value = opener * depth + ("1" if opener.endswith("=") else "") + (
        closer * depth if balanced else "")
    lines = text.split("\n")
    lines.insert(draw(st.integers(0, len(lines))), f"deep = {value}")
    return "\n".join(lines)


MUTATIONS = [_mutate_insert, _mutate_delete, _mutate_replace, _lines_op, _swap_values,
             _replace_value, _duplicate_table, _inject_control, _deep]


@st.composite
def mutated_briefings(draw: Draw) -> str:
    text = draw(st.sampled_from(SEEDS))
    for _ in range(draw(st.integers(1, 4))):
        mutation = draw(st.sampled_from(MUTATIONS))
        text = mutation(draw, text)
    return text


@settings(max_examples=400, deadline=None)
@given(mutated_briefings())
def test_loader_survives_mutated_briefings(text: str) -> None:
    load_text(text)


# --- the loader: two parsers, one reading ----------------------------------------------

TOML_VALUES = [
    *HOSTILE_VALUES, "1", "+1", "1_000", "1__0", "0x1F", "0o7", "0b1", "1.0", "1.", ".1",
    "1e5", "1E+5", "1e", "true", "True", '"a"', '"a\\tb"', '"\\x41"', '"\\e"', "'lit'",
    '"""\nml"""', '"""a""""', "'''x''''", "1979-05-27T07:32Z", "1979-05-27 07:32:00Z",
    "1979-05-27T07:32:00-07:00", "1979-05-27T00:32:00.999999", "1979-5-27", "24:00:00",
    "1979-02-30", "[1,2,]", "[,]", "[1 2]", "{a=1}", "{a=1,}", "{a=1,\nb=2}", "{a.b=1, a.c=2}",
    "{a=1, a=2}", '[[1],["a"]]', '"a\nb"', "00", "1_", "_1", "1.0_1", "-0x1", '""',
]
TOML_KEYS = ["a", '"a"', "'a'", "a.b", "a . b", '"a.b"', "1", "-", "a-b_c", "é", '""', "a..b",
             ".a", "a.", "a b", "t.u"]
TOML_HEADERS = ["[t]", "[[t]]", "[ t ]", "[t.u]", "[[t.u]]", "[a]", "[a.b]", "[t]\n[t]",
                "[[t]]\n[t]", "[t]\n[[t]]"]


@st.composite
def toml_documents(draw: Draw) -> str:
    """Small documents of keys, values and headers, valid and not, in roughly
    equal parts: where two TOML parsers would disagree if they do."""
    lines = []
    for _ in range(draw(st.integers(1, 6))):
        if draw(st.integers(0, 4)) == 0:
            lines.append(draw(st.sampled_from(TOML_HEADERS)))
        else:
            lines.append(draw(st.sampled_from(TOML_KEYS)) + draw(st.sampled_from([" = ", "="]))
                         + draw(st.sampled_from(TOML_VALUES)))
    return draw(st.sampled_from(["\n", "\r\n"])).join(lines) + "\n"


def _same(a: Any, b: Any) -> bool:
    """Equal as documents: same types, NaN equals NaN, times keep their offset,
    and tables are unordered (as TOML says; rtoml orders `[a.b] [t] [a]` by
    where `[a]` is, tomli by where `a` first appears). No recursion: a
    document can be nested 400 deep."""
    pairs = [(a, b)]
    while pairs:
        a, b = pairs.pop()
        if type(a) is not type(b) and not (isinstance(a, datetime) and isinstance(b, datetime)):
            return False
        if isinstance(a, dict):
            if a.keys() != b.keys():
                return False
            pairs.extend((a[key], b[key]) for key in a)
        elif isinstance(a, list):
            if len(a) != len(b):
                return False
            pairs.extend(zip(a, b, strict=True))
        elif isinstance(a, float) and a != a:
            if b == b:
                return False
        elif isinstance(a, datetime):
            if a != b or a.utcoffset() != b.utcoffset():
                return False
        elif a != b:
            return False
    return True


@settings(max_examples=400, deadline=None)
@given(st.one_of(toml_documents(), mutated_briefings()))
def test_the_fast_parser_reads_every_file_as_tomli_does(text: str) -> None:
    """`parse_toml` reads with rtoml and asks tomli only where rtoml refuses.
    That is safe only if rtoml never accepts a file tomli refuses, nor reads
    one differently: then a file means one thing, and its errors one wording."""
    try:
        expected = tomli.loads(text)
    except (tomli.TOMLDecodeError, RecursionError, ValueError):
        with pytest.raises(BriefingError):
            parse_toml(text, source=SOURCE)
        return
    assert _same(parse_toml(text, source=SOURCE), expected)


@settings(max_examples=100, deadline=None)
@given(mutated_briefings(), st.data())
def test_loader_survives_byte_level_mutations(text: str, data: st.DataObject) -> None:
    raw = bytearray(text.encode("utf-8"))
    for _ in range(data.draw(st.integers(1, 3))):
        at = data.draw(st.integers(0, len(raw)))
        raw[at:at + data.draw(st.integers(0, 2))] = data.draw(st.binary(min_size=1, max_size=4))
    load_bytes(bytes(raw))


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(SEEDS),
       st.lists(st.one_of(st.sampled_from(HOSTILE_LINES),
                          st.sampled_from(HOSTILE_VALUES).map(lambda v: f"x = {v}")),
                min_size=1, max_size=3))
def test_loader_memory_is_bounded_on_hostile_structures(seed: str, lines: list[str]) -> None:
    """Deep nesting, long dotted keys and huge numbers (the stdlib tomllib
    blow-up) stay within a small, fixed amount of memory."""
    text = "\n".join([*lines, seed])
    tracemalloc.start()
    try:
        load_text(text)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < MEMORY_LIMIT, f"peak {peak / 2**20:.0f} MiB"


@pytest.mark.parametrize("place", ["format = {}", "[briefing]\ntitle = {}",
                                   "[[figures]]\ntext = 'x'\nlabel = 'x'\nstatus = {}",
                                   "[[figures]]\ntext = 'x'\nlabel = 'x'\nsection = 'a'\n"
                                   "paragraph = {}"])
@pytest.mark.parametrize("number", ["0x" + "f" * 5000, "0o" + "7" * 6000, "0b" + "1" * 20_000])
def test_integer_too_long_for_str_is_refused_cleanly(place: str, number: str) -> None:
    """Found by the mutations above: TOML writes integers of any size in hex,
    octal or binary, and Python refuses to turn one of over 4,300 decimal
    digits into a string, so a message quoting it crashed with ValueError."""
    sections = "[[sections]]\nid = 'a'\ntitle = 'A'\nparagraphs = ['x']\n"
    if place.startswith("format"):
        text = place.format(number) + "\n" + sections
    else:
        text = "format = 1\n" + sections + place.format(number) + "\n"
    error = load_text(text)
    assert isinstance(error, BriefingError)
    assert len(str(error)) < 500, str(error)


def test_documented_hostile_inputs_fail_cleanly() -> None:
    """The known hostile cases for TOML parsers, once each, outside hypothesis."""
    cases = [
        "a" + ".a" * 100_000 + " = 1",  # drives tomllib to tens of GB
        "x = " + "1" * 5000,
        "x = " + "[" * 100_000,
        "format = 1\n" + "\n".join(f"[[t{i}]]" for i in range(2000)),
    ]
    for text in cases:
        assert isinstance(load_text(text), BriefingError)
    assert isinstance(load_bytes(b'format = 1\n[briefing]\ntitle = "\xff"\n'), BriefingError)


# --- the digest of any valid briefing -------------------------------------------------

# Whatever Markdown, HTML or Rich/Textual markup could make of file text.
MARKUP = "#*_`[]()<>!|&\\~$@:./-+=>{}\"'^%;?"
TRICKY = [
    "http://x.org", "https://autolink.example/a_b", "www.example.com", "example.com",
    "me@example.com", "mailto:me@x.org", "//host/x", "<http://x>", "<me@x.org>", "&amp;",
    "&#60;", "&#x3C;", "&copy;", "<script>alert(1)</script>", "<!-- c -->", "<b>", "</div>",
    "[sic]", "[Reuters]", "[@click=app.quit]", "[/]", "[link=http://x]", "![i](x)",
    "[a](b)", "[ref][1]", "[1]: http://x", "`code`", "``", "```", "~~~", "**b**", "__u__",
    "*e*", "_e_", "~~s~~", "~s~", "$x$", "$$y$$", "US$5", "@someone", "#123", "1.", "1)",
    "2024.", "- ", "+ ", "* ", "> ", "# ", "---", "===", "| a | b |", "\\", "\\*", "[^1]",
    "[ ]", "[x]", ":smile:", "ESC]52;c;aGk=", "\\x1b]0;title", "😀", "👨‍👩‍👧‍👦", "שלום",
    "مرحبا", "é", "e\u0301", "基辅", "\u00a0", "\u3000", "\t", "\n", "\n\n", "    ",
]
# Any character a valid file may hold: no C0 (tab and newline aside), DEL, C1,
# bidi controls or U+FEFF (the loader refuses those; see test_model.py).
_FILE_CHAR = st.characters(codec="utf-8", exclude_categories=("Cc", "Cs"),
                           exclude_characters="\u202a\u202b\u202c\u202d\u202e"
                                              "\u2066\u2067\u2068\u2069\ufeff")
_FRAGMENT = st.one_of(
    st.text(alphabet=st.one_of(st.sampled_from(MARKUP + " "), _FILE_CHAR), max_size=10),
    st.sampled_from(TRICKY),
)
_PREFIXES = ["", "", "", "", "1. ", "1) ", "- ", "+ ", "* ", "> ", "    ", "\t", "# ",
             "## ", "---", "===", "```", "~~~", "<div>", "<!-- ", "| ", "[x]: ", "  - ", "#"]


def _joined(prefix: str, parts: list[str], separator: str) -> str:
    return prefix + separator.join(parts)


def file_text(max_parts: int, max_size: int) -> st.SearchStrategy[str]:
    """Non-empty file text: a block-starting prefix, then Markdown-, HTML- and
    markup-like fragments and arbitrary printable Unicode."""
    return st.builds(
        _joined, st.sampled_from(_PREFIXES), st.lists(_FRAGMENT, min_size=1, max_size=max_parts),
        st.sampled_from(["", " "]),
    ).map(lambda text: text[:max_size]).filter(bool)


# At most the limits of FORMAT.md divided by five: the plain twin (below)
# spells each non-space character with five letters.
NAME = file_text(3, 40)
TITLE = file_text(6, 100)
LINE = file_text(8, 400)
PARAGRAPH = file_text(12, 1000)


def _optional(draw: Draw, table: dict[str, Any], key: str,
              strategy: st.SearchStrategy[Any]) -> None:
    if draw(st.booleans()):
        table[key] = draw(strategy)


def _excerpt(draw: Draw, sections: list[dict[str, Any]]) -> dict[str, Any] | None:
    """A `text` that occurs in a paragraph (starting at a non-space character,
    so it is never blank), and maybe where to look for it."""
    s = draw(st.integers(0, len(sections) - 1))
    p = draw(st.integers(0, len(sections[s]["paragraphs"]) - 1))
    paragraph = sections[s]["paragraphs"][p]
    starts = [i for i, char in enumerate(paragraph) if not char.isspace()]
    if not starts:
        return None
    start = draw(st.sampled_from(starts))
    end = draw(st.integers(start + 1, min(len(paragraph), start + 40)))
    entry: dict[str, Any] = {"text": paragraph[start:end]}
    where = draw(st.sampled_from(["anywhere", "section", "paragraph"]))
    if where != "anywhere":
        entry["section"] = sections[s]["id"]
    if where == "paragraph":
        entry["paragraph"] = p + 1
    return entry


@st.composite
def valid_documents(draw: Draw) -> dict[str, Any]:
    """A valid format-1 document as Python data, full of markup-like text."""
    masthead: dict[str, Any] = {"title": draw(TITLE)}
    _optional(draw, masthead, "standfirst", LINE)
    _optional(draw, masthead, "source", NAME)
    _optional(draw, masthead, "published", st.dates(date(1900, 1, 1), date(2100, 1, 1)))
    people = []
    for i in range(draw(st.integers(0, 3))):
        person = {"id": f"p{i}", "name": draw(NAME)}
        _optional(draw, person, "role", LINE)
        people.append(person)
    ids = [person["id"] for person in people]
    names = st.sampled_from(ids) | NAME if ids else NAME
    sections = []
    for i in range(draw(st.integers(1, 3))):
        section: dict[str, Any] = {"id": f"s{i}", "title": draw(TITLE)}
        _optional(draw, section, "summary", LINE)
        section["paragraphs"] = draw(st.lists(PARAGRAPH, min_size=1, max_size=3))
        sections.append(section)
    document: dict[str, Any] = {"format": 1, "briefing": masthead}
    if people:
        document["people"] = people
    document["sections"] = sections
    quotes, figures = [], []
    for _ in range(draw(st.integers(0, 4))):
        quote = _excerpt(draw, sections)
        if quote is not None:
            quote["speaker"] = draw(names)
            _optional(draw, quote, "note", LINE)
            quotes.append(quote)
    for _ in range(draw(st.integers(0, 4))):
        figure = _excerpt(draw, sections)
        if figure is not None:
            figure["label"] = draw(TITLE)
            _optional(draw, figure, "value", st.integers(-10**12, 10**12)
                      | st.floats(allow_nan=False, allow_infinity=False))
            _optional(draw, figure, "unit", NAME)
            _optional(draw, figure, "claimed_by", names)
            _optional(draw, figure, "status",
                      st.sampled_from(["reported", "unverified", "disputed", "confirmed"]))
            figures.append(figure)
    if quotes:
        document["quotes"] = quotes
    if figures:
        document["figures"] = figures
    return document


# Keys whose values are file text shown in the digest (ids and numbers are not).
_TEXT_KEYS = {"title", "standfirst", "source", "name", "role", "summary", "paragraphs",
              "text", "label", "unit", "note", "speaker", "claimed_by"}


def _plain(text: str) -> str:
    """Every non-space character spelled as five lowercase letters; spaces kept.

    The map is injective and works character by character, so a quote's text
    is still a substring of its paragraph, distinct texts stay distinct (the
    reader's marks keep apart) and what is blank stays blank."""
    out = []
    for char in text:
        if char.isspace():
            out.append(char)
        else:
            code, letters = ord(char), []
            for _ in range(5):
                code, digit = divmod(code, 26)
                letters.append(chr(ord("a") + digit))
            out.append("".join(letters))
    return "".join(out)


def plain_twin(document: dict[str, Any]) -> dict[str, Any]:
    """The same briefing with its text replaced by plain letters: its digest
    has exactly the digest's own structure."""
    ids = {person["id"] for person in document.get("people", [])}

    def walk(value: Any, key: str | None) -> Any:
        if isinstance(value, dict):
            return {k: walk(v, k) for k, v in value.items()}
        if isinstance(value, list):
            return [walk(v, key) for v in value]
        if isinstance(value, str) and key in _TEXT_KEYS:
            if key in ("speaker", "claimed_by") and value in ids:
                return value
            return _plain(value)
        return value

    return walk(document, None)  # type: ignore[no-any-return]


RENDERERS = markdown_renderers()


def token_types(md: MarkdownIt, markdown: str) -> Counter[str]:
    """Every token and inline child type, bar plain text runs (how many of
    those a line splits into depends on the characters, not the structure)."""
    counts: Counter[str] = Counter()
    for token in md.parse(markdown):
        counts[token.type] += 1
        for child in token.children or []:
            if child.type != "text":
                counts["inline:" + child.type] += 1
    return counts


def inline_texts(md: MarkdownIt, markdown: str) -> list[str]:
    """The text of each inline run (a paragraph, heading, list item or table
    cell): its text children joined, a soft or hard break as one space."""
    texts = []
    for token in md.parse(markdown):
        if token.type == "inline":
            texts.append("".join(
                child.content if child.type in ("text", "code_inline", "html_inline")
                else " " if child.type in ("softbreak", "hardbreak") else ""
                for child in token.children or []))
    return texts


def shown(text: str) -> str:
    """How file text is expected to read in the rendered digest.

    The normalisation, and the only one: a newline becomes a space (the
    digest keeps each piece of file text on one line, so that it cannot
    start a block) and whitespace at either end is dropped (the digest trims
    it, as Markdown would, and four leading spaces would make a code block).
    Everything else, runs of spaces and tabs inside the text included, must
    come out exactly."""
    return text.replace("\n", " ").strip()


NOTE = " <b>[note]</b> `x` #1"


def marks(briefing: Briefing, suffix: str = NOTE) -> ReaderState:
    """Every other entry starred, every third with a note of file-like text
    (the reader's state file is someone else's too)."""
    entries = [*briefing.quotes, *briefing.figures]
    stars = {entry_key(e) for i, e in enumerate(entries) if i % 2 == 0}
    notes = {entry_key(e): shown(e.text) + suffix for i, e in enumerate(entries) if i % 3 == 0}
    return ReaderState(stars=stars, notes=notes)


def _load_document(document: dict[str, Any]) -> Briefing:
    text = tomli_w.dumps(document)
    try:
        return parse_briefing(text, source=SOURCE)
    except BriefingError as error:  # the strategy promised a valid briefing
        raise AssertionError(f"{error}\n--- generated file:\n{text}") from None


@settings(max_examples=150, deadline=None)
@given(valid_documents(), st.booleans())
def test_digest_keeps_file_text_as_text(document: dict[str, Any], marked: bool) -> None:
    check_digest(document, marked)


@pytest.mark.parametrize("words", [
    # Found by the property above: the GFM plugin linked these e-mail-like
    # words (the `dot` rule leaves a dot before one letter or a digit alone).
    "0000@.0", "write to me@x.c today", "a@b.c.d", "x.y@z.q", "name@1.2",
])
def test_digest_of_email_like_text_has_no_link(words: str) -> None:
    document = {"format": 1, "briefing": {"title": words},
                "sections": [{"id": "s", "title": words, "paragraphs": [words]}],
                "quotes": [{"text": words, "speaker": words}],
                "figures": [{"text": words, "label": words, "claimed_by": words,
                             "status": "disputed"}]}
    check_digest(document, marked=True)


def check_digest(document: dict[str, Any], marked: bool) -> None:
    briefing = _load_document(document)
    twin = _load_document(plain_twin(document))
    state = marks(briefing) if marked else None
    digest = render_digest(briefing, state=state)
    twin_digest = render_digest(twin, state=marks(twin, _plain(NOTE)) if marked else None)

    expected = [briefing.title]
    expected += [section.title for section in briefing.sections]
    expected += [q.text for q in briefing.quotes] + [q.speaker_name for q in briefing.quotes]
    expected += [f.text for f in briefing.figures] + [f.label for f in briefing.figures]
    expected += list(state.notes.values()) if state else []
    for name, md in RENDERERS.items():
        texts = inline_texts(md, digest)
        for wanted in map(shown, expected):
            assert any(wanted in text for text in texts), (
                f"{name}: {wanted!r} is not in the rendered digest\n{digest}\n{texts}")
        types, twin_types = token_types(md, digest), token_types(md, twin_digest)
        assert types == twin_types, (
            f"{name}: file text changed the structure: {types - twin_types} more, "
            f"{twin_types - types} fewer\n--- digest:\n{digest}\n--- plain twin:\n{twin_digest}")
        for kind in ("html_block", "inline:html_inline", "inline:link_open", "inline:image",
                     "inline:code_inline", "code_block", "fence"):
            assert not twin_types[kind], (name, kind)  # the digest's own structure has none


# --- the importer -----------------------------------------------------------------------

ARTICLE_SOURCE = "articles/fuzzed.txt"
_ARTICLE_BITS = [
    "Talks resume in Istanbul", "\u201cWe are not trading people,\u201d said Dmytro Kuleba.",
    '"We will see," Mr Smith told reporters.', "160,000 people", "26 buses", "$5bn",
    "3.5 per cent", "(Reuters)", "KYIV, March 28 (Reuters) -", "By Jane Doe", "Reporting by X",
    "said", "according to", "the mayor", "Ukraine's foreign minister Dmytro Kuleba",
    "# Heading", "## Crosshead", "- item", "1. item", "> quote", "**bold**", "[link](x)",
    "\n", "\n\n", "\n\n\n", " ", "\t", "\r\n", "\x1b]52;c;aGk=\x07", "\u202e", "\ufeff", "\x00",
    "\u2028", "‘", "’", "«", "»", "„", "“", "”", "'", '"',
]


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=1500))
def test_importer_survives_arbitrary_text(text: str) -> None:
    check_draft(text)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(_ARTICLE_BITS), st.text(max_size=15)),
                max_size=60).map("".join))
def test_importer_survives_article_like_text(text: str) -> None:
    check_draft(text)


def check_draft(text: str) -> None:
    result = outcome(lambda: draft_from_text(text, source=ARTICLE_SOURCE),
                     source=ARTICLE_SOURCE)
    if isinstance(result, BriefingError):
        return
    assert isinstance(result.briefing, Briefing)
    assert not raw_controls(result.toml.replace("\t", "")), "the draft holds raw controls"
    for warning in result.warnings:
        assert not raw_controls(warning), warning
    loaded = parse_briefing(result.toml, source=ARTICLE_SOURCE)  # must not raise
    assert loaded.title == result.briefing.title


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=toml_char, max_size=200))
def test_the_quick_check_for_forbidden_characters_agrees_with_the_full_one(text: str) -> None:
    """`clean_text` lets a large file skip the walk over every value only when
    no forbidden character can be in it; it sorts out the ASCII bytes first,
    which must not change its answer."""
    from briefing.loader import _RISKY_ESCAPE, clean_text
    from briefing.text import FORBIDDEN

    assert clean_text(text) == (FORBIDDEN.search(text) is None
                                and _RISKY_ESCAPE.search(text) is None)
