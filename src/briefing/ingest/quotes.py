"""Quotations and who said them.

Each paragraph is read in order. Speech verbs ("said", "told", "according
to", "calls ... a") are found outside quotations and their speaker phrase is
resolved through `People`, so that "he", "Mr Boichenko" and "the official"
mean whom the article has just been talking about. A quotation then takes
its speaker from, in this order:

1. the attribution right after it (`"...," said Kuleba` / `"...," he said`);
2. the nearest speech verb before it in its sentence (`Truss said talks
   should not end up "selling Ukraine out"`, `he said: "..."`);
3. a name before a colon (`Kuleba: "..."`);
4. a speech verb later in its sentence;
5. a speech verb elsewhere in its paragraph, before it, else in the next sentence;
6. whoever was speaking at the end of the previous paragraphs.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from itertools import pairwise

from briefing.ingest.lexicon import (
    AUXILIARIES,
    DETERMINERS,
    DOCUMENT_NOUNS,
    INVERTIBLE_VERBS,
    IRREGULAR_PAST,
    MODIFIER_STARTS,
    NAME_PARTICLES,
    NOT_A_NAME,
    NUMBER_WORDS,
    OPENING_PREPOSITIONS,
    ORG_NOUNS,
    PASSIVE_MARKERS,
    PERSON_NOUNS,
    QUOTING_PARTICIPLES,
    SPEECH_VERBS,
    TITLE_WORDS,
    TITLES_CUT_SHORT,
    is_given_name,
    is_person_noun,
)
from briefing.ingest.people import Entity, People, is_guess
from briefing.ingest.phrases import (
    Phrase,
    Token,
    before_colon,
    head_word,
    main_subject,
    noun_phrase_ending,
    object_after,
    sentence_subject,
    subject_before,
    tokens,
)
from briefing.ingest.spans import (
    MASK,
    QuoteSpan,
    continued_quotations,
    find_quotes,
    frame,
    sentence_bounds,
)

_NOUN_LIKE_FORMS = frozenset("""
post posts report reports claim claims note notes comment comments remark remarks
estimate estimates promise promises counter counters state states term terms label
labels brand brands tweet tweets joke jokes quip quips vow vows pledge pledges plead
stress stresses call dub dubs describe continue continues reply replies respond
text texts email emails message messages snap snaps sigh sighs laugh laughs wonder
wonders muse muses telling warning writing posting promising tweeting answering
""".split())
_OBJECT_STARTS = frozenset("the a an its his her their our this that these those it he she "
                           "they we i you him them us me on in for".split())
_NAMING_VERBS = frozenset("call calls called describe describes described dub dubs dubbed "
                          "label labels labelled labeled brand brands branded term terms "
                          "termed reject rejects rejected dismiss dismisses dismissed denounce "
                          "denounces denounced accuse accuses accused rule rules "
                          # "which maintains 90,000 miles of cable": not speech
                          "ruled maintain maintains maintained calling describing dubbing "
                          "labelling labeling branding condemn condemns condemned condemning "
                          "criticise criticises criticised criticize criticizes criticized "
                          "slam slams slammed blast blasts blasted praise praises praised hail "
                          "hails hailed characterise characterises characterised characterize "
                          "characterizes characterized remind reminds reminded threaten "
                          "threatens threatened".split())
# Verbs by which a study "speaks", or someone "spoke about" something; like
# the naming verbs they count only when a quotation follows in the sentence
# ("the study found “…”", "which has spoken about “the urgent imperatives …”").
_FOUND_OR_SPOKEN = frozenset("found finds find showed shows show spoke spoken speaks".split())

# Words before "to" that make "to call", "to say" the subject's own speech.
_INFINITIVE_LEADS = frozenset("as went goes going continued continues on is are was were".split())
_NOT_SUBJECT_BEFORE = frozenset("the a an this that its his her their our of to".split())
_NAME_RUN = re.compile(  # "President George W. Bush": a middle initial is in the name
    # (up to five words: "California Attorney General Xavier Becerra"; not
    # "Island-based", what a company is)
    r"(?:\b(?:Mr|Mrs|Ms|Dr|Prof)\.?\s+)?\b(?![\w’']+-based\b)[A-Z][\w’'\-]+(?:\s+"
    r"(?:[A-Z]\.\s+)?(?:(?:" + "|".join(sorted(NAME_PARTICLES)) +
    r")\s+)?(?!I[’'][a-z])(?![\w’']+-based\b)[A-Z][\w’'\-]+){1,4}")  # not "I’d"
_NAME_RUN_HONORIFICS = frozenset(("Mr", "Mrs", "Ms", "Dr", "Prof"))
_NAME_GOES_ON = re.compile(r"\s+[A-Z][\w’'\-]")
_FIRST_WORD = re.compile(r"\S+\s+")  # and whatever space follows it (a no-break space too)
_CAPITAL = re.compile(r"\b[A-Z]")
_LABELLED_NAME = re.compile(r"^[A-Z][\w ]{0,30}?\s(?:-|–|—|:)\s+(?=[A-Z])")
_WORD_TAIL = re.compile(r"[\w’'\-]*")
_WORD_CHARACTER = re.compile(r"\w")
_NOT_SPACE = re.compile(r"\S")
_MAX_POST_GAP_WORDS = 8
_AS_SAYING = re.compile(r"(?:\s+[^\s.;:]+){0,10}?\s+as\s+(?:saying|telling|having\s+said)\b")
# "was" before a passive ("was quoted as saying") or a progressive ("is alleging").
_PASSIVE_WORDS = ("was", "were", "is", "are", "been")
_PROGRESSIVE_END = re.compile(rf"\s(?:{'|'.join(_PASSIVE_WORDS)})$")
# "has been described as “heartbreaking” by the department": a passive
# speech verb, the quotation, then who spoke, after "by".
_BY_AFTER_PASSIVE = re.compile(
    r"\b(?:is|are|was|were|been|being|be)\s+(?:[a-z]+ly\s+)?(?:described|called|labell?ed|"
    r"branded|dubbed|termed|critici[sz]ed|praised|hailed|denounced|condemned)\s+(?:as\s+)?"
    r"[“\"‘«]" + MASK + r"*[”\"’»][,.]?\s*$")
# Possessive `*+`: the spaces after the name are taken once for each length
# the name is tried at, not split every way between the three runs (a
# paragraph ending in `— a` and 16 KB of spaces took minutes).
_DASH_NAME = re.compile(r"\s*+[—–-]{1,2}\s*+([^\s].{0,80}?)\s*+\.?\s*+$")
# `“…,” Jay Singhania, a vice president at Westwood Management.`: the verb left out.
_NAME_WITHOUT_VERB = re.compile(r"\s+((?:[A-Z][\w’'\-]+\s+){1,3}[A-Z][\w’'\-]+),\s+"
                                r"(?:an?|the)\s+[^.“”\"]{3,80}\.(?:\s|$)")
# What opens a sentence: a single capitalised word (a known surname, maybe),
# or a determiner and a few words ending in a person noun.
_LEAD = re.compile(r"\s*[“\"‘']?([A-Z][\w’'\-]*)(?:((?:\s+[a-zA-Z][\w’'\-]*){1,5}?)(?=\s+(?:"
                   r"[a-z]+ed|[a-z]+s|said|says|told|was|is|had|has|will|would|could|did|"
                   r"declined|dismissed|spoke|went|came|took|made|gave)\b))?")


@dataclass
class Event:
    """A speech verb and who it says is speaking."""

    start: int
    end: int
    verb: str
    sentence: int
    phrase: Phrase | None = None
    entity: Entity | None = None
    guessed: bool = False  # its "he" or "she" went to someone of no known gender


@dataclass
class FoundQuote:
    paragraph: int
    span: QuoteSpan
    text: str
    entity: Entity | None
    how: str
    guessed: bool = False  # a "he" or "she" that could be someone else


@dataclass
class ParagraphReading:
    """What the rules found in one paragraph; figures read it too."""

    text: str
    spans: list[QuoteSpan]
    framed: str
    sentences: list[tuple[int, int]]
    events: list[Event] = field(default_factory=list)
    quotes: list[FoundQuote] = field(default_factory=list)
    # Sorted, for bisection: sentences and quotations neither overlap nor
    # come out of order, so each lookup costs a logarithm, not a scan.
    sentence_starts: list[int] = field(init=False, repr=False)
    span_opens: list[int] = field(init=False, repr=False)
    span_ends: list[int] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self.sentence_starts = [start for start, _ in self.sentences]
        self.span_opens = [span.open for span in self.spans]
        self.span_ends = [span.outer_end for span in self.spans]

    def sentence_of(self, offset: int) -> int:
        index = bisect_right(self.sentence_starts, offset) - 1
        if index >= 0 and offset < self.sentences[index][1]:
            return index
        return len(self.sentences) - 1


@dataclass
class Reading:
    people: People
    paragraphs: list[ParagraphReading]

    @property
    def quotes(self) -> list[FoundQuote]:
        """The quotations, not the titles in quotation marks."""
        return [q for p in self.paragraphs for q in p.quotes if q.how != _TITLE]


def read_quotes(paragraphs: list[str], crossheads: Mapping[int, str] | None = None) -> Reading:
    """Find every quotation and its speaker, paragraph by paragraph. A
    crosshead that is a name ("Garth Brooks" over what he said) is who the
    paragraphs under it are about."""
    people = People()
    state = _State()
    readings = []
    spans = [find_quotes(text) for text in paragraphs]
    for index, continued in continued_quotations(paragraphs, spans).items():
        spans[index] = continued
    for index, text in enumerate(paragraphs):
        crosshead = (crossheads or {}).get(index, "")
        # "Garth Brooks", "Eyewitness - Fernanda Bona": who the paragraphs
        # under it are about.
        crosshead = _LABELLED_NAME.sub("", crosshead)
        if _NAME_RUN.fullmatch(crosshead) and len(crosshead.split()) <= 4:
            # A quotation standing alone under it is theirs.
            state.narrated = people.resolve(crosshead, speaking=False, salient=True)
        people.paragraph = index
        quotations = [span for span in spans[index] if not _a_name_in_marks(text, span)]
        readings.append(_read_paragraph(index, text, quotations, people, state))
    for reading, following in pairwise(readings):
        _speaker_from_the_next(reading, following)
    return Reading(people, readings)


def _a_name_in_marks(text: str, span: QuoteSpan) -> bool:
    """"“Perry” chimed in: “…”": a name someone gave (not their own) in
    marks, then its verb. The name speaks; it is no quotation."""
    return span.closed and _PSEUDONYM.fullmatch(text, span.start, span.end) is not None and (
        _VERB_AFTER_NAME.match(text, span.close + 1) is not None)


_PSEUDONYM = re.compile(r"[A-Z][a-z]+(?: [A-Z][a-z]+)?")
_VERB_AFTER_NAME = re.compile(r"\s+(?:[a-z]{2,}ed|said|says|told|tells|wrote|writes)\b")


def _speaker_from_the_next(reading: ParagraphReading, following: ParagraphReading) -> None:
    """"What the actor is most excited about is life at home with Eva
    Mendes. “Your whole life, …”" / "“Eva's the dream mother,” he explains":
    a quotation that closes a paragraph of narrative, its speaker unnamed,
    or that is the whole paragraph and left open, is the one whose words open
    the next paragraph and are attributed right after them. It stays a
    guess, flagged as one."""
    if not reading.quotes or not following.quotes:
        return
    last, first = reading.quotes[-1], following.quotes[0]
    if last.how != "context" or first.how not in ("after", "named") or following.text[
            :first.span.open].strip():
        return
    # A paragraph that is one quotation left open runs on into the next,
    # whose speaker says it: "“When they find out, …" / "“My relationship
    # …,” he said."
    running = last.span.open == 0 and not last.span.closed
    if not running and (last.span.open == 0
                        or reading.text[last.span.outer_end:].strip(" .,!?")):
        return
    if first.entity is not None and first.entity.kind == "person":
        last.entity = first.entity


@dataclass
class _State:
    last_speaker: Entity | None = None
    last_event: Event | None = None
    last_event_paragraph: int = -1
    # One who was quoted before, named in a paragraph that quotes no one
    # ("But for Parata and his family the deaths are personal."): a
    # quotation standing alone after it is theirs, not the last speaker's.
    narrated: Entity | None = None
    quoted: dict[str, Entity] = field(default_factory=dict)  # by surname, the latest
    # Dialogue: the one quoted before the last speaker, and whether the last
    # quotation asked something (an answer standing alone is the other's).
    last_quoted: Entity | None = None
    other_speaker: Entity | None = None
    asked: bool = False


@dataclass(frozen=True, slots=True)
class _Mention:
    """A name or description seen outside a speech verb."""

    start: int
    end: int
    salient: bool
    person_only: bool = False  # a word that may be a surname, if of a known person


def _read_paragraph(index: int, text: str, spans: list[QuoteSpan], people: People,
                    state: _State) -> ParagraphReading:
    framed = frame(text, spans)
    reading = ParagraphReading(text, spans, framed, sentence_bounds(text, framed, spans))
    reading.events = _events(reading)
    speaker_before = state.narrated or state.last_speaker
    if state.narrated is None and state.asked and state.other_speaker is not None:
        speaker_before = state.other_speaker  # “…?” the judge asked. / “…”: the reply
    state.narrated = None

    # Speech verbs and names in passing, in reading order, so that "he" and
    # "the official" mean whom the text has just spoken of.
    items: list[Event | _Mention] = [*reading.events, *_mentions(reading)]
    _learn_from_narrative(reading, people)
    # People the paragraph is about, where it names them ("Charles Schultze
    # … once summed up the danger with a metaphor. “…”").
    subjects: list[tuple[int, Entity]] = []
    for item in sorted(items, key=lambda i: i.start):
        if isinstance(item, Event):
            _resolve_event(reading, item, index, people, state)
        else:
            phrase = text[item.start:item.end].strip()
            if item.person_only:
                mentioned = people.recall(phrase, person=True)
            elif " " not in phrase and _AGE_AFTER.match(text, item.end):
                # "Shelim, 21, lives in east London": one name with an age
                # is someone's, whom a later "he" means.
                mentioned = people.resolve(phrase, speaking=False, salient=True)
                if mentioned is not None:
                    people.is_someone(mentioned)
            else:
                mentioned = _resolve_mention(phrase, item.salient, people)
            if mentioned is not None and mentioned.kind == "person":
                subjects.append((item.start, mentioned))

    speaking = _Speaking([e for e in reading.events if e.entity is not None])
    subject_starts = [at for at, _ in subjects]  # in order: by bisection, not a scan per quote
    named_here: Entity | None = None  # "“…,” Jay Singhania, a vice president. “…”"
    for span in spans:
        words = text[span.start:span.end]
        named = bisect_left(subject_starts, span.open)
        about = subjects[named - 1][1] if named else None
        entity, how, guessed = _attribute(reading, span, people, about or speaker_before,
                                          speaking)
        if how == "context" and named_here is not None:
            entity, how = named_here, "paragraph"  # a later quotation of the one named
        elif how == "named":
            named_here = entity  # named without a verb (the verb left out, or a dash)
        if _names_something(reading, span, how):
            reading.quotes.append(FoundQuote(index, span, words, None, _TITLE))
            continue
        if entity is not None:
            entity.quoted = True
            if state.last_quoted is not None and entity is not state.last_quoted.live:
                state.other_speaker = state.last_quoted.live
            state.last_quoted = state.last_speaker = entity
            state.asked = words.rstrip().endswith("?")
            if entity.kind == "person" and entity.surname:
                state.quoted[entity.surname] = entity
        reading.quotes.append(FoundQuote(index, span, words, entity, how, guessed))
    # ("Is Starmer a good leader?", asked in an interview: whom a question
    # names is what it asks about; the answer is the one asked.)
    if not reading.events and not reading.spans and not text.rstrip().endswith("?"):
        state.narrated = _narrated(text, state.quoted) or (
            # "Draper meanwhile wrapped up his win …", then a quotation alone:
            # his, when the paragraph opens with him and names no one else
            subjects[0][1] if len(subjects) == 1 and subjects[0][0] == 0 else None)
    if reading.events:
        last = max(reading.events, key=lambda e: e.start)
        quote_after = any(q.span.open > last.start for q in reading.quotes)
        if last.entity is not None and not quote_after:
            state.last_speaker = last.entity.live
    return reading


def _learn_from_narrative(reading: ParagraphReading, people: People) -> None:
    """What a paragraph tells of people outside its speech verbs: who wrote
    a statement, and the people a pair of names stands for."""
    for released in _RELEASED_A_DOCUMENT.finditer(reading.framed):
        # "Harbour Machine, which owns her albums, released a statement on
        # Friday": whose the statement is when it "read" later
        low = reading.sentences[reading.sentence_of(released.start())][0]
        author = subject_before(reading.framed, low, released.start())
        writer = people.mention(author.text) if author is not None else None
        if writer is not None:
            people.wrote(writer, released.group(1).lower())
    for pair in _GIVEN_NAMES_AND_SURNAME.finditer(reading.text):
        # (Not "Prince Charles and Potsdam Climate Institute": a longer name.)
        if is_given_name(pair.group(1)) and not _CAPITALISED_NEXT.match(reading.text,
                                                                          pair.end()):
            # "George and Alexander Soros": George Soros too, known for later
            people.mention(f"{pair.group(1)} {pair.group(3)}")


_AGE_AFTER = re.compile(r",\s*\d{1,3},")
_RELEASED_A_DOCUMENT = re.compile(
    r"\b(?:released|issued|put\s+out|posted|published|sent(?:\s+out)?)\s+(?:a|an|its|their)\s+"
    r"(?:[\w\-]+\s+)?(statement|letter|post|memo|note)\b")
_CAPITALISED_NEXT = re.compile(r"\s+[A-Z]")
_GIVEN_NAMES_AND_SURNAME = re.compile(r"\b([A-Z][a-z]+) and ([A-Z][a-z]+) ([A-Z][\w’'\-]+)\b")


def _narrated(text: str, quoted: dict[str, Entity]) -> Entity | None:
    """The one person quoted before whom a paragraph names, if exactly one."""
    found = {entity.live for word in _CAPITALISED.findall(text)
             if (entity := quoted.get(word.lower())) is not None}
    return found.pop() if len(found) == 1 else None


_CAPITALISED = re.compile(r"\b[A-Z][\w\-]+")
_WHOSE_BEFORE = re.compile(r"^(?:her|his|their|its|our)\s+(?=[a-z])")


def _resolve_mention(phrase: str, salient: bool, people: People) -> Entity | None:
    """Who a name in passing names, when the sentence is about them."""
    phrase = _WHOSE_BEFORE.sub("", phrase)  # "her advocate Dali Mpofu": advocate Dali Mpofu
    if " " not in phrase:
        return people.recall(phrase)  # "Rooke defended ...": a known surname
    if not salient:
        people.mention(phrase)  # "... after Turkish president Recep Tayyip Erdogan spoke"
        return None
    if _OF_A_FAMILY.fullmatch(phrase):  # "The elder Soros gives …"
        return people.resolve(phrase, speaking=False, salient=True)
    if (_is_lead_description(phrase) or _NAME_RUN.fullmatch(phrase.removesuffix("."))
            or _TITLE_CUT_SHORT_THEN_NAME.fullmatch(phrase.removesuffix("."))
            or _ROLE_THEN_NAME.fullmatch(phrase.removesuffix("."))
            or _affiliation_role_name(phrase.removesuffix("."))):
        # "Mr Erdogan, however, was", "but coach Jim Caldwell vouched for him"
        return people.resolve(phrase, speaking=False, salient=True)
    return None


_OF_A_FAMILY = re.compile(r"[Tt]he\s+(?:elder|younger)\s+[A-Z][\w’'\-]+")
# A lowercase role, then a name: "coach Jim Caldwell".
_ROLE_THEN_NAME = re.compile(r"[a-z][a-z\-]+ " + _NAME_RUN.pattern)
# "Gov. Tim Walz signed …": then "the governor" is he (a name run has
# "Dr." and "Prof." already)
_TITLE_CUT_SHORT_THEN_NAME = re.compile(
    "(?:" + "|".join(sorted(title.capitalize() for title in TITLES_CUT_SHORT
                            if title.capitalize() not in _NAME_RUN_HONORIFICS))
    + r")\.\s+" + _NAME_RUN.pattern)
# And after whom they work for or where they are from: "NASA climatologist
# Gavin Schmidt", "Berlin truck terrorist Anis Amri".
_EMPLOYER_ROLE_NAME = re.compile(r"(?:[A-Z][\w’'\-]*\s+){1,4}(?:[a-z][a-z\-]+\s+)?"
                                 r"([a-z][a-z\-]+)\s+"
                                 + _NAME_RUN.pattern)


def _affiliation_role_name(phrase: str) -> bool:
    match = _EMPLOYER_ROLE_NAME.fullmatch(phrase)
    if match is not None and is_person_noun(match.group(1)):
        return True
    # "Treasury Board President Stockwell Day", "South Carolina Sen. Lindsey
    # Graham": a title in capitals, or cut short.
    match = _TITLED_NAME.fullmatch(phrase)
    return match is not None and match.group(1).lower() in TITLE_WORDS


_TITLED_NAME = re.compile(r"(?:[A-Z][\w’'\-]*\s+){1,4}([A-Z][a-z]+\.?)\s+"
                          r"([A-Z][\w’'\-]+(?:\s+[A-Z][\w’'\-]+){1,2})")


_CLOSING_MARKS = ("”", "\"", "’", "»")
_OPENING_MARKS = ("“", "\"", "‘", "«")


def _events(reading: ParagraphReading) -> list[Event]:
    framed = reading.framed
    toks = tokens(framed)
    events: list[Event] = []
    for position, tok in enumerate(toks):
        word = tok.text
        lower = word.lower()
        if lower == "according":
            following = toks[position + 1] if position + 1 < len(toks) else None
            if following is None or following.lower != "to":
                continue
            sentence = reading.sentence_of(tok.start)
            if events and events[-1].sentence == sentence and framed[
                    events[-1].end:tok.start].rstrip().endswith(","):
                continue  # "she said, according to NBC News": who relays, not who speaks
            events.append(Event(tok.start, following.end, "according to", sentence))
            continue
        if lower == "by" and framed[max(0, tok.start - 3):tok.start].rstrip(" ,.").endswith(
                _CLOSING_MARKS) and _BY_AFTER_PASSIVE.search(
                    framed, max(reading.sentences[reading.sentence_of(tok.start)][0],
                                tok.start - _TAIL), tok.start):
            events.append(Event(tok.start, tok.end, "by", reading.sentence_of(tok.start)))
            continue
        if (lower == "put" and position + 1 < len(toks) and toks[position + 1].lower == "it"
                and position >= 2 and any(t.lower in ("as", "how") for t in toks[
                    max(0, position - 10):position])):
            # "…," as the New York Times put it: what the Times wrote. ("“…”
            # That was how Ana Ruiz put it.")
            events.append(Event(tok.start, toks[position + 1].end, "put it",
                                reading.sentence_of(tok.start)))
            continue
        if lower in ("quoted", "cited") and _AS_SAYING.match(
                framed, tok.end, reading.sentences[reading.sentence_of(tok.start)][1]):
            events.append(Event(tok.start, tok.end, lower, reading.sentence_of(tok.start)))
            continue
        if _verb_after_quotation(lower, tok.start, reading.text):
            events.append(Event(tok.start, tok.end, lower, reading.sentence_of(tok.start)))
            continue
        if (lower not in SPEECH_VERBS and lower not in _FOUND_OR_SPOKEN) or (
                not word[0].islower() and not _opening_participle(lower, tok.start, reading)):
            continue
        previous = toks[position - 1] if position else None
        following = toks[position + 1] if position + 1 < len(toks) else None
        if lower == "told" and previous is not None and previous.lower == "all":
            continue  # "All told, …": in all
        if not _is_speech(lower, previous, following, toks, position, reading):
            continue
        events.append(Event(tok.start, tok.end, lower, reading.sentence_of(tok.start)))
    return events


def _verb_after_quotation(word: str, start: int, text: str) -> bool:
    """"“…,” Trump simpered", "“…,” he advised", "“…!” an officer ordered": a
    verb in the past right after a quotation and its speaker says how it was
    said, whatever the verb."""
    if word in SPEECH_VERBS or not word.endswith("ed") or len(word) < 5 or not word.islower():
        return False
    return _QUOTATION_THEN_SPEAKER.search(text, max(0, start - 60), start) is not None


_QUOTATION_THEN_SPEAKER = re.compile(
    r"[,?!…][”\"]\s+(?:(?:[A-Z][\w.’'\-]*\s+){1,3}|(?:he|she|they|we|I)\s+"
    r"|(?:an?|the)\s+(?:[a-z][\w\-]*\s+){1,2})$")  # "“Hands up!” an officer ordered"


def _opening_participle(verb: str, start: int, reading: ParagraphReading) -> bool:
    """"Declaring “…” is at stake, Robert Gates has ordered": a speech verb
    in -ing that opens its sentence."""
    return verb.endswith("ing") and _opens_sentence(
        reading.framed, reading.sentences[reading.sentence_of(start)][0], start)


def _opens_sentence(framed: str, low: int, start: int) -> bool:
    """Nothing but spaces, or a dateline ("WASHINGTON (Aug. 13) --"), stands
    between `low` and `start`."""
    before = framed[low:start]
    return not before.strip() or (len(before) <= 60 and _DATELINE.fullmatch(before) is not None)


_DATELINE = re.compile(r"\s*[A-Z][A-Z.’' ,\-]*(?:\([^()]{1,30}\))?\s*(?:--|—|–|-)\s*")


def _is_speech(verb: str, previous: Token | None, following: Token | None,
               toks: list[Token], position: int, reading: ParagraphReading) -> bool:
    sentence = reading.sentence_of(toks[position].start)
    at_start = previous is None or previous.start < reading.sentences[sentence][0]
    # "went so far as to call it “ridiculous”": speech, by the clause's subject.
    infinitive = (previous is not None and previous.lower == "to" and position >= 2
                  and toks[position - 2].lower in _INFINITIVE_LEADS)
    # "prompted Engoron to quip": speech, by whom the verb before has speak.
    infinitive = infinitive or (previous is not None and previous.lower == "to" and (
        _MADE_TO_SPEAK.search(reading.framed, max(0, previous.end - _TAIL), previous.end)
        is not None))
    if previous is not None and previous.is_word:
        before = previous.lower
        if infinitive or (before == "that" and verb in ("read", "reads")) or (
                verb.endswith("ing") and before in _PASSIVE_WORDS):
            pass  # "… a statement that read: “…”", "Rene is alleging the club's “inept” …"
        elif before in PASSIVE_MARKERS or before in _NOT_SUBJECT_BEFORE:
            return False
        if before[0].isdigit() or before in NUMBER_WORDS:
            return False  # "1 in 5 confirmed patients"
        if before.endswith(("'s", "’s", "s'", "s’")) and previous.text[-1] in "'’s":
            return False  # "the ministry’s claim “is patently false”": a noun
        if before in ("when", "if", "once", "unless", "after", "before") and verb.endswith("ed"):
            return False
    if at_start and verb.endswith("ed"):
        return False  # "Asked whether ..., Biden replied"
    next_word = following.lower if following is not None and following.is_word else ""
    if verb in ("add", "adds", "added", "adding") and (
            next_word[:1].isdigit() or (following is not None and following.text in "$£€¥")):
        return False  # "Fjord Bank added 3.9%": a number, not words
    if verb.startswith("continu") and next_word in ("to", "with", "on", "in", "until", "at"):
        return False
    if verb in ("add", "adds", "added", "adding") and next_word in ("to", "up"):
        return False
    if verb in ("agree", "agrees", "agreed", "agreeing") and next_word == "to":
        return False  # "if India does not agree to export the drug": a deal, not words
    start = toks[position].start
    if verb in _NOUN_LIKE_FORMS and reading.framed[max(0, start - 3):start].rstrip().endswith(
            _CLOSING_MARKS):
        return True  # "“…,” jokes Groene": right after a quotation, a verb
    if verb in _NOUN_LIKE_FORMS and previous is not None and (
            previous.lower in DETERMINERS or (
                previous.capitalised and position >= 2
                and toks[position - 2].lower in DETERMINERS)):
        return False  # "in a Tumblr post that …": a noun
    if verb in _NOUN_LIKE_FORMS and not infinitive and not (
            following is not None and (following.lower in _OBJECT_STARTS
                                       or following.text in "“\"‘«„:,")):
        return False  # "intelligence reports of ...": a noun
    if verb in ("read", "reads"):
        # "A statement … read: “…”", "“…,” the statement read": with a quotation.
        low, high = reading.sentences[sentence]
        return any(mark in reading.framed[low:high] for mark in "“\"‘«„")
    if (verb in _NAMING_VERBS or verb in _NOUN_LIKE_FORMS or verb in _FOUND_OR_SPOKEN
            or verb in QUOTING_PARTICIPLES):
        # Only a speech verb when a quotation follows in the same sentence.
        end = reading.sentences[sentence][1]
        window = reading.framed[toks[position].end:min(end, toks[position].end + 120)]
        return any(mark in window for mark in "“\"‘«„")
    return True


def _resolve_event(reading: ParagraphReading, event: Event, index: int, people: People,
                   state: _State) -> None:
    previous = state.last_event
    if (event.verb in QUOTING_PARTICIPLES and previous is not None
            and previous.entity is not None and state.last_event_paragraph == index
            and previous.sentence == event.sentence
            # "recalled Victor Hale mentioning": the participle has its own subject
            and _recalled_name(reading.framed, reading.sentences[event.sentence][0],
                               event.start) is None):
        event.entity = previous.entity  # "Emery posted to Twitter asking if …": Emery
        event.guessed = previous.guessed
        state.last_event = event
        state.last_speaker = event.entity
        return
    event.phrase = _speaker_phrase(reading, event)
    if event.phrase is None:
        return
    entity = _document_author(event.phrase.text, people) or people.resolve(
        event.phrase.text, role=event.phrase.role, speaking=True)
    if entity is None:
        return
    if event.phrase.document:
        people.wrote(entity, event.phrase.document)  # then "the report said" is theirs
    framed = reading.framed
    if framed[event.phrase.start - 1:event.phrase.start] in _OPENING_MARKS and framed[
            event.phrase.end:event.phrase.end + 1] in _CLOSING_MARKS:
        people.is_someone(entity)  # "“Perry” countered": a name given to a person
    event.guessed = is_guess(event.phrase.text, entity)
    # "Ukraine’s foreign minister said ..." then "“...,” said Dmytro Kuleba":
    # a name without a role right after a definite description takes it.
    previous = state.last_event.entity if state.last_event is not None else None
    if (previous is not None and index - state.last_event_paragraph <= 1
            and entity.kind == "person" and not entity.described and not entity.role
            and previous.described and previous.definite and previous.kind == "person"
            and not previous.quoted and previous.head not in _NO_ROLE
            and (is_person_noun(previous.head) or previous.head in TITLE_WORDS)):
        people.adopt_role(entity, previous)
    event.entity = entity
    state.last_event = event
    state.last_event_paragraph = index
    state.last_speaker = entity


# Words for a person that say nothing of what they do: "the guy" who spoke
# before "Matie tells him" gives Matie no role.
_NO_ROLE = frozenset("man woman men women guy guys boy girl kid kids child children person "
                     "people gentleman lady teen teenager youth folks".split())


def _document_author(phrase: str, people: People) -> Entity | None:
    """Who wrote what speaks: "a statement from Vell Records read" and
    "Vell Records’ statement said" are Vell Records' words; "the post
    said", those of whoever was just spoken of."""
    head = head_word(phrase)
    if head not in DOCUMENT_NOUNS or not re.search(rf"\b{re.escape(head)}\b", phrase):
        return None  # not "the Washington Post": a name, and its own speaker
    source = _DOCUMENT_SOURCE.search(phrase)
    if source is not None:
        return people.resolve(source.group(1), speaking=True)
    owner = _DOCUMENT_OWNER.match(phrase)
    if owner is not None:
        return people.resolve(owner.group(1), speaking=True)
    described = _DESCRIBED_OWNER.match(phrase)
    if described is not None and (is_person_noun(head_word(described.group(1)) or "")
                                  or head_word(described.group(1)) in ORG_NOUNS):
        return people.resolve(described.group(1), speaking=True)
    return people.author(head)


