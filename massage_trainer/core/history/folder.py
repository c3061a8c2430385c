"""The data folder and the log file before SQLite sees them: private, ordinary, readable, writable.

The folder is made (or tightened to) 0700 and its files 0600; a pipe, socket or device where the
log should be is refused from its `stat`, without opening it; what cannot be read or written is
told apart here, so that the log is never set aside for a permission problem.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from massage_trainer.core import files
from massage_trainer.core.history import faults
from massage_trainer.core.protocol.localtext import LocalText

FILE_NAME = "history.sqlite3"


def prepare_folder(data_dir: Path) -> LocalText | None:
    """Create the data folder private (0700), or tighten one open to others; the notice to give."""
    try:
        opened_up = files.private_folder(data_dir)
    except files.NotRegular as exc:
        raise faults.not_a_folder(data_dir, exc.kind) from exc
    except OSError as exc:
        if exc.errno in files.DISK_FULL_ERRNOS:
            raise faults.disk_full(data_dir / FILE_NAME) from exc
        if isinstance(exc, FileExistsError | NotADirectoryError):
            raise faults.not_a_folder(data_dir, "file") from exc
        raise faults.cant_create(data_dir, files.reason(exc)) from exc
    files.tighten_files(data_dir)
    return faults.tightened(data_dir) if opened_up else None


def vet(path: Path) -> os.stat_result | None:
    """The log's stat, None when there is none yet; raises when it is no ordinary readable file."""
    try:
        st = files.regular_or_missing(path)
    except files.NotRegular as exc:
        raise faults.not_a_file(path, exc.kind) from exc
    except PermissionError as exc:  # looking inside the folder is not allowed
        raise faults.cant_read(path.parent, files.reason(exc), folder=True) from exc
    except OSError as exc:
        raise faults.from_os(exc, path) from exc
    if st is None:
        return None
    try:
        os.close(files.open_regular(path))
    except OSError as exc:
        raise faults.from_os(exc, path) from exc
    return st


def writable(path: Path) -> bool:
    """Can this user change the log and make its companion files (-wal, -shm) beside it?"""
    if not os.access(path.parent, os.W_OK | os.X_OK):
        return False
    try:
        os.close(files.open_regular(path, os.O_RDWR))
    except FileNotFoundError:
        return True
    except OSError:
        return False
    return True


def restore_companions(path: Path) -> None:
    """Give the owner write permission back on a -shm/-wal file that a read-only opening made
    read-only (SQLite copies the log's mode): SQLite would refuse to write through it."""
    if not files.POSIX:
        return
    for extra in ("-shm", "-wal"):
        companion = path.with_name(path.name + extra)
        try:
            st = companion.lstat()
            ours = stat.S_ISREG(st.st_mode) and files.owned(st)
            if ours and not st.st_mode & stat.S_IWUSR:
                os.chmod(companion, stat.S_IMODE(st.st_mode) | stat.S_IWUSR)
        except OSError:
            continue
