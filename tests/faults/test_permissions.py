"""Permissions are not corruption: as an ordinary user, a log or folder the person may not read or
change is left exactly where it is, the session still plays, and the message says what to do."""

from __future__ import annotations

import stat
from pathlib import Path

from massage_trainer.core.history.log import FILE_NAME
from tests.faults.conftest import Run, give_to_nobody
from tests.faults.helpers import clear_answers, play_args, seed_log, state


def _log_of_nobody(shared: Path, *, unfinished: bool = False) -> Path:
    folder = shared / "data"
    seed_log(folder, unfinished=unfinished)
    give_to_nobody(folder)
    return folder


def test_an_unreadable_log_is_left_alone_and_named(as_nobody: Run, shared: Path) -> None:
    folder = _log_of_nobody(shared)
    (folder / FILE_NAME).chmod(0o000)
    before = state(folder)
    r = as_nobody("history", "--data-dir", str(folder))
    assert r.returncode == 1, r.stdout + r.stderr
    assert f"{folder / FILE_NAME} cannot be read (Permission denied)" in r.stderr
    assert "chmod u+rw" in r.stderr and "Traceback" not in r.stderr
    answers = clear_answers(shared)
    r = as_nobody(*play_args(folder, answers))
    # safety fails closed: the "see a doctor first" stops kept in the log cannot be checked
    assert r.returncode == 1, r.stderr
    assert "Step 1/" not in r.stdout and "Traceback" not in r.stderr
    assert "stops kept in it cannot be checked" in r.stderr and "cannot be read" in r.stderr
    assert state(folder) == before  # nothing renamed, nothing new, nothing changed


def test_a_read_only_log_is_shown_and_the_session_plays_unsaved(
    as_nobody: Run, shared: Path
) -> None:
    folder = _log_of_nobody(shared)
    (folder / FILE_NAME).chmod(0o400)
    before = state(folder)
    answers = clear_answers(shared)
    r = as_nobody(*play_args(folder, answers))
    assert r.returncode == 0, r.stderr
    assert "Finished: 8 of 8 steps completed." in r.stdout
    assert "can be read but not changed" in r.stderr and "will not be saved" in r.stderr
    assert "something went wrong" not in r.stderr
    r = as_nobody("history", "--data-dir", str(folder))
    assert r.returncode == 0, r.stderr
    assert r.stdout.count("back-pain-relief v1") == 2  # shown, read-only
    assert "shown read-only" in r.stderr
    assert state(folder) == before
    assert not (folder / "crash.log").exists()


def test_a_read_only_folder_is_shown_not_set_aside(as_nobody: Run, shared: Path) -> None:
    folder = _log_of_nobody(shared, unfinished=True)
    folder.chmod(0o500)
    before = state(folder)
    r = as_nobody("history", "--data-dir", str(folder))
    assert r.returncode == 0, r.stderr
    assert r.stdout.count("back-pain-relief v1") == 3
    assert "can be read but not changed" in r.stderr
    answers = clear_answers(shared)
    r = as_nobody(*play_args(folder, answers))
    assert r.returncode == 0 and "will not be saved" in r.stderr
    assert state(folder) == before


def test_a_folder_that_cannot_be_opened_says_so(as_nobody: Run, shared: Path) -> None:
    folder = _log_of_nobody(shared)
    folder.chmod(0o000)
    r = as_nobody("history", "--data-dir", str(folder))
    assert r.returncode == 1
    assert f"The data folder {folder} cannot be opened (Permission denied)" in r.stderr
    assert "something went wrong" not in r.stderr
    folder.chmod(0o700)
    assert sorted(p.name for p in folder.iterdir()) == [FILE_NAME]


def test_a_plain_file_where_the_folder_should_be(as_nobody: Run, shared: Path) -> None:
    data = shared / "data"
    data.write_text("my notes\n")
    give_to_nobody(data)
    r = as_nobody("history", "--data-dir", str(data))
    assert r.returncode == 2
    assert f"{data} is a file, not a folder" in r.stderr
    r = as_nobody("list", "--data-dir", str(data))
    assert r.returncode == 2 and "is a file, not a folder" in r.stderr
    assert data.read_text() == "my notes\n"


def test_new_data_is_private_and_an_open_folder_is_tightened_once(
    as_nobody: Run, shared: Path
) -> None:
    answers = clear_answers(shared)
    fresh = shared / "fresh"
    r = as_nobody(*play_args(fresh, answers))
    assert r.returncode == 0, r.stderr
    assert stat.S_IMODE(fresh.stat().st_mode) == 0o700
    assert stat.S_IMODE((fresh / FILE_NAME).stat().st_mode) == 0o600
    fresh.chmod(0o755)
    (fresh / FILE_NAME).chmod(0o644)
    r = as_nobody("history", "--data-dir", str(fresh))
    assert r.returncode == 0
    assert "could be read by other users of this computer" in r.stderr
    assert stat.S_IMODE(fresh.stat().st_mode) == 0o700
    assert stat.S_IMODE((fresh / FILE_NAME).stat().st_mode) == 0o600
    r = as_nobody("history", "--data-dir", str(fresh))
    assert "could be read by other users" not in r.stderr  # told once
