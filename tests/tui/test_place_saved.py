"""The place is saved as the reader moves, when the terminal closes under
the reader, and on a terminate signal; reopening finds it again, inside a
long section too."""

from __future__ import annotations

import os
import signal
import time
from pathlib import Path

import pytest
import tomli_w
from terminal import Terminal
from test_reader import reader

from briefing.loader import load_briefing
from briefing.state import ReaderState, entry_key, load_state_for, state_key
from briefing.tui.app import reader_app
from briefing.tui.screens import reader as reader_module
from conftest import briefing_command, make_app, screen_text


def state_of(path: Path) -> ReaderState:
    """What is saved for the briefing in `path`, as the reader keys it."""
    return load_state_for(state_key(load_briefing(path), path))


async def saved(path: Path, pilot, wanted) -> ReaderState:  # type: ignore[no-untyped-def]
    """The saved state once `wanted(state)` holds (saving is debounced and
    runs in a worker), or as it is after two seconds."""
    for _ in range(40):
        state = state_of(path)
        if wanted(state):
            return state
        await pilot.pause(0.05)
    return state_of(path)


def long_briefing(folder: Path) -> Path:
    """Two long sections, a quote early and late in the first."""
    sections = [{"id": f"part-{s}", "title": f"Part {s}",
                 "paragraphs": [f"Part {s}, paragraph {p}: the talks went on." for p in range(80)]}
                for s in (1, 2)]
    quotes = [{"text": "the talks went on", "speaker": "A reporter", "section": "part-1",
               "paragraph": p} for p in (3, 50, 70)]
    path = folder / "long.toml"
    path.write_text(tomli_w.dumps({"format": 1, "briefing": {"title": "Long parts"},
                                   "sections": sections, "quotes": quotes}))
    return path


def first_line(app, screen) -> str:  # type: ignore[no-untyped-def]
    region = screen.reading.scrollable_content_region
    lines = screen_text(app).splitlines()[region.y:region.bottom]
    return next(line[region.x:region.right].strip() for line in lines
                if line[region.x:region.right].strip())


async def test_the_place_is_saved_as_the_reader_moves(briefing_copy: Path) -> None:
    app = make_app(briefing_copy)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = reader(app)
        await pilot.press("n", "n")
        key = entry_key(screen.quote)
        state = await saved(briefing_copy, pilot, lambda s: s.selected == key)
        assert state.selected == key  # without quitting
        before = state.place
        await pilot.press("G")
        state = await saved(briefing_copy, pilot, lambda s: s.place != before)
        assert state.place is not None and state.place != before
        assert app.is_running


async def test_a_long_section_reopens_where_it_was_read_and_n_goes_on_from_there(
        tmp_path: Path) -> None:
    path = long_briefing(tmp_path)
    app = reader_app(load_briefing(path), path)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = reader(app)
        await pilot.pause()
        await pilot.press("n")  # the quote in paragraph 3
        for _ in range(4):
            await pilot.press("space")
        before = first_line(app, screen)
        assert "paragraph 3:" not in screen_text(app)
    again = reader_app(load_briefing(path), path)
    async with again.run_test(size=(100, 30)) as pilot:
        await again.workers.wait_for_complete()
        await pilot.pause()
        screen = reader(again)
        assert "Part 1, paragraph 0:" not in screen_text(again)
        assert first_line(again, screen) == before
        await pilot.press("n")  # from the top of the screen: the quote in paragraph 50
        assert screen.quote is screen.briefing.quotes_in_order[1]
        await pilot.press("p")
        assert screen.quote is screen.briefing.quotes_in_order[0]


async def test_the_place_is_restored_after_a_move_to_another_section(
        briefing_copy: Path) -> None:
    """The entry selected in one section and the reader gone on to the next:
    reopening shows the section they went to, not the entry's."""
    app = make_app(briefing_copy)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("n", "3", "space")
        assert reader(app).section == 2
        before = first_line(app, reader(app))
    again = make_app(briefing_copy)
    async with again.run_test(size=(100, 30)) as pilot:
        await again.workers.wait_for_complete()
        await pilot.pause()
        screen = reader(again)
        assert screen.section == 2
        assert first_line(again, screen) == before


