"""Find the noun phrase that names a speaker next to a speech verb.

Works on a paragraph's *frame* (quotations blanked out, see `spans`), with
rules about English word classes rather than a parser: the subject of
"X said" is read backwards from the verb over comma-separated segments
(skipping "speaking from ...", "who ...", ages), the object of "said X" or
"according to X" forwards to the first preposition or punctuation, and an
appositive ("Vadym Boichenko, the mayor, said") gives the role.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field, replace
from functools import lru_cache
from itertools import pairwise

from briefing.ingest.lexicon import (
    ABBREVIATIONS,
    AUXILIARIES,
    DETERMINERS,
    DOCUMENT_NOUNS,
    FUNCTION_WORDS,
    HONORIFICS,
    IRREGULAR_PAST,
    MODIFIER_STARTS,
    MONTHS,
    NAME_PARTICLES,
    NOT_A_NAME,
    NUMBER_WORDS,
    OPENING_PREPOSITIONS,
    ORG_NOUNS,
    PERSON_NOUNS,
    PRONOUNS,
    SPEECH_VERBS,
    TITLE_WORDS,
    WEEKDAYS,
    is_given_name,
    is_person_noun,
)
from briefing.ingest.spans import MASK

MAX_PHRASE_WORDS = 12
# The rules read the sentence around a verb, a name or a colon, but never
# more than this many tokens of it on one side. In the import corpus they
# read at most 43 before a verb, and 124 before a name (a sentence of
# quotations, each of whose characters is a token of the frame). A 64 KB
# "sentence" with a verb every few words had every verb read all that
# came before it.
MAX_CONTEXT_TOKENS = 128

_TOKEN = re.compile(r"(?:[A-Za-z]\.){2,}|\d{1,3}(?:,\d{3})+(?!\d)"  # "10,000": one number
                    r"|[^\W_](?:[\w’'\-]*[^\W_])?(?:(?<=s)['’](?!\w))?|[^\s\w]")
_QUANTIFIERS = frozenset("some many most several few other others both all any each "
                         "one two three four five six seven eight nine ten dozens "
                         "hundreds thousands".split())
_LINKS = frozenset(("of", "for", "at", "from"))
_COPULAS = frozenset("is are was were".split())
_PREPOSITIONS = frozenset("on in with about over under into by to near across".split())
_BOUNDARY_PUNCT = frozenset(",;:—–()[]" + MASK + "\"“”„«»‘’'")
_HONORIFIC_WORDS = frozenset(word.rstrip(".") for word in HONORIFICS)
_TIME_WORDS = frozenset(WEEKDAYS + MONTHS + "week weekend month year night morning afternoon "
                        "evening day today yesterday".split())
_VENUE_WORDS = frozenset("statement interview briefing conference post speech video message "
                         "letter email e-mail address tweet report filing call podcast "
                         "broadcast session hearing meeting rally appearance".split())
_SOURCE_OF = re.compile(
    r"^(?:(?:some|much|most|part|all|one|many)\s+of\s+)?(?:(?:a|an|the)\s+)?(?:[\w\-]+\s+)?"
    r"(?P<document>statement|report|post|filing|document|"
    r"documents|data|figures|estimates|estimate|tally|count|survey|analysis|memo|letter|record|"
    r"records|notice|message|release|rhetoric|remarks|comments|words)\s+"
    r"(?:from|by|of|released by|published by|issued by)\s+", re.I)
_POSSESSIVE = re.compile(r"[’']s?$")
_AGE = re.compile(r"\d{1,3}-year-old")


@dataclass(frozen=True, slots=True)
class Token:
    """A word or a mark of a paragraph's frame, at `start:end`. What the rules
    ask of it is worked out once, when the paragraph is read."""

    text: str
    start: int
    end: int
    lower: str = field(init=False)
    is_word: bool = field(init=False)
    capitalised: bool = field(init=False)
    acronym: bool = field(init=False)  # US, UN, NATO: a name even when it spells a function word
    function: bool = field(init=False)

    def __post_init__(self) -> None:
        lower = self.text.lower()
        acronym = len(self.text) >= 2 and self.text.isupper()
        object.__setattr__(self, "lower", lower)
        object.__setattr__(self, "is_word", self.text[0].isalnum())
        object.__setattr__(self, "capitalised", self.text[0].isupper())
        object.__setattr__(self, "acronym", acronym)
        object.__setattr__(self, "function", not acronym and lower in FUNCTION_WORDS)


@dataclass(frozen=True, slots=True)
class Phrase:
    """A speaker as written: `text` at `start:end`, and a role from an
    appositive when there is one."""

    text: str
    start: int
    end: int
    role: str | None = None
    # What of theirs speaks, when the words named it first: "report" for "a
    # 2014 report from the World Bank", so that "the report" is theirs.
    document: str | None = None

    @property
    def pronoun(self) -> str | None:
        word = self.text.lower()
        return word if word in PRONOUNS else None


def tokens(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """The tokens of `text[start:end]`."""
    end = len(text) if end is None else end
    found = _tokens_of(text, start, end)
    if found is None:
        return [Token(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text, start, end)]
    every, low, high = found
    return every[low:high]


def _tokens_before(text: str, start: int, end: int) -> list[Token]:
    """The last MAX_CONTEXT_TOKENS tokens of `text[start:end]`."""
    found = _tokens_of(text, start, end)
    if found is None:
        return tokens(text, start, end)[-MAX_CONTEXT_TOKENS:]
    every, low, high = found
    return every[max(low, high - MAX_CONTEXT_TOKENS):high]


def _tokens_after(text: str, start: int, end: int) -> list[Token]:
    """The first MAX_CONTEXT_TOKENS tokens of `text[start:end]`."""
    found = _tokens_of(text, start, end)
    if found is None:
        return tokens(text, start, end)[:MAX_CONTEXT_TOKENS]
    every, low, high = found
    return every[low:min(high, low + MAX_CONTEXT_TOKENS)]


@dataclass(frozen=True, slots=True)
class _Tokenised:
    tokens: list[Token]
    starts: list[int]
    ends: list[int]


@lru_cache(maxsize=4)
def _tokenised(text: str) -> _Tokenised:
    """A paragraph's frame as tokens, made once: every verb, name and quote
    of the paragraph then takes its stretch by bisection."""
    every = [Token(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text)]
    return _Tokenised(every, [t.start for t in every], [t.end for t in every])


def _tokens_of(text: str, start: int, end: int) -> tuple[list[Token], int, int] | None:
    """The paragraph's tokens and the slice of them that `text[start:end]`
    holds, or None when the stretch cuts a token, where tokenising it alone
    would give other tokens than the paragraph's."""
    whole = _tokenised(text)
    low = bisect_left(whole.starts, start)
    high = max(low, bisect_right(whole.ends, end))
    if low and whole.ends[low - 1] > start:
        return None
    if high < len(whole.tokens) and whole.starts[high] < end:
        return None
    if 0 < end < len(text) and text[end - 1] in "’'" and (text[end].isalnum()
                                                         or text[end] == "_"):
        return None  # alone, "boss’" would end in a possessive
    return whole.tokens, low, high


