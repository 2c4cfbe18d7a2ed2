"""Copying a quote or figure with its attribution to the terminal's clipboard."""

from __future__ import annotations

from textual.app import App

from briefing.citation import citation
from briefing.model import Briefing, Figure, Quote
from briefing.text import shorten

# How much of what was copied the toast repeats.
TOAST_CHARACTERS = 140


def copy_entry(app: App[object], briefing: Briefing, entry: Quote | Figure | None) -> None:
    """Copy the entry's citation and say what was copied (or that nothing
    was). Textual sends it to the terminal as OSC 52, which tmux and most
    terminals pass to the system clipboard."""
    if entry is None:
        app.notify("Nothing to copy: go to a quote or a figure first",
                   title="Nothing selected", severity="warning", markup=False, timeout=4)
        return
    text = citation(briefing, entry)
    app.copy_to_clipboard(text)
    kind = "quote" if isinstance(entry, Quote) else "figure"
    app.notify(shorten(text, TOAST_CHARACTERS), title=f"Copied the {kind} with attribution",
               markup=False, timeout=4)
