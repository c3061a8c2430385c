"""Opening the session log: create or upgrade it, open a newer one read-only, set an unreadable
one aside (never deleting it) and start afresh, and mark the sessions of programs that died as
interrupted. The person is told in plain words what was done.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from massage_trainer.core.history import migrations as history_schema
from massage_trainer.core.history import owner as history_owner
from massage_trainer.core.history.storage import (
    HistoryError,
    Unreadable,
    busy,
    connect,
    connect_checked,
    is_locked,
    move_aside,
    transaction,
)

FILE_NAME = "history.sqlite3"
INTERRUPTED_REASON = (
    "the program ended before the session did (closed, crashed, killed or power cut)"
)


@dataclass(frozen=True, slots=True)
class OpenedLog:
    """A connection ready for use, and what the person should be told about it (or None)."""

    conn: sqlite3.Connection
    path: Path
    read_only: bool
    notice: str | None


def open_log(data_dir: Path, now: Callable[[], datetime]) -> OpenedLog:
    """Open (creating or upgrading) DATA_DIR/history.sqlite3."""
    try:
        data_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise HistoryError(
            f"The history folder {data_dir} cannot be created ({exc.strerror or exc}). "
            "Choose a folder you can write to with --data-dir."
        ) from exc
    path = data_dir / FILE_NAME
    notice: str | None = None
    try:
        conn, version = connect_checked(path)
    except Unreadable as bad:
        aside = move_aside(path, now())
        notice = (
            f"The session history could not be read ({bad.args[0]}). It was set aside as "
            f"{aside} and a new, empty history was started. Nothing was deleted."
        )
        conn, version = connect_checked(path)
    if version > history_schema.LATEST:
        conn.close()
        conn = connect(path, read_only=True)
        unreadable = history_schema.schema_problems(conn)
        return OpenedLog(
            conn,
            path,
            True,
            f"The session history {path} was written by a newer version of Massage Trainer "
            f"(format {version}; this version knows up to {history_schema.LATEST}). It is shown "
            "read-only and new sessions are not recorded. Update Massage Trainer to keep logging."
            + (" Some of it cannot be shown by this version." if unreadable else ""),
        )
    try:
        if version < history_schema.LATEST:
            with transaction(conn, path):
                history_schema.migrate(conn, version)
        problems = history_schema.schema_problems(conn)
        if problems:
            raise Unreadable("; ".join(problems))
        recover_abandoned(conn, path, now)
    except (Unreadable, sqlite3.DatabaseError) as bad:
        conn.close()
        if isinstance(bad, sqlite3.OperationalError) and is_locked(bad):
            raise busy(path) from bad
        aside = move_aside(path, now())
        fresh = open_log(data_dir, now)
        reason = bad.args[0] if bad.args else type(bad).__name__
        return OpenedLog(
            fresh.conn,
            fresh.path,
            fresh.read_only,
            f"The session history had an unknown layout ({reason}). It was set aside as "
            f"{aside} and a new, empty history was started. Nothing was deleted."
            + (f" {fresh.notice}" if fresh.notice else ""),
        )
    except BaseException:
        conn.close()
        raise
    return OpenedLog(conn, path, False, notice)


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
