"""The session log: writes that survive, recovery of abandoned sessions, migrations, bad files."""

from __future__ import annotations

import hashlib
import os
import signal
import sqlite3
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from massage_trainer.core.history import migrations as history_schema
from massage_trainer.core.history import storage as history_file
from massage_trainer.core.history.export_csv import COLUMNS, decoded, read_csv, to_csv
from massage_trainer.core.history.log import (
    FILE_NAME,
    History,
    HistoryBusy,
    HistoryReadOnly,
    Status,
)

T0 = datetime(2025, 3, 1, 9, 0, 0, tzinfo=timezone(timedelta(hours=3)))

# The schema exactly as version 1 shipped it: a frozen copy, so that editing the module's DDL cannot
# make the migration test pass against a schema nobody ever had on disk.
SHIPPED_V1 = """
CREATE TABLE sessions (id INTEGER PRIMARY KEY, protocol_id TEXT NOT NULL,
    protocol_version INTEGER NOT NULL, started TEXT NOT NULL, ended TEXT, status TEXT NOT NULL
    CHECK (status IN ('running', 'completed', 'interrupted', 'stopped', 'refused')),
    reason TEXT NOT NULL DEFAULT '', answers TEXT NOT NULL DEFAULT '{}',
    verdict TEXT NOT NULL DEFAULT '', verdict_reasons TEXT NOT NULL DEFAULT '[]',
    note TEXT NOT NULL DEFAULT '', owner TEXT NOT NULL DEFAULT '');
CREATE TABLE session_steps (id INTEGER PRIMARY KEY,
    session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE, idx INTEGER NOT NULL,
    step_id TEXT NOT NULL, technique TEXT NOT NULL, seconds REAL NOT NULL, completed TEXT NOT NULL);
CREATE INDEX session_steps_by_session ON session_steps(session_id);
CREATE TABLE events (id INTEGER PRIMARY KEY,
    session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE, at TEXT NOT NULL,
    kind TEXT NOT NULL, detail TEXT NOT NULL DEFAULT '');
CREATE INDEX events_by_session ON events(session_id);
CREATE INDEX sessions_by_status ON sessions(status);
PRAGMA user_version = 1;
"""


class Ticking:
    """A wall clock for the log that moves one minute per reading: timestamps are predictable."""

    def __init__(self, start: datetime = T0, step: timedelta = timedelta(minutes=1)) -> None:
        self.t = start
        self.step = step

    def __call__(self) -> datetime:
        now = self.t
        self.t += self.step
        return now


@pytest.fixture
def opened(data_dir: Path) -> Iterator[Callable[[], History]]:
    handles: list[History] = []

    def _open() -> History:
        history, notice = History.open(data_dir, now=Ticking())
        assert notice is None
        handles.append(history)
        return history

    yield _open
    for h in handles:
        h.close()


def begin(h: History, **kw: object) -> int:
    args: dict[str, object] = {
        "protocol_id": "back-pain-relief",
        "protocol_version": 1,
        "answers": {"fever": False, "age": 40},
        "verdict": "go",
        "verdict_reasons": [],
    }
    args.update(kw)
    return h.begin_session(**args)  # type: ignore[arg-type]


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


# ---------------------------------------------------------------------------- writing and reading


def test_a_session_is_recorded_with_everything_it_was_given(opened: Callable[[], History]) -> None:
    h = opened()
    rid = h.add_receiver("  Anna   K. ")
    sid = begin(h, receiver_id=rid, pain_before=6, pain_map=["lumbar-left", "sacrum"])
    h.step_completed(sid, 0, "warm-up", "stroking", 120.0)
    h.note_event(sid, "pause")
    h.note_event(sid, "resume")
    h.step_completed(sid, 1, "knead", "kneading", 180.0)
    h.end_session(sid, "completed", pain_after=3, note="slept well, «спасибо»")
    (r,) = h.sessions()
    assert (r.status, r.receiver_name, r.pain_before, r.pain_after) == (
        Status.COMPLETED,
        "Anna K.",
        6,
        3,
    )
    assert r.pain_map == ("lumbar-left", "sacrum")
    assert r.answers == {"fever": False, "age": 40}
    assert [s.step_id for s in r.steps] == ["warm-up", "knead"]
    assert r.steps_done == 2 and r.minutes == pytest.approx(5.0)
    assert r.note == "slept well, «спасибо»"
    assert r.started < r.steps[0].completed < r.steps[1].completed < r.ended  # type: ignore[operator]
    assert [e.kind for e in h.events(sid)] == ["pause", "resume"]
    assert h.minutes_by_technique() == {"stroking": 2.0, "kneading": 3.0}


