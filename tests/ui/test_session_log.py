"""The window records its sessions in the history: steps, pauses, pain, how it ended, before/after."""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication

from massage_trainer.core.history.log import History
from massage_trainer.core.session.clock import FakeClock
from massage_trainer.core.session.player import State
from massage_trainer.ui.app import build_window
from massage_trainer.ui.history.before_ask import BeforeAsk
from massage_trainer.ui.safety.pain_dialog import PainReport
from massage_trainer.ui.session.cues import Cues, CueSettings, Unavailable
from massage_trainer.ui.session.main_window import MainWindow
from massage_trainer.ui.session.session_log import ASK_KEY, SessionRecorder

OFFSCREEN_NOISE = pytest.mark.qt_log_ignore(
    "This plugin does not support (propagateSizeHints|raise)"
)


def _silent(*_args: object) -> object:
    raise Unavailable("Sound is off: test")


def make(
    qtbot, data_dir: Path, clock: FakeClock, *, safety: bool = False, ask: bool = False
) -> MainWindow:  # type: ignore[no-untyped-def]
    cues = Cues(CueSettings(), sound_factory=_silent, speech_factory=_silent)  # type: ignore[arg-type]
    args = argparse.Namespace(data_dir=data_dir, protocol="back-pain-relief")
    w = build_window(
        args, clock=clock, cues=cues, get_ready_s=5, safety=safety, defer=False, ask=ask
    )
    qtbot.addWidget(w)
    w.show()
    return w


def recorder(w: MainWindow) -> SessionRecorder:
    rec = w.findChild(SessionRecorder)
    assert isinstance(rec, SessionRecorder)
    return rec


def play_to_end(w: MainWindow, clock: FakeClock) -> None:
    """Drive the session on the fake clock from deadline to deadline, pressing Next when asked."""
    c = w.controller
    for _ in range(10_000):
        if c.state in (State.FINISHED, State.STOPPED):
            return
        if c.state is State.WAITING:
            c.next()
            continue
        assert c.player is not None
        due = c.player.next_deadline()
        assert due is not None
        clock.set(max(clock.now(), due))
        c.poll()
    raise AssertionError("the session never ended")


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(1000.0)


@pytest.fixture
def window(qtbot, data_dir: Path, clock: FakeClock) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    w = make(qtbot, data_dir, clock)
    yield w
    w.controller.shutdown()


def test_a_full_guided_session_is_recorded_step_by_step(
    window: MainWindow, clock: FakeClock
) -> None:
    rec = recorder(window)
    assert rec.course_label.text() == "Session 1 of this course"
    assert window.controller.start()
    sid = rec.session_id
    assert sid is not None
    protocol = window.controller.protocol
    assert protocol is not None
    play_to_end(window, clock)
    rec.flush()
    assert rec.history is not None
    record = rec.history.session(sid)
    assert record.status == "completed"
    assert record.protocol_id == "back-pain-relief" and record.mode == "guided"
    assert [s.index for s in record.steps] == list(range(len(protocol.steps)))
    for done, step in zip(record.steps, protocol.steps, strict=True):
        assert done.step_id == step.id and done.technique == str(step.technique)
        if step.planned_s > 0:
            assert done.seconds == pytest.approx(step.planned_s)
    assert rec.session_id is None
    assert rec.course_label.text() == "Session 2 of this course"


def test_pauses_are_events_and_do_not_count_as_step_time(
    window: MainWindow, clock: FakeClock
) -> None:
    rec, c = recorder(window), window.controller
    c.start()
    clock.advance(5)
    c.poll()  # step 1 begins
    clock.advance(10)
    c.pause()
    clock.advance(120)  # a long pause
    c.resume()
    assert c.player is not None and c.player.step is not None
    clock.advance(c.player.step.planned_s - 10)
    c.poll()
    sid = rec.session_id
    assert sid is not None and rec.history is not None
    rec.flush()
    kinds = [e.kind for e in rec.history.events(sid)]
    assert kinds[:2] == ["pause", "resume"]
    first = rec.history.session(sid).steps[0]
    assert first.seconds == pytest.approx(c.player.protocol.steps[0].planned_s)


def test_writes_at_a_step_boundary_wait_for_the_next_event_loop_turn(
    qtbot, window: MainWindow, clock: FakeClock
) -> None:  # type: ignore[no-untyped-def]
    rec, c = recorder(window), window.controller
    c.start()
    clock.advance(5)
    c.poll()
    assert c.player is not None and c.player.step is not None
    clock.advance(c.player.step.planned_s)
    c.poll()
    sid = rec.session_id
    assert sid is not None and rec.history is not None
    assert rec.history.session(sid).steps == ()  # the window showed the new step first
    qtbot.waitUntil(lambda: len(rec.history.session(sid).steps) == 1)  # type: ignore[union-attr]


