"""What a figure counts, in the article's words: its label.

Read from the sentence around the number: the noun it counts and what
still describes it ("people injured in the skirmishes"), or what the
counted did as a clause of its own ("publishers that reached settlements");
a share of what ("share of the region's power generation"); a year's event;
what moved and which way ("fall in Japan's Nikkei 225"); whose age. Where
none of these is found, a plain label of the figure's kind ("amount in USD",
"date"), marked for a person to check.
"""

from __future__ import annotations

import re

from briefing.ingest.lexicon import (
    COUNT_STOPS,
    DETERMINERS,
    FUNCTION_WORDS,
    IRREGULAR_PLURALS,
    MONTHS,
    NUMBER_WORDS,
    is_person_noun,
)

# "a decade", "the 21st century": a span of time, not a count.
ERA = re.compile(r"\b(?:decade|century)$", re.IGNORECASE)
_AUX = frozenset("were was are is had been have has be being will would could".split())


def figure_label(paragraph: str, start: int, end: int, text: str, kind: str,
                 unit: str | None) -> tuple[str, bool]:
    """What the figure counts, in the article's words, and whether it was
    found: the counted noun and what is said of it ("people killed in the
    capital"). A bare number gets a plain label of its kind ("amount in USD",
    "date", "share"), marked as not found: a window of the words around it
    ("share: inflation, which stood at … in April") read as a label and was
    one only by chance."""
    if re.search(r"\d-years?[- ]old\b", text):
        # "43-year-old": how old someone is, and who, when the words after say
        whom = _AGE_OF.match(paragraph, end)
        words = whom.group(1).split() if whom else []
        if words and words[-1].islower() and not is_person_noun(words[-1]):
            words.pop()  # "the 48-year-old Australian was evicted": the Australian
        if len(words) >= 2 and all(word[0].isupper() for word in words):
            return f"{' '.join(words)}’s age", True  # "43-year-old Martin Taylor"
        return (f"age of the {' '.join(words)}" if words else "age"), True
    whose = _whose_age(paragraph, start, end, text)
    if whose:
        return whose, True  # "convicting Webb, 51, of kidnapping": Webb's age
    if re.search(r"(?<!light)-(?:second|minute|hour|day|week|month|year|game|match)s?$",
                 text.lower()) or (
            ERA.search(text)):
        return "duration", False  # "three-hour", "four-game": how long something was
    counted = _counted_phrase(text) if unit not in ("%", "year") else ""
    # The words after the figure, up to where its clause breaks off.
    clause = _CLAUSE_BREAK.split(paragraph[end:end + _CONTEXT_CHARS], maxsplit=1)[0].split()
    right = _clause_words(clause, limit=9)
    if counted:
        noun = counted.split()[-1].lower()
        if noun in MONTHS:
            return "date", False  # "20 November"
        many = bool(_PLURAL.fullmatch(noun)) or noun in IRREGULAR_PLURALS
        # "30 minute activity": a noun left singular after a number is
        # part of what it counts; after "one" it may be who acts ("one
        # person says").
        compound = not (many or re.match(r"(?i)(?:an?|one|1)\b", text))
        measured = bool(_MEASURED.fullmatch(noun)) and not compound
        described = _still_of_the_count(clause[:7], compound=compound)
        did = _what_the_count_did(clause[:8], plural=many and not measured)
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
    total = _OF_A_TOTAL.match(paragraph, end) if kind == "core" and unit is None else None
    if total is not None:
        # "29 of 50 states", "only eight of the 48 Hispanic workers": of the
        # total, what it counts
        right = _clause_words(_CLAUSE_BREAK.split(paragraph[total.end():end + _CONTEXT_CHARS],
                                                  maxsplit=1)[0].split(), limit=9)
    elif right and right[0].lower() == "of" and kind == "core":
        # "three of its commanders": the commanders
        right = right[1:]
        while right and right[0].lower() in DETERMINERS:
            right = right[1:]
    if unit is None and (noun := _noun_after(right)):
        # "13,000 US troops in Afghanistan": the noun, and where or of what.
        return _join([*right[:noun], *_still_of_the_count(right[noun:])]), True
    if unit and unit.isupper() and (spent := _what_the_money_is(right)):
        return spent, True  # "$14.5 billion in back taxes", "a $3 billion buyout"
    if (unit == "%" and right and right[0].lower() not in _NOT_A_SHARES_NOUN
            and not right[0].lower().endswith(("ing", "er", "wide"))
            and (what := _what_the_money_is(right, where=False))):
        return what, True  # "last year's 6.0% expansion", "a 59 percent decline"
    if unit == "year" and (happened := _what_happened_then(paragraph, start, end)):
        return f"year {happened}", True  # "In 2012, hundreds of Islamists assaulted …"
    if unit == "year" and (happened := _what_happened(paragraph, start)):
        return f"year {happened}", True  # "McDonald joined the band in 1975"
    if unit == "year" and (event := _year_of(paragraph, start, end)):
        return f"year of the {event}", True  # "a conference in Stockholm in 2010"
    if unit == "%" or (unit and unit.isupper()):
        moved = _movement(paragraph, start)
        if moved:
            return moved, True  # "Japan's Nikkei 225 fell 0.3%": fall in Japan's Nikkei 225
    before = _noun_before(paragraph[max(0, start - 60):start].split()[-5:])
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
    if not figure.isdigit() or not 0 < int(figure) <= 120:
        return ""
    if re.search(r"\b(?:at\s+(?:the\s+)?age(?:\s+of)?|aged)\s+$", text[max(0, start - 20):start]):
        return "age"  # "gained his pilot's licence at age 42"
    if not (text.startswith(",", end) or re.match(r"\.(?:\s|$)", text[end:end + 2])):
        return ""  # "Webb, 51, of …", "…, said Rose, 29."
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
                            and (any(ch.isdigit() for ch in rest[1])
                                 or rest[1].lower().split("-")[0] in NUMBER_WORDS))):
                rest = rest[1:]  # "1.5 to 2 degrees", "six to eight weeks": degrees, weeks
            if rest:
                return " ".join(rest)
    return ""


