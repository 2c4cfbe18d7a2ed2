"""A probe of the event loop: how long the UI could not run.

Not a script: `stalls.py` starts one in the app's own loop. It wakes every
millisecond; a long gap between two wake-ups is a stall of the UI (a
callback, a layout, or a full garbage collection, which it also counts).
"""

from __future__ import annotations

import asyncio
import gc
import time
from collections.abc import Callable
from typing import Any


class LoopProbe:
    """Wakes every `interval` seconds in the running loop and keeps each
    wait as (start, end); `on_tick(now)` is called at every wake-up."""

    def __init__(self, on_tick: Callable[[float], None] | None = None,
                 interval: float = 0.001) -> None:
        self.on_tick = on_tick
        self.interval = interval
        self.waits: list[tuple[float, float]] = []
        # CPU time the loop's thread used in each wait: what the UI itself
        # spent, without the time it waited for a busy machine's cores.
        self.busy: list[float] = []
        self.collections: list[float] = []  # start, stop, start, stop... of full ones
        self.stopped = False

    async def run(self) -> None:
        gc.callbacks.append(self._collection)
        last = time.perf_counter()
        last_cpu = time.thread_time()
        try:
            while not self.stopped:
                await asyncio.sleep(self.interval)
                now, cpu = time.perf_counter(), time.thread_time()
                self.waits.append((last, now))
                self.busy.append(cpu - last_cpu)
                last, last_cpu = now, cpu
                if self.on_tick is not None:
                    self.on_tick(now)
        finally:
            gc.callbacks.remove(self._collection)

    def _collection(self, phase: str, info: dict[str, int]) -> None:
        if info.get("generation") == 2:
            self.collections.append(time.perf_counter())

    def full_collections(self, start: float, end: float) -> int:
        """Full garbage collections that started in [start, end]."""
        return sum(start <= moment <= end for moment in self.collections[::2])

    def largest_busy_gap(self, start: float, end: float) -> float:
        """The most CPU time (ms) the loop's thread spent in one wait that
        overlaps [start, end]: the stall on an idle machine."""
        return max((busy * 1000 for (a, b), busy in zip(self.waits, self.busy, strict=True)
                    if b > start and a < end), default=0.0)

    def largest_gap(self, start: float, end: float) -> float:
        """The longest wait (ms) that overlaps [start, end]."""
        return max(((b - a) * 1000 for a, b in self.waits if b > start and a < end),
                   default=0.0)


def current_screen(app: Any) -> Any:
    """The app's screen, or None before it has one."""
    try:
        return app.screen
    except Exception:  # ScreenStackError before the app starts
        return None
