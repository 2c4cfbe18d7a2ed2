"""What every benchmark module shares: a measurement, the briefings to open,
small statistics, and a way to run a measurement in a fresh interpreter.

Not a script: the scripts beside it (paint, keys, stalls, load, run) use it.
"""

from __future__ import annotations

import contextlib
import gc
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import synthetic

HERE = Path(__file__).resolve().parent
COLUMNS, LINES = 100, 30
MB = 1024 * 1024


@dataclass
class Measurement:
    """One figure and its floor. `value`/`floor` are medians (or what the
    metric's module says) in `unit`; `floor` is None for a figure with no
    floor (an absolute budget); `error` says why a figure is missing."""

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


def private_folders() -> tempfile.TemporaryDirectory[str]:
    """State and cache folders of this process's own (never the user's)."""
    folder = tempfile.TemporaryDirectory(prefix="briefing-bench-")
    os.environ["BRIEFING_STATE_DIR"] = str(Path(folder.name) / "state")
    os.environ["BRIEFING_CACHE_DIR"] = str(Path(folder.name) / "cache")
    return folder


# --- the briefings ------------------------------------------------------------------

@dataclass(frozen=True)
class Subject:
    """A briefing to open, and what its first readable frame must show."""

    name: str
    path: Path
    title: str
    paragraph: str
    quotes: int


def subject_of(name: str, path: Path) -> Subject:
    """Load (and so validate) a briefing; what its first frame must show."""
    from briefing.loader import load_briefing

    briefing = load_briefing(path)
    return Subject(name, path, briefing.title, briefing.sections[0].paragraphs[0],
                   len(briefing.quotes))


def seed_subject() -> Subject:
    """The bundled briefing."""
    from briefing.resources import bundled_briefing

    return subject_of("seed", bundled_briefing())


def generate(folder: Path, sizes: Sequence[int]) -> list[Subject]:
    """Write one synthetic briefing per size and validate each with the loader."""
    subjects: list[Subject] = []
    for size in sizes:
        subject = subject_of(str(size), synthetic.write(folder, size))
        if subject.quotes != size:
            raise RuntimeError(f"synthetic briefing of {size:,}: {subject.quotes:,} quotes")
        subjects.append(subject)
    return subjects


def subjects_from_files(files: Sequence[Path]) -> list[Subject]:
    """Subjects for briefing files given on a command line, named by stem."""
    return [subject_of(path.stem, path) for path in files]


# --- measuring in a fresh interpreter ------------------------------------------------

def run_worker(script: str, args: Sequence[str], env: Mapping[str, str],
               timeout: float = 1800) -> Any:
    """Run `benchmarks/<script> args...` in a fresh interpreter, so each app's
    heap (and so its garbage collections) is its own, as in real use; the
    JSON on its last line of output."""
    command = [sys.executable, str(HERE / script), *args]
    done = subprocess.run(command, capture_output=True, text=True, timeout=timeout,
                          env={**os.environ, **env}, check=False)
    if done.returncode != 0 or not done.stdout.strip():
        tail = (done.stderr.strip().splitlines() or ["no output"])[-1]
        raise RuntimeError(f"{script} exited {done.returncode}: {tail}")
    return json.loads(done.stdout.strip().splitlines()[-1])
