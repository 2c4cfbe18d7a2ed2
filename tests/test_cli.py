"""The `briefing` command: validate, schema, --version, --help, driven through
`main()` and, where the process matters (exit codes, tracebacks, imports),
as a real subprocess."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from briefing import __version__
from briefing.cli import main
from briefing.resources import bundled_briefing

FIXTURES = Path(__file__).parent / "fixtures"


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """`python -m briefing ARGS` in a fresh interpreter."""
    environment = dict(os.environ, PYTHONIOENCODING="utf-8", COLUMNS="100")
    return subprocess.run([sys.executable, "-m", "briefing", *args], capture_output=True,
                          text=True, encoding="utf-8", errors="strict", timeout=60,
                          cwd=cwd, env=environment)


def run_python(code: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=60)


# --- validate ------------------------------------------------------------------------


def test_validate_ok(write_briefing, briefing_text, capsys):
    path = write_briefing(briefing_text())
    assert main(["validate", str(path)]) == 0
    out, err = capsys.readouterr()
    assert out == f"{path}: ok (3 sections, 0 quotes, 0 figures)\n"
    assert err == ""


def test_validate_counts_quotes_and_figures(capsys):
    assert main(["validate", str(FIXTURES / "valid-unicode.toml")]) == 0
    assert capsys.readouterr().out.endswith(": ok (2 sections, 4 quotes, 3 figures)\n")


def test_validate_reports_each_file(write_briefing, briefing_text, capsys, tmp_path):
    good = write_briefing(briefing_text(), "good.toml")
    bad = write_briefing(briefing_text().replace("format = 1", "format = 3"), "bad.toml")
    missing = tmp_path / "missing.toml"
    typo = write_briefing(briefing_text(masthead="titel = 'x'\n"), "typo.toml")
    assert main(["validate", str(good), str(bad), str(missing), str(typo)]) == 1
    out, err = capsys.readouterr()
    assert out == f"{good}: ok (3 sections, 0 quotes, 0 figures)\n"
    assert err.splitlines() == [
        f"{bad}: format: format 3 is newer than this reader understands (format 2): "
        "upgrade briefing, e.g. `pip install -U briefing`",
        f"{missing}: no such file",
        f'{typo}: briefing.titel: unknown key "titel": did you mean "title"?',
    ]


def test_validate_says_what_a_draft_still_asks(write_briefing, briefing_text, capsys):
    draft = briefing_text('\n[[quotes]]\ntext = "Talks resume"\nspeaker = "x"\n'
                          "speaker_inferred = true\n", masthead="draft = true").replace(
        "format = 1", "format = 2")
    path = write_briefing(draft, "draft.toml")
    assert main(["validate", str(path)]) == 0
    assert capsys.readouterr().out == (
        f"{path}: ok (3 sections, 1 quote, 0 figures); a draft: check 1 inferred speaker "
        "and 0 inferred labels, then delete `draft`\n")


def test_validate_all_bad_exits_1(write_briefing, capsys):
    path = write_briefing("format = 1\n")
    assert main(["validate", str(path)]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert err.startswith(f"{path}: briefing: required, but missing")


def test_validate_hostile_file_prints_escaped(capsys, assert_terminal_safe):
    path = FIXTURES / "hostile" / "osc52-in-title.toml"
    assert main(["validate", str(path)]) == 1
    out, err = capsys.readouterr()
    assert err == f"{path}: briefing.title: U+001B ESCAPE at offset 0\n"
    assert "\x1b" not in out + err
    assert_terminal_safe(out + err)


def test_validate_syntax_error_prints_caret(capsys):
    path = FIXTURES / "hostile" / "raw-escape-byte.toml"
    assert main(["validate", str(path)]) == 1
    err = capsys.readouterr().err
    lines = err.splitlines()
    assert lines[0] == f"{path}:5:18: TOML syntax: illegal character '\\x1b'"
    assert lines[1] == '  title = "Hostile \\x1b[2J file"'
    assert lines[2] == "  " + " " * 17 + "^"
    assert "\x1b" not in err


def test_validate_file_name_with_control_characters(tmp_path, briefing_text, capsys,
                                                    assert_terminal_safe):
    path = tmp_path / "a\x1b[31mred.toml"
    path.write_text(briefing_text(), encoding="utf-8")
    assert main(["validate", str(path)]) == 0
    out, err = capsys.readouterr()
    assert "a\\x1b[31mred.toml: ok" in out
    assert_terminal_safe(out + err)


def test_validate_needs_a_file(capsys):
    with pytest.raises(SystemExit) as caught:
        main(["validate"])
    assert caught.value.code == 2
    assert "FILE" in capsys.readouterr().err


def test_validate_counts_read_as_english(write_briefing, capsys):
    one_of_each = """format = 1
