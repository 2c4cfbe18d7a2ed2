"""A guard for a block that must not hang: a pipe waiting for its other end,
an import gone super-linear. A module of its own, not conftest: two
conftest.py files share the module name, and which one an import finds
depends on which tests were collected first."""

from __future__ import annotations

import contextlib
import signal
from collections.abc import Iterator


@contextlib.contextmanager
def no_hang(seconds: int, what: str = "the block") -> Iterator[None]:
    """Fail with TimeoutError, instead of waiting for ever, if the block runs
    over `seconds` (where SIGALRM exists)."""
    if not hasattr(signal, "SIGALRM"):
        yield
        return

    def give_up(signum: int, frame: object) -> None:
        raise TimeoutError(f"{what} took over {seconds} s")

    previous = signal.signal(signal.SIGALRM, give_up)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
