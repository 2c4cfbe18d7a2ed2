"""Score `briefing import` against hand-made expectations.

    python benchmarks/score_import.py            # both corpora, per article and per split
    python benchmarks/score_import.py --check    # exit 1 if an aim is missed
    python benchmarks/score_import.py -v         # also list misses and extras (dev only)
    python benchmarks/score_import.py --real-only --json /tmp/real.json
    python benchmarks/score_import.py --check-annotations   # the annotations alone

Two corpora, scored by the same matcher:

- `real_corpus/`: thirty real news articles from a public extraction
  benchmark, annotated by hand (quotes with exact text and speaker, figures
  with what they count, themes), split by rule into `dev` and `held-out`
  (see real_corpus/README.md). This is the evidence. Misses are listed for
  dev articles only; held-out articles are there to be measured, not read
  (`--show-held-out` to list theirs anyway).
- `import_corpus/`: articles the team wrote to exercise the importer
  (`split` says whether the rules were developed on them), and the seed
  article in tests/fixtures with expectations from the hand-made briefing in
  briefs/. Team-written, not evidence: kept so the rules tuned on it do not
  regress.

Matching is by place, not by string equality: an expected entry is found in
the article's paragraphs (its n-th occurrence for the n-th entry with the
same words, or in `paragraph` when given; in real_corpus, occurrences that
are whole words first, so "Nov. 1" is not found inside "Nov. 18"), and
matches a predicted entry in the same paragraph whose words overlap it
(quotes: by at least half of the longer of the two, so a stray full stop
does not matter; figures: at all, so "160,000" matches "160,000 people").
Speakers compare by surname for named people (a trailing "Jr." ignored) and
by containment of two or more words for descriptions ("a senior US
official"); real_corpus annotations may list other acceptable wordings
(`also`). Paragraphs are the article's own: in import_corpus the parser's,
in real_corpus the blocks of the .txt after the headline, crossheads
included; draft paragraphs are placed in them by their text.

Real corpus, beyond recall and precision:
- speaker accuracy over matched quotes, and separately for named people,
  organisations and described speakers (`speaker_kind`); a wrong speaker
  the draft marks as inferred (`speaker_inferred`) is counted as flagged;
- label quality, a proxy: for each matched figure, the Dice overlap of the
  content words of the draft's label and the annotation's (see
  `label_overlap`); the mean, and the share of labels scoring >= 0.5;
- theme agreement: a boundary is where the section changes between one
  draft paragraph and the next in article order (for sections that run in
  one passage, each section's start after the first); boundary recall is
  the share of the annotation's theme starts (after the first) with a draft
  boundary within +-1 paragraph, boundary precision the share of draft
  boundaries within +-1 of an annotated start; and the number of sections,
  draft against annotation; and how many section summaries merely repeat
  the start of the section's first paragraph.

Aims: on real articles, issue 16's bar (quote recall >= 97%, speaker
accuracy >= 95%, figure recall >= 95% at precision >= 95%); on the team's
corpus, quote recall >= 95%, speaker accuracy >= 90%, figure recall >= 90%
at precision >= 85%; and a ~1,500-word article imported in under 0.2 s.
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
import time
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from pathlib import Path

import tomli

from briefing.ingest import draft_from_text
from briefing.ingest.article import parse_article
from briefing.loader import load_briefing

ROOT = Path(__file__).resolve().parent.parent
CORPUS = Path(__file__).resolve().parent / "import_corpus"
REAL_CORPUS = Path(__file__).resolve().parent / "real_corpus"
SEED_ARTICLE = (ROOT / "tests" / "fixtures" / "articles"
                / "2022-03-28-putin-averse-to-compromise.txt")
SEED_BRIEF = ROOT / "briefs" / "2022-03-28-putin-averse-to-compromise.toml"

AIMS = {"quote_recall": 0.95, "speaker_accuracy": 0.90, "figure_recall": 0.90,
        "figure_precision": 0.85}
REAL_AIMS = {"quote_recall": 0.97, "speaker_accuracy": 0.95, "figure_recall": 0.95,
             "figure_precision": 0.95}
REAL_SPLITS = ("dev", "held-out")
SPEAKER_KINDS = ("person", "organisation", "description")
THEME_SLACK = 1  # paragraphs either side a draft boundary may be off by
GOOD_LABEL = 0.5
TIME_AIM_SECONDS = 0.2
TIME_WORDS = 1500
TIMING_RUNS = 5


# --- cases ------------------------------------------------------------------


@dataclass
class Expected:
    text: str
    speaker: str = ""
    paragraph: int | None = None  # 1-based, among the article's body paragraphs
    also: tuple[str, ...] = ()  # other acceptable ways of naming the speaker
    kind: str = ""  # speaker_kind: person, organisation, description
    label: str = ""  # figures: what the number counts


@dataclass
class Theme:
    title: str
    first_paragraph: int  # 1-based


@dataclass
class Case:
    name: str
    kind: str
    split: str
    article: str
    quotes: list[Expected]
    figures: list[Expected]
    themes: list[Theme] = field(default_factory=list)
    url: str = ""
    # The reference paragraphs: None for the parser's (import_corpus); in
    # real_corpus the .txt's blocks after the headline.
    paragraphs: list[str] | None = None

    @property
    def real(self) -> bool:
        return self.paragraphs is not None


def load_cases(corpus: Path = CORPUS, *, seed: bool = True) -> list[Case]:
    cases = []
    for expected_path in sorted(corpus.glob("*.expected.toml")):
        stem = expected_path.name[: -len(".expected.toml")]
        article_path = next((p for p in (corpus / f"{stem}.txt", corpus / f"{stem}.md")
                             if p.exists()), None)
        if article_path is None:
            raise SystemExit(f"{expected_path}: no {stem}.txt or {stem}.md next to it")
        data = tomli.loads(expected_path.read_text(encoding="utf-8"))
        cases.append(Case(
            name=article_path.name, kind=data.get("kind", "?"), split=data.get("split", "?"),
            article=article_path.read_text(encoding="utf-8"),
            quotes=[Expected(q["text"], q["speaker"], q.get("paragraph"))
                    for q in data.get("quotes", [])],
            figures=[Expected(f["text"], "", f.get("paragraph"))
                     for f in data.get("figures", [])]))
    if seed and SEED_ARTICLE.exists() and SEED_BRIEF.exists():
        cases.append(seed_case())
    return cases


def real_paragraphs(article: str) -> list[str]:
    """The body paragraphs of a real_corpus .txt: its blocks after the headline."""
    blocks = [b.strip() for b in re.split(r"\n\s*\n", article.strip())]
    return [b for b in blocks[1:] if b]


def load_real_cases(corpus: Path = REAL_CORPUS, splits: Iterable[str] = REAL_SPLITS
                    ) -> list[Case]:
    """The real_corpus articles of these splits and their annotations;
    SystemExit on a bad annotation."""
    cases = []
    for expected_path in sorted(corpus.glob("*.expected.toml")):
        stem = expected_path.name[: -len(".expected.toml")]
        article_path = corpus / f"{stem}.txt"
        if not article_path.exists():
            raise SystemExit(f"{expected_path}: no {stem}.txt next to it")
        article = article_path.read_text(encoding="utf-8")
        data = tomli.loads(expected_path.read_text(encoding="utf-8"))
        case = Case(
            name=stem, kind=data.get("kind", "?"), split=data.get("split", "?"),
            article=article, url=data.get("url", ""), paragraphs=real_paragraphs(article),
            quotes=[Expected(q["text"], q["speaker"], q.get("paragraph"),
                             tuple(q.get("also", ())), q.get("speaker_kind", ""))
                    for q in data.get("quotes", [])],
            figures=[Expected(f["text"], "", f.get("paragraph"), label=f.get("label", ""))
                     for f in data.get("figures", [])],
            themes=[Theme(t["title"], t["first_paragraph"]) for t in data.get("themes", [])])
        problems = annotation_problems(case)
        if problems:
            raise SystemExit(f"{expected_path}:\n  " + "\n  ".join(problems))
        if case.split in splits:
            cases.append(case)
    return cases


def annotation_problems(case: Case) -> list[str]:
    """What is wrong with a real_corpus annotation (empty when nothing)."""
    problems = []
    paragraphs = case.paragraphs or []
    if case.split not in REAL_SPLITS:
        problems.append(f"split {case.split!r} is not one of {', '.join(REAL_SPLITS)}")
    if not case.url.startswith(("http://", "https://")):
        problems.append("no url")
    if case.kind == "?":
        problems.append("no kind")
    for what, entries in (("quote", case.quotes), ("figure", case.figures)):
        try:
            _locate(entries, paragraphs, case.name, whole_words=True)
        except SystemExit as error:
            problems.append(str(error))
        for entry in entries:
            if entry.paragraph is not None and not 1 <= entry.paragraph <= len(paragraphs):
                problems.append(f"{what} {entry.text!r}: no paragraph {entry.paragraph}")
            if what == "quote" and entry.kind not in SPEAKER_KINDS:
                problems.append(f"quote {entry.text[:40]!r}: speaker_kind {entry.kind!r}")
            if what == "quote" and not entry.speaker.strip():
                problems.append(f"quote {entry.text[:40]!r}: no speaker")
            if what == "figure" and not entry.label.strip():
                problems.append(f"figure {entry.text!r}: no label")
    starts = [t.first_paragraph for t in case.themes]
    if not starts or starts[0] != 1 or starts != sorted(set(starts)) \
            or starts[-1] > len(paragraphs):
        problems.append(f"themes must start at 1 and rise within the article: {starts}")
    return problems


def seed_case() -> Case:
    """The seed article, expected = the hand-made briefing's quotes and figures."""
    article = SEED_ARTICLE.read_text(encoding="utf-8")
    paragraphs = [p.text for p in parse_article(article, source="seed").paragraphs]
    brief = load_briefing(SEED_BRIEF)

    def place(entry) -> int:
        anchor = entry.anchor
        text = brief.sections[anchor.section].paragraphs[anchor.paragraph]
        for index, paragraph in enumerate(paragraphs):
            if paragraph.startswith(text[:80]):
                return index + 1
        raise SystemExit(f"{SEED_BRIEF}: paragraph not in the article: {text[:60]}")

    return Case(
        name=SEED_ARTICLE.name + " (seed)", kind="conflict", split="seed", article=article,
        quotes=[Expected(q.text, q.speaker_name, place(q)) for q in brief.quotes],
        figures=[Expected(f.text, "", place(f)) for f in brief.figures])