_DOCUMENT_SOURCE = re.compile(r"\b(?:from|by)\s+(\S.*)$")
_DOCUMENT_OWNER = re.compile(r"^(?:the\s+)?([A-Z].*?)[’']s?\s+(?:\w+\s+)?\w+$")
# "the president's statement said": the president's words.
_DESCRIBED_OWNER = re.compile(r"^((?:the|a|an)\s+(?:[a-z\-]+\s+)?[a-z\-]+)[’']s?\s+(?:\w+\s+)?\w+$")


def _speaker_phrase(reading: ParagraphReading, event: Event) -> Phrase | None:
    """Who the verb says is speaking: the subject before it, or the words
    after it when it follows a quotation (`"...," said Kuleba`), "according
    to X" or "quoted X as saying"."""
    framed = reading.framed
    low, high = reading.sentences[event.sentence]
    quote_before: QuoteSpan | None = None
    before = bisect_right(reading.span_ends, event.start) - 1  # the last quotation before
    if before >= 0 and reading.span_ends[before] > low:
        quote_before = reading.spans[before]
        low = quote_before.outer_end
    after = bisect_left(reading.span_opens, event.end)  # the first quotation after
    if after < len(reading.spans):
        high = min(high, reading.spans[after].open)
    if event.verb == "put it":
        # "as the Times put it", "That was how Ana Ruiz, the treasurer, put it"
        low = max((m.end() for m in _AS_OR_HOW.finditer(framed, low, event.start)), default=low)
    if event.verb in ("quoted", "cited"):
        passive = _passive_start(framed, low, event.start)
        if passive is not None:  # "Smith was quoted as saying"
            return subject_before(framed, low, passive)
        as_saying = _AS_SAYING.match(framed, event.end, high)
        end = as_saying.end() if as_saying else high
        cut = framed.rfind(" as ", event.end, end)
        return object_after(framed, event.end, cut if cut > 0 else end)
    inverted = (quote_before is not None and event.verb in INVERTIBLE_VERBS
                and not _WORD_CHARACTER.search(framed, low, event.start))
    # What stands right before the verb (a bounded tail: a sentence of
    # thousands of verbs must not be copied for each of them).
    tail = max(low, event.start - _TAIL)
    before_verb = framed[tail:event.start].rstrip()
    if (not inverted and event.verb in INVERTIBLE_VERBS and before_verb.endswith(",")
            and (_NAME_AFTER_VERB.match(framed, event.end)
                 or _titled_name_after(framed, event.end))):
        # "…, in new manufacturing, said Joseph Seneca, an economist", "…,
        # said veteran Democratic strategist James Carville."
        inverted = True
    if event.verb in ("according to", "by") or inverted:
        found = object_after(framed, event.end, high)
        if event.verb == "according to" and found is not None and quote_before is not None:
            unowned = _UNOWNED_DOCUMENT.fullmatch(found.text)
            if unowned is not None:
                # "Ban Ki-moon is “deeply concerned …,” according to a
                # statement": a statement of no one named is the subject's.
                start = reading.sentences[event.sentence][0]
                subject = main_subject(framed, start, quote_before.open)
                if subject is not None and not framed[start:subject.start].strip():
                    return replace(subject, document=unowned.group(1).lower())
        return found
    progressive = _PROGRESSIVE_END.search(before_verb) if event.verb.endswith("ing") else None
    if progressive is not None:  # "London Rene is alleging": the subject before "is"
        return subject_before(framed, low, tail + progressive.start())
    if event.verb in ("read", "reads") and before_verb.endswith(" that"):
        return subject_before(framed, low, tail + len(before_verb) - 4)  # the statement
    made = _MADE_TO_SPEAK.search(before_verb)
    if made is not None:  # "… prompted Engoron to quip": Engoron, not who prompted him
        return subject_before(framed, tail + made.start("who"), tail + made.end("who"))
    # Joined to an earlier verb ("… and wrote", "… so far as to call"), and
    # the verb of the quotation that follows.
    joined = bool(_JOINED_END.search(before_verb)) and not any(
        tok.lower in SPEECH_VERBS for tok in tokens(framed[event.end:min(high,
                                                                         event.end + _TAIL)]))
    if event.verb.endswith("ed") and before_verb.endswith(","):
        # "Walsh added that Swanson surfaced after a while, yelled “…”": the
        # subject of the clause after "that", whose verbs are listed.
        # ("… a panel that explored Flash Crash reforms, agreed": "that" after
        # a noun opens a relative clause, not what a verb said.)
        that = framed.rfind(" that ", tail, event.start)
        said = framed[tail:that].lower().split()[-4:] if that > tail else []
        main = main_subject(framed, that + 6, event.start) if any(
            word in SPEECH_VERBS for word in said) else None  # "told the paper that"
        if main is not None:
            return main
    if event.verb.endswith("ing") and _opens_sentence(framed, low, event.start):
        # "Declaring “…” is at stake, Defense Secretary Robert Gates has
        # ordered": a participle opening its sentence says what the main
        # clause's subject, after the comma, said.
        end = reading.sentences[event.sentence][1]
        comma = framed.find(",", event.end, end)
        # (Or the comma inside the marks: "Saying schools are “deepening
        # segregation,” Sanders proposes".)
        inside = next((span.outer_end - 1 for span in reading.spans
                       if event.end <= span.open and span.outer_end <= end
                       and "," in reading.text[span.start:span.close][-2:]), -1)
        if inside >= 0 and (comma < 0 or inside < comma):
            comma = inside
        main = main_subject(framed, comma + 1, end) if comma >= 0 else None
        if main is not None:
            return main
    if event.verb.endswith("ing") and _CONJUNCTION_BEFORE_PARTICIPLE.search(before_verb):
        # "Ireland filed an appeal after repeatedly saying …": the main
        # clause's subject said it; "…'s Likud party, which tried to rally
        # support by saying …": what "which" stands for.
        start = reading.sentences[event.sentence][0]
        relative = max(_RELATIVE_AFTER_COMMA.finditer(framed, start, event.start),
                       key=lambda match: match.start(), default=None)
        main = (subject_before(framed, start, relative.start()) if relative is not None
                else main_subject(framed, start, event.start))
        if main is not None:
            return main
    # "Kirch released a statement condemning “…”": the statement's author.
    # ("Barr sent a memo to the Justice Department calling …": the memo's
    # too, past whom it went to.)
    of_a_document = event.verb.endswith("ing") and (
        before_verb.rsplit(" ", 1)[-1].lower() in DOCUMENT_NOUNS
        or _DOCUMENT_SENT_TO.search(before_verb) is not None)
    # "Emery posted to Twitter asking if …": a participle with no comma
    # before it is the clause's subject's too, as "…, saying" is.
    trailing = event.verb in QUOTING_PARTICIPLES and progressive is None
    recalled = _recalled_name(framed, low, event.start) if trailing else None
    if recalled is not None:  # "A guard recalled Victor Hale mentioning “…”": Hale
        return subject_before(framed, recalled, event.start)
    if (event.verb.endswith("ing") and before_verb.endswith(",")) or joined or of_a_document or (
            trailing):
        # A participle after a comma, or a verb joined to an earlier one ("a
        # poster put up her picture and wrote"): its subject is the clause's.
        # ("He attacked the hosts and threatened to “…”": he, whoever that is.)
        main = main_subject(framed, low, event.start, pronoun=True)
        if main is None and quote_before is not None and joined:
            # "Mpofu adopted a “so what” attitude and said …": the clause
            # began before the words in marks
            main = main_subject(framed, reading.sentences[event.sentence][0], event.start,
                                pronoun=True)
        if main is not None:
            return main
    return subject_before(framed, low, event.start)


