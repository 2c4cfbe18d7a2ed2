"""The contents pane: every section with how many quotes and figures it holds."""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Sequence
from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.content import Content
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from briefing.model import Anchor, Briefing
from briefing.text import counted
from briefing.tui.messages import SectionChosen
from briefing.tui.safe import literal


class ContentsList(OptionList):
    """Sections in reading order; Enter or a click goes to one."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "cursor_down", "Next section", show=False),
        Binding("k", "cursor_up", "Previous section", show=False),
        Binding("g", "first", "First section", show=False),
        Binding("G", "last", "Last section", show=False),
    ]

    def show(self, briefing: Briefing) -> None:
        quotes = _per_section(briefing.quote_anchors, len(briefing.sections))
        figures = _per_section(briefing.figure_anchors, len(briefing.sections))
        self.clear_options()
        self.add_options(
            Option(Content.assemble(
                (f"{index + 1} " if index < 9 else "  ", "$foreground-muted"),
                literal(section.title, "bold", one_line=True),
                "\n  ",
                (f"{counted(quotes[index], 'quote')} · {counted(figures[index], 'figure')}",
                 "$foreground-muted"),
            ))
            for index, section in enumerate(briefing.sections)
        )

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.post_message(SectionChosen(event.option_index))


def _per_section(anchors: Sequence[Anchor], sections: int) -> list[int]:
    """How many anchors fall in each section. Anchors are in reading order,
    so a bisection per section boundary counts them: from the cache, only
    those probed are ever built (a few thousand of 20,000)."""
    bounds = [bisect.bisect_left(anchors, (section,)) for section in range(sections + 1)]
    return [end - start for start, end in itertools.pairwise(bounds)]
