"""A full disk damages nothing: no log set aside, no half-written output, the reason printed."""

from __future__ import annotations

import errno
import os
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import BinaryIO

import pytest

from massage_trainer.cli import main
from massage_trainer.core import files
from massage_trainer.core.history import storage
from massage_trainer.core.history.log import FILE_NAME, History, HistoryDiskFull
from tests.faults.conftest import cli, fill
from tests.faults.helpers import clear_answers, play_args, seed_log, state


def _leftovers(folder: Path) -> list[str]:
    return sorted(
        p.name for p in folder.iterdir() if p.name.endswith(".part") or ".corrupt-" in p.name
    )


def test_a_new_data_folder_on_a_full_disk(small_disk: Path, tmp_path: Path) -> None:
    answers = clear_answers(tmp_path)
    data = small_disk / "data"
    fill(small_disk)
    r = cli(*play_args(data, answers))
    assert r.returncode == 0, r.stderr
    assert "Finished: 8 of 8 steps completed." in r.stdout
    assert "is full, so sessions are not saved" in r.stderr
    assert "will not be saved" in r.stderr and "Recursion" not in r.stderr
    assert sorted(p.name for p in data.iterdir()) == [FILE_NAME]  # nothing set aside
    r = cli("history", "--data-dir", str(data))
    assert r.returncode == 0, r.stderr
    assert "No sessions recorded yet" in r.stdout and "is full" in r.stderr


def test_a_healthy_log_with_an_unfinished_session_is_kept_on_a_full_disk(
    small_disk: Path,
) -> None:
    data = small_disk / "data"
    seed_log(data, sessions=2, unfinished=True)
    before = state(data)
    fill(small_disk)
    r = cli("history", "--data-dir", str(data))
    assert r.returncode == 0, r.stderr
    assert r.stdout.count("back-pain-relief v1") == 3
    assert "is full" in r.stderr and "Nothing was set aside" in r.stderr
    assert not _leftovers(data)
    (small_disk / "filler").unlink()
    assert {k: v for k, v in state(data).items() if k == FILE_NAME} == {
        FILE_NAME: before[FILE_NAME]
    }
    history, notice = History.open(data)  # space again: the unfinished one is closed now
    assert notice is None and [r.status.value for r in history.sessions()][-1] == "interrupted"
    history.close()


def test_a_disk_filling_up_during_a_session_stops_only_the_recording(
    data_dir: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    seed_log(data_dir, sessions=1)
    connect = storage.connect

    class FillsUp:
        """A connection whose disk is full from the third completed step on (SQLITE_FULL)."""

        def __init__(self, conn: sqlite3.Connection) -> None:
            self._conn, self._steps = conn, 0

        def execute(self, sql: str, *params: object) -> sqlite3.Cursor:
            if sql.startswith("INSERT INTO session_steps"):
                self._steps += 1
                if self._steps >= 3:
                    full = sqlite3.OperationalError("database or disk is full")
                    full.sqlite_errorcode = 13  # type: ignore[attr-defined]
                    raise full
            return self._conn.execute(sql, *params)

        def __getattr__(self, name: str) -> object:
            return getattr(self._conn, name)

    def full_soon(path: Path, **kw: bool) -> sqlite3.Connection:
        return FillsUp(connect(path, **kw))  # type: ignore[return-value]

    monkeypatch.setattr(storage, "connect", full_soon)
    answers = clear_answers(tmp_path)
    assert main(play_args(data_dir, answers)) == 0
    out, err = capsys.readouterr()
    assert "Finished: 8 of 8 steps completed." in out
    assert "recording stopped" in err and "the rest of this session is not saved" in err
    monkeypatch.undo()
    history, notice = History.open(data_dir)
    assert notice is None and len(history.sessions()) == 2  # nothing was set aside
    assert [len(r.steps) for r in history.sessions()] == [1, 2]  # kept up to the full disk
    history.close()


def test_a_full_disk_in_the_middle_of_a_write_is_told_as_such(data_dir: Path) -> None:
    history, _ = History.open(data_dir)
    sid = history.begin_session(
        protocol_id="p", protocol_version=1, answers={}, verdict="go", verdict_reasons=[]
    )
    pages = history._conn.execute("PRAGMA page_count").fetchone()[0]
    history._conn.execute(f"PRAGMA max_page_count = {pages}")
    with pytest.raises(HistoryDiskFull, match="the rest of this session is not saved"):
        for i in range(200):
            history.note_event(sid, "pause", "x" * 2000 + str(i))
    history.close()


@pytest.mark.parametrize(
    ("command", "name"),
    [
        (["render", "back-pain-relief", "--step", "2"], "frame.png"),
        (["export-pdf", "back-pain-relief"], "handout.pdf"),
    ],
)
def test_outputs_on_a_full_disk_leave_the_old_file(
    small_disk: Path, command: list[str], name: str
) -> None:
    target = small_disk / name
    target.write_bytes(b"the previous version, kept whole")
    fill(small_disk, leave=8 * 1024)
    r = cli(*command, "-o", str(target))
    assert r.returncode == 1
    assert "No space left on device" in r.stderr and "nothing was changed there" in r.stderr
    assert target.read_bytes() == b"the previous version, kept whole"
    assert not _leftovers(small_disk)


def test_history_csv_on_a_full_disk(small_disk: Path, data_dir: Path) -> None:
    seed_log(data_dir, sessions=300)
    target = small_disk / "sessions.csv"
    fill(small_disk, leave=16 * 1024)
    r = cli("history", "--csv", "-o", str(target), "--data-dir", str(data_dir))
    assert r.returncode == 1
    assert "No space left on device" in r.stderr
    assert not target.exists() and not _leftovers(small_disk)


def test_an_injected_write_failure_leaves_the_target_untouched(tmp_path: Path) -> None:
    target = tmp_path / "report.pdf"
    target.write_bytes(b"old")

    def half_then_full(fh: BinaryIO) -> None:
        fh.write(b"%PDF-1.4 half")
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    with pytest.raises(OSError, match="No space left on device"):
        files.write_atomic(target, half_then_full, private=True)
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["report.pdf"]
    files.write_bytes_atomic(target, b"new", private=True)
    assert target.read_bytes() == b"new"
    if files.POSIX:
        assert target.stat().st_mode & 0o777 == 0o600


@pytest.mark.parametrize("args", [["questions"], ["history", "--csv"], ["schema"]])
def test_a_full_standard_output_is_a_clear_error(args: list[str], data_dir: Path) -> None:
    if not Path("/dev/full").exists():
        pytest.skip("this system has no /dev/full")
    seed_log(data_dir)
    with open("/dev/full", "w") as full:
        r = subprocess.run(
            [sys.executable, "-m", "massage_trainer", *args],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            timeout=60,
            check=False,
        )
    assert r.returncode == 1
    assert "cannot write to standard output: No space left on device" in r.stderr
    assert "something went wrong" not in r.stderr and "Traceback" not in r.stderr


@pytest.mark.skipif(os.name != "posix", reason="closing a child's descriptor 1 is POSIX")
def test_a_closed_standard_output_is_a_clear_error() -> None:
    r = subprocess.run(
        [sys.executable, "-m", "massage_trainer", "questions"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        timeout=60,
        check=False,
        preexec_fn=lambda: os.close(1),
    )
    assert r.returncode == 1
    assert "cannot write to standard output: it is closed" in r.stderr
