"""Resource bounds (issue 7, item 4): every limit in FORMAT.md's "Limits"
table is the one the code enforces, and a file just over each is refused
with a message naming the limit.

Most limits are tested at and just over the line in test_model.py (string
lengths, list lengths, paragraphs) and test_loader.py (file size); this file
checks the table itself against the code and adds the cases those leave out:
ids other than a section's, a figure's `text`, and the file size limit as the
commands meet it.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import tomli_w

from briefing import model
from briefing.cli import main
from briefing.errors import BriefingError
from briefing.loader import parse_briefing

SOURCE = "briefs/limits.toml"
FORMAT_MD = Path(__file__).parent.parent / "FORMAT.md"


def table(kind: str, **fields: Any) -> str:
    return f"\n[[{kind}]]\n{tomli_w.dumps(fields)}"


def refusal(text: str) -> str:
    with pytest.raises(BriefingError) as caught:
        parse_briefing(text, source=SOURCE)
    return str(caught.value)


# --- the table in FORMAT.md is the code ----------------------------------------------

def documented_limits() -> dict[str, str]:
    """FORMAT.md's "Limits" table: what -> limit, as written."""
    text = FORMAT_MD.read_text(encoding="utf-8")
    section = text.split("## Limits", 1)[1].split("\n## ", 1)[0]
    rows = {}
    for line in section.splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if len(cells) == 2 and cells[0] not in ("what", "---"):
            rows[cells[0]] = cells[1]
    return rows


