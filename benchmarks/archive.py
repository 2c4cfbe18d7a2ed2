"""The archive at scale: a folder of synthetic briefings, its index, the
search and the library, each figure beside its floor in the same run.

    python benchmarks/archive.py [--briefings 10000] [--runs 5] [--json PATH]

- build: the folder's first index (`Archive.update`), in a process of its
  own: ms per briefing (budget 20) and that process's peak RSS (200 MB).
- query: `Archive.search` for words of every kind (rare, common, a phrase,
  a prefix, common words under a speaker), 20 times each: p95 ms (50). This
  is what the library's search does after each pause in typing.
- command: `briefing search DIR WORD` as a process, beside `briefing
  --version` (2x); medians.
- edit: one briefing rewritten with a new word, then the library's look
  (walk the folder, update the index) and a search for it: ms until it is
  found (1,000).
- library: `briefing DIR` in a 100x30 pseudo-terminal with the index in
  place, until its title and first row show, beside the minimal app (1.5x);
  and that process's peak RSS (200 MB).

The archive: N briefings of 20 quotes and 20 paragraphs (`synthetic.build`
with a seed each), in folders by month, one word planted in one of them.
Every data, state and cache folder is a temporary one.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import tomli_w

import pty_paint
import synthetic
from common import COLUMNS, HERE, LINES, MB, median, percentile

PLANTED = "zeppelinwatch"
QUERIES = ("ceasefire", "government officials", '"aid convoys"', "exporter*", PLANTED)
SPEAKER_QUERY = ("talks", "Kovalenko")
BUDGETS = {"build_ms_per_briefing": 20.0, "build_peak_mb": 200.0, "query_p95_ms": 50.0,
           "command_ratio": 2.0, "edit_ms": 1000.0, "library_ratio": 1.5,
           "library_peak_mb": 200.0}


def write_archive(folder: Path, count: int) -> str:
    """`count` briefings in monthly folders; the newest one's title."""
    first = date(2020, 1, 1)
    days = [first + timedelta(days=index * 3 // 2 % 1500) for index in range(count)]
    for index, day in enumerate(days):
        document = synthetic.build(20, seed=index)
        meta = document["briefing"]
        meta["published"] = day
        meta["title"] = f"Briefing {index:05d} of {day:%d %B %Y}"
        if index == count // 2:
            section = document["sections"][0]
            section["paragraphs"][3] = section["paragraphs"][3].replace(
                "the ", f"the {PLANTED} ", 1)
        month = folder / f"{day:%Y-%m}"
        month.mkdir(parents=True, exist_ok=True)
        (month / f"b{index:05d}.toml").write_text(tomli_w.dumps(document), encoding="utf-8")
    newest = max(range(count), key=lambda index: (days[index], -index))
    return f"Briefing {newest:05d} of {days[newest]:%d %B %Y}"


# --- jobs run in a process of their own ------------------------------------------------

def job_build(folder: Path) -> dict[str, Any]:
    from briefing.archive import Archive

    started = time.perf_counter()
    with Archive.open(folder) as archive:
        report = archive.update()
    seconds = time.perf_counter() - started
    count = report.added + report.changed + report.unchanged
    return {"seconds": seconds, "briefings": count, "broken": len(report.broken),
            "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}


def job_query(folder: Path) -> dict[str, Any]:
    from briefing.archive import Archive

    times: dict[str, list[float]] = {}
    with Archive.open(folder) as archive:
        archive.update()
        for query in QUERIES:
            found = len(archive.search(query))
            samples = []
            for _ in range(20):
                started = time.perf_counter()
                archive.search(query)
                samples.append((time.perf_counter() - started) * 1000)
            times[f"{query} ({found} hits)"] = samples
        words, speaker = SPEAKER_QUERY
        samples = []
        for _ in range(20):
            started = time.perf_counter()
            archive.search(words, speaker=speaker)
            samples.append((time.perf_counter() - started) * 1000)
        times[f"{words} by {speaker}"] = samples
    every = [ms for samples in times.values() for ms in samples]
    return {"p95_ms": percentile(every, 0.95),
            "per_query_p95_ms": {q: percentile(s, 0.95) for q, s in times.items()}}


def job_edit(folder: Path) -> dict[str, Any]:
    from briefing.archive import Archive, walk_briefings

    with Archive.open(folder) as archive:
        archive.update()
        target = sorted(folder.rglob("*.toml"))[7]
        text = target.read_text(encoding="utf-8")
        started = time.perf_counter()
        target.write_text(text.replace("the ", "the airshipnews ", 1), encoding="utf-8")
        archive.update(list(walk_briefings(folder)))
        hits = archive.search("airshipnews")
        ms = (time.perf_counter() - started) * 1000
        target.write_text(text, encoding="utf-8")
        archive.update()
    return {"ms": ms, "found": len(hits)}


# --- the orchestration ----------------------------------------------------------------

def run_job(job: str, folder: Path, env: dict[str, str]) -> dict[str, Any]:
    done = subprocess.run([sys.executable, str(Path(__file__)), "--job", job, str(folder)],
                          capture_output=True, text=True, env={**os.environ, **env},
                          check=False, timeout=3600)
    if done.returncode != 0:
        raise RuntimeError(f"{job}: {(done.stderr.strip().splitlines() or ['?'])[-1]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def timed_process(argv: Sequence[str], env: dict[str, str], runs: int) -> list[float]:
    samples = []
    for _ in range(runs + 1):  # the first is a warm-up
        started = time.perf_counter()
        subprocess.run(argv, capture_output=True, env={**os.environ, **env}, check=True)
        samples.append(time.perf_counter() - started)
    return samples[1:]


def measure(count: int, runs: int, work: Path) -> dict[str, Any]:
    folder = work / "archive"
    env = {"BRIEFING_DATA_DIR": str(work / "data"), "BRIEFING_STATE_DIR": str(work / "state"),
           "BRIEFING_CACHE_DIR": str(work / "cache"), "BRIEFING_CONFIG_DIR": str(work / "config"),
           "PYTHONPYCACHEPREFIX": str(work / "pycache"), "PYTHONDONTWRITEBYTECODE": ""}
    print(f"writing {count:,} briefings…", file=sys.stderr)
    newest = write_archive(folder, count)
    results: dict[str, Any] = {"briefings": count}

    print("build…", file=sys.stderr)
    build = run_job("build", folder, env)
    results["build_ms_per_briefing"] = build["seconds"] * 1000 / max(1, build["briefings"])
    results["build_peak_mb"] = build["peak_mb"]
    results["build"] = build

    print("query…", file=sys.stderr)
    query = run_job("query", folder, env)
    results["query_p95_ms"] = query["p95_ms"]
    results["query"] = query

    print("command…", file=sys.stderr)
    command = str(Path(sys.executable).parent / "briefing")
    search = timed_process([command, "search", str(folder), PLANTED], env, runs)
    version = timed_process([command, "--version"], env, runs)
    results["command_ms"], results["version_ms"] = median(search) * 1000, median(version) * 1000
    results["command_ratio"] = median(search) / median(version)

    print("edit…", file=sys.stderr)
    results["edit_ms"] = run_job("edit", folder, env)["ms"]

    print("library…", file=sys.stderr)
    library: list[float] = []
    minimal: list[float] = []
    peaks: list[float] = []
    for round_ in range(runs + 1):
        paint = pty_paint.first_paint([command, str(folder)], ["Library", newest[:20]],
                                      env=env, columns=COLUMNS, lines=LINES)
        floor = pty_paint.first_paint(
            [sys.executable, str(HERE / "minimal_app.py"), "Library", newest],
            ["Library", newest[:20]], env=env, columns=COLUMNS, lines=LINES)
        if round_:
            library.append(paint.seconds)
            minimal.append(floor.seconds)
            if paint.peak_rss is not None:
                peaks.append(paint.peak_rss / MB)
    results["library_ms"], results["minimal_ms"] = median(library) * 1000, median(minimal) * 1000
    results["library_ratio"] = median(library) / median(minimal)
    results["library_peak_mb"] = max(peaks, default=None)
    return results


def report(results: dict[str, Any]) -> str:
    rows = [
        ("first build, per briefing", f"{results['build_ms_per_briefing']:.1f} ms",
         "build_ms_per_briefing"),
        ("first build, peak RSS", f"{results['build_peak_mb']:.0f} MB", "build_peak_mb"),
        ("query in process, p95", f"{results['query_p95_ms']:.1f} ms", "query_p95_ms"),
        ("briefing search / --version",
         f"{results['command_ms']:.0f} / {results['version_ms']:.0f} ms = "
         f"{results['command_ratio']:.2f}x", "command_ratio"),
        ("edit to found", f"{results['edit_ms']:.0f} ms", "edit_ms"),
        ("library first frame / minimal app",
         f"{results['library_ms']:.0f} / {results['minimal_ms']:.0f} ms = "
         f"{results['library_ratio']:.2f}x", "library_ratio"),
        ("library peak RSS", f"{results['library_peak_mb']:.0f} MB", "library_peak_mb"),
    ]
    lines = [f"archive of {results['briefings']:,} briefings"]
    for label, value, key in rows:
        budget = BUDGETS[key]
        verdict = "PASS" if results[key] is not None and results[key] <= budget else "FAIL"
        lines.append(f"  {label:36} {value:28} budget {budget:g}  {verdict}")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="archive.py", description=__doc__.split("\n\n")[0])
    parser.add_argument("--briefings", type=int, default=10_000, metavar="N",
                        help="briefings in the synthetic archive (default: %(default)s)")
    parser.add_argument("--runs", type=int, default=5, metavar="N",
                        help="timed runs of each process (default: %(default)s)")
    parser.add_argument("--json", type=Path, metavar="PATH", help="also write the results here")
    parser.add_argument("--job", choices=("build", "query", "edit"), help=argparse.SUPPRESS)
    parser.add_argument("folder", nargs="?", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.job:
        jobs = {"build": job_build, "query": job_query, "edit": job_edit}
        print(json.dumps(jobs[args.job](args.folder)))
        return 0
    if args.briefings < 2 or args.runs < 1:
        parser.error("--briefings must be 2 or more and --runs 1 or more")
    with tempfile.TemporaryDirectory(prefix="briefing-archive-bench-") as work:
        results = measure(args.briefings, args.runs, Path(work))
    print(report(results))
    if args.json:
        args.json.write_text(json.dumps(results, indent=1, default=str), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
