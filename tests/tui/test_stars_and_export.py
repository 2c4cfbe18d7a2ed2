"""Stars, notes and export, driven from the reader's keys."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input

from briefing.loader import load_briefing
from briefing.state import ReaderState, entry_key, load_state_for, state_key, state_path_for
from briefing.tui.screens.dialogs import ConfirmScreen, ExportScreen, PromptScreen
from briefing.tui.screens.reader import ReaderScreen
from briefing.tui.widgets.entries import STATUS_MARK
from conftest import make_app, screen_text, typed_in_one_read


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
        assert isinstance(app.screen, ExportScreen)
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


async def export_to(pilot, path: Path) -> None:  # type: ignore[no-untyped-def]
    """`e`, the path typed in place of the one proposed, enter; written or not."""
    await pilot.press("e")
    prompt = pilot.app.screen
    assert isinstance(prompt, ExportScreen)
    prompt.query_one("#export-path").value = str(path)  # type: ignore[attr-defined]
    await pilot.press("enter")
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def test_a_failed_export_says_why_and_keeps_the_reader_running(
        briefing_copy: Path, tmp_path: Path) -> None:
    app = make_app(briefing_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        await export_to(pilot, tmp_path / "no-such-folder" / "digest.md")
        assert "does not exist" in " ".join(
            str(n.message) for n in app._notifications)
        assert isinstance(app.screen, ReaderScreen)


async def test_a_folder_given_as_the_digest_s_path_is_refused_without_a_question(
        briefing_copy: Path, tmp_path: Path) -> None:
    app = make_app(briefing_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        await export_to(pilot, tmp_path)
        assert isinstance(app.screen, ReaderScreen)  # no "overwrite it?" for a folder
        assert "is a folder: give a file name in it" in " ".join(
            str(n.message) for n in app._notifications)


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


def proposed(app) -> str:  # type: ignore[no-untyped-def]
    assert isinstance(app.screen, ExportScreen)
    return app.screen.query_one("#export-path").value  # type: ignore[no-any-return]


async def test_export_offers_only_the_starred_and_only_this_section(briefing_copy: Path) -> None:
    app = make_app(briefing_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = reader(app)
        await pilot.press("2", "n", "s")  # a quote in Humanitarian, starred
        starred = screen.quote
        assert starred is not None and screen.section == 1
        await pilot.press("f", "f", "a", *"count?", "enter")  # a figure there, noted
        noted = screen.figure
        assert noted is not None and noted.anchor.section == 1
        await pilot.press("e")
        assert proposed(app) == str(briefing_copy.with_suffix(".md"))
        await pilot.press("tab", "space")  # only what is starred or noted
        assert proposed(app) == str(briefing_copy.with_name("today-starred.md"))
        await pilot.press("tab", "space")  # only this section
        target = briefing_copy.with_name("today-humanitarian-starred.md")
        assert proposed(app) == str(target)
        assert not target.exists()
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
    digest = target.read_text("utf-8")
    assert "## Your starred items and notes" in digest
    assert f"“{starred.text}”" in digest and "Your note: count?" in digest
    assert "Negotiations" not in digest and "Kuleba" not in digest  # no other section


async def test_a_path_typed_by_hand_is_kept_when_a_choice_changes(briefing_copy: Path,
                                                                   tmp_path: Path) -> None:
    app = make_app(briefing_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("e")
        field = app.screen.query_one("#export-path")
        field.value = str(tmp_path / "mine.md")  # type: ignore[attr-defined]
        await pilot.press("tab", "space")
        assert proposed(app) == str(tmp_path / "mine.md")
        await pilot.press("enter")
        await app.workers.wait_for_complete()
    assert (tmp_path / "mine.md").read_text("utf-8").startswith("# Putin averse")


async def test_export_proposes_the_briefings_folder_wherever_the_app_started(
        briefing_copy: Path, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    app = make_app(briefing_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("e")
        assert proposed(app) == str(briefing_copy.parent / "today.md")


async def test_the_bundled_briefing_is_exported_to_the_home_folder(
        tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    # Its own folder is the program's: a digest does not belong there.
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.chdir(tmp_path)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("e")
        assert proposed(app) == str(tmp_path / "home" /
                                    "2022-03-28-putin-averse-to-compromise.md")


async def test_the_export_folder_of_the_settings_comes_first(
        briefing_copy: Path, isolated_folders: Path, tmp_path: Path) -> None:
    config = isolated_folders / "config" / "settings.toml"
    config.parent.mkdir(parents=True)
    config.write_text(f"export_folder = {str(tmp_path / 'digests')!r}\n", "utf-8")
    app = make_app(briefing_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("e")
        assert proposed(app) == str(tmp_path / "digests" / "today.md")


async def test_a_note_typed_straight_after_a_in_one_read_is_the_note() -> None:
    """`a` and the note's first words, typed fast, arrive together: the words
    go into the note, not to the reading pane (where h, l and e are keys)."""
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = reader(app)
        await pilot.press("n")
        section = screen.section
        typed_in_one_read(app, "ahelp ")
        await pilot.pause()
        assert isinstance(app.screen, PromptScreen)
        assert app.screen.query_one(Input).value == "help "
        await pilot.press(*"me", "enter")
        await app.workers.wait_for_complete()
        assert screen.section == section
        assert screen.quote is not None
        assert screen.state.notes[entry_key(screen.quote)] == "help me"


async def test_n_then_a_in_one_read_notes_the_quote_n_goes_to() -> None:
    """`a` is taken as it arrives so that what follows it goes into the note;
    the `n` typed before it still moves first."""
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = reader(app)
        await pilot.press("n")
        first = screen.quote
        typed_in_one_read(app, "naok")
        await pilot.pause()
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        second = screen.quote
        assert first is not None and second is not None and second is not first
        assert screen.state.notes == {entry_key(second): "ok"}


async def test_a_note_over_the_limit_is_asked_again_with_its_text_not_lost() -> None:
    from textual import events

    from briefing.state import MAX_NOTE

    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = reader(app)
        await pilot.press("n", "a")
        await pilot.pause()
        assert isinstance(app.screen, PromptScreen)
        long_note = "word " * (MAX_NOTE // 5 + 100)  # 5,500 characters
        app.screen.query_one(Input).post_message(events.Paste(long_note))
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, PromptScreen)  # asked again, the text still there
        field = app.screen.query_one(Input)
        assert field.value == long_note
        assert screen.quote is not None and entry_key(screen.quote) not in screen.state.notes
        field.value = long_note[:MAX_NOTE]  # shortened
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        assert screen.state.notes[entry_key(screen.quote)] == long_note[:MAX_NOTE].strip()
