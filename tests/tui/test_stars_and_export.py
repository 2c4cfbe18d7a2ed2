"""Stars, notes and export, driven from the reader's keys."""

from __future__ import annotations

from pathlib import Path

from briefing.loader import load_briefing
from briefing.state import ReaderState, entry_key, load_state_for, state_key, state_path_for
from briefing.tui.screens.dialogs import ConfirmScreen, PromptScreen
from briefing.tui.screens.reader import ReaderScreen
from briefing.tui.widgets.entries import STATUS_MARK
from conftest import make_app, screen_text


def saved_state(path: Path) -> ReaderState:
    """The state saved for the briefing in the file at `path`."""
    return load_state_for(state_key(load_briefing(path), path))


def reader(app) -> ReaderScreen:  # type: ignore[no-untyped-def]
    assert isinstance(app.screen, ReaderScreen)
    return app.screen


async def test_a_star_and_a_note_are_kept_and_restored_with_the_position(
        briefing_copy: Path) -> None:
    app = make_app(briefing_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = reader(app)
        await pilot.press("n", "n", "s")
        await app.workers.wait_for_complete()
        starred = screen.quote
        assert starred is not None
        await pilot.press("a", *"check the transcript", "enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert "★ ✎ Joe Biden" in screen_text(app)
    state = saved_state(briefing_copy)
    assert entry_key(starred) in state.stars
    assert state.notes[entry_key(starred)] == "check the transcript"
    assert state.selected == entry_key(starred)

    again = make_app(briefing_copy)
    async with again.run_test(size=(120, 40)) as pilot:
        await again.workers.wait_for_complete()
        await pilot.pause()
        screen = reader(again)
        assert screen.quote is not None and screen.quote.text == starred.text
        assert "★ ✎ Joe Biden" in screen_text(again)
        await pilot.press("asterisk")  # starred only
        assert [q.text for q in screen.quote_list.entries] == [starred.text]


async def saved_stars(path: Path, pilot, expected: set[str]) -> set[str]:  # type: ignore[no-untyped-def]
    """The stars in the saved state once it says `expected` (saving is
    debounced and runs in a worker), or as it is after two seconds."""
    for _ in range(40):
        stars = set(saved_state(path).stars)
        if stars == expected:
            return stars
        await pilot.pause(0.05)
    return set(saved_state(path).stars)


async def test_unstarring_removes_the_star(briefing_copy: Path) -> None:
    app = make_app(briefing_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = reader(app)
        await pilot.press("f")
        figure = screen.figure
        assert figure is not None
        key = entry_key(figure)
        assert "★" not in screen_text(app)
        await pilot.press("s")
        await pilot.pause()
        # The Figures pane draws the star before the figure's status.
        assert f"★ {STATUS_MARK[figure.status]}" in screen_text(app)
        assert await saved_stars(briefing_copy, pilot, {key}) == {key}
        await pilot.press("s")
        await pilot.pause()
        assert "★" not in screen_text(app)
        assert await saved_stars(briefing_copy, pilot, set()) == set()
    assert saved_state(briefing_copy).stars == set()


async def test_export_writes_next_to_the_briefing_and_asks_before_overwriting(
        briefing_copy: Path) -> None:
    digest = briefing_copy.with_suffix(".md")
    app = make_app(briefing_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("e")
        assert isinstance(app.screen, PromptScreen)
        await pilot.press("enter")  # the proposed path
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert digest.read_text().startswith("# Putin averse to Ukraine compromise")
        digest.write_text("my own notes")
        await pilot.press("e", "enter")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")  # keep my file
        await app.workers.wait_for_complete()
        assert digest.read_text() == "my own notes"
        await pilot.press("e", "enter", "y")
        await app.workers.wait_for_complete()
        assert digest.read_text().startswith("# Putin averse to Ukraine compromise")


async def test_a_failed_export_says_why_and_keeps_the_reader_running(
        briefing_copy: Path, tmp_path: Path) -> None:
    app = make_app(briefing_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("e")
        prompt = app.screen
        assert isinstance(prompt, PromptScreen)
        field = prompt.query_one("#prompt-input")
        field.value = str(tmp_path / "no-such-folder" / "digest.md")  # type: ignore[attr-defined]
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert "does not exist" in " ".join(
            str(n.message) for n in app._notifications)
        assert isinstance(app.screen, ReaderScreen)


async def test_stars_notes_and_position_follow_the_briefing_to_another_file(
        briefing_copy: Path, tmp_path: Path) -> None:
    app = make_app(briefing_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = reader(app)
        await pilot.press("n", "n", "s", "a", *"from the Reuters copy", "enter")
        await app.workers.wait_for_complete()
        starred = screen.quote
        assert starred is not None
    moved = tmp_path / "archive" / "renamed.toml"
    moved.parent.mkdir()
    briefing_copy.rename(moved)

    again = make_app(moved)
    async with again.run_test(size=(120, 40)) as pilot:
        await again.workers.wait_for_complete()
        await pilot.pause()
        screen = reader(again)
        assert screen.quote is not None and screen.quote.text == starred.text
        assert "★ ✎ Joe Biden" in screen_text(again)
        assert screen.state.note(entry_key(starred)) == "from the Reuters copy"


async def test_stars_saved_by_an_earlier_version_show_and_are_kept(
        briefing_copy: Path, isolated_state: Path) -> None:
    import hashlib
    import os

    briefing = load_briefing(briefing_copy)
    quote = briefing.quotes_in_order[1]
    legacy = isolated_state / "reader" / (
        hashlib.sha256(os.fsencode(os.path.realpath(briefing_copy))).hexdigest()[:24] + ".toml")
    legacy.parent.mkdir(parents=True)
    legacy.write_text(f'version = 1\nstars = ["{entry_key(quote)}"]\n', "utf-8")
    assert not state_path_for(state_key(briefing, briefing_copy)).exists()

    app = make_app(briefing_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert f"★ {quote.speaker_name}" in screen_text(app)
        await pilot.press("f", "s")  # a change, so the state is saved
        await app.workers.wait_for_complete()
    saved = saved_state(briefing_copy)
    assert entry_key(quote) in saved.stars and len(saved.stars) == 2
    assert state_path_for(state_key(briefing, briefing_copy)).exists()
