"""First readable frame and peak RSS of `briefing FILE` in a pseudo-terminal.

    python benchmarks/paint.py [--runs 9] [--inherit-bytecode] FILE...

Each FILE is opened with an empty cache folder ("first open": never opened
before) and again with the cache of an earlier open in place ("reopened"),
beside the floor: `minimal_app.py` (one Static) started the same way. The
frame counts once the title and the start of the first paragraph are on an
emulated 100x30 screen (`pty_paint.py`); peak RSS is the process's VmHWM
once its output is quiet. Runs are interleaved so drift hits every subject
alike, after an untimed warm-up round.
"""

from __future__ import annotations

import argparse
import shutil
import sys
from collections.abc import Sequence
from pathlib import Path

import pty_paint
from common import COLUMNS, HERE, LINES, MB, Measurement, Subject, median, subjects_from_files


def needles(subject: Subject) -> tuple[str, str]:
    """What must be on screen: the title's and the paragraph's first words
    (short enough not to be truncated or wrapped at 100 columns)."""
    return subject.title[:40].rstrip(), subject.paragraph[:20].rstrip()


def briefing_command() -> str:
    """The installed `briefing` console script, next to this interpreter if there."""
    beside = Path(sys.executable).parent / "briefing"
    if beside.exists():
        return str(beside)
    found = shutil.which("briefing")
    if found is None:
        raise RuntimeError("the `briefing` command is not installed (pip install -e .)")
    return found


def measure_paints(work: Path, subjects: Sequence[Subject], runs: int, *,
                   bytecode_cache: bool = True, warmup: bool = True) -> list[Measurement]:
    """first_paint and peak_rss for each subject, first open and reopened
    (subject names NAME and reopen-NAME), each beside the minimal app.

    The warm-up round warms the OS file cache and fills each reopen's cache
    folder; without `warmup` only the reopens get it (they need it). With
    `bytecode_cache`, children write and reuse bytecode in a private folder
    (as an installed wheel has it); otherwise they inherit this environment.
    """
    if not subjects:
        return []
    command = briefing_command()
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

    # (name, subject, minimal app?, cache folder kept across runs or None: a fresh one)
    plan: list[tuple[str, Subject, bool, Path | None]] = [("minimal", subjects[0], True, None)]
    for subject in subjects:
        plan.append((subject.name, subject, False, None))
        plan.append((f"reopen-{subject.name}", subject, False, fresh(f"reopen-{subject.name}")))

    def paint(subject: Subject, minimal: bool, cache: Path | None) -> pty_paint.Paint:
        argv = ([sys.executable, str(HERE / "minimal_app.py"), subject.title, subject.paragraph]
                if minimal else [command, str(subject.path)])
        env = {**base_env, "BRIEFING_STATE_DIR": str(fresh("state")),
               "BRIEFING_CACHE_DIR": str(cache or fresh("cache"))}
        return pty_paint.first_paint(argv, needles(subject), env=env, columns=COLUMNS,
                                     lines=LINES)

    times: dict[str, list[float]] = {name: [] for name, *_ in plan}
    peaks: dict[str, list[float]] = {name: [] for name, *_ in plan}
    errors: dict[str, str] = {}
    for round_ in range(runs + 1):
        for name, subject, minimal, cache in plan:
            if round_ == 0 and not warmup and cache is None:
                continue
            try:
                result = paint(subject, minimal, cache)
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
        error = errors.get(name) or (f"minimal app: {errors['minimal']}"
                                     if "minimal" in errors else None)
        measurements.append(Measurement(
            "first_paint", name, "s", median(times[name]), median(floor_time),
            times[name], floor_time, dict(extra), error))
        measurements.append(Measurement(
            "peak_rss", name, "MB", max(peaks[name], default=None),
            max(floor_peak, default=None), peaks[name], floor_peak, error=error))
    return measurements


def main(argv: Sequence[str] | None = None) -> int:
    import tempfile

    import report

    parser = argparse.ArgumentParser(prog="paint.py", description=__doc__.split("\n\n")[0])
    parser.add_argument("files", nargs="+", type=Path, metavar="FILE",
                        help="briefing files to open")
    parser.add_argument("--runs", type=int, default=9, help="timed runs (default: %(default)s)")
    parser.add_argument("--inherit-bytecode", action="store_false", dest="bytecode_cache",
                        help="started apps inherit this environment's bytecode settings "
                        "(default: they cache bytecode in a private folder, as an installed "
                        "wheel has it)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="briefing-paint-") as folder:
        found = measure_paints(Path(folder), subjects_from_files(args.files), args.runs,
                               bytecode_cache=args.bytecode_cache)
    print(report.table(found, []))
    return 0


if __name__ == "__main__":
    sys.exit(main())
