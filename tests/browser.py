"""`briefing serve` in a real browser, for the tests: the server in a process
of its own on 127.0.0.1, headless Chromium from the system's packages driven
by Playwright (never Playwright's own browser download), and the screen read
back from what the app sends: the page draws the terminal on a canvas, so
the websocket's terminal bytes are fed to pyte, as the pseudo-terminal tests
read the real app."""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.parse
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pyte

# As the system's Chromium is started on a machine with no network beyond
# its own: without these it tries Google's hosts at every start.
CHROMIUM_FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update",
                  "--disable-sync"]


def chromium() -> str | None:
    """The system's Chromium, if there is one (BRIEFING_TEST_CHROMIUM names another)."""
    named = os.environ.get("BRIEFING_TEST_CHROMIUM")
    if named:
        return named if Path(named).exists() else None
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    return None


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class Served:
    """A `briefing serve` process: its address and what it printed."""

    def __init__(self, process: subprocess.Popen[str], url: str, banner: str) -> None:
        self.process, self.url, self.banner = process, url, banner

    def stop(self, timeout: float = 10.0) -> int:
        """Ctrl+C, as a terminal sends it (to the server and every process it
        started); its exit code."""
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGINT)
        return self.process.wait(timeout)


@contextmanager
def served(*arguments: str, port: int | None = None, cwd: Path | None = None,
           address: str = "127.0.0.1") -> Iterator[Served]:
    """`briefing serve ARGUMENTS --port P` until it says where it serves;
    its page is asked for at `address`."""
    port = port or free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "briefing", "serve", *arguments, "--port", str(port)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=cwd,
        env={**os.environ, "PYTHONUNBUFFERED": "1"}, start_new_session=True)
    try:
        assert process.stdout is not None
        banner = process.stdout.readline()
        assert banner.startswith("Serving "), (banner, process.stderr and process.stderr.read())
        host = f"[{address}]" if ":" in address else address
        yield Served(process, f"http://{host}:{port}/", banner)
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(10)


class BrowserScreen:
    """The app's screen in a page, rebuilt from the terminal bytes the page
    receives; the meta messages (downloads, links) as they come."""

    def __init__(self) -> None:
        self.screen: pyte.Screen | None = None
        self.stream: pyte.ByteStream | None = None
        self.meta: list[list[Any]] = []

    def watch(self, websocket: Any) -> None:
        query = urllib.parse.parse_qs(urllib.parse.urlparse(websocket.url).query)
        self.screen = pyte.Screen(int(query["width"][0]), int(query["height"][0]))
        self.stream = pyte.ByteStream(self.screen)
        websocket.on("framereceived", self._received)
        websocket.on("framesent", self._sent)

    def _received(self, payload: str | bytes) -> None:
        if isinstance(payload, bytes):
            assert self.stream is not None
            self.stream.feed(payload)
        else:
            self.meta.append(json.loads(payload))

    def _sent(self, payload: str | bytes) -> None:
        if isinstance(payload, str) and payload.startswith('["resize"'):
            size = json.loads(payload)[1]
            assert self.screen is not None
            self.screen.resize(size["height"], size["width"])

    @property
    def lines(self) -> list[str]:
        return [line.rstrip() for line in self.screen.display] if self.screen else []

    @property
    def text(self) -> str:
        return "\n".join(self.lines)

    def reversed_text(self) -> str:
        """The characters drawn in reverse (or on the cursor's colours):
        what is highlighted, row by row."""
        if self.screen is None:
            return ""
        rows = []
        for y in range(self.screen.lines):
            row = self.screen.buffer[y]
            rows.append("".join(row[x].data for x in range(self.screen.columns)
                                if row[x].reverse))
        return "\n".join(row for row in rows if row.strip())


def wait_for(condition: Any, page: Any, seconds: float = 15.0) -> bool:
    """Let the page run until `condition()` holds (or the time is up)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        page.wait_for_timeout(50)
    return bool(condition())
