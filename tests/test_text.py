"""The one rule about characters that the loader (refusing) and the display
(escaping, as a second wall) share."""

from __future__ import annotations

import pytest

from briefing.text import FORBIDDEN, describe_code_point, first_forbidden, shorten, visible

FORBIDDEN_CHARS = [chr(c) for c in (*range(0x00, 0x09), *range(0x0B, 0x20), *range(0x7F, 0xA0),
                                    *range(0x202A, 0x202F), *range(0x2066, 0x206A), 0xFEFF)]
ALLOWED_CHARS = ["\t", "\n", " ", "a", "é", "\u0301", "\u200d", "\u200c", "\u200e", "\u2028",
                 "\u00a0", "日", "👩", "\U0001f1fa", "\u2065", "\u202f", "\ufefe"]


@pytest.mark.parametrize("char", FORBIDDEN_CHARS, ids=lambda c: f"U+{ord(c):04X}")
def test_forbidden(char):
    assert first_forbidden(f"ab{char}c") == (2, char)
    shown = visible(f"ab{char}c")
    assert FORBIDDEN.search(shown) is None
    escaped = f"\\x{ord(char):02x}" if ord(char) <= 0xFF else f"\\u{ord(char):04x}"
    assert shown == f"ab{escaped}c"


@pytest.mark.parametrize("char", ALLOWED_CHARS, ids=lambda c: f"U+{ord(c):04X}")
def test_allowed(char):
    assert first_forbidden(f"ab{char}c") is None
    assert visible(f"ab{char}c") == f"ab{char}c"


@pytest.mark.parametrize(("char", "described"), [
    ("\x00", "U+0000 NULL"),
    ("\x1b", "U+001B ESCAPE"),
    ("\x1f", "U+001F UNIT SEPARATOR"),
    ("\x7f", "U+007F DELETE"),
    ("\x85", "U+0085 NEXT LINE"),
    ("\x9b", "U+009B CONTROL SEQUENCE INTRODUCER"),
    ("\x9d", "U+009D OPERATING SYSTEM COMMAND"),
    ("\x81", "U+0081 C1 CONTROL"),
    ("\u202e", "U+202E RIGHT-TO-LEFT OVERRIDE"),
    ("\u2067", "U+2067 RIGHT-TO-LEFT ISOLATE"),
    ("\ufeff", "U+FEFF ZERO WIDTH NO-BREAK SPACE"),
    ("é", "U+00E9 LATIN SMALL LETTER E WITH ACUTE"),
    ("\U0001f600", "U+1F600 GRINNING FACE"),
    ("\U000e0080", "U+E0080 UNNAMED"),
])
def test_describe_code_point(char, described):
    assert describe_code_point(char) == described


def test_every_c0_control_has_its_name():
    names = [describe_code_point(chr(c)) for c in range(0x20)]
    assert len(set(names)) == 32
    assert names[9] == "U+0009 CHARACTER TABULATION"
    assert names[10] == "U+000A LINE FEED"


def test_visible_keeps_newlines_and_tabs_unless_one_line():
    assert visible("a\tb\nc\x1b") == "a\tb\nc\\x1b"
    assert visible("a\tb\nc\x1b", one_line=True) == "a b c\\x1b"


def test_shorten():
    assert shorten("short") == "short"
    assert shorten("x" * 60) == "x" * 60
    assert shorten("x" * 61) == "x" * 59 + "…"
    assert shorten("a\x1b\nb", limit=10) == "a\\x1b b"
    assert len(shorten("\x1b" * 40, limit=20)) == 20