# --- scoring ----------------------------------------------------------------


@dataclass
class Located:
    paragraph: int  # 0-based
    start: int
    end: int
    text: str
    speaker: str = ""
    also: tuple[str, ...] = ()
    kind: str = ""
    label: str = ""
    flagged: bool = False  # predicted quotes: the draft marks the speaker as inferred


_COUNTS = ("quotes_expected", "quotes_found", "quotes_matched", "speakers_right",
           "speakers_wrong_flagged", "named_matched", "named_right", "organisations_matched",
           "organisations_right", "described_matched", "described_right",
           "figures_expected", "figures_found", "figures_matched", "labels_good",
           "boundaries_expected", "boundaries_hit", "boundaries_found", "boundaries_right",
           "sections_expected", "sections_found", "summaries", "summaries_repeating")


@dataclass
class Score:
    name: str
    split: str
    kind: str
    words: int
    seconds: float
    quotes_expected: int = 0
    quotes_found: int = 0
    quotes_matched: int = 0
    speakers_right: int = 0
    speakers_wrong_flagged: int = 0
    named_matched: int = 0
    named_right: int = 0
    organisations_matched: int = 0
    organisations_right: int = 0
    described_matched: int = 0
    described_right: int = 0
    figures_expected: int = 0
    figures_found: int = 0
    figures_matched: int = 0
    label_total: float = 0.0  # sum of label_overlap over matched figures
    labels_good: int = 0
    boundaries_expected: int = 0
    boundaries_hit: int = 0
    boundaries_found: int = 0
    boundaries_right: int = 0
    sections_expected: int = 0
    sections_found: int = 0
    summaries: int = 0
    summaries_repeating: int = 0
    misses: list[str] = field(default_factory=list)

    def add(self, other: Score) -> None:
        for name in _COUNTS:
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.label_total += other.label_total
        self.words += other.words
        self.seconds = max(self.seconds, other.seconds)

    @property
    def quote_precision(self) -> float:
        return _ratio(self.quotes_matched, self.quotes_found)

    @property
    def quote_recall(self) -> float:
        return _ratio(self.quotes_matched, self.quotes_expected)

    @property
    def speaker_accuracy(self) -> float:
        return _ratio(self.speakers_right, self.quotes_matched)

    @property
    def named_accuracy(self) -> float:
        return _ratio(self.named_right, self.named_matched)

    @property
    def organisation_accuracy(self) -> float:
        return _ratio(self.organisations_right, self.organisations_matched)

    @property
    def described_accuracy(self) -> float:
        return _ratio(self.described_right, self.described_matched)

    @property
    def figure_precision(self) -> float:
        return _ratio(self.figures_matched, self.figures_found)

    @property
    def figure_recall(self) -> float:
        return _ratio(self.figures_matched, self.figures_expected)

    @property
    def label_quality(self) -> float:
        return self.label_total / self.figures_matched if self.figures_matched else 1.0

    @property
    def boundary_recall(self) -> float:
        return _ratio(self.boundaries_hit, self.boundaries_expected)

    @property
    def boundary_precision(self) -> float:
        return _ratio(self.boundaries_right, self.boundaries_found)

    def missed_aims(self, aims: dict[str, float] = AIMS) -> list[str]:
        return [f"{name.replace('_', ' ')} {getattr(self, name):.1%} < {aim:.0%}"
                for name, aim in aims.items() if getattr(self, name) < aim]

    def numbers(self) -> dict[str, object]:
        """Counts and ratios, for --json."""
        data: dict[str, object] = {k: v for k, v in asdict(self).items() if k != "misses"}
        for name in ("quote_precision", "quote_recall", "speaker_accuracy", "named_accuracy",
                     "organisation_accuracy", "described_accuracy", "figure_precision",
                     "figure_recall", "label_quality", "boundary_recall",
                     "boundary_precision"):
            data[name] = round(getattr(self, name), 4)
        return data


