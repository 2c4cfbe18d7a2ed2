"""The rules of FORMAT.md, one test each: what a valid briefing is, how anchors
are resolved, and the exact messages for what breaks a rule (they are the
project's contract)."""

from __future__ import annotations

import math
from datetime import UTC, date, datetime, timedelta, timezone
from typing import Any

import pytest
import tomli_w
from hypothesis import given, settings
from hypothesis import strategies as st

from briefing import model, schema
from briefing.errors import BriefingError, Problem
from briefing.loader import parse_briefing, validate
from briefing.model import Anchor, Briefing, resolve

SOURCE = "briefs/x.toml"


def table(kind: str, **fields: Any) -> str:
    """One `[[kind]]` table in TOML (values written by tomli_w, so escapes are real)."""
    return f"\n[[{kind}]]\n{tomli_w.dumps(fields)}"


def quote(text: str, speaker: str = "kuleba", **fields: Any) -> str:
    return table("quotes", text=text, speaker=speaker, **fields)


def figure(text: str, label: str = "what it counts", **fields: Any) -> str:
    return table("figures", text=text, label=label, **fields)


def load(text: str) -> Briefing:
    return parse_briefing(text, source=SOURCE)


def refusal(text: str) -> str:
    """The whole message a refused briefing gives."""
    with pytest.raises(BriefingError) as caught:
        load(text)
    assert caught.value.source == SOURCE
    return str(caught.value)


def masthead(**fields: Any) -> str:
    return tomli_w.dumps(fields)


def sample_document() -> dict[str, Any]:
    """A valid document as Python data, for limits too big to write as TOML."""
    return {
        "format": 1,
        "briefing": {"title": "T"},
        "sections": [{"id": "a", "title": "A", "paragraphs": ["one two three"]}],
    }


def refusal_of_document(document: dict[str, Any]) -> str:
    with pytest.raises(BriefingError) as caught:
        validate(schema.BRIEFING, document, source=SOURCE)
        _, problems = resolve(document)
        if problems:
            raise BriefingError(SOURCE, problems)
    return str(caught.value)


# --- a valid file --------------------------------------------------------------


def test_sample_briefing_loads(briefing_text):
    briefing = load(briefing_text())
    assert briefing.title == "Talks in Istanbul"
    assert [s.id for s in briefing.sections] == ["negotiations", "humanitarian", "military"]
    assert briefing.sections[0].summary == "Talks resume."
    assert briefing.sections[1].summary is None
    assert briefing.quotes == () and briefing.figures == ()
    assert briefing.quotes_in_order == () and briefing.figures_in_order == ()
    assert briefing.person("kuleba").name == "Dmytro Kuleba"
    assert briefing.person("nobody") is None
    assert briefing.section_index("military") == 2


def test_every_field_of_format_md_is_accepted(briefing_text):
    text = briefing_text(
        quote("We are not trading people, land or sovereignty", section="negotiations",
              paragraph=2, note="Ahead of the Istanbul talks")
        + figure("160,000", label="civilians still trapped in Mariupol", value=160000,
                 unit="people", section="humanitarian", paragraph=1, claimed_by="boichenko",
                 status="unverified"),
        masthead=masthead(standfirst="Kyiv suggests a ceasefire", source="Reuters",
                          published=date(2022, 3, 28), url="https://example.org/a",
                          tags=["ukraine", "russia"]),
    )
    briefing = load(text)
    head = briefing.masthead
    assert (head.standfirst, head.source, head.url) == (
        "Kyiv suggests a ceasefire", "Reuters", "https://example.org/a")
    assert head.published == date(2022, 3, 28)
    assert head.tags == ("ukraine", "russia")
    (q,) = briefing.quotes
    assert q.note == "Ahead of the Istanbul talks"
    (f,) = briefing.figures
    assert (f.value, f.unit, f.status, f.claimed_by) == (160000, "people", "unverified",
                                                         "boichenko")


def test_optional_fields_default(briefing_text):
    briefing = load(briefing_text(quote("Talks resume") + figure("26 buses")))
    head = briefing.masthead
    assert (head.standfirst, head.source, head.published, head.url, head.tags) == (
        None, None, None, None, ())
    q, f = briefing.quotes[0], briefing.figures[0]
    assert (q.section, q.paragraph, q.note) == (None, None, None)
    assert (f.value, f.unit, f.claimed_by, f.section, f.paragraph) == (None,) * 5
    assert f.status == "reported"


def test_people_quotes_and_figures_are_optional():
    text = "format = 1\n[briefing]\ntitle = 'T'\n[[sections]]\nid = 'a'\ntitle = 'A'\n" \
        "paragraphs = ['x']\n"
    briefing = load(text)
    assert (briefing.people, briefing.quotes, briefing.figures) == ((), (), ())


