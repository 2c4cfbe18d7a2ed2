"""Who is who: the people and institutions an article cites, and coreference.

Every speaker phrase ("said Dmytro Kuleba", "the official", "he", "Mr
Boichenko", "Britain’s defence ministry") is resolved against what the
article has said so far:

- a name is split into role and name ("Kyiv mayor Vitali Klitschko") and
  matched to an earlier person by surname ("Mr Boichenko", "president Biden");
- a short definite description ("the president", "the official") is the most
  recent person whose role or description has that noun;
- he/she is the most recent speaker who can be that gender; they/it the most
  recent group or institution;
- anything else is a new entity named as the article describes it.
"""

from __future__ import annotations

import heapq
import itertools
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from briefing.ingest.lexicon import (
    DOCUMENT_NOUNS,
    FEMALE_NAMES,
    GENDERED_NOUNS,
    HONORIFICS,
    MALE_NAMES,
    MONTHS,
    NAME_PARTICLES,
    NOT_A_NAME,
    NUMBER_WORDS,
    OPENING_PREPOSITIONS,
    ORG_NOUNS,
    PERSON_NOUNS,
    PLURAL_NOUNS,
    PRONOUNS,
    SPEECH_VERBS,
    TITLE_WORDS,
    TITLES_CUT_SHORT,
    WEEKDAYS,
    is_given_name,
    is_person_noun,
)
from briefing.ingest.phrases import head_word, role_before_clause

_DEMONYM = re.compile(r"(?:man|woman|ian|an|ese|i|Briton|Scot|Swede|Dane|Finn|Pole|Czech|Turk|"
                      r"Greek|Democrat|Republican)$")
_NOT_DEMONYMS = frozenset("vatican taliban kremlin pentagon".split())
_PERSON_ANAPHOR = re.compile(r"^[Tt]he\s+(?:\d+-year-old|[A-Z][\w’'\-]*)(?:\s+[a-z][\w\-]*)?$")
_ROLE_ENDINGS = ("er", "or", "ist", "ent", "ant", "ian")
_WHAT_THEY_DO = frozenset("singer actor actress musician artist rapper host presenter dancer "
                          "star".split())
_SHE_LOOKBACK = 1  # paragraphs back that "she" may mean a woman named, past someone since
_PRONOUN_LOOKBACK = 4  # people, back from the latest, that "he" is tried on
_QUANTITY_WORDS = frozenset("one some many several both other others most".split())
_OPENING_CONJUNCTIONS = frozenset("though although while when whereas if because unless until "
                                  "once but and yet not even only also just perhaps".split())
_DATE_WORDS = frozenset(MONTHS) | frozenset(WEEKDAYS)
_HOLIDAY_ENDS = frozenset(("day", "eve"))
_WHEN = re.compile(r"^(?:last|next|this|early|late|mid|since|until)[\s\-]+")
_OF_A_FAMILY = frozenset(("elder", "younger"))  # "the elder Soros"


def _a_holiday(parsed: _Parsed) -> bool:
    """"Labor Day", "Election Day", "Christmas Eve": a day, not someone (as
    "Doris Day", a given name first, and "Mr Day" are)."""
    name = parsed.name
    return (len(name) >= 2 and name[-1].lower().rstrip(".,") in _HOLIDAY_ENDS
            and not parsed.honorific and not parsed.role and not is_given_name(name[0]))


# A state's abbreviation after a town ("Linden, N.J."): where, never who.
_STATE_ABBREVIATIONS = frozenset("""
n.j. n.y. n.c. s.c. n.h. n.m. n.d. s.d. r.i. w.va. d.c. va. ga. fla. ill. md. mass. mich.
minn. miss. mo. mont. neb. nev. okla. ore. pa. tenn. tex. wash. wis. wyo. ala. ariz. ark.
calif. colo. conn. del. ind. kan. ky. la. vt.
""".split())
_PARTICIPLE_OPENING = re.compile(r"[A-Z][a-z]+ing\s+[a-z]")
_LINK_WORDS = frozenset("of for at from in on to by with".split())
# "at the home of Verizon CIO Shaygan Kheradpir": whose home names them.
_PLACES_OF_SOMEONE = frozenset("home house office offices residence family wife husband "
                               "son daughter lawyer lawyers attorney".split())
_ACRONYM = re.compile(r"^[A-Z][A-Z.&]{1,6}$")
_POSSESSIVE = re.compile(r"[’']s?$")
_LEADING_DETERMINER = re.compile(r"^(?:The|A|An|This|That|These|Those)\b")
_COLLECTIVE_ORGS = frozenset("company firm group bank carmaker retailer lender insurer airline "
                             "club team agency ministry government department organisation "
                             "organization party union council court commission committee "
                             "board regulator watchdog charity authority military army police "
                             "broadcaster newspaper operator utility manufacturer maker "
                             "giant startup label studio publisher band duo trio".split())
# Institutions whose kind is in their name ("the Transport Ministry", "the
# Rail Workers' Union"): "the union" is never another kind of body.
_NAMED_BY_KIND = frozenset("ministry department party union council court commission committee "
                           "army police parliament senate congress navy government".split())
# A publication that reported something is not "the company" in the story.
_PUBLICATION = re.compile(r"\b(?:Journal|Times|Post|News|Herald|Guardian|Telegraph|Tribune|"
                          r"Gazette|Reuters|Bloomberg|Associated Press|Press|Daily|Magazine)\b")