def _ratio(part: int, whole: int) -> float:
    return part / whole if whole else 1.0


@dataclass
class Report:
    cases: list[Score]
    timing_words: int
    timing_seconds: float
    real: list[Score] = field(default_factory=list)

    def total(self, splits: Iterable[str] | None = None) -> Score:
        return _total(self.cases, splits)

    def real_total(self, splits: Iterable[str] | None = None) -> Score:
        return _total(self.real, splits)

    def missed_aims(self) -> list[str]:
        missed = self.total().missed_aims() if self.cases else []
        for split in REAL_SPLITS:
            if any(c.split == split for c in self.real):
                missed += [f"real {split}: {m}"
                           for m in self.real_total([split]).missed_aims(REAL_AIMS)]
        if self.timing_seconds >= TIME_AIM_SECONDS:
            missed.append(f"import of {self.timing_words:,} words took "
                          f"{self.timing_seconds * 1000:.0f} ms >= "
                          f"{TIME_AIM_SECONDS * 1000:.0f} ms")
        return missed


def _total(scores: list[Score], splits: Iterable[str] | None) -> Score:
    chosen = [c for c in scores if splits is None or c.split in splits]
    total = Score("overall", "", "", 0, 0.0)
    for case in chosen:
        total.add(case)
    return total


def score_case(case: Case, *, runs: int = TIMING_RUNS) -> Score:
    if case.paragraphs is not None:
        paragraphs = case.paragraphs
    else:
        paragraphs = [p.text for p in parse_article(case.article, source=case.name).paragraphs]
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        draft = draft_from_text(case.article, source=case.name)
        times.append(time.perf_counter() - started)
    score = Score(case.name, case.split, case.kind, len(case.article.split()),
                  statistics.median(times))
    predicted_quotes, predicted_figures, order = _predicted(draft, paragraphs)
    expected_quotes = _locate(case.quotes, paragraphs, case.name, whole_words=case.real)
    expected_figures = _locate(case.figures, paragraphs, case.name, whole_words=case.real)

    pairs = _match(expected_quotes, predicted_quotes, minimum=0.5)
    score.quotes_expected, score.quotes_found = len(expected_quotes), len(predicted_quotes)
    score.quotes_matched = len(pairs)
    for e, p in pairs:
        right = any(same_speaker(name, p.speaker) for name in (e.speaker, *e.also))
        kind = {"person": "named", "organisation": "organisations",
                "description": "described"}.get(e.kind)
        if kind:
            setattr(score, f"{kind}_matched", getattr(score, f"{kind}_matched") + 1)
            setattr(score, f"{kind}_right", getattr(score, f"{kind}_right") + right)
        if right:
            score.speakers_right += 1
        else:
            score.speakers_wrong_flagged += p.flagged
            flag = " (flagged as inferred)" if p.flagged else ""
            score.misses.append(f"speaker (p{e.paragraph + 1}): “{_short(e.text)}” expected "
                                f"{e.speaker!r}, got {p.speaker!r}{flag}")
    matched_e = {id(e) for e, _ in pairs}
    matched_p = {id(p) for _, p in pairs}
    score.misses += [f"quote missed (p{e.paragraph + 1}): “{_short(e.text)}”"
                     for e in expected_quotes if id(e) not in matched_e]
    score.misses += [f"quote extra (p{p.paragraph + 1}): “{_short(p.text)}” ({p.speaker})"
                     for p in predicted_quotes if id(p) not in matched_p]

    pairs = _match(expected_figures, predicted_figures, minimum=0.0)
    score.figures_expected, score.figures_found = len(expected_figures), len(predicted_figures)
    score.figures_matched = len(pairs)
    if case.real:
        for e, p in pairs:
            overlap = label_overlap(e.label, p.label)
            score.label_total += overlap
            score.labels_good += overlap >= GOOD_LABEL
            if overlap < GOOD_LABEL:
                score.misses.append(f"label (p{e.paragraph + 1}) {e.text!r}: expected "
                                    f"{e.label!r}, got {p.label!r} ({overlap:.2f})")
    matched_e = {id(e) for e, _ in pairs}
    matched_p = {id(p) for _, p in pairs}
    score.misses += [f"figure missed (p{e.paragraph + 1}): {e.text!r}"
                     for e in expected_figures if id(e) not in matched_e]
    score.misses += [f"figure extra (p{p.paragraph + 1}): {p.text!r} ({p.label})"
                     for p in predicted_figures if id(p) not in matched_p]
    if case.real:
        _score_themes(score, case, draft, order)
    return score


