"""The article's themes: passages of paragraphs about one thing, named in
the article's own words; and the topics of the whole story, as tags.

Sections follow the article. Where it has crossheads, they are its themes
and their words name them. Otherwise a theme ends where the words change:
the vocabulary of the paragraphs before a gap is compared with that of the
paragraphs after it (lexical cohesion, as TextTiling does), and the
deepest dips, a few paragraphs apart at least, are where new themes start;
a short article is one theme. Each theme without a crosshead is named by
the phrase that is most its own: frequent in it, rare in the others, a
name counting more than a common word.

Topics (politics, courts, science, ...) are counted from keyword lists
over the whole story: they make good tags and poor section titles ("Politics"
for every passage of an election story), so they are used only as tags.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from itertools import pairwise

from briefing.ingest.lexicon import is_given_name, is_person_noun
from briefing.model import MAX_SECTIONS as FORMAT_SECTIONS

MAX_SECTIONS = 5
MIN_PARAGRAPHS = 3  # in a theme found from the words (crossheads may make shorter ones)
PARAGRAPHS_PER_THEME = 4  # about, in an article without crossheads
LONG_PASSAGE = 12  # paragraphs between crossheads that are divided further
WINDOW = 3  # paragraphs compared either side of a gap
MAX_TITLE_WORDS = 4
MAX_WORD = 30  # characters: a longer "word" names nothing
MAX_TITLE_CHARS = 80
MAX_TOPICS = 3
MIN_SHARE = 0.2  # of the leading topic's keyword count, to be a tag at all


@dataclass(frozen=True)
class Theme:
    """Keywords: whole words, prefixes (`negotiat*`) and two-word phrases
    (`foreign_minister*`), matched on lowercase words."""

    id: str
    title: str
    words: frozenset[str]
    prefixes: tuple[str, ...]
    pairs: frozenset[str]
    pair_prefixes: tuple[str, ...]

    def count(self, words: list[str], pairs: list[str]) -> int:
        hits = sum(1 for w in words if w in self.words or w.startswith(self.prefixes))
        if self.pairs or self.pair_prefixes:
            hits += sum(1 for p in pairs if p in self.pairs or p.startswith(self.pair_prefixes))
        return hits


def _theme(id_: str, title: str, spec: str) -> Theme:
    words, prefixes, pairs, pair_prefixes = set(), [], set(), []
    for item in spec.split():
        two = "_" in item
        item = item.replace("_", " ")
        if item.endswith("*"):
            (pair_prefixes if two else prefixes).append(item[:-1])
        else:
            (pairs if two else words).add(item)
    return Theme(id_, title, frozenset(words), tuple(prefixes), frozenset(pairs),
                 tuple(pair_prefixes))


THEMES: tuple[Theme, ...] = (
    _theme("negotiations", "Negotiations", """
        talks negotiat* ceasefire* truce peace diplomat* diplomacy summit* compromis* mediat*
        envoy* sanction* treaty agreement* foreign_minister* foreign_secretary dialogue
        neutral* settlement concession* accord* breakthrough* delegation* ultimatum
        de-escalat* withdrawal* annex* territorial sovereignty"""),
    _theme("humanitarian", "Humanitarian", """
        civilian* evacuat* refugee* humanitarian aid food water medical medicine* hospital*
        shelter* displaced trapped corridor* casualt* wounded injured homeless famine
        hunger red_cross catastrophe* besieged siege* supplies rubble killed dead death*
        bodies children families"""),
    _theme("military", "Military", """
        troop* soldier* army armies military missile* rocket* drone* shelling shelled
        artillery attack* offensive counteroffensive counterattack* airstrike* air_strike*
        strikes tank* front_line* frontline fighting battle* weapon* ammunition invasion
        invade* armoured armored combat warplane* jets bomb* forces recaptur* captur*
        advance* retreat* positions defence_ministry defense_ministry brigade* battalion*
        war warfare"""),
    _theme("politics", "Politics", """
        election* vote* voter* ballot* party parties parliament* lawmaker* legislat* senat*
        congress* campaign* opposition poll* coalition bill cabinet referendum mp mps
        democrat* republican* conservative* labour liberal* constituen* mandate reform*
        confidence budget* chamber* minority majority"""),
    _theme("economy", "Markets and economy", """
        market* share* stock* index indices investor* price* inflation interest_rate* rate
        rates bank* central_bank economy econom* growth gdp currency currencies dollar*
        euro* yen sterling bond* yield* oil trade* tariff* earnings profit* revenue* sales
        percent per_cent basis_points recession forecast* fiscal budget* debt* deficit
        spending consumer* wage* unemployment jobs"""),
    _theme("business", "Business", """
        company companies firm* chief_executive ceo merger* acquisition* deal* layoff*
        employee* staff workers union* shareholder* board* takeover* start-up* startup*
        brand* customer* product* factory factories supplier* contract*"""),
    _theme("courts", "Courts", """
        court* judge* jury jurors trial* verdict* sentenc* prosecut* defence_lawyer*
        defense_attorney* attorney* lawyer* charged charge charges guilty appeal* ruling*
        ruled lawsuit* testimony testif* witness* convict* acquit* plea indict* hearing*
        justice legal case"""),
    _theme("crime", "Crime and policing", """
        police arrest* suspect* investigat* detective* shooting* murder* crime* criminal*
        gunman gunmen stabbing* robbery theft custody officer*"""),
    _theme("science", "Science", """
        study studies research* scientist* data journal* published universit* experiment*
        discover* species telescope* sample* finding* analys* laboratory lab fossil*
        genome* gene* cell* physic* astronom* planet* orbit* spacecraft mission*"""),
    _theme("health", "Health", """
        patient* disease* vaccin* virus* infection* infect* cases health* doctor* nurse*
        treatment* drug* clinical clinic* outbreak* symptom* mortality medic* hospitali*
        pandemic epidemic* ward* diagnos* therap* surgery"""),
    _theme("disaster", "Disaster and response", """
        earthquake* quake* flood* flooding storm* hurricane* typhoon* cyclone* wildfire*
        fire* blaze* rescue* rescuer* damage* destroyed collaps* magnitude aftershock*
        landslide* mudslide* tsunami* drought* emergency emergencies survivor* debris
        death_toll missing evacuation_orders"""),
    _theme("environment", "Climate and environment", """
        climate emission* carbon warming temperature* environment* pollution renewable*
        solar wind_power fossil_fuel* coal biodiversity deforestation glacier* ice_sheet*
        heatwave* net_zero"""),
    _theme("sport", "Sport", """
        match* game* goal* win wins won season* team* coach* league* championship* title
        cup tournament* final finals player* striker* goalkeeper* midfield* defender*
        victory victories defeat* score* scored scoring points fans stadium* medal*
        olympic* race* lap* innings wicket* penalt* referee*"""),
    _theme("technology", "Technology", """
        technolog* software app apps artificial_intelligence ai chip* semiconductor*
        platform* online internet cyber* hack* data_centre* algorithm* smartphone* users
        computing"""),
)

_WORDS = re.compile(r"[a-z0-9][a-z0-9\-]*")
# Words in any alphabet's letters ("São Paulo", "Müller"), inner ’ ' - kept.
_TOKENS = re.compile(r"[^\W\d_](?:[^\W\d_]|[’'\-])*[^\W\d_]|[^\W\d_]")
# Words that say nothing of what a passage is about.
_STOPWORDS = frozenset("""
a about above after again against all almost also although always am among an and another
any anyone are around as at be because been before being below between both but by can
cannot could did do does doing done down during each either else enough even ever every
few for from further get gets getting got had has have having he her here hers herself him
himself his how however i if in into is it its itself just last least less like likely made
make many may me might more most much must my myself near need never new next no nor not now
of off often on once one only or other others our ours ourselves out over own per perhaps
put rather really said same say says see seen she should since so some still such than that
the their theirs them themselves then there these they this those though through thus to
too toward towards under until up upon us very via was we well were what whatever when
where whether which while who whom whose why will with within without would yet you your
yours yourself according told added just including include includes told tell tells asked
week weeks year years day days time times monday tuesday wednesday thursday friday
saturday sunday january february march april june july august september october november
december mr mrs ms dr according percent first second third two three four five six seven
eight nine ten people thing things way lot lots part going go goes went come came take took
think thinks know knows knew little bit following year-old led gov mean means want wants
""".split())
# Words that name no theme though they count in the passage's words: "Cent"
# of "per cent", "Billion".
_NUMBER_WORDS = frozenset("cent hundred thousand million billion trillion".split())


@dataclass
class Section:
    id: str
    title: str
    paragraphs: list[int]  # no summary: one that repeats the first paragraph is shown twice


def group(paragraphs: Sequence[str], crossheads: Mapping[int, str] | None = None,
          people: Iterable[str] = ()) -> list[Section]:
    """Themed sections covering every paragraph exactly once, in article
    order. `crossheads` maps a paragraph's index to the crosshead just
    before it; `people`, the names of the people in the story, which name
    no theme ("Lederman" is who, not what)."""
    names = frozenset(word.lower() for name in people for word in name.split())
    if not paragraphs:
        return []
    crossheads = {i: text for i, text in (crossheads or {}).items()
                  if 0 < i < len(paragraphs) and text.strip()}
    # The author's crossheads first; only a long passage between them is
    # divided where its words change, as an article without any is (the
    # author chose the parts: a reader expects those, not more).
    parts = [0, *sorted(crossheads), len(paragraphs)]
    starts: list[int] = []
    for first, end in pairwise(parts):
        if first:
            starts.append(first)
        if not crossheads or end - first >= LONG_PASSAGE:
            starts += [first + gap for gap in _cohesion_breaks(paragraphs[first:end])]
    if len(starts) >= FORMAT_SECTIONS:  # an article of hundreds of crossheads
        starts = starts[:: math.ceil(len(starts) / (FORMAT_SECTIONS - 10))]
    bounds = list(zip([0, *starts], [*starts, len(paragraphs)], strict=True))
    bags = [_bag(paragraphs[a:b]) for a, b in bounds]
    spread: Counter[str] = Counter(word for bag in bags for word in bag)  # themes using it
    sections: list[Section] = []
    taken: set[str] = set()
    for number, ((first, end), bag) in enumerate(zip(bounds, bags, strict=True)):
        title = (crossheads.get(first)
                 or _name(bag, spread, len(bags), paragraphs[first:end], names)
                 or "The story")
        title = " ".join(title.split())
        if len(title) > MAX_TITLE_CHARS:
            title = title[: MAX_TITLE_CHARS - 1].rsplit(" ", 1)[0] + "…"
        sections.append(Section(_unique(_slug(title) or f"part-{number + 1}", taken), title,
                                list(range(first, end))))
    return sections


def topics(paragraphs: Iterable[str]) -> list[str]:
    """The story's topics from the keyword lists, the most counted first:
    tags for the whole briefing."""
    totals: Counter[str] = Counter()
    for text in paragraphs:
        words = _WORDS.findall(text.lower())
        pairs = [f"{a} {b}" for a, b in pairwise(words)]
        for theme in THEMES:
            totals[theme.id] += theme.count(words, pairs)
    ranked = [t for t, count in totals.most_common() if count]
    if not ranked:
        return []
    top = totals[ranked[0]]
    return [t for t in ranked if totals[t] >= MIN_SHARE * top][:MAX_TOPICS]


# --- where themes change ----------------------------------------------------------


def _cohesion_breaks(paragraphs: Sequence[str]) -> list[int]:
    """Indexes of the paragraphs that start a new theme: the deepest dips in
    the likeness of the words before and after each gap, at least
    MIN_PARAGRAPHS apart, about one per PARAGRAPHS_PER_THEME paragraphs."""
    count = len(paragraphs)
    wanted = min(MAX_SECTIONS, round(count / PARAGRAPHS_PER_THEME)) - 1
    if wanted < 1 or count < 2 * MIN_PARAGRAPHS:
        return []
    bags = [_bag([text]) for text in paragraphs]
    likeness = [0.0] * count  # at gap g: between paragraphs g-1 and g
    for gap in range(1, count):
        before = _merged(bags[max(0, gap - WINDOW):gap])
        after = _merged(bags[gap:gap + WINDOW])
        likeness[gap] = _cosine(before, after)
    depth = {gap: _depth(likeness, gap) for gap in range(MIN_PARAGRAPHS,
                                                          count - MIN_PARAGRAPHS + 1)}
    chosen: list[int] = []
    for gap in sorted(depth, key=lambda g: (-depth[g], g)):
        if depth[gap] <= 0 or len(chosen) == wanted:
            break
        if all(abs(gap - other) >= MIN_PARAGRAPHS for other in chosen):
            chosen.append(gap)
    return sorted(chosen)


def _depth(likeness: list[float], gap: int) -> float:
    """How far the likeness at a gap dips below the peaks either side of it."""
    left = likeness[gap]
    # Only a strict rise is climbed: a plateau is walked once, not once a gap.
    for g in range(gap - 1, 0, -1):
        if likeness[g] <= left:
            break
        left = likeness[g]
    right = likeness[gap]
    for g in range(gap + 1, len(likeness)):
        if likeness[g] <= right:
            break
        right = likeness[g]
    return (left - likeness[gap]) + (right - likeness[gap])


def _bag(texts: Iterable[str]) -> Counter[str]:
    """The content words of some paragraphs; a name (a capitalised word not
    opening a sentence) counts twice: names say most about a passage."""
    bag: Counter[str] = Counter()
    for text in texts:
        opening = True
        for match in _TOKENS.finditer(text):
            word = match.group()
            lower = _stem(word.lower())
            if lower not in _STOPWORDS and len(lower) > 2:
                bag[lower] += 2 if word[0].isupper() and not opening else 1
            end = match.end()
            opening = end < len(text) and text[end:end + 2].strip()[:1] in (".", "!", "?")
    return bag


def _stem(word: str) -> str:
    word = re.sub(r"[’']s$", "", word)
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 4 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def _merged(bags: Iterable[Counter[str]]) -> Counter[str]:
    total: Counter[str] = Counter()
    for bag in bags:
        total.update(bag)
    return total


def _cosine(a: Counter[str], b: Counter[str]) -> float:
    if not a or not b:
        return 0.0
    dot = sum(count * b[word] for word, count in a.items() if word in b)
    norm = math.sqrt(sum(c * c for c in a.values())) * math.sqrt(sum(c * c for c in b.values()))
    return dot / norm if norm else 0.0


# --- naming a theme -------------------------------------------------------------------


def _name(bag: Counter[str], spread: Counter[str], themes: int,
          texts: Sequence[str], people: frozenset[str] = frozenset()) -> str | None:
    """The phrase (1 to MAX_TITLE_WORDS words, as written) most this theme's
    own: its words frequent here and rare in the other themes (`spread`:
    how many of the `themes` use each word)."""
    def weight(word: str) -> float:
        used = spread[word]
        return bag[word] * math.log(1 + themes / used) if used else 0.0

    best: tuple[float, str] | None = None
    for text in texts:
        words = list(_TOKENS.finditer(text))
        all_stems = [_stem(w.group().lower()) for w in words]
        for i in range(len(words)):
            for size in range(1, MAX_TITLE_WORDS + 1):
                run = words[i:i + size]
                if len(run) < size or _breaks(text, run) or len(run[-1].group()) > MAX_WORD:
                    break
                stems = all_stems[i:i + size]
                if (stems[0] in _STOPWORDS or stems[-1] in _STOPWORDS or len(stems[-1]) < 3
                        or stems[0] in _NUMBER_WORDS or stems[-1] in _NUMBER_WORDS):
                    continue  # the cheapest test first: most runs end here
                if _cuts_a_name(text, words, i, i + size):
                    continue
                if any(_CONTRACTION.search(w.group()) for w in run):
                    continue  # "We’ll always": someone speaking, not a name for a theme
                if any(_verb_like(w.group()) for w in run) or (
                        _verb_like(run[0].group().lower()) and run[0].group()[0].isupper()):
                    continue  # "Mayer hinted", "Launched Disney": a clause, not a name
                if run[-1].group()[0].islower() and _object_follows(text, words, i + size):
                    continue  # "Hoenig notes that …", "Trump sees the …": its verb
                if run[0].group()[0].islower() and i and words[i - 1].group().lower() in (
                        "to", "will", "would", "can", "could", "should", "must", "may"):
                    continue  # "to assuage fears", "to help NASA": a verb's phrase
                if any(stem in _STOPWORDS and (stem not in _LINKING or (
                        stem in _ARTICLES and before not in _LINKING))
                       for before, stem in pairwise(stems[:-1])):
                    continue  # "Hamilton had no prior", "Nils Berg the wrong": a clause
                if run[-1].group().lower() in _ABBREVIATIONS:
                    continue  # "Nationwide Dec. 9", "Republican Sen. Beason": cut short
                if (run[0].group()[0].islower() and run[-1].group()[0].isupper()
                        and not any(s in _LINKING for s in stems)):
                    continue  # "advise Trump", "met Munn": a verb and its object
                if not _ends_a_name(run[-1].group()):
                    continue  # "Jordan’s", "geopolitical": more is to come
                if _names_a_person(run, people):
                    continue  # "Patrick McHugh", "Ranger Jamie Werner", "Lederman": who
                content = [s for s in stems if s not in _STOPWORDS]
                score = sum(weight(s) for s in content) / (1 + 0.6 * (len(run) - 1))
                # Two words name a theme better than one ("Hostage swap"), and
                # a common noun better than a name alone (what, not who).
                score *= 1.3 if len(content) >= 2 else 1.0
                score *= 1.5 if any(w.group()[0].islower() for w in run) else 1.0
                phrase = text[run[0].start():run[-1].end()]
                if best is None or score > best[0]:
                    best = (score, phrase)
    if best is None or best[0] <= 0:
        return None
    phrase = best[1]
    return phrase[0].upper() + phrase[1:]


_CONTRACTION = re.compile(r"[’'](?:ll|re|ve|m|d)$|n[’']t$", re.IGNORECASE)


def _names_a_person(run: list[re.Match[str]], people: frozenset[str] = frozenset()) -> bool:
    """Capitalised words with a given name among them, or all of them words
    of the names of `people`: a person, not a theme."""
    if all(w.group()[0].isupper() and w.group().lower() in people for w in run):
        return True
    words = [w.group() for w in run]
    if len(words) >= 3 and words[-1][0].isupper() and is_given_name(words[-2]):
        return True  # "Bank governor John Macklem": ends on a person's name
    if (len(words) == 3 and is_given_name(words[0]) and words[1][0].isupper()
            and words[2].islower() and words[2].endswith("s")):
        return True  # "John Macklem expects": a person and their verb
    while words and words[0].islower() and is_person_noun(words[0]):
        words.pop(0)  # "ranger Jamie Werner"
    return len(words) >= 2 and all(w[0].isupper() for w in words) and any(
        is_given_name(w) for w in words[:-1])


def _ends_a_name(word: str) -> bool:
    """Whether a phrase can end on this word: not a possessive, a
    contraction or (lowercase) a word shaped like an adjective."""
    if re.search(r"[’'](?:s|t)$|s[’']$", word):
        return False
    return not (word[0].islower() and word.endswith(("al", "ive", "ous", "ic", "ful", "ing")))


def _object_follows(text: str, words: list[re.Match[str]], end: int) -> bool:
    """Whether the word after a run (the same clause) opens what a verb
    takes: a determiner, a pronoun, "that", "to", "how"."""
    if end >= len(words) or text[words[end - 1].end():words[end].start()] != " ":
        return False
    return words[end].group().lower() in _OPENS_AN_OBJECT


# Words that may stand inside a name for a theme: "Plans for the future"
# (an article only after a preposition).
_LINKING = frozenset("of and the in for on at with from a an".split())
_ARTICLES = frozenset("the a an".split())

_OPENS_AN_OBJECT = frozenset("""
the a an this that these those his her its their our my your him them us me it he she they
we to how why what when whether if
""".split())


def _verb_like(word: str) -> bool:
    """A lowercase word that is most likely a verb or an adverb: "hinted",
    "launched", "quickly", "seems", "found", "earlier"."""
    return word[0].islower() and ((len(word) > 4 and word.endswith(("ed", "ly")))
                                  or word in _NOT_IN_A_NAME)


# Common verbs (without a telling ending), adverbs and adjectives that end
# a clause, not a name for a theme: "Trump seems", "Lenz found", "Jonas
# earlier", "Sources familiar".
_NOT_IN_A_NAME = frozenset("""
seems seem says said tells told thinks think wants want needs need knows know believes
found find read wrote writes gets got makes made takes took gives gave goes went comes came
became began left kept held brought put sent saw sees knew thought felt argues insists
warns adds rose fell stood bought sold won lost ran known spoke paid spent met hit
earlier later also still now never then again already ago soon instead
familiar similar
""".split())
_ABBREVIATIONS = frozenset("jan feb mar apr jun jul aug sep sept oct nov dec sen rep gov supt "
                           "dr mr mrs ms lt gen col sgt prof".split())


def _cuts_a_name(text: str, words: list[re.Match[str]], start: int, end: int) -> bool:
    """Whether a run of words starts or ends inside a name ("Britain’s Andy"
    of "Britain’s Andy Murray", "York State" of "New York State")."""
    def joined(a: re.Match[str], b: re.Match[str]) -> bool:
        return (text[a.end():b.start()] == " " and a.group()[0].isupper()
                and b.group()[0].isupper())
    return ((start > 0 and joined(words[start - 1], words[start]))
            or (end < len(words) and joined(words[end - 1], words[end])))


def _breaks(text: str, run: list[re.Match[str]]) -> bool:
    """Whether anything but a space stands between the words of a run (a
    comma, a full stop, a quotation mark): a phrase does not cross it."""
    return any(text[a.end():b.start()] != " " for a, b in pairwise(run))


def _slug(text: str) -> str:
    words = re.findall(r"[a-z0-9]+", text.lower().encode("ascii", "ignore").decode())
    return "-".join(words)[:40].strip("-")


def _unique(candidate: str, taken: set[str]) -> str:
    base, number = candidate, 2
    while candidate in taken:
        candidate = f"{base}-{number}"
        number += 1
    taken.add(candidate)
    return candidate
