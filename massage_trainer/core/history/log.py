"""The session log: SQLite in DATA_DIR/history.sqlite3 that survives crashes and power cuts.

Every write is one transaction, committed with WAL and synchronous=FULL, so a killed program loses
at most the step in progress. A session begun and never ended shows as interrupted on the next
open. Only a corrupt file is set aside (never deleted) and a fresh log started; a log that cannot
be changed (no permission, a full disk, a newer version's) is shown read-only and left untouched.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Mapping, Sequence
from contextlib import AbstractContextManager
from datetime import datetime
from enum import Enum
from pathlib import Path
from typing import Literal

from massage_trainer.core.history import holds as safety_holds
from massage_trainer.core.history import migrations as history_schema
from massage_trainer.core.history import owner as history_owner
from massage_trainer.core.history import receivers
from massage_trainer.core.history.faults import (
    HistoryBusy,
    HistoryDiskFull,
    HistoryError,
    HistoryNotAFile,
    HistoryReadOnly,
    HistoryUnreadable,
)
from massage_trainer.core.history.opening import FILE_NAME, INTERRUPTED_REASON, open_log
from massage_trainer.core.history.records import (
    MODES,
    PRACTISED,
    TRIAL,
    EventRecord,
    Receiver,
    SessionRecord,
    Status,
    StepRecord,
    check_pain,
    parse_time,
    practised_detail,
    read_sessions,
)
from massage_trainer.core.history.storage import fault, transaction
from massage_trainer.core.protocol.localtext import LocalText
from massage_trainer.core.safety.holds import Hold

__all__ = [
    "ALL",
    "FILE_NAME",
    "INTERRUPTED_REASON",
    "PRACTISED",
    "History",
    "HistoryBusy",
    "HistoryDiskFull",
    "HistoryError",
    "HistoryNotAFile",
    "HistoryReadOnly",
    "HistoryUnreadable",
    "Receiver",
    "SessionRecord",
    "Status",
    "StepRecord",
    "practised_detail",
]


class _All(Enum):
    ALL = "all"


ALL: Literal[_All.ALL] = _All.ALL
"""Pass as `receiver` to read every receiver's sessions (None means the nameless default)."""

Now = Callable[[], datetime]


def _local_now() -> datetime:
    return datetime.now().astimezone()


def _stamp(when: datetime) -> str:
    return when.isoformat(timespec="seconds")