_PUBLIC_BODIES = frozenset("ministry department agency authority commission committee council "
                           "court government parliament senate congress police army navy "
                           "military regulator watchdog office administration bureau service "
                           "organisation organization".split())
_PROPER_NAME = re.compile(r"\b[A-Z][a-z]")
# What a one-word name that spoke ("Apple", "Reuters") may be called next.
_BUSINESSES = frozenset("company firm group bank carmaker retailer lender insurer airline club "
                        "team broadcaster newspaper operator utility manufacturer maker giant "
                        "startup label studio publisher".split())
_ORG_NAME_WORDS = ORG_NOUNS | frozenset("journal times post news herald guardian telegraph "
                                        "tribune gazette inc corp co ltd plc llc ag sa "
                                        # "Orbital Sciences", "Big Machine Records"
                                        "sciences systems technologies industries holdings "
                                        "resources airlines airways air motors pharmaceuticals "
                                        "entertainment records recordings media partners "
                                        "foundation laboratories labs communications enterprises "
                                        "ventures securities insurance brands foods pictures "
                                        "energy watch international mining minerals metals "
                                        "telecom telecoms mobile software electric power oil "
                                        "petroleum steel chemicals logistics shipping capital "
                                        "financial electronics aerospace automotive".split())


@dataclass(eq=False)
class Entity:
    """A person, group or institution the article cites."""

    name: str
    kind: str  # "person", "name" (one word, not known to be a person), "group", "org"
    role: str | None = None
    gender: str | None = None
    surname: str | None = None
    given: str | None = None
    head: str = ""
    words: set[str] = field(default_factory=set)
    definite: bool = False
    last_seen: int = -1
    seen_in: int = -1  # the paragraph it was last seen in
    named_gender: bool = False  # the gender is the name's or the title's, not a guess
    spoke: bool = False
    quoted: bool = False
    described: bool = False  # named by a description, not a proper name
    merged_into: Entity | None = None

    @property
    def live(self) -> Entity:
        entity = self
        while entity.merged_into is not None:
            entity = entity.merged_into
        return entity


@dataclass
class _Parsed:
    name: list[str]
    role: str | None
    honorific: str | None
    determiner: str | None
    text: str
    institution: bool = False


_ORDER = itertools.count()  # ties never happen; this keeps entities from being compared


class _Recency:
    """Entities in the order the lookups want them: the most recently seen
    first, then those never seen, in the order the article met them (what
    sorting by `-last_seen` gave). A heap of (rank, entity) with stale
    entries skipped when they come to the top: no sort at every lookup."""

    def __init__(self) -> None:
        self._rank: dict[Entity, tuple[int, int]] = {}
        self._heap: list[tuple[tuple[int, int], int, Entity]] = []

    def put(self, entity: Entity, rank: tuple[int, int]) -> None:
        """Add the entity, or move it to its new rank."""
        self._rank[entity] = rank
        heapq.heappush(self._heap, (rank, next(_ORDER), entity))

    def discard(self, entity: Entity) -> None:
        self._rank.pop(entity, None)

    def first(self, *, seen: bool = False) -> Entity | None:
        """The most recently seen, else (unless `seen`) the first met."""
        heap = self._heap
        while heap and self._rank.get(heap[0][2]) != heap[0][0]:
            heapq.heappop(heap)  # removed, or moved up since
        if not heap or (seen and heap[0][0][0] != 0):
            return None
        return heap[0][2]

    def firsts(self, count: int, *, seen: bool = False) -> list[Entity]:
        """Up to `count` entities in the order `first` gives them."""
        taken: list[tuple[tuple[int, int], int, Entity]] = []
        while len(taken) < count and self.first(seen=seen) is not None:
            taken.append(heapq.heappop(self._heap))
        for item in taken:
            heapq.heappush(self._heap, item)
        return [entity for _, _, entity in taken]


