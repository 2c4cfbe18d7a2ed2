"""A digest written from the app: where it is proposed, asked before an
existing file is overwritten, written atomically off the UI thread, and
said in a notification. The reader's `e` and the library's `e` both write
this way. Served to a browser (`briefing serve`), a digest is never written
on the server: it is a download in the reader's browser, under a file name
only (see `download_name`)."""

from __future__ import annotations

import io
import os
from collections.abc import Callable
from pathlib import Path

from textual.app import App
from textual.screen import Screen

from briefing.files import WriteError, write_atomic
from briefing.tui.safe import literal, plain


def export_folder(app: App[object], beside: Path | None) -> Path:
    """Where a digest is proposed: the export folder of the settings, else
    `beside` (the briefing's folder, the library's) when it can be written
    and is not the bundled briefings', else the home folder; never wherever
    the app happened to start."""
    from briefing.resources import briefs_dir

    settings = getattr(app, "settings", None)
    if settings is not None and settings.export_folder is not None:
        folder = Path(settings.export_folder)
    elif (beside is not None and beside.resolve() != briefs_dir().resolve()
            and os.access(beside, os.W_OK)):
        folder = beside
    else:
        folder = Path.home()
    if plain(str(folder)) != str(folder):
        # A folder whose name would reach the prompt as an escape sequence
        # (or bytes no terminal can show): not proposed, the home folder is.
        folder = Path.home()
    return folder


def write_when_allowed(screen: Screen[object], path: Path,
                       write: Callable[[Path, bool], None]) -> None:
    """`write(path, overwrite)`: at once for a new file, after a yes for one
    that exists; a folder is refused (it could not be written anyway)."""
    from briefing.tui.screens.dialogs import ConfirmScreen

    if path.is_dir():
        screen.notify(f"{plain(str(path))} is a folder: give a file name in it.",
                      title="Not exported", severity="error", markup=False)
    elif path.exists():
        question = literal(f"{path} exists. Overwrite it?", one_line=True)
        screen.app.push_screen(ConfirmScreen(question),
                               lambda yes: write(path, True) if yes else None)
    else:
        write(path, False)


def write_digest(screen: Screen[object], path: Path | str, digest: str,
                 overwrite: bool) -> None:
    """Write a digest to `path` and say how it went (from a worker's
    thread); given a name (`str`) instead, served to a browser, it is a
    download there (see `download_name`)."""
    if isinstance(path, str):
        _deliver(screen, path, digest)
        return
    try:
        written = write_atomic(path, digest.encode("utf-8"), overwrite=overwrite)
    except WriteError as error:
        screen.app.call_from_thread(screen.notify, str(error), title="Export failed",
                                    severity="error", markup=False, timeout=10)
        return
    screen.app.call_from_thread(screen.notify, f"Wrote {written}", title="Digest exported",
                                markup=False, timeout=6)


def download_name(typed: str, default: str) -> str:
    """The file name a browser saves a digest under: the last part of what
    was typed (no folder of the server's is named), `default` if nothing
    usable is left."""
    name = plain(Path(typed.strip().replace("\\", "/")).name).strip()
    if not name or name in (".", ".."):
        name = default
    return name if name.lower().endswith((".md", ".markdown", ".txt")) else f"{name}.md"


def _deliver(screen: Screen[object], name: str, digest: str) -> None:
    """Hand a digest to the reader's browser as a download (from a worker's
    thread); nothing is written on the server."""
    def deliver() -> None:
        screen.app.deliver_text(io.StringIO(digest), save_filename=name,
                                mime_type="text/markdown")
        screen.notify(f"Sent to your browser as {name}", title="Digest exported",
                      markup=False, timeout=6)

    screen.app.call_from_thread(deliver)
