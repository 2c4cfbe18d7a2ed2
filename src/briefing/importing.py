"""`briefing import SOURCE...`: articles from files, pages, links and feeds to drafts.

Each SOURCE is a plain-text or Markdown article, a saved web page, an http
or https link, an RSS or Atom feed (file or link), or `-` for standard
input; what it is comes from its content and the server's headers
(`web.sniff`). One source makes one draft, written to standard output or
to `-o FILE`. Several sources, or a feed, make one draft per article in
`-o FOLDER`, each named from its date and title; a file already there is
never overwritten, and an article whose link a briefing in the folder
already has is skipped, so running the same feed again imports only what
is new. (The folder is the record: no state file.) `--force` imports those
again, over their files.

Links are fetched a few at a time; on a terminal a progress bar shows how
far it got, otherwise one line per article. A failure is one line naming
the source and never stops the others; the summary counts imported,
skipped and failed, and the exit status is 1 when any failed.

`--article` prints the article as the importer reads it (title line,
blank line, paragraphs), so a user can see and correct what was taken.
"""

from __future__ import annotations

import os
import queue
import sys
import threading
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import Future
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import IO, TYPE_CHECKING

from briefing.errors import BriefingError
from briefing.text import visible

if TYPE_CHECKING:
    import httpx

    from briefing.ingest.draft import Draft
    from briefing.web.extract import WebArticle
    from briefing.web.fetch import Limits

STDIN = "-"
FETCH_AT_ONCE = 4
MAX_NAME_CHARS = 80


@dataclass
class ImportRequest:
    sources: list[str]
    output: str = "-"
    force: bool = False
    article: bool = False
    timeout: float | None = None


@dataclass
class Loaded:
    """A source's bytes and what they are."""

    source: str            # as the user gave it (a path, a link, "-")
    name: str              # how messages name it
    kind: str              # web.sniff PAGE, FEED or TEXT
    data: bytes
    url: str | None = None
    charset: str | None = None
    media_type: str = ""
    path: str | None = None  # a local file


@dataclass
class Outcome:
    """What became of one article."""

    label: str
    draft: Draft | None = None
    error: str | None = None
    skipped: str | None = None
    warnings: list[str] = field(default_factory=list)
    url: str | None = None


def run_import(request: ImportRequest, *, stdout: IO[str] | None = None,
               stderr: IO[str] | None = None) -> int:
    """Carry out `briefing import`; `BriefingError` for a refusal of the whole command."""
    stdout = stdout or sys.stdout
    stderr = stderr or sys.stderr
    from briefing.web.fetch import Limits

    limits = Limits() if request.timeout is None else Limits(
        timeout=request.timeout, deadline=max(3 * request.timeout, request.timeout + 1))
    if request.sources.count(STDIN) > 1:
        raise BriefingError.single(STDIN, "standard input can be given only once")
    several = len(request.sources) > 1
    if request.article and several:
        raise BriefingError.single(request.sources[1], "--article shows one article: give "
                                   "one page, text file or link")
    into_folder = request.output not in ("-", "") and Path(request.output).is_dir()
    if not several and not (into_folder and not request.article):
        return _one(request, limits, stdout, stderr)
    return _many(request, limits, stderr)


# --- one source -------------------------------------------------------------------

def _one(request: ImportRequest, limits: Limits, stdout: IO[str], stderr: IO[str]) -> int:
    from briefing.web.sniff import FEED

    with _client(limits) as client:
        loaded = load(request.sources[0], client, limits)
        if loaded.kind == FEED:
            if request.article:
                raise BriefingError.single(loaded.name, "--article shows one article, and "
                                           "this is a feed: import it into a folder with -o")
            if request.output in ("-", ""):
                raise BriefingError.single(loaded.name, "a feed holds many articles: give a "
                                           "folder to write them to with -o FOLDER")
            return _many(request, limits, stderr, first=loaded, client=client)
    if request.article:
        text, warnings = article_text(loaded)
        _warn(stderr, warnings)
        return _emit(text, request.output, force=request.force, stdout=stdout, stderr=stderr)
    outcome = draft_of(loaded)
    _warn(stderr, outcome.warnings)
    assert outcome.draft is not None
    return _emit(outcome.draft.toml, request.output, force=request.force, stdout=stdout,
                 stderr=stderr)


