"""Files that hold a person's data: private folders, special files refused, writes that are atomic.

The data folder keeps names, pain scores and answers about health, so it is made readable by its
owner only (0700, files 0600), as browsers and mail clients keep their profiles. A named pipe or a
device where a file is expected is refused from its `stat`, before anything opens it (opening a
FIFO would block forever). Outputs are written to a temporary file beside the target, flushed and
renamed, so a full disk or a crash leaves either the old file or the new one, never half of one.
File modes and non-blocking opens are POSIX ideas: elsewhere those steps are skipped.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

POSIX = os.name == "posix"
PRIVATE_DIR = 0o700
PRIVATE_FILE = 0o600
_OPEN_TO_OTHERS = 0o077

DISK_FULL_ERRNOS = frozenset({errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC), errno.EFBIG})
NO_PERMISSION_ERRNOS = frozenset({errno.EACCES, errno.EPERM, errno.EROFS})


def kind_of(mode: int) -> str:
    """What a file system entry is, in plain words (for 'X is a ..., not a ...' messages)."""
    if stat.S_ISDIR(mode):
        return "folder"
    if stat.S_ISFIFO(mode):
        return "named pipe"
    if stat.S_ISSOCK(mode):
        return "socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "device"
    if stat.S_ISREG(mode):
        return "file"
    return "special file"


KIND_RU = {
    "folder": "папка",
    "named pipe": "именованный канал",
    "socket": "сокет",
    "device": "устройство",
    "file": "файл",
    "special file": "особый файл",
}
"""The words of kind_of in Russian."""


class NotRegular(OSError):
    """Something other than an ordinary file sits where a file is expected (`kind` says what)."""

    def __init__(self, path: Path, kind: str) -> None:
        super().__init__(errno.EINVAL, f"it is a {kind}, not an ordinary file", str(path))
        self.kind = kind


def regular_or_missing(path: Path) -> os.stat_result | None:
    """The file's stat when it is an ordinary file, None when there is nothing; raises NotRegular
    for a folder, pipe, socket or device, and OSError when it cannot be looked at."""
    try:
        st = path.stat()
    except FileNotFoundError:
        return None
    if not stat.S_ISREG(st.st_mode):
        raise NotRegular(path, kind_of(st.st_mode))
    return st


def open_regular(path: Path, flags: int = os.O_RDONLY) -> int:
    """Open an ordinary file without ever blocking on a pipe; returns the descriptor.

    Checked before opening and again on the open descriptor, so a pipe swapped in between is
    still refused (O_NONBLOCK makes that open return at once)."""
    regular_or_missing(path)
    fd = os.open(path, flags | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise NotRegular(path, kind_of(st.st_mode))
        if POSIX and hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
    except BaseException:
        os.close(fd)
        raise
    return fd


def read_head(path: Path, size: int) -> bytes:
    """The first `size` bytes of an ordinary file (b'' when it does not exist)."""
    try:
        fd = open_regular(path)
    except FileNotFoundError:
        return b""
    with os.fdopen(fd, "rb") as fh:
        return fh.read(size)


def owned(st: os.stat_result) -> bool:
    """Is this file this user's? (False where the system has no user ids to compare.)"""
    geteuid: Callable[[], int] | None = getattr(os, "geteuid", None)
    return geteuid is not None and st.st_uid == geteuid()


def private_folder(folder: Path) -> bool:
    """Make sure `folder` exists, usable by its owner only; True when an existing folder open to
    other users was tightened (their permissions taken off, the owner's left as they were) (the person should be told). Raises OSError (NotRegular when a file
    or device is in the way) when it cannot be made."""
    try:
        st = folder.stat()
    except FileNotFoundError:
        folder.parent.mkdir(parents=True, exist_ok=True)
        with contextlib.suppress(FileExistsError):  # another program made it a moment ago
            folder.mkdir(mode=PRIVATE_DIR)
        st = folder.stat()
    if not stat.S_ISDIR(st.st_mode):
        raise NotRegular(folder, kind_of(st.st_mode))
    if not POSIX or not owned(st) or not st.st_mode & _OPEN_TO_OTHERS:
        return False
    os.chmod(folder, stat.S_IMODE(st.st_mode) & ~_OPEN_TO_OTHERS)  # never adds a permission
    return True


def tighten_files(folder: Path) -> int:
    """Take other users' permissions off the files and folders inside `folder` (owned by this user);
    returns how many were changed. New files made by other code with the default mode are caught at the next open."""
    if not POSIX:
        return 0
    changed = 0
    for root, dirs, names in os.walk(folder):
        for name in dirs + names:
            p = Path(root) / name
            try:
                st = p.lstat()
            except OSError:
                continue
            if not owned(st) or not st.st_mode & _OPEN_TO_OTHERS:
                continue
            if not (stat.S_ISDIR(st.st_mode) or stat.S_ISREG(st.st_mode)):
                continue
            try:
                os.chmod(p, stat.S_IMODE(st.st_mode) & ~_OPEN_TO_OTHERS)
            except OSError:
                continue
            changed += 1
    return changed


def create_private(path: Path) -> bool:
    """Create an empty file readable by its owner only; False when it already existed."""
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE)
    except FileExistsError:
        return False
    os.close(fd)
    return True


def append_private(path: Path, text: str) -> None:
    """Append text to a file made 0600 if new (crash logs may quote a person's data)."""
    fd = os.open(
        path, os.O_WRONLY | os.O_CREAT | os.O_APPEND | getattr(os, "O_NONBLOCK", 0), PRIVATE_FILE
    )
    with os.fdopen(fd, "a", encoding="utf-8") as fh:
        if not stat.S_ISREG(os.fstat(fh.fileno()).st_mode):
            raise NotRegular(path, kind_of(os.fstat(fh.fileno()).st_mode))
        fh.write(text)


def _default_mode() -> int:
    """0666 less the process umask: what open() would give a new file (read without changing it
    where the system can tell, else by setting and restoring it). Only POSIX has a umask."""
    if not POSIX:
        return 0o666
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("Umask:"):
                    return 0o666 & ~int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    mask = os.umask(0o022)
    os.umask(mask)
    return 0o666 & ~mask


def write_atomic(target: Path, write: Callable[[BinaryIO], None], *, private: bool = False) -> None:
    """Write a file all at once: `write` fills a temporary file beside `target`, which is flushed
    to disk and renamed over it. On any error the target is untouched, the temporary file removed
    and the OSError raised. `private` files are 0600; others keep the mode an existing target had,
    or get the usual mode of a new file."""
    import tempfile  # here: the window's start does without it

    existing = regular_or_missing(target)  # never replace a device or a pipe with a file
    folder = target.parent if str(target.parent) else Path(".")
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=folder)
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as fh:
            write(fh)
            fh.flush()
            os.fsync(fh.fileno())
        if POSIX:
            if private:
                mode = PRIVATE_FILE
            elif existing is not None:
                mode = stat.S_IMODE(existing.st_mode)
            else:
                mode = _default_mode()
            os.chmod(tmp, mode)
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    _sync_folder(folder)


def write_bytes_atomic(target: Path, data: bytes, *, private: bool = False) -> None:
    """write_atomic for data already in memory (a rendered PNG or PDF, a CSV text)."""

    def put(fh: BinaryIO) -> None:
        fh.write(data)

    write_atomic(target, put, private=private)


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX; Windows has no directory handles to sync)."""
    if not POSIX:
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def reason(exc: OSError) -> str:
    """The operating system's reason, without the file name (the message names the file)."""
    if isinstance(exc, NotRegular):
        return str(exc.args[1])
    return exc.strerror or str(exc)