# --- unknown keys --------------------------------------------------------------


@pytest.mark.parametrize(("extra", "message"), [
    (quote("Talks resume", sectoin="negotiations"),
     'quotes[0].sectoin: unknown key "sectoin": did you mean "section"?'),
    (figure("26 buses", claimedby="boichenko"),
     'figures[0].claimedby: unknown key "claimedby": did you mean "claimed_by"?'),
    (table("quote", text="Talks resume", speaker="kuleba"),
     'quote: unknown key "quote": did you mean "quotes"?'),
    ("colour = 'red'\n",
     'sections[2].colour: unknown key "colour": allowed: id, title, summary, paragraphs'),
])
def test_unknown_key_is_an_error_with_a_hint(briefing_text, extra, message):
    assert refusal(briefing_text(extra)) == f"{SOURCE}: {message}"


def test_unknown_key_in_briefing_table(briefing_text):
    text = briefing_text(masthead='titel = "x"\n')
    assert refusal(text) == (f'{SOURCE}: briefing.titel: unknown key "titel": '
                             'did you mean "title"?')


def test_unknown_key_at_top_level(briefing_text):
    text = briefing_text().replace("format = 1\n", "format = 1\nauthor = 'me'\n")
    assert refusal(text) == (f'{SOURCE}: author: unknown key "author": allowed: format, '
                             "briefing, people, sections, quotes, figures")


def test_unknown_key_in_people(briefing_text):
    text = briefing_text().replace('name = "Dmytro Kuleba"',
                                   'name = "Dmytro Kuleba"\nrole_ = "x"')
    assert refusal(text) == f'{SOURCE}: people[0].role_: unknown key "role_": did you mean "role"?'


def test_odd_key_is_quoted_in_the_path(briefing_text):
    # a key that looks like a place ("12:5") or holds a newline must not pass
    # for one in the message, nor break its line
    text = briefing_text(masthead='"12:5" = 1\n"a\\nb" = 2\n')
    message = refusal(text)
    assert f'{SOURCE}: briefing."12:5": unknown key "12:5"' in message
    assert f'{SOURCE}: briefing."a b": unknown key "a b"' in message
    assert len(message.splitlines()) == 2


# --- required fields -----------------------------------------------------------


@pytest.mark.parametrize(("extra", "message"), [
    (table("quotes", text="Talks resume"), "quotes[0].speaker: required, but missing"),
    (table("quotes", speaker="kuleba"), "quotes[0].text: required, but missing"),
    (table("figures", text="26 buses"), "figures[0].label: required, but missing"),
    (table("people", name="x"), "people[2].id: required, but missing"),
])
def test_required_fields(briefing_text, extra, message):
    assert refusal(briefing_text(extra)) == f"{SOURCE}: {message}"


def test_briefing_and_sections_are_required():
    assert refusal("format = 1\n") == (f"{SOURCE}: briefing: required, but missing\n"
                                       f"{SOURCE}: sections: required, but missing")


def test_sections_and_paragraphs_need_one_entry():
    assert refusal("format = 1\nsections = []\n[briefing]\ntitle = 'T'\n") == (
        f"{SOURCE}: sections: needs at least one entry")
    text = "format = 1\n[briefing]\ntitle = 'T'\n[[sections]]\nid = 'a'\ntitle = 'A'\n"
    assert refusal(text + "paragraphs = []\n") == (
        f"{SOURCE}: sections[0].paragraphs: needs at least one entry")


@pytest.mark.parametrize(("replace", "by", "where"), [
    ('title = "Talks in Istanbul"', 'title = ""', "briefing.title"),
    ('id = "military"', 'id = ""', "sections[2].id"),
    ('"There was no major', '"",\n"There was no major', "sections[2].paragraphs[1]"),
    ('name = "Dmytro Kuleba"', 'name = ""', "people[0].name"),
])
def test_empty_strings_are_refused(briefing_text, replace, by, where):
    assert refusal(briefing_text().replace(replace, by)) == f"{SOURCE}: {where}: must not be empty"


# --- wrong types ---------------------------------------------------------------


@pytest.mark.parametrize(("replace", "by", "message"), [
    ('title = "Talks in Istanbul"', "title = 5",
     "briefing.title: must be a string, not an integer"),
    ('title = "Talks in Istanbul"', 'title = "T"\ntags = "ukraine"',
     "briefing.tags: must be an array, not a string"),
    ('title = "Talks in Istanbul"', 'title = "T"\ntags = [1]',
     "briefing.tags[0]: must be a string, not an integer"),
    ('name = "Dmytro Kuleba"', "name = true", "people[0].name: must be a string, not a boolean"),
    ('summary = "Talks resume."', "summary = ['x']",
     "sections[0].summary: must be a string, not an array"),
    ('"It was not possible to verify the figures."', "3",
     "sections[1].paragraphs[2]: must be a string, not an integer"),
])
def test_wrong_types(briefing_text, replace, by, message):
    text = briefing_text()
    assert replace in text
    assert refusal(text.replace(replace, by, 1)) == f"{SOURCE}: {message}"


