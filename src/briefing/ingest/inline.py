"""Markdown inline syntax reduced to its words, in time linear in the text.

Images go, links and reference links become their text, autolinks their
address, a few HTML tags go, code spans, strong and emphasis become their
contents, and backslash escapes their character. The rules, and the order in
which they apply (an image inside a link's text goes first; escapes last),
are those of the regular expressions the importer used before, so an article
reads the same. But each rule is now one left-to-right pass that never
searches the same stretch twice: a regular expression such as
`\\*\\*(.+?)\\*\\*` looks for a closing mark from every opening one, and
64 KB of unclosed `**a ` took half a minute. Here a search for a closing mark
that fails ends the pass (no later opening mark can be closed either), and
one that succeeds is remembered for the openers that follow.
"""

from __future__ import annotations

import re
from collections.abc import Callable

_SCHEME = re.compile(r"(?:https?|mailto):")
_ADDRESS_END = re.compile(r"[>\s]")
_HTML_NAME = re.compile(r"/?(?:em|strong|b|i|u|br|span|p|a|sup|sub|small)\b", re.I)
_CODE = re.compile(r"`([^`]+)`")  # one try per backtick: already linear
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!>\"'])")
_SPACES = re.compile(r"[ \t]{2,}")


def markdown_words(text: str) -> str:
    """The words of a line or paragraph of Markdown."""
    text = _images(text)
    text = _links(text)
    text = _reference_links(text)
    text = _autolinks(text)
    text = _html_tags(text)
    text = _CODE.sub(r"\1", text)
    text = _strong(text)
    text = _emphasis(text)
    text = _ESCAPE.sub(r"\1", text)
    return _SPACES.sub(" ", text)


class _Next:
    """Where the next `needle` is at or after a position (-1: nowhere).

    Asked from positions that mostly rise, it scans each stretch once: the
    answer for `start` holds for every position up to where it was found.
    """

    def __init__(self, text: str, needle: str) -> None:
        self.text = text
        self.needle = needle
        self.asked = len(text) + 1
        self.found = -1

    def __call__(self, start: int) -> int:
        if not self.asked <= start <= (self.found if self.found >= 0 else len(self.text)):
            self.asked, self.found = start, self.text.find(self.needle, start)
        return self.found


class _NextMatching:
    """Like `_Next`, for the next position where `fits(position)` holds
    among the occurrences of `needle`."""

    def __init__(self, text: str, needle: str, fits: Callable[[int], bool]) -> None:
        self.find = _Next(text, needle)
        self.fits = fits
        self.asked = len(text) + 1
        self.found = -1

    def __call__(self, start: int) -> int:
        if self.asked <= start <= (self.found if self.found >= 0 else len(self.find.text)):
            return self.found
        at = self.find(start)
        while at >= 0 and not self.fits(at):
            at = self.find(at + 1)
        self.asked, self.found = start, at
        return at


def _images(text: str) -> str:
    """`![alt](source)` removed: `!\\[[^\\]]*\\]\\([^)]*\\)`."""
    if "![" not in text:
        return text
    bracket, paren = _Next(text, "]"), _Next(text, ")")
    out: list[str] = []
    done = start = 0
    while (at := text.find("![", start)) >= 0:
        close = bracket(at + 2)
        if close < 0:
            break  # no later image can close its text either
        if not text.startswith("(", close + 1):
            start = close + 1  # openers before `close` share its fate
            continue
        end = paren(close + 2)
        if end < 0:
            break
        out.append(text[done:at])
        done = start = end + 1
    out.append(text[done:])
    return "".join(out)


def _links(text: str) -> str:
    """`[text](address)` as its text: `\\[([^\\]]+)\\]\\((?:[^()]|\\([^)]*\\))*\\)`."""
    if "](" not in text:
        return text
    bracket = _Next(text, "]")
    address = _Address(text)
    out: list[str] = []
    done = start = 0
    while (at := text.find("[", start)) >= 0:
        close = bracket(at + 1)
        if close < 0:
            break
        end = address.end(close + 2) if close > at + 1 and text.startswith(
            "(", close + 1) else -1
        if end < 0:
            start = close + 1  # openers before `close` share its fate
            continue
        out.append(text[done:at])
        out.append(text[at + 1:close])
        done = start = end
    out.append(text[done:])
    return "".join(out)


