"""The history database's schema and its migrations, one function per version (PRAGMA user_version).

Version 1 is the first schema ever shipped; version 2 adds receivers, pain before/after with a pain
map, the session mode (guided or practice) and an explicit "start a new course" mark; version 3 adds
safety holds: "see a doctor first" stops kept per receiver until a doctor's clearance is recorded.
A database is
brought up to date one version at a time inside a single transaction, so a failed upgrade changes
nothing.
"""

from __future__ import annotations

import functools
import sqlite3
from collections.abc import Callable

V1_DDL = """
CREATE TABLE sessions (
    id INTEGER PRIMARY KEY,
    protocol_id TEXT NOT NULL,
    protocol_version INTEGER NOT NULL,
    started TEXT NOT NULL,
    ended TEXT,
    status TEXT NOT NULL
        CHECK (status IN ('running', 'completed', 'interrupted', 'stopped', 'refused')),
    reason TEXT NOT NULL DEFAULT '',
    answers TEXT NOT NULL DEFAULT '{}',
    verdict TEXT NOT NULL DEFAULT '',
    verdict_reasons TEXT NOT NULL DEFAULT '[]',
    note TEXT NOT NULL DEFAULT '',
    owner TEXT NOT NULL DEFAULT ''
);
CREATE TABLE session_steps (
    id INTEGER PRIMARY KEY,
    session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    step_id TEXT NOT NULL,
    technique TEXT NOT NULL,
    seconds REAL NOT NULL,
    completed TEXT NOT NULL
);
CREATE INDEX session_steps_by_session ON session_steps(session_id);
CREATE TABLE events (
    id INTEGER PRIMARY KEY,
    session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    at TEXT NOT NULL,
    kind TEXT NOT NULL,
    detail TEXT NOT NULL DEFAULT ''
);
CREATE INDEX events_by_session ON events(session_id);
CREATE INDEX sessions_by_status ON sessions(status);
"""

V2_DDL = """
CREATE TABLE receivers (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE CHECK (length(trim(name)) > 0),
    note TEXT NOT NULL DEFAULT '',
    created TEXT NOT NULL
);
ALTER TABLE sessions ADD COLUMN receiver_id INTEGER REFERENCES receivers(id) ON DELETE SET NULL;
ALTER TABLE sessions ADD COLUMN pain_before INTEGER CHECK (pain_before BETWEEN 0 AND 10);
ALTER TABLE sessions ADD COLUMN pain_after INTEGER CHECK (pain_after BETWEEN 0 AND 10);
ALTER TABLE sessions ADD COLUMN pain_map TEXT NOT NULL DEFAULT '[]';
ALTER TABLE sessions ADD COLUMN mode TEXT NOT NULL DEFAULT 'guided'
    CHECK (mode IN ('guided', 'practice'));
ALTER TABLE sessions ADD COLUMN new_course INTEGER NOT NULL DEFAULT 0;
CREATE INDEX sessions_by_receiver ON sessions(receiver_id, started);
"""


V3_DDL = """
CREATE TABLE safety_holds (
    id INTEGER PRIMARY KEY,
    receiver_id INTEGER REFERENCES receivers(id),
    created TEXT NOT NULL,
    reason TEXT NOT NULL CHECK (length(trim(reason)) > 0),
    detail TEXT NOT NULL DEFAULT '',
    session_id INTEGER REFERENCES sessions(id) ON DELETE SET NULL,
    cleared TEXT,
    cleared_note TEXT NOT NULL DEFAULT ''
);
CREATE INDEX safety_holds_by_receiver ON safety_holds(receiver_id, cleared)
"""


def _exec_script(conn: sqlite3.Connection, ddl: str) -> None:
    """Run DDL statement by statement: executescript() would COMMIT the surrounding transaction."""
    for statement in ddl.split(";"):
        if statement.strip():
            conn.execute(statement)


def _to_v1(conn: sqlite3.Connection) -> None:
    _exec_script(conn, V1_DDL)


def _to_v2(conn: sqlite3.Connection) -> None:
    _exec_script(conn, V2_DDL)


def _to_v3(conn: sqlite3.Connection) -> None:
    _exec_script(conn, V3_DDL)


MIGRATIONS: tuple[Callable[[sqlite3.Connection], None], ...] = (_to_v1, _to_v2, _to_v3)
"""MIGRATIONS[n] takes a database from version n to n + 1."""

LATEST = len(MIGRATIONS)


@functools.cache
def expected_columns(version: int = LATEST) -> dict[str, frozenset[str]]:
    """The tables and columns a database of `version` has: built by running the migrations."""
    conn = sqlite3.connect(":memory:")
    try:
        for step in MIGRATIONS[:version]:
            step(conn)
        return {
            table: frozenset(str(r[1]) for r in conn.execute(f"PRAGMA table_info({table})"))
            for table in user_tables(conn)
        }
    finally:
        conn.close()


def user_tables(conn: sqlite3.Connection) -> set[str]:
    rows = conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
    ).fetchall()
    return {str(r[0]) for r in rows}


def schema_problems(conn: sqlite3.Connection, version: int = LATEST) -> list[str]:
    """What a database claiming `version` lacks (a newer one may add more, never fewer)."""
    problems = []
    tables = user_tables(conn)
    for table, columns in expected_columns(min(version, LATEST)).items():
        if table not in tables:
            problems.append(f"table {table!r} is missing")
            continue
        have = {str(r[1]) for r in conn.execute(f"PRAGMA table_info({table})")}
        missing = sorted(columns - have)
        if missing:
            problems.append(f"table {table!r} lacks column(s) {', '.join(missing)}")
    return problems


def migrate(conn: sqlite3.Connection, current: int) -> None:
    """Bring the schema from `current` to LATEST; the caller holds the transaction."""
    for version in range(current, LATEST):
        MIGRATIONS[version](conn)
    conn.execute(f"PRAGMA user_version = {LATEST}")