def _emit(text: str, output: str, *, force: bool, stdout: IO[str], stderr: IO[str]) -> int:
    if output in ("-", ""):
        stdout.write(text)
        stdout.flush()
        return 0
    from briefing.files import write_atomic

    written = write_atomic(Path(output), text.encode("utf-8"), overwrite=force)
    print(f"wrote {visible(str(written), one_line=True)}", file=stderr)
    return 0


def _warn(stderr: IO[str], warnings: list[str]) -> None:
    for warning in warnings:
        print(visible(warning), file=stderr)


# --- loading a source -------------------------------------------------------------

def load(source: str, client: httpx.Client | None, limits: Limits) -> Loaded:
    """Read or fetch a source and tell what it is."""
    from briefing.web.fetch import fetch, is_link
    from briefing.web.sniff import NotAnArticle, kind_of

    if source == STDIN:
        name, data, media_type, url, charset, path = "<stdin>", _read_stdin(limits), "", None, \
            None, None
    elif is_link(source):
        assert client is not None
        fetched = fetch(source, client, limits)
        name, data, media_type = source, fetched.data, fetched.media_type
        url, charset, path = source, fetched.charset, None
    else:
        name, data, media_type, url, charset, path = source, _read_file(source, limits), "", \
            None, None, source
    try:
        kind = kind_of(data, media_type)
    except NotAnArticle as error:
        raise BriefingError.single(name, str(error)) from None
    return Loaded(source, name, kind, data, url, charset, media_type, path)


def _read_file(path: str, limits: Limits) -> bytes:
    from briefing.loader import read_bytes

    try:
        return read_bytes(path, source=path, limit=limits.max_bytes)
    except BriefingError as error:
        if "not a regular file" in str(error):
            raise BriefingError.single(path, "not a regular file: to import from a pipe, "
                                       "give - and send the article to standard input"
                                       ) from None
        if "is a folder" in str(error):
            raise BriefingError.single(path, "is a folder, not an article") from None
        raise


def _read_stdin(limits: Limits) -> bytes:
    stream = sys.stdin
    if stream is None:
        raise BriefingError.single("<stdin>", "no standard input to read")
    buffer = getattr(stream, "buffer", None)
    data = buffer.read(limits.max_bytes + 1) if buffer is not None else stream.read(
        limits.max_bytes + 1).encode("utf-8")
    if len(data) > limits.max_bytes:
        raise BriefingError.single("<stdin>", f"input is over the limit of "
                                   f"{limits.max_bytes // 1048576} MiB")
    return data


# --- one article: the text and the draft ------------------------------------------

def article_text(loaded: Loaded) -> tuple[str, list[str]]:
    """What `--article` prints: the article in the form the importer reads."""
    from briefing.web.sniff import PAGE

    if loaded.kind == PAGE:
        article = _web_article(loaded)
        return article.plain_text(), [f"{loaded.name}: {w}" for w in article.warnings]
    from briefing.ingest.article import parse_article

    cleaned = _clean_text(loaded)
    parsed = parse_article(cleaned.text, source=loaded.name)
    parts = [parsed.title]
    if parsed.standfirst:
        parts.append(parsed.standfirst)
    parts.extend(paragraph.text for paragraph in parsed.paragraphs)
    return "\n\n".join(parts) + "\n", [*cleaned.warnings, *parsed.notes]


