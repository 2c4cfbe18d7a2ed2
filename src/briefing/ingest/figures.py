"""Numbers in the text: what they count, who claims them, whether verified.

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

from briefing.ingest.lexicon import (
    COUNT_STOPS,
    DETERMINERS,
    FUNCTION_WORDS,
    IRREGULAR_PLURALS,
    MAGNITUDES,
    MEASURE_UNITS,
    MONTH_ABBREVIATIONS,
    MONTHS,
    NUMBER_WORDS,
    ONE_COUNTS,
    WEEKDAYS,
    is_person_noun,
)
from briefing.ingest.people import Entity
from briefing.ingest.quotes import Event, ParagraphReading

_WORD_NUMBER = "|".join(sorted(NUMBER_WORDS, key=len, reverse=True))
_NUMWORD = rf"(?:{_WORD_NUMBER})(?:-(?:one|two|three|four|five|six|seven|eight|nine))?"
_MAGNITUDE = r"(?:hundred|thousand|million|billion|trillion)"
_SHORT_MAGNITUDE = r"(?:bn|mn|m|k|tn|trn)(?![a-z])"
_DIGITS = r"(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)"
_CURRENCY = r"(?:(?:US|A|C|NZ|HK|S|R)\$|\$|£|€|¥|₹|(?:USD|EUR|GBP|JPY|CHF|Rs\.?)\s?)"
_PERCENT = r"(?:\s?%|\s(?:per\s?cent|percent|percentage\s+points?|pct|basis\s+points?|bps)\b)"
_NUMBER = (rf"(?:{_DIGITS}|{_NUMWORD}(?:\s+(?:and\s+)?{_NUMWORD})*\b)"
           rf"(?:\s?(?:{_MAGNITUDE}s?|{_SHORT_MAGNITUDE})\b)*")
_CORE = rf"{_CURRENCY}?{_NUMBER}{_PERCENT}?"
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
    rf"|(?P<scores>{_SCORES})|(?P<rank>(?-i:\bNo\.\s?\d+\b))|(?P<duration>{_DURATION})"
    rf"|(?P<core>(?<![\w$£€¥₹]){_CORE}(?:\s?[-–]\s?{_CORE})?)",
    re.IGNORECASE)
_ERA = re.compile(r"\b(?:decade|century)$", re.IGNORECASE)
_TO_RANGE = re.compile(rf"\s+to\s+{_CORE}\b", re.IGNORECASE)
# "VARNO, May 14 (Wirewatch) -", "WASHINGTON (Aug. 13) --", "April 17, 2015 --".
_DATELINE = re.compile(
    rf"\s*(?:[A-Z][A-Z.'’ \-]{{1,40}}(?:,\s*[A-Z][A-Za-z.' ]{{1,30}})?,\s*{_DATE}"
    r"\s*(?:\([^)]{1,40}\))?"
    rf"|[A-Z][A-Z.'’ \-]{{1,40}}\(\s*{_DATE}\s*\)|{_DATE})\s*(?:--|[-–—])")
_ONE_IN = re.compile(rf"\s+in\s+(?:\d+|{_NUMWORD})\b", re.IGNORECASE)
_MODIFIER = re.compile(
    r"(?:more than|less than|fewer than|at least|at most|up to|as many as|as much as|"
    r"as few as|about|around|nearly|almost|roughly|approximately|some|over|under|just over|"
    r"just under|close to|an estimated|estimated|only|just|a further|another)\s+$",
    re.IGNORECASE)
_COMPOUND = re.compile(r"-(?:[a-z]+)(?:-[a-z]+)*")
_UNIT_SUFFIX = re.compile(r"(?i:km|kg|mph|kph|ft|cm|mm|lb|mg|ml|mw|gw|kw|kwh|s)\b|°?[CF]\b")
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
_AUX = frozenset("were was are is had been have has be being will would could".split())
_WEEKDAYS = frozenset(WEEKDAYS)
_SAYS = frozenset("said says say told tells added adds according".split())


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
        found = [f for f in (_figure(reading, index, m, speech)
                             for m in _FIGURE.finditer(reading.text, skip)) if f is not None]
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
    if kind == "vague" and _ERA.search(core) and _MODIFIER.search(text, max(0, start - 24), start):
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
        if word in ("one", "zero") and (not unit or (word == "one" and unit not in ONE_COUNTS)):
            return None  # "one of them", "one source", "almost to zero"
        if word == "one" and unit == "point" and _AT_BEFORE.search(text, max(0, start - 4), start):
            return None  # "At one point, Kise called …": when, not a score
    elif kind == "rank":
        value = int(re.search(r"\d+", core).group())  # type: ignore[union-attr]
    if kind in ("core", "vague", "duration"):
        modifier = _MODIFIER.search(text, max(0, start - 24), start)
        if modifier and (modifier.start() == 0 or not text[modifier.start() - 1].isalnum()):
            start = modifier.start()  # "more than two weeks"
    figure_text = text[start:end].strip()
    label, found = _label(reading, start, end, figure_text, kind, unit)
    return FoundFigure(index, start, end, figure_text, label, value, unit,
                       speech.claimant(start, end), "reported", found)


_AT_BEFORE = re.compile(r"\b[Aa]t\s+$")


def _extend(text: str, start: int, end: int,
            core: str) -> tuple[int, str, int | float | None, str | None] | None:
    """A number with what belongs to it: (end, kind, value, unit), or None
    when the letters after it make it part of a word ("3D", "5G")."""
    if _bare(core):
        ratio = _ONE_IN.match(text, end)
        if ratio and _small(core):
            return ratio.end(), "ratio", None, None  # "1 in 5", "one in five"
        to_range = _TO_RANGE.match(text, end)
        if to_range and not text[max(0, start - 5):start].lower().endswith("from "):
            end = to_range.end()  # "six to eight weeks", but not "from 45 to 214"
            core = text[start:end]
    if end < len(text) and text[end].isalpha():
        suffix = _UNIT_SUFFIX.match(text, end)
        if suffix is None:
            return None
        end = suffix.end()  # "4C", "5km", "1990s"
    value, unit = _value(core)
    compound = _COMPOUND.match(text, end)
    if compound:
        return compound.end(), "core", value, unit  # "20-kilometre", "67-year-old"
    if _is_year(core):
        return end, "core", value, "year"
    if unit is None and not _is_range(core):
        counted_end, noun = _counted(text, end)
        if noun:
            return counted_end, "core", value, noun  # "26 buses"
    return end, "core", value, unit


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
    # A number right after a capitalised word names something: "Article 5".
    previous = re.search(r"([A-Za-z][\w’'.\-]*)\s+$", text[max(0, start - 30):start])
    if previous and core[0].isdigit() and _bare(core):
        word = previous.group(1)
        bare = word.rstrip(".").lower()
        if (word[0].isupper() and bare not in MONTHS and bare not in MONTH_ABBREVIATIONS
                and not re.search(r"[’']s$", word)  # "Lindqvist's 38"
                and bare not in _WEEKDAYS and not _sentence_start(text, start - len(
                    previous.group(0)))
                and bare not in ("us", "usd", "eur", "gbp", "rs", "about", "some", "over",
                                 "nearly", "around", "almost", "more", "only", "just")):
            return False
    return not (len(words) == 1 and words[0].lower() in ("hundred", "thousand", "million",
                                                          "billion", "trillion"))


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
    return bool(re.search(r"\d\s?(?:-|–|to)\s?\d", core))


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
                  "r$": "BRL", "rs": "INR", "rs.": "INR"}
    currency = re.match(r"(us\$|a\$|c\$|nz\$|hk\$|s\$|r\$|\$|£|€|¥|₹|usd|eur|gbp|jpy|chf|rs\.?)",
                        lower)
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


def _label(reading: ParagraphReading, start: int, end: int, text: str, kind: str,
           unit: str | None) -> tuple[str, bool]:
    """What the figure counts, in the article's words, and whether it was
    found: the counted noun and what is said of it ("people killed in the
    capital"). A bare number gets a plain label of its kind ("amount in USD",
    "date", "share"), marked as not found: a window of the words around it
    ("share: inflation, which stood at … in April") read as a label and was
    one only by chance."""
    if re.search(r"\d-years?[- ]old\b", text):
        # "43-year-old": how old someone is, and who, when the words after say
        whom = _AGE_OF.match(reading.text, end)
        words = whom.group(1).split() if whom else []
        if words and words[-1].islower() and not is_person_noun(words[-1]):
            words.pop()  # "the 48-year-old Australian was evicted": the Australian
        if len(words) >= 2 and all(word[0].isupper() for word in words):
            return f"{' '.join(words)}’s age", True  # "43-year-old Martin Taylor"
        return (f"age of the {' '.join(words)}" if words else "age"), True
    whose = _whose_age(reading.text, start, end, text)
    if whose:
        return whose, True  # "convicting Webb, 51, of kidnapping": Webb's age
    if re.search(r"(?<!light)-(?:second|minute|hour|day|week|month|year|game|match)s?$",
                 text.lower()) or (
            _ERA.search(text)):
        return "duration", False  # "three-hour", "four-game": how long something was
    counted = _counted_phrase(text) if unit not in ("%", "year") else ""
    right = _clause_words(reading.text[end:end + _CONTEXT_CHARS], forward=True, limit=9)
    if counted:
        noun = counted.split()[-1].lower()
        if noun in MONTHS:
            return "date", False  # "20 November"
        # "30 minute activity": a noun left singular after a number is
        # part of what it counts; after "one" it may be who acts ("one
        # person says").
        plural = bool(_PLURAL.fullmatch(noun))
        compound = not (plural or noun in IRREGULAR_PLURALS
                        or re.match(r"(?i)(?:an?|one|1)\b", text))
        measured = bool(_MEASURED.fullmatch(noun)) and not compound
        following = reading.text[end:end + _CONTEXT_CHARS]
        clause = _CLAUSE_BREAK.split(following, maxsplit=1)[0].split()[:7]
        described = _still_of_the_count(clause, compound=compound)
        did = _what_the_count_did(following,
                                  plural=(plural or noun in IRREGULAR_PLURALS) and not measured)
        if measured:
            # A unit alone says little: what follows says of what ("100 knots
            # too slow in poor weather"), unless it is a verb ("3.6 degrees
            # should be the red line").
            return _join([counted, *([] if did and not described else right[:6])]), True
        if not described and did:
            # "five publishers reached settlements": the publishers that did
            person = is_person_noun(noun) or noun.endswith("men") or counted[:1].isupper()
            who = "who" if person else "that"
            return _join([counted, who, *did]), True
        return _join([counted, *described]), True
    fraction = unit == "%" or re.search(r"(?i)\b(?:half|thirds?|quarters?|fifths?)$", text)
    if fraction and right[:1] == ["of"] and (whole := _noun_phrase(right[1:])):
        return _join(["share of", *whole]), True  # "36 percent of the world's forests"
    if right and right[0].lower() == "of" and kind == "core":
        # "three of its commanders": the commanders
        right = right[1:]
        while right and right[0].lower() in DETERMINERS:
            right = right[1:]
    if unit is None and (noun := _noun_after(right)):
        # "13,000 US troops in Afghanistan": the noun, and where or of what.
        return _join([*right[:noun], *_still_of_the_count(right[noun:])]), True
    if unit == "year" and (happened := _what_happened(reading.text, start)):
        return f"year {happened}", True  # "McDonald joined the band in 1975"
    if unit == "year" and (event := _year_of(reading.text, start, end)):
        return f"year of the {event}", True  # "a conference in Stockholm in 2010"
    if unit == "%" or (unit and unit.isupper()):
        moved = _movement(reading.text, start)
        if moved:
            return moved, True  # "Japan's Nikkei 225 fell 0.3%": fall in Japan's Nikkei 225
    before = _noun_before(reading.text[max(0, start - 60):start].split()[-5:])
    if before and unit not in ("year",) and kind not in ("date", "time"):
        return before, True  # "a fine of $250,000", "a deal worth $600 million"
    plain = {"date": "date", "time": "time", "ratio": "ratio", "scores": "score",
             "rank": "rank", "duration": "duration"}.get(kind)
    if unit == "year":
        plain = "year"
    elif unit == "%":
        plain = "share"
    elif unit and unit.isupper():
        plain = f"amount in {unit}"
    return plain or "number", False


# After "43-year-old": who is that old ("man", "Fort Worth girl").
_AGE_OF = re.compile(r"\s+((?:[A-Z][\w’'\-]*\s+){0,2}[a-z][a-z\-]+|[A-Z][a-z]+)\b")
# Before ", 51,": a name ("Webb") or what someone is ("star").
_BEFORE_AGE = re.compile(r"(?:([A-Z][\w’'\-]+(?:\s+[A-Z][\w’'\-]+){0,2})|\b([a-z]{3,}))\s*,\s*$")


def _whose_age(text: str, start: int, end: int, figure: str) -> str:
    """"Webb, 51, of Fort Worth" -> "Webb's age": a bare number from 1 to
    120 between commas after a name or a person noun; else ""."""
    if not figure.isdigit() or not 0 < int(figure) <= 120 or not text.startswith(",", end):
        return ""
    before = _BEFORE_AGE.search(text, max(0, start - 60), start)
    if before is None:
        return ""
    word_before = re.search(r"(\w+)\s*$", text[max(0, before.start() - 12):before.start()])
    if word_before and word_before.group(1).lower() in ("in", "at", "of", "to", "on", "from"):
        return ""  # "Prices in Paris, 12,": a place
    if before.group(1):
        return f"{before.group(1)}’s age"
    noun = before.group(2)
    return f"the {noun}’s age" if is_person_noun(noun) else ""


def _counted_phrase(text: str) -> str:
    """The words after the number: "Ukrainian military sites" in "41 Ukrainian
    military sites", "years" in "more than two weeks"."""
    words = text.split()
    # Part of the number, not what it counts: "two dozen people", "1 p.m.",
    # "April 15, 2019".
    numeric = ("hundred", "thousand", "million", "billion", "trillion", "and", "dozen",
               "a.m.", "p.m.")
    for i, word in enumerate(words):
        lower = word.lower().split("-")[0]
        if any(ch.isdigit() for ch in word) or lower in NUMBER_WORDS or lower in numeric:
            rest = words[i + 1:]
            while rest and (rest[0].lower() in numeric or rest[0].lower() in NUMBER_WORDS
                            or any(ch.isdigit() for ch in rest[0])
                            or (rest[0].lower() in ("to", "or") and len(rest) > 1
                            and any(ch.isdigit() for ch in rest[1]))):
                rest = rest[1:]  # "1.5 to 2 degrees": degrees
            if rest:
                return " ".join(rest)
    return ""