def test_every_write_is_committed_at_once(opened: Callable[[], History], data_dir: Path) -> None:
    """A second reader sees each write immediately: nothing waits in memory for a later commit."""
    h = opened()
    peek = sqlite3.connect(data_dir / FILE_NAME)
    sid = begin(h)
    assert peek.execute("SELECT status FROM sessions").fetchall() == [("running",)]
    h.step_completed(sid, 0, "a", "stroking", 10)
    assert peek.execute("SELECT count(*) FROM session_steps").fetchone() == (1,)
    h.note_event(sid, "pain-stop", "sharp pain")
    assert peek.execute("SELECT kind FROM events").fetchall() == [("pain-stop",)]
    h.end_session(sid, "stopped", reason="pain")
    assert peek.execute("SELECT status, reason FROM sessions").fetchall() == [("stopped", "pain")]
    peek.close()


def test_durability_settings(opened: Callable[[], History]) -> None:
    h = opened()
    conn = h._conn
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert conn.execute("PRAGMA user_version").fetchone()[0] == history_schema.LATEST


def test_bad_input_writes_nothing(opened: Callable[[], History]) -> None:
    h = opened()
    with pytest.raises(ValueError, match="0 to 10"):
        begin(h, pain_before=11)
    with pytest.raises(ValueError, match="mode"):
        begin(h, mode="freestyle")
    with pytest.raises(KeyError):
        h.step_completed(999, 0, "a", "stroking", 1)
    sid = begin(h)
    with pytest.raises(ValueError):
        h.end_session(sid, "running")
    with pytest.raises(ValueError):
        h.end_session(sid, "completed", pain_after=-1)
    assert [(r.id, r.status) for r in h.sessions()] == [(sid, Status.RUNNING)]


def test_refused_sessions_keep_their_answers_and_reasons(opened: Callable[[], History]) -> None:
    h = opened()
    sid = h.record_refused(
        protocol_id="gentle-pregnancy",
        protocol_version=2,
        answers={"fever": True},
        verdict="stop",
        reasons=["Fever: wait until it has passed"],
    )
    r = h.session(sid)
    assert r.status is Status.REFUSED and r.ended is not None
    assert r.verdict_reasons == ("Fever: wait until it has passed",)
    assert r.reason == "Fever: wait until it has passed"
    assert not r.counts_for_course


def test_receivers_are_optional_and_distinct(opened: Callable[[], History]) -> None:
    h = opened()
    a = h.add_receiver("Anna")
    with pytest.raises(ValueError, match="already"):
        h.add_receiver(" anna ".replace("a", "a", 1).strip().capitalize())
    with pytest.raises(ValueError, match="name"):
        h.add_receiver("   ")
    b = h.add_receiver("Boris")
    h.rename_receiver(b, "Boris P.", note="student")
    begin(h)
    begin(h, receiver_id=a)
    begin(h, receiver_id=b)
    assert [r.name for r in h.receivers()] == ["Anna", "Boris P."]
    assert [r.receiver_id for r in h.sessions(None)] == [None]
    assert [r.receiver_name for r in h.sessions(b)] == ["Boris P."]
    assert len(h.sessions()) == 3


def test_after_dialog_and_new_course_mark(opened: Callable[[], History]) -> None:
    h = opened()
    sid = begin(h)
    h.end_session(sid, "completed")
    h.set_before(sid, 7, ["neck"])
    h.set_after(sid, 2, "better")
    h.set_new_course(sid)
    r = h.session(sid)
    assert (r.pain_before, r.pain_map, r.pain_after, r.note, r.new_course) == (
        7,
        ("neck",),
        2,
        "better",
        True,
    )


# ---------------------------------------------------------------------------- abandoned sessions


