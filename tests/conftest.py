"""Shared test fixtures. Each group is marked with what it is for; add yours
in a group of its own."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

# --- the user's folders (every test) -------------------------------------------

FOLDER_VARIABLES = {
    "BRIEFING_STATE_DIR": "state", "BRIEFING_CACHE_DIR": "cache",
    "BRIEFING_CONFIG_DIR": "config", "BRIEFING_DATA_DIR": "data",
    "XDG_CACHE_HOME": "xdg-cache", "XDG_STATE_HOME": "xdg-state",
    "XDG_CONFIG_HOME": "xdg-config", "XDG_DATA_HOME": "xdg-data",
}


@pytest.fixture(autouse=True)
def isolated_folders(tmp_path_factory: pytest.TempPathFactory,
                     monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test (and every process it starts) keeps its reader state,
    cache and settings in a folder of its own, never the user's."""
    home = tmp_path_factory.mktemp("folders")
    for variable, name in FOLDER_VARIABLES.items():
        monkeypatch.setenv(variable, str(home / name))
    return home


# --- briefing files (core tests) ---------------------------------------------

# Three sections whose words repeat on purpose ("160,000", "24 hours", "talks"),
# so tests can tell the first occurrence in reading order from the others.
SAMPLE_BRIEFING = """\
format = 1

[briefing]
title = "Talks in Istanbul"
{masthead}

[[people]]
id = "kuleba"
name = "Dmytro Kuleba"
role = "Ukraine's foreign minister"

[[people]]
id = "boichenko"
name = "Vadym Boichenko"
role = "Mariupol mayor"

[[sections]]
id = "negotiations"
title = "Negotiations"
summary = "Talks resume."
paragraphs = [
  "Talks resume in Istanbul on Tuesday, the first talks in two weeks.",
  "\u201cWe are not trading people, land or sovereignty,\u201d said Dmytro Kuleba.",
]

[[sections]]
id = "humanitarian"
title = "Humanitarian"
paragraphs = [
  "The mayor said 160,000 people were still trapped.",
  "26 buses were waiting to evacuate some of 160,000 trapped civilians.",
  "It was not possible to verify the figures.",
]

[[sections]]
id = "military"
title = "Military"
paragraphs = [
  "Russia said it hit 41 sites in the past 24 hours.",
  "There was no major change in the past 24 hours, the ministry said.",
]
"""


def sample_quote(speaker: str = "kuleba") -> str:
    """A `[[quotes]]` table for the sample briefing: the words of its second
    paragraph, said by `speaker` (a people id, or a name as written)."""
    return f"""
[[quotes]]
text = "We are not trading people, land or sovereignty"
speaker = "{speaker}"
section = "negotiations"
paragraph = 2
"""


@pytest.fixture
def quote_table() -> Callable[..., str]:
    """`quote_table(speaker="kuleba")`: see `sample_quote`."""
    return sample_quote


def sample_briefing_text(extra: str = "", *, masthead: str = "") -> str:
    """A valid briefing (the sample above) with `masthead` lines added to the
    `[briefing]` table and `extra` (e.g. `[[quotes]]` tables) at the end."""
    return SAMPLE_BRIEFING.format(masthead=masthead) + extra


@pytest.fixture
def briefing_text() -> Callable[..., str]:
    """`briefing_text(extra="", masthead="")`: see `sample_briefing_text`."""
    return sample_briefing_text


@pytest.fixture
def write_briefing(tmp_path: Path) -> Callable[..., Path]:
    """`write_briefing(text_or_bytes, name="x.toml")`: the file's path in tmp_path."""

    def write(content: str | bytes, name: str = "x.toml") -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, str):
            content = content.encode("utf-8")
        path.write_bytes(content)
        return path

    return write


def raw_controls(text: str) -> list[str]:
    """Characters of `text` that must never reach a terminal raw: anything not
    printable except newline (controls, bidi controls, BOM, ...)."""
    return [f"U+{ord(c):04X} {unicodedata.name(c, '')}".strip()
            for c in text if c != "\n" and not c.isprintable()]


@pytest.fixture
def assert_terminal_safe() -> Callable[[str], None]:
    """`assert_terminal_safe(text)`: fails if `text` holds a raw control character."""

    def check(text: str) -> None:
        found = raw_controls(text)
        assert not found, f"raw characters {found} in {text!r}"

    return check



def markdown_renderers() -> dict[str, Any]:
    """The Markdown renderers a digest must stay text in: CommonMark, CommonMark
    with GFM tables and strikethrough, markdown-it's GFM-like preset (with
    linkify), and the GFM plugin set with dollar math."""
    from markdown_it import MarkdownIt

    renderers: dict[str, Any] = {
        "commonmark": MarkdownIt("commonmark"),
        "commonmark+table": MarkdownIt("commonmark").enable(["table", "strikethrough"]),
        "gfm-like": MarkdownIt("gfm-like"),
    }
    try:
        from mdit_py_plugins.gfm import gfm_plugin
    except ImportError:  # pragma: no cover - ships with textual
        pass
    else:
        renderers["gfm-plugin"] = MarkdownIt("commonmark").use(gfm_plugin, dollarmath=True)
    return renderers