class People:
    """The entities of one article, in the order the article met them.

    Lookups ("he", "the official", "Mr Boichenko") want the most recently
    seen entity of some kind. Each kind of lookup has its own index, kept in
    that order, so that a lookup costs the same in an article of ten people
    as in one of ten thousand (sorting every entity at every lookup made
    an article of many speakers quadratic).
    """

    def __init__(self) -> None:
        self.entities: list[Entity] = []
        self.paragraph = 0  # the paragraph being read
        self._clock = 0
        self._met: dict[Entity, int] = {}
        self._indexes: dict[tuple[object, ...], _Recency] = {}
        self._index_keys: dict[Entity, frozenset[tuple[object, ...]]] = {}
        # Lookups by name, latest met first (names of these do not change).
        self._orgs_by_surname: dict[str, list[Entity]] = {}
        # The first words of an organisation's name: "big machine" for "big
        # machine label group".
        self._orgs_by_start: dict[str, list[Entity]] = {}
        self._orgs_by_name: dict[str, list[Entity]] = {}
        # By the initials of their names: "FOMC" for "the Federal Open Market
        # Committee", "WHO" for "the World Health Organization".
        self._orgs_by_initials: dict[str, list[Entity]] = {}
        self._described_by_name: dict[str, list[Entity]] = {}

    def tick(self) -> int:
        self._clock += 1
        return self._clock

    # -- resolving phrases -----------------------------------------------------

    def resolve(self, text: str, *, role: str | None = None, speaking: bool = True,
                salient: bool = True) -> Entity | None:
        """The entity a phrase names (created if new), marked as seen now."""
        text = _tidy(text)
        if not text:
            return None
        lower = text.lower()
        if lower in HONORIFICS or lower + "." in HONORIFICS or lower in _DATE_WORDS:
            return None  # "Dr" cut from "Dr. Shadlen", "April": no one
        if "." in lower and (lower if lower.endswith(".") else lower + ".") in (
                _STATE_ABBREVIATIONS):
            return None  # "in Linden, N.J.": a place
        if _PARTICIPLE_OPENING.match(text):
            return None  # "Fearing negative publicity, …": what someone did, not who
        if lower in PRONOUNS:
            entity = self.pronoun(lower)
        else:
            parsed = _parse(text)
            if (_WHEN.sub("", parsed.text.lower()).rstrip(".") in _DATE_WORDS
                    or _a_holiday(parsed)):
                # "In April, he won", "Last August, the UN fired …": a month;
                # "on Labor Day weekend"
                return None
            if parsed.role in _OF_A_FAMILY and parsed.determiner and len(parsed.name) == 1:
                entity = self._of_a_family(parsed.name[0], elder=parsed.role == "elder")
            elif parsed.name:
                entity = self._named(parsed, role)
            else:
                entity = self._described(parsed, role)
        if entity is None:
            return None
        entity = entity.live
        if salient or speaking:
            self._saw(entity)
        if speaking and not entity.spoke:
            entity.spoke = True
            self._reindex(entity)
        return entity

    def pronoun(self, word: str) -> Entity | None:
        gender, number = PRONOUNS[word]
        if number == "one":
            keys = [("kind", "person", gender), ("kind", "person", None)] if gender else [
                ("person",)]
            # Someone: not "Such vulnerabilities" that "may suggest" something.
            entity = self._recent(keys, _someone)
            if gender and entity is not None and entity.gender is None and entity.described:
                # "he" means the man named in this paragraph or the last, not
                # "an unnamed source" seen since, who may be anyone.
                known = self._latest([("kind", "person", gender)], seen=True)
                if known is not None and known.named_gender and (
                        known.seen_in >= self.paragraph - _SHE_LOOKBACK):
                    entity = known
            if entity is not None and gender and entity.gender is None:
                entity.gender = gender
                self._reindex(entity)
            return entity
        if number == "many":
            return self._latest([("kind", kind, None) for kind in ("group", "org", "name")],
                                seen=True)
        if number == "it":
            return self._latest([("kind", kind, None) for kind in ("org", "name")], seen=True)
        return None

    def _named(self, parsed: _Parsed, role: str | None) -> Entity:
        name_tokens = parsed.name
        # "Patrick Carlineo Jr." and "James Kennedy Jr." are Carlineo and Kennedy.
        last = next((w for w in reversed(name_tokens)
                     if w.lower().rstrip(".,") not in _GENERATIONS), name_tokens[-1])
        surname = _POSSESSIVE.sub("", last).lower().rstrip(".,")
        given = name_tokens[0].lower() if len(name_tokens) > 1 and name_tokens[0] != last else None
        role = role or parsed.role
        org = _is_org(name_tokens) or _names_an_institution(role)
        if org:
            key = " ".join(name_tokens).lower()
            found = _latest_met(self._orgs_by_surname.get(key, ())) or self._by_initials(
                name_tokens)
            if found is not None:
                return found
            # "the Federal Reserve" as written; "plans for a new Air Force One" is
            # Air Force One, with words about it before.
            display = _display(parsed.text) if not parsed.role else " ".join(name_tokens)
            return self._add(Entity(display, "org", role=role, surname=key,
                                    head=surname, words=_words(display)))
        match = self._by_surname(surname, given)
        if match is None and given and not parsed.honorific:
            # "Linda Black Elk", then "Black Elk": a surname of two words
            same = self._latest([("surname", surname)])
            tail = " " + " ".join(name_tokens).lower()
            if same is not None and same.name.lower().endswith(tail) and (
                    is_given_name(same.name.lower().removesuffix(tail))):
                match = same
        if match is None and not parsed.honorific and not role and not is_given_name(
                name_tokens[0].lower()):
            # "Big Machine Label Group", then "Big Machine": the organisation.
            shortened = _latest_met(self._orgs_by_start.get(" ".join(name_tokens).lower(), ()))
            if shortened is not None:
                return shortened
        if match is not None:
            before = _indexed(match)
            if len(name_tokens) > len(match.name.split()) and not match.described and (
                    parsed.honorific is None or given):
                match.name = " ".join(name_tokens)
                match.given = given
            elif " ".join(name_tokens) == match.name + ".":
                match.name += "."  # "Karl Benn Jr" seen in passing, then "Karl Benn Jr."
            if role and not match.role:
                match.role = role
                match.words |= _words(role)
            if match.kind == "name" and (parsed.honorific or given or role) and not _is_place(
                    name_tokens):
                match.kind = "person"
            if match.gender is None or not match.named_gender:
                named = _gender(parsed.honorific, given, role)
                if named is not None:
                    match.gender, match.named_gender = named, True
            if _indexed(match) != before:
                self._reindex(match)
            return match
        if parsed.honorific and not given:
            display = f"{parsed.honorific} {' '.join(name_tokens)}"
        else:
            display = " ".join(name_tokens)
        gender = _gender(parsed.honorific, given, role)
        # "Joe Park" with a known given name, or "Captain … Park", is someone;
        # "Hyde Park" a place.
        is_person = bool(given or parsed.honorific or role or gender) and (
            not _is_place(name_tokens) or gender is not None or bool(parsed.honorific or role))
        return self._add(Entity(display, "person" if is_person else "name", role=role,
                                gender=gender, named_gender=gender is not None,
                                surname=surname, given=given,
                                words=_words(role or "") | _words(parsed.honorific or "")))

    def _by_surname(self, surname: str, given: str | None) -> Entity | None:
        """The person of that surname seen last whose given name, if both
        have one, is the same or an initial of it."""
        if not given:
            keys: list[tuple[object, ...]] = [("surname", surname)]
            found = self._latest(keys)
            if found is not None:
                return found
            # A name whose family name comes first ("Liu Xiaming ... Liu
            # said"), or a person the story calls by a given name; not one
            # it gave a title ("Defence Minister Israel Katz", then "Israel
            # said": the country).
            first = self._latest([("first", surname)])
            return first if first is not None and not first.role else None
        elif len(given) <= 2:  # an initial matches any given name it starts
            keys = [("given", surname, None), ("initial", surname, given[0])]
        else:  # a given name matches itself and initials
            keys = [("given", surname, None), ("given", surname, given),
                    ("short", surname, given[0])]
        return self._latest(keys)

    def _of_a_family(self, word: str, *, elder: bool) -> Entity | None:
        """"The elder Soros", "the younger Soros": of the people of that
        surname, the one met first (a parent is named before a child:
        "George and Alexander Soros") or last."""
        surname = _POSSESSIVE.sub("", word).lower().rstrip(".,")
        family = [entity for entity in self._met  # in the order they were met
                  if entity.kind == "person" and entity.surname == surname]
        return (family[0] if elder else family[-1]) if family else None

    def _described(self, parsed: _Parsed, role: str | None) -> Entity | None:
        text = parsed.text
        head = head_word(text)
        if not head or (head in DOCUMENT_NOUNS and head in text.split()):
            # "a statement from X" is X's, never a speaker itself (but "the
            # Washington Post" is a name).
            return None
        plural = head in PLURAL_NOUNS or _counted(text) or (
            # "the chairmen", "the congressmen": men of a role
            head.endswith("men") and is_person_noun(head[:-3] + "man"))
        if parsed.institution:
            found = _latest_met(self._orgs_by_name.get(_key(text), ())) or self._by_initials(
                text.split()[1:])
            if found is not None:
                return found
            return self._add(Entity(_display(text), "org", head=head, words=_words(text),
                                    definite=True, described=True))
        anaphor = parsed.determiner in ("the", "this", "that") and _anaphoric(text)
        if anaphor:
            antecedent = self._antecedent(head, plural, bare=len(text.split()) == 2)
            if antecedent is not None:
                return antecedent
        # "the 27-year-old", "the Briton", "the singer": whoever the story is
        # about (what they do is rarely said of them first); also "actor" alone,
        # as "the “Pose” actor" reads with its title masked.
        what_they_do = head in _WHAT_THEY_DO and not plural
        body = head in ORG_NOUNS and not is_person_noun(head)  # "the Trump campaign"
        if (anaphor and ((_PERSON_ANAPHOR.match(text) and not body) or what_they_do)) or (
                text.lower() in _WHAT_THEY_DO):
            # "The singer" is not someone the story gave a title already ("the
            # chief financial officer").
            person = self._recent([("person",)], lambda p: not (what_they_do and _titled(p)))
            if person is not None:
                return person
        found = _latest_met(self._described_by_name.get(_key(text), ()))
        if found is not None:
            return found
        if head in ORG_NOUNS and not is_person_noun(head):
            kind = "org"
        elif plural:
            kind = "group"
        elif parsed.determiner is None and all(w[:1].isupper() for w in text.split()) and (
                not is_person_noun(head)):
            kind = "name"  # "La La Land": the name of something, not whom "he" means
        else:
            kind = "person"
        display = _display(text)
        definite = parsed.determiner in ("the", "this", "that") or bool(
            re.search(r"\w[’']s\b", text))
        gender = _gender(None, None, text)
        return self._add(Entity(display, kind, role=role, gender=gender,
                                named_gender=gender is not None,
                                head=head, words=_words(text) | _words(role or ""),
                                definite=definite, described=True))

    def _antecedent(self, head: str, plural: bool, *, bare: bool) -> Entity | None:
        """The entity seen last that is a group when the head is plural, an
        institution when the head is one, and has the head among its words."""
        forms = {head, head.rstrip("s"), head + "s"}
        institution = head in ORG_NOUNS and not is_person_noun(head)
        # "the ministry" is not its spokesman
        found = self._latest([("word", form, plural, institution) for form in forms])
        if found is not None:
            return found
        if bare and head in _COLLECTIVE_ORGS:  # "the company": the one just named
            return self._body(head, forms)
        return None

    def _body(self, head: str, forms: set[str]) -> Entity | None:
        """Which organisation "the company", "the regulator" or "the union"
        means: the one last seen that can be one."""
        business = head in _BUSINESSES
        keys: list[tuple[object, ...]] = [("spoke",), ("kind", "org", None)]
        if business:
            keys.append(("kind", "name", None))  # "Harbour Air declined …", then "the airline"
        found = self._latest(keys, seen=True) or self._latest([("spoke",)])
        if found is None or forms & _words(found.name):
            return found
        if found.described and not _PROPER_NAME.search(found.name):
            return None  # "the airline" is not "the navy" that spoke before it
        if head in _NAMED_BY_KIND:
            return None  # "the union" is not the Transport Ministry that spoke before
        if found.kind == "name" and not business:
            return None  # "Apple" may be "the company", but "Lorenz" is no ministry
        if business and found.head in _PUBLIC_BODIES:
            return None  # nor is "the company" the Justice Department
        if business and head not in ("newspaper", "broadcaster") and _PUBLICATION.search(
                found.name):
            return None  # nor the Chicago Tribune that reported on it
        return found

    def is_someone(self, entity: Entity) -> None:
        """The name is a person's ("“Perry” chimed in"), whom "he" can mean."""
        if entity.kind == "name":
            entity.kind = "person"
            self._reindex(entity)

    def someone(self) -> Entity | None:
        """Whom a singular "they" means: of the people seen last, the one
        the text describes and does not name ("the ex-partner", "a former
        employee"), if any."""
        recent = self._indexes.get(("person",))
        candidates = recent.firsts(_PRONOUN_LOOKBACK, seen=True) if recent else []
        return next((entity for entity in candidates if entity.described), None)

    def wrote(self, entity: Entity, document: str) -> None:
        """`entity` wrote the `document` just cited ("a report from the World
        Bank"): "the report" is theirs until another is cited."""
        entity.words.add(document)
        self._reindex(entity)

    def author(self, document: str) -> Entity | None:
        """Whose "the statement" or "the post" it is: whoever was said to
        have written one, else the institution that spoke or was seen last,
        else the person."""
        writer = self._latest([("word", document, group, institution)
                               for group in (False, True) for institution in (False, True)])
        if writer is not None:
            return writer
        return self._latest([("spoke",), ("kind", "org", None)], seen=True) or self._latest(
            [("person",)], seen=True)

    # -- the indexes -----------------------------------------------------------

    def _add(self, entity: Entity) -> Entity:
        self._met[entity] = len(self.entities)
        self.entities.append(entity)
        if entity.kind == "org":
            self._orgs_by_name.setdefault(_key(entity.name), []).append(entity)
            if entity.surname is not None:
                self._orgs_by_surname.setdefault(entity.surname, []).append(entity)
                words = entity.surname.split()
                for end in range(1, len(words)):
                    self._orgs_by_start.setdefault(" ".join(words[:end]), []).append(entity)
            initials = _initials(entity.name)
            if initials:
                self._orgs_by_initials.setdefault(initials, []).append(entity)
        if entity.described:
            self._described_by_name.setdefault(_key(entity.name), []).append(entity)
        self._reindex(entity)
        return entity

    def _by_initials(self, words: Sequence[str]) -> Entity | None:
        """The organisation an acronym stands for, if one was named in full."""
        if len(words) != 1 or not _ACRONYM_LETTERS.fullmatch(words[0]):
            return None
        return _latest_met(self._orgs_by_initials.get(words[0], ()))

    def _reindex(self, entity: Entity) -> None:
        """Put the entity in the indexes its kind, names and words call for."""
        keys = _index_keys(entity)
        old = self._index_keys.get(entity, frozenset())
        for key in old - keys:
            self._indexes[key].discard(entity)
        rank = self._rank(entity)
        for key in keys - old:
            self._indexes.setdefault(key, _Recency()).put(entity, rank)
        self._index_keys[entity] = keys

    def _saw(self, entity: Entity) -> None:
        entity.last_seen = self.tick()
        entity.seen_in = self.paragraph
        rank = self._rank(entity)
        for key in self._index_keys[entity]:
            self._indexes[key].put(entity, rank)

    def _recent(self, keys: list[tuple[object, ...]],
                fits: Callable[[Entity], bool]) -> Entity | None:
        """The most recently seen that fits of the last few entities seen in
        any of these indexes (as far back as a "he" is tried)."""
        candidates = sorted((entity for key in keys if key in self._indexes
                             for entity in self._indexes[key].firsts(_PRONOUN_LOOKBACK,
                                                                     seen=True)),
                            key=self._rank)
        return next((entity for entity in candidates if fits(entity)), None)

    def _latest(self, keys: list[tuple[object, ...]], *, seen: bool = False) -> Entity | None:
        """The first, in recency order, of the entities in any of these indexes."""
        firsts = [entity for entity in (self._indexes[key].first(seen=seen)
                                        for key in keys if key in self._indexes)
                  if entity is not None]
        return min(firsts, key=self._rank, default=None)

    def _rank(self, entity: Entity) -> tuple[int, int]:
        if entity.last_seen >= 0:
            return 0, -entity.last_seen
        return 1, self._met[entity]

    # -- what other modules learn ----------------------------------------------

    def mention(self, text: str, role: str | None = None) -> Entity | None:
        """A named person seen in passing ("Turkish president Recep Tayyip
        Erdogan spoke to ..."): known for later references, not a speaker."""
        return self.resolve(text, role=role, speaking=False, salient=False)

    def recall(self, word: str, *, person: bool = False) -> Entity | None:
        """A known surname opening a sentence ("Rooke defended ..."): that
        person is now the one a later "he" or "she" most likely means.
        With `person`, only someone known to be a person."""
        surname = _POSSESSIVE.sub("", word.strip(" “\"‘'")).lower()
        entity = self._latest([("surname", surname)])
        if entity is None or (person and entity.kind != "person"):
            return None
        self._saw(entity)
        return entity

    def adopt_role(self, named: Entity, description: Entity) -> None:
        """"Ukraine's foreign minister said ..." then "said Dmytro Kuleba":
        the description was the named person all along."""
        if named is description or named.role or not description.described:
            return
        named.role = re.sub(r"^(?:the|a|an)\s+", "", description.name)
        named.words |= description.words
        named.gender = named.gender or description.gender
        description.merged_into = named
        self._reindex(named)
        self._reindex(description)