_CONTEXT_CHARS = 160
_TRAILING_WORDS = 5
# A full stop after a capital ends no clause unless a capitalised word
# follows: "on U.S. land".
_CLAUSE_BREAK = re.compile(r"[,;:!?“”\"()—–]|(?<![A-Z])\.|\.(?=\s+[A-Z])|--"
                           r"|\b(?:but|while|which|who)\b|\S*\d\S*")


# Words after a count that begin something other than what it counts.
_NOT_OF_THE_COUNT = DETERMINERS | frozenset("and or nor but to than as my your".split())


def _clause_words(text: str, *, forward: bool, limit: int = 7) -> list[str]:
    """Up to `limit` words of the clause next to a figure, without auxiliaries,
    other numbers or dangling function words."""
    if forward:
        words = _CLAUSE_BREAK.split(text, maxsplit=1)[0].split()
        while words and words[0].lower() in _AUX:
            words.pop(0)
        words = words[:limit]
        if words and words[0].lower() in _NOT_OF_THE_COUNT:
            return []  # "five publishers and Apple", "80 jobs to his company"
        while words and words[-1].lower() in FUNCTION_WORDS:
            words.pop()
        return words
    else:
        words = _CLAUSE_BREAK.split(text)[-1].split()[-limit:]
    while words and words[0].lower() in FUNCTION_WORDS:
        words.pop(0)
    while words and words[-1].lower() in FUNCTION_WORDS:
        words.pop()
    return words


