"""The benchmark suite: every figure measured in one run beside its floor.

    python benchmarks/run.py [--sizes 100,1000,10000] [--quick] [--check]
                             [--json benchmarks/results/latest.json]

It writes synthetic briefings of each size (see synthetic.py), then measures:

- first paint: `briefing FILE` in a real pseudo-terminal (100x30) until the
  title and the start of the first paragraph are on the emulated screen,
  beside a minimal one-Static Textual app started the same way; for the
  bundled (seed) briefing and each size with an empty cache, and reopens of
  the seed and of the largest file with the cache of an earlier open in place;
- peak RSS (VmHWM) of those same processes once their output settles;
- next quote: headless `run_test`, `n` pressed again and again, timed from
  the press to the next frame the screen composes (App._display), and to
  the last frame before the screen goes quiet ("settled");
- load (`load_briefing`) beside a bare read + `rtoml.loads`;
- digest export (`render_digest`) beside a plain join of the same entries;
- import of a ~1,500-word article (`draft_from_text`) beside a bare scan.

It prints one table, writes the results as JSON, and checks the budgets of
issue 6 as ratios; with --check the exit code is 1 when any budget fails.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import gc
import itertools
import json
import os
import platform
import re
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import rtoml

import minimal_app
import pty_paint
import synthetic

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
DEFAULT_SIZES = (100, 1_000, 10_000)
DEFAULT_JSON = HERE / "results" / "latest.json"
COLUMNS, LINES = 100, 30
IMPORT_WORDS = 1_500
MB = 1024 * 1024
_NAMES = {"first_paint": "first paint", "peak_rss": "peak RSS", "next_quote": "next quote",
          "next_quote_settled": "next quote, settled", "load": "load", "export": "export",
          "import": "import"}


# --- what a run measures ------------------------------------------------------------

@dataclass(frozen=True)
class Settings:
    """How much to measure: sizes and repetitions."""

    sizes: tuple[int, ...] = DEFAULT_SIZES
    paint_runs: int = 9  # first paints swing by a tenth on a shared machine: a median of 9
    timing_runs: int = 5
    presses: int = 200
    bytecode_cache: bool = False
    warmup: bool = True  # an untimed first round of first paints


@dataclass
class Measurement:
    """One figure and its floor. `value`/`floor` are medians (peak RSS: the
    highest sample) in `unit`; `error` says why a figure is missing."""

    metric: str
    subject: str
    unit: str
    value: float | None = None
    floor: float | None = None
    samples: list[float] = field(default_factory=list)
    floor_samples: list[float] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict)
    error: str | None = None

    @property
    def ratio(self) -> float | None:
        if self.value is None or not self.floor:
            return None
        return self.value / self.floor

    def as_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["ratio"] = self.ratio
        return data


@dataclass
class Budget:
    """A budget of issue 6 and whether this run held it."""

    name: str
    metric: str
    subject: str
    rule: str
    measured: float | None
    limit: float
    unit: str  # of `measured` and `limit`: "x" for a ratio, else "ms", "s", "MB"
    status: str  # PASS, FAIL, SKIP (size not measured) or ERROR (figure missing)

    @classmethod
    def check(cls, name: str, metric: str, subject: str, rule: str,
              measured: float | None, limit: float, unit: str = "x", *,
              applies: bool = True) -> Budget:
        if not applies:
            status = "SKIP"
        elif measured is None:
            status = "ERROR"
        else:
            status = "PASS" if measured <= limit else "FAIL"
        return cls(name, metric, subject, rule, measured, limit, unit, status)

    @property
    def shown(self) -> str:
        """The rule with what was measured, e.g. `<= 1.25x minimal app (1.92x)`."""
        if self.measured is None:
            return self.rule
        if self.unit == "x":
            return f"{self.rule} ({self.measured:.2f}x)"
        return f"{self.rule} ({self.measured:.{3 if self.unit == 's' else 1}f} {self.unit})"


@dataclass
class Results:
    """Everything one run found."""

    settings: Settings
    measurements: list[Measurement] = field(default_factory=list)
    budgets: list[Budget] = field(default_factory=list)

    def get(self, metric: str, subject: str) -> Measurement | None:
        for measurement in self.measurements:
            if measurement.metric == metric and measurement.subject == subject:
                return measurement
        return None

    def value(self, metric: str, subject: str, key: str | None = None) -> float | None:
        measurement = self.get(metric, subject)
        if measurement is None:
            return None
        if key is None:
            return measurement.value
        found = measurement.extra.get(key)
        return float(found) if isinstance(found, int | float) else None


def median(values: Sequence[float]) -> float | None:
    return statistics.median(values) if values else None


def percentile(values: Sequence[float], fraction: float) -> float | None:
    """The nearest-rank percentile (p95: `fraction` 0.95)."""
    if not values:
        return None
    ordered = sorted(values)
    rank = max(1, -(-len(ordered) * fraction // 1))  # ceil
    return ordered[int(rank) - 1]


def timed(function: Callable[[], object], runs: int) -> list[float]:
    """Seconds per call, `runs` times, each after a full collection."""
    samples: list[float] = []
    for _ in range(runs):
        gc.collect()
        start = time.perf_counter()
        function()
        samples.append(time.perf_counter() - start)
    return samples


@contextlib.contextmanager
def environment(**values: str) -> Iterator[None]:
    """Set environment variables for the duration, then restore them."""
    saved = {name: os.environ.get(name) for name in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for name, old in saved.items():
            if old is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = old


# --- the briefings ------------------------------------------------------------------

@dataclass(frozen=True)
class Subject:
    """A briefing to open: what the first paint must show, and the command."""

    name: str
    path: Path | None  # None: the bundled briefing (`briefing` with no argument)
    title: str
    paragraph: str
    quotes: int


def _subject(name: str, path: Path, *, bundled: bool = False) -> Subject:
    """Load (and so validate) a briefing; what its first paint must show."""
    from briefing.loader import load_briefing

    briefing = load_briefing(path)
    return Subject(name, None if bundled else path, briefing.title,
                   briefing.sections[0].paragraphs[0], len(briefing.quotes))


def seed_subject() -> Subject:
    """The bundled briefing, opened as `briefing` with no argument."""
    from briefing.resources import bundled_briefing

    return _subject("seed", bundled_briefing(), bundled=True)


def generate(folder: Path, sizes: Sequence[int]) -> list[Subject]:
    """Write one synthetic briefing per size and validate each with the loader."""
    subjects: list[Subject] = []
    for size in sizes:
        subject = _subject(str(size), synthetic.write(folder, size))
        if subject.quotes != size:
            raise RuntimeError(f"synthetic briefing of {size:,}: {subject.quotes:,} quotes")
        subjects.append(subject)
    return subjects


def needles(title: str, paragraph: str) -> tuple[str, str]:
    """What must be on screen: the title's and the paragraph's first words
    (short enough not to be truncated or wrapped at 100 columns)."""
    return title[:40].rstrip(), paragraph[:20].rstrip()


# --- first paint and peak RSS (pseudo-terminal) --------------------------------------

def briefing_command() -> str:
    """The installed `briefing` console script, next to this interpreter if there."""
    beside = Path(sys.executable).parent / "briefing"
    if beside.exists():
        return str(beside)
    found = shutil.which("briefing")
    if found is None:
        raise RuntimeError("the `briefing` command is not installed (pip install -e .)")
    return found


def measure_paints(work: Path, seed: Subject, subjects: Sequence[Subject], runs: int, *,
                   bytecode_cache: bool = False, warmup: bool = True) -> list[Measurement]:
    """First paint and peak RSS of the minimal app, the seed, each size and a
    reopen of the largest, runs interleaved so drift hits every subject alike.

    An untimed round comes first (with `warmup`; else only the reopen): it
    warms the OS file cache and, for the reopen, fills the briefing cache the
    timed reopens then find. With `bytecode_cache`, children write and reuse
    bytecode in a private folder (as an installed wheel has it); otherwise
    they inherit this environment (where PYTHONDONTWRITEBYTECODE=1 makes an
    editable install compile its sources at every start).
    """
    command = briefing_command()
    largest = max(subjects, key=lambda s: s.quotes) if subjects else None
    reopen_cache, seed_cache = work / "reopen-cache", work / "reopen-seed-cache"
    reopen_cache.mkdir(parents=True, exist_ok=True)
    seed_cache.mkdir(parents=True, exist_ok=True)
    base_env: dict[str, str] = {}
    if bytecode_cache:
        base_env = {"PYTHONPYCACHEPREFIX": str(work / "pycache"), "PYTHONDONTWRITEBYTECODE": ""}
    counter = 0

    def fresh(name: str) -> Path:
        nonlocal counter
        counter += 1
        folder = work / f"{name}-{counter}"
        folder.mkdir(parents=True)
        return folder

    def paint(subject: Subject, *, minimal: bool = False,
              cache: Path | None = None) -> pty_paint.Paint:
        if minimal:
            argv = [sys.executable, str(HERE / "minimal_app.py"), subject.title,
                    subject.paragraph]
        else:
            argv = [command] + ([str(subject.path)] if subject.path else [])
        env = {**base_env, "BRIEFING_STATE_DIR": str(fresh("state")),
               "BRIEFING_CACHE_DIR": str(cache or fresh("cache"))}
        return pty_paint.first_paint(argv, needles(subject.title, subject.paragraph),
                                     env=env, columns=COLUMNS, lines=LINES)

    plan: list[tuple[str, Subject, bool, Path | None]] = [("minimal", seed, True, None),
                                                         ("seed", seed, False, None)]
    plan.append(("reopen-seed", seed, False, seed_cache))
    plan += [(subject.name, subject, False, None) for subject in subjects]
    if largest is not None:
        plan.append((f"reopen-{largest.name}", largest, False, reopen_cache))

    times: dict[str, list[float]] = {name: [] for name, *_ in plan}
    peaks: dict[str, list[float]] = {name: [] for name, *_ in plan}
    errors: dict[str, str] = {}
    for round_ in range(runs + 1):
        for name, subject, minimal, cache in plan:
            if round_ == 0 and not warmup and cache is None:
                continue
            try:
                result = paint(subject, minimal=minimal, cache=cache)
            except (pty_paint.PaintTimeout, OSError) as error:
                errors[name] = str(error).splitlines()[0]
                continue
            if round_ == 0:
                continue  # the warm-up round
            times[name].append(result.seconds)
            if result.peak_rss is not None:
                peaks[name].append(result.peak_rss / MB)

    floor_time, floor_peak = times.pop("minimal"), peaks.pop("minimal")
    extra = {"bytecode": "private cache" if bytecode_cache else "inherited environment"}
    measurements: list[Measurement] = []
    for name, *_ in plan[1:]:
        measurements.append(Measurement(
            "first_paint", name, "s", median(times[name]), median(floor_time),
            times[name], floor_time, dict(extra), errors.get(name)))
        measurements.append(Measurement(
            "peak_rss", name, "MB", max(peaks[name], default=None),
            max(floor_peak, default=None), peaks[name], floor_peak, error=errors.get(name)))
    if "minimal" in errors:
        for measurement in measurements:
            measurement.error = measurement.error or f"minimal app: {errors['minimal']}"
    return measurements


# --- next-quote latency (headless) ---------------------------------------------------

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


def hook_frames(app: Any) -> list[float]:
    """Record the time of every frame the app's screen composes.

    In Textual 8.2.8 each screen refresh ends in `App._display(screen,
    update)` with the rendered update, headless or not (a headless app then
    skips only the terminal write), so the press-to-frame time is the time
    to the next call with an update while no batch is open.
    """
    original = getattr(app, "_display", None)
    if not callable(original):
        raise RuntimeError("textual.App._display is gone: update benchmarks/run.py's frame hook")
    frames: list[float] = []

    def display(screen: Any, renderable: Any) -> None:
        if renderable is not None and not app._batch_count:
            frames.append(time.perf_counter())
        original(screen, renderable)

    app._display = display
    return frames


@contextlib.contextmanager
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


async def _settle(frames: list[float], since: float = 0.0, quiet: float = 0.06,
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
    frames = hook_frames(app)
    times = KeyTimes()
    await _settle(frames)
    with full_collections(times):
        for index in range(presses):
            if before is not None:
                prepared = before(index)
                if prepared is not None:
                    await prepared
                    await pilot.pause()
                    await _settle(frames)
            frames.clear()
            cpu = time.process_time()
            start = time.perf_counter()
            await pilot.press(key)
            await _settle(frames, since=start)
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


async def _reader_presses(path: Path, presses: int) -> KeyTimes:
    from briefing.loader import load_briefing
    from briefing.tui.app import reader_app

    app = reader_app(load_briefing(path), path)  # as the CLI builds it
    async with app.run_test(size=(COLUMNS, LINES)) as pilot:
        await pilot.pause()
        screen = app.screen
        quotes = screen.briefing.quotes_in_order
        if len(quotes) < 2:
            raise RuntimeError(f"{path}: needs at least two quotes")
        expected: list[int] = []
        position = -1  # no quote is current yet: n goes to the first one

        def before(index: int) -> Any:
            nonlocal position
            if position >= len(quotes) - 1:  # at the last quote: back to the first, untimed
                position = 1
                expected.append(1)
                return screen.go_to_quote(quotes[0])
            position += 1
            expected.append(position)
            return None

        def landed(index: int) -> bool:
            return getattr(screen, "quote", None) is quotes[expected[index]]

        return await time_presses(app, pilot, presses, before=before, landed=landed)


async def _minimal_presses(paragraphs: Sequence[str], presses: int) -> KeyTimes:
    app = minimal_app.MinimalApp("Minimal app", paragraphs)
    async with app.run_test(size=(COLUMNS, LINES)) as pilot:
        await pilot.pause()
        return await time_presses(app, pilot, presses)


def _key_measurement(subject: str, times: KeyTimes, floor: KeyTimes | None,
                     error: str | None = None) -> list[Measurement]:
    extra = {
        "p95": percentile(times.next_frame, 0.95),
        "max": max(times.next_frame, default=None),
        "presses": len(times.next_frame) + times.missed,
        "missed": times.missed,
        "wrong_quote": times.wrong,
        "frames_per_press": median(times.frames),
        "cpu_ms_median": median(times.cpu),
        "full_collections": times.full_collections,
        "full_collection_ms": round(times.full_collection_ms, 1),
    }
    floor_next = floor.next_frame if floor else []
    floor_settled = floor.settled if floor else []
    extra["floor_p95"] = percentile(floor_next, 0.95)
    settled_extra = {"p95": percentile(times.settled, 0.95),
                     "max": max(times.settled, default=None),
                     "floor_p95": percentile(floor_settled, 0.95)}
    return [
        Measurement("next_quote", subject, "ms", median(times.next_frame), median(floor_next),
                    times.next_frame, floor_next, extra, error),
        Measurement("next_quote_settled", subject, "ms", median(times.settled),
                    median(floor_settled), times.settled, floor_settled, settled_extra, error),
    ]


def key_worker(target: str, presses: int) -> KeyTimes:
    """Time the presses in this process: `target` is a briefing file, or
    "minimal" for the floor (the minimal app's `n`)."""
    if target == "minimal":
        paragraphs = synthetic.build(100)["sections"][0]["paragraphs"]
        return asyncio.run(_minimal_presses(paragraphs, presses))
    return asyncio.run(_reader_presses(Path(target), presses))


def _run_key_worker(target: str, presses: int, env: dict[str, str]) -> KeyTimes:
    """key_worker in a fresh interpreter, so each app's heap (and so its
    garbage collections) is its own, as in real use."""
    import subprocess

    command = [sys.executable, str(HERE / "run.py"), "--keys-worker", target,
               "--presses", str(presses)]
    done = subprocess.run(command, capture_output=True, text=True, timeout=1800,
                          env={**os.environ, **env}, check=False)
    if done.returncode != 0 or not done.stdout.strip():
        tail = (done.stderr.strip().splitlines() or ["no output"])[-1]
        raise RuntimeError(f"key worker exited {done.returncode}: {tail}")
    return KeyTimes(**json.loads(done.stdout.strip().splitlines()[-1]))


def measure_keys(work: Path, subjects: Sequence[Subject], presses: int) -> list[Measurement]:
    """Next-quote latency per size, beside the minimal app's `n`."""
    env = {"BRIEFING_STATE_DIR": str(work / "keys-state"),
           "BRIEFING_CACHE_DIR": str(work / "keys-cache")}
    floor: KeyTimes | None = None
    floor_error = None
    try:
        floor = _run_key_worker("minimal", presses, env)
    except (RuntimeError, OSError, ValueError, TypeError) as problem:
        floor_error = f"minimal app: {problem}"
    measurements: list[Measurement] = []
    for subject in subjects:
        assert subject.path is not None
        try:
            times, error = _run_key_worker(str(subject.path), presses, env), floor_error
        except (RuntimeError, OSError, ValueError, TypeError) as problem:
            times, error = KeyTimes(), str(problem)
        measurements += _key_measurement(subject.name, times, floor, error)
    return measurements


# --- load, export, import (in process) ----------------------------------------------

def measure_load(work: Path, subjects: Sequence[Subject], runs: int) -> list[Measurement]:
    """load_briefing beside read + rtoml.loads; a fresh cache folder each time."""
    from briefing.loader import load_briefing

    measurements: list[Measurement] = []
    for subject in subjects:
        path = subject.path
        assert path is not None
        samples: list[float] = []
        for run in range(runs):
            with environment(BRIEFING_CACHE_DIR=str(work / f"load-cache-{subject.name}-{run}")):
                samples += timed(lambda path=path: load_briefing(path), 1)
        floor = timed(lambda path=path: rtoml.loads(path.read_text("utf-8")), runs)
        measurements.append(Measurement("load", subject.name, "s", median(samples),
                                        median(floor), samples, floor,
                                        {"bytes": path.stat().st_size}))
    return measurements


def _plain_digest(briefing: Any) -> str:
    """The floor for export: the same entries joined, with no escaping or layout."""
    lines = [f"# {briefing.title}"]
    lines += [f"- {q.text} ({q.speaker_name})" for q in briefing.quotes_in_order]
    lines += [f"- {f.text}: {f.label}" for f in briefing.figures_in_order]
    return "\n".join(lines) + "\n"


def measure_export(subjects: Sequence[Subject], runs: int) -> list[Measurement]:
    """render_digest per size beside a plain join of the same entries."""
    from briefing.digest import render_digest
    from briefing.loader import load_briefing

    measurements: list[Measurement] = []
    for subject in subjects:
        assert subject.path is not None
        briefing = load_briefing(subject.path)
        samples = timed(lambda b=briefing: render_digest(b), runs)
        floor = timed(lambda b=briefing: _plain_digest(b), runs)
        size = len(render_digest(briefing))
        measurements.append(Measurement("export", subject.name, "s", median(samples),
                                        median(floor), samples, floor, {"chars": size}))
        del briefing
    return measurements


def import_article(words: int = IMPORT_WORDS) -> tuple[str, str]:
    """An article of about `words` words, and where its text came from.

    Paragraphs of benchmarks/import_corpus/*.txt, else of the seed article in
    ../shared/articles, else generated ones; repeated until long enough.
    """
    sources = sorted((HERE / "import_corpus").glob("*.txt"))
    origin = "benchmarks/import_corpus"
    if not sources:
        sources = sorted((ROOT.parent / "shared" / "articles").glob("*.txt"))
        origin = "../shared/articles"
    paragraphs: list[str] = []
    for source in sources:
        text = source.read_text("utf-8")
        paragraphs += [p.strip() for p in re.split(r"\n\s*\n", text) if p.strip()]
    if len(paragraphs) < 3:
        document = synthetic.build(100)
        paragraphs = [p for s in document["sections"] for p in s["paragraphs"]]
        origin = "generated"
    head, body = paragraphs[:2], paragraphs[2:]
    chosen = list(head)
    count = sum(len(p.split()) for p in chosen)
    index = 0
    while count < words:
        paragraph = body[index % len(body)]
        chosen.append(paragraph)
        count += len(paragraph.split())
        index += 1
    return "\n\n".join(chosen) + "\n", origin


_QUOTED = re.compile(r"“[^”]*”|\"[^\"\n]*\"")


def _bare_scan(text: str) -> int:
    """The floor for import: split into paragraphs and find the quoted spans."""
    return sum(len(_QUOTED.findall(p)) for p in text.split("\n\n"))


def measure_import(runs: int) -> list[Measurement]:
    """draft_from_text on a ~1,500-word article beside a bare scan of it."""
    text, origin = import_article()
    extra: dict[str, Any] = {"words": len(text.split()), "source": origin}
    floor = timed(lambda: _bare_scan(text), runs)
    try:
        from briefing.ingest import draft_from_text  # type: ignore[attr-defined]
    except ImportError as error:
        return [Measurement("import", f"{IMPORT_WORDS}-words", "s", None, median(floor), [],
                            floor, extra, f"briefing.ingest.draft_from_text: {error}")]
    try:
        samples = timed(lambda: draft_from_text(text, source="benchmark-article.txt"), runs)
    except Exception as error:  # the figure is missing, the run goes on
        return [Measurement("import", f"{IMPORT_WORDS}-words", "s", None, median(floor), [],
                            floor, extra, f"{type(error).__name__}: {error}")]
    return [Measurement("import", f"{IMPORT_WORDS}-words", "s", median(samples), median(floor),
                        samples, floor, extra)]


# --- budgets ----------------------------------------------------------------------

def evaluate(results: Results) -> list[Budget]:
    """The budgets of issue 6, as ratios where the issue gives ratios."""
    sizes = sorted(results.settings.sizes)
    has = set(sizes)
    top, low = 10_000, 100
    budgets: list[Budget] = []

    def ratio(value: float | None, base: float | None) -> float | None:
        return value / base if value is not None and base else None

    paint = results.get("first_paint", "seed")
    budgets.append(Budget.check("seed first paint", "first_paint", "seed",
                                "<= 1.25x minimal app", paint.ratio if paint else None, 1.25))
    paint = results.get("first_paint", "reopen-seed")
    budgets.append(Budget.check("seed first paint, reopened", "first_paint", "reopen-seed",
                                "<= 1.25x minimal app", paint.ratio if paint else None, 1.25))
    paint = results.get("first_paint", str(top))
    budgets.append(Budget.check("10k first paint", "first_paint", str(top), "<= 3x minimal app",
                                paint.ratio if paint else None, 3.0, applies=top in has))
    budgets.append(Budget.check("10k peak RSS", "peak_rss", str(top), "<= 150 MB",
                                results.value("peak_rss", str(top)), 150.0, "MB",
                                applies=top in has))
    for size in sizes:
        budgets.append(Budget.check(f"next quote p95 ({size:,})", "next_quote", str(size),
                                    "p95 <= 16 ms",
                                    results.value("next_quote", str(size), "p95"), 16.0, "ms"))
    budgets.append(Budget.check("next quote median 10k vs 100", "next_quote", "growth",
                                "<= 1.5x the 100-quote median",
                                ratio(results.value("next_quote", str(top)),
                                      results.value("next_quote", str(low))), 1.5,
                                applies=top in has and low in has))
    # Against the seed reopened too: both from the cache, like for like.
    budgets.append(Budget.check("reopen 10k first paint", "first_paint", f"reopen-{top}",
                                "<= 1.3x seed first paint, reopened",
                                ratio(results.value("first_paint", f"reopen-{top}"),
                                      results.value("first_paint", "reopen-seed")), 1.3,
                                applies=top in has))
    budgets.append(Budget.check("10k export", "export", str(top), "<= 0.3 s",
                                results.value("export", str(top)), 0.3, "s",
                                applies=top in has))
    budgets.append(Budget.check("1,500-word import", "import", f"{IMPORT_WORDS}-words",
                                "<= 0.2 s", results.value("import", f"{IMPORT_WORDS}-words"),
                                0.2, "s"))
    for metric in ("load", "first_paint", "export"):
        for small, large in itertools.pairwise(sizes):
            a, b = results.value(metric, str(small)), results.value(metric, str(large))
            per_quote = (ratio(b / large, a / small) if a is not None and b is not None
                         else None)
            budgets.append(Budget.check(
                f"{_NAMES[metric]} growth {small:,}->{large:,}", metric, f"{small}->{large}",
                "per-quote cost <= 2x", per_quote, 2.0))
    return budgets


# --- output ---------------------------------------------------------------------------


def _subject_label(subject: str) -> str:
    if subject.isdigit():
        return f"{int(subject):,} quotes"
    if subject == "reopen-seed":
        return "seed reopened"
    if subject.startswith("reopen-"):
        return f"{int(subject.split('-')[1]):,} reopened"
    if subject.endswith("-words"):
        return f"{int(subject.split('-')[0]):,} words"
    return subject


def _amount(value: float | None, unit: str) -> str:
    if value is None:
        return "n/a"
    if unit == "s":
        return f"{value * 1000:.1f} ms" if value < 1 else f"{value:.2f} s"
    if unit == "ms":
        return f"{value:.1f} ms"
    return f"{value:.1f} {unit}"


def _cells(measurement: Measurement) -> tuple[str, str]:
    m = measurement
    if m.metric in ("next_quote", "next_quote_settled"):
        p95, floor_p95 = m.extra.get("p95"), m.extra.get("floor_p95")
        value = (f"{m.value:.1f} / {p95:.1f} ms" if m.value is not None and p95 is not None
                 else "n/a")
        floor = (f"{m.floor:.1f} / {floor_p95:.1f} ms"
                 if m.floor is not None and floor_p95 is not None else "n/a")
        return value, floor
    return _amount(m.value, m.unit), _amount(m.floor, m.unit)


def table(results: Results) -> str:
    """The one table: measurement rows with their budgets, then the growth checks."""
    header = ("metric", "briefing", "measured", "floor", "x floor", "budget", "result")
    rows: list[tuple[str, ...]] = []
    by_place: dict[tuple[str, str], list[Budget]] = {}
    for budget in results.budgets:
        by_place.setdefault((budget.metric, budget.subject), []).append(budget)
    used: set[int] = set()
    order = ["first_paint", "peak_rss", "next_quote", "next_quote_settled", "load", "export",
             "import"]
    for metric in order:
        for m in (m for m in results.measurements if m.metric == metric):
            value, floor = _cells(m)
            ratio = f"{m.ratio:.2f}x" if m.ratio is not None else "-"
            if m.metric == "next_quote" and m.value is not None:
                value += f" ({m.extra.get('frames_per_press', 0):g} frames)"
            budgets = by_place.get((m.metric, m.subject), [])
            rule = "; ".join(b.shown for b in budgets) or "-"
            verdict = "/".join(b.status for b in budgets) or ("ERROR" if m.error else "-")
            used.update(id(b) for b in budgets)
            rows.append((_NAMES[metric], _subject_label(m.subject), value, floor, ratio, rule,
                         verdict))
    for budget in results.budgets:
        if id(budget) in used:
            continue
        rows.append((budget.name, "", "", "", "", budget.shown, budget.status))
    widths = [max(len(row[i]) for row in (header, *rows)) for i in range(len(header))]
    lines = ["  ".join(cell.ljust(width) for cell, width in zip(header, widths, strict=True))]
    lines.append("  ".join("-" * width for width in widths))
    lines += ["  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True))
              for row in rows]
    return "\n".join(line.rstrip() for line in lines)


def errors(results: Results) -> list[str]:
    return [f"{m.metric} [{m.subject}]: {m.error}" for m in results.measurements if m.error]


def meta(settings: Settings) -> dict[str, Any]:
    import textual

    from briefing import __version__

    return {
        "when": datetime.now(UTC).isoformat(timespec="seconds"),
        "briefing": __version__,
        "textual": getattr(textual, "__version__", "?"),
        "python": platform.python_version(),
        "platform": platform.platform(),
        "cpus": os.cpu_count(),
        "terminal": f"{COLUMNS}x{LINES}",
        "settings": asdict(settings),
        "PYTHONDONTWRITEBYTECODE": os.environ.get("PYTHONDONTWRITEBYTECODE", ""),
    }


def to_json(results: Results) -> dict[str, Any]:
    metrics: dict[str, dict[str, Any]] = {}
    for m in results.measurements:
        metrics.setdefault(m.metric, {})[m.subject] = m.as_json()
    return {"meta": meta(results.settings), "metrics": metrics,
            "budgets": [asdict(b) for b in results.budgets]}


# --- the run ----------------------------------------------------------------------

def run(settings: Settings, *, work: Path, log: Callable[[str], None] = print) -> Results:
    """Generate the briefings and measure everything; budgets included."""
    results = Results(settings)
    briefs = work / "briefs"
    briefs.mkdir(parents=True, exist_ok=True)
    log(f"generating briefings of {', '.join(f'{s:,}' for s in settings.sizes)} quotes")
    subjects = generate(briefs, settings.sizes)
    seed = seed_subject()
    log("load, export and import")
    results.measurements += measure_load(work, subjects, settings.timing_runs)
    results.measurements += measure_export(subjects, settings.timing_runs)
    results.measurements += measure_import(settings.timing_runs)
    log(f"next quote: {settings.presses} presses per size (headless)")
    results.measurements += measure_keys(work, subjects, settings.presses)
    log(f"first paint and peak RSS: {settings.paint_runs} runs each in a pseudo-terminal")
    results.measurements += measure_paints(work / "paint", seed, subjects, settings.paint_runs,
                                           bytecode_cache=settings.bytecode_cache,
                                           warmup=settings.warmup)
    results.budgets = evaluate(results)
    return results


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--sizes", default=",".join(str(s) for s in DEFAULT_SIZES),
                        help="quote counts of the synthetic briefings (default: %(default)s)")
    parser.add_argument("--quick", action="store_true",
                        help="the smallest size only, with few repetitions")
    parser.add_argument("--runs", type=int, help="first-paint runs per subject (default 9)")
    parser.add_argument("--presses", type=int, help="n presses per size (default 200)")
    parser.add_argument("--json", type=Path, default=DEFAULT_JSON, metavar="PATH",
                        help="where to write the results (default: %(default)s)")
    parser.add_argument("--bytecode-cache", action="store_true",
                        help="let the started apps cache bytecode in a private folder, as an "
                        "installed wheel would (default: inherit this environment)")
    parser.add_argument("--check", action="store_true", help="exit 1 if any budget fails")
    parser.add_argument("--keys-worker", metavar="FILE|minimal", help=argparse.SUPPRESS)
    return parser.parse_args(argv)