@OFFSCREEN_NOISE
def test_a_pain_stop_is_recorded_with_what_was_said(
    qtbot, data_dir: Path, clock: FakeClock
) -> None:  # type: ignore[no-untyped-def]
    w = make(qtbot, data_dir, clock, safety=True)
    assert recorder(w).history is not None
    w.controller.gate = lambda _command: None  # the safety panel's own tests cover the gate
    w.controller.start()
    clock.advance(7)
    w.controller.poll()
    w.pain_stop()
    report = PainReport("lumbar-left", "sharp", (), False, "stop")
    w.safety_panel.wiring.carry_out(report)  # type: ignore[union-attr]
    assert w.controller.state is State.STOPPED
    history = History.open(data_dir)[0]
    try:
        (record,) = history.sessions()
        assert record.status == "stopped" and record.reason == "pain"
        assert record.verdict == "incomplete"
        events = [(e.kind, e.detail) for e in history.events(record.id)]
        assert ("pause", "") in events
        assert ("pain-stop", report.detail()) in events
    finally:
        history.close()


def test_closing_the_window_mid_session_records_it_as_stopped(
    qtbot, data_dir: Path, clock: FakeClock
) -> None:  # type: ignore[no-untyped-def]
    w = make(qtbot, data_dir, clock)
    w.controller.start()
    clock.advance(20)
    w.controller.poll()
    w.close()
    history = History.open(data_dir)[0]
    try:
        (record,) = history.sessions()
        assert record.status == "stopped" and record.reason == "window closed"
    finally:
        history.close()


def test_a_corrupt_history_is_set_aside_and_the_window_still_starts(
    qtbot, data_dir: Path, clock: FakeClock
) -> None:  # type: ignore[no-untyped-def]
    (data_dir / "history.sqlite3").write_bytes(b"this is not a database" * 100)
    w = make(qtbot, data_dir, clock)
    assert w.controller.protocol is not None
    assert not w.view.banner.isHidden() and "set aside" in w.view.banner.text()
    assert any(
        p.name.startswith("history") and p.name != "history.sqlite3" for p in data_dir.iterdir()
    )
    assert w.controller.start()
    assert recorder(w).session_id is not None
    w.controller.shutdown()


@OFFSCREEN_NOISE
def test_before_questions_come_first_and_can_be_switched_off(
    qtbot, data_dir: Path, clock: FakeClock
) -> None:  # type: ignore[no-untyped-def]
    w = make(qtbot, data_dir, clock, ask=True)
    rec = recorder(w)
    w.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is w)
    qtbot.keyClick(w, Qt.Key.Key_Space)
    dialog = rec.dialog
    assert isinstance(dialog, BeforeAsk) and dialog.isVisible()
    assert w.controller.state is State.IDLE
    dialog.pain.set_value(6)
    dialog.toggle_zone("lumbar-left")
    dialog.accept()
    assert w.controller.state is State.GET_READY
    sid = rec.session_id
    assert sid is not None and rec.history is not None
    record = rec.history.session(sid)
    assert record.pain_before == 6 and record.pain_map == ("lumbar-left",)
    w.controller.stop()
    after = rec.dialog
    assert after is not None and after.isVisible()  # pain after and a note
    after.pain.set_value(2)  # type: ignore[attr-defined]
    after.note.setPlainText("warmer, less stiff")  # type: ignore[attr-defined]
    after.accept()
    record = rec.history.session(sid)
    assert record.pain_after == 2 and record.note == "warmer, less stiff"
    assert record.status == "stopped" and record.reason == "stopped by the user"

    qtbot.keyClick(w, Qt.Key.Key_Space)  # asked again; Esc skips and "don't ask" is kept
    dialog = rec.dialog
    assert isinstance(dialog, BeforeAsk)
    dialog.dont_ask.setChecked(True)
    dialog.reject()
    assert w.controller.state is State.GET_READY
    assert str(w.settings.value(ASK_KEY)).lower() == "false"
    w.controller.stop()
    rec.dialog.reject()  # type: ignore[union-attr]
    qtbot.keyClick(w, Qt.Key.Key_Space)
    assert w.controller.state is State.GET_READY and rec.dialog is None
    w.controller.shutdown()