def test_briefing_must_be_a_table_and_sections_an_array():
    text = "format = 1\nbriefing = 3\n[sections]\nid = 'a'\n"
    assert refusal(text) == (f"{SOURCE}: briefing: must be a table, not an integer\n"
                             f"{SOURCE}: sections: must be an array, not a table")


@pytest.mark.parametrize(("value", "message"), [
    ('"2"', "must be an integer, not a string"),
    ("2.0", "must be an integer, not a float"),
    ("true", "must be an integer, not a boolean"),
    ("0", "must be 1 or more, not 0"),
    ("-1", "must be 1 or more, not -1"),
    ("2001", "must be 2,000 or less, not 2001"),
])
def test_paragraph_must_be_a_positive_integer(briefing_text, value, message):
    text = briefing_text(quote("Talks resume", section="negotiations")
                         + f"paragraph = {value}\n")
    assert refusal(text) == f"{SOURCE}: quotes[0].paragraph: {message}"


@pytest.mark.parametrize(("value", "message"), [
    ('"12.5"', "must be a number, not a string"),
    ('"160000"', "must be a number, not a string"),
    ("true", "must be a number, not a boolean"),
    ("false", "must be a number, not a boolean"),
    ("nan", "must be a finite number, not nan"),
    ("+nan", "must be a finite number, not nan"),
    ("inf", "must be a finite number, not inf"),
    ("-inf", "must be a finite number, not -inf"),
    ("[1]", "must be a number, not an array"),
    ("1979-05-27", "must be a number, not a date"),
])
def test_value_must_be_a_finite_number(briefing_text, value, message):
    text = briefing_text(figure("26 buses") + f"value = {value}\n")
    assert refusal(text) == f"{SOURCE}: figures[0].value: {message}"


@pytest.mark.parametrize(("value", "expected"), [
    ("26", 26), ("-3", -3), ("12.5", 12.5), ("1e3", 1000.0), ("0x1A", 26),
])
def test_value_accepts_integers_and_floats(briefing_text, value, expected):
    figure_ = load(briefing_text(figure("26 buses") + f"value = {value}\n")).figures[0]
    assert figure_.value == expected
    assert type(figure_.value) is type(expected)


# --- ids -----------------------------------------------------------------------


@pytest.mark.parametrize("bad", [
    "Kyiv", "kyiv mayor", "kyiv_mayor", "-kyiv", "kyiv-", "kyiv--mayor", "kyïv", "kyiv.mayor",
])
def test_ids_are_slugs(briefing_text, bad):
    text = briefing_text().replace('id = "military"', f'id = "{bad}"')
    assert refusal(text) == (f'{SOURCE}: sections[2].id: "{bad}" is not a slug: use lowercase '
                             "letters, digits and '-' (for example \"kyiv-mayor\")")


def test_person_id_and_section_reference_are_slugs(briefing_text):
    text = briefing_text(quote("Talks resume", section="Negotiations"))
    text = text.replace('id = "kuleba"', 'id = "Kuleba"')
    message = refusal(text)
    assert f'{SOURCE}: people[0].id: "Kuleba" is not a slug' in message
    assert f'{SOURCE}: quotes[0].section: "Negotiations" is not a slug' in message


@pytest.mark.parametrize("good", ["a", "kyiv-mayor-2", "2022", "x" * model.MAX_ID])
def test_slugs_that_are_fine(briefing_text, good):
    assert load(briefing_text().replace('id = "military"', f'id = "{good}"')).sections[2].id == good


def test_id_over_the_limit(briefing_text):
    long_id = "x" * (model.MAX_ID + 1)
    text = briefing_text().replace('id = "military"', f'id = "{long_id}"')
    assert refusal(text) == (f"{SOURCE}: sections[2].id: too long: {model.MAX_ID + 1} "
                             f"characters; the limit is {model.MAX_ID}")


def test_duplicate_section_id(briefing_text):
    text = briefing_text().replace('id = "military"', 'id = "negotiations"')
    assert refusal(text) == (f'{SOURCE}: sections[2].id: duplicate id "negotiations" '
                             "(first used at sections[0].id)")


def test_duplicate_people_id(briefing_text):
    text = briefing_text(table("people", id="kuleba", name="Someone else"))
    assert refusal(text) == (f'{SOURCE}: people[2].id: duplicate id "kuleba" '
                             "(first used at people[0].id)")


