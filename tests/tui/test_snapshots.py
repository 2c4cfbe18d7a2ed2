"""Screenshots of the screens users see most, compared with approved SVGs.

Update after an intended change with `pytest tests/tui --snapshot-update`
and look at the report before committing.
"""

from __future__ import annotations

from pathlib import Path

from briefing.resources import briefs_dir
from briefing.tui.app import BriefingApp
from conftest import make_app


def test_main_screen_80x24(snap_compare) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(make_app(), terminal_size=(80, 24))


def test_main_screen_120x40_after_next_quote(snap_compare) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(make_app(), terminal_size=(120, 40), press=["n", "n", "f"])


def test_help_screen(snap_compare) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(make_app(), terminal_size=(100, 40), press=["question_mark"])


def test_library(snap_compare, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.chdir(tmp_path)  # the title names the folder as given
    folder = Path("library")
    folder.mkdir()
    for source in briefs_dir().glob("*.toml"):
        (folder / source.name).write_bytes(source.read_bytes())
    (folder / "broken.toml").write_text('format = 1\n[briefing]\ntitle = "Broken"\n')

    async def loaded(pilot) -> None:  # type: ignore[no-untyped-def]
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()

    assert snap_compare(BriefingApp(folder=folder), terminal_size=(100, 24),
                        run_before=loaded)


def test_main_screen_light_theme(snap_compare) -> None:  # type: ignore[no-untyped-def]
    async def light(pilot) -> None:  # type: ignore[no-untyped-def]
        pilot.app.theme = "textual-light"
        await pilot.press("n", "f")

    assert snap_compare(make_app(), terminal_size=(120, 40), run_before=light)


def test_export_dialog_with_its_choices(snap_compare, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("HOME", "/home/reader")  # the bundled briefing's digest goes home
    assert snap_compare(make_app(), terminal_size=(100, 30),
                        press=["e", "tab", "space"])
