"""briefing: a terminal reader for news briefings.

The package root stays import-light on purpose: `briefing --version` must not
pay for pydantic or Textual.
"""

__version__ = "0.1.0"