def _index_keys(entity: Entity) -> frozenset[tuple[object, ...]]:
    """The indexes an entity belongs in: none once merged into another."""
    if entity.merged_into is not None:
        return frozenset()
    kind = entity.kind
    keys: set[tuple[object, ...]] = {("kind", kind, entity.gender if kind == "person" else None)}
    if kind == "person":
        keys.add(("person",))
    institution = kind in ("org", "name")
    keys.update(("word", word, kind == "group", institution) for word in entity.words)
    if institution and entity.spoke:
        keys.add(("spoke",))
    if kind in ("person", "name") and entity.surname is not None:
        surname, given = entity.surname, entity.given
        keys.add(("surname", surname))
        if given and entity.kind == "person":
            keys.add(("first", given))
        if not given:
            keys.add(("given", surname, None))
        else:
            keys.update((("given", surname, given), ("initial", surname, given[0])))
            if len(given) <= 2:
                keys.add(("short", surname, given[0]))
    return frozenset(keys)


def _indexed(entity: Entity) -> tuple[object, ...]:
    """What the indexes depend on, to tell whether an entity must move."""
    return entity.kind, entity.gender, entity.given, len(entity.words), entity.spoke


# Words that make two capitalised words a place, not a given name and a
# surname: "Green Bay", "New Orleans", "Fort Worth", "Hong Kong Island".
_PLACE_FIRST = frozenset("new los las san santa saint st st. fort port mount lake north "
                         "south east west upper lower united".split())
