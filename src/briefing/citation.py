"""A quote or figure as a reader pastes it elsewhere: the words, who said or
claims them, and where and when they were published."""

from __future__ import annotations

from datetime import date

from briefing.model import Briefing, Figure, Masthead, Quote
from briefing.text import visible

_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December")


def day(value: date) -> str:
    """`28 March 2022`, the same on every machine (no locale)."""
    return f"{value.day} {_MONTHS[value.month - 1]} {value.year}"


def dateline(masthead: Masthead) -> str:
    """`Reuters · 28 March 2022` from whatever of the two the file gives."""
    parts = [masthead.source] if masthead.source else []
    if masthead.published:
        parts.append(day(masthead.published))
    return " · ".join(parts)


def origin(masthead: Masthead) -> str:
    """Where an entry was published: `Reuters, 28 March 2022, https://…`.
    The briefing's title stands in when it names no source and no link."""
    parts: list[str] = []
    if masthead.source:
        parts.append(masthead.source)
    elif not masthead.url:
        parts.append(f"“{masthead.title}”")
    if masthead.published:
        parts.append(day(masthead.published))
    if masthead.url:
        parts.append(masthead.url)
    return ", ".join(parts)


def who(name: str | None, role: str | None) -> str:
    """`Dmytro Kuleba, Ukraine’s foreign minister`."""
    return ", ".join(part for part in (name, role) if part)


def citation(briefing: Briefing, entry: Quote | Figure) -> str:
    """One line of plain text, for example
    `“We are not trading people” — Dmytro Kuleba, Ukraine’s foreign minister
    (Reuters, 28 March 2022, https://…)`, or for a figure
    `160,000 — people still trapped in Mariupol; claimed by Vadym Boichenko,
    Mariupol mayor; unverified (Reuters, …)`. A figure's status is named
    unless it is the default, `reported`."""
    if isinstance(entry, Quote):
        text = f"“{entry.text}” — {who(entry.speaker_name, entry.speaker_role)}"
    else:
        claimant = entry.claimant
        parts = [f"{entry.text} — {entry.label}"]
        if entry.claimant_name:
            parts.append("claimed by " + who(entry.claimant_name,
                                             claimant.role if claimant else None))
        if entry.status != "reported":
            parts.append(entry.status)
        text = "; ".join(parts)
    where = origin(briefing.masthead)
    # One line, whatever line breaks the words have. File text never holds
    # control characters (the loader refuses them): this is the second wall,
    # for a clipboard that is pasted into terminals.
    return visible(f"{text} ({where})" if where else text, one_line=True)
