"""The benchmark runner still runs: the smallest size, minimal repetitions.

No budgets and no timings are asserted here (the suite must stay fast and
deterministic); only that every metric gets a table row and a number in
valid JSON, so benchmarks/run.py cannot rot unnoticed.
"""

from __future__ import annotations

import importlib.util
import json
import math
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"
HELPERS = ("minimal_app", "pty_paint", "synthetic")
METRICS = ("first_paint", "peak_rss", "next_quote", "next_quote_settled", "load", "export",
           "import")


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
                               warmup=False)
    with runner.environment(BRIEFING_STATE_DIR=str(work / "state"),
                            BRIEFING_CACHE_DIR=str(work / "cache")):
        return runner.run(settings, work=work, log=lambda line: None)


def test_every_metric_has_a_table_row(runner: ModuleType, results: Any) -> None:
    rows = runner.table(results).splitlines()[2:]
    for metric in METRICS:
        name = runner._NAMES[metric]
        assert any(row.startswith(name + " ") for row in rows), f"no row for {metric}"
    assert not runner.errors(results), runner.errors(results)


def test_every_metric_has_a_number_in_valid_json(runner: ModuleType, results: Any) -> None:
    data = json.loads(json.dumps(runner.to_json(results)))
    for metric in METRICS:
        entries = data["metrics"][metric]
        assert entries, f"no {metric} entries"
        for subject, entry in entries.items():
            assert entry["error"] is None, (metric, subject, entry["error"])
            for key in ("value", "floor"):
                assert isinstance(entry[key], int | float) and math.isfinite(entry[key]), \
                    (metric, subject, key, entry[key])
    assert set(data["metrics"]["first_paint"]) == {"seed", "reopen-seed", "100", "reopen-100"}
    statuses = {budget["status"] for budget in data["budgets"]}
    assert statuses <= {"PASS", "FAIL", "SKIP", "ERROR"}
    assert "ERROR" not in statuses


def test_command_line_options(runner: ModuleType, tmp_path: Path) -> None:
    quick = runner.settings_from(runner.parse_args(["--quick", "--sizes", "1000,100",
                                                    "--json", str(tmp_path / "r.json")]))
    assert quick.sizes == (100,) and quick.paint_runs == 2
    full = runner.settings_from(runner.parse_args([]))
    assert full.sizes == (100, 1_000, 10_000) and full.paint_runs == 9
    assert full.presses >= 200
