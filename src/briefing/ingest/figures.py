"""Numbers in the text: where they are, who claims them, whether verified
(what each counts is read by `figure_labels`).

A figure is a number in digits or words with what belongs to it: a currency
and magnitude ("$1.5 billion"), a percentage ("3.2%"), a date ("March
10th"), a year ("2014"), a range or score ("3-1"), a fraction or a dozen
("a third", "half a dozen"), a qualifier before it ("more than two weeks")
and the noun it counts after it ("26 buses", "41 Ukrainian military sites").
Not figures: ordinals, "one" as a pronoun, numbers that are part of a name
("G7", "COVID-19", "Article 5", "Boeing 737"), and amounts that give no
number ("tens of thousands", "several million"), as the real corpus is
annotated (benchmarks/real_corpus/README.md).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from itertools import accumulate

from briefing.ingest.figure_labels import ERA, MOVEMENT_VERBS, figure_label
from briefing.ingest.lexicon import (
    COUNT_STOPS,
    FUNCTION_WORDS,
    IRREGULAR_PLURALS,
    MAGNITUDES,
    MEASURE_UNITS,
    MONTH_ABBREVIATIONS,
    MONTHS,
    NUMBER_WORDS,
    ONE_COUNTS,
    WEEKDAYS,
)
from briefing.ingest.people import Entity
from briefing.ingest.quotes import Event, ParagraphReading

_WORD_NUMBER = "|".join(sorted(NUMBER_WORDS, key=len, reverse=True))
_NUMWORD = rf"(?:{_WORD_NUMBER})(?:-(?:one|two|three|four|five|six|seven|eight|nine))?"
_MAGNITUDE = r"(?:hundred|thousand|million|billion|trillion)"
_SHORT_MAGNITUDE = r"(?:bn|mn|m|k|tn|trn)(?![a-z])"
_DIGITS = r"(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)"
_CURRENCY = (r"(?:(?:US|A|C|NZ|HK|S|R)\$|\$|£|€|¥|₹|(?:USD|EUR|GBP|JPY|CHF|Rs\.?)\s?"
             # South African rand, "R4bn", "R1,500": only with a magnitude or
             # thousands, as "R2" may be a road or a model
             r"|(?-i:R)(?=\d[\d,.]*\s?(?:bn|mn|m|k|tn|million|billion|trillion)\b"
             r"|\d{1,3}(?:,\d{3})+))")
_PERCENT = r"(?:\s?%|\s(?:per\s?cent|percent|percentage\s+points?|pct|basis\s+points?|bps)\b)"
_NUMBER = (rf"(?:{_DIGITS}|{_NUMWORD}(?:\s+(?:and\s+)?{_NUMWORD})*\b)"
           rf"(?:\s?(?:{_MAGNITUDE}s?|{_SHORT_MAGNITUDE})\b)*")
# "$12/month", "$80 a year" is written out: a rate's unit after a slash
_PER_UNIT = r"(?:/(?:month|mo|year|yr|week|day|hour|hr|night|person|head|share|barrel|ounce|oz))"
_CORE = rf"{_CURRENCY}?{_NUMBER}{_PERCENT}?{_PER_UNIT}?"
_MONTH = "|".join(m.capitalize() for m in MONTHS) + "|" + "|".join(
    m.capitalize() + r"\.?" for m in MONTH_ABBREVIATIONS)
_DATE = (rf"(?:(?:{_MONTH})\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?\b"
         rf"|\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{_MONTH})(?:,?\s+\d{{4}})?\b"
         rf"|(?:{_MONTH})\s+\d{{4}}\b)")
_WEEKDAY = "|".join([d.capitalize() for d in WEEKDAYS]
                    + "Mon Tue Tues Wed Thu Thur Thurs Fri Sat Sun".split())
# A line that opens with a date: "June 20 –", "Sat., June 9", "14 June:", "6/10".
_LISTED_DATE = re.compile(
    rf"(?:(?:{_WEEKDAY})\.?,?\s+)?(?:(?:{_MONTH})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?\b"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:{_MONTH})\b|\d{{1,2}}/\d{{1,2}}(?:/\d{{2,4}})?\b)")
_SENTENCE_END = re.compile(r"(\S*)[.!?][\"”’)]*$")
_ABBREVIATED = re.compile(r"[A-Z][a-z]{0,4}|(?:[A-Z]\.)+[A-Z]")  # "Fla", "Calif", "D.C"
# A page's own line of when it was published: "(Published Monday, Nov. 18, 2019)".
_PUBLISHED_LINE = re.compile(r"\(?(?:First\s+)?(?:Published|Updated|Posted|Last\s+updated)\b",
                             re.IGNORECASE)
_TWEET_SIGNATURE = re.compile(r"\(@\w{1,30}\)\s*\S*\s*\d")
# "on 1800 333 000", "call 020 7946 0958": groups of digits a phone number is written in
_PHONE_NUMBER = re.compile(r"(?<![\d,.$£€])\b\d{2,5}(?:[ -]\d{3,4}){2,}\b(?![,.]\d)")
_ADDRESS_AFTER = re.compile(
    r"\s+(?:block\b|(?:[NSEW]\.\s+)?(?:[A-Z][a-z]+\s+){1,3}"
    r"(?:St|Street|Ave|Avenue|Rd|Road|Blvd|Boulevard|Lane|Ln|Drive|Dr|Way|Place|Pl)\b)")
# Vague amounts that give no number ("tens of thousands", "scores of",
# "several million"), unlike "a dozen", "a third" or "two-thirds".
_NO_NUMBER = re.compile(r"(?:tens|hundreds|thousands|millions|billions|dozens|scores|several"
                        r"|a\s+few|many)\b", re.IGNORECASE)
_TIME = r"\b\d{1,2}(?:[:.]\d{2})?\s?(?:a\.m\.|p\.m\.|am\b|pm\b)|\b\d{1,2}:\d{2}\b"
_VAGUE = (r"\b(?:(?:tens|hundreds|thousands|millions|billions|dozens|scores)"
          r"(?:\s+of\s+(?:thousands|millions|billions))?(?=\s+of\b)"
          r"|(?:half\s+)?a\s+dozen\b|a\s+(?:hundred|thousand|million|billion|trillion)\b"
          r"|\ba\s+(?:decade|century)\b(?!-)|\b(?:a\s+)?(?:quarter|half)[-\s]century\b(?!-)"
          r"|(?:several|a\s+few|many)\s+(?:hundred|thousand|million|billion)\b"
          r"|\ba\s+(?:third|quarter|fifth|tenth)(?=\s+(?:of|less|more|fewer|lower|higher)\b"
          r"|[.,;])"
          # "nearly half of the cases", "more than half by 2030", "half as much"
          r"|(?:(?<=than\s)|(?<=nearly\s)|(?<=almost\s)|(?<=about\s)|(?<=roughly\s)"
          r"|(?<=over\s)|(?<=around\s))half\b(?![-\s]+(?:an?|century|decade)\b)"
          r"|(?<!first\s)(?<!second\s)(?<!other\s)(?<!the\s)(?<!latter\s)"
          r"\bhalf(?=\s+(?:of|the|as|its|their|his|her)\s)"
          # "half have incomes below …", "cut by half"
          r"|\bhalf(?=\s+(?:have|had|are|were|say|said|live|lived|earn|earned|own|owned)\b)"
          r"|(?<=\bby\s)half\b(?![-\s]+(?:an?|century|decade)\b)"
          rf"|{_NUMWORD}-(?:thirds?|quarters?|fifths?|tenths?)\b)")
# A tennis or cricket scoreline is one figure: "6-4 3-6 6-7(5) 7-5 6-3",
# "6-4, 7-6 (5)" as news writes it.
_SET = r"\d{1,2}-\d{1,2}(?:\s?\(\d+\))?"
_SCORES = rf"\b{_SET}(?:,?\s+{_SET})+(?![\d-])"
_TIME_UNIT = r"(?:years?|months?|weeks?|days?|hours?|minutes?|seconds?)"
# "four hours and 52 minutes", "two years and three months": one duration.
_DURATION = (rf"\b(?:\d+|{_NUMWORD})\s+{_TIME_UNIT},?\s+and\s+(?:\d+|{_NUMWORD})\s+{_TIME_UNIT}\b"
             rf"|\bhalf\s+an?\s+(?:hour|day|year|century|mile|metre|kilometre)\b")
_ORDINAL = r"\b\d+(?:st|nd|rd|th)(?:-[a-z]+|\s+(?!century\b|centuries\b)[a-z]{3,}\b)"
_FIGURE = re.compile(
    rf"(?P<date>(?-i:{_DATE}))|(?P<time>{_TIME})|(?P<vague>{_VAGUE})|(?P<ordinal>{_ORDINAL})"
    rf"|(?P<scores>{_SCORES})"
    # "No. 1", and as British papers write it, "world No 38", "No 26 seed"
    # (not "No 10", the prime minister's office)
    rf"|(?P<rank>(?-i:\bNo\.\s?\d+\b|(?<=world\s)No\s\d+\b|\bNo\s\d+(?=\s+seed\b)))"
    rf"|(?P<duration>{_DURATION})"
    rf"|(?P<fiscal>\b(?:19|20)\d\d/(?:19|20)?\d\d\b)"
    rf"|(?P<core>(?<![\w$£€¥₹]){_CORE}(?:\s?[-–]\s?{_CORE})?)",
    re.IGNORECASE)
_TO_RANGE = re.compile(rf"\s+to\s+(?P<second>{_CORE})(?![\w-])", re.IGNORECASE)
_AND_RANGE = re.compile(rf"\s+and\s+(?P<second>{_CORE})(?![\w-])", re.IGNORECASE)
_OR_RANGE = re.compile(rf"\s+or\s+(?P<second>{_CORE})(?![\w-])", re.IGNORECASE)
# "VARNO, May 14 (Wirewatch) -", "WASHINGTON (Aug. 13) --", "April 17, 2015 --".
_DATELINE = re.compile(
    rf"\s*(?:[A-Z][A-Z.'’ /\-]{{1,40}}(?:,\s*[A-Z][A-Za-z.' ]{{1,30}})?,\s*{_DATE}"
    r"\s*(?:\([^)]{1,40}\))?"
    rf"|[A-Z][A-Z.'’ \-]{{1,40}}\(\s*{_DATE}\s*\)|{_DATE})\s*(?:--|[-–—])")
_ONE_IN = re.compile(rf"\s+in\s+(?:\d+|{_NUMWORD})\b", re.IGNORECASE)
_MODIFIER = re.compile(
    r"(?:more than|less than|fewer than|at least|at most|up to|as many as|as much as|"
    r"as few as|about|around|nearly|almost|roughly|approximately|some|over|under|just over|"
    r"just under|close to|an estimated|estimated|only|just|a further|another)\s+$",
    re.IGNORECASE)
_COMPOUND = re.compile(r"-(?:[a-z]+)(?:-[a-z]+)*")
_DEGREES = re.compile(r"\s?°\s?[CF]?(?![A-Za-z])")
# What a number word joined to a word says when it counts nothing: a dance, a
# match's name, an idiom.
_NOT_A_MEASURE = re.compile(r"-(?:[a-z]+ing|[a-z]+ers?|state|star|way)$")
_UNIT_SUFFIX = re.compile(r"(?i:km|kg|mph|kph|ft|cm|mm|lb|mg|ml|mw|gw|kw|kwh|s)\b|[CF]\b")
_ORDINAL_NOUN = re.compile(r"(?:minute|lap|hole|over|round|day|week|month|year|time|goal|"
                           r"anniversary|birthday|consecutive|straight|place|seed|game|match|"
                           r"win|loss|defeat|victory|title|season|attempt|term|floor|storey)s?$")
_UNVERIFIED = re.compile(
    r"\b(?:could\s?n[o']t|cannot|can\s?n[o']t|was\s+not\s+able\s+to|were\s+not\s+able\s+to|"
    r"(?:was|were)\s?n[o']t\s+able\s+to|unable\s+to|not\s+possible\s+to|impossible\s+to|"
    r"has\s+not\s+been\s+able\s+to|have\s+not\s+been\s+able\s+to|did\s?n[o']t|not)"
    r"\s+(?:be\s+)?(?:immediately\s+|independently\s+|yet\s+)*(?:verif|confirm|corroborat)"
    r"|\b(?:unverified|unconfirmed|not\s+(?:been\s+)?(?:independently\s+)?verified)\b",
    re.IGNORECASE)
_WORD = re.compile(r"[A-Za-z][\w\-]*(?:['’][A-Za-z]+)*|\S")
_PERIOD_PREFIX = re.compile(r"\b(?:mid|pre|post|late|early)-$", re.I)
_CLAUSE_END_OR_WORD = re.compile(r"(?P<end>[,.;:!?“\"])|[^\s,.;:!?“\"]+")
_WEEKDAYS = frozenset(WEEKDAYS)
_SAYS = frozenset("said says say told tells added adds according".split())
# From the verb to the end of its clause, how far a claim reaches back.
_TRAILING_WORDS = 5


@dataclass
class FoundFigure:
    paragraph: int
    start: int
    end: int
    text: str
    label: str
    value: int | float | None
    unit: str | None
    claimant: Entity | None
    status: str
    # The label says what the number counts, read from the sentence; else it
    # is a plain one ("amount in USD", "date") that a person should check.
    label_found: bool = True


def read_figures(readings: list[ParagraphReading]) -> list[FoundFigure]:
    """Every figure of every paragraph, in reading order."""
    figures: list[FoundFigure] = []
    previous: list[FoundFigure] = []
    for index, reading in enumerate(readings):
        if _dates_not_the_storys(reading.text):
            previous = []
            continue
        skip = _dateline_end(reading.text) if index == 0 else 0
        speech = _Speech(reading)
        phones = [(m.start(), m.end()) for m in _PHONE_NUMBER.finditer(reading.text)]
        found = [f for f in (_figure(reading, index, m, speech)
                             for m in _FIGURE.finditer(reading.text, skip)) if f is not None
                 and not any(low <= f.start < high for low, high in phones)]
        found = _without_overlaps(found)
        _mark_unverified(reading, found, previous)
        figures.extend(found)
        previous = found
    return figures


def _dates_not_the_storys(text: str) -> bool:
    """A short line whose dates are not the story's figures: a line of a
    tour's list, which opens with a date and is not a sentence ("June 20 –
    Raleigh, NC @ Walnut Creek", "Sat., June 9 Tampa, Fla."; a timeline's
    "March 3: Officials confirm 14 cases." is reporting), the date under an
    embedded post ("— Elon Musk (@elonmusk) September 9, 2016"), the page's
    own "(Published Monday, Nov. 18, 2019)"."""
    words = len(text.split())
    return bool((words <= 16 and _LISTED_DATE.match(text)
                 and not _reads_as_a_sentence(text))
                or (words <= 12 and (_TWEET_SIGNATURE.search(text)
                                     or _PUBLISHED_LINE.match(text))))


def _reads_as_a_sentence(text: str) -> bool:
    """Ends as a sentence does, not on an abbreviation ("… Tampa, Fla.")."""
    end = _SENTENCE_END.search(text.rstrip())
    return end is not None and not _ABBREVIATED.fullmatch(end.group(1).rsplit(" ", 1)[-1])


def _dateline_end(text: str) -> int:
    """Where a dateline ("VARNO, May 14 (Wirewatch) -") ends: its date is
    when the story was filed, not one of its figures."""
    match = _DATELINE.match(text)
    return match.end() if match else 0


def _figure(reading: ParagraphReading, index: int, match: re.Match[str],
            speech: _Speech) -> FoundFigure | None:
    text = reading.text
    kind = match.lastgroup or "core"
    start, end, core = match.start(), match.end(), match.group()
    value: int | float | None = None
    unit: str | None = None
    if kind == "vague" and _NO_NUMBER.match(core):
        return None  # "thousands of", "several million": how many, nobody says
    if kind == "vague" and ERA.search(core) and _MODIFIER.search(text, max(0, start - 24), start):
        return None  # "a decade" is one; "nearly a decade", "more than a decade", roughly none
    if kind == "ordinal":
        if not _ORDINAL_NOUN.search(core):
            return None  # "the 21st century", "14th in the league"
        value = int(re.match(r"\d+", core).group())  # type: ignore[union-attr]
    elif kind == "core":
        if not _is_figure(text, start, end, core):
            return None
        extended = _extend(text, start, end, core)
        if extended is None:
            return None
        end, kind, value, unit = extended
        word = core.lower()
        guess = _OR_RANGE.match(text, match.end()) is not None and end > match.end()
        if word in ("one", "zero") and not guess and (
                not unit or (word == "one" and unit not in ONE_COUNTS)):
            return None  # "one of them", "one source", "almost to zero"
        if core[0].isalpha() and not unit and end == match.end() and (
                (_THE_BEFORE.search(text, max(0, start - 5), start)
                 and _THE_NUMBER_AS_PEOPLE.match(text, end))
                or (_sentence_start(text, start) and text.startswith(":", end))):
            return None  # "the two met", "the two of us"; a list's "Two:"
        if core[0].isalpha() and unit in _PARTIES and _THE_BEFORE.search(
                text, max(0, start - 5), start):
            return None  # "the two sides"
        if word == "one" and unit == "point" and _AT_BEFORE.search(text, max(0, start - 4), start):
            return None  # "At one point, Kise called …": when, not a score
    elif kind == "rank":
        if re.match(r"-\d", text[end:end + 2]):
            return None  # "No. 08-205": a docket number, not a place in a ranking
        value = int(re.search(r"\d+", core).group())  # type: ignore[union-attr]
    elif kind == "fiscal":
        # "the financial year of 2024/2025", "2023/24": one year that runs
        # into the next (not "1999/2005", nor a date "2024/12")
        first, second = core.split("/")
        if int(second) != (int(first) + 1) % (100 if len(second) == 2 else 10_000):
            return None
        value, unit = int(first), "year"
    if kind == "core" and _SHORT_DECADE.fullmatch(text, start - 1, end):
        start -= 1  # its apostrophe stands for the century
    if kind in ("core", "vague", "duration"):
        modifier = _MODIFIER.search(text, max(0, start - 24), start)
        if modifier and (modifier.start() == 0 or not text[modifier.start() - 1].isalnum()):
            start = modifier.start()  # "more than two weeks"
    figure_text = text[start:end].strip()
    label, found = figure_label(reading.text, start, end, figure_text, kind, unit)
    return FoundFigure(index, start, end, figure_text, label, value, unit,
                       speech.claimant(start, end), "reported", found)


_AT_BEFORE = re.compile(r"\b[Aa]t\s+$")
# "The two" as the people (or things) named before: the verb, "of" or
# where they were that follows it, not the noun it counts ("the two other
# candidates").
_THE_NUMBER_AS_PEOPLE = re.compile(
    r"\s*(?:[,.;:!?)]|$)|\s+(?:of|were|are|was|is|have|has|had|met|will|would|could|can|did|"
    r"do|who|which|that|and|but|also|then|both|together|each|continued|remain|remained|"
    r"agreed|spoke|shared|sat|being|at|on|with|from|as)\b")
# "The two sides", "the two countries": the parties to something just told
# of, not a count of them.
_PARTIES = frozenset(("sides", "countries", "nations", "leaders"))


def _extend(text: str, start: int, end: int,
            core: str) -> tuple[int, str, int | float | None, str | None] | None:
    """A number with what belongs to it: (end, kind, value, unit), or None
    when the letters after it make it part of a word ("3D", "5G")."""
    if _bare(core):
        ratio = _ONE_IN.match(text, end)
        if ratio and _small(core):
            return ratio.end(), "ratio", None, None  # "1 in 5", "one in five"
    joined = _range_end(text, start, end, core)
    if joined is not None:
        end = joined
        core = text[start:end]
    degrees = _DEGREES.match(text, end)
    if degrees is not None:
        end = degrees.end()  # "1.5°C", "-5 °C"
    elif end < len(text) and text[end].isalpha():
        suffix = _UNIT_SUFFIX.match(text, end)
        if suffix is None:
            return None
        end = suffix.end()  # "4C", "5km", "1990s"
        if _SHORT_DECADE.fullmatch(text, start - 1, end):
            return end, "core", int(core), "year"  # "the ’60s", as "the 1960s" is
    value, unit = _value(core)
    compound = _COMPOUND.match(text, end)
    if compound:
        if core[0].isalpha() and _NOT_A_MEASURE.search(compound.group()):
            # "two-stepping", "a two-state solution", "a five-setter", a
            # "four-star" general (a rank), "three-way" talks
            return None
        return compound.end(), "core", value, unit  # "20-kilometre", "67-year-old"
    if _is_year(core) or _years(core):
        return end, "core", value, "year"
    if unit is None and not _HYPHEN_RANGE.search(core):
        counted_end, noun = _counted(text, end)
        if noun:
            return counted_end, "core", value, noun  # "26 buses"
    return end, "core", value, unit


def _range_end(text: str, start: int, end: int, core: str) -> int | None:
    """Where a range that starts with `core` ends, if it is one: "six to
    eight weeks", "$2 to $18", "80% to 90%", "between 400 and 600", "from
    2001 to 2010", "three or four days". Not a change from one value to another ("from 45 to
    214", "rose 3% to $45")."""
    before = text[max(0, start - 8):start].lower()
    if before.endswith("between "):
        joined = _AND_RANGE.match(text, end) or _TO_RANGE.match(text, end)
        return joined.end() if joined and _same_shape(core, joined.group("second")) else None
    guess = _OR_RANGE.match(text, end)
    if guess is not None and _bare(core) and _bare(guess.group("second")):
        return guess.end()  # "four or five buyers", "5 or 6 points": one guess
    joined = _TO_RANGE.match(text, end)
    if joined is None or not _same_shape(core, joined.group("second")):
        return None
    if _FROM_BEFORE.search(text, max(0, start - 40), start):
        both_years = _is_year(core) and _is_year(joined.group("second"))
        return joined.end() if both_years else None
    if not _bare(core) and _MOVED_BY.search(text, max(0, start - 24), start):
        return None  # "shares rose 5% to 10%": by how much, to what level
    return joined.end()


