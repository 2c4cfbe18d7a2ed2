"""Stars, notes and export, driven from the reader's keys."""

from __future__ import annotations

from pathlib import Path

from briefing.state import entry_key, load_state_for
from briefing.tui.screens.dialogs import ConfirmScreen, PromptScreen
from briefing.tui.screens.reader import ReaderScreen
from briefing.tui.widgets.entries import STATUS_MARK
from conftest import make_app, screen_text


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
    state = load_state_for(briefing_copy)
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
        stars = set(load_state_for(path).stars)
        if stars == expected:
            return stars
        await pilot.pause(0.05)
    return set(load_state_for(path).stars)


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
    assert load_state_for(briefing_copy).stars == set()


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
