"""Load, export and import timings, in this process, each beside a floor.

    python benchmarks/load.py [--runs 5] FILE...

- load: `load_briefing` (a fresh cache folder each time) beside a bare
  read + `rtoml.loads`;
- export: `render_digest` beside a plain join of the same entries;
- import: `draft_from_text` on a ~1,500-word article from `import_corpus/`
  beside a split and a quote regex.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import rtoml

import synthetic
from common import HERE, Measurement, Subject, environment, median, subjects_from_files, timed

IMPORT_WORDS = 1_500

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
    """An article of about `words` words, and where its text came from:
    paragraphs of import_corpus/*.txt (else generated ones), repeated until
    long enough."""
    sources = sorted((HERE / "import_corpus").glob("*.txt"))
    origin = "benchmarks/import_corpus"
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


def main(argv: Sequence[str] | None = None) -> int:
    import tempfile

    import report

    parser = argparse.ArgumentParser(prog="load.py", description=__doc__.split("\n\n")[0])
    parser.add_argument("files", nargs="+", type=Path, metavar="FILE",
                        help="briefing files to load and export")
    parser.add_argument("--runs", type=int, default=5, help="timed runs (default: %(default)s)")
    args = parser.parse_args(argv)
    subjects = subjects_from_files(args.files)
    with tempfile.TemporaryDirectory(prefix="briefing-load-") as folder:
        found = measure_load(Path(folder), subjects, args.runs)
    found += measure_export(subjects, args.runs) + measure_import(args.runs)
    print(report.table(found, []))
    return 0


if __name__ == "__main__":
    sys.exit(main())