# "from 45 to 214", "from the current $154,000 to $220,000": a change
_FROM_BEFORE = re.compile(r"\bfrom\s+(?:(?:the|a|an|its|their|current|present|existing|previous"
                          r"|old|about|roughly|around|nearly|almost|some)\s+){0,3}$",
                          re.IGNORECASE)


def _years(core: str) -> bool:
    """"2001 to 2010", "1991 and 1995": a span of years."""
    ends = re.split(r"\s+(?:to|and)\s+", core.strip())
    return len(ends) == 2 and all(_is_year(end) for end in ends)


_HYPHEN_RANGE = re.compile(r"\d\s?[-–]\s?\d")
_SHORT_DECADE = re.compile(r"['’]\d0s")


def _same_shape(first: str, second: str) -> bool:
    """Two ends of one range: both bare, or with the same currency, or both
    percentages ("$5 billion to $8 billion", "10 percent to 25 percent")."""
    if _bare(first):
        return True  # "six to eight weeks", "20 to 30 percent"
    first_unit, second_unit = _value(first)[1], _value(second)[1]
    return first_unit is not None and first_unit == second_unit


# A verb that moves a value, before "by" how much and "to" what level: the
# verbs of movement the labels know, and those that set a level.
_MOVED_BY = re.compile(r"\b(?:" + "|".join(sorted(MOVEMENT_VERBS | frozenset(
    "rise fall slips loses increases decreased decreases cut cuts raised raises lowered "
    "lowers".split()))) + r")(?:\s+by)?\s+$", re.IGNORECASE)


