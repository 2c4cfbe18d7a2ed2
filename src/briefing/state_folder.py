"""Where the reader's state files live: the one thing about them that the
library and the archive need on every look, without loading the state
file's reading and checking (`briefing.state`)."""

from __future__ import annotations

import os
from pathlib import Path

STATE_DIR_VARIABLE = "BRIEFING_STATE_DIR"


def state_dir() -> Path:
    """The folder holding every briefing's state file."""
    override = os.environ.get(STATE_DIR_VARIABLE)
    if override:
        base = Path(override)
    else:
        import platformdirs

        base = Path(platformdirs.user_state_dir("briefing", appauthor=False))
    return base / "reader"