def _score_themes(score: Score, case: Case, draft, order: list[tuple[int, int]]) -> None:
    """Boundary agreement between the annotation's themes and the draft's sections.

    `order` is (reference paragraph, section index) for every draft paragraph."""
    order = sorted(order)
    found = [position for (position, section), (_, before) in zip(order[1:], order, strict=False)
             if section != before]
    expected = [t.first_paragraph - 1 for t in case.themes[1:]]
    score.boundaries_expected, score.boundaries_found = len(expected), len(found)
    score.boundaries_hit = sum(any(abs(e - f) <= THEME_SLACK for f in found) for e in expected)
    score.boundaries_right = sum(any(abs(e - f) <= THEME_SLACK for e in expected)
                                 for f in found)
    score.sections_expected = len(case.themes)
    sections = draft.briefing.sections
    score.sections_found = len(sections)
    for section in sections:
        if section.summary:
            score.summaries += 1
            score.summaries_repeating += _repeats(section.summary, section.paragraphs[0])
    if score.boundaries_hit < len(expected) or score.boundaries_right < len(found) \
            or score.sections_found != score.sections_expected:
        want = ", ".join(f"{t.first_paragraph} {t.title}" for t in case.themes)
        first = {}
        for position, section in order:
            first.setdefault(section, position)
        got = ", ".join(f"{first.get(i, -1) + 1} {s.title}" for i, s in enumerate(sections))
        score.misses.append(f"themes: expected [{want}]; draft [{got}]; draft boundaries "
                            f"at {[f + 1 for f in found]}")