def _is_figure(text: str, start: int, end: int, core: str) -> bool:
    before = text[start - 1] if start else " "
    after = text[end] if end < len(text) else " "
    if before in "-/." and start >= 2 and text[start - 2].isalnum() and not (
            before == "-" and _PERIOD_PREFIX.search(text, max(0, start - 6), start)):
        return False  # COVID-19, 24/7, v2.1 (but mid-2023 is a figure)
    if after == "/" or (after == "-" and end + 1 < len(text) and text[end + 1].isdigit()):
        return False
    if re.match(r"(?:st|nd|rd|th)\b", text[end:end + 3]):
        return False  # ordinals
    if (core in ("911", "999", "112") and not after.isalnum() and after != "-") or (
            _ADDRESS_AFTER.match(text, end)):
        return False  # "called 911", "the 23300 block", "1225 N. Rampart St.": not amounts
    words = core.split()
    if not any(ch.isdigit() for ch in core):
        first = words[0]
        if first[0].isupper() and not _sentence_start(text, start):
            return False  # "Formula One", "Three Gorges"
        if first.lower() in ("a", "an"):
            return False
    # "the 2014 World Cup", "the 1851 Treaty of Fort Laramie": a year that
    # opens an event's name is part of the name.
    if (_is_year(core) and _THE_BEFORE.search(text, max(0, start - 5), start)
            and _NAME_AFTER.match(text, end)):
        return False
    # A number right after a capitalised word names something: "Article 5".
    previous = re.search(r"([A-Za-z][\w’'.\-]*)\s+$", text[max(0, start - 30):start])
    if previous and core[0].isdigit() and _bare(core):
        word = previous.group(1)
        bare = word.rstrip(".").lower()
        if (word[0].isupper() and bare not in MONTHS and bare not in MONTH_ABBREVIATIONS
                and not re.search(r"[’']s$", word)  # "Lindqvist's 38"
                and bare not in _WEEKDAYS
                # Opening a sentence, a word is capitalised anyway; an
                # acronym ("SB 478", "HB 2") names a thing wherever it is.
                and (_ACRONYM_WORD.fullmatch(word) or not _sentence_start(
                    text, start - len(previous.group(0))))
                and bare not in ("us", "usd", "eur", "gbp", "rs", "about", "some", "over",
                                 "nearly", "around", "almost", "more", "only", "just")):
            return False
    return not (len(words) == 1 and words[0].lower() in ("hundred", "thousand", "million",
                                                          "billion", "trillion"))