_WHEN_WORDS = frozenset("in since by until".split())
_PARTICIPLES = frozenset("hit hurt held left lost made paid put set shot sold struck taken "
                         "built brought caught found kept laid led met run seen sent spent "
                         "stolen told won".split())
_PAST_FORMS = frozenset("made took began came went left won lost held saw got gave became fell "
                        "rose met said told wrote sold bought built ran led paid hit set".split())


def _past(word: str) -> bool:
    """A verb in the past, most likely: "joined", "shelved", "took"."""
    return (word.endswith("ed") and word.islower() and len(word) > 3) or word in _PAST_FORMS


_WHEN_LINKS = frozenset("after before when since until because".split())


def _what_happened(text: str, start: int) -> str:
    """"McDonald joined the band in 1975" -> "McDonald joined the band": the
    clause a year ends, when it says something happened (it has a verb in
    the past); else ""."""
    left = text[max(0, start - _CONTEXT_CHARS):start]
    if left.split()[-1:] and left.split()[-1].lower() not in _WHEN_WORDS:
        return ""
    clause = _clause_words(left, forward=False, limit=9)
    if len(_CLAUSE_BREAK.split(left)[-1].split()) > 9:
        # Cut short, it may start mid-phrase ("Wednesday and signaled a faster
        # pace of increases"): from its last "and", whose verb then opens it.
        joined = [k for k, word in enumerate(clause) if word.lower() in ("and", "but", "or")]
        clause = clause[joined[-1] + 1:] if joined else clause
    # "a crash since its operations began in 2002": what "since" brings in.
    linked = [k for k, word in enumerate(clause) if word.lower() in _WHEN_LINKS]
    clause = clause[linked[-1] + 1:] if linked else clause
    while clause and clause[0].lower() in ("and", "then"):
        clause.pop(0)
    # Something, then what it did: "classified material by …" is no clause.
    if len(clause) < 2 or _past(clause[0]) or not any(_past(word) for word in clause[1:]):
        return ""
    first = clause[0]
    if first.lower() in ("the", "a", "an", "it", "he", "she", "they", "this"):
        clause[0] = first.lower()
    return " ".join(clause)