_DOCUMENT_SENT_TO = re.compile(r"\b(?:" + "|".join(sorted(DOCUMENT_NOUNS)) +
                               r")\s+to\s+(?:the\s+)?[A-Z][\w’'\-]*(?:\s+[A-Z][\w’'\-]*){0,4}$")
# "… and wrote", "… to call", "… and has stated", "… and has since said".
_JOINED_END = re.compile(r"\s(?:and|to)(?:\s+(?:has|have|had|will|would|also|since|later|then"
                         r"|again|repeatedly|publicly|often))*$")
_UNOWNED_DOCUMENT = re.compile(r"(?:a|an)\s+(?:\w+\s+)?(statement|letter|post|release)", re.I)
_RELATIVE_AFTER_COMMA = re.compile(r",\s+(?:which|who)\b")
_CONJUNCTION_BEFORE_PARTICIPLE = re.compile(
    r"\b(?:after|before|while|when|since|without|by)(?:\s+[a-z]+ly)?$")


# A verb that has someone else speak: "prompted Engoron to quip", "asked the
# judge to say".
_MADE_TO_SPEAK = re.compile(
    r"\b(?:prompt(?:s|ed|ing)?|l(?:ed|eads?|eading)|ask(?:s|ed|ing)?|urg(?:es|ed|ing)"
    r"|forc(?:es|ed|ing)|caus(?:es|ed|ing)|push(?:es|ed|ing)|invit(?:es|ed|ing)"
    r"|allow(?:s|ed|ing)|encourag(?:es|ed|ing))\s+"
    r"(?P<who>(?:the\s+)?[A-Za-z][\w’'.\-]*(?:\s+[A-Z][\w’'.\-]*){0,3})\s+to$")