# --- subject before a verb ----------------------------------------------------


_REFLEXIVES = frozenset("itself himself herself themselves".split())


# A lawmaker's party and state after their name: ", R-Ky.,", ", D-N.Y.,".
_PARTY_AND_STATE = re.compile(r",\s*[RDI]-[A-Z][A-Za-z.]{1,12},\s*$")


def subject_before(framed: str, low: int, verb_start: int) -> Phrase | None:
    """The subject of a speech verb at `verb_start`, read back to `low`."""
    party = _PARTY_AND_STATE.search(framed, max(low, verb_start - 20), verb_start)
    if party is not None:
        verb_start = party.start()  # "Mitch McConnell, R-Ky., told": McConnell
    toks = _tokens_before(framed, low, verb_start)
    toks = _drop_parentheses(toks)
    toks = _strip_trailing(toks)
    if not toks:
        return None
    # A modifier set off by commas ("X, speaking from Y, said") is skipped;
    # one that runs into the verb ("..., including the port whose mayor
    # said") holds the subject at its end.
    attached = not _comma_before(framed, toks[-1].end, verb_start)
    if len(toks) > 1 and toks[-1].lower in _REFLEXIVES and toks[-2].is_word:
        toks = toks[:-1]  # "the NHS itself says", "the minister himself said"
    if toks[-1].is_word and toks[-1].lower in PRONOUNS and not toks[-1].acronym:
        pronoun = toks[-1]
        return Phrase(pronoun.text, pronoun.start, pronoun.end)
    segments = _segments(toks)
    skipped = 0
    while segments and skipped <= 3:
        segment = segments[-1]
        if not segment or (_is_modifier(segment) and not (attached and skipped == 0)) or (
                # "…, from Tynemouth, North Tyneside, said": the place goes on
                # the modifier before it
                len(segments) >= 3 and _is_place(segment) and 0 < len(segments[-2]) <= 4
                and segments[-2][0].lower in ("from", "of", "in", "near")):
            segments.pop()
            skipped += 1
            continue
        break
    if not segments or not segments[-1]:
        return None
    # "SAS, which is the airline of Denmark, Norway and Sweden, said": a
    # relative clause whose list runs over commas stands for the noun before it.
    opening = next((k for k in range(len(segments) - 1, 0, -1)
                    if segments[k] and segments[k][0].lower in ("which", "who")), None)
    if (opening is not None and opening < len(segments) - 1 and not attached
            and all(len(segment) <= 4 for segment in segments[opening + 1:])):
        segments = segments[:opening]
    named = _named_before_descriptions(framed, segments)
    if named is not None:
        return named
    whose = _whose(framed, segments[-1])
    if whose is not None:
        return whose
    segment = _before_relative(segments[-1])
    if not segment and len(segments) >= 2:
        # "Dr Nwosu, who said ...": the relative pronoun stands for the noun before it.
        segments.pop()
        segment = _before_relative(segments[-1])
    if not segment:
        return None
    segments[-1] = segment
    phrase_tokens, whole = _scan_back(segment)
    if not phrase_tokens:
        return None
    phrase = _phrase(framed, phrase_tokens)
    if phrase is None:
        phrase_tokens = _headed(segment)
        whole = bool(phrase_tokens) and phrase_tokens[0] is segment[0]
        phrase = _phrase(framed, phrase_tokens) if phrase_tokens else None
    if phrase is None and len(segments) >= 2 and segment[0].lower in DETERMINERS:
        # "The defence ministry in Ridova, the capital of ..., said": the
        # appositive names no one; the noun phrase before it does.
        before = _before_relative(segments[-2])
        previous, previous_whole = _scan_back(before) if before else ([], False)
        if previous_whole and previous:
            return _phrase(framed, previous)
    if phrase is None:
        return None
    if whole and len(segments) >= 2:
        before = segments[-2]
        if before and not _is_modifier(before):
            previous, previous_whole = _scan_back(before)
            if previous_whole and previous:
                combined = _appositive(framed, previous, phrase_tokens)
                if combined is not None:
                    return combined
    return phrase


# Words that may stand before a subject named at the start of a clause:
# "…, but General Mark Milley, chairman of …, told".
_CLAUSE_OPENERS = frozenset("but and while as when so yet then where after because although "
                            "though".split())