_CONTEXT_CHARS = 160
# A full stop after a capital ends no clause unless a capitalised word
# follows ("on U.S. land"), nor one that closes initials ("the U.S. Embassy").
_CLAUSE_BREAK = re.compile(r"[,;:!?“”\"()—–]|(?<![A-Z])\.|(?<![A-Z]\.[A-Z])\.(?=\s+[A-Z])|--"
                           r"|\b(?:but|while|which|who)\b|\S*\d\S*")


# Words after a count that begin something other than what it counts.
_NOT_OF_THE_COUNT = DETERMINERS | frozenset("and or nor but to than as my your".split())


def _clause_words(clause: list[str], *, limit: int) -> list[str]:
    """Up to `limit` words of the clause after a figure (its words up to
    where it breaks off), without auxiliaries first or dangling function
    words last; none when they begin something other than what it counts."""
    words = list(clause)
    while words and words[0].lower() in _AUX:
        words.pop(0)
    words = words[:limit]
    if words and words[0].lower() in _NOT_OF_THE_COUNT:
        return []  # "five publishers and Apple", "80 jobs to his company"
    while words and words[-1].lower() in FUNCTION_WORDS:
        words.pop()
    return words


def _clause_before(text: str, *, limit: int) -> list[str]:
    """Up to `limit` words of the clause that ends where `text` ends, without
    function words dangling at either end."""
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
    clause = _clause_before(left, limit=9)
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
    return _as_an_event(clause)


def _as_an_event(clause: list[str]) -> str:
    """Something, then what it did in the past ("McDonald joined the band"),
    as a year's label says it; "" for words that are no such clause
    ("classified material by …")."""
    if len(clause) < 2 or _past(clause[0]) or not any(_past(word) for word in clause[1:]):
        return ""
    if clause[0].lower() in ("the", "a", "an", "it", "he", "she", "they", "this"):
        clause = [clause[0].lower(), *clause[1:]]
    return " ".join(clause)


# "In 2012, …", "Then, in 2012 …": a year that opens its sentence.
_OPENING_YEAR = re.compile(r"(?:^|[.!?][\"”’)]*\s+)(?:(?:Then|And|But|So),?\s+)?[Ii]n\s+$")
_WHEN_AFTER = re.compile(r",?\s+when\s+")


def _what_happened_then(text: str, start: int, end: int) -> str:
    """"in 1996 when the Miami New Times reported …", "In 2012, hundreds of
    Islamists assaulted the embassy": what the sentence says happened in the
    year it names first, or brings in with "when" right after it; else ""."""
    when = _WHEN_AFTER.match(text, end)
    if when:
        after = text[when.end():when.end() + _CONTEXT_CHARS]
    elif _OPENING_YEAR.search(text, max(0, start - 24), start):
        after = text[end:end + _CONTEXT_CHARS].lstrip(" ,")
    else:
        return ""
    clause = _CLAUSE_BREAK.split(after, maxsplit=1)[0].split()[:9]
    cut = next((k for k, word in enumerate(clause) if k and word.lower() in _CLAUSE_GOES_ON),
               len(clause))
    clause = clause[:cut]
    while clause and clause[-1].lower() in FUNCTION_WORDS:
        clause.pop()
    if clause and (clause[0].endswith("ing") or clause[0].lower() in _SUBORDINATE):
        return ""  # "having programmed …", "after the accord was signed": no main clause
    return _as_an_event(clause)


