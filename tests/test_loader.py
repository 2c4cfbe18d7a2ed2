"""Every way a file can fail to load, and what the reader is told: the file,
the place (`line:col` or an entry path) and what to do, never a traceback and
never a raw control character."""

from __future__ import annotations

import ast
import contextlib
import os
import subprocess
import sys
import threading
import time
import tracemalloc
import unicodedata
from pathlib import Path

import pytest

from briefing import loader
from briefing.errors import MAX_PROBLEMS_SHOWN, BriefingError, Problem
from briefing.loader import (
    check_characters,
    check_version,
    decode,
    load_briefing,
    parse_briefing,
    parse_toml,
    read_bytes,
    read_document,
)
from briefing.model import MAX_FILE_BYTES
from briefing.resources import bundled_briefing

SOURCE = "briefs/x.toml"
FIXTURES = Path(__file__).parent / "fixtures"


def refusal(text: str) -> BriefingError:
    with pytest.raises(BriefingError) as caught:
        parse_briefing(text, source=SOURCE)
    return caught.value


def load_refusal(path: Path, source: str = SOURCE) -> str:
    with pytest.raises(BriefingError) as caught:
        load_briefing(path, source=source)
    return str(caught.value)


# --- files -----------------------------------------------------------------------


def test_loads_a_file(write_briefing, briefing_text):
    path = write_briefing(briefing_text())
    assert load_briefing(path).title == "Talks in Istanbul"
    assert load_briefing(str(path)).title == "Talks in Istanbul"


def test_source_defaults_to_the_path(tmp_path):
    path = tmp_path / "nope.toml"
    with pytest.raises(BriefingError) as caught:
        load_briefing(path)
    assert caught.value.source == str(path)
    assert str(caught.value) == f"{path}: no such file"


def test_missing_file(tmp_path):
    assert load_refusal(tmp_path / "nope.toml") == f"{SOURCE}: no such file"


def test_folder(tmp_path):
    assert load_refusal(tmp_path) == f"{SOURCE}: is a folder, not a briefing file"


def test_fifo_is_refused_without_hanging(tmp_path):
    fifo = tmp_path / "pipe.toml"
    os.mkfifo(fifo)
    outcome: list[str] = []

    def load() -> None:
        try:
            load_briefing(fifo, source=SOURCE)
        except BriefingError as error:
            outcome.append(str(error))

    worker = threading.Thread(target=load, daemon=True)
    worker.start()
    worker.join(timeout=10)
    if worker.is_alive():  # unblock the reader so the test run can finish
        with open(fifo, "wb"):
            pass
        pytest.fail("load_briefing hung on a FIFO")
    assert outcome == [f"{SOURCE}: not a regular file (a pipe, device or socket cannot be "
                       "read as a briefing)"]


def test_device_is_refused():
    assert load_refusal(Path(os.devnull)).startswith(f"{SOURCE}: not a regular file")


@pytest.mark.skipif(os.geteuid() == 0, reason="root can read any file")
def test_unreadable_file(write_briefing, briefing_text):
    path = write_briefing(briefing_text())
    path.chmod(0)
    assert load_refusal(path) == f"{SOURCE}: permission denied: cannot read this file"


def test_symlink_to_a_briefing_loads(write_briefing, briefing_text, tmp_path):
    target = write_briefing(briefing_text())
    link = tmp_path / "link.toml"
    link.symlink_to(target)
    assert load_briefing(link).title == "Talks in Istanbul"


def test_file_over_the_size_limit_is_refused_before_reading(tmp_path):
    big = tmp_path / "big.toml"
    with open(big, "wb") as file:  # sparse: no 16 MB are written
        file.truncate(MAX_FILE_BYTES + 1)
    assert load_refusal(big) == (f"{SOURCE}: file is {MAX_FILE_BYTES + 1:,} bytes; the limit "
                                 f"is {MAX_FILE_BYTES:,} bytes")


