"""Receiver profiles in the session log: optional names for the people who receive massage.

The SQL of the receivers table; History calls these inside its write transactions.
"""

from __future__ import annotations

import sqlite3

from massage_trainer.core.history.records import Receiver


def _clean(name: str) -> str:
    return " ".join(name.split())


def add(c: sqlite3.Connection, name: str, note: str, created: str) -> int:
    """A new receiver; its name (spaces tidied) must be new."""
    clean = _clean(name)
    if not clean:
        raise ValueError("a receiver needs a name (or use the nameless default)")
    row = c.execute("SELECT id FROM receivers WHERE name = ?", (clean,)).fetchone()
    if row is not None:
        raise ValueError(f"there is already a receiver called {clean!r}")
    cur = c.execute(
        "INSERT INTO receivers (name, note, created) VALUES (?, ?, ?)", (clean, note, created)
    )
    return int(cur.lastrowid or 0)


def rename(c: sqlite3.Connection, receiver_id: int, name: str, note: str | None) -> None:
    clean = _clean(name)
    if not clean:
        raise ValueError("a receiver needs a name")
    clash = c.execute(
        "SELECT id FROM receivers WHERE name = ? AND id != ?", (clean, receiver_id)
    ).fetchone()
    if clash is not None:
        raise ValueError(f"there is already a receiver called {clean!r}")
    c.execute(
        "UPDATE receivers SET name = ?, note = coalesce(?, note) WHERE id = ?",
        (clean, note, receiver_id),
    )


def listed(conn: sqlite3.Connection) -> list[Receiver]:
    """Every receiver, by name."""
    rows = conn.execute("SELECT id, name, note FROM receivers ORDER BY name COLLATE NOCASE")
    return [Receiver(int(i), str(n), str(t)) for i, n, t in rows]