# Where a clause goes on to bring in another: "… deposed when …", "… reported that …".
_CLAUSE_GOES_ON = _WHEN_LINKS | {"that", "and"}
_SUBORDINATE = _WHEN_LINKS | {"as", "while", "if"}


# A verb of movement before a share or an amount, and the noun for it.
_MOVES = {"rose": "rise", "rises": "rise", "risen": "rise", "soared": "rise", "up": "rise",
          "fell": "fall", "falls": "fall", "fallen": "fall", "eased": "fall", "down": "fall",
          "gained": "gain", "gains": "gain", "added": "gain", "advanced": "gain",
          "lost": "loss", "shed": "loss", "dropped": "drop", "drops": "drop",
          "jumped": "jump", "jumps": "jump", "climbed": "climb", "climbs": "climb",
          "slipped": "slip", "slid": "slide", "declined": "decline", "declines": "decline",
          "increased": "increase", "grew": "growth", "surged": "surge", "plunged": "plunge",
          "tumbled": "tumble", "sank": "fall", "dipped": "dip", "rallied": "rally",
          "slumped": "slump", "rebounded": "rebound", "grow": "growth", "grows": "growth",
          "expand": "growth", "expands": "growth", "expanded": "growth",
          "contract": "contraction", "contracts": "contraction", "contracted": "contraction",
          "shrink": "contraction", "shrinks": "contraction", "shrank": "contraction"}
MOVEMENT_VERBS = frozenset(_MOVES)  # and for telling a range from a change ("rose 3% to 5%")
# "is now expected to grow 3.3%": what comes between the subject and the verb.
_FORECAST = frozenset("expected forecast projected predicted set likely poised going "
                      "seen".split())
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
    if len(words) >= 2 and words[-1].lower() == "to" and words[-2].lower() in _FORECAST:
        del words[-2:]  # "Canada is now expected to grow 3.3%"
    while words and (words[-1].lower() in _AUX or words[-1].lower() in _MOVE_ADVERBS):
        words.pop()  # "shares were up", "had fallen", "was last trading up"
    if not words or words[-1].lower() in _SUBJECT_STOPS:
        return ""  # "… but recovered and was up 0.4%": the subject is further back
    subject: list[str] = []
    for word in reversed(words[-6:]):
        if subject and _past(word.lower()):
            break  # "has moved its benchmark lending rate up": the rate
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
    clause = _clause_before(" ".join(left[:-1]), limit=7)
    at = max((i for i, w in enumerate(clause) if w.lower() in DETERMINERS), default=-1)
    phrase = clause[at + 1:] if at >= 0 else []
    return " ".join(phrase) if phrase and not _past(phrase[0]) else ""


def _what_the_money_is(words: list[str], *, where: bool = True) -> str:
    """What the words after an amount say it is: "in back taxes", "worth of
    business deals", "buyout of existing shareholders" (the amount before a
    noun: "a $3 billion buyout"), "in the bank" (where it is, unless not
    `where`: a share "in trading" is no share of trading); else ""."""
    lower = [word.lower() for word in words]
    if lower[:2] == ["worth", "of"] and (what := _noun_phrase(words[2:])):
        return _join(what)
    if where and lower[:1] == ["in"] and len(words) > 1 and not words[1][:1].isupper():
        phrase = _noun_phrase(words[1:])
        if any(word.lower().rstrip("s") in _TIME_WORDS for word in phrase):
            return ""  # "in the fourth quarter": when, not what
        if phrase and lower[1] in DETERMINERS:
            return _join(["amount in", *phrase])  # "$2 million in the bank"
        return _join(phrase)  # "$14.5 billion in back taxes"
    first = lower[0] if lower else ""
    # "armored vehicles": a participle before a noun is an adjective
    adjective = len(words) > 1 and words[1].isalpha() and words[1].islower() and (
        lower[1] not in FUNCTION_WORDS)
    if (first and words[0][:1].islower() and first.replace("-", "").isalpha()
            and first not in FUNCTION_WORDS and first not in _VERBS and first not in _MODALS
            and first not in COUNT_STOPS and not first.endswith("ly")
            and first not in _TIME_WORDS and first not in _MAGNITUDE_WORDS
            and (adjective or not (_past(first) or first.endswith("ing")))):
        what = _noun_phrase(words)
        rest = words[len(what):]
        # "yacht belonging to …", "buyout of …"; not "cash hoard is considered …"
        of_what = (_still_of_the_count(rest)
                   if rest and (rest[0].lower() not in _AUX or rest[0].lower() == "being") else [])
        return _join([*what, *of_what]) if what else ""
    return ""


