"""Articles from the web: saved pages, links and feeds, for `briefing import`.

By job: `page` (bytes to a bounded HTML tree), `extract` (the article and its
metadata, with trafilatura), `cleanup` (what the project takes out on top:
repeated headline, end matter, captions, prompts), `fetch` (http and https
with httpx, within limits), `sniff` (what a source is), `feeds` (RSS and
Atom with feedparser, on bytes already fetched). Nothing here imports
Textual, and nothing here is imported on the reader's start-up path:
trafilatura, httpx and feedparser load only when an import needs them.
"""
