"""Synthetic briefings of any size, valid by construction and deterministic.

A briefing of `n` quotes has `n` figures, `n` paragraphs in `n / 20` sections
(so 10,000 quotes give 500 sections and 10,000 paragraphs) and `n / 20`
people with roles. Every paragraph reads like wire copy: a sentence or two of
context, a quoted sentence with its speaker, and a sentence with a number.
Each quote and figure names its `section` and `paragraph`, and its `text`
occurs verbatim there.
"""

from __future__ import annotations

import random
from datetime import date
from pathlib import Path
from typing import Any

import tomli_w

PARAGRAPHS_PER_SECTION = 20
QUOTES_PER_PERSON = 20

_WORDS = (
    "government officials said talks would resume next week after a pause in the fighting "
    "along the eastern front where troops have dug in for months while civilians waited "
    "for aid convoys that were delayed again by shelling near the main road into the city "
    "ministers from both sides met in the capital on Monday to discuss a possible ceasefire "
    "and the exchange of prisoners although neither delegation expected a breakthrough "
    "before the summit analysts warned that sanctions were beginning to bite as prices rose "
    "and the currency fell to its lowest level in a decade the central bank raised interest "
    "rates sharply to steady markets while exporters struggled to find buyers for grain and "
    "steel the regional governor described the situation as difficult but under control and "
    "promised that heating and water would be restored within days engineers worked through "
    "the night to repair the damaged power lines residents queued for bread in the cold "
    "diplomats said the proposal was a framework rather than a final agreement and that "
    "much depended on guarantees from neighbouring states the defence ministry reported "
    "new strikes on fuel depots and railway junctions in the south"
).split()
_FIRST = ("Anna", "Olena", "Dmytro", "Maria", "Ivan", "Sofia", "Andriy", "Natalia", "Petro",
          "Iryna", "James", "Sarah", "Michael", "Laura", "Ahmed", "Fatima", "Chen", "Yuki",
          "Pierre", "Elena")
_LAST = ("Kovalenko", "Shevchenko", "Bondarenko", "Tkachenko", "Kravchenko", "Melnyk",
         "Smith", "Johnson", "Brown", "Garcia", "Muller", "Rossi", "Dubois", "Novak",
         "Yilmaz", "Tanaka", "Wang", "Haddad", "Silva", "Jensen")
_ROLES = ("foreign minister", "defence ministry spokesperson", "regional governor",
          "mayor of the city", "senior US official", "UN humanitarian coordinator",
          "central bank governor", "chief negotiator", "military analyst",
          "head of the Red Cross delegation", "energy minister", "opposition leader")
_SAY = ("said", "told reporters", "said on Monday", "told a news conference", "wrote",
        "said in a statement", "added")
_UNITS = (("people", "people displaced from their homes"), ("tonnes", "tonnes of grain exported"),
          ("km", "kilometres of front line"), ("dollars", "dollars pledged in aid"),
          ("buses", "buses sent to evacuate civilians"), ("homes", "homes without power"),
          ("per cent", "per cent rise in fuel prices"), ("troops", "troops massed at the border"))
_STATUSES = ("reported", "reported", "reported", "unverified", "disputed", "confirmed")
_TOPICS = ("negotiations", "humanitarian", "military", "economy", "energy", "diplomacy",
           "sanctions", "refugees", "reconstruction", "markets")


def _sentence(rng: random.Random, low: int, high: int) -> str:
    words = [rng.choice(_WORDS) for _ in range(rng.randint(low, high))]
    text = " ".join(words)
    return text[0].upper() + text[1:]


