"""`o` opens the briefing's source link in the browser, and only a web link.

The link is someone else's text: it is opened only when it is http or
https with a real host, shown exactly as written, and never handed to a
browser that would draw in the terminal under the app.
"""

from __future__ import annotations

import webbrowser
from collections.abc import Callable
from pathlib import Path

import pytest

from briefing.tui.app import BriefingApp
from briefing.tui.screens.reader import ReaderScreen
from conftest import make_app


class Browser:
    """Stands in for the user's browser: remembers what it was asked to open."""

    def __init__(self, name: str = "xdg-open") -> None:
        self.name = name
        self.opened: list[str] = []

    def open(self, url: str, new: int = 0, autoraise: bool = True) -> bool:
        self.opened.append(url)
        return True


@pytest.fixture
def browser(monkeypatch: pytest.MonkeyPatch) -> Browser:
    found = Browser()
    monkeypatch.setattr(webbrowser, "get", lambda using=None: found)
    return found


def said(app: BriefingApp) -> list[str]:
    return [str(notification.message) for notification in app._notifications]


async def press_o(path: Path) -> BriefingApp:
    app = make_app(path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert said(app) == []
        await pilot.press("o")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)  # still reading
    return app


async def test_o_opens_the_source_link_in_the_browser(
        browser: Browser, write_briefing: Callable[..., Path],
        briefing_text: Callable[..., str]) -> None:
    url = "https://www.reuters.com/world/europe/talks-2022-03-28/"
    app = await press_o(write_briefing(briefing_text(masthead=f"url = {url!r}")))
    assert browser.opened == [url]
    assert said(app) == [f"Opening {url}"]


async def test_without_a_url_o_says_there_is_none(browser: Browser) -> None:
    app = await press_o(Path(__file__).parents[2] / "briefs" /
                        "2022-03-28-putin-averse-to-compromise.toml")
    assert browser.opened == []
    assert said(app) == ["This briefing has no source link (no url in its [briefing] table)"]


@pytest.mark.parametrize(("url", "why"), [
    ("javascript:alert(document.cookie)", "only http and https links are opened, not "
                                          "javascript:"),
    ("file:///etc/passwd", "only http and https links are opened, not file:"),
    ("https://www.reuters.com@attacker.example/[b]x[/b]",
     "its host is hidden behind a user name (before the @)"),
    ("www.reuters.com/world", "it does not start with http:// or https://"),
    ("https://", "it names no host"),
])
async def test_anything_but_a_web_link_is_not_opened_and_shown_as_written(
        url: str, why: str, browser: Browser, write_briefing: Callable[..., Path],
        briefing_text: Callable[..., str]) -> None:
    app = await press_o(write_briefing(briefing_text(masthead=f"url = {url!r}")))
    assert browser.opened == []
    assert said(app) == [f"Not opened: {why}: {url}"]


async def test_markup_in_a_link_stays_text(browser: Browser,
                                           write_briefing: Callable[..., Path],
                                           briefing_text: Callable[..., str]) -> None:
    url = "https://example.org/[@click=app.quit]now[/]"
    app = await press_o(write_briefing(briefing_text(masthead=f"url = {url!r}")))
    assert browser.opened == [url]
    assert said(app) == [f"Opening {url}"]


@pytest.mark.parametrize("console", ["lynx", "/usr/bin/w3m", "www-browser"])
async def test_a_browser_that_draws_in_the_terminal_is_not_started_under_the_app(
        console: str, monkeypatch: pytest.MonkeyPatch, write_briefing: Callable[..., Path],
        briefing_text: Callable[..., str]) -> None:
    found = Browser(console)
    monkeypatch.setattr(webbrowser, "get", lambda using=None: found)
    url = "https://example.org/a"
    app = await press_o(write_briefing(briefing_text(masthead=f"url = {url!r}")))
    assert found.opened == []
    assert said(app) == [f"No web browser to open it in here. The link: {url}"]


async def test_no_browser_at_all_shows_the_link(monkeypatch: pytest.MonkeyPatch,
                                                write_briefing: Callable[..., Path],
                                                briefing_text: Callable[..., str]) -> None:
    def nothing(using: str | None = None) -> None:
        raise webbrowser.Error("could not locate runnable browser")

    monkeypatch.setattr(webbrowser, "get", nothing)
    url = "http://example.org/a"
    app = await press_o(write_briefing(briefing_text(masthead=f"url = {url!r}")))
    assert said(app) == [f"No web browser to open it in here. The link: {url}"]