# A verb of movement before a share or an amount, and the noun for it.
_MOVES = {"rose": "rise", "rises": "rise", "risen": "rise", "soared": "rise", "up": "rise",
          "fell": "fall", "falls": "fall", "fallen": "fall", "eased": "fall", "down": "fall",
          "gained": "gain", "gains": "gain", "added": "gain", "advanced": "gain",
          "lost": "loss", "shed": "loss", "dropped": "drop", "drops": "drop",
          "jumped": "jump", "jumps": "jump", "climbed": "climb", "climbs": "climb",
          "slipped": "slip", "slid": "slide", "declined": "decline", "declines": "decline",
          "increased": "increase", "grew": "growth", "surged": "surge", "plunged": "plunge",
          "tumbled": "tumble", "sank": "fall", "dipped": "dip", "rallied": "rally",
          "slumped": "slump", "rebounded": "rebound"}
_MOVE_FILLERS = frozenset("by about nearly almost roughly some more than less over around just "
                          "as much a further another".split())
_MOVE_ADVERBS = frozenset("last trading now still currently already".split())
_SUBJECT_STOPS = frozenset("and but while as after before when which who that with".split())


def _movement(text: str, start: int) -> str:
    """"Coty shares rose 2%" -> "rise in Coty shares": a share or an amount
    right after a verb of movement, and what moved (the words before the
    verb, back to the clause's start); else ""."""
    words = text[max(0, start - _CONTEXT_CHARS):start].split()
    while words and words[-1].lower() in _MOVE_FILLERS:
        words.pop()
    if len(words) < 2 or words[-1].lower() not in _MOVES:
        return ""
    move = _MOVES[words.pop().lower()]
    while words and (words[-1].lower() in _AUX or words[-1].lower() in _MOVE_ADVERBS):
        words.pop()  # "shares were up", "had fallen", "was last trading up"
    if not words or words[-1].lower() in _SUBJECT_STOPS:
        return ""  # "… but recovered and was up 0.4%": the subject is further back
    subject: list[str] = []
    for word in reversed(words[-6:]):
        bare = word.rstrip(",;:.!?")
        if (bare != word and not re.fullmatch(r"(?:[A-Z]\.)+", word)) or (
                word.lower() in _SUBJECT_STOPS or not any(c.isalnum() for c in word)):
            break  # a clause's or a sentence's end: "… fell 0.5%. China's …"
        subject.insert(0, word)
    while subject and subject[0].lower() in FUNCTION_WORDS and subject[0].lower() != "the":
        subject.pop(0)
    if len(subject) < 2 and (not subject or subject[0].lower() == "the"):
        return ""
    if any(word.lower() in _PRONOUNS_NOT_NAMING for word in subject):
        return ""
    if subject[0] == "The":
        subject[0] = "the"
    return _join([move, "in", *subject])


