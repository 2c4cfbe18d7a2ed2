"""The `briefing` command: open, validate, export, import, schema.

Heavy imports (pydantic, Textual) happen inside the command that needs them,
so `briefing --version` and `briefing --help` stay instant. Every failure on
bad input is one readable message on stderr and a non-zero exit, never a
traceback.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from pathlib import Path
from types import SimpleNamespace
from typing import TYPE_CHECKING

from briefing import __version__

if TYPE_CHECKING:
    import argparse

COMMANDS = ("open", "validate", "export", "import", "schema")

EPILOG = """\
examples:
  briefing                          open the bundled briefing
  briefing briefs/today.toml        read a briefing
  briefing briefs/                  choose from the briefings in a folder
  briefing validate briefs/*.toml   check files before you share them
  briefing export today.toml -o today.md
  briefing import article.txt -o draft.toml
  briefing import https://example.org/news/story -o draft.toml
  briefing import https://example.org/feed.xml -o briefs/
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

    check = commands.add_parser("validate", help="check briefing files and say what is wrong")
    check.add_argument("files", nargs="+", metavar="FILE")

    export = commands.add_parser("export", help="write a Markdown digest of a briefing")
    export.add_argument("path", nargs="?", metavar="FILE",
                        help="the briefing (default: the bundled briefing)")
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
                        help="only the quotes and figures you starred in the reader")
    export.add_argument("--full-text", action="store_true",
                        help="include every paragraph of each section")
    export.add_argument("--no-state", action="store_true",
                        help="ignore your stars and notes")

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

    commands.add_parser("schema", help="print the JSON Schema of the briefing format")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
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
        return _run(args)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # `briefing export | head`: the reader left; not an error worth a word.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0


def _run(args: argparse.Namespace | SimpleNamespace) -> int:
    from briefing.errors import BriefingError

    handler = {
        "open": _open, "validate": _validate, "export": _export,
        "import": _import, "schema": _schema,
    }[args.command]
    try:
        return handler(args)
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
    from briefing.loader import load_briefing

    target = _briefing_path(args.path)
    if target.is_dir():
        from briefing.tui.app import run_library

        return run_library(target)
    # Before Textual starts: a refusal is printed on a terminal left as it was.
    briefing = load_briefing(target, source=args.path or str(target), remember=True)
    from briefing.tui.app import run_reader

    return run_reader(briefing, target)


def _validate(args: argparse.Namespace) -> int:
    from briefing.errors import BriefingError
    from briefing.loader import load_briefing
    from briefing.text import visible

    failed = 0
    for name in args.files:
        try:
            briefing = load_briefing(name)
        except BriefingError as error:
            failed += 1
            _fail(str(error))
            continue
        print(f"{visible(name, one_line=True)}: ok ({len(briefing.sections)} sections, "
              f"{len(briefing.quotes)} quotes, {len(briefing.figures)} figures)")
    return 1 if failed else 0


def _export(args: argparse.Namespace) -> int:
    from briefing.digest import DigestOptions, render_digest
    from briefing.errors import BriefingError
    from briefing.loader import load_briefing

    target = _briefing_path(args.path)
    briefing = load_briefing(target, source=args.path or str(target), remember=True)
    state = None
    if not args.no_state:
        from briefing.state import load_state_for

        try:
            state = load_state_for(target)
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
        sys.stdout.write(text)
        sys.stdout.flush()
        return 0
    from briefing.files import write_atomic

    written = write_atomic(Path(output), text.encode("utf-8"), overwrite=force)
    from briefing.text import visible

    print(f"wrote {visible(str(written), one_line=True)}", file=sys.stderr)
    return 0


def _schema(args: argparse.Namespace) -> int:
    import json

    from briefing.schema import BRIEFING

    print(json.dumps(BRIEFING.json_schema(), indent=2, ensure_ascii=False))
    return 0