_ACRONYM_WORD = re.compile(r"[A-Z]{2,5}")
_THE_BEFORE = re.compile(r"\b[Tt]he\s+$")
# An event's name, not a name before the noun the year is of ("the 2015 White
# House report", "the 2010 Dodd-Frank law").
_NAME_AFTER = re.compile(r"\s+(?:[A-Z][\w\-]+\s+)*[A-Z][\w\-]+(?![\w\-])(?!’s|'s)(?!\s+[A-Z])"
                         r"(?!\s+(?!(?:in|of|at|on|and|to|for|with|by|was|is|were|are)\b)[a-z])")


def _sentence_start(text: str, at: int) -> bool:
    while at and text[at - 1] in " “\"‘'(":
        at -= 1
    if at and text[at - 1] in "”’":  # after a quotation that ends a sentence: “… era.” By 2017
        at -= 1
    return not at or text[at - 1] in ".!?:;—–"


def _bare(core: str) -> bool:
    """A number without currency, percentage or magnitude."""
    return bool(re.fullmatch(rf"{_DIGITS}|{_NUMWORD}", core.strip(), re.IGNORECASE))


def _small(core: str) -> bool:
    value = _words_value(core.lower()) if not core[0].isdigit() else float(
        core.replace(",", ""))
    return value is not None and 0 < value <= 20


