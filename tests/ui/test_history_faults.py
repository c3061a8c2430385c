"""The History window with a log that cannot be changed, trial runs, and private exports."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from massage_trainer.core.history.log import History
from massage_trainer.ui.history.view import HistoryView
from tests.faults.helpers import seed_log
from tests.ui.test_history_view import TODAY, seed_course


def _trial(history: History) -> int:
    sid = history.begin_session(
        protocol_id="back-pain-relief",
        protocol_version=1,
        answers={},
        verdict="go",
        verdict_reasons=[],
        trial=True,
    )
    history.step_completed(sid, 0, "warm-up", "stroking", 600.0)
    history.end_session(sid, "completed")
    return sid


def test_a_log_without_write_permission_is_shown_read_only(
    qtbot: QtBot, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seed_log(data_dir, sessions=3)
    from massage_trainer.core.history import opening

    monkeypatch.setattr(opening, "writable", lambda path: False)  # as if chmod 444
    history, notice = History.open(data_dir)
    assert history.read_only and notice is not None
    view = HistoryView(history, today=lambda: TODAY, lang="ru")
    qtbot.addWidget(view)
    assert view.model.rowCount() == 3
    assert not view.notice.isHidden()
    assert "можно прочитать, но нельзя изменить" in view.notice.text()
    history.close()


def test_trial_runs_are_listed_but_not_charted_or_counted(qtbot: QtBot, data_dir: Path) -> None:
    history, _ = History.open(data_dir)
    seed_course(history, sessions=3)
    trial = _trial(history)
    view = HistoryView(history, today=lambda: TODAY)
    qtbot.addWidget(view)
    row = view.model.row_of(trial)
    assert row is not None and view.cell(row, 3) == "completed · trial run"
    assert view.cell(row, 7) == "–"  # no place in a course
    drawn: list[list[int]] = []
    capture = lambda records: drawn.append([r.id for r in records])  # noqa: E731
    view.minutes_plot.draw = capture  # type: ignore[method-assign]
    view.pain_plot.draw = capture  # type: ignore[method-assign]
    view._draw_charts()
    assert len(drawn) == 2 and all(trial not in ids and len(ids) == 4 for ids in drawn)
    history.close()


def test_exports_are_private_and_say_so(qtbot: QtBot, data_dir: Path, tmp_path: Path) -> None:
    history, _ = History.open(data_dir)
    seed_course(history, sessions=2)
    view = HistoryView(history, today=lambda: TODAY)
    qtbot.addWidget(view)
    out = tmp_path / "sessions.csv"
    view._save(lambda: view.export_csv(out), str(out))
    assert "health information" in view.notice.text() and not view.notice.isHidden()
    report = tmp_path / "report.pdf"
    view.export_pdf(report, view.shown_sessions()[0].id)
    assert report.read_bytes().rstrip().endswith(b"%%EOF")
    if os.name == "posix":
        for f in (out, report):
            assert stat.S_IMODE(f.stat().st_mode) == 0o600
    history.close()


def test_the_window_makes_a_new_data_folder_private_without_a_false_alarm(
    tmp_path: Path,
) -> None:
    from massage_trainer.ui.app import settings_for

    fresh = tmp_path / "fresh" / "massage-trainer"
    settings_for(fresh).sync()
    history, notice = History.open(fresh)
    history.close()
    assert notice is None  # first use: nothing was open to others, nothing to tell
    if os.name == "posix":
        assert stat.S_IMODE(fresh.stat().st_mode) == 0o700
