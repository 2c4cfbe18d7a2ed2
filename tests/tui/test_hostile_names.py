"""File and folder names are someone else's text too: whatever a name holds
(an escape sequence that would set the clipboard or the window title, bytes
that are not UTF-8), the app shows it literally and keeps working."""

from __future__ import annotations

import os
import re
from pathlib import Path

from briefing.resources import bundled_briefing
from briefing.state import entry_key
from briefing.tui.screens.dialogs import ExportScreen
from briefing.tui.screens.reader import ReaderScreen
from conftest import make_app, screen_text

CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")
CLIPBOARD = "x\x1b]52;c;cHduZWQ=\x07"  # OSC 52: "pwned" into the clipboard


def shown_texts(app) -> list[str]:  # type: ignore[no-untyped-def]
    """Every toast's title and message, and the app's title."""
    texts = [app.title, app.sub_title]
    for notification in app._notifications:
        texts += [str(notification.title), str(notification.message)]
    return texts


async def test_an_escape_sequence_in_a_file_name_reaches_neither_prompt_nor_toast(
        tmp_path: Path) -> None:
    path = tmp_path / f"{CLIPBOARD}.toml"
    path.write_bytes(bundled_briefing().read_bytes())
    app = make_app(path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("e")
        prompt = app.screen
        assert isinstance(prompt, ExportScreen)
        proposed = prompt.query_one("#export-path").value  # type: ignore[attr-defined]
        assert "\x1b" in str(path) and not CONTROL.search(proposed)
        assert proposed == str(tmp_path / "x_]52;c;cHduZWQ=_.md")
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert (tmp_path / "x_]52;c;cHduZWQ=_.md").read_text().startswith("# Putin")
        texts = shown_texts(app)
        assert any(text.startswith("Wrote ") for text in texts)
        assert not [text for text in texts if CONTROL.search(text)]


async def test_a_toast_shows_an_escape_sequence_as_text(tmp_path: Path) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        app.notify(f"cannot read {CLIPBOARD}", title="\x1b]2;owned\x07")
        await pilot.pause()
        texts = shown_texts(app)
        assert "cannot read x\\x1b]52;c;cHduZWQ=\\x07" in texts
        assert "\\x1b]2;owned\\x07" in texts
        assert not [text for text in texts if CONTROL.search(text)]


async def test_a_file_name_that_is_not_utf8_is_read_starred_and_left_safely(
        tmp_path: Path) -> None:
    """café.toml written in Latin-1: the é is one byte that is not UTF-8."""
    path = Path(os.fsdecode(os.path.join(os.fsencode(tmp_path), b"caf\xe9.toml")))
    path.write_bytes(bundled_briefing().read_bytes())
    assert "\udce9" in str(path)
    app = make_app(path)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = app.screen
        assert isinstance(screen, ReaderScreen)
        await pilot.press("n", "s")  # star the first quote
        await app.workers.wait_for_complete()
        starred = screen.quote
        assert starred is not None
        await pilot.press("e")
        proposed = app.screen.query_one("#export-path").value  # type: ignore[attr-defined]
        assert proposed == str(tmp_path / "caf_.md")
        await pilot.press("escape")
        assert "caf\\xe9.toml was deleted or moved" not in screen_text(app)
        path.rename(tmp_path / "moved.toml")  # the reader says so, naming the file
        await pilot.pause(1.5)
        assert "caf\\xe9.toml was deleted or moved" in screen_text(app)
        assert not [text for text in shown_texts(app) if CONTROL.search(text)]
        await pilot.press("q")
    assert app.return_code == 0
    (tmp_path / "moved.toml").rename(path)
    again = make_app(path)
    async with again.run_test(size=(120, 40)):
        reader = again.screen
        assert isinstance(reader, ReaderScreen)
        await again.workers.wait_for_complete()
        assert entry_key(starred) in reader.state.stars  # the star was kept