_PRONOUNS_NOT_NAMING = frozenset("it they he she this that which".split())
_OWNER = re.compile(r"\w[’']s?$")


def _year_of(text: str, start: int, end: int) -> str:
    """What a year is the year of: the noun phrase it ends ("a Wikileaks
    conference in Stockholm in 2010") or starts ("its planned 2024 crewed
    moon shot"), without its determiner; else ""."""
    after = re.match(r"\s+((?:[a-z][a-z\-]+\s+){0,3}[a-z][a-z\-]+)", text[end:end + 60])
    if after:
        words = after.group(1).split()
        cut = next((i for i, w in enumerate(words) if w in FUNCTION_WORDS or w in _AUX), None)
        words = words[:cut]
        before = text[max(0, start - 40):start].split()
        adjectives: list[str] = []
        for word in reversed(before):  # "its planned 2024 …": planned
            if word.lower() in DETERMINERS or not word.isalpha() or not word.islower():
                break
            adjectives.insert(0, word)
        # The year modifies a noun after a determiner or a possessive ("its
        # planned 2024 moon shot", "the agency’s 2020 budget"), not "since 2015 prices".
        rest = before[:len(before) - len(adjectives)]
        owned = bool(rest) and (rest[-1].lower() in DETERMINERS or _OWNER.search(rest[-1]))
        if words and owned:
            if "year" in adjectives:
                adjectives = []  # "fiscal year 2019 sales": the year is the noun
            return " ".join([*adjectives[-2:], *words])
    left = text[max(0, start - _CONTEXT_CHARS):start].split()
    if not left or left[-1].lower() not in _WHEN_WORDS:
        return ""
    clause = _clause_words(" ".join(left[:-1]), forward=False, limit=7)
    at = max((i for i, w in enumerate(clause) if w.lower() in DETERMINERS), default=-1)
    phrase = clause[at + 1:] if at >= 0 else []
    return " ".join(phrase) if phrase and not _past(phrase[0]) else ""


