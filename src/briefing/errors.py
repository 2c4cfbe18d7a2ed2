"""The one error type the core raises for bad input, and how it reads.

Every refusal names the file and the place: `file:line:col: message` where
TOML itself is broken, `file: entry.path: message` where a rule is broken.
The message is part of the project's contract, so it is built here only.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import NamedTuple

from briefing.text import shorten, visible

MAX_PROBLEMS_SHOWN = 20
# Problems made into messages at most; the rest are counted. More than a
# screenful, for callers that act on each (the importer drops refused entries).
MAX_PROBLEMS_KEPT = 100
_MAX_WHERE = 120
_LINE_COLUMN = re.compile(r"[0-9]+:[0-9]+")


class Problem(NamedTuple):
    """One thing wrong with a file, and where.

    `where` is `line:col`, an entry path such as `quotes[3].text`, or empty
    when the problem concerns the whole file. `detail` holds extra lines
    (the offending source line and a caret) shown under the message.
    """

    where: str
    message: str
    detail: tuple[str, ...] = ()

    def line(self, source: str) -> str:
        """The problem as one line naming the file."""
        source = visible(source, one_line=True)
        message = visible(self.message, one_line=True)
        where = shorten(self.where, _MAX_WHERE)  # a hostile key must not make a 100 KB line
        if not where:
            return f"{source}: {message}"
        if _LINE_COLUMN.fullmatch(where):
            return f"{source}:{where}: {message}"
        return f"{source}: {where}: {message}"


class BriefingError(Exception):
    """A file could not be used; `str()` is what the user reads.

    `more` counts problems found but not kept: a file with a million wrong
    values is refused with the first of them and how many more there were.
    """

    def __init__(self, source: str, problems: Sequence[Problem], more: int = 0) -> None:
        self.source = source
        self.problems = tuple(problems)
        self.more = more
        super().__init__(self.render())

    @classmethod
    def single(cls, source: str, message: str, where: str = "") -> BriefingError:
        return cls(source, [Problem(where, message)])

    @property
    def headline(self) -> str:
        """The first problem on one line: for a banner or a list entry."""
        return self.problems[0].line(self.source) if self.problems else self.source

    def render(self, limit: int = MAX_PROBLEMS_SHOWN) -> str:
        lines: list[str] = []
        for problem in self.problems[:limit]:
            lines.append(problem.line(self.source))
            lines.extend(visible(extra) for extra in problem.detail)
        hidden = max(0, len(self.problems) - limit) + self.more
        if hidden > 0:
            lines.append(f"... and {hidden:,} more")
        return "\n".join(lines)
