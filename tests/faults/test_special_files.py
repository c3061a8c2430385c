"""Pipes and devices where files are expected are refused at once, never opened to block on."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from massage_trainer.core.history.log import FILE_NAME
from tests.faults.conftest import cli
from tests.faults.helpers import clear_answers, play_args

pytestmark = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")


def _fifo(path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    os.mkfifo(path)
    return path


def test_a_pipe_in_place_of_the_log_is_refused_without_hanging(tmp_path: Path) -> None:
    data = tmp_path / "data"
    log = _fifo(data / FILE_NAME)
    r = cli("history", "--data-dir", str(data))
    assert r.returncode == 1
    assert f"{log} is a named pipe, not an ordinary file" in r.stderr
    answers = clear_answers(tmp_path)
    r = cli(*play_args(data, answers))
    assert r.returncode == 0, r.stderr
    assert "Finished: 8 of 8 steps completed." in r.stdout
    assert "named pipe" in r.stderr and "will not be saved" in r.stderr
    assert stat.S_ISFIFO(log.stat().st_mode)
    assert sorted(p.name for p in data.iterdir()) == [FILE_NAME]


def test_pipes_as_protocol_and_answers_files_are_refused(tmp_path: Path) -> None:
    data = tmp_path / "data"
    pipe = _fifo(data / "protocols" / "stuck.yaml")
    r = cli("list", "--data-dir", str(data))
    assert r.returncode == 0
    assert f"{pipe}: skipped: this is not a file" in r.stderr
    r = cli("validate", str(pipe))
    assert r.returncode == 1 and f"{pipe}:1:1: this is not a file" in r.stderr
    answers = _fifo(tmp_path / "answers.yaml")
    r = cli(*play_args(data, answers))
    assert r.returncode == 1 and f"{answers}:1:1: this is not a file" in r.stderr


@pytest.mark.parametrize(
    "command",
    [
        ["render", "back-pain-relief"],
        ["export-pdf", "back-pain-relief"],
        ["history", "--csv"],
    ],
)
def test_a_pipe_as_the_output_is_refused(tmp_path: Path, command: list[str]) -> None:
    suffix = {"render": ".png", "export-pdf": ".pdf", "history": ".csv"}[command[0]]
    target = _fifo(tmp_path / f"out{suffix}")
    r = cli(*command, "-o", str(target))
    assert r.returncode == 1, r.stderr
    assert f"{target} is a named pipe, not a file" in r.stderr
    assert stat.S_ISFIFO(target.stat().st_mode)


def test_devices_are_not_data_folders_or_outputs(tmp_path: Path) -> None:
    r = cli("--data-dir", "/dev/null", "list")
    assert r.returncode == 2 and "/dev/null is a device, not a folder" in r.stderr
    r = cli("list", "--data-dir", "/dev/null")
    assert r.returncode == 2 and "/dev/null is a device, not a folder" in r.stderr
    env = dict(os.environ, MASSAGE_TRAINER_DATA_DIR="/dev/null")
    r = cli("history", env=env)
    assert r.returncode == 1 and "/dev/null is a device, not a folder" in r.stderr
    if Path("/dev/full").exists():
        r = cli("history", "--csv", "-o", "/dev/full", "--data-dir", str(tmp_path))
        assert r.returncode == 1 and "/dev/full is a device, not a file" in r.stderr
        for command in (["render", "back-pain-relief"], ["export-pdf", "back-pain-relief"]):
            r = cli(*command, "-o", "/dev/full")
            assert r.returncode == 1 and "/dev/full is a device, not a file" in r.stderr