def _named_before_descriptions(framed: str, segments: list[list[Token]]) -> Phrase | None:
    """The person named before the descriptions set off by commas between
    them and the verb: "Dylan Nelson, a postdoctoral fellow at the
    institute in Munich, Germany, and co-author of the study, said" and
    "General Mark Milley, chairman of the Joint Chiefs of Staff, told" are
    said by Dylan Nelson and Mark Milley, not by what describes them."""
    index = len(segments) - 1
    roles: list[list[Token]] = []
    while index >= 1:
        segment = _without_and(segments[index])
        if roles and _an_age(segment):
            index -= 1  # "John Taylor, 71, a retired teacher, said"
            continue
        if segment and _describes(segment):
            roles.insert(0, segment)
        elif not (segment and index >= 2 and _describes(_without_and(segments[index - 1]))
                  and (_is_place(segment) or segment[0].lower in ("the", "a", "an")
                       or (segment[0].capitalised
                           and any(t.lower in ORG_NOUNS for t in segment)))):
            # What goes on describing the description's last words does too:
            # "at Stratfor, the Texas-based … organization", "in Munich, Germany",
            # "secretary general, APT foundation of India".
            break
        index -= 1
    if not roles or index < 0 or not segments[index]:
        return None
    name, whole = _scan_back(segments[index])
    institution = head_word(" ".join(t.text for t in roles[0] if t.is_word)) in (
        _INSTITUTION_HEADS)  # "The European Commission, the EU's executive arm,"
    if not name or not (_has_name(name) or institution) or not name[-1].capitalised:
        return None
    opener = segments[index][len(segments[index]) - len(name) - 1] if not whole else None
    if opener is not None and opener.lower not in _CLAUSE_OPENERS:
        return None  # "In Washington, a spokesman said": a place, not a speaker
    phrase = _phrase(framed, name)
    if phrase is None:
        return None
    return replace(phrase, role=clean_role(framed, roles[0]))


def _an_age(segment: list[Token]) -> bool:
    """"71" or "aged 71" set off by commas after a name."""
    words = [t.lower for t in segment]
    if words[:1] == ["aged"]:
        words = words[1:]
    return len(words) == 1 and words[0].isdigit() and len(words[0]) <= 3


def _without_and(segment: list[Token]) -> list[Token]:
    return segment[1:] if segment and segment[0].lower == "and" else segment


def _describes(segment: list[Token]) -> bool:
    """"chairman of the Joint Chiefs of Staff", "a postdoctoral fellow at
    …", "NASA’s associate administrator": what someone is, headed by a
    person noun or title, not a name ("General Mark Milley")."""
    if not segment:
        return False
    first = segment[0]
    if (len(segment) > 2 and first.lower in _PARTY_MEMBERS
            and segment[1].lower in ("of", "from")):
        return True  # "Senator Marco Rubio, Republican of Florida, said"
    if first.capitalised and not _POSSESSIVE.search(first.text):
        # "Vector Space Systems CEO and a founding member of SpaceX": an
        # employer and a title; "General Mark Milley": a name.
        before_and = next((k for k, t in enumerate(segment) if t.lower == "and"), len(segment))
        last = segment[before_and - 1]
        return last.lower in TITLE_WORDS and last.lower not in HONORIFICS and before_and > 1
    if first.lower in ("as", "when", "while", "because", "if", "since"):
        return False  # "Worse, as one executive said": a clause, with its own subject
    if len(segment) > 2 and first.lower == "one" and segment[1].lower == "of":
        return True  # "one of the leading voices on …": one of whatever they are
    head = head_word(" ".join(t.text for t in segment if t.is_word))
    return is_person_noun(head) or head in TITLE_WORDS or head in _INSTITUTION_HEADS


_PARTY_MEMBERS = frozenset(("republican", "democrat", "independent", "conservative",
                            "labour", "liberal"))
# What an institution is, in an appositive after its name: "The European
# Commission, the EU's executive arm, said".
_INSTITUTION_HEADS = frozenset("arm body wing branch unit division subsidiary affiliate agency "
                               "regulator watchdog organisation organization".split())


def _is_place(segment: list[Token]) -> bool:
    """"Germany", "New South Wales": a short run of capitalised words."""
    words = [t for t in segment if t.is_word]
    return 0 < len(words) <= 3 and len(words) == len(segment) and all(
        t.capitalised and not t.function for t in words)


_RELATIVES = frozenset(("who", "whom", "whose", "which"))
_ADJECTIVE_MODIFIERS = frozenset("involved familiar close based speaking working living "
                                  "briefed knowledgeable aware responsible".split())
_POST_MODIFIERS = frozenset("involved familiar close based speaking working living who in at "
                            "from with of for on within inside near".split())


def _before_relative(segment: list[Token]) -> list[Token]:
    """A segment without its relative clause: "an astrobiologist at Karsund
    University who was not involved" -> "an astrobiologist at Karsund University"."""
    for index, tok in enumerate(segment):
        if tok.lower in _RELATIVES and not tok.acronym:  # (not "the WHO")
            if tok.lower == "whose" and index + 1 < len(segment):
                return segment[index + 1:]  # "the port whose mayor said": the mayor
            if tok.lower in ("which", "whom") and _is_subject(segment[index + 1:]):
                return segment[index + 1:]  # "ThoughtWorks, which Morales called": Morales
            if tok.lower in ("which", "whom") and index == 2 and segment[1].lower == "of":
                return []  # "Residents, many of whom lost homes, said": the residents
            return segment[:index]
    return segment


def _is_subject(toks: list[Token]) -> bool:
    """A name or a described someone, all of a relative clause before its
    verb: "Morales", "the spy" (not "later", "was")."""
    if not toks or len(toks) > 5 or not all(tok.is_word for tok in toks):
        return False
    if all(tok.capitalised and not tok.function for tok in toks):
        return True
    return toks[0].lower in DETERMINERS and not any(tok.function for tok in toks[1:])