def _passive_start(framed: str, low: int, end: int) -> int | None:
    """Where "was", "were", "is", "are" or "been" starts when it is the last
    word of `framed[low:end]`, spaces after it (`\\b(?:was|...)\\s+$`, read
    from the end instead of searched for from `low`)."""
    space = end
    while space > low and framed[space - 1].isspace():
        space -= 1
    if space == end:
        return None
    for word in _PASSIVE_WORDS:
        start = space - len(word)
        if start >= low and framed.startswith(word, start) and not (
                start and _WORD_CHARACTER.match(framed, start - 1)):
            return start
    return None


_INITIALS = re.compile(r"(?:[A-Z]\.)+[A-Z]?\.?")
_WORK_BEFORE = re.compile(r"\b(?:album|song|single|book|novel|memoir|film|movie|show|series|"
                          r"play|record|track|titled|entitled),?\s+$")
_OWNED_BEFORE = re.compile(r"\b(?:his|her|its|their|our|my|your)\s+$")
_AN_EXAMPLE = re.compile(r"\b(?:such as|including|like)\s+$")
_CLEFT_BEFORE = re.compile(r"\b[Ii]t\s+(?:was|is)\s+$")
_WHO_AFTER = re.compile(r"\s+(?:who|that)\b")


def _mentions(reading: ParagraphReading) -> list[_Mention]:
    """Names seen in passing. One that opens a sentence is salient: a later
    "he" can mean it."""
    found: list[_Mention] = []
    framed = reading.framed
    starts = {start for start, _ in reading.sentences}
    led: set[int] = set()  # sentences whose subject opens them
    for number, (start, end) in enumerate(reading.sentences):
        lead = _LEAD.match(framed, start)
        if lead is None:
            continue
        opening = _OPENING_PHRASE.match(framed, start, end)
        if opening is not None and lead.group(1).lower() in OPENING_PREPOSITIONS:
            # "In 2009, Matie, then in his late 20s, trundled up": the subject
            # after the phrase that sets the scene.
            lead = _LEAD.match(framed, opening.end()) or lead
        word = lead.group(1)
        described = lead.group(2)
        verb = described.split()[0] if described else ""
        if verb.lower() in NOT_A_NAME and len(described.split()) == 1:
            described = None  # "Draper meanwhile wrapped up his win": Draper
        if verb in AUXILIARIES | PASSIVE_MARKERS or verb in IRREGULAR_PAST or (
                verb.endswith("ed") and len(verb) > 4) or (
                described and _PRESENT_VERB_AFTER_NAME.match(framed, lead.start(2))):
            # "Carlineo was arrested", "Kheradpir made the argument that
            # content providers …": a name, then its verb
            described = None
        if described and _NOUN_NOT_VERB.match(framed, lead.end(2)):
            continue  # "An international body of bank regulators that …": no verb yet
        if described:
            found.append(_Mention(lead.start(1), lead.end(2), True))  # "A government spokesman"
        elif word.lower() not in NOT_A_NAME:
            found.append(_Mention(lead.start(1), lead.end(1), True))  # "Rooke defended ..."
            if word.lower() not in OPENING_PREPOSITIONS and word.lower() not in MODIFIER_STARTS:
                led.add(number)
    # A known surname alone before its verb: "…, Simmons teed up …".
    found += [_Mention(m.start(1), m.end(1), True) for m in _SURNAME_THEN_VERB.finditer(framed)]
    runs = _name_runs(framed)
    per_sentence: dict[int, int] = {}
    for match in runs:
        sentence = reading.sentence_of(match.start())
        per_sentence[sentence] = per_sentence.get(sentence, 0) + 1
    speaking = {e.sentence for e in reading.events}
    for match in runs:
        start, end = match.start(), match.end()
        if _WHICH_AFTER.match(framed, end):
            continue  # "for Con Edison, which maintains …": a thing, not someone
        modified = _LOWER_WORD_AFTER.match(framed, end)
        if modified is not None and (modified.group(1) in ORG_NOUNS
                                     or modified.group(1) in _PRESS_NOUNS):
            continue  # "The German paper", "the Dutch government": what kind it is
        if _INITIALS.fullmatch(framed, start, end):
            continue  # "Linden, N.J.", "the U.S.": a place
        if _OWNED_BEFORE.search(framed, max(0, start - 7), start):
            continue  # "his Truth Social platform": something someone has
        if _WORK_BEFORE.search(framed, max(0, start - 16), start):
            continue  # "her pop album, Dirty Blonde", "a book entitled Some Unspoken Thing"
        owner = _OWNER_END.search(framed, start, end)
        if owner is not None:
            end = owner.start()  # "Elizabeth Snyder's Facebook": she is who is named
        sentence = reading.sentence_of(start)
        sentence_start = reading.sentences[sentence][0]
        opening = _OPENING_PHRASE.match(framed, sentence_start, start + 1)
        # Opening its sentence, or its clause after a phrase that sets the
        # scene ("In an email to the Times, Dr Anthony Fauci set out …").
        opens = _NOT_SPACE.search(framed, sentence_start, start) is None or (
            opening is not None and opening.end() == start
            and _scene_setting(framed[sentence_start:start]))
        # A name that opens its sentence, or the only name in a sentence that
        # quotes nobody ("Among them was Irina Mazur, 52"), is who the text
        # is now about.
        salient = (start in starts or opens or _verb_follows(framed, start, end)
                   # "it was Katie Boulter who got the ball rolling": whom the
                   # sentence is about
                   or (_CLEFT_BEFORE.search(framed, max(0, start - 12), start) is not None
                       and _WHO_AFTER.match(framed, end) is not None)
                   or (per_sentence[sentence] == 1 and sentence not in speaking
                       and sentence not in led
                       # "providers, such as Time Warner,": an example, not whom
                       # the text is about
                       and not _AN_EXAMPLE.search(framed, max(0, start - 16), start)))
        phrase = noun_phrase_ending(framed, sentence_start, end)
        if phrase:
            start = min(start, phrase[0].start)
        if framed.startswith(".", end) and framed[end - 3:end] in (" Jr", " Sr"):
            end += 1  # "Olaf Brand Jr., 55": the name as written
        found.append(_Mention(start, end, salient))
    # A known surname alone in a sentence that quotes no one and names no one
    # else ("It's a belief that's reflected by Groene, too."): whom a later
    # "he" means.
    for sentence, (low, high) in enumerate(reading.sentences):
        if sentence in speaking or sentence in per_sentence:
            continue
        words = [m for m in _MIDDLE_CAPITALISED.finditer(framed, low, high)
                 if m.group().lower() not in NOT_A_NAME]
        if len(words) == 1:
            found.append(_Mention(words[0].start(), words[0].end(), True, person_only=True))
    return found


