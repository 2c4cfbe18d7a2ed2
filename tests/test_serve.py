"""`briefing serve`: the reader and the library in a real browser (headless
Chromium from the system's packages, driven by Playwright), and the server's
own promises: 127.0.0.1 unless asked, a warning when asked, a clear refusal,
and Ctrl+C that stops it and the apps it started."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from briefing.loader import load_briefing
from briefing.resources import bundled_briefing
from browser import CHROMIUM_FLAGS, BrowserScreen, chromium, free_port, served, wait_for

TITLE = "Putin averse to Ukraine compromise"
FIRST_PARAGRAPH = "Ukraine and Russia prepared for their first face-to-face peace"
SOURCE_URL = "https://www.reuters.com/"


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    executable = chromium()
    if executable is None:
        pytest.skip("no Chromium here (install Debian's chromium, as .ci/run does, or set "
                    "BRIEFING_TEST_CHROMIUM)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.skip("Playwright is not installed (pip install '.[test]')")
    with sync_playwright() as playwright:
        # Its profile, settings and caches go to the test's folders, never the user's.
        home = tmp_path_factory.mktemp("chromium-home")
        launched = playwright.chromium.launch(
            executable_path=executable, headless=True,
            args=[*CHROMIUM_FLAGS, "--disable-popup-blocking"],
            env={**os.environ, "HOME": str(home), "XDG_CONFIG_HOME": str(home / "config"),
                 "XDG_CACHE_HOME": str(home / "cache")})
        yield launched
        launched.close()


def opened(browser: Any, url: str) -> tuple[Any, BrowserScreen]:
    """A new page at the server, its screen read back, once the app drew."""
    page = browser.new_page(viewport={"width": 1280, "height": 760}, accept_downloads=True)
    screen = BrowserScreen()
    page.on("websocket", screen.watch)
    page.goto(url)
    return page, screen


def focus(page: Any) -> None:
    """Where a reader clicks to type in the app (the terminal's own field)."""
    page.locator(".xterm-helper-textarea").focus()


def test_the_reader_in_a_browser_reads_moves_exports_opens_its_source_and_quits(
        browser: Any, tmp_path: Path) -> None:
    served_from = tmp_path / "served"
    served_from.mkdir()
    briefing = served_from / "today.toml"
    briefing.write_text(bundled_briefing().read_text(encoding="utf-8").replace(
        "[briefing]\n", f'[briefing]\nurl = "{SOURCE_URL}world/talks"\n', 1), encoding="utf-8")
    with served(str(briefing), cwd=tmp_path) as server:
        assert server.banner.startswith(f"Serving {TITLE}")
        assert "http://127.0.0.1:" in server.banner and "Ctrl+C stops" in server.banner
        page, screen = opened(browser, server.url)
        # The first frame has the title, the text and the keys, before any click.
        assert wait_for(lambda: FIRST_PARAGRAPH in screen.text and "Next quote" in screen.text,
                        page), screen.text
        assert screen.lines[0].strip().startswith(TITLE)
        assert screen.lines[-1].lstrip().startswith("n Next quote")
        first_quote = load_briefing(briefing).quotes_in_order[0].text
        assert first_quote[:20] not in screen.reversed_text()

        focus(page)
        page.keyboard.press("n")  # the first quote, highlighted where it is in the text
        assert wait_for(lambda: first_quote[:20] in screen.reversed_text(), page), screen.text

        page.keyboard.press("e")
        assert wait_for(lambda: "Export a Markdown digest" in screen.text, page), screen.text
        assert "enter downloads" in screen.text
        assert "today.md" in screen.text and str(served_from) not in screen.text
        with page.expect_download() as delivered:
            page.keyboard.press("Enter")
        download = delivered.value
        assert download.suggested_filename == "today.md"
        digest = Path(download.path()).read_text(encoding="utf-8")
        assert digest.startswith(f"# {TITLE}")
        # Nothing was written on the server: not beside the briefing, not where
        # it was started, not in the home folder the tests give it.
        assert sorted(p.name for p in served_from.iterdir()) == ["today.toml"]
        assert sorted(p.name for p in tmp_path.iterdir()) == ["served"]

        # The source in a new tab (the browser is told to allow it: a reader's
        # own browser may ask first, as for any tab a page opens); the page
        # is answered here, never fetched from the internet.
        page.context.route(f"{SOURCE_URL}**", lambda route: route.fulfill(
            body="<title>The source</title>", content_type="text/html"))
        with page.context.expect_page() as new_tab:
            page.keyboard.press("o")
        assert [m for m in screen.meta if m[0] == "open_url"][-1][1]["url"].startswith(SOURCE_URL)
        new_tab.value.wait_for_load_state()
        assert new_tab.value.url == f"{SOURCE_URL}world/talks"
        assert new_tab.value.title() == "The source"
        new_tab.value.close()

        page.keyboard.press("q")
        assert wait_for(lambda: page.locator("body.-closed").count() == 1, page)
        assert page.get_by_text("Session ended").is_visible()
        page.close()
        assert server.stop() == 0


def test_the_library_in_a_browser_opens_a_briefing_and_exports_its_day(
        browser: Any, tmp_path: Path) -> None:
    folder = tmp_path / "inbox"
    folder.mkdir()
    (folder / "today.toml").write_bytes(bundled_briefing().read_bytes())
    with served(str(folder)) as server:
        assert server.banner.startswith("Serving the library of inbox")
        page, screen = opened(browser, server.url)
        assert wait_for(lambda: "Library" in screen.text and TITLE[:20] in screen.text, page), \
            screen.text
        focus(page)
        page.keyboard.press("e")
        assert wait_for(lambda: "Export a digest of the 1 briefing of" in screen.text, page)
        with page.expect_download() as delivered:
            page.keyboard.press("Enter")
        assert delivered.value.suggested_filename == "briefings-2022-03-28.md"
        assert Path(delivered.value.path()).read_text(encoding="utf-8").startswith(
            "# Briefings in inbox of 28 March 2022")
        assert sorted(p.name for p in folder.iterdir()) == ["today.toml"]
        page.keyboard.press("Enter")  # the briefing, over the library
        assert wait_for(lambda: FIRST_PARAGRAPH in screen.text, page), screen.text
        page.close()
        assert server.stop() == 0


def _ipv6_loopback() -> bool:
    import socket

    try:
        with socket.socket(socket.AF_INET6) as probe:
            probe.bind(("::1", 0))
        return True
    except OSError:
        return False


@pytest.mark.skipif(not _ipv6_loopback(), reason="no IPv6 loopback here")
def test_an_ipv6_address_is_served_and_printed_in_brackets(browser: Any) -> None:
    port = free_port()
    with served("--host", "::1", port=port, address="::1") as server:
        assert f"on http://[::1]:{port} " in server.banner
        page, screen = opened(browser, server.url)
        assert wait_for(lambda: FIRST_PARAGRAPH in screen.text, page), screen.text
        page.close()
        assert server.stop() == 0


# --- the server itself (no browser needed) ------------------------------------------

def _listening_addresses(port: int) -> set[str]:
    """The local addresses a TCP port is listened on, from /proc (IPv4)."""
    found = set()
    for line in Path("/proc/net/tcp").read_text().splitlines()[1:]:
        local, state = line.split()[1], line.split()[3]
        address, _, port_hex = local.partition(":")
        if state == "0A" and int(port_hex, 16) == port:  # LISTEN
            found.add(".".join(str(int(address[i:i + 2], 16)) for i in (6, 4, 2, 0)))
    return found


@pytest.mark.skipif(not Path("/proc/net/tcp").exists(), reason="reads Linux's /proc")
def test_it_listens_on_this_machine_only_unless_asked_and_then_warns() -> None:
    port = free_port()
    with served(port=port) as server:
        assert _listening_addresses(port) == {"127.0.0.1"}
        assert server.stop() == 0
    port = free_port()
    with served("--host", "0.0.0.0", port=port) as server:
        assert _listening_addresses(port) == {"0.0.0.0"}
        assert server.stop() == 0
        warning = server.process.stderr.read() if server.process.stderr else ""
    assert "not only this machine" in warning and "no password" in warning


def test_ctrl_c_stops_the_server_and_the_app_a_browser_started(browser: Any,
                                                               tmp_path: Path) -> None:
    briefing = tmp_path / "marker-for-this-test.toml"
    briefing.write_bytes(bundled_briefing().read_bytes())

    def apps() -> list[str]:
        listed = subprocess.run(["ps", "-ww", "-eo", "args"], capture_output=True, text=True).stdout
        return [line for line in listed.splitlines() if "marker-for-this-test" in line
                and "-m briefing open" in line and not line.startswith("/bin/sh")]

    with served(str(briefing)) as server:
        page, screen = opened(browser, server.url)
        assert wait_for(lambda: FIRST_PARAGRAPH in screen.text, page)
        assert len(apps()) == 1  # the browser's app
        started = time.monotonic()
        assert server.stop() == 0
        assert time.monotonic() - started < 5
        assert "Traceback" not in (server.process.stderr.read() if server.process.stderr else "")
        page.close()
    deadline = time.monotonic() + 10
    while apps() and time.monotonic() < deadline:
        time.sleep(0.1)
    assert apps() == []


def test_a_briefing_that_is_not_valid_is_refused_before_anything_is_served(
        tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text("format = 1\n[briefing\n", encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "briefing", "serve", str(bad), "--port",
                           str(free_port())], capture_output=True, text=True, timeout=30)
    assert done.returncode == 1 and done.stdout == ""
    assert done.stderr.startswith(f"{bad}:2:") and "Traceback" not in done.stderr


def test_a_port_in_use_is_refused_in_one_line() -> None:
    import socket

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        done = subprocess.run([sys.executable, "-m", "briefing", "serve", "--port", str(port)],
                              capture_output=True, text=True, timeout=30,
                              env={**os.environ})
    assert done.returncode == 1
    assert done.stderr.strip() == (f"briefing serve: cannot listen on 127.0.0.1:{port}: "
                                   f"Address already in use")


@pytest.mark.parametrize(("typed", "expected"), [
    ("today.md", "today.md"),
    ("/etc/cron.d/evil", "evil.md"),  # no folder of the server's is named
    ("../../home/user/.bashrc", ".bashrc.md"),
    ("..\\..\\windows\\notes.txt", "notes.txt"),
    ("   ", "proposed.md"),
    ("..", "proposed.md"),
    ("a\x1b[31mred.md", "a\\x1b[31mred.md"),  # shown literally, never an escape
])
def test_a_download_is_named_by_its_file_name_only(typed: str, expected: str) -> None:
    from briefing.tui.digest_file import download_name

    assert download_name(typed, "proposed.md") == expected


@pytest.mark.parametrize(("arguments", "expected"), [
    (["--port", "²"], "argument --port: not a port (1 to 65535): '²'"),
    (["--port", "70000"], "argument --port: not a port (1 to 65535): '70000'"),
    (["--host", "no.such.host.invalid"], "briefing serve: cannot listen on no.such.host.invalid"),
])
def test_a_bad_port_or_host_is_refused_in_one_line_without_a_warning_first(
        arguments: list[str], expected: str) -> None:
    done = subprocess.run([sys.executable, "-m", "briefing", "serve", *arguments],
                          capture_output=True, text=True, timeout=30)
    assert done.returncode != 0 and done.stdout == ""
    last = done.stderr.strip().splitlines()[-1]
    assert expected in last and "Traceback" not in done.stderr
    assert "not only this machine" not in done.stderr