def _whose(framed: str, segment: list[Token]) -> Phrase | None:
    """"the port of Mariupol whose mayor said": the mayor of Mariupol."""
    index = next((i for i, t in enumerate(segment) if t.lower == "whose"), -1)
    if index < 1 or index + 1 >= len(segment):
        return None
    owned = segment[index + 1:]
    if not is_person_noun(owned[-1].lower) and owned[-1].lower not in TITLE_WORDS:
        return None
    owner, _ = _scan_back(segment[:index])
    if not owner:
        return None
    names = [t for t in owner if t.capitalised and not t.function]
    tail: list[Token] = []
    for tok in reversed(owner):  # the owner's name, if it has one: "Mariupol"
        if not (tok.capitalised and tok in names):
            break
        tail.insert(0, tok)
    owner_text = framed[tail[0].start:tail[-1].end] if tail else framed[
        owner[0].start:owner[-1].end]
    owned_text = framed[owned[0].start:owned[-1].end]
    return Phrase(f"the {owned_text} of {owner_text}", owned[0].start, owned[-1].end)


def _headed(segment: list[Token]) -> list[Token]:
    """"A senior Western diplomat involved in the mediation": the noun phrase
    around the last person noun, with what follows it, when the words after
    the noun modify it."""
    for index in range(len(segment) - 1, -1, -1):
        tok = segment[index]
        if not tok.is_word or tok.capitalised or not (is_person_noun(tok.lower)
                                                      or tok.lower in ORG_NOUNS):
            continue
        after = segment[index + 1:]
        if after and after[0].lower not in _POST_MODIFIERS:
            return []
        head, _ = _scan_back(segment[:index + 1])
        return head + after if head else []
    return []


def _comma_before(framed: str, end: int, verb_start: int) -> bool:
    return bool(re.search(r"[,;—–]", framed[end:verb_start]))


def _drop_parentheses(toks: list[Token]) -> list[Token]:
    """Without what is in parentheses or brackets, except a name an editor
    put in brackets for a pronoun ("'…,' [Bruck] said"): that is the name."""
    out: list[Token] = []
    depth = 0
    inside: list[Token] = []
    for tok in toks:
        if tok.text in "([":
            depth += 1
            inside = []
        elif tok.text in ")]":
            if tok.text == "]" and depth == 1 and 0 < len(inside) <= 4 and all(
                    t.capitalised for t in inside):
                out += inside
            depth = max(0, depth - 1)
        elif not depth:
            out.append(tok)
        else:
            inside.append(tok)
    return out


def _strip_trailing(toks: list[Token]) -> list[Token]:
    """Drop what stands between a subject and its verb: auxiliaries, adverbs,
    "on Monday", "in a statement", ", however,"."""
    changed = True
    while toks and changed:
        changed = False
        last = toks[-1]
        if not last.is_word and last.text in ",—–-":
            toks = toks[:-1]
            changed = True
            continue
        lower = last.lower
        if lower in AUXILIARIES or (lower.endswith("ly") and len(lower) > 4
                                    and lower not in PERSON_NOUNS and not last.capitalised):
            toks = toks[:-1]
            changed = True
            continue
        if lower in _TIME_WORDS or lower in _VENUE_WORDS or last.text.isdigit():
            cut = _trailing_adverbial(toks)
            if cut is not None:
                toks = toks[:cut]
                changed = True
                continue
        if lower in ("however", "meanwhile", "too", "though", "instead", "though") and len(
                toks) > 1:
            toks = toks[:-1]
            changed = True
    return toks


def _trailing_adverbial(toks: list[Token]) -> int | None:
    """Index where a trailing time or venue phrase starts ("on Monday",
    "last week", "in a statement on Facebook"), if there is one."""
    for back in range(1, min(6, len(toks)) + 1):
        tok = toks[-back]
        if tok.lower in ("on", "in", "at", "during", "last", "this", "late", "early",
                         "earlier", "later", "next"):
            if back == 1:
                return None
            return len(toks) - back
        if not tok.is_word:
            return None
    return None


def _segments(toks: list[Token]) -> list[list[Token]]:
    segments: list[list[Token]] = [[]]
    for tok in toks:
        if not tok.is_word and tok.text in _BOUNDARY_PUNCT:
            segments.append([])
        elif not tok.is_word and tok.text == "." and segments[-1] and (
                segments[-1][-1].lower in ABBREVIATIONS
                or segments[-1][-1].lower in TITLE_WORDS):
            segments[-1].append(tok)  # "Gov. Tom Reyes", "Dr. Smith"
        elif not tok.is_word and tok.text in ".!?":
            segments = [[]]
        else:
            segments[-1].append(tok)
    return segments


_PARTICIPLES = frozenset("written seen shown given sent made taken known held led put set "
                         "spoken drawn read shared found built sold won".split())


def _is_modifier(segment: list[Token]) -> bool:
    first = segment[0].lower
    if first in DETERMINERS and len(segment) > 1 and segment[1].is_word and not (
            segment[1].function):
        return False  # "That city’s mayor": a determiner, not a relative pronoun
    if first in MODIFIER_STARTS:
        return True
    if all(not t.is_word or t.text.isdigit() or t.lower in NUMBER_WORDS for t in segment):
        return True  # an age: "Smith, 45, said"
    if first.endswith("ing") and first not in PERSON_NOUNS and not segment[0].capitalised:
        return True
    if (len(segment) > 1 and not segment[0].capitalised and segment[1].lower in MODIFIER_STARTS
            and (first.endswith("ed") or first in _PARTICIPLES)):
        return True  # "the statement, posted on the label's website, read"
    if len(segment) == 1 and first in NOT_A_NAME:
        return True
    return segment[0].capitalised and first.endswith("ing") and len(segment) > 1 and (
        segment[1].lower in DETERMINERS or segment[1].lower in MODIFIER_STARTS)


