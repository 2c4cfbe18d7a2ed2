"""Choose the real-corpus articles and write their plain text (see README.md).

    python benchmarks/real_corpus/select.py --list     # candidates and what became of them
    python benchmarks/real_corpus/select.py --write    # (re)write the NAME.txt files

The source is the extraction benchmark in ../shared/corpus/ (MIT licence):
`ground-truth.json` for the article bodies, `html/KEY.html.gz` for headlines.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import html
import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SOURCE = HERE.parent.parent.parent / "shared" / "corpus" / "extraction-benchmark"
WANTED = 37  # 30 first, then every candidate left (7), annotated later
LATE_WANTED = 6  # the second round (is_late_candidate): all it has
THIRD_WANTED = 9  # the third round (is_third_candidate): all it has
HELD_OUT_EVERY = 3  # accepted articles 3, 6, 9, ... are held out

# Step 3 of the rule: candidates that are not news reports, with the reason
# (key prefixes; decided from the URL, headline and quoted passages).
SKIPPED = {
    "04a6711caa7c": "opinion column (nytimes.com/.../opinion/)",
    "e7d77f186980": "shopping deals list (Black Friday deals)",
    "ec3878db7e49": "recipes (game-day snacks)",
    "fde930b01859": "listicle ('10 things in tech you need to know today')",
    "8634d1211c3f": "opinion column ('Column: ...')",
    "3f65af7b6b98": "humour column built on tweets, not a report",
    "2f42ef1d3ea0": "no quoted speech (the marks hold scare quotes only); a column",
    "ef4e67b66d63": "opinion/analysis column ('Why you just can't trust ...')",
    "57e2e98887a1": "press release on the company's own site",
    "680c2848e94a": "review round-up ('Is Stadia good? Reviews')",
    "ad826691a8a2": "shopping deals list",
    "b6906ca016bb": "explainer guide ('PolitiFact's guide to understanding tariffs')",
    "21486419bb10": "religious essay (Indonesian), not a news report",
    "3252222e61fe": "shop page on a blog (Portuguese)",
    "5fa5679de56c": "opinion piece; no quoted speech (the marks hold a product name)",
    "3cb22bfabed8": "product page; no quoted speech (the marks hold feature names)",
    "b6fb53e9fb04": "no quoted speech (the marks hold titles; Italian)",
    "1f765c487806": "opinion column (sputniknews.com/columnists/)",
    "87bf60570e6e": "opinion column (washingtonexaminer.com/opinion/)",
    "521118842884": "visitors' reviews of a show on a theatre's blog, not a news report",
    "0ec95c7261d1": "not in English (Korean); the importer reads English",
    "5fa3154ec031": "editorial ('The Guardian view on ...', /commentisfree/)",
    "c69e539d689a": "press release on the company's own site (ascom.com)",
    "5ae11e580afc": "press release on the company's own site (ascom.com)",
    "55bb6340e3d7": "a morning list of links to other outlets' stories ('Opening Bell')",
    "20b2b64916b0": "shopping deals list (Italian, Black Friday)",
}

# Short names of the accepted articles, given after reading the headline.
NAMES = {
    "1ee91d1fce65": "polygraph-al-tanf-refugees",
    "7916ecca969f": "aljazeera-afghanistan-helicopter",
    "c90731f051d0": "deccanherald-impeachment-hearing",
    "921019755f4a": "sky-mourinho-tottenham",
    "ffc109d474fd": "cnbc-coty-kylie-jenner",
    "9cb8224b660f": "billboard-doobie-brothers-tour",
    "0d46122928b6": "sportsnet-davis-cup-nadal",
    "a078b3656adc": "forbes-feather-duvet-lung",
    "65408257dbe4": "moneycontrol-markets-economy",
    "6ebac05f637e": "thehill-omar-threat-plea",
    "5f9c5ed5d64d": "indiapost-deportees-return",
    "8267acacb9e4": "hollywoodreporter-stadia-launch",
    "3c5bf8db4272": "livescience-universe-simulation",
    "776a1c046798": "usatoday-meth-campaign",
    "d48aeb9cf2f2": "wired-instagram-business-accounts",
    "42aad16bde92": "aljazeera-nasa-moon-landers",
    "c50845a7158a": "space-nasa-lander-companies",
    "686bb170effe": "space-europa-water-vapor",
    "06e5123e4ef7": "venturebeat-wework-investigation",
    "7dfc3e359d7c": "foxnews-van-der-beek-dwts",
    "e1c7023ee214": "physorg-hibernating-astronauts",
    "098bb3e96c0a": "latimes-disney-plus-glitches",
    "a6968f427cdb": "ctpost-deval-patrick-carolina",
    "eb62ac8425e5": "foxnews-scooter-braun-swift",
    "14cc2a0ca59c": "sciencealert-europa-plumes",
    "51d066b0602c": "nbcdfw-kidnapped-girl-rescue",
    "156770d676ce": "thehill-noem-meth-campaign",
    "9e8c9f082a8d": "politifact-border-drugs-value",
    "2c46804d9db4": "cbsnews-kidnapping-rescue-video",
    "eecd2575093b": "mysanantonio-lebron-triple-double",
    "08f793762792": "cbssports-browns-rudolph-garrett",
    "bc13ff87b263": "therealdeal-wework-layoffs",
    "abd9d6291b6b": "msn-flu-shots-migrants",
    "ac1bfdd4c510": "rollingstone-doobie-brothers-mcdonald",
    "9eef8162bbb6": "msn-duvet-medical-mystery",
    "7a664e40d256": "cbsnews-volker-morrison-testimony",
    "c7e39ac49fa1": "bbc-assange-investigation-dropped",
    "624fcd903d56": "express-hong-kong-troops",
    "70cb2d5bca75": "bbc-taylor-swift-ama-row",
    "c13b9c0e04fb": "spokesman-meth-ad-agencies",
    "4a44ab3e4c41": "rt-morales-supporters-killed",
    "db6b0816c612": "chron-esper-vietnam-coast-guard",
    "7bb1ca903543": "gizmodo-feather-duvet-lung",
    "1ace8c85aaee": "techcrunch-nyag-wework",
    "8e3efab59f48": "profootballtalk-anthony-lynn",
    "d605bdef2cde": "cnn-asian-markets-trade-war",
    "076f4f33bf75": "newsnation-oxygen-bar-fact-check",
    "d90bda7ed14d": "panarmenian-amnesty-iran-protests",
    "57d46c9d751e": "reuters-oil-stocks-trade-doubts",
    "8b1945303082": "thesun-beijing-bubonic-plague",
    "ba4dfe2d3e81": "express-plague-china-third-case",
    "51374560f400": "foxbusiness-home-depot-earnings",
}


def order(keys) -> list[str]:
    return sorted(keys, key=lambda k: hashlib.sha256(k.encode("utf-8")).hexdigest())


def is_candidate(body: str) -> bool:
    pairs = body.count("“") + body.count('"') // 2
    numbers = len(re.findall(r"[0-9]+", body))
    return pairs >= 3 and numbers >= 3 and 150 <= len(body.split()) <= 1500


def is_late_candidate(body: str) -> bool:
    """The second round, once every candidate had been taken: the same rule
    without the three numbers (quotations are what the importer most needs)."""
    pairs = body.count("“") + body.count('"') // 2
    return pairs >= 3 and 150 <= len(body.split()) <= 1500 and not is_candidate(body)


def is_third_candidate(body: str) -> bool:
    """The third round, once the second had taken all it could: two
    quotations are enough."""
    pairs = body.count("“") + body.count('"') // 2
    return (pairs == 2 and 150 <= len(body.split()) <= 1500 and not is_candidate(body)
            and not is_late_candidate(body))


def selection(truth: dict) -> list[tuple[str, str, str]]:
    """(key, name, split) of the accepted articles, in order: the first
    round's, then the second's (the split counts on across both)."""
    chosen = []
    rounds = ((is_candidate, WANTED), (is_late_candidate, WANTED + LATE_WANTED),
              (is_third_candidate, WANTED + LATE_WANTED + THIRD_WANTED))
    for candidate, up_to in rounds:
        for key in order(truth):
            if len(chosen) == up_to:
                break
            if not candidate(truth[key]["articleBody"]) or key[:12] in SKIPPED:
                continue
            split = "held-out" if (len(chosen) + 1) % HELD_OUT_EVERY == 0 else "dev"
            if key[:12] not in NAMES:
                raise SystemExit(f"accepted {key[:12]} has no name in NAMES")
            chosen.append((key, NAMES[key[:12]], split))
    return chosen


def _meta(page: str, prop: str) -> str | None:
    for tag in re.findall(r"<meta\b[^>]*>", page, re.I):
        if re.search(rf"""(?:property|name)\s*=\s*["']{prop}["']""", tag, re.I):
            content = re.search(r"""content\s*=\s*(["'])(.*?)\1""", tag, re.S)
            if content:
                return html.unescape(content.group(2))
    return None


def _clean(text: str) -> str:
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", "", text))).strip()


def _site_words(url: str) -> set[str]:
    host = re.sub(r"^https?://(www\.)?", "", url).split("/")[0]
    return {host.split(".")[0].lower()}


def _cut_site(title: str, url: str) -> str:
    """Drop a trailing " | Site" (always) or " - Site" (when it names the site)."""
    while True:
        match = re.search(r"\s+[|]\s+[^|]+$", title)
        if match:
            title = title[: match.start()]
            continue
        match = re.search(r"\s+[-–]\s+([^-–]+)$", title)
        squeezed = re.sub(r"[^a-z0-9]", "", match.group(1).lower()) if match else ""
        if match and any(word in squeezed or squeezed in word
                         for word in _site_words(url)):
            title = title[: match.start()]
            continue
        return title.strip()


def headline(key: str, url: str) -> str:
    with gzip.open(SOURCE / "html" / f"{key}.html.gz", "rt", encoding="utf-8",
                   errors="replace") as handle:
        page = handle.read()
    og = _meta(page, "og:title")
    if og and og.strip():
        return _cut_site(_clean(og), url)
    title = re.search(r"<title[^>]*>(.*?)</title>", page, re.I | re.S)
    if title and _clean(title.group(1)):
        return _cut_site(_clean(title.group(1)), url)
    h1 = re.search(r"<h1[^>]*>(.*?)</h1>", page, re.I | re.S)
    return _clean(h1.group(1)) if h1 else ""


def plain_text(key: str, entry: dict) -> str:
    paragraphs = [line.strip() for line in entry["articleBody"].split("\n")]
    body = "\n\n".join(p for p in paragraphs if p)
    return f"{headline(key, entry['url'])}\n\n{body}\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--list", action="store_true", help="print the candidates")
    parser.add_argument("--write", action="store_true", help="write NAME.txt files")
    parser.add_argument("--source", type=Path, default=SOURCE)
    args = parser.parse_args(argv)
    truth = json.loads((args.source / "ground-truth.json").read_text(encoding="utf-8"))
    chosen = selection(truth)
    if args.list:
        accepted = {key: (n, name, split) for n, (key, name, split) in enumerate(chosen, 1)}
        for key in order(truth):
            if not is_candidate(truth[key]["articleBody"]):
                continue
            if key in accepted:
                n, name, split = accepted[key]
                print(f"{key[:12]}  #{n:<2} {split:<8} {name}")
            elif key[:12] in SKIPPED:
                print(f"{key[:12]}  skipped: {SKIPPED[key[:12]]}  {truth[key]['url']}")
            if key == chosen[WANTED - 1][0]:
                break
        for n, (key, name, split) in enumerate(chosen[WANTED:], WANTED + 1):
            late = "second" if n <= WANTED + LATE_WANTED else "third"
            print(f"{key[:12]}  #{n:<2} {split:<8} {name}  ({late} round)")
    if args.write:
        for key, name, _ in chosen:
            (HERE / f"{name}.txt").write_text(plain_text(key, truth[key]), encoding="utf-8")
        print(f"wrote {len(chosen)} articles to {HERE}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
