"""history_10k_csv_s and history_10k_view_s: a log of 10,000 sessions, as years of daily use leave it.

history_10k_csv_s: `massage-trainer history --csv` as a person runs it (a new process, the log read
and every row written), median of 7 runs. history_10k_view_s: Session > History... in the window:
from the click to the History window painted with its table and charts, median of 7 runs.
The log is made once with the app's own schema, in one transaction (the app itself writes each
session as it happens; that speed is not what is measured here).
"""

from __future__ import annotations

import json
import os
import random
import sqlite3
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

from common import ROOT, median, merge, offscreen

SESSIONS = 10_000
RECEIVERS = 12
STEPS = ("warm-up", "deep-strokes", "thumb-rub", "kneading", "tapping", "clapping", "settle", "end")
TECHNIQUES = ("stroking", "deep-stroking", "rubbing", "kneading", "tapping", "clapping")


def build_log(folder: Path, sessions: int = SESSIONS) -> Path:
    """A history of `sessions` sessions (8 steps, a few events, answers and pain each)."""
    sys.path.insert(0, str(ROOT))
    from massage_trainer.core.history.log import FILE_NAME, History

    history, _ = History.open(folder)
    history.close()
    rnd = random.Random(16)
    conn = sqlite3.connect(folder / FILE_NAME, isolation_level=None)
    conn.execute("BEGIN")
    t0 = datetime(2020, 1, 1, 9, 0, tzinfo=timezone(timedelta(hours=3)))
    for r in range(1, RECEIVERS + 1):
        conn.execute(
            "INSERT INTO receivers (id, name, note, created) VALUES (?, ?, '', ?)",
            (r, f"Receiver {r}", t0.isoformat()),
        )
    answers = json.dumps(
        {**{f"q{i}": False for i in range(14)}, "meal-minutes": 120, "pregnancy-month": 0}
    )
    for sid in range(1, sessions + 1):
        start = t0 + timedelta(hours=7 * sid + rnd.randint(0, 3))
        status = rnd.choices(["completed", "stopped", "interrupted", "refused"], [90, 5, 3, 2])[0]
        rid = rnd.randint(0, RECEIVERS) or None
        conn.execute(
            "INSERT INTO sessions (id, protocol_id, protocol_version, started, ended, status, "
            "reason, answers, verdict, verdict_reasons, note, owner, receiver_id, pain_before, "
            "pain_after, pain_map, mode, new_course) VALUES "
            "(?, 'back-pain-relief', 1, ?, ?, ?, ?, ?, 'go', '[]', '', '', ?, ?, ?, ?, ?, 0)",
            (
                sid,
                start.isoformat(timespec="seconds"),
                (start + timedelta(minutes=12)).isoformat(timespec="seconds"),
                status,
                "pain" if status == "stopped" else "",
                answers,
                rid,
                rnd.randint(0, 8),
                rnd.randint(0, 6),
                json.dumps(["lumbar-left"]),
                "practice" if sid % 7 == 0 else "guided",
            ),
        )
        if status == "refused":
            continue
        for i, step in enumerate(STEPS):
            conn.execute(
                "INSERT INTO session_steps (session_id, idx, step_id, technique, seconds, "
                "completed) VALUES (?, ?, ?, ?, ?, ?)",
                (
                    sid,
                    i,
                    step,
                    TECHNIQUES[i % len(TECHNIQUES)],
                    60.0,
                    (start + timedelta(minutes=i + 1)).isoformat(timespec="seconds"),
                ),
            )
        for kind in ("pause", "resume"):
            conn.execute(
                "INSERT INTO events (session_id, at, kind, detail) VALUES (?, ?, ?, '')",
                (sid, (start + timedelta(minutes=3)).isoformat(timespec="seconds"), kind),
            )
    conn.execute("COMMIT")
    conn.close()
    return folder


def csv_seconds(folder: Path, runs: int = 7) -> tuple[list[float], list[float]]:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    times, cpu = [], []
    for _ in range(runs):
        c0 = _children_cpu()
        t0 = time.perf_counter()
        r = subprocess.run(
            [
                sys.executable,
                "-m",
                "massage_trainer",
                "history",
                "--csv",
                "--data-dir",
                str(folder),
            ],
            capture_output=True,
            env=env,
            check=True,
        )
        times.append(time.perf_counter() - t0)
        cpu.append(_children_cpu() - c0)
        assert r.stdout.count(b"\r\n") == SESSIONS + 1, "every session and the header"
    return times, cpu


def _children_cpu() -> float:
    """CPU seconds of finished child processes (0 where the system cannot say)."""
    try:
        import resource
    except ImportError:
        return 0.0
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def view_seconds(folder: Path, runs: int = 7) -> tuple[list[float], list[float]]:
    from PySide6.QtCore import QCoreApplication, QEventLoop
    from PySide6.QtWidgets import QApplication

    from massage_trainer.core.history.log import History
    from massage_trainer.ui.history.window import HistoryWindow

    app = QApplication.instance() or QApplication(sys.argv[:1])
    times, cpu = [], []
    for _ in range(runs):
        t0, c0 = time.perf_counter(), time.process_time()
        history, _ = History.open(folder)
        window = HistoryWindow(history, "en")
        window.show()
        while not window.isVisible() or not window.view.model.rowCount():
            app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
        window.grab()  # the first full paint, table and charts
        times.append(time.perf_counter() - t0)
        cpu.append(time.process_time() - c0)
        assert window.view.model.rowCount() == SESSIONS
        window.close()
        window.deleteLater()
        QCoreApplication.sendPostedEvents()
        history.close()
    return times, cpu


def main() -> None:
    offscreen()
    with tempfile.TemporaryDirectory() as tmp:
        folder = build_log(Path(tmp) / "data")
        csv, csv_cpu = csv_seconds(folder)
        view, view_cpu = view_seconds(folder)
    print("history --csv runs:", ", ".join(f"{t:.3f}" for t in csv))
    print("history --csv CPU time:", ", ".join(f"{t:.3f}" for t in csv_cpu))
    print("History window runs:", ", ".join(f"{t:.3f}" for t in view))
    print("History window CPU time:", ", ".join(f"{t:.3f}" for t in view_cpu))
    print("load average while measuring:", " ".join(f"{x:.2f}" for x in os.getloadavg()))
    merge(
        {
            "history_10k_csv_s": median(csv),
            "history_10k_view_s": median(view),
            # the same runs in CPU seconds: what the machine's load does not change
            "history_10k_csv_cpu_s": median(csv_cpu),
            "history_10k_view_cpu_s": median(view_cpu),
        }
    )


if __name__ == "__main__":
    main()
