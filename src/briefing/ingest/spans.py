"""Where the quotations and sentences of one paragraph are.

A quotation is the text between a pair of double quote marks (curly,
straight, „…“ or «…»); single marks (‘…’ or '…') count outside double ones
when they are clearly used as quote marks, not as apostrophes. A double mark
still open at the end of the paragraph runs to its end (the convention for a
quotation that goes on in the next paragraph). The *frame* is the paragraph
with the inside of every quotation blanked out, so that the attribution rules
never read words inside a quotation; sentence ends are found on the frame.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

from briefing.ingest.lexicon import ABBREVIATIONS

MASK = "\ue000"
_DOUBLE_OPEN = "“„«"
_DOUBLE_CLOSE = "”»"
_DOUBLE_ANY = '"“”„«»'
_OPENING_CONTEXT = " \t\n([{—–-/:;,…\u00a0" + "‘'"
_STRONG_BEFORE_CLOSE = ".,!?;:—–…-)"
_WORD = re.compile(r"\w", re.UNICODE)
_SINGLE_MARK = re.compile("[’']")


@dataclass(frozen=True, slots=True)
class QuoteSpan:
    """A quotation in a paragraph: the marks at `open`/`close` (close is the
    paragraph length when unclosed) and its words at `start:end`."""

    open: int
    close: int
    start: int
    end: int
    closed: bool
    single: bool

    @property
    def outer_end(self) -> int:
        return self.close + 1 if self.closed else self.close


def find_quotes(text: str) -> list[QuoteSpan]:
    """Quotation spans in reading order, their words trimmed as FORMAT wants
    (no outer spaces, no trailing comma)."""
    text = _doubled_singles(text)
    doubles = _double_spans(text)
    spans = [_span(text, o, c, closed, single=False, marked=marked)
             for o, c, closed, marked in doubles]
    taken = [(o, c) for o, c, _, _ in doubles]
    for o, c, closed in _single_spans(text, taken):
        spans.append(_span(text, o, c, closed, single=True))
    spans = [s for s in spans if s is not None and _WORD.search(text, s.start, s.end)]
    return sorted(spans, key=lambda s: s.open)


_DOUBLED = re.compile("‘‘|’’|''")


def _doubled_singles(text: str) -> str:
    """Two single marks used as one double mark (‘‘…’’, ’’…’’, ''…''), as
    some sites write them: read as “ or ” followed by a space, so that the
    offsets stay those of the text and the second mark is trimmed away."""
    if "‘‘" not in text and "’’" not in text and "''" not in text:
        return text

    def double(match: re.Match[str]) -> str:
        at = match.start()
        before = text[at - 1] if at else " "
        after = text[match.end()] if match.end() < len(text) else " "
        opens = match.group() == "‘‘" or (
            (before.isspace() or before in "([—–:") and not after.isspace())
        return ("“" if opens else "”") + " "

    return _DOUBLED.sub(double, text)


def _span(text: str, open_: int, close: int, closed: bool, *, single: bool,
          marked: bool = True) -> QuoteSpan | None:
    start, end = (open_ + 1 if marked else open_), close
    while start < end and (text[start].isspace() or text[start] in _DOUBLE_ANY):
        start += 1  # (a mark typed twice is not part of the words)
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;"):
        end -= 1
    if end <= start:
        return None
    return QuoteSpan(open_, close, start, end, closed, single)


def _double_spans(text: str) -> list[tuple[int, int, bool, bool]]:
    """(open, close, closed, marked) of each double-quoted span; `marked` is
    False for words whose opening mark is missing (see `_unopened`)."""
    spans: list[tuple[int, int, bool, bool]] = []
    opened: int | None = None
    after_mark = 0  # where text after the last quotation mark starts
    length = len(text)
    for i, char in enumerate(text):
        if char not in _DOUBLE_ANY:
            continue
        before = text[i - 1] if i else " "
        after = text[i + 1] if i + 1 < length else " "
        if char == '"' and i and text[i - 1].isdigit() and opened is None:
            continue  # 6'2" or a 12" single: a measure, not a quote mark
        if opened is None:
            stray = (char in _DOUBLE_CLOSE and not (before in _OPENING_CONTEXT
                                                     and not after.isspace())) or (
                after.isspace() and char == '"' and i + 1 < length and not (
                    before.isspace() and text[i + 1:i + 3].strip()[:1].isupper()))
            if stray:  # a closing mark (`word" `), but `. " The` opens
                unopened = _unopened(text, after_mark, i)
                if unopened is not None:
                    spans.append((unopened, i, True, False))
                after_mark = i + 1  # (each stretch of text is read once)
                continue
            opened = i
            continue
        # A quotation is open: does this mark close it?
        if i == opened + 1 and not after.isspace():
            continue  # `""Tim's …` or `“”This is …`: a mark typed twice opens once
        closes = char in _DOUBLE_CLOSE or char == '"'
        if char in _DOUBLE_OPEN and char != "“":
            closes = False
        if char == "“":
            # A misused opening mark closes when it looks like a closing one.
            closes = not before.isspace() and (after.isspace() or after in ".,;:!?)—–")
        if closes:
            spans.append((opened, i, True, True))
            opened = None
            after_mark = i + 1
    if opened is not None and _WORD.search(text, opened):
        spans.append((opened, length, False, True))
    return spans


_SENTENCE_END = re.compile(r"[.!?…][”\"’']?\s+(?=[‘']?[A-Z])")


def _unopened(text: str, low: int, close: int) -> int | None:
    """Where the words closed at `close` start when their opening mark is
    missing (a typo, or a drop cap the page set apart): `…things," admits
    Groene` closes a quotation that no mark opened. Only after the
    quotation's own punctuation, and from the start of its sentence."""
    if close == low or text[close - 1] not in ",.!?…":
        return None
    start = low
    for end in _SENTENCE_END.finditer(text, low, close):
        start = end.end()
    while start < close and (text[start].isspace() or text[start] in "‘'"):
        start += 1  # (a single opening mark closed by a double one: ‘…’’)
    return start if len(text[start:close].split()) >= 3 else None


