"""Plain records read back from the history log: sessions, their steps and events, receivers."""

from __future__ import annotations

import gc
import json
import sqlite3
from collections.abc import Iterable, Iterator
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


_STATUSES: dict[object, Status] = {s.value: s for s in Status}
"""A stored status to its Status without Enum's lookup (10,000 sessions are read at once)."""
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
class StepTally:
    """What the lists show of a session's completed steps: how many distinct steps ran to their
    end (a step repeated after Previous counts once) and the minutes per technique, in the order
    the techniques were first done. Kept by the list read instead of every step's own record."""

    done: int = 0
    minutes: tuple[tuple[str, float], ...] = ()

    @staticmethod
    def add_up(steps: Iterable[tuple[int, str, float]]) -> StepTally:
        """The tally of completed steps given as (index, technique, seconds), in order."""
        indices: set[int] = set()
        totals: dict[str, float] = {}
        for index, technique, seconds in steps:
            indices.add(index)
            totals[technique] = totals.get(technique, 0.0) + seconds / 60.0
        return StepTally(len(indices), tuple(totals.items()))


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
    tally: StepTally | None = None
    """The steps' count and minutes, given by the list read, which leaves `steps` empty;
    None: worked out from `steps`."""

    def _tally(self) -> StepTally:
        if self.tally is not None:
            return self.tally
        return StepTally.add_up((s.index, s.technique, s.seconds) for s in self.steps)

    @property
    def day(self) -> date:
        return self.started.date()

    @property
    def steps_done(self) -> int:
        """Distinct steps that ran to their end (a step repeated after Previous counts once)."""
        return self._tally().done

    @property
    def minutes_by_technique(self) -> dict[str, float]:
        """Minutes per technique: the completed steps, and in practice the steps left early. The
        one count the table, the charts, the glossary and the practice panel show."""
        totals = dict(self._tally().minutes)
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
    tally: StepTally | None = None,
    cells: _Cells | None = None,
) -> SessionRecord:
    (sid, pid, pver, started, ended, status, reason, answers, verdict, reasons, note) = row[:11]
    (rid, rname, before, after, pain_map, mode, new_course) = row[11:]
    cells = cells or _Cells()
    return SessionRecord(
        id=sid if type(sid) is int else int(str(sid)),
        protocol_id=str(pid),
        protocol_version=pver if type(pver) is int else int(str(pver)),
        started=parse_time(started),
        ended=parse_time(ended) if ended is not None else None,
        status=_STATUSES.get(status) or Status(str(status)),
        reason=str(reason),
        answers=cells.answers(answers),
        verdict=str(verdict),
        verdict_reasons=cells.strings(reasons),
        note=str(note),
        receiver_id=rid if type(rid) is int or rid is None else int(str(rid)),
        receiver_name=str(rname),
        pain_before=before if type(before) is int or before is None else int(str(before)),
        pain_after=after if type(after) is int or after is None else int(str(after)),
        pain_map=cells.strings(pain_map),
        mode=str(mode),
        new_course=bool(new_course),
        steps=steps,
        practised=practised,
        tally=tally,
    )


class _Cells:
    """The JSON cells of one read, each distinct text decoded once: a receiver's answers, pain
    map and the verdict's reasons repeat from session to session over years of use."""

    def __init__(self) -> None:
        self._answers: dict[str, dict[str, object]] = {}
        self._strings: dict[str, tuple[str, ...]] = {"[]": ()}

    def answers(self, text: object) -> dict[str, object]:
        key = str(text)
        known = self._answers.get(key)
        if known is None:
            value = _json(key)  # JSON object keys are always text
            known = self._answers[key] = value if isinstance(value, dict) else {}
        return dict(known)  # each record its own dict: one changed leaves the others alone

    def strings(self, text: object) -> tuple[str, ...]:
        key = str(text)
        known = self._strings.get(key)
        if known is None:
            value = _json(key)
            known = tuple(str(v) for v in value) if isinstance(value, list) else ()
            self._strings[key] = known
        return known


def _json(text: str) -> object:
    try:
        return json.loads(text)
    except ValueError:
        return None


