"""Read an article (a file or standard input) into clean text, with warnings.

The article is someone else's file: it is read with a size limit through the
loader's `read_bytes` (regular files only), decoded as UTF-8, and every
character that must never reach a terminal (see `briefing.text`) is dropped
with a warning that names the line and the code point.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field

from briefing.errors import BriefingError
from briefing.loader import decode, read_bytes
from briefing.text import FORBIDDEN, describe_code_point, visible

# An article of 4 MiB is several hundred thousand words: far beyond any story.
MAX_ARTICLE_BYTES = 4 * 1024 * 1024
MAX_CHARACTER_WARNINGS = 20
STDIN = "-"
STDIN_SOURCE = "<stdin>"


@dataclass
class CleanText:
    """Article text with forbidden characters removed, and what was removed."""

    text: str
    warnings: list[str] = field(default_factory=list)


def read_article(path: str) -> tuple[str, CleanText]:
    """Read `path` (or standard input for "-"); return its source name and text."""
    if path == STDIN:
        source = STDIN_SOURCE
        data = _read_stdin(source)
    else:
        source = path
        try:
            data = read_bytes(path, source=source, limit=MAX_ARTICLE_BYTES)
        except BriefingError as error:
            if "not a regular file" in str(error):
                raise BriefingError.single(source, "not a regular file: to import from a pipe, "
                                           "give - and send the article to standard "
                                           "input") from None
            raise
    return source, clean(data, source=source)


def _read_stdin(source: str) -> bytes | str:
    stream = sys.stdin
    if stream is None:
        raise BriefingError.single(source, "no standard input to read")
    buffer = getattr(stream, "buffer", None)
    data = buffer.read(MAX_ARTICLE_BYTES + 1) if buffer is not None else stream.read(
        MAX_ARTICLE_BYTES + 1)
    size = len(data.encode("utf-8")) if isinstance(data, str) else len(data)
    if size > MAX_ARTICLE_BYTES:
        raise BriefingError.single(source, f"input is over the limit of "
                                   f"{MAX_ARTICLE_BYTES // (1024 * 1024)} MiB")
    return data


def clean(text: str | bytes, *, source: str) -> CleanText:
    """Normalise line ends and drop forbidden characters, one warning each."""
    if isinstance(text, bytes):
        text = decode(text, source=source)
    elif text.startswith("\ufeff"):
        text = text[1:]
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\u2028", "\n").replace("\u2029", "\n\n")
    warnings: list[str] = []
    if FORBIDDEN.search(text) is None:
        return CleanText(text, warnings)
    dropped = 0
    kept: list[str] = []
    name = visible(source, one_line=True)
    for number, line in enumerate(text.split("\n"), start=1):
        if FORBIDDEN.search(line) is None:
            kept.append(line)
            continue
        for char in FORBIDDEN.findall(line):
            dropped += 1
            if dropped <= MAX_CHARACTER_WARNINGS:
                warnings.append(f"{name}:{number}: dropped {describe_code_point(char)}")
        kept.append(FORBIDDEN.sub("", line))
    if dropped > MAX_CHARACTER_WARNINGS:
        more = dropped - MAX_CHARACTER_WARNINGS
        warnings.append(f"{name}: dropped {more} more control character"
                        f"{'s' if more != 1 else ''}")
    return CleanText("\n".join(kept), warnings)
