"""Settings that stay: the theme, the panes, animations and the user's keys,
read at start, written when changed in the app, refused in words when broken."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
import tomli

from briefing.state import entry_key
from briefing.tui.app import BriefingApp
from briefing.tui.screens.reader import ReaderScreen
from conftest import make_app, screen_text


@pytest.fixture
def config(isolated_folders: Path) -> Path:
    """The settings file of this test (see isolated_folders in tests/conftest.py)."""
    return isolated_folders / "config" / "settings.toml"


def write(config: Path, text: str) -> None:
    config.parent.mkdir(parents=True, exist_ok=True)
    config.write_text(textwrap.dedent(text), "utf-8")


def toasts(app: BriefingApp) -> list[str]:
    """What the app said about its settings."""
    return [str(notification.message) for notification in app._notifications
            if notification.title in ("Settings", "Settings not saved")]


async def saved(config: Path, pilot, key: str, value: object) -> dict[str, object]:  # type: ignore[no-untyped-def]
    """The settings file once it holds `key = value` (it is written in a
    worker), or as it is after two seconds."""
    for _ in range(40):
        await pilot.app.workers.wait_for_complete()
        if config.exists():
            document = tomli.loads(config.read_text("utf-8"))
            if document.get(key) == value:
                return document
        await pilot.pause(0.05)
    return tomli.loads(config.read_text("utf-8")) if config.exists() else {}


# --- the theme -------------------------------------------------------------------------------

async def test_the_theme_in_the_settings_is_the_one_drawn(config: Path) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert app.theme == "textual-dark"
    write(config, 'theme = "gruvbox"\n')
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert app.theme == "gruvbox"
        assert toasts(app) == []


async def test_a_theme_picked_in_the_palette_is_kept_for_next_time(config: Path) -> None:
    write(config, '# mine\ntheme = "gruvbox"   # warm\n')
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        assert app.theme == "gruvbox"
        app.action_change_theme()  # the palette's "Change theme"
        await pilot.pause(0.2)
        await pilot.press(*"nord")
        await pilot.pause(0.5)  # the palette searches as you type
        await pilot.press("enter")
        await pilot.pause()
        assert app.theme == "nord"
        assert (await saved(config, pilot, "theme", "nord"))["theme"] == "nord"
    assert config.read_text("utf-8") == '# mine\ntheme = "nord"   # warm\n'
    again = make_app()
    async with again.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert again.theme == "nord"


async def test_a_theme_picked_in_a_browser_lasts_the_session_and_changes_no_file(
        config: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Served (`briefing serve`), the app is a browser user's: the settings
    file of the server's user is not theirs to change."""
    from briefing.tui.app import BriefingApp

    write(config, 'theme = "gruvbox"\n')
    monkeypatch.setattr(BriefingApp, "is_web", property(lambda app: True))
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        assert app.theme == "gruvbox"
        app.action_change_theme()
        await pilot.pause(0.2)
        await pilot.press(*"nord")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await pilot.pause()
        assert app.theme == "nord"
        assert (await saved(config, pilot, "theme", "nord"))["theme"] == "gruvbox"
    assert config.read_text("utf-8") == 'theme = "gruvbox"\n'


async def test_an_unknown_theme_is_reported_and_the_default_drawn(config: Path) -> None:
    write(config, 'theme = "solarised"\n')
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert app.theme == "textual-dark"
        [toast] = toasts(app)
        assert toast.startswith(f'{config}: theme: no theme is called "solarised" (themes: ')
        assert "solarized-light" in toast


# --- the panes ---------------------------------------------------------------------------------

def panes_shown(app: BriefingApp) -> tuple[bool, bool]:
    screen = app.screen
    assert isinstance(screen, ReaderScreen)
    contents = screen.query("#contents")
    return (bool(contents) and contents.first().display,
            screen.query_one("#entries").display)


async def test_panes_hidden_with_c_and_v_stay_hidden_next_time(config: Path) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert panes_shown(app) == (True, True)
        await pilot.press("c")
        await pilot.pause()
        assert panes_shown(app) == (False, True)
        assert (await saved(config, pilot, "contents", False))["contents"] is False
        await pilot.press("v")
        await pilot.pause()
        assert panes_shown(app) == (False, False)
        assert (await saved(config, pilot, "entries", False)) == {"contents": False,
                                                                  "entries": False}
    again = make_app()
    async with again.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert panes_shown(again) == (False, False)
        assert "Negotiations  1/3" in screen_text(again)
        await pilot.press("c", "v")
        await pilot.pause()
        assert panes_shown(again) == (True, True)
        assert (await saved(config, pilot, "entries", True)) == {"contents": True,
                                                                 "entries": True}


async def test_contents_asked_for_at_80_columns_shows_there_next_time(config: Path) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert panes_shown(app) == (False, True)  # no room by default
        await pilot.press("c")
        await pilot.pause()
        assert panes_shown(app) == (True, False)  # at 80 columns the side panes take turns
        assert (await saved(config, pilot, "contents", True))["contents"] is True
    again = make_app()
    async with again.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert panes_shown(again) == (True, False)
        await pilot.resize_terminal(160, 40)  # a resize keeps the choice
        await pilot.pause()
        assert panes_shown(again) == (True, True)


