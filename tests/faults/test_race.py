"""First use is not racy: programs starting together on a new data folder share one log."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from massage_trainer.core.history.log import FILE_NAME, History
from tests.conftest import REPO
from tests.faults.helpers import clear_answers, play_args

RACERS = 3
ROUNDS = 20


def test_three_programs_opening_a_new_folder_at_once_twenty_times(tmp_path: Path) -> None:
    env = dict(os.environ, PYTHONPATH=str(REPO))
    workers = [
        subprocess.Popen(
            [sys.executable, "-m", "tests.faults.racer"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            env=env,
            cwd=REPO,
        )
        for _ in range(RACERS)
    ]
    try:
        for n in range(ROUNDS):
            folder = tmp_path / f"new-{n}"
            for w in workers:  # the same new folder to everyone, as close together as we can
                assert w.stdin is not None
                w.stdin.write(f"{folder}\n")
                w.stdin.flush()
            said = [w.stdout.readline().strip() for w in workers if w.stdout is not None]
            assert said == ["ok"] * RACERS, f"round {n}: {said}"
            assert sorted(p.name for p in folder.iterdir()) == [FILE_NAME], f"round {n}"
            history, notice = History.open(folder)
            assert notice is None
            assert len(history.sessions()) == RACERS, f"round {n}: sessions split or lost"
            history.close()
    finally:
        for w in workers:
            if w.stdin is not None:
                w.stdin.close()
        for w in workers:
            w.wait(timeout=30)
            if w.stdout is not None:
                w.stdout.close()


def test_three_headless_plays_on_a_new_folder_land_in_one_log(tmp_path: Path) -> None:
    answers = clear_answers(tmp_path)
    data = tmp_path / "NEW"
    procs = [
        subprocess.Popen(
            [sys.executable, "-m", "massage_trainer", *play_args(data, answers)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(3)
    ]
    results = [p.communicate(timeout=120) for p in procs]
    assert [p.returncode for p in procs] == [0, 0, 0], results
    assert all(err == "" for _, err in results), results
    assert sorted(p.name for p in data.iterdir()) == [FILE_NAME]
    history, _ = History.open(data)
    assert [r.status.value for r in history.sessions()] == ["completed"] * 3
    history.close()