def test_a_person_may_share_an_id_with_a_section(briefing_text):
    assert load(briefing_text(table("people", id="military", name="The army"))).people[2]


# --- references ----------------------------------------------------------------


def test_dangling_section(briefing_text):
    text = briefing_text(figure("26 buses", section="economy"))
    assert refusal(text) == (f'{SOURCE}: figures[0].section: no section with id "economy" '
                             '(sections: "negotiations", "humanitarian", "military")')


def test_dangling_section_lists_at_most_ten(briefing_text):
    extra = "".join(table("sections", id=f"s{i}", title="S", paragraphs=["p"]) for i in range(12))
    assert refusal(briefing_text(extra + quote("p", section="nope"))) == (
        f'{SOURCE}: quotes[0].section: no section with id "nope" (sections: "negotiations", '
        '"humanitarian", "military", "s0", "s1", "s2", "s3", "s4", "s5", "s6")')


def test_paragraph_out_of_range(briefing_text):
    text = briefing_text(figure("24 hours", section="military", paragraph=3))
    assert refusal(text) == (f'{SOURCE}: figures[0].paragraph: section "military" has 2 '
                             "paragraphs, not 3")


def test_paragraph_out_of_range_in_a_one_paragraph_section(briefing_text):
    text = briefing_text(table("sections", id="coda", title="Coda", paragraphs=["The end."])
                         + quote("The end.", section="coda", paragraph=2))
    assert refusal(text) == (f'{SOURCE}: quotes[0].paragraph: section "coda" has 1 '
                             "paragraph, not 2")


def test_paragraph_without_section(briefing_text):
    text = briefing_text(quote("Talks resume", paragraph=1))
    assert refusal(text) == (f"{SOURCE}: quotes[0].paragraph: paragraph is given without "
                             "section: add the section it counts within")


def test_text_not_found_anywhere(briefing_text):
    text = briefing_text(quote("We will never surrender"))
    assert refusal(text) == (f'{SOURCE}: quotes[0].text: "We will never surrender" not found '
                             "in any paragraph")


def test_text_not_found_in_section(briefing_text):
    # found elsewhere (negotiations), but not where the entry says: the FORMAT.md example
    quotes = "".join(quote("Talks resume") for _ in range(3))
    text = briefing_text(quotes + quote("Talks resume", section="military"))
    assert refusal(text) == (f'{SOURCE}: quotes[3].text: "Talks resume" not found in section '
                             '"military"')


def test_text_not_found_in_paragraph(briefing_text):
    text = briefing_text(figure("160,000", section="humanitarian", paragraph=3))
    assert refusal(text) == (f'{SOURCE}: figures[0].text: "160,000" not found in section '
                             '"humanitarian" paragraph 3')


def test_text_across_two_paragraphs_is_not_found(briefing_text):
    text = briefing_text(quote("still trapped. 26 buses"))
    assert "not found in any paragraph" in refusal(text)


def test_text_match_is_exact(briefing_text):
    # case, spacing and quotation marks all count
    for words in ("talks resume", "Talks  resume", '"We are not trading'):
        assert "not found" in refusal(briefing_text(quote(words)))


def test_long_text_is_shortened_in_the_message(briefing_text):
    words = "word " * 40
    message = refusal(briefing_text(quote(words.strip())))
    shown = message.split('"')[1]
    assert len(shown) == 60 and shown.endswith("…")


def test_blank_text(briefing_text):
    for kind, extra in (("quotes", quote("   ")), ("figures", figure("\t \n"))):
        assert refusal(briefing_text(extra)) == (f"{SOURCE}: {kind}[0].text: is blank: "
                                                 "give the words to highlight")


def test_every_broken_reference_is_reported(briefing_text):
    text = briefing_text(quote("nope") + quote("Talks resume", section="x")
                         + figure("26 buses", paragraph=1))
    assert refusal(text).splitlines() == [
        f'{SOURCE}: quotes[0].text: "nope" not found in any paragraph',
        f'{SOURCE}: quotes[1].section: no section with id "x" (sections: "negotiations", '
        '"humanitarian", "military")',
        f"{SOURCE}: figures[0].paragraph: paragraph is given without section: add the "
        "section it counts within",
    ]


# --- limits --------------------------------------------------------------------


@pytest.mark.parametrize(("field", "limit"), [
    ("title", model.MAX_TITLE),
    ("standfirst", model.MAX_LINE),
    ("source", model.MAX_NAME),
    ("url", model.MAX_LINE),
])
def test_masthead_strings_have_limits(briefing_text, field, limit):
    def text(length: int) -> str:
        return briefing_text().replace('title = "Talks in Istanbul"',
                                       masthead(**{"title": "T", field: "x" * length}))

    assert load(text(limit))
    assert refusal(text(limit + 1)) == (f"{SOURCE}: briefing.{field}: too long: "
                                        f"{limit + 1:,} characters; the limit is {limit:,}")


