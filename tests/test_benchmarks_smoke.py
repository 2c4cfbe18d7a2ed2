"""The benchmark runner still runs: the smallest size, minimal repetitions.

No budgets and no timings are asserted here (the suite must stay fast and
deterministic); only that every metric gets a table row and a number in
valid JSON, so benchmarks/run.py cannot rot unnoticed; and that every
script in benchmarks/ answers --help and refuses bad arguments.
"""

from __future__ import annotations

import importlib.util
import json
import math
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"
# The modules run.py imports from benchmarks/ (dropped from sys.modules after).
HELPERS = ("budgets", "common", "keys", "load", "loop_probe", "minimal_app", "paint",
           "pty_paint", "report", "stalls", "synthetic")
METRICS = ("first_paint", "peak_rss", "next_quote", "next_quote_settled", "restore_stall",
           "restore_time", "search_stall", "search_results", "load", "export", "import")
# Absolute figures, checked against a budget alone: they have no floor.
NO_FLOOR = {"restore_time", "search_results"}
SCRIPTS = ("run.py", "paint.py", "keys.py", "stalls.py", "load.py", "synthetic.py",
           "minimal_app.py", "pty_paint.py", "score_import.py", "real_corpus/select.py",
           "score_extraction.py", "import_web.py", "archive.py")


@pytest.fixture(scope="module")
def runner() -> Iterator[ModuleType]:
    """benchmarks/run.py as a module (its helpers are imported beside it)."""
    sys.path.insert(0, str(BENCHMARKS))
    try:
        spec = importlib.util.spec_from_file_location("briefing_benchmarks_run",
                                                      BENCHMARKS / "run.py")
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        sys.modules[spec.name] = module  # dataclasses look their module up there
        spec.loader.exec_module(module)
        yield module
    finally:
        sys.path.remove(str(BENCHMARKS))
        for name in (*HELPERS, "briefing_benchmarks_run"):
            sys.modules.pop(name, None)


@pytest.fixture(scope="module")
def results(runner: ModuleType, tmp_path_factory: pytest.TempPathFactory) -> Any:
    work = tmp_path_factory.mktemp("bench")
    settings = runner.Settings(sizes=(100,), paint_runs=1, timing_runs=1, presses=3,
                               stall_runs=1, warmup=False)
    with runner.environment(BRIEFING_STATE_DIR=str(work / "state"),
                            BRIEFING_CACHE_DIR=str(work / "cache")):
        return runner.run(settings, work=work, log=lambda line: None)


def test_every_metric_has_a_table_row(runner: ModuleType, results: Any) -> None:
    report = sys.modules["report"]
    rows = report.table(results.measurements, results.budgets).splitlines()[2:]
    for metric in METRICS:
        name = report.NAMES[metric]
        assert any(row.startswith(name + " ") for row in rows), f"no row for {metric}"
    assert not report.errors(results.measurements), report.errors(results.measurements)


def test_every_metric_has_a_number_in_valid_json(runner: ModuleType, results: Any) -> None:
    report = sys.modules["report"]
    data = json.loads(json.dumps(report.to_json(results.measurements, results.budgets, {})))
    for metric in METRICS:
        entries = data["metrics"][metric]
        assert entries, f"no {metric} entries"
        for subject, entry in entries.items():
            assert entry["error"] is None, (metric, subject, entry["error"])
            for key in ("value",) if metric in NO_FLOOR else ("value", "floor"):
                assert isinstance(entry[key], int | float) and math.isfinite(entry[key]), \
                    (metric, subject, key, entry[key])
    assert set(data["metrics"]["first_paint"]) == {"seed", "reopen-seed", "100", "reopen-100"}
    statuses = {budget["status"] for budget in data["budgets"]}
    assert statuses <= {"PASS", "FAIL", "SKIP", "ERROR"}
    assert "ERROR" not in statuses


def test_command_line_options(runner: ModuleType, tmp_path: Path) -> None:
    quick = runner.settings_from(runner.parse_args(["--quick", "--sizes", "1000,100",
                                                    "--json", str(tmp_path / "r.json")]))
    assert quick.sizes == (100,) and quick.paint_runs == 2 and quick.stall_runs == 1
    full = runner.settings_from(runner.parse_args(["--runs", "3", "--presses", "20"]))
    assert full.sizes == (100, 1_000, 10_000)
    assert (full.paint_runs, full.presses) == (3, 20)
    for bad in (["--sizes", "ten"], ["--sizes", "1"], ["--runs", "0"], ["--presses", "-5"]):
        with pytest.raises(SystemExit) as exited:
            runner.parse_args(bad)
        assert exited.value.code == 2, bad


def test_budgets_fail_above_their_limit(runner: ModuleType) -> None:
    budgets, common = sys.modules["budgets"], sys.modules["common"]
    rows = [common.Measurement("first_paint", "100", "s", 0.4, 0.2),
            common.Measurement("first_paint", "reopen-100", "s", 0.2, 0.2),
            common.Measurement("search_stall", "100", "ms", 16.5, 2.0)]
    found = {(b.metric, b.subject): b.status for b in budgets.evaluate(rows, (100,))}
    assert found[("first_paint", "100")] == "FAIL"  # 2x, over 1.5x
    assert found[("first_paint", "reopen-100")] == "PASS"
    assert found[("search_stall", "100")] == "FAIL"
    assert found[("peak_rss", "10000")] == "SKIP"  # 10,000 quotes not in this run
    assert budgets.evaluate(rows[:1], (100, 10_000))[-1].status == "ERROR"