def _noun_phrase(words: list[str]) -> list[str]:
    """The noun phrase these words open ("the region's power generation in
    2015" -> "the region's power generation"), up to a preposition, a verb
    or a participle that is not an adjective ("remaining intact forested
    landscapes" are one phrase); [] when they open with a pronoun."""
    words = words[:6]
    phrase: list[str] = []
    for index, word in enumerate(words):
        lower = word.lower()
        if index == 0 and lower in ("them", "us", "it", "these", "those", "which", "whom"):
            return []
        if phrase:
            following = words[index + 1] if index + 1 < len(words) else ""
            adjective = (following.islower() and following.isalpha()
                         and following not in FUNCTION_WORDS)
            last = phrase[-1].lower()
            if (lower in FUNCTION_WORDS or lower in _VERBS or lower in _MODALS
                    or ((_past(lower) or lower.endswith("ing")) and not adjective)):
                break
            if (_PLURAL.fullmatch(last) and last not in FUNCTION_WORDS and word.islower()
                    and lower not in DETERMINERS):
                break  # "Democratic insiders expect …": a plural, then its verb
        phrase.append(word)
    while phrase and phrase[-1].lower() in FUNCTION_WORDS:
        phrase.pop()
    if phrase and phrase[-1].endswith(("’s", "'s", "s’", "s'")):
        return []  # "WeWork's" before another number: whose, but not what
    return phrase if any(w.lower() not in FUNCTION_WORDS for w in phrase) else []