def _is_year(core: str) -> bool:
    return bool(re.fullmatch(r"(1[5-9]\d\d|20\d\d)", core.strip()))


def _is_range(core: str) -> bool:
    return bool(re.search(r"\d\s?(?:-|–|to)\s?\d|\d\S*\s+(?:to|and)\s+\S*\d", core))


def _counted(text: str, end: int) -> tuple[int, str | None]:
    """The noun a number counts: "26 buses", "41 Ukrainian military sites"."""
    words: list[re.Match[str]] = []
    for match in _WORD.finditer(text, end):
        if match.start() > (words[-1].end() if words else end) + 1:
            break
        word = match.group()
        lower = word.lower()
        if not word[0].isalpha() or lower in FUNCTION_WORDS or lower in _SAYS or (
                lower in COUNT_STOPS):
            break
        if word[0].isupper() and (words or lower in _WEEKDAYS or lower in MONTHS):
            break
        words.append(match)
        if len(words) == 3:
            break
    # Trim back to the last word that can be a counted noun.
    while words:
        last = words[-1].group().lower()
        if (words[-1].group()[0].isupper() and not _PEOPLES.search(words[-1].group())) or (
                last.endswith(("ed", "ing", "ly"))):
            words.pop()
            continue
        break
    if not words:
        return end, None
    for cut in range(len(words), 0, -1):
        last = words[cut - 1].group().lower().rstrip("’'")
        if last in IRREGULAR_PLURALS or last in MEASURE_UNITS or (
                last.endswith("s") and not last.endswith("ss")) or _MEN.search(last):
            return words[cut - 1].end(), last
    first = words[0].group().lower()
    if first in ONE_COUNTS or first in MEASURE_UNITS or first in (
            "year", "month", "week", "day", "hour", "minute", "second", "person", "child",
            "man", "woman"):
        return words[0].end(), first
    return end, None


