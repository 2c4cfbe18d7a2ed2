"""Fetch a link with httpx, within limits, or say in one line why not.

Only http and https. Every wait is bounded: connecting, each read, and the
whole transfer (a server that drips a byte a second is cut off at the
deadline). The body is bounded too: a `Content-Length` over the limit is
refused before reading, and the body is counted as it arrives and as it is
decompressed (we ask for gzip or deflate only and decompress ourselves, in
bounded steps, so a small compressed bomb cannot become gigabytes).
Redirects are followed up to a limit. The charset comes from the headers
here, and from the page itself in `page.decode_page`.
"""

from __future__ import annotations

import socket
import ssl
import time
import zlib
from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from briefing import __version__
from briefing.errors import BriefingError
from briefing.web.page import MAX_PAGE_BYTES

if TYPE_CHECKING:
    import httpx

TIMEOUT_SECONDS = 20.0
# The whole transfer, however the server paces it.
DEADLINE_SECONDS = 60.0
MAX_REDIRECTS = 5
USER_AGENT = f"briefing/{__version__} (news briefing importer)"
ACCEPT = ("text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,"
          "application/xml;q=0.9,text/plain;q=0.8,*/*;q=0.5")


@dataclass(frozen=True)
class Limits:
    timeout: float = TIMEOUT_SECONDS
    deadline: float = DEADLINE_SECONDS
    max_bytes: int = MAX_PAGE_BYTES
    max_redirects: int = MAX_REDIRECTS


@dataclass
class Fetched:
    """A response body and what the headers said about it."""

    url: str          # the link as given
    final_url: str    # where the redirects ended
    media_type: str   # "text/html", without parameters; "" when not given
    charset: str | None
    data: bytes


def is_link(text: str) -> bool:
    """Whether a SOURCE argument is meant as a link (any scheme://)."""
    scheme, sep, _ = text.partition("://")
    return bool(sep) and scheme.isascii() and scheme.isalpha() and len(scheme) <= 10


def check_link(url: str) -> None:
    """Refuse what is not an http or https link, before any network use."""
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https"):
        raise BriefingError.single(url, f"only http and https links can be imported, not "
                                   f"{parts.scheme or 'this'}")
    if not parts.hostname:
        raise BriefingError.single(url, "not a valid link: it names no host")


def make_client(limits: Limits = Limits()) -> httpx.Client:
    import httpx

    return httpx.Client(
        follow_redirects=True, max_redirects=limits.max_redirects,
        timeout=httpx.Timeout(limits.timeout),
        headers={"User-Agent": USER_AGENT, "Accept": ACCEPT,
                 "Accept-Encoding": "gzip, deflate"},
        # A user's proxy settings are theirs to have; a .netrc is not read.
        trust_env=True,
    )


def fetch(url: str, client: httpx.Client, limits: Limits = Limits()) -> Fetched:
    """The body at `url`; `BriefingError` (one line, naming the link) on any failure."""
    import httpx

    check_link(url)
    started = time.monotonic()
    try:
        with client.stream("GET", url) as response:
            _check_status(url, response)
            declared = response.headers.get("content-length", "")
            if declared.isdigit() and int(declared) > limits.max_bytes:
                raise _too_large(url, limits)
            data = _read(url, response, limits, started)
            return Fetched(url, str(response.url), _media_type(response),
                           response.charset_encoding, data)
    except BriefingError:
        raise
    except httpx.TooManyRedirects:
        raise BriefingError.single(url, f"more than {limits.max_redirects} redirects") from None
    except httpx.UnsupportedProtocol:
        raise BriefingError.single(url, "redirected to a link that is not http or https") from None
    except httpx.InvalidURL as error:
        raise BriefingError.single(url, f"not a valid link: {error}") from None
    except httpx.TimeoutException:
        raise BriefingError.single(url, f"timed out: no answer within {limits.timeout:g} s"
                                   ) from None
    except httpx.ConnectError as error:
        raise BriefingError.single(url, _connect_problem(url, error)) from None
    except httpx.RemoteProtocolError:
        raise BriefingError.single(url, "the server broke the connection or sent a malformed "
                                   "response") from None
    except httpx.HTTPError as error:
        raise BriefingError.single(url, f"could not fetch: {_first_line(error)}") from None


def _check_status(url: str, response: httpx.Response) -> None:
    if response.status_code >= 400:
        phrase = response.reason_phrase or ""
        raise BriefingError.single(url, f"the server answered {response.status_code} "
                                   f"{phrase}".rstrip())
    if response.status_code >= 300:  # a redirect without a Location
        raise BriefingError.single(url, f"the server answered {response.status_code} without "
                                   "saying where to go")


def _read(url: str, response: httpx.Response, limits: Limits, started: float) -> bytes:
    encoding = response.headers.get("content-encoding", "").strip().lower()
    if encoding in ("", "identity"):
        inflate = None
    elif encoding in ("gzip", "x-gzip", "deflate"):
        # 47: a gzip or zlib header, detected; raw deflate is tried below.
        inflate = zlib.decompressobj(47)
    else:
        raise BriefingError.single(url, f"the server sent the page compressed as {encoding!r}, "
                                   "which is not supported")
    chunks: list[bytes] = []
    size = 0
    for raw in response.iter_raw():  # each piece as it arrives: the deadline is checked
        if time.monotonic() - started > limits.deadline:
            raise BriefingError.single(url, f"timed out: the page took more than "
                                       f"{limits.deadline:g} s to arrive")
        pieces = [raw] if inflate is None else _inflate(url, inflate, raw, limits.max_bytes - size)
        for piece in pieces:
            size += len(piece)
            if size > limits.max_bytes:
                raise _too_large(url, limits)
            chunks.append(piece)
    if inflate is not None:
        tail = inflate.flush()
        size += len(tail)
        if size > limits.max_bytes:
            raise _too_large(url, limits)
        chunks.append(tail)
    return b"".join(chunks)


def _inflate(url: str, inflate, data: bytes, room: int) -> list[bytes]:
    """Decompress `data`, never producing more than `room` + 1 bytes at once."""
    out = []
    try:
        while data:
            piece = inflate.decompress(data, max(room, 0) + 1)
            out.append(piece)
            room -= len(piece)
            if room < 0:
                break
            data = inflate.unconsumed_tail
    except zlib.error:
        raise BriefingError.single(url, "the server sent a broken compressed page") from None
    return out


def _too_large(url: str, limits: Limits) -> BriefingError:
    return BriefingError.single(url, f"too large: over the limit of "
                                f"{limits.max_bytes / 1048576:g} MiB")


def _media_type(response: httpx.Response) -> str:
    return response.headers.get("content-type", "").split(";")[0].strip().lower()


def _connect_problem(url: str, error: Exception) -> str:
    host = urlsplit(url).hostname or url
    cause: BaseException | None = error
    seen = 0
    while cause is not None and seen < 10:
        if isinstance(cause, socket.gaierror):
            return f"name not found: {host}"
        if isinstance(cause, ConnectionRefusedError):
            return f"connection refused by {host}"
        if isinstance(cause, ssl.SSLError):
            return f"secure connection failed: {_first_line(cause)}"
        cause = cause.__cause__ or cause.__context__
        seen += 1
    text = str(error)
    if "Name or service not known" in text or "nodename nor servname" in text or (
            "getaddrinfo" in text) or "No address associated" in text:
        return f"name not found: {host}"
    if "refused" in text.lower():
        return f"connection refused by {host}"
    return f"could not connect to {host}: {_first_line(error)}"


def _first_line(error: BaseException) -> str:
    text = str(error).strip() or type(error).__name__
    return text.splitlines()[0][:200]
