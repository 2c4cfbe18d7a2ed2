"""Terminal safety end to end (issue 7, item 3).

A hostile but valid briefing (text that reads like markup, Markdown and
escape sequences, written with visible characters only) is opened by the
installed `briefing` command in a real terminal:

- in tmux, which honours what a real terminal would (window and pane titles,
  the clipboard via OSC 52 into tmux's paste buffers, the alternate screen):
  after reading and quitting, the pane title, the window name and the paste
  buffers are unchanged, the shell's screen is back as it was and the exit
  code is 0;
- in a pseudo-terminal read by pyte: a click on text that looks like
  `[@click=app.quit]` does nothing, and the app never writes a clipboard,
  title or hyperlink sequence.
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from terminal import Terminal

from conftest import FIXTURES, briefing_command

HOSTILE = FIXTURES / "terminal-hostile.toml"
MARKUP_LIKE = FIXTURES / "markup-like.toml"
# What the app must never write: set the clipboard (OSC 52), the window or
# icon title (OSC 0, 1, 2), a hyperlink (OSC 8).
FORBIDDEN_SEQUENCES = (b"\x1b]52", b"\x1b]0;", b"\x1b]1;", b"\x1b]2;", b"\x1b]8;")


def app_env(tmp_path: Path) -> dict[str, str]:
    return {"BRIEFING_STATE_DIR": str(tmp_path / "state"),
            "BRIEFING_CACHE_DIR": str(tmp_path / "cache")}


# --- tmux ----------------------------------------------------------------------------


class Tmux:
    """A tmux server of our own on a private socket, with one 120x40 pane."""

    def __init__(self, tmp_path: Path) -> None:
        self.socket = f"briefing-test-{os.getpid()}-{uuid.uuid4().hex[:8]}"
        # Not the tmux we may be running in, nor the user's configuration.
        self.env = {k: v for k, v in os.environ.items() if k not in ("TMUX", "TMUX_PANE")}
        self.env.update(HOME=str(tmp_path), PS1="$ ", ENV="")
        self.target = "safety"

    def __call__(self, *args: str) -> str:
        result = subprocess.run(["tmux", "-L", self.socket, *args], env=self.env,
                                capture_output=True, text=True, timeout=15)
        assert result.returncode == 0, f"tmux {' '.join(args)}: {result.stderr}"
        return result.stdout

    def start(self) -> None:
        self("-f", "/dev/null", "new-session", "-d", "-s", self.target, "-x", "120", "-y",
             "40", "/bin/sh")
        # Let a program set the clipboard (into a paste buffer) and rename the
        # window, as many terminals do, so the test sees it if the app tries.
        self("set-option", "-g", "set-clipboard", "on")
        self("set-option", "-g", "allow-rename", "on")
        self("set-option", "-g", "default-terminal", "tmux-256color")

    def kill(self) -> None:
        subprocess.run(["tmux", "-L", self.socket, "kill-server"], env=self.env,
                       capture_output=True, timeout=15)

    def keys(self, *keys: str, literal: bool = False) -> None:
        self("send-keys", "-t", self.target, *(["-l"] if literal else []), *keys)

    def screen(self) -> list[str]:
        """The visible pane, trailing blank lines and spaces dropped."""
        lines = [line.rstrip() for line in
                 self("capture-pane", "-p", "-t", self.target).split("\n")]
        while lines and not lines[-1]:
            lines.pop()
        return lines

    def show(self, fmt: str) -> str:
        return self("display-message", "-p", "-t", self.target, fmt).rstrip("\n")

    def wait_for(self, needle: str, timeout: float = 20.0, *, line_start: bool = False) -> bool:
        """Wait until `needle` is on the screen (with `line_start`: begins a line)."""
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            lines = self.screen()
            if any(line.startswith(needle) if line_start else needle in line for line in lines):
                return True
            time.sleep(0.1)
        return False


@contextmanager
def tmux_server(tmp_path: Path) -> Iterator[Tmux]:
    """A private tmux server, always killed. No tmux fails the test (it is
    not skipped): CI installs tmux."""
    if shutil.which("tmux") is None:
        pytest.fail("tmux is not installed: the terminal safety test needs it "
                    "(apt-get install tmux, or brew install tmux)")
    server = Tmux(tmp_path)
    try:
        server.start()
        yield server
    finally:
        server.kill()


def test_hostile_briefing_leaves_the_terminal_as_it_was(tmp_path: Path) -> None:
    with tmux_server(tmp_path) as tmux:
        check_terminal_unchanged(tmux, tmp_path)


def check_terminal_unchanged(tmux: Tmux, tmp_path: Path) -> None:
    tmux("select-pane", "-t", tmux.target, "-T", "known-pane-title")
    tmux("rename-window", "-t", tmux.target, "known-window")
    marker = f"MARKER-{uuid.uuid4().hex[:8]}"
    tmux.keys(f"printf 'MARKER-%s\\n' {marker[7:]}", "Enter")
    assert tmux.wait_for(marker, line_start=True), tmux.screen()

    env = " ".join(f"{k}={shlex.quote(v)}" for k, v in app_env(tmp_path).items())
    command = (f"{env} {shlex.quote(briefing_command())} {shlex.quote(str(HOSTILE))}; "
               "echo EXIT=$?")
    tmux.keys(command, literal=True)
    assert tmux.wait_for("echo EXIT="), tmux.screen()
    before = tmux.screen()  # the shell's screen, the command typed but not run
    tmux.keys("Enter")

    assert tmux.wait_for("ESC]52;c;aGVsbG8gd29ybGQ= BEL"), tmux.screen()
    assert "[@click=app.quit]" in "\n".join(tmux.screen())
    for key in ("n", "n", "f", "f", "/", "E", "S", "C", "]", "5", "2", "Escape", "?", "Escape"):
        tmux.keys(key)
        time.sleep(0.3)  # Escape needs a pause to be read as Escape, not Alt+key
    assert tmux.show("#{alternate_on}") == "1", "the app quit early"
    tmux.keys("q")
    assert tmux.wait_for("EXIT=", line_start=True), tmux.screen()

    after = tmux.screen()
    assert "EXIT=0" in after, after
    assert after[:len(before)] == before, (before, after)  # the screen came back
    assert marker in after
    title, window = tmux.show("#{pane_title}"), tmux.show("#{window_name}")
    assert title == "known-pane-title", f"the app set the title to {title!r}"
    assert window == "known-window", f"the app renamed the window to {window!r}"
    assert tmux("list-buffers") == "", "the app set the clipboard"


# --- a pseudo-terminal read by pyte ------------------------------------------------------


def find_on_screen(term: Terminal, needle: str) -> list[tuple[int, int]]:
    """(column, row) of each occurrence of ASCII `needle`, counted in cells
    (a wide character takes two)."""
    screen = term.screen
    found = []
    for y in range(screen.lines):
        row = screen.buffer[y]
        cells = "".join(row[x].data if len(row[x].data) == 1 else "\0"
                        for x in range(screen.columns))
        at = cells.find(needle)
        while at >= 0:
            found.append((at, y))
            at = cells.find(needle, at + 1)
    return found


def click(term: Terminal, x: int, y: int) -> None:
    """A left click in SGR mouse encoding (1-based cells)."""
    term.send(f"\x1b[<0;{x + 1};{y + 1}M")
    time.sleep(0.05)
    term.send(f"\x1b[<0;{x + 1};{y + 1}m")


def test_clicking_markup_like_text_does_nothing(tmp_path: Path) -> None:
    term = Terminal([briefing_command(), str(MARKUP_LIKE)], columns=160, lines=40,
                    env=app_env(tmp_path))
    try:
        tag = "[@click=app.quit]"
        assert term.wait_for(tag), term.text()
        term.read(0.5)  # let the first paint settle
        assert b"\x1b[?1006h" in term.raw, "the app did not turn on SGR mouse reporting"
        places = find_on_screen(term, tag)
        assert places, term.text()
        for x, y in places:
            # On the tag itself, and on the word after it (what a parsed
            # `[@click=...]word[/]` would have made clickable).
            for column in (x, x + 1, x + len(tag) - 1, x + len(tag), x + len(tag) + 2):
                click(term, column, y)
                term.read(0.1)
        assert term.wait_exit(timeout=1.0) is None, "a click on file text ended the app"
        assert tag in term.text()
        term.send("\x1b")  # back out of whatever the clicks focused
        term.read(0.5)
        term.send("q")
        assert term.wait_exit() == 0
    finally:
        term.close()
    assert_wrote_no_forbidden_sequence(term)


def assert_wrote_no_forbidden_sequence(term: Terminal) -> None:
    raw = bytes(term.raw)
    for sequence in FORBIDDEN_SEQUENCES:
        assert sequence not in raw, f"the app wrote {sequence!r}"


def test_clicks_do_reach_the_app(tmp_path: Path) -> None:
    """The control for the test above: the same clicks on the footer's own
    `Quit` do quit, so those clicks land where they are aimed."""
    term = Terminal([briefing_command(), str(MARKUP_LIKE)], columns=160, lines=40,
                    env=app_env(tmp_path))
    try:
        assert term.wait_for("[@click=app.quit]"), term.text()
        assert term.wait_for("q Quit"), term.text()  # the footer joins after the first frame
        term.read(0.5)
        footer = [(x, y) for x, y in find_on_screen(term, "q Quit") if y == term.screen.lines - 1]
        assert footer, term.text()
        x, y = footer[0]
        click(term, x + 2, y)
        assert term.wait_exit(timeout=5.0) == 0
    finally:
        term.close()


def test_hostile_briefing_writes_no_clipboard_title_or_link_sequence(tmp_path: Path) -> None:
    term = Terminal([briefing_command(), str(HOSTILE)], columns=120, lines=40,
                    env=app_env(tmp_path))
    try:
        assert term.wait_for("ESC]52;c;aGVsbG8gd29ybGQ= BEL"), term.text()
        for key in ("n", "n", "n", "f", "f", "f", "w", "\x1b", "?", "\x1b"):
            term.send(key)
            term.read(0.3)
        assert term.wait_exit(timeout=0.2) is None, "the app quit early"
        term.send("q")
        assert term.wait_exit() == 0
    finally:
        term.close()
    assert_wrote_no_forbidden_sequence(term)