def settings_from(args: argparse.Namespace) -> Settings:
    sizes = tuple(sorted({int(part.replace("_", "")) for part in args.sizes.split(",")
                          if part.strip()}))
    if args.quick:
        settings = Settings(sizes=sizes[:1], paint_runs=2, timing_runs=2, presses=50)
    else:
        settings = Settings(sizes=sizes)
    return Settings(settings.sizes, args.runs or settings.paint_runs, settings.timing_runs,
                    args.presses or settings.presses, args.bytecode_cache, not args.quick)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    settings = settings_from(args)
    if args.keys_worker:  # one next-quote measurement, in a process of its own
        print(json.dumps(asdict(key_worker(args.keys_worker, settings.presses))))
        return 0
    with tempfile.TemporaryDirectory(prefix="briefing-bench-") as folder:
        results = run(settings, work=Path(folder), log=lambda line: print(line, file=sys.stderr))
    print(table(results))
    for problem in errors(results):
        print(f"error: {problem}")
    failed = [b for b in results.budgets if b.status in ("FAIL", "ERROR")]
    summary = {status: sum(b.status == status for b in results.budgets)
               for status in ("PASS", "FAIL", "ERROR", "SKIP")}
    print("budgets: " + ", ".join(f"{count} {status}" for status, count in summary.items()))
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(to_json(results), indent=2) + "\n", encoding="utf-8")
    print(f"results: {args.json}")
    return 1 if args.check and failed else 0


if __name__ == "__main__":
    sys.exit(main())
