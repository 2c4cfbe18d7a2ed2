"""Rules about characters in file text, shared by the loader, errors and the app.

One place decides which characters may never reach a terminal, so that the
loader (which refuses them) and the display (which, as a second wall, makes
them visible) can never disagree.
"""

from __future__ import annotations

import re
import unicodedata

# C0 controls other than tab and newline, DEL, C1, the bidi embedding /
# override / isolate controls, a stray byte-order mark, and lone surrogates
# (a file name that is not UTF-8 holds them: no terminal can encode them).
_FORBIDDEN_CLASS = (
    "\x00-\x08\x0b-\x1f\x7f-\x9f"
    "\u202a-\u202e\u2066-\u2069\ufeff\ud800-\udfff"
)
FORBIDDEN = re.compile(f"[{_FORBIDDEN_CLASS}]")
# What a one-line display must not contain either: newline and tab too.
_NOT_ONE_LINE = re.compile(f"[{_FORBIDDEN_CLASS}\t\n]")

# Unicode gives control characters no name; these are their standard aliases.
_C0_NAMES = (
    "NULL", "START-OF-HEADING", "START-OF-TEXT", "END-OF-TEXT", "END-OF-TRANSMISSION",
    "ENQUIRY", "ACKNOWLEDGE", "BELL", "BACKSPACE", "CHARACTER-TABULATION", "LINE-FEED",
    "LINE-TABULATION", "FORM-FEED", "CARRIAGE-RETURN", "SHIFT-OUT", "SHIFT-IN",
    "DATA-LINK-ESCAPE", "DEVICE-CONTROL-ONE", "DEVICE-CONTROL-TWO", "DEVICE-CONTROL-THREE",
    "DEVICE-CONTROL-FOUR", "NEGATIVE-ACKNOWLEDGE", "SYNCHRONOUS-IDLE",
    "END-OF-TRANSMISSION-BLOCK", "CANCEL", "END-OF-MEDIUM", "SUBSTITUTE", "ESCAPE",
    "FILE-SEPARATOR", "GROUP-SEPARATOR", "RECORD-SEPARATOR", "UNIT-SEPARATOR",
)
_C1_NAMES = {
    0x85: "NEXT LINE",
    0x90: "DEVICE CONTROL STRING",
    0x9B: "CONTROL SEQUENCE INTRODUCER",
    0x9C: "STRING TERMINATOR",
    0x9D: "OPERATING SYSTEM COMMAND",
    0x9E: "PRIVACY MESSAGE",
    0x9F: "APPLICATION PROGRAM COMMAND",
}


def describe_code_point(char: str) -> str:
    """Name a character the way an author can look it up: `U+001B ESCAPE`."""
    code = ord(char)
    if code < 0x20:
        name = _C0_NAMES[code].replace("-", " ")
    elif code == 0x7F:
        name = "DELETE"
    elif 0x80 <= code <= 0x9F:
        name = _C1_NAMES.get(code, "C1 CONTROL")
    else:
        name = unicodedata.name(char, "UNNAMED")
    return f"U+{code:04X} {name}"


def first_forbidden(text: str) -> tuple[int, str] | None:
    """Offset and character of the first forbidden character, if any."""
    match = FORBIDDEN.search(text)
    if match is None:
        return None
    return match.start(), match.group()


def visible(text: str, *, one_line: bool = False) -> str:
    """Make every forbidden character visible as `\\x1b`-style text.

    This is the second wall: valid briefings never contain these characters,
    but anything drawn or printed from a file goes through here anyway.
    With `one_line`, newlines and tabs become spaces so a value cannot break
    the layout of an error message or a single-line widget.
    """
    pattern = _NOT_ONE_LINE if one_line else FORBIDDEN

    def replace(match: re.Match[str]) -> str:
        char = match.group()
        if one_line and char in "\t\n":
            return " "
        code = ord(char)
        if 0xDC80 <= code <= 0xDCFF:  # a byte that is not UTF-8, kept by the OS's decoding
            code -= 0xDC00
        return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"

    return pattern.sub(replace, text)


def shorten(text: str, limit: int = 60) -> str:
    """A value for an error message: visible, one line, and not too long."""
    text = visible(text, one_line=True)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def counted(count: int, noun: str) -> str:
    """`1 quote`, `17 quotes`: counts read as English, not as `1 quotes`."""
    return f"{count:,} {noun}{'' if count == 1 else 's'}"