# "Trump plans to sign …", "Ruiz wants the …": a verb in the present, not a
# description ("Police officers said").
_PRESENT_VERB_AFTER_NAME = re.compile(r"\s+[a-z]+s\s+(?:to|the|a|an|his|her|its|their)\s")
_LOWER_WORD_AFTER = re.compile(r"\s+([a-z]+)\b")
_PRESS_NOUNS = frozenset(("paper", "newspaper", "daily", "weekly", "magazine"))
_NOUN_NOT_VERB = re.compile(r"\s+(?:" + "|".join(sorted(
    w for w in PERSON_NOUNS | ORG_NOUNS if w.endswith("s") and w.isalpha())) + r")\b")
_OPENING_PHRASE = re.compile(r"[^,“”\"]{1,40}?,\s+(?=[A-Z])")


def _scene_setting(opening: str) -> bool:
    """Whether a sentence's opening phrase sets the scene: "In an email,",
    "But in her letter to the government,"."""
    words = opening.lower().split()
    if len(words) > 1 and words[0] in ("but", "and", "yet", "so"):
        words = words[1:]
    return bool(words) and words[0] in OPENING_PREPOSITIONS


_MIDDLE_CAPITALISED = re.compile(r"(?<=[a-z,] )[A-Z][a-z][\w\-]*\b(?![’']s\b)")


