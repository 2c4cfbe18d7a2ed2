"""The budgets, as data, and their evaluation against one run's measurements.

Not a script: `run.py` evaluates them. Ratios compare a figure with its floor
measured in the same run (the machine is shared and noisy: only like-for-like
comparisons in one run mean anything); the rest are absolute (a frame is
16 ms at 60 Hz whatever the machine).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from common import Measurement

LARGE = "10000"  # the size whose budgets differ
FRAME_MS = 16.0


def first_open(subject: str) -> bool:
    return not subject.startswith("reopen-") and subject != LARGE


def reopened(subject: str) -> bool:
    return subject.startswith("reopen-") and subject != f"reopen-{LARGE}"


def only(name: str) -> Callable[[str], bool]:
    return lambda subject: subject == name


def every(subject: str) -> bool:
    return True


@dataclass(frozen=True)
class Rule:
    """A budget: for the `metric` rows whose subject `applies`, `what`
    (the "ratio" to the floor, the "value", or a key of the row's extra,
    e.g. "p95") must be at most `limit` (in `unit`: "x" for a ratio)."""

    metric: str
    applies: Callable[[str], bool]
    what: str
    limit: float
    unit: str
    says: str
    must_exist: str | None = None  # a subject that must have been measured, if its size ran


RULES: tuple[Rule, ...] = (
    Rule("first_paint", first_open, "ratio", 1.5, "x", "<= 1.5x minimal app"),
    Rule("first_paint", reopened, "ratio", 1.2, "x", "<= 1.2x minimal app"),
    Rule("first_paint", only(LARGE), "ratio", 3.0, "x", "<= 3x minimal app", LARGE),
    Rule("first_paint", only(f"reopen-{LARGE}"), "ratio", 1.5, "x", "<= 1.5x minimal app",
         f"reopen-{LARGE}"),
    Rule("peak_rss", only(LARGE), "value", 150.0, "MB", "<= 150 MB", LARGE),
    Rule("next_quote", lambda s: s != "seed", "p95", FRAME_MS, "ms", "p95 <= 16 ms"),
    Rule("restore_stall", every, "value", FRAME_MS, "ms", "largest gap <= 16 ms"),
    Rule("search_stall", every, "value", FRAME_MS, "ms", "largest gap <= 16 ms"),
    Rule("search_results", every, "value", 100.0, "ms", "slowest key <= 100 ms"),
)


@dataclass
class Budget:
    """One rule checked on one row, and whether this run held it."""

    metric: str
    subject: str
    rule: str
    measured: float | None
    limit: float
    unit: str
    status: str  # PASS, FAIL, SKIP (size not measured) or ERROR (figure missing)

    @property
    def shown(self) -> str:
        """The rule with what was measured, e.g. `<= 1.5x minimal app (1.32x)`."""
        if self.measured is None:
            return self.rule
        if self.unit == "x":
            return f"{self.rule} ({self.measured:.2f}x)"
        return f"{self.rule} ({self.measured:.1f} {self.unit})"


def _measured(rule: Rule, row: Measurement) -> float | None:
    if rule.what == "ratio":
        return row.ratio
    if rule.what == "value":
        return row.value
    found = row.extra.get(rule.what)
    return float(found) if isinstance(found, int | float) else None


def check(rule: Rule, row: Measurement) -> Budget:
    measured = _measured(rule, row)
    status = "ERROR" if measured is None else "PASS" if measured <= rule.limit else "FAIL"
    return Budget(row.metric, row.subject, rule.says, measured, rule.limit, rule.unit, status)


def evaluate(measurements: Sequence[Measurement], sizes: Sequence[int],
             rules: Sequence[Rule] = RULES) -> list[Budget]:
    """Every rule on every row it applies to; a rule whose subject's size
    was not in the run is a SKIP, one whose subject is missing an ERROR."""
    budgets: list[Budget] = []
    for rule in rules:
        rows = [m for m in measurements if m.metric == rule.metric and rule.applies(m.subject)]
        budgets += [check(rule, row) for row in rows]
        if rule.must_exist is not None and not rows:
            ran = int(LARGE) in sizes
            budgets.append(Budget(rule.metric, rule.must_exist, rule.says, None, rule.limit,
                                  rule.unit, "ERROR" if ran else "SKIP"))
    return budgets


def failed(budgets: Sequence[Budget]) -> list[Budget]:
    return [budget for budget in budgets if budget.status in ("FAIL", "ERROR")]