# --- animations ------------------------------------------------------------------------------

@pytest.mark.parametrize(("line", "level"), [("", "none"), ("animations = false\n", "none"),
                                             ("animations = true\n", "full")])
async def test_jumps_are_instant_unless_animations_are_asked_for(
        config: Path, line: str, level: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("TEXTUAL_ANIMATIONS", raising=False)
    write(config, line)
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert app.animation_level == level


# --- a broken file ---------------------------------------------------------------------------

async def test_a_broken_file_is_one_toast_the_defaults_and_never_written_over(
        config: Path) -> None:
    write(config, 'theme = "nord"\ncontents = "no"\n')
    before = config.read_bytes()
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert app.theme == "textual-dark"  # the file's theme is not taken either
        assert toasts(app) == [f"{config}: contents: must be true or false, not a string "
                               "(the file is ignored until it is fixed)"]
        await pilot.press("c")  # a change the app would save
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert panes_shown(app) == (False, True)  # this session keeps it
        assert "it has a problem" in toasts(app)[-1]
        assert "This session keeps the change" in toasts(app)[-1]
    assert config.read_bytes() == before


# --- keys --------------------------------------------------------------------------------------

async def test_a_remapped_key_does_the_action_and_the_old_one_does_not(config: Path) -> None:
    write(config, """\
        [keys]
        star = "x"
        next-match = "n"
        next-quote = "n,J"
        """)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ReaderScreen)
        assert screen.quote is None
        await pilot.press("J")
        assert screen.quote is not None
        first = screen.quote
        await pilot.press("s")
        assert screen.state.stars == frozenset()  # s no longer stars
        await pilot.press("x")
        assert screen.state.stars == {entry_key(first)}
        await pilot.press("n")  # n still moves on too
        assert screen.quote is not first
        assert toasts(app) == []


async def test_the_help_and_the_palette_show_the_remapped_keys(config: Path) -> None:
    write(config, '[keys]\nstar = "x"\n')
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("question_mark")
        await pilot.pause()
        help_lines = app.screen.lines.plain.splitlines()  # type: ignore[attr-defined]
        assert [line.split() for line in help_lines if line.endswith(" Star")] == [["x", "Star"]]
        await pilot.press("escape", "n", "ctrl+p", *"star")  # n: something to star
        await pilot.pause(0.3)
        assert "key: x" in screen_text(app)


async def test_unknown_ids_and_keys_are_reported_and_the_rest_apply(config: Path) -> None:
    write(config, """\
        [keys]
        star = "x"
        next_quote = "J"
        note = "ctrl+nope"
        people = 3
        """)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.pause()
        assert toasts(app) == [
            f'{config}: keys.people: must be a string of keys such as "n,j", not an integer '
            "(left out)",
            f'{config}: keys.note: no key is called "nope" (e.g. j, J, ctrl+d, pagedown, f5, '
            "slash) (left out)",
            f'{config}: keys.next_quote: no key binding has this id: did you mean '
            '"next-quote"? (the ids are listed in the README; ignored)',
        ]
        await pilot.press("n", "x")
        screen = app.screen
        assert isinstance(screen, ReaderScreen) and screen.quote is not None
        assert screen.state.stars == {entry_key(screen.quote)}


async def test_a_key_taken_from_another_action_or_a_pane_is_said_once(config: Path) -> None:
    write(config, '[keys]\nstar = "n"\nnext-quote = "j"\n')
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.pause()
        told = [f'{config}: keys.star: n no longer does "Next match"',
                f'{config}: keys.next-quote: j does "Scroll down" while the reading pane has '
                "focus"]
        assert toasts(app) == told
        screen = app.screen
        assert isinstance(screen, ReaderScreen)
        await pilot.press("f", "n")  # n stars the figure
        assert screen.figure is not None
        assert screen.state.stars == {entry_key(screen.figure)}
        await pilot.press("n", "slash", *"Kyiv", "enter", "n")  # and never does a match
        assert toasts(app) == told  # said once, not at every key press


# --- the README ----------------------------------------------------------------------------

README = Path(__file__).parents[2] / "README.md"


def readme_settings() -> str:
    return README.read_text("utf-8").split("\n## Settings\n")[1].split("\n## ")[0]


async def test_the_readme_example_is_a_sound_settings_file(config: Path) -> None:
    example = readme_settings().split("```toml\n")[1].split("```")[0]
    write(config, example)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.pause()
        assert toasts(app) == []
        assert app.theme == "gruvbox" and app.keymap["star"] == "x"


def test_the_readme_lists_every_binding_id() -> None:
    import re

    from briefing.tui.keymap import _bindings

    listed = set(re.findall(r"`([a-z0-9-]+)`", readme_settings().split("The binding ids:")[1]))
    listed |= {f"section-{n}" for n in range(1, 10)}  # written section-1…section-9
    ids = {binding.id for _, binding in _bindings() if binding.id}
    assert listed == ids, "bring the README's list of binding ids up to date"