_PLURAL = re.compile(r"[a-z]{2,}[a-hj-rtv-z]s")  # not "gross", "bus", "crisis", "world's"


_OF_WORDS = frozenset("of worth totalling totaling valued".split())


def _noun_before(words: list[str]) -> str:
    """"a fine of", "a deal worth": the noun phrase a number is "of", when the
    words just before it end so; else ""."""
    if len(words) < 2 or words[-1].lower() not in _OF_WORDS:
        return ""
    phrase: list[str] = []
    for word in reversed(words[:-1]):
        lower = word.lower()
        if lower in FUNCTION_WORDS or lower in _AUX or not lower.replace("-", "").isalpha():
            break
        phrase.insert(0, word)
        if len(phrase) == 3:
            break
    head = phrase[-1].lower() if phrase else ""
    if not head or head.endswith(("ed", "ing", "ly")) or len(head) < 3:
        return ""
    return " ".join(phrase)


def _noun_after(words: list[str]) -> int:
    """How many of the words after a bare number name what it counts: up to
    and including its plural noun, through names before it ("US troops",
    "United States service members"); 0 when they do not start with one."""
    for index, word in enumerate(words[:5]):
        if word[:1].isupper():
            continue
        lower = word.lower()
        if lower in FUNCTION_WORDS or lower in _AUX or not lower.isalpha():
            return 0
        if len(lower) > 3 and lower.endswith("s") and not lower.endswith("ss"):
            return index + 1
    return 0


# Words after a counted noun that go on describing it: where ("fatalities
# at a fuel plant"), when ("months before the caucuses"), of what.
_PREPOSITIONS = frozenset("in at of from on for under with by near inside outside across into "
                          "onto before after during since between among within without "
                          "aboard per around throughout above below beyond until till because"
                          .split())
# Words that say more of the counted and let more follow: "people
# worldwide", "bits long", "degrees Celsius above …".
_DESCRIBING = frozenset("worldwide nationwide abroad overseas celsius fahrenheit "
                        "old wide high deep long tall thick".split())
# Adjectives that take a phrase: "people familiar with the matter".
_CLOSE_TO = frozenset("familiar close aware eligible responsible loyal short shy".split())
# What may follow a participle that describes the counted ("cases reported
# worldwide", "killed last week"); an object may not ("reached settlements").
_AFTER_PARTICIPLE = _PREPOSITIONS | _DESCRIBING | frozenset(
    "up down away ago last this next yesterday today earlier globally annually each every so"
    .split())
_TIME_NOUNS = frozenset("year week month season summer winter".split())
_MEASURED = re.compile(r"(?:(?:light-)?years?|months?|weeks?|days?|hours?|minutes?|seconds?"
                       r"|decades?|feet|foot|inch(?:es)?|yards?|(?:kilo)?met(?:re|er)s?|miles?"
                       r"|degrees?|knots?|stor(?:y|ies|eys?)|floors?|pounds?|tons?|tonnes?)")


