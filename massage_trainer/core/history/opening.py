"""Opening the session log: vet the folder and the file, create or upgrade the log, open it
read-only when it cannot be changed, set a corrupt one aside (never deleting it) and start afresh,
and mark the sessions of programs that died as interrupted. The person is told in plain words what
was done, in English and Russian.

Only a readable file that SQLite reports as damaged, or that is not our database at all, is set
aside, at most once per opening; a file that cannot be read, cannot be written, sits on a full disk
or is locked stays exactly where it is. Creating and upgrading the schema happens in one write
transaction that first reads the version again, so several programs starting at once on a new
folder all end up in the one log.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from massage_trainer.core import files
from massage_trainer.core.history import faults
from massage_trainer.core.history import migrations as history_schema
from massage_trainer.core.history import owner as history_owner
from massage_trainer.core.history.faults import (
    Fault,
    HistoryDiskFull,
    HistoryError,
    HistoryReadOnly,
)
from massage_trainer.core.history.folder import (
    FILE_NAME,
    prepare_folder,
    restore_companions,
    vet,
    writable,
)
from massage_trainer.core.history.storage import (
    BUSY_TIMEOUT_S,
    Unreadable,
    connect_any,
    connect_checked,
    move_aside,
    transaction,
)
from massage_trainer.core.protocol.localtext import LocalText

__all__ = ["FILE_NAME", "INTERRUPTED_REASON", "OpenedLog", "open_log", "recover_abandoned"]

INTERRUPTED_REASON = (
    "the program ended before the session did (closed, crashed, killed or power cut)"
)


@dataclass
class OpenedLog:
    """A connection ready for use, and what the person should be told about it."""

    conn: sqlite3.Connection
    path: Path
    version: int
    read_only: HistoryError | None = None
    """Why nothing may be written (no permission, a full disk, a newer version), or None."""
    notices: list[LocalText] = field(default_factory=list)

    @property
    def notice(self) -> LocalText | None:
        return faults.joined(self.notices)


def open_log(data_dir: Path, now: Callable[[], datetime]) -> OpenedLog:
    """Vet, open (creating it private when new) and upgrade the log in `data_dir`."""
    notices: list[LocalText] = []
    tightened = prepare_folder(data_dir)
    if tightened is not None:
        notices.append(tightened)
    path = data_dir / FILE_NAME
    seen = vet(path)
    if seen is None:
        try:
            files.create_private(path)
        except OSError as exc:
            if exc.errno in files.DISK_FULL_ERRNOS:
                raise faults.disk_full(path) from exc
            raise faults.cant_create(data_dir, files.reason(exc)) from exc
        seen = vet(path)
    read_only: HistoryError | None = None
    if writable(path):
        restore_companions(path)
    else:
        read_only = faults.cant_write(path, "permission denied")
    for attempt in (1, 2):
        try:
            conn, version, read_only = _open_once(path, read_only)
            break
        except Unreadable as bad:
            if attempt == 2:
                raise faults.still_corrupt(path, str(bad.args[0])) from bad
            if not os.access(data_dir, os.W_OK | os.X_OK):
                raise faults.cannot_set_aside(path, "the folder cannot be changed") from bad
            aside = move_aside(path, now(), seen)
            if aside is not None:
                notices.append(faults.set_aside(str(bad.args[0]), aside))
            files.create_private(path)
            seen = vet(path)
    if version > history_schema.LATEST:
        conn.close()
        conn = connect_any(path, read_only=True)
        unreadable = bool(history_schema.schema_problems(conn))
        read_only = faults.newer(path, version, history_schema.LATEST, partly_unreadable=unreadable)
    if read_only is not None:
        notices.append(read_only.text)
    opened = OpenedLog(conn, path, version, read_only, notices)
    if read_only is None:
        try:
            recover_abandoned(conn, path, now)
        except (HistoryDiskFull, HistoryReadOnly) as exc:  # shown, but nothing more is saved
            opened.read_only = exc
            notices.append(exc.text)
        except BaseException:
            conn.close()
            raise
    return opened


def _open_once(
    path: Path, read_only: HistoryError | None
) -> tuple[sqlite3.Connection, int, HistoryError | None]:
    """Connect and upgrade; when writing turns out impossible (a full disk, a read-only disk),
    connect again read-only and say why."""
    if read_only is None:
        try:
            conn, version = connect_checked(path)
            conn = _upgraded(conn, path, version)
            return conn, int(conn.execute("PRAGMA user_version").fetchone()[0]), None
        except HistoryError as exc:  # a full, read-only or failing disk: show what is there
            if (
                not isinstance(exc, HistoryDiskFull | HistoryReadOnly)
                and exc.fault != Fault.DISK_ERROR
            ):
                raise
            read_only = exc
    conn, version = connect_checked(path, read_only=True)
    return conn, version, read_only


def _upgraded(conn: sqlite3.Connection, path: Path, version: int) -> sqlite3.Connection:
    """Create or upgrade the schema in one write transaction; the version is read again inside
    it, so when several programs start at once only the first one creates anything."""
    if version >= history_schema.LATEST:
        return conn
    try:
        conn.execute("BEGIN IMMEDIATE")
        try:
            current = int(conn.execute("PRAGMA user_version").fetchone()[0])
            if current < history_schema.LATEST:
                history_schema.migrate(conn, current)
            problems = history_schema.schema_problems(conn)
            if problems:
                raise Unreadable("unknown layout: " + "; ".join(problems))
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")
    except sqlite3.Error as exc:
        conn.close()
        if faults.sqlite_code(exc) in (1, *faults.CORRUPT_CODES):  # SQLITE_ERROR: not our tables
            raise Unreadable(f"unknown layout: {exc}") from exc
        raise faults.from_sqlite(exc, path, BUSY_TIMEOUT_S) from exc
    except BaseException:
        conn.close()
        raise
    return conn


def recover_abandoned(conn: sqlite3.Connection, path: Path, now: Callable[[], datetime]) -> None:
    """Mark sessions whose program died as interrupted, keeping the steps they completed."""
    rows = conn.execute(
        "SELECT id, owner, started FROM sessions WHERE status = 'running'"
    ).fetchall()
    dead = [(sid, started) for sid, owner, started in rows if not history_owner.is_alive(owner)]
    if not dead:
        return
    with transaction(conn, path) as c:
        for sid, started in dead:
            last = c.execute(
                "SELECT max(t) FROM (SELECT max(completed) AS t FROM session_steps "
                "WHERE session_id = ?1 UNION ALL SELECT max(at) FROM events WHERE session_id = ?1)",
                (sid,),
            ).fetchone()[0]
            c.execute(
                "UPDATE sessions SET status = 'interrupted', reason = ?, ended = ? WHERE id = ?",
                (INTERRUPTED_REASON, last or started, sid),
            )
            c.execute(
                "INSERT INTO events (session_id, at, kind, detail) VALUES (?, ?, ?, ?)",
                (
                    sid,
                    now().isoformat(timespec="seconds"),
                    "interrupted",
                    "found unfinished when the log opened",
                ),
            )
