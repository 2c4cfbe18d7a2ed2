"""Where the bundled briefings and the app's stylesheets live.

In a wheel they ship inside the package (`briefing/briefs`, `briefing/styles`);
in a source checkout or an editable install they are at the repository root.
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent
BUNDLED_BRIEFING_NAME = "2022-03-28-putin-averse-to-compromise.toml"


def _data_dir(name: str) -> Path:
    packaged = _PACKAGE / name
    if packaged.is_dir():
        return packaged
    return _PACKAGE.parent.parent / name


def briefs_dir() -> Path:
    return _data_dir("briefs")


def styles_dir() -> Path:
    return _data_dir("styles")


def bundled_briefing() -> Path:
    """The briefing `briefing` opens when no file is given."""
    return briefs_dir() / BUNDLED_BRIEFING_NAME