_PLACE_LAST = frozenset("bay city county island islands valley beach park street avenue "
                        "river lake mountains coast heights springs falls harbor harbour "
                        "bridge square field stadium arena".split())


def _is_place(name_tokens: Sequence[str]) -> bool:
    return len(name_tokens) >= 2 and (name_tokens[0].lower() in _PLACE_FIRST
                                      or name_tokens[-1].lower() in _PLACE_LAST)


def _latest_met(entities: Sequence[Entity]) -> Entity | None:
    """The last met of these that has not been merged into another."""
    return next((e for e in reversed(entities) if e.merged_into is None), None)


def _tidy(text: str) -> str:
    text = text.strip(" ,;:—–-\u00a0")
    if text.endswith(".") and not _ABBREVIATED.search(text):
        text = text.rstrip(".")  # a sentence's full stop, not "Jr." or "Co."
    text = re.sub(r"\s+", " ", text)
    return text


_ABBREVIATED = re.compile(r"\b(?:Jr|Sr|Inc|Co|Corp|Ltd|Bros)\.$")


def _parse(text: str, *, places: bool = True) -> _Parsed:
    words = text.split()
    while len(words) > 1 and (words[0].lower() in OPENING_PREPOSITIONS
                              or words[0].lower() in _OPENING_CONJUNCTIONS):
        # "In New Jersey" opening a sentence: the place, not a person;
        # "Though Trump's inauguration": Trump.
        words.pop(0)
        text = " ".join(words)
    named = _named_before_place(words) if places else None
    if named is not None:
        return named
    if words and words[-1][:1].isupper() and _POSSESSIVE.search(words[-1]):
        words[-1] = _POSSESSIVE.sub("", words[-1])  # "Sofia Brandt's" names Brandt
        text = " ".join(words)
    determiner = words[0].lower() if words and words[0].lower() in (
        "the", "a", "an", "this", "that", "these", "those") else None
    run: list[str] = []
    for k in range(len(words) - 1, -1, -1):
        bare = words[k].rstrip(",")
        if _is_name_word(bare) or (run and bare.lower() in NAME_PARTICLES) or (
                run and re.fullmatch(r"[A-Z]\.", bare)) or (
                # "the Food and Drug Administration": one institution's name
                run and bare == "and" and run[-1].lower() in ORG_NOUNS and k > 0
                and _is_name_word(words[k - 1])):
            run.insert(0, bare)
            continue
        break
    if len(run) >= 3 and run[0].lower() == run[1].lower():
        run = []  # "La La Land", "Duran Duran …": a title or a band, not a person
    while run and ((len(run) > 1 and run[0].lower() in NAME_PARTICLES and not run[0].isupper())
                   or run[0].lower() in NUMBER_WORDS):
        # "Two United States service members": a count, not a given name
        # ("LA Times": capitals are an abbreviation, not a particle; "Della"
        # alone is a surname).
        run.pop(0)
    titled = _titled_office(words, run)
    if titled:
        run = titled  # "Secretary of State Antony Blinken": Antony Blinken
    elif run and len(words) > len(run) and words[-len(run) - 1].lower() in _LINK_WORDS and not any(
            word.lower().rstrip(".") in TITLE_WORDS for word in run[:-1]) and not (
            len(words) > len(run) + 1 and words[-len(run) - 1].lower() == "of"
            and words[-len(run) - 2].lower() in _PLACES_OF_SOMEONE):
        # "the mayor of Irpin" describes; Irpin is not the speaker. But in
        # "Federal Reserve Bank of Kansas City President Thomas M. Hoenig" a
        # title inside the run says where the name starts.
        run = []
    if len(run) == 1 and _common_noun(run[0]) and (run[0] == words[0]
                                                    or run[0].lower() in PLURAL_NOUNS):
        run = []  # "Officials said", "Police said", "other Democrats": a description
    if run and determiner in ("a", "an") and len(words) - len(run) <= 3:
        run = []  # "a Democrat", "an American official": a description
    honorific = None
    cut = -1
    for k, word in enumerate(run):
        lower = word.lower().rstrip(".")
        if lower in _POLICE_RANKS and not word.isupper():
            continue  # "DI Jane Hart" is a rank, "Angel Di Maria" a name
        if run[k + 1:] and all(w.lower().rstrip(".,") in _GENERATIONS for w in run[k + 1:]):
            break  # "Martin Luther King Jr.": no name follows "King"
        if (lower in TITLE_WORDS or lower + "." in HONORIFICS or lower in HONORIFICS) and not (
                run[k + 1:] and all(w.lower() in ORG_NOUNS for w in run[k + 1:])):
            cut = k  # (not "Justice" in "the Justice Department": an institution's name)
    if cut < 0 and len(run) >= 3 and _role_word(run[0]):
        cut = 0  # "Engineer Dana Pirelli", "Co-author Jun Park"
    if cut >= 0:
        lower = run[cut].lower()
        if lower in HONORIFICS or lower + "." in HONORIFICS:
            honorific = run[cut].rstrip(".")
    name = run[cut + 1:]
    if name and cut < 0 and len(words) == len(run) + 1 and determiner == "the":
        if len(run) == 1 and _DEMONYM.search(run[0]) and run[0].lower() not in _NOT_DEMONYMS:
            return _Parsed([], None, None, determiner, text)  # "the Briton": a person
        # "the United Nations", "the White House": an institution's name.
        return _Parsed([], None, None, determiner, text, institution=True)
    # Any words before the name (and titles inside the run) are the role.
    prefix_count = len(words) - len(run) + cut + 1
    role_words = words[:prefix_count]
    if honorific and role_words and role_words[-1].rstrip(".") == honorific:
        role_words = role_words[:-1]
    role = " ".join(role_words).strip(" ,") or None
    if role:
        # ("His City team-mate": whose he is goes without saying in a role.)
        role = re.sub(r"^(?:the|a|an|his|her|their|its|The|A|An|His|Her|Their|Its)\s+", "",
                      role) or None
    role = role and _after_whose_place(role_before_clause(role))
    if role and all(re.fullmatch(r"\d+-year-old", word) or word.lower() in SPEECH_VERBS
                    for word in role.split()):
        role = None  # "(wrote) 43-year-old Martin Taylor": an age, not what he is
    if name and all(w.lower() in NOT_A_NAME for w in name):
        name = []
    return _Parsed(name, role if name else None, honorific, determiner, text)


