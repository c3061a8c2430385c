"""The history page and the before/after dialogs: wired to the log, charts fed, exports written."""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from massage_trainer.core.history.export_csv import read_csv
from massage_trainer.core.history.log import History, Status
from massage_trainer.core.protocol.catalog import bundled
from massage_trainer.ui.history.receivers import AfterDialog, BeforeDialog, ReceiversDialog
from massage_trainer.ui.history.text import catalog_lookup
from massage_trainer.ui.history.view import HistoryView

START = datetime(2025, 2, 3, 18, 30, tzinfo=UTC)
TODAY = date(2025, 3, 10)
STEPS = [(s.id, str(s.technique), s.planned_s or 60.0) for s in bundled("back-pain-relief").steps]


def seed_course(history: History, sessions: int = 12, seed: int = 7) -> int:
    """A receiver's course: every other day, pain easing from about 7 to about 2, a few hiccups."""
    rnd = random.Random(seed)
    clock = [START]

    def tick(minutes: float = 1.0) -> None:
        clock[0] += timedelta(minutes=minutes)

    history._now = lambda: clock[0]
    anna = history.add_receiver("Anna")
    for i in range(sessions):
        clock[0] = START + timedelta(days=2 * i + (i > 8))
        before = max(1, round(7 - i * 0.45 + rnd.uniform(-0.8, 0.8)))
        zones = ["lumbar-left", "lumbar-right"] if i < 6 else ["lumbar-left"]
        sid = history.begin_session(
            protocol_id="back-pain-relief",
            protocol_version=1,
            answers={"fever": False},
            verdict="go",
            verdict_reasons=[],
            receiver_id=anna,
            pain_before=before,
            pain_map=zones,
            mode="practice" if i % 4 == 3 else "guided",
        )
        done = 2 if i == 4 else len(STEPS)
        for index, (step_id, technique, seconds) in enumerate(STEPS[:done]):
            tick(seconds / 60)
            history.step_completed(sid, index, step_id, technique, seconds)
        if i == 4:
            history.note_event(sid, "pain-stop", "sharp pain low on the left")
            history.end_session(sid, "stopped", reason="pain")
        else:
            after = max(0, before - rnd.choice([2, 3, 3, 4]))
            history.end_session(sid, "completed", pain_after=after, note="Warm and relaxed")
    history.record_refused(
        protocol_id="back-pain-relief",
        protocol_version=1,
        answers={"fever": True},
        verdict="stop",
        reasons=["Fever: wait until it has passed"],
    )
    return anna


@pytest.fixture
def history(data_dir: Path) -> Iterator[History]:
    h, notice = History.open(data_dir)
    assert notice is None
    yield h
    h.close()


@pytest.fixture
def view(qtbot: QtBot, history: History, data_dir: Path) -> HistoryView:
    seed_course(history)
    v = HistoryView(history, protocols=catalog_lookup(data_dir), today=lambda: TODAY)
    qtbot.addWidget(v)
    v.resize(1100, 760)
    return v


def test_the_table_lists_sessions_newest_first_with_course_places(view: HistoryView) -> None:
    assert view.model.rowCount() == 13
    first_row = [view.cell(0, c) for c in range(8)]
    assert "not started" in first_row[3]  # the refusal came last
    last_row = [view.cell(12, c) for c in range(8)]
    assert last_row[1] == "Anna" and last_row[3] == "completed" and last_row[7] == "1 · 1"
    assert last_row[2] != "back-pain-relief"  # the protocol's title, not its id
    stopped = [view.cell(r, 3) for r in range(13)].count("stopped")
    assert stopped == 1
    assert "→" in last_row[5]


def test_charts_get_one_point_per_session_and_one_bar_per_technique(view: HistoryView) -> None:
    curves = [
        c for c in view.pain_plot.getPlotItem().listDataItems() if c.name() in ("before", "after")
    ]
    by_name = {c.name(): c for c in curves}
    assert len(by_name["before"].getData()[0]) == 12  # every session with a score
    assert len(by_name["after"].getData()[0]) == 11  # the stopped one has no score after
    ticks = view.minutes_plot.getAxis("left")._tickLevels[0]
    assert {label for _, label in ticks} == {
        "Stroking", "Deep stroking", "Rubbing", "Kneading", "Tapping", "Clapping"
    }  # fmt: skip


