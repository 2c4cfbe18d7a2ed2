"""UI stalls while the reader restores a saved position and while it searches.

    python benchmarks/stalls.py restore FILE [--at 0.9]
    python benchmarks/stalls.py search FILE [--word WORD] [--cadence 150]
    python benchmarks/stalls.py starred FILE [--stars 50]
    python benchmarks/stalls.py idle

Each prints one line of JSON. A probe task in the app's own event loop
(started before the app, so before its screen mounts) wakes every
millisecond; the gap between two wake-ups is how long the UI could not run.

- restore: a position saved at a quote `--at` (a fraction) into the file
  (`save_state` in a private state folder), the reader started headless as
  the CLI starts it; from the first loop turn after the reader screen is
  mounted until that quote is the screen's current one, plus 200 ms for
  the frames that follow: the largest gap and the time to the restore.
- search: `/`, then WORD typed one key every `--cadence` ms; for each key,
  the time until the search bar's status shows that prefix's match count
  (counted here, independently), and the largest gap from the first key
  until the last results show (plus 200 ms).
- starred: `--stars` quotes spread through the file starred in the saved
  state, the reader started as for restore; first the largest gap from
  the first frame until what joins after it (the contents pane) is
  there, plus 200 ms (`start_stall_ms`); then `*`: the
  time until the Quotes pane's title shows the starred count
  (`starred_ms`) and the largest gap from the key to that, plus 200 ms
  (`starred_stall_ms`). The `_busy_ms` figures are the CPU time the UI
  thread spent in the largest of those gaps: the stall without the time
  spent waiting for a busy machine's cores.
- idle: the minimal app, 500 ms after mount: the largest gap with nothing
  to do, the machine's own noise (the floor of both stalls).

Only keys, the status text and the screen's public `briefing` and `quote`
attributes are looked at, so the figures mean the same whether the reader
does this work on the UI thread or in a worker.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import re
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import minimal_app
from common import COLUMNS, LINES, Measurement, Subject, median, private_folders, run_worker
from loop_probe import LoopProbe, current_screen

TAIL = 0.2  # s watched after the restore or the last results: the frames that follow
TIMEOUT = 5.0  # s to wait for a restore or a key's results before giving up
# The search bar shows at most this many matches ("10,000+"); a word's
# first letter usually matches more.
SHOWN_MATCHES = 10_000


# --- restore ---------------------------------------------------------------------------

async def restore(path: Path, at: float) -> dict[str, Any]:
    from briefing.loader import load_briefing
    from briefing.state import ReaderState, entry_key, save_state, state_key
    from briefing.tui.app import reader_app

    briefing = load_briefing(path, source=str(path), remember=True)  # as the CLI loads it
    quotes = briefing.quotes_in_order
    index = min(len(quotes) - 1, max(0, round((len(quotes) - 1) * at)))
    quote = quotes[index]
    key = entry_key(quote)
    save_state(state_key(briefing, path),
               ReaderState().at(briefing.sections[quote.anchor.section].id, key))
    app = reader_app(briefing, path)
    moments: dict[str, float] = {}
    seen: list[object] = [None]  # the last current quote looked at (hashing it costs)

    def on_tick(now: float) -> None:
        screen = current_screen(app)
        if getattr(screen, "briefing", None) is not briefing:
            return  # not the reader screen yet
        if "mounted" not in moments:
            if screen.is_mounted:
                moments["mounted"] = now
            return
        current = getattr(screen, "quote", None)  # the quote highlighted in the text
        if "restored" not in moments and current is not None and current is not seen[0]:
            seen[0] = current
            if entry_key(current) == key:
                moments["restored"] = now

    probe = LoopProbe(on_tick)
    task = asyncio.create_task(probe.run())
    async with app.run_test(size=(COLUMNS, LINES)):
        end = time.perf_counter() + TIMEOUT
        while "restored" not in moments and time.perf_counter() < end:
            await asyncio.sleep(0.01)
        await asyncio.sleep(TAIL)
        probe.stopped = True
    await task
    if "mounted" not in moments or "restored" not in moments:
        raise RuntimeError(f"quote {index} not restored within {TIMEOUT:.0f} s")
    mounted, restored = moments["mounted"], moments["restored"]
    return {"stall_ms": probe.largest_gap(mounted, restored + TAIL),
            "busy_ms": probe.largest_busy_gap(mounted, restored + TAIL),
            "full_collections": probe.full_collections(mounted, restored + TAIL),
            "restore_ms": (restored - mounted) * 1000, "quote_index": index,
            "section": quote.anchor.section}


# --- search ----------------------------------------------------------------------------

def expected_status(text: str, prefix: str) -> re.Pattern[str]:
    """What the status shows once `prefix`'s results are in: its match
    count (as the bar formats it), or "no match"."""
    count = len(re.findall(re.escape(prefix), text, re.IGNORECASE))
    if count == 0:
        return re.compile("no match", re.IGNORECASE)
    shown = f"{min(count, SHOWN_MATCHES):,}"
    return re.compile(rf"(?<![\d,]){re.escape(shown)}(?![\d,])")


def pick_word(text: str, candidates: int = 6) -> str:
    """A word of the text whose prefixes give the most distinct counts in a
    row, so that most keys' results can be told apart on screen."""
    words = sorted({w.lower() for w in re.findall(r"[A-Za-z]{6,10}", text[:20_000])})
    best, best_score = "ceasefire", -1
    for word in words[:: max(1, len(words) // candidates)][:candidates]:
        counts = [min(len(re.findall(re.escape(word[:n]), text, re.IGNORECASE)),
                      SHOWN_MATCHES) for n in range(1, len(word) + 1)]
        score = sum(a != b for a, b in zip([-1, *counts], counts, strict=False))
        if score > best_score:
            best, best_score = word, score
    return best


def status_text(app: Any) -> str:
    """The search bar's status line (found by its id), or "" before it exists."""
    screen = current_screen(app)
    try:
        widget = screen.query_one("#search-status")
    except Exception:  # no screen or no search bar yet
        return ""
    content = getattr(widget, "content", None)  # a Static's text
    return str(content if content is not None else widget.render())


def searched_texts(briefing: Any) -> list[str]:
    """Every text the reader's search looks in, the paragraphs first (the
    word is picked from them): a word of letters never spans two."""
    meta = briefing.masthead
    texts = [p for section in briefing.sections for p in section.paragraphs]
    texts += [meta.title, meta.standfirst or ""]
    texts += [t or "" for section in briefing.sections for t in (section.title, section.summary)]
    texts += [t or "" for quote in briefing.quotes
              for t in (quote.speaker_name, quote.speaker_role, quote.note)]
    texts += [t or "" for figure in briefing.figures for t in (figure.label, figure.claimant_name)]
    return texts


async def search(path: Path, word: str | None, cadence: float) -> dict[str, Any]:
    from briefing.loader import load_briefing
    from briefing.tui.app import reader_app

    briefing = load_briefing(path, source=str(path), remember=True)
    text = "\n".join(searched_texts(briefing))
    word = word or pick_word(text)
    app = reader_app(briefing, path)
    waiting: dict[str, Any] = {}  # the pattern awaited and when it showed

    def on_tick(now: float) -> None:
        if ("pattern" in waiting and "seen" not in waiting
                and waiting["pattern"].search(status_text(app))):
            waiting["seen"] = now

    probe = LoopProbe(on_tick)
    task = asyncio.create_task(probe.run())
    latencies: list[float | None] = []
    async with app.run_test(size=(COLUMNS, LINES)) as pilot:
        await pilot.pause()
        await asyncio.sleep(0.5)  # the panes that join after the first frame
        await pilot.press("slash")
        await pilot.pause()
        # Counted before the first key: a count is a scan of the whole text,
        # which in the loop measured would be a stall of this script's own.
        patterns = [expected_status(text, word[:n]) for n in range(1, len(word) + 1)]
        await asyncio.sleep(0.05)  # the probe's gap over that ends before the first key
        first = last = time.perf_counter()
        for n, pattern in enumerate(patterns, start=1):
            observable = not pattern.search(status_text(app))
            waiting.clear()
            start = time.perf_counter()
            if observable:
                waiting["pattern"] = pattern
            await pilot.press(word[n - 1])
            while observable and "seen" not in waiting and time.perf_counter() - start < TIMEOUT:
                await asyncio.sleep(0.001)
            seen = waiting.get("seen")
            latencies.append((seen - start) * 1000 if seen is not None else None)
            last = seen if seen is not None else time.perf_counter()
            await asyncio.sleep(max(0.0, start + cadence - time.perf_counter()))
        await asyncio.sleep(TAIL)
        probe.stopped = True
    await task
    shown = [ms for ms in latencies if ms is not None]
    return {"stall_ms": probe.largest_gap(first, last + TAIL),
            "full_collections": probe.full_collections(first, last + TAIL),
            "results_ms": max(shown) if shown else None, "word": word,
            "per_key_ms": latencies, "keys": len(word), "observed": len(shown)}


# --- starred only ------------------------------------------------------------------------

async def starred(path: Path, stars: int) -> dict[str, Any]:
    from briefing.loader import load_briefing
    from briefing.state import ReaderState, entry_key, save_state, state_key
    from briefing.tui.app import reader_app

    briefing = load_briefing(path, source=str(path), remember=True)
    quotes = briefing.quotes_in_order
    chosen = quotes[:: max(1, len(quotes) // stars)][:stars]
    save_state(state_key(briefing, path),
               ReaderState(stars=frozenset(entry_key(q) for q in chosen)))
    app = reader_app(briefing, path)
    moments: dict[str, float] = {}
    expected = f"({len(chosen)})"

    def title() -> str:
        screen = current_screen(app)
        try:
            return str(screen.query_one("#quotes").border_title)
        except Exception:  # not the reader screen yet
            return ""

    def on_tick(now: float) -> None:
        screen = current_screen(app)
        if "mounted" not in moments:
            if getattr(screen, "briefing", None) is briefing and screen.is_mounted:
                moments["mounted"] = now
            return
        if "joined" not in moments and screen.query("#contents"):
            moments["joined"] = now
        if "pressed" in moments and "shown" not in moments and "★" in title() \
                and expected in title():
            moments["shown"] = now

    probe = LoopProbe(on_tick)
    task = asyncio.create_task(probe.run())
    async with app.run_test(size=(COLUMNS, LINES)) as pilot:
        end = time.perf_counter() + TIMEOUT
        while "joined" not in moments and time.perf_counter() < end:
            await asyncio.sleep(0.01)
        await asyncio.sleep(TAIL + 0.3)  # the saved stars are read meanwhile
        moments["pressed"] = time.perf_counter()
        await pilot.press("asterisk")
        end = time.perf_counter() + TIMEOUT
        while "shown" not in moments and time.perf_counter() < end:
            await asyncio.sleep(0.001)
        await asyncio.sleep(TAIL)
        probe.stopped = True
    await task
    if "joined" not in moments or "shown" not in moments:
        raise RuntimeError(f"starred only never showed {expected} within {TIMEOUT:.0f} s")
    mounted, joined = moments["mounted"], moments["joined"]
    pressed, shown = moments["pressed"], moments["shown"]
    return {"start_stall_ms": probe.largest_gap(mounted, joined + TAIL),
            "start_busy_ms": probe.largest_busy_gap(mounted, joined + TAIL),
            "starred_ms": (shown - pressed) * 1000,
            "starred_stall_ms": probe.largest_gap(pressed, shown + TAIL),
            "starred_busy_ms": probe.largest_busy_gap(pressed, shown + TAIL),
            "full_collections": probe.full_collections(mounted, shown + TAIL),
            "stars": len(chosen)}


# --- idle (the floor) --------------------------------------------------------------------

async def idle(watch: float = 0.5) -> dict[str, Any]:
    app = minimal_app.MinimalApp("Minimal app", ["A paragraph."])
    moments: dict[str, float] = {}

    def on_tick(now: float) -> None:
        screen = current_screen(app)
        if "mounted" not in moments and screen is not None and screen.is_mounted:
            moments["mounted"] = now

    probe = LoopProbe(on_tick)
    task = asyncio.create_task(probe.run())
    async with app.run_test(size=(COLUMNS, LINES)):
        await asyncio.sleep(watch)
        probe.stopped = True
    await task
    start = moments.get("mounted", time.perf_counter())
    return {"stall_ms": probe.largest_gap(start, start + watch)}


def measure_stalls(work: Path, subject: Subject, runs: int) -> list[Measurement]:
    """restore_stall, restore_time, search_stall and search_results on one
    briefing: medians of `runs` runs, each in a process of its own; the
    stalls beside the idle minimal app's largest gap."""
    env = {"BRIEFING_STATE_DIR": str(work / "stalls-state"),
           "BRIEFING_CACHE_DIR": str(work / "stalls-cache")}
    found: dict[str, list[dict[str, Any]]] = {"idle": [], "restore": [], "search": []}
    errors: dict[str, str] = {}
    for _ in range(runs):  # interleaved, so drift hits all three alike
        for job, args in (("idle", []), ("restore", [str(subject.path)]),
                          ("search", [str(subject.path)])):
            try:
                found[job].append(run_worker("stalls.py", [job, *args], env, timeout=600))
            except (RuntimeError, OSError, ValueError) as problem:
                errors[job] = str(problem)
    floor = [run["stall_ms"] for run in found["idle"]]
    floor_error = f"idle minimal app: {errors['idle']}" if "idle" in errors else None

    def row(metric: str, job: str, key: str, with_floor: bool, **extra: Any) -> Measurement:
        samples = [run[key] for run in found[job] if run.get(key) is not None]
        return Measurement(metric, subject.name, "ms", median(samples),
                           median(floor) if with_floor else None, samples,
                           floor if with_floor else [], extra,
                           errors.get(job) or (floor_error if with_floor else None)
                           or (None if samples else f"{job}: no {key}"))

    searches = found["search"]
    words = {"word": searches[0]["word"] if searches else None,
             "per_key_ms": [run["per_key_ms"] for run in searches],
             "keys_observed": [run["observed"] for run in searches]}
    words["full_collections"] = [run["full_collections"] for run in searches]
    restores = {"quote_index": found["restore"][0]["quote_index"] if found["restore"] else None,
                "full_collections": [run["full_collections"] for run in found["restore"]]}
    return [row("restore_stall", "restore", "stall_ms", True, **restores),
            row("restore_time", "restore", "restore_ms", False, **restores),
            row("search_stall", "search", "stall_ms", True, **words),
            row("search_results", "search", "results_ms", False, **words)]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="stalls.py", description=__doc__.split("\n\n")[0])
    jobs = parser.add_subparsers(dest="job", required=True, metavar="JOB")
    job = jobs.add_parser("restore", help="restore a saved position deep in FILE")
    job.add_argument("file", type=Path, metavar="FILE")
    job.add_argument("--at", type=float, default=0.9,
                     help="where the saved quote is, as a fraction of the quotes "
                     "(default: %(default)s)")
    job = jobs.add_parser("search", help="type a word into the search bar on FILE")
    job.add_argument("file", type=Path, metavar="FILE")
    job.add_argument("--word", help="the word to type (default: one picked from FILE)")
    job.add_argument("--cadence", type=float, default=150.0,
                     help="ms from one key to the next (default: %(default)s)")
    job = jobs.add_parser("starred", help="start on FILE, then show starred quotes only")
    job.add_argument("file", type=Path, metavar="FILE")
    job.add_argument("--stars", type=int, default=50,
                     help="quotes starred in the saved state (default: %(default)s)")
    jobs.add_parser("idle", help="the minimal app doing nothing: the floor")
    args = parser.parse_args(argv)
    if args.job == "restore" and not 0 <= args.at <= 1:
        parser.error("--at must be between 0 and 1")
    if args.job == "search" and args.word is not None and not args.word.isalpha():
        parser.error("--word must be letters only (each is typed as a key)")
    with private_folders():
        if args.job == "restore":
            found = asyncio.run(restore(args.file, args.at))
        elif args.job == "starred":
            found = asyncio.run(starred(args.file, max(1, args.stars)))
        elif args.job == "search":
            found = asyncio.run(search(args.file, args.word, args.cadence / 1000))
        else:
            found = asyncio.run(idle())
    print(json.dumps(found))
    return 0


if __name__ == "__main__":
    sys.exit(main())
