"""Many briefings as one Markdown digest: the morning's, or a folder's.

Each briefing's digest (briefing.digest, with its safety: a briefing's words
stay text) under one title, newest first, its headings one level down. With
`starred_only`, only the briefings where the reader starred or noted
something. Nothing here imports Textual.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import date
from pathlib import Path

from briefing.digest import DigestOptions, escape_inline, render_digest, written_date
from briefing.errors import BriefingError
from briefing.library import LibraryEntry, library_order, shown_name
from briefing.model import Briefing
from briefing.state import ReaderState
from briefing.text import counted

# A digest's own headings: a briefing's words never start a line with "#"
# (escape_inline escapes it), so these are the only lines that do.
_HEADING = re.compile(r"^(#{1,5}) ", re.MULTILINE)


def render_morning(briefings: Iterable[tuple[Briefing, ReaderState | None]], *,
                   title: str, options: DigestOptions | None = None) -> str:
    """One digest of `briefings` (in the order given) under `title`."""
    options = options or DigestOptions()
    blocks = [f"# {escape_inline(title)}"]
    shown = 0
    for briefing, state in briefings:
        if options.starred_only and not (state and (state.stars or state.notes)):
            continue
        digest = render_digest(briefing, options, state)
        blocks.append(_HEADING.sub(r"#\1 ", digest).rstrip("\n"))
        shown += 1
    if not shown:
        blocks.append("Nothing starred or noted in these briefings yet."
                      if options.starred_only else "No briefings here.")
    else:
        blocks.insert(1, counted(shown, "briefing") + ", newest first.")
    return "\n\n".join(blocks) + "\n"


def morning_title(folder_name: str, since: date | None, until: date | None) -> str:
    """`Briefings in NAME since 28 March 2022`, and so on."""
    title = f"Briefings in {folder_name}"
    if since is not None and until is not None:
        if since == until:
            return f"{title} of {written_date(since)}"
        return f"{title} from {written_date(since)} to {written_date(until)}"
    if since is not None:
        title += f" since {written_date(since)}"
    if until is not None:
        title += f" until {written_date(until)}"
    return title


def of_days(entries: Iterable[LibraryEntry], since: date | None,
            until: date | None) -> list[LibraryEntry]:
    """The valid briefings of the days from `since` to `until` (both
    included; either open), in the library's order: newest first."""
    return [entry for entry in sorted(entries, key=library_order) if entry.valid
            and (since is None or (entry.day is not None and entry.day >= since))
            and (until is None or (entry.day is not None and entry.day <= until))]


def briefings_of(folder: Path, names: Sequence[str], *, with_state: bool = True,
                 say: Callable[[str], None] = lambda _: None,
                 ) -> Iterator[tuple[Briefing, ReaderState | None]]:
    """Each named file of the folder, read, with the reader's stars and notes
    on it (`with_state`). A file that is no longer a valid briefing (it
    changed since it was listed) is left out, and stars that cannot be read
    are; `say` is told either, in one line."""
    from briefing.loader import load_briefing
    from briefing.state import load_state_for, state_key

    for name in names:
        path = folder / name
        try:
            briefing = load_briefing(path, source=shown_name(path))
        except BriefingError as error:
            say(f"{error.headline} (left out)")
            continue
        state = None
        if with_state:
            try:
                state = load_state_for(state_key(briefing, path))
            except BriefingError as error:
                say(f"warning: stars and notes left out: {error.headline}")
        yield briefing, state
