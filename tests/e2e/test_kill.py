"""Crash safety: `play --headless` killed with SIGKILL at random moments loses no session and no step.

Each run is killed right after it prints a chosen "Step k/n" line (or right after "Playing"), so the
moments are random (seeded) but never guessed with sleeps. A step is written to the log when it
completes, before the next step's line is printed: every step before the last one seen must be
there. Then `history --csv` must list every run: interrupted, or completed when it got to the end.
"""

from __future__ import annotations

import itertools
import os
import random
import re
import signal
import subprocess
import sys
import threading
from dataclasses import dataclass
from pathlib import Path

import pytest

from massage_trainer.core.history.export_csv import read_csv
from massage_trainer.core.history.log import History, Status
from massage_trainer.core.protocol import catalog

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX"),
]

PROTOCOL = "back-pain-relief"
RUNS = 10
SPEED = "500"  # the whole protocol in about a second
STEP_LINE = re.compile(r"^Step (\d+)/(\d+):")
WATCHDOG_S = 30.0


def cli(*args: str) -> list[str]:
    return [sys.executable, "-m", "massage_trainer", *args]


def env() -> dict[str, str]:
    return {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONUNBUFFERED": "1"}


def all_clear_answers(folder: Path) -> Path:
    """An answers file that passes the safety check, built from `massage-trainer questions`.

    Yes-no questions get 'no' and checks 'yes'; for number questions the first of 0, the top and
    the bottom of the range that the rules accept (a meal 0 minutes ago means "wait", say).
    """
    from massage_trainer.core.safety.verdict import VerdictKind, evaluate, load_rules

    listing = subprocess.run(
        cli("questions"), capture_output=True, text=True, env=env(), timeout=60, check=True
    ).stdout
    answers: dict[str, object] = {}
    ranges: dict[str, list[float]] = {}
    for line in listing.splitlines():
        qid, kind, text = line.split("\t", 2)
        if kind == "yes-no":
            answers[qid] = False
        elif kind == "check":
            answers[qid] = True
        else:
            bounds = re.search(r"\[(\d+(?:\.\d+)?)-(\d+(?:\.\d+)?)\]\s*$", text)
            low, high = (float(bounds[1]), float(bounds[2])) if bounds else (0.0, 0.0)
            ranges[qid] = [0.0, high, low]
    rules = load_rules()
    protocol = catalog.bundled(PROTOCOL)
    for combo in itertools.product(*ranges.values()):
        trial = {**answers, **dict(zip(ranges, combo, strict=True))}
        if evaluate(rules, trial, protocol).kind is VerdictKind.GO:  # type: ignore[arg-type]
            answers = trial
            break
    else:
        pytest.fail("no answers found that let the protocol start: check the safety rules")

    def word(v: object) -> str:
        if isinstance(v, bool):
            return "yes" if v else "no"
        return f"{float(v):g}"  # type: ignore[arg-type]

    path = folder / "answers.yaml"
    path.write_text("".join(f"{k}: {word(v)}\n" for k, v in answers.items()), encoding="utf-8")
    return path


@dataclass
class Run:
    target: int  # 0: kill right after "Playing"; k: right after "Step k/n"
    playing: bool = False
    last_step_seen: int = 0
    finished: bool = False
    returncode: int | None = None


def play_and_kill(data_dir: Path, answers: Path, target: int | None) -> Run:
    """Start a headless play; SIGKILL it once the target line is read (None: let it finish)."""
    run = Run(target=-1 if target is None else target)
    proc = subprocess.Popen(
        cli(
            "--data-dir",
            str(data_dir),
            "play",
            PROTOCOL,
            "--headless",
            "--answers",
            str(answers),
            "--speed",
            SPEED,
            "--get-ready",
            "0",
        ),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env(),
    )
    watchdog = threading.Timer(WATCHDOG_S, proc.kill)
    watchdog.start()
    try:
        assert proc.stdout is not None
        for line in proc.stdout:
            if line.startswith("Playing "):
                run.playing = True
                if target == 0:
                    break
            elif m := STEP_LINE.match(line):
                run.last_step_seen = int(m[1])
                if target is not None and run.last_step_seen >= target:
                    break
            elif line.startswith("Finished:"):
                run.finished = True
        if target is not None:
            proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=WATCHDOG_S)
        run.returncode = proc.returncode
        if proc.stderr is not None:
            err = proc.stderr.read()
            assert "Traceback" not in err, err
    finally:
        watchdog.cancel()
        for stream in (proc.stdout, proc.stderr):
            if stream is not None:
                stream.close()
    return run


def test_sigkilled_sessions_are_all_recorded_as_interrupted_with_their_steps(
    tmp_path: Path,
) -> None:
    data_dir = tmp_path / "data"
    answers = all_clear_answers(tmp_path)
    n_steps = len(catalog.bundled(PROTOCOL).steps)
    rng = random.Random(20250301)
    targets: list[int | None] = [rng.randint(0, n_steps) for _ in range(RUNS)]
    targets.insert(rng.randint(0, RUNS), None)  # one run is left to finish
    runs = [play_and_kill(data_dir, answers, t) for t in targets]
    assert all(r.playing for r in runs), "a run never started playing: see the answers file"
    assert runs[targets.index(None)].returncode == 0

    # what a person sees: `history --csv`, one row per run, in order
    done = subprocess.run(
        cli("history", "--data-dir", str(data_dir), "--csv"),
        capture_output=True, text=True, env=env(), timeout=60, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    rows = read_csv(done.stdout)
    assert len(rows) == len(runs)
    history, notice = History.open(data_dir)
    records = history.sessions()
    history.close()
    assert notice is None
    for run, row, record in zip(runs, rows, records, strict=True):
        got_to_the_end = run.returncode == 0
        expected = Status.COMPLETED if got_to_the_end else Status.INTERRUPTED
        assert (row["status"], record.status) == (expected.value, expected), run
        indices = sorted({s.index for s in record.steps})
        assert indices == list(range(len(indices))), f"a gap in the recorded steps: {indices}"
        # every step before the last one announced had completed, and was written, before the kill
        assert len(indices) >= max(0, run.last_step_seen - 1), (run, indices)
        assert int(row["steps_done"]) == len(indices)
        if got_to_the_end:
            assert len(indices) == n_steps
        else:
            assert "ended before the session" in record.reason
    kills = [r for r in runs if r.returncode == -signal.SIGKILL]
    assert len(kills) >= RUNS - 2, "most runs must really have been killed mid-session"