@pytest.mark.parametrize(("build", "where", "limit"), [
    (lambda n: table("people", id="p", name="x" * n), "people[2].name", model.MAX_NAME),
    (lambda n: table("people", id="p", name="P", role="x" * n), "people[2].role", model.MAX_LINE),
    (lambda n: table("sections", id="s", title="x" * n, paragraphs=["p"]), "sections[3].title",
     model.MAX_TITLE),
    (lambda n: table("sections", id="s", title="S", summary="x" * n, paragraphs=["p"]),
     "sections[3].summary", model.MAX_LINE),
    (lambda n: table("sections", id="s", title="S", paragraphs=["x" * n]),
     "sections[3].paragraphs[0]", model.MAX_PARAGRAPH),
    (lambda n: quote("Talks", speaker="x" * n), "quotes[0].speaker", model.MAX_NAME),
    (lambda n: quote("Talks", note="x" * n), "quotes[0].note", model.MAX_LINE),
    (lambda n: figure("Talks", label="x" * n), "figures[0].label", model.MAX_TITLE),
    (lambda n: figure("Talks", unit="x" * n), "figures[0].unit", model.MAX_NAME),
    (lambda n: figure("Talks", claimed_by="x" * n), "figures[0].claimed_by", model.MAX_NAME),
])
def test_strings_have_limits(briefing_text, build, where, limit):
    assert load(briefing_text(build(limit)))
    assert refusal(briefing_text(build(limit + 1))) == (
        f"{SOURCE}: {where}: too long: {limit + 1:,} characters; the limit is {limit:,}")


def test_quote_text_limit(briefing_text):
    long_text = "x" * (model.MAX_PARAGRAPH + 1)
    assert refusal(briefing_text(quote(long_text))) == (
        f"{SOURCE}: quotes[0].text: too long: {model.MAX_PARAGRAPH + 1:,} characters; "
        f"the limit is {model.MAX_PARAGRAPH:,}")


def test_tags_have_limits(briefing_text):
    tags = ", ".join(f'"t{i}"' for i in range(model.MAX_TAGS))
    text = briefing_text(masthead=f"tags = [{tags}]\n")
    assert len(load(text).masthead.tags) == model.MAX_TAGS
    assert refusal(text.replace('"t0"', '"t0", "extra"')) == (
        f"{SOURCE}: briefing.tags: too many entries: {model.MAX_TAGS + 1}; the limit is "
        f"{model.MAX_TAGS}")
    long_tag = "x" * (model.MAX_ID + 1)
    assert refusal(briefing_text(masthead=f'tags = ["{long_tag}"]\n')) == (
        f"{SOURCE}: briefing.tags[0]: too long: {model.MAX_ID + 1} characters; the limit is "
        f"{model.MAX_ID}")


@pytest.mark.parametrize(("key", "limit", "entry"), [
    ("sections", model.MAX_SECTIONS, None),
    ("people", model.MAX_PEOPLE, {"id": "p", "name": "P"}),
    ("quotes", model.MAX_QUOTES, {"text": "one", "speaker": "p"}),
    ("figures", model.MAX_FIGURES, {"text": "one", "label": "l"}),
])
def test_lists_have_limits(key, limit, entry):
    document = sample_document()
    if key == "sections":
        document[key] = [{"id": f"s{i}", "title": "S", "paragraphs": ["one"]}
                         for i in range(limit + 1)]
    else:
        document[key] = [dict(entry, id=f"p{i}") if key == "people" else entry
                         for i in range(limit + 1)]
    assert refusal_of_document(document) == (
        f"{SOURCE}: {key}: too many entries: {limit + 1:,}; the limit is {limit:,}")
    document[key] = document[key][:limit]
    validate(schema.BRIEFING, document, source=SOURCE)


def test_paragraphs_per_section_have_a_limit():
    document = sample_document()
    document["sections"][0]["paragraphs"] = ["p"] * (model.MAX_PARAGRAPHS_PER_SECTION + 1)
    assert refusal_of_document(document) == (
        f"{SOURCE}: sections[0].paragraphs: too many entries: "
        f"{model.MAX_PARAGRAPHS_PER_SECTION + 1:,}; the limit is "
        f"{model.MAX_PARAGRAPHS_PER_SECTION:,}")