def read_sessions(
    conn: sqlite3.Connection,
    where: str = "",
    params: tuple[object, ...] = (),
    *,
    with_steps: bool = True,
) -> list[SessionRecord]:
    """Sessions matching `where` (on sessions s), ordered by their moment: with each completed
    step's record, or (`with_steps=False`, for lists of years of sessions) only their count and
    minutes per technique (`SessionRecord.tally`)."""
    with _without_cycle_collection():
        return _read_sessions(conn, where, params, with_steps)


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
    conn: sqlite3.Connection, where: str, params: tuple[object, ...], with_steps: bool
) -> list[SessionRecord]:
    rows = conn.execute(
        "SELECT s.id, protocol_id, protocol_version, started, ended, status, reason, answers, "
        "verdict, verdict_reasons, s.note, receiver_id, coalesce(r.name, ''), pain_before, "
        "pain_after, pain_map, CASE WHEN s.id IN (SELECT session_id FROM events "
        f"WHERE kind = '{TRIAL}') THEN '{TRIAL}' ELSE mode END, new_course FROM sessions s "
        f"LEFT JOIN receivers r ON r.id = s.receiver_id {where}",
        params,
    ).fetchall()
    # the steps and practice pieces of those sessions only (all of them when `where` is empty)
    chosen = f"WHERE session_id IN (SELECT s.id FROM sessions s {where})" if where else ""
    steps: dict[int, tuple[StepRecord, ...]] = {}
    tallies: dict[int, StepTally] = {}
    if with_steps:
        steps = _steps(conn, chosen, params)
    else:
        tallies = _tallies(conn, chosen, params)
    practised: dict[int, list[tuple[str, float]]] = {}
    for sid, at, detail in conn.execute(
        "SELECT session_id, at, detail FROM events "
        f"{chosen + ' AND' if chosen else 'WHERE'} kind = ? ORDER BY session_id, id",
        (*params, PRACTISED),
    ):
        piece = parse_practised(EventRecord(parse_time(at), PRACTISED, str(detail)))
        if piece is not None:
            practised.setdefault(sid, []).append(piece)
    cells = _Cells()
    no_steps = StepTally()
    records = [
        session_from_row(
            row,
            steps.get(row[0], ()),
            tuple(practised.get(row[0], ())),
            None if with_steps else tallies.get(row[0], no_steps),
            cells,
        )
        for row in rows
    ]
    # by the moment, not the text: a summer-time change or a trip shifts the UTC offset
    return sorted(records, key=lambda r: (r.started, r.id))


def _steps(
    conn: sqlite3.Connection, chosen: str, params: tuple[object, ...]
) -> dict[int, tuple[StepRecord, ...]]:
    """Each session's completed steps, in the order they were done."""
    steps: dict[int, tuple[StepRecord, ...]] = {}
    rows_of_steps = conn.execute(
        "SELECT session_id, idx, step_id, technique, seconds, completed FROM session_steps "
        f"{chosen} ORDER BY session_id, id",
        params,
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
    return steps


def _tallies(
    conn: sqlite3.Connection, chosen: str, params: tuple[object, ...]
) -> dict[int, StepTally]:
    """Each session's StepTally from only the columns it needs: no step record made, no time
    parsed (the same order and sums as from the records)."""
    tallies: dict[int, StepTally] = {}
    rows_of_steps = conn.execute(
        f"SELECT session_id, idx, technique, seconds FROM session_steps {chosen} "
        "ORDER BY session_id, id",
        params,
    )
    # StepTally.add_up's sums, in one loop over the 80,000 steps of years of use
    current, indices, totals = None, set(), {}  # type: tuple[object, set[int], dict[str, float]]
    for sid, idx, technique, seconds in rows_of_steps:
        if sid != current:
            if current is not None:
                tallies[int(str(current))] = StepTally(len(indices), tuple(totals.items()))
            current, indices, totals = sid, set(), {}
        indices.add(idx)
        totals[technique] = totals.get(technique, 0.0) + seconds / 60.0
    if current is not None:
        tallies[int(str(current))] = StepTally(len(indices), tuple(totals.items()))
    return tallies


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