def _repeats(summary: str, paragraph: str) -> bool:
    """Whether a section summary is only the start of its first paragraph."""
    head = summary.rstrip("….").strip()
    return bool(head) and paragraph.startswith(head[: max(40, len(head) // 2)])


def _predicted(draft, paragraphs: list[str]
               ) -> tuple[list[Located], list[Located], list[tuple[int, int]]]:
    """The draft's quotes and figures placed in the reference paragraphs, and
    (paragraph, section) for every draft paragraph."""
    briefing = draft.briefing
    used: set[int] = set()
    place: dict[tuple[int, int], tuple[int, int]] = {}
    order: list[tuple[int, int]] = []
    for s, section in enumerate(briefing.sections):
        for p, text in enumerate(section.paragraphs):
            index, offset = _find_paragraph(text, paragraphs, used)
            used.add(index)
            place[(s, p)] = (index, offset)
            order.append((index, s))

    def locate(entry, speaker: str = "", flagged: bool = False, label: str = "") -> Located:
        a = entry.anchor
        index, offset = place[(a.section, a.paragraph)]
        return Located(index, a.start + offset, a.end + offset, entry.text, speaker,
                       flagged=flagged, label=label)

    quotes = [locate(q, q.speaker_name, flagged=q.speaker_inferred) for q in briefing.quotes]
    figures = [locate(f, label=f.label) for f in briefing.figures]
    return quotes, figures, order


def _find_paragraph(text: str, paragraphs: list[str], used: set[int]) -> tuple[int, int]:
    """The reference paragraph a draft paragraph is (or is part of), and its offset."""
    for index, paragraph in enumerate(paragraphs):
        if index not in used and paragraph == text:
            return index, 0
    for index, paragraph in enumerate(paragraphs):  # a long paragraph the parser cut
        offset = paragraph.find(text)
        if offset >= 0:
            return index, offset
    raise SystemExit(f"a draft paragraph is not in the article: {text[:60]!r}")


def _occurrences(paragraph: str, text: str, whole_words: bool) -> list[int]:
    starts, start = [], -1
    while True:
        start = paragraph.find(text, start + 1)
        if start < 0:
            return starts
        end = start + len(text)
        if whole_words and ((start > 0 and paragraph[start - 1].isalnum()
                             and text[:1].isalnum())
                            or (end < len(paragraph) and paragraph[end].isalnum()
                                and text[-1:].isalnum())):
            continue
        starts.append(start)


def _locate(entries: list[Expected], paragraphs: list[str], name: str, *,
            whole_words: bool = False) -> list[Located]:
    """Place expected entries: the n-th entry with the same words (and
    paragraph) at their n-th occurrence; with `whole_words`, occurrences
    inside a longer word or number do not count."""
    located: list[Located] = []
    seen: dict[tuple[str, int | None], int] = {}
    for entry in entries:
        key = (entry.text, entry.paragraph)
        skip = seen.get(key, 0)
        seen[key] = skip + 1
        candidates = range(len(paragraphs)) if entry.paragraph is None else [
            entry.paragraph - 1]
        found = None
        for index in candidates:
            if not 0 <= index < len(paragraphs):
                continue
            starts = _occurrences(paragraphs[index], entry.text, whole_words)
            if skip < len(starts):
                start = starts[skip]
                found = Located(index, start, start + len(entry.text), entry.text,
                                entry.speaker, entry.also, entry.kind, entry.label)
                break
            skip -= len(starts)
        if found is None:
            raise SystemExit(f"{name}: expected text not found in the article: "
                             f"{entry.text!r} (paragraph {entry.paragraph})")
        located.append(found)
    return located


def _match(expected: list[Located], predicted: list[Located], *,
           minimum: float) -> list[tuple[Located, Located]]:
    """Greedy one-to-one matching by overlap within the same paragraph."""
    options = []
    for e in expected:
        for p in predicted:
            if e.paragraph != p.paragraph:
                continue
            overlap = min(e.end, p.end) - max(e.start, p.start)
            if overlap <= 0:
                continue
            share = overlap / max(e.end - e.start, p.end - p.start)
            if share >= minimum:
                options.append((share, id(e), id(p), e, p))
    options.sort(key=lambda o: -o[0])
    pairs, used_e, used_p = [], set(), set()
    for _, ie, ip, e, p in options:
        if ie in used_e or ip in used_p:
            continue
        used_e.add(ie)
        used_p.add(ip)
        pairs.append((e, p))
    return pairs


_HONORIFICS = {"mr", "mrs", "ms", "miss", "dr", "prof", "sir", "dame"}
_DETERMINERS = {"a", "an", "the"}
_SUFFIXES = {"jr", "sr", "ii", "iii"}


def _words(name: str) -> list[str]:
    name = re.sub(r"[’']s\b", "", name)
    words = re.findall(r"[\w\-]+", name.lower())
    words = [w for w in words if w not in _HONORIFICS and w not in _DETERMINERS]
    while len(words) > 1 and words[-1] in _SUFFIXES:
        words.pop()
    return words


def same_speaker(expected: str, predicted: str) -> bool:
    """Whether two ways of writing a speaker name the same one."""
    e, p = _words(expected), _words(predicted)
    if not e or not p:
        return False
    if e == p:
        return True
    named = any(w[:1].isupper() for w in expected.split()[-1:]) and not expected.islower()
    if named and e[-1] == p[-1]:
        return True  # surname: "Vadym Boichenko" / "Mr Boichenko"
    shorter, longer = (e, p) if len(e) <= len(p) else (p, e)
    if len(shorter) >= 2:
        return any(longer[i:i + len(shorter)] == shorter
                   for i in range(len(longer) - len(shorter) + 1))
    return False


# Words that carry no meaning of their own in a label.
_LABEL_STOPWORDS = set("""
a an the of in on at to for by with from into over under and or per as than
its it their his her our your my this that these those is are was were be been
who which what when where how s
""".split())


def _stem(word: str) -> str:
    """A crude English stem, enough to equate "evacuated" / "evacuees" poorly and
    "years" / "year" well: plural and verb endings off ("business" kept)."""
    if word.endswith(("ss", "us", "is")):
        return word
    for suffix, keep in (("ies", "y"), ("ied", "y"), ("ing", ""), ("ed", ""), ("es", ""),
                         ("s", "")):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)] + keep
    return word


def label_tokens(label: str) -> set[str]:
    words = re.findall(r"[a-z0-9]+", re.sub(r"[’']s\b", "", label.lower()))
    return {_stem(w) for w in words if w not in _LABEL_STOPWORDS}


def label_overlap(expected: str, predicted: str) -> float:
    """Label quality, a proxy: the Dice overlap 2|A∩B| / (|A| + |B|) of the
    two labels' content words (lower case, possessive 's and stopwords out,
    crude stems). 1.0 for the same words in any order, 0.0 for none shared;
    a label saying the same thing in other words scores low, and one
    sharing words but not sense scores high: read the misses, not only the
    mean."""
    a, b = label_tokens(expected), label_tokens(predicted)
    if not a or not b:
        return 0.0
    return 2 * len(a & b) / (len(a) + len(b))


def _short(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def timing(cases: list[Case]) -> tuple[int, float]:
    """Median import time of an article of at least TIME_WORDS words: the
    longest case, or cases joined until long enough."""
    ordered = sorted(cases, key=lambda c: -len(c.article.split()))
    text = ordered[0].article
    for case in ordered[1:]:
        if len(text.split()) >= TIME_WORDS:
            break
        body = case.article.split("\n", 1)[1] if "\n" in case.article else case.article
        text += "\n\n" + body
    times = []
    for _ in range(TIMING_RUNS):
        started = time.perf_counter()
        draft_from_text(text, source="timing")
        times.append(time.perf_counter() - started)
    return len(text.split()), statistics.median(times)


def score_corpus(corpus: Path = CORPUS, *, seed: bool = True,
                 real: Path | None = REAL_CORPUS, team: bool = True,
                 splits: Iterable[str] = REAL_SPLITS) -> Report:
    cases = load_cases(corpus, seed=seed) if team else []
    real_cases = load_real_cases(real, splits) if real is not None else []
    draft_from_text("Warm-up\n\nA paragraph said Ann Smith.", source="warm-up")
    words, seconds = timing(cases or real_cases)
    return Report([score_case(case) for case in cases], words, seconds,
                  [score_case(case, runs=1) for case in real_cases])


# --- output -----------------------------------------------------------------


def _row(score: Score, label: str, width: int = 46) -> str:
    return (f"{label:<{width}} {score.quote_precision:>6.0%} {score.quote_recall:>6.0%} "
            f"{score.speaker_accuracy:>6.0%} {score.figure_precision:>6.0%} "
            f"{score.figure_recall:>6.0%} {score.words:>6,} {score.seconds * 1000:>6.1f}")


def render(report: Report, *, verbose: bool = False, held_out: bool = False) -> str:
    lines: list[str] = []
    if report.real:
        lines += render_real(report, verbose=verbose, held_out=held_out)
    if report.cases:
        if lines:
            lines.append("")
        lines += render_team(report, verbose=verbose)
    lines.append(f"import time: {report.timing_words:,} words in "
                 f"{report.timing_seconds * 1000:.1f} ms (median of {TIMING_RUNS}; aim < "
                 f"{TIME_AIM_SECONDS * 1000:.0f} ms)")
    return "\n".join(lines)


def render_team(report: Report, *, verbose: bool = False) -> list[str]:
    width = max([len(f"{c.name} [{c.split}]") for c in report.cases] + [20])
    head = (f"{'article':<{width}} {'q.prec':>6} {'q.rec':>6} {'spkr':>6} {'f.prec':>6} "
            f"{'f.rec':>6} {'words':>6} {'ms':>6}")
    lines = ["import_corpus: written by the team to exercise the importer "
             "(team-written, not evidence)", head, "-" * len(head)]
    for score in sorted(report.cases, key=lambda s: (s.split != "seed", s.split, s.name)):
        lines.append(_row(score, f"{score.name} [{score.split}]", width))
        if verbose:
            lines.extend(f"    {miss}" for miss in score.misses)
    lines.append("-" * len(head))
    splits = sorted({c.split for c in report.cases})
    for split in splits:
        lines.append(_row(report.total([split]), f"all {split}", width))
    lines.append(_row(report.total(), "overall", width))
    total = report.total()
    lines.append("")
    lines.append(f"counts: quotes {total.quotes_matched}/{total.quotes_expected} found "
                 f"({total.quotes_found} output), speakers right {total.speakers_right}/"
                 f"{total.quotes_matched}, figures {total.figures_matched}/"
                 f"{total.figures_expected} found ({total.figures_found} output)")
    aims = ", ".join(f"{k.replace('_', ' ')} >= {v:.0%}" for k, v in AIMS.items())
    lines.append(f"aims (team corpus): {aims}")
    return lines


_REAL_HEAD = (("q.rec", 6), ("q.prec", 6), ("spkr", 6), ("named", 6), ("org", 6),
              ("descr", 6), ("f.rec", 6), ("f.prec", 6), ("label", 6), ("b.rec", 6),
              ("b.prec", 6), ("sect", 6))


def _real_row(score: Score, label: str, width: int) -> str:
    def pct(part: int, whole: int) -> str:
        return f"{part / whole:>6.0%}" if whole else f"{'-':>6}"

    cells = [pct(score.quotes_matched, score.quotes_expected),
             pct(score.quotes_matched, score.quotes_found),
             pct(score.speakers_right, score.quotes_matched),
             pct(score.named_right, score.named_matched),
             pct(score.organisations_right, score.organisations_matched),
             pct(score.described_right, score.described_matched),
             pct(score.figures_matched, score.figures_expected),
             pct(score.figures_matched, score.figures_found),
             f"{score.label_quality:>6.2f}" if score.figures_matched else f"{'-':>6}",
             pct(score.boundaries_hit, score.boundaries_expected),
             pct(score.boundaries_right, score.boundaries_found),
             f"{score.sections_found:>2}/{score.sections_expected:<3}"]
    return f"{label:<{width}} " + " ".join(cells)


def render_real(report: Report, *, verbose: bool = False, held_out: bool = False) -> list[str]:
    width = max([len(c.name) for c in report.real] + [24])
    head = f"{'article':<{width}} " + " ".join(f"{n:>{w}}" for n, w in _REAL_HEAD)
    lines = ["real_corpus: real news articles, annotated by hand (see real_corpus/README.md)"]
    for split in REAL_SPLITS:
        scores = sorted((c for c in report.real if c.split == split), key=lambda c: c.name)
        if not scores:
            continue
        lines += ["", f"[{split}]", head, "-" * len(head)]
        for score in scores:
            lines.append(_real_row(score, score.name, width))
            if verbose and (split != "held-out" or held_out):
                lines.extend(f"    {miss}" for miss in score.misses)
        lines.append("-" * len(head))
        total = report.real_total([split])
        lines.append(_real_row(total, f"all {split} ({len(scores)})", width))
        lines.append(_real_counts(total))
    lines.append("")
    lines.append("columns: quote recall and precision; speaker accuracy over matched quotes, "
                 "all and for named people, organisations, described speakers; figure recall "
                 "and precision; label quality (mean word overlap of matched figures' labels, "
                 "a proxy); theme boundary recall and precision (+-1 paragraph); sections "
                 "draft/annotated")
    aims = ", ".join(f"{k.replace('_', ' ')} >= {v:.0%}" for k, v in REAL_AIMS.items())
    lines.append(f"aims (real corpus, issue 16): {aims}")
    return lines


def _real_counts(t: Score) -> str:
    return (f"  quotes {t.quotes_matched}/{t.quotes_expected} found ({t.quotes_found} output); "
            f"speakers right {t.speakers_right}/{t.quotes_matched} (named {t.named_right}/"
            f"{t.named_matched}, organisations {t.organisations_right}/"
            f"{t.organisations_matched}, described {t.described_right}/"
            f"{t.described_matched}; wrong and flagged as inferred "
            f"{t.speakers_wrong_flagged}/{t.quotes_matched - t.speakers_right}); "
            f"figures {t.figures_matched}/{t.figures_expected} found ({t.figures_found} "
            f"output); labels >= {GOOD_LABEL} overlap {t.labels_good}/{t.figures_matched}, "
            f"mean {t.label_quality:.2f}; theme boundaries {t.boundaries_hit}/"
            f"{t.boundaries_expected} found, {t.boundaries_right}/{t.boundaries_found} "
            f"right; sections {t.sections_found} (annotated {t.sections_expected}); "
            f"summaries repeating their first paragraph {t.summaries_repeating}/"
            f"{t.summaries}")


def to_json(report: Report) -> dict[str, object]:
    data: dict[str, object] = {
        "timing": {"words": report.timing_words, "seconds": report.timing_seconds}}
    if report.real:
        data["real"] = {
            "articles": {c.name: {"split": c.split, **c.numbers()} for c in report.real},
            "splits": {s: report.real_total([s]).numbers() for s in REAL_SPLITS}}
    if report.cases:
        data["team"] = {
            "articles": {c.name: {"split": c.split, **c.numbers()} for c in report.cases},
            "overall": report.total().numbers()}
    return data


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if an aim is missed")
    parser.add_argument("-v", "--verbose", action="store_true",
                        help="list misses and extras (real corpus: dev articles only)")
    parser.add_argument("--show-held-out", action="store_true",
                        help="with -v, list the held-out articles' misses too")
    parser.add_argument("--corpus", type=Path, default=CORPUS,
                        help="the team-written corpus (default: import_corpus/)")
    parser.add_argument("--real", type=Path, default=REAL_CORPUS,
                        help="the real corpus (default: real_corpus/)")
    only = parser.add_mutually_exclusive_group()
    only.add_argument("--real-only", action="store_true", help="score the real corpus only")
    only.add_argument("--team-only", action="store_true", help="score the team corpus only")
    parser.add_argument("--split", choices=REAL_SPLITS, action="append",
                        help="score only this split of the real corpus (repeatable)")
    parser.add_argument("--no-seed", action="store_true", help="leave out the seed article")
    parser.add_argument("--json", type=Path, help="also write the numbers to this file")
    parser.add_argument("--check-annotations", action="store_true",
                        help="check the real corpus annotations only (no import) and exit")
    args = parser.parse_args(argv)
    if args.check_annotations:
        cases = load_real_cases(args.real)
        quotes = sum(len(c.quotes) for c in cases)
        figures = sum(len(c.figures) for c in cases)
        print(f"{len(cases)} articles, {quotes} quotes, {figures} figures: annotations ok")
        return 0
    report = score_corpus(args.corpus, seed=not args.no_seed,
                          real=None if args.team_only else args.real,
                          team=not args.real_only, splits=args.split or REAL_SPLITS)
    print(render(report, verbose=args.verbose, held_out=args.show_held_out))
    if args.json:
        args.json.write_text(json.dumps(to_json(report), indent=1) + "\n", encoding="utf-8")
    missed = report.missed_aims()
    if missed:
        print("missed: " + "; ".join(missed))
        return 1 if args.check else 0
    print("all aims met")
    return 0


if __name__ == "__main__":
    sys.exit(main())