def test_paragraphs_in_all_have_a_limit():
    document = sample_document()
    per_section = model.MAX_PARAGRAPHS_PER_SECTION
    sections = model.MAX_PARAGRAPHS // per_section
    document["sections"] = [{"id": f"s{i}", "title": "S", "paragraphs": ["p"] * per_section}
                            for i in range(sections)]
    validate(schema.BRIEFING, document, source=SOURCE)  # exactly the limit: fine
    document["sections"].append({"id": "last", "title": "S", "paragraphs": ["p"]})
    assert refusal_of_document(document) == (
        f"{SOURCE}: sections: {model.MAX_PARAGRAPHS + 1:,} paragraphs in all; the limit is "
        f"{model.MAX_PARAGRAPHS:,}")


# --- status and published --------------------------------------------------------


@pytest.mark.parametrize("status", ["reported", "unverified", "disputed", "confirmed"])
def test_status_values(briefing_text, status):
    assert load(briefing_text(figure("26 buses", status=status))).figures[0].status == status


@pytest.mark.parametrize(("value", "shown"), [
    ('"maybe"', "'maybe'"), ('"Unverified"', "'Unverified'"), ('""', "''"), ("1", "1"),
])
def test_status_other_values_are_refused(briefing_text, value, shown):
    text = briefing_text(figure("26 buses") + f"status = {value}\n")
    assert refusal(text) == (f"{SOURCE}: figures[0].status: must be one of 'reported', "
                             f"'unverified', 'disputed' or 'confirmed', not {shown}")


@pytest.mark.parametrize(("value", "expected"), [
    ("2022-03-28", date(2022, 3, 28)),
    ("2022-03-28T10:15:00", datetime(2022, 3, 28, 10, 15)),
    ("2022-03-28T10:15:00Z", datetime(2022, 3, 28, 10, 15, tzinfo=UTC)),
    ("2022-03-28 10:15:00+03:00",
     datetime(2022, 3, 28, 10, 15, tzinfo=timezone(timedelta(hours=3)))),
])
def test_published_is_a_date_or_date_time(briefing_text, value, expected):
    published = load(briefing_text(masthead=f"published = {value}\n")).masthead.published
    assert published == expected
    assert type(published) is type(expected)


@pytest.mark.parametrize(("value", "kind"), [
    ("10:15:00", "a time"), ('"2022-03-28"', "a string"), ("20220328", "an integer"),
    ("true", "a boolean"),
])
def test_published_refuses_other_values(briefing_text, value, kind):
    text = briefing_text(masthead=f"published = {value}\n")
    assert refusal(text) == (f"{SOURCE}: briefing.published: must be a TOML date such as "
                             f"2022-03-28, not {kind}")


# --- anchors -------------------------------------------------------------------


def _words_at(briefing: Briefing, anchor: Anchor) -> str:
    paragraph = briefing.sections[anchor.section].paragraphs[anchor.paragraph]
    return paragraph[anchor.start:anchor.end]


def test_anchor_in_named_section_and_paragraph(briefing_text):
    briefing = load(briefing_text(
        quote("We are not trading people, land or sovereignty", section="negotiations",
              paragraph=2)))
    q = briefing.quotes[0]
    assert q.anchor == Anchor(section=0, paragraph=1, start=1, end=47)
    assert _words_at(briefing, q.anchor) == q.text
    assert q.anchor == (0, 1, 1, 47)  # it sorts as the tuple it is: reading order


def test_anchor_span_is_exactly_the_words(briefing_text):
    extra = (figure("160,000") + figure("26 buses") + figure("the past 24 hours")
             + quote("said Dmytro Kuleba."))
    briefing = load(briefing_text(extra))
    for entry in (*briefing.figures, *briefing.quotes):
        assert _words_at(briefing, entry.anchor) == entry.text
        assert entry.anchor.end - entry.anchor.start == len(entry.text)


def test_anchor_is_first_occurrence_in_reading_order(briefing_text):
    # "160,000" is in humanitarian paragraphs 1 and 2; "24 hours" in military 1 and 2;
    # " in " twice in negotiations paragraph 1
    briefing = load(briefing_text(figure("160,000") + figure("24 hours") + quote(" in ")))
    humanitarian, military = briefing.sections[1].paragraphs, briefing.sections[2].paragraphs
    start = humanitarian[0].index("160,000")
    assert briefing.figures[0].anchor == Anchor(1, 0, start, start + 7)
    start = military[0].index("24 hours")
    assert briefing.figures[1].anchor == Anchor(2, 0, start, start + 8)
    first = briefing.sections[0].paragraphs[0]
    assert first.count(" in ") == 2
    assert briefing.quotes[0].anchor == Anchor(0, 0, first.index(" in "),
                                               first.index(" in ") + 4)


def test_anchor_first_occurrence_follows_section_order_not_alphabet(briefing_text):
    # "said" occurs in negotiations (first section) and in humanitarian, military
    briefing = load(briefing_text(quote("said")))
    assert briefing.quotes[0].anchor.section == 0
    assert briefing.quotes[0].anchor.paragraph == 1


