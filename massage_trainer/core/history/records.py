"""Plain records read back from the history log: sessions, their steps and events, receivers."""

from __future__ import annotations

import gc
import json
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum
from itertools import groupby
from operator import itemgetter


class Status(StrEnum):
    RUNNING = "running"  # begun and not ended yet (or its process is still alive)
    COMPLETED = "completed"
    INTERRUPTED = "interrupted"  # the program ended before the session did (crash, kill, power cut)
    STOPPED = "stopped"
    REFUSED = "refused"  # the safety check said no: nothing was played


ENDED_STATUSES = frozenset({Status.COMPLETED, Status.INTERRUPTED, Status.STOPPED, Status.REFUSED})
MODES = ("guided", "practice")
PRACTICE = "practice"
"""A student's practice (slow motion, loops): kept and counted in minutes, never a course session."""
TRIAL = "trial"
"""The mode read back for a trial run (a headless play): marked by an event of this kind written
with the session's first row, so trials need no change to the database's schema."""


@dataclass(frozen=True, slots=True)
class Receiver:
    """The person who receives the massage; optional, a nameless default works too."""

    id: int
    name: str
    note: str = ""


@dataclass(frozen=True, slots=True)
class StepRecord:
    index: int
    step_id: str
    technique: str
    seconds: float
    completed: datetime


@dataclass(frozen=True, slots=True)
class EventRecord:
    at: datetime
    kind: str
    detail: str = ""


@dataclass(frozen=True, slots=True)
class SessionRecord:
    id: int
    protocol_id: str
    protocol_version: int
    started: datetime
    ended: datetime | None
    status: Status
    reason: str = ""
    answers: dict[str, object] = field(default_factory=dict)
    verdict: str = ""
    verdict_reasons: tuple[str, ...] = ()
    note: str = ""
    receiver_id: int | None = None
    receiver_name: str = ""
    pain_before: int | None = None
    pain_after: int | None = None
    pain_map: tuple[str, ...] = ()
    mode: str = "guided"
    new_course: bool = False
    steps: tuple[StepRecord, ...] = ()
    practised: tuple[tuple[str, float], ...] = ()
    """Practice only: (technique, seconds) of steps practised and left before their end."""

    @property
    def day(self) -> date:
        return self.started.date()

    @property
    def steps_done(self) -> int:
        """Distinct steps that ran to their end (a step repeated after Previous counts once)."""
        return len({s.index for s in self.steps})

    @property
    def minutes_by_technique(self) -> dict[str, float]:
        """Minutes per technique: the completed steps, and in practice the steps left early. The
        one count the table, the charts, the glossary and the practice panel show."""
        totals: dict[str, float] = {}
        for step in self.steps:
            totals[step.technique] = totals.get(step.technique, 0.0) + step.seconds / 60.0
        if self.mode == PRACTICE:
            for technique, seconds in self.practised:
                totals[technique] = totals.get(technique, 0.0) + seconds / 60.0
        return totals

    @property
    def minutes(self) -> float:
        """Massage time in the completed steps (and in practice the pieces left early)."""
        return sum(self.minutes_by_technique.values())

    @property
    def counts_for_course(self) -> bool:
        """A session counts toward a course when some massage was actually given as a session
        of it: a trial run from the command line gives none to anybody, and a student's
        practice (slow motion, loops) is practice, not a session of the receiver's course."""
        return (
            self.status is not Status.REFUSED
            and self.mode not in (TRIAL, PRACTICE)
            and self.steps_done > 0
        )


def minutes_text(minutes: float) -> str:
    """Minutes as every screen and file shows them: one decimal ("2.1"); the one rounding."""
    return f"{minutes:.1f}"


