"""Fixtures for driving the real app: deterministic, isolated from the user's files."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

from briefing.loader import load_briefing
from briefing.resources import bundled_briefing
from briefing.tui.app import BriefingApp, reader_app

FIXTURES = Path(__file__).parent.parent / "fixtures"


@pytest.fixture
def isolated_state(isolated_folders: Path) -> Path:
    """The folder the reader's state goes to in this test (see isolated_folders)."""
    return isolated_folders / "state"


def make_app(path: Path | None = None) -> BriefingApp:
    """The app as the CLI builds it for one file."""
    path = path or bundled_briefing()
    return reader_app(load_briefing(path), path)


def briefing_command() -> str:
    """The installed `briefing` command, beside this Python or on PATH."""
    beside = Path(sys.executable).parent / "briefing"
    found = str(beside) if beside.exists() else shutil.which("briefing")
    if found is None:
        pytest.fail("the `briefing` command is not installed")
    return found


def screen_text(app: BriefingApp) -> str:
    """What the terminal would show, as plain text."""
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


@pytest.fixture
def briefing_copy(tmp_path: Path) -> Path:
    """The bundled briefing copied to a folder the test owns."""
    target = tmp_path / "briefs" / "today.toml"
    target.parent.mkdir()
    target.write_bytes(bundled_briefing().read_bytes())
    return target


def typed_in_one_read(app: BriefingApp, text: str) -> None:
    """Keys queued all at once, as a terminal hands over what was typed fast
    in one read (Pilot's press waits for each key to be taken)."""
    from textual import events

    names = {"/": "slash", " ": "space"}
    for character in text:
        app.post_message(events.Key(names.get(character, character), character))
