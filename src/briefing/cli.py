"""The `briefing` command: open, validate, export, import, schema.

Heavy imports (pydantic, Textual) happen inside the command that needs them,
so `briefing --version` and `briefing --help` stay instant. Every failure on
bad input is one readable message on stderr and a non-zero exit, never a
traceback.
"""

from __future__ import annotations

import io
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from types import SimpleNamespace
from typing import TYPE_CHECKING, Any

from briefing import __version__

if TYPE_CHECKING:
    import argparse
    from datetime import date

    from briefing.archive import Archive, Hit, Progress
    from briefing.model import Briefing

COMMANDS = ("open", "validate", "export", "import", "search", "serve", "schema")

EPILOG = """\
examples:
  briefing                          open the bundled briefing
  briefing briefs/today.toml        read a briefing
  briefing briefs/                  choose from the briefings in a folder
  briefing validate briefs/*.toml   check files before you share them
  briefing validate briefs/         check every briefing in a folder
  briefing export today.toml -o today.md
  briefing import article.txt -o draft.toml
  briefing import https://example.org/news/story -o draft.toml
  briefing import https://example.org/feed.xml -o briefs/
  briefing search briefs/ "peace talks" --since 2022-03-01
  briefing serve briefs/            the library in a web browser, on 127.0.0.1:8000
  briefing schema > briefing.schema.json

A FILE named like a command (e.g. "export") can be opened as ./export.
"""