def _scan_back(segment: list[Token]) -> tuple[list[Token], bool]:
    """The noun phrase at the end of a segment, and whether it is all of it."""
    taken: list[Token] = []
    i = len(segment) - 1
    while i >= 0:
        tok = segment[i]
        lower = tok.lower
        if not tok.is_word:
            if (tok.text in ".&" and taken) or (  # Mr. Smith, AT&T
                    tok.text == "." and i > 0 and segment[i - 1].lower in ABBREVIATIONS):
                taken.insert(0, tok)  # and "James Kennedy Jr."
                i -= 1
                continue
            break
        if lower in ("that", "this") and taken and taken[-1].lower.endswith("s") and not (
                taken[-1].lower.endswith("ss")):
            break  # "… years that industry analysts say": "that" begins a clause
        if lower in DETERMINERS or (lower in _QUANTIFIERS and taken):
            taken.insert(0, tok)
            i -= 1
            if i >= 1 and segment[i].lower in _LINKS and (_nounish(segment[i - 1]) or (
                    segment[i].lower == "of" and segment[i - 1].capitalised
                    and segment[i - 1].lower not in ORG_NOUNS) or (
                    i == 1 and is_person_noun(segment[0].lower))):
                # "the head of the agency": go on to "the head"; "Joost van Hoof of
                # the Netherlands’ Fontys University": to the name; "Officials at
                # the ministry" opening the sentence: to the officials
                continue
            if _affiliated(segment, i, taken):
                taken = []  # "James Hall with the New York Police Department": Hall
                i -= 1
                continue
            if _described_with(segment, i):
                continue  # "an official with the ministry": on to the official
            break
        if lower in _LINKS:
            left = segment[i - 1] if i > 0 else None
            if taken and left is not None and (_nounish(left) or (
                    i == 1 and is_person_noun(left.lower))  # "Analysts at ING"
                    or (lower == "of" and left.capitalised and not left.function
                        and (_opens_with_a_name(taken)
                             # "Bezalel Smotrich of the right-wing party …"
                             or (i >= 2 and segment[i - 2].capitalised
                                 and not segment[i - 2].function)))):
                # "the University of Lenz", "Joost van Hoof of the Netherlands’ …"
                taken.insert(0, tok)
                i -= 1
                continue
            break
        if _affiliated(segment, i, taken):
            taken = []  # "Carla Diaz with Reuters": Diaz
            i -= 1
            continue
        if taken and _described_with(segment, i):
            taken.insert(0, tok)  # "an official with the ministry": the official
            i -= 1
            continue
        if lower == "in" and taken and taken[0].capitalised and i > 0 and (
                is_person_noun(segment[i - 1].lower) or segment[i - 1].lower in ORG_NOUNS):
            # "the defence ministry in Ridova", "officials in Kyiv"
            taken.insert(0, tok)
            i -= 1
            continue
        if lower in PRONOUNS and not taken and not tok.acronym:
            taken.insert(0, tok)
            i -= 1
            break
        if tok.function and lower not in HONORIFICS:
            break
        if not tok.capitalised and _looks_like_verb(lower) and taken and not (
                i > 0 and segment[i - 1].lower in DETERMINERS):  # "an unnamed poster"
            break
        taken.insert(0, tok)
        i -= 1
        if len(taken) >= MAX_PHRASE_WORDS:
            break
    while taken and (taken[0].lower in _LINKS or not taken[0].is_word):
        taken.pop(0)
    if i >= 1 and segment[i].lower == "to" and is_person_noun(segment[i - 1].lower):
        taken = _name_after_place(taken)
    return taken, i < 0


def _affiliated(segment: list[Token], i: int, taken: list[Token]) -> bool:
    """Whether `segment[i]` is the "with" of "Patrol Chief James Hall with
    the New York Police Department said": a name, then whom it works for,
    whose name the speaker is not."""
    return (i >= 1 and segment[i].lower == "with" and _opens_with_a_name(taken)
            and segment[i - 1].capitalised and not segment[i - 1].function)


def _described_with(segment: list[Token], i: int) -> bool:
    """Whether `segment[i]` is the "with" of "an official with the ministry":
    someone described, then whom they work for."""
    if (i >= 2 and segment[i].lower in ("to", "with")
            and segment[i - 1].lower in ("close", "familiar", "closest")
            and is_person_noun(segment[i - 2].lower)):
        return True  # "a source close to Reyes", "people familiar with the talks"
    return (i >= 1 and segment[i].lower == "with" and is_person_noun(segment[i - 1].lower)
            and not segment[i - 1].capitalised)


def _opens_with_a_name(taken: list[Token]) -> bool:
    """"New York Police Department", "the Netherlands’ Fontys University":
    a capitalised word first, or after "the"."""
    return bool(taken) and (taken[0].capitalised or (
        taken[0].lower == "the" and len(taken) > 1 and taken[1].capitalised))


def _name_after_place(taken: list[Token]) -> list[Token]:
    """"(ambassador) to Britain Liu Xiaming": the place the role is of,
    then the name. A run of three or more capitalised words with no title
    in it is taken to end in a name of two, or of what starts at a known
    given name."""
    if len(taken) < 3 or not all(t.is_word and t.capitalised for t in taken) or any(
            t.lower in TITLE_WORDS or t.lower in HONORIFICS or t.lower in ORG_NOUNS
            for t in taken):
        return taken
    given = next((k for k in range(1, len(taken) - 1)
                  if is_given_name(taken[k].lower)), None)
    return taken[given:] if given is not None else taken[-2:]