def draft_of(loaded: Loaded, *, published: date | None = None) -> Outcome:
    """The draft briefing of a loaded page or text (not a feed); `published`
    is the date to use when the page gives none (a feed entry's)."""
    from briefing.ingest.draft import Masthead, draft_from_file, draft_from_text
    from briefing.web.sniff import PAGE

    if loaded.kind == PAGE:
        article = _web_article(loaded)
        masthead = Masthead(standfirst=article.standfirst, source=article.site,
                            published=article.published or published, url=article.url,
                            author=article.author)
        draft = draft_from_text(article.plain_text(), source=loaded.name, masthead=masthead)
        warnings = [f"{loaded.name}: {w}" for w in article.warnings]
        return Outcome(loaded.name, draft, warnings=[*warnings, *draft.warnings],
                       url=article.url)
    if loaded.path is not None and _is_text_size(loaded):
        draft = draft_from_file(loaded.path)  # keeps the date in a dated file name
    else:
        cleaned = _clean_text(loaded)
        masthead = Masthead(url=loaded.url, published=published)
        draft = draft_from_text(cleaned.text, source=loaded.name, masthead=masthead)
    return Outcome(loaded.name, draft, warnings=list(draft.warnings), url=loaded.url)


def _is_text_size(loaded: Loaded) -> bool:
    from briefing.ingest.reading import MAX_ARTICLE_BYTES

    if len(loaded.data) > MAX_ARTICLE_BYTES:
        raise BriefingError.single(loaded.name, f"file is over the limit of "
                                   f"{MAX_ARTICLE_BYTES // 1048576} MiB for a text article")
    return True


def _clean_text(loaded: Loaded):  # -> reading.CleanText
    from briefing.ingest.reading import MAX_ARTICLE_BYTES, clean
    from briefing.web.page import decode_page

    if len(loaded.data) > MAX_ARTICLE_BYTES:
        raise BriefingError.single(loaded.name, f"over the limit of "
                                   f"{MAX_ARTICLE_BYTES // 1048576} MiB for a text article")
    if loaded.url is None:
        return clean(loaded.data, source=loaded.name)  # a file: UTF-8, as the importer reads
    return clean(decode_page(loaded.data, charset=loaded.charset), source=loaded.name)


def _web_article(loaded: Loaded) -> WebArticle:
    from briefing.web.extract import extract_article

    return extract_article(loaded.data, source=loaded.name, url=loaded.url,
                           charset=loaded.charset)


# --- many articles into a folder --------------------------------------------------

@dataclass
class _Job:
    """One source or one feed entry to import, run in a worker."""

    label: str
    run: Callable[[], Outcome | Loaded]
    link: str | None = None


def _many(request: ImportRequest, limits: Limits, stderr: IO[str], *,
          first: Loaded | None = None, client: httpx.Client | None = None) -> int:
    """Import every source into the folder: a few at a time, each source in
    one job (fetch, extract, draft); a feed, once fetched, adds a job per
    entry. Drafts are written here, one at a time, in the order given."""
    from briefing.web.fetch import is_link

    folder = _folder(request.output)
    known = known_links(folder)
    report = _Report(stderr, folder)
    with _client(limits, client) as http, _Workers(FETCH_AT_ONCE) as pool:
        waiting: deque[tuple[_Job, Future[Outcome | Loaded]]] = deque()

        def submit(job: _Job) -> None:
            waiting.append((job, pool.submit(_guarded, job)))

        try:
            report.expect(len(request.sources))
            for source in request.sources:
                if is_link(source) and _normal(source) in known and not request.force:
                    report.skip(source, known[_normal(source)])
                elif first is not None and source == first.source:
                    submit(_Job(first.name, lambda: _article_or_feed(first), first.url))
                else:
                    submit(_Job(_label(source), lambda source=source: _article_or_feed(
                        load(source, http, limits)), source if is_link(source) else None))
            while waiting:
                job, future = waiting.popleft()
                result = future.result()
                if isinstance(result, Loaded):
                    for entry_job in _feed_jobs(result, request, limits, http, known, report):
                        submit(entry_job)
                else:
                    _settle(result, job, folder, known, request.force, report)
        except KeyboardInterrupt:
            pool.cancel()  # the workers are daemons: a fetch in flight does not hold the exit
            report.interrupted = True
            raise
        finally:
            report.close()
    return 1 if report.failed else 0