def _single_spans(text: str, taken: list[tuple[int, int]]) -> list[tuple[int, int, bool]]:
    """‘…’ and '…' used as quote marks, outside the double-quoted spans."""
    if "‘" not in text and "'" not in text:
        return []
    inside = [False] * (len(text) + 1)
    for o, c in taken:
        for k in range(o, min(c + 1, len(text))):
            inside[k] = True
    closers = _SingleClosers(text, taken)
    spans: list[tuple[int, int, bool]] = []
    length = len(text)
    i = 0
    while i < length:
        char = text[i]
        if char not in "‘'" or inside[i]:
            i += 1
            continue
        before = text[i - 1] if i else " "
        after = text[i + 1] if i + 1 < length else " "
        if before not in _OPENING_CONTEXT or not (after.isalnum() or after in "…."):
            i += 1
            continue
        if re.match(r"(?:\d\ds|em|n|tis|twas|cause|til)\b", text[i + 1:i + 6], re.I):
            i += 1
            continue
        close = closers.close(i)
        if close is None:
            i += 1
            continue
        spans.append((i, close, True))
        i = close + 1
    return spans


class _SingleClosers:
    """Where a single quotation opened at a position closes.

    A closing mark follows a non-space and is not followed by a letter (not
    the apostrophe of "don't"). The quotation closes at the first *strong*
    one (after punctuation, before punctuation or at the end), else at the
    first *weak* one (not the "s' " of a plural possessive), and never past
    the start of a double-quoted span. The marks are sorted into lists in
    one pass and each opening mark finds its close by bisection: scanning
    forward from every opening mark was quadratic in a paragraph of
    unclosed ones (16 KB of `'a ` took six seconds).
    """

    def __init__(self, text: str, taken: list[tuple[int, int]]) -> None:
        self.length = length = len(text)
        self.text = text
        # For ‘ the closing mark is ’ or a straight ' (keyboards); for ' only '.
        self.strong: dict[str, list[int]] = {"‘": [], "'": []}
        self.weak: dict[str, list[int]] = {"‘": [], "'": []}
        for mark in _SINGLE_MARK.finditer(text, 1):
            j = mark.start()
            before = text[j - 1]
            after = text[j + 1] if j + 1 < length else " "
            if before.isspace() or after.isalpha():
                continue
            if before in _STRONG_BEFORE_CLOSE or after in ".,;:!?)—–" or j + 1 == length or (
                    # "in recent years’ – referring to …": a dash after the
                    # space ends the words, as no plural possessive's noun does
                    after == " " and text[j + 2:j + 3] in ("–", "—")):
                found = self.strong
            elif not (before in "sS" and after == " "):
                found = self.weak
            else:
                continue
            for opening in ("‘", "'") if mark.group() == "'" else ("‘",):
                found[opening].append(j)
        self.spans = [(o, min(c, length - 1)) for o, c in taken]
        self.span_ends = [end for _, end in self.spans]

    def close(self, open_: int) -> int | None:
        opening = self.text[open_]
        start = open_ + 2
        barrier = self._inside(start)
        strong = _first(self.strong[opening], start)
        if strong is not None and strong < barrier:
            return strong
        if barrier < self.length:
            return None
        return _first(self.weak[opening], start)

    def _inside(self, start: int) -> int:
        """The first position at or after `start` inside a double-quoted span."""
        index = bisect_left(self.span_ends, start)
        return max(start, self.spans[index][0]) if index < len(self.spans) else self.length


def _first(positions: list[int], start: int) -> int | None:
    index = bisect_left(positions, start)
    return positions[index] if index < len(positions) else None