class History:
    """One open session log. Use `History.open(data_dir)`; close it when done."""

    def __init__(
        self,
        conn: sqlite3.Connection,
        path: Path,
        *,
        now: Now,
        read_only: HistoryError | None = None,
        version: int = history_schema.LATEST,
    ) -> None:
        self._conn = conn
        self.path = path
        self.read_only_reason = read_only
        """Why nothing may be written (no permission, a full disk, a newer version), or None."""
        self.version = version
        self._now = now
        self._owner = history_owner.new_token()

    @property
    def read_only(self) -> bool:
        return self.read_only_reason is not None

    # ------------------------------------------------------------------ opening

    @classmethod
    def open(cls, data_dir: Path, *, now: Now | None = None) -> tuple[History, LocalText | None]:
        """Open (creating or upgrading) the log; the text is a notice for the person, or None.

        Raises HistoryError (a subclass per fault) when the log cannot be shown at all."""
        clock = now or _local_now
        log = open_log(data_dir, clock)
        history = cls(log.conn, log.path, now=clock, read_only=log.read_only, version=log.version)
        return history, log.notice

    def close(self) -> None:
        history_owner.release(self._owner)
        self._conn.close()

    def __enter__(self) -> History:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _write(self) -> AbstractContextManager[sqlite3.Connection]:
        """One write transaction: all of it reaches the disk, or none of it does."""
        reason = self.read_only_reason
        if reason is not None:
            raise type(reason)(reason.text, reason.fault)
        return transaction(self._conn, self.path)

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
        trial: bool = False,
    ) -> int:
        """Record a session the moment it starts; returns its id for the calls that follow.

        A `trial` (a headless play) is kept but never counts toward a course."""
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
            sid = int(cur.lastrowid or 0)
            if trial:
                c.execute(
                    "INSERT INTO events (session_id, at, kind, detail) VALUES (?, ?, ?, ?)",
                    (sid, _stamp(self._now()), TRIAL, "played from the command line"),
                )
            return sid

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
        trial: bool = False,
    ) -> int:
        """The safety check said no: keep the answers and the reasons, nothing was played."""
        sid = self.begin_session(
            protocol_id=protocol_id,
            protocol_version=protocol_version,
            answers=answers,
            verdict=verdict,
            verdict_reasons=reasons,
            receiver_id=receiver_id,
            trial=trial,
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

    # ------------------------------------------------------------------ receivers

    def add_receiver(self, name: str, note: str = "") -> int:
        """A named receiver profile; the name is unique (spaces tidied)."""
        with self._write() as c:
            return receivers.add(c, name, note, _stamp(self._now()))

    def rename_receiver(self, receiver_id: int, name: str, note: str | None = None) -> None:
        with self._write() as c:
            receivers.rename(c, receiver_id, name, note)

    # ------------------------------------------------------------------ safety holds

    def add_hold(
        self,
        receiver_id: int | None,
        reason: str,
        detail: str = "",
        session_id: int | None = None,
    ) -> int:
        """Keep a "see a doctor first" for this receiver (None: the unnamed one)."""
        with self._write() as c:
            return safety_holds.add(
                c,
                receiver_id,
                reason=reason,
                detail=detail,
                session_id=session_id,
                created=_stamp(self._now()),
            )

    def open_holds(self, receiver_id: int | None) -> list[Hold]:
        """The receiver's holds that no clearance has lifted yet, oldest first."""
        if self.version < 3:  # a log from before holds existed (opened read-only): none kept
            return []
        return safety_holds.open_for(self._conn, receiver_id)

    def all_open_holds(self) -> list[Hold]:
        """Every receiver's open holds, oldest first."""
        if self.version < 3:
            return []
        return safety_holds.all_open(self._conn)

    def clear_holds(self, receiver_id: int | None, note: str) -> int:
        """Record a doctor's clearance (with when and the note: who said so); every open hold
        of the receiver is lifted. Returns how many were."""
        with self._write() as c:
            return safety_holds.clear(c, receiver_id, note, _stamp(self._now()))

    def receivers(self) -> list[Receiver]:
        if self.version == 0:  # an empty log that could not be set up: nobody recorded yet
            return []
        return receivers.listed(self._conn)

    # ------------------------------------------------------------------ reading

    def sessions(
        self, receiver: int | Literal[_All.ALL] | None = ALL, *, with_steps: bool = True
    ) -> list[SessionRecord]:
        """Sessions oldest first, one receiver's or everyone's: with each completed step's record,
        or (`with_steps=False`, what the lists need) only their count and minutes."""
        where, params = "", ()  # type: tuple[str, tuple[object, ...]]
        if receiver is None:
            where = "WHERE s.receiver_id IS NULL"
        elif receiver is not ALL:
            where, params = "WHERE s.receiver_id = ?", (receiver,)
        return self._read(where, params, with_steps)

    def _read(
        self, where: str, params: tuple[object, ...], with_steps: bool
    ) -> list[SessionRecord]:
        if self.version == 0:  # an empty log that could not be set up (read-only, disk full)
            return []
        try:
            return read_sessions(self._conn, where, params, with_steps=with_steps)
        except sqlite3.OperationalError as exc:  # the disk failed under us, or a log too old
            raise fault(exc, self.path) from exc

    def session(self, session_id: int) -> SessionRecord:
        """One session with its steps."""
        for record in self._read("WHERE s.id = ?", (session_id,), True):
            return record
        raise KeyError(f"no session {session_id} in the history")

    def events(self, session_id: int) -> list[EventRecord]:
        if self.version == 0:
            return []
        rows = self._conn.execute(
            "SELECT at, kind, detail FROM events WHERE session_id = ? ORDER BY id", (session_id,)
        )
        return [EventRecord(parse_time(at), str(kind), str(detail)) for at, kind, detail in rows]

    def minutes_by_technique(
        self, receiver: int | Literal[_All.ALL] | None = ALL, mode: str | None = None
    ) -> dict[str, float]:
        """The practice log: minutes per technique (SessionRecord.minutes_by_technique, the one
        count every screen shows), of one mode's sessions or all."""
        totals: dict[str, float] = {}
        for record in self.sessions(receiver, with_steps=False):
            if mode is not None and record.mode != mode:
                continue
            for technique, minutes in record.minutes_by_technique.items():
                totals[technique] = totals.get(technique, 0.0) + minutes
        return totals
