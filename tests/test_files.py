"""Writing files: all or nothing, in plain words when it fails.

The tests run as root on CI, where chmod stops nothing, so a read-only
folder and a full disk are made real with small tmpfs mounts where the
machine allows it, and are always also injected as the errors the system
would raise, to check that the old file survives and the message is plain.
"""

from __future__ import annotations

import errno
import os
import stat
import subprocess
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from briefing import files
from briefing.files import WriteError, locked, write_atomic

OLD = b"the reader's old digest\n"
NEW = b"# A new digest\n"


def leftovers(folder: Path) -> list[str]:
    """Temporary files a failed write would have left behind."""
    return sorted(p.name for p in folder.iterdir() if p.name.startswith("."))


@pytest.fixture
def umask_022() -> Iterator[None]:
    old = os.umask(0o022)
    yield
    os.umask(old)


def test_new_file_gets_the_usual_mode(tmp_path: Path, umask_022: None) -> None:
    target = tmp_path / "digest.md"
    assert write_atomic(target, NEW, overwrite=False) == target
    assert target.read_bytes() == NEW
    assert stat.S_IMODE(target.stat().st_mode) == 0o644
    assert leftovers(tmp_path) == []


def test_overwrite_keeps_the_mode(tmp_path: Path) -> None:
    target = tmp_path / "digest.md"
    target.write_bytes(OLD)
    target.chmod(0o600)
    write_atomic(target, NEW, overwrite=True)
    assert target.read_bytes() == NEW
    assert stat.S_IMODE(target.stat().st_mode) == 0o600


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0,
                    reason="only root can give a file to someone else")
def test_overwrite_by_root_keeps_the_owner(tmp_path: Path) -> None:
    target = tmp_path / "digest.md"
    target.write_bytes(OLD)
    os.chown(target, 1234, 1234)
    target.chmod(0o640)
    write_atomic(target, NEW, overwrite=True)
    info = target.stat()
    assert (info.st_uid, info.st_gid, stat.S_IMODE(info.st_mode)) == (1234, 1234, 0o640)


def test_symlink_is_followed_and_kept(tmp_path: Path) -> None:
    real = tmp_path / "notes" / "digest.md"
    real.parent.mkdir()
    real.write_bytes(OLD)
    real.chmod(0o640)
    link = tmp_path / "latest.md"
    link.symlink_to(real)
    assert write_atomic(link, NEW, overwrite=True) == real
    assert link.is_symlink() and link.resolve() == real
    assert real.read_bytes() == NEW
    assert stat.S_IMODE(real.stat().st_mode) == 0o640
    assert leftovers(tmp_path) == [] and leftovers(real.parent) == []


def test_existing_file_is_not_overwritten_without_permission(tmp_path: Path) -> None:
    target = tmp_path / "digest.md"
    target.write_bytes(OLD)
    with pytest.raises(WriteError) as caught:
        write_atomic(target, NEW, overwrite=False)
    assert str(caught.value) == f"cannot write {target}: already exists (use --force to overwrite)"
    assert caught.value.kind == "exists"
    assert target.read_bytes() == OLD
    assert leftovers(tmp_path) == []


def test_a_dangling_symlink_counts_as_existing(tmp_path: Path) -> None:
    link = tmp_path / "digest.md"
    link.symlink_to(tmp_path / "elsewhere.md")
    with pytest.raises(WriteError, match="already exists"):
        write_atomic(link, NEW, overwrite=False)
    assert not (tmp_path / "elsewhere.md").exists()