def _named_before_place(words: list[str]) -> _Parsed | None:
    """A person named before where they are from or work: "senator Mitch
    McConnell of Kentucky", "Joost van Hoof of the Netherlands’ Fontys
    University" (not "the Federal Reserve Bank of Dallas", an institution's
    name, nor "the mayor of Irpin", who names no one)."""
    for k in range(2, len(words) - 1):
        if words[k].lower() in _LINK_WORDS:
            before = _parse(" ".join(words[:k]), places=False)
            if len(before.name) >= 2 and not _is_org(before.name):
                return before
    return None


_GENERATIONS = frozenset(("jr", "sr", "ii", "iii", "iv"))
_PEOPLE_TOO = frozenset(("house", "guard", "team"))  # org nouns that head a person's role


def _after_whose_place(role: str | None) -> str | None:
    """"demonstration at the home of Verizon CIO", "release from Liberal
    critic" before a name: what they are comes after whose home or whose
    release it is."""
    if role is None:
        return None
    words = role.split()
    for k in range(len(words) - 2, -1, -1):
        word, link = words[k].lower(), words[k + 1].lower()
        if (word in _PLACES_OF_SOMEONE and link == "of") or (
                word in _WRITINGS and link in ("from", "by")):
            return " ".join(words[k + 2:]) or None
    return role