def build_parser() -> argparse.ArgumentParser:
    import argparse

    parser = argparse.ArgumentParser(
        prog="briefing",
        description="Read news briefings in the terminal: sections, quotes and figures "
        "anchored in the text.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"briefing {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    read = commands.add_parser("open", help="read a briefing, or choose one in a folder "
                               "(the default command)")
    read.add_argument("path", nargs="?", metavar="FILE|DIR",
                      help="a briefing file or a folder of them (default: the bundled briefing)")

    check = commands.add_parser(
        "validate", help="check briefing files and say what is wrong",
        description="Check briefing files. A FILE says ok, or every problem with its "
        "place. A DIR checks the *.toml files directly in it, as the library lists "
        "them (not its subfolders): one line per problem, then a count.")
    check.add_argument("files", nargs="+", metavar="FILE|DIR")

    export = commands.add_parser(
        "export", help="write a Markdown digest of a briefing, or of a folder's",
        description="Write a Markdown digest of a briefing. Of a DIR: one digest of every "
        "briefing in it and its subfolders (newest first), or of those of --since and "
        "--until days.")
    export.add_argument("path", nargs="?", metavar="FILE|DIR",
                        help="the briefing, or a folder of them (default: the bundled "
                        "briefing)")
    export.add_argument("-o", "--output", metavar="PATH|-", default="-",
                        help="where to write the digest (default: standard output)")
    export.add_argument("-f", "--force", action="store_true",
                        help="overwrite PATH if it exists")
    export.add_argument("--section", action="append", dest="sections", metavar="ID",
                        help="only this section (repeat for several)")
    what = export.add_mutually_exclusive_group()
    what.add_argument("--quotes-only", action="store_true", help="quotes, no figures")
    what.add_argument("--figures-only", action="store_true", help="figures, no quotes")
    export.add_argument("--starred", action="store_true",
                        help="only the quotes and figures you starred or noted in the reader")
    export.add_argument("--full-text", action="store_true",
                        help="include every paragraph of each section")
    export.add_argument("--no-state", action="store_true",
                        help="ignore your stars and notes")
    export.add_argument("--since", type=_day, metavar="YYYY-MM-DD",
                        help="of a DIR: the briefings of this day or later")
    export.add_argument("--until", type=_day, metavar="YYYY-MM-DD",
                        help="of a DIR: the briefings of this day or earlier")

    draft = commands.add_parser(
        "import", help="draft briefings from articles: text, web pages, links, feeds",
        description="Draft a briefing from each article. A SOURCE is a text or Markdown "
        "file, a saved web page, an http(s) link, an RSS or Atom feed (file or link), or - "
        "for standard input. One source makes one briefing (standard output or -o FILE); "
        "several, or a feed, make one per article in -o FOLDER, named from date and title. "
        "Articles whose link a briefing in FOLDER already has are skipped.")
    draft.add_argument("sources", nargs="+", metavar="SOURCE",
                       help="a file, a link, or - for standard input")
    draft.add_argument("-o", "--output", metavar="FILE|FOLDER|-", default="-",
                       help="where to write (default: standard output; a folder for "
                       "several articles or a feed)")
    draft.add_argument("-f", "--force", action="store_true",
                       help="overwrite FILE; in a folder, import again the articles it has")
    draft.add_argument("--article", action="store_true",
                       help="print the article as taken from the source (title line, "
                       "blank line, paragraphs) instead of a briefing")
    draft.add_argument("--timeout", type=_seconds, metavar="SECONDS", default=None,
                       help="give up on a link after SECONDS without an answer (default 20)")

    find = commands.add_parser(
        "search", help="search the text of every briefing in a folder and its subfolders",
        description="Search every briefing in DIR and its subfolders, newest first. Every "
        "word must be there; \"a phrase\" in quotation marks, and word* for every word it "
        "begins. The folder's index (in the user's data folder; BRIEFING_DATA_DIR moves it) "
        "is brought up to date first: only files that changed are read.")
    find.add_argument("folder", metavar="DIR")
    find.add_argument("query", metavar="QUERY", nargs="*",
                      help="the words to look for (in your notes too)")
    find.add_argument("--starred", action="store_true",
                      help="the quotes and figures you starred or noted in the reader, "
                      "newest first; with QUERY, those with its words (in the quote, the "
                      "note, the speaker or the title)")
    find.add_argument("--json", action="store_true", help="print the hits as JSON")
    find.add_argument("--speaker", metavar="NAME",
                      help="only quotes by a speaker whose name has NAME in it")
    find.add_argument("--source", metavar="SOURCE",
                      help="only briefings whose source has SOURCE in it")
    find.add_argument("--tag", metavar="TAG", help="only briefings with this tag")
    find.add_argument("--since", type=_day, metavar="YYYY-MM-DD",
                      help="only briefings of this day or later")
    find.add_argument("--until", type=_day, metavar="YYYY-MM-DD",
                      help="only briefings of this day or earlier")
    find.add_argument("--limit", type=_count, metavar="N", default=100,
                      help="at most N hits (default 100)")

    web = commands.add_parser(
        "serve", help="read a briefing, or a folder's library, in a web browser",
        description="Serve the app to web browsers: the same keys, mouse and themes; a digest "
        "exported there is a download. It listens on 127.0.0.1 (this machine only) unless "
        "--host names another address: there is no password, so anyone who can reach the "
        "address reads the briefings and uses the app. Ctrl+C stops it.")
    web.add_argument("path", nargs="?", metavar="FILE|DIR",
                     help="a briefing file or a folder of them (default: the bundled briefing)")
    web.add_argument("--port", type=_port, default=8000, metavar="N",
                     help="the port to listen on (default 8000)")
    web.add_argument("--host", default="127.0.0.1", metavar="H",
                     help="the address to listen on (default 127.0.0.1: this machine only)")

    commands.add_parser("schema", help="print the JSON Schema of the briefing format")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    # A message (a file name in `validate`'s "ok" line) never fails on an
    # encoding the terminal lacks: it is escaped, as Python does on stderr.
    if isinstance(sys.stdout, io.TextIOWrapper):
        sys.stdout.reconfigure(errors="backslashreplace")
    args_list = list(sys.argv[1:] if argv is None else argv)
    if not args_list or (args_list[0] not in COMMANDS and not args_list[0].startswith("-")):
        args_list.insert(0, "open")
    if args_list[0] == "open" and len(args_list) <= 2 and not any(
            arg.startswith("-") for arg in args_list):
        # `briefing [FILE]`, the reader's start-up path: what argparse would
        # make of it is plain, and importing and building it costs ~15 ms.
        args: argparse.Namespace | SimpleNamespace = SimpleNamespace(
            command="open", path=args_list[1] if len(args_list) == 2 else None)
    else:
        args = build_parser().parse_args(args_list)
    try:
        code = _run(args)
        # What is still buffered goes now, while a closed pipe can be caught,
        # not at exit, where Python would print "Exception ignored".
        sys.stdout.flush()
        return code
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # `briefing export | head`: the reader left; not an error worth a word.
        # Whatever is left unwritten goes to /dev/null, so the flush at exit
        # cannot fail again.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0


def _run(args: argparse.Namespace | SimpleNamespace) -> int:
    from briefing.errors import BriefingError

    handler = {
        "open": _open, "validate": _validate, "export": _export,
        "import": _import, "search": _search, "serve": _serve, "schema": _schema,
    }[args.command]
    try:
        return handler(args)
    except BrokenPipeError:
        raise  # an OSError too, but no failure: see main()
    except BriefingError as error:
        _fail(str(error))
        return 1
    except OSError as error:
        # A problem with a file we were asked to write or read, in plain words.
        _fail(_os_message(error))
        return 1


def _fail(message: str) -> None:
    from briefing.text import visible

    print(visible(message), file=sys.stderr)


def _os_message(error: OSError) -> str:
    from briefing.text import visible

    where = f"{visible(str(error.filename))}: " if error.filename else ""
    return f"briefing: {where}{error.strerror or error}"


def _briefing_path(path: str | None) -> Path:
    from briefing.resources import bundled_briefing

    return Path(path) if path else bundled_briefing()


def _open(args: argparse.Namespace | SimpleNamespace) -> int:
    from briefing.loader import read_briefing

    if _served():
        import signal

        # Ctrl+C in the server's terminal reaches its whole process group:
        # the server ends each browser's app itself, which then saves and quits.
        signal.signal(signal.SIGINT, signal.SIG_IGN)

    target = _briefing_path(args.path)
    if target.is_dir():
        if not _on_a_terminal():
            return _needs_a_terminal()
        from briefing.tui.app import run_library

        return run_library(target, **_settings())
    # Before Textual starts: a refusal is printed on a terminal left as it was
    # (a bad file is worth knowing about, terminal or not).
    briefing, remember = read_briefing(target, source=args.path or str(target))
    if not _on_a_terminal():
        return _needs_a_terminal()
    from briefing.tui.lasting import freeze_what_lasts

    # Before Textual's import, whose full collection would walk the briefing
    # (~15 ms at 10,000 quotes).
    freeze_what_lasts()
    from briefing.tui.app import run_reader

    try:
        return run_reader(briefing, target, **_settings())
    finally:
        if remember is not None:
            remember()  # after the reader, which need not wait for it


def _settings() -> dict[str, Any]:
    """The user's settings for the app, with their problems said on stderr
    too (where they stay after the reader closes); the app shows them again."""
    from briefing.settings import settings_in_force

    settings, problems = settings_in_force()
    for problem in problems:
        _fail(problem)
    return {"settings": settings, "problems": problems}


def _needs_a_terminal() -> int:
    # Textual would draw into a file or a pipe and wait for keys that never come.
    _fail("briefing: the reader needs a terminal; for the briefing as text, use "
          "`briefing export [FILE]` (a Markdown digest on standard output)")
    return 2


def _served() -> bool:
    """Started by `briefing serve` for a browser (with Textual's web driver)."""
    return os.environ.get("TEXTUAL_DRIVER", "").startswith("textual.drivers.web_driver")


def _on_a_terminal() -> bool:
    """Whether keys come from a terminal and the screen goes to one (Textual
    reads standard input and draws on standard error; standard output
    redirected means the user wants text, which `export` gives)."""
    if _served():
        return True  # keys and screen go through `briefing serve`
    for stream in (sys.stdin, sys.stdout, sys.stderr):
        try:
            if stream is None or not os.isatty(stream.fileno()):
                return False
        except (OSError, ValueError):  # closed, or not a real file
            return False
    return True


def _validate(args: argparse.Namespace) -> int:
    from briefing.errors import BriefingError
    from briefing.library import shown_name
    from briefing.loader import load_briefing
    from briefing.text import counted

    failed = 0
    for name in args.files:
        shown = shown_name(name)
        if os.path.isdir(name):
            failed += _validate_folder(Path(name), shown)
            continue
        try:
            briefing = load_briefing(name, source=shown)
        except BriefingError as error:
            failed += 1
            _fail(str(error))
            continue
        print(f"{shown}: ok ({counted(len(briefing.sections), 'section')}, "
              f"{counted(len(briefing.quotes), 'quote')}, "
              f"{counted(len(briefing.figures), 'figure')}){_to_check(briefing)}")
    return 1 if failed else 0


def _to_check(briefing: Briefing) -> str:
    """What a draft still asks of a person, for `validate`'s ok line."""
    from briefing.text import counted

    if not briefing.masthead.draft:
        return ""
    speakers = sum(q.speaker_inferred for q in briefing.quotes)
    labels = sum(f.label_inferred for f in briefing.figures)
    return (f"; a draft: check {counted(speakers, 'inferred speaker')} and "
            f"{counted(labels, 'inferred label')}, then delete `draft`")


def _validate_folder(folder: Path, where: str) -> int:
    """Every briefing the library would list in `folder`: one line per
    problem on stderr, a count on stdout. The number of files that failed
    (a folder with no briefing in it counts as one)."""
    from briefing.errors import MAX_PROBLEMS_SHOWN, BriefingError
    from briefing.library import ARTICLE_SUFFIXES, IMPORT_HINT, list_folder, shown_name
    from briefing.loader import load_briefing
    from briefing.text import counted

    try:
        listing = list_folder(folder)
    except OSError as error:
        _fail(f"{where}: cannot list this folder: {error.strerror or error}")
        return 1
    if not listing.briefings:
        if listing.articles:
            _fail(f"{where}: no briefings (*.toml) here, but "
                  f"{counted(len(listing.articles), 'article')} "
                  f"({', '.join(ARTICLE_SUFFIXES)}): {IMPORT_HINT}")
        else:
            _fail(f"{where}: no briefings (*.toml) here")
        return 1
    failed = 0
    for name in sorted(listing.briefings):
        source = shown_name(folder / name)
        try:
            load_briefing(folder / name, source=source)
        except BriefingError as error:
            failed += 1
            problems = error.problems
            for problem in problems[:MAX_PROBLEMS_SHOWN]:
                _fail(problem.line(source))
            if len(problems) > MAX_PROBLEMS_SHOWN:
                _fail(f"{source}: ... and {len(problems) - MAX_PROBLEMS_SHOWN} more")
    checked = len(listing.briefings)
    verdict = "all valid" if not failed else f"{failed:,} not valid"
    print(f"{where}: {counted(checked, 'briefing')} checked, {verdict}")
    return failed


def _export(args: argparse.Namespace) -> int:
    from briefing.digest import DigestOptions, render_digest
    from briefing.errors import BriefingError
    from briefing.loader import load_briefing

    target = _briefing_path(args.path)
    if target.is_dir():
        return _export_folder(args, target)
    if args.since is not None or args.until is not None:
        _fail("briefing: --since and --until are for a folder of briefings")
        return 2
    briefing = load_briefing(target, source=args.path or str(target), remember=True)
    state = None
    if not args.no_state:
        from briefing.state import load_state_for, state_key

        try:
            state = load_state_for(state_key(briefing, target))
        except BriefingError as error:
            # The digest is still worth having; say why the stars are missing.
            _fail(f"warning: your stars and notes were left out: {error.headline}")
    options = DigestOptions(
        sections=tuple(args.sections) if args.sections else None,
        quotes=not args.figures_only,
        figures=not args.quotes_only,
        starred_only=args.starred,
        full_text=args.full_text,
    )
    options.check(briefing, source=args.path or str(target))
    digest = render_digest(briefing, options, state)
    return _emit(digest, args.output, force=args.force)


def _export_folder(args: argparse.Namespace, folder: Path) -> int:
    """One digest of the folder's briefings (of the days asked), newest first."""
    from briefing.archive import Archive, ArchiveError
    from briefing.digest import DigestOptions
    from briefing.morning import briefings_of, morning_title, of_days, render_morning

    if args.sections:
        _fail("briefing: --section is for one briefing, not a folder")
        return 2
    try:
        with Archive.open(folder) as archive:
            _brought_up_to_date(archive, left_out="left out")
            entries = archive.entries()
    except ArchiveError as error:
        _fail(f"briefing: {error}")
        return 1
    chosen = [entry.name for entry in of_days(entries, args.since, args.until)]
    options = DigestOptions(quotes=not args.figures_only, figures=not args.quotes_only,
                            starred_only=args.starred, full_text=args.full_text)
    title = morning_title(folder.resolve().name or str(folder), args.since, args.until)
    briefings = briefings_of(folder, chosen, with_state=not args.no_state, say=_fail)
    return _emit(render_morning(briefings, title=title, options=options), args.output,
                 force=args.force)


def _seconds(text: str) -> float:
    import argparse

    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number of seconds: {text!r}") from None
    if not 0 < value <= 600:
        raise argparse.ArgumentTypeError("give between 0 and 600 seconds")
    return value


def _import(args: argparse.Namespace) -> int:
    from briefing.importing import ImportRequest, run_import

    return run_import(ImportRequest(sources=args.sources, output=args.output,
                                    force=args.force, article=args.article,
                                    timeout=args.timeout))


def _emit(text: str, output: str, *, force: bool) -> int:
    """Write to standard output, or atomically to a file that is not clobbered."""
    if output == "-":
        _write_document(text)
        return 0
    from briefing.files import write_atomic

    written = write_atomic(Path(output), text.encode("utf-8"), overwrite=force)
    from briefing.text import visible

    print(f"wrote {visible(str(written), one_line=True)}", file=sys.stderr)
    return 0


def _write_document(text: str) -> None:
    """A document (digest, draft, schema) on standard output.

    Redirected to a file or a pipe, it is the UTF-8 that `-o FILE` writes,
    whatever the locale or PYTHONIOENCODING says: Markdown, TOML and JSON
    files are UTF-8, and a digest with its quotation marks replaced by `?`
    would be a worse file. On a terminal it is shown in the terminal's own
    encoding, with any character the terminal cannot show escaped.
    """
    stream = sys.stdout
    buffer = getattr(stream, "buffer", None)
    if buffer is not None and not stream.isatty():
        stream.flush()
        buffer.write(text.encode("utf-8"))
        buffer.flush()
    else:
        stream.write(text)
        stream.flush()


def _day(text: str) -> date:
    import argparse
    from datetime import date

    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from None


def _count(text: str) -> int:
    import argparse

    if not (text.isascii() and text.isdigit()) or int(text) < 1:
        raise argparse.ArgumentTypeError(f"not a positive whole number: {text!r}")
    return int(text)


def _search(args: argparse.Namespace) -> int:
    from briefing.archive import Archive, ArchiveError
    from briefing.text import visible

    folder = Path(args.folder)
    if not folder.is_dir():
        _fail(f"briefing: {visible(args.folder, one_line=True)}: not a folder")
        return 1
    query = " ".join(args.query)
    if not args.starred and not query:
        _fail("briefing search: say what to look for (QUERY), or --starred")
        return 2
    try:
        with Archive.open(folder) as archive:
            _brought_up_to_date(archive, left_out="not searched")
            if args.starred:
                hits = _starred(archive, query, args)
                for problem in archive.mark_problems():
                    _fail(f"warning: stars and notes left out: {problem}")
            else:
                hits = archive.search(query, speaker=args.speaker, source=args.source,
                                      tag=args.tag, since=args.since, until=args.until,
                                      limit=args.limit)
    except ArchiveError as error:
        _fail(f"briefing: {error}")
        return 1
    if args.json:
        import json

        # ASCII: nothing a file holds can reach a terminal raw through it.
        print(json.dumps([_hit_json(hit) for hit in hits], indent=1))
    else:
        _print_hits(hits)
    if not hits:
        _fail("nothing starred or noted" if args.starred and not query else
              "no matches" if any(c.isalnum() for c in query) else "no words to look for")
    return 0


def _starred(archive: Archive, query: str, args: argparse.Namespace) -> list[Hit]:
    """The reader's marks with every word of the query (in the quote, the
    note, the speaker or the title), narrowed by the filters."""
    from briefing.archive import MAX_MARKS

    words = query.casefold().split()
    mastheads = {entry.name: entry for entry in archive.entries()} if (
        args.source or args.tag) else {}

    def wanted(hit: Hit) -> bool:
        masthead = mastheads.get(hit.file)
        return (hit.has_words(words)
                and (not args.speaker
                     or args.speaker.casefold() in (hit.speaker or "").casefold())
                and (not args.since or (hit.day is not None and hit.day >= args.since))
                and (not args.until or (hit.day is not None and hit.day <= args.until))
                and (not args.source or (masthead is not None and args.source.casefold()
                                         in masthead.source.casefold()))
                and (not args.tag or (masthead is not None
                                      and args.tag.lower() in masthead.tags)))

    return [hit for hit in archive.marked(limit=MAX_MARKS) if wanted(hit)][:args.limit]


def _brought_up_to_date(archive: Archive, *, left_out: str) -> None:
    """Update a folder's index, saying on stderr what was set aside, how far
    a long update is (on a terminal), and each file `left_out` ("not
    searched") because it is not a valid briefing."""
    from briefing.text import visible

    if archive.set_aside is not None:
        _fail(f"briefing: the archive's index was damaged or not ours; it was moved "
              f"to {visible(str(archive.set_aside), one_line=True)} and built again")
    report = archive.update(progress=_progress() if sys.stderr.isatty() else None)
    for _path, problem in report.broken:
        _fail(f"{problem} ({left_out})")


def _progress() -> Progress:
    """A count of the files looked at, on one line of stderr, for a long update."""
    import time

    started = time.monotonic()

    def show(done: int, total: int, _entry: object) -> None:
        if time.monotonic() - started > 0.5 and (done % 50 == 0 or done == total):
            end = "\n" if done == total else "\r"
            print(f"indexing {done:,}/{total:,}", end=end, file=sys.stderr, flush=True)

    return show


def _print_hits(hits: list[Hit]) -> None:
    """Each briefing once (day, file, title), then its hits in reading order."""
    from briefing.text import visible

    briefing: tuple[object, ...] | None = None
    for hit in hits:
        if (hit.path, hit.day) != briefing:
            briefing = (hit.path, hit.day)
            day = f"{hit.day:%Y-%m-%d}" if hit.day else "no date"
            print(f"{day}  {hit.path}\n  {visible(hit.title, one_line=True)}")
        speaker = f"{visible(hit.speaker, one_line=True)}: " if hit.speaker else ""
        star = "★ " if hit.starred else ""
        print(f"    {star}{visible(hit.place, one_line=True)}: {speaker}{hit.context}")
        if hit.note:
            print(f"      your note: {hit.note}")


def _hit_json(hit: Hit) -> dict[str, Any]:
    return {"file": hit.path, "title": hit.title,
            "day": hit.day.isoformat() if hit.day else None, "kind": hit.kind,
            "section": hit.section + 1 if hit.section >= 0 else None,
            "section_title": hit.section_title or None,
            "paragraph": hit.paragraph + 1 if hit.paragraph >= 0 else None,
            "start": hit.start, "end": hit.end, "speaker": hit.speaker,
            "context": hit.context, "starred": hit.starred, "note": hit.note or None}


def _port(text: str) -> int:
    import argparse

    if not (text.isascii() and text.isdigit()) or not 1 <= int(text) <= 65535:
        raise argparse.ArgumentTypeError(f"not a port (1 to 65535): {text!r}")
    return int(text)


def _serve(args: argparse.Namespace) -> int:
    from briefing.loader import load_briefing
    from briefing.serve import ServeError, check_address, serve, warning_for
    from briefing.text import visible

    target = _briefing_path(args.path)
    if target.is_dir():
        title = f"the library of {visible(target.resolve().name or str(target), one_line=True)}"
    else:
        # Refused here, before anyone connects, as `briefing FILE` refuses it.
        briefing = load_briefing(target, source=args.path or str(target), remember=True)
        title = visible(briefing.masthead.title, one_line=True)
    try:
        check_address(args.host, args.port)  # refused before any warning about it
        warning = warning_for(args.host)
        if warning is not None:
            _fail(warning)
        serve(target.resolve(), title, args.host, args.port)
    except ServeError as error:
        _fail(f"briefing serve: {error}")
        return 1
    return 0


def _schema(args: argparse.Namespace) -> int:
    import json

    from briefing.schema import BRIEFING

    _write_document(json.dumps(BRIEFING.json_schema(), indent=2, ensure_ascii=False) + "\n")
    return 0
