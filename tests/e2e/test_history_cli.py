"""`massage-trainer history` as a person runs it: table, CSV, --data-dir before or after, bad files."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

from massage_trainer.core.history.export_csv import read_csv
from massage_trainer.core.history.log import FILE_NAME, History


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run(
        [sys.executable, "-m", "massage_trainer", *args],
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
        check=False,
    )


def seed(folder: Path) -> list[int]:
    clock = [datetime(2025, 3, 1, 9, tzinfo=UTC)]

    def now() -> datetime:
        clock[0] += timedelta(minutes=1)
        return clock[0]

    h, _ = History.open(folder, now=now)
    anna = h.add_receiver("Anna, mother")
    ids = []
    for i, status in enumerate(["completed", "stopped", "completed"]):
        sid = h.begin_session(
            protocol_id="back-pain-relief",
            protocol_version=1,
            answers={"fever": False},
            verdict="go",
            verdict_reasons=[],
            receiver_id=anna,
            pain_before=6 - i,
        )
        h.step_completed(sid, 0, "warm-up", "stroking", 120)
        h.end_session(sid, status, reason="pain" if status == "stopped" else "", pain_after=2)
        ids.append(sid)
        clock[0] += timedelta(days=2)
    ids.append(
        h.record_refused(
            protocol_id="back-pain-relief",
            protocol_version=1,
            answers={"fever": True},
            verdict="stop",
            reasons=["fever"],
        )
    )
    h.close()
    return ids


def test_the_table_lists_every_session_with_its_status_and_course(tmp_path: Path) -> None:
    seed(tmp_path)
    done = cli("--data-dir", str(tmp_path), "history")
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0].split() == [
        "ID", "STARTED", "RECEIVER", "PROTOCOL", "MODE", "STATUS", "STEPS", "PAIN", "MIN", "COURSE",
    ]  # fmt: skip
    assert [ln.split()[0] for ln in lines[1:5]] == ["1", "2", "3", "4"]
    assert "stopped" in lines[2] and "refused" in lines[4] and "6 -> 2" in lines[1]
    assert "1.3" in lines[3]  # course 1, session 3
    assert any("Anna, mother: Course 1: 3 sessions" in ln for ln in lines)
    assert done.stderr == ""


def test_csv_has_a_header_and_status_column_and_the_sub_data_dir_wins(tmp_path: Path) -> None:
    ids = seed(tmp_path / "real")
    decoy = tmp_path / "decoy"
    done = cli("--data-dir", str(decoy), "history", "--data-dir", str(tmp_path / "real"), "--csv")
    assert done.returncode == 0, done.stderr
    rows = read_csv(done.stdout)
    assert [int(r["id"]) for r in rows] == ids
    assert [r["status"] for r in rows] == ["completed", "stopped", "completed", "refused"]
    assert rows[0]["receiver"] == "Anna, mother" and rows[1]["reason"] == "pain"
    assert not (decoy / FILE_NAME).exists()


def test_an_empty_folder_says_so_and_creates_nothing(tmp_path: Path) -> None:
    done = cli("history", "--data-dir", str(tmp_path))
    assert done.returncode == 0 and "No sessions recorded yet" in done.stdout
    assert list(tmp_path.iterdir()) == []
    done = cli("history", "--data-dir", str(tmp_path), "--csv")
    assert done.stdout.startswith("id,started,ended,status,")


def test_a_corrupt_log_is_set_aside_and_the_user_told_where(tmp_path: Path) -> None:
    (tmp_path / FILE_NAME).write_text("my shopping list")
    done = cli("history", "--data-dir", str(tmp_path))
    assert done.returncode == 0
    assert "set aside as" in done.stderr and "No sessions recorded yet" in done.stdout
    (aside,) = tmp_path.glob(f"{FILE_NAME}.corrupt-*")
    assert aside.read_text() == "my shopping list" and str(aside) in done.stderr
    assert "Traceback" not in done.stderr