def check_pain(value: int | None, what: str) -> int | None:
    """Pain scores are whole numbers 0 (none) to 10 (worst imaginable); None means not asked."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 10:
        raise ValueError(f"{what} must be a whole number from 0 to 10, not {value!r}")
    return value


def parse_time(text: object) -> datetime:
    """Stored times carry their UTC offset; one without (edited by hand) is taken as local."""
    when = datetime.fromisoformat(text if isinstance(text, str) else str(text))
    return when if when.tzinfo is not None else when.astimezone()


def session_from_row(
    row: tuple[object, ...],
    steps: tuple[StepRecord, ...],
    practised: tuple[tuple[str, float], ...] = (),
) -> SessionRecord:
    (sid, pid, pver, started, ended, status, reason, answers, verdict, reasons, note) = row[:11]
    (rid, rname, before, after, pain_map, mode, new_course) = row[11:]
    return SessionRecord(
        id=sid if type(sid) is int else int(str(sid)),
        protocol_id=str(pid),
        protocol_version=pver if type(pver) is int else int(str(pver)),
        started=parse_time(started),
        ended=parse_time(ended) if ended is not None else None,
        status=Status(str(status)),
        reason=str(reason),
        answers=_json_dict(answers),
        verdict=str(verdict),
        verdict_reasons=_json_strings(reasons),
        note=str(note),
        receiver_id=int(str(rid)) if rid is not None else None,
        receiver_name=str(rname),
        pain_before=int(str(before)) if before is not None else None,
        pain_after=int(str(after)) if after is not None else None,
        pain_map=_json_strings(pain_map),
        mode=str(mode),
        new_course=bool(new_course),
        steps=steps,
        practised=practised,
    )


def _json(text: object) -> object:
    try:
        return json.loads(str(text))
    except ValueError:
        return None


def _json_dict(text: object) -> dict[str, object]:
    value = _json(text)  # JSON object keys are always text
    return value if isinstance(value, dict) else {}


def _json_strings(text: object) -> tuple[str, ...]:
    if text == "[]":  # most sessions: no pain map, no reasons (read 10,000 at a time)
        return ()
    value = _json(text)
    return tuple(str(v) for v in value) if isinstance(value, list) else ()


def read_sessions(
    conn: sqlite3.Connection, where: str = "", params: tuple[object, ...] = ()
) -> list[SessionRecord]:
    """Sessions matching `where` (on sessions s), with their steps, ordered by their moment."""
    with _without_cycle_collection():
        return _read_sessions(conn, where, params)


@contextmanager
def _without_cycle_collection() -> Iterator[None]:
    """Years of use are some 90,000 records made at once. They hold no reference cycles, yet
    each burst of allocations sets off Python's cycle collector, which then walks the whole
    heap (in the window, all of Qt's objects too): paused while they are made, it runs later."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()


def _read_sessions(
    conn: sqlite3.Connection, where: str, params: tuple[object, ...]
) -> list[SessionRecord]:
    rows = conn.execute(
        "SELECT s.id, protocol_id, protocol_version, started, ended, status, reason, answers, "
        "verdict, verdict_reasons, s.note, receiver_id, coalesce(r.name, ''), pain_before, "
        "pain_after, pain_map, CASE WHEN EXISTS (SELECT 1 FROM events e WHERE e.session_id = s.id "
        f"AND e.kind = '{TRIAL}') THEN '{TRIAL}' ELSE mode END, new_course FROM sessions s "
        f"LEFT JOIN receivers r ON r.id = s.receiver_id {where}",
        params,
    ).fetchall()
    steps: dict[int, tuple[StepRecord, ...]] = {}
    rows_of_steps = conn.execute(
        "SELECT session_id, idx, step_id, technique, seconds, completed FROM session_steps "
        "ORDER BY session_id, id"
    )
    fromisoformat = datetime.fromisoformat  # 10,000 sessions have some 80,000 steps
    for sid, group in groupby(rows_of_steps, key=itemgetter(0)):
        made = []
        for _sid, idx, step_id, technique, seconds, completed in group:
            when = fromisoformat(completed)
            if when.tzinfo is None:  # edited by hand: taken as local time, as parse_time does
                when = when.astimezone()
            made.append(StepRecord(idx, step_id, technique, seconds, when))
        steps[sid] = tuple(made)
    practised: dict[int, list[tuple[str, float]]] = {}
    for sid, at, detail in conn.execute(
        "SELECT session_id, at, detail FROM events WHERE kind = ? ORDER BY session_id, id",
        (PRACTISED,),
    ):
        piece = parse_practised(EventRecord(parse_time(at), PRACTISED, str(detail)))
        if piece is not None:
            practised.setdefault(sid, []).append(piece)
    records = [
        session_from_row(row, steps.get(row[0], ()), tuple(practised.get(row[0], ())))
        for row in rows
    ]
    # by the moment, not the text: a summer-time change or a trip shifts the UTC offset
    return sorted(records, key=lambda r: (r.started, r.id))


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
