"""A web server on 127.0.0.1 for the import tests: pages, feeds, redirects,
slow, dripping, broken and oversized responses. Never the internet.

    with LocalWeb() as web:
        web.page("/story", html)                  # 200, text/html
        web.add("/feed", body, "application/rss+xml")
        web.redirect("/old", "/story")
        url = web.url("/story")

Every response that waits does so on the server's stop event, so stopping
the server ends it at once. `requests` counts the hits per path.
"""

from __future__ import annotations

import contextlib
import gzip
import threading
from collections import Counter
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

Handler = Callable[[BaseHTTPRequestHandler, threading.Event], None]


class LocalWeb:
    def __init__(self) -> None:
        self.routes: dict[str, Handler] = {}
        self.requests: Counter[str] = Counter()
        self.stopping = threading.Event()
        web = self

        class RequestHandler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self) -> None:
                path = self.path.split("?", 1)[0]
                web.requests[path] += 1
                handler = web.routes.get(path)
                if handler is None:
                    _send(self, 404, b"not here", "text/plain")
                    return
                with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                    handler(self, web.stopping)

            def log_message(self, *args: Any) -> None:
                pass

        class Server(ThreadingHTTPServer):
            def handle_error(self, request: Any, client_address: Any) -> None:
                pass  # a client that hangs up early is what several tests do

        self.server = Server(("127.0.0.1", 0), RequestHandler)
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, args=(0.05,),
                                       daemon=True)

    def __enter__(self) -> LocalWeb:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stopping.set()
        self.server.shutdown()
        self.server.server_close()

    def url(self, path: str) -> str:
        host, port = self.server.server_address[:2]
        return f"http://{host}:{port}{path}"

    # --- what the server can say ---------------------------------------------------

    def add(self, path: str, body: bytes | str, media_type: str = "text/html; charset=utf-8",
            *, status: int = 200, headers: dict[str, str] | None = None) -> None:
        data = body.encode("utf-8") if isinstance(body, str) else body
        self.routes[path] = lambda h, _: _send(h, status, data, media_type, headers)

    def page(self, path: str, html: str) -> None:
        self.add(path, html)

    def redirect(self, path: str, to: str, status: int = 302) -> None:
        self.routes[path] = lambda h, _: _send(h, status, b"", "text/plain",
                                                {"Location": to})

    def silent(self, path: str) -> None:
        """Accepts the request, then says nothing until the server stops."""
        self.routes[path] = lambda h, stop: stop.wait(30)

    def drip(self, path: str, body: bytes, every: float) -> None:
        """Sends the headers, then the body one byte every `every` seconds."""
        def handler(h: BaseHTTPRequestHandler, stop: threading.Event) -> None:
            h.send_response(200)
            h.send_header("Content-Type", "text/html")
            h.send_header("Content-Length", str(len(body)))
            h.end_headers()
            for byte in body:
                if stop.wait(every):
                    return
                h.wfile.write(bytes([byte]))
                h.wfile.flush()
        self.routes[path] = handler

    def broken(self, path: str, body: bytes) -> None:
        """Promises more bytes than it sends, then closes the connection."""
        def handler(h: BaseHTTPRequestHandler, _: threading.Event) -> None:
            h.send_response(200)
            h.send_header("Content-Type", "text/html")
            h.send_header("Content-Length", str(len(body) * 10))
            h.end_headers()
            h.wfile.write(body)
            h.wfile.flush()
            h.close_connection = True
        self.routes[path] = handler

    def claims_huge(self, path: str, size: int) -> None:
        """Announces `size` bytes and sends a few (the client should not wait for them)."""
        def handler(h: BaseHTTPRequestHandler, _: threading.Event) -> None:
            h.send_response(200)
            h.send_header("Content-Type", "text/html")
            h.send_header("Content-Length", str(size))
            h.end_headers()
            h.wfile.write(b"<html>")
            h.close_connection = True
        self.routes[path] = handler

    def endless(self, path: str) -> None:
        """Streams an unending page with no length, as fast as it is read."""
        def handler(h: BaseHTTPRequestHandler, stop: threading.Event) -> None:
            h.send_response(200)
            h.send_header("Content-Type", "text/html")
            h.send_header("Connection", "close")
            h.end_headers()
            chunk = b"<p>more and more text</p>" * 4000
            for _ in range(10_000):  # bounded: 1 GB at most, the client stops long before
                if stop.is_set():
                    return
                h.wfile.write(chunk)
            h.close_connection = True
        self.routes[path] = handler

    def gzip_bomb(self, path: str, size: int) -> None:
        """A small gzip body that inflates to `size` bytes."""
        data = gzip.compress(b"<p>" + b" " * size, compresslevel=9)
        self.add(path, data, headers={"Content-Encoding": "gzip"})


def _send(h: BaseHTTPRequestHandler, status: int, data: bytes, media_type: str,
          headers: dict[str, str] | None = None) -> None:
    h.send_response(status)
    h.send_header("Content-Type", media_type)
    h.send_header("Content-Length", str(len(data)))
    for name, value in (headers or {}).items():
        h.send_header(name, value)
    h.end_headers()
    h.wfile.write(data)