# Each documented row, and the constants it states in order of appearance.
EXPECTED = {
    "file size": [model.MAX_FILE_BYTES // (1024 * 1024)],  # in MiB
    "sections": [model.MAX_SECTIONS],
    "paragraphs": [model.MAX_PARAGRAPHS_PER_SECTION, model.MAX_PARAGRAPHS],
    "quotes / figures": [model.MAX_QUOTES],
    "people": [model.MAX_PEOPLE],
    "tags": [model.MAX_TAGS, model.MAX_ID],
    "ids": [model.MAX_ID],
    "a paragraph, a quote's or figure's `text`": [model.MAX_PARAGRAPH],
    "a title or label": [model.MAX_TITLE],
    "standfirst, summary, role, note, url": [model.MAX_LINE],
    "names (speaker, claimed_by, source, unit)": [model.MAX_NAME],
}


def test_every_documented_limit_is_the_one_enforced() -> None:
    documented = documented_limits()
    assert set(documented) == set(EXPECTED), (
        "FORMAT.md's Limits table and this test disagree on the rows: "
        f"{sorted(set(documented) ^ set(EXPECTED))}")
    for what, limit in documented.items():
        numbers = [int(n.replace(",", "")) for n in re.findall(r"[0-9][0-9,]*", limit)]
        assert numbers == EXPECTED[what], (what, limit)
    assert documented["file size"].endswith("MiB")
    assert model.MAX_FIGURES == model.MAX_QUOTES  # "20,000 each"


# --- what test_model.py leaves out ---------------------------------------------------

# The sample briefing of conftest.py has people "kuleba", "boichenko" and a
# section "negotiations" whose first paragraph starts with "Talks resume".
@pytest.mark.parametrize(("build", "where"), [
    (lambda n: table("people", id="x" * n, name="P"), "people[2].id"),
    (lambda n: table("quotes", text="Talks", speaker="kuleba", section="x" * n),
     "quotes[0].section"),
    (lambda n: table("figures", text="Talks", label="l", section="x" * n),
     "figures[0].section"),
])
def test_every_id_has_the_limit(briefing_text, build, where) -> None:
    limit = model.MAX_ID
    over = refusal(briefing_text(build(limit + 1)))
    assert over == f"{SOURCE}: {where}: too long: {limit + 1} characters; the limit is {limit}"
    # At the limit the length is fine (a section reference then fails to resolve).
    assert "too long" not in _outcome(briefing_text(build(limit)))


def _outcome(text: str) -> str:
    try:
        parse_briefing(text, source=SOURCE)
    except BriefingError as error:
        return str(error)
    return "ok"


def test_figure_text_has_the_limit(briefing_text) -> None:
    limit = model.MAX_PARAGRAPH
    over = refusal(briefing_text(table("figures", text="x" * (limit + 1), label="l")))
    assert over == (f"{SOURCE}: figures[0].text: too long: {limit + 1:,} characters; "
                    f"the limit is {limit:,}")
    long_paragraph = "x" * limit
    at = briefing_text(table("sections", id="long", title="Long", paragraphs=[long_paragraph])
                       + table("figures", text=long_paragraph, label="l"))
    assert parse_briefing(at, source=SOURCE).figures[0].anchor.end == limit


# --- the file size limit as the commands meet it -----------------------------------------

@pytest.fixture
def just_too_big(tmp_path: Path) -> Path:
    """A (sparse) file one byte over the limit."""
    path = tmp_path / "big.toml"
    with open(path, "wb") as file:
        file.truncate(model.MAX_FILE_BYTES + 1)
    return path


def size_message(path: Path) -> str:
    return (f"{path}: file is {model.MAX_FILE_BYTES + 1:,} bytes; the limit is "
            f"{model.MAX_FILE_BYTES:,} bytes")


@pytest.mark.parametrize("command", ["validate", "export"])
def test_commands_refuse_a_file_over_the_size_limit(command, just_too_big, capsys) -> None:
    assert main([command, str(just_too_big)]) == 1
    captured = capsys.readouterr()
    assert size_message(just_too_big) in captured.err + captured.out


def test_open_refuses_a_file_over_the_size_limit_before_the_app(just_too_big,
                                                                tmp_path) -> None:
    environment = dict(os.environ, PYTHONIOENCODING="utf-8",
                       BRIEFING_STATE_DIR=str(tmp_path / "state"),
                       BRIEFING_CACHE_DIR=str(tmp_path / "cache"))
    result = subprocess.run([sys.executable, "-m", "briefing", str(just_too_big)],
                            capture_output=True, text=True, timeout=60,
                            stdin=subprocess.DEVNULL, env=environment)
    assert result.returncode == 1
    assert size_message(just_too_big) in result.stderr
    assert "Traceback" not in result.stderr


def test_the_benchmarks_largest_briefing_sits_at_the_limits() -> None:
    """The count limits are set where the performance budget was measured:
    the benchmark's 10,000-quote briefing sits at them, and is valid, with
    room to spare in its size."""
    sys.path.insert(0, str(Path(__file__).parent.parent / "benchmarks"))
    try:
        import synthetic
    finally:
        sys.path.pop(0)
    document = synthetic.build(10_000)
    text = tomli_w.dumps(document)
    assert len(document["sections"]) == model.MAX_SECTIONS
    assert sum(len(s["paragraphs"]) for s in document["sections"]) == model.MAX_PARAGRAPHS
    assert len(document["quotes"]) == model.MAX_QUOTES
    assert len(document["figures"]) == model.MAX_FIGURES
    assert 0.5 * model.MAX_FILE_BYTES < len(text.encode()) <= 0.7 * model.MAX_FILE_BYTES
    briefing = parse_briefing(text, source=SOURCE)
    assert len(briefing.quotes_in_order) == model.MAX_QUOTES
    document["quotes"].append(document["quotes"][0])
    assert refusal(tomli_w.dumps(document)) == (
        f"{SOURCE}: quotes: too many entries: {model.MAX_QUOTES + 1:,}; the limit is "
        f"{model.MAX_QUOTES:,}")


def test_the_largest_briefing_opens_when_no_entry_says_where_its_words_are() -> None:
    """`section` and `paragraph` are optional: without them an entry is
    anchored at the first occurrence of its words in the whole briefing. A
    file at the limits must still open (one pass over its text, not 20,000
    searches from the start, which ran past the search budget and refused
    it), with every entry at that first occurrence."""
    sys.path.insert(0, str(Path(__file__).parent.parent / "benchmarks"))
    try:
        import synthetic
    finally:
        sys.path.pop(0)
    document = synthetic.build(10_000)
    for entry in [*document["quotes"], *document["figures"]]:
        del entry["section"], entry["paragraph"]
    briefing = parse_briefing(tomli_w.dumps(document), source=SOURCE)
    paragraphs = [p for section in briefing.sections for p in section.paragraphs]
    joined = "\0".join(paragraphs)
    starts = [0]
    for paragraph in paragraphs:
        starts.append(starts[-1] + len(paragraph) + 1)
    for entry in [*briefing.quotes[::97], *briefing.figures[::89]]:
        first = joined.find(entry.text)
        anchor = entry.anchor
        section = briefing.sections[anchor.section]
        assert section.paragraphs[anchor.paragraph][anchor.start:anchor.end] == entry.text
        flat = sum(len(s.paragraphs) for s in briefing.sections[:anchor.section])
        assert starts[flat + anchor.paragraph] + anchor.start == first