# A past-tense verb right after a name: "…, Simmons teed up McDonald’s
# cameo" is about Simmons, whom a later "he" most likely means.
_PAST_VERB_NEXT = r" [a-z]{2,}ed\b"
# Or an auxiliary: "…, skipper Wade Bassi has better insight than most".
_VERB_NEXT_PATTERN = (rf"{_PAST_VERB_NEXT}"
                      rf"| (?:{'|'.join(sorted(AUXILIARIES | PASSIVE_MARKERS))})\b")
_VERB_NEXT = re.compile(_VERB_NEXT_PATTERN)
# "Ms Doe's deputy, Tom Reed, disagreed", "Fischer’s mother, Adrianne
# Fischer, is a driver": the name set off by commas is the subject.
_APPOSITIVE_VERB_NEXT = re.compile(rf",(?:{_VERB_NEXT_PATTERN})")
_SURNAME_THEN_VERB = re.compile(rf"(?<![\w’'])([A-Z][a-z]+)(?={_PAST_VERB_NEXT})")


_TAIL = 240  # characters before a speech verb that can say who its subject is
# "said Joseph Seneca", or one name set off by commas or ending the sentence
# ("The plan, said Nagel, …", "…, says McLaughlin.").
_NAME_AFTER_VERB = re.compile(r" (?!(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
                              r"|Today|Yesterday|Tonight)\b)"
                              r"(?:(?:[A-Z][\w’'\-]+ ){1,3}?[A-Z][\w’'\-]+\b(?! [a-z]+ed\b)"
                              r"|[A-Z][\w\-]+(?:,|\.(?:\s|$)))")
_ROLE_THEN_NAME_AFTER_VERB = re.compile(
    r" (?:(?:[a-z][a-z\-]+|[A-Z][a-z]+) ){0,3}(?P<title>[a-z][a-z\-]+) "
    r"(?:[A-Z][\w’'\-]+ ){1,3}?[A-Z][\w’'\-]+(?=[,.;]|$)")


def _titled_name_after(framed: str, at: int) -> bool:
    """A name after the verb behind what the person is: "said veteran
    Democratic strategist James Carville"."""
    match = _ROLE_THEN_NAME_AFTER_VERB.match(framed, at)
    return match is not None and (match.group("title") in TITLE_WORDS
                                  or is_person_noun(match.group("title")))


_WHICH_AFTER = re.compile(r",? which\b")
_OWNER_END = re.compile(r"[’']s?\s")
_HEARD_SAYING = re.compile(r"\b([a-z]+)\s+((?:[A-Z][\w’'\-.]*\s*){1,4})$")
_HEARING_VERBS = SPEECH_VERBS | frozenset(
    "remember remembers remembered hear hears heard overheard see sees saw".split())
_HEARD_SOMEONE = re.compile(r"\b(" + "|".join(sorted(_HEARING_VERBS, key=len, reverse=True))
                            + r")\s+((?:(?:a|an|the|some)\s+)?(?:[a-z]+\s+)?(?P<noun>[a-z]+))$")


def _recalled_name(framed: str, low: int, participle: int) -> int | None:
    """Where the participle's own subject starts when a verb of speech or
    hearing names it just before: "recalled Victor Hale mentioning “…”"."""
    tail = max(low, participle - _TAIL)
    heard = _HEARD_SAYING.search(framed[tail:participle].rstrip())
    if heard is None or heard.group(1).lower() not in _HEARING_VERBS:
        # "heard police yelling “…”", "heard a man scream": someone described.
        heard = _HEARD_SOMEONE.search(framed[tail:participle].rstrip())
        if heard is None or not (is_person_noun(heard.group("noun"))
                                 or heard.group("noun") in ORG_NOUNS):
            return None
    return tail + heard.start(2)


def _verb_follows(framed: str, start: int, end: int) -> bool:
    """A verb right after a name, or after it set off by commas ("Ms Doe's
    deputy, Tom Reed, disagreed"): the clause's subject."""
    if _VERB_NEXT.match(framed, end) is not None:
        return True
    return framed[max(0, start - 2):start] == ", " and _APPOSITIVE_VERB_NEXT.match(
        framed, end) is not None


