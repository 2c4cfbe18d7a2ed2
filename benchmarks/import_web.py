"""Time `briefing import` on web pages and feeds served from 127.0.0.1.

    python benchmarks/import_web.py             # page, 50-item feed, hostile pages
    python benchmarks/import_web.py --runs 3

A web server on 127.0.0.1 serves the article-extraction benchmark's pages
(`../shared/corpus/extraction-benchmark`, or the five saved in
tests/fixtures/web when the corpus is absent) and an RSS feed of 50 of them.
Measured, each as a real `briefing import` process (start-up and imports
included), median of the runs:

- one page: `briefing import LINK` to standard output;
- the feed: `briefing import FEED -o FOLDER` into an empty folder (50
  fetches, four at a time, 50 extractions and drafts);
- the feed again into the same folder (all 50 skipped: the record check);

and, in this process, the extraction of hostile pages built at the
importer's bounds (20,000 elements of one shape each, 2 MiB of text, a 5,000-link
paragraph, a page nested 100,000 deep): each is refused or done in seconds.
"""

from __future__ import annotations

import argparse
import gzip
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "extraction-benchmark" / "html"
FIXTURES = ROOT / "tests" / "fixtures" / "web"
FEED_ITEMS = 50


def pages() -> dict[str, bytes]:
    folder = CORPUS if CORPUS.is_dir() else FIXTURES
    return {path.name.split(".")[0][:12]: gzip.decompress(path.read_bytes())
            for path in sorted(folder.glob("*.html.gz"))}


def serve(routes: dict[str, tuple[bytes, str]]) -> ThreadingHTTPServer:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self) -> None:
            body, media_type = routes.get(self.path, (b"not here", "text/plain"))
            self.send_response(200 if self.path in routes else 404)
            self.send_header("Content-Type", media_type)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True).start()
    return server


def timed(command: list[str]) -> tuple[float, str]:
    started = time.perf_counter()
    result = subprocess.run(command, capture_output=True, text=True, timeout=600)
    elapsed = time.perf_counter() - started
    if result.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(command)} failed:\n{result.stderr}")
    return elapsed, result.stderr.strip().splitlines()[-1] if result.stderr.strip() else ""


def hostile_pages() -> dict[str, bytes]:
    def page(body: str) -> bytes:
        return f"<html><head><title>Hostile</title></head><body><article>{body}</article>" \
               f"</body></html>".encode()

    sentence = "The river rose two metres overnight and closed the road, officials said."
    return {
        "20,000 headings and paragraphs": page(
            f"<h2>Heading</h2><p>{sentence}</p>" * 9_990),
        "20,000 table cells": page("<table>" + f"<tr><td>{sentence}</td></tr>" * 9_990
                                   + "</table>"),
        "20,000 blockquotes": page(f"<blockquote><p>{sentence}</p></blockquote>" * 6_660),
        "5,000 links in one paragraph": page(
            "<p>" + " ".join(f'<a href="/{n}">word</a>' for n in range(5_000)) + "</p>"
            + f"<p>{sentence}</p>"),
        "nested 100,000 deep": page("<div>" * 100_000 + f"<p>{sentence}</p>"
                                    + "</div>" * 100_000),
        "2 MiB of text in one paragraph": page("<p>" + "word " * 419_000 + "</p>"),
        "8 MiB of text in one paragraph": page("<p>" + "word " * 1_600_000 + "</p>"),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)

    corpus = pages()
    keys = list(corpus)[:FEED_ITEMS]
    routes = {f"/page/{key}": (corpus[key], "text/html; charset=utf-8") for key in corpus}
    server = serve(routes)
    base = f"http://127.0.0.1:{server.server_address[1]}"
    items = "".join(f"<item><title>{key}</title><link>{base}/page/{key}</link></item>"
                    for key in keys)
    routes["/feed.xml"] = (f'<?xml version="1.0"?><rss version="2.0"><channel><title>Bench'
                           f"</title>{items}</channel></rss>".encode(), "application/rss+xml")
    briefing = [sys.executable, "-m", "briefing", "import"]
    print(f"pages served: {len(corpus)}; feed: {len(keys)} items")

    one = [timed([*briefing, f"{base}/page/{keys[0]}"])[0] for _ in range(args.runs)]
    print(f"one page      median {statistics.median(one):6.2f} s  (min {min(one):.2f})")
    feed, again, summary = [], [], ""
    for _ in range(max(1, args.runs // 2)):
        with tempfile.TemporaryDirectory() as folder:
            elapsed, summary = timed([*briefing, f"{base}/feed.xml", "-o", folder])
            feed.append(elapsed)
            again.append(timed([*briefing, f"{base}/feed.xml", "-o", folder])[0])
    print(f"feed of {len(keys):>3}   median {statistics.median(feed):6.2f} s  ({summary})")
    print(f"feed again    median {statistics.median(again):6.2f} s  (all skipped)")
    server.shutdown()

    from briefing.errors import BriefingError
    from briefing.web.extract import extract_article

    print("hostile pages (in this process):")
    for name, data in hostile_pages().items():
        started = time.perf_counter()
        try:
            extract_article(data, source=name)
            what = "extracted"
        except BriefingError as error:
            what = "refused: " + str(error).split(": ", 1)[1][:60]
        print(f"  {name:<32} {time.perf_counter() - started:6.2f} s  {what}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
