"""The Markdown digest: golden files, what renderers make of it, options, CLI.

A digest is checked the way a reader meets it: rendered by CommonMark and
GitHub-flavoured renderers (markdown-it-py, as CommonMark, with tables, as
"gfm-like" with linkify, and with the GFM plugin set: autolinks, footnotes,
task lists, alerts, dollar math). The rendered document is reduced to a
sequence of blocks and compared with the sequence the briefing should give:
every title, quote, name, label and note must come out as exactly its own
text, in its own place, and no heading, list, link, image, code, HTML, table
or emphasis may come from the briefing's words.

Set BRIEFING_UPDATE_GOLDEN=1 to rewrite the golden files after a deliberate
change, and read the diff before committing it.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from briefing.cli import main
from briefing.digest import DigestOptions, escape_inline, fold, render_digest
from briefing.errors import BriefingError
from briefing.loader import load_briefing
from briefing.model import Briefing, Figure, Quote, assemble
from briefing.resources import bundled_briefing
from briefing.state import ReaderState, entry_key
from conftest import markdown_renderers

HERE = Path(__file__).parent
GOLDEN = HERE / "golden"
HOSTILE = HERE / "fixtures" / "hostile-markdown.toml"
UPDATE = os.environ.get("BRIEFING_UPDATE_GOLDEN") == "1"

STRONG_OPEN, STRONG_CLOSE = "\x02", "\x03"  # cannot occur in rendered file text
CAREFUL = ("unverified", "disputed")


RENDERERS = markdown_renderers()


@pytest.fixture(autouse=True)
def _state_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BRIEFING_STATE_DIR", str(tmp_path / "state"))


@pytest.fixture(scope="module")
def bundled() -> Briefing:
    return load_briefing(bundled_briefing())


@pytest.fixture(scope="module")
def hostile() -> Briefing:
    return load_briefing(HOSTILE)


def bundled_state(briefing: Briefing) -> ReaderState:
    return (ReaderState().with_star(entry_key(briefing.quotes[0]), True)
            .with_star(entry_key(briefing.figures[6]), True)
            .with_note(entry_key(briefing.figures[6]), "Check against the UN count.")
            .with_note(entry_key(briefing.quotes[13]), "Use as the opening quote"))


def hostile_state(briefing: Briefing) -> ReaderState:
    state = ReaderState()
    for entry in (briefing.quotes[0], briefing.quotes[4], briefing.figures[1]):
        state = state.with_star(entry_key(entry), True)
    state = state.with_note(entry_key(briefing.quotes[0]),
                            "# my heading\n- my list\n[a](b) <i>x</i>")
    return state.with_note(entry_key(briefing.figures[5]),
                           "`code` | pipe | ![i](x) https://n.example")


# --- golden files ----------------------------------------------------------------

GOLDEN_CASES: dict[str, tuple[str, Callable[[Briefing], ReaderState | None]]] = {
    "bundled.md": ("bundled", lambda b: None),
    "bundled-starred.md": ("bundled", bundled_state),
    "hostile-markdown.md": ("hostile", hostile_state),
}


@pytest.mark.parametrize("name", sorted(GOLDEN_CASES))
def test_digest_matches_golden_file(name: str, request: pytest.FixtureRequest) -> None:
    which, make_state = GOLDEN_CASES[name]
    briefing = request.getfixturevalue(which)
    digest = render_digest(briefing, DigestOptions(), make_state(briefing)).encode("utf-8")
    golden = GOLDEN / name
    if UPDATE:
        golden.write_bytes(digest)
    assert golden.exists(), f"no golden file {golden}: run with BRIEFING_UPDATE_GOLDEN=1"
    assert digest == golden.read_bytes(), (
        f"digest differs from {golden.name}; if the change is deliberate, rerun with "
        "BRIEFING_UPDATE_GOLDEN=1 and review the diff")


# --- rendering: the document a reader sees -----------------------------------------

Event = Any  # str for structure ("bq_open"), tuple for text-carrying blocks


def inline_text(token: Any) -> str:
    """The text a reader sees in an inline token; other markup shows as <type>."""
    parts = []
    for child in token.children or []:
        if child.type in ("text", "text_special"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append("\n")
        elif child.type == "strong_open":
            parts.append(STRONG_OPEN)
        elif child.type == "strong_close":
            parts.append(STRONG_CLOSE)
        else:
            parts.append(f"<{child.type}>")
    return "".join(parts)


def rendered_events(md: MarkdownIt, source: str) -> list[Event]:
    """The rendered digest as a flat list of blocks and the text in each."""
    events: list[Event] = []
    context = ""
    row: list[str] | None = None
    for token in md.parse(source):
        kind = token.type
        if kind == "heading_open":
            atx = token.markup == "#" * int(token.tag[1])
            context = token.tag if atx else f"setext-{token.tag}"
        elif kind == "paragraph_open":
            context = "p"
        elif kind in ("th_open", "td_open"):
            context = "cell"
        elif kind == "tr_open":
            row = []
        elif kind == "tr_close":
            assert row is not None
            events.append(("row", tuple(row)))
            row = None
        elif kind == "inline":
            text = inline_text(token)
            if context == "cell":
                assert row is not None
                row.append(text)
            else:
                events.append((context, text))
        elif kind in ("blockquote_open", "blockquote_close", "bullet_list_open",
                      "bullet_list_close", "list_item_open", "list_item_close"):
            events.append(kind)
        elif kind in ("heading_close", "paragraph_close", "th_close", "td_close",
                      "table_open", "table_close", "thead_open", "thead_close",
                      "tbody_open", "tbody_close"):
            continue
        else:
            events.append(kind)  # anything else is structure no digest has
    return events


def flat_tokens(md: MarkdownIt, source: str) -> list[Any]:
    tokens = []
    for token in md.parse(source):
        tokens.append(token)
        tokens.extend(token.children or [])
    return tokens


def s(text: str) -> str:
    """A slot's expected rendered text: the file's words on one line."""
    return text.replace("\n", " ").strip()


def strong(text: str) -> str:
    return f"{STRONG_OPEN}{s(text)}{STRONG_CLOSE}"


def items(texts: Sequence[str | tuple[str, ...]]) -> list[Event]:
    events: list[Event] = ["bullet_list_open"]
    for text in texts:
        paragraphs = (text,) if isinstance(text, str) else text
        events += ["list_item_open", *[("p", p) for p in paragraphs], "list_item_close"]
    return [*events, "bullet_list_close"]


def table(rows: list[tuple[str, ...]], *, tables: bool) -> list[Event]:
    if tables:
        return [("row", row) for row in rows]
    # Without the table extension a table is a paragraph of text lines.
    return [("p", "\n".join("| " + " | ".join(row) + " |" for row in rows))]


def expected_events(briefing: Briefing, state: ReaderState | None, byline: str, *,
                    tables: bool) -> list[Event]:
    """What the default digest must render as, slot by slot (the contract)."""
    masthead = briefing.masthead
    events: list[Event] = [("h1", s(masthead.title))]
    if masthead.standfirst:
        events.append(("p", s(masthead.standfirst)))
    events.append(("p", byline))
    quotes, figures = briefing.quotes_in_order, briefing.figures_in_order
    if state is not None:
        marked = sorted((e for e in [*quotes, *figures] if entry_key(e) in state.marked),
                        key=lambda e: (e.anchor, isinstance(e, Figure), e.index))
        if marked:
            events.append(("h2", "Your starred items and notes"))
            entries: list[tuple[str, ...]] = []
            for entry in marked:
                key = entry_key(entry)
                star = "★ " if key in state.stars else ""
                where = s(briefing.sections[entry.anchor.section].title)
                if isinstance(entry, Quote):
                    line = f"{star}{s(entry.speaker_name)}: “{s(entry.text)}” ({where})"
                else:
                    line = f"{star}{s(entry.text)}: {s(entry.label)} ({where})"
                note = state.notes.get(key)
                entries.append((line, f"Your note: {s(note)}") if note else (line,))
            events += items(entries)
    events.append(("h2", "At a glance"))
    events += items([f"{strong(x.title)}: {s(x.summary)}" if x.summary else strong(x.title)
                     for x in briefing.sections])
    if figures:
        events.append(("h2", "Key figures"))
        rows = [("Figure", "What it counts", "Claimed by", "Status")]
        if not tables:
            rows.append(("---", "---", "---", "---"))  # the delimiter row stays text
        rows += [(s(f.text), s(f.label), s(f.claimant_name or "") or "—", f.status)
                 for f in figures]
        events += table(rows, tables=tables)
    for index, section in enumerate(briefing.sections):
        events.append(("h2", s(section.title)))
        if section.summary:
            events.append(("p", s(section.summary)))
        for quote in (q for q in quotes if q.anchor.section == index):
            events.append("blockquote_open")
            events.append(("p", s(quote.text)))
            role = quote.speaker_role
            events.append(("p", f"— {s(quote.speaker_name)}" + (f", {s(role)}" if role else "")))
            if quote.note and s(quote.note):
                events.append(("p", f"Context: {s(quote.note)}"))
            events.append("blockquote_close")
    careful = [f for f in figures if f.status in CAREFUL]
    if careful:
        events.append(("h2", "Claims to treat with care"))
        events.append(("p", "These figures are marked unverified or disputed in the briefing."))
        events += items([
            f"{strong(f.text)}, {s(f.label)}: {f.status}, "
            + (f"claimed by {s(f.claimant_name)}" if f.claimant_name else "no source named")
            for f in careful])
    return events


FORBIDDEN_TOKENS = {
    "html_block", "html_inline", "link_open", "image", "code_inline", "code_block", "fence",
    "hr", "em_open", "s_open", "ordered_list_open", "footnote_ref", "footnote_block_open",
    "math_inline", "math_block", "math_inline_double", "dl_open",
}

BYLINES = {
    "bundled": "Source: Reuters, published 28 March 2022",
    "hostile": "Source: [Reuters](javascript:alert(1)), published 29 February 2024, "
               "08:30 UTC+01:00",
}


@pytest.mark.parametrize("renderer", sorted(RENDERERS))
@pytest.mark.parametrize("which,make_state", [
    ("bundled", lambda b: None),
    ("bundled", bundled_state),
    ("hostile", lambda b: None),
    ("hostile", hostile_state),
], ids=["bundled", "bundled-starred", "hostile", "hostile-starred"])
def test_every_slot_renders_as_its_own_text(renderer: str, which: str,
                                            make_state: Callable[[Briefing], ReaderState | None],
                                            request: pytest.FixtureRequest) -> None:
    briefing = request.getfixturevalue(which)
    state = make_state(briefing)
    md = RENDERERS[renderer]
    digest = render_digest(briefing, DigestOptions(), state)

    found = {t.type for t in flat_tokens(md, digest)} & FORBIDDEN_TOKENS
    assert not found, f"{renderer} made {sorted(found)} out of the briefing's words"
    tables = renderer != "commonmark"
    expected = expected_events(briefing, state, BYLINES[which], tables=tables)
    assert rendered_events(md, digest) == expected


def test_hostile_text_really_is_hostile(hostile: Briefing) -> None:
    """The fixture must be able to hurt: pasted raw, its words make markup."""
    md = RENDERERS["gfm-like"]
    raw = "\n\n".join(p for section in hostile.sections for p in section.paragraphs)
    made = {t.type for t in flat_tokens(md, raw)}
    assert {"heading_open", "link_open", "image", "code_inline", "html_block", "html_inline",
            "strong_open", "table_open", "ordered_list_open", "bullet_list_open",
            "s_open"} <= made


def test_plain_sentences_stay_readable_in_the_raw_file(bundled: Briefing) -> None:
    digest = render_digest(bundled)
    assert "\\" not in digest  # nothing in ordinary news text needs escaping
    for quote in bundled.quotes:
        assert f"> {quote.text}\n" in digest


# --- escape_inline on its own ------------------------------------------------------

MARKDOWN_ALPHABET = st.sampled_from([
    *"#*_`[]()<>!|~&;:/.@$\\-+=0123456789 \n\tabcwxyzWAX\u00a0é—“”☃",
    "www.", "http://", "mailto:", "&amp;", "<b>", "-->", "```", "**", "1. ", "    ",
    ".com", "@x.org", "[^1]", "[!NOTE]", "://", "---", "===", "| --- |", "&#", "&#x",
    "<!--", "ftp", "XMPP:", "{", "}", "^", "%", ",", "'", '"', "?", "xn--", "ı",
])
CONTEXTS: dict[str, tuple[Callable[[str], str], str]] = {
    "paragraph": (lambda e: e, "p"),
    "heading": (lambda e: f"## {e}", "h2"),
    "list item": (lambda e: f"- **{e}**: {e}", "p"),
    "block quote": (lambda e: f"> {e}\n>\n> — {e}", "p"),
}


@settings(max_examples=300, deadline=None)
@given(st.lists(MARKDOWN_ALPHABET, min_size=1, max_size=25).map("".join))
def test_escaped_text_renders_as_itself_everywhere(text: str) -> None:
    expected = fold(text)
    if not expected:
        return
    escaped = escape_inline(text)
    assert "\n" not in escaped
    for name, md in RENDERERS.items():
        for where, (place, block) in CONTEXTS.items():
            source = place(escaped)
            found = {t.type for t in flat_tokens(md, source)} & (FORBIDDEN_TOKENS
                                                                 | {"table_open"})
            assert not found, f"{name}, {where}: {source!r} made {found}"
            events = [e for e in rendered_events(md, source) if isinstance(e, tuple)]
            texts = [text for kind, text in events if kind == block]
            if where == "list item":
                assert texts == [f"{STRONG_OPEN}{expected}{STRONG_CLOSE}: {expected}"], name
            elif where == "block quote":
                assert texts == [expected, f"— {expected}"], (name, source)
            else:
                assert texts == [expected], (name, where, source)
        if name != "commonmark":
            cells = [e for e in rendered_events(md, f"| a |\n| --- |\n| {escaped} |")
                     if isinstance(e, tuple)]
            assert cells == [("row", ("a",)), ("row", (expected,))], (name, escaped)


def test_escape_keeps_ordinary_text_untouched() -> None:
    for text in ("Kyiv suggests ceasefire is most beleaguered country can hope for",
                 "160,000 people, 24 hours (reported) — e.g. U.S. officials! 1.5%",
                 "AT&T and R&D", "snake case? no: plain words (and/or “quotes”).",
                 "Ukraine’s foreign minister, 41 Ukrainian military sites"):
        assert escape_inline(text) == text
    assert escape_inline("2014. The year") == "2014\\. The year"  # not a list
    assert escape_inline("US$5bn") == "US\\$5bn"  # $…$ is math on GitHub
    assert escape_inline("see reuters.com") == "see reuters\\.com"  # not a link
    assert escape_inline("a\x1b[2Jb") == "a\\\\x1b\\[2Jb"  # shown, never sent raw


def test_github_renderer_if_installed() -> None:
    """cmark-gfm, GitHub's own renderer, when the cmarkgfm package is present.

    Known limit: GFM finds e-mail addresses after escapes are resolved, so
    me@example.com still becomes a mailto: link showing exactly that text;
    only an invisible character could stop it, and that would change the text.
    """
    cmarkgfm = pytest.importorskip("cmarkgfm")
    from html.parser import HTMLParser

    class Tags(HTMLParser):
        def __init__(self) -> None:
            super().__init__()
            self.tags: list[tuple[str, dict[str, str | None]]] = []

        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            self.tags.append((tag, dict(attrs)))

    allowed = {"h1", "h2", "h3", "p", "ul", "li", "strong", "blockquote", "table", "thead",
               "tbody", "tr", "th", "td"}
    for golden in sorted(GOLDEN.glob("*.md")):
        parser = Tags()
        parser.feed(cmarkgfm.github_flavored_markdown_to_html(golden.read_text("utf-8")))
        tags = {tag for tag, _ in parser.tags}
        assert tags <= allowed, (golden.name, tags - allowed)


# --- options ------------------------------------------------------------------------

def headings(digest: str) -> list[str]:
    return [line for line in digest.splitlines() if line.startswith("#")]


def test_default_digest_has_the_parts_in_order(bundled: Briefing) -> None:
    assert headings(render_digest(bundled)) == [
        "# Putin averse to Ukraine compromise ahead of crunch talks, says US official",
        "## At a glance", "## Key figures", "## Negotiations", "## Humanitarian",
        "## Military", "## Claims to treat with care"]


def test_starred_items_and_notes_come_first(bundled: Briefing) -> None:
    digest = render_digest(bundled, DigestOptions(), bundled_state(bundled))
    assert headings(digest)[1] == "## Your starred items and notes"
    mine = digest.split("## Your starred items and notes\n\n")[1].split("\n\n## ")[0]
    assert mine.splitlines()[0] == (
        "- ★ Dmytro Kuleba: “We are not trading people, land or sovereignty” (Negotiations)")
    assert "  Your note: Check against the UN count." in mine
    assert "- They’ve" not in mine  # a quote is named by its speaker first
    assert "Use as the opening quote" in mine  # a note without a star is listed too


def test_no_state_or_empty_state_gives_the_plain_digest(bundled: Briefing) -> None:
    assert render_digest(bundled, DigestOptions(), ReaderState()) == render_digest(bundled)


def test_some_sections_only(bundled: Briefing) -> None:
    digest = render_digest(bundled, DigestOptions(sections=("military", "humanitarian")))
    assert headings(digest)[1:] == ["## At a glance", "## Key figures", "## Humanitarian",
                                    "## Military", "## Claims to treat with care"]
    assert "Negotiations" not in digest
    assert "year Russia annexed Crimea" not in digest  # a negotiations figure
    assert "| 160,000 people |" in digest
    assert "Klitschko" in digest


def test_quotes_only(bundled: Briefing) -> None:
    digest = render_digest(bundled, DigestOptions(figures=False))
    assert "## Key figures" not in digest and "## Claims to treat with care" not in digest
    assert digest.count("\n> — ") == len(bundled.quotes)


def test_figures_only(bundled: Briefing) -> None:
    digest = render_digest(bundled, DigestOptions(quotes=False))
    assert "\n> " not in digest
    assert headings(digest)[1:] == ["## At a glance", "## Key figures",
                                    "## Claims to treat with care"]
    assert digest.count("\n| ") == len(bundled.figures) + 2


def test_starred_only_keeps_starred_and_noted_entries(bundled: Briefing) -> None:
    state = bundled_state(bundled)
    assert entry_key(bundled.quotes[13]) not in state.stars  # noted, not starred
    digest = render_digest(bundled, DigestOptions(starred_only=True), state)
    assert headings(digest)[1:] == ["## Your starred items and notes"]
    listed = [line for line in digest.splitlines() if line.startswith("- ")]
    assert listed == [
        "- ★ Dmytro Kuleba: “We are not trading people, land or sovereignty” (Negotiations)",
        "- one source: “They’ve not been able to take the city, so they’ve decided to destroy "
        "it” (Humanitarian)",
        "- ★ 100 people: people killed in Kyiv (Humanitarian)"]
    assert "  Your note: Check against the UN count." in digest
    assert "  Your note: Use as the opening quote" in digest
    starred = render_digest(bundled, DigestOptions(starred_only=True),
                            ReaderState().with_star(entry_key(bundled.quotes[0]), True))
    assert "one source" not in starred and "100 people" not in starred


def test_starred_only_with_nothing_marked_says_so(bundled: Briefing) -> None:
    digest = render_digest(bundled, DigestOptions(starred_only=True), None)
    assert "Nothing is starred or noted here yet" in digest


def test_export_starred_from_the_command_line_keeps_notes(
        capsys: pytest.CaptureFixture[str], bundled: Briefing) -> None:
    from briefing.state import save_state, state_key

    noted = bundled.quotes[13]
    save_state(state_key(bundled, bundled_briefing()),
               ReaderState().with_note(entry_key(noted), "Use as the opening quote"))
    assert main(["export", "--starred"]) == 0
    out = capsys.readouterr().out
    assert f"- {noted.speaker_name}: “{noted.text}”" in out
    assert "Your note: Use as the opening quote" in out


def test_full_text(bundled: Briefing) -> None:
    digest = render_digest(bundled, DigestOptions(full_text=True, sections=("military",)))
    assert headings(digest)[1:] == ["## Key figures", "## Military", "### Full text",
                                    "## Claims to treat with care"]
    for paragraph in bundled.sections[2].paragraphs:
        assert f"\n\n{paragraph}\n\n" in digest


def test_same_input_same_bytes(bundled: Briefing) -> None:
    first = bundled_state(bundled)
    second = ReaderState(stars=set(reversed(sorted(first.stars))),
                         notes=dict(reversed(list(first.notes.items()))))
    digest = render_digest(bundled, DigestOptions(), first)
    assert digest == render_digest(bundled, DigestOptions(), second)
    assert digest.endswith("\n") and not digest.endswith("\n\n")
    reloaded = load_briefing(bundled_briefing())
    assert render_digest(reloaded, DigestOptions(), first) == digest


def test_unknown_section_is_refused_naming_the_known_ones(bundled: Briefing) -> None:
    with pytest.raises(BriefingError) as caught:
        DigestOptions(sections=("military", "nope")).check(bundled, source="b.toml")
    assert str(caught.value) == (
        'b.toml: --section: no section "nope" (sections: negotiations, humanitarian, military)')
    DigestOptions(sections=("military",)).check(bundled, source="b.toml")


# --- the command line ------------------------------------------------------------------

def test_export_writes_the_digest_to_standard_output(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export"]) == 0
    out, err = capsys.readouterr()
    assert out.encode("utf-8") == (GOLDEN / "bundled.md").read_bytes()
    assert err == ""


def test_export_to_a_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "digest.md"
    assert main(["export", str(HOSTILE), "-o", str(target), "--no-state"]) == 0
    out, err = capsys.readouterr()
    assert out == ""
    assert err == f"wrote {target}\n"
    assert target.read_text("utf-8") == render_digest(load_briefing(HOSTILE))
    assert [p.name for p in tmp_path.iterdir() if p.name != "state"] == ["digest.md"]


def test_export_will_not_overwrite_without_force(tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "digest.md"
    target.write_text("my own notes\n")
    assert main(["export", "-o", str(target)]) == 1
    err = capsys.readouterr().err
    assert err == f"briefing: cannot write {target}: already exists (use --force to overwrite)\n"
    assert target.read_text() == "my own notes\n"
    assert main(["export", "-o", str(target), "--force"]) == 0
    assert target.read_bytes() == (GOLDEN / "bundled.md").read_bytes()


def test_export_into_a_missing_folder_fails_clearly(tmp_path: Path,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", "-o", str(tmp_path / "nowhere" / "d.md")]) == 1
    err = capsys.readouterr().err
    assert f"the folder {tmp_path / 'nowhere'} does not exist" in err
    assert "Traceback" not in err


def test_export_unknown_section_fails_clearly(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", "--section", "sport"]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert '--section: no section "sport" (sections: negotiations, humanitarian, military)' in err


def test_export_options_reach_the_digest(capsys: pytest.CaptureFixture[str],
                                         bundled: Briefing) -> None:
    assert main(["export", "--section", "military", "--figures-only", "--full-text"]) == 0
    expected = render_digest(bundled, DigestOptions(sections=("military",), quotes=False,
                                                    full_text=True))
    assert capsys.readouterr().out == expected


def test_export_puts_the_readers_stars_first(capsys: pytest.CaptureFixture[str],
                                             bundled: Briefing) -> None:
    from briefing.state import save_state, state_key

    save_state(state_key(bundled, bundled_briefing()), bundled_state(bundled))
    assert main(["export"]) == 0
    assert capsys.readouterr().out.encode() == (GOLDEN / "bundled-starred.md").read_bytes()
    assert main(["export", "--no-state"]) == 0
    assert capsys.readouterr().out.encode() == (GOLDEN / "bundled.md").read_bytes()


def test_export_with_a_damaged_state_file_names_it(
        capsys: pytest.CaptureFixture[str], bundled: Briefing) -> None:
    from briefing.state import state_key, state_path_for

    path = state_path_for(state_key(bundled, bundled_briefing()))
    path.parent.mkdir(parents=True)
    path.write_text("version = 1\nstars = [\n")
    assert main(["export"]) == 0  # the digest is still written, without the stars
    captured = capsys.readouterr()
    assert captured.err.startswith(f"warning: your stars and notes were left out: {path}:")
    assert "TOML syntax" in captured.err and "Traceback" not in captured.err
    assert captured.out.startswith("# Putin averse to Ukraine compromise")


def test_a_drafts_digest_says_it_is_a_draft_and_what_was_inferred(bundled: Briefing) -> None:
    plain = render_digest(bundled)
    assert "not yet checked" not in plain and "inferred)" not in plain
    quote, figure = bundled.quotes[0], bundled.figures[0]
    draft = assemble(bundled.masthead._replace(draft=True), bundled.people, bundled.sections,
                     [quote._replace(speaker_inferred=True), *bundled.quotes[1:]],
                     [figure._replace(label_inferred=True), *bundled.figures[1:]])
    digest = render_digest(draft)
    header = digest.split("\n## ")[0]
    assert "Draft made by `briefing import`, not yet checked by a person" in header
    assert f"— {quote.speaker_name}" in digest
    assert digest.count("(speaker inferred)") == 1
    assert f"{escape_inline(figure.label)} (label inferred)" in digest