def noun_phrase_ending(framed: str, low: int, end: int) -> list[Token]:
    """The tokens of the noun phrase that ends at `end` ("Turkish president
    Recep Tayyip Erdogan"), read back no further than `low`."""
    segments = _segments(_tokens_before(framed, low, end))
    return _scan_back(segments[-1])[0] if segments and segments[-1] else []


def _nounish(tok: Token) -> bool:
    return (tok.is_word and not tok.capitalised and not tok.function
            and tok.lower not in IRREGULAR_PAST)  # "this dilemma came from …"


# Trades named by an -ing word, before the noun they qualify: "the mining
# ministry", "a banking regulator".
_TRADES = frozenset("mining banking shipping manufacturing broadcasting publishing marketing "
                    "advertising engineering housing lending nursing farming fishing printing "
                    "accounting consulting policing gaming trading".split())


def _looks_like_verb(word: str) -> bool:
    """A lowercase word that ends a subject when read backwards: a past-tense
    or -ing verb that is not a known person noun."""
    if (is_person_noun(word) or word in ORG_NOUNS or word in TITLE_WORDS
            or word in _TRADES):
        return False
    return (word.endswith(("ed", "ing")) and len(word) > 4) or word in IRREGULAR_PAST


def _phrase(framed: str, toks: list[Token], role: str | None = None) -> Phrase | None:
    if not toks:
        return None
    source = _SOURCE_OF.match(framed[toks[0].start:toks[-1].end])
    document = None
    if source and source.end() < toks[-1].end - toks[0].start:
        # "a statement from the White House" speaks for the White House.
        offset = toks[0].start + source.end()
        toks = [t for t in toks if t.start >= offset]
        document = source.group("document").lower()
    start, end = toks[0].start, toks[-1].end
    text = framed[start:end]
    if MASK in text or not _names_someone(toks):
        return None
    return Phrase(text, start, end, role, document)


_CLAUSE_INSIDE = frozenset("will would should could can must might shall".split())


def _names_someone(toks: list[Token]) -> bool:
    """Whether a phrase can name a speaker: a pronoun, a proper name, or a
    description headed by a person or institution noun."""
    words = [t for t in toks if t.is_word]
    if not words:
        return False
    if len(words) == 1 and words[0].lower in PRONOUNS:
        return True
    if any(w.lower in _CLAUSE_INSIDE for w in words[1:]):
        return False  # "stars in the hopes that the press … will help": a clause, no one
    # After an honorific a capitalised word is a surname, even "Day" ("Mr. Day").
    if any(before.lower.rstrip(".") in _HONORIFIC_WORDS and word.capitalised
           for before, word in pairwise(words)):
        return True
    if all(w.lower in NOT_A_NAME or w.lower in _TIME_WORDS for w in words):
        return False
    if any(w.capitalised and w.lower not in NOT_A_NAME and w.lower not in _TIME_WORDS
           for w in words):
        return True
    head = head_word(" ".join(w.text for w in words))
    # "the 36-year-old": someone of that age
    return (is_person_noun(head) or head in ORG_NOUNS or head in TITLE_WORDS
            or bool(_AGE.fullmatch(head)))


def head_word(text: str) -> str:
    """The head noun of a description: "mayor" in "the mayor of Irpin",
    "doctors" in "one of the doctors"."""
    words = re.findall(r"[\w’'\-.]+", text.lower())
    for i, word in enumerate(words):
        if word in _RELATIVES and i > 0:
            return _POSSESSIVE.sub("", words[i - 1])  # "an economist who teaches at …"
        if word in ("with", "to") and i > 0 and is_person_noun(words[i - 1]):
            return words[i - 1]  # "an official with the ministry", "an adviser to Sen. Tillis"
        if word in _LINKS and i > 0:
            while i > 1 and words[i - 1] in _ADJECTIVE_MODIFIERS:
                i -= 1  # "a source close to …", "people familiar with …": the noun before
            if words[i - 1] in _QUANTIFIERS or words[i - 1] in NUMBER_WORDS:
                following: list[str] = []
                for later in words[i + 1:]:
                    if later in _LINKS or later in _PREPOSITIONS:
                        break  # "one of the leading voices on Sudan": voices
                    following.append(later)
                return _POSSESSIVE.sub("", following[-1]) if following else words[i - 1]
            return _POSSESSIVE.sub("", words[i - 1])
    return _POSSESSIVE.sub("", words[-1]) if words else ""


def _appositive(framed: str, left: list[Token], right: list[Token]) -> Phrase | None:
    """"Vadym Boichenko, the mayor" or "That city’s mayor, Vadym Boichenko":
    one side names a person, the other describes them."""
    left_named, right_named = _has_name(left), _has_name(right)
    if left_named == right_named:
        return None
    name, role = (left, right) if left_named else (right, left)
    if not _is_role(role):
        return None
    phrase = _phrase(framed, name)
    if phrase is None:
        return None
    return replace(phrase, role=clean_role(framed, role))


_PARTY_OR_PEOPLE = re.compile(r"^(?:Democrat|Republican|Conservative|Tory|Labour|Briton|Scot|"
                              r"[A-Z][a-z]+(?:ian|ese))$")


def _has_name(toks: list[Token]) -> bool:
    words = [t for t in toks if t.is_word]
    if words and words[0].lower in ("a", "an"):
        return False  # "a Democrat", "an Australian": what someone is
    if len(words) >= 2 and words[0].lower == "the" and _PARTY_OR_PEOPLE.search(words[-1].text):
        return False  # "the Virginia Democrat", "the Italian": what someone is
    capitals = [t for t in words if t.capitalised and t.lower not in NOT_A_NAME
                and t.lower not in TITLE_WORDS and not _POSSESSIVE.search(t.text)
                and t.lower not in _TIME_WORDS]
    if not capitals:
        return False
    last = words[-1]
    return last.capitalised and not _POSSESSIVE.search(last.text) and (
        last.lower not in ORG_NOUNS)