def test_anchor_first_occurrence_within_the_named_section(briefing_text):
    briefing = load(briefing_text(figure("160,000", section="humanitarian")
                                  + figure("160,000", section="humanitarian", paragraph=2)
                                  + figure("said", section="military")))
    first, second, said = briefing.figures
    assert (first.anchor.section, first.anchor.paragraph) == (1, 0)
    assert (second.anchor.section, second.anchor.paragraph) == (1, 1)
    assert second.anchor.start == len("26 buses were waiting to evacuate some of ")
    assert (said.anchor.section, said.anchor.paragraph) == (2, 0)


def test_quotes_and_figures_in_reading_order_not_file_order(briefing_text):
    extra = (figure("24 hours", section="military", paragraph=2)   # 3rd in reading order
             + figure("41 sites")                                    # 2nd... military p1
             + figure("26 buses")                                    # humanitarian p2
             + figure("160,000")                                     # humanitarian p1
             + quote("the ministry said", speaker="Russia")           # military p2
             + quote("We are not trading")                           # negotiations p2
             + quote("Talks resume"))                                # negotiations p1
    briefing = load(briefing_text(extra))
    assert [f.text for f in briefing.figures_in_order] == [
        "160,000", "26 buses", "41 sites", "24 hours"]
    assert [q.text for q in briefing.quotes_in_order] == [
        "Talks resume", "We are not trading", "the ministry said"]
    # file order is kept too, with each entry's place in it
    assert [f.index for f in briefing.figures] == [0, 1, 2, 3]
    assert [f.index for f in briefing.figures_in_order] == [3, 2, 1, 0]


def test_reading_order_within_a_paragraph_and_ties(briefing_text):
    extra = (figure("24 hours", section="military", paragraph=1)
             + figure("41 sites") + figure("41 sites", label="again"))
    briefing = load(briefing_text(extra))
    ordered = briefing.figures_in_order
    assert [f.text for f in ordered] == ["41 sites", "41 sites", "24 hours"]
    assert [f.label for f in ordered[:2]] == ["what it counts", "again"]  # same anchor: file order


# --- people ------------------------------------------------------------------------


def test_speaker_that_is_a_people_id_links_to_the_person(briefing_text):
    briefing = load(briefing_text(quote("We are not trading", speaker="kuleba")))
    q = briefing.quotes[0]
    assert q.person is briefing.person("kuleba")
    assert q.speaker_name == "Dmytro Kuleba"
    assert q.speaker_role == "Ukraine's foreign minister"


@pytest.mark.parametrize("speaker", ["a senior US official", "Kuleba", "Dmytro Kuleba"])
def test_speaker_that_is_not_a_people_id_is_a_plain_name(briefing_text, speaker):
    briefing = load(briefing_text(quote("We are not trading", speaker=speaker)))
    q = briefing.quotes[0]
    assert q.person is None
    assert q.speaker_name == speaker
    assert q.speaker_role is None


def test_claimed_by_links_like_speaker(briefing_text):
    briefing = load(briefing_text(figure("160,000", claimed_by="boichenko")
                                  + figure("26 buses", claimed_by="the mayor's office")
                                  + figure("41 sites")))
    linked, plain, nobody = briefing.figures
    assert linked.claimant is briefing.person("boichenko")
    assert linked.claimant_name == "Vadym Boichenko"
    assert plain.claimant is None and plain.claimant_name == "the mayor's office"
    assert nobody.claimant is None and nobody.claimant_name is None


# --- the model is strict on its own too ----------------------------------------------


def test_model_alone_refuses_lax_values():
    # pydantic's lax mode would take these; ours must not, even without the loader
    document = sample_document()
    document["figures"] = [{"text": "one", "label": "l", "value": "12.5"}]
    assert "figures[0].value: must be a number, not a string" in refusal_of_document(document)
    document["figures"] = [{"text": "one", "label": "l", "value": math.nan}]
    assert "must be a finite number, not nan" in refusal_of_document(document)
    document["figures"] = [{"text": "one", "label": "l", "value": 2, "paragraph": "1"}]
    assert "figures[0].paragraph: must be an integer, not a string" in refusal_of_document(
        document)


def test_loaded_briefing_is_frozen(briefing_text):
    briefing = load(briefing_text(quote("Talks resume")))
    with pytest.raises(AttributeError):  # dataclasses.FrozenInstanceError
        briefing.sections[0].title = "changed"  # type: ignore[misc]
    with pytest.raises(AttributeError):
        briefing.quotes[0].text = "changed"  # type: ignore[misc]