def test_size_limit_can_be_set_small(write_briefing):
    path = write_briefing(b"x" * 101)
    with pytest.raises(BriefingError) as caught:
        read_bytes(path, source=SOURCE, limit=100)
    assert str(caught.value) == f"{SOURCE}: file is 101 bytes; the limit is 100 bytes"
    assert read_bytes(path, source=SOURCE, limit=101) == b"x" * 101


def test_size_limit_in_mebibytes(tmp_path):
    big = tmp_path / "big.toml"
    with open(big, "wb") as file:
        file.truncate(3 * 1024 * 1024)
    with pytest.raises(BriefingError) as caught:
        read_bytes(big, source=SOURCE, limit=2 * 1024 * 1024)
    assert str(caught.value) == f"{SOURCE}: file is 3.0 MiB; the limit is 2.0 MiB"


def test_size_limit_is_the_documented_one():
    assert MAX_FILE_BYTES == 12 * 1024 * 1024
    assert read_bytes.__kwdefaults__["limit"] == MAX_FILE_BYTES
    assert read_document.__kwdefaults__["limit"] == MAX_FILE_BYTES


# --- encodings -------------------------------------------------------------------


def test_utf8_bom_is_accepted(write_briefing, briefing_text):
    path = write_briefing(b"\xef\xbb\xbf" + briefing_text().encode())
    assert load_briefing(path).title == "Talks in Istanbul"
    assert not read_document(path, source=SOURCE).startswith("\ufeff")


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_with_a_bom_is_refused(write_briefing, briefing_text, encoding):
    data = briefing_text().encode(encoding)
    if encoding != "utf-16":
        data = "\ufeff".encode(encoding) + data
    assert load_refusal(write_briefing(data)) == f"{SOURCE}: file is UTF-16; save it as UTF-8"


def test_utf16_without_a_bom_is_refused_with_a_place(write_briefing, briefing_text):
    message = load_refusal(write_briefing(briefing_text().encode("utf-16-le")))
    assert message.startswith(f"{SOURCE}:1:2: TOML syntax:")
    assert "\x00" not in message


def test_invalid_utf8_names_line_and_column(write_briefing):
    data = "format = 1\n[briefing]\ntitle = \"é€ab".encode() + b"\xff" + b'"\n'
    assert load_refusal(write_briefing(data)) == f"{SOURCE}:3:14: not valid UTF-8 (byte 0xff)"


def test_truncated_utf8_sequence(write_briefing):
    data = b'format = 1\n# caf\xc3'
    assert load_refusal(write_briefing(data)) == f"{SOURCE}:2:6: not valid UTF-8 (byte 0xc3)"


def test_invalid_utf8_line_counts_crlf_lines(write_briefing):
    data = b"format = 1\r\n\r\n# \xfe\r\n"
    assert load_refusal(write_briefing(data)) == f"{SOURCE}:3:3: not valid UTF-8 (byte 0xfe)"


def test_crlf_file_loads_without_carriage_returns(write_briefing, briefing_text):
    text = briefing_text().replace('summary = "Talks resume."',
                                   'summary = """Talks\nresume."""')
    path = write_briefing(text.replace("\n", "\r\n").encode())
    briefing = load_briefing(path)
    assert briefing.sections[0].summary == "Talks\nresume."
    assert briefing.title == "Talks in Istanbul"


def test_crlf_file_with_bom_loads(write_briefing, briefing_text):
    path = write_briefing(b"\xef\xbb\xbf" + briefing_text().replace("\n", "\r\n").encode())
    assert load_briefing(path).title == "Talks in Istanbul"


def test_decode_is_public_and_strict():
    assert decode(b"format = 1\n", source=SOURCE) == "format = 1\n"
    with pytest.raises(BriefingError):
        decode(b"\x80", source=SOURCE)


# --- TOML syntax -------------------------------------------------------------------


def _caret_column(message: str) -> tuple[str, int]:
    """The source line shown and the cell the caret points at within it."""
    lines = message.split("\n")
    assert len(lines) == 3, message
    shown, caret = lines[1], lines[2]
    assert caret.strip() == "^" and shown.startswith("  ") and caret.startswith("  ")
    return shown, caret.index("^")


