"""The session log: SQLite in DATA_DIR/history.sqlite3 that survives crashes and power cuts.

Every write is one transaction, committed with WAL and synchronous=FULL, so a killed program loses
at most the step in progress. A session begun and never ended shows as interrupted on the next
open. A file that cannot be read is set aside (never deleted) and a fresh log is started; a log
written by a newer version is opened read-only and left untouched.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import datetime
from enum import Enum
from pathlib import Path
from typing import Literal

from massage_trainer.core.history import migrations as history_schema
from massage_trainer.core.history import owner as history_owner
from massage_trainer.core.history.receivers import ReceiversMixin
from massage_trainer.core.history.records import (
    MODES,
    EventRecord,
    Receiver,
    SessionRecord,
    Status,
    StepRecord,
    check_pain,
    parse_time,
    read_sessions,
)
from massage_trainer.core.history.storage import (
    HistoryBusy,
    HistoryError,
    HistoryReadOnly,
    Unreadable,
    busy,
    connect,
    connect_checked,
    is_locked,
    move_aside,
)

__all__ = [
    "ALL",
    "FILE_NAME",
    "History",
    "HistoryBusy",
    "HistoryError",
    "HistoryReadOnly",
    "Receiver",
    "SessionRecord",
    "Status",
    "StepRecord",
]

FILE_NAME = "history.sqlite3"
INTERRUPTED_REASON = (
    "the program ended before the session did (closed, crashed, killed or power cut)"
)


class _All(Enum):
    ALL = "all"


ALL: Literal[_All.ALL] = _All.ALL
"""Pass as `receiver` to read every receiver's sessions (None means the nameless default)."""

Now = Callable[[], datetime]


def _local_now() -> datetime:
    return datetime.now().astimezone()


def _stamp(when: datetime) -> str:
    return when.isoformat(timespec="seconds")


