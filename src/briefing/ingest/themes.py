"""Group paragraphs into themed sections.

Each paragraph is scored against keyword themes (war reporting has
negotiations, humanitarian and military; other stories politics, economy,
courts, science, health and so on). A paragraph joins its best theme, with a
pull towards the theme of the paragraph before (stories run in passages) and,
when it has no keyword at all, simply stays with it. Themes that end up with
a single paragraph are folded into others; at most `MAX_SECTIONS` remain.
Sections come in the order of their first paragraph, paragraphs in article
order within each.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise

MAX_SECTIONS = 4
MIN_PARAGRAPHS = 2
STICKINESS = 1.0
CONTINUATION_PULL = 1.5
MIN_SHARE = 0.2  # of the leading theme's keyword count, to be a section at all
MIN_CONFLICT_HITS = 4
CONFLICT_THEMES = ("negotiations", "humanitarian", "military")
SUMMARY_CHARS = 300


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

_BY_ID = {theme.id: theme for theme in THEMES}
_WORDS = re.compile(r"[a-z0-9][a-z0-9\-]*")
_CONTINUES = re.compile(r"\s*(?:[“\"‘']|(?:He|She|They|It)\s)")
_SENTENCE = re.compile(r".+?[.!?…][”\"’)]*(?=\s+[A-Z“\"‘(]|\s*$)", re.S)


@dataclass
class Section:
    id: str
    title: str
    summary: str | None
    paragraphs: list[int]


def group(paragraphs: list[str]) -> list[Section]:
    """Themed sections covering every paragraph exactly once."""
    if not paragraphs:
        return []
    scores = [_scores(text) for text in paragraphs]
    totals = {t.id: sum(s[t.id] for s in scores) for t in THEMES}
    ranked = sorted(totals, key=lambda k: -totals[k])
    conflict = "military" in ranked[:2] and totals["military"] >= MIN_CONFLICT_HITS
    family = [t for t in ranked if (t in CONFLICT_THEMES) == conflict]
    top = totals[family[0]] if family else 0
    candidates = [t for t in family if totals[t] > 0 and totals[t] >= MIN_SHARE * top]
    if not candidates:
        return [_section("story", "The story", list(range(len(paragraphs))), paragraphs)]
    if len(paragraphs) <= 3:
        candidates = candidates[:1]
    candidates = candidates[: MAX_SECTIONS + 2]
    while True:
        assigned = _assign(scores, candidates, paragraphs)
        counts = {t: assigned.count(t) for t in candidates}
        weakest = min(candidates, key=lambda t: (counts[t], totals[t]))
        too_many = len([t for t in candidates if counts[t]]) > MAX_SECTIONS
        if len(candidates) > 1 and (counts[weakest] < MIN_PARAGRAPHS or too_many):
            candidates.remove(weakest)
            continue
        break
    order: list[str] = []
    for theme in assigned:
        if theme not in order:
            order.append(theme)
    sections = []
    for theme_id in order:
        title = _BY_ID[theme_id].title
        if theme_id == "negotiations" and not conflict:
            title = "Diplomacy"
        members = [i for i, t in enumerate(assigned) if t == theme_id]
        sections.append(_section(theme_id, title, members, paragraphs))
    return sections


def _scores(text: str) -> dict[str, float]:
    words = _WORDS.findall(text.lower())
    pairs = [f"{a} {b}" for a, b in pairwise(words)]
    return {theme.id: float(theme.count(words, pairs)) for theme in THEMES}


def _assign(scores: list[dict[str, float]], candidates: list[str],
            paragraphs: list[str]) -> list[str]:
    assigned: list[str | None] = []
    for score, text in zip(scores, paragraphs, strict=True):
        previous = assigned[-1] if assigned else None
        # A paragraph that goes on with the last speaker ("He said ...",
        # a quotation) belongs with the paragraph before unless it clearly moves on.
        pull = CONTINUATION_PULL if _CONTINUES.match(text) else STICKINESS
        best, best_score = None, 0.0
        for theme in candidates:
            value = score[theme]
            if theme == previous:
                value += pull
            if value > best_score or (value == best_score and value and theme == previous):
                best, best_score = theme, value
        assigned.append(best if best is not None else previous)
    # Leading paragraphs without keywords join the first theme that follows.
    first = next((t for t in assigned if t is not None), candidates[0])
    return [t if t is not None else first for t in _fill(assigned, first)]


def _fill(assigned: list[str | None], first: str) -> list[str | None]:
    out: list[str | None] = []
    for theme in assigned:
        out.append(theme if theme is not None else (out[-1] if out else first))
    return out


def _section(theme_id: str, title: str, members: list[int], paragraphs: list[str]) -> Section:
    return Section(theme_id, title, _summary(paragraphs[members[0]]), members)


def _summary(text: str) -> str | None:
    """The first sentence of the section, as a digest line."""
    match = _SENTENCE.match(text.strip())
    sentence = (match.group() if match else text).strip()
    sentence = " ".join(sentence.split())
    if len(sentence) > SUMMARY_CHARS:
        sentence = sentence[: SUMMARY_CHARS - 1].rsplit(" ", 1)[0] + "…"
    return sentence or None