def test_filtering_by_receiver_and_course_text(view: HistoryView, history: History) -> None:
    index = view.receiver.findText("No name")
    view.receiver.setCurrentIndex(index)
    assert view.model.rowCount() == 1  # only the refusal had no receiver
    view.receiver.setCurrentIndex(view.receiver.findText("Anna"))
    assert view.model.rowCount() == 12
    # the session stopped for pain counts (two steps were given); the refusal and the three
    # practice sessions (every fourth) do not
    assert "Course 1: 9 sessions" in view.course_label.text()
    assert "Next: session 10" in view.course_label.text()


def test_csv_export_round_trips(view: HistoryView, tmp_path: Path) -> None:
    out = tmp_path / "s.csv"
    view.export_csv(out)
    rows = read_csv(out.read_text(encoding="utf-8-sig"))
    assert len(rows) == 13 and [r["status"] for r in rows].count("completed") == 11
    assert rows[0]["pain_map"] == '["lumbar-left", "lumbar-right"]'


def test_pdf_report_of_the_selected_session(view: HistoryView, tmp_path: Path) -> None:
    assert not view.pdf_button.isEnabled()
    target = view.shown_sessions()[4]
    view.select_session(target.id)
    assert view.pdf_button.isEnabled() and view.selected_session() == target
    out = tmp_path / "r.pdf"
    view.export_pdf(out, target.id)
    data = out.read_bytes()
    assert data.startswith(b"%PDF") and len(data) > 5000


def test_before_dialog_records_receiver_pain_and_map(qtbot: QtBot, history: History) -> None:
    anna = seed_course(history, sessions=3)
    dlg = BeforeDialog(history, today=date(2025, 2, 10))
    qtbot.addWidget(dlg)
    dlg.picker.combo.setCurrentIndex(dlg.picker.combo.findData(anna))
    assert "session 4 of course 1" in dlg.course_label.text()
    dlg.pain.set_value(6)
    if dlg.body_view is not None:  # click the real diagram where the sacrum is
        dlg.body_view.resize(300, 420)
        from massage_trainer.core.body.geometry import load_body

        cx, cy = load_body().zone("sacrum").centroid()
        pos = dlg.body_view.body_to_widget(cx, cy)  # type: ignore[attr-defined]
        with qtbot.waitSignal(dlg.body_view.zoneClicked, timeout=2000):  # type: ignore[attr-defined]
            qtbot.mouseClick(dlg.body_view, Qt.MouseButton.LeftButton, pos=pos.toPoint())
    else:
        dlg.toggle_zone("sacrum")
    dlg.toggle_zone("neck")
    dlg.toggle_zone("neck")  # second click clears it
    result = dlg.result_values()
    assert result.receiver_id == anna and result.pain_before == 6
    assert result.pain_map == ("sacrum",) and "Sacrum" in dlg.zones_label.text()
    assert result.new_course is False


def test_after_dialog_and_receiver_management(qtbot: QtBot, history: History) -> None:
    after = AfterDialog(pain_before=6)
    qtbot.addWidget(after)
    assert after.result_values() == (None, "")  # nothing picked means "not asked"
    after.pain.set_value(2)
    after.note.setPlainText("  better  ")
    assert after.result_values() == (2, "better")
    manage = ReceiversDialog(history)
    qtbot.addWidget(manage)
    rid = manage.picker.add("Boris")
    assert rid is not None and manage.picker.receiver_id() == rid
    assert manage.rename(rid, "Boris P.")
    assert [r.name for r in history.receivers()] == ["Boris P."]


def test_a_running_session_shows_as_in_progress(qtbot: QtBot, history: History) -> None:
    sid = history.begin_session(
        protocol_id="x", protocol_version=1, answers={}, verdict="go", verdict_reasons=[]
    )
    v = HistoryView(history)
    qtbot.addWidget(v)
    assert v.cell(0, 3) == "in progress"
    history.end_session(sid, Status.COMPLETED)
    v.refresh()
    assert v.cell(0, 3) == "completed"


def test_the_report_names_the_stop_reason_in_the_interface_language(history: History) -> None:
    from massage_trainer.ui.base import i18n
    from massage_trainer.ui.history.report_pdf import report_html

    seed_course(history, sessions=5)
    records = history.sessions()
    stopped = next(r for r in records if r.reason == "pain")
    with i18n.language("ru"):
        page = report_html(stopped, history.events(stopped.id), records, lang="ru", with_map=False)
    assert "из-за боли" in page and "— pain" not in page
