"""The article in a web page: saved real pages (tests/fixtures/web, MIT), what
the project's rules take out or bring back, metadata, and hostile pages."""

from __future__ import annotations

import gzip
import json
import re
from collections import Counter
from pathlib import Path

import pytest

from briefing.errors import BriefingError
from briefing.ingest.article import parse_article
from briefing.web.extract import ALL_RULES, extract_article
from briefing.web.page import MAX_ELEMENTS, decode_page

FIXTURES = Path(__file__).parent / "fixtures" / "web"
TRUTH = json.loads((FIXTURES / "ground-truth.json").read_text(encoding="utf-8"))
NO_RULES: tuple[str, ...] = ()


def saved(prefix: str) -> tuple[bytes, str]:
    (path,) = FIXTURES.glob(f"{prefix}*.html.gz")
    key = path.name.split(".")[0]
    return gzip.decompress(path.read_bytes()), key


def body(prefix: str, rules=True) -> str:
    data, key = saved(prefix)
    article = extract_article(data, source=key, cleanup=rules)
    return "\n".join(article.paragraphs)


def shingle_f1(truth: str, text: str) -> float:
    """The benchmark's measure on one page (4-word shingles as multisets)."""
    def shingles(value: str) -> Counter:
        words = re.findall(r"\w+", value)
        return Counter(tuple(words[i:i + 4]) for i in range(max(1, len(words) - 3)))
    expected, got = shingles(truth), shingles(text)
    hits = sum((expected & got).values())
    if not hits:
        return 0.0
    precision, recall = hits / sum(got.values()), hits / sum(expected.values())
    return 2 * precision * recall / (precision + recall)


# --- real pages ---------------------------------------------------------------------

@pytest.mark.parametrize("key", sorted(TRUTH), ids=lambda key: key[:12])
def test_a_saved_page_gives_the_article_a_person_marked(key):
    text = body(key)
    assert shingle_f1(TRUTH[key]["articleBody"], text) >= 0.95


def test_an_article_split_by_advertising_is_brought_back_whole():
    later = "In addition to behavior metrics, Instagram provides business accounts"
    assert later not in body("d48aeb9cf2f2", NO_RULES)
    assert later not in body("d48aeb9cf2f2", [r for r in ALL_RULES if r != "split body"])
    assert later in body("d48aeb9cf2f2")


def test_embedded_tweets_are_kept_and_prompts_dropped():
    tweet = "Yes this is real and yes the state spent nearly half a million dollars on it"
    prompt = "Have a tip? Amy Kuperinsky may be reached at"
    before, after = body("3f65af7b6b98", NO_RULES), body("3f65af7b6b98")
    assert tweet not in before and prompt in before
    assert tweet in after and prompt not in after
    assert "Subscribe to NJ.com’s newsletters" not in after


def test_agency_end_matter_is_dropped():
    before, after = body("a6968f427cdb", NO_RULES), body("a6968f427cdb")
    assert "\n___\n" in before and "Reach the reporters on Twitter" in before
    assert "___" not in after and "Reach the reporters" not in after
    # the article's own last paragraph stays
    assert after.rstrip().endswith("raised him,” said Ruffin, who owns a diversity and "
                                   "inclusion consulting firm.") or "said Ruffin" in after


def test_promotions_and_their_link_lists_are_dropped():
    before, after = body("ba4dfe2d3e81", NO_RULES), body("ba4dfe2d3e81")
    for promo in ("READ MORE:", "DON'T MISS", "[INSIGHT]"):
        assert promo in before
        assert promo not in after
    assert "In the 14th century the Black Death spread across the Mediterranean" in after


def test_pop_up_cards_inside_paragraphs_are_dropped():
    before, after = body("6ebac05f637e", NO_RULES), body("6ebac05f637e")
    assert "Ilhan OmarIlhan Omar" in before
    assert "Ilhan Omar" in after and "Ilhan OmarIlhan Omar" not in after
    assert "Hillicon Valley" not in after


