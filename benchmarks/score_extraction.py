"""Score article extraction from HTML on the article-extraction benchmark's pages.

    python benchmarks/score_extraction.py                 # the importer, dev and held-out
    python benchmarks/score_extraction.py --extractor trafilatura-precision
    python benchmarks/score_extraction.py --form article  # score `import --article` output
    python benchmarks/score_extraction.py --split dev -v  # the worst pages of the dev part
    python benchmarks/score_extraction.py --check         # exit 1 below the aim (held-out too)

The pages are `../shared/corpus/extraction-benchmark/` (or `--corpus`): 164
news pages as fetched, each with the article body a person marked. The
measure is the benchmark's: each text is cut into `\\w+` tokens, every run of
4 tokens is a shingle, and the extracted and the marked shingles are matched
as multisets; a page's true/false positives and false negatives are
normalised to sum to 1, precision and recall are averaged over the pages
(leaving out a page where they are undefined), and F1 is taken from the two
means.

The pages are split once, by a hash of their key, into a development part
(two thirds) that the clean-up rules were tuned on and a held-out third
that was only measured. Both are reported; believe the held-out one.

Extractors: `briefing` (what `briefing import PAGE` keeps: trafilatura and
the project's clean-up), `trafilatura` (its defaults, comments off),
`trafilatura-precision` and `trafilatura-recall` (its two options), and
`briefing-raw` (the importer without its clean-up rules).
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import re
import sys
from collections import Counter
from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "extraction-benchmark"
AIM_F1 = 0.975
SHINGLE = 4
_TOKEN = re.compile(r"\w+")


# --- the measure ------------------------------------------------------------------

def shingles(text: str) -> Counter[tuple[str, ...]]:
    tokens = _TOKEN.findall(text)
    # A text shorter than a shingle is one (short) shingle, as in the benchmark.
    count = max(1, len(tokens) - SHINGLE + 1)
    return Counter(tuple(tokens[i:i + SHINGLE]) for i in range(count) if tokens[i:i + SHINGLE])


def matching(truth: str, extracted: str) -> tuple[float, float, float]:
    """True positives, false positives and false negatives, normalised to sum 1."""
    expected, got = shingles(truth), shingles(extracted)
    tp = sum((expected & got).values())
    fp = sum((got - expected).values())
    fn = sum((expected - got).values())
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def _precision(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    return 0.0 if tp == fp == 0 else tp / (tp + fp)


def _recall(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    return 0.0 if tp == fn == 0 else tp / (tp + fn)


@dataclass(frozen=True)
class Score:
    precision: float
    recall: float
    pages: int

    @property
    def f1(self) -> float:
        total = self.precision + self.recall
        return 2 * self.precision * self.recall / total if total else 0.0


def score(matches: Iterable[tuple[float, float, float]]) -> Score:
    matches = list(matches)
    precisions = [_precision(*m) for m in matches if m[0] + m[1] > 0]
    recalls = [_recall(*m) for m in matches if m[0] + m[2] > 0]
    return Score(sum(precisions) / max(1, len(precisions)),
                 sum(recalls) / max(1, len(recalls)), len(matches))


# --- the pages and their split ----------------------------------------------------

def held_out(key: str) -> bool:
    """One page in three, fixed by its key: never tuned on."""
    return int(hashlib.sha256(key.encode("utf-8")).hexdigest(), 16) % 3 == 0


def load_truth(corpus: Path) -> dict[str, dict[str, str]]:
    return json.loads((corpus / "ground-truth.json").read_text(encoding="utf-8"))


def page_bytes(corpus: Path, key: str) -> bytes:
    path = corpus / "html" / f"{key}.html.gz"
    if not path.is_file():  # a small corpus may keep its pages beside its truth
        path = corpus / f"{key}.html.gz"
    return gzip.decompress(path.read_bytes())


# --- the extractors ---------------------------------------------------------------

def _trafilatura(**options: bool) -> Callable[[bytes, str], str]:
    def extract(data: bytes, url: str) -> str:
        import trafilatura

        return trafilatura.extract(data.decode("utf-8"), url=url, include_comments=False,
                                   **options) or ""
    return extract


def _briefing(form: str, rules: bool | list[str] = True) -> Callable[[bytes, str], str]:
    def extract(data: bytes, url: str) -> str:
        from briefing.errors import BriefingError
        from briefing.web.extract import extract_article

        try:
            article = extract_article(data, source=url, url=url, cleanup=rules)
        except BriefingError:
            return ""
        return article.plain_text() if form == "article" else "\n".join(article.paragraphs)
    return extract


def extractor(name: str, form: str) -> Callable[[bytes, str], str]:
    if name == "briefing":
        return _briefing(form)
    if name == "briefing-raw":
        return _briefing(form, rules=False)
    if name.startswith("briefing:"):
        return _briefing(form, rules=[rule for rule in name[9:].split(",") if rule])
    return {
        "trafilatura": _trafilatura(),
        "trafilatura-precision": _trafilatura(favor_precision=True),
        "trafilatura-recall": _trafilatura(favor_recall=True),
    }[name]


EXTRACTORS = ("briefing", "briefing-raw", "trafilatura", "trafilatura-precision",
              "trafilatura-recall")


def _run_one(job: tuple[str, str, str, str, str]) -> tuple[str, str]:
    corpus, key, url, name, form = job
    return key, extractor(name, form)(page_bytes(Path(corpus), key), url)


def extract_all(corpus: Path, keys: list[str], truth: dict[str, dict[str, str]], name: str,
                form: str, jobs: int) -> dict[str, str]:
    work = [(str(corpus), key, truth[key].get("url", ""), name, form) for key in keys]
    if jobs <= 1:
        return dict(map(_run_one, work))
    with ProcessPoolExecutor(jobs) as pool:
        return dict(pool.map(_run_one, work, chunksize=4))


# --- the command ------------------------------------------------------------------

def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--extractor", default="briefing",
                        help=f"one of {', '.join(EXTRACTORS)}, or briefing:RULE,RULE... "
                        "for the importer with only those clean-up rules")
    parser.add_argument("--form", choices=("body", "article"), default="body",
                        help="body: the paragraphs; article: what `import --article` "
                        "prints (the title line too)")
    parser.add_argument("--split", choices=("dev", "held-out", "both"), default="both")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("-v", "--verbose", action="store_true",
                        help="list the 15 worst pages of the split")
    parser.add_argument("--dump", type=Path, metavar="FOLDER",
                        help="write each extracted text to FOLDER/KEY.txt")
    parser.add_argument("--by-rule", action="store_true",
                        help="the importer with its rules added one kind at a time")
    parser.add_argument("--check", action="store_true",
                        help=f"exit 1 if F1 < {AIM_F1} on either part")
    args = parser.parse_args(argv)

    if not (args.corpus / "ground-truth.json").is_file():
        print(f"no corpus at {args.corpus} (give --corpus)", file=sys.stderr)
        return 2
    truth = load_truth(args.corpus)
    parts = {"dev": sorted(k for k in truth if not held_out(k)),
             "held-out": sorted(k for k in truth if held_out(k))}
    if args.split != "both":
        parts = {args.split: parts[args.split]}
    keys = [key for part in parts.values() for key in part]
    if args.by_rule:
        return _by_rule(args, truth, parts, keys)
    extracted = extract_all(args.corpus, keys, truth, args.extractor, args.form, args.jobs)
    if args.dump:
        args.dump.mkdir(parents=True, exist_ok=True)
        for key, text in extracted.items():
            (args.dump / f"{key}.txt").write_text(text, encoding="utf-8")

    failed = False
    print(f"{args.extractor} ({args.form})")
    for part, part_keys in parts.items():
        matches = {key: matching(truth[key]["articleBody"], extracted[key]) for key in part_keys}
        result = score(matches.values())
        print(f"  {part:<9} {result.pages:>3} pages  precision {result.precision:.4f}  "
              f"recall {result.recall:.4f}  F1 {result.f1:.4f}")
        failed |= result.f1 < AIM_F1
        if args.verbose:
            worst = sorted(matches.items(), key=lambda item: min(_precision(*item[1]),
                                                                 _recall(*item[1])))
            for key, match in worst[:15]:
                print(f"    {key[:12]}  p {_precision(*match):.3f}  r {_recall(*match):.3f}  "
                      f"{truth[key].get('url', '')[:70]}")
    return 1 if args.check and failed else 0


def _by_rule(args: argparse.Namespace, truth: dict[str, dict[str, str]],
             parts: dict[str, list[str]], keys: list[str]) -> int:
    from briefing.web.extract import ALL_RULES

    print(f"{'rules (cumulative)':<28}" + "".join(f"{part + ' P/R/F1':>26}" for part in parts))
    for count in range(len(ALL_RULES) + 1):
        name = "briefing:" + ",".join(ALL_RULES[:count])
        extracted = extract_all(args.corpus, keys, truth, name, args.form, args.jobs)
        row = f"{'+ ' + ALL_RULES[count - 1] if count else 'trafilatura alone':<28}"
        for part_keys in parts.values():
            result = score(matching(truth[key]["articleBody"], extracted[key])
                           for key in part_keys)
            row += f"  {result.precision:.4f} {result.recall:.4f} {result.f1:.4f}"
        print(row, flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