class _Address:
    """Where a link's address ends: plain characters and `(...)` groups up to
    the first `)` met outside a group.

    Until one address fails to close, each one tried is consumed by its
    link, so the scans do not overlap. Once one fails (it ran out of text, or
    met a `(` never closed), every later address is decided by the first
    parenthesis after its start: stepping from anywhere inside the failed
    scan leads back onto it, unless a `)` comes first.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self.opening = _Next(text, "(")
        self.closing = _Next(text, ")")
        self.failed = False

    def end(self, start: int) -> int:
        """The end of the address that starts at `start`, or -1."""
        if self.failed:
            opening = self.opening(start)
            closing = self.text.find(")", start, opening if opening >= 0 else len(self.text))
            return closing + 1 if closing >= 0 else -1
        at = start
        while True:
            opening = self.opening(at)
            closing = self.closing(at)
            if closing >= 0 and (opening < 0 or closing < opening):
                return closing + 1
            if opening < 0:
                break
            group_end = self.closing(opening + 1)
            if group_end < 0:
                break
            at = group_end + 1
        self.failed = True
        return -1


def _reference_links(text: str) -> str:
    """`[text][label]` as its text: `\\[([^\\]]+)\\]\\[[^\\]]*\\]`."""
    if "][" not in text:
        return text
    bracket = _Next(text, "]")
    out: list[str] = []
    done = start = 0
    while (at := text.find("[", start)) >= 0:
        close = bracket(at + 1)
        if close < 0:
            break
        if close == at + 1 or not text.startswith("[", close + 1):
            start = close + 1
            continue
        end = bracket(close + 2)
        if end < 0:
            break
        out.append(text[done:at])
        out.append(text[at + 1:close])
        done = start = end + 1
    out.append(text[done:])
    return "".join(out)


def _autolinks(text: str) -> str:
    """`<https://...>` as its address: `<((?:https?|mailto):[^>\\s]+)>`."""
    if "<" not in text:
        return text
    out: list[str] = []
    done = start = 0
    stop_asked, stop = len(text) + 1, -1
    while (at := text.find("<", start)) >= 0:
        scheme = _SCHEME.match(text, at + 1)
        if scheme is None:
            start = at + 1
            continue
        begin = scheme.end()
        if not stop_asked <= begin <= (stop if stop >= 0 else len(text)):
            found = _ADDRESS_END.search(text, begin)
            stop_asked, stop = begin, found.start() if found else -1
        if stop < 0:
            break  # no `>` and no space left: no later autolink can close
        if stop == begin or text[stop] != ">":
            start = max(at + 1, stop)  # openers before `stop` share its fate
            continue
        out.append(text[done:at])
        out.append(text[at + 1:stop])
        done = start = stop + 1
    out.append(text[done:])
    return "".join(out)


def _html_tags(text: str) -> str:
    """A few inline HTML tags removed:
    `</?(?:em|strong|b|i|u|br|span|p|a|sup|sub|small)\\b[^>]*>`, any case."""
    if "<" not in text:
        return text
    close = _Next(text, ">")
    out: list[str] = []
    done = start = 0
    while (at := text.find("<", start)) >= 0:
        name = _HTML_NAME.match(text, at + 1)
        if name is None:
            start = at + 1
            continue
        end = close(name.end())
        if end < 0:
            break  # no `>` left: no later tag can close
        out.append(text[done:at])
        done = start = end + 1
    out.append(text[done:])
    return "".join(out)


def _strong(text: str) -> str:
    """`**words**` and `__words__` as their words:
    `(\\*\\*|__)(?=\\S)(.+?)(?<=\\S)\\1`, within one line."""
    if "**" not in text and "__" not in text:
        return text
    openers = {mark: _Next(text, mark) for mark in ("**", "__")}
    closers = {mark: _NextMatching(text, mark, lambda at: not text[at - 1].isspace())
               for mark in ("**", "__")}
    newline = _Next(text, "\n")
    out: list[str] = []
    done = start = 0
    while (at := _first(openers, start)) >= 0:
        mark = text[at:at + 2]
        close = -1
        if at + 2 < len(text) and not text[at + 2].isspace():
            close = closers[mark](at + 3)
            line_end = newline(at + 2)
            if 0 <= line_end < close:
                close = -1
        if close < 0:
            start = at + 1
            continue
        out.append(text[done:at])
        out.append(text[at + 2:close])
        done = start = close + 2
    out.append(text[done:])
    return "".join(out)


def _emphasis(text: str) -> str:
    """`*words*` and `_words_` as their words, when the marks do not touch a
    word: `(?<![\\w*])([*_])(?=\\S)(.+?)(?<=\\S)\\1(?![\\w*])`, within one line."""
    if "*" not in text and "_" not in text:
        return text
    length = len(text)

    def closes(at: int) -> bool:
        return not text[at - 1].isspace() and (
            at + 1 == length or not _is_word_or_star(text[at + 1]))

    openers = {mark: _Next(text, mark) for mark in "*_"}
    closers = {mark: _NextMatching(text, mark, closes) for mark in "*_"}
    newline = _Next(text, "\n")
    out: list[str] = []
    done = start = 0
    while (at := _first(openers, start)) >= 0:
        close = -1
        if (at + 1 < length and not text[at + 1].isspace()
                and not (at and _is_word_or_star(text[at - 1]))):
            close = closers[text[at]](at + 2)
            line_end = newline(at + 1)
            if 0 <= line_end < close:
                close = -1
        if close < 0:
            start = at + 1
            continue
        out.append(text[done:at])
        out.append(text[at + 1:close])
        done = start = close + 1
    out.append(text[done:])
    return "".join(out)


def _first(finders: dict[str, _Next], start: int) -> int:
    """The first place at or after `start` where any of the finders' needles is."""
    places = [at for at in (find(start) for find in finders.values()) if at >= 0]
    return min(places, default=-1)


def _is_word_or_star(char: str) -> bool:
    """`[\\w*]`: a letter, digit or underscore of any script, or `*`."""
    return char.isalnum() or char in "_*"
