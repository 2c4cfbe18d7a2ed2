"""Scaling tests measure a ratio, never a time: the best of a few rounds on
a small input and a large one. A module of its own, not conftest (see
guards.py): tests/ and tests/tui both use it."""

from __future__ import annotations

import inspect
from collections.abc import Awaitable, Callable
from typing import TypeVar

T = TypeVar("T")


async def best_times(measure: Callable[[T], float | Awaitable[float]], small: T, large: T, *,
                     attempts: int, enough: float) -> tuple[float, float]:
    """The best seconds of `measure` (plain or async) on `small` and on
    `large`, after one untimed warm-up on `small`; up to `attempts` rounds,
    ending early once large / small is below `enough` (a busy machine can
    slow one round, not all of them)."""
    async def seconds(subject: T) -> float:
        result = measure(subject)
        return await result if inspect.isawaitable(result) else result

    await seconds(small)  # warm up: imports, compiled patterns, caches
    best_small = best_large = float("inf")
    for _ in range(attempts):
        best_small = min(best_small, await seconds(small))
        best_large = min(best_large, await seconds(large))
        if best_large / best_small < enough:
            break
    return best_small, best_large