def _name_runs(framed: str) -> list[re.Match[str]]:
    """`_NAME_RUN.finditer(framed)`, in linear time.

    The regular expression tries every capital: in "A-A-A-…" each one
    reads to the end of the word before failing. But the capitals of one
    word all fail alike (the first word of a run is the rest of the word,
    and what must follow it is the same), so once one has failed only an
    honorific ending that word ("X-Mr. Aa Bb") is tried.
    """
    runs: list[re.Match[str]] = []
    resume = failed_until = 0
    for capital in _CAPITAL.finditer(framed):
        at = capital.start()
        if at < resume or (at < failed_until
                           and framed[at:failed_until] not in _NAME_RUN_HONORIFICS):
            continue
        run = _NAME_RUN.match(framed, at)
        if run is None:
            failed_until = _WORD_TAIL.match(framed, at + 1).end()  # type: ignore[union-attr]
            continue
        while _NAME_GOES_ON.match(framed, run.end()):
            # Longer than a run: its last words are the name ("… Attorney
            # General Ana Ruiz"), not its first ("Harbour State … Ana").
            first = _FIRST_WORD.match(framed, run.start())
            later = _NAME_RUN.match(framed, first.end()) if first is not None else None
            if later is None:
                break
            run = later
        runs.append(run)
        resume = run.end()
    return runs


def _is_lead_description(phrase: str) -> bool:
    """"A government spokesman", "The label": someone, or an institution,
    that opens a sentence."""
    words = phrase.split()
    return (words[0].lower() in ("a", "an", "the", "two", "three", "four", "several", "some",
                                 "many", "one")
            and (is_person_noun(words[-1]) or words[-1].lower() in ORG_NOUNS))


class _Speaking:
    """A paragraph's speech verbs that name a speaker, in order, with their
    starts and ends for bisection (they do not overlap)."""

    def __init__(self, events: list[Event]) -> None:
        self.events = events
        self.starts = [e.start for e in events]
        self.ends = [e.end for e in events]

    def last_ending_by(self, offset: int) -> Event | None:
        """The last verb that ends at or before `offset`."""
        index = bisect_right(self.ends, offset) - 1
        return self.events[index] if index >= 0 else None

    def first_starting_from(self, offset: int) -> Event | None:
        """The first verb that starts at or after `offset`."""
        index = bisect_left(self.starts, offset)
        return self.events[index] if index < len(self.events) else None


def _attribute(reading: ParagraphReading, span: QuoteSpan, people: People,
               speaker_before: Entity | None,
               speaking: _Speaking) -> tuple[Entity | None, str, bool]:
    """Who said it, how that was found, and whether it is a guess: a "he"
    or "she" that went to someone whose name does not say which."""
    entity, how, event = _attribution(reading, span, people, speaker_before, speaking)
    guessed = event is not None and event.guessed
    if (event is not None and event.phrase is not None and event.phrase.pronoun == "they"
            and entity is not None and entity.kind != "person"
            and _FIRST_PERSON_SINGULAR.search(reading.text, span.start, span.end)):
        # "“On one occasion,” they testified, “I heard …”": one person, who
        # is not named (a source, an ex-partner), not the group named last;
        # better no one than the group.
        entity, guessed = people.someone(), True
    return (entity.live if entity is not None else None), how, guessed


_CONTRAST_OPENING = re.compile(r"[,;]?\s*(?:while|whereas|but|although|though)\s", re.IGNORECASE)
_DESCRIBED_BY = re.compile(
    r"\b(?:described|called|branded|labell?ed|dubbed|characteri[sz]ed|hailed|condemned|"
    r"critici[sz]ed|praised|denounced)\s+by\s+(?P<who>[^,;:.“”\"‘’]{2,60}?)\s+as\s+"
    r"(?:(?:an?|the)\s+)?$")
_FIRST_PERSON_SINGULAR = re.compile(r"\b(?:I|I[’']m|I[’']ve|I[’']d|I[’']ll|me|my|myself)\b")


def _attribution(reading: ParagraphReading, span: QuoteSpan, people: People,
                 speaker_before: Entity | None,
                 speaking: _Speaking) -> tuple[Entity | None, str, Event | None]:
    sentence = reading.sentence_of(span.open)
    close_sentence = reading.sentence_of(max(span.open, span.outer_end - 1))
    next_span = bisect_right(reading.span_opens, span.open)
    next_open = (reading.span_opens[next_span] if next_span < len(reading.spans)
                 else len(reading.text))
    # Verbs come in sentence order: the first after the quotation is in its
    # closing sentence or later, the last before it in its opening one or earlier.
    after = speaking.first_starting_from(span.outer_end)
    before = speaking.last_ending_by(span.open)
    # 0. Named as the agent of a passive: "described by the charity Shelter
    # as a ‘once-in-a-generation opportunity’".
    agent = _DESCRIBED_BY.search(reading.framed, max(0, span.open - 120), span.open)
    if agent is not None:
        entity = people.resolve(agent.group("who"), speaking=True)
        if entity is not None:
            return entity, "before", None
    # 0b. Relayed: "Mackey said in a memo that the “…” as prices fell, Yahoo
    # Finance reported": the words are the one who said them, not the relayer's.
    if (after is not None and after.verb in _RELAYING_VERBS and before is not None
            and before.sentence == sentence and before.verb not in _RELAYING_VERBS):
        return before.entity, "before", before
    # 1. Right after the quotation.
    if after is not None and after.start < next_open and after.sentence <= close_sentence + 1:
        gap = tokens(reading.framed, span.outer_end, after.start)
        words = len([t for t in gap if t.is_word])
        # "He said that while it is “absolutely appropriate” to ask whether
        # …, Sheskey said he …": words inside what a verb before them says,
        # the clause going on after them, are that verb's.
        # ("That Xi announced it signals a “…” to tackling climate change,
        # says Belinda Schäpe": a verb before its speaker closes the sentence.)
        # ("Weil said the talks were “constructive”, while Ruiz called them
        # …": a new clause, with its own speaker, follows the words.)
        inverted = after.phrase is not None and after.phrase.start > after.start
        inside = (before is not None and before.sentence == sentence
                  and before.entity is not None and not before.verb.endswith("ing")
                  and (words > 2 or _CONTRAST_OPENING.match(reading.framed, span.outer_end))
                  and not inverted)
        if words <= _MAX_POST_GAP_WORDS and not inside and (
                after.sentence == close_sentence or _ends_with_attribution(reading, span,
                                                                           after, gap)):
            return after.entity, "after", after
    # 1b. `"..." — John Smith` at the end of a paragraph.
    if span.closed and next_open == len(reading.text):
        dashed = _DASH_NAME.match(reading.framed, span.outer_end)
        if dashed and len(dashed.group(1).split()) <= 8 and dashed.group(1)[0].isupper():
            entity = people.resolve(dashed.group(1), speaking=True)
            if entity is not None:
                return entity, "named", None
    # 1c. `“…,” Jay Singhania, a vice president at Westwood.`: a name and
    # what they are, the verb left out.
    if span.closed and "," in reading.text[span.end - 1:span.outer_end]:
        named = _NAME_WITHOUT_VERB.match(reading.framed, span.outer_end)
        if named is not None:
            entity = people.resolve(named.group(1), speaking=True)
            if entity is not None and entity.kind == "person":
                return entity, "named", None
    # 2. Before it, in its sentence.
    if before is not None and before.sentence == sentence:
        outer = speaking.last_ending_by(before.start - 1)
        if (before.verb in _FOUND_OR_SPOKEN and outer is not None
                and outer.sentence == sentence and outer.entity is not None
                and outer.entity.kind == "person" and before.entity is not None
                and before.entity.kind != "person"):
            # "Ana Ruiz said the report showed “a broken system”": her words
            # for what it showed
            return outer.entity, "before", outer
        return before.entity, "before", before
    # 3. A name before a colon.
    start = reading.sentences[sentence][0]
    colon = span.open  # the last character before the quotation but spaces
    while colon > start and reading.framed[colon - 1].isspace():
        colon -= 1
    colon -= 1
    if colon >= start and reading.framed[colon] == ":":
        previous = bisect_right(reading.span_ends, span.open) - 1
        low = max(start, reading.span_ends[previous]) if previous >= 0 else start
        words_of = _IN_THE_WORDS_OF.search(reading.framed, low, colon)
        if words_of is not None:  # "… in the words of the patient: “…”"
            low = words_of.end()
        # `Kuleba: “…”`, `Engineer Dana Pirelli, who …, was blunt: “…”`, and
        # `Rudy Giuliani echoed the sentiment, but laid blame on Obama: “…”`.
        phrase = (before_colon(reading.framed, low, colon)
                  or sentence_subject(reading.framed, start, colon)
                  or _surely_someone(main_subject(reading.framed, low, colon), people))
        if phrase is not None:
            # ("The statement went on: “…”": whoever wrote it.)
            entity = _document_author(phrase.text, people) or people.resolve(phrase.text,
                                                                                speaking=True)
            if entity is not None:
                return entity, "colon", None
    # 3b. "In Dr. Shadlen’s words, “…”".
    words_of = _IN_WHOSE_WORDS.search(reading.framed, max(start, span.open - 100), span.open)
    if words_of is not None:
        entity = people.resolve(words_of.group(1), speaking=True)
        if entity is not None:
            return entity, "colon", None
    # 4. Later in its sentence.
    if after is not None and after.sentence == close_sentence:
        return after.entity, "sentence", after
    # 5. Elsewhere in the paragraph.
    if before is not None:
        return before.entity, "paragraph", before
    if after is not None and after.sentence <= close_sentence + 1:
        return after.entity, "paragraph", after
    # 6. Whom its sentence describes as doing what the words say ("To
    # combat disparities, the senator from Vermont is proposing “…”").
    subject = main_subject(reading.framed, start, span.open)
    if subject is not None and not subject.pronoun and is_person_noun(
            head_word(subject.text) or ""):
        entity = people.resolve(subject.text, speaking=True)
        if entity is not None and entity.kind == "person":
            return entity, "subject", None
    # 7. Whoever was speaking before.
    if speaker_before is not None:
        return speaker_before.live, "context", None
    return None, "none", None


