"""The list read (`History.sessions(with_steps=False)`), which the table, the CSV, the charts and
the course use, tells exactly what the full read tells: every field, every step count and minute,
every course place; and the CSV written from it is byte for byte the CSV of the full records as
export_csv wrote it before the list read existed (that code is kept below as the reference)."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
import tempfile
from dataclasses import fields
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from massage_trainer.commands.history import table
from massage_trainer.core.history.course import Place, places_by_session
from massage_trainer.core.history.export_csv import COLUMNS, to_csv
from massage_trainer.core.history.log import FILE_NAME, History, SessionRecord
from massage_trainer.core.history.records import PRACTISED, TRIAL, minutes_text, practised_detail

TECHNIQUES = ("stroking", "kneading", "tapping", "вибрация")
TEXT = st.text(st.characters(codec="utf-8"), max_size=6)
SECONDS = st.one_of(
    st.sampled_from([60.0, 90.0, 45.3, 89.7, 3.0, 4.5, 0.0]),
    st.floats(0, 600, allow_nan=False, allow_infinity=False),
)
ANSWER = st.one_of(st.booleans(), st.integers(-5, 500), st.floats(allow_nan=False), TEXT)
ANSWERS = st.one_of(
    st.dictionaries(TEXT, ANSWER, max_size=5).map(lambda d: json.dumps(d, ensure_ascii=False)),
    st.sampled_from(['{"b": 1, "a": -0.0}', '{"x": true}', "not json", "[1, 2]", "{}"]),
)
LIST_CELL = st.one_of(
    st.lists(TEXT, max_size=3).map(json.dumps),
    st.sampled_from(["[]", '["lumbar-left"]', "[1, 2.5]", "{}", "oops"]),
)
ZONES = [UTC, timezone(timedelta(hours=3)), timezone(timedelta(hours=-5)), None]

SESSION = st.fixed_dictionaries(
    {
        "hours": st.integers(0, 24 * 200),
        "zone": st.sampled_from(ZONES),
        "status": st.sampled_from(["completed", "stopped", "interrupted", "refused", "running"]),
        "receiver": st.sampled_from([None, 1, 2]),
        "mode": st.sampled_from(["guided", "practice"]),
        "trial": st.booleans(),
        "new_course": st.booleans(),
        "pain": st.sampled_from([None, 0, 4, 10]),
        "answers": ANSWERS,
        "pain_map": LIST_CELL,
        "reasons": LIST_CELL,
        "note": TEXT,
        "steps": st.lists(
            st.tuples(st.integers(0, 4), st.sampled_from(TECHNIQUES), SECONDS), max_size=7
        ),
        "practised": st.lists(st.tuples(st.sampled_from(TECHNIQUES), SECONDS), max_size=2),
    }
)


def _stamp(when: datetime, zone: timezone | None) -> str:
    if zone is None:  # written by hand without an offset: read as local time
        return when.replace(tzinfo=None).isoformat(timespec="seconds")
    return when.astimezone(zone).isoformat(timespec="seconds")


def _write_log(folder: Path, sessions: list[dict[str, object]]) -> None:
    History.open(folder)[0].close()
    conn = sqlite3.connect(folder / FILE_NAME, isolation_level=None)
    t0 = datetime(2024, 3, 1, 9, tzinfo=UTC)
    conn.execute("BEGIN")
    for rid in (1, 2):
        conn.execute(
            "INSERT INTO receivers (id, name, created) VALUES (?, ?, ?)",
            (rid, f"Anna {rid}", t0.isoformat()),
        )
    for sid, s in enumerate(sessions, 1):
        start = t0 + timedelta(hours=int(str(s["hours"])))
        zone = s["zone"]
        assert zone is None or isinstance(zone, timezone)
        conn.execute(
            "INSERT INTO sessions (id, protocol_id, protocol_version, started, ended, status, "
            "reason, answers, verdict, verdict_reasons, note, receiver_id, pain_before, "
            "pain_after, pain_map, mode, new_course) VALUES "
            "(?, 'back-pain-relief', 2, ?, ?, ?, 'why', ?, 'go', ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                sid,
                _stamp(start, zone),
                None if s["status"] == "running" else _stamp(start + timedelta(minutes=9), zone),
                s["status"],
                s["answers"],
                s["reasons"],
                s["note"],
                s["receiver"],
                s["pain"],
                s["pain"],
                s["pain_map"],
                s["mode"],
                int(bool(s["new_course"])),
            ),
        )
        steps = s["steps"]
        assert isinstance(steps, list)
        for k, (idx, technique, seconds) in enumerate(steps):
            conn.execute(
                "INSERT INTO session_steps (session_id, idx, step_id, technique, seconds, "
                "completed) VALUES (?, ?, ?, ?, ?, ?)",
                (sid, idx, f"step-{idx}", technique, seconds, _stamp(start, zone)[:-1] + str(k)),
            )
        pieces = s["practised"]
        assert isinstance(pieces, list)
        events = [(PRACTISED, practised_detail(t, sec)) for t, sec in pieces]
        events += [(TRIAL, "played from the command line")] if s["trial"] else []
        for kind, detail in events:
            conn.execute(
                "INSERT INTO events (session_id, at, kind, detail) VALUES (?, ?, ?, ?)",
                (sid, _stamp(start, zone), kind, detail),
            )
    conn.execute("COMMIT")
    conn.close()


# -- the reference: export_csv as it was before the list read, on the full records -------------


def _opt(value: object) -> str:
    return "" if value is None else str(value)


def _json_list(items: tuple[str, ...]) -> str:
    return json.dumps(list(items), ensure_ascii=False) if items else "[]"


def _reference_row(record: SessionRecord, place: Place | None) -> dict[str, str]:
    minutes: dict[str, float] = {}
    for step in record.steps:
        minutes[step.technique] = minutes.get(step.technique, 0.0) + step.seconds / 60.0
    if record.mode == "practice":
        for technique, seconds in record.practised:
            minutes[technique] = minutes.get(technique, 0.0) + seconds / 60.0
    return {
        "id": str(record.id),
        "started": record.started.isoformat(),
        "ended": record.ended.isoformat() if record.ended else "",
        "status": record.status.value,
        "reason": record.reason,
        "receiver": record.receiver_name,
        "protocol_id": record.protocol_id,
        "protocol_version": str(record.protocol_version),
        "mode": record.mode,
        "course": _opt(place.course if place else None),
        "course_session": _opt(place.session if place else None),
        "steps_done": str(len({s.index for s in record.steps})),
        "minutes": minutes_text(sum(minutes.values())),
        "pain_before": _opt(record.pain_before),
        "pain_after": _opt(record.pain_after),
        "pain_map": _json_list(record.pain_map),
        "verdict": record.verdict,
        "verdict_reasons": _json_list(record.verdict_reasons),
        "answers": json.dumps(record.answers, ensure_ascii=False, sort_keys=True, default=str),
        "note": record.note,
    }


def _reference_csv(records: list[SessionRecord]) -> str:
    where = places_by_session(records)
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for record in records:
        row = _reference_row(record, where.get(record.id))
        writer.writerow([row[c] for c in COLUMNS])
    return out.getvalue()


# -- the properties ------------------------------------------------------------------------------


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(SESSION, max_size=12))
def test_the_list_read_tells_what_the_full_read_tells(sessions: list[dict[str, object]]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        _write_log(folder, sessions)
        with History.open(folder)[0] as history:
            full = history.sessions()
            listed = history.sessions(with_steps=False)
            one_by_one = [history.session(r.id) for r in full]
            by_receiver = {who: history.sessions(who, with_steps=False) for who in (None, 1, 2, 3)}
    assert len(listed) == len(full) == len(sessions)
    assert one_by_one == full  # one session read on its own: the same record, steps and all
    same = [f.name for f in fields(SessionRecord) if f.name not in ("steps", "tally")]
    for a, b in zip(full, listed, strict=True):
        assert [getattr(a, name) for name in same] == [getattr(b, name) for name in same]
        assert b.steps == () and a.steps_done == b.steps_done
        assert a.minutes_by_technique == b.minutes_by_technique  # the same sums, bit for bit
        assert a.minutes == b.minutes and a.counts_for_course == b.counts_for_course
    assert places_by_session(full) == places_by_session(listed)
    for who, mine in by_receiver.items():
        assert mine == [r for r in listed if r.receiver_id == who]
    # what a person reads: the CSV byte for byte as before, and the command's table
    assert to_csv(listed) == _reference_csv(full)
    assert table(listed) == table(full)