async def test_a_signal_saves_at_once_and_leaves(briefing_copy: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(reader_module, "SAVE_DELAY", 3600.0)  # no save but the signal's
    app = make_app(briefing_copy)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("n", "n")
        key = entry_key(reader(app).quote)
        assert state_of(briefing_copy).selected != key
        app._closed_by_signal(signal.SIGTERM)
        assert state_of(briefing_copy).selected == key  # before the app is gone
        await pilot.pause()
    assert app.return_code == 128 + signal.SIGTERM


def run_reader_in_a_terminal(path: Path, state: Path) -> Terminal:
    """The reader on `path`, in a terminal, moved on to its second quote
    and a page down."""
    term = Terminal([briefing_command(), str(path)], columns=100, lines=30,
                    env={"BRIEFING_STATE_DIR": str(state)})
    assert term.wait_for("Ukraine and Russia were preparing"), term.text()
    term.send("n")
    assert term.wait_for("Quotes (17)")
    term.send("n")
    term.read(0.3)
    term.send(" ")
    term.read(0.3)
    return term


@pytest.mark.parametrize("sent", [signal.SIGHUP, signal.SIGTERM, signal.SIGQUIT])
def test_a_hang_up_terminate_or_quit_signal_saves_the_place_and_restores_the_terminal(
        briefing_copy: Path, isolated_state: Path, sent: int) -> None:
    term = run_reader_in_a_terminal(briefing_copy, isolated_state)
    try:
        os.kill(term.pid, sent)
        assert term.wait_exit() == 128 + sent
        raw = bytes(term.raw)
        assert b"\x1b[?1049l" in raw  # back from the alternate screen
        assert b"Traceback" not in raw
    finally:
        term.close()
    briefing = load_briefing(briefing_copy)
    state = state_of(briefing_copy)
    assert state.selected == entry_key(briefing.quotes_in_order[1])
    assert state.section == briefing.sections[0].id
    assert state.place is not None  # a page down into the section


def test_closing_the_terminal_under_the_reader_keeps_the_place(
        briefing_copy: Path, isolated_state: Path) -> None:
    term = run_reader_in_a_terminal(briefing_copy, isolated_state)
    os.close(term.fd)  # the terminal window closes: the kernel hangs up
    end = time.monotonic() + 10
    status = None
    while time.monotonic() < end:
        pid, status = os.waitpid(term.pid, os.WNOHANG)
        if pid:
            break
        time.sleep(0.05)
    else:
        os.kill(term.pid, signal.SIGKILL)
        os.waitpid(term.pid, 0)
        pytest.fail("the reader did not leave when its terminal closed")
    assert status is not None and os.waitstatus_to_exitcode(status) == 128 + signal.SIGHUP
    briefing = load_briefing(briefing_copy)
    state = state_of(briefing_copy)
    assert state.selected == entry_key(briefing.quotes_in_order[1])
    assert state.place is not None


@pytest.mark.parametrize("after", ["w", "a", "e", "/"])
def test_a_key_typed_with_q_does_not_outlive_the_app(briefing_copy: Path,
                                                     isolated_state: Path, after: str) -> None:
    """`q` and the next key in one read: the key would open a screen in an
    app that is closing down (people, a note, the export prompt)."""
    term = run_reader_in_a_terminal(briefing_copy, isolated_state)
    try:
        term.send("q" + after)
        assert term.wait_exit() == 0
        raw = bytes(term.raw)
        assert b"\x1b[?1049l" in raw  # back from the alternate screen
        assert b"Traceback" not in raw and b"NoMatches" not in raw
    finally:
        term.close()
    briefing = load_briefing(briefing_copy)
    assert state_of(briefing_copy).selected == entry_key(briefing.quotes_in_order[1])