def frame(text: str, spans: list[QuoteSpan]) -> str:
    """The paragraph with every quotation's inside replaced by MASK."""
    if not spans:
        return text
    chars = list(text)
    for span in spans:
        for k in range(min(span.open + 1, span.start), span.close):
            chars[k] = MASK
    return "".join(chars)


def sentence_bounds(text: str, framed: str, spans: list[QuoteSpan]) -> list[tuple[int, int]]:
    """(start, end) of each sentence, found on the frame so that a full stop
    inside a quotation ends a sentence only when the quotation ends it too."""
    ends: list[int] = []
    length = len(framed)
    closing = {s.close: s for s in spans if s.closed}
    for i, char in enumerate(framed):
        if char in ".!?…":
            if i + 1 < length and framed[i + 1] in "”\"’'»)":
                continue  # the mark closes after its quote mark or bracket
            if not _ends_sentence(text, framed, i):
                continue
            ends.append(i + 1)
        elif i in closing:
            inner = text[closing[i].start:closing[i].end].rstrip()
            if inner and inner[-1] in ".!?…" and _next_starts_sentence(framed, i + 1):
                ends.append(i + 1)
        elif char in "”\"’»)" and i and framed[i - 1] in ".!?" and _next_starts_sentence(
                framed, i + 1):
            ends.append(i + 1)
    bounds: list[tuple[int, int]] = []
    start = 0
    for end in ends:
        if end > start:
            bounds.append((start, end))
            start = end
    if start < length:
        bounds.append((start, length))
    return bounds or [(0, length)]


def _next_starts_sentence(framed: str, at: int) -> bool:
    rest = framed[at:at + 4]
    if not rest or not rest[0].isspace():
        return not rest
    stripped = rest.lstrip()
    return bool(stripped) and (stripped[0].isupper() or stripped[0] in _DOUBLE_ANY + "‘'("
                               or stripped[0].isdigit())


def _ends_sentence(text: str, framed: str, i: int) -> bool:
    if framed[i] == "." and i + 1 < len(framed) and framed[i + 1] == ".":
        return False
    if i + 1 < len(framed) and not framed[i + 1].isspace():
        return False
    if i + 1 >= len(framed):
        return True
    if framed[i] == ".":
        word = re.search(r"([\w.]+)$", framed[max(0, i - 12):i])
        if word:
            token = word.group(1).lower()
            if re.fullmatch(r"(?:[a-z]\.)+[a-z]", token):
                # U.S. / U.N. (but "… back to the U.K. “While we …”": a
                # quotation that opens with a capital after it starts anew)
                return _QUOTATION_OPENS.match(text, i + 1) is not None
            if token in ABBREVIATIONS or (len(token) == 1 and token.isalpha()):
                return False
    if framed[i] in ".…" and i >= 2 and framed[i - 2:i + 1] in (". .", "..."):
        return False
    return _next_starts_sentence(framed, i + 1)


_QUOTATION_OPENS = re.compile(r"\s+[“\"‘«]\s?[A-Z]")


def continued_quotations(texts: list[str], spans: list[list[QuoteSpan]],
                         reach: int = 6) -> dict[int, list[QuoteSpan]]:
    """A quotation left open at a paragraph's end that goes on through
    paragraphs with no marks at all and ends with a closing mark that
    nothing opened (an eyewitness's account set as a box, its marks lost
    between paragraphs): the spans those paragraphs get instead, by index.
    Without that closing mark, within `reach` paragraphs, an open
    quotation is a typo and the paragraphs after it narrative."""
    found: dict[int, list[QuoteSpan]] = {}
    for index, paragraph_spans in enumerate(spans):
        if not paragraph_spans or paragraph_spans[-1].closed:
            continue
        middle: list[int] = []
        for later in range(index + 1, min(index + 1 + reach, len(texts))):
            text = texts[later]
            if not any(mark in text for mark in _DOUBLE_ANY):
                middle.append(later)
                continue
            close = _first_closer(text)
            if close is not None:
                whole = {k: _whole(texts[k]) for k in middle}
                opened = _span(text, 0, close, True, single=False, marked=False)
                if opened is not None and all(whole.values()):
                    found.update((k, [span]) for k, span in whole.items() if span)
                    found[later] = [opened, *(s for s in spans[later] if s.open > close)]
            break
    return found


def _first_closer(text: str) -> int | None:
    """Where a paragraph's first double mark is, if it closes words that
    run from the paragraph's start (after their own punctuation: `… the
    toxic smoke."`); else None."""
    first = next((k for k, char in enumerate(text) if char in _DOUBLE_ANY), None)
    if first is None or first == 0 or text[first] in _DOUBLE_OPEN:
        return None
    after = text[first + 1:first + 2]
    return first if text[first - 1] in ".!?,…" and (not after or after.isspace()) else None


def _whole(text: str) -> QuoteSpan | None:
    """A paragraph that is all words of a quotation running through it."""
    return _span(text, 0, len(text), False, single=False, marked=False)