# "according to the new “dot plot” of rate projections": the quotation
# names the source, it is not what anyone said.
_SOURCE_NAMED_BEFORE = re.compile(r"\baccording to\s+(?:(?:the|a|an|its|their)\s+)?"
                                  r"(?:[\w\-]+\s+)?$", re.IGNORECASE)
# "(see “Broad Institute Gets Patent …”)": the title of another article.
_SEE_BEFORE = re.compile(r"\(\s*see\s+(?:also\s+)?$", re.IGNORECASE)
_RELAYING_VERBS = frozenset(("reported", "reports", "according to"))
_TITLE = "title"  # how a FoundQuote that names a title was "attributed"
_TITLE_WORD = re.compile(r"[\w’'\-]+")
_TITLE_SMALL_WORDS = frozenset("a an the of and or to in on at for with by from as".split())


_SENTENCE_ADVERB = re.compile(r"(?:perhaps|maybe|probably|surely|arguably|certainly|indeed)\s+",
                              re.IGNORECASE)


def _surely_someone(phrase: Phrase | None, people: People) -> Phrase | None:
    """The phrase if it surely names someone: a full name ("Rudy Giuliani"),
    a person met before ("perhaps Duhaime-Ross") or a description of a
    person ("the mayor"), not a capitalised word that opens a sentence
    ("New signs … spelled out: “…”")."""
    if phrase is None:
        return None
    adverb = _SENTENCE_ADVERB.match(phrase.text)
    if adverb is not None:
        phrase = replace(phrase, text=phrase.text[adverb.end():], start=phrase.start + adverb.end())
        if len(phrase.text.split()) == 1 and people.recall(phrase.text, person=True):
            return phrase
    words = phrase.text.split()
    named = sum(1 for word in words if word[:1].isupper()) >= 2
    head = head_word(phrase.text) or ""
    # ("The statement went on: “…”": what someone wrote speaks for them.)
    return phrase if named or is_person_noun(head) or head in DOCUMENT_NOUNS else None


def _names_something(reading: ParagraphReading, span: QuoteSpan, how: str) -> bool:
    """Words in quotation marks that name something, not words said: a
    title (“Star Wars”, “DWTS”), a term (“freeze-thaw” cycles), a source
    (according to the new “dot plot”), another article ((see “…”))."""
    words, framed = reading.text[span.start:span.end], reading.framed
    noun_after = _NOUN_AFTER.match(framed, span.outer_end)
    attributive = (_DETERMINER_BEFORE.search(framed, max(0, span.open - 12), span.open)
                   and noun_after) or (
        # "“Parasite” director Bong Joon Ho said": the title of someone's
        # work before what they do (not "“Absolutely,” coach Lane said").
        noun_after is not None and span.closed and reading.text[span.close - 1] not in ",.!?"
        and is_person_noun(noun_after.group().strip()))
    # "On “The Alchemy” Swift makes …": a work named after a preposition
    attributive = attributive or _ON_A_WORK.search(framed, max(0, span.open - 8),
                                                   span.open) is not None
    shouted = _SHOUTED.search(framed, max(0, span.open - 24), span.open) is not None
    return ((((how not in ("after", "named", "colon")
               and not framed[:span.open].rstrip().endswith(":")
               # ("Kaine affirmed, “Absolutely.”": said, as after a colon)
               and not _SPEECH_VERB_AND_COMMA.search(framed, max(0, span.open - 24),
                                                     span.open))
              or attributive) and not shouted and _names_a_title(words))
            or (how in ("context", "subject", "none") and not shouted
                and _is_a_term(words, reading, span))
            or (len(words.split()) <= 4 and _SOURCE_NAMED_BEFORE.search(
                framed, max(0, span.open - 40), span.open) is not None)
            or _SEE_BEFORE.search(framed, max(0, span.open - 12), span.open) is not None
            or (len(words.split()) <= 5 and _TERM_INTRODUCED.search(
                framed, max(0, span.open - 40), span.open) is not None))


_ON_A_WORK = re.compile(r"(?:^|[.!?]\s+)(?:On|In)\s+$")
# "Amri screamed “Allah Akbar”": what someone shouts is said, capitals or not.
_SHOUTED = re.compile(r"\b(?:scream|shout|yell|chant|cr(?:y|ie))(?:s|ed|ing)?,?\s*$")


# "a condition known as “feather duvet lung”", "the word “We”", "the technique
# called “mental chronometry”", "it is called “…”": a name for something.
# ("which he called “a failure”" is his words: a subject before the verb.)
_TERM_INTRODUCED = re.compile(
    r"(?:\b(?:known|referred\s+to)\s+as|\bso-called|\bthe\s+(?:term|phrase|words?|slogan|"
    r"hashtag|nickname)|\b(?:is|are|was|were|be|been|being|it[’']s|technique|condition|"
    r"process|method|phenomenon)\s+(?:now\s+|often\s+|also\s+|sometimes\s+|instead\s+)?"
    r"(?:called|dubbed|termed|named|nicknamed))\s*$")


# "the “Bad Romance” singer": a title between a determiner and its noun,
# whatever verb of speech comes after the noun.
_DETERMINER_BEFORE = re.compile(r"(?:\b(?:[Tt]he|[Aa]n?|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts)|[’']s)\s+$")
_NOUN_AFTER = re.compile(r"\s+[a-z][a-z\-]+\b")


_SPEECH_VERB_AND_COMMA = re.compile(r"\b(?:" + "|".join(sorted(SPEECH_VERBS)) + r"),\s*$")


def _names_a_title(words: str) -> bool:
    """Up to six words, every one capitalised but the small ones, with no
    sentence inside: the name of a show, a song, a product or a disease.
    (Said in so few words, speech opens a sentence: “Sleep,” she said;
    those keep their verb right after them.)"""
    bare = words.strip().rstrip(".,!?…")
    found = _TITLE_WORD.findall(bare)
    if not found or len(found) > 6 or any(mark in bare for mark in ".!?;:"):
        return False
    capitalised = [w for w in found if w.lower() not in _TITLE_SMALL_WORDS]
    return bool(capitalised) and all(w[0].isupper() or w[0].isdigit() for w in capitalised)


def _is_a_term(words: str, reading: ParagraphReading, span: QuoteSpan) -> bool:
    """A word or three in lowercase, no sentence in them, and no speech verb
    in their sentence: a term in quotation marks (“freeze-thaw” cycles, a
    “de-confliction zone”), not someone's words. Two words at most may be
    capitalised or end their sentence (“Humidifier lung”, “multidrug-
    resistant bacteria.”); said in so few words, speech is a sentence
    (“Step out.”) or calls out (“Wake up!”)."""
    bare = words.strip()
    if not bare or len(bare.split()) > 3 or any(mark in bare for mark in "!?"):
        return False
    if len(bare.split()) > 2 and (bare[0].isupper() or "." in bare):
        return False
    if (bare[0].isupper() and bare.endswith(".")) or "." in bare.rstrip("."):
        return False
    sentence = reading.sentence_of(span.open)
    return not any(event.sentence == sentence for event in reading.events)


_IN_WHOSE_WORDS = re.compile(
    r"\b[Ii]n\s+([A-Z][^,;:“”\"]{0,60}?)[’']s?\s+(?:own\s+)?words\s*[,:]?\s*$")
_IN_THE_WORDS_OF = re.compile(r"\b(?:in the words of|in (?:his|her|their) own words,?)\s+",
                              re.IGNORECASE)


_AS_OR_HOW = re.compile(r"\b(?:[Aa]s|[Hh]ow)\s+")
_THAT_WAS_HOW = re.compile(r"\s*(?:That|This|Which)(?:\s+(?:was|is)|[’']s)\s+how\s")


def _ends_with_attribution(reading: ParagraphReading, span: QuoteSpan, event: Event,
                           gap: list[Token]) -> bool:
    """After `"Why?"` a new sentence `Smith asked.` still attributes: a
    speaker and a verb, and next to nothing after the verb."""
    words = [t for t in gap if t.is_word]
    if event.verb == "put it" and _THAT_WAS_HOW.match(reading.framed, span.outer_end):
        return True  # "“…” That was how Ana Ruiz, the treasurer, put it."
    if not 0 < len(words) <= 4:
        return False
    inner = reading.text[span.start:span.end].rstrip()
    if not inner or inner[-1] not in ".?!…":
        return False
    end = reading.sentences[event.sentence][1]
    rest = reading.framed[event.end:end]
    return len(rest.split()) <= 4 and not any(mark in rest for mark in "“\"‘'«")
