"""The installed `briefing` command, started in a real pseudo-terminal."""

from __future__ import annotations

from pathlib import Path

from terminal import Terminal

from conftest import FIXTURES, briefing_command


def test_briefing_opens_the_bundled_briefing_and_quits(tmp_path: Path) -> None:
    term = Terminal([briefing_command()], columns=100, lines=30,
                    env={"BRIEFING_STATE_DIR": str(tmp_path)})
    try:
        assert term.wait_for("Ukraine and Russia were preparing"), term.text()
        text = term.text()
        assert "Putin averse to Ukraine compromise" in text
        assert "Quotes (17)" in text
        term.send("n")
        assert term.wait_for("“We are not trading people"), term.text()
        term.send("q")
        assert term.wait_exit() == 0
    finally:
        term.close()


def test_hostile_briefing_is_refused_before_the_app_starts(tmp_path: Path) -> None:
    hostile = tmp_path / "hostile.toml"
    hostile.write_text('format = 1\n[briefing]\ntitle = "x\\u001b]0;owned\\u0007"\n'
                       '[[sections]]\nid = "a"\ntitle = "A"\nparagraphs = ["p"]\n')
    term = Terminal([briefing_command(), str(hostile)], columns=100, lines=10)
    try:
        assert term.wait_exit() == 1
        output = bytes(term.raw).decode()
        assert "hostile.toml: briefing.title: U+001B ESCAPE at offset 1" in output
        assert "Traceback" not in output
        assert b"\x1b]0;owned" not in bytes(term.raw)
    finally:
        term.close()


def test_markup_like_briefing_reads_literally_in_a_terminal(tmp_path: Path) -> None:
    term = Terminal([briefing_command(), str(FIXTURES / "markup-like.toml")], columns=160,
                    lines=40, env={"BRIEFING_STATE_DIR": str(tmp_path)})
    try:
        assert term.wait_for("[@click=app.quit]quit[/] [sic]"), term.text()
        term.send("q")
        assert term.wait_exit() == 0
    finally:
        term.close()


def test_a_broken_settings_file_is_one_line_on_stderr_and_a_toast(tmp_path: Path) -> None:
    config = tmp_path / "config"
    config.mkdir()
    (config / "settings.toml").write_text("theme = 'nord\n", "utf-8")
    term = Terminal([briefing_command()], columns=120, lines=30,
                    env={"BRIEFING_STATE_DIR": str(tmp_path), "BRIEFING_CONFIG_DIR": str(config)})
    try:
        assert term.wait_for("Ukraine and Russia were preparing"), term.text()
        assert term.wait_for("the file is ignored until it is"), term.text()  # the toast
        term.send("q")
        assert term.wait_exit() == 0
        output = bytes(term.raw).decode()
        line = f"{config / 'settings.toml'}:2:1: TOML syntax"
        # Said on stderr before the reader took the screen, so it is still
        # there when the reader is closed.
        assert output.index(line) < output.index("\x1b[?1049h")
        assert "Traceback" not in output
    finally:
        term.close()


def test_the_briefing_is_remembered_once_the_reader_closes(tmp_path: Path) -> None:
    """Written after the reader, which does not wait for it; the next start
    reads it back and shows the same."""
    env = {"BRIEFING_STATE_DIR": str(tmp_path / "state"),
           "BRIEFING_CACHE_DIR": str(tmp_path / "cache")}
    remembered = tmp_path / "cache" / "briefings"
    for start in ("first", "again"):
        term = Terminal([briefing_command()], columns=100, lines=30, env=env)
        try:
            assert term.wait_for("Ukraine and Russia were preparing"), term.text()
            assert "Quotes (17)" in term.text()
            if start == "first":
                assert not remembered.exists()
            term.send("q")
            assert term.wait_exit() == 0
        finally:
            term.close()
        assert [p.suffix for p in remembered.iterdir()] == [".json"]