def _is_role(toks: list[Token]) -> bool:
    words = [t for t in toks if t.is_word]
    if not words or len(words) > MAX_PHRASE_WORDS:
        return False
    head = head_word(" ".join(w.text for w in words))
    return (is_person_noun(head) or head in TITLE_WORDS or words[0].lower in DETERMINERS
            or any(_POSSESSIVE.search(w.text) for w in words)) and words[0].lower not in (
        "who", "which")


def clean_role(framed: str, toks: list[Token]) -> str | None:
    text = framed[toks[0].start:toks[-1].end]
    text = re.sub(r"^(?:a|an|An|A)\s+", "", text)
    return role_before_clause(re.sub(r"^The\s", "the ", text))


def role_before_clause(role: str) -> str | None:
    """What someone is, without the clause that says more: "finance professor
    at Cornell University who sat on a panel that …" is a finance professor
    at Cornell University; "that" (from "said that Amri …") is no role."""
    clause = _RELATIVE_CLAUSE.search(role)
    if clause is not None:
        role = role[:clause.start()].rstrip(" ,")
    return role or None


_RELATIVE_CLAUSE = re.compile(r"(?:^|\s)(?:who|whom|whose|that|which)\b")


# --- object after a verb ------------------------------------------------------


def _an_institution_follows(toks: list[Token], at: int) -> bool:
    """Whether the capitalised words after "and" at `at` end an
    institution's name ("… and Drug Administration", "… and Human
    Services"), so that "and" joins one name rather than two."""
    for tok in toks[at + 1:at + 4]:
        if not (tok.is_word and tok.capitalised):
            return False
        if tok.lower in ORG_NOUNS:
            return True
    return False


def object_after(framed: str, verb_end: int, high: int) -> Phrase | None:
    """The speaker written after "said" (after a quotation) or "according to"."""
    toks = _tokens_after(framed, verb_end, high)
    auxiliaries = 0
    while (auxiliaries < len(toks) and toks[auxiliaries].is_word
           and toks[auxiliaries].lower in AUXILIARIES):
        auxiliaries += 1
    toks = toks[auxiliaries:]
    taken: list[Token] = []
    named_of = False
    i = 0
    while i < len(toks):
        tok = toks[i]
        lower = tok.lower
        if not tok.is_word:
            shortened = taken and (taken[-1].lower in TITLE_WORDS or (
                len(taken[-1].text) == 1 and taken[-1].text.isupper()))
            if tok.text == "." and taken and (taken[-1].lower in HONORIFICS or (
                    shortened and i + 1 < len(toks) and toks[i + 1].capitalised)):
                i += 1  # "Mr. Gale", "Sen. Chuck Schumer", "C. Eugene Steuerle"
                continue
            break
        if lower in _LINKS:
            if (taken and _nounish(taken[-1])
                    and not any(t.capitalised and t.lower not in NOT_A_NAME for t in taken)):
                taken.append(tok)
                i += 1
                continue
            if (lower == "of" and taken and taken[-1].capitalised and taken[-1].lower in ORG_NOUNS
                    and i + 1 < len(toks) and toks[i + 1].capitalised):
                taken.append(tok)  # "the Department of Conservation": one name
                i += 1
                named_of = True
                continue
            if (lower in ("of", "for") and len(taken) == 1 and taken[0].capitalised
                    and taken[0].lower in TITLE_WORDS and i + 1 < len(toks)
                    and (toks[i + 1].capitalised or toks[i + 1].lower == "the")):
                taken.append(tok)  # "said Secretary of Transport Ana Vela": one title
                i += 1
                named_of = True
                continue
            break
        if lower == "and" and taken and taken[-1].capitalised and _an_institution_follows(toks, i):
            taken.append(tok)  # "the Food and Drug Administration": one name
            i += 1
            continue
        if named_of and not tok.capitalised and not (lower == "the" and taken[-1].lower == "of"):
            break  # "Federal Reserve Bank of Dallas research": the bank
        if lower in DETERMINERS and taken:
            if taken[-1].lower in _LINKS:
                taken.append(tok)
                i += 1
                continue
            break
        if tok.function and lower not in DETERMINERS and lower not in PRONOUNS:
            break
        if lower in PRONOUNS and taken and not tok.acronym:
            break
        if not tok.capitalised and taken and (_looks_like_verb(lower)
                                              or lower in _ADJECTIVE_MODIFIERS):
            break  # "two officials familiar with the talks": the officials
        taken.append(tok)
        i += 1
        if (lower in PRONOUNS and not tok.acronym) or len(taken) >= MAX_PHRASE_WORDS:
            break
    while taken and (taken[-1].lower in _LINKS or taken[-1].lower in DETERMINERS):
        taken.pop()
    if not taken:
        return None
    # An appositive after a comma: `said Dmytro Kuleba, Ukraine's foreign minister`,
    # or `said the regional fire chief, Colonel Aurélie Fontaine` (who is
    # named even when what they are is no word we know: "the goalscorer").
    rest = toks[i:]
    if rest and rest[0].text == "," and not _has_name(taken) and _is_role(taken):
        name: list[Token] = []
        for tok in rest[1:]:
            if not tok.is_word and not (tok.text == "." and name):
                break
            if not name and _AGE.fullmatch(tok.text):
                continue  # "said the goalscorer, 19-year-old Leo Marsh"
            name.append(tok)
        if name and _has_name(name) and all(t.capitalised or not t.is_word or t.lower in
                                            NAME_PARTICLES for t in name):
            named = _phrase(framed, name)
            if named is not None:
                return replace(named, role=clean_role(framed, taken))
    phrase = _phrase(framed, taken)
    if phrase is None:
        return None
    if rest and rest[0].text == "," and _has_name(taken):
        role: list[Token] = []
        for tok in rest[1:]:
            if not tok.is_word and tok.text not in "’'&-":
                break
            role.append(tok)
        # Closed by a comma or the sentence's end: not "According to Ortiz,
        # the insurance company “has not called back”", where the main
        # clause's subject follows.
        following = framed[role[-1].end:].lstrip()[:1] if role else ""
        closed = following in ("", ",", ".", ";", ")", "(")  # "(NLG)"
        if role and closed and not _is_modifier(role) and _is_role(role) and (
                not _has_name(role) or not role[0].capitalised):
            return replace(phrase, role=clean_role(framed, role))
    return phrase