def _cells(text: str) -> int:
    return sum(0 if unicodedata.combining(c) else
               2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def test_toml_syntax_error_has_line_column_and_caret():
    error = refusal('format = 1\n[briefing]\ntitle = "T" x\n')
    message = str(error)
    assert message.split("\n")[0] == (f"{SOURCE}:3:13: TOML syntax: expected newline or end "
                                      "of document after a statement")
    shown, column = _caret_column(message)
    assert shown == '  title = "T" x'
    assert shown[column] == "x"
    assert error.problems[0].where == "3:13"


def test_toml_syntax_unclosed_string():
    message = str(refusal('format = 1\n[briefing]\ntitle = "T\n'))
    assert message.startswith(f"{SOURCE}:3:11: TOML syntax: illegal character")
    shown, column = _caret_column(message)
    assert column == len(shown)  # just past the end: where the newline is


def test_toml_syntax_duplicate_key():
    message = str(refusal('format = 1\nformat = 1\n'))
    assert message.startswith(f"{SOURCE}:2:")
    assert "TOML syntax:" in message


def test_caret_under_the_right_column_after_wide_characters():
    # CJK takes two cells, a combining accent none (emoji widths vary by terminal)
    message = str(refusal('format = 1\n[briefing]\ntitle = "日本語 cafe\u0301" x\n'))
    shown, column = _caret_column(message)
    before = shown[: shown.index('" x') + 2]
    assert _cells(before) == column
    assert shown[shown.index('" x') + 2] == "x"


def test_caret_under_the_right_column_after_escaped_characters():
    # a raw U+202E is shown escaped (6 characters); the caret must still fall on "x"
    message = str(refusal('format = 1\n[briefing]\ntitle = "\u202eabc" x\n'))
    shown, column = _caret_column(message)
    assert "\\u202e" in shown and "\u202e" not in message
    assert shown[column] == "x"


def test_caret_on_a_very_long_line():
    line = 'title = "' + "a" * 300 + '" x'
    message = str(refusal(f"format = 1\n[briefing]\n{line}\n"))
    assert message.startswith(f"{SOURCE}:3:{len(line)}: TOML syntax:")
    shown, column = _caret_column(message)
    assert len(shown) <= 2 + 100
    assert shown[column] == "x"


def test_caret_shows_tabs_as_spaces():
    message = str(refusal('format = 1\n[briefing]\n\ttitle = "T"\tx\n'))
    shown, column = _caret_column(message)
    assert "\t" not in message
    assert shown[column] == "x"


def test_raw_escape_byte_is_a_syntax_error_shown_escaped():
    message = str(refusal('format = 1\n[briefing]\ntitle = "a\x1b[2Jb"\n'))
    assert message.startswith(f"{SOURCE}:3:11: TOML syntax: illegal character '\\x1b'")
    assert "\x1b" not in message
    shown, column = _caret_column(message)
    assert shown[column:column + 4] == "\\x1b"


def test_lone_carriage_return_is_refused():
    message = str(refusal('format = 1\n[briefing]\ntitle = "a\rb"\n'))
    assert message.startswith(f"{SOURCE}:3:11: TOML syntax:")
    assert "\r" not in message


def test_invalid_date_is_a_syntax_error():
    assert str(refusal("format = 1\nx = 2022-02-30\n")).startswith(
        f"{SOURCE}:2:5: TOML syntax: invalid date or datetime")


# --- resource exhaustion -------------------------------------------------------------


def test_dotted_key_blow_up_is_refused_fast_and_small():
    # ~100k parts, ~200 KB: stdlib tomllib of 3.11-3.13 takes tens of GB on this
    text = "format = 1\n" + ".".join(["a"] * 100_000) + " = 1\n"
    assert 190_000 < len(text) < 210_000
    tracemalloc.start()
    started = time.monotonic()
    try:
        message = str(refusal(text))
        elapsed = time.monotonic() - started
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert message == f"{SOURCE}:2:1: key has too many dotted parts"
    assert elapsed < 10
    assert peak < 100 * 1024 * 1024


def test_dotted_key_place_skips_indent_and_table_headers():
    text = "format = 1\n[x]\n  " + ".".join(["b"] * 2000) + " = 1\n"
    assert str(refusal(text)) == f"{SOURCE}:3:3: key has too many dotted parts"
    text = "format = 1\n[" + ".".join(["b"] * 2000) + "]\n"
    assert str(refusal(text)) == f"{SOURCE}:2:1: key has too many dotted parts"


def test_dots_in_strings_and_comments_do_not_mislead_the_place():
    text = ("format = 1\n# " + "." * 5000 + "\ns = '" + "." * 5000 + "'\n"
            + ".".join(["k"] * 2000) + " = 1\n")
    assert str(refusal(text)) == f"{SOURCE}:4:1: key has too many dotted parts"


@pytest.mark.parametrize(("value", "place"), [
    ("[" * 5000 + "]" * 5000, "2:405"),
    ("{a = " * 2000 + "1" + "}" * 2000, "2:2005"),
    ("[" * 450 + "]" * 450, "2:405"),
])
def test_deep_nesting_is_a_clean_error_with_a_place(value, place):
    assert str(refusal(f"format = 1\nx = {value}\n")) == (
        f"{SOURCE}:{place}: arrays or tables are nested too deeply")


def test_brackets_in_strings_do_not_mislead_the_nesting_place():
    text = ('format = 1\ns = "[[[[{{{{"\nm = """\n[[[[\n"""\nt = \'[[\'\n# [[[[\n'
            f"x = {'[' * 500}{']' * 500}\n")
    assert str(refusal(text)) == f"{SOURCE}:8:405: arrays or tables are nested too deeply"


def test_moderate_nesting_is_fine():
    document = parse_toml("x = " + "[" * 50 + "]" * 50 + "\n", source=SOURCE)
    assert isinstance(document["x"], list)


@pytest.mark.parametrize(("digits", "column"), [
    ("9" * 5000, 9), ("-" + "9" * 5000, 10), ("1" + "_000" * 1700, 9),
])
def test_huge_integer_is_a_clean_error_with_a_place(briefing_text, digits, column):
    text = f"format = 1\n\n[briefing]\nvalue = {digits}\n"
    assert str(refusal(text)) == f"{SOURCE}:4:{column}: integer has too many digits"


def test_huge_integer_place_is_found_fast_among_many_long_numbers():
    # ~4 MB of 998-digit numbers in comments: a backtracking search for the
    # long one took seconds per megabyte
    text = "format = 1\n" + ("# " + "9" * 998 + "\n") * 4000 + "x = " + "9" * 5000 + "\n"
    started = time.monotonic()
    message = str(refusal(text))
    assert time.monotonic() - started < 5
    assert message == f"{SOURCE}:4002:5: integer has too many digits"


def test_big_but_bounded_numbers_are_read(briefing_text):
    # a 1,000-digit integer is still a number; a float too big for a double is
    # infinity, refused as such
    text = briefing_text("\n[[figures]]\ntext = '26 buses'\nlabel = 'x'\nvalue = "
                         + "9" * 1000 + "\n")
    assert parse_briefing(text, source=SOURCE).figures[0].value == int("9" * 1000)
    text = briefing_text("\n[[figures]]\ntext = '26 buses'\nlabel = 'x'\nvalue = 1e999\n")
    assert str(refusal(text)) == f"{SOURCE}: figures[0].value: must be a finite number, not inf"


# --- format version ----------------------------------------------------------------------


def test_missing_format_says_what_to_do(briefing_text):
    text = briefing_text().replace("format = 1\n", "")
    assert str(refusal(text)) == (f"{SOURCE}: no format version: add `format = 2` as the "
                                  "first line of the file")


def test_newer_format_says_upgrade(briefing_text):
    text = briefing_text().replace("format = 1", "format = 3")
    assert str(refusal(text)) == (f"{SOURCE}: format: format 3 is newer than this reader "
                                  "understands (format 2): upgrade briefing, e.g. "
                                  "`pip install -U briefing`")


@pytest.mark.parametrize(("value", "shown"), [
    ('"1"', "'1'"), ("1.0", "1.0"), ("true", "True"), ("0", "0"), ("-1", "-1"),
    ("[1]", "[1]"), ('"\\u001b"', "'\\x1b'"),
])
def test_format_must_be_the_integer_1_or_2(briefing_text, value, shown):
    text = briefing_text().replace("format = 1", f"format = {value}")
    assert str(refusal(text)) == f"{SOURCE}: format: must be the integer 1 or 2, not {shown}"


def test_check_version_alone():
    check_version({"format": 1}, source=SOURCE)
    with pytest.raises(BriefingError, match="upgrade briefing"):
        check_version({"format": 3}, source=SOURCE)


# --- forbidden characters ---------------------------------------------------------------------


@pytest.mark.parametrize(("value", "offset", "named"), [
    ("\\u001b[2J", 0, "U+001B ESCAPE"),
    ("\\u001b]52;c;cm0gLXJmIH4=\\u0007", 0, "U+001B ESCAPE"),
    ("\\u0000", 0, "U+0000 NULL"),
    ("\\u0007", 0, "U+0007 BELL"),
    ("\\b", 0, "U+0008 BACKSPACE"),
    ("\\f", 0, "U+000C FORM FEED"),
    ("\\r", 0, "U+000D CARRIAGE RETURN"),
    ("\\u007f", 0, "U+007F DELETE"),
    ("\u009b", 0, "U+009B CONTROL SEQUENCE INTRODUCER"),
    ("\\u0085", 0, "U+0085 NEXT LINE"),
    ("\\u0080", 0, "U+0080 C1 CONTROL"),
    ("\u202e", 0, "U+202E RIGHT-TO-LEFT OVERRIDE"),
    ("\\u202a", 0, "U+202A LEFT-TO-RIGHT EMBEDDING"),
    ("\u2066", 0, "U+2066 LEFT-TO-RIGHT ISOLATE"),
    ("\\u2069", 0, "U+2069 POP DIRECTIONAL ISOLATE"),
    ("\\ufeff", 0, "U+FEFF ZERO WIDTH NO-BREAK SPACE"),
])
def test_forbidden_characters_are_refused_with_entry_and_code_point(
        briefing_text, assert_terminal_safe, value, offset, named):
    # raw in the file where TOML allows it (C1, bidi), as an escape otherwise
    text = briefing_text(f'\n[[quotes]]\ntext = "T{value}alks"\nspeaker = "kuleba"\n')
    message = str(refusal(text))
    assert message == f"{SOURCE}: quotes[0].text: {named} at offset {offset + 1}"
    assert_terminal_safe(message)


def test_the_untrusted_md_example(briefing_text):
    text = briefing_text('\n[[quotes]]\ntext = "a\\u001b"\nspeaker = "kuleba"\n')
    assert str(refusal(text)) == f"{SOURCE}: quotes[0].text: U+001B ESCAPE at offset 1"


@pytest.mark.parametrize(("where", "replace", "by"), [
    ("briefing.title", 'title = "Talks in Istanbul"', 'title = "x\\u001b"'),
    ("people[1].role", 'role = "Mariupol mayor"', 'role = "x\\u001b"'),
    ("sections[1].paragraphs[2]", '"It was not possible', '"x\\u001b", "It was not possible'),
    ("sections[0].summary", 'summary = "Talks resume."', 'summary = "x\\u001b"'),
])
def test_forbidden_characters_are_found_everywhere(briefing_text, where, replace, by):
    text = briefing_text().replace(replace, by)
    assert str(refusal(text)) == f"{SOURCE}: {where}: U+001B ESCAPE at offset 1"


def test_forbidden_characters_in_tags_and_nested_values(briefing_text):
    text = briefing_text(masthead='tags = ["ok", "b\\u202ead"]\n')
    assert str(refusal(text)) == (f"{SOURCE}: briefing.tags[1]: U+202E RIGHT-TO-LEFT "
                                  "OVERRIDE at offset 1")


def test_every_string_with_a_forbidden_character_is_named(briefing_text):
    text = briefing_text('\n[[quotes]]\ntext = "\\u001b"\nspeaker = "\\u009b"\n'
                         '\n[[figures]]\ntext = "a"\nlabel = "\\u202e"\n')
    assert str(refusal(text)).splitlines() == [
        f"{SOURCE}: quotes[0].text: U+001B ESCAPE at offset 0",
        f"{SOURCE}: quotes[0].speaker: U+009B CONTROL SEQUENCE INTRODUCER at offset 0",
        f"{SOURCE}: figures[0].label: U+202E RIGHT-TO-LEFT OVERRIDE at offset 0",
    ]


def test_control_character_in_a_key_is_refused_without_printing_it(
        briefing_text, assert_terminal_safe):
    text = briefing_text('\n[[quotes]]\ntext = "Talks"\nspeaker = "kuleba"\n'
                         '"spe\\u001b[31maker" = "x"\n')
    message = str(refusal(text))
    assert message == (f'{SOURCE}: quotes[0]: key "spe\\x1b[31maker" holds U+001B ESCAPE')
    assert_terminal_safe(message)


def test_bidi_in_a_top_level_key(briefing_text, assert_terminal_safe):
    text = briefing_text().replace("format = 1\n", 'format = 1\n"a\u202eb" = 1\n')
    message = str(refusal(text))
    assert message == f'{SOURCE}: (top): key "a\\u202eb" holds U+202E RIGHT-TO-LEFT OVERRIDE'
    assert_terminal_safe(message)


def test_forbidden_character_under_an_odd_key_names_it_quoted(briefing_text):
    text = briefing_text(masthead='"a.b" = "x\\u001b"\n')
    assert str(refusal(text)) == f'{SOURCE}: briefing."a.b": U+001B ESCAPE at offset 1'


def test_tab_and_newline_are_allowed_in_text(briefing_text):
    text = briefing_text().replace('"It was not possible to verify the figures."',
                                   '"It was\\tnot possible\\nto verify the figures."')
    paragraph = parse_briefing(text, source=SOURCE).sections[1].paragraphs[2]
    assert paragraph == "It was\tnot possible\nto verify the figures."


def test_check_characters_alone():
    check_characters({"a": ["fine", {"b": "fine too 👍"}]}, source=SOURCE)
    with pytest.raises(BriefingError) as caught:
        check_characters({"a": ["fine", {"b": "bad\x07"}]}, source=SOURCE)
    assert str(caught.value) == f"{SOURCE}: a[1].b: U+0007 BELL at offset 3"


# --- valid exotic Unicode -----------------------------------------------------------


def test_exotic_unicode_loads():
    briefing = load_briefing(FIXTURES / "valid-unicode.toml")
    assert briefing.title == "Kyiv 🇺🇦 — 基辅 — كييف — קייב — कीव"
    assert briefing.masthead.tags == ("ukraine", "日本語", "عربي", "हिन्दी")
    by_text = {q.text: q for q in briefing.quotes}
    family = by_text["👨‍👩‍👧‍👦"]
    paragraph = briefing.sections[family.anchor.section].paragraphs[family.anchor.paragraph]
    assert paragraph[family.anchor.start:family.anchor.end] == "👨‍👩‍👧‍👦"
    assert by_text["نحن لا نتاجر بالناس أو الأرض أو السيادة"].speaker_name == "أميرة حداد"
    assert by_text["אנחנו לא סוחרים באנשים"].anchor.paragraph == 1
    assert by_text["谈判将在周二举行。"].person.name == "张伟"
    figures = {f.text: f for f in briefing.figures}
    assert figures["١٦٠٬٠٠٠"].claimant_name == "أميرة حداد"
    assert figures["Cafe\u0301"].anchor.section == 1
    assert "می\u200cخواهم" in briefing.sections[0].paragraphs[4]  # ZWNJ kept


@pytest.mark.parametrize("words", [
    "👩🏽‍💻", "🏳️‍🌈", "Z\u0351\u0366a\u0350l\u0300g\u0352o\u0489", "नमस्ते दुनिया", "สวัสดีชาวโลก",
])
def test_exotic_words_anchor(words):
    text = (FIXTURES / "valid-unicode.toml").read_text(encoding="utf-8")
    text += f'\n[[quotes]]\ntext = "{words}"\nspeaker = "x"\n'
    quote = parse_briefing(text, source=SOURCE).quotes[-1]
    assert quote.anchor.end - quote.anchor.start == len(words)


# --- how errors read ---------------------------------------------------------------------


def test_at_most_twenty_problems_then_a_count(briefing_text):
    keys = "".join(f"extra{i} = {i}\n" for i in range(25))
    message = str(refusal(briefing_text(masthead=keys)))
    lines = message.split("\n")
    assert len(lines) == MAX_PROBLEMS_SHOWN + 1 == 21
    assert lines[0] == (f'{SOURCE}: briefing.extra0: unknown key "extra0": allowed: title, '
                        "standfirst, source, published, url, tags, draft")
    assert lines[-1] == "... and 5 more"


def test_exactly_twenty_problems_have_no_count(briefing_text):
    keys = "".join(f"extra{i} = {i}\n" for i in range(20))
    lines = str(refusal(briefing_text(masthead=keys))).split("\n")
    assert len(lines) == 20 and not lines[-1].startswith("...")


def test_error_keeps_every_problem_and_a_headline(briefing_text):
    keys = "".join(f"extra{i} = {i}\n" for i in range(25))
    error = refusal(briefing_text(masthead=keys))
    assert len(error.problems) == 25
    assert error.headline == str(error).split("\n")[0]
    assert error.problems[3] == Problem("briefing.extra3", 'unknown key "extra3": allowed: '
                                        "title, standfirst, source, published, url, tags, draft")


def test_problem_lines():
    assert Problem("", "no such file").line("a.toml") == "a.toml: no such file"
    assert Problem("3:7", "bad").line("a.toml") == "a.toml:3:7: bad"
    assert Problem("quotes[3].text", "bad").line("a.toml") == "a.toml: quotes[3].text: bad"
    # a top-level key that starts with a digit is not a line number
    assert Problem("1abc", "bad").line("a.toml") == "a.toml: 1abc: bad"


def test_problem_line_never_holds_raw_characters(assert_terminal_safe):
    line = Problem("a\x1b\nb", "x\x9by\nz\u202e").line("f\x1b\t.toml")
    assert line == "f\\x1b .toml: a\\x1b b: x\\x9by z\\u202e"
    assert_terminal_safe(line)


def test_file_name_with_control_characters_is_shown_escaped(tmp_path, assert_terminal_safe):
    path = tmp_path / "evil\x1b]0;pwned\x07.toml"
    message = load_refusal(path, source=str(path))
    assert "evil\\x1b]0;pwned\\x07.toml: no such file" in message
    assert_terminal_safe(message)


def test_briefing_error_single():
    error = BriefingError.single("a.toml", "bad", "format")
    assert str(error) == "a.toml: format: bad"
    assert error.problems == (Problem("format", "bad"),)


def test_no_error_message_holds_a_raw_control_character(assert_terminal_safe):
    for path in sorted((FIXTURES / "hostile").iterdir()):
        with pytest.raises(BriefingError) as caught:
            load_briefing(path)
        assert_terminal_safe(str(caught.value))
        assert_terminal_safe(caught.value.headline)


def test_only_briefing_errors_escape(briefing_text):
    # broken variants of a valid file: whatever breaks, the loader says so in
    # its own words (a BriefingError), never with another exception
    text = briefing_text('\n[[quotes]]\ntext = "Talks"\nspeaker = "kuleba"\n')
    for cut in range(0, len(text), 7):
        for insert in ("", "[", "{", '"', "'''", "=", "\\u001b", "\x00", "."):
            broken = text[:cut] + insert + text[cut + 3:]
            with contextlib.suppress(BriefingError):
                parse_briefing(broken, source=SOURCE)


def test_loader_never_parses_with_the_stdlib_tomllib():
    tree = ast.parse(Path(loader.__file__).read_text(encoding="utf-8"))
    imported = {alias.name for node in ast.walk(tree) if isinstance(node, ast.Import)
                for alias in node.names}
    imported |= {node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)}
    assert {"rtoml", "tomli"} <= imported
    assert "tomllib" not in imported