_WRITINGS = DOCUMENT_NOUNS | frozenset("report remarks comments words rhetoric".split())


def _initials(name: str) -> str:
    """"FOMC" for "the Federal Open Market Committee", if two or more."""
    letters = "".join(word[0] for word in name.split()
                      if word[0].isupper() and word.lower() not in _INITIALS_SKIPPED)
    return letters if len(letters) >= 2 and letters != name else ""


_INITIALS_SKIPPED = frozenset(("the", "of", "and", "for", "on", "in", "&"))
_ACRONYM_LETTERS = re.compile(r"[A-Z]{2,6}")


def _common_noun(word: str) -> bool:
    """A capitalised word that is still a common noun ("Officials", "Police").
    Only the word lists count here: by suffix "Lindqvist" would be a role."""
    lower = word.lower()
    return lower in PERSON_NOUNS or lower in ORG_NOUNS or lower in PLURAL_NOUNS


def _titled_office(words: list[str], run: list[str]) -> list[str]:
    """The name after a capitalised office with "of" or "for" in it:
    "Secretary of State Antony Blinken", "Mayor of London Sadiq Khan" (not
    "the mayor of Irpin", who names no one). It starts at a first name, or
    else is the run's last two words. Empty if the words are not that."""
    if (len(run) < 3 or len(words) < len(run) + 2
            or words[0].lower().rstrip(".") not in TITLE_WORDS
            or not any(word.lower() in ("of", "for") for word in words[1:-len(run)])):
        return []
    given = [k for k in range(1, len(run) - 1) if is_given_name(run[k])]
    if given:
        return run[given[0]:]
    # ("Head of Public Health England" names a body's head, not a person.)
    last_two = run[-2:]
    if words[0].lower() == "head" or _is_org(last_two) or _is_place(last_two):
        return []
    return last_two