@pytest.mark.parametrize("script", SCRIPTS)
def test_every_script_prints_help(script: str) -> None:
    done = subprocess.run([sys.executable, str(BENCHMARKS / script), "--help"],
                          capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("usage:"), done.stdout[:200]


@pytest.mark.parametrize("argv", [["keys.py", "--presses", "0", "minimal"],
                                  ["stalls.py", "restore", "x.toml", "--at", "2"],
                                  ["stalls.py", "search", "x.toml", "--word", "two words"],
                                  ["paint.py"], ["load.py"], ["stalls.py"],
                                  ["archive.py", "--briefings", "1"]])
def test_scripts_refuse_bad_arguments(argv: list[str]) -> None:
    done = subprocess.run([sys.executable, str(BENCHMARKS / argv[0]), *argv[1:]],
                          capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 2, (done.returncode, done.stderr)
    assert "usage:" in done.stderr


def test_the_archive_benchmark_measures_every_budget_on_a_small_folder(tmp_path: Path) -> None:
    out = tmp_path / "archive.json"
    done = subprocess.run([sys.executable, str(BENCHMARKS / "archive.py"), "--briefings", "30",
                           "--runs", "1", "--json", str(out)],
                          capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    results = json.loads(out.read_text())
    assert results["build"]["briefings"] == 30 and results["build"]["broken"] == 0
    for figure in ("build_ms_per_briefing", "query_p95_ms", "command_ratio", "edit_ms",
                   "library_ratio", "library_peak_mb"):
        assert results[figure] > 0, figure
    assert len([line for line in done.stdout.splitlines() if "budget" in line]) == 7


@pytest.fixture(scope="module")
def scorer() -> Iterator[ModuleType]:
    """benchmarks/score_import.py as a module."""
    spec = importlib.util.spec_from_file_location("briefing_benchmarks_score_import",
                                                  BENCHMARKS / "score_import.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    try:
        spec.loader.exec_module(module)
        yield module
    finally:
        sys.modules.pop(spec.name, None)


def test_real_corpus_annotations_hold(scorer: ModuleType) -> None:
    """Every annotated quote and figure is in its article, every field is there,
    and the split is the rule's: every third article held out (35 dev, 17 held-out)."""
    cases = scorer.load_real_cases()
    assert len(cases) == 52
    assert sorted(c.split for c in cases).count("held-out") == 17
    for case in cases:
        assert not scorer.annotation_problems(case), case.name


def test_real_corpus_scoring_runs(scorer: ModuleType) -> None:
    """Two dev articles through the importer and every real-corpus column (no
    numbers asserted: they move as the importer does)."""
    cases = [c for c in scorer.load_real_cases(splits=("dev",))
             if c.name in ("aljazeera-afghanistan-helicopter", "thehill-omar-threat-plea")]
    assert len(cases) == 2
    scores = [scorer.score_case(case, runs=1) for case in cases]
    report = scorer.Report([], 0, 0.0, scores)
    lines = scorer.render_real(report, verbose=True)
    assert any(line.startswith("all dev (2)") for line in lines)
    total = report.real_total(["dev"])
    assert total.quotes_expected == sum(len(c.quotes) for c in cases)
    assert total.sections_expected == sum(len(c.themes) for c in cases)
    for name in ("quote_recall", "speaker_accuracy", "figure_recall", "label_quality",
                 "boundary_recall"):
        assert 0.0 <= getattr(total, name) <= 1.0, name
    json.dumps(scorer.to_json(report))


def test_label_overlap_is_a_word_overlap(scorer: ModuleType) -> None:
    overlap = scorer.label_overlap
    assert overlap("people evacuated from Mariupol", "Mariupol: people evacuated") == 1.0
    assert overlap("years of the invasion", "year of the invasion") == 1.0
    assert overlap("fall in quarterly revenue", "figure") == 0.0
    assert 0.0 < overlap("Coty's stake in the business", "stake held by Coty") < 1.0


def test_speakers_compare_by_surname_and_description(scorer: ModuleType) -> None:
    same = scorer.same_speaker
    assert same("Patrick Carlineo Jr.", "Carlineo")
    assert same("a WeWork spokesperson", "WeWork spokesperson")
    assert not same("Ilhan Omar", "Carlineo's sentencing")
    assert not same("Mark Milley", "chairman of the Joint Chiefs of Staff")


def test_the_extraction_scorer_scores_the_saved_pages() -> None:
    """score_extraction.py on the five saved pages of tests/fixtures/web: a
    row per part of the split, with the benchmark's measure."""
    corpus = Path(__file__).resolve().parent / "fixtures" / "web"
    done = subprocess.run([sys.executable, str(BENCHMARKS / "score_extraction.py"),
                           "--corpus", str(corpus), "--jobs", "1"],
                          capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stderr
    rows = [line.split() for line in done.stdout.splitlines() if "pages" in line]
    assert [row[0] for row in rows] == ["dev", "held-out"]
    assert sum(int(row[1]) for row in rows) == 5
    for row in rows:
        if int(row[1]):
            assert float(row[row.index("F1") + 1]) >= 0.95
