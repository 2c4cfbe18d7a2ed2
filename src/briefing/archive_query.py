"""What a reader types into the archive's search, as an FTS5 query that
means only words.

The reader's words are never FTS5 syntax: `NEAR`, `OR`, `-`, `:`, `^` and
parentheses are words or separators like any other. What a reader can ask
for is what a search box usually offers: every word (in any order),
"a phrase" in straight or curly quotation marks, and a word ending in `*`
for every word it begins. The words are cut where the index cuts them (the
unicode61 tokenizer: letters and digits), so "don't", "don’t" and "dont"
fold as the reader's own search folds apostrophes: "don't" is the phrase
"don t", found in both spellings. Nothing here imports Textual.
"""

from __future__ import annotations

import re
from typing import NamedTuple

# A bound on the work one query can ask of the index.
MAX_QUERY_CHARACTERS = 1_000
MAX_TERMS = 32

# Opening and closing quotation marks a phrase can be written between.
_QUOTES = '"“”„‟«»'
_PHRASE = re.compile(rf"[{_QUOTES}]([^{_QUOTES}]*)[{_QUOTES}]?")
# A token as the index's tokenizer reads one (letters, digits, and marks on them).
_TOKEN = re.compile(r"[^\W_]+")


class Term(NamedTuple):
    """One thing every hit must have: a word, or words in a row; `prefix`:
    the last one is the start of a word."""

    tokens: tuple[str, ...]
    prefix: bool = False

    def expression(self) -> str:
        # Tokens are letters and digits only: nothing in them needs escaping.
        return '"' + " ".join(self.tokens) + '"' + ("*" if self.prefix else "")


def terms_of(query: str) -> list[Term]:
    """The terms of a query, in order; empty when it has no word to look for."""
    query = query[:MAX_QUERY_CHARACTERS]
    terms: list[Term] = []
    at = 0
    for phrase in _PHRASE.finditer(query):
        terms += _loose_terms(query[at:phrase.start()])
        tokens = tuple(t.lower() for t in _TOKEN.findall(phrase.group(1)))
        if tokens:
            terms.append(Term(tokens))
        at = phrase.end()
    terms += _loose_terms(query[at:])
    return terms[:MAX_TERMS]


def _loose_terms(text: str) -> list[Term]:
    """Words outside quotation marks: each written word a term (a phrase when
    the index cuts it in several, as "don't" or "covid-19")."""
    terms = []
    for written in text.split():
        tokens = tuple(t.lower() for t in _TOKEN.findall(written))
        if tokens:
            terms.append(Term(tokens, prefix=written.endswith("*")))
    return terms


def fts_expression(query: str) -> str | None:
    """The FTS5 MATCH expression for a query: all of its terms. None when
    there is no word to look for ("*", "—", an empty phrase)."""
    terms = terms_of(query)
    if not terms:
        return None
    return " AND ".join(term.expression() for term in terms)


def words_pattern(query: str) -> re.Pattern[str] | None:
    """Where a query's words are in a text, for showing a hit in context:
    any of its terms, case-blind, tokens joined by anything that is not a
    letter or digit (as the index joins them)."""
    terms = terms_of(query)
    if not terms:
        return None
    alternatives = []
    for term in sorted(terms, key=lambda t: -sum(map(len, t.tokens))):
        words = [re.escape(token) for token in term.tokens]
        if term.prefix:
            words[-1] += r"[^\W_]*"
        alternatives.append(r"(?<![^\W_])" + r"[\W_]+".join(words)
                            + ("" if term.prefix else r"(?![^\W_])"))
    return re.compile("|".join(alternatives), re.IGNORECASE)
