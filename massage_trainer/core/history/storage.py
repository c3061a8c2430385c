"""The history file under SQLite: connecting, vetting its contents, write transactions, setting
a corrupt one aside.

A file is checked from its first bytes before SQLite opens it; SQLite's failures are turned into
the HistoryError of their kind (faults.py), and only a damaged or foreign database is reported as
Unreadable, which is what may be set aside (renamed, never deleted).
"""

from __future__ import annotations

import os
import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from datetime import datetime
from pathlib import Path

from massage_trainer.core import files
from massage_trainer.core.history import faults
from massage_trainer.core.history import migrations as history_schema
from massage_trainer.core.history.faults import (
    HistoryBusy,
    HistoryDiskFull,
    HistoryError,
    HistoryNotAFile,
    HistoryReadOnly,
    HistoryUnreadable,
)
from massage_trainer.core.history.folder import (
    FILE_NAME,
)

__all__ = [
    "BUSY_TIMEOUT_S",
    "FILE_NAME",
    "HistoryBusy",
    "HistoryDiskFull",
    "HistoryError",
    "HistoryNotAFile",
    "HistoryReadOnly",
    "HistoryUnreadable",
    "Unreadable",
    "connect",
    "connect_any",
    "connect_checked",
    "fault",
    "move_aside",
    "transaction",
]

BUSY_TIMEOUT_S = 10.0
SQLITE_MAGIC = b"SQLite format 3\x00"
COMPANIONS = ("-wal", "-shm", "-journal")


class Unreadable(Exception):
    """The file is not a usable history database (the reason is args[0]): it may be set aside."""


def connect(path: Path, *, read_only: bool = False, immutable: bool = False) -> sqlite3.Connection:
    if read_only:
        uri = f"{path.resolve().as_uri()}?mode=ro" + ("&immutable=1" if immutable else "")
        conn = sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_S, isolation_level=None)
    else:
        conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT_S, isolation_level=None)
    conn.execute("PRAGMA foreign_keys = ON")
    return conn


def fault(exc: sqlite3.Error, path: Path, *, midway: bool = False) -> HistoryError:
    """The plain-language error for an SQLite failure while using the log."""
    if faults.is_corrupt(exc):
        return faults.disk_error(path, str(exc))
    return faults.from_sqlite(exc, path, BUSY_TIMEOUT_S, midway=midway)


@contextmanager
def transaction(conn: sqlite3.Connection, path: Path) -> Iterator[sqlite3.Connection]:
    """BEGIN IMMEDIATE ... COMMIT: all of it reaches the disk or none of it; SQLite's failures
    come out as the HistoryError of their kind (a full disk, a lock, no permission)."""
    try:
        conn.execute("BEGIN IMMEDIATE")
    except sqlite3.OperationalError as exc:
        raise fault(exc, path, midway=True) from exc
    try:
        yield conn
    except BaseException as exc:
        with suppress(sqlite3.Error):
            conn.execute("ROLLBACK")
        if isinstance(exc, sqlite3.DatabaseError) and not isinstance(exc, sqlite3.IntegrityError):
            raise fault(exc, path, midway=True) from exc
        raise
    try:
        conn.execute("COMMIT")
    except sqlite3.Error as exc:
        with suppress(sqlite3.Error):
            conn.execute("ROLLBACK")
        raise fault(exc, path, midway=True) from exc


def _check_header(path: Path) -> None:
    """Refuse a non-database before SQLite opens it: SQLite would delete its -wal file on close."""
    try:
        head = files.read_head(path, 100)
    except OSError as exc:
        raise faults.from_os(exc, path) from exc
    if head and (len(head) < 100 or not head.startswith(SQLITE_MAGIC)):
        raise Unreadable("it is not a database file")


def _raise_for(exc: sqlite3.Error, path: Path) -> None:
    if faults.is_corrupt(exc):
        raise Unreadable(str(exc)) from exc
    raise faults.from_sqlite(exc, path, BUSY_TIMEOUT_S) from exc


