"""Start a program in a real pseudo-terminal and time its first paint.

The child gets a pty of a fixed size; its output is fed to a pyte screen,
and the first paint is the moment every expected string is on that screen.
Peak memory is the child's VmHWM, read from /proc once its output settles.

    python benchmarks/pty_paint.py --expect TEXT [--expect TEXT] -- COMMAND [ARG...]
"""

from __future__ import annotations

import argparse
import contextlib
import fcntl
import os
import pty
import select
import signal
import struct
import termios
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import pyte


@dataclass(frozen=True)
class Paint:
    """One start-up: seconds to the first paint and the peak RSS in bytes
    (None where /proc cannot tell)."""

    seconds: float
    peak_rss: int | None


class PaintTimeout(RuntimeError):
    """The expected text never reached the screen."""


def _peak_rss(pid: int) -> int | None:
    try:
        with open(f"/proc/{pid}/status", encoding="ascii", errors="replace") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        return None
    return None


def first_paint(argv: Sequence[str], needles: Sequence[str], *, env: Mapping[str, str],
                columns: int = 100, lines: int = 30, timeout: float = 120.0,
                settle: float = 0.3, settle_limit: float = 3.0) -> Paint:
    """Spawn `argv` on a `columns`x`lines` pty; time until all `needles` show.

    After the paint, output is drained until it is quiet for `settle` seconds
    (at most `settle_limit`), then the peak RSS is read and the child is
    asked to quit (q), then killed if it lingers.
    """
    screen = pyte.Screen(columns, lines)
    stream = pyte.ByteStream(screen)
    child_env = {**os.environ, **env, "TERM": "xterm-256color",
                 "COLUMNS": str(columns), "LINES": str(lines)}
    start = time.perf_counter()
    pid, fd = pty.fork()
    if pid == 0:  # the child: never returns
        try:
            os.execvpe(argv[0], list(argv), child_env)
        finally:
            os._exit(127)
    try:
        fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", lines, columns, 0, 0))
        painted = None
        deadline = start + timeout
        while painted is None:
            left = deadline - time.perf_counter()
            if left <= 0 or not _read(fd, stream, left):
                text = "\n".join(screen.display)
                raise PaintTimeout(f"{argv[0]}: no first paint after {timeout:.0f} s; "
                                   f"screen:\n{text}")
            text = "\n".join(screen.display)
            if all(needle in text for needle in needles):
                painted = time.perf_counter() - start
        quiet_until = time.perf_counter() + settle_limit
        while time.perf_counter() < quiet_until and _read(fd, stream, settle):
            pass
        peak = _peak_rss(pid)
        with contextlib.suppress(OSError):
            os.write(fd, b"q")
        _reap(pid, fd, stream)
        return Paint(painted, peak)
    finally:
        with contextlib.suppress(ProcessLookupError, ChildProcessError):
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
        os.close(fd)


def _read(fd: int, stream: pyte.ByteStream, timeout: float) -> bool:
    """Feed whatever arrives within `timeout`; False when nothing did."""
    ready, _, _ = select.select([fd], [], [], timeout)
    if not ready:
        return False
    try:
        data = os.read(fd, 1 << 16)
    except OSError:  # the child closed the pty
        return False
    if not data:
        return False
    stream.feed(data)
    return True


def _reap(pid: int, fd: int, stream: pyte.ByteStream, timeout: float = 3.0) -> None:
    """Wait for the child to exit on its own, draining the pty meanwhile."""
    end = time.perf_counter() + timeout
    while time.perf_counter() < end:
        done, _ = os.waitpid(pid, os.WNOHANG)
        if done:
            return
        _read(fd, stream, 0.05)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="pty_paint.py", description="Start COMMAND in a pseudo-terminal and print the "
        "seconds until every TEXT is on its screen, and its peak RSS.")
    parser.add_argument("--expect", action="append", required=True, metavar="TEXT",
                        help="text that must be on screen (repeat for several)")
    parser.add_argument("--columns", type=int, default=100, help="(default: %(default)s)")
    parser.add_argument("--lines", type=int, default=30, help="(default: %(default)s)")
    parser.add_argument("command", nargs="+", metavar="COMMAND",
                        help="the program and its arguments (after --)")
    args = parser.parse_args(argv)
    paint = first_paint(args.command, args.expect, env={}, columns=args.columns,
                        lines=args.lines)
    peak = f"{paint.peak_rss / (1024 * 1024):.1f} MB" if paint.peak_rss else "unknown"
    print(f"first paint {paint.seconds * 1000:.1f} ms, peak RSS {peak}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
