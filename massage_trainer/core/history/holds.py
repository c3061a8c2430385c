"""Safety holds in the session log: "see a doctor first" kept per receiver (None: the unnamed one)
until someone records a doctor's clearance. Both are explicit rows with a time, never deleted, so
the log shows when a session was stopped, why, and who recorded the clearance.

The SQL of the safety_holds table; History calls these inside its write transactions.
"""

from __future__ import annotations

import sqlite3

from massage_trainer.core.safety.holds import Hold

_COLUMNS = "id, receiver_id, created, reason, detail"


def add(
    c: sqlite3.Connection,
    receiver_id: int | None,
    *,
    reason: str,
    detail: str,
    session_id: int | None,
    created: str,
) -> int:
    if not reason.strip():
        raise ValueError("a safety hold needs a reason")
    cur = c.execute(
        "INSERT INTO safety_holds (receiver_id, created, reason, detail, session_id) "
        "VALUES (?, ?, ?, ?, ?)",
        (receiver_id, created, reason.strip(), detail, session_id),
    )
    return int(cur.lastrowid or 0)


def open_for(c: sqlite3.Connection, receiver_id: int | None) -> list[Hold]:
    rows = c.execute(
        f"SELECT {_COLUMNS} FROM safety_holds WHERE receiver_id IS ? AND cleared IS NULL "
        "ORDER BY created, id",
        (receiver_id,),
    )
    return [Hold(int(i), r, str(t), str(why), str(d)) for i, r, t, why, d in rows]


def all_open(c: sqlite3.Connection) -> list[Hold]:
    rows = c.execute(
        f"SELECT {_COLUMNS} FROM safety_holds WHERE cleared IS NULL ORDER BY created, id"
    )
    return [Hold(int(i), r, str(t), str(why), str(d)) for i, r, t, why, d in rows]


def clear(c: sqlite3.Connection, receiver_id: int | None, note: str, when: str) -> int:
    clean = " ".join(note.split())
    if not clean:
        raise ValueError("say who cleared the receiver (for example the doctor's name)")
    cur = c.execute(
        "UPDATE safety_holds SET cleared = ?, cleared_note = ? "
        "WHERE receiver_id IS ? AND cleared IS NULL",
        (when, clean, receiver_id),
    )
    return int(cur.rowcount)