# Words after a share that say how, not of what: "0.68% higher", "40 percent
# below normal", "1.8% late on Monday".
_NOT_A_SHARES_NOUN = frozenset("below above versus late early year-to-date less more".split())
_TIME_WORDS = frozenset("next last this year month week day quarter decade period past "
                        "annually".split())
_MAGNITUDE_WORDS = frozenset("lakh lakhs crore crores".split())


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
                    or lower.endswith("ly")
                    or ((_past(lower) or lower.endswith("ing")) and not adjective)):
                break
            if (word[:1].isupper() and not word.isupper() and phrase[-1][:1].islower()
                    and not phrase[-1].endswith(("’s", "'s"))):
                break  # "the $53 million figure McKinley cited": a new subject
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


# "… of 50 ", "… of the 48 ", "… of the legislature's 300 ": a total after a part.
_OF_A_TOTAL = re.compile(r"\s+(?:out\s+)?of\s+(?:(?:the|its|their|his|her|all)\s+)?"
                         r"(?:[A-Za-z][\w’'.\-]*\s+){0,2}?\d[\d,]*\s+")


def _noun_after(words: list[str]) -> int:
    """How many of the words after a bare number name what it counts: up to
    and including its plural noun, through names before it ("US troops",
    "United States service members"); 0 when they do not start with one."""
    for index, word in enumerate(words[:5]):
        if word[:1].isupper():
            continue
        lower = word.lower()
        if lower in ("more", "other", "additional", "extra", "fewer") and index == 0:
            continue  # "two more years", "three other countries"
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
        return [] if passive else _before_a_verb(words)
    if first in _DESCRIBING:
        return [words[0], *_still_of_the_count(words[1:])]
    if first in ("last", "this", "next") and after in _TIME_NOUNS:
        return [*words[:2], *_still_of_the_count(words[2:])]  # "hikes next year"
    participle = (first.endswith(("ed", "en")) and len(first) > 3) or first in _PARTICIPLES
    if participle and (after in _AFTER_PARTICIPLE or passive):
        # "killed in the fighting", not "failed to find", "joined Democrats"
        return [words[0], *_before_a_verb(words[1:])]
    if participle and (after in _AUX or after in _MODALS):
        return words[:1]  # "73% of British adults surveyed would not …"
    if (compound and not passive and first.isalpha() and first.islower() and not participle
            and first not in FUNCTION_WORDS and not first.endswith("ly")
            and first not in _VERBS and first not in _MODALS):
        # "square kilometer forest zone", up to a plural ("gas emissions")
        return [words[0], *_still_of_the_count(words[1:], compound=not first.endswith("s"))]
    return []


def _before_a_verb(words: list[str]) -> list[str]:
    """These words up to an auxiliary or a modal, where the phrase gives way
    to its sentence's verb ("a tender offer by SoftBank will be launched")."""
    cut = next((k for k, word in enumerate(words) if word.lower() in _VERB_OPENERS),
               len(words))
    return words[:cut]


_MODALS = frozenset("may might can could should must will would shall do does did".split())
_VERB_OPENERS = _AUX | _MODALS
_PREDICATE_ADVERBS = frozenset("also still now already all both either never often then "
                               "jointly reportedly currently later".split())
_VERBS = frozenset("""
flew fled became began brought bought caught chose drew drove fought found gave grew knew
left met paid ran sat saw sent spent stood struck taught thought told took went won wrote
remain remains live lives work works die dies come comes take takes make makes lose win wins
say says want wants need needs face faces go goes
""".split())


def _what_the_count_did(words: list[str], *, plural: bool) -> list[str]:
    """"… reached out-of-court settlements", "… will likely receive notice":
    the predicate these words after a counted noun open, when it opens with
    a verb we can tell (an auxiliary, a past form, a common verb, or after
    a plural any plain word: "400 million people lack electricity"), up to
    the clause's end or its first "and", "or" or "that"; else []."""
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
