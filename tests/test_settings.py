"""The reader's settings file: read, refused when broken, updated in place.

A settings file is written by hand as often as by the app: a broken one
must give one clear line naming it and never be overwritten, and the app's
changes must leave the user's comments and other settings as they were.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
import tomli

from briefing.errors import BriefingError
from briefing.files import WriteError
from briefing.settings import (
    Settings,
    load_settings,
    one_line,
    save_settings,
    settings_path,
)


@pytest.fixture
def config(isolated_folders: Path) -> Path:
    """The settings file this test reads and writes (see isolated_folders)."""
    return isolated_folders / "config" / "settings.toml"


def write(config: Path, text: str) -> None:
    config.parent.mkdir(parents=True, exist_ok=True)
    config.write_text(textwrap.dedent(text), "utf-8")


# --- where it lives ---------------------------------------------------------------------

def test_the_file_lives_where_briefing_config_dir_says(config: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    assert settings_path() == config
    import platformdirs

    monkeypatch.delenv("BRIEFING_CONFIG_DIR")
    assert settings_path() == (Path(platformdirs.user_config_dir("briefing", appauthor=False))
                               / "settings.toml")


def test_no_file_means_the_defaults_and_reading_creates_nothing(config: Path) -> None:
    assert load_settings() == Settings()
    assert not config.parent.exists()


# --- reading -----------------------------------------------------------------------------

def test_a_hand_written_file_is_read(config: Path) -> None:
    write(config, """\
        # mine
        theme = "gruvbox"
        contents = false
        entries = true
        animations = true
        export_folder = "~/briefings"

        [keys]
        next-quote = "n,j"
        star = "x"
        """)
    settings = load_settings()
    assert settings == Settings(theme="gruvbox", contents=False, entries=True, animations=True,
                                export_folder=Path.home() / "briefings",
                                keys={"next-quote": "n,j", "star": "x"})
    assert settings.problems == ()


BROKEN = {
    "TOML syntax": ("theme = 'nord\n", ":2:1: TOML syntax"),
    "unknown setting": ("them = 'nord'\n",
                        ': them: unknown setting: did you mean "theme"? (settings: theme, '
                        "contents, entries, animations, export_folder, keys)"),
    "a flag as text": ("contents = 'no'\n", ": contents: must be true or false, not a string"),
    "a theme as a number": ("theme = 3\n", ": theme: must be a string, not an integer"),
    "an empty folder": ("export_folder = ' '\n",
                        ": export_folder: is empty: remove the line for the default"),
    "keys not a table": ("keys = 'n'\n", ": keys: must be a table of binding ids, not a string"),
    "an escape character": ('theme = "\\u001b]52;c;x"\n', ": theme: U+001B ESCAPE at offset 0"),
    "not UTF-8": (b"theme = '\xff'\n", ":1:10: not valid UTF-8 (byte 0xff)"),
    "too large": ("# " + "x" * 70_000 + "\n", ": file is 70,003 bytes; the limit is 65,536 bytes"),
}


@pytest.mark.parametrize("name", sorted(BROKEN))
def test_a_broken_file_is_refused_in_one_line_naming_it(name: str, config: Path) -> None:
    content, words = BROKEN[name]
    config.parent.mkdir(parents=True)
    config.write_bytes(content if isinstance(content, bytes) else content.encode())
    with pytest.raises(BriefingError) as caught:
        load_settings()
    line = one_line(caught.value)
    assert line.startswith(f"{config}{words}"), line
    assert "\n" not in line and "\x1b" not in line


def test_several_problems_are_one_line_that_counts_the_rest(config: Path) -> None:
    write(config, "contents = 1\nentries = 2\nthem = 3\n")
    with pytest.raises(BriefingError) as caught:
        load_settings()
    assert one_line(caught.value) == (f"{config}: them: unknown setting: did you mean "
                                      '"theme"? (settings: theme, contents, entries, '
                                      "animations, export_folder, keys) (and 2 more)")


def test_a_bad_entry_in_keys_is_left_out_and_reported_the_rest_apply(config: Path) -> None:
    write(config, """\
        theme = "nord"
        [keys]
        star = "x"
        note = 5
        next-quote = ""
        "bad id!" = "y"
        """)
    settings = load_settings()
    assert settings.theme == "nord" and dict(settings.keys) == {"star": "x"}
    assert settings.problems == (
        f'{config}: keys.note: must be a string of keys such as "n,j", not an integer '
        "(left out)",
        f'{config}: keys.next-quote: must name at least one key, such as "n,j" (left out)',
        f"{config}: keys.bad id!: is not a binding id (letters, digits and - only) (left out)",
    )


# --- writing -----------------------------------------------------------------------------

def test_the_first_change_creates_the_file(config: Path) -> None:
    assert not config.exists()
    settings = save_settings({"theme": "nord"})
    assert settings.theme == "nord"
    assert tomli.loads(config.read_text("utf-8")) == {"theme": "nord"}
    assert load_settings().theme == "nord"


def test_a_change_keeps_the_users_comments_layout_and_other_settings(config: Path) -> None:
    write(config, """\
        # My settings.
        theme = "gruvbox"   # the warm one
        contents = true

        [keys]
        # j moves on, as in my mail reader
        next-quote = "n,j"
        """)
    save_settings({"theme": "nord"})
    save_settings({"contents": False, "entries": False})
    assert config.read_text("utf-8") == textwrap.dedent("""\
        # My settings.
        theme = "nord"   # the warm one
        contents = false
        entries = false

        [keys]
        # j moves on, as in my mail reader
        next-quote = "n,j"
        """)
    assert load_settings() == Settings(theme="nord", contents=False, entries=False,
                                       keys={"next-quote": "n,j"})


def test_an_unusual_layout_is_rewritten_with_every_setting_kept(config: Path) -> None:
    write(config, 'theme = """\nnord"""\nanimations = true\n[keys]\nstar = "x"\n')
    save_settings({"theme": "gruvbox"})
    assert tomli.loads(config.read_text("utf-8")) == {"theme": "gruvbox", "animations": True,
                                                      "keys": {"star": "x"}}


def test_a_broken_file_is_never_written_over(config: Path) -> None:
    write(config, "them = 'nord'\n")
    before = config.read_bytes()
    with pytest.raises(WriteError) as caught:
        save_settings({"contents": False})
    assert str(caught.value) == (
        f"cannot write {config}: it has a problem ({config}: them: unknown setting: did you "
        'mean "theme"? (settings: theme, contents, entries, animations, export_folder, keys)); '
        "fix it and changes are saved again (it was left as it is)")
    assert config.read_bytes() == before


def test_a_read_only_folder_fails_plainly(config: Path) -> None:
    if os.geteuid() == 0:
        pytest.skip("root can write anywhere")
    config.parent.mkdir(parents=True)
    config.parent.chmod(0o500)
    try:
        with pytest.raises(WriteError, match="permission denied"):
            save_settings({"theme": "nord"})
    finally:
        config.parent.chmod(0o700)
    assert not config.exists()


def test_a_file_where_the_folder_should_be_fails_plainly(config: Path) -> None:
    config.parent.write_text("")
    with pytest.raises(WriteError) as caught:
        save_settings({"theme": "nord"})
    assert str(caught.value) == (f"cannot write {config.parent}: a file of that name is in "
                                 "the way (nothing was changed)")


WINDOW = """
import sys
from briefing.settings import save_settings
name = sys.argv[1]
for n in range(30):
    save_settings({name: n % 2 == 0})
"""


def test_two_windows_changing_settings_at_once_lose_nothing(config: Path) -> None:
    write(config, "# shared\n[keys]\nstar = 'x'\n")
    windows = [subprocess.Popen([sys.executable, "-c", WINDOW, name], env=os.environ.copy(),
                                stderr=subprocess.PIPE, text=True)
               for name in ("contents", "entries")]
    for window in windows:
        _, err = window.communicate(timeout=120)
        assert window.returncode == 0, err
    assert load_settings() == Settings(contents=False, entries=False, keys={"star": "x"})
    assert config.read_text("utf-8").startswith("# shared\n")