[briefing]
title = "One"
[[sections]]
id = "only"
title = "Only"
paragraphs = ["Kuleba said 41 sites were hit."]
[[quotes]]
text = "41 sites were hit"
speaker = "Kuleba"
[[figures]]
text = "41"
label = "sites hit"
"""
    path = write_briefing(one_of_each)
    assert main(["validate", str(path)]) == 0
    assert capsys.readouterr().out == f"{path}: ok (1 section, 1 quote, 1 figure)\n"


# --- validate DIR ----------------------------------------------------------------------


def test_validate_folder_says_one_line_per_problem_and_fails(tmp_path, briefing_text, capsys):
    folder = tmp_path / "briefs"
    folder.mkdir()
    (folder / "good.toml").write_text(briefing_text(), encoding="utf-8")
    (folder / "also-good.toml").write_text(briefing_text(), encoding="utf-8")
    # Two problems in one file, and a TOML syntax error (which has a caret
    # line under it when a FILE is checked, but not in a folder's list).
    (folder / "bad.toml").write_text(briefing_text(masthead="titel = 'x'\nsauce = 'y'\n"),
                                     encoding="utf-8")
    (folder / "broken.toml").write_text("format = 1\n[briefing\n", encoding="utf-8")
    assert main(["validate", str(folder)]) == 1
    out, err = capsys.readouterr()
    assert err.splitlines() == [
        f'{folder}/bad.toml: briefing.titel: unknown key "titel": did you mean "title"?',
        f'{folder}/bad.toml: briefing.sauce: unknown key "sauce": did you mean "source"?',
        f"{folder}/broken.toml:2:10: TOML syntax: expected ']' at the end of a table declaration",
    ]
    assert out == f"{folder}: 4 briefings checked, 2 not valid\n"


def test_validate_folder_all_valid_exits_0(tmp_path, briefing_text, capsys):
    (tmp_path / "one.toml").write_text(briefing_text(), encoding="utf-8")
    assert main(["validate", str(tmp_path)]) == 0
    assert capsys.readouterr() == (f"{tmp_path}: 1 briefing checked, all valid\n", "")


def test_validate_folder_checks_what_the_library_lists(tmp_path, briefing_text, capsys):
    """Not subfolders, not hidden files, not other files: the *.toml files
    directly in the folder, as `briefing DIR` lists them."""
    (tmp_path / "top.toml").write_text(briefing_text(), encoding="utf-8")
    (tmp_path / ".hidden.toml").write_text("not toml at all", encoding="utf-8")
    (tmp_path / "notes.txt").write_text("an article", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "deep.toml").write_text("not toml at all", encoding="utf-8")
    (tmp_path / "folder.toml").mkdir()  # a folder named like a briefing
    assert main(["validate", str(tmp_path)]) == 0
    assert capsys.readouterr().out == f"{tmp_path}: 1 briefing checked, all valid\n"


def test_validate_a_folder_of_articles_says_how_to_import_them(tmp_path, capsys):
    (tmp_path / "monday.txt").write_text("An article.", encoding="utf-8")
    (tmp_path / "tuesday.md").write_text("# An article", encoding="utf-8")
    assert main(["validate", str(tmp_path)]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert err.startswith(f"{tmp_path}: no briefings (*.toml) here, but 2 articles (")
    assert "briefing import ARTICLE -o NAME.toml" in err
    assert len(err.splitlines()) == 1


def test_validate_an_empty_folder_fails(tmp_path, capsys):
    assert main(["validate", str(tmp_path)]) == 1
    assert capsys.readouterr() == ("", f"{tmp_path}: no briefings (*.toml) here\n")


def test_validate_folder_and_files_together(tmp_path, briefing_text, capsys):
    folder = tmp_path / "briefs"
    folder.mkdir()
    (folder / "bad.toml").write_text("format = 1\n", encoding="utf-8")
    good = tmp_path / "good.toml"
    good.write_text(briefing_text(), encoding="utf-8")
    assert main(["validate", str(good), str(folder)]) == 1
    out, err = capsys.readouterr()
    assert out.splitlines() == [f"{good}: ok (3 sections, 0 quotes, 0 figures)",
                                f"{folder}: 1 briefing checked, 1 not valid"]
    assert err.startswith(f"{folder}/bad.toml: briefing: required, but missing\n")
    assert len(err.splitlines()) == 2  # and sections: required, but missing


def test_validate_folder_with_hostile_file_names(tmp_path, briefing_text, capsys,
                                                 assert_terminal_safe):
    names = [b"title-\x1b]0;pwned\x07.toml", b"not-utf8-\xff.toml", b"bidi-\xe2\x80\xae.toml"]
    for name in names:
        (tmp_path / os.fsdecode(name)).write_text("format = 1\n", encoding="utf-8")
    assert main(["validate", str(tmp_path)]) == 1
    out, err = capsys.readouterr()
    assert_terminal_safe(out + err)
    assert "\x1b" not in out + err
    assert f"{tmp_path}/title-\\x1b]0;pwned\\x07.toml: briefing: required" in err
    assert f"{tmp_path}/not-utf8-\\xff.toml: briefing: required" in err
    assert f"{tmp_path}/bidi-\\u202e.toml: briefing: required" in err
    assert out == f"{tmp_path}: 3 briefings checked, 3 not valid\n"


def test_subprocess_validate_folder_with_an_undecodable_name(tmp_path, briefing_text):
    (tmp_path / os.fsdecode(b"caf\xe9.toml")).write_text(briefing_text(), encoding="utf-8")
    (tmp_path / "bad.toml").write_text("format = 1\n", encoding="utf-8")
    result = run("validate", str(tmp_path))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stdout == f"{tmp_path}: 2 briefings checked, 1 not valid\n"
    assert result.stderr.startswith(f"{tmp_path}/bad.toml: ")


def test_subprocess_validate_unreadable_folder(tmp_path):
    result = run("validate", str(tmp_path / "gone"))
    assert result.returncode == 1
    assert result.stderr == f"{tmp_path}/gone: no such file\n"


# --- schema --------------------------------------------------------------------------


def test_schema_is_json_of_the_format(capsys):
    assert main(["schema"]) == 0
    schema = json.loads(capsys.readouterr().out)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["type"] == "object"
    assert schema["additionalProperties"] is False
    assert list(schema["properties"]) == ["format", "briefing", "people", "sections", "quotes",
                                          "figures"]
    assert set(schema["required"]) == {"format", "briefing", "sections"}
    assert schema["properties"]["format"]["enum"] == [1, 2]
    definitions = schema["$defs"]
    assert set(definitions) == {"Masthead", "Person", "Section", "Quote", "Figure"}
    for name, definition in definitions.items():
        assert definition["additionalProperties"] is False, name
    assert set(definitions["Quote"]["properties"]) == {"text", "speaker", "section",
                                                       "paragraph", "note", "speaker_inferred"}
    assert set(definitions["Figure"]["properties"]) == {
        "text", "label", "value", "unit", "section", "paragraph", "claimed_by", "status",
        "label_inferred"}
    assert definitions["Figure"]["properties"]["status"]["enum"] == [
        "reported", "unverified", "disputed", "confirmed"]
    assert definitions["Person"]["properties"]["id"]["pattern"] == "^[a-z0-9]+(?:-[a-z0-9]+)*$"


def test_schema_in_a_subprocess():
    result = run("schema")
    assert result.returncode == 0
    assert json.loads(result.stdout)["additionalProperties"] is False
    assert result.stderr == ""


# --- --version and --help ----------------------------------------------------------------------


def test_version(capsys):
    with pytest.raises(SystemExit) as caught:
        main(["--version"])
    assert caught.value.code == 0
    assert capsys.readouterr().out == f"briefing {__version__}\n"


def test_help_shows_commands_and_examples(capsys):
    with pytest.raises(SystemExit) as caught:
        main(["--help"])
    assert caught.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith("usage: briefing")
    for command in ("open", "validate", "export", "import", "schema"):
        assert command in out
    assert "examples:" in out
    assert "briefing validate briefs/*.toml" in out
    assert "briefing schema > briefing.schema.json" in out


def test_version_imports_neither_pydantic_nor_textual():
    code = (
        "import sys\n"
        "from briefing.cli import main\n"
        "try:\n"
        "    main(['--version'])\n"
        "except SystemExit as exit:\n"
        "    assert exit.code == 0, exit.code\n"
        "heavy = sorted(m for m in sys.modules if m.split('.')[0] in "
        "('pydantic', 'pydantic_core', 'textual', 'rich', 'tomli'))\n"
        "assert not heavy, heavy\n"
    )
    result = run_python(code)
    assert result.returncode == 0, result.stderr


def test_validate_does_not_import_textual():
    code = (
        "import sys\n"
        "from briefing.cli import main\n"
        f"assert main(['validate', {str(bundled_briefing())!r}]) == 0\n"
        "assert 'textual' not in sys.modules\n"
    )
    result = run_python(code)
    assert result.returncode == 0, result.stderr


# --- real processes ---------------------------------------------------------------------------


def test_subprocess_version():
    result = run("--version")
    assert (result.returncode, result.stdout, result.stderr) == (0, f"briefing {__version__}\n", "")


def test_subprocess_validate_bundled():
    result = run("validate", str(bundled_briefing()))
    assert result.returncode == 0, result.stderr
    assert result.stdout.endswith(": ok (3 sections, 17 quotes, 14 figures)\n")


def test_subprocess_validate_mixed(tmp_path, briefing_text):
    good = tmp_path / "good.toml"
    good.write_text(briefing_text(), encoding="utf-8")
    result = run("validate", "good.toml", "missing.toml", "good.toml", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stdout.count("good.toml: ok") == 2
    assert result.stderr == "missing.toml: no such file\n"


@pytest.mark.parametrize("args", [
    ["validate", "/"], ["validate", os.devnull], ["validate", "--bogus"], ["bogus-command.toml"],
    ["export", "--section"], ["schema", "extra"],
])
def test_subprocess_bad_input_never_shows_a_traceback(args):
    result = run(*args)
    assert result.returncode != 0
    assert result.stderr
    assert "Traceback" not in result.stderr + result.stdout


def test_subprocess_open_a_hostile_file_fails_before_the_app(tmp_path):
    # `briefing FILE` loads before any screen is drawn: a bad file is one message
    path = FIXTURES / "hostile" / "escape-in-text.toml"
    result = run(str(path))
    assert result.returncode == 1
    assert result.stderr == f"{path}: quotes[0].text: U+001B ESCAPE at offset 1\n"
    assert result.stdout == ""


# --- every hostile file -----------------------------------------------------------------------

HOSTILE = sorted((FIXTURES / "hostile").glob("*.toml"))

# What each hostile file must be refused with. Files whose problem is the whole
# file (no format, UTF-16) have no place to name.
EXPECTED = {
    "bidi-in-key.toml": ': briefing: key "tag\\u202es" holds U+202E RIGHT-TO-LEFT OVERRIDE',
    "bidi-isolate.toml": ": figures[0].label: U+2066 LEFT-TO-RIGHT ISOLATE at offset 0",
    "bidi-override.toml": ": people[0].name: U+202E RIGHT-TO-LEFT OVERRIDE at offset 7",
    "blank-text.toml": ": quotes[0].text: is blank: give the words to highlight",
    "bom-inside-string.toml": ": sections[0].title: U+FEFF ZERO WIDTH NO-BREAK SPACE at offset 4",
    "carriage-return-in-text.toml": ": sections[0].paragraphs[0]: U+000D CARRIAGE RETURN at "
                                    "offset 49",
    "control-in-key.toml": ': quotes[0]: key "spe\\x1b[31maker" holds U+001B ESCAPE',
    "dangling-section.toml": ': quotes[0].section: no section with id "economy" '
                             '(sections: "military")',
    "deep-inline-tables.toml": ":6:2010: arrays or tables are nested too deeply",
    "deep-nesting.toml": ":6:408: arrays or tables are nested too deeply",
    "delete-in-text.toml": ": quotes[0].note: U+007F DELETE at offset 7",
    "duplicate-person-id.toml": ': people[1].id: duplicate id "klitschko" (first used at '
                                "people[0].id)",
    "duplicate-section-id.toml": ': sections[1].id: duplicate id "military" (first used at '
                                 "sections[0].id)",
    "empty.toml": ": no format version: add `format = 2` as the first line of the file",
    "escape-in-text.toml": ": quotes[0].text: U+001B ESCAPE at offset 1",
    "format-float.toml": ": format: must be the integer 1 or 2, not 1.0",
    "format-newer.toml": ": format: format 3 is newer than this reader understands (format 2): "
                         "upgrade briefing",
    "format-string.toml": ": format: must be the integer 1 or 2, not '1'",
    "huge-integer-underscores.toml": ":22:9: integer has too many digits",
    "huge-integer.toml": ":22:9: integer has too many digits",
    "invalid-utf8.toml": ":5:18: not valid UTF-8 (byte 0xff)",
    "lone-carriage-return.toml": ":5:17: TOML syntax: illegal character '\\r'",
    "long-dotted-key.toml": ":6:1: key has too many dotted parts",
    "many-problems.toml": ": briefing.extra0: unknown key",
    "missing-format.toml": ": no format version: add `format = 2` as the first line of the file",
    "non-slug-id.toml": ': sections[0].id: "Military Affairs" is not a slug',
    "not-toml.toml": ":1:1: TOML syntax: invalid statement",
    "null-in-text.toml": ": briefing.title: U+0000 NULL at offset 7",
    "osc52-in-title.toml": ": briefing.title: U+001B ESCAPE at offset 0",
    "paragraph-out-of-range.toml": ': quotes[0].paragraph: section "military" has 2 paragraphs, '
                                   "not 3",
    "paragraph-without-section.toml": ": quotes[0].paragraph: paragraph is given without section",
    "published-string.toml": ": briefing.published: must be a TOML date such as 2022-03-28, "
                             "not a string",
    "published-time.toml": ": briefing.published: must be a TOML date such as 2022-03-28, "
                           "not a time",
    "raw-c1-csi.toml": ": sections[0].paragraphs[0]: U+009B CONTROL SEQUENCE INTRODUCER at "
                       "offset 40",
    "raw-escape-byte.toml": ":5:18: TOML syntax: illegal character '\\x1b'",
    "status-unknown.toml": ": figures[0].status: must be one of 'reported', 'unverified', "
                           "'disputed' or 'confirmed', not 'probably'",
    "text-not-found-in-section.toml": ': quotes[0].text: "We have destroyed the myth" not found '
                                      'in section "humanitarian"',
    "text-not-found.toml": ': quotes[0].text: "We will win" not found in any paragraph',
    "title-too-long.toml": ": briefing.title: too long: 501 characters; the limit is 500",
    "toml-syntax.toml": ":5:22: TOML syntax: illegal character '\\n'",
    "unknown-key.toml": ': quotes[0].speker: unknown key "speker": did you mean "speaker"?',
    "utf16-no-bom.toml": ":1:2: TOML syntax: found invalid character '\\x00'",
    "utf16.toml": ": file is UTF-16; save it as UTF-8",
    "value-boolean.toml": ": figures[0].value: must be a number, not a boolean",
    "value-inf.toml": ": figures[0].value: must be a finite number, not -inf",
    "value-nan.toml": ": figures[0].value: must be a finite number, not nan",
    "value-string.toml": ": figures[0].value: must be a number, not a string",
}
WHOLE_FILE = {"empty.toml", "missing-format.toml", "utf16.toml"}


def test_every_hostile_file_has_an_expectation():
    assert {path.name for path in HOSTILE} == set(EXPECTED)


@pytest.mark.parametrize("path", HOSTILE, ids=[path.name for path in HOSTILE])
def test_validate_refuses_hostile_file(path, assert_terminal_safe):
    result = run("validate", str(path))
    assert result.returncode == 1
    assert result.stdout == ""
    assert "Traceback" not in result.stderr
    assert_terminal_safe(result.stderr)
    first = result.stderr.splitlines()[0]
    assert first.startswith(f"{path}")
    assert f"{path}{EXPECTED[path.name]}" in result.stderr
    if path.name not in WHOLE_FILE:
        place = first[len(str(path)):]
        assert place[:1] == ":" and (place[1:2].isdigit() or place[1:2] == " "), first
        assert place.count(":") >= 2, f"no place named in {first!r}"


def test_many_problems_are_cut_at_twenty():
    result = run("validate", str(FIXTURES / "hostile" / "many-problems.toml"))
    lines = result.stderr.splitlines()
    assert len(lines) == 21
    assert lines[-1] == "... and 5 more"


def test_validate_valid_unicode_file():
    result = run("validate", str(FIXTURES / "valid-unicode.toml"))
    assert result.returncode == 0, result.stderr
    assert result.stdout.endswith("valid-unicode.toml: ok (2 sections, 4 quotes, 3 figures)\n")
    assert result.stderr == ""


def test_validate_dotted_key_blow_up_in_a_subprocess(tmp_path):
    path = tmp_path / "dotted.toml"
    path.write_text("format = 1\n" + ".".join(["a"] * 100_000) + " = 1\n", encoding="utf-8")
    result = run("validate", str(path))
    assert result.returncode == 1
    assert result.stderr == f"{path}:2:1: key has too many dotted parts\n"


# --- without a terminal, into a closed pipe, in an encoding without quotes -------------------

NEEDS_A_TERMINAL = ("briefing: the reader needs a terminal; for the briefing as text, use "
                    "`briefing export [FILE]` (a Markdown digest on standard output)\n")


@pytest.mark.parametrize("args", [[], [str(bundled_briefing())], [str(bundled_briefing().parent)]],
                         ids=["bundled", "a file", "a folder"])
def test_the_reader_without_a_terminal_says_so_and_exits_2(args, tmp_path):
    # `briefing < /dev/null > out`: before, escape codes went to the file and
    # the reader waited for keys that never came.
    out = tmp_path / "out"
    with out.open("wb") as stdout:
        result = subprocess.run([sys.executable, "-m", "briefing", *args],
                                stdin=subprocess.DEVNULL, stdout=stdout, stderr=subprocess.PIPE,
                                timeout=30)
    assert result.returncode == 2
    assert result.stderr.decode() == NEEDS_A_TERMINAL
    assert out.read_bytes() == b""


def test_the_reader_with_only_its_output_redirected_says_so():
    # Keys and the screen on a terminal, standard output in a pipe: the user
    # wants text (Textual would have drawn on the terminal regardless).
    import pty
    import select

    controller, terminal = pty.openpty()
    try:
        result = subprocess.run([sys.executable, "-m", "briefing"], stdin=terminal,
                                stdout=subprocess.PIPE, stderr=terminal, timeout=30)
        shown = b""
        while select.select([controller], [], [], 0.5)[0]:
            shown += os.read(controller, 4096)
    finally:
        os.close(controller)
        os.close(terminal)
    assert (result.returncode, result.stdout) == (2, b"")
    assert shown.decode().replace("\r\n", "\n") == NEEDS_A_TERMINAL


def run_into_a_closed_pipe(*args: str, env: dict[str, str] | None = None
                           ) -> subprocess.CompletedProcess[bytes]:
    """`briefing ARGS | head -0`, made certain: the reading end is closed
    before the command writes a byte."""
    reading, writing = os.pipe()
    os.close(reading)
    try:
        return subprocess.run([sys.executable, "-m", "briefing", *args], stdout=writing,
                              stderr=subprocess.PIPE, timeout=60,
                              env={**os.environ, **(env or {})})
    finally:
        os.close(writing)


@pytest.mark.parametrize("args", [["schema"], ["export"], ["export", "--full-text"],
                                  ["validate", str(bundled_briefing())],
                                  ["import", str(next((FIXTURES / "articles").glob("*.txt")))]],
                         ids=["schema", "export", "export full text", "validate", "import"])
def test_a_closed_pipe_ends_the_command_quietly(args):
    # Before: "briefing: [Errno 32] Broken pipe" and exit 1, or "Exception
    # ignored ... BrokenPipeError" and exit 120 when the pipe broke on the
    # flush at exit.
    result = run_into_a_closed_pipe(*args)
    assert (result.returncode, result.stderr.decode()) == (0, "")


def test_head_reads_the_first_line_and_the_command_ends_quietly(tmp_path):
    # The real thing, in a shell: what `head` leaves is no business of ours.
    command = f"{sys.executable} -m briefing schema | head -1; exit ${{PIPESTATUS[0]}}"
    result = subprocess.run(["bash", "-c", command], capture_output=True, text=True,
                            timeout=60)
    assert (result.returncode, result.stdout, result.stderr) == (0, "{\n", "")
    digest = subprocess.run(["bash", "-c", command.replace("schema", "export --full-text")],
                            capture_output=True, text=True, timeout=60)
    assert digest.returncode == 0 and digest.stderr == ""
    assert digest.stdout.startswith("# Putin averse to Ukraine compromise")


def test_an_ascii_only_output_gets_the_digest_in_utf8(tmp_path):
    # PYTHONIOENCODING=ascii used to end in a UnicodeEncodeError traceback at
    # the first curly quote. A digest is a UTF-8 Markdown file: piped or
    # redirected, it is the same bytes `-o FILE` writes.
    env = {**os.environ, "PYTHONIOENCODING": "ascii"}
    piped = subprocess.run([sys.executable, "-m", "briefing", "export"], capture_output=True,
                           timeout=60, env=env)
    assert piped.returncode == 0, piped.stderr
    assert piped.stderr == b""
    written = tmp_path / "digest.md"
    assert run("export", "-o", str(written)).returncode == 0
    assert piped.stdout == written.read_bytes()
    assert "Russia’s defence ministry".encode() in piped.stdout


def test_an_ascii_only_output_escapes_what_it_cannot_show_in_messages(tmp_path, briefing_text):
    path = tmp_path / "Kyiv–Mariupol.toml"
    path.write_text(briefing_text(), encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "briefing", "validate", str(path)],
                            capture_output=True, timeout=60,
                            env={**os.environ, "PYTHONIOENCODING": "ascii"})
    assert result.returncode == 0 and result.stderr == b""
    assert result.stdout.decode("ascii").endswith(
        "Kyiv\\u2013Mariupol.toml: ok (3 sections, 0 quotes, 0 figures)\n")