def text_line_of(needle: str) -> int:
    text = bundled_briefing().read_text("utf-8")
    return text[:text.index(needle)].count("\n") + 1


def test_a_valid_file_is_read_by_the_fast_parser_and_a_broken_one_worded_by_tomli():
    """A valid briefing never waits for tomli (about 3x slower on a large
    file); a broken one is reported in tomli's words, with line and column."""
    code = (
        "import sys\n"
        "from briefing.errors import BriefingError\n"
        "from briefing.loader import parse_briefing\n"
        "from briefing.resources import bundled_briefing\n"
        "text = bundled_briefing().read_text('utf-8')\n"
        "print(parse_briefing(text, source='b.toml').title[:5], 'tomli' in sys.modules)\n"
        "try:\n"
        "    parse_briefing(text.replace('[briefing]', '[briefing', 1), source='b.toml')\n"
        "except BriefingError as error:\n"
        "    print(str(error).splitlines()[0], 'tomli' in sys.modules)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            timeout=60)
    assert result.returncode == 0, result.stderr
    first, second = result.stdout.splitlines()
    assert first == "Putin False"
    line = text_line_of("[briefing]")
    assert second == (f"b.toml:{line}:10: TOML syntax: expected ']' at the end of a table "
                      "declaration True")


# --- format 2: drafts and what is uncertain ----------------------------------------

FORMAT_2_ENTRIES = """
[[quotes]]
text = "We are not trading people"
speaker = "kuleba"
speaker_inferred = true

[[figures]]
text = "160,000"
label = "people trapped"
label_inferred = true

[[figures]]
text = "41 sites"
label = "sites hit"
"""


def test_a_format_2_draft_reads_with_what_is_uncertain(briefing_text):
    text = briefing_text(FORMAT_2_ENTRIES, masthead="draft = true").replace(
        "format = 1", "format = 2")
    briefing = parse_briefing(text, source=SOURCE)
    assert briefing.masthead.draft
    assert [q.speaker_inferred for q in briefing.quotes] == [True]
    assert [f.label_inferred for f in briefing.figures] == [True, False]


def test_format_1_reads_as_before_with_nothing_uncertain(briefing_text):
    plain = "\n".join(line for line in FORMAT_2_ENTRIES.splitlines()
                      if "inferred" not in line)
    briefing = parse_briefing(briefing_text(plain), source=SOURCE)
    assert not briefing.masthead.draft
    assert not any(q.speaker_inferred for q in briefing.quotes)
    assert not any(f.label_inferred for f in briefing.figures)


@pytest.mark.parametrize(("masthead", "place", "field"), [
    ("draft = true", "briefing.draft", "draft"),
    ("", "quotes[0].speaker_inferred", "speaker_inferred"),
])
def test_a_format_1_file_with_a_format_2_field_says_to_write_format_2(
        briefing_text, masthead, place, field):
    entries = FORMAT_2_ENTRIES if not masthead else ""
    text = briefing_text(entries, masthead=masthead)
    assert str(refusal(text)) == (f"{SOURCE}: {place}: `{field}` is a format 2 field: write "
                                  "`format = 2` at the top of the file")