def press(qtbot, k: Qt.Key, mods: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:  # type: ignore[no-untyped-def]
    """A key as the system delivers it: to the focused widget of the active window, or lost."""
    target = QApplication.focusWidget() or QApplication.activeWindow()
    assert target is not None, "no window takes the key: it is lost"
    qtbot.keyClick(target, k, mods)


@OFFSCREEN_NOISE
def test_the_before_and_after_questions_work_from_the_keyboard(
    qtbot, data_dir: Path, clock: FakeClock
) -> None:  # type: ignore[no-untyped-def]
    w = make(qtbot, data_dir, clock, ask=True)
    rec = recorder(w)
    w.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is w)
    press(qtbot, Qt.Key.Key_Space)
    dialog = rec.dialog
    assert isinstance(dialog, BeforeAsk)
    hint = w.statusBar().currentMessage()
    assert "Before the session" in hint
    six = dialog.pain._group.button(6)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    six.setFocus()
    press(qtbot, Qt.Key.Key_Space)  # Space picks the focused number...
    assert dialog.pain.value() == 6 and dialog.isVisible()
    press(qtbot, Qt.Key.Key_Return)  # ...and Enter goes on, it does not pick it again
    assert rec.dialog is None and w.controller.state is State.GET_READY
    assert w.statusBar().currentMessage() == ""  # the hint went with its dialog
    qtbot.waitUntil(lambda: QApplication.activeWindow() is w, timeout=1000)
    press(qtbot, Qt.Key.Key_Right)  # right after the dialog: reaches the window (ends get-ready)
    assert w.controller.state is State.RUNNING

    w.controller.stop()
    after = rec.dialog
    assert after is not None and after.isVisible()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is after)
    note = after.note  # type: ignore[attr-defined]
    note.setFocus()
    qtbot.keyClicks(note, "warmer")
    press(qtbot, Qt.Key.Key_Return)  # Enter in the note: a new line, the dialog stays
    assert after.isVisible() and note.toPlainText() == "warmer\n"
    press(qtbot, Qt.Key.Key_Tab)  # Tab leaves the note
    assert QApplication.focusWidget() is not note and "\t" not in note.toPlainText()
    note.setFocus()
    press(qtbot, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)  # Ctrl+Enter saves
    assert rec.dialog is None
    sid = rec.history.sessions()[-1].id  # type: ignore[union-attr]
    assert rec.history.session(sid).note == "warmer"  # type: ignore[union-attr]
    qtbot.waitUntil(lambda: QApplication.activeWindow() is w, timeout=1000)
    w.controller.shutdown()


@OFFSCREEN_NOISE
def test_history_menu_opens_the_history_page(window: MainWindow, clock: FakeClock) -> None:
    rec = recorder(window)
    window.controller.start()
    play_to_end(window, clock)
    window.actions_["history"].trigger()
    page = rec.history_window
    assert page is not None and page.isVisible()
    assert len(page.view.shown_sessions()) == 1
    page.close()


def test_clicking_a_timeline_bar_asks_to_jump_there(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    tl = window.view.timeline
    qtbot.waitExposed(window)
    spans = tl._spans
    minutes = (spans[2][0] + spans[2][1]) / 120.0
    x = round(tl._x_of(minutes))
    y = round(tl._plot_rect().bottom()) - 3
    with qtbot.waitSignal(tl.stepClicked) as got:
        qtbot.mouseClick(tl, Qt.MouseButton.LeftButton, pos=QPoint(x, y))
    assert got.args == [2]


def test_practice_time_on_a_step_left_early_counts_per_technique(
    window: MainWindow, clock: FakeClock, data_dir: Path
) -> None:
    """Practice minutes: a completed step counts in full, a step left with Next or Stop counts
    the time actually practised (pauses excluded)."""
    rec = recorder(window)
    rec.mode = "practice"
    c = window.controller
    c.start()
    clock.advance(5)
    c.poll()  # step 1 (stroking) begins
    clock.advance(20)
    c.poll()
    c.pause()
    clock.advance(30)  # paused: not practice time
    c.resume()
    clock.advance(10)
    c.next()  # stroking left after 30 s of practice
    clock.advance(12)
    c.stop()  # deep stroking left after 12 s
    rec.flush()
    history, _ = History.open(data_dir)
    try:
        minutes = history.minutes_by_technique(mode="practice")
        guided = history.minutes_by_technique(mode="guided")
    finally:
        history.close()
    assert minutes["stroking"] == pytest.approx(30 / 60)
    assert minutes["deep-stroking"] == pytest.approx(12 / 60)
    assert guided == {}


def test_a_disk_filling_up_mid_session_is_told_once_and_the_session_goes_on(
    window: MainWindow, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    from massage_trainer.core.history import faults

    rec = recorder(window)
    assert window.controller.start()
    assert rec.history is not None
    history = rec.history

    def full(*_args: object, **_kw: object) -> None:
        raise faults.disk_full(history.path, midway=True)

    monkeypatch.setattr(history, "step_completed", full)
    play_to_end(window, clock)
    rec.flush()
    assert window.controller.state is State.FINISHED  # the massage was guided to its end
    text = window.view.banner.text()
    assert text.count("could not be recorded") == 1 and "the rest of this session" in text