def test_a_session_left_running_by_a_closed_log_is_interrupted_with_its_steps(
    data_dir: Path,
) -> None:
    h, _ = History.open(data_dir, now=Ticking())
    sid = begin(h)
    h.step_completed(sid, 0, "a", "stroking", 60)
    h.step_completed(sid, 1, "b", "kneading", 60)
    last_step = h.session(sid).steps[-1].completed
    h.close()
    h2, notice = History.open(data_dir, now=Ticking(T0 + timedelta(days=1)))
    r = h2.session(sid)
    assert notice is None
    assert r.status is Status.INTERRUPTED and r.steps_done == 2
    assert r.ended == last_step  # the last moment known, not the moment it was found
    assert "ended before the session" in r.reason
    assert h2.events(sid)[-1].kind == "interrupted"
    h2.close()


def test_a_session_still_being_played_by_a_live_log_is_left_alone(data_dir: Path) -> None:
    player, _ = History.open(data_dir)
    sid = begin(player)
    viewer, _ = History.open(data_dir)
    assert viewer.session(sid).status is Status.RUNNING
    player.step_completed(sid, 0, "a", "stroking", 5)
    player.end_session(sid, "completed")
    assert viewer.session(sid).status is Status.COMPLETED
    viewer.close()
    player.close()