def _role_word(word: str) -> bool:
    """A capitalised first word that says what someone is: "Commuter Priya
    Shah", "Pensioner Jo Bell" (not a given name such as Peter)."""
    lower = word.lower()
    if is_given_name(lower):
        return False
    last = lower.rsplit("-", 1)[-1]  # "Singer-guitarists Tom Johnston"
    return _common_noun(word) or any(
        len(w) > 5 and w.endswith(_ROLE_ENDINGS) for w in (lower, last, last.removesuffix("s")))


_I_CONTRACTED = re.compile(r"I[’'][a-z]+$")


# Police ranks, written in capitals ("DI Jane Hart", "PC Tom Bell"); "Di"
# is part of a name ("Angel Di Maria").
_POLICE_RANKS = frozenset("di ds dc pc dci dsi".split())


def _is_name_word(word: str) -> bool:
    if not word or not word[0].isupper() or _POSSESSIVE.search(word) or _I_CONTRACTED.match(word):
        return False  # "Sofia's", "I’d"
    lower = word.lower().rstrip(".")
    return lower in HONORIFICS or lower not in NOT_A_NAME


def _names_an_institution(role: str | None) -> bool:
    """"SBM Intel, a Lagos intelligence firm": a description that is one
    noun phrase headed by an institution's noun ("a senior scientist with
    the Center for …" and "University of Miami weather expert" are people's)."""
    words = (role or "").lower().split()
    return bool(words) and words[-1] in ORG_NOUNS and words[-1] not in _PEOPLE_TOO and not (
        _LINK_WORDS & set(words))


def _is_org(name_tokens: list[str]) -> bool:
    if any(w.lower().strip(".") in _ORG_NAME_WORDS for w in name_tokens):
        return True
    return len(name_tokens) == 1 and bool(_ACRONYM.match(name_tokens[0]))


def is_guess(phrase: str, entity: Entity) -> bool:
    """Whether `entity`, resolved from `phrase`, is a guess: a "he" or "she"
    given to someone whose name or title does not say which (recency alone)."""
    gender, number = PRONOUNS.get(_tidy(phrase).lower(), (None, None))
    return number == "one" and gender is not None and not entity.named_gender


def _titled(entity: Entity) -> bool:
    """Whether the story called `entity` by a title ("the chief financial
    officer", "Mayor Hart")."""
    called = {entity.head.lower()} if entity.described else set()
    if entity.role:
        called.add(head_word(entity.role))
    return bool(called & TITLE_WORDS)


def _someone(entity: Entity) -> bool:
    """Whether "he" or "she" can mean the entity: a person named, or
    described by a word for a person ("the pastor", "a witness")."""
    head = entity.head.lower()
    return not entity.described or not head or (
        is_person_noun(head) or head in GENDERED_NOUNS or head in TITLE_WORDS
        or head.endswith(_ROLE_ENDINGS) or head in _WHAT_THEY_DO)


def _same_given(a: str, b: str) -> bool:
    return a == b or (len(a) <= 2 and b.startswith(a[0])) or (len(b) <= 2 and a.startswith(b[0]))


def _gender(honorific: str | None, given: str | None, role: str | None) -> str | None:
    if honorific:
        gender = HONORIFICS.get(honorific.lower()) or HONORIFICS.get(honorific.lower() + ".")
        if gender:
            return gender
    if given:
        if given in FEMALE_NAMES and given not in MALE_NAMES:
            return "f"
        if given in MALE_NAMES and given not in FEMALE_NAMES:
            return "m"
    for word in re.findall(r"\w+", (role or "").lower()):
        if word in GENDERED_NOUNS:
            return GENDERED_NOUNS[word]
    return None


def _words(text: str) -> set[str]:
    """The words of a role or description, a title cut short ("Gov.") with
    the words the story may call its holder later ("the governor")."""
    words = {_POSSESSIVE.sub("", w) for w in re.findall(r"[\w’'\-]+", text.lower())}
    for word in words & TITLES_CUT_SHORT.keys():
        words |= TITLES_CUT_SHORT[word]
    return words


def _key(text: str) -> str:
    return re.sub(r"^(?:the|a|an)\s+", "", text.lower()).strip()


def _display(text: str) -> str:
    """A description as written mid-sentence: "The mayor of Irpin" -> "the mayor ..."."""
    first, _, rest = text.partition(" ")
    lowered = (_LEADING_DETERMINER.match(first) or first.lower() in NUMBER_WORDS
               or first.lower() in _QUANTITY_WORDS
               or (_common_noun(first) and first[1:].islower()
                   and not re.match(r"(?:of|for) (?:the )?[A-Z]", rest)))  # "Bank of England"
    if lowered and not (len(first) > 1 and first.isupper()):
        return (first.lower() + " " + rest).strip()
    return text


def _anaphoric(text: str) -> bool:
    """"the official", "the senior official", "the 27-year-old": short enough
    to point back; "the national hydrology agency" introduces someone."""
    words = text.split()
    return len(words) <= 3 and not any(w.lower() in _LINK_WORDS for w in words)


def _counted(text: str) -> bool:
    first = text.split()[0].lower() if text.split() else ""
    return (first in NUMBER_WORDS and first != "one") or first in ("some", "many", "several",
                                                                  "both", "most", "other")

