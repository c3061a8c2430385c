"""Receiver profiles in the session log: optional names for the people who receive massage."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from contextlib import AbstractContextManager
from datetime import datetime

from massage_trainer.core.history.records import Receiver


class ReceiversMixin:
    """Receiver methods of History; it supplies the connection, the clock and write transactions."""

    _conn: sqlite3.Connection
    _now: Callable[[], datetime]

    def _write(self) -> AbstractContextManager[sqlite3.Connection]:
        raise NotImplementedError

    def add_receiver(self, name: str, note: str = "") -> int:
        clean = " ".join(name.split())
        if not clean:
            raise ValueError("a receiver needs a name (or use the nameless default)")
        with self._write() as c:
            row = c.execute("SELECT id FROM receivers WHERE name = ?", (clean,)).fetchone()
            if row is not None:
                raise ValueError(f"there is already a receiver called {clean!r}")
            cur = c.execute(
                "INSERT INTO receivers (name, note, created) VALUES (?, ?, ?)",
                (clean, note, self._now().isoformat(timespec="seconds")),
            )
            return int(cur.lastrowid or 0)

    def rename_receiver(self, receiver_id: int, name: str, note: str | None = None) -> None:
        clean = " ".join(name.split())
        if not clean:
            raise ValueError("a receiver needs a name")
        with self._write() as c:
            clash = c.execute(
                "SELECT id FROM receivers WHERE name = ? AND id != ?", (clean, receiver_id)
            ).fetchone()
            if clash is not None:
                raise ValueError(f"there is already a receiver called {clean!r}")
            c.execute(
                "UPDATE receivers SET name = ?, note = coalesce(?, note) WHERE id = ?",
                (clean, note, receiver_id),
            )

    def receivers(self) -> list[Receiver]:
        rows = self._conn.execute(
            "SELECT id, name, note FROM receivers ORDER BY name COLLATE NOCASE"
        )
        return [Receiver(int(i), str(n), str(t)) for i, n, t in rows]
