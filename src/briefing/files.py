"""Writing files so that a failure never leaves half a file behind.

Digests, imported drafts and the reader-state file are all written here. A
plain `open(path, "w")` truncates the old file first, so a full disk or a
crash in the middle leaves the reader with neither the old file nor the new
one. Instead the bytes go to a temporary file in the same folder, are
flushed to the disk, and only then take the target's name with one atomic
`os.replace`. Every failure becomes a `WriteError` whose message names the
real path and says in plain words what went wrong.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from briefing.text import visible

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows has no flock
    fcntl = None  # type: ignore[assignment]

LOCK_TIMEOUT = 5.0
_LOCK_POLL = 0.02
_UNCHANGED = " (nothing was changed)"

# errno -> (kind, reason). `kind` lets a caller react without parsing text.
_REASONS: dict[int, tuple[str, str]] = {
    errno.ENOSPC: ("disk-full", "the disk is full"),
    errno.EDQUOT: ("disk-full", "your disk quota is used up"),
    errno.EROFS: ("read-only", "the folder is on a read-only file system"),
    errno.EACCES: ("permission", "permission denied"),
    errno.EPERM: ("permission", "permission denied"),
    errno.ENOTDIR: ("missing-folder", "part of the path is not a folder"),
    errno.EISDIR: ("not-a-file", "it is a folder"),
    errno.ENAMETOOLONG: ("other", "the name is too long"),
    errno.EFBIG: ("disk-full", "the file is too large for this file system"),
    errno.EIO: ("other", "input/output error (the disk may be failing)"),
    errno.ELOOP: ("other", "too many symbolic links"),
}


class WriteError(OSError):
    """A file could not be written; `str()` is one line the user can act on.

    It is an `OSError` so that any caller already catching those (the CLI
    does) reports it; `kind` is one of "exists", "disk-full", "read-only",
    "permission", "missing-folder", "not-a-file", "locked", "limit" or
    "other", for callers that react differently (the app asks before
    overwriting when the kind is "exists").
    """

    def __init__(self, path: Path, reason: str, *, kind: str = "other") -> None:
        self.path = path
        self.reason = reason
        self.kind = kind
        super().__init__(f"cannot write {visible(str(path), one_line=True)}: {reason}")

    def __str__(self) -> str:
        return str(self.args[0])


def write_error(path: Path, error: OSError) -> WriteError:
    """Turn an `OSError` raised while writing `path` into a plain `WriteError`."""
    if isinstance(error, WriteError):
        return error
    code = error.errno or 0
    if code == errno.ENOENT:
        folder = visible(str(path.parent), one_line=True)
        kind, reason = "missing-folder", f"the folder {folder} does not exist"
    elif code == errno.EEXIST:  # from mkdir: a file where a folder should be
        kind, reason = "not-a-file", "a file of that name is in the way"
    elif code in _REASONS:
        kind, reason = _REASONS[code]
    else:
        kind, reason = "other", (error.strerror or str(error) or type(error).__name__).lower()
    return WriteError(path, reason + _UNCHANGED, kind=kind)


def write_atomic(path: Path, data: bytes, *, overwrite: bool, durable: bool = True) -> Path:
    """Write `data` to `path` all at once or not at all; return the real path.

    A symbolic link is followed: its target gets the new bytes and the link
    stays. An existing target keeps its permission bits (and, where we are
    allowed, its owner); a new one gets 0o666 less the umask, as `open()`
    would. Without `overwrite`, anything already at `path` is refused, and
    the new file takes its name with `os.link`, which fails rather than
    replace a file that appeared meanwhile. On any failure the temporary
    file is removed and the old file is untouched. Without `durable`, the
    bytes are not forced to disk first (for files that can be rebuilt, such
    as the cache, whose entries carry their own check against damage).
    """
    path = Path(path)
    real = Path(os.path.realpath(path))
    try:
        info: os.stat_result | None = os.stat(real)
    except FileNotFoundError:
        info = None
    except OSError as error:
        raise write_error(real, error) from error
    if info is not None and stat.S_ISDIR(info.st_mode):
        raise WriteError(real, "it is a folder" + _UNCHANGED, kind="not-a-file")
    if not overwrite and os.path.lexists(path):
        raise WriteError(real, "already exists (use --force to overwrite)", kind="exists")
    if info is not None and not stat.S_ISREG(info.st_mode):
        # Replacing /dev/null or a FIFO with a regular file is never wanted.
        raise WriteError(real, "it is not a regular file (a device, pipe or socket)"
                         + _UNCHANGED, kind="not-a-file")
    mode = stat.S_IMODE(info.st_mode) if info is not None else 0o666 & ~_umask()

    try:
        fd, temporary = tempfile.mkstemp(prefix=f".{real.name[:80]}.", suffix=".tmp",
                                         dir=real.parent)
    except OSError as error:
        raise write_error(real, error) from error
    try:
        try:
            _write_all(fd, data)
            if info is not None and hasattr(os, "getuid") and (
                    (info.st_uid, info.st_gid) != (os.getuid(), os.getgid())):
                _keep_owner(fd, info)
            os.fchmod(fd, mode)  # after chown, which may clear set-id bits
            if durable:
                os.fsync(fd)
        finally:
            os.close(fd)
        if overwrite:
            os.replace(temporary, real)
        else:
            _place_exclusively(temporary, real)
    except BaseException as error:
        _remove(temporary)
        if isinstance(error, OSError):
            raise write_error(real, error) from error
        raise
    if durable:
        _fsync_folder(real.parent)
    return real


@contextmanager
def locked(path: Path, *, timeout: float = LOCK_TIMEOUT) -> Iterator[None]:
    """Hold an exclusive lock for `path` while the block runs.

    The lock is taken on a separate file, `path` + ".lock", never on `path`
    itself: `write_atomic` replaces `path` with a new inode, which would
    silently drop a lock held on the old one. `flock` locks belong to the
    open file, so two windows, two threads or two processes all exclude each
    other. Waits up to `timeout` seconds, then gives up with a `WriteError`.
    The lock file is left in place: deleting it would let a third writer lock
    a fresh file while the second still holds the old one.
    """
    path = Path(path)
    lock_path = path.with_name(path.name + ".lock")
    try:
        fd = os.open(lock_path, os.O_RDWR | os.O_CREAT | getattr(os, "O_CLOEXEC", 0), 0o600)
    except OSError as error:
        raise write_error(lock_path, error) from error
    try:
        if fcntl is not None:
            deadline = time.monotonic() + timeout
            while True:
                try:
                    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                    break
                except BlockingIOError:
                    if time.monotonic() >= deadline:
                        raise WriteError(path, "it is locked by another briefing window; "
                                         "try again in a moment" + _UNCHANGED,
                                         kind="locked") from None
                    time.sleep(_LOCK_POLL)
        yield
    finally:
        os.close(fd)  # closing the descriptor releases the lock


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        written = os.write(fd, view)
        view = view[written:]


def _place_exclusively(temporary: str, real: Path) -> None:
    """Give the temporary file the target's name unless the name is taken."""
    try:
        os.link(temporary, real)
    except FileExistsError:
        raise WriteError(real, "already exists (use --force to overwrite)",
                         kind="exists") from None
    except OSError as error:
        # File systems without hard links (FAT, some network and FUSE ones).
        if error.errno not in {errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP,
                               errno.EXDEV, errno.EMLINK, errno.ENOSYS}:
            raise
        if os.path.lexists(real):
            raise WriteError(real, "already exists (use --force to overwrite)",
                             kind="exists") from None
        os.replace(temporary, real)
        return
    _remove(temporary)


def _keep_owner(fd: int, info: os.stat_result) -> None:
    # Only root may give a file away; the mode is kept all the same.
    with contextlib.suppress(OSError):
        os.fchown(fd, info.st_uid, info.st_gid)


def _remove(name: str) -> None:
    with contextlib.suppress(OSError):
        os.unlink(name)


def _fsync_folder(folder: Path) -> None:
    """Make the rename itself durable. Best effort: the file is already in
    place, and some file systems refuse to fsync a folder."""
    try:
        fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _umask() -> int:
    """The process umask, read without changing it where the system allows
    (changing it, even briefly, races with other threads creating files)."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    mask = os.umask(0o022)
    os.umask(mask)
    return mask
