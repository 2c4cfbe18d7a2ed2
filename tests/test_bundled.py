"""The bundled briefing against the article it was made from: every body
paragraph verbatim and once, every direct quotation a quote, every figure the
article's own words."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from briefing.loader import load_briefing
from briefing.model import Briefing
from briefing.resources import BUNDLED_BRIEFING_NAME, bundled_briefing

ARTICLE = (Path(__file__).parent / "fixtures" / "articles"
           / "2022-03-28-putin-averse-to-compromise.txt")
CROSSHEADS = ("‘Special military operation’",)
WIRE_CREDIT = " – Reuters"
# Direct quotations: text between double quotation marks, curly or straight.
QUOTATION = re.compile(r"“([^”]*)”|\"([^\"]*)\"")


@pytest.fixture(scope="module")
def briefing() -> Briefing:
    return load_briefing(bundled_briefing())


@pytest.fixture(scope="module")
def article() -> dict[str, object]:
    blocks = [b.strip() for b in re.split(r"\n\s*\n", ARTICLE.read_text(encoding="utf-8"))]
    blocks = [b for b in blocks if b]
    title, standfirst, *body = blocks
    for crosshead in CROSSHEADS:
        assert crosshead in body, "the article changed: crosshead not found"
        body.remove(crosshead)
    assert body[-1].endswith(WIRE_CREDIT), "the article changed: wire credit not found"
    body[-1] = body[-1][: -len(WIRE_CREDIT)]
    return {"title": title, "standfirst": standfirst, "body": body}


def _quotations(paragraphs: list[str]) -> list[str]:
    return [a or b for p in paragraphs for a, b in QUOTATION.findall(p)]


def test_bundled_briefing_validates(briefing):
    assert bundled_briefing().name == BUNDLED_BRIEFING_NAME
    assert len(briefing.sections) >= 3
    assert briefing.quotes_in_order and briefing.figures_in_order


def test_bundled_briefing_is_in_the_repository_briefs_folder():
    assert bundled_briefing().is_file()
    assert bundled_briefing().parent.name == "briefs"


def test_title_and_standfirst_are_verbatim(briefing, article):
    assert briefing.masthead.title == article["title"]
    assert briefing.masthead.standfirst == article["standfirst"]


def test_metadata(briefing):
    assert briefing.masthead.source == "Reuters"
    assert briefing.masthead.published == date(2022, 3, 28)


def test_every_body_paragraph_once_and_verbatim(briefing, article):
    ours = [p for section in briefing.sections for p in section.paragraphs]
    body = article["body"]
    missing = [p for p in body if p not in ours]
    extra = [p for p in ours if p not in body]
    assert not missing, f"article paragraphs not in the briefing: {missing}"
    assert not extra, f"briefing paragraphs not in the article: {extra}"
    assert sorted(ours) == sorted(body)  # each exactly once
    assert len(set(body)) == len(body)


def test_article_order_within_each_section(briefing, article):
    position = {p: i for i, p in enumerate(article["body"])}
    for section in briefing.sections:
        places = [position[p] for p in section.paragraphs]
        assert places == sorted(places), f"section {section.id} is out of the article's order"


def test_crosshead_and_wire_credit_are_not_paragraphs(briefing):
    ours = [p for section in briefing.sections for p in section.paragraphs]
    assert not any(p in CROSSHEADS for p in ours)
    assert not any(p.endswith(WIRE_CREDIT) for p in ours)


def test_sections_the_issue_asks_for(briefing):
    ids = [section.id for section in briefing.sections]
    assert {"negotiations", "humanitarian", "military"} <= set(ids)
    for section in briefing.sections:
        assert section.summary, f"section {section.id} has no summary"


def test_every_quote_is_inside_quotation_marks_in_the_article(briefing, article):
    quotations = _quotations(article["body"])
    for quote in briefing.quotes:
        assert any(quote.text in quoted for quoted in quotations), (
            f"quote {quote.text!r} is not inside quotation marks in the article")


def test_every_direct_quotation_in_the_article_is_a_quote(briefing, article):
    def bare(text: str) -> str:
        return text.strip().rstrip(",.;:").strip()

    ours = {bare(quote.text) for quote in briefing.quotes}
    missing = [q for q in _quotations(article["body"]) if bare(q) not in ours]
    assert not missing, f"direct quotations with no quote: {missing}"


def test_every_quote_speaker_is_a_person(briefing):
    for quote in briefing.quotes:
        assert quote.person is not None, f"{quote.text!r}: speaker {quote.speaker!r}"


def test_every_figure_is_the_articles_words(briefing, article):
    text = "\n\n".join(article["body"])
    for figure in briefing.figures:
        assert figure.text in text, f"figure {figure.text!r} is not in the article"
        assert figure.label


def test_figures_the_article_could_not_verify_are_unverified(briefing):
    doubted = ("It was not possible to verify the figures.",
               "Reuters could not immediately verify any of the reports.")
    for figure in briefing.figures:
        section = briefing.sections[figure.anchor.section]
        paragraph = section.paragraphs[figure.anchor.paragraph]
        if doubted[1] in paragraph or paragraph.startswith("He said 100 people"):
            assert figure.status == "unverified", figure.text
    assert any(doubted[0] in p for s in briefing.sections for p in s.paragraphs)
