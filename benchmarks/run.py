"""The benchmark suite: every figure measured in one run beside its floor,
checked against the budgets.

    python benchmarks/run.py [--sizes 100,1000,10000] [--quick] [--check]

It writes synthetic briefings of each size (synthetic.py) into a temporary
folder, measures them and the bundled briefing (load.py, keys.py, stalls.py
on the largest size, paint.py), evaluates the budgets (budgets.py), prints
one table and writes the JSON (report.py).
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path

import budgets
import keys
import load
import paint
import report
import stalls
from common import HERE, Measurement, environment, generate, seed_subject

DEFAULT_SIZES = (100, 1_000, 10_000)
DEFAULT_JSON = HERE / "results" / "latest.json"


@dataclass(frozen=True)
class Settings:
    """How much to measure: sizes and repetitions."""

    sizes: tuple[int, ...] = DEFAULT_SIZES
    paint_runs: int = 7  # first paints swing by a tenth on a shared machine: a median
    timing_runs: int = 5
    presses: int = 200
    stall_runs: int = 3
    bytecode_cache: bool = True
    warmup: bool = True  # an untimed first round of first paints


@dataclass
class Results:
    """Everything one run found."""

    settings: Settings
    measurements: list[Measurement] = field(default_factory=list)
    budgets: list[budgets.Budget] = field(default_factory=list)


def run(settings: Settings, *, work: Path, log: Callable[[str], None] = print) -> Results:
    """Generate the briefings, measure everything and evaluate the budgets."""
    results = Results(settings)
    briefs = work / "briefs"
    log(f"generating briefings of {', '.join(f'{s:,}' for s in settings.sizes)} quotes")
    subjects = generate(briefs, settings.sizes)
    log("load, export and import")
    results.measurements += load.measure_load(work, subjects, settings.timing_runs)
    results.measurements += load.measure_export(subjects, settings.timing_runs)
    results.measurements += load.measure_import(settings.timing_runs)
    log(f"next quote: {settings.presses} presses per size (headless)")
    results.measurements += keys.measure_keys(work, subjects, settings.presses)
    if subjects:
        largest = max(subjects, key=lambda subject: subject.quotes)
        log(f"restore and search stalls on {largest.quotes:,} quotes: "
            f"{settings.stall_runs} runs (headless)")
        results.measurements += stalls.measure_stalls(work, largest, settings.stall_runs)
    log(f"first paint and peak RSS: {settings.paint_runs} runs each in a pseudo-terminal")
    results.measurements += paint.measure_paints(
        work / "paint", [seed_subject(), *subjects], settings.paint_runs,
        bytecode_cache=settings.bytecode_cache, warmup=settings.warmup)
    results.budgets = budgets.evaluate(results.measurements, settings.sizes)
    return results


def sizes_argument(text: str) -> tuple[int, ...]:
    try:
        sizes = tuple(sorted({int(part.replace("_", "")) for part in text.split(",")
                              if part.strip()}))
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a list of numbers: {text!r}") from None
    if not sizes or min(sizes) < 2:
        raise argparse.ArgumentTypeError("sizes must be 2 quotes or more")
    return sizes


def positive(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return value


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="run.py", description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=sizes_argument, default=DEFAULT_SIZES,
                        help="quote counts of the synthetic briefings "
                        "(default: 100,1000,10000)")
    parser.add_argument("--quick", action="store_true",
                        help="the smallest size only, with few repetitions")
    parser.add_argument("--runs", type=positive,
                        help=f"first-paint runs per subject (default {Settings.paint_runs})")
    parser.add_argument("--presses", type=positive,
                        help=f"n presses per size (default {Settings.presses})")
    parser.add_argument("--json", type=Path, default=DEFAULT_JSON, metavar="PATH",
                        help="where to write the results (default: benchmarks/results/"
                        "latest.json)")
    parser.add_argument("--inherit-bytecode", action="store_false", dest="bytecode_cache",
                        help="started apps inherit this environment's bytecode settings "
                        "(default: they cache bytecode in a private folder, as an installed "
                        "wheel has it: with PYTHONDONTWRITEBYTECODE set, each start would "
                        "compile the sources again)")
    parser.add_argument("--check", action="store_true", help="exit 1 if any budget fails")
    return parser.parse_args(argv)


def settings_from(args: argparse.Namespace) -> Settings:
    if args.quick:
        base = Settings(sizes=args.sizes[:1], paint_runs=2, timing_runs=2, presses=50,
                        stall_runs=1, warmup=False)
    else:
        base = Settings(sizes=args.sizes)
    return Settings(base.sizes, args.runs or base.paint_runs, base.timing_runs,
                    args.presses or base.presses, base.stall_runs, args.bytecode_cache,
                    base.warmup)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    settings = settings_from(args)
    with tempfile.TemporaryDirectory(prefix="briefing-bench-") as folder:
        work = Path(folder)
        # Nothing measured here may read or write the user's state or cache.
        with environment(BRIEFING_STATE_DIR=str(work / "state"),
                         BRIEFING_CACHE_DIR=str(work / "cache")):
            results = run(settings, work=work, log=lambda line: print(line, file=sys.stderr))
    print(report.table(results.measurements, results.budgets))
    for problem in report.errors(results.measurements):
        print(f"error: {problem}")
    print(report.summary(results.budgets))
    args.json.parent.mkdir(parents=True, exist_ok=True)
    data = report.to_json(results.measurements, results.budgets, asdict(settings))
    args.json.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
    print(f"results: {args.json}")
    return 1 if args.check and budgets.failed(results.budgets) else 0


if __name__ == "__main__":
    sys.exit(main())