def _still_of_the_count(words: list[str], *, compound: bool = False) -> list[str]:
    """The words after a counted noun that still describe it: a phrase
    brought in by a preposition ("witnesses in the case"), a participle
    ("people injured in the skirmishes", "30 people had been injured",
    "buses waiting to evacuate civilians"); none from a verb on, which says
    what the counted did ("five publishers reached settlements", "two
    members died"). With `compound`, nouns may go on the counted one first
    ("50th anniversary tour")."""
    passive = False
    while words and words[0].lower() in _AUX:
        words, passive = words[1:], True  # "had been injured": the participle says it
    if not words:
        return []
    first = words[0].lower()
    after = words[1].lower() if len(words) > 1 else ""
    if first in _PREPOSITIONS or (first.endswith("ing") and not passive) or (
            first in _CLOSE_TO and after in _PREPOSITIONS):
        return [] if passive else words
    if first in _DESCRIBING:
        return [words[0], *_still_of_the_count(words[1:])]
    if first in ("last", "this", "next") and after in _TIME_NOUNS:
        return [*words[:2], *_still_of_the_count(words[2:])]  # "hikes next year"
    participle = (first.endswith(("ed", "en")) and len(first) > 3) or first in _PARTICIPLES
    if participle and (after in _AFTER_PARTICIPLE or passive):
        return words  # "killed in the fighting", not "failed to find", "joined Democrats"
    if participle and (after in _AUX or after in _MODALS):
        return words[:1]  # "73% of British adults surveyed would not …"
    if (compound and not passive and first.isalpha() and first.islower() and not participle
            and first not in FUNCTION_WORDS and not first.endswith("ly")
            and first not in _VERBS and first not in _MODALS):
        # "square kilometer forest zone", up to a plural ("gas emissions")
        return [words[0], *_still_of_the_count(words[1:], compound=not first.endswith("s"))]
    return []


_MODALS = frozenset("may might can could should must will would shall do does did".split())
_PREDICATE_ADVERBS = frozenset("also still now already all both either never often then "
                               "jointly reportedly currently later".split())
_VERBS = frozenset("""
flew fled became began brought bought caught chose drew drove fought found gave grew knew
left met paid ran sat saw sent spent stood struck taught thought told took went won wrote
remain remains live lives work works die dies come comes take takes make makes lose win wins
say says want wants need needs face faces go goes
""".split())


def _what_the_count_did(after: str, *, plural: bool) -> list[str]:
    """"… reached out-of-court settlements", "… will likely receive notice":
    the predicate right after a counted noun, when it opens with a verb we
    can tell (an auxiliary, a past form, a common verb, or after a plural
    any plain word: "400 million people lack electricity"), up to the
    clause's end or its first "and", "or" or "that"; else []."""
    words = _CLAUSE_BREAK.split(after, maxsplit=1)[0].split()[:8]
    start = 1 if words and words[0].lower() in _PREDICATE_ADVERBS else 0
    if len(words) <= start:
        return []
    verb = words[start].lower()
    known = (verb in _AUX or verb in _MODALS or verb.endswith(("n't", "n’t"))
             or verb in _VERBS or _past(verb))
    # After a plural noun, a plain word is its verb: plural nouns do not run
    # into another noun the way "30 minute activity" does.
    plain = (plural and words[start].isalpha() and words[start].islower()
             and verb not in FUNCTION_WORDS and verb not in NUMBER_WORDS
             and not verb.endswith(("ly", "er", "est")) and verb not in _AFTER_PARTICIPLE
             and verb not in COUNT_STOPS)
    if verb in ("being", "been", "be") or not (known or plain):
        return []
    if plural and verb in ("is", "was", "has", "does"):
        return []  # "two tablets was a lethal dose": the count is not the subject
    joined = next((i for i, w in enumerate(words)
                   if i > start and w.lower() in ("and", "or", "that")), len(words))
    return words[:joined]


def _join(words: list[str]) -> str:
    """A label of these words, without function words left dangling where a
    clause was cut short ("counts of aggravated sexual assault of a")."""
    words = [w for w in words if w]
    if words and words[-1].endswith(".") and words[-1].count(".") == 1:
        words[-1] = words[-1][:-1]  # "for the ISAF." ends a sentence; "the U.S." keeps its own
    while len(words) > 1 and words[-1].lower() in FUNCTION_WORDS:
        words.pop()
    return " ".join(words).strip()[:200]


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