# Counted nouns the plural rule above misses: "two gunmen", "155 Indonesians".
_MEN = re.compile(r"(?:gun|police|fire|fisher|service|congress|spokes|sales|business|tradesmen|"
                  r"chair|crafts|country|states)men$")
_PEOPLES = re.compile(r"^[A-Z][a-z]+(?:ians|ans|ons|ites)$")


def _value(core: str) -> tuple[int | float | None, str | None]:
    lower = core.lower().strip()
    unit = None
    currencies = {"$": "USD", "us$": "USD", "£": "GBP", "€": "EUR", "¥": "JPY", "₹": "INR",
                  "usd": "USD", "eur": "EUR", "gbp": "GBP", "jpy": "JPY", "chf": "CHF",
                  "a$": "AUD", "c$": "CAD", "nz$": "NZD", "hk$": "HKD", "s$": "SGD",
                  "r$": "BRL", "rs": "INR", "rs.": "INR", "r": "ZAR"}
    currency = re.match(r"(us\$|a\$|c\$|nz\$|hk\$|s\$|r\$|\$|£|€|¥|₹|usd|eur|gbp|jpy|chf|rs\.?"
                        r"|r(?=\d))", lower)
    if currency:
        unit = currencies[currency.group(1)]
        lower = lower[currency.end():].strip()
    if re.search(r"%|per\s?cent|percent|pct", lower):
        unit = "%"
    elif re.search(r"basis\s+points?|bps", lower):
        unit = "basis points"
    elif "percentage point" in lower:
        unit = "percentage points"
    if _is_range(lower):
        return None, unit
    number = re.match(_DIGITS, lower)
    value: float | None
    rest = lower
    if number and number.group():
        value = float(number.group().replace(",", ""))
        rest = lower[number.end():]
    else:
        value = _words_value(lower)
        if value is None:
            return None, unit
        rest = ""
    for word in re.findall(r"[a-z]+", rest):
        factor = MAGNITUDES.get(word.rstrip("s")) if word not in ("ms",) else None
        if factor:
            value *= factor
    if value != value or abs(value) >= 2 ** 62:
        return None, unit
    if value == int(value) and not (number and "." in number.group() and value < 1000):
        return int(value), unit
    return round(value, 6), unit