def _label(source: str) -> str:
    return "<stdin>" if source == STDIN else source


def _article_or_feed(loaded: Loaded) -> Outcome | Loaded:
    """A page's or a text's draft; a feed is handed back to be read."""
    from briefing.web.sniff import FEED

    return loaded if loaded.kind == FEED else draft_of(loaded)


def _feed_jobs(loaded: Loaded, request: ImportRequest, limits: Limits, http: httpx.Client,
               known: dict[str, Path], report: _Report) -> Iterator[_Job]:
    from briefing.web.feeds import read_feed

    try:
        feed = read_feed(loaded.data, source=loaded.name, url=loaded.url,
                         media_type=loaded.media_type)
    except BriefingError as error:
        report.fail(error.headline)
        return
    report.warn(feed.warnings)
    report.expect(len(feed.entries) - 1)  # the feed counted as one; its entries count now
    for number, entry in enumerate(feed.entries, start=1):
        label = entry.link or f"{loaded.name} (entry {number}: {entry.title or 'untitled'})"
        if entry.link and _normal(entry.link) in known and not request.force:
            report.skip(entry.link, known[_normal(entry.link)])
            continue
        if entry.link:
            yield _Job(label, lambda link=entry.link, entry=entry: _entry_from_link(
                link, entry, http, limits), entry.link)
        elif entry.content:
            yield _Job(label, lambda label=label, entry=entry: _entry_from_content(
                label, entry), None)
        else:
            report.fail(f"{visible(label, one_line=True)}: the entry has neither a link nor "
                        "any text")


def _entry_from_link(link: str, entry, http: httpx.Client, limits: Limits) -> Outcome:
    from briefing.web.sniff import FEED

    loaded = load(link, http, limits)
    if loaded.kind == FEED:
        raise BriefingError.single(link, "the feed's entry links to another feed; not "
                                   "followed")
    return draft_of(loaded, published=entry.published)


def _entry_from_content(label: str, entry) -> Outcome:
    """An entry with no link: its own HTML is the article."""
    from briefing.ingest.draft import Masthead, draft_from_text
    from briefing.web.extract import extract_article

    html = f"<html><head><title>{_escape(entry.title or '')}</title></head><body><article>" \
           f"{entry.content}</article></body></html>"
    article = extract_article(html.encode("utf-8"), source=label)
    if entry.title:
        article.title = entry.title
    masthead = Masthead(standfirst=article.standfirst, source=article.site,
                        published=entry.published or article.published, url=None,
                        author=article.author)
    draft = draft_from_text(article.plain_text(), source=label, masthead=masthead)
    return Outcome(label, draft, warnings=list(draft.warnings))


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _guarded(job: _Job) -> Outcome | Loaded:
    """Run a job in a worker; every failure becomes the outcome's one line."""
    try:
        return job.run()
    except BriefingError as error:
        return Outcome(job.label, error=error.headline, url=job.link)
    except OSError as error:
        return Outcome(job.label, error=f"{visible(job.label, one_line=True)}: "
                       f"{error.strerror or error}", url=job.link)
    except Exception as error:  # a bug in one article must not stop the others
        return Outcome(job.label, error=f"{visible(job.label, one_line=True)}: "
                       f"{_unexpected(error)}", url=job.link)


def _unexpected(error: Exception) -> str:
    text = str(error).strip().splitlines()
    return f"could not import ({type(error).__name__}{': ' + text[0][:160] if text else ''})"