def connect_checked(path: Path, *, read_only: bool = False) -> tuple[sqlite3.Connection, int]:
    """Open and vet the file: the connection and its schema version; raises Unreadable when it is
    corrupt or foreign, a HistoryError for every other fault."""
    _check_header(path)
    try:
        conn = connect_any(path, read_only=read_only)
    except sqlite3.Error as exc:
        _raise_for(exc, path)
        raise
    try:
        conn.execute("BEGIN")  # one snapshot: a program creating the schema is seen whole or not
        version = int(conn.execute("PRAGMA user_version").fetchone()[0])
        check = [str(r[0]) for r in conn.execute("PRAGMA quick_check").fetchall()]
        if check != ["ok"]:
            raise Unreadable("damaged: " + "; ".join(check[:3]))
        if version == 0 and history_schema.user_tables(conn):
            raise Unreadable("it holds tables that are not a Massage Trainer history")
        known = 0 < version <= history_schema.LATEST
        problems = history_schema.schema_problems(conn, version) if known else []
        if problems:
            raise Unreadable("; ".join(problems))
        conn.execute("COMMIT")
        if not read_only and version <= history_schema.LATEST:
            _use_wal(conn)
            conn.execute("PRAGMA synchronous = FULL")
    except sqlite3.Error as exc:
        conn.close()
        _raise_for(exc, path)
        raise
    except BaseException:
        conn.close()
        raise
    return conn, version


def _use_wal(conn: sqlite3.Connection) -> None:
    """Switch a new log to write-ahead logging. The switch needs the file to itself and SQLite
    does not wait for that (it reports 'locked' at once), so it is retried within the timeout."""
    if str(conn.execute("PRAGMA journal_mode").fetchone()[0]).lower() == "wal":
        return
    deadline = time.monotonic() + BUSY_TIMEOUT_S
    pause = 0.005
    while True:
        try:
            conn.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as exc:
            code = faults.sqlite_code(exc)
            if (
                code not in (faults.SQLITE_BUSY, faults.SQLITE_LOCKED)
                or time.monotonic() > deadline
            ):
                raise
        time.sleep(pause)
        pause = min(pause * 2, 0.1)


def connect_any(path: Path, *, read_only: bool) -> sqlite3.Connection:
    """Connect. Read-only, a log whose write-ahead file is empty is opened as immutable, so that
    SQLite makes no -wal/-shm files (made read-only, they would stop writing once permission
    is given back); otherwise read-only as usual, or immutable where SQLite may not make them."""
    if not read_only:
        return connect(path)
    wal = path.with_name(path.name + "-wal")
    try:
        pending = wal.stat().st_size > 0
    except OSError:
        pending = False
    if not pending:
        return connect(path, read_only=True, immutable=True)
    conn = connect(path, read_only=True)
    try:
        conn.execute("PRAGMA user_version").fetchone()
    except sqlite3.OperationalError as exc:
        conn.close()
        if faults.sqlite_code(exc) != faults.SQLITE_CANTOPEN:
            raise
        return connect(path, read_only=True, immutable=True)
    return conn


def move_aside(path: Path, when: datetime, seen: os.stat_result | None) -> Path | None:
    """Rename the file (and its -wal/-shm companions) to NAME.corrupt-YYYYmmdd-HHMMSS.

    None when the file is no longer the one found corrupt (another program set it aside and
    started a new log a moment ago): that new log is left alone."""
    try:
        now = path.stat()
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise faults.cannot_set_aside(path, files.reason(exc)) from exc
    if seen is not None and (now.st_dev, now.st_ino) != (seen.st_dev, seen.st_ino):
        return None
    base = f"{path.name}.corrupt-{when.strftime('%Y%m%d-%H%M%S')}"
    target = path.with_name(base)
    n = 2
    while any(path.with_name(target.name + extra).exists() for extra in ("", *COMPANIONS)):
        target = path.with_name(f"{base}-{n}")
        n += 1
    try:
        for extra in (*COMPANIONS, ""):
            companion = path.with_name(path.name + extra)
            if companion.exists() or companion.is_symlink():
                os.replace(companion, target.with_name(target.name + extra))
    except OSError as exc:
        raise faults.cannot_set_aside(path, files.reason(exc)) from exc
    return target
