"""`briefing serve` in a browser: from navigation to the first readable frame
(the briefing's title and first paragraph on the page's terminal), beside
the minimal Textual app served the same way (textual-serve, same browser,
same page size), in the same run.

    python benchmarks/serve.py [--runs 7] [--json PATH]

Headless Chromium from the system's packages, driven by Playwright; the
screen is read back from the terminal bytes the page receives (pyte). Each
run is a new page, so each is an app started for it, as a reader's visit.
Every state, cache, config and data folder is a temporary one.
"""

from __future__ import annotations

import argparse
import json
import os
import shlex
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.parse
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pyte

from briefing.loader import load_briefing
from briefing.resources import bundled_briefing
from common import HERE, median

FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]
BUDGET = 1.5  # first readable frame, as a multiple of the minimal app's


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def start(argv: list[str], env: dict[str, str]) -> subprocess.Popen[str]:
    process = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                               text=True, env=env, start_new_session=True)
    assert process.stdout is not None
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:  # until it answers
        try:
            with socket.create_connection(("127.0.0.1", int(argv[-1])), timeout=0.2):
                return process
        except OSError:
            time.sleep(0.05)
    raise RuntimeError(f"{argv}: not serving after 30 s")


def first_frame(browser: Any, url: str, words: Sequence[str]) -> float:
    """Seconds from navigation until every one of `words` is on the screen."""
    page = browser.new_page(viewport={"width": 1280, "height": 760})
    screen: list[pyte.Screen] = []
    streams: list[pyte.ByteStream] = []

    def watch(websocket: Any) -> None:
        query = urllib.parse.parse_qs(urllib.parse.urlparse(websocket.url).query)
        screen.append(pyte.Screen(int(query["width"][0]), int(query["height"][0])))
        streams.append(pyte.ByteStream(screen[0]))
        websocket.on("framereceived",
                     lambda data: streams[0].feed(data) if isinstance(data, bytes) else None)

    page.on("websocket", watch)
    started = time.perf_counter()
    page.goto(url)
    while time.perf_counter() - started < 30:
        text = "\n".join(screen[0].display) if screen else ""
        if all(word in text for word in words):
            seconds = time.perf_counter() - started
            page.close()
            return seconds
        page.wait_for_timeout(5)
    page.close()
    raise RuntimeError(f"{url}: {words} not shown after 30 s")


def measure(runs: int, work: Path) -> dict[str, Any]:
    from playwright.sync_api import sync_playwright

    executable = shutil.which("chromium") or shutil.which("chromium-browser")
    if executable is None:
        raise SystemExit("serve.py: no Chromium here (apt-get install chromium)")
    env = {**os.environ, **{variable: str(work / name) for variable, name in (
        ("BRIEFING_STATE_DIR", "state"), ("BRIEFING_CACHE_DIR", "cache"),
        ("BRIEFING_CONFIG_DIR", "config"), ("BRIEFING_DATA_DIR", "data"))}}
    briefing = load_briefing(bundled_briefing())
    title, paragraph = briefing.masthead.title, briefing.sections[0].paragraphs[0]
    words = (title[:30], paragraph[:30])
    minimal = shlex.join(map(str, [sys.executable, HERE / "minimal_app.py", title, paragraph]))
    ours_port, floor_port = free_port(), free_port()
    servers = [
        start([sys.executable, "-m", "briefing", "serve", "--port", str(ours_port)], env),
        start([sys.executable, "-c", "import sys; from textual_serve.server import Server; "
               "Server(sys.argv[1], host='127.0.0.1', port=int(sys.argv[2])).serve()",
               minimal, str(floor_port)], env),
    ]
    ours: list[float] = []
    floor: list[float] = []
    home = Path(tempfile.mkdtemp(prefix="briefing-chromium-"))  # the browser's, not the user's
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=executable, headless=True, args=FLAGS,
                env={**os.environ, "HOME": str(home), "XDG_CONFIG_HOME": str(home / "config"),
                     "XDG_CACHE_HOME": str(home / "cache")})
            for round_ in range(runs + 1):  # the first round warms both up
                a = first_frame(browser, f"http://127.0.0.1:{ours_port}/", words)
                b = first_frame(browser, f"http://127.0.0.1:{floor_port}/", words)
                if round_:
                    ours.append(a)
                    floor.append(b)
            browser.close()
    finally:
        for server in servers:
            os.killpg(server.pid, signal.SIGINT)
            server.wait(15)
        shutil.rmtree(home, ignore_errors=True)
    return {"runs": runs, "briefing_ms": [s * 1000 for s in ours],
            "minimal_ms": [s * 1000 for s in floor],
            "ratio": median(ours) / median(floor)}


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="serve.py", description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=7, metavar="N",
                        help="pages opened for each app (default 7), after one to warm up")
    parser.add_argument("--json", type=Path, metavar="PATH", help="also write the results here")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="briefing-serve-") as work:
        results = measure(args.runs, Path(work))
    ours, floor = median(results["briefing_ms"]), median(results["minimal_ms"])
    verdict = "PASS" if results["ratio"] <= BUDGET else "FAIL"
    print(f"first readable frame in a browser: briefing {ours:.0f} ms, minimal app "
          f"{floor:.0f} ms = {results['ratio']:.2f}x  (budget {BUDGET})  {verdict}")
    if args.json:
        args.json.write_text(json.dumps(results, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