def test_a_file_appearing_meanwhile_is_not_clobbered(tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """The existence check is repeated atomically (os.link) when the file takes its name."""
    target = tmp_path / "digest.md"
    real_fsync = os.fsync

    def someone_else_writes(fd: int) -> None:
        real_fsync(fd)
        if not target.exists():
            target.write_bytes(OLD)

    monkeypatch.setattr(os, "fsync", someone_else_writes)
    with pytest.raises(WriteError, match="already exists"):
        write_atomic(target, NEW, overwrite=False)
    assert target.read_bytes() == OLD
    assert leftovers(tmp_path) == []


@pytest.mark.parametrize("code,words,kind", [
    (errno.ENOSPC, "the disk is full (nothing was changed)", "disk-full"),
    (errno.EDQUOT, "your disk quota is used up (nothing was changed)", "disk-full"),
    (errno.EROFS, "the folder is on a read-only file system (nothing was changed)",
     "read-only"),
    (errno.EACCES, "permission denied (nothing was changed)", "permission"),
    (errno.EIO, "input/output error (the disk may be failing) (nothing was changed)", "other"),
])
@pytest.mark.parametrize("step", ["write", "fsync", "replace"])
def test_injected_failure_leaves_the_old_file_and_says_why(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, code: int, words: str, kind: str,
        step: str) -> None:
    target = tmp_path / "digest.md"
    target.write_bytes(OLD)

    def fail(*args: object) -> None:
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(os, step, fail)
    with pytest.raises(WriteError) as caught:
        write_atomic(target, NEW * 1000, overwrite=True)
    assert str(caught.value) == f"cannot write {target}: {words}"
    assert caught.value.kind == kind
    assert target.read_bytes() == OLD
    assert leftovers(tmp_path) == []


def test_failure_to_create_the_temporary_file(tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(files.tempfile, "mkstemp", refuse)
    with pytest.raises(WriteError, match=r"digest\.md: permission denied \(nothing was changed\)"):
        write_atomic(tmp_path / "digest.md", NEW, overwrite=False)


def test_missing_folder_is_named(tmp_path: Path) -> None:
    target = tmp_path / "no" / "such" / "digest.md"
    with pytest.raises(WriteError) as caught:
        write_atomic(target, NEW, overwrite=False)
    assert str(caught.value) == (f"cannot write {target}: the folder {target.parent} does not "
                                 "exist (nothing was changed)")


@pytest.mark.parametrize("overwrite", [False, True])
def test_a_folder_is_not_replaced(tmp_path: Path, overwrite: bool) -> None:
    (tmp_path / "digest.md").mkdir()
    with pytest.raises(WriteError) as caught:
        write_atomic(tmp_path / "digest.md", NEW, overwrite=overwrite)
    assert str(caught.value) == (f"cannot write {tmp_path / 'digest.md'}: it is a folder "
                                 "(nothing was changed)")
    assert (tmp_path / "digest.md").is_dir()


def test_a_device_or_pipe_is_not_replaced(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    with pytest.raises(WriteError, match="not a regular file"):
        write_atomic(fifo, NEW, overwrite=True)
    assert stat.S_ISFIFO(fifo.lstat().st_mode)
    assert leftovers(tmp_path) == []


def test_path_with_control_characters_is_shown_safely(tmp_path: Path) -> None:
    target = tmp_path / "evil\x1b]0;title\x07" / "d.md"
    with pytest.raises(WriteError) as caught:
        write_atomic(target, NEW, overwrite=False)
    assert "\x1b" not in str(caught.value) and "\\x1b]0;title\\x07" in str(caught.value)


# --- real file systems, where the machine lets us mount them ----------------------------

@pytest.fixture
def mount_tmpfs(tmp_path: Path) -> Iterator[Callable[[str], Path]]:
    mounted: list[Path] = []

    def mount(options: str) -> Path:
        where = tmp_path / f"mnt{len(mounted)}"
        where.mkdir()
        try:
            result = subprocess.run(["mount", "-t", "tmpfs", "-o", options, "tmpfs",
                                     str(where)], capture_output=True, text=True, timeout=10)
        except (OSError, subprocess.TimeoutExpired) as error:
            pytest.skip(f"cannot mount a tmpfs here: {error}")
        if result.returncode != 0:
            pytest.skip(f"cannot mount a tmpfs here: {result.stderr.strip()}")
        mounted.append(where)
        return where

    yield mount
    for where in reversed(mounted):
        subprocess.run(["umount", "-l", str(where)], check=False)


def test_really_full_disk_keeps_the_old_file(mount_tmpfs: Callable[[str], Path]) -> None:
    folder = mount_tmpfs("size=64k,mode=0755")
    target = folder / "digest.md"
    target.write_bytes(OLD)
    with pytest.raises(WriteError) as caught:
        write_atomic(target, b"x" * (1024 * 1024), overwrite=True)
    assert str(caught.value) == f"cannot write {target}: the disk is full (nothing was changed)"
    assert target.read_bytes() == OLD
    assert leftovers(folder) == []


def test_really_read_only_folder(mount_tmpfs: Callable[[str], Path]) -> None:
    folder = mount_tmpfs("size=64k,ro")
    target = folder / "digest.md"
    with pytest.raises(WriteError) as caught:
        write_atomic(target, NEW, overwrite=False)
    assert str(caught.value) == (f"cannot write {target}: the folder is on a read-only file "
                                 "system (nothing was changed)")
    assert caught.value.kind == "read-only"


# --- the lock ----------------------------------------------------------------------------

def test_lock_excludes_a_second_holder_and_says_so(tmp_path: Path) -> None:
    target = tmp_path / "state.toml"
    with locked(target):
        started = time.monotonic()
        with pytest.raises(WriteError) as caught, locked(target, timeout=0.3):
            pass
        assert time.monotonic() - started >= 0.3
    assert str(caught.value) == (f"cannot write {target}: it is locked by another briefing "
                                 "window; try again in a moment (nothing was changed)")
    assert caught.value.kind == "locked"
    with locked(target, timeout=0.3):  # released on exit
        pass
    assert (tmp_path / "state.toml.lock").exists()
    assert not target.exists()  # the lock never touches the file itself


def test_lock_waits_for_the_holder_to_finish(tmp_path: Path) -> None:
    target = tmp_path / "state.toml"
    order: list[str] = []
    holding = threading.Event()

    def hold() -> None:
        with locked(target):
            holding.set()
            time.sleep(0.3)
            order.append("first done")

    thread = threading.Thread(target=hold)
    thread.start()
    holding.wait()
    with locked(target):
        order.append("second in")
    thread.join()
    assert order == ["first done", "second in"]


def test_lock_in_a_missing_folder_fails_plainly(tmp_path: Path) -> None:
    with pytest.raises(WriteError, match="does not exist"), locked(tmp_path / "no" / "s.toml"):
        pass