def test_paragraphs_keep_the_pages_own_words_and_breaks():
    data, key = saved("a6968f427cdb")
    article = extract_article(data, source=key)
    truth_lines = {line.strip() for line in TRUTH[key]["articleBody"].split("\n")}
    kept = [p for p in article.paragraphs if p in truth_lines]
    assert len(kept) >= 0.9 * len(article.paragraphs)


def test_metadata_comes_from_the_page():
    data, key = saved("a6968f427cdb")
    article = extract_article(data, source=key)
    assert article.title == "Deval Patrick takes nascent 2020 campaign to South Carolina"
    assert article.title not in article.paragraphs  # the headline is not repeated
    assert article.site and "post" in article.site.lower()
    assert article.published is not None and article.published.year == 2019
    assert article.url == TRUTH[key]["url"]


def test_the_plain_text_is_what_the_importer_reads():
    data, key = saved("d48aeb9cf2f2")
    article = extract_article(data, source=key)
    text = article.plain_text()
    head, blank, *_ = text.split("\n")
    assert head == article.title and blank == ""
    parsed = parse_article(text, source="page")
    assert parsed.title == article.title
    # every paragraph comes back: as a paragraph, the standfirst or a crosshead
    back = {p.text for p in parsed.paragraphs} | set(parsed.crossheads) | {parsed.standfirst}
    assert all(paragraph in back for paragraph in article.paragraphs)


# --- pages built for one behaviour --------------------------------------------------

def page(*paragraphs: str, title: str = "Floods close the river road",
         head: str = "") -> bytes:
    body_html = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (f"<!DOCTYPE html><html><head><title>{title}</title>{head}</head><body>"
            f"<article><h1>{title}</h1>{body_html}</article></body></html>").encode()


STORY = [
    "The river rose two metres overnight and closed the road into the valley, officials said.",
    "Residents of the lower town were told to move their cars to higher ground by noon.",
    "\u201cWe have not seen water like this since 1998,\u201d said the mayor, Ana Ruiz.",
    "Engineers will inspect the old bridge once the water falls, the council said.",
]


def test_a_page_with_no_article_is_refused_in_one_line():
    with pytest.raises(BriefingError) as caught:
        extract_article(b"<html><body><nav><a href='/'>Home</a></nav></body></html>",
                        source="menu.html")
    assert str(caught.value) == "menu.html: not an article: no body text was found on the page"


def test_an_empty_file_is_not_a_page():
    with pytest.raises(BriefingError) as caught:
        extract_article(b"", source="empty.html")
    assert "empty.html: not" in str(caught.value)


def test_control_and_bidi_characters_never_reach_the_text():
    hostile = page(STORY[0] + "\x1b]52;c;AAAA\x07 and \u202eevil",
                   STORY[1] + " &#27;[2J&#x202E; &#x9b;31m", *STORY[2:])
    article = extract_article(hostile, source="hostile.html")
    text = article.plain_text()
    assert not re.search("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]", text)
    assert "officials said" in text
    assert any("dropped" in warning for warning in article.warnings)


def test_scripts_styles_and_hidden_text_are_not_the_article():
    hostile = page(*STORY, head="<style>p{color:red}</style>")
    hostile = hostile.replace(b"<article>", b"<article><script>alert('pwned')</script>"
                              b"<div hidden><p>HIDDEN secret words here today</p></div>"
                              b"<p style='display:none'>INVISIBLE words are here too</p>")
    text = extract_article(hostile, source="page.html").plain_text()
    assert "alert" not in text and "color:red" not in text
    assert "HIDDEN" not in text and "INVISIBLE" not in text
    assert STORY[2] in text


def test_markup_in_the_text_stays_text():
    words = "Tags like <b>this</b> and [bold]that[/bold] are words, said [Reuters] today."
    article = extract_article(page(words.replace("<", "&lt;").replace(">", "&gt;"), *STORY),
                              source="page.html")
    assert words in article.paragraphs