class History(ReceiversMixin):
    """One open session log. Use `History.open(data_dir)`; close it when done."""

    def __init__(self, conn: sqlite3.Connection, path: Path, *, read_only: bool, now: Now) -> None:
        self._conn = conn
        self.path = path
        self.read_only = read_only
        self._now = now
        self._owner = history_owner.new_token()

    # ------------------------------------------------------------------ opening

    @classmethod
    def open(cls, data_dir: Path, *, now: Now | None = None) -> tuple[History, str | None]:
        """Open (creating or upgrading) the log; the string is a notice for the user, or None."""
        clock = now or _local_now
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
            aside = move_aside(path, clock())
            notice = (
                f"The session history could not be read ({bad.args[0]}). It was set aside as "
                f"{aside} and a new, empty history was started. Nothing was deleted."
            )
            conn, version = connect_checked(path)
        if version > history_schema.LATEST:
            conn.close()
            conn = connect(path, read_only=True)
            history = cls(conn, path, read_only=True, now=clock)
            unreadable = history_schema.schema_problems(conn)
            return history, (
                f"The session history {path} was written by a newer version of Massage Trainer "
                f"(format {version}; this version knows up to {history_schema.LATEST}). It is shown "
                "read-only and new sessions are not recorded. Update Massage Trainer to keep logging."
                + (" Some of it cannot be shown by this version." if unreadable else "")
            )
        history = cls(conn, path, read_only=False, now=clock)
        try:
            if version < history_schema.LATEST:
                with history._write():
                    history_schema.migrate(conn, version)
            problems = history_schema.schema_problems(conn)
            if problems:
                raise Unreadable("; ".join(problems))
            history._recover_abandoned()
        except (Unreadable, sqlite3.DatabaseError) as bad:
            if isinstance(bad, sqlite3.OperationalError) and is_locked(bad):
                history.close()
                raise busy(path) from bad
            history.close()
            aside = move_aside(path, clock())
            fresh, again = cls.open(data_dir, now=clock)
            reason = bad.args[0] if bad.args else type(bad).__name__
            return fresh, (
                f"The session history had an unknown layout ({reason}). It was set aside as "
                f"{aside} and a new, empty history was started. Nothing was deleted."
                + (f" {again}" if again else "")
            )
        except BaseException:
            history.close()
            raise
        return history, notice

    def close(self) -> None:
        history_owner.release(self._owner)
        self._conn.close()

    def __enter__(self) -> History:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        """One write transaction: all of it reaches the disk, or none of it does."""
        if self.read_only:
            raise HistoryReadOnly(
                f"The session history {self.path} belongs to a newer version of Massage Trainer "
                "and is not changed by this one. Update Massage Trainer to record sessions."
            )
        try:
            self._conn.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            if is_locked(exc):
                raise busy(self.path) from exc
            raise
        try:
            yield self._conn
        except BaseException:
            self._conn.execute("ROLLBACK")
            raise
        self._conn.execute("COMMIT")

    def _recover_abandoned(self) -> None:
        """Mark sessions whose program died as interrupted, keeping the steps they completed."""
        rows = self._conn.execute(
            "SELECT id, owner, started FROM sessions WHERE status = 'running'"
        ).fetchall()
        dead = [(sid, started) for sid, owner, started in rows if not history_owner.is_alive(owner)]
        if not dead:
            return
        with self._write() as c:
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
                        _stamp(self._now()),
                        "interrupted",
                        "found unfinished when the log opened",
                    ),
                )

    # ------------------------------------------------------------------ writing sessions

    def begin_session(
        self,
        *,
        protocol_id: str,
        protocol_version: int,
        answers: Mapping[str, object],
        verdict: str,
        verdict_reasons: Sequence[str],
        receiver_id: int | None = None,
        pain_before: int | None = None,
        pain_map: Sequence[str] = (),
        mode: str = "guided",
        new_course: bool = False,
    ) -> int:
        """Record a session the moment it starts; returns its id for the calls that follow."""
        check_pain(pain_before, "pain before")
        if mode not in MODES:
            raise ValueError(f"mode must be one of {', '.join(MODES)}, not {mode!r}")
        with self._write() as c:
            cur = c.execute(
                "INSERT INTO sessions (protocol_id, protocol_version, started, status, answers, "
                "verdict, verdict_reasons, owner, receiver_id, pain_before, pain_map, mode, "
                "new_course) VALUES (?, ?, ?, 'running', ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    protocol_id,
                    protocol_version,
                    _stamp(self._now()),
                    json.dumps(dict(answers), ensure_ascii=False, default=str),
                    verdict,
                    json.dumps(list(verdict_reasons), ensure_ascii=False),
                    self._owner,
                    receiver_id,
                    pain_before,
                    json.dumps(list(pain_map)),
                    mode,
                    int(new_course),
                ),
            )
            return int(cur.lastrowid or 0)

    def step_completed(
        self, session_id: int, index: int, step_id: str, technique: str, seconds: float
    ) -> None:
        """A step ran to its end: written at once, so a crash later cannot lose it."""
        with self._write() as c:
            self._require(c, session_id)
            c.execute(
                "INSERT INTO session_steps (session_id, idx, step_id, technique, seconds, completed) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                (session_id, index, step_id, str(technique), float(seconds), _stamp(self._now())),
            )

    def note_event(self, session_id: int, kind: str, detail: str = "") -> None:
        """Pause, resume, pain stop, skips...: kept in order with the session."""
        with self._write() as c:
            self._require(c, session_id)
            c.execute(
                "INSERT INTO events (session_id, at, kind, detail) VALUES (?, ?, ?, ?)",
                (session_id, _stamp(self._now()), kind, detail),
            )

    def end_session(
        self,
        session_id: int,
        status: str,
        reason: str = "",
        pain_after: int | None = None,
        note: str = "",
    ) -> None:
        """Close a session as completed, stopped, refused or interrupted."""
        final = Status(status)
        if final is Status.RUNNING:
            raise ValueError("a session cannot end as 'running'")
        check_pain(pain_after, "pain after")
        with self._write() as c:
            self._require(c, session_id)
            c.execute(
                "UPDATE sessions SET status = ?, reason = ?, ended = ?, "
                "pain_after = coalesce(?, pain_after), note = CASE WHEN ? = '' THEN note ELSE ? END "
                "WHERE id = ?",
                (final.value, reason, _stamp(self._now()), pain_after, note, note, session_id),
            )

    def record_refused(
        self,
        *,
        protocol_id: str,
        protocol_version: int,
        answers: Mapping[str, object],
        verdict: str,
        reasons: Sequence[str],
        receiver_id: int | None = None,
    ) -> int:
        """The safety check said no: keep the answers and the reasons, nothing was played."""
        sid = self.begin_session(
            protocol_id=protocol_id,
            protocol_version=protocol_version,
            answers=answers,
            verdict=verdict,
            verdict_reasons=reasons,
            receiver_id=receiver_id,
        )
        self.end_session(sid, Status.REFUSED, reason="; ".join(reasons) or verdict)
        return sid

    def set_before(self, session_id: int, pain_before: int | None, pain_map: Sequence[str]) -> None:
        check_pain(pain_before, "pain before")
        with self._write() as c:
            self._require(c, session_id)
            c.execute(
                "UPDATE sessions SET pain_before = ?, pain_map = ? WHERE id = ?",
                (pain_before, json.dumps(list(pain_map)), session_id),
            )

    def set_after(self, session_id: int, pain_after: int | None, note: str = "") -> None:
        """The after-session dialog: pain 0-10 and a free note, asked once the massage is over."""
        check_pain(pain_after, "pain after")
        with self._write() as c:
            self._require(c, session_id)
            c.execute(
                "UPDATE sessions SET pain_after = ?, note = ? WHERE id = ?",
                (pain_after, note, session_id),
            )

    def set_new_course(self, session_id: int, new_course: bool = True) -> None:
        with self._write() as c:
            self._require(c, session_id)
            c.execute(
                "UPDATE sessions SET new_course = ? WHERE id = ?", (int(new_course), session_id)
            )

    @staticmethod
    def _require(c: sqlite3.Connection, session_id: int) -> None:
        if c.execute("SELECT 1 FROM sessions WHERE id = ?", (session_id,)).fetchone() is None:
            raise KeyError(f"no session {session_id} in the history")

    # ------------------------------------------------------------------ reading

    def sessions(self, receiver: int | Literal[_All.ALL] | None = ALL) -> list[SessionRecord]:
        """Sessions oldest first, with their completed steps; one receiver's or everyone's."""
        where, params = "", ()  # type: tuple[str, tuple[object, ...]]
        if receiver is None:
            where = "WHERE s.receiver_id IS NULL"
        elif receiver is not ALL:
            where, params = "WHERE s.receiver_id = ?", (receiver,)
        return read_sessions(self._conn, where, params)

    def session(self, session_id: int) -> SessionRecord:
        for record in self.sessions():
            if record.id == session_id:
                return record
        raise KeyError(f"no session {session_id} in the history")

    def events(self, session_id: int) -> list[EventRecord]:
        rows = self._conn.execute(
            "SELECT at, kind, detail FROM events WHERE session_id = ? ORDER BY id", (session_id,)
        )
        return [EventRecord(parse_time(at), str(kind), str(detail)) for at, kind, detail in rows]

    def minutes_by_technique(
        self, receiver: int | Literal[_All.ALL] | None = ALL, mode: str | None = None
    ) -> dict[str, float]:
        """The practice log: minutes per technique of completed steps, plus the pieces of steps
        practised and then left early (noted as PRACTISED events)."""
        totals: dict[str, float] = {}
        for record in self.sessions(receiver):
            if mode is not None and record.mode != mode:
                continue
            for step in record.steps:
                totals[step.technique] = totals.get(step.technique, 0.0) + step.seconds / 60.0
            if record.mode != "practice":
                continue
            for event in self.events(record.id):
                piece = parse_practised(event) if event.kind == PRACTISED else None
                if piece is not None:
                    totals[piece[0]] = totals.get(piece[0], 0.0) + piece[1] / 60.0
        return totals


PRACTISED = "practised"
"""Event kind for practice time on a step that was left before its end (Next, Stop)."""


def practised_detail(technique: str, seconds: float) -> str:
    return json.dumps({"technique": technique, "seconds": round(float(seconds), 3)})


def parse_practised(event: EventRecord) -> tuple[str, float] | None:
    try:
        data = json.loads(event.detail)
        technique, seconds = str(data["technique"]), float(data["seconds"])
    except (ValueError, KeyError, TypeError):
        return None
    return (technique, seconds) if seconds >= 0 else None


# ---------------------------------------------------------------------- helpers