def _words_value(text: str) -> float | None:
    total, current, seen = 0.0, 0.0, False
    for word in re.findall(r"[a-z]+", text):
        if word == "and":
            continue
        if word in NUMBER_WORDS:
            current += NUMBER_WORDS[word]
            seen = True
        elif word.rstrip("s") in ("hundred",):
            current = (current or 1) * 100
            seen = True
        elif word.rstrip("s") in ("thousand", "million", "billion", "trillion"):
            total += (current or 1) * MAGNITUDES[word.rstrip("s")]
            current = 0
            seen = True
    return total + current if seen else None


def _without_overlaps(found: list[FoundFigure]) -> list[FoundFigure]:
    kept: list[FoundFigure] = []
    for figure in sorted(found, key=lambda f: (f.start, -(f.end - f.start))):
        if kept and figure.start < kept[-1].end:
            continue
        kept.append(figure)
    return kept


class _Speech:
    """Who claims a figure, from a paragraph's quotations and speech verbs,
    sorted once so that each figure asks by bisection (a paragraph of
    thousands of figures and verbs was quadratic)."""

    def __init__(self, reading: ParagraphReading) -> None:
        self.reading = reading
        phrases = sorted((e.phrase.start, e.phrase.end) for e in reading.events if e.phrase)
        self.phrase_starts = [start for start, _ in phrases]
        self.phrase_reach = list(accumulate((end for _, end in phrases), max))
        self.by_sentence: dict[int, list[Event]] = {}
        for event in reading.events:
            if event.entity is not None:
                self.by_sentence.setdefault(event.sentence, []).append(event)
        self.starts = {k: [e.start for e in v] for k, v in self.by_sentence.items()}
        self.ends = {k: [e.end for e in v] for k, v in self.by_sentence.items()}
        self.closes_clause: dict[int, bool] = {}

    def claimant(self, start: int, end: int) -> Entity | None:
        reading = self.reading
        quote = bisect_left(reading.span_opens, start) - 1  # quotations do not overlap
        if quote >= 0 and end <= reading.spans[quote].close:
            return reading.quotes[quote].entity
        sentence = reading.sentence_of(start)
        speaking = bisect_left(self.phrase_starts, end)
        if speaking and self.phrase_reach[speaking - 1] > start:
            return None  # the figure is part of who speaks: "two Ukrainian officials said"
        events = self.by_sentence.get(sentence, [])
        before = bisect_right(self.ends.get(sentence, []), start)
        if before:
            return events[before - 1].entity
        # "..., two Ukrainian officials said": a verb after the figure claims it
        # only when it closes the clause, not when it opens its own ("..., but an
        # official said Putin ...").
        after = bisect_left(self.starts.get(sentence, []), end)
        if after < len(events) and self._closes_clause(events[after]):
            return events[after].entity
        return None

    def _closes_clause(self, event: Event) -> bool:
        """At most _TRAILING_WORDS words, and no "that", from the verb to the
        end of its clause."""
        if event.start not in self.closes_clause:
            words: list[str] = []
            for part in _CLAUSE_END_OR_WORD.finditer(self.reading.framed, event.end):
                if len(words) > _TRAILING_WORDS or part.lastgroup == "end":
                    break
                words.append(part.group())
            self.closes_clause[event.start] = (len(words) <= _TRAILING_WORDS
                                               and "that" not in words)
        return self.closes_clause[event.start]


def _mark_unverified(reading: ParagraphReading, found: list[FoundFigure],
                     previous: list[FoundFigure]) -> None:
    """"Reuters could not immediately verify the reports": the figures before
    it in its paragraph (or, when it opens the paragraph, the paragraph before)."""
    reach = 0  # every figure before the end of the last such sentence
    opening = False
    for match in _UNVERIFIED.finditer(reading.text):
        sentence = reading.sentence_of(match.start())
        reach = max(reach, reading.sentences[sentence][1])
        opening = opening or sentence == 0
    for figure in found:
        if figure.start < reach:
            figure.status = "unverified"
    if opening:
        for figure in previous:
            figure.status = "unverified"
