"""`briefing serve`: the reader, or a folder's library, in a web browser.

textual-serve (the Textual team's server) runs `briefing open TARGET` for
each browser that connects, with Textual's web driver: the same app, keys,
mouse and themes, drawn by xterm.js in the page. There is no password, so
it listens on this machine only (127.0.0.1) unless another address is asked
for, and then says who can reach it. In the browser the app writes nothing
a reader chooses on the server: a digest becomes a download (see
`briefing.tui.digest_file`) and a theme lasts the session.

Nothing here imports Textual; textual-serve does not either.
"""

from __future__ import annotations

import asyncio
import shlex
import signal
import socket
import sys
from pathlib import Path
from typing import Any

LOOPBACK = frozenset({"127.0.0.1", "localhost", "::1"})


class ServeError(Exception):
    """Why it cannot serve, in one line for the user."""


def served_command(target: Path) -> str:
    """The shell command textual-serve runs for each browser (it runs it
    through a shell: every part is quoted)."""
    return shlex.join([sys.executable, "-m", "briefing", "open", str(target)])


def check_address(host: str, port: int) -> None:
    """Refuse at once, in plain words, an address that cannot be listened on
    (in use, not this machine's), rather than after the banner."""
    try:
        found = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as error:
        raise ServeError(f"cannot listen on {host}: {error.strerror}") from None
    family, kind, protocol, _name, address = found[0]
    with socket.socket(family, kind, protocol) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind(address)
        except OSError as error:
            raise ServeError(f"cannot listen on {host}:{port}: "
                             f"{error.strerror or error}") from None


def address_url(host: str, port: int) -> str:
    """The address to print for a host: an IPv6 one in brackets, and for
    "every address" (0.0.0.0, ::) this machine's own."""
    if host in ("0.0.0.0", ""):
        host = "127.0.0.1"
    elif host == "::":
        host = "::1"
    return f"http://[{host}]:{port}" if ":" in host else f"http://{host}:{port}"


def warning_for(host: str) -> str | None:
    """What to say when the server can be reached from other machines."""
    if host in LOOPBACK:
        return None
    return (f"briefing serve: listening on {host}, not only this machine: anyone who can "
            f"reach it reads these briefings and uses the app (there is no password)")


def serve(target: Path, title: str, host: str, port: int) -> None:
    """Serve until Ctrl+C (or SIGTERM). ServeError when it cannot."""
    try:
        from textual_serve.server import Server
    except ImportError:
        raise ServeError("briefing serve needs textual-serve: "
                         "pip install 'briefing[serve]'") from None
    check_address(host, port)

    sessions: set[asyncio.Task[object]] = set()  # one per browser connected

    class BriefingServer(Server):  # type: ignore[misc]
        def initialize_logging(self) -> None:
            import logging

            # Its own log is for its developers: one line per connection.
            logging.getLogger("textual-serve").setLevel(logging.WARNING)

        async def on_startup(self, app: object) -> None:
            pass  # the banner waits until the port is listened on (`serve` below)

        def serve(self, debug: bool = False) -> None:
            # As textual-serve's own (pinned 1.1.3), but the banner is printed
            # by aiohttp once the port is listened on, not at start-up before
            # it: a browser (or a test) told to connect then finds it open.
            from aiohttp import web

            self.debug = debug
            self.initialize_logging()
            loop = asyncio.new_event_loop()
            asyncio.set_event_loop(loop)
            loop.add_signal_handler(signal.SIGINT, self.request_exit)
            loop.add_signal_handler(signal.SIGTERM, self.request_exit)
            web.run_app(self._make_app(), host=self.host, port=self.port,
                        handle_signals=False, loop=loop, print=lambda *_: print(
                            f"Serving {title} on {address_url(host, port)} · Ctrl+C stops",
                            flush=True))

        async def handle_index(self, request: Any) -> Any:
            # The page names the server as the browser reached it (its Host):
            # right for [::1], for a name, and for 0.0.0.0 seen from elsewhere.
            self.public_url = f"{request.scheme}://{request.host}"
            return await super().handle_index(request)

        async def handle_websocket(self, request: Any) -> Any:
            session = asyncio.current_task()
            assert session is not None
            sessions.add(session)
            try:
                return await super().handle_websocket(request)
            finally:
                sessions.discard(session)

        async def on_shutdown(self, app: object) -> None:
            # Ctrl+C: each browser's session ends now (its app is told to
            # quit and waited for), not after the server's minute of grace.
            for session in list(sessions):
                session.cancel()

    server = BriefingServer(served_command(target), host=host, port=port,
                            title=f"briefing · {title}")
    try:
        server.serve()
    except OSError as error:
        raise ServeError(f"cannot listen on {host}:{port}: {error.strerror or error}") from None
    finally:
        # Stopped: a second Ctrl+C while Python shuts down has nothing to stop.
        signal.signal(signal.SIGINT, signal.SIG_IGN)