def _settle(outcome: Outcome, job: _Job, folder: Path, known: dict[str, Path], force: bool,
            report: _Report) -> None:
    """Write an article's draft into the folder, or report why not."""
    from briefing.files import WriteError, write_atomic

    report.warn(outcome.warnings)
    if outcome.error is not None or outcome.draft is None:
        report.fail(outcome.error or f"{visible(job.label, one_line=True)}: no draft")
        return
    link = outcome.url or job.link
    previous = known.get(_normal(link)) if link else None
    if previous is not None and not force:
        # A saved page whose own link is already in the folder.
        report.skip(link or job.label, previous)
        return
    data = outcome.draft.toml.encode("utf-8")
    try:
        if previous is not None:
            written = write_atomic(previous, data, overwrite=True)
        else:
            written = _write_new(folder, file_stem(outcome.draft), data)
    except WriteError as error:
        report.fail(str(error))
        return
    except OSError as error:
        report.fail(f"{visible(str(folder), one_line=True)}: {error.strerror or error}")
        return
    if link:
        known[_normal(link)] = written
    report.imported(job.label, written)


def _write_new(folder: Path, stem: str, data: bytes) -> Path:
    """Write under `stem.toml`, or `stem-2.toml`, … : never over another file."""
    from briefing.files import WriteError, write_atomic

    for number in range(1, 1000):
        name = f"{stem}.toml" if number == 1 else f"{stem}-{number}.toml"
        try:
            return write_atomic(folder / name, data, overwrite=False)
        except WriteError as error:
            if error.kind != "exists":
                raise
    raise WriteError(folder / f"{stem}.toml", "a thousand files of that name already exist",
                     kind="exists")


def file_stem(draft: Draft) -> str:
    """`2019-11-18-title-in-words`: the date (when known) and the title."""
    from briefing.ingest.draft import slug

    table = draft.document.get("briefing", {})
    title_slug = slug(str(table.get("title", "")))[:MAX_NAME_CHARS].rstrip("-") or "article"
    published = table.get("published")
    if isinstance(published, date):
        return f"{published:%Y-%m-%d}-{title_slug}"
    return title_slug


def _folder(output: str) -> Path:
    if output in ("-", ""):
        raise BriefingError.single("-o", "several articles need a folder to go to: give "
                                   "-o FOLDER")
    folder = Path(output)
    if folder.exists() and not folder.is_dir():
        raise BriefingError.single(output, "several articles need a folder, and this is a "
                                   "file")
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        from briefing.files import write_error

        raise write_error(folder, error) from None
    return folder


def known_links(folder: Path) -> dict[str, Path]:
    """The links of the briefings already in `folder`: the record of what a
    feed already gave (a file that cannot be read is no record)."""
    from briefing.loader import decode, parse_toml, read_bytes

    known: dict[str, Path] = {}
    try:
        names = sorted(os.listdir(folder))
    except OSError:
        return known
    for name in names:
        if not name.endswith(".toml") or name.startswith("."):
            continue
        path = folder / name
        try:
            document = parse_toml(decode(read_bytes(path, source=str(path)), source=str(path)),
                                  source=str(path))
        except (BriefingError, OSError, ValueError, RecursionError):
            continue
        masthead = document.get("briefing")
        url = masthead.get("url") if isinstance(masthead, dict) else None
        if isinstance(url, str) and url:
            known.setdefault(_normal(url), path)
    return known


def _normal(url: str) -> str:
    """A link as compared for "already imported": without its #fragment."""
    return url.split("#", 1)[0].strip()


@contextmanager
def _client(limits: Limits, client: httpx.Client | None = None) -> Iterator[httpx.Client]:
    """An HTTP client for the command (made on first need: httpx is not
    imported for a local file), or the one already open."""
    if client is not None:
        yield client
        return
    holder = _LazyClient(limits)
    try:
        yield holder  # type: ignore[misc]
    finally:
        holder.close()


class _LazyClient:
    """Stands for an httpx.Client and makes it when a link is first fetched."""

    def __init__(self, limits: Limits) -> None:
        self._limits = limits
        self._client: httpx.Client | None = None
        self._lock = threading.Lock()

    def stream(self, *args, **kwargs):
        with self._lock:
            if self._client is None:
                from briefing.web.fetch import make_client

                self._client = make_client(self._limits)
        return self._client.stream(*args, **kwargs)

    def close(self) -> None:
        if self._client is not None:
            self._client.close()


