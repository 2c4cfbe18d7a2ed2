"""Fixtures for driving the real app: deterministic, isolated from the user's files."""

from __future__ import annotations

import shutil
import sys
import threading
from collections.abc import Callable, Iterator
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


# --- the library's folder index --------------------------------------------------


async def settle(pilot) -> None:  # type: ignore[no-untyped-def]
    """Until the workers are done, and those their results started (a look
    that reads files, a dialog that asks the index): a few rounds."""
    for _ in range(3):
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()


async def shown(pilot, text: str, seconds: float = 5.0) -> bool:  # type: ignore[no-untyped-def]
    """Whether `text` comes on screen within `seconds` (work in a worker)."""
    for _ in range(round(seconds / 0.05)):
        if text in screen_text(pilot.app):
            return True
        await pilot.pause(0.05)
    return text in screen_text(pilot.app)


@pytest.fixture
def parsed(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The files the folder's index reads as briefings, in order (by shown name)."""
    from briefing import archive

    names: list[str] = []
    real = archive.parse_briefing_file

    def counting(data: bytes, shown: str):  # type: ignore[no-untyped-def]
        names.append(shown)
        return real(data, shown)

    monkeypatch.setattr(archive, "parse_briefing_file", counting)
    return names


@pytest.fixture
def held_parses(monkeypatch: pytest.MonkeyPatch) -> Iterator[Callable[..., threading.Event]]:
    """`hold(which=lambda shown: True)`: the files the index reads that
    `which` names wait until the event returned is set (at the latest when
    the test ends, so a failing test never leaves a worker waiting)."""
    from briefing import archive

    events: list[threading.Event] = []
    real = archive.parse_briefing_file

    def hold(which: Callable[[str], bool] = lambda shown: True) -> threading.Event:
        go_on = threading.Event()
        events.append(go_on)

        def held(data: bytes, shown: str):  # type: ignore[no-untyped-def]
            if which(shown):
                go_on.wait(timeout=30)
            return real(data, shown)

        monkeypatch.setattr(archive, "parse_briefing_file", held)
        return go_on

    yield hold
    for go_on in events:
        go_on.set()
