"""The history file on disk: vetting it, telling locked from broken, setting a bad one aside, and
write transactions.

Nothing here deletes a file: an unreadable log is renamed with a timestamp next to the new one.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

from massage_trainer.core.history import migrations as history_schema

BUSY_TIMEOUT_S = 10.0


class HistoryError(Exception):
    """The history cannot be used; the message says why and what to do, for a person to read."""


class HistoryReadOnly(HistoryError):
    """The log was written by a newer version: it is shown but never changed."""


class HistoryBusy(HistoryError):
    """Another program holds the log locked for longer than we wait."""


class Unreadable(Exception):
    """The file is not a usable history database (the reason is args[0])."""


def connect(path: Path, *, read_only: bool = False) -> sqlite3.Connection:
    if read_only:
        conn = sqlite3.connect(
            f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=BUSY_TIMEOUT_S
        )
    else:
        conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT_S, isolation_level=None)
    conn.execute("PRAGMA foreign_keys = ON")
    return conn


SQLITE_MAGIC = b"SQLite format 3\x00"


def _check_header(path: Path) -> None:
    """Refuse a non-database before SQLite opens it: SQLite would delete its -wal file on close."""
    try:
        with path.open("rb") as fh:
            head = fh.read(100)
    except FileNotFoundError:
        return
    except OSError as exc:
        raise Unreadable(f"it cannot be read: {exc.strerror or exc}") from exc
    if head and (len(head) < 100 or not head.startswith(SQLITE_MAGIC)):
        raise Unreadable("it is not a database file")


def connect_checked(path: Path) -> tuple[sqlite3.Connection, int]:
    """Open and vet the file: returns the connection and its schema version, or raises."""
    _check_header(path)
    try:
        conn = connect(path)
    except sqlite3.Error as exc:
        raise Unreadable(str(exc)) from exc
    try:
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
        if version <= history_schema.LATEST:
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = FULL")
    except sqlite3.OperationalError as exc:
        conn.close()
        if is_locked(exc):
            raise busy(path) from exc
        raise Unreadable(str(exc)) from exc
    except sqlite3.DatabaseError as exc:
        conn.close()
        raise Unreadable(str(exc)) from exc
    except Unreadable:
        conn.close()
        raise
    return conn, version


@contextmanager
def transaction(conn: sqlite3.Connection, path: Path) -> Iterator[sqlite3.Connection]:
    """One write transaction: all of it reaches the disk, or none of it does."""
    try:
        conn.execute("BEGIN IMMEDIATE")
    except sqlite3.OperationalError as exc:
        if is_locked(exc):
            raise busy(path) from exc
        raise
    try:
        yield conn
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


def is_locked(exc: sqlite3.Error) -> bool:
    text = str(exc).lower()
    return "locked" in text or "busy" in text


def busy(path: Path) -> HistoryBusy:
    return HistoryBusy(
        f"The session history {path} is locked by another program and did not become free "
        f"within {BUSY_TIMEOUT_S:g} seconds. Close other Massage Trainer windows and try again."
    )


def move_aside(path: Path, when: datetime) -> Path:
    """Rename the file (and its -wal/-shm companions) to NAME.corrupt-YYYYmmdd-HHMMSS."""
    base = f"{path.name}.corrupt-{when.strftime('%Y%m%d-%H%M%S')}"
    target = path.with_name(base)
    n = 2
    while any(
        path.with_name(target.name + extra).exists() for extra in ("", "-wal", "-shm", "-journal")
    ):
        target = path.with_name(f"{base}-{n}")
        n += 1
    try:
        for extra in ("-wal", "-shm", "-journal", ""):
            companion = path.with_name(path.name + extra)
            if companion.exists() or companion.is_symlink():
                os.replace(companion, target.with_name(target.name + extra))
    except OSError as exc:
        raise HistoryError(
            f"The session history {path} cannot be read and could not be set aside "
            f"({exc.strerror or exc}). Move it away by hand, then start again."
        ) from exc
    return target