def sentence_subject(framed: str, start: int, colon: int) -> Phrase | None:
    """`Engineer Dana Pirelli, who ..., was blunt: "..."`: the noun phrase that
    opens the sentence, when it is all of its first segment and names someone."""
    segments = _segments(_drop_parentheses(_tokens_after(framed, start, colon)))
    first = _before_relative(segments[0]) if segments else []
    if not first:
        return None
    phrase_tokens, whole = _scan_back(first)
    if not whole or len(phrase_tokens) != len(first):
        return None
    if len(segments) >= 2 and segments[1] and segments[1][0].lower in ("he", "she", "they"):
        # "A Christian, she prayed: …": what she is, then she
        pronoun = segments[1][0]
        return Phrase(pronoun.text, pronoun.start, pronoun.end)
    if len(segments) >= 3:
        # "Her deputy, Raj Patel, was more cautious: …": the name set off
        # by commas after the description.
        named, named_whole = _scan_back(segments[1])
        if named_whole and len(named) == len(segments[1]):
            combined = _appositive(framed, phrase_tokens, named)
            if combined is not None:
                return combined
    phrase = _phrase(framed, phrase_tokens)
    return phrase if phrase is not None and not phrase.pronoun else None


def main_subject(framed: str, low: int, high: int, *, pronoun: bool = False) -> Phrase | None:
    """The subject of the first verb of the clause from `low`: "Omar asked
    for compassion …, saying she …" and "The coach gave his players a pep
    talk, telling them …" say and tell by Omar and the coach, not by the
    nouns nearest the participle. The verb is the first lowercase word
    after a name or a person noun that is not a noun itself."""
    toks = _tokens_after(framed, low, high)
    if toks and (toks[0].lower in OPENING_PREPOSITIONS or (
            toks[0].lower.endswith("ing") and any(tok.text == "," for tok in toks))):
        # "In his first post about it, Van Der Beek noted": after the comma;
        # "On one page a poster wrote": from the article. ("Speaking at the
        # lunch, Steve Scalise celebrated": after the comma too.)
        after = next((i + 1 for i, tok in enumerate(toks) if tok.text == ","), None)
        if after is None:
            after = next((i for i, tok in enumerate(toks)
                          if i > 1 and tok.lower in ("a", "an", "the")), 0)
        toks = toks[after:]
    for index in range(1, len(toks)):
        tok, before = toks[index], toks[index - 1]
        if (before.text == "," and index >= 2 and toks[index - 2].capitalised
                and not toks[index - 2].function):
            before = toks[index - 2]  # "The leader, Rami Sadeq, condemned": after a name
        elif before.text == ")":
            opening = next((i for i in range(index - 2, -1, -1) if toks[i].text == "("), 0)
            if opening > 0:
                before = toks[opening - 1]  # "Steve Scalise (R-LA) celebrated": after a name
        if not tok.is_word or tok.capitalised or not before.is_word:
            continue
        if _POSSESSIVE.search(before.text):
            continue  # "Wednesday’s attack": what the name owns, not its verb
        after_subject = (before.capitalised and not before.function) or is_person_noun(
            before.lower) or before.lower in ORG_NOUNS or (  # "The central bank continued"
            pronoun and before.lower in PRONOUNS)
        if not after_subject and tok.lower not in AUXILIARIES:
            continue
        if is_person_noun(tok.lower) or tok.lower in ORG_NOUNS or tok.lower in DOCUMENT_NOUNS or (
                tok.function and tok.lower not in AUXILIARIES and tok.lower not in _COPULAS
                and tok.lower not in SPEECH_VERBS):  # "Prelogar told Alito, asserting …"
            continue  # ("Mike McCarthy was much less diplomatic, going …": was is the verb)
        following = toks[index + 1] if index + 1 < len(toks) else None
        if (following is not None and following.is_word and not following.capitalised
                and is_person_noun(following.lower) and not _looks_like_verb(tok.lower)
                and not tok.lower.endswith("s") and tok.lower not in SPEECH_VERBS):
            continue  # "Trump transition spokesperson Anna Kelly praised": a noun before hers
        phrase = subject_before(framed, low, tok.start)
        return phrase if phrase is not None and (pronoun or not phrase.pronoun) else None
    return None


def before_colon(framed: str, low: int, colon: int) -> Phrase | None:
    """`Kuleba: "..."`: a short name or description that is all of its clause."""
    toks = _tokens_before(framed, low, colon)
    segments = _segments(_drop_parentheses(toks))
    segment = segments[-1] if segments else []
    if not segment or len(segment) > 6 or _is_modifier(segment):
        return None
    phrase_tokens, whole = _scan_back(segment)
    if not whole:
        return None
    phrase = _phrase(framed, phrase_tokens)
    if phrase is None or phrase.pronoun:
        return None
    words = [t for t in phrase_tokens if t.is_word]
    if _has_name(phrase_tokens) or head_word(phrase.text) in PERSON_NOUNS | ORG_NOUNS:
        return phrase if len(words) <= 6 else None
    return None
