"""The run's output: one table (each row with the budget it is checked
against, PASS/FAIL) and the JSON that keeps every sample.

Not a script: `run.py` (and the measuring scripts, for their own tables) use it.
"""

from __future__ import annotations

import os
import platform
from collections.abc import Mapping, Sequence
from dataclasses import asdict
from datetime import UTC, datetime
from typing import Any

from budgets import Budget
from common import COLUMNS, LINES, Measurement

NAMES = {"first_paint": "first paint", "peak_rss": "peak RSS", "next_quote": "next quote",
         "next_quote_settled": "next quote, settled", "restore_stall": "restore stall",
         "restore_time": "restore time", "search_stall": "search stall",
         "search_results": "search results", "load": "load", "export": "export",
         "import": "import"}
ORDER = tuple(NAMES)


def subject_label(subject: str) -> str:
    if subject.isdigit():
        return f"{int(subject):,} quotes"
    if subject.startswith("reopen-"):
        rest = subject.removeprefix("reopen-")
        return f"{int(rest):,} reopened" if rest.isdigit() else f"{rest} reopened"
    if subject.endswith("-words"):
        return f"{int(subject.split('-')[0]):,} words"
    return subject


def amount(value: float | None, unit: str) -> str:
    if value is None:
        return "-"
    if unit == "s":
        return f"{value * 1000:.1f} ms" if value < 1 else f"{value:.2f} s"
    return f"{value:.1f} {unit}"


def cells(m: Measurement) -> tuple[str, str]:
    """The measured and floor cells; next-quote rows show median / p95."""
    if m.metric in ("next_quote", "next_quote_settled"):
        p95, floor_p95 = m.extra.get("p95"), m.extra.get("floor_p95")
        value = (f"{m.value:.1f} / {p95:.1f} ms" if m.value is not None and p95 is not None
                 else "-")
        floor = (f"{m.floor:.1f} / {floor_p95:.1f} ms"
                 if m.floor is not None and floor_p95 is not None else "-")
        return value, floor
    return amount(m.value, m.unit), amount(m.floor, m.unit)


def table(measurements: Sequence[Measurement], budgets: Sequence[Budget]) -> str:
    """One row per measurement with its budgets; budgets of rows never
    measured follow at the end."""
    header = ("metric", "briefing", "measured", "floor", "x floor", "budget", "result")
    rows: list[tuple[str, ...]] = []
    by_row: dict[tuple[str, str], list[Budget]] = {}
    for budget in budgets:
        by_row.setdefault((budget.metric, budget.subject), []).append(budget)
    shown: set[tuple[str, str]] = set()
    for metric in ORDER:
        for m in (m for m in measurements if m.metric == metric):
            value, floor = cells(m)
            ratio = f"{m.ratio:.2f}x" if m.ratio is not None else "-"
            checked = by_row.get((m.metric, m.subject), [])
            shown.add((m.metric, m.subject))
            verdict = "/".join(b.status for b in checked) or ("ERROR" if m.error else "-")
            rows.append((NAMES[metric], subject_label(m.subject), value, floor, ratio,
                         "; ".join(b.shown for b in checked) or "-", verdict))
    for budget in budgets:
        if (budget.metric, budget.subject) not in shown:
            rows.append((NAMES.get(budget.metric, budget.metric),
                         subject_label(budget.subject), "-", "-", "-", budget.shown,
                         budget.status))
    widths = [max(len(row[i]) for row in (header, *rows)) for i in range(len(header))]
    lines = ["  ".join(cell.ljust(width) for cell, width in zip(header, widths, strict=True))]
    lines.append("  ".join("-" * width for width in widths))
    lines += ["  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True))
              for row in rows]
    return "\n".join(line.rstrip() for line in lines)


def summary(budgets: Sequence[Budget]) -> str:
    counts = {status: sum(b.status == status for b in budgets)
              for status in ("PASS", "FAIL", "ERROR", "SKIP")}
    return "budgets: " + ", ".join(f"{count} {status}" for status, count in counts.items())


def errors(measurements: Sequence[Measurement]) -> list[str]:
    return [f"{m.metric} [{m.subject}]: {m.error}" for m in measurements if m.error]


def meta(settings: Mapping[str, Any]) -> dict[str, Any]:
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
        "settings": dict(settings),
        "PYTHONDONTWRITEBYTECODE": os.environ.get("PYTHONDONTWRITEBYTECODE", ""),
    }


def to_json(measurements: Sequence[Measurement], budgets: Sequence[Budget],
            settings: Mapping[str, Any]) -> dict[str, Any]:
    metrics: dict[str, dict[str, Any]] = {}
    for m in measurements:
        metrics.setdefault(m.metric, {})[m.subject] = m.as_json()
    return {"meta": meta(settings), "metrics": metrics,
            "budgets": [asdict(b) for b in budgets]}