def test_words_found_nowhere_are_reported_quickly_however_many(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Entries without section whose words are nowhere in a large text would
    each scan all of it; one pass over the text settles them all."""
    import tomli_w

    from briefing import model
    from briefing.errors import BriefingError
    from briefing.loader import parse_briefing

    monkeypatch.setattr(model._TextIndex, "MAX_SCAN", 1_000_000)  # one by one: 2 would do
    document = {
        "format": 1, "briefing": {"title": "Large"},
        "sections": [{"id": "a", "title": "A", "paragraphs": ["word " * 2_000] * 50}],
        "figures": [{"text": f"absent {i}", "label": "x"} for i in range(500)],
    }
    with pytest.raises(BriefingError) as caught:
        parse_briefing(tomli_w.dumps(document), source="large.toml")
    assert caught.value.problems[0] == Problem("figures[0].text",
                                               '"absent 0" not found in any paragraph')
    assert len(caught.value.problems) == 500


def test_anchor_search_has_a_budget_so_a_hostile_file_cannot_stall_the_loader(
        monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Texts built so that candidates for them start at every character defeat
    the one pass; past its budget the rest are searched one by one, and past
    that budget the file is refused, naming why."""
    import tomli_w

    from briefing import model
    from briefing.errors import BriefingError
    from briefing.loader import parse_briefing

    monkeypatch.setattr(model._TextIndex, "MAX_SCAN", 1_000_000)
    document = {
        "format": 1, "briefing": {"title": "Large"},
        "sections": [{"id": "a", "title": "A", "paragraphs": ["a" * 10_000] * 50}],
        "figures": [{"text": "a" * n + "b", "label": "x"} for n in range(1, 500)],
    }
    with pytest.raises(BriefingError) as caught:
        parse_briefing(tomli_w.dumps(document), source="large.toml")
    message = str(caught.value)
    assert "takes too long in a file this large: give them" in message
    assert len(caught.value.problems) < 499  # it stopped early


def _first_occurrences(paragraphs: list[str], texts: list[str]) -> list[Any]:
    """The definition in FORMAT.md, by brute force: the first paragraph in
    reading order that holds the words, and the first place in it."""
    found = []
    for text in texts:
        places = [(p, paragraph.find(text)) for p, paragraph in enumerate(paragraphs)
                  if text in paragraph]
        found.append(places[0] if places else None)
    return found


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(alphabet="ab c", min_size=1, max_size=60), min_size=1, max_size=8),
       st.data())
def test_one_pass_finds_what_a_search_for_each_finds(paragraphs: list[str],
                                                     data: st.DataObject) -> None:
    """`find_all` (one Aho-Corasick pass) anchors every text exactly where a
    search for each would: texts that overlap, share a beginning longer than
    its key, hold one another, start at the same place, or occur only across
    two paragraphs."""
    from briefing import model

    # Mostly pieces of the paragraphs (found, often sharing a start), some not.
    joined = " ".join(paragraphs)
    piece = st.tuples(st.integers(0, len(joined) - 1), st.integers(1, 30)).map(
        lambda span: joined[span[0]:span[0] + span[1]])
    texts = data.draw(st.lists(st.one_of(piece, piece, st.text(alphabet="ab c", min_size=1,
                                                                max_size=30)),
                               min_size=1, max_size=12))

    sections = [model.Section(id="s", title="S", paragraphs=tuple(paragraphs))]
    index = model._TextIndex(sections)
    index.ONE_PASS = 0  # always one pass
    index.KEY = 3  # short keys, so many texts share one
    index.find_all(texts)
    one_by_one = model._TextIndex(sections)
    for text, expected in zip(texts, _first_occurrences(paragraphs, texts), strict=True):
        anchor = index._found[(None, text)]
        assert anchor == one_by_one.find(text, None)
        if expected is None:
            assert anchor is None
        else:
            assert anchor is not None
            assert (anchor.paragraph, anchor.start) == expected


def test_anchors_found_through_the_joined_index_are_exact() -> None:
    import tomli_w

    from briefing.loader import parse_briefing

    paragraphs = [f"Paragraph {n} says the count was {n * 7} people." for n in range(30)]
    document = {
        "format": 1, "briefing": {"title": "Index"},
        "sections": [{"id": "a", "title": "A", "paragraphs": paragraphs[:10]},
                     {"id": "b", "title": "B", "paragraphs": paragraphs[10:]}],
        "quotes": [{"text": "the count was 140 people", "speaker": "x"},
                   {"text": "Paragraph 25 says", "speaker": "y", "section": "b"}],
    }
    briefing = parse_briefing(tomli_w.dumps(document), source="index.toml")
    first, second = briefing.quotes
    assert (first.anchor.section, first.anchor.paragraph) == (1, 10)
    text = briefing.sections[1].paragraphs[10]
    assert text[first.anchor.start:first.anchor.end] == "the count was 140 people"
    assert (second.anchor.section, second.anchor.paragraph, second.anchor.start) == (1, 15, 0)