class _Report:
    """Progress and the summary, on stderr: a bar on a terminal, one line per
    article otherwise; failures and warnings always as lines."""

    def __init__(self, stream: IO[str], folder: Path) -> None:
        self.stream = stream
        self.folder = folder
        self.imported_count = self.skipped = self.failed = 0
        self.total = 0
        self.interrupted = False
        self._progress = None
        self._task = None
        if _is_terminal(stream):
            from rich.console import Console
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

            console = Console(file=stream, highlight=False, markup=False, emoji=False)
            self._progress = Progress(TextColumn("importing"), BarColumn(),
                                      MofNCompleteColumn(), console=console, transient=True)
            self._progress.start()
            self._task = self._progress.add_task("import", total=0)

    def expect(self, count: int) -> None:
        self.total += count
        if self._progress is not None:
            self._progress.update(self._task, total=self.total)

    def _advance(self) -> None:
        if self._progress is not None:
            self._progress.advance(self._task)

    def _line(self, text: str) -> None:
        text = visible(text)
        if self._progress is not None:
            from rich.text import Text

            self._progress.console.print(Text(text))
        else:
            print(text, file=self.stream, flush=True)

    def imported(self, label: str, path: Path) -> None:
        self.imported_count += 1
        self._advance()
        if self._progress is None:
            self._line(f"imported {visible(label, one_line=True)} -> {path}")

    def skip(self, label: str, path: Path) -> None:
        self.skipped += 1
        self._advance()
        if self._progress is None:
            self._line(f"skipped {visible(label, one_line=True)}: already in {path}")

    def fail(self, message: str) -> None:
        self.failed += 1
        self._advance()
        self._line(f"failed: {visible(message, one_line=True)}")

    def warn(self, warnings: list[str]) -> None:
        for warning in warnings:
            self._line(warning)

    def close(self) -> None:
        if self._progress is not None:
            self._progress.stop()
            self._progress = None
        stopped = "interrupted: " if self.interrupted else ""
        print(f"{stopped}{self.imported_count} imported, {self.skipped} skipped, "
              f"{self.failed} failed (in {visible(str(self.folder), one_line=True)})",
              file=self.stream, flush=True)


def _is_terminal(stream: IO[str]) -> bool:
    try:
        return stream.isatty() and os.environ.get("TERM", "") != "dumb"
    except (AttributeError, ValueError):
        return False


class _Workers:
    """A few daemon threads that run jobs and hand back futures. Unlike a
    ThreadPoolExecutor's, they never hold up the exit after Ctrl+C: a fetch
    in flight would otherwise keep the command alive until its timeout."""

    def __init__(self, count: int) -> None:
        self._tasks: queue.SimpleQueue[tuple[Future, Callable, tuple] | None] = \
            queue.SimpleQueue()
        self._threads = [threading.Thread(target=self._work, daemon=True,
                                          name=f"briefing-import-{n}") for n in range(count)]
        for thread in self._threads:
            thread.start()

    def __enter__(self) -> _Workers:
        return self

    def __exit__(self, *exc: object) -> None:
        for _ in self._threads:
            self._tasks.put(None)

    def submit(self, function: Callable, *args: object) -> Future:
        future: Future = Future()
        self._tasks.put((future, function, args))
        return future

    def cancel(self) -> None:
        """Drop the jobs not started yet."""
        while True:
            try:
                task = self._tasks.get_nowait()
            except queue.Empty:
                return
            if task is not None:
                task[0].cancel()

    def _work(self) -> None:
        while True:
            task = self._tasks.get()
            if task is None:
                return
            future, function, args = task
            if not future.set_running_or_notify_cancel():
                continue
            try:
                future.set_result(function(*args))
            except BaseException as error:  # handed to the caller through the future
                future.set_exception(error)