def test_deep_nesting_is_bounded():
    deep = (b"<html><head><title>Deep</title></head><body>" + b"<div>" * 100_000
            + b"<p>" + STORY[0].encode() + b"</p>" + b"</div>" * 100_000 + b"</body></html>")
    with pytest.raises(BriefingError) as caught:
        extract_article(deep, source="deep.html")
    assert "deep.html: not an article" in str(caught.value)


def test_a_page_with_too_many_elements_is_refused():
    crowded = page(*STORY).replace(b"</article>", b"<span>x</span>" * (MAX_ELEMENTS + 10)
                                   + b"</article>")
    with pytest.raises(BriefingError) as caught:
        extract_article(crowded, source="crowded.html")
    assert re.search(r"crowded\.html: the page has [\d,]+ elements; an article page has at "
                     r"most 20,000", str(caught.value))


def test_a_page_with_more_text_than_any_article_is_refused():
    from briefing.web.page import MAX_TEXT_CHARS

    huge = page(*STORY, "word " * (MAX_TEXT_CHARS // 5 + 10))
    with pytest.raises(BriefingError) as caught:
        extract_article(huge, source="huge.html")
    assert str(caught.value) \
        == "huge.html: the page holds 2.0 MiB of text; an article page holds at most 2 MiB"


def test_a_paragraph_of_thousands_of_links_is_read_as_text():
    links = " ".join(f'<a href="/{n}">word{n}</a>' for n in range(5000))
    article = extract_article(page(*STORY[:2], f"Many words: {links}.", *STORY[2:]),
                              source="links.html")
    assert any("word4999" in paragraph for paragraph in article.paragraphs)


def test_entities_declared_by_a_page_are_not_expanded():
    bomb = (b'<!DOCTYPE html [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;">'
            b'<!ENTITY x SYSTEM "file:///etc/passwd">]>') + page(
        STORY[0] + " &b; &x;", *STORY[1:])[len(b"<!DOCTYPE html>"):]
    text = extract_article(bomb, source="bomb.html").plain_text()
    assert "aaaaaaaaaa" not in text and "root:" not in text


@pytest.mark.parametrize(("data", "charset", "expected"), [
    ("Café in Zürich".encode("cp1252"), "iso-8859-1", "Café in Zürich"),
    ("Café".encode(), None, "Café"),
    (b'<meta charset="windows-1251">' + "Привет".encode("cp1251"), None, "Привет"),
    (b"<meta http-equiv='Content-Type' content='text/html; charset=shift_jis'>"
     + "東京".encode("shift_jis"), None, "東京"),
    ("naïve".encode("cp1252"), None, "naïve"),  # not UTF-8, no charset: windows-1252
    (b'<meta charset="utf-16">' + b"ok", None, "ok"),
])
def test_the_charset_comes_from_the_headers_then_the_page(data, charset, expected):
    assert expected in decode_page(data, charset=charset)


# --- feeds --------------------------------------------------------------------------

def rss_items(count: int, extra: str = "") -> bytes:
    items = "".join(f"<item><title>Story {n}</title><link>https://example.org/{n}</link>"
                    f"{extra}</item>" for n in range(count))
    return (f'<?xml version="1.0"?><rss version="2.0"><channel><title>News</title>{items}'
            f"</channel></rss>").encode()


def test_a_feed_gives_its_entries_links_titles_and_dates():
    from briefing.web.feeds import read_feed

    data = rss_items(2, "<pubDate>Tue, 05 Mar 2024 08:00:00 GMT</pubDate>")
    feed = read_feed(data, source="news.xml")
    assert [(e.link, e.title) for e in feed.entries] == [
        ("https://example.org/0", "Story 0"), ("https://example.org/1", "Story 1")]
    assert {e.published for e in feed.entries} == {__import__("datetime").date(2024, 3, 5)}


def test_a_feed_is_read_to_its_first_500_entries():
    from briefing.web.feeds import MAX_ENTRIES, read_feed

    feed = read_feed(rss_items(MAX_ENTRIES + 20), source="news.xml")
    assert len(feed.entries) == MAX_ENTRIES
    assert feed.warnings == ["news.xml: read the first 500 of 520 entries"]


@pytest.mark.parametrize(("data", "message"), [
    (rss_items(1).replace(b"<title>News", b"<title>" + b"<b>" * 100_001 + b"News"),
     "the feed has 100,0"),
    (rss_items(1) + b" " * (4 * 1024 * 1024), "the feed is 4.0 MiB; the limit is 4 MiB"),
    (b"<rss><channel><title>x</title></channel></rss>", "not a readable feed, or a feed with "
     "no entries"),
])
def test_a_feed_over_the_bounds_or_empty_is_refused(data, message):
    from briefing.web.feeds import read_feed

    with pytest.raises(BriefingError) as caught:
        read_feed(data, source="news.xml")
    assert str(caught.value).startswith(f"news.xml: {message}")


def test_feedparser_is_never_handed_a_string_it_could_open(tmp_path, monkeypatch):
    from briefing.web.feeds import read_feed

    secret = tmp_path / "secret.xml"
    secret.write_bytes(rss_items(1).replace(b"Story 0", b"SECRET"))
    monkeypatch.chdir(tmp_path)
    # Bytes that are also a file name: feedparser would open the file if given them.
    with pytest.raises(BriefingError):
        read_feed(b"secret.xml", source="tricky")


@pytest.mark.parametrize(("description", "standfirst"), [
    ("Water closed the valley road; the bridge waits for engineers",
     "Water closed the valley road; the bridge waits for engineers"),
    (STORY[0], None),                                   # the first paragraph again
    (STORY[0].replace(", officials said.", " - officials..."), None),  # an excerpt cut short
    ("A long description " * 20, None),                 # an excerpt, not a standfirst
])
def test_the_pages_description_is_the_standfirst_unless_it_repeats_the_body(description,
                                                                           standfirst):
    head = f'<meta name="description" content="{description}">'
    article = extract_article(page(*STORY, head=head), source="page.html")
    assert article.standfirst == standfirst


def test_a_failure_inside_trafilatura_is_one_line(monkeypatch):
    import trafilatura

    def broken(*args, **kwargs):
        raise RecursionError("maximum recursion depth exceeded")

    monkeypatch.setattr(trafilatura, "bare_extraction", broken)
    with pytest.raises(BriefingError) as caught:
        extract_article(page(*STORY), source="page.html")
    assert str(caught.value) == "page.html: could not read the page (RecursionError)"


_TAGS = ["p", "div", "span", "a", "h1", "h2", "li", "ul", "table", "tr", "td", "script",
         "style", "blockquote", "br", "article", "section", "!--", "![CDATA[", "!DOCTYPE x ["]


def _soup():
    from hypothesis import strategies as st

    piece = st.one_of(
        st.text(min_size=0, max_size=40),
        st.sampled_from(_TAGS).map(lambda tag: f"<{tag}>"),
        st.sampled_from(_TAGS).map(lambda tag: f"</{tag}>"),
        st.sampled_from(["&#27;", "&#x202e;", "&#0;", "&#xD800;", "&#xFFFF;", "&amp;", "&",
                         "<", ">", "\x00", "\x1b[2J", "\u2066", "\ufeff"]),
        st.sampled_from(STORY),
    )
    return st.lists(piece, max_size=60).map("".join)


def test_any_tag_soup_is_an_article_or_one_line_refusal():
    from hypothesis import HealthCheck, given, settings

    @settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(_soup())
    def check(soup: str) -> None:
        data = soup.encode("utf-8", "surrogatepass")
        try:
            article = extract_article(data, source="soup.html")
        except BriefingError as error:
            assert "\n" not in str(error)
            return
        text = article.plain_text()
        assert not re.search("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ufeff]",
                             text)

    check()
