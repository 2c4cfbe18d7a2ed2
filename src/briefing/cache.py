"""A cache of parsed briefings, keyed on the file's content.

Parsing TOML is most of what opening a large briefing costs; the result of
parsing an unchanged file is always the same. The cache holds the parsed
document as JSON (never pickle: a cache file is untrusted input too), and
a cached document still goes through the same character checks, strict
validation and anchoring as a fresh one. A missing, stale or damaged entry
is ignored; failing to write one never fails a load.
"""

from __future__ import annotations

import hashlib
import json
import os
from datetime import date, datetime
from pathlib import Path
from typing import Any

from briefing import __version__

CACHE_DIR_VARIABLE = "BRIEFING_CACHE_DIR"
MAX_CACHE_BYTES = 64 * 1024 * 1024
_MIN_SIZE = 64 * 1024  # smaller files parse faster than a cache can be read


def cache_dir() -> Path:
    override = os.environ.get(CACHE_DIR_VARIABLE)
    if override:
        return Path(override)
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("briefing")) / "parsed"


def worth_caching(data: str) -> bool:
    return len(data) >= _MIN_SIZE


def content_key(text: str) -> str:
    """The file's content and this reader's version: either changing misses."""
    digest = hashlib.sha256(text.encode("utf-8", "surrogatepass"))
    digest.update(__version__.encode())
    return digest.hexdigest()[:40]


def _encode(value: Any) -> Any:
    if isinstance(value, datetime):
        return {"$datetime": value.isoformat()}
    if isinstance(value, date):
        return {"$date": value.isoformat()}
    raise TypeError(f"cannot cache {type(value).__name__}")


def _decode(table: dict[str, Any]) -> Any:
    if len(table) == 1:
        if isinstance(table.get("$date"), str):
            return date.fromisoformat(table["$date"])
        if isinstance(table.get("$datetime"), str):
            return datetime.fromisoformat(table["$datetime"])
    return table


def read(key: str) -> tuple[dict[str, Any], str] | None:
    """The cached document for this content and the JSON text it was read
    from (for the loader's character check), or None when missing or unusable."""
    path = cache_dir() / f"{key}.json"
    try:
        with open(path, "rb") as handle:
            data = handle.read(MAX_CACHE_BYTES + 1)
        if len(data) > MAX_CACHE_BYTES:
            return None
        text = data.decode("utf-8")
        document = json.loads(text, object_hook=_decode)
    except (OSError, ValueError, RecursionError):
        return None
    return (document, text) if isinstance(document, dict) else None


def write(key: str, document: dict[str, Any]) -> None:
    """Store a document that has just passed validation; errors are ignored."""
    from briefing.files import write_atomic

    try:
        data = json.dumps(document, default=_encode, ensure_ascii=False,
                          separators=(",", ":")).encode("utf-8")
        folder = cache_dir()
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        write_atomic(folder / f"{key}.json", data, overwrite=True)
    except (OSError, TypeError, ValueError):
        pass
