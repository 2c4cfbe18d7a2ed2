"""Next quote: `n` pressed again and again in a headless app (100x30).

    python benchmarks/keys.py [--presses 200] FILE|minimal

Prints one line of JSON: per press, ms from the press to the next frame the
app composes and to the last frame before 60 ms of quiet ("settled"), the
frames composed and the CPU ms, plus the full collections meanwhile.
`minimal` times the floor: `minimal_app.py`'s `n`, which updates its Static.
The runner starts this script once per briefing, so each app's heap (and its
garbage collections) is its own, as in real use.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import json
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import minimal_app
import synthetic
from common import (
    COLUMNS,
    LINES,
    Measurement,
    Subject,
    median,
    percentile,
    private_folders,
    run_worker,
)


@dataclass
class KeyTimes:
    """Per press: ms to the next frame, ms to the last frame before quiet,
    frames composed, and CPU ms spent; plus full collections meanwhile."""

    next_frame: list[float] = field(default_factory=list)
    settled: list[float] = field(default_factory=list)
    frames: list[int] = field(default_factory=list)
    cpu: list[float] = field(default_factory=list)
    missed: int = 0  # presses that composed no frame
    wrong: int = 0  # presses that did not land on the expected quote
    full_collections: int = 0
    full_collection_ms: float = 0.0


def record_frames(app: Any) -> list[float]:
    """The time of every frame the app composes, appended as it happens.

    The one private hook in the benchmarks, because Textual has no public
    signal per frame: in Textual 8.2.8 every screen refresh ends in
    `App._display(screen, update)`, headless or not (headless skips only the
    terminal write); a frame is a call with an update while no batch is open.
    """
    original = getattr(app, "_display", None)
    if not callable(original):
        raise RuntimeError("textual.App._display is gone: update keys.record_frames")
    frames: list[float] = []

    def display(screen: Any, renderable: Any) -> None:
        if renderable is not None and not getattr(app, "_batch_count", 0):
            frames.append(time.perf_counter())
        original(screen, renderable)

    app._display = display
    return frames


@contextmanager
def full_collections(times: KeyTimes) -> Iterator[None]:
    """Count generation-2 collections (and their time) inside the block."""
    started: list[float] = []

    def callback(phase: str, info: dict[str, int]) -> None:
        if info.get("generation") != 2:
            return
        if phase == "start":
            started.append(time.perf_counter())
        elif started:
            times.full_collections += 1
            times.full_collection_ms += (time.perf_counter() - started.pop()) * 1000

    gc.callbacks.append(callback)
    try:
        yield
    finally:
        gc.callbacks.remove(callback)


async def settle(frames: list[float], since: float = 0.0, quiet: float = 0.06,
                 first: float = 1.0, limit: float = 3.0) -> None:
    """Wait until no frame has been composed for `quiet` seconds, having
    waited up to `first` seconds for a frame after `since` (0: any)."""
    end = time.perf_counter() + limit
    while (now := time.perf_counter()) < end:
        last = frames[-1] if frames and frames[-1] >= since else None
        if last is None and (not since or now - since >= first):
            return
        if last is not None and now - last >= quiet:
            return
        await asyncio.sleep(0.01)


async def time_presses(app: Any, pilot: Any, presses: int, key: str = "n",
                       before: Callable[[int], Any] | None = None,
                       landed: Callable[[int], bool] | None = None) -> KeyTimes:
    """Press `key` `presses` times, timing each from the press to the frames.

    `before(i)` may return an awaitable that prepares press i untimed (e.g.
    back to the first quote); `landed(i)` says whether press i did its job.
    """
    frames = record_frames(app)
    times = KeyTimes()
    await settle(frames)
    with full_collections(times):
        for index in range(presses):
            if before is not None and (prepared := before(index)) is not None:
                await prepared
                await pilot.pause()
                await settle(frames)
            frames.clear()
            cpu = time.process_time()
            start = time.perf_counter()
            await pilot.press(key)
            await settle(frames, since=start)
            after = [moment for moment in frames if moment >= start]
            times.cpu.append((time.process_time() - cpu) * 1000)
            if not after:
                times.missed += 1
                continue
            times.next_frame.append((after[0] - start) * 1000)
            times.settled.append((after[-1] - start) * 1000)
            times.frames.append(len(after))
            if landed is not None and not landed(index):
                times.wrong += 1
    return times


async def reader_presses(path: Path, presses: int) -> KeyTimes:
    from briefing.loader import load_briefing
    from briefing.tui.app import reader_app

    briefing = load_briefing(path)
    quotes = briefing.quotes_in_order
    if len(quotes) < 2:
        raise RuntimeError(f"{path}: needs at least two quotes")
    app = reader_app(briefing, path)  # as the CLI builds it
    async with app.run_test(size=(COLUMNS, LINES)) as pilot:
        await pilot.pause()
        expected: list[int] = []
        position = -1  # no quote is current yet: n goes to the first one

        def before(index: int) -> Any:
            nonlocal position
            if position >= len(quotes) - 1:
                # At the last quote: back to the first, untimed, through the
                # screen's public method (no key does it from the text pane).
                position = 1
                expected.append(1)
                return app.screen.go_to_quote(quotes[0])
            position += 1
            expected.append(position)
            return None

        def landed(index: int) -> bool:
            # `quote` is the reader screen's public current quote.
            return getattr(app.screen, "quote", None) is quotes[expected[index]]

        return await time_presses(app, pilot, presses, before=before, landed=landed)


async def minimal_presses(paragraphs: Sequence[str], presses: int) -> KeyTimes:
    app = minimal_app.MinimalApp("Minimal app", paragraphs)
    async with app.run_test(size=(COLUMNS, LINES)) as pilot:
        await pilot.pause()
        return await time_presses(app, pilot, presses)


def measurements(subject: str, times: KeyTimes, floor: KeyTimes | None,
                 error: str | None = None) -> list[Measurement]:
    """next_quote (the press to the next frame) and next_quote_settled rows."""
    floor_next = floor.next_frame if floor else []
    floor_settled = floor.settled if floor else []
    extra = {
        "p95": percentile(times.next_frame, 0.95), "max": max(times.next_frame, default=None),
        "floor_p95": percentile(floor_next, 0.95),
        "presses": len(times.next_frame) + times.missed, "missed": times.missed,
        "wrong_quote": times.wrong, "frames_per_press": median(times.frames),
        "cpu_ms_median": median(times.cpu), "full_collections": times.full_collections,
        "full_collection_ms": round(times.full_collection_ms, 1),
    }
    settled_extra = {"p95": percentile(times.settled, 0.95),
                     "max": max(times.settled, default=None),
                     "floor_p95": percentile(floor_settled, 0.95)}
    return [
        Measurement("next_quote", subject, "ms", median(times.next_frame), median(floor_next),
                    times.next_frame, floor_next, extra, error),
        Measurement("next_quote_settled", subject, "ms", median(times.settled),
                    median(floor_settled), times.settled, floor_settled, settled_extra, error),
    ]


def measure_keys(work: Path, subjects: Sequence[Subject], presses: int) -> list[Measurement]:
    """Next-quote latency per subject, beside the minimal app's `n`; each in
    a process of its own."""
    env = {"BRIEFING_STATE_DIR": str(work / "keys-state"),
           "BRIEFING_CACHE_DIR": str(work / "keys-cache")}
    args = ["--presses", str(presses)]
    floor: KeyTimes | None = None
    floor_error = None
    try:
        floor = KeyTimes(**run_worker("keys.py", [*args, "minimal"], env))
    except (RuntimeError, OSError, ValueError, TypeError) as problem:
        floor_error = f"minimal app: {problem}"
    found: list[Measurement] = []
    for subject in subjects:
        try:
            times = KeyTimes(**run_worker("keys.py", [*args, str(subject.path)], env))
            error = floor_error
        except (RuntimeError, OSError, ValueError, TypeError) as problem:
            times, error = KeyTimes(), str(problem)
        found += measurements(subject.name, times, floor, error)
    return found


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="keys.py", description=__doc__.split("\n\n")[0])
    parser.add_argument("target", metavar="FILE|minimal",
                        help="a briefing file, or `minimal` for the floor")
    parser.add_argument("--presses", type=int, default=200,
                        help="presses of n (default: %(default)s)")
    args = parser.parse_args(argv)
    if args.presses < 1:
        parser.error("--presses must be 1 or more")
    if args.target == "minimal":
        paragraphs = synthetic.build(100)["sections"][0]["paragraphs"]
        times = asyncio.run(minimal_presses(paragraphs, args.presses))
    else:
        with private_folders():  # the reader saves its position when it quits
            times = asyncio.run(reader_presses(Path(args.target), args.presses))
    print(json.dumps(asdict(times)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
