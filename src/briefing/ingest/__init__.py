"""Draft a briefing from a plain-text or Markdown news article.

    draft = draft_from_file("article.txt")   # or "-" for standard input
    draft.toml       # a format-1 briefing that `briefing validate` accepts
    draft.warnings   # one line each: dropped characters, left-out entries

The work is split by job: `reading` (bytes to clean text), `article`
(headline, standfirst, crossheads, paragraphs), `inline` (Markdown inline
syntax reduced to its words), `spans` (quotation marks and
sentences), `phrases` and `people` (who a speaker phrase names), `quotes`
(attribution), `figures` (numbers), `themes` (sections) and `draft`
(assembly and validation). Nothing here imports Textual.
"""

from briefing.ingest.draft import Draft, Masthead, draft_from_file, draft_from_text

__all__ = ["Draft", "Masthead", "draft_from_file", "draft_from_text"]