KILLED_CHILD = """
import os, signal, sys
from pathlib import Path
from massage_trainer.core.history.log import History
h, _ = History.open(Path(sys.argv[1]))
sid = h.begin_session(protocol_id="p", protocol_version=1, answers={}, verdict="go",
                      verdict_reasons=[])
h.step_completed(sid, 0, "first", "stroking", 30)
print(sid, flush=True)
os.kill(os.getpid(), signal.SIGKILL)
"""


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_a_session_of_a_killed_process_is_interrupted(data_dir: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-c", KILLED_CHILD, str(data_dir)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == -signal.SIGKILL, done.stderr
    sid = int(done.stdout)
    h, notice = History.open(data_dir)
    assert notice is None
    r = h.session(sid)
    assert r.status is Status.INTERRUPTED
    assert [s.step_id for s in r.steps] == ["first"]
    h.close()


# ---------------------------------------------------------------------------- migrations


def make_db(path: Path, script: str) -> None:
    conn = sqlite3.connect(path)
    conn.executescript(script)
    conn.commit()
    conn.close()


V2_DDL_SHIPPED = history_schema.V2_DDL.strip() + ";\n"
"""Version 2 as shipped (the migration's DDL is that text, unchanged since)."""

V1_DATA = """
INSERT INTO sessions (id, protocol_id, protocol_version, started, ended, status, reason, answers,
    verdict, verdict_reasons, note) VALUES
    (1, 'back-pain-relief', 1, '2024-01-02T10:00:00+01:00', '2024-01-02T10:20:00+01:00',
     'completed', '', '{"fever": false}', 'go', '[]', 'first one'),
    (2, 'back-pain-relief', 1, '2024-01-03T10:00:00+01:00', NULL, 'running', '', '{}', 'go',
     '[]', '');
INSERT INTO session_steps (session_id, idx, step_id, technique, seconds, completed) VALUES
    (1, 0, 'warm', 'stroking', 300, '2024-01-02T10:05:00+01:00'),
    (1, 1, 'knead', 'kneading', 600, '2024-01-02T10:15:00+01:00'),
    (2, 0, 'warm', 'stroking', 300, '2024-01-03T10:05:00+01:00');
INSERT INTO events (session_id, at, kind, detail) VALUES (1, '2024-01-02T10:07:00+01:00', 'pause', '');
"""


@pytest.mark.parametrize("version", range(history_schema.LATEST))
def test_every_earlier_schema_version_is_upgraded_without_losing_data(
    data_dir: Path, version: int
) -> None:
    path = data_dir / FILE_NAME
    if version == 0:
        make_db(path, "PRAGMA user_version = 0;")  # an empty file left by an aborted first start
    elif version == 1:
        make_db(path, SHIPPED_V1 + V1_DATA)
    else:
        assert version == 2, "add the shipped DDL and data of the new version to this test"
        make_db(path, SHIPPED_V1 + V2_DDL_SHIPPED + V1_DATA + "PRAGMA user_version = 2;")
    h, notice = History.open(data_dir)
    assert notice is None
    assert h._conn.execute("PRAGMA user_version").fetchone()[0] == history_schema.LATEST
    assert history_schema.schema_problems(h._conn) == []
    if version in (1, 2):
        first, second = h.sessions()
        assert (first.status, first.note, first.steps_done, first.minutes) == (
            Status.COMPLETED,
            "first one",
            2,
            15.0,
        )
        assert (first.mode, first.pain_before, first.pain_map, first.receiver_id) == (
            "guided",
            None,
            (),
            None,
        )
        assert second.status is Status.INTERRUPTED and second.steps_done == 1
        assert [e.kind for e in h.events(1)] == ["pause"]
    rid = h.add_receiver("after upgrade")
    sid = begin(h, receiver_id=rid, pain_before=4, mode="practice")
    assert h.session(sid).mode == "practice"
    h.add_hold(rid, "stopped for pain with a warning sign")
    assert [x.receiver_id for x in h.open_holds(rid)] == [rid] and h.open_holds(None) == []
    h.close()


def test_a_failing_migration_changes_nothing(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = data_dir / FILE_NAME
    make_db(path, SHIPPED_V1 + V1_DATA)

    def half_then_fail(conn: sqlite3.Connection) -> None:
        conn.execute("CREATE TABLE receivers (id INTEGER PRIMARY KEY)")
        raise RuntimeError("disk full halfway")

    monkeypatch.setattr(
        history_schema, "MIGRATIONS", (history_schema.MIGRATIONS[0], half_then_fail)
    )
    with pytest.raises(RuntimeError):
        History.open(data_dir)
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone() == (1,)
    assert "receivers" not in history_schema.user_tables(conn)
    assert conn.execute("SELECT count(*) FROM session_steps").fetchone() == (3,)
    conn.close()


# ---------------------------------------------------------------------------- unreadable files


def _valid_db_bytes(folder: Path) -> bytes:
    h, _ = History.open(folder)
    for _ in range(40):
        sid = begin(h, answers={"pad": "x" * 500})
        h.step_completed(sid, 0, "a", "stroking", 1)
    h.close()
    conn = sqlite3.connect(folder / FILE_NAME)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.execute("PRAGMA journal_mode = DELETE")
    conn.close()
    return (folder / FILE_NAME).read_bytes()


def _foreign_db(path: Path) -> None:
    make_db(path, "CREATE TABLE photos (id INTEGER PRIMARY KEY, blob BLOB);")


def _ours_missing_a_table(path: Path) -> None:
    make_db(path, SHIPPED_V1 + "DROP TABLE events; PRAGMA user_version = 2;")


def _damaged(path: Path) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        data = bytearray(_valid_db_bytes(Path(tmp)))
    page = int.from_bytes(data[16:18], "big")
    data[2 * page : 2 * page + 64] = b"\xa5" * 64  # scribble over an interior page header
    path.write_bytes(bytes(data))


def _truncated(path: Path) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        data = _valid_db_bytes(Path(tmp))
    path.write_bytes(data[: len(data) // 2 + 100])


BAD_FILES: dict[str, Callable[[Path], None]] = {
    "garbage": lambda p: p.write_bytes(os.urandom(3000)),
    "text": lambda p: p.write_text("these are my notes, not a database\n" * 20),
    "header only": lambda p: p.write_bytes(b"SQLite format 3\x00" + b"\x00" * 20),
    "truncated": _truncated,
    "damaged page": _damaged,
    "another program's database": _foreign_db,
    "our name, wrong tables": _ours_missing_a_table,
}


@pytest.mark.parametrize("kind", BAD_FILES)
def test_an_unreadable_file_is_set_aside_and_a_fresh_log_started(data_dir: Path, kind: str) -> None:
    path = data_dir / FILE_NAME
    BAD_FILES[kind](path)
    not_sqlite = not path.read_bytes().startswith(b"SQLite format 3\x00") or kind == "header only"
    if not_sqlite:  # SQLite would delete this companion on close: it must be moved untouched
        (data_dir / (FILE_NAME + "-wal")).write_bytes(b"stale wal of the broken file")
    before = digest(path)
    h, notice = History.open(data_dir, now=lambda: T0)
    aside = data_dir / f"{FILE_NAME}.corrupt-20250301-090000"
    assert notice is not None and str(aside) in str(notice) and "Nothing was deleted" in str(notice)
    assert digest(aside) == before  # kept byte for byte
    if not_sqlite:
        assert (data_dir / (aside.name + "-wal")).read_bytes() == b"stale wal of the broken file"
    sid = begin(h)
    assert [r.id for r in h.sessions()] == [sid]
    h.close()


def test_two_bad_files_in_the_same_second_get_different_names(data_dir: Path) -> None:
    names = set()
    for _ in range(2):
        (data_dir / FILE_NAME).write_text("not a database")
        h, notice = History.open(data_dir, now=lambda: T0)
        h.close()
        assert notice is not None
        names.add(str(notice).split(" set aside as ")[1].split(" and ")[0])
    assert len(names) == 2 and all(Path(n).exists() for n in names)


def test_an_empty_file_is_simply_a_new_log(data_dir: Path) -> None:
    (data_dir / FILE_NAME).write_bytes(b"")
    h, notice = History.open(data_dir)
    assert notice is None
    begin(h)
    h.close()


def test_a_log_from_a_newer_version_is_shown_read_only_and_never_changed(data_dir: Path) -> None:
    h, _ = History.open(data_dir)
    sid = begin(h)
    h.end_session(sid, "completed")
    h.close()
    path = data_dir / FILE_NAME
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.execute("ALTER TABLE sessions ADD COLUMN heart_rate INTEGER")
    conn.execute(f"PRAGMA user_version = {history_schema.LATEST + 5}")
    conn.commit()
    conn.close()
    before = digest(path)
    h, notice = History.open(data_dir)
    assert notice is not None and "newer version" in str(notice) and "Update" in str(notice)
    assert h.read_only and [r.id for r in h.sessions()] == [sid]
    with pytest.raises(HistoryReadOnly, match="Update Massage Trainer"):
        begin(h)
    h.close()
    assert digest(path) == before
    assert not list(data_dir.glob("*.corrupt-*"))


def test_a_locked_log_is_reported_busy_not_set_aside(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(history_file, "BUSY_TIMEOUT_S", 0.01)
    h, _ = History.open(data_dir)
    other = sqlite3.connect(data_dir / FILE_NAME, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    with pytest.raises(HistoryBusy, match="locked by another program"):
        begin(h)
    other.execute("ROLLBACK")
    other.close()
    begin(h)  # free again: works, nothing was moved
    assert not list(data_dir.glob("*.corrupt-*"))
    h.close()


# ---------------------------------------------------------------------------- CSV


def test_csv_has_a_header_with_a_status_column(opened: Callable[[], History]) -> None:
    h = opened()
    begin(h)
    h.end_session(begin(h), "stopped", reason="pain")
    text = to_csv(h.sessions())
    header = text.splitlines()[0].split(",")
    assert header == list(COLUMNS) and "status" in header
    assert [r["status"] for r in read_csv(text)] == ["running", "stopped"]


messy = st.text(
    st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=40
)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    note=messy,
    reason=messy,
    name=messy.filter(lambda s: bool(" ".join(s.split()))),
    reasons=st.lists(messy, max_size=3),
    pains=st.tuples(st.none() | st.integers(0, 10), st.none() | st.integers(0, 10)),
)
def test_csv_round_trip_keeps_every_field(
    note: str, reason: str, name: str, reasons: list[str], pains: tuple[int | None, int | None]
) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        h, _ = History.open(Path(tmp), now=Ticking())
        rid = h.add_receiver(name)
        sid = begin(
            h,
            receiver_id=rid,
            verdict_reasons=reasons,
            pain_before=pains[0],
            pain_map=["neck", "lumbar-left"],
        )
        h.step_completed(sid, 0, "a", "stroking", 90)
        h.end_session(sid, "completed", reason=reason, pain_after=pains[1], note=note)
        records = h.sessions()
        h.close()
    (row,) = read_csv(to_csv(records))
    r = records[0]
    back = decoded(row)
    assert row["note"] == note.replace("\r\n", "\n").replace("\r", "\n") or row["note"] == note
    assert row["reason"] in {reason, reason.replace("\r\n", "\n").replace("\r", "\n")}
    assert row["receiver"] == r.receiver_name
    assert back["verdict_reasons"] == list(reasons)
    assert back["pain_map"] == ["neck", "lumbar-left"]
    assert back["answers"] == {"fever": False, "age": 40}
    assert row["pain_before"] == ("" if pains[0] is None else str(pains[0]))
    assert row["pain_after"] == ("" if pains[1] is None else str(pains[1]))
    assert (row["status"], row["steps_done"], row["minutes"], row["course_session"]) == (
        "completed",
        "1",
        "1.5",
        "1",
    )
    assert datetime.fromisoformat(row["started"]) == r.started


def test_the_latest_schema_has_every_column_the_log_reads_and_writes() -> None:
    assert history_schema.expected_columns() == {
        "sessions": {
            "id",
            "protocol_id",
            "protocol_version",
            "started",
            "ended",
            "status",
            "reason",
            "answers",
            "verdict",
            "verdict_reasons",
            "note",
            "owner",
            "receiver_id",
            "pain_before",
            "pain_after",
            "pain_map",
            "mode",
            "new_course",
        },
        "session_steps": {
            "id",
            "session_id",
            "idx",
            "step_id",
            "technique",
            "seconds",
            "completed",
        },
        "events": {"id", "session_id", "at", "kind", "detail"},
        "receivers": {"id", "name", "note", "created"},
        "safety_holds": {
            "id",
            "receiver_id",
            "created",
            "reason",
            "detail",
            "session_id",
            "cleared",
            "cleared_note",
        },
    }
    assert (
        history_schema.expected_columns(1)["sessions"]
        < history_schema.expected_columns()["sessions"]
    )


def test_sessions_are_ordered_by_moment_not_by_text(data_dir: Path) -> None:
    """22:30 at +03:00 comes before 21:00 at +00:00, though its text sorts after."""
    east = datetime(2025, 3, 1, 22, 30, tzinfo=timezone(timedelta(hours=3)))
    west = datetime(2025, 3, 1, 21, 0, tzinfo=UTC)
    h, _ = History.open(data_dir, now=lambda: west)
    first_written = begin(h)
    h._now = lambda: east
    second_written = begin(h)
    assert [r.id for r in h.sessions()] == [second_written, first_written]
    h.close()


operations = st.lists(
    st.one_of(
        st.tuples(st.just("begin"), st.integers(0, 10) | st.none()),
        st.tuples(st.just("step"), st.integers(0, 6)),
        st.tuples(st.just("event"), st.sampled_from(["pause", "resume", "pain-stop"])),
        st.tuples(st.just("end"), st.sampled_from(["completed", "stopped", "interrupted"])),
        st.tuples(st.just("crash"), st.none()),
    ),
    max_size=30,
)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(operations)
def test_whatever_happens_nothing_written_is_lost(ops: list[tuple[str, object]]) -> None:
    """Random sessions, steps, ends and crashes (the log dropped without ending the session):
    after reopening, every session is there, every step written is there, and nothing is left
    running."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        h, _ = History.open(folder, now=Ticking())
        expected: dict[int, tuple[str, list[int]]] = {}
        current: int | None = None
        for op, arg in ops:
            if op == "begin":
                current = begin(h, pain_before=arg)
                expected[current] = ("interrupted", [])
            elif current is None:
                continue
            elif op == "step":
                h.step_completed(current, int(str(arg)), f"s{arg}", "kneading", 30)
                expected[current][1].append(int(str(arg)))
            elif op == "event":
                h.note_event(current, str(arg))
            elif op == "end":
                h.end_session(current, str(arg))
                expected[current] = (str(arg), expected[current][1])
                current = None
            else:  # crash: the program vanishes; a new one opens the log
                h.close()
                h, _ = History.open(folder, now=Ticking(T0 + timedelta(days=1)))
                current = None
        h.close()
        h, notice = History.open(folder, now=Ticking(T0 + timedelta(days=2)))
        got = {r.id: (r.status.value, [s.index for s in r.steps]) for r in h.sessions()}
        h.close()
    assert notice is None
    assert got == expected