def build(quotes: int, *, seed: int | None = None) -> dict[str, Any]:
    """A briefing document (plain TOML data) with `quotes` quotes and figures."""
    rng = random.Random(quotes if seed is None else seed)
    paragraph_count = max(quotes, 1)
    section_count = max(1, paragraph_count // PARAGRAPHS_PER_SECTION)
    people = []
    for index in range(max(3, quotes // QUOTES_PER_PERSON)):
        first, last = rng.choice(_FIRST), rng.choice(_LAST)
        people.append({"id": f"{first}-{last}-{index + 1}".lower(),
                       "name": f"{first} {last}", "role": rng.choice(_ROLES)})

    sections: list[dict[str, Any]] = []
    quote_tables: list[dict[str, Any]] = []
    figure_tables: list[dict[str, Any]] = []
    for s in range(section_count):
        topic = _TOPICS[s % len(_TOPICS)]
        section_id = f"{topic}-{s + 1}"
        per_section = (paragraph_count // section_count
                       + (1 if s < paragraph_count % section_count else 0))
        paragraphs: list[str] = []
        for p in range(per_section):
            person = rng.choice(people)
            spoken = _sentence(rng, 8, 22)
            amount = rng.randint(2, 250) * (1000 if rng.random() < 0.6 else 1)
            unit, label = rng.choice(_UNITS)
            number = f"{amount:,}"
            figure_text = f"{number} {unit}"
            context = _sentence(rng, 10, 22)
            paragraph = (f"{context}. “{spoken},” {person['name']}, the {person['role']}, "
                         f"{rng.choice(_SAY)}. {_sentence(rng, 6, 12)} {figure_text} "
                         f"{_sentence(rng, 4, 10).lower()}.")
            paragraphs.append(paragraph)
            if len(quote_tables) < quotes:
                speaker = person["id"] if rng.random() < 0.9 else person["name"]
                quote: dict[str, Any] = {"text": spoken, "speaker": speaker,
                                         "section": section_id, "paragraph": p + 1}
                if rng.random() < 0.1:
                    quote["note"] = _sentence(rng, 4, 8)
                quote_tables.append(quote)
            if len(figure_tables) < quotes:
                figure: dict[str, Any] = {"text": figure_text, "label": label,
                                          "value": amount, "unit": unit,
                                          "section": section_id, "paragraph": p + 1,
                                          "status": rng.choice(_STATUSES)}
                if rng.random() < 0.7:
                    figure["claimed_by"] = person["id"]
                figure_tables.append(figure)
        sections.append({"id": section_id, "title": f"{topic.capitalize()} {s + 1}",
                         "summary": _sentence(rng, 10, 20) + ".", "paragraphs": paragraphs})

    return {
        "format": 1,
        "briefing": {
            "title": f"Synthetic briefing: {quotes:,} quotes in {section_count:,} sections",
            "standfirst": _sentence(rng, 10, 18) + ".",
            "source": "Benchmark Wire",
            "published": date(2022, 3, 28),
            "url": "https://example.org/benchmark",
            "tags": ["benchmark", "synthetic"],
        },
        "people": people,
        "sections": sections,
        "quotes": quote_tables,
        "figures": figure_tables,
    }


def write(folder: Path, quotes: int) -> Path:
    """Write the briefing of `quotes` quotes into `folder`; its path."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"synthetic-{quotes}.toml"
    path.write_text(tomli_w.dumps(build(quotes)), encoding="utf-8")
    return path


def main(argv: list[str] | None = None) -> int:
    """Write synthetic briefings to look at or to open in the reader."""
    import argparse

    parser = argparse.ArgumentParser(
        prog="synthetic.py", description="Write synthetic briefings of n quotes each "
        "(n figures, n paragraphs in n/20 sections), valid by construction.")
    parser.add_argument("-o", "--output", metavar="FOLDER", type=Path, required=True,
                        help="folder to write synthetic-N.toml into (made if missing)")
    parser.add_argument("sizes", nargs="*", type=int, default=[100], metavar="N",
                        help="quotes per briefing (default: 100)")
    args = parser.parse_args(argv)
    if any(size < 0 for size in args.sizes):
        parser.error("sizes must be 0 or more")
    for size in args.sizes:
        print(write(args.output, size))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
