"""The contents pane: every section with how many quotes and figures it holds."""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.content import Content
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from briefing.model import Briefing
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
        quotes = [0] * len(briefing.sections)
        figures = [0] * len(briefing.sections)
        for anchor in briefing.quote_anchors:  # anchors: no entry need be built
            quotes[anchor.section] += 1
        for anchor in briefing.figure_anchors:
            figures[anchor.section] += 1
        self.clear_options()
        self.add_options(
            Option(Content.assemble(
                (f"{index + 1} " if index < 9 else "  ", "$text-muted"),
                literal(section.title, "bold", one_line=True),
                "\n  ",
                (f"{counted(quotes[index], 'quote')} · {counted(figures[index], 'figure')}",
                 "$text-muted"),
            ))
            for index, section in enumerate(briefing.sections)
        )

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.post_message(SectionChosen(event.option_index))
