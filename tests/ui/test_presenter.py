"""Presenter mode: nothing personal on the audience screen, clicker keys in both windows, blanking,
a title readable from 8 m, the screen choice, and controls that hide when the mouse rests."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QFontMetrics, QGuiApplication, QMouseEvent
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QWidget

from massage_trainer.core.history.log import History
from massage_trainer.core.session.clock import FakeClock
from massage_trainer.core.session.player import State
from massage_trainer.ui.classroom.audience import AudienceWindow
from massage_trainer.ui.classroom.presenter import PresenterMode, assign_screens
from massage_trainer.ui.session.main_window import MainWindow
from tests.ui.conftest import classroom_of

# the offscreen platform cannot pass size hints of a full-screen window on; that is not our fault
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

SECRET = "Anastasia Secretova"
PAIN_NOTE = "sharp pain left kidney after the fall"


def presenter(w: MainWindow) -> PresenterMode:
    return classroom_of(w).presenter


def running(w: MainWindow, clock: FakeClock) -> None:
    w.controller.start()
    clock.advance(5)
    w.controller.poll()
    assert w.controller.state is State.RUNNING


def all_text(root: QWidget) -> str:
    """Every string a widget tree could show or speak."""
    parts = [root.windowTitle(), root.toolTip(), root.accessibleName()]
    for w in root.findChildren(QWidget):
        parts += [w.toolTip(), w.accessibleName(), w.accessibleDescription(), w.statusTip()]
        if isinstance(w, QLabel | QAbstractButton):
            parts.append(w.text())
    return "\n".join(parts)


# ---- the screens ---------------------------------------------------------------------------


def test_screen_assignment_is_a_pure_choice() -> None:
    two = assign_screens(["laptop", "projector"], "laptop")
    assert two is not None and (two.audience, two.controls, two.shared) == (
        "projector",
        "laptop",
        False,
    )
    moved = assign_screens(["laptop", "projector"], "projector")
    assert moved is not None and (moved.audience, moved.controls) == ("laptop", "projector")
    three = assign_screens(["a", "b", "c"], "b")
    assert three is not None and (three.audience, three.controls) == ("a", "b")
    unknown = assign_screens(["a", "b"], "gone")  # the window's screen was unplugged
    assert unknown is not None and (unknown.audience, unknown.controls) == ("b", "a")
    one = assign_screens(["laptop"], "laptop")
    assert one is not None and one.shared and one.audience == one.controls == "laptop"
    assert assign_screens([], None) is None


# ---- nothing personal ----------------------------------------------------------------------


def test_audience_window_shows_no_personal_data(
    window: MainWindow, clock: FakeClock, data_dir: Path
) -> None:
    history, _ = History.open(data_dir)
    rid = history.add_receiver(SECRET, note=PAIN_NOTE)
    sid = history.begin_session(
        protocol_id="back-pain-relief",
        protocol_version=1,
        answers={"fever": False},
        verdict="go",
        verdict_reasons=[],
        receiver_id=rid,
        pain_before=7,
        pain_map=["lumbar-left"],
    )
    history.set_after(sid, 3, note=PAIN_NOTE)
    history.close()
    window.notify_once(f"Receiver: {SECRET}")
    window.statusBar().showMessage(PAIN_NOTE)
    window.view.body_view.set_marked_zones(["lumbar-left", "kidney-left"])  # a pain map
    running(window, clock)
    presenter(window).start()
    audience = presenter(window).audience
    assert audience is not None
    clock.advance(3)
    window.controller.poll()
    text = all_text(audience)
    player = window.controller.player
    assert player is not None
    step = player.protocol.steps[player.step_index]
    assert step.title.get("en") in text  # it does show the session...
    for personal in (SECRET, PAIN_NOTE, "Secretova", "Receiver"):
        assert personal not in text, personal
    assert step.instructions.get("en") not in text  # the instructor's notes stay on the laptop
    assert audience.diagram.marked_zones() == ()  # type: ignore[attr-defined]


# ---- keys ----------------------------------------------------------------------------------


def test_clicker_keys_work_in_the_audience_window(
    qtbot, window: MainWindow, clock: FakeClock
) -> None:  # type: ignore[no-untyped-def]
    running(window, clock)
    presenter(window).start()
    audience = presenter(window).audience
    assert audience is not None
    qtbot.waitUntil(lambda: QApplication.activeWindow() is audience)
    c = window.controller
    assert c.player is not None
    qtbot.keyClick(audience, Qt.Key.Key_PageDown)
    assert c.player.step_index == 1
    assert audience.title.text() == c.player.protocol.steps[1].title.get("en")
    qtbot.keyClick(audience, Qt.Key.Key_PageDown)
    qtbot.keyClick(audience, Qt.Key.Key_PageUp)
    assert c.player.step_index == 1
    qtbot.keyClick(audience, Qt.Key.Key_Space)
    assert c.state is State.PAUSED and audience.status.text() == "Paused"
    qtbot.keyClick(audience, Qt.Key.Key_Space)
    assert c.state is State.RUNNING
    qtbot.keyClick(audience, Qt.Key.Key_B)
    assert audience.is_blank and window.actions_["blank"].isChecked()
    assert c.state is State.PAUSED  # the class cannot follow: the session waits
    qtbot.keyClick(audience, Qt.Key.Key_Period)
    assert not audience.is_blank
    assert c.state is State.GET_READY  # hands back in place, then on
    qtbot.keyClick(audience, Qt.Key.Key_Escape)  # leaves presenter mode, not the session
    assert not presenter(window).active and c.state is State.GET_READY


def test_clicker_keys_in_the_main_window_drive_the_audience(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow, clock: FakeClock
) -> None:
    running(window, clock)
    qtbot.keyClick(window, Qt.Key.Key_F5)
    audience = presenter(window).audience
    assert audience is not None
    assert classroom_of(window).actions["presenter"].isChecked()
    window.activateWindow()  # two screens: the instructor's window keeps the keyboard
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.keyClick(window, Qt.Key.Key_PageDown)
    c = window.controller
    assert c.player is not None and c.player.step_index == 1
    assert audience.counter.text() == "STEP 2 OF 8"
    qtbot.keyClick(window, Qt.Key.Key_B)
    assert audience.is_blank
    qtbot.keyClick(window, Qt.Key.Key_Period)
    assert not audience.is_blank
    clock.advance(5)
    c.poll()
    assert c.state is State.RUNNING
    qtbot.keyClick(window, Qt.Key.Key_Space)
    assert c.state is State.PAUSED
    qtbot.keyClick(window, Qt.Key.Key_F5)
    assert not presenter(window).active


def test_countdown_and_repetitions_follow_the_clock(window: MainWindow, clock: FakeClock) -> None:
    running(window, clock)
    presenter(window).start()
    audience = presenter(window).audience
    assert audience is not None
    clock.advance(12)
    window.controller.poll()
    assert audience.countdown.text() == "0:48"  # step 1: one minute, 12 s gone
    assert audience.reps.text().startswith("Repetition 3 / 12")


# ---- size ----------------------------------------------------------------------------------


@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080), (1024, 768), (3840, 2160)])
def test_title_is_readable_from_eight_metres(qapp: object, size: tuple[int, int]) -> None:
    audience = AudienceWindow()
    try:
        audience.resize(*size)
        audience.show()
        QApplication.processEvents()
        h = audience.height()
        assert h == size[1]
        metrics = QFontMetrics(audience.title.font())
        assert metrics.height() >= h / 20
        assert metrics.capHeight() >= h / 40  # the letters themselves, not just the line
        assert audience.countdown.fontMetrics().height() > metrics.height()
    finally:
        audience.close()
        audience.deleteLater()


# ---- one screen: the controls hide until the mouse moves -----------------------------------


def test_one_screen_controls_hide_and_come_back_with_the_mouse(
    window: MainWindow, clock: FakeClock
) -> None:
    p = presenter(window)
    screen = QGuiApplication.primaryScreen()
    p.start(screens=[screen])
    audience = p.audience
    assert audience is not None and p.shared
    assert audience.controls.isVisible() and p.hide_timer.isActive()
    assert p.hide_timer.interval() == 3000 and p.hide_timer.isSingleShot()
    p.hide_timer.timeout.emit()  # three seconds without the mouse
    p.hide_timer.stop()
    assert not audience.controls.isVisible()
    move = QMouseEvent(
        QMouseEvent.Type.MouseMove,
        QPointF(300, 300),
        QPointF(300, 300),
        Qt.MouseButton.NoButton,
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(audience.diagram, move)
    assert audience.controls.isVisible() and p.hide_timer.isActive()
    audience.buttons["next"].click()
    assert window.controller.player is not None and window.controller.player.step_index == 1
    audience.buttons["leave"].click()
    assert not p.active and not p.hide_timer.isActive()


def test_b_blanks_only_the_audience_and_the_instructor_is_told(
    qtbot, window: MainWindow, clock: FakeClock
) -> None:  # type: ignore[no-untyped-def]
    running(window, clock)
    pm = presenter(window)
    pm.start()
    audience = pm.audience
    assert audience is not None
    c = window.controller
    label = window.findChild(QLabel, "audienceBlanked")
    assert label is not None and label.isHidden()
    window.actions_["blank"].setChecked(True)  # B
    assert audience.is_blank
    assert window.view.stack.currentIndex() == 0  # the instructor still sees the diagram
    assert not label.isHidden() and label.text().startswith("Audience screen blanked")
    assert c.state is State.PAUSED and "paused" in label.text()
    t = c.player.step_time()  # type: ignore[union-attr]
    clock.advance(30)
    c.poll()
    assert c.player.step_time() == t  # type: ignore[union-attr]  # the timer waits
    window.actions_["blank"].setChecked(False)  # B again: on, after the get-ready countdown
    assert not audience.is_blank and label.isHidden()
    assert c.state is State.GET_READY
    clock.advance(5)
    c.poll()
    assert c.state is State.RUNNING

    window.play_pause()  # paused by hand, then blanked: showing it again does not go on
    window.actions_["blank"].setChecked(True)
    window.actions_["blank"].setChecked(False)
    assert c.state is State.PAUSED
    window.actions_["blank"].setChecked(True)
    pm.stop()  # leaving presenter mode brings the screen back; the session stays paused
    assert not window.actions_["blank"].isChecked() and c.state is State.PAUSED
    assert window.view.stack.currentIndex() == 0
    assert window.findChild(QLabel, "audienceBlanked") is None or label.isHidden()
    window.actions_["blank"].setChecked(True)  # without presenter mode B blanks this window
    assert window.view.stack.currentIndex() == 1
    window.actions_["blank"].setChecked(False)
